"""RSS/Atom feeds: one article per entry.

An entry that carries its full content (``content:encoded``, Atom ``content``)
is read from the feed; otherwise its link is fetched and the page extracted.
A summary is used only when there is no link to fetch: it is usually a teaser.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from storytrace.errors import EmptyInput, FetchError, InputError, MalformedInput, UnsupportedInput
from storytrace.ingest.decode import decode, normalize_newlines
from storytrace.ingest.fetch import Fetcher, classify, is_url
from storytrace.ingest.html import extract_html, fragment_to_text, read_html
from storytrace.records import RawArticle

__all__ = ["read_feed"]


def read_feed(data: bytes, *, input: str, fetcher: Fetcher) -> Iterator[RawArticle | InputError]:
    """Yield an article or an error for each entry of the feed in ``data``."""
    if not data.strip():
        yield EmptyInput("file is empty", input=input)
        return
    try:
        # a stream, never bytes/str: feedparser would try a str as a URL or file name.
        # No sanitizing: we only take text, and it would strip <html> off whole pages
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False)
    except Exception as exc:  # a crash on odd input is still just a bad feed
        yield MalformedInput(f"not a valid RSS/Atom feed ({type(exc).__name__})", input=input)
        return
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = _problem(parsed.get("bozo_exception"))
            yield MalformedInput(f"not a valid RSS/Atom feed ({problem})", input=input)
        elif not parsed.get("version"):
            yield MalformedInput("not a valid RSS/Atom feed (no feed elements found)", input=input)
        else:
            yield EmptyInput("feed has no entries", input=input)
        return
    outlet = _text(parsed.feed, "title")
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry(entry, input=f"{input}#entry-{number}", outlet=outlet, fetcher=fetcher)
        except InputError as exc:
            yield exc


def _entry(entry: Any, *, input: str, outlet: str | None, fetcher: Fetcher) -> RawArticle:
    # feedparser may use an Atom id (urn:...) as the link; only a web address is a URL
    link = entry.get("link") if is_url(entry.get("link") or "") else None
    meta: dict[str, str | None] = {
        "title": _text(entry, "title"),
        "outlet": outlet,
        "url": link,
        "published": _date(entry),
        "author": (entry.get("author") or "").strip() or None,
    }
    text = _content(entry, input=input)
    if not text and link:
        return _fetch_entry(link, meta, input=input, fetcher=fetcher)
    if not text:
        summary = entry.get("summary") or ""
        text = fragment_to_text(summary) if "<" in summary else normalize_newlines(summary).strip()
    if not text:
        raise EmptyInput("entry has no content and no link to fetch", input=input)
    return RawArticle(input=input, text=text, **meta)


def _fetch_entry(
    link: str, meta: dict[str, str | None], *, input: str, fetcher: Fetcher
) -> RawArticle:
    try:
        fetched = fetcher.get(link)
    except FetchError as exc:
        raise FetchError(str(exc), input=input) from None  # str(exc) names the link
    kind = classify(fetched, input=input)
    if kind == "feed":
        raise UnsupportedInput(f"{link} is a feed, not an article", input=input)
    if kind == "text":
        text = decode(fetched.body, input=input, declared=fetched.charset)
        if not text.strip():
            raise EmptyInput(f"{link}: empty response", input=input)
        return RawArticle(input=input, text=text, **meta)
    page = read_html(fetched.body, input=input, url=link, charset=fetched.charset)
    # the feed's own metadata is editorial; the page fills the gaps
    return RawArticle(
        input=input,
        text=page.text,
        title=meta["title"] or page.title,
        outlet=meta["outlet"] or page.outlet,
        url=link,
        published=meta["published"] or page.published,
        author=meta["author"] or page.author,
    )


def _content(entry: Any, *, input: str) -> str:
    """The entry's full content as text, or "" when it carries none."""
    for item in entry.get("content") or ():
        value = item.get("value") or ""
        if not value.strip():
            continue
        if "html" not in (item.get("type") or "text/html"):
            return normalize_newlines(value).strip()
        if "<html" in value[:1000].lower() or "<body" in value[:1000].lower():
            try:
                return extract_html(value, input=input).text
            except EmptyInput:
                continue
        if text := fragment_to_text(value):
            return text
    return ""


def _text(node: Any, key: str) -> str | None:
    value = node.get(key) or ""
    detail = node.get(f"{key}_detail") or {}
    if "html" in (detail.get("type") or ""):
        value = fragment_to_text(value)
    return " ".join(value.split()) or None


def _date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not isinstance(parsed, time.struct_time):
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"


def _problem(exc: object) -> str:
    # SAX errors print as "<unknown>:2:0: msg", with lines shifted by feedparser's rewriting
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    return " ".join(str(message).split()) or "unknown error"
