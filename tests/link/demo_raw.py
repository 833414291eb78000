"""The twelve demo articles as stored articles, read (not parsed) the way
examples/demo.sh adds them: linking needs only text and metadata."""

from __future__ import annotations

from functools import lru_cache

from storytrace.ingest import Metadata, read_inputs
from storytrace.records import Article, RawArticle
from storytrace.store import text_key

from ..conftest import EXAMPLES
from .corpora import DEMO_OTHER_INPUTS, DEMO_TEXT_METADATA

__all__ = ["demo_articles", "demo_raw"]


@lru_cache(maxsize=1)
def demo_raw() -> tuple[RawArticle, ...]:
    """Raw demo articles in demo.sh's order: the three .txt files first."""
    found: list[RawArticle] = []
    for name, (outlet, published) in DEMO_TEXT_METADATA.items():
        meta = Metadata(outlet=outlet, published=published)
        found += [
            r
            for r in read_inputs([str(EXAMPLES / name)], metadata=meta)
            if isinstance(r, RawArticle)
        ]
    others = [str(EXAMPLES / n) for n in DEMO_OTHER_INPUTS]
    html = sorted(str(p) for p in EXAMPLES.glob("*.html"))
    found += [r for r in read_inputs([*others, *html]) if isinstance(r, RawArticle)]
    assert len(found) == 12
    return tuple(found)


def demo_articles() -> list[Article]:
    """The demo articles as Articles (id: the JSONL id, else the input name)."""
    return [
        Article(
            id=r.source_id or r.input.rsplit("/", 1)[-1],
            key=text_key(r.text),
            input=r.input,
            text=r.text,
            title=r.title,
            outlet=r.outlet,
            url=r.url,
            published=r.published,
        )
        for r in demo_raw()
    ]
