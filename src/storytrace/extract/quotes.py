"""Attributions: who said what, according to whom.

Four kinds, found in this order over one parsed article:

1. **direct** — a quotation (:mod:`quote_marks`) with its reporting verb right
   before it ("Trump responded: ‘…’", "saying, “…”") or right after it
   ("‘…,’ Fitzpatrick said.", "“…,” said a spokesman"); a quotation standing
   alone right after such a one continues it (same speaker, no cue);
2. **partial** — a quoted fragment inside running text ("said Witkoff ‘acts
   like…’"), whose cue is the reporting verb above it in the parse;
3. **indirect** — a reporting verb with a clausal complement and a subject
   ("Putin warned that…", "The White House insisted Witkoff is…");
4. **according_to** — "according to X", qualifying the rest of its sentence.

Speakers come from :class:`~storytrace.extract.quote_speakers.SpeakerFinder`.
A statement whose speaker cannot be found is left out: a wrong speaker costs
more than a missing attribution. Everything works from token attributes of the
existing parse; nothing is parsed again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Final

from storytrace.extract.cues import (
    ACCORDING_TO_LEMMA,
    ANONYMOUS_HEADS,
    DIRECT_ONLY_VERBS,
    INDIRECT_VERBS,
    REPORTING_VERBS,
)
from storytrace.extract.entities import EntityIndex
from storytrace.extract.quote_layout import Layout, looks_like_title
from storytrace.extract.quote_marks import QuoteMarks, find_quotes
from storytrace.extract.quote_speakers import SpeakerFinder
from storytrace.records import Attribution, AttributionKind, Entity, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storytrace.extract.base import ArticleWork

__all__ = ["AttributionStage", "extract_attributions"]

#: verbs that may stand right next to a direct quotation
DIRECT_CUE_VERBS: Final = REPORTING_VERBS | DIRECT_ONLY_VERBS
#: tokens looked at after a closing mark for "…,” Fitzpatrick said"
CUE_AFTER_WINDOW: Final = 25
#: steps up the parse from a partial quotation to its reporting verb
PARTIAL_MAX_CLIMB: Final = 8
#: a partial quotation has at least this many words; one quoted word is
#: usually a scare quote or a coined term ("America-first" fees)
PARTIAL_MIN_WORDS: Final = 2
#: marks that end a sentence, so a quotation after them opens a new one
SENTENCE_END: Final = frozenset(".!?…\"”’'")
#: punctuation that introduces a quotation after its cue ("said:", "saying,")
INTRODUCERS: Final = frozenset({":", ","})
#: pronouns that never name a speaker outside a quotation
FIRST_SECOND_PERSON: Final = frozenset({"i", "me", "we", "us", "you"})
#: complementisers of an indirect question, not a statement ("asked if…")
QUESTION_MARKERS: Final = frozenset({"if", "whether"})
#: words allowed between an attributed quotation and one that continues it
#: on the same line ("…,” he said, laughing. “…”)
CONTINUATION_MAX_GAP_WORDS: Final = 6
#: any quotation mark, straight or curly
QUOTE_MARKS: Final = frozenset('"“”‘’')
#: trimmed from both ends of content that is not a quotation
CONTENT_TRIM: Final = " \t\n,.;:—–-"
#: order of kinds at the same offset
KIND_ORDER: Final[dict[AttributionKind, int]] = {
    "direct": 0,
    "partial": 1,
    "indirect": 2,
    "according_to": 3,
}


@dataclass(frozen=True, slots=True)
class _Found:
    """An attribution before it is numbered."""

    kind: AttributionKind
    content: Span
    cue: Span | None
    cue_lemma: str | None
    source: Span | None
    speaker: Speaker

    @property
    def end(self) -> int:
        """Where the attribution's words end, its closing quotation mark included."""
        return max([self.content.end + 1, *(s.end for s in (self.cue, self.source) if s)])


class _Article:
    """One parsed article and the lookups every rule needs."""

    def __init__(self, doc: Doc, entities: Sequence[Entity]) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.layout = Layout(self.text)
        self.index = EntityIndex(entities)
        self.quotes = find_quotes(self.text)
        self.token_starts = [int(t.idx) for t in doc]
        self.in_quote = bytearray(len(doc))
        for quote in self.quotes:
            first, last = self.token_at(quote.open), self.token_at(quote.close)
            self.in_quote[first : last + 1] = b"\x01" * (last + 1 - first)
        self.speakers = SpeakerFinder(doc, self.index, self.layout, self.in_quote)

    def token_at(self, char: int) -> int:
        return bisect_right(self.token_starts, char) - 1

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def token_span(self, first: int, end: int) -> Span:
        """Characters of tokens ``[first, end)``."""
        last = self.doc[end - 1]
        return self.span(int(self.doc[first].idx), int(last.idx) + len(last.text))

    def same_line(self, token: Token, char: int) -> bool:
        return self.layout.same_line(int(token.idx), char)

    def statement(
        self, kind: AttributionKind, content: Span, cue: Token, *, strict: bool = False
    ) -> _Found | None:
        """The attribution of ``content`` to the subject of ``cue``; None without one.

        ``strict`` also refuses a subject that is a pronoun left unresolved
        ("it said that…"), as indirect speech needs a named or described source.
        """
        subject = self.speakers.subject_of(cue)
        if subject is None or subject.lower_ in FIRST_SECOND_PERSON:
            return None
        source = self.token_span(*self.speakers.source_range(subject))
        speaker = self.speakers.speaker(subject, source.text)
        if strict and subject.pos_ == "PRON" and speaker.entity is None and not speaker.anonymous:
            return None
        return _Found(
            kind,
            content,
            self.token_span(cue.i, cue.i + 1),
            str(cue.lemma_).lower(),
            source,
            speaker,
        )


def extract_attributions(
    doc: Doc, article_id: str, entities: Sequence[Entity]
) -> list[Attribution]:
    """Attributions in ``doc``, numbered ``{article_id}:q1``… in text order."""
    article = _Article(doc, entities)
    found: list[_Found] = []
    cues: set[int] = set()
    previous: _Found | None = None
    for quote in article.quotes:  # 1.-2.
        previous = _quotation(article, quote, previous)
        if previous is not None:
            found.append(previous)
            if previous.cue is not None:
                cues.add(article.token_at(previous.cue.start))
    found += _indirect(article, cues)  # 3.
    found += _according_to(article)  # 4.
    found.sort(key=lambda f: (f.content.start, KIND_ORDER[f.kind]))
    return [
        Attribution(
            id=f"{article_id}:q{n}",
            article=article_id,
            kind=f.kind,
            content=f.content,
            cue=f.cue,
            source=f.source,
            speaker=f.speaker,
            cue_lemma=f.cue_lemma,
        )
        for n, f in enumerate(found, 1)
    ]


class AttributionStage:
    """Extract stage: ``doc`` + ``entities`` -> ``attributions``."""

    name: ClassVar[str] = "attributions"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "entities"})
    assigns: ClassVar[frozenset[str]] = frozenset({"attributions"})

    def run(self, work: ArticleWork) -> None:
        work.attributions = extract_attributions(work.doc, work.article.id, work.entities or ())


# 1.-2. quotations ---------------------------------------------------------------------


def _quotation(article: _Article, quote: QuoteMarks, previous: _Found | None) -> _Found | None:
    """The attribution of ``quote``; ``previous`` is that of the quotation before it."""
    content = article.span(quote.start, quote.end)
    cue = _cue_before(article, quote)
    if cue is None and _opens_sentence(article, quote):
        cue = _cue_after(article, quote)
        if cue is None:
            return _continued(article, quote, previous)
    if cue is not None:
        return article.statement("direct", content, cue)
    if len(content.text.split()) < PARTIAL_MIN_WORDS or looks_like_title(content.text):
        return None  # a scare quote, a coined term, the title of a show
    cue = _cue_above(article, quote)
    return None if cue is None else article.statement("partial", content, cue)


def _continued(article: _Article, quote: QuoteMarks, previous: _Found | None) -> _Found | None:
    """A quotation standing alone right after an attributed one goes on with its speaker.

    "“…,” Mickelson said. “That was a bit disappointing.”" — in the same
    paragraph after at most a few words, or opening the next paragraph when
    the attributed quotation's sentence ended the one before.
    """
    if (
        previous is None
        or previous.kind != "direct"
        or looks_like_title(article.text[quote.start : quote.end])
    ):
        return None
    gap = article.text[previous.end : quote.open]
    if quote.open < previous.end or any(mark in gap for mark in QUOTE_MARKS):
        return None
    layout = article.layout
    if layout.same_line(previous.end, quote.open):
        follows = len(gap.split()) <= CONTINUATION_MAX_GAP_WORDS
    else:
        line_end = layout.bounds(previous.end)[1]
        follows = (
            not article.text[previous.end : line_end].strip(CONTENT_TRIM)
            and layout.paragraph(quote.open) == layout.paragraph(previous.end) + 1
            and not article.text[layout.bounds(quote.open)[0] : quote.open].strip()
        )
    if not follows:
        return None
    return _Found(
        "direct", article.span(quote.start, quote.end), None, None, None, previous.speaker
    )


def _is_cue(token: Token, verbs: frozenset[str], article: _Article) -> bool:
    return (
        token.pos_ == "VERB"
        and str(token.lemma_).lower() in verbs
        and not article.in_quote[token.i]
    )


def _previous_word(article: _Article, i: int, line_char: int) -> Token | None:
    """The last non-space token before token ``i`` on the line of ``line_char``."""
    while i >= 0 and article.doc[i].is_space:
        i -= 1
    if i < 0 or not article.same_line(article.doc[i], line_char):
        return None
    return article.doc[i]


def _cue_before(article: _Article, quote: QuoteMarks) -> Token | None:
    """The verb before the quotation: "told Ushakov: “…”", "saying, ‘…’", "said “We…”"."""
    open_token = article.token_at(quote.open)
    before = _previous_word(article, open_token - 1, quote.open)
    if before is None:
        return None
    if before.text not in INTRODUCERS:
        starts_upper = article.text[quote.start : quote.start + 1].isupper()
        return before if starts_upper and _is_cue(before, DIRECT_CUE_VERBS, article) else None
    token = _previous_word(article, before.i - 1, quote.open)
    # climb from the word before the colon to its verb: "said on Tuesday:" -> said
    while token is not None and token.i < open_token:
        if token.pos_ in ("VERB", "AUX"):
            return token if _is_cue(token, DIRECT_CUE_VERBS, article) else None
        if token.head.i == token.i or not article.same_line(token.head, quote.open):
            return None
        token = token.head
    return None


def _opens_sentence(article: _Article, quote: QuoteMarks) -> bool:
    line_start, _ = article.layout.bounds(quote.open)
    before = article.text[line_start : quote.open].rstrip()
    return not before or before[-1] in SENTENCE_END


def _cue_after(article: _Article, quote: QuoteMarks) -> Token | None:
    """The verb after the quotation: "‘…,’ Fitzpatrick said", "“…,” said the minister"."""
    doc = article.doc
    first: int | None = None
    for k in range(
        article.token_at(quote.close) + 1,
        min(len(doc), article.token_at(quote.close) + 1 + CUE_AFTER_WINDOW),
    ):
        token = doc[k]
        if not article.same_line(token, quote.close) or article.in_quote[k]:
            return None
        if token.is_punct or token.is_space:
            if first is not None and token.text in (".", "!", "?"):
                return None
            continue
        if first is None:
            first = k
        if _is_cue(token, DIRECT_CUE_VERBS, article):
            return token if _only_subject_between(article, first, token) else None
    return None


def _only_subject_between(article: _Article, first: int, verb: Token) -> bool:
    """Whether the words between the quotation and ``verb`` are its subject (or adverbs)."""
    subject = article.speakers.nsubj(verb)
    lo, hi = (subject.left_edge.i, subject.right_edge.i) if subject is not None else (0, -1)
    return all(
        lo <= k <= hi or article.doc[k].head.i == verb.i or article.doc[k].is_punct
        for k in range(first, verb.i)
    )


def _cue_above(article: _Article, quote: QuoteMarks) -> Token | None:
    """The reporting verb a partial quotation's words hang from in the parse."""
    doc = article.doc
    open_token, close_token = article.token_at(quote.open), article.token_at(quote.close)
    for k in range(article.token_at(quote.start), article.token_at(quote.end - 1) + 1):
        head = doc[k].head
        if open_token <= head.i <= close_token:
            continue
        token = head
        for _ in range(PARTIAL_MAX_CLIMB):
            if not article.same_line(token, quote.open):
                break
            if _is_cue(token, REPORTING_VERBS, article):
                return token
            # a relative clause ("the plan, which critics called ‘…’") is its own speaker's
            if token.head.i == token.i or token.dep_ == "relcl":
                break
            token = token.head
    return None


# 3. indirect speech -----------------------------------------------------------------------


def _indirect(article: _Article, cues: set[int]) -> list[_Found]:
    found = []
    for token in article.doc:
        if token.i in cues or not _is_cue(token, INDIRECT_VERBS, article):
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue  # "did not say that…" reports no statement
        content = _complement(article, token)
        if content is None:
            continue
        item = article.statement("indirect", content, token, strict=True)
        if item is not None:
            found.append(item)
    return found


def _complement(article: _Article, verb: Token) -> Span | None:
    """The reported clause: a ``ccomp`` ("warned that…"), or a gerund ("describe feeling…")."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        clause = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if (
        clause is None
        or clause.pos_ not in ("VERB", "AUX")
        or not article.same_line(clause, int(verb.idx))
    ):
        return None  # "OTTAWA — …, Scheer says": no clause, a dateline
    lo, hi = int(clause.left_edge.i), int(clause.right_edge.i)
    if any(article.in_quote[lo : hi + 1]):
        return None  # quoted words are a quotation's, found above
    doc = article.doc
    while lo < hi and (doc[lo].is_punct or (doc[lo].dep_ == "mark" and doc[lo].head.i == clause.i)):
        if doc[lo].lower_ in QUESTION_MARKERS:
            return None
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if not (
        article.same_line(doc[lo], int(verb.idx)) and article.same_line(doc[hi], int(verb.idx))
    ):
        return None
    return article.token_span(lo, hi + 1)


# 4. according to -----------------------------------------------------------------------------


def _according_to(article: _Article) -> list[_Found]:
    doc, found = article.doc, []
    for token in doc:
        if (
            token.lower_ != "according"
            or token.i + 1 >= len(doc)
            or doc[token.i + 1].lower_ != "to"
        ):
            continue
        item = _according_to_at(article, token)
        if item is not None:
            found.append(item)
    return found


def _according_to_at(article: _Article, according: Token) -> _Found | None:
    doc = article.doc
    to = doc[according.i + 1]
    head = next((c for c in to.children if c.dep_ == "pobj"), None)
    if head is None or article.in_quote[according.i]:
        return None
    lo, hi = to.i + 1, to.i
    for k in range(lo, int(head.right_edge.i) + 1):
        if article.in_quote[k] or not article.same_line(doc[k], int(according.idx)):
            break
        hi = k
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if hi < lo:
        return None
    source = article.token_span(lo, hi + 1)
    cue = article.token_span(according.i, to.i + 1)
    content = _qualified_clause(article, according, cue.start, source.end)
    if content is None:
        return None
    return _Found(
        "according_to",
        content,
        cue,
        ACCORDING_TO_LEMMA,
        source,
        _according_to_speaker(article, head, source),
    )


def _qualified_clause(article: _Article, according: Token, start: int, end: int) -> Span | None:
    """The sentence "according to X" qualifies, without that phrase where it is at an edge."""
    text = article.text
    line_start, line_end = article.layout.bounds(start)
    sentence = according.sent
    lo = max(int(sentence.start_char), line_start)
    hi = min(int(sentence.end_char), line_end)
    for quote in article.quotes:  # a quotation the parser split stays whole
        if lo <= quote.open < hi < quote.close + 1 <= line_end:
            hi = quote.close + 1
    if not text[lo:start].strip(CONTENT_TRIM):
        lo = end  # "According to X, …"
    elif not text[end:hi].strip(CONTENT_TRIM):
        hi = start  # "…, according to X."
    while lo < hi and text[lo] in CONTENT_TRIM:
        lo += 1
    while hi > lo and text[hi - 1] in CONTENT_TRIM:
        hi -= 1
    return article.span(lo, hi) if hi > lo else None


def _according_to_speaker(article: _Article, head: Token, source: Span) -> Speaker:
    """The source's own entity, else an organisation named in it ("obtained by Bloomberg")."""
    entity = article.speakers.named(head)
    if entity is None:
        inside = article.index.within(source.start, source.end)
        entity = next((e for e in inside if e.type == "ORG"), None)
    if entity is not None:
        return Speaker(entity=entity.id, name=entity.name, description=source.text)
    anonymous = str(head.lemma_).lower() in ANONYMOUS_HEADS
    return Speaker(anonymous=anonymous, description=source.text)
