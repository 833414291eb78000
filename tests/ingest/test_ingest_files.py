"""Paths: dispatch by extension, directory walking, and what goes wrong with files."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from ingest_samples import article_html, build_warc

from storytrace.errors import EmptyInput, InputError, InputNotFound, UnsupportedInput
from storytrace.ingest import SUPPORTED, read_inputs
from storytrace.records import RawArticle

KINDS = ".atom, .htm, .html, .jsonl, .rss, .txt, .warc, .warc.gz, .xml"
ALSO = f"supported: {KINDS}, or an http(s) URL"


def test_directory_is_walked_sorted_by_extension(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second file.")
    (tmp_path / "a.txt").write_text("First file.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text(json.dumps({"id": "c", "text": "Line."}) + "\n")
    (tmp_path / "sub" / "d.HTML").write_text(article_html())
    (tmp_path / "sub" / "e.warc.gz").write_bytes(
        build_warc([("https://x.example/e", "200 OK", "text/html", article_html("E").encode())])
    )
    (tmp_path / "notes.md").write_text("ignored: not a supported kind")
    (tmp_path / "page.pdf").write_bytes(b"%PDF ignored")
    (tmp_path / ".hidden.txt").write_text("ignored: hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("ignored: in a hidden directory")
    items = list(read_inputs([str(tmp_path)]))
    assert all(isinstance(i, RawArticle) for i in items)
    assert [i.input for i in items] == [
        f"{tmp_path}/a.txt",
        f"{tmp_path}/b.txt",
        f"{tmp_path}/sub/c.jsonl:1",
        f"{tmp_path}/sub/d.HTML",
        f"{tmp_path}/sub/e.warc.gz#record-2",
    ]


def test_explicit_inputs_keep_their_order_and_errors_do_not_stop_the_batch(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "report.pdf").write_bytes(b"%PDF")
    (tmp_path / "README").write_text("no extension")
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.md").write_text("unsupported only")
    names = ["missing.txt", "report.pdf", "README", "empty", "other", "a.txt"]
    items = list(read_inputs([str(tmp_path / n) for n in names]))
    assert [type(i) for i in items] == [
        InputNotFound,
        UnsupportedInput,
        UnsupportedInput,
        EmptyInput,
        EmptyInput,
        RawArticle,
    ]
    assert [str(i) for i in items[:-1]] == [
        f"{tmp_path}/missing.txt: no such file or directory",
        f"{tmp_path}/report.pdf: unsupported file type '.pdf'; {ALSO}",
        f"{tmp_path}/README: unsupported file (no extension); {ALSO}",
        f"{tmp_path}/empty: no supported files in the directory (looked for {KINDS})",
        f"{tmp_path}/other: no supported files in the directory (looked for {KINDS})",
    ]


def test_a_single_string_is_one_input(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Text.")
    (article,) = read_inputs(str(path))
    assert isinstance(article, RawArticle)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Text.")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    # chmod does not stop root, so the failure is simulated
    monkeypatch.setattr(Path, "read_bytes", denied)
    (error,) = read_inputs([str(path)])
    assert type(error) is InputError
    assert str(error) == f"{path}: cannot read (Permission denied)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("Text.")
    locked.chmod(0)
    try:
        (error,) = read_inputs([str(tmp_path)])
    finally:
        locked.chmod(0o755)
    assert str(error) == f"{locked}: cannot read (Permission denied)"


def test_unreadable_subdirectory_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Text.")
    real_walk = os.walk

    def walk(
        top: str, onerror: Callable[[OSError], None]
    ) -> Iterator[tuple[str, list[str], list[str]]]:
        onerror(PermissionError(13, "Permission denied", f"{top}/locked"))
        yield from real_walk(top)

    monkeypatch.setattr("storytrace.ingest.files.os.walk", walk)
    error, article = read_inputs([str(tmp_path)])
    assert str(error) == f"{tmp_path}/locked: cannot read (Permission denied)"
    assert isinstance(article, RawArticle)


def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (error,) = read_inputs([str(fifo)])
    assert isinstance(error, UnsupportedInput)
    assert str(error) == f"{fifo}: not a regular file"


def test_supported_kinds() -> None:
    assert sorted(SUPPORTED) == KINDS.split(", ")
