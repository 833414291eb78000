"""WARC archives built in the test with warcio's WARCWriter."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from ingest_samples import EMPTY_HTML, article_html, build_warc
from warcio.archiveiterator import ArchiveIterator

from storytrace.errors import EmptyInput, InputError, MalformedInput
from storytrace.ingest import read_inputs
from storytrace.records import RawArticle

HTML = "text/html; charset=utf-8"
RECORDS = [
    ("https://planet.example/a", "200 OK", HTML, article_html("Dated").encode()),
    ("https://planet.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
    ("https://planet.example/gone", "404 Not Found", HTML, article_html("Gone").encode()),
    ("https://planet.example/empty", "200 OK", HTML, EMPTY_HTML.encode()),
    ("https://planet.example/b", "200 OK", HTML, article_html("Undated", date=None).encode()),
]


def read(path: Path) -> list[RawArticle | InputError]:
    return list(read_inputs([str(path)]))


@pytest.mark.parametrize(("name", "gzip"), [("a.warc.gz", True), ("a.warc", False)])
def test_html_responses(tmp_path: Path, name: str, gzip: bool) -> None:
    path = tmp_path / name
    path.write_bytes(build_warc(RECORDS, gzip=gzip))
    dated, empty, undated = read(path)
    # record 1 is warcinfo; the image (3) and the 404 (4) are skipped silently
    assert isinstance(dated, RawArticle)
    assert (dated.input, dated.url, dated.title, dated.published, dated.outlet) == (
        f"{path}#record-2",
        "https://planet.example/a",
        "Dated",
        "2024-03-05",
        "Daily Planet",
    )
    assert "she told reporters" in dated.text
    assert isinstance(empty, EmptyInput)
    assert str(empty) == f"{path}#record-5: no article text found in the HTML"
    assert isinstance(undated, RawArticle)
    assert (undated.input, undated.published) == (f"{path}#record-6", "2024-06-01")  # WARC-Date


def test_truncated_gzip_keeps_the_records_before(tmp_path: Path) -> None:
    records = [
        (f"https://planet.example/{n}", "200 OK", HTML, article_html(f"T{n}").encode())
        for n in range(3)
    ]
    data = build_warc(records)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:-150])  # into the last record's gzip member
    items = read(path)
    assert [i.input for i in items[:-1]] == [f"{path}#record-2", f"{path}#record-3"]
    assert isinstance(items[-1], MalformedInput)
    assert str(items[-1]).startswith(f"{path}: truncated or corrupt WARC after record 3 (")


def test_truncated_plain_warc(tmp_path: Path) -> None:
    data = build_warc(RECORDS[:1], gzip=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-100])
    (error,) = read(path)
    assert isinstance(error, MalformedInput)
    assert str(error).startswith(
        f"{path}: truncated or corrupt WARC after record 1 (record cut short: "
    )


def test_corrupt_gzip(tmp_path: Path) -> None:
    data = bytearray(build_warc(RECORDS[:1]))
    data[-40:-30] = b"\xff" * 10
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(bytes(data))
    items = read(path)
    assert isinstance(items[-1], MalformedInput)
    assert str(items[-1]).startswith(f"{path}: truncated or corrupt WARC after record 1 (")


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "x.warc"
    path.write_text("<html><body>Not an archive</body></html>\n")
    (error,) = read(path)
    assert isinstance(error, MalformedInput)
    assert str(error).startswith(f"{path}: not a valid WARC file (Unknown archive format")


def test_empty_and_no_html(tmp_path: Path) -> None:
    empty, images = tmp_path / "e.warc", tmp_path / "i.warc.gz"
    empty.write_bytes(b"")
    images.write_bytes(build_warc([RECORDS[1]]))
    errors = list(read_inputs([str(empty), str(images)]))
    assert all(isinstance(e, EmptyInput) for e in errors)
    assert [str(e) for e in errors] == [
        f"{empty}: file is empty",
        f"{images}: no HTML responses in the WARC",
    ]


def record_ends(data: bytes) -> list[int]:
    archive = ArchiveIterator(io.BytesIO(data))
    return [archive.get_record_offset() + archive.get_record_length() for _ in archive]


@pytest.mark.parametrize("gzip", [True, False])
def test_every_cut_keeps_a_prefix_and_reports_once(tmp_path: Path, gzip: bool) -> None:
    pages = [article_html(f"Title {n}").encode() for n in range(3)]
    data = build_warc(
        [(f"https://p.example/{n}", "200 OK", HTML, p) for n, p in enumerate(pages)], gzip=gzip
    )
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data)
    whole = read(path)
    assert len(whole) == 3
    # a cut right after a record leaves a valid, shorter archive; uncompressed
    # records are followed by 4 bytes of blank lines
    boundaries = {end + gap for end in record_ends(data) for gap in ([0] if gzip else range(5))}
    cuts = sorted({*range(1, len(data), 17), *(b + d for b in boundaries for d in (-1, 0, 1))})
    for end in (c for c in cuts if 0 < c < len(data)):
        path.write_bytes(data[:end])
        items = read(path)
        if end in boundaries:
            assert items == whole[: len(items)] or [type(i) for i in items] == [EmptyInput], end
        else:
            *articles, last = items
            assert articles == whole[: len(articles)]
            assert isinstance(last, MalformedInput), (end, last)
