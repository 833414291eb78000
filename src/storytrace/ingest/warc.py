"""WARC archives (``.warc``, ``.warc.gz``): one article per HTML response record.

The archive is streamed record by record. warcio silently stops at a cut-off
file, so completeness is checked here: each record's block must be as long as
its Content-Length says, and every gzip member must end properly.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from storytrace.errors import EmptyInput, InputError, MalformedInput
from storytrace.ingest.html import iso_date, read_html
from storytrace.records import RawArticle

__all__ = ["read_warc"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b"
_PIECE = 1 << 20


class _Truncated(Exception):
    """The archive ends, or goes bad, in the middle of a record."""


class _GzipCheck:
    """Wraps the file warcio reads and inflates each chunk once more, only to learn
    up to which offset the gzip members are complete (warcio ignores a bad end)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._inflater = zlib.decompressobj(wbits=31)
        self._offset = 0  # compressed bytes fed to the current inflater so far
        self.verified = 0  # end offset of the last complete member
        self.problem: str | None = None

    @property
    def complete(self) -> bool:
        """True when everything read so far was whole, valid gzip members."""
        return self.problem is None and self._offset == self.verified

    def tell(self) -> int:
        return self._raw.tell()

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        if data and self.problem is None:
            self._feed(data)
        return data

    def _feed(self, data: bytes) -> None:
        while data:
            try:
                # the inflated bytes are dropped (warcio inflates its own copy), so
                # they are made in bounded pieces
                tail = data
                while tail and not self._inflater.eof:
                    self._inflater.decompress(tail, _PIECE)
                    tail = self._inflater.unconsumed_tail
            except zlib.error as exc:
                self.problem = f"bad gzip data: {exc}"
                return
            rest = self._inflater.unused_data if self._inflater.eof else b""
            self._offset += len(data) - len(rest)
            if not self._inflater.eof:
                return
            self.verified = self._offset
            data = rest
            self._inflater = zlib.decompressobj(wbits=31)


def read_warc(stream: IO[bytes], *, input: str) -> Iterator[RawArticle | InputError]:
    """Yield the article (or error) of each HTML response in a seekable ``stream``."""
    magic = stream.read(2)
    stream.seek(0)
    if not magic:
        yield EmptyInput("file is empty", input=input)
        return
    gzip = _GzipCheck(stream) if magic == _GZIP_MAGIC else None
    archive = ArchiveIterator(gzip or stream)
    done = 0
    found = False
    end = 0  # file offset just after the last complete record
    while True:
        try:
            record = next(archive, None)
            if record is None:
                _check_tail(stream, gzip, end, done)
                break
            item = _record(record, input=f"{input}#record-{done + 1}")
            end = archive.get_record_offset() + archive.get_record_length()
            if gzip is not None and end > gzip.verified:
                raise _Truncated(gzip.problem or "gzip data ends in the middle of a record")
        except Exception as exc:  # warcio, zlib or our checks: the rest is unreadable
            detail = " ".join(str(exc).split()) or type(exc).__name__
            message = (
                f"truncated or corrupt WARC after record {done} ({detail})"
                if done
                else f"not a valid WARC file ({detail})"
            )
            yield MalformedInput(message, input=input)
            return
        done += 1
        if item is not None:
            found = True
            yield item
    if not found:
        yield EmptyInput("no HTML responses in the WARC", input=input)


def _check_tail(stream: IO[bytes], gzip: _GzipCheck | None, end: int, done: int) -> None:
    """warcio ends quietly at a cut-off record header or gzip member: look for one."""
    if gzip is not None and not gzip.complete:
        raise _Truncated(gzip.problem or "gzip data ends in the middle of a record")
    if not done:
        raise _Truncated("no records found")
    stream.seek(end)
    if stream.read(4096).strip():  # only blank lines may follow the last record
        raise _Truncated("incomplete record at the end")


def _record(record: Any, *, input: str) -> RawArticle | InputError | None:
    """The article of one record, an error for it, or None for a record we skip."""
    # warcio yields a header cut off at the end of the file as a record of its own
    declared = record.rec_headers.get_header("Content-Length") or ""
    if not isinstance(record.length, int) or (record.format == "warc" and not declared.isdigit()):
        raise _Truncated("record header without a Content-Length")
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or http.get_statuscode() != "200":
            _drain(record)
            return None
        content_type = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        _drain(record)
        return None
    media, _, params = content_type.partition(";")
    if media.strip().lower() not in _HTML_TYPES:
        _drain(record)
        return None
    payload = record.content_stream().read()
    _drain(record)
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        page = read_html(payload, input=input, url=url, charset=_charset(params))
    except InputError as exc:
        return exc
    if page.published is None:  # the capture date is the best date left
        warc_date = iso_date(record.rec_headers.get_header("WARC-Date"))
        page = dataclasses.replace(page, published=warc_date)
    return page


def _drain(record: Any) -> None:
    """Read the rest of the record and check that all of it was there."""
    raw = record.raw_stream
    while raw.read(65_536):
        pass
    if raw.tell() < record.length:
        raise _Truncated(f"record cut short: {raw.tell()} of {record.length} bytes")


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
