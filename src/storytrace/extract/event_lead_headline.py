"""Reading a headline: who it names and what it says they did ("[Lady Gaga] [stages
protest outside Trump Tower]"), by position, since the small model misreads
headlinese; and the marks of web-page furniture that states no event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Span as DocSpan
    from spacy.tokens import Token

__all__ = [
    "ACTOR_LABELS",
    "Headline",
    "first_line",
    "headline",
    "headline_speaker",
    "is_boilerplate",
]

#: a capitalised word opening a headline names its actor when the article's text
#: repeats it this many times ("Nordberg shrinks bars": 2 beat 3 on giveme5w1h-dev)
MIN_ACTOR_MENTIONS: Final = 2
#: entity labels of places: a headline opening with one names its actor in the nouns
#: after it ("Seattle police", "London tram crash")
PLACE_ACTOR_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
#: role words between an organisation and a person's name ("Rovers team boss Bo Chen")
MAX_ROLE_TOKENS: Final = 3
#: the longest actor read off a headline by its repetition in the text, in tokens
MAX_ACTOR_TOKENS: Final = 3
#: nouns after a headline's actor that continue its phrase before the verb ("Nordberg
#: bar shape change sparks anger"); one is a verb the model tagged a noun ("stages")
MIN_COMPOUND_RUN: Final = 2
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
    "because", "despite", "following", "when", "that", "who", "which",
})  # fmt: skip
#: entity labels of a time or an occasion ("on Monday", "for the first time")
TIME_LABELS: Final = frozenset({"DATE", "TIME", "ORDINAL"})
#: a headline's label ("Lee to voters:") has this many tokens at most when it names
#: the speaker of what follows
MAX_LABEL_TOKENS: Final = 6
#: words by which a headline's clause speaks for the person its label names
#: ("Lee: Chen cost me the vote")
SPEAKER_WORDS: Final = frozenset({
    "i", "me", "my", "mine", "we", "us", "our", "you", "your", "i'm", "i've", "we're",
})  # fmt: skip
#: a headline predicate longer than this many tokens is cut
MAX_HEADLINE_PREDICATE: Final = 10


def is_boilerplate(segment: DocSpan) -> bool:
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
    line = first_line(lead)
    if line is None or is_boilerplate(line):
        return None
    colons = [t.i for t in line if t.text == ":"]
    start = colons[-1] + 1 if colons else line.start
    found = _actor_and_predicate(line, start)
    if found is not None:
        return found
    # "Tears of joy as Rovers fans celebrate": a scene, then the clause that states it
    doc = line.doc
    scene = next((t.i for t in doc[start : line.end] if t.lower_ == "as"), None)
    if scene is None or any(t.pos_ in ("VERB", "AUX") for t in doc[start:scene]):
        return None
    return _actor_and_predicate(line, scene + 1)


def headline_speaker(lead: Sequence[DocSpan], *, quoted: bool = False) -> DocSpan | None:
    """The person a headline's label names: headlines put a speaker before what they
    say ("Lee to voters: The count will stand", "Lee: Chen cost me the vote"), so
    the person is the actor when what follows names nobody, or (``quoted``) when it
    speaks in the first or second person. A label that names no person ("Harbour
    fire: ...") gives None."""
    line = first_line(lead)
    if line is None or is_boilerplate(line):
        return None
    colon = next((t.i for t in line if t.text == ":"), None)
    if colon is None or colon - line.start > MAX_LABEL_TOKENS:
        return None
    said = line.doc[colon + 1 : line.end]
    opens_quote = len(said) > 0 and said[0].is_quote
    if quoted and not opens_quote and not any(t.lower_ in SPEAKER_WORDS for t in said):
        return None
    actor = _actor(line, line.start)
    if actor is None or actor.end > colon or not any(e.label_ == "PERSON" for e in actor.ents):
        return None
    return actor


def first_line(lead: Sequence[DocSpan]) -> DocSpan | None:
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
    # "Seattle police hunt gunman": a place names no actor; it modifies the nouns
    # after it, which do ("stages" after a name is a verb the model tagged a noun)
    place = any(e.start == actor.start and e.label_ in PLACE_ACTOR_LABELS for e in doc.ents)
    begin = _predicate_start(segment, actor.end, min_run=1 if place else MIN_COMPOUND_RUN)
    # no verb the model saw ("Seattle police hunt gunman", all nouns): the one noun
    # after the place is what it modifies
    if (
        place
        and begin == actor.end
        and begin + 1 < segment.end
        and doc[begin].tag_ == "NN"  # not "Germany closes consulate": a verb
        and doc[begin + 1].pos_ in ("NOUN", "VERB")
    ):
        begin += 1
    if place and begin > actor.end:
        actor = doc[actor.start : begin]
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
    if found is not None:
        found = _as_in_text(found, segment)
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
            if end > found.end and _headline_verb(doc[end - 1], doc[end], doc[end + 1]):
                break  # "Afghan bomber rams truck": "rams" is the verb
            end += 1
    # "Rovers boss Bo Chen says": a person named by their role in the first actor
    for gap in range(1, MAX_ROLE_TOKENS + 1):
        person = _entity_at(segment, end + gap)
        if person is not None and person.label_ == "PERSON":
            first, after = doc[person.start], doc[min(person.start + 1, len(doc) - 1)]
            verb = _headline_verb(doc[person.start - 1], first, after)  # "bomber [rams truck]"
            if all(_is_title_word(t) for t in doc[end : end + gap]) and not verb:
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


def _headline_verb(before: Token, token: Token, after: Token) -> bool:
    """Whether a word the model tagged a plural noun is a headline's verb: it follows a
    singular noun ("bomber rams") and an object follows it ("rams truck"). (Reading a
    singular noun after a plural one as a verb, "fans blame", misread "shrinks
    chocolate bar" on giveme5w1h-dev.)"""
    agrees = before.tag_ == "NN" and token.tag_ == "NNS"
    return agrees and after.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM")


def _as_in_text(name: DocSpan, segment: DocSpan) -> DocSpan:
    """A headline's name as the article's text writes it: a title-case headline runs
    its verb into the name ("Ann Lee Wins Cup": "Ann Lee"), which the text below never
    writes; cut to its longest start the text does."""
    body = name.doc.text[segment.end_char :]
    for end in range(name.end, name.start, -1):
        words = name.doc[name.start : end]
        if re.search(r"(?<!\w)" + re.escape(words.text) + r"(?!\w)", body):
            cut = name.doc.char_span(name.start_char, words.end_char, label=name.label_)
            return name if end == name.end or cut is None else cut
    return name


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
        if not all(t.is_alpha and not t.is_stop and not t.like_num for t in words):
            continue  # "Seven killed in crash": a number is no name
        if not words[0].is_title:
            continue
        pattern = r"(?<!\w)" + re.escape(words.text) + r"(?!\w)"
        if len(re.findall(pattern, body)) >= MIN_ACTOR_MENTIONS:
            return words
    return None


def _predicate_start(segment: DocSpan, actor_end: int, *, min_run: int) -> int:
    """Where the predicate begins: at the verb when at least ``min_run`` nouns continue
    the actor's phrase ("Nordberg bar shape change sparks anger": "sparks anger")."""
    doc = segment.doc
    for token in doc[actor_end : segment.end]:
        if token.pos_ == "VERB":
            return token.i if token.i - actor_end >= min_run else actor_end
        if token.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") or _breaks(token):
            break
        after = doc[token.i + 1] if token.i + 1 < segment.end else None
        if (
            token.i > actor_end
            and after is not None
            and _headline_verb(doc[token.i - 1], token, after)
        ):
            return token.i  # "Taliban bomber rams truck": the verb tagged a noun
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
