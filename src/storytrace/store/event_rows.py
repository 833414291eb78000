"""Events to rows of the ``events`` table and back (migration 2).

Spans are stored as offsets only, like every other span in the store: their
text is sliced from the article when read.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from storytrace.records import Event, RelativeTime, Span
from storytrace.store import schema

__all__ = ["event_rows", "insert_events", "load_events"]


def _pair(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span.start, span.end)


def event_rows(events: Iterable[Event]) -> list[dict[str, Any]]:
    rows = []
    for e in events:
        who, where, when = _pair(e.who), _pair(e.where), _pair(e.when)
        rel = e.relative
        rows.append(
            {
                "id": e.id,
                "article": e.article,
                "type": e.type,
                "plover": e.plover,
                "trigger_start": e.trigger.start,
                "trigger_end": e.trigger.end,
                "what_start": e.what.start,
                "what_end": e.what.end,
                "evidence_start": e.evidence.start,
                "evidence_end": e.evidence.end,
                "participants": list(e.participants),
                "who_start": who[0],
                "who_end": who[1],
                "where_start": where[0],
                "where_end": where[1],
                "when_start": when[0],
                "when_end": when[1],
                "value": e.value,
                "relative_offset": rel.offset if rel else None,
                "relative_direction": rel.direction if rel else None,
                "relative_anchor": rel.anchor if rel else None,
                "main": e.main,
            }
        )
    return rows


def insert_events(conn: sa.Connection, events: Iterable[Event]) -> None:
    """Insert ``events`` in the caller's transaction (atomic with their article)."""
    rows = event_rows(events)
    if rows:
        conn.execute(schema.events.insert(), rows)


def load_events(conn: sa.Connection, article_id: str, text: str) -> tuple[Event, ...]:
    """The events of one article, in text order, with span texts sliced from ``text``."""

    def span(start: int | None, end: int | None) -> Span | None:
        return None if start is None or end is None else Span(start, end, text[start:end])

    def known(start: int, end: int) -> Span:
        return Span(start, end, text[start:end])

    rows = conn.execute(sa.select(schema.events).where(schema.events.c.article == article_id))
    events = [
        Event(
            id=r.id,
            article=r.article,
            type=r.type,
            plover=r.plover,
            trigger=known(r.trigger_start, r.trigger_end),
            what=known(r.what_start, r.what_end),
            evidence=known(r.evidence_start, r.evidence_end),
            participants=tuple(r.participants),
            who=span(r.who_start, r.who_end),
            where=span(r.where_start, r.where_end),
            when=span(r.when_start, r.when_end),
            value=r.value,
            relative=(
                RelativeTime(r.relative_offset, r.relative_direction, r.relative_anchor)
                if r.relative_anchor is not None
                else None
            ),
            main=bool(r.main),
        )
        for r in rows
    ]
    events.sort(key=lambda e: _number(e.id))
    return tuple(events)


def _number(event_id: str) -> int:
    """Events are numbered in text order (``ARTICLE:v3``)."""
    tail = event_id.rsplit(":v", 1)[-1]
    return int(tail) if tail.isdigit() else 0
