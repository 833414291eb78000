"""Typed records produced by the linking stage (across articles).

Offsets in spans index the ``text`` of the article named next to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storytrace.records import EntityType, Span

__all__: list[str] = [
    "Actor",
    "ActorType",
    "Citation",
    "CitedKind",
    "Conflict",
    "ConflictKind",
    "ConflictStatus",
    "ConflictValue",
    "DiffOp",
    "DiffPiece",
    "Evidence",
    "OutletCount",
    "Provenance",
    "ProvenanceStatus",
    "QuoteGroup",
    "QuoteOccurrence",
    "QuoteVariant",
    "Role",
    "VariantLabel",
]


# -- actors, quote groups, citations, conflicts (link/entities.py, quote_groups.py,
# -- provenance.py, conflicts.py) -------------------------------------------------

ActorType = EntityType
DiffOp = Literal["same", "omitted", "added"]
#: how a variant differs from the fullest wording of its group
VariantLabel = Literal["exact", "truncated", "excerpt", "omission", "substitution", "addition"]
ProvenanceStatus = Literal["corroborated", "single_source", "single_article"]
CitedKind = Literal["outlet", "document", "person"]
ConflictKind = Literal["date", "number", "quantity", "place", "speaker"]
#: a contradiction, or values that differ because the fact changed (a plan cut from 30 to 21 points)
ConflictStatus = Literal["contradiction", "change"]


@dataclass(frozen=True, slots=True)
class Role:
    """A title or role description seen next to an actor's name ("Trump's special envoy")."""

    text: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OutletCount:
    """How often an actor is mentioned by one outlet (the article id when it has none)."""

    outlet: str
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class Actor:
    """One real person, organisation or place across every stored article.

    ``entities`` are the per-article entity ids it joins; ``type`` is the
    majority of their NER types (by mentions), ``types_seen`` every type NER gave.
    """

    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    entities: tuple[str, ...]
    mentions: tuple[OutletCount, ...]
    types_seen: tuple[ActorType, ...] = ()


@dataclass(frozen=True, slots=True)
class DiffPiece:
    """A run of words of a variant against its group's fullest wording."""

    op: DiffOp
    text: str


@dataclass(frozen=True, slots=True)
class QuoteOccurrence:
    """One printing of a quote: where, when, and who the article says spoke.

    ``explicit`` is True when the article names the speaker next to the quote
    (not a pronoun or description resolved by the extractor).
    """

    article: str
    attribution: str
    outlet: str | None
    published: str | None
    content: Span
    speaker: str | None
    speaker_name: str | None
    as_written: str | None
    explicit: bool
    addressee: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """One wording of a quote, with its word diff against the fullest wording."""

    text: str
    words: int
    labels: tuple[VariantLabel, ...]
    diff: tuple[DiffPiece, ...]
    occurrences: tuple[QuoteOccurrence, ...]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a quote (or a fact) comes from and how many independent outlets carry it.

    ``origin`` is the original source the articles name ("a transcript obtained
    by The Harbour Ledger"), ``first`` the first stored article to carry it,
    ``independent`` the outlets counted once each after folding copies,
    syndication and articles that credit the same origin.
    """

    origin: str | None
    citations: tuple[str, ...]
    first: str | None
    first_certain: bool
    carriers: tuple[str, ...]
    independent: tuple[str, ...]
    status: ProvenanceStatus


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """The same utterance as printed by one or more articles.

    ``speakers`` lists every actor the articles name as speaker; more than one
    named explicitly is a disagreement (``speaker_disagreement``).
    """

    id: str
    speaker: str | None
    speaker_name: str | None
    text: str
    variants: tuple[QuoteVariant, ...]
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    speakers: tuple[str, ...]
    speaker_disagreement: bool
    addressees: tuple[str, ...]
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Citation:
    """An article crediting another outlet, a document or a person's words to an outlet.

    ``cited`` is the outlet's name (or None when only a document is named),
    ``document`` the document ("a transcript obtained by ..."), ``cue`` the
    words that cite ("according to", "reported", "told", "obtained by",
    "credit"). ``own`` marks an outlet citing itself (its own scoop or interview).
    """

    id: str
    article: str
    outlet: str | None
    cited: str | None
    cited_kind: CitedKind
    document: str | None
    cue: str
    evidence: Span
    claim: Span | None
    attribution: str | None
    own: bool


@dataclass(frozen=True, slots=True)
class Evidence:
    """The words that state one value of a fact, and the sentence around them."""

    article: str
    outlet: str | None
    published: str | None
    span: Span
    sentence: Span


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One value given for a fact (``normalised`` is comparable across units)."""

    value: str
    normalised: str
    evidence: tuple[Evidence, ...]
    provenance: Provenance | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """One fact given different values, across articles or within one."""

    id: str
    kind: ConflictKind
    status: ConflictStatus
    fact: str
    values: tuple[ConflictValue, ...]
    note: str
    within_article: bool


# -- near-copies and stories (link/copies.py, link/stories.py) ---------------------

__all__ += ["CopyKind", "CopyPair", "Passage", "PassageOp", "Story"]

#: how two articles share text: the same words (``exact_duplicate``), a wire story
#: printed twice with small edits (``syndicated``), the same passages reworded
#: (``light_rewrite``, a content farm's re-publication), or only the same quotations
CopyKind = Literal["exact_duplicate", "syndicated", "light_rewrite", "shared_quotes"]
#: an aligned passage: word for word the ``same``, ``changed`` (reworded), or
#: found in only one of the two articles
PassageOp = Literal["same", "changed", "only_a", "only_b"]


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of one or both articles of a pair, in reading order.

    ``a`` indexes the text of the pair's ``a`` article, ``b`` that of ``b``; one
    of them is None for a passage only one article has.
    """

    op: PassageOp
    a: Span | None
    b: Span | None


@dataclass(frozen=True, slots=True)
class CopyPair:
    """Two articles that share much of their text, aligned passage by passage.

    ``a`` is the earlier article (by publication date, else the one stored
    first); ``original`` names it when its date shows it came first, and is None
    when the dates can't tell. ``resemblance`` is the Jaccard similarity of the
    two articles' word 5-grams; ``verbatim`` and ``aligned`` are the shares of
    the shorter article's words in ``same`` passages, and in ``same`` or
    ``changed`` ones.
    """

    a: str
    b: str
    kind: CopyKind
    original: str | None
    resemblance: float
    verbatim: float
    aligned: float
    passages: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """A developing story: articles grouped as they arrive; ``id`` never changes.

    ``label`` is the title of its earliest article; ``articles`` are in
    publication order, ``first``/``last`` the dates of the earliest and latest
    dated ones.
    """

    id: str
    label: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    first: str | None
    last: str | None
