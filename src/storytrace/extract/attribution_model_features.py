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

from typing import TYPE_CHECKING, Final
from zlib import crc32

from storytrace.extract.attribution_model_spans import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "BUCKETS",
    "CUE_POS",
    "content_features",
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


def content_features(cue: Token, candidate: Candidate) -> list[str]:
    """What the content model knows about ``candidate`` as ``cue``'s content."""
    lemma = str(cue.lemma_).lower()
    kind = candidate.kind
    first, last, mark = _span_words(candidate)
    size = _length(candidate.length)
    side = "before" if candidate.end <= int(cue.idx) else "after"
    head = cue.doc[candidate.head]
    sentence = cue.sent
    edges = (
        f"{candidate.start <= int(sentence.start_char)},"
        f"{candidate.end >= int(sentence.end_char) - 1}"
    )
    return [
        f"k,hp={kind},{head.tag_}",
        f"k,e={kind},{edges}",
        f"k,l,n={kind},{lemma},{size}",
        f"k={kind}",
        f"k,l={kind},{lemma}",
        f"k,d={kind},{cue.dep_}",
        f"k,p={kind},{cue.tag_}",
        f"k,n={kind},{size}",
        f"k,m={kind},{mark}",
        f"k,f={kind},{first}",
        f"k,z={kind},{last}",
        f"k,s={kind},{side}",
        f"l,s,m={lemma},{side},{mark}",
        f"k,hd={kind},{cue.head.dep_}",
    ]


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
