"""Typed records passed between pipeline stages and written to the JSON contract.

The flow is::

    ingest  -> RawArticle            (text + metadata, not yet identified)
    store   -> Article               (identified by a hash of its normalised text)
    extract -> Entity, Attribution, TimeExpression   (all offsets index Article.text)
    report  -> ExportDocument        (the ``storytrace/1`` JSON contract)

Records are frozen dataclasses: a stage adds records, it never edits another
stage's. Character offsets are Python string indices into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "SCHEMA_ID",
    "Article",
    "ArticleAnalysis",
    "Attribution",
    "AttributionKind",
    "Entity",
    "EntityType",
    "ExportDocument",
    "ExportedArticle",
    "RawArticle",
    "Span",
    "Speaker",
    "TimeExpression",
    "TimexType",
]

SCHEMA_ID = "storytrace/1"

AttributionKind = Literal["direct", "partial", "indirect", "according_to"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP"]


@dataclass(frozen=True, slots=True)
class Span:
    """A character span ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class RawArticle:
    """What an ingest module produces: text and whatever metadata the input carried.

    ``input`` names where it came from (a path, ``path:LINE`` for JSONL, a URL,
    ``path#record-N`` for WARC) so that every later error can point at it.
    ``source_id`` is an id the input itself gives (JSONL ``id``), if any.
    """

    input: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    source_id: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article. ``id`` is the JSONL id when given, else a prefix of ``key``.

    ``key`` is the SHA-256 of the normalised text and is what makes ingest
    idempotent; ``revision_of`` links a new text for the same URL (or JSONL id)
    to the article it replaces.
    """

    id: str
    key: str
    input: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    revision_of: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, canonicalised within one article."""

    id: str
    article: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a statement is attributed to.

    ``entity``/``name`` are set when the speaker resolves to a named entity;
    ``description`` keeps the words used ("a former diplomat", "he").
    """

    entity: str | None = None
    name: str | None = None
    anonymous: bool = False
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reported statement: its content, the cue that reports it, and its source."""

    id: str
    article: str
    kind: AttributionKind
    content: Span
    cue: Span | None
    source: Span | None
    speaker: Speaker
    cue_lemma: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A TIMEX3-style time expression. ``anchored`` is False when a relative or
    partial value could not be tied to a publication date (``XXXX-10-14``)."""

    article: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    anchored: bool = True


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything the extract stage found in one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    times: tuple[TimeExpression, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportedArticle:
    id: str
    input: str
    outlet: str | None
    title: str | None
    published: str | None
    text: str
    url: str | None = None
    author: str | None = None
    revision_of: str | None = None


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """The ``storytrace/1`` JSON contract written by ``analyze --json`` and ``export``."""

    schema: Literal["storytrace/1"]
    articles: list[ExportedArticle] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
