"""The lead of an article: its first sentences (the headline when the text starts
with one), the dateline that opens it, and which clause states the main event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from storytrace.extract.event_lead_headline import (
    ACTOR_LABELS,
    BOILERPLATE_WORDS,
    Headline,
    first_line,
    headline,
    headline_speaker,
    is_boilerplate,
)
from storytrace.extract.event_parse import line_end, phrase_of, subject_of
from storytrace.extract.event_types import REPORTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as DocSpan

__all__ = [
    "DAY_VALUE",
    "LEAD_SENTENCES",
    "Headline",
    "actor_phrase",
    "after_furniture",
    "dateline_tokens",
    "headline",
    "headline_speaker",
    "lead_segments",
    "main_clause",
    "opening_end",
    "person_of",
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
    "he", "she", "they", "one",
})  # fmt: skip
#: subjects of a picture's caption ("Footage shows ...", "Video captures ..."): a lead
#: clause with one describes the picture, not the main event
MEDIA_SUBJECTS: Final = frozenset({
    "footage", "video", "photo", "picture", "image", "pictures", "photos", "images", "videos",
})  # fmt: skip
#: entity labels of things, not actors: a headline clause with such a subject does not
#: say who ("Game 7 delivers Rovers a title")
NON_ACTOR_LABELS: Final = frozenset({
    "EVENT", "DATE", "TIME", "WORK_OF_ART", "LAW", "MONEY", "PERCENT", "QUANTITY",
})  # fmt: skip
#: an organisation's person is looked for in this many opening sentences (the headline
#: counts as one; web-page furniture may fill the first): as many as the "when" reads
PERSON_SENTENCES: Final = 5
#: role words between an organisation and its person ("FBI director James Comey")
MAX_ROLE_WORDS: Final = 2
#: a TIMEX3 value that names a day (a date, a weekday): precise enough to be the
#: main event's "when" when the event's own clause gives none
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
    return [after_furniture(s) for s in segments[:LEAD_SENTENCES]]


def after_furniture(segment: DocSpan) -> DocSpan:
    """The sentence a scraped caption ran into ("Image caption Rescuers dug all day
    Dozens of rescuers are trying ..."): after the last furniture word, where a
    capitalised common word follows a lower-case one with no stop between them;
    ``segment`` itself when it has no furniture, or no such start."""
    marks = [t.i for t in segment if t.lower_ in BOILERPLATE_WORDS]
    if not marks:
        return segment
    doc = segment.doc
    for token in doc[marks[-1] + 2 : segment.end]:
        before = doc[token.i - 1]
        if (
            token.is_title
            and token.pos_ in ("NOUN", "DET", "ADJ", "NUM")
            and token.ent_type_ in ("", "CARDINAL", "QUANTITY")  # "Dozens of rescuers"
            and before.is_alpha
            and before.is_lower
        ):
            return doc[token.i : segment.end]
    return segment


def opening_end(doc: Doc, sentences: int) -> int:
    """Where the article's first ``sentences`` sentences (as the parser splits them) end.
    (Not counting web-page furniture as sentences was tried on giveme5w1h-dev: two
    more right and two more wrong answers, lower precision.)"""
    end = 0
    for n, sentence in enumerate(doc.sents, 1):
        end = sentence.end
        if n >= sentences:
            break
    return end


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
    a verb at its root (or joined to it by "but", "and") whose subject (in the
    same sentence, outside ``skip``) names someone. The headline comes first
    when the parse reads it as a clause; when it does not ("China well rescue:
    Race to reach boy"), the lead sentence under it."""
    title = first_line(lead)
    found = [c for segment in lead if not is_boilerplate(segment) for c in _clauses(segment, skip)]
    # the headline's own clause ("Gunman kills two"), unless its subject names a thing
    # ("Game 7 delivers Rovers a title")
    if (
        found
        and title is not None
        and found[0][0].i < title.end
        and found[0][1].ent_type_ not in NON_ACTOR_LABELS
    ):
        return found[0]
    # Giveme5W1H prefers a who that is a person or organisation (its NER-type score)
    actor = next(((v, s) for v, s in found if _is_actor(s)), None)
    return actor or (found[0] if found else None)


def _clauses(segment: DocSpan, skip: set[int]) -> list[tuple[Token, Token]]:
    """The (verb, subject) clauses of a segment that name someone; a statement ("...,
    police said") only when it reports nothing else that does."""
    found = [
        (verb, subject)
        for verb in _segment_verbs(segment)
        if (subject := _subject(verb, segment, skip)) is not None and not _is_vague(subject)
    ]
    events = [(v, s) for v, s in found if v.lemma_.lower() not in REPORTING_VERBS]
    return events or found


def _is_actor(subject: Token) -> bool:
    """Whether a subject's phrase names a person, group or country ("Rovers fans").
    (Also taking a subject the article repeats, "rescuers", did no better on dev.)"""
    return any(t.ent_type_ in ACTOR_LABELS for t in phrase_of(subject))


def _clause_verbs(root: Token) -> list[Token]:
    """The root verb, then the verbs of clauses coordinated with it ("You knew it
    would be hard, but the Rovers are champions"); before a reporting verb, the clause
    it reports first ("Two people were hurt, police said": the event is the hurting;
    in "Lee said the bridge is safe", Lee's saying is)."""
    verbs = [root] if root.pos_ in ("VERB", "AUX") else []
    verbs += [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if root.lemma_.lower() in REPORTING_VERBS:  # reported first ("..., police said") only
        reported = [
            c
            for c in root.children
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and c.i < root.i
        ]
        verbs = reported + verbs
    return verbs


def _segment_verbs(segment: DocSpan) -> list[Token]:
    """The clause verbs of a lead segment; before them, a verb the parser hung on the
    line above ("Man held\n\nA man was arrested ..., police said": the headline's
    "held" governs "arrested") heads the segment's own first clause."""
    verbs = _clause_verbs(segment.root)
    first = verbs[0].i if verbs else segment.end
    hung = [
        t
        for t in segment
        if t.pos_ in ("VERB", "AUX")
        and t.dep_ not in ("aux", "auxpass")
        and not segment.start <= t.head.i < segment.end
        and t.i < first
    ]
    return hung[:1] + verbs


def _subject(verb: Token, segment: DocSpan, skip: set[int]) -> Token | None:
    """The subject of ``verb`` within ``segment``: the parser runs a headline into the
    sentence under it, and gives a verb two subjects, one on each side of the line
    break or of a headline's label ("Harbour fire: Police close port")."""
    doc = segment.doc
    colons = [t.i for t in doc[segment.start : verb.i] if t.text == ":"]
    start = max(segment.start, colons[-1] + 1) if colons else segment.start
    own = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass") and start <= c.i < segment.end and c.i not in skip
    ]
    if own:
        return own[-1]
    outside = _has_subject(verb)  # but not in the segment
    hung = not segment.start <= verb.head.i < segment.end
    if verb == segment.root or outside or hung:
        # "Boy lost in Veyle\n\nRescuers found ...": parsed as "in Rescuers"; the
        # sentence's first noun phrase, hung on the line above, is the subject
        first = next((t for t in doc[start : verb.i] if not start <= t.head.i < segment.end), None)
        if first is not None and first.pos_ in ("NOUN", "PROPN") and first.i not in skip:
            return first
    if outside:
        return None  # its subject is outside the segment
    subject = subject_of(verb, skip)  # "expected to meet": its governor's
    return subject if subject is not None and start <= subject.i < segment.end else None


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def person_of(actor: DocSpan, sentences: int = PERSON_SENTENCES) -> DocSpan | None:
    """The person who speaks or acts for an organisation a headline names, as the
    opening sentences name them with it ("FBI" -> "FBI director James Comey"): the
    one who did it (Giveme5W1H, and its coders, prefer a person to an organisation);
    None when the actor is no organisation or the opening names no such person."""
    doc = actor.doc
    if not any(e.label_ == "ORG" and e.start == actor.start for e in doc.ents):
        return None
    end = opening_end(doc, sentences)
    for ent in doc.ents:
        if ent.start >= end:
            break
        if ent.start < actor.end or ent.text != actor.text:
            continue
        # its first mention below the headline: the organisation itself ("The FBI
        # said ...") or its person ("FBI director James Comey said ...")
        for gap in range(1, MAX_ROLE_WORDS + 1):
            person = next((e for e in doc.ents if e.start == ent.end + gap), None)
            words = doc[ent.end : ent.end + gap]
            if person is not None and person.label_ == "PERSON":
                if all(
                    t.is_alpha and not t.ent_type_ and t.pos_ in ("NOUN", "PROPN") for t in words
                ):
                    return doc[ent.start : person.end]
                break
        return None
    return None


def actor_phrase(subject: Token) -> DocSpan:
    """The subject's noun phrase; a common noun with its "of" complement ("a team of
    rescuers", "the mayor of Marlow"): the noun alone names nobody in particular."""
    phrase = phrase_of(subject)
    named = subject.ent_type_ not in ("", "CARDINAL")  # "Dozens of rescuers" names no one
    if named or subject.pos_ != "NOUN" or phrase.end != subject.i + 1:
        return phrase
    of = next((c for c in subject.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if of is None or obj is None or of.i != subject.i + 1:
        return phrase
    end = min(phrase_of(obj).end, line_end(subject.doc, subject.i))
    return subject.doc[phrase.start : end]


def _is_vague(subject: Token) -> bool:
    """A pronoun, a picture ("Footage shows"), or a bare number ("Seven hurt in crash":
    seven of whom the lead says)."""
    words = {subject.lower_, subject.lemma_.lower()}
    if subject.like_num and len(phrase_of(subject)) == 1:
        return True
    return bool(words & VAGUE_SUBJECTS or words & MEDIA_SUBJECTS)
