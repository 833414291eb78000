"""Place conflicts: one event that two articles put in two different places.

Built for precision, because without a gazetteer "Budapest" and "Hungary" look
like two places. A place counts only when the article states it for the event
in the event's own sentence after "in" or "at" (a dateline or a lead's place
says where the reporter was, not where the event happened). Two places
disagree only when neither name contains the other ("Halvard" / "Port
Halvard") and no article mentions both (an article that names both knows how
they relate: a city and its country, a route "from Northgate to Port Halvard").
Each article must give one place for the event; an article giving two is
ambiguous and has no say.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.link.words import word_keys
from storytrace.records import ArticleAnalysis, Event, Span, TimelineEvent

__all__ = ["PlaceClaim", "PlaceDisagreement", "place_disagreements"]

_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
#: characters before a place searched for "in"/"at": room for "in the" and spaces
_LOOKBACK = 12


@dataclass(frozen=True, slots=True)
class PlaceClaim:
    """One article's place for an event: the event, and the words naming the place."""

    event: Event
    where: Span
    place: str


@dataclass(frozen=True, slots=True)
class PlaceDisagreement:
    """A timeline event given different places; ``claims`` per folded place name."""

    event: TimelineEvent
    claims: dict[str, list[PlaceClaim]]


def _stated_place(event: Event, text: str) -> Span | None:
    where, sentence = event.where, event.evidence
    if where is None or not (sentence.start <= where.start and where.end <= sentence.end):
        return None
    if not _LOCATIVE.search(text[max(0, where.start - _LOOKBACK) : where.start]):
        return None
    return where


def _contains(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    n = len(b)
    return any(a[i : i + n] == b for i in range(len(a) - n + 1))


def place_disagreements(
    timeline: Sequence[TimelineEvent], analyses: Sequence[ArticleAnalysis]
) -> list[PlaceDisagreement]:
    """Timeline events that articles place in places that can't both be right."""
    events = {e.id: e for a in analyses for e in a.events}
    texts = {a.article.id: a.article.text for a in analyses}
    folded_texts = {k: " ".join(word_keys(t)) for k, t in texts.items()}
    out = []
    for t in timeline:
        by_article: dict[str, set[str]] = defaultdict(set)
        claims: dict[tuple[str, ...], list[PlaceClaim]] = defaultdict(list)
        for event_id in t.events:
            event = events.get(event_id)
            if event is None:
                continue
            where = _stated_place(event, texts[event.article])
            if where is None:
                continue
            key = word_keys(where.text)
            by_article[event.article].add(" ".join(key))
            claims[key].append(PlaceClaim(event, where, where.text))
        ambiguous = {a for a, places in by_article.items() if len(places) > 1}
        kept = {k: [c for c in cs if c.event.article not in ambiguous] for k, cs in claims.items()}
        kept = {k: cs for k, cs in kept.items() if cs}
        names = list(kept)
        if len(names) < 2 or len({c.event.article for cs in kept.values() for c in cs}) < 2:
            continue
        if any(_contains(a, b) or _contains(b, a) for a in names for b in names if a != b):
            continue
        if any(
            all(f" {' '.join(n)} " in f" {folded} " for n in names)
            for folded in folded_texts.values()
        ):
            continue
        out.append(PlaceDisagreement(t, {" ".join(k): cs for k, cs in kept.items()}))
    return out
