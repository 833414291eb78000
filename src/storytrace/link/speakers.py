"""Who an attribution's speaker (and addressee) is, as a cross-article actor.

The quote extractor resolves speakers within an article; this maps them onto
actors and adds two things it cannot do alone: a speaker written as a bare name
the extractor left unresolved ("Aurelio Danes") and a role description that fits
exactly one person's roles across the corpus ("the Kremlin leader's chief foreign
policy advisor" → Yuri Ushakov, whose roles include "Putin's leading foreign
policy advisor").

``explicit`` separates what an article says from what the extractor inferred:
the words next to the quote name the speaker (not "he", not "the official").
Only explicit speakers can make a disagreement between outlets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storytrace.link.entities import ActorIndex
from storytrace.link.names import name_tokens
from storytrace.link.records import Actor
from storytrace.link.roles import description_matches
from storytrace.link.words import fold, lexicon
from storytrace.records import ArticleAnalysis, Attribution

__all__ = ["SpeakerRef", "actor_for_description", "addressee_of", "resolve_speaker"]

_PRONOUNS = lexicon("he she they it we i you him her them his its their who one")
# what follows "told": the addressee, up to punctuation or the start of a new clause
_TOLD = re.compile(
    r"^\s*((?:the\s+)?[\w’'.\- ]+?)(?=\s*(?:[,.;:!?\"“”‘’]|$|\s(?:that|on|in|at|aboard|during|after"
    r"|before|when|while|as|from|by|about|over|last|this|earlier|yesterday|today)\b))",
)


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    actor: str | None
    name: str | None
    as_written: str | None
    explicit: bool


def actor_for_description(description: str, index: ActorIndex) -> str | None:
    """The one person whose printed roles fit ``description``; None if none or several."""
    fits = [
        a.id
        for a in index.actors
        if a.type == "PERSON" and any(description_matches(description, r.text) for r in a.roles)
    ]
    return fits[0] if len(fits) == 1 else None


def _names(actor: Actor) -> set[str]:
    out: set[str] = set()
    for name in (actor.name, *actor.aliases):
        out.update(t for t in name_tokens(name, person=True) if len(t) > 1)
    return out


def resolve_speaker(q: Attribution, index: ActorIndex) -> SpeakerRef:
    """The actor who spoke ``q`` and whether the article names them next to it."""
    s = q.speaker
    as_written = q.source.text if q.source else s.description
    actor = index.find(entity=s.entity, name=s.name)
    if actor is None and s.description and not s.anonymous:
        actor = index.find(name=s.description)
        if actor is None and fold(s.description) not in _PRONOUNS:
            actor = actor_for_description(s.description, index)
    found = index.actor(actor)
    explicit = False
    if found is not None and as_written:
        written = set(name_tokens(as_written, person=True))
        explicit = bool(written & _names(found))
    return SpeakerRef(actor, found.name if found else s.name, as_written, explicit)


def addressee_of(q: Attribution, analysis: ArticleAnalysis, index: ActorIndex) -> str | None:
    """Who the speaker "told", as an actor name when it is one ("told Ushakov:"),
    else as written ("reporters", "the Daily Mail"); None without a "told" cue."""
    if q.cue is None or fold(q.cue.text) not in ("told", "tells", "tell", "telling"):
        return None
    text = analysis.article.text
    after = text[q.cue.end : q.cue.end + 80]
    m = _TOLD.match(after)
    if m is None:
        return None
    written = m.group(1).strip()
    if not written or fold(written) in _PRONOUNS:
        return None
    actor = index.actor(index.find(name=written))
    return actor.name if actor else written
