"""Reported speech whose cue comes after it, set off by commas.

"Canada preferred British subjects, Foster writes." — "The drugs have a limited
use, he says, and are meant for the short term." — "That is not the answer,
said Telford." News writing puts the speaker after the words, in a small
clause of its own: a subject and a reporting verb (with at most a few words of
time, place or manner), between a comma and the end of the sentence, or
between two commas. The words before it are the statement; the words after the
second comma go on with it.

The parse is unreliable here (the reported clause is often the root, the cue a
``parataxis`` or ``ccomp`` of it), so the shape is read from the words: the
cue clause is the cue's subject, the cue and its own modifiers, and nothing
else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from storytrace.extract.cues import REPORTING_VERBS, TELLING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storytrace.extract.quote_layout import Layout
    from storytrace.extract.quote_speakers import SpeakerFinder

__all__ = ["Parenthetical", "find_parentheticals"]

#: a statement before the cue has at least this many words: "Too often, he says, they
#: get it" is two statements; "Still, he said, …" is a discourse marker (GGT tuning half)
MIN_WORDS: Final = 2
#: words of time, place or manner allowed after the cue ("he said in an interview")
MAX_TAIL_WORDS: Final = 8
#: marks that close the cue clause: the statement goes on after "," or ";"
GOES_ON: Final = frozenset({",", ";"})
SENTENCE_END: Final = frozenset({".", "!", "?"})
#: the cue's own modifiers, allowed in its clause ("has said", "said Thursday",
#: "says in an interview"); a clause it governs (ccomp) makes it no parenthetical
TAIL_DEPS: Final = frozenset(
    {"aux", "auxpass", "neg", "advmod", "npadvmod", "prep", "pobj", "det", "amod", "compound",
     "poss", "case", "nummod", "punct", "prt", "dative", "pcomp", "nmod", "quantmod"}
)  # fmt: skip
QUOTE_MARKS: Final = frozenset('"“”‘’')


@dataclass(frozen=True, slots=True)
class Parenthetical:
    """A cue clause after its statement: token ranges are ``[start, end)``."""

    cue: Token
    subject: Token
    #: the statement before the cue clause
    before: tuple[int, int]
    #: the words going on with it after the cue clause, if any
    after: tuple[int, int] | None


def find_parentheticals(
    doc: Doc, layout: Layout, in_quote: bytearray, speakers: SpeakerFinder
) -> list[Parenthetical]:
    found = []
    for verb in doc:
        if (
            verb.pos_ != "VERB"
            or str(verb.lemma_).lower() not in REPORTING_VERBS
            or in_quote[verb.i]
            or any(_reports(c, verb) for c in verb.children)
        ):
            continue
        subject = speakers.nsubj(verb)
        if subject is None:
            continue
        item = _around(doc, layout, in_quote, speakers, verb, subject)
        if item is not None:
            found.append(item)
    return found


def _around(
    doc: Doc,
    layout: Layout,
    in_quote: bytearray,
    speakers: SpeakerFinder,
    verb: Token,
    subject: Token,
) -> Parenthetical | None:
    lo, hi = speakers.source_range(subject)
    first = min(lo, verb.i)
    while first > 0 and doc[first - 1].head.i == verb.i and doc[first - 1].dep_ in ("aux", "neg"):
        first -= 1
    if first != min(lo, verb.i) and first < lo:
        return None
    last = max(hi - 1, verb.i)
    if any(
        not (lo <= k < hi or k == verb.i or _of_verb(doc[k], verb)) for k in range(first, last + 1)
    ):
        return None  # something else between subject and verb
    # the tail: the cue's own modifiers up to a comma or the sentence's end
    k, tail = last + 1, 0
    while k < len(doc) and not doc[k].is_space and doc[k].text not in GOES_ON | SENTENCE_END:
        if in_quote[k] or not _of_verb(doc[k], verb) or tail >= MAX_TAIL_WORDS:
            return None
        k, tail = k + 1, tail + 1
    ends = k >= len(doc) or doc[k].is_space or doc[k].text in SENTENCE_END
    comma = _previous(doc, first)
    if comma is None or doc[comma].text != "," or in_quote[comma]:
        return None
    start = _sentence_start(doc, layout, comma)
    words = [t for t in doc[start:comma] if not (t.is_punct or t.is_space)]
    if not words or (doc[start].text in QUOTE_MARKS and in_quote[comma - 1]):
        return None  # nothing, or a quotation (the quotation rules' own)
    after = None
    if not ends and doc[k].text in GOES_ON and not _describes(doc, k + 1, subject):
        after = _going_on(doc, layout, in_quote, k + 1)
        if after is None:
            return None
    # "Police, Sinclair says, have no policies": a subject cut from its verb
    subject_cut = after is not None and len(words) == 1 and words[0].pos_ in ("NOUN", "PROPN")
    if len(words) < MIN_WORDS and not subject_cut:
        return None  # "Still, he said, …": a discourse marker
    return Parenthetical(verb, subject, (start, comma), after)


def _reports(child: Token, verb: Token) -> bool:
    """Whether ``child`` is what ``verb`` reports (then it is no cue after its statement);
    a telling verb's object is whom it was told ("…, she told reporters.")."""
    if child.i < verb.i:
        return False
    if child.dep_ == "dobj":
        return str(verb.lemma_).lower() not in TELLING_VERBS
    return child.dep_ in ("ccomp", "xcomp")


def _describes(doc: Doc, first: int, subject: Token) -> bool:
    """Whether the words at ``first`` are the subject's appositive: "…, said Jo Farr,
    the chief executive of the firm." says who she is, not what she said."""
    while first < len(doc) and doc[first].is_space:
        first += 1
    return first < len(doc) and any(t.i == subject.i for t in doc[first].ancestors)


def _of_verb(token: Token, verb: Token) -> bool:
    """Whether ``token`` hangs from ``verb`` by a modifier's relation."""
    current = token
    for _ in range(4):
        if current.i == verb.i:
            return True
        if current.dep_ not in TAIL_DEPS or current.head.i == current.i:
            return False
        current = current.head
    return False


def _previous(doc: Doc, i: int) -> int | None:
    k = i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k if k >= 0 else None


def _sentence_start(doc: Doc, layout: Layout, i: int) -> int:
    """Where the sentence holding token ``i`` starts, on its line."""
    line = layout.index(int(doc[i].idx))
    start = int(doc[i].sent.start)
    while start < i and (doc[start].is_space or layout.index(int(doc[start].idx)) != line):
        start += 1
    return start


def _going_on(doc: Doc, layout: Layout, in_quote: bytearray, first: int) -> tuple[int, int] | None:
    """The words after the cue clause up to the sentence's end, unless they are a
    clause of their own ("…, he said, adding that…")."""
    while first < len(doc) and doc[first].is_space:
        first += 1
    if first >= len(doc) or doc[first].tag_ == "VBG" or in_quote[first]:
        return None
    line = layout.index(int(doc[first].idx))
    end = first
    while (
        end < len(doc)
        and layout.index(int(doc[end].idx)) == line
        and not doc[end].is_space
        and (end == first or not doc[end].is_sent_start)
    ):
        end += 1
    while end > first and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    words = [t for t in doc[first:end] if not t.is_punct]
    return (first, end) if len(words) >= 2 else None
