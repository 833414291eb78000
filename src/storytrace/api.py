"""The library functions behind each CLI command (the CLI only parses and reports).

add(inputs, db)          ingest into a store            -> IngestSummary
analyze(inputs)          the same pipeline, in memory   -> (analyses, IngestSummary)
write_report(db, out)    self-contained HTML report
export_json(db, out)     the storytrace/1 JSON contract
stories(db)              the developing stories of the store
story(db, story_id)      one story: its articles and near-copies
timeline(db)             the story timeline of everything stored
cross_links(db)          people, quote groups, citations, conflicts across articles
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from storytrace.config import Config, load_config
from storytrace.errors import NotFound, StoreError
from storytrace.ingest import Metadata
from storytrace.link.across import CrossLinks, link_across
from storytrace.link.records import CopyPair, Story
from storytrace.link.run import LinkResult, link_store, load_links
from storytrace.pipeline import IngestSummary, ProgressCallback, ingest
from storytrace.records import Article, ArticleAnalysis, TimelineEvent
from storytrace.report.html import render_html
from storytrace.report.json_report import export_dict, write_json
from storytrace.store import Store
from storytrace.timeline import build_timeline

if TYPE_CHECKING:
    import httpx

__all__ = [
    "add",
    "analyze",
    "cross_links",
    "export_json",
    "stories",
    "story",
    "timeline",
    "write_analyses_json",
    "write_html",
    "write_report",
]


def add(
    inputs: Sequence[str],
    db: str,
    *,
    config: Config | None = None,
    metadata: Metadata | None = None,
    client: httpx.Client | None = None,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Ingest ``inputs`` into the store at ``db``, then link what is new (stories, copies)."""
    with Store(db) as store:
        summary = ingest(
            inputs,
            store,
            config=config or load_config(),
            metadata=metadata,
            client=client,
            progress=progress,
        )
        link_store(store)
        return summary


def analyze(
    inputs: Sequence[str],
    *,
    config: Config | None = None,
    metadata: Metadata | None = None,
    client: httpx.Client | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[list[ArticleAnalysis], IngestSummary]:
    """Run the whole pipeline on ``inputs`` in an in-memory store."""
    with Store(":memory:") as store:
        summary = ingest(
            inputs,
            store,
            config=config or load_config(),
            metadata=metadata,
            client=client,
            progress=progress,
        )
        return list(store.analyses()), summary


def _write_text(path: str | Path, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"cannot write ({exc.strerror})", input=str(path)) from exc


def write_html(
    analyses: list[ArticleAnalysis], out: str | Path, links: LinkResult | None = None
) -> None:
    _write_text(out, render_html(analyses, links=links))


def write_report(db: str, out: str | Path) -> int:
    """Write the HTML report of everything in the store; return the article count."""
    with Store(db) as store:
        link_store(store)
        analyses = list(store.analyses())
        links = load_links(store)
    write_html(analyses, out, links)
    return len(analyses)


def export_json(db: str, out: IO[str]) -> int:
    """Write the store as ``storytrace/1`` JSON to ``out``; return the article count."""
    with Store(db) as store:
        link_store(store)
        analyses = list(store.analyses())
        links = load_links(store)
    write_analyses_json(analyses, out, links)
    return len(analyses)


def write_analyses_json(
    analyses: list[ArticleAnalysis], out: IO[str], links: LinkResult | None = None
) -> None:
    write_json(export_dict(analyses, links), out)


def stories(db: str) -> list[Story]:
    """The stored stories, newest first (linking first what is not linked yet)."""
    with Store(db) as store:
        link_store(store)
        return list(load_links(store).stories)


def story(db: str, story_id: str) -> tuple[Story, list[Article], list[CopyPair]]:
    """One stored story: the story, its articles (in publication order), its near-copies."""
    with Store(db) as store:
        link_store(store)
        links = load_links(store)
        found = next((s for s in links.stories if s.id == story_id), None)
        if found is None:
            raise NotFound(
                f"no story with id {story_id!r}",
                hint="`storytrace stories` lists the stories",
            )
        members = set(found.articles)
        articles = [store.article(a) for a in found.articles]
    pairs = [p for p in links.duplicates if p.a in members or p.b in members]
    return found, articles, pairs


def timeline(db: str) -> tuple[list[TimelineEvent], list[ArticleAnalysis]]:
    """The timeline of every stored article (one story), and the analyses it is built from."""
    with Store(db) as store:
        analyses = list(store.analyses())
    return build_timeline(analyses), analyses


def cross_links(db: str) -> CrossLinks:
    """People, quote groups, citations and conflicts across every stored article."""
    with Store(db) as store:
        analyses = list(store.analyses())
    return link_across(analyses)
