"""Candidate spans for a cue's content and source, read off the dependency parse.

The trained attribution model (:mod:`attribution_model`) does not draw span
boundaries itself: it chooses among the few spans the parse offers around a
cue ("the ``ccomp`` subtree", "everything after the cue in its subtree",
"the clause the cue interrupts", "the subject without its appositive"…).
Each candidate is named by how it was made, and that name is what the model
learns to prefer for each cue.

Boundaries follow the PolNeAR conventions (the annotation this project is
measured on, checked on its training split): a quotation keeps its marks, an
indirect statement keeps its complementiser "that", final punctuation outside
quotation marks and the commas around a clause are left out.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from storytrace.extract.quote_marks import QuoteMarks

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "CONTENT_CHILD_DEPS",
    "Candidate",
    "Parsed",
    "content_candidates",
    "cue_tokens",
    "quoted_tokens",
    "source_candidates",
    "subject_for",
]

#: children of a cue whose subtree may be what it reports
CONTENT_CHILD_DEPS: Final = frozenset(
    {"ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "advcl", "csubj", "nsubjpass", "dative"}
)
#: right children that end a clause's own words when cut: coordinated or adjoined clauses
CLAUSE_CUT_DEPS: Final = frozenset({"cc", "conj", "advcl", "parataxis", "punct"})
#: right children of a cue that are circumstances, not what it reports
ADJUNCT_CUT_DEPS: Final = frozenset(
    {"prep", "advcl", "npadvmod", "advmod", "cc", "conj", "punct", "parataxis"}
)
#: children of a cue that belong to the cue's own words ("has said", "did not say",
#: "pointed out"); PolNeAR cue spans include them when they touch the cue
CUE_CHILD_DEPS: Final = frozenset({"aux", "auxpass", "neg", "prt"})
#: relations by which a cue shares the subject of the verb above it
#: ("…, adding", "and said", "refused to comment")
SHARED_SUBJECT_DEPS: Final = frozenset({"advcl", "conj", "xcomp", "parataxis", "acl", "pcomp"})
#: how far up a subjectless cue looks for a shared subject
SUBJECT_CLIMB: Final = 4
#: punctuation left off a span's edges (quotation marks are handled apart)
EDGE_PUNCT: Final = frozenset(",.;:—–-()[]…!?")
#: what may stand between a span's edge and the quotation mark it reaches for
EDGE_TEXT: Final = " \t,.;:!?…"
#: opening and closing quotation marks
QUOTE_CHARS: Final = frozenset("\"'“”‘’")
#: words allowed between a quotation and its cue's clause for the quotation to be
#: a content candidate ("“…,” said a senior official", "said on Tuesday: “…”")
QUOTE_GAP_WORDS: Final = 3
#: parts of speech of a first word PolNeAR leaves out of a content ("[saying] that…",
#: "[for] a wall", "[to] discuss")
SKIPPED_FIRST_POS: Final = frozenset({"ADP", "VERB", "PART", "SCONJ", "DET"})
#: right dependents a content may be cut before
CUT_BEFORE_DEPS: Final = frozenset(
    {"prep", "advcl", "conj", "cc", "punct", "relcl", "acl", "npadvmod", "advmod", "appos"}
)
#: punctuation a content may end before
CLAUSE_BREAKS: Final = frozenset({",", "—", "–", "(", ";", ":", "--"})
#: variants of each kind made from one span (nested starts, cut ends), nearest first
MAX_VARIANTS: Final = 4
#: words that end a subject's own words: an appositive or a relative clause follows
SUBJECT_BREAKS: Final = frozenset({",", "(", "—", "–", ";", ":"})


@dataclass(frozen=True, slots=True)
class Parsed:
    """A parsed article with its text (``doc.text`` is rebuilt on every access, so
    it is read once) and its quotations."""

    doc: Doc
    text: str
    quotes: Sequence[QuoteMarks]
    #: per-token attributes read many times over (spaCy builds a Token per access)
    tokens: TokenTable = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tokens", TokenTable(self.doc))


class TokenTable:
    """Plain lists of the token attributes the candidate spans read."""

    __slots__ = ("dep", "end", "head", "idx", "left", "pos", "right", "skip", "text")

    def __init__(self, doc: Doc) -> None:
        self.text = [t.text for t in doc]
        self.idx = [int(t.idx) for t in doc]
        self.end = [i + len(w) for i, w in zip(self.idx, self.text, strict=True)]
        self.head = [t.head.i for t in doc]
        self.left = [t.left_edge.i for t in doc]
        self.right = [t.right_edge.i for t in doc]
        self.pos = [t.pos_ for t in doc]
        self.dep = [t.dep_ for t in doc]
        #: left off a span's edges: whitespace and edge punctuation
        self.skip = [t.is_space or t.text in EDGE_PUNCT for t in doc]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span offered for a role: ``kind`` names how it was made; ``head`` is its
    syntactic head (for sources: the token that names the speaker)."""

    kind: str
    start: int
    end: int
    head: int
    length: int
    text: str
    #: first and last token (-1: not known)
    first: int = -1
    last: int = -1


def quoted_tokens(doc: Doc, quotes: Sequence[QuoteMarks]) -> bytearray:
    """1 for each token from a quotation's opening mark to its closing mark."""
    starts = [int(t.idx) for t in doc]
    quoted = bytearray(len(doc))
    for quote in quotes:
        first = bisect_right(starts, quote.open) - 1
        last = bisect_right(starts, quote.close) - 1
        quoted[first : last + 1] = b"\x01" * (last + 1 - first)
    return quoted


def cue_tokens(doc: Doc, head: Token) -> tuple[int, int]:
    """Character span of a cue: its head and the auxiliaries, negation, particle and
    adverbs next to it ("has said", "did not mention", "pointed out", "also said"),
    and a colon or stranded preposition right after it."""
    lo = hi = head.i
    attached = {
        c.i
        for c in head.children
        if c.dep_ in CUE_CHILD_DEPS or (c.dep_ == "advmod" and c.pos_ == "ADV")
    }
    while lo - 1 in attached:
        lo -= 1
    while hi + 1 in attached:
        hi += 1
    if head.lower_ == "according" and head.i + 1 < len(doc) and doc[head.i + 1].lower_ == "to":
        hi = head.i + 1
    elif hi + 1 < len(doc) and doc[hi + 1].head.i == head.i:
        after = doc[hi + 1]
        # PolNeAR keeps the colon that introduces the content ("said:" 84 times in 88 on
        # train) and a stranded preposition ("what he asked for", "talked about")
        stranded = after.dep_ == "prep" and not any(True for _ in after.rights)
        if after.text == ":" or stranded:
            hi += 1
    return int(doc[lo].idx), int(doc[hi].idx) + len(doc[hi].text)


def _trimmed(parsed: Parsed, lo: int, hi: int) -> tuple[int, int] | None:
    """Characters of tokens ``lo..hi`` (inclusive) without edge punctuation; a
    quotation reaching an edge brings its marks (and what stands inside them)."""
    table = parsed.tokens
    skip = table.skip
    while lo <= hi and skip[lo]:
        lo += 1
    while hi >= lo and skip[hi] and not _closes(table.text, lo, hi):
        hi -= 1
    if hi < lo:
        return None
    start, end = table.idx[lo], table.end[hi]
    text, quotes = parsed.text, parsed.quotes
    # a lone mark at an edge whose partner is outside the span is not the span's
    while start < end and text[start] in QUOTE_CHARS and not _pairs(quotes, start, end):
        start += 1
    while end > start and text[end - 1] in QUOTE_CHARS and not _pairs(quotes, start, end):
        end -= 1
    for quote in quotes:
        if quote.close < start or quote.open >= end:
            continue
        # the span reaches into the quotation's edge: only punctuation is left out
        if quote.open < start <= quote.close and not text[quote.open + 1 : start].strip(EDGE_TEXT):
            start = quote.open
        if quote.open < end <= quote.close and not text[end : quote.close].strip(EDGE_TEXT):
            end = quote.close + 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _closes(text: list[str], lo: int, hi: int) -> bool:
    """Whether token ``hi`` is a ")" closing a "(" inside ``lo..hi``: "Bernie Sanders
    (I-Vt.)" keeps it."""
    if text[hi] != ")":
        return False
    inside = text[lo:hi]
    return inside.count("(") > inside.count(")")


def _pairs(quotes: Sequence[QuoteMarks], start: int, end: int) -> bool:
    return any(start <= q.open and q.close < end for q in quotes)


def _candidate(parsed: Parsed, kind: str, lo: int, hi: int, head: int) -> Candidate | None:
    if hi < lo:
        return None
    span = _trimmed(parsed, lo, hi)
    if span is None:
        return None
    text = parsed.text[span[0] : span[1]]
    if "\n" in text:
        return None  # a span never runs across a paragraph (or a heading's) line break
    table = parsed.tokens
    while lo < hi and table.end[lo] <= span[0]:
        lo += 1
    while hi > lo and table.idx[hi] >= span[1]:
        hi -= 1
    return Candidate(kind, span[0], span[1], head, hi - lo + 1, text, lo, hi)


def content_candidates(parsed: Parsed, cue: Token) -> list[Candidate]:
    """Spans that may be what ``cue`` reports, each once (the first kind to make it wins).

    The spans the parse names (:func:`_content_ranges`) come first, then their
    variants (:func:`_variants`): a subtree nested at their end or start, a cut
    before a right dependent, the rest of the sentence.
    """
    found: dict[tuple[int, int], Candidate] = {}

    def add(candidate: Candidate | None) -> None:
        if candidate is None or candidate.start <= int(cue.idx) < candidate.end:
            return  # content never holds its own cue
        found.setdefault((candidate.start, candidate.end), candidate)

    ranges = list(_content_ranges(cue))
    for kind, lo, hi, head in ranges:
        add(_candidate(parsed, kind, lo, hi, head))
    for quote in _adjacent_quotes(parsed, cue):
        add(quote)
    table = parsed.tokens
    sentence_end = cue.sent.end - 1
    for kind, lo, hi, _ in ranges:
        for variant, vlo, vhi in _variants(table, cue.i, sentence_end, lo, hi):
            add(_candidate(parsed, f"{kind}~{variant}", vlo, vhi, _span_head(table, vlo, vhi)))
    return list(found.values())


def _content_ranges(cue: Token) -> Iterator[tuple[str, int, int, int]]:
    """Token ranges (kind, first, last, head) the parse offers around ``cue``."""
    for child in cue.children:
        if child.dep_ in CONTENT_CHILD_DEPS:
            yield child.dep_, child.left_edge.i, child.right_edge.i, child.i
            # without a clause coordinated or adjoined to it: "he found Trump charming
            # [and called his standing unheard of]"
            yield child.dep_ + "_cut", child.left_edge.i, _cut(child, CLAUSE_CUT_DEPS), child.i
        elif child.dep_ == "prep":
            for grandchild in child.children:
                if grandchild.dep_ in ("pobj", "pcomp"):
                    yield (
                        "prep_" + grandchild.dep_,
                        grandchild.left_edge.i,
                        grandchild.right_edge.i,
                        grandchild.i,
                    )
    # everything after the cue in its own subtree: "accused him of lying"
    yield "after", cue.i + 1, _right_end(cue), cue.i
    # the cue's arguments without its adjuncts: "called the KKK “abhorrent” [in a tweet]"
    yield "after_cut", cue.i + 1, _cut(cue, ADJUNCT_CUT_DEPS), cue.i
    head = cue.head
    if head.i != cue.i:
        # the clause the cue interrupts or follows: "X, he said" / "…, she says, Y"
        yield "head_before", head.left_edge.i, cue.left_edge.i - 1, head.i
        yield "head_after", cue.right_edge.i + 1, head.right_edge.i, head.i
    sentence = cue.sent
    yield "sent_before", sentence.start, cue.left_edge.i - 1, cue.i
    yield "sent_after", cue.right_edge.i + 1, sentence.end - 1, cue.i


def _variants(
    table: TokenTable, cue: int, sentence_end: int, lo: int, hi: int
) -> Iterator[tuple[str, int, int]]:
    """Spans near ``lo..hi`` that PolNeAR often marks instead: a subtree ending where
    it ends ("more favorable impressions of [the economy]"), the span without its
    first word ("[saying] …"), cut before a right dependent of a word on its left
    spine ("to work together [after a meeting Thursday]") or before a comma or
    dash inside it, or run on to the sentence's end (a clause the parse cut short)."""
    if hi < lo:
        return
    left, right, head, dep = table.left, table.right, table.head, table.dep
    if hi - lo >= 1 and table.pos[lo] in SKIPPED_FIRST_POS:
        yield "drop1", lo + 1, hi
    seen: set[int] = set()
    for k in range(lo + 1, hi + 1):
        if len(seen) == MAX_VARIANTS:
            break
        start = left[k]
        if right[k] == hi and lo < start and start not in seen:
            seen.add(start)
            yield "sub", start, hi
    cut: set[int] = set()
    for k in range(lo + 1, hi + 1):
        # a right dependent of a word on the left spine (whose subtree starts at lo)
        if len(cut) == MAX_VARIANTS:
            break
        parent, end = head[k], left[k] - 1
        on_spine = parent < k and left[parent] == lo
        if on_spine and dep[k] in CUT_BEFORE_DEPS and lo <= end and end not in cut:
            cut.add(end)
            yield "pre_" + dep[k], lo, end
    cuts = 0
    for k in range(lo + 1, hi + 1):
        # a comma or dash inside: the parse often hangs what follows it too low
        if cuts < MAX_VARIANTS and table.text[k] in CLAUSE_BREAKS:
            yield "pre_break", lo, k - 1
            cuts += 1
    if lo > cue and hi < sentence_end:
        yield "to_end", lo, sentence_end


def _span_head(table: TokenTable, lo: int, hi: int) -> int:
    """The first token of ``lo..hi`` whose head lies outside it."""
    head = table.head
    for k in range(lo, hi + 1):
        if not lo <= head[k] <= hi or head[k] == k:
            return k
    return lo


def _adjacent_quotes(parsed: Parsed, cue: Token) -> Iterator[Candidate]:
    """The quotation right before the cue's clause ("“…,” he said") or right after
    the cue ("said: “…”"), marks included, when only a few words stand between."""
    text, at = parsed.text, int(cue.idx)
    left = int(cue.left_edge.idx)
    for quote in parsed.quotes:
        if quote.close < at:
            between = text[quote.close + 1 : left]
            if len(between.split()) <= QUOTE_GAP_WORDS and "\n" not in text[quote.close : at]:
                yield Candidate(
                    "quote_before",
                    quote.open,
                    quote.close + 1,
                    cue.i,
                    0,
                    text[quote.open : quote.close + 1],
                )
        elif len(text[at : quote.open].split()) <= QUOTE_GAP_WORDS + 1:
            if "\n" not in text[at : quote.open]:
                yield Candidate(
                    "quote_after",
                    quote.open,
                    quote.close + 1,
                    cue.i,
                    0,
                    text[quote.open : quote.close + 1],
                )
            break  # only the first quotation after the cue


def _cut(head: Token, stops: frozenset[str]) -> int:
    """Last token of ``head``'s subtree before its first right child in ``stops``
    (and a comma before it); ``head``'s own last token when there is none."""
    end = int(head.i)
    for child in head.rights:
        if child.dep_ in stops:
            break
        end = int(child.right_edge.i)
    return end


def _right_end(cue: Token) -> int:
    """Last token of ``cue``'s subtree, stopping before a conjoined clause."""
    end = int(cue.i)
    for child in cue.rights:
        if child.dep_ in ("conj", "cc") and child.pos_ in ("VERB", "AUX", "CCONJ"):
            break
        end = int(child.right_edge.i)
    return end


def subject_for(cue: Token) -> Token | None:
    """The subject of ``cue``, or of the clause it shares one with."""
    current = cue
    for _ in range(SUBJECT_CLIMB):
        subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head  # "After saying he was nervous, the man…"
        elif current.dep_ not in SHARED_SUBJECT_DEPS:
            return None
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def source_candidates(parsed: Parsed, cue: Token) -> list[Candidate]:
    """Spans that may name who ``cue``'s statement is from."""
    doc = parsed.doc
    found: dict[tuple[int, int], Candidate] = {}

    def add(candidate: Candidate | None) -> None:
        if candidate is None:
            return
        found.setdefault((candidate.start, candidate.end), candidate)
        # "Akhil Johri, the chief financial officer, noted": PolNeAR keeps the comma
        # that closes an appositive
        after = parsed.text[candidate.end : candidate.end + 1]
        if after == "," and "," in candidate.text:
            comma = Candidate(
                candidate.kind + "_comma",
                candidate.start,
                candidate.end + 1,
                candidate.head,
                candidate.length,
                candidate.text + ",",
            )
            found.setdefault((comma.start, comma.end), comma)

    subject = subject_for(cue)
    if subject is not None:
        kind = "nsubj" if subject.head.i == cue.i else "shared_nsubj"
        if subject.dep_ == "nsubjpass":
            kind += "pass"
        add(_candidate(parsed, kind, subject.left_edge.i, subject.right_edge.i, subject.i))
        lo, hi = _subject_core(doc, subject)
        add(_candidate(parsed, kind + "_core", lo, hi, subject.i))
    for child in cue.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("by", "to")):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    kind = "agent" if child.dep_ == "agent" else "prep_" + child.lower_
                    add(_candidate(parsed, kind, pobj.left_edge.i, pobj.right_edge.i, pobj.i))
                    lo, hi = _subject_core(doc, pobj)
                    add(_candidate(parsed, kind + "_core", lo, hi, pobj.i))
        elif child.dep_ == "poss":
            add(_candidate(parsed, "poss", child.left_edge.i, child.right_edge.i, child.i))
    if cue.lower_ == "according" and cue.i + 1 < len(doc):
        to = doc[cue.i + 1]
        for pobj in to.children:
            if pobj.dep_ == "pobj":
                add(_candidate(parsed, "according", pobj.left_edge.i, pobj.right_edge.i, pobj.i))
                lo, hi = _subject_core(doc, pobj)
                add(_candidate(parsed, "according_core", lo, hi, pobj.i))
    if subject is None and cue.dep_ in ("acl", "amod") and cue.head.pos_ in ("NOUN", "PROPN"):
        noun = cue.head  # "a petition calling on…", "Lloyd Grove… tweeted"
        add(_candidate(parsed, "acl_noun", noun.left_edge.i, noun.i, noun.i))
        lo, hi = _subject_core(doc, noun)
        add(_candidate(parsed, "acl_noun_core", lo, hi, noun.i))
    if (
        subject is not None
        and subject.lower_ in ("who", "that", "which")
        and subject.head.dep_ == "relcl"
    ):
        noun = subject.head.head  # "Trump, who took to the talk shows to respond"
        lo, hi = _subject_core(doc, noun)
        add(_candidate(parsed, "relcl_noun", lo, hi, noun.i))
    return list(found.values())


def _subject_core(doc: Doc, noun: Token) -> tuple[int, int]:
    """Tokens of ``noun``'s phrase up to an appositive or relative clause."""
    lo, hi = int(noun.left_edge.i), int(noun.i)
    for k in range(noun.i + 1, int(noun.right_edge.i) + 1):
        if doc[k].text in SUBJECT_BREAKS or doc[k].dep_ in ("relcl", "acl"):
            break
        hi = k
    return lo, hi
