"""Typed records passed between pipeline stages and written to the JSON contract.

The flow is::

    ingest  -> RawArticle            (text + metadata, not yet identified)
    store   -> Article               (identified by a hash of its normalised text)
    extract -> Entity, Attribution, TimeExpression, Event   (all offsets index Article.text)
    timeline-> TimelineEvent         (events merged across articles, ordered by date)
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
    "AttributionScope",
    "DateConflict",
    "DatePrecision",
    "Entity",
    "EntityType",
    "Event",
    "EventDate",
    "EventType",
    "ExportDocument",
    "ExportedArticle",
    "RawArticle",
    "RelativeTime",
    "Span",
    "Speaker",
    "TimeExpression",
    "TimelineEvent",
    "TimexType",
]

SCHEMA_ID = "storytrace/1"

AttributionKind = Literal["direct", "partial", "indirect", "according_to"]
AttributionScope = Literal["statement", "topic", "belief"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP"]
#: what happened; documented with their PLOVER categories in ``extract/event_types.py``
EventType = Literal[
    "call", "meeting", "visit", "talks", "statement", "publication", "announcement",
    "decision", "agreement", "accusation", "threat", "request", "attack", "protest",
    "election", "accident", "other",
]  # fmt: skip
#: how precisely a date is known, from its TIMEX3 value
DatePrecision = Literal["time", "day", "week", "month", "season", "quarter", "year", "decade"]


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
    #: "statement": words said or written (a clause or a quotation); "topic": what
    #: was spoken of ("criticized the plan"); "belief": a thought, wish or finding
    scope: AttributionScope = "statement"
    #: whom it was said to ("told Ushakov", "told reporters")
    addressee: Span | None = None
    #: where or how it was said ("in the recorded call", "on Air Force One")
    channel: Span | None = None
    #: words that distance the reporter from it ("reportedly", "appears to")
    hedge: Span | None = None
    #: id of the attribution whose statement this one goes on with (a quotation
    #: interrupted by its cue, a quotation paragraph with no cue of its own)
    continues: str | None = None
    #: id of an earlier attribution in the article quoting the same words
    repeats: str | None = None


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
class RelativeTime:
    """A date counted from another event: "two days before meeting Zelensky".

    ``offset`` is a TIMEX3 duration ("P2D"); ``anchor`` the id of the event it
    counts from, in the same article. The date is known once the anchor is.
    """

    offset: str
    direction: Literal["before", "after"]
    anchor: str


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened or is planned, as one article reports it.

    ``what`` is the phrase that says what happened ("met with Obama"),
    ``trigger`` the word that names it ("met"), ``participants`` the entity ids
    taking part, ``who`` the actor as written. ``when`` is the time expression
    dating it and ``value`` that expression's TIMEX3 value; ``relative`` dates
    it from another event instead. ``evidence`` is the sentence. ``main`` marks
    the article's main event (who did what, when and where).
    """

    id: str
    article: str
    type: EventType
    plover: str | None
    trigger: Span
    what: Span
    evidence: Span
    participants: tuple[str, ...] = ()
    who: Span | None = None
    where: Span | None = None
    when: Span | None = None
    value: str | None = None
    relative: RelativeTime | None = None
    main: bool = False


@dataclass(frozen=True, slots=True)
class EventDate:
    """One date an article gives for a timeline event, and how it was arrived at.

    ``how``: ``stated`` (a date in the text), ``weekday`` (only a weekday:
    "on Friday"), ``relative`` (counted from another event), ``inferred`` (a
    partial date completed from the story, e.g. the year of "14 October").
    """

    value: str
    how: Literal["stated", "weekday", "relative", "inferred"]
    article: str
    event: str
    text: str


@dataclass(frozen=True, slots=True)
class DateConflict:
    """Dates given for one event that cannot all be true.

    ``weekday``: a date and the weekday given with it disagree ("Friday" and
    "October 19", a Sunday); ``date``: two dates for the event differ.
    """

    kind: Literal["weekday", "date"]
    note: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One event of the story, merged from every article that reports it.

    ``date`` is the value the timeline places it at (None: undated) and
    ``precision`` how exactly that is known; ``dates`` lists every date any
    article gives, ``conflicts`` those that disagree; ``certain`` is False when
    the date is only relative or inferred, still has placeholders, or is in conflict.
    ``participants`` are display names, ``entities`` the per-article entity ids
    behind them; ``events`` the per-article events it merges (their evidence).
    """

    id: str
    type: EventType
    plover: str | None
    label: str
    date: str | None
    precision: DatePrecision | None
    certain: bool
    participants: tuple[str, ...]
    entities: tuple[str, ...]
    places: tuple[str, ...]
    dates: tuple[EventDate, ...]
    conflicts: tuple[DateConflict, ...]
    events: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything the extract stage found in one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()


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
    events: list[Event] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    # across articles (storytrace.link): one actor per person/organisation, with the
    # per-article entity ids it joins; quotes grouped by utterance; citations; conflicts
    actors: list[link_records.Actor] = field(default_factory=list)
    quote_groups: list[link_records.QuoteGroup] = field(default_factory=list)
    citations: list[link_records.Citation] = field(default_factory=list)
    conflicts: list[link_records.Conflict] = field(default_factory=list)
    # developing stories (ids stable across runs) and near-copies with aligned passages
    stories: list[link_records.Story] = field(default_factory=list)
    duplicates: list[link_records.CopyPair] = field(default_factory=list)


# at the end: storytrace.link.records builds on the records above (Span, EntityType)
from storytrace.link import records as link_records  # noqa: E402
