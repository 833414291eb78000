"""Which events of a story are one event: the same call, meeting or attack
reported by several articles, or twice in one.

Two mentions are one event when
1. they have the same trigger in the same article (one event dated twice:
   "on Tuesday last week, February 24"), or
2. their types may name the same thing (:func:`~storytrace.extract.event_types.compatible`),
   they share two participants (or all of the side that names fewer), and
   the dates they state are at most :data:`MERGE_MAX_DAYS_APART` apart: one
   event given two dates a day apart is a conflict to report, not two events;
3. or one names no participant ("the call", "the summit") and both are of
   one type and given the same day, or the same place and overlapping dates
   ("the summit in Port Halvard next week" and "on Monday").

Types that recur between the same people (statements, accusations, threats,
requests, protests) merge only when they state the same date; events of no
known type (``other``) only when they are also named by the same word.

Clusters are grown greedily, a pair at a time, and a pair joins two clusters
only when the union still holds together: every firm date within the window,
every two types compatible (a call and a meeting may each be "talks", but are
not one event), and no event together with the event its date counts from
("two days before meeting Zelensky" is not the meeting). So a chain of
mentions cannot join two events weeks apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from storytrace.extract.event_types import CONSULT_TYPES, compatible
from storytrace.records import Event, EventDate, EventType
from storytrace.timeline.dates import days, precision

__all__ = ["MERGE_MAX_DAYS_APART", "RECURRING_TYPES", "Mention", "group"]

#: dates further apart are two events. Tuned on examples/ and the seeds (not on
#: held-out data): the planted conflicts there are 1 and 2 days apart, and a
#: meeting between the same people repeats weeks apart, not days
MERGE_MAX_DAYS_APART: Final = 7
#: kinds of event the same people repeat often: one only when the date is the same
RECURRING_TYPES: Final[frozenset[EventType]] = frozenset(
    {"statement", "accusation", "threat", "request", "protest"}
)
#: participants two mentions must share (fewer when a side names fewer)
SHARED_PARTICIPANTS: Final = 2


@dataclass(frozen=True, slots=True)
class Mention:
    """An article's event with what merging needs: the actors taking part
    (cross-article keys) and the date its own words give (None: undated or relative)."""

    event: Event
    keys: frozenset[str]
    date: EventDate | None


def _firm(m: Mention) -> bool:
    """A date the text states (or the story completes), not only a weekday."""
    return m.date is not None and m.date.how in ("stated", "inferred")


def _holds_together(members: Sequence[Mention]) -> bool:
    types = {m.event.type for m in members}
    if any(not compatible(a, b) for a in types for b in types):
        return False
    ids = {m.event.id for m in members}
    if any(m.event.relative is not None and m.event.relative.anchor in ids for m in members):
        return False
    spans = [d for m in members if _firm(m) and m.date and (d := days(m.date.value)) is not None]
    if not spans:
        return True
    latest_start = max(s[0] for s in spans)
    earliest_end = min(s[1] for s in spans)
    return (latest_start - earliest_end).days <= MERGE_MAX_DAYS_APART


def _pair_fits(a: Mention, b: Mention) -> bool:
    ea, eb = a.event, b.event
    if ea.article == eb.article and ea.trigger == eb.trigger:
        return True
    if not compatible(ea.type, eb.type):
        return False
    same_date = a.date is not None and b.date is not None and a.date.value == b.date.value
    if not a.keys or not b.keys:  # "the call", "the summit": no one named
        return ea.type == eb.type != "other" and (
            (same_date and _is_day(a.date)) or _same_place_overlapping(a, b)
        )
    shared = len(a.keys & b.keys)
    if shared < min(SHARED_PARTICIPANTS, len(a.keys), len(b.keys)):
        return False
    if "other" in (ea.type, eb.type):  # no type to compare: the same word, the same day
        return same_date and ea.trigger.text.lower() == eb.trigger.text.lower()
    if ea.type in RECURRING_TYPES or eb.type in RECURRING_TYPES:
        return same_date
    return True


def _same_place_overlapping(a: Mention, b: Mention) -> bool:
    """Both say where, the same place, and dates that overlap ("next week" and Monday)."""
    if a.event.where is None or b.event.where is None or a.date is None or b.date is None:
        return False
    if a.event.where.text.casefold() != b.event.where.text.casefold():
        return False
    sa, sb = days(a.date.value), days(b.date.value)
    return sa is not None and sb is not None and sa[0] <= sb[1] and sb[0] <= sa[1]


def _is_day(date: EventDate | None) -> bool:
    return date is not None and precision(date.value) in ("day", "time")


def group(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """The mentions grouped into events, each group and the groups in mention order."""
    owner = list(range(len(mentions)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(mentions))}

    def join(i: int, j: int) -> None:
        a, b = owner[i], owner[j]
        if a == b or not _pair_fits(mentions[i], mentions[j]):
            return
        union = members[a] + members[b]
        if not _holds_together([mentions[k] for k in union]):
            return
        for k in members[b]:
            owner[k] = a
        members[a] = sorted(union)
        del members[b]

    for i, j in _candidate_pairs(mentions):
        join(i, j)
    return [[mentions[k] for k in group] for group in sorted(members.values())]


def _candidate_pairs(mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """Pairs worth comparing: same article and trigger, or a shared participant.
    Same-article pairs first (the surest), then by position."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_trigger: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_trigger[(m.event.article, m.event.trigger.start)].append(i)
        # only types that may be one event are compared: ways of consulting together
        family = "consult" if m.event.type in CONSULT_TYPES else m.event.type
        for key in m.keys:
            by_key[(key, family)].append(i)
    by_day: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if _is_day(m.date) and m.date is not None:
            by_day[(m.event.type, m.date.value)].append(i)
        if m.event.where is not None and not m.keys:
            by_day[(m.event.type, m.event.where.text.casefold())].append(i)
    pairs: set[tuple[int, int]] = set()
    for bucket in (*by_trigger.values(), *by_key.values(), *by_day.values()):
        for x, i in enumerate(bucket):
            pairs.update((i, j) for j in bucket[x + 1 :])

    def rank(pair: tuple[int, int]) -> tuple[bool, int, int]:
        i, j = pair
        return mentions[i].event.article != mentions[j].event.article, i, j

    return sorted(pairs, key=rank)
