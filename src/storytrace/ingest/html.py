"""HTML pages: trafilatura finds the main text and the page's metadata.

Also strips HTML fragments (feed entry content) to text with a small parser of
our own, since trafilatura expects whole pages and drops short fragments.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from html.parser import HTMLParser

import trafilatura
from trafilatura.settings import Document

from storytrace.errors import EmptyInput, MalformedInput
from storytrace.ingest.decode import decode, normalize_newlines
from storytrace.records import RawArticle

__all__ = ["extract_html", "fragment_to_text", "iso_date", "read_html", "sniff_charset"]

# trafilatura logs every page it discards; we report those ourselves as EmptyInput,
# and a NullHandler keeps Python's last-resort handler from printing them to stderr
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# fmt: off
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol",
    "p", "pre", "section", "table", "td", "th", "tr", "ul",
})
# fmt: on
_SKIP_TAGS = frozenset({"head", "iframe", "noscript", "script", "style", "svg", "template"})
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def sniff_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag declares near the start of the page, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` when ``value`` starts with a valid ISO date, else None."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None


def extract_html(html: str, *, input: str, url: str | None = None) -> RawArticle:
    """The article in an HTML page; raises EmptyInput when there is no main text."""
    # trafilatura rejects input without "html" near its start as not-a-page
    if "html" not in html[:50].lower():
        html = f"<html><body>{html}</body></html>"
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # lxml/htmldate on hostile markup: report it, go on
        raise MalformedInput(f"cannot parse the HTML ({type(exc).__name__})", input=input) from None
    # a Document, or None when trafilatura found nothing worth keeping
    text = normalize_newlines(doc.text or "") if isinstance(doc, Document) else ""
    if not isinstance(doc, Document) or not text.strip():
        raise EmptyInput("no article text found in the HTML", input=input)
    return RawArticle(
        input=input,
        text=text,
        title=_clean(doc.title),
        outlet=_clean(doc.sitename),
        # where we got it from beats the page's own claim; the claim helps local files
        url=url or _clean(doc.url),
        published=iso_date(doc.date),
        author=_clean(doc.author),
    )


def read_html(
    data: bytes, *, input: str, url: str | None = None, charset: str | None = None
) -> RawArticle:
    """Decode an HTML page (``charset`` from HTTP, else its ``<meta>``) and extract it."""
    html = decode(data, input=input, declared=charset or sniff_charset(data))
    return extract_html(html, input=input, url=url)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def _break(self) -> None:
        block = _SPACES.sub(" ", "".join(self._current)).strip()
        if block:
            self.blocks.append(block)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._break()


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment: one line per block element, whitespace collapsed."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return "\n".join(collector.blocks)
