"""Attributions: who said what, to whom, according to whom.

Found in this order over one parsed article:

1. **direct** — a quotation (:mod:`quote_marks`) with its reporting verb right
   before it ("Trump responded: ‘…’", "saying, “…”") or right after it
   ("‘…,’ Fitzpatrick said.", "“…,” said a spokesman"); a quotation standing
   alone right after such a one continues it (same speaker, no cue);
2. **partial** — a quoted fragment inside running text ("said Witkoff ‘acts
   like…’"), whose cue is the reporting verb above it in the parse; its
   content is the reported clause that holds the fragment(s);
2b. **cue after the statement** — "…, Foster writes." and "…, he says, …"
   (:mod:`quote_parenthetical`); 2c. **pull quotes** — words signed with a
   name (:mod:`quote_pullquote`);
3. **learned cues** — every other word the trained model
   (:mod:`attribution_model`) takes for a cue, with the content and source
   spans it prefers among those the parse offers: indirect speech ("Putin
   warned that…"), and PolNeAR's wider scope, beliefs and findings
   ("believes", "the poll shows"), recorded with ``scope`` "belief", and
   what was spoken of ("criticized the plan", "did not say whether…"),
   ``scope`` "topic";
4. **according_to** — "according to X" and "as detailed by X", qualifying the
   rest of its sentence;
5. **floating** quotations — a quotation opening a paragraph or sentence with
   no cue goes on with the statement just before it; the paragraphs of a
   quotation running over several are spoken by the speaker of the last.

Photo captions and links to other stories hold no statements. Spans follow
the PolNeAR convention (:mod:`attribution_model_spans`): a quotation's content
keeps its marks, indirect speech keeps "that", final
punctuation outside marks is left out. Each attribution also gets its
addressee, channel and hedge (:mod:`quote_context`), the attribution it
``continues``, and the earlier one it ``repeats`` (same quoted words).
Speakers come from :class:`~storytrace.extract.quote_speakers.SpeakerFinder`.
Everything works from token attributes of the existing parse.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar, Final

from storytrace.extract.attribution_model import CUE_MIN_PROBABILITY, load_attribution_model
from storytrace.extract.attribution_model_spans import (
    Candidate,
    Parsed,
    content_candidates,
    cue_tokens,
    quoted_tokens,
    source_candidates,
)
from storytrace.extract.cues import (
    ACCORDING_TO_LEMMA,
    ANONYMOUS_HEADS,
    DIRECT_ONLY_VERBS,
    DOCUMENT_HEADS,
    REPORTING_VERBS,
    SPEECH_LEMMAS,
)
from storytrace.extract.entities import EntityIndex
from storytrace.extract.quote_context import addressee_of, channel_of, hedge_of
from storytrace.extract.quote_layout import Layout, looks_like_title
from storytrace.extract.quote_marks import QuoteMarks, find_quotes
from storytrace.extract.quote_parenthetical import Parenthetical, find_parentheticals
from storytrace.extract.quote_pullquote import find_pull_quotes
from storytrace.extract.quote_speakers import SpeakerFinder
from storytrace.records import (
    Attribution,
    AttributionKind,
    AttributionScope,
    Entity,
    Span,
    Speaker,
)

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
#: words allowed between an attributed quotation and one that continues it
#: on the same line ("…,” he said, laughing. “…”)
CONTINUATION_MAX_GAP_WORDS: Final = 6
#: a quotation repeats an earlier one with the same words when it has at least this
#: many; shorter ones ("No.") repeat by chance
REPEAT_MIN_WORDS: Final = 4
#: words of a quotation, for recognising a repeat
_WORDS: Final = re.compile(r"\w+")
#: words allowed between a statement and a floating quotation that goes on with it
#: ("…,” says Pulga Muchochoma, now in his 10th season with TDT. “…”"); set by
#: reading GGT's floating quotes, where 6 (CONTINUATION_MAX_GAP_WORDS) missed such tails
FLOATING_MAX_GAP_WORDS: Final = 12
#: a sentence ending inside a gap and another beginning: a long gap without one is the
#: tail of the statement's own sentence ("…,” says Dave Martell, a doctor who…)
_SENTENCE_BREAK: Final = re.compile(r"[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]")
#: words opening an indirect question ("asked whether…", "describing how…")
QUESTION_WORDS: Final = frozenset(
    {"whether", "if", "what", "which", "why", "how", "who", "whom", "when", "where"}
)
#: a quoted nickname between a first name and a surname has at most this many words
NICKNAME_MAX_WORDS: Final = 2
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
    #: the cue's head word, where the circumstances (addressee, channel, hedge) are read
    cue_head: int | None = None
    scope: AttributionScope = "statement"
    #: the attribution whose statement this one goes on with
    continues: _Found | None = None

    @property
    def end(self) -> int:
        """Where the attribution's words end, its closing quotation mark included."""
        return max(s.end for s in (self.content, self.cue, self.source) if s)


class _Article:
    """One parsed article and the lookups every rule needs."""

    def __init__(self, doc: Doc, entities: Sequence[Entity]) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.layout = Layout(self.text)
        self.index = EntityIndex(entities)
        self.quotes = find_quotes(self.text)
        self.token_starts = [int(t.idx) for t in doc]
        self.in_quote = quoted_tokens(doc, self.quotes)
        self.parsed = Parsed(doc, self.text, self.quotes)
        self.speakers = SpeakerFinder(doc, self.index, self.layout, self.in_quote)
        self._cue_probabilities: dict[int, float] | None = None

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

    def statement(self, kind: AttributionKind, content: Span, cue: Token) -> _Found | None:
        """The attribution of quoted ``content`` to the subject of ``cue``; None without one."""
        subject = self.speakers.subject_of(cue)
        if subject is None or subject.lower_ in FIRST_SECOND_PERSON:
            return None
        source = self.token_span(*self.speakers.source_range(subject))
        speaker = self.speakers.speaker(subject, source.text)
        return _Found(
            kind, content, self.cue_span(cue), str(cue.lemma_).lower(), source, speaker, cue.i
        )

    def cue_span(self, cue: Token) -> Span:
        return self.span(*cue_tokens(self.doc, cue))

    def cue_probabilities(self) -> dict[int, float]:
        """The trained model's cue probability of each word that may be a cue (computed once)."""
        if self._cue_probabilities is None:
            self._cue_probabilities = load_attribution_model().cues(self.doc, self.in_quote)
        return self._cue_probabilities

    def learned_statement(self, cue: Token, content: Candidate, source: Candidate | None) -> _Found:
        """The attribution the trained model found at ``cue``."""
        words = self.span(content.start, content.end)
        lemma = str(cue.lemma_).lower()
        named, speaker = None, Speaker()
        if source is not None and not self.same_line(cue, source.start):
            source = None  # a photo credit closing the paragraph above: no subject of this one
        shared = self.speakers.shared_subject(cue)
        if shared is not None and source is not None and not _within(shared, source):
            # "Hemming argued that the move hurt them, noting…": a participle's subject is
            # the main clause's, never the subject of the clause it was hung from
            named = self.token_span(*self.speakers.source_range(shared))
            speaker = self.speakers.speaker(shared, named.text)
        elif source is not None:
            named = self.span(source.start, source.end)
            speaker = self.speakers.speaker(self.doc[source.head], named.text)
        elif lemma in SPEECH_LEMMAS and (cue.tag_ != "VBN" or _perfect(cue)):
            # the model found no source likely enough ("Jamil said…" opening a
            # paragraph); a reporting verb's subject on its line is still its speaker,
            # but not a participle's ("Asked about it, Voss replied": Voss was asked)
            subject = self.speakers.subject_of(cue)
            if subject is not None and subject.lower_ not in FIRST_SECOND_PERSON:
                named = self.token_span(*self.speakers.source_range(subject))
                speaker = self.speakers.speaker(subject, named.text)
        kind = _kind_of(words.text)
        scope: AttributionScope = "belief"
        if lemma in SPEECH_LEMMAS:
            scope = "statement" if kind != "indirect" or self.is_clause(content) else "topic"
            if kind == "indirect" and _spoken_of(cue, words.text):
                scope = "topic"
        cue_words = self.cue_span(cue)
        if content.kind.startswith("prep_"):
            # "referring to X", "called for X": the preposition is the cue's
            preposition = self.doc[content.head].head
            if preposition.i == self.token_at(cue_words.end - 1) + 1:
                cue_words = self.span(cue_words.start, int(preposition.idx) + len(preposition))
        return _Found(kind, words, cue_words, lemma, named, speaker, cue.i, scope)

    def is_clause(self, span: Candidate) -> bool:
        """Whether ``span`` is headed by a verb: a statement, not a topic."""
        doc = self.doc
        first, last = self.token_at(span.start), self.token_at(span.end - 1)
        return any(
            doc[k].pos_ in ("VERB", "AUX") and not first <= doc[k].head.i <= last
            for k in range(first, last + 1)
        )


def extract_attributions(
    doc: Doc, article_id: str, entities: Sequence[Entity]
) -> list[Attribution]:
    """Attributions in ``doc``, numbered ``{article_id}:q1``… in text order."""
    article = _Article(doc, entities)
    found: list[_Found] = []
    cues: set[int] = set()
    previous: _Found | None = None
    quoted: set[tuple[int, int]] = set()
    parentheticals = find_parentheticals(doc, article.layout, article.in_quote, article.speakers)
    after_cue = {p.cue.i for p in parentheticals}
    for quote in article.quotes:  # 1.-2.
        item = _quotation(article, quote, previous)
        if item is not None and item.kind == "partial" and item.cue_head in after_cue:
            item = None  # a fragment of a statement whose cue follows it (2b.)
        if item is not None and item is not previous:
            found.append(item)
        if item is not None or _nickname(article, quote):
            quoted.add((quote.open, quote.close + 1))  # no content for 3.
        if item is not None and item.cue_head is not None:
            cues.add(item.cue_head)
        previous = item
    for parenthetical in parentheticals:  # 2b.
        found += _cue_after_statement(article, parenthetical)
        cues.add(parenthetical.cue.i)
    found += _pull_quotes(article, found)  # 2c.
    reported = _as_reported(article)  # 4. (its verbs are no cues of 3.)
    cues.update(f.cue_head for f in reported if f.cue_head is not None)
    found += _learned(article, cues, quoted)  # 3.
    found += _according_to(article) + reported  # 4.
    found += _floating(article, found)  # 5.
    found = _reopened(article, found)
    # a photo caption repeats the story's words ("Golden said she… (Jane Doe/CBC)"), a
    # link another story's headline ("READ MORE: Trump says…")
    layout = article.layout
    found = [
        f
        for f in found
        if not (layout.is_caption(f.content.start) or layout.is_promo(f.content.start))
    ]
    found.sort(key=lambda f: (f.content.start, KIND_ORDER[f.kind]))
    ids = {id(f): f"{article_id}:q{n}" for n, f in enumerate(found, 1)}
    first_said: dict[str, str] = {}
    records = []
    for f in found:
        key = _repeat_key(f)
        repeats = first_said.setdefault(key, ids[id(f)]) if key else None
        addressee = channel = hedge = None
        if f.cue_head is not None:
            cue = doc[f.cue_head]
            addressee, channel = addressee_of(cue), channel_of(cue)
            hedge = hedge_of(cue, (f.content.start, f.content.end))
        if f.kind == "according_to" and f.speaker.anonymous and f.cue and f.source:
            hedge = (f.cue.start, f.source.end)  # "according to people familiar with…"
        records.append(
            Attribution(
                id=ids[id(f)],
                article=article_id,
                kind=f.kind,
                content=f.content,
                cue=f.cue,
                source=f.source,
                speaker=f.speaker,
                cue_lemma=f.cue_lemma,
                scope=f.scope,
                addressee=_maybe_span(article, addressee),
                channel=_maybe_span(article, channel),
                hedge=_maybe_span(article, hedge),
                continues=ids.get(id(f.continues)) if f.continues is not None else None,
                repeats=None if repeats == ids[id(f)] else repeats,
            )
        )
    return records


def _maybe_span(article: _Article, span: tuple[int, int] | None) -> Span | None:
    return None if span is None else article.span(*span)


def _repeat_key(found: _Found) -> str | None:
    """The words of a quotation, without case or punctuation, when long enough to
    tell that a second one repeats it (the caption quoting the body)."""
    if found.kind not in ("direct", "partial"):
        return None
    words = _WORDS.findall(found.content.text.lower())
    return " ".join(words) if len(words) >= REPEAT_MIN_WORDS else None


class AttributionStage:
    """Extract stage: ``doc`` + ``entities`` -> ``attributions``."""

    name: ClassVar[str] = "attributions"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "entities"})
    assigns: ClassVar[frozenset[str]] = frozenset({"attributions"})

    def run(self, work: ArticleWork) -> None:
        work.attributions = extract_attributions(work.doc, work.article.id, work.entities or ())


# 1.-2. quotations ---------------------------------------------------------------------


def _quotation(article: _Article, quote: QuoteMarks, previous: _Found | None) -> _Found | None:
    """The attribution of ``quote``; ``previous`` is that of the quotation before it,
    and is returned again when ``quote`` is a second fragment of its content."""
    content = article.span(quote.open, quote.close + 1)
    if _nickname(article, quote):
        return None
    cue = _cue_before(article, quote)
    if cue is None and _opens_sentence(article, quote):
        cue = _cue_after(article, quote)
        if cue is None:
            return _continued(article, quote, previous)
    if cue is not None:
        return article.statement("direct", content, cue)
    words = article.text[quote.start : quote.end]
    if len(words.split()) < PARTIAL_MIN_WORDS or looks_like_title(words):
        return None  # a scare quote, a coined term, the title of a show
    cue = _cue_above(article, quote)
    if cue is None:
        return None
    if previous is not None and previous.cue_head == cue.i and previous.kind == "partial":
        return previous  # a second fragment of the words reported at this cue
    return article.statement("partial", _partial_content(article, cue, content), cue)


def _nickname(article: _Article, quote: QuoteMarks) -> bool:
    """A quoted word inside a name: Riefian “Ifan” Fajarsyah."""
    text = article.text
    before, after = text[: quote.open].split()[-1:], text[quote.close + 1 :].split()[:1]
    return (
        len(text[quote.start : quote.end].split()) <= NICKNAME_MAX_WORDS
        and bool(before and after)
        and before[0][:1].isupper()
        and after[0][:1].isupper()
        and text[quote.open - 1 : quote.open].isspace()
        and text[quote.close + 1 : quote.close + 2].isspace()
    )


def _partial_content(article: _Article, cue: Token, quoted: Span) -> Span:
    """The reported words around a quoted fragment: the span the trained model
    prefers among the cue's candidates that hold the fragment, else the fragment."""
    # every fragment quoted at the same cue belongs in the content ("said it’s
    # ‘obvious…’, though it ‘seems to change every day.’")
    fragments = [quoted] + [
        article.span(q.open, q.close + 1)
        for q in article.quotes
        if q.open > quoted.start and _cue_above(article, q) == cue
    ]
    candidates = [
        c
        for c in content_candidates(article.parsed, cue)
        if all(c.start <= f.start and f.end <= c.end for f in fragments)
    ]
    best = load_attribution_model().content(cue, candidates)
    return quoted if best is None else article.span(best.start, best.end)


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
    if quote.open < previous.end or _quotation_between(article, previous.end, quote.open):
        return None
    layout = article.layout
    if layout.same_line(previous.end, quote.open):
        follows = len(gap.split()) <= CONTINUATION_MAX_GAP_WORDS or _one_sentence(gap)
    else:
        line_end = layout.bounds(previous.end)[1]
        follows = (
            not article.text[previous.end : line_end].strip(CONTENT_TRIM)
            and layout.paragraph(quote.open) == layout.paragraph(previous.end) + 1
            and not article.text[layout.bounds(quote.open)[0] : quote.open].strip()
        )
    if not follows:
        return None
    words = article.span(quote.open, quote.close + 1)
    return _Found("direct", words, None, None, None, previous.speaker, continues=previous)


# 5. floating quotations ------------------------------------------------------------------


def _floating(article: _Article, found: Sequence[_Found]) -> list[_Found]:
    """A quotation opening a paragraph or a sentence, with no cue of its own, goes
    on with the statement just before it (ending that paragraph, or this one's
    previous sentence).

    "Jeff Fraser says the system is designed for that.⏎“As we're going to zero, …”"
    """
    taken = [(f.content.start, f.content.end) for f in found]
    statements = sorted((f for f in found if f.scope == "statement"), key=lambda f: f.end)
    layout, text = article.layout, article.text
    added: list[_Found] = []
    for quote in article.quotes:
        if any(s <= quote.open < e or quote.open <= s < quote.close for s, e in taken):
            continue
        words = text[quote.start : quote.end]
        line_start, _ = layout.bounds(quote.open)
        before = text[line_start : quote.open].rstrip()
        if (
            (before and before[-1] not in ".!?")
            or len(words.split()) < PARTIAL_MIN_WORDS
            or looks_like_title(words)
        ):
            continue
        earlier = [f for f in (*statements, *added) if f.end <= quote.open]
        if not earlier:
            continue
        previous = max(earlier, key=lambda f: f.end)
        gap = text[previous.end : quote.open]
        if (
            layout.paragraph(quote.open) - layout.paragraph(previous.end) > 1
            or _quotation_between(article, previous.end, quote.open)
            or (len(gap.split()) > FLOATING_MAX_GAP_WORDS and not _one_sentence(gap))
            or (previous.speaker.name or previous.speaker.description) is None
        ):
            continue
        content = article.span(quote.open, quote.close + 1)
        newcomer = _introduced_between(article, previous, quote.open)
        if newcomer is not None:
            added.append(_Found("direct", content, None, None, newcomer[0], newcomer[1]))
            continue
        added.append(
            _Found("direct", content, None, None, None, previous.speaker, continues=previous)
        )
    return added


def _introduced_between(
    article: _Article, previous: _Found, start: int
) -> tuple[Span, Speaker] | None:
    """A person a whole sentence between a statement and a floating quotation makes
    its subject, other than the statement's speaker: the quotation is theirs.

    "…,” said Smith.⏎Jane Doe has lived there 20 years. “…”" — Doe speaks.
    """
    # the parser often runs the sentence on into the quotation: its root must come before
    between = [
        s for s in article.doc.sents if previous.end <= s.start_char < start and s.root.idx < start
    ]
    for sentence in reversed(between):
        root = sentence.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.ent_type_ != "PERSON" or article.in_quote[subject.i]:
            continue
        source = article.token_span(*article.speakers.source_range(subject))
        speaker = article.speakers.speaker(subject, source.text)
        if speaker.name is None or speaker.name == previous.speaker.name:
            return None
        return source, speaker
    return None


def _quotation_between(article: _Article, start: int, end: int) -> bool:
    """Whether a quotation opens in ``[start, end)`` (an apostrophe is no quotation)."""
    return any(start <= q.open < end for q in article.quotes)


def _one_sentence(gap: str) -> bool:
    """Whether ``gap`` (the words between a statement and a quotation) is no more than
    the rest of the statement's sentence ("…,” says Jo Farr, a doctor who…. “…")."""
    return not _SENTENCE_BREAK.search(gap.rstrip().rstrip(".!?"))


def _reopened(article: _Article, found: list[_Found]) -> list[_Found]:
    """The paragraphs of a quotation running over several (“…⏎“…⏎“…,” she said)
    are spoken by whoever speaks its last paragraph, each continued by the next."""
    by_start = {f.content.start: n for n, f in enumerate(found) if f.kind == "direct"}
    quotes = article.quotes
    links: list[tuple[int, int]] = []  # (earlier paragraph, the one going on with it)
    for k in range(len(quotes) - 2, -1, -1):  # backwards: the speaker comes from the end
        quote, following = quotes[k], quotes[k + 1]
        n = by_start.get(following.open)
        if quote.closed or n is None or quote.open in by_start:
            continue
        words = article.span(quote.open, quote.close + 1)
        by_start[quote.open] = len(found)
        links.append((len(found), n))
        found.append(_Found("direct", words, None, None, None, found[n].speaker))
    for earlier, later in sorted(links, key=lambda link: found[link[0]].content.start):
        found[later] = replace(found[later], continues=found[earlier])
    return found


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
            if any(c.dep_ in ("ccomp", "xcomp") and c.i > token.i for c in token.children):
                return None  # "“…” But he said it was a lesson": the verb's own words
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


# 2b. statements whose cue follows them --------------------------------------------------


def _cue_after_statement(article: _Article, parenthetical: Parenthetical) -> list[_Found]:
    """ "The drugs have few uses, he says, and are meant for the short term": two
    statements of one speaker, the second going on with the first."""
    cue, subject = parenthetical.cue, parenthetical.subject
    source = article.token_span(*article.speakers.source_range(subject))
    speaker = article.speakers.speaker(subject, source.text)
    found: list[_Found] = []
    for part in (parenthetical.before, parenthetical.after):
        if part is None:
            continue
        words = _trimmed(article, article.token_span(*part))
        if words is None:
            continue
        found.append(
            _Found(
                _kind_of(words.text),
                words,
                article.cue_span(cue),
                str(cue.lemma_).lower(),
                source,
                speaker,
                cue.i,
                continues=found[-1] if found else None,
            )
        )
    return found


def _trimmed(article: _Article, span: Span) -> Span | None:
    lo, hi = span.start, span.end
    while lo < hi and article.text[lo] in CONTENT_TRIM:
        lo += 1
    while hi > lo and article.text[hi - 1] in CONTENT_TRIM:
        hi -= 1
    return article.span(lo, hi) if hi > lo else None


# 2c. pull quotes ---------------------------------------------------------------------------


def _pull_quotes(article: _Article, found: Sequence[_Found]) -> list[_Found]:
    """A paragraph of someone's words signed with their name (:mod:`quote_pullquote`)."""
    added = []
    for pull in find_pull_quotes(article.text, article.layout, article.index):
        (lo, hi), entity = pull.words, pull.entity
        if any(f.content.start < hi and lo < f.content.end for f in found):
            continue
        words = _trimmed(article, article.span(lo, hi))
        if words is None:
            continue
        speaker = Speaker(entity=entity.id, name=entity.name)
        added.append(
            _Found(_kind_of(words.text), words, None, None, article.span(*pull.name), speaker)
        )
    return added


# 3. learned cues: indirect speech, and statements the rules above did not find -------


def _perfect(verb: Token) -> bool:
    """ "have said": a participle in the active perfect, whose subject is its speaker."""
    return any(c.dep_ == "aux" and c.lower_ in ("have", "has", "had") for c in verb.children)


def _within(token: Token, span: Candidate) -> bool:
    return span.start <= int(token.idx) < span.end


def _learned(article: _Article, taken: set[int], quoted: set[tuple[int, int]]) -> list[_Found]:
    """An attribution for each word the trained model takes for a cue.

    Its content and source are the candidate spans the model prefers; the
    words of cues the quotation rules used, the quotations they attributed,
    and "according to" (4.), are left to those rules.
    """
    model = load_attribution_model()
    doc, found = article.doc, []
    for i, probability in article.cue_probabilities().items():
        cue = doc[i]
        if probability < CUE_MIN_PROBABILITY or i in taken or cue.lower_ == "according":
            continue
        if article.layout.is_heading(int(cue.idx)):
            continue  # "Article Continued Below", a title: no statement
        content = model.content(cue, content_candidates(article.parsed, cue))
        if content is None or (content.start, content.end) in quoted:
            continue  # a quotation the rules gave to its own cue
        if not article.same_line(cue, content.start) and not article.same_line(
            cue, content.end - 1
        ):
            continue  # the parser ran a heading into the paragraph under it
        source = model.source(cue, source_candidates(article.parsed, cue))
        found.append(article.learned_statement(cue, content, source))
    return found


def _spoken_of(cue: Token, content: str) -> bool:
    """What a negated cue or an indirect question reports is what was spoken of, not
    what was said: "did not say whether it agreed", "asked what he would do"."""
    first = content.split(maxsplit=1)[0].lower() if content.strip() else ""
    return first in QUESTION_WORDS or any(c.dep_ == "neg" for c in cue.children)


def _kind_of(text: str) -> AttributionKind:
    """direct: the content is one quotation; partial: it holds one; else indirect."""
    if text[:1] in QUOTE_MARKS and text[-1:] in QUOTE_MARKS and len(text) > 1:
        return "direct"
    return "partial" if any(mark in text for mark in '"“”') else "indirect"


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


def _as_reported(article: _Article) -> list[_Found]:
    """ "…, as detailed by X (to Y), …" and "…, as reported by X": X is the source
    of the clause the phrase qualifies, like "according to X"."""
    found = []
    for mark in article.doc:
        verb = mark.head
        if (
            mark.lower_ != "as"
            or mark.dep_ != "mark"
            or verb.tag_ != "VBN"
            or str(verb.lemma_).lower() not in SPEECH_LEMMAS
            or article.in_quote[mark.i]
        ):
            continue
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        named = (
            None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)
        )
        if agent is None or named is None:
            continue
        lo, hi = named.left_edge.i, named.i
        source = article.token_span(lo, hi + 1)
        cue = article.token_span(mark.i, agent.i + 1)
        end = article.token_span(verb.i, int(verb.right_edge.i) + 1).end
        content = _qualified_clause(article, mark, cue.start, end)
        if content is None:
            continue
        speaker = article.speakers.speaker(named, source.text)
        found.append(
            _Found("according_to", content, cue, str(verb.lemma_).lower(), source, speaker, verb.i)
        )
    return found


def _qualified_clause(article: _Article, according: Token, start: int, end: int) -> Span | None:
    """The sentence "according to X" (or "as reported by X") qualifies, without
    that phrase (``start``-``end``) where it is at an edge."""
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
    """A document's author ("according to Foster's book"), the source's own entity,
    else an organisation named in it ("obtained by Bloomberg")."""
    bare_definite = [c.lower_ for c in head.children] == ["the"]  # "according to the city"
    if str(head.lemma_).lower() in DOCUMENT_HEADS or bare_definite:  # "… to Foster's book"
        speaker = article.speakers.speaker(head, source.text)
        if speaker.name is not None:
            return speaker
    entity = article.speakers.named(head)
    if entity is None:
        inside = article.index.within(source.start, source.end)
        entity = next((e for e in inside if e.type == "ORG"), None)
    if entity is not None:
        return Speaker(entity=entity.id, name=entity.name, description=source.text)
    anonymous = str(head.lemma_).lower() in ANONYMOUS_HEADS
    return Speaker(anonymous=anonymous, description=source.text)
