"""The lead of an article: its first sentences (the headline when the text starts
with one), the dateline that opens it, and which clause states the main event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from storytrace.extract.event_parse import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as DocSpan

__all__ = [
    "DAY_VALUE",
    "LEAD_SENTENCES",
    "Headline",
    "dateline_tokens",
    "headline",
    "lead_segments",
    "main_clause",
]

#: a dateline ("PORT HALVARD —", "VEYLE, March 4 (Meridian Wire) —") ends with one of
#: these within this many tokens of the start of a paragraph
DATELINE_DASHES: Final = frozenset({"—", "–", "-", "--"})
DATELINE_MAX_TOKENS: Final = 12
#: the main event is looked for in this many first sentences (headline and lead);
#: its time and place, when its clause has none, in as many
LEAD_SENTENCES: Final = 3
#: subjects that name nobody: a lead clause with one ("It's a triangle offense",
#: "You knew it couldn't come easily") does not state the main event
VAGUE_SUBJECTS: Final = frozenset({
    "i", "you", "we", "it", "this", "that", "there", "these", "those", "what", "which",
})  # fmt: skip
#: a TIMEX3 value that names a day (a date, a weekday): precise enough to be the
#: main event's "when" when the event's own clause gives none
#: words of web-page furniture scraped with the text ("Click to share", "Image
#: caption", "Subscribe", "Skip Ad"): a lead sentence with one states no event
BOILERPLATE_WORDS: Final = frozenset({
    "click", "subscribe", "subscribing", "caption", "copyright", "advertisement", "ad",
    "embed", "inbox", "newsletter", "loading", "getty",
})  # fmt: skip
#: entity labels that can be a headline's actor ("Lady Gaga", "FBI", "Toblerone", "Brits")
ACTOR_LABELS: Final = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: where a headline's predicate ends: another clause or a second headline begins
HEADLINE_BREAKS: Final = frozenset({
    ":", ",", ";", "—", "–", "-", "|", "and", "but", "as", "after", "while", "amid",
    "because", "despite", "following", "when",
})  # fmt: skip
#: a headline predicate longer than this many tokens is cut
MAX_HEADLINE_PREDICATE: Final = 10
DAY_VALUE: Final = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d)")


def lead_segments(doc: Doc) -> list[DocSpan]:
    """The first sentences, each cut at line breaks: a headline the parser ran into the
    first paragraph is a sentence of its own."""
    segments: list[DocSpan] = []
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    segments.append(doc[start : token.i])
                start = token.i + 1
        if sentence.end > start:
            segments.append(doc[start : sentence.end])
        if len(segments) >= LEAD_SENTENCES:
            break
    return segments[:LEAD_SENTENCES]


def dateline_tokens(lead: Sequence[DocSpan]) -> set[int]:
    """Tokens of the dateline opening the lead paragraph ("ALDMERE —"), if any."""
    for segment in lead:
        words = segment[:DATELINE_MAX_TOKENS]
        opener = words[0]
        if not (opener.is_alpha and opener.is_upper and len(opener) > 1):
            continue
        for token in words:
            if token.text in DATELINE_DASHES:
                return set(range(words.start, token.i + 1))
    return set()


def main_clause(lead: Sequence[DocSpan], skip: set[int]) -> tuple[Token, Token] | None:
    """The verb and subject of the first lead sentence that states who did what:
    a verb at its root whose subject (in the same sentence, outside ``skip``)
    names someone. The headline comes first when the parse reads it as a
    clause; when it does not ("China well rescue: Race to reach boy"), the lead
    sentence under it."""
    for segment in lead:
        root = segment.root
        if root.pos_ not in ("VERB", "AUX") or _is_boilerplate(segment):
            continue
        subject = subject_of(root, skip)
        if subject is None or not segment.start <= subject.i < segment.end:
            continue
        if subject.lower_ in VAGUE_SUBJECTS or subject.lemma_.lower() in VAGUE_SUBJECTS:
            continue
        return root, subject
    return None


def _is_boilerplate(segment: DocSpan) -> bool:
    return any(t.lower_ in BOILERPLATE_WORDS for t in segment)


@dataclass(frozen=True, slots=True)
class Headline:
    """Who and what a headline says: "[Lady Gaga] [stages protest outside Trump Tower]"."""

    actor: DocSpan
    predicate: DocSpan


def headline(lead: Sequence[DocSpan]) -> Headline | None:
    """The actor and predicate of a headline that opens with a named actor.

    Headlines drop articles and auxiliaries, and the small model often tags
    their verb a noun ("Lady Gaga stages protest"), so they are read by
    position, not by parse: the named actor a part of the headline opens with
    (the part after a colon first: "World Series 2016: Chicago Cubs end ..."),
    then what follows it up to the next clause or punctuation. A text whose
    first line is not such a headline gives None.
    """
    if not lead or not _ends_line(lead[0]) or _is_boilerplate(lead[0]):
        return None
    segment = lead[0]
    colons = [t.i for t in segment if t.text == ":"]
    starts = [c + 1 for c in reversed(colons)] + [segment.start]
    for start in starts:
        found = _actor_and_predicate(segment, start)
        if found is not None:
            return found
    return None


def _actor_and_predicate(segment: DocSpan, start: int) -> Headline | None:
    doc = segment.doc
    actor = next((e for e in segment.ents if e.start == start and e.label_ in ACTOR_LABELS), None)
    if actor is None:
        return None
    end = actor.end
    while end < segment.end and end - actor.end < MAX_HEADLINE_PREDICATE:
        if _breaks(doc[end]):
            break
        end += 1
    # no dangling "in", "the" or "and" where the predicate was cut
    while end > actor.end and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "PUNCT"):
        end -= 1
    return Headline(actor, doc[actor.end : end]) if end > actor.end else None


def _breaks(token: Token) -> bool:
    """A word or mark where a headline's clause ends (a hyphen only as a dash: " - ")."""
    if token.text == "-":
        return bool(token.whitespace_)
    return token.lower_ in HEADLINE_BREAKS


def _ends_line(segment: DocSpan) -> bool:
    doc = segment.doc
    return segment.end < len(doc) and doc[segment.end].is_space and "\n" in doc[segment.end].text
