"""JSON Lines inputs: one article object per line, ``{"id", "text", "title"?, ...}``.

Each line is its own input (``path:LINENO``), so one bad line is reported and
the others are still read. The file is streamed line by line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from storytrace.errors import DecodeError, EmptyInput, InputError, MalformedInput
from storytrace.ingest.decode import looks_binary, normalize_newlines
from storytrace.records import RawArticle

__all__ = ["read_jsonl"]

_OPTIONAL = ("title", "url", "outlet", "published", "author")
_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), "number")


def _optional_str(obj: dict[str, Any], key: str, *, input: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedInput(f'"{key}" must be a string, not {_json_type(value)}', input=input)
    return value.strip() or None


def _source_id(obj: dict[str, Any], *, input: str) -> str | None:
    value = obj.get("id")
    if value is None:
        return None
    # bool is an int subclass, but true/false is not an id
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise MalformedInput(
            f'"id" must be a string or an integer, not {_json_type(value)}', input=input
        )
    if not value.strip():
        raise MalformedInput('"id" is empty', input=input)
    return value


def parse_line(line: str, *, input: str) -> RawArticle:
    """Parse one non-blank line into an article; raises MalformedInput/EmptyInput."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInput(
            f"line is not valid JSON ({exc.msg} at column {exc.colno})", input=input
        ) from None
    except RecursionError:
        raise MalformedInput("line is not valid JSON (nested too deeply)", input=input) from None
    if not isinstance(obj, dict):
        raise MalformedInput(f"line is not a JSON object (got {_json_type(obj)})", input=input)
    if "text" not in obj or obj["text"] is None:
        raise MalformedInput('missing "text" field', input=input)
    text = obj["text"]
    if not isinstance(text, str):
        raise MalformedInput(f'"text" must be a string, not {_json_type(text)}', input=input)
    if not text.strip():
        raise EmptyInput('"text" is empty', input=input)
    fields = {key: _optional_str(obj, key, input=input) for key in _OPTIONAL}
    return RawArticle(
        input=input,
        text=normalize_newlines(text),
        source_id=_source_id(obj, input=input),
        **fields,
    )


def read_jsonl(stream: IO[bytes], *, input: str) -> Iterator[RawArticle | InputError]:
    """Yield an article or an error for each non-blank line of ``stream``."""
    head = stream.read(8192)
    if looks_binary(head):
        yield DecodeError("binary data, not text", input=input)
        return
    found = False
    lines = _lines(head, stream)
    for number, raw in enumerate(lines, start=1):
        where = f"{input}:{number}"
        try:
            # JSON text is UTF-8 (RFC 8259); tolerate a BOM on the first line only
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            found = True
            yield DecodeError(f"line is not valid UTF-8 (byte {exc.start + 1})", input=where)
            continue
        if not line.strip():
            continue
        found = True
        try:
            yield parse_line(line, input=where)
        except InputError as exc:
            yield exc
    if not found:
        yield EmptyInput("no JSON lines in file", input=input)


def _lines(head: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    """Lines of ``head`` + the rest of ``stream``; split on LF only (JSON escapes the rest)."""
    pieces = (head + stream.readline()).split(b"\n")
    if pieces[-1] == b"":  # the first block ended with a newline: no partial line
        pieces.pop()
    yield from pieces
    yield from stream
