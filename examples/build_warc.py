"""Build examples/archive/tessel-valley-herald.warc.gz from the pages in examples/archive/pages/.

The source pages are stored as ``*.htmlsrc`` so that a recursive reader of ``examples/``
(which picks up ``.html``) does not ingest them a second time next to the WARC.

The build is deterministic: fixed WARC-Date values, WARC-Record-IDs derived from the
target URI (uuid5), fixed HTTP headers, and warcio's per-record gzip members (zlib
writes no timestamp in the gzip header). Running it twice gives byte-identical output.

    .venv/bin/python examples/build_warc.py
"""

from __future__ import annotations

import hashlib
import io
import uuid
from datetime import datetime
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
PAGES = HERE / "archive" / "pages"
OUTPUT = HERE / "archive" / "tessel-valley-herald.warc.gz"

# The namespace for record ids: any fixed UUID will do; this one is uuid5(URL, the site).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://www.tesselherald.example/")

# source file -> (target URI, capture time, Last-Modified header)
CAPTURES: dict[str, tuple[str, str, str]] = {
    "2026-03-04-veyle-aid-trucks.htmlsrc": (
        "https://www.tesselherald.example/region/2026/03/04/veyle-aid-trucks-idle",
        "2026-03-04T15:02:11Z",
        "Wed, 04 Mar 2026 11:30:00 GMT",
    ),
    "2026-03-06-calders-ford-waits.htmlsrc": (
        "https://www.tesselherald.example/calders-ford/2026/03/06/town-counts-the-days",
        "2026-03-06T09:47:53Z",
        "Fri, 06 Mar 2026 07:00:00 GMT",
    ),
}

WARCINFO_DATE = "2026-03-06T10:00:00Z"


def record_id(key: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, key)}>"


def http_date(iso: str) -> str:
    """'2026-03-04T15:02:11Z' -> 'Wed, 04 Mar 2026 15:02:11 GMT' (no locale, no clock)."""
    dt = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return (
        f"{days[dt.weekday()]}, {dt.day:02d} {months[dt.month - 1]} {dt.year} "
        f"{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d} GMT"
    )


def build(output: Path = OUTPUT) -> Path:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True, warc_version="WARC/1.1")

    info = (
        b"software: storytrace examples/build_warc.py (warcio)\r\n"
        b"format: WARC File Format 1.1\r\n"
        b"description: Fictional pages of the Tessel Valley Herald for the storytrace demo\r\n"
    )
    warcinfo = writer.create_warc_record(
        "",
        "warcinfo",
        payload=io.BytesIO(info),
        length=len(info),
        warc_content_type="application/warc-fields",
        warc_headers_dict={
            "WARC-Date": WARCINFO_DATE,
            "WARC-Record-ID": record_id("warcinfo:" + output.name),
            "WARC-Filename": output.name,
        },
    )
    writer.write_record(warcinfo)

    for name, (uri, captured, last_modified) in sorted(CAPTURES.items()):
        body = (PAGES / name).read_bytes()
        http_headers = StatusAndHeaders(
            "200 OK",
            [
                ("Date", http_date(captured)),
                ("Server", "nginx"),
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Last-Modified", last_modified),
                ("ETag", '"' + hashlib.sha1(body).hexdigest()[:16] + '"'),
                ("Cache-Control", "max-age=300"),
            ],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http_headers,
            warc_headers_dict={
                "WARC-Date": captured,
                "WARC-Record-ID": record_id(uri),
                "WARC-Warcinfo-ID": record_id("warcinfo:" + output.name),
            },
        )
        writer.write_record(record)

    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(buf.getvalue())
    return output


if __name__ == "__main__":
    path = build()
    print(f"wrote {path} ({path.stat().st_size} bytes)")
