"""The lead of an article: its first sentences (the headline when the text starts
with one), the dateline that opens it, and which clause states the main event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

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
    "dateline_tokens",
    "headline",
    "lead_segments",
    "main_clause",
    "opening_end",
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
#: a capitalised word opening a headline names its actor when the article's text
#: repeats it this many times ("Toblerone shrinks bar": tuned on giveme5w1h-dev, 2 and 3 equal)
MIN_ACTOR_MENTIONS: Final = 2
#: role words between an organisation and a person's name ("Rovers team boss Bo Chen")
MAX_ROLE_TOKENS: Final = 3
#: the longest actor read off a headline by its repetition in the text, in tokens
MAX_ACTOR_TOKENS: Final = 3
#: nouns after a headline's actor that continue its phrase before the verb ("Nordberg
#: bar shape change sparks anger"); one is a verb the model tagged a noun ("stages")
MIN_COMPOUND_RUN: Final = 2
#: a TIMEX3 value that names a day (a date, a weekday): precise enough to be the
#: main event's "when" when the event's own clause gives none
#: words of web-page furniture scraped with the text ("Click to share", "Image
#: caption", "Subscribe", "Skip Ad"): a lead sentence with one states no event
BOILERPLATE_WORDS: Final = frozenset({
    "click", "subscribe", "subscribing", "caption", "copyright", "advertisement", "ad",
    "embed", "inbox", "newsletter", "loading", "getty",
})  # fmt: skip
#: entity labels of things, not actors: a headline clause with such a subject does not
#: say who ("Game 7 delivers Rovers a title")
NON_ACTOR_LABELS: Final = frozenset({
    "EVENT", "DATE", "TIME", "WORK_OF_ART", "LAW", "MONEY", "PERCENT", "QUANTITY",
})  # fmt: skip
#: entity labels that can be a headline's actor ("Lady Gaga", "FBI", "Toblerone", "Brits")
ACTOR_LABELS: Final = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: where a headline's predicate ends: another clause or a second headline begins
HEADLINE_BREAKS: Final = frozenset({
    ":", ",", ";", "—", "–", "-", "|", "and", "but", "as", "after", "while", "amid",
    "because", "despite", "following", "when", "that", "who", "which",
})  # fmt: skip
#: entity labels of a time or an occasion ("on Monday", "for the first time")
TIME_LABELS: Final = frozenset({"DATE", "TIME", "ORDINAL"})
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


def opening_end(doc: Doc, sentences: int) -> int:
    """Where the article's first ``sentences`` sentences (as the parser splits them) end."""
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
    first_line = _first_line(lead)
    found = [
        (verb, subject)
        for segment in lead
        if not _is_boilerplate(segment)
        for verb in _clause_verbs(segment.root)
        if (subject := _subject(verb, segment, skip)) is not None and not _is_vague(subject)
    ]
    # the headline's own clause ("Gunman kills two"), unless its subject names a thing
    # ("Game 7 delivers Rovers a title")
    if (
        found
        and first_line is not None
        and found[0][0].i < first_line.end
        and found[0][1].ent_type_ not in NON_ACTOR_LABELS
    ):
        return found[0]
    # Giveme5W1H prefers a who that is a person or organisation (its NER-type score)
    actor = next(((v, s) for v, s in found if _is_actor(s)), None)
    return actor or (found[0] if found else None)


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
    outside = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb == segment.root or outside:
        # "Boy lost in Veyle\n\nRescuers found ...": parsed as "in Rescuers"; the
        # sentence's first noun phrase, hung on the line above, is the subject
        first = next((t for t in doc[start : verb.i] if not start <= t.head.i < segment.end), None)
        if first is not None and first.pos_ in ("NOUN", "PROPN") and first.i not in skip:
            return first
    if outside:
        return None  # its subject is outside the segment
    subject = subject_of(verb, skip)  # "expected to meet": its governor's
    return subject if subject is not None and start <= subject.i < segment.end else None


def actor_phrase(subject: Token) -> DocSpan:
    """The subject's noun phrase; a common noun with its "of" complement ("a team of
    rescuers", "the mayor of Marlow"): the noun alone names nobody in particular."""
    phrase = phrase_of(subject)
    if subject.ent_type_ or subject.pos_ != "NOUN" or phrase.end != subject.i + 1:
        return phrase
    of = next((c for c in subject.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if of is None or obj is None or of.i != subject.i + 1:
        return phrase
    end = min(phrase_of(obj).end, line_end(subject.doc, subject.i))
    return subject.doc[phrase.start : end]


def _is_vague(subject: Token) -> bool:
    words = {subject.lower_, subject.lemma_.lower()}
    return bool(words & VAGUE_SUBJECTS or words & MEDIA_SUBJECTS)


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
    position, not by parse: the named actor the headline opens with, then
    what follows it up to the next clause or punctuation. What precedes a
    colon is a label, not a clause ("Harbour fire: Port Police close docks",
    "Election 2030: Ann Lee wins"): only the part after the last colon is read.
    The actor is a named entity, or a capitalised word the article repeats
    (the model often misses a brand in a headline: "Nordberg shrinks bars").
    A text whose first line is not such a headline gives None.
    """
    line = _first_line(lead)
    if line is None or _is_boilerplate(line):
        return None
    colons = [t.i for t in line if t.text == ":"]
    return _actor_and_predicate(line, colons[-1] + 1 if colons else line.start)


def _first_line(lead: Sequence[DocSpan]) -> DocSpan | None:
    """The headline: the lead's first segments up to the first line break (the
    parser may split it at a colon)."""
    for n, segment in enumerate(lead):
        if _ends_line(segment):
            return segment.doc[lead[0].start : segment.end] if n else segment
    return None


def _actor_and_predicate(segment: DocSpan, start: int) -> Headline | None:
    doc = segment.doc
    actor = _actor(segment, start)
    if actor is None:
        return None
    begin = _predicate_start(segment, actor.end)
    end = begin
    while end < segment.end and end - begin < MAX_HEADLINE_PREDICATE:
        if _breaks(doc[end]) or _dates(doc[end]):
            break
        end += 1
    # no dangling "in", "the" or "and" where the predicate was cut
    while end > begin and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "PUNCT"):
        end -= 1
    return Headline(actor, doc[begin:end]) if end > begin else None


def _actor(segment: DocSpan, start: int) -> DocSpan | None:
    """The actor a headline part opens with: "Ann Lee and Bo Chen", "Danish boy",
    "Senator Ann Lee", "Rovers boss Bo Chen", "Ann Lee's lawyers"."""
    doc = segment.doc
    found = _entity_at(segment, start)
    titled = _entity_at(segment, start + 1) if found is None else None
    if titled is not None and titled.label_ == "PERSON" and _is_title_word(doc[start]):
        found = doc[start : titled.end]  # "Senator Ann Lee": the title the model left out
    actor = found if found is not None else _repeated_name(segment, start)
    if actor is None:
        return None
    end = actor.end
    # "Danish boy found safe": a nationality is the actor with the noun it modifies
    if found is not None and found.label_ == "NORP" and found.root.tag_ == "JJ":
        while end < segment.end - 1 and doc[end].pos_ == "NOUN" and doc[end + 1].pos_ != "PART":
            end += 1
    # "Rovers boss Bo Chen says": a person named by their role in the first actor
    for gap in range(1, MAX_ROLE_TOKENS + 1):
        person = _entity_at(segment, end + gap)
        if person is not None and person.label_ == "PERSON":
            if all(_is_title_word(t) for t in doc[end : end + gap]):
                end = person.end
            break
    # "Ann Lee's lawyers appeal": the possessed noun is the actor
    if end < segment.end and doc[end].tag_ == "POS":
        nouns = end + 1
        while nouns < segment.end and nouns - end <= MAX_ROLE_TOKENS and doc[nouns].pos_ == "NOUN":
            nouns += 1
        if nouns == end + 1:
            return None
        end = nouns
    # "Ann Lee and Bo Chen lead celebrations", "Lee, Chen meet": actors joined
    while end + 1 < segment.end and doc[end].lower_ in ("and", "&", ","):
        other = _entity_at(segment, end + 1)
        if other is None:
            break
        end = other.end
    return doc[actor.start : end]


def _entity_at(segment: DocSpan, start: int) -> DocSpan | None:
    return next((e for e in segment.ents if e.start == start and e.label_ in ACTOR_LABELS), None)


def _is_title_word(token: Token) -> bool:
    """A capitalised or role noun before a name: "Senator", "boss", "chief"."""
    return token.pos_ in ("NOUN", "PROPN") and not token.ent_type_ and token.is_alpha


def _repeated_name(segment: DocSpan, start: int) -> DocSpan | None:
    """The longest run of capitalised words at ``start`` the article's text repeats."""
    doc = segment.doc
    body = doc.text[segment.end_char :]
    for size in range(MAX_ACTOR_TOKENS, 0, -1):
        words = doc[start : start + size]
        if words.end >= segment.end or len(words) < size:
            continue
        if not all(t.is_alpha and not t.is_stop for t in words) or not words[0].is_title:
            continue
        pattern = r"(?<!\w)" + re.escape(words.text) + r"(?!\w)"
        if len(re.findall(pattern, body)) >= MIN_ACTOR_MENTIONS:
            return words
    return None


def _predicate_start(segment: DocSpan, actor_end: int) -> int:
    """Where the predicate begins: at the verb when nouns continue the actor's phrase
    ("Nordberg bar shape change sparks anger": "sparks anger")."""
    for token in segment.doc[actor_end : segment.end]:
        if token.pos_ == "VERB":
            return token.i if token.i - actor_end >= MIN_COMPOUND_RUN else actor_end
        if token.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") or _breaks(token):
            break
    return actor_end


def _dates(token: Token) -> bool:
    """A preposition that dates the headline's event rather than completing it:
    "win the cup [for the first time in 50 years]", "[on Monday]"."""
    if token.pos_ != "ADP":
        return False
    after = token.doc[token.i + 1 : token.i + 3]
    return any(t.ent_type_ in TIME_LABELS for t in after)


def _breaks(token: Token) -> bool:
    """A word or mark where a headline's clause ends (a hyphen only as a dash: " - ")."""
    if token.text == "-":
        return bool(token.whitespace_)
    return token.lower_ in HEADLINE_BREAKS


def _ends_line(segment: DocSpan) -> bool:
    doc = segment.doc
    return segment.end < len(doc) and doc[segment.end].is_space and "\n" in doc[segment.end].text
