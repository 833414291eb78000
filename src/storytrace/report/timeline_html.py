"""The timeline of the HTML report: an inline SVG strip and the list under it.

The strip puts every dated event in the column of its date (one column per
distinct date, in order: the story reads left to right, and days with nothing
take no room); a solid dot is a date the articles state, a hollow dashed one a
date that is uncertain (counted from another event, or inferred from the
story), a red one a date that conflicts with another date given for the
same event, joined by a dashed red line to where that other date would put
it. Numbers link each dot to its entry in the list. Everything here is
numbers and plain strings: the template escapes them like all article text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from storytrace.records import ArticleAnalysis, Event, TimelineEvent
from storytrace.timeline.dates import days
from storytrace.timeline.dates import precision as value_precision

__all__ = ["Column", "Dot", "Evidence", "Link", "Picture", "TimelineView", "timeline_view"]

#: pixels per date column and per stacked event, and the margins around them
COLUMN_WIDTH: Final = 56
ROW_HEIGHT: Final = 26
TOP: Final = 46
LEFT: Final = 16
DOT_RADIUS: Final = 9


@dataclass(frozen=True, slots=True)
class Column:
    x: int
    label: str  # "Mar 5", "wk 9", "Mar 2026"
    sub: str  # weekday or precision ("Thu", "week")


@dataclass(frozen=True, slots=True)
class Dot:
    number: int
    anchor: str  # id of the entry in the list
    x: int
    y: int
    kind: str  # "certain", "uncertain" or "conflict"
    title: str


@dataclass(frozen=True, slots=True)
class Link:
    """A dashed red line from a conflicting event to another date given for it."""

    x1: int
    y1: int
    x2: int
    y2: int


@dataclass(frozen=True, slots=True)
class Picture:
    width: int
    height: int
    axis_y: int
    radius: int
    columns: tuple[Column, ...]
    dots: tuple[Dot, ...]
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One article's words for an event."""

    outlet: str
    published: str
    sentence: str
    when: str


@dataclass(frozen=True, slots=True)
class TimelineView:
    """What the template draws: the picture and each entry with its evidence."""

    picture: Picture | None
    entries: tuple[tuple[int, TimelineEvent, tuple[Evidence, ...]], ...]


def _column_label(value: str, first: dt.date) -> tuple[str, str]:
    """Two short lines under a column: "Mar 5" / "Thu", "wk 9" / "2026", "Mar" / "2026"."""
    precision = value_precision(value)
    if precision in ("day", "time"):
        return f"{first:%b} {first.day}", f"{first:%a}"
    if precision == "week":
        return f"wk {first.isocalendar()[1]}", f"{first.year}"
    if precision == "month":
        return f"{first:%b}", f"{first.year}"
    return value, str(precision)


def _picture(numbered: Sequence[tuple[int, TimelineEvent]]) -> Picture | None:
    # one column per day: "Tuesday morning" and "Tuesday" share Tuesday's
    placed = [(n, e, _column_key(e.date)) for n, e in numbered if e.date and days(e.date)]
    if not placed:
        return None
    values = sorted({date for _, _, date in placed}, key=_start)
    column_of = {v: i for i, v in enumerate(values)}
    stacked = [0] * len(values)
    dots: list[Dot] = []
    position: dict[str, tuple[int, int]] = {}
    for n, entry, date in placed:
        col = column_of[date]
        x = LEFT + col * COLUMN_WIDTH + COLUMN_WIDTH // 2
        y = TOP + stacked[col] * ROW_HEIGHT + ROW_HEIGHT // 2
        stacked[col] += 1
        kind = "conflict" if entry.conflicts else "certain" if entry.certain else "uncertain"
        title = f"{n}. {entry.date}: {entry.label}"
        dots.append(Dot(n, f"event-{n}", x, y, kind, title))
        position[entry.id] = (x, y)
    links = []
    for _, entry, date in placed:
        for value in sorted({_column_key(d.value) for d in entry.dates} - {date}):
            other = _nearest_column(value, values)
            if other is not None and entry.conflicts:
                x1, y1 = position[entry.id]
                x2 = LEFT + column_of[other] * COLUMN_WIDTH + COLUMN_WIDTH // 2
                links.append(Link(x1, y1, x2, TOP - 8))
    columns = tuple(
        Column(LEFT + i * COLUMN_WIDTH + COLUMN_WIDTH // 2, *_column_label(v, _start(v)))
        for i, v in enumerate(values)
    )
    rows = max(stacked)
    return Picture(
        width=LEFT * 2 + len(values) * COLUMN_WIDTH,
        height=TOP + rows * ROW_HEIGHT + 8,
        axis_y=TOP - 8,
        radius=DOT_RADIUS,
        columns=columns,
        dots=tuple(dots),
        links=tuple(links),
    )


def _column_key(value: str) -> str:
    return value[:10] if value_precision(value) == "time" else value


def _start(value: str) -> dt.date:
    span = days(value)
    return span[0] if span else dt.date.max


def _nearest_column(value: str, values: Sequence[str]) -> str | None:
    """The narrowest column another date given for an event falls in, if the strip has one."""
    span = days(value)
    if span is None:
        return None
    holding = [
        (other[1] - other[0], v)
        for v in values
        if (other := days(v)) is not None and other[0] <= span[0] <= other[1]
    ]
    return min(holding)[1] if holding else None


def timeline_view(
    entries: Sequence[TimelineEvent], analyses: Sequence[ArticleAnalysis]
) -> TimelineView:
    """The picture and the numbered entries with each article's evidence."""
    events: dict[str, tuple[ArticleAnalysis, Event]] = {
        e.id: (a, e) for a in analyses for e in a.events
    }
    numbered = list(enumerate(entries, 1))
    listed = []
    for n, entry in numbered:
        evidence = []
        for event_id in entry.events:
            if event_id not in events:
                continue
            analysis, event = events[event_id]
            when = event.when.text if event.when is not None else ""
            evidence.append(
                Evidence(
                    outlet=analysis.article.outlet or analysis.article.id,
                    published=analysis.article.published or "undated",
                    sentence=event.evidence.text,
                    when=when,
                )
            )
        listed.append((n, entry, tuple(evidence)))
    return TimelineView(_picture(numbered), tuple(listed))
