"""Events are stored with their article (migration 2) and read back unchanged."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from storytrace.errors import StoreError
from storytrace.records import Article, ArticleAnalysis, Event, RelativeTime, Span
from storytrace.store import Store
from storytrace.store.migrations import MIGRATIONS

TEXT = "Two days before meeting Zelensky, Trump spoke with Putin."


def _span(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words), words)


def _analysis() -> ArticleAnalysis:
    article = Article(id="a", key="k", input="a.txt", text=TEXT, published="2025-11-20")
    meeting = Event(
        id="a:v1",
        article="a",
        type="meeting",
        plover="CONSULT",
        trigger=_span("meeting"),
        what=_span("meeting Zelensky"),
        evidence=Span(0, len(TEXT), TEXT),
        participants=("a:e1",),
    )
    call = Event(
        id="a:v2",
        article="a",
        type="talks",
        plover="CONSULT",
        trigger=_span("spoke"),
        what=_span("spoke with Putin"),
        evidence=Span(0, len(TEXT), TEXT),
        participants=("a:e2", "a:e3"),
        who=_span("Trump"),
        when=_span("Two days"),
        relative=RelativeTime("P2D", "before", "a:v1"),
        main=True,
    )
    return ArticleAnalysis(article=article, events=(meeting, call))


def test_migration_2_creates_the_events_table() -> None:
    assert (2, "events") in [(m.version, m.description) for m in MIGRATIONS]
    with Store(":memory:") as store:
        assert sa.inspect(store.engine).has_table("events")


def test_events_round_trip() -> None:
    analysis = _analysis()
    with Store(":memory:") as store:
        assert store.save(analysis)
        assert store.analysis("a").events == analysis.events


def test_a_failing_event_insert_leaves_no_article() -> None:
    good = _analysis()
    broken = ArticleAnalysis(article=good.article, events=(good.events[0], good.events[0]))
    with Store(":memory:") as store:
        with pytest.raises(StoreError):
            store.save(broken)  # the same event id twice: the insert fails
        assert store.count() == 0
