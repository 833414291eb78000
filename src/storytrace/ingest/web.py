"""http(s) inputs: fetch, then hand the body to the HTML, feed or text reader."""

from __future__ import annotations

from collections.abc import Iterator

from storytrace.errors import InputError
from storytrace.ingest.feed import read_feed
from storytrace.ingest.fetch import Fetcher, classify
from storytrace.ingest.html import read_html
from storytrace.ingest.text import read_text
from storytrace.records import RawArticle

__all__ = ["read_url"]


def read_url(url: str, fetcher: Fetcher) -> Iterator[RawArticle | InputError]:
    """Yield the article at ``url``, or each entry of the feed there, or the error."""
    try:
        fetched = fetcher.get(url)
        kind = classify(fetched, input=url)
        if kind == "feed":
            yield from read_feed(fetched.body, input=url, fetcher=fetcher)
        elif kind == "text":
            yield from read_text(fetched.body, input=url, url=fetched.url, charset=fetched.charset)
        else:
            yield read_html(fetched.body, input=url, url=fetched.url, charset=fetched.charset)
    except InputError as exc:
        yield exc
