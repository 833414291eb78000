"""Local paths: pick the reader by extension, and walk directories for supported files."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from storytrace.errors import EmptyInput, InputError, InputNotFound, UnsupportedInput
from storytrace.ingest.feed import read_feed
from storytrace.ingest.fetch import Fetcher
from storytrace.ingest.html import read_html
from storytrace.ingest.jsonl import read_jsonl
from storytrace.ingest.options import Metadata
from storytrace.ingest.text import read_text
from storytrace.ingest.warc import read_warc
from storytrace.records import RawArticle

__all__ = ["SUPPORTED", "read_path"]

#: longest first, so ".warc.gz" wins over any shorter ending
SUPPORTED = (".warc.gz", ".jsonl", ".html", ".atom", ".warc", ".txt", ".htm", ".xml", ".rss")
_KINDS = ", ".join(sorted(SUPPORTED))

Items = Iterator[RawArticle | InputError]
_Reader = Callable[[Path, str, Metadata, Fetcher], Items]


def _suffix(name: str) -> str | None:
    lower = name.lower()
    return next((ext for ext in SUPPORTED if lower.endswith(ext)), None)


def read_path(path: str, *, metadata: Metadata, fetcher: Fetcher) -> Items:
    """Yield what a file holds, or what every supported file under a directory holds."""
    target = Path(path)
    try:
        if target.is_dir():
            yield from _read_dir(path, metadata, fetcher)
        elif not target.exists():
            yield InputNotFound("no such file or directory", input=path)
        elif not target.is_file():
            yield UnsupportedInput("not a regular file", input=path)
        elif (suffix := _suffix(target.name)) is None:
            kind = f"file type '{target.suffix}'" if target.suffix else "file (no extension)"
            yield UnsupportedInput(
                f"unsupported {kind}; supported: {_KINDS}, or an http(s) URL", input=path
            )
        else:
            yield from _READERS[suffix](target, path, metadata, fetcher)
    except OSError as exc:  # permissions, I/O errors, a file vanishing mid-walk
        yield InputError(f"cannot read ({exc.strerror or exc})", input=path)


def _read_dir(path: str, metadata: Metadata, fetcher: Fetcher) -> Items:
    found: list[str] = []
    errors: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else path
        errors.append(InputError(f"cannot read ({exc.strerror or exc})", input=where))

    for root, dirs, names in os.walk(path, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # hidden: .git, .cache ...
        found.extend(os.path.join(root, n) for n in names if not n.startswith(".") and _suffix(n))
    yield from errors
    if not found and not errors:
        yield EmptyInput(f"no supported files in the directory (looked for {_KINDS})", input=path)
    for file in sorted(found):
        yield from read_path(file, metadata=metadata, fetcher=fetcher)


def _text(file: Path, input: str, metadata: Metadata, fetcher: Fetcher) -> Items:
    return read_text(file.read_bytes(), input=input, metadata=metadata)


def _jsonl(file: Path, input: str, metadata: Metadata, fetcher: Fetcher) -> Items:
    with file.open("rb") as stream:
        yield from read_jsonl(stream, input=input)


def _html(file: Path, input: str, metadata: Metadata, fetcher: Fetcher) -> Items:
    try:
        yield read_html(file.read_bytes(), input=input)
    except InputError as exc:
        yield exc


def _feed(file: Path, input: str, metadata: Metadata, fetcher: Fetcher) -> Items:
    return read_feed(file.read_bytes(), input=input, fetcher=fetcher)


def _warc(file: Path, input: str, metadata: Metadata, fetcher: Fetcher) -> Items:
    with file.open("rb") as stream:
        yield from read_warc(stream, input=input)


_READERS: dict[str, _Reader] = {
    ".txt": _text,
    ".jsonl": _jsonl,
    ".html": _html,
    ".htm": _html,
    ".xml": _feed,
    ".rss": _feed,
    ".atom": _feed,
    ".warc": _warc,
    ".warc.gz": _warc,
}
