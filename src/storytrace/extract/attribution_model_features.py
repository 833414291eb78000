"""Features of the trained attribution model, shared by its training recipe and by inference.

Three small linear models read these: one says which words are attribution
cues, one picks a cue's content among :func:`content_candidates`, one its
source among :func:`source_candidates`. Features are strings hashed into a
fixed number of buckets (a stable CRC32, never Python's salted ``hash``), so
training (``train/train_attribution_model.py``) and inference agree without a
vocabulary file. The cue model also reads the parser's own context vector of
the word (``doc.tensor``, computed by the spaCy model anyway).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final
from zlib import crc32

from storytrace.extract.attribution_model_spans import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "BUCKETS",
    "CUE_POS",
    "content_features",
    "content_rows",
    "cue_features",
    "hashed",
    "is_cue_candidate",
    "source_features",
]

#: hash buckets per model: 2**18 keeps collisions rare for ~50k distinct
#: features while the shipped weights stay small (float16: 512 KiB a model)
BUCKETS: Final = 1 << 18
#: parts of speech a cue's head can have (PolNeAR train: 99 % of cue heads)
CUE_POS: Final = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADP", "PROPN"})
#: neighbours that put a word right next to a quotation ("said: “…", "…,” said")
_QUOTE_NEIGHBOURS: Final = frozenset({":", '"', "“", "”", "‘", "’", "''", "``"})
#: parts of speech whose words are few and telling at a span's edge
_CLOSED_POS: Final = frozenset({"ADP", "SCONJ", "CCONJ", "DET", "PART", "PRON", "PUNCT", "AUX"})
#: punctuation that separates clauses inside a span
_BREAK_CHARS: Final = frozenset(",—–;:(")
#: a cue's dependents that may be what it reports
_ARGUMENT_DEPS: Final = frozenset({"ccomp", "xcomp", "dobj", "prep", "advcl", "attr", "acomp"})
#: length buckets (tokens) for span candidates
_LENGTHS: Final = (1, 2, 3, 5, 8, 13, 21, 34)


def hashed(features: list[str]) -> list[int]:
    """Bucket numbers of ``features``; bucket 0 is reserved for padding."""
    return [crc32(f.encode()) % (BUCKETS - 1) + 1 for f in features]


def is_cue_candidate(token: Token) -> bool:
    """Whether ``token`` may head a cue: the right part of speech, or a colon."""
    return token.pos_ in CUE_POS or token.text == ":"


def cue_features(token: Token, quoted: bool) -> list[str]:
    """What the cue model knows about a word: itself, its place in the parse, its neighbours."""
    lemma = str(token.lemma_).lower()
    head = token.head
    children = sorted({c.dep_ for c in token.children})
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else "<s>"
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else "</s>"
    features = [
        "bias",
        f"l={lemma}",
        f"w={token.lower_}",
        f"p={token.tag_}",
        f"d={token.dep_}",
        f"l,d={lemma},{token.dep_}",
        f"l,p={lemma},{token.tag_}",
        f"hl={str(head.lemma_).lower()}",
        f"hd,d={head.dep_},{token.dep_}",
        f"b={before}",
        f"a={after}",
        f"l,a={lemma},{after}",
        f"b,l={before},{lemma}",
        f"q={quoted}",
        f"e={token.ent_type_}",
        "c=" + ",".join(children),
    ]
    features += [f"c={c}" for c in children]
    features += [f"l,c={lemma},{c}" for c in children]
    # who the subject is ("officials say", "the poll shows") and the prepositions the
    # cue takes ("focused on", "referring to")
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    kind = "-" if subject is None else (subject.ent_type_ or subject.pos_)
    features.append(f"l,s={lemma},{kind}")
    features += [f"l,pr={lemma},{c.lower_}" for c in token.children if c.dep_ in ("prep", "agent")]
    near = {before, after}
    features.append(f"qa={bool(near & _QUOTE_NEIGHBOURS)}")
    return features


def _length(n: int) -> int:
    return next((b for b in _LENGTHS if n <= b), 99)


def _span_words(candidate: Candidate) -> tuple[str, str, str]:
    text = candidate.text
    words = text.split()
    first = words[0].lower() if words else ""
    last = words[-1][-1:] if words else ""
    mark = "q" if text[:1] in "\"'“‘" else ("p" if any(m in text for m in '"“”') else "-")
    return first, last, mark


def _bounds(doc: Doc, candidate: Candidate) -> tuple[int, int]:
    """First and last token of ``candidate``."""
    if candidate.first >= 0:
        return candidate.first, candidate.last
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    return (span.start, span.end - 1) if span is not None and len(span) else (0, 0)


def _quote_balance(text: str) -> str:
    """Whether ``text`` opens or closes a quotation it does not also close or open
    (a span cut inside a quotation): counts of curly marks, and parity of straight ones."""
    opened = text.count("“") - text.count("”")
    straight = (text.count('"') + text.count("''")) % 2
    return f"{max(-1, min(1, opened))},{straight}"


def _word(token: Token) -> str:
    """A token's lower form when it is frequent enough to tell (closed classes,
    punctuation), else its part of speech."""
    return token.lower_ if token.pos_ in _CLOSED_POS else token.pos_


def content_features(cue: Token, candidate: Candidate) -> list[str]:
    """What the content model knows about ``candidate`` as ``cue``'s content."""
    return content_rows(cue, [candidate])[0]


def content_rows(cue: Token, candidates: Sequence[Candidate]) -> list[list[str]]:
    """:func:`content_features` of each of ``candidates`` (what depends on the cue
    alone is read once)."""
    doc = cue.doc
    lemma = str(cue.lemma_).lower()
    sentence = cue.sent
    first_char, last_char = int(sentence.start_char), int(sentence.end_char) - 1
    at, i = int(cue.idx), int(cue.i)
    cue_tag, cue_dep, head_dep = cue.tag_, cue.dep_, cue.head.dep_
    # what else the cue governs: a ccomp beside a dobj changes which one is reported
    governs = ",".join(sorted({c.dep_ for c in cue.children} & _ARGUMENT_DEPS))
    rows = []
    for candidate in candidates:
        kind = candidate.kind
        base, _, variant = kind.partition("~")
        first, last, mark = _span_words(candidate)
        size = _length(candidate.length)
        side = "before" if candidate.end <= at else "after"
        head = doc[candidate.head]
        edges = f"{candidate.start <= first_char},{candidate.end >= last_char}"
        lo, hi = _bounds(doc, candidate)
        start, end = doc[lo], doc[hi]
        start_word, end_word = _word(start), _word(end)
        before = _word(doc[lo - 1]) if lo > 0 else "<s>"
        after = _word(doc[hi + 1]) if hi + 1 < len(doc) else "</s>"
        gap = _length(max(lo - i, i - hi) - 1)
        inner = _length(sum(1 for c in candidate.text if c in _BREAK_CHARS))
        attached = "cue" if head.head.i == i else ("self" if head.i == i else "other")
        rows.append(
            [
                f"k,hp={kind},{head.tag_}",
                f"k,e={kind},{edges}",
                f"k,l,n={kind},{lemma},{size}",
                f"k={kind}",
                f"k,l={kind},{lemma}",
                f"k,d={kind},{cue_dep}",
                f"k,p={kind},{cue_tag}",
                f"k,n={kind},{size}",
                f"k,m={kind},{mark}",
                f"k,f={kind},{first}",
                f"k,z={kind},{last}",
                f"k,s={kind},{side}",
                f"l,s,m={lemma},{side},{mark}",
                f"k,hd={kind},{head_dep}",
                # where its edges fall: the words on both sides of each boundary
                f"b={base}",
                f"v={variant}",
                f"b,l={base},{lemma}",
                f"v,l={variant},{lemma}",
                f"sw={start_word}",
                f"sp={start.pos_},{start.dep_}",
                f"bs={before},{start_word}",
                f"ew={end_word}",
                f"ep={end.pos_},{end.dep_}",
                f"ea={end_word},{after}",
                f"a={after}",
                f"v,a={variant},{after}",
                f"v,bs={variant},{before},{start_word}",
                f"l,sw={lemma},{start_word}",
                f"hd={head.dep_},{attached}",
                f"l,hd={lemma},{head.dep_},{attached}",
                f"g,s={gap},{side}",
                f"i={inner}",
                f"v,i,n={variant},{inner},{size}",
                f"e,m={edges},{mark}",
                f"b,g={base},{governs}",
                f"v,g,l={variant},{governs},{lemma}",
                f"q={_quote_balance(candidate.text)}",
            ]
        )
    return rows


def source_features(cue: Token, candidate: Candidate) -> list[str]:
    """What the source model knows about ``candidate`` as the source of ``cue``."""
    doc = cue.doc
    lemma = str(cue.lemma_).lower()
    kind = candidate.kind
    head = doc[candidate.head]
    first, last, _ = _span_words(candidate)
    return [
        f"k={kind}",
        f"k,l={kind},{lemma}",
        f"k,d={kind},{cue.dep_}",
        f"k,p={kind},{cue.tag_}",
        f"k,n={kind},{_length(candidate.length)}",
        f"k,hp={kind},{head.pos_}",
        f"k,he={kind},{head.ent_type_}",
        f"k,hl={kind},{head.lower_ if head.pos_ == 'PRON' else head.tag_}",
        f"k,f={kind},{first}",
        f"k,z={kind},{last}",
    ]
