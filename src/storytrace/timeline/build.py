"""The story timeline: every article's events merged into one ordered list.

1. participants: the per-article entity ids of each event are joined across
   articles into actors (:func:`storytrace.link.entities.link_entities`);
2. own dates: the date each event's words give: ``stated``, ``weekday`` (only
   a weekday: "on Friday"), or ``inferred`` (a partial date of an undated
   article completed from the story, see :func:`anchors`);
3. merge: mentions of one event are grouped (:mod:`storytrace.timeline.merge`);
4. dates: each group is placed at the date most of its mentions give
   (stated before weekday before relative when as many give each); dates
   counted from another event ("two days before meeting Zelensky") are
   resolved once that event is placed, again and again until nothing changes;
5. conflicts: a weekday that is not the weekday of a date given for the same
   event ("Friday" and "October 19", a Sunday), and dates that cannot both be
   true (two different days), are reported with the event; it stays one event.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from storytrace.extract.event_types import PLOVER
from storytrace.extract.time import anchor_from_published
from storytrace.link.entities import link_entities
from storytrace.link.records import Actor
from storytrace.records import (
    ArticleAnalysis,
    DateConflict,
    Event,
    EventDate,
    EventType,
    TimelineEvent,
)
from storytrace.timeline.dates import (
    PARTIAL_DATE,
    days,
    precision,
    shift,
    sort_key,
    story_value,
    weekday_name,
    weekday_of,
)
from storytrace.timeline.merge import Mention, group

__all__ = ["STORY_MAX_SPREAD_DAYS", "StoryAnchor", "anchors", "build_timeline"]

#: an undated article's partial dates are completed from the other articles'
#: dates only when those span at most this many days: a story of a few months
#: leaves one year for "14 October", a longer one does not
STORY_MAX_SPREAD_DAYS: Final = 180
#: a label longer than this is cut (a timeline line, not a paragraph)
MAX_LABEL_CHARS: Final = 110
#: types that say least about what happened: a merged event takes another when it can
VAGUE_TYPES: Final[frozenset[EventType]] = frozenset({"talks", "other"})


@dataclass(frozen=True, slots=True)
class StoryAnchor:
    """How an undated article's partial dates are completed: the one year the
    article itself writes out, else a reference date (its own latest full date,
    or the middle of the story's publication dates)."""

    year: int | None = None
    reference: dt.date | None = None

    def complete(self, text: str, value: str) -> str | None:
        if self.year is not None:
            return f"{self.year:04d}{value[4:]}" if PARTIAL_DATE.match(value) else None
        if self.reference is not None:
            return story_value(text, value, self.reference)
        return None


def anchors(analyses: Sequence[ArticleAnalysis]) -> dict[str, StoryAnchor]:
    """A :class:`StoryAnchor` for each article without a usable publication date."""
    published = {a.article.id: _day(anchor_from_published(a.article.published)) for a in analyses}
    known = sorted(d for d in published.values() if d is not None)
    story: dt.date | None = None
    if known and (known[-1] - known[0]).days <= STORY_MAX_SPREAD_DAYS:
        story = dt.date.fromordinal(int(statistics.median_low(d.toordinal() for d in known)))
    found = {}
    for analysis in analyses:
        if published[analysis.article.id] is not None:
            continue
        written = [t.value for t in analysis.times if t.type == "DATE" and t.anchored]
        years = {v[:4] for v in written if precision(v) is not None}
        full = sorted(v[:10] for v in written if precision(v) == "day")
        if len(years) == 1:
            found[analysis.article.id] = StoryAnchor(year=int(years.pop()))
        elif full:
            found[analysis.article.id] = StoryAnchor(reference=dt.date.fromisoformat(full[-1]))
        elif story is not None:
            found[analysis.article.id] = StoryAnchor(reference=story)
    return found


def _day(anchor: dt.date | None) -> dt.date | None:
    return anchor.date() if isinstance(anchor, dt.datetime) else anchor


def _own_date(event: Event, anchor: StoryAnchor | None) -> EventDate | None:
    if event.relative is not None or event.value is None or event.when is None:
        return None
    text = event.when.text
    if weekday_of(text) is not None:
        return EventDate(event.value, "weekday", event.article, event.id, text)
    if anchor is not None and "X" in event.value:
        completed = anchor.complete(text, event.value)
        if completed is not None:
            return EventDate(completed, "inferred", event.article, event.id, text)
    return EventDate(event.value, "stated", event.article, event.id, text)


def build_timeline(analyses: Sequence[ArticleAnalysis]) -> list[TimelineEvent]:
    """The events of ``analyses`` (one story), merged and in date order."""
    actors = link_entities(analyses)
    names = {e.id: e.name for a in analyses for e in a.entities}
    key_of = {eid: actors.by_entity.get(eid, eid) for eid in names}
    story = anchors(analyses)
    mentions = [
        Mention(
            event=e,
            keys=frozenset(key_of.get(p, p) for p in e.participants),
            date=_own_date(e, story.get(a.article.id)),
        )
        for a in analyses
        for e in a.events
    ]
    groups = group(mentions)
    relative = _resolve_relative(groups)
    people = {eid: _display(actors.actor(key), names[eid]) for eid, key in key_of.items()}
    entries = []
    for index, members in enumerate(groups):
        dates = [m.date for m in members if m.date is not None]
        dates += [d for m in members if (d := relative.get(m.event.id)) is not None]
        entries.append((index, _entry(members, dates, key_of, people)))
    entries.sort(key=lambda item: (sort_key(item[1].date), item[0]))
    return [replace(entry, id=f"t{n}") for n, (_, entry) in enumerate(entries, 1)]


def _display(actor: Actor | None, fallback: str) -> str:
    return actor.name if actor is not None else fallback


# --- 4. dates ---------------------------------------------------------------------


def _placed(dates: Sequence[EventDate]) -> EventDate | None:
    """The date a group is placed at: the one most other dates agree with (their
    days overlap: "last week" agrees with "February 24"); on a tie the better kind
    (stated, weekday, inferred, relative), then the narrower, then the earlier."""
    usable = [(d, span) for d in dates if (span := days(d.value)) is not None]
    if not usable:
        return next(iter(dates), None)
    rank = {"stated": 0, "weekday": 1, "inferred": 2, "relative": 3}

    def key(item: tuple[EventDate, tuple[dt.date, dt.date]]) -> tuple[int, int, int, dt.date]:
        d, (first, last) = item
        agree = sum(1 for _, (f, la) in usable if f <= last and first <= la)
        return -agree, rank[d.how], (last - first).days, first

    return min(usable, key=key)[0]


def _resolve_relative(groups: Sequence[Sequence[Mention]]) -> dict[str, EventDate]:
    """Dates counted from another event, once that event is placed (to a fixed point)."""
    group_of = {m.event.id: n for n, members in enumerate(groups) for m in members}
    pending = [m.event for members in groups for m in members if m.event.relative is not None]
    resolved: dict[str, EventDate] = {}
    for _ in range(len(pending) + 1):
        changed = False
        for event in pending:
            rel = event.relative
            if rel is None or rel.anchor not in group_of:
                continue
            anchor_members = groups[group_of[rel.anchor]]
            anchor_dates = [m.date for m in anchor_members if m.date is not None]
            anchor_dates += [d for m in anchor_members if (d := resolved.get(m.event.id))]
            placed = _placed(anchor_dates)
            value = shift(placed.value, rel.offset, rel.direction) if placed else None
            if value is None or (event.id in resolved and resolved[event.id].value == value):
                continue
            when = event.when.text if event.when else rel.offset
            anchor = next(m.event for m in anchor_members if m.event.id == rel.anchor)
            text = f"{when} {rel.direction} {anchor.what.text}"
            resolved[event.id] = EventDate(value, "relative", event.article, event.id, text)
            changed = True
        if not changed:
            break
    return resolved


def _conflicts(dates: Sequence[EventDate]) -> list[DateConflict]:
    """Weekdays that are not the weekday of a day given, and days that differ."""
    found: dict[tuple[str, ...], DateConflict] = {}
    day_dates = [d for d in dates if d.how != "weekday" and precision(d.value) in ("day", "time")]
    for w in (d for d in dates if d.how == "weekday"):
        weekday = weekday_of(w.text)
        if weekday is None:
            continue
        for d in day_dates:
            actual = dt.date.fromisoformat(d.value[:10]).weekday()
            if actual != weekday:
                key = ("weekday", w.text.lower(), d.value[:10])
                found[key] = DateConflict(
                    "weekday",
                    f"“{w.text}” ({w.article}) but {d.value[:10]} (“{d.text}”, {d.article}) "
                    f"is a {weekday_name(actual)}",
                    (w.value, d.value),
                )
    spans = [(d, span) for d in dates if d.how != "weekday" and (span := days(d.value))]
    for i, (a, sa) in enumerate(spans):
        for b, sb in spans[i + 1 :]:
            if sa[1] < sb[0] or sb[1] < sa[0]:
                values = tuple(sorted({a.value, b.value}))
                found.setdefault(
                    ("date", *values),
                    DateConflict(
                        "date",
                        f"{a.value} (“{a.text}”, {a.article}) but "
                        f"{b.value} (“{b.text}”, {b.article})",
                        values,
                    ),
                )
    return list(found.values())


# --- the entry --------------------------------------------------------------------


def _entry(
    members: Sequence[Mention],
    dates: Sequence[EventDate],
    key_of: dict[str, str],
    people_names: dict[str, str],
) -> TimelineEvent:
    events = [m.event for m in members]
    placed = _placed(dates)
    conflicts = _conflicts(dates)
    certain = (
        placed is not None
        and placed.how in ("stated", "weekday")
        and "X" not in placed.value
        and not conflicts
    )
    kind = _type(events)
    people: dict[str, str] = {}
    entity_ids: list[str] = []
    for e in events:
        for p in e.participants:
            entity_ids.append(p)
            people.setdefault(key_of.get(p, p), people_names.get(p, p))
    places = list(dict.fromkeys(e.where.text for e in events if e.where is not None))
    return TimelineEvent(
        id=events[0].id,
        type=kind,
        plover=PLOVER[kind],
        label=_label(events),
        date=placed.value if placed else None,
        precision=precision(placed.value) if placed else None,
        certain=certain,
        participants=tuple(people.values()),
        entities=tuple(dict.fromkeys(entity_ids)),
        places=tuple(places),
        dates=tuple(dates),
        conflicts=tuple(conflicts),
        events=tuple(e.id for e in events),
        articles=tuple(dict.fromkeys(e.article for e in events)),
    )


def _type(events: Sequence[Event]) -> EventType:
    counts = Counter(e.type for e in events)
    specific = [t for t in counts if t not in VAGUE_TYPES] or list(counts)
    return max(specific, key=lambda t: counts[t])


def _label(events: Sequence[Event]) -> str:
    """Who did what, from the mention that says most (the main event, then the
    most participants, then the first)."""
    best = min(events, key=lambda e: (not e.main, -len(e.participants), e.trigger.start))
    what = best.what.text
    who = best.who.text if best.who is not None else ""
    inside = best.who is not None and best.what.start <= best.who.start < best.what.end
    text = " ".join((what if inside or not who else f"{who} {what}").split())
    return text if len(text) <= MAX_LABEL_CHARS else text[: MAX_LABEL_CHARS - 1] + "…"
