"""Small hand-built inputs shared by the ingest tests."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

BODY = (
    "The minister resigned on Tuesday, officials said.",
    '"I have no regrets," she told reporters outside the ministry in the capital.',
    "Opposition leaders welcomed the decision and called for an early election.",
)


def article_html(
    title: str = "Minister resigns",
    *,
    date: str | None = "2024-03-05",
    paragraphs: tuple[str, ...] = BODY,
    charset: str = "utf-8",
) -> str:
    """A small but complete news page: nav, article, footer, metadata in <head>."""
    date_meta = (
        f'<meta property="article:published_time" content="{date}T10:00:00Z">' if date else ""
    )
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>'
        '<meta property="og:site_name" content="Daily Planet">'
        '<meta name="author" content="Lois Lane">'
        f"{date_meta}"
        '<link rel="canonical" href="https://planet.example/minister"></head>'
        "<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright Daily Planet</footer></body></html>"
    )


EMPTY_HTML = "<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>"


def build_warc(records: list[tuple[str, str, str, bytes]], *, gzip: bool = True) -> bytes:
    """A WARC with a warcinfo record, then one response per (uri, status, type, body)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for uri, status, content_type, body in records:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-06-01T08:00:00Z"},
        )
        writer.write_record(record)
        record.raw_stream.close()  # warcio buffered the body in a temp file it does not close
    return buffer.getvalue()
