"""Extract stage "times": the TIMEX3-style time expressions of one article.

1. candidates: the model's DATE and TIME entities, plus token patterns for what
   the small model misses: weekdays, "Oct. 19, 2025", "late May", "every Friday",
   "five-minute", "week-long", "recently", "daily", "noon", "16:08 UTC",
   "7/8/07", "the future", a year after "in" ("1997", "'82"), holidays (which the
   model calls events: "Thanksgiving Day", "Labor Day");
2. growth: a candidate takes in a neighbour that belongs to it ("every" +
   "Friday", "Friday" + "night", "two days" + "ago", "16:08" + "UTC"), and a date and a time
   side by side become one ("Friday" + "3 p.m."), when the result still reads;
   an entity that does not read as one expression is split where the model ran
   several together ("between 1994 and 1997", "the quarter ended Sept. 30"), and
   a range of durations is marked at both ends ("between [60] and [90 days]");
3. extent: trimmed to what TIMEX3 marks: prepositions ("on", "back in"), edge
   punctuation and the possessive go; a leading "the" goes only when the
   expression modifies a noun outside it ("the 2025 budget");
4. tense: the governing verb decides which "Friday" and which "14 October":
   past (VBD, VBN, "was visiting"), or future ("will", "to" + verb, a modal
   that looks ahead, "should be completed", present tense, or a present
   passive: "are expected to meet", "is scheduled for", "set to resume"); a
   date that modifies a noun ("Tuesday's meeting") and one with no verb in reach
   are past, the usual case in news, unless the noun is awaited ("ahead of
   Monday's summit"); a date after "since" is always past; a plan or a deadline
   told in the past ("planned to leave on Thursday", "planned a rally on
   Saturday", "has given them until Tuesday") takes the day nearest the
   publication date, ahead or behind; "in" + a duration after a modal that
   looks ahead is the date that far from now ("would be redeemed in five years");
5. value: :func:`storytrace.extract.timex.normalise` against the publication
   date; in an earnings story "the quarter" and "a year earlier" against the
   quarter it reports, and "the next day", "that year" against the story's
   last date before them; a clock time with no day of its own ("at 18:00 UTC")
   on the day its sentence names.

Only expressions the normaliser reads are emitted: a candidate it does not
read (an age such as "65-year-old", a name the model took for a date) is
dropped, never given a guessed value. One that needs an anchor the article
lacks (no publication date) or counts from the story ("the next day") keeps
TIMEX3 ``X`` placeholders and ``anchored=False``, as :class:`TimeExpression`
documents.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Final

from storytrace.extract.timex import (
    FRACTIONS,
    MONTHS,
    PARTS_OF_DAY,
    PARTS_OF_DAY_PLURAL,
    SET_WORDS,
    UNIT_WORDS,
    WEEKDAYS,
    WEEKDAYS_PLURAL,
    Timex,
    normalise,
)
from storytrace.extract.timex_lexicon import HOLIDAY_NAMES, UNIT_ADJECTIVES
from storytrace.extract.timex_report import QUARTER_ORDINALS, last_completed_quarter
from storytrace.records import TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storytrace.extract.base import ArticleWork

__all__ = ["TIME_LABELS", "TimeStage", "anchor_from_published", "extract_times"]

#: spaCy entity labels taken as candidates
TIME_LABELS: Final = frozenset({"DATE", "TIME"})
#: words before a bare month name that make it the month, not a name ("late May", "in April")
MONTH_LEAD_WORDS: Final = frozenset({
    "in", "since", "until", "till", "early", "late", "mid", "last", "next", "this", "during",
})  # fmt: skip
#: words at the start of a candidate that TIMEX3 leaves out ("on Friday", "back in April")
LEADING_WORDS: Final = frozenset({
    "on", "in", "at", "since", "by", "until", "till", "from", "during", "for", "through",
    "throughout", "back", "of", "before", "after", "within", "to", "into", "as",
})  # fmt: skip
#: tokens at the end of a candidate that are no part of it ("Tuesday's")
TRAILING_WORDS: Final = frozenset({"'s", "’s", "'", "’"})
#: dependency labels of an expression that only modifies the noun it hangs on
NOUN_MODIFIER_DEPS: Final = frozenset({"compound", "nmod", "amod", "nummod", "poss"})
#: a word just before a candidate that belongs in it ("every Friday", "last Tuesday")
GROW_LEFT: Final = frozenset({
    "every", "each", "last", "next", "this", "early", "late", "mid", "earlier", "later", "fiscal",
})  # fmt: skip
#: a word just after a candidate that belongs in it ("Friday night", "two days ago",
#: "Tuesday nights", "the weeks ahead")
GROW_RIGHT: Final = frozenset({
    "ago", "ahead", *PARTS_OF_DAY, *(part + "s" for part in PARTS_OF_DAY),
})  # fmt: skip
#: zones a clock time takes in ("16:08 UTC", "5 p.m. EST"): part of the expression
CLOCK_ZONE_WORDS: Final = frozenset({
    "utc", "gmt", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "bst", "cet",
})  # fmt: skip
#: words a candidate never ends with ("the 70s and"): the model ran on into the next one
TRAILING_CONNECTIVES: Final = frozenset({"and", "or", "to", "of", "the", "at", "on", "in", "from"})
#: adverbs that are time expressions by themselves (TimeBank marks them)
#: ("soon" and "previously" are left out: as often not marked as marked in TimeBank)
REFERENCE_ADVERBS: Final = frozenset({"now", "currently", "recently", "lately", "nowadays"})
#: nouns after "current" that make it no time ("current account") or a longer phrase
NOT_PRESENT_AFTER_CURRENT: Final = frozenset({"account", "accounts", "affairs", "events"})
#: "the future", "the past" as nouns
REFERENCE_NOUNS: Final = frozenset({"future", "past"})
REFERENCE_NOUN_ADJECTIVES: Final = frozenset({
    "near", "distant", "foreseeable", "recent", "short", "long",
})  # fmt: skip
#: single words that are always time expressions
TIME_TOKENS: Final = frozenset({
    "noon", "midnight", "midday", "tonight", "overnight", "today", "yesterday", "tomorrow",
})  # fmt: skip
#: recurring-time words matched by themselves ("quarterly" is left out: in news
#: it is nearly always "quarterly results", which TimeML does not mark)
SET_PATTERN_WORDS: Final = frozenset(SET_WORDS) - {"quarterly"}
#: recurring-time adjectives that before a noun name a kind of thing ("quarterly dividend"),
#: however the model tags them ("daily" is left out: "daily life" is as often marked as not)
KIND_ADJECTIVES: Final = frozenset({"quarterly"})
#: words at which an entity that does not read is split ("from 1991 to 1997",
#: "1996-2000", "the first nine months of 1997"), tried in turn
SPLIT_LEVELS: Final = (
    frozenset({
        "to", "and", "or", "through", "thru", "until", "till", "between", "from", "ended",
        "ending", "–", "—", "-", "of",
    }),
    frozenset({","}),
)  # fmt: skip
#: modals after which "in" + a duration counts from now ("will close in two weeks"); not
#: "can", which tells what is possible in such a span ("can accept in a year")
AHEAD_MODALS: Final = frozenset({
    "will", "'ll", "wo", "shall", "would", "may", "might", "could", "should",
})  # fmt: skip
#: words that open and join a range of durations ("between 60 and 90 days", "within two to
#: three weeks")
RANGE_OPENERS: Final = frozenset({"between", *LEADING_WORDS})
RANGE_JOINS: Final = frozenset({"to", "and", "-", "through"})
#: words after "the year" that make it a fiscal year ending on a date: "the year ended June 30"
ENDING_WORDS: Final = frozenset({"ended", "ending"})
#: words "the fiscal year" may carry around "year" and stay a bare year
YEAR_DETERMINERS: Final = frozenset({"the", "its", "fiscal", "a"})
#: words before an expression that focus on it and are no part of it ("just last month")
FOCUS_WORDS: Final = frozenset({"just", "only", "barely", "even"})
#: words after a duration that relate it to an event ("three days later"): TimeML signals
SIGNAL_WORDS: Final = frozenset({
    "later", "earlier", "before", "after", "afterward", "afterwards", "beforehand",
})  # fmt: skip
#: nouns an earnings story names its periods with ("the 1988 period", "the year-ago quarter")
REPORT_NOUNS: Final = frozenset({"period", "quarter"})
#: words between "the" and such a noun that make it the reported period or its year-ago twin
REPORT_MODIFIERS: Final = frozenset({
    "latest", "comparable", "corresponding", "same", "fiscal", "year", "-", "ago", "earlier",
})  # fmt: skip
#: of those, the ones a phrase needs ("the same period" alone is no time expression)
REPORT_MARKERS: Final = frozenset({"latest", "ago", "earlier"})
#: "the same period (of) last year": the words before the year that belong to it
SAME_PERIOD_NOUNS: Final = frozenset({"period", "time", "month", "quarter", "season"})
SAME_PERIOD_ADJECTIVES: Final = frozenset({"same", "corresponding", "comparable"})
#: words after a bare plural unit that make it a time expression ("Hours later", "years ago",
#: "Minutes after the verdict")
COUNTED_WORDS: Final = frozenset({"later", "earlier", "ago", "after", "before"})
#: a bare four-digit number is a year only after one of these
YEAR_PREPOSITIONS: Final = frozenset({
    "in", "since", "by", "until", "from", "of", "during", "before", "after",
})  # fmt: skip
#: the words a holiday's name starts with
HOLIDAY_FIRST_WORDS: Final = frozenset(name[0] for name in HOLIDAY_NAMES)
#: the most tokens a holiday's name takes ("New Year 's Day")
MAX_HOLIDAY_TOKENS: Final = 4
#: nouns of a part of the day that "of" + a day can follow ("the night of Oct. 23")
DAY_PART_NOUNS: Final = frozenset({*PARTS_OF_DAY, "hours"})
#: how far a candidate's pattern looks for its unit ("every other two weeks")
MAX_PATTERN_TOKENS: Final = 4
#: how far up the parse the governing verb is looked for
MAX_VERB_HOPS: Final = 6
#: auxiliaries that put the verb in the future ("would" too: in news it is
#: mostly a plan reported in the past, "said they would meet on Friday")
FUTURE_AUXILIARIES: Final = frozenset({"will", "'ll", "shall", "wo", "would"})
#: of those, the ones that state the future rather than report a plan: "will meet in
#: December" said in March is next December, not last
STATED_FUTURE: Final = frozenset({"will", "'ll", "shall", "wo"})
#: modals that put the verb ahead ("should be completed in October"); "could" only
#: when not negated ("could not be reached Friday" is the past of "can")
FUTURE_MODALS: Final = frozenset({"should", "may", "might", "must", "can", "ca", "could"})
PAST_TAGS: Final = frozenset({"VBD", "VBN"})
PRESENT_TAGS: Final = frozenset({"VBZ", "VBP"})
#: verbs whose past tense tells of a plan ("was scheduled for December"), not a past event
PLAN_VERBS: Final = frozenset({
    "schedule", "expect", "plan", "set", "postpone", "delay", "slate", "suppose", "intend",
    "hope", "aim", "propose", "reschedule", "defer", "agree", "promise", "extend",
})  # fmt: skip
#: of those, the ones whose infinitive is still ahead when they are past ("planned to
#: leave on Thursday"); "agree", "promise" and the like report what may be done by now
PLAN_AHEAD_VERBS: Final = frozenset({"plan", "schedule", "intend", "set", "slate", "expect"})
#: how far up a clause chain a present perfect is looked for: "has continued to hold [the
#: markets] closed until Friday" takes three steps, one more is left for an "and"
PERFECT_HOPS: Final = 4
#: dependencies that keep a non-finite verb in the clause of the one it hangs on
CLAUSE_CHAIN_DEPS: Final = frozenset({"xcomp", "oprd", "ccomp", "conj", "acomp"})
#: tags of a verb that has no tense of its own ("hold them closed", "to hold")
NON_FINITE_TAGS: Final = frozenset({"VB", "VBN", "VBG"})
#: words that make a date a deadline, which a past-tense verb does not put in the past
#: ("declared a dividend payable Dec. 1", "a change effective Feb. 1", "extended until May")
DEADLINE_WORDS: Final = frozenset({
    "effective", "payable", "due", "until", "till", "through", "by", "before", "starting",
})  # fmt: skip
#: words before a noun that put it in the future ("ahead of Monday's summit")
AWAITING_WORDS: Final = frozenset({"ahead", "awaiting", "pending"})
_YEAR_TOKEN_RE: Final = re.compile(r"(?:19|20)\d\d")
_ISO_DATE_PREFIX_RE: Final = re.compile(r"\d{4}-\d\d-\d\d")
#: words in a quarter's name that make it another than the one reported ("last year's")
NOT_THE_REPORTED: Final = frozenset({"ago", "earlier", "prior", "last", "previous", "next"})
#: values the story can count from: a calendar date of any grain, not "PRESENT_REF" nor "199"
_STORY_DATE_RE: Final = re.compile(
    r"\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?(?:T.*)?"
)
_MILITARY_TIME_RE: Final = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
#: a clock time in one token: "16:08", "9:30"
_CLOCK_TOKEN_RE: Final = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d")
#: a US numeric date in one token ("7/8/07", "10/14/2025"), and a year cut to two digits
_SLASH_DATE_TOKEN_RE: Final = re.compile(
    r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:\d\d)?\d\d"
)
_SHORT_YEAR_TOKEN_RE: Final = re.compile(r"['’]\d\d")
_SHORT_YEAR_DIGITS_RE: Final = re.compile(r"\d\d(?:s)?")
#: what after such a token makes it a time of day, not a score or a ratio
MERIDIEM_WORDS: Final = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m"})
#: the words of a clock time that name no day ("10:30 a.m. local time", "noon", "5 p.m. EST")
CLOCK_TIME_WORDS: Final = frozenset({
    *MERIDIEM_WORDS, *CLOCK_ZONE_WORDS, "local", "time", "o'clock", "noon", "midnight", "midday",
})  # fmt: skip
#: zones after a wire's four-digit universal time ("0730 GMT")
UTC_WORDS: Final = frozenset({"gmt", "utc"})
_DAY_VALUE_RE: Final = re.compile(r"\d{4}-\d\d-\d\d")
_QUARTER_VALUE_RE: Final = re.compile(r"\d{4}-Q[1-4]")

#: a candidate as token offsets [start, end) into the doc
_Range = tuple[int, int]
#: a candidate that reads: its offsets and value
_Read = tuple[int, int, Timex]


def anchor_from_published(published: str | None) -> dt.date | None:
    """The normaliser's anchor from ``Article.published``; None when it can't be read.

    Accepts an ISO date ("2025-10-22"), an ISO datetime (a ``datetime`` is
    returned, its time zone dropped: the wall-clock time the article gives),
    an RFC 2822 date as feeds write it, or text starting with an ISO date.
    """
    text = (published or "").strip()
    if not text:
        return None
    try:
        # a date alone ("2025-10-22", or ISO's basic "20251022") has no time of day
        return dt.date.fromisoformat(text) if len(text) in (8, 10) else _wall_clock(text)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).replace(tzinfo=None)
    except (TypeError, ValueError, IndexError):
        pass
    prefix = _ISO_DATE_PREFIX_RE.match(text)
    if prefix:
        try:
            return dt.date.fromisoformat(prefix.group())
        except ValueError:
            return None
    return None


def _names_a_quarter(span: Span) -> bool:
    """ "the third quarter", "Q3": not "the year-ago quarter" nor "the 1988 third quarter"."""
    words = {token.lower_ for token in span}
    return not words.isdisjoint(QUARTER_ORDINALS) and words.isdisjoint(NOT_THE_REPORTED)


@dataclass(frozen=True, slots=True)
class _Anchor:
    """What a phrase is valued against: the publication date, and the reported quarter."""

    day: dt.date | None
    reported: str | None = None


def _reported_quarter(doc: Doc, read: list[_Read], day: dt.date | None) -> str | None:
    """The quarter an earnings story reports on, or None when the story names no quarter.

    The quarter it names most often ("third quarter" -> 1989-Q3), the first on a
    tie; when it only says "the quarter", the last one completed before ``day``.
    """
    if day is None:
        return None
    named = Counter(
        timex.value
        for start, end, timex in read
        if _QUARTER_VALUE_RE.fullmatch(timex.value)
        and _names_a_quarter(doc[start:end])
        and day.year - int(timex.value[:4]) in (0, 1)  # a recent one: not "the 1984 quarter"
    )
    if named:
        return named.most_common(1)[0][0]
    says_quarter = any(
        token.lower_ == "quarter" for start, end, _ in read for token in doc[start:end]
    )
    return last_completed_quarter(day) if says_quarter else None


def _count_from_the_story(doc: Doc, read: list[_Read], anchor: _Anchor) -> list[_Read]:
    """ "the next day", "that year": read again from the story's last date before them.

    The last date is the latest expression before the phrase whose value is a
    calendar date ("1995", "1995-06-02", "1995-W23"), whether written out or
    counted from the publication date ("Friday").
    """
    story: str | None = None
    counted = []
    for start, end, timex in read:
        if not timex.anchored and story is not None and anchor.day is not None:
            span = doc[start:end]
            past, told, _ = _tense(span)
            again = normalise(
                span.text,
                anchor.day,
                past_bias=past,
                reported=anchor.reported,
                story=story,
                told_past=past and told,
                told_future=not past and told,
            )
            timex = again or timex
        if timex.type in ("DATE", "TIME") and _STORY_DATE_RE.fullmatch(timex.value):
            story = timex.value
        counted.append((start, end, timex))
    return counted


def _parts_of_named_days(doc: Doc, read: list[_Read]) -> list[_Read]:
    """ "on the night of Friday, Oct. 23", "in the early hours of Thursday morning": the
    part of the day is the named day's, which the expression after "of" already marks."""
    kept = []
    for index, (start, end, timex) in enumerate(read):
        following = read[index + 1][0] if index + 1 < len(read) else -1
        if not (
            following == end + 1
            and doc[end].lower_ == "of"
            and doc[start].lower_ == "the"
            and doc[end - 1].lower_ in DAY_PART_NOUNS
        ):
            kept.append((start, end, timex))
    return kept


def _clocks_on_their_day(doc: Doc, read: list[_Read]) -> list[_Read]:
    """ "The plane landed Tuesday in Everett at 18:00 UTC": a clock time with no day of
    its own is on the day its sentence names (the nearest before it, else after it),
    not the publication day."""
    timed = []
    for index, (start, end, timex) in enumerate(read):
        if timex.type == "TIME" and _is_bare_clock(doc[start:end]):
            sentence = doc[start].sent
            line_start, line_end = _line_bounds(doc, start, end)  # a line is its own say
            first, last = max(sentence.start, line_start), min(sentence.end, line_end)
            before = [r for r in read[:index] if r[0] >= first]
            after = [r for r in read[index + 1 :] if r[1] <= last]
            nearest = (*reversed(before), *after)
            days = [r[2] for r in nearest if _DAY_VALUE_RE.fullmatch(r[2].value)]
            if days:
                timex = Timex("TIME", days[0].value + timex.value[10:], days[0].anchored)
        timed.append((start, end, timex))
    return timed


def _line_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The tokens [first, last) of the line that tokens [start, end) are on (a live blog's
    "7 p.m." heading the entry below it is no part of the entry's sentence)."""
    first = start
    while first > 0 and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
    last = end
    while last < len(doc) and "\n" not in doc[last - 1].text_with_ws:
        last += 1
    return first, last


def _is_bare_clock(span: Span) -> bool:
    """ "18:00 UTC", "3 p.m.", "noon": a clock time and nothing that names a day."""
    return all(
        token.like_num
        or token.is_punct
        or bool(_CLOCK_TOKEN_RE.fullmatch(token.text))
        or token.lower_ in CLOCK_TIME_WORDS
        for token in span
    )


def _wall_clock(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=None)


def extract_times(doc: Doc, article_id: str, published: str | None) -> list[TimeExpression]:
    """Time expressions of ``doc`` in text order, valued against ``published``."""
    day = anchor_from_published(published)
    ranges = _candidates(doc)
    read = _read(doc, ranges, _Anchor(day))
    reported = _reported_quarter(doc, read, day)
    if reported is not None:  # an earnings story: read again, "the quarter" now known
        read = _read(doc, ranges, _Anchor(day, reported))
    read = _parts_of_named_days(doc, read)
    read = _count_from_the_story(doc, read, _Anchor(day, reported))
    read = _clocks_on_their_day(doc, read)
    found: list[TimeExpression] = []
    for start, end, timex in read:
        span = doc[start:end]
        found.append(
            TimeExpression(
                article=article_id,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                type=timex.type,
                value=timex.value,
                anchored=timex.anchored,
            )
        )
    return found


class TimeStage:
    """The "times" extract stage: fills ``work.times``."""

    name: ClassVar[str] = "times"
    requires: ClassVar[frozenset[str]] = frozenset({"doc"})
    assigns: ClassVar[frozenset[str]] = frozenset({"times"})

    def run(self, work: ArticleWork) -> None:
        work.times = extract_times(work.doc, work.article.id, work.article.published)


# --- 1. candidates --------------------------------------------------------------


def _candidates(doc: Doc) -> list[_Range]:
    """Entity and pattern candidates, in order, not overlapping."""
    taken = bytearray(len(doc))
    ranges: list[_Range] = []
    for ent in doc.ents:
        if ent.label_ in TIME_LABELS or (
            ent.label_ == "EVENT" and _holiday_end(doc, ent.start) == ent.end
        ):
            ranges.append((ent.start, ent.end))
            taken[ent.start : ent.end] = b"\x01" * (ent.end - ent.start)
    i = 0
    while i < len(doc):
        end = 0 if taken[i] else _pattern_end(doc, i, taken)
        if end > i:
            ranges.append((i, end))
            taken[i:end] = b"\x01" * (end - i)
            i = end
        else:
            i += 1
    ranges.sort()
    return ranges


def _pattern_end(doc: Doc, i: int, taken: bytearray) -> int:
    """The end of a time expression the model missed starting at token ``i``, or 0."""
    token = doc[i]
    word = token.lower_.rstrip(".")
    if word in WEEKDAYS or word in WEEKDAYS_PLURAL:
        return i + 1 if token.is_title else 0
    if word in MONTHS and token.is_title and token.pos_ == "PROPN":
        end = _month_date_end(doc, i, taken)
        return end or (i + 1 if i and doc[i - 1].lower_ in MONTH_LEAD_WORDS else 0)
    if token.is_title and (end := _holiday_end(doc, i)):
        return end  # "Thanksgiving Day", "Labor Day": the model calls them events, if anything
    if word in ("every", "each"):
        for j in range(i + 1, min(i + 1 + MAX_PATTERN_TOKENS, len(doc))):
            if taken[j]:
                return 0
            if _is_time_word(doc[j].lower_):
                return j + 1
        return 0
    if _MILITARY_TIME_RE.fullmatch(token.text) and doc[i + 1 : i + 2].text.lower() in UTC_WORDS:
        return i + 2  # "(0730 GMT)"
    if _CLOCK_TOKEN_RE.fullmatch(token.text):
        return _clock_end(doc, i)
    if token.text[:1] in "'’" or "/" in token.text:
        return _numeric_date_end(doc, i)
    if token.like_num:
        return _number_unit_end(doc, i, taken)
    following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if word in UNIT_WORDS and following in COUNTED_WORDS and not taken[i + 1]:
        return i + 2  # "Hours later", "years ago"
    if _long_suffix_end(doc, i):
        return i + 3  # "a week-long visit"
    if word == "current" and token.pos_ == "ADJ" and _is_present_adjective(doc, i):
        return i + 1
    if word in REFERENCE_ADVERBS and token.pos_ == "ADV":
        return 0 if word == "now" and _is_discourse_now(doc, i) else i + 1
    if word in SET_PATTERN_WORDS and token.pos_ in ("ADV", "ADJ"):
        return i + 1
    if word in TIME_TOKENS:
        return i + 1
    if word == "the":
        return _reference_noun_end(doc, i, taken) or _report_period_end(doc, i, taken)
    return 0


def _holiday_end(doc: Doc, i: int) -> int:
    """The end of a holiday's name starting at ``i`` ("New Year's Day"), or 0."""
    if doc[i].lower_.rstrip(".") not in HOLIDAY_FIRST_WORDS:
        return 0  # the common case, checked cheaply: most capitalised words are names
    words: list[str] = []
    end = 0
    for j in range(i, min(i + MAX_HOLIDAY_TOKENS, len(doc))):
        if doc[j].lower_ in TRAILING_WORDS:
            continue  # the possessive of "New Year's Day"
        if not doc[j].is_title:
            break
        words.append(doc[j].lower_.rstrip(".'’"))
        if tuple(words) in HOLIDAY_NAMES:
            end = j + 1
    if end and end < len(doc) and doc[end].is_title and not _is_time_word(doc[end].lower_):
        return 0  # part of a longer name: "Easter Island", "the Good Friday Agreement"
    return end


def _clock_end(doc: Doc, i: int) -> int:
    """ "16:08 UTC", "9:30 p.m.", "at 14:58": a clock time the model missed, or 0."""
    following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if following in CLOCK_ZONE_WORDS or following in MERIDIEM_WORDS:
        return i + 2
    return i + 1 if i > 0 and doc[i - 1].lower_ == "at" else 0


def _report_period_end(doc: Doc, i: int, taken: bytearray) -> int:
    """ "the latest quarter", "the year-earlier period": an earnings story's periods."""
    words: set[str] = set()
    for j in range(i + 1, min(i + 1 + MAX_PATTERN_TOKENS, len(doc))):
        word = doc[j].lower_
        if taken[j]:
            return 0
        if word in REPORT_NOUNS:
            return j + 1 if words & REPORT_MARKERS else 0
        if word not in REPORT_MODIFIERS:
            return 0
        words.add(word)
    return 0


def _is_present_adjective(doc: Doc, i: int) -> bool:
    """ "the current weakness" (PRESENT_REF), not "current account" nor "the current year"."""
    following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return following not in NOT_PRESENT_AFTER_CURRENT and not _is_time_word(following)


def _reference_noun_end(doc: Doc, i: int, taken: bytearray) -> int:
    """ "the future", "the near future", "the past", "the short term", "the weeks ahead"."""
    j = i + 1
    adjective = j < len(doc) and doc[j].lower_ in REFERENCE_NOUN_ADJECTIVES
    j += adjective
    if j >= len(doc) or taken[j]:
        return 0
    word = doc[j].lower_
    if word in REFERENCE_NOUNS or (word == "term" and adjective):
        return j + 1 if doc[j].pos_ == "NOUN" else 0
    if word in UNIT_WORDS and j + 1 < len(doc) and doc[j + 1].lower_ == "ahead":
        return j + 2  # "the weeks ahead"
    if word == "time" and not adjective and doc[j + 1 : j + 2].text.lower() == "being":
        return j + 2  # "for the time being"
    return 0


def _is_time_word(word: str) -> bool:
    return word in UNIT_WORDS or word in WEEKDAYS or word in MONTHS or word in PARTS_OF_DAY


def _month_date_end(doc: Doc, i: int, taken: bytearray) -> int:
    """A month with a day or a year ("Oct. 19", "October 19, 2025", "October 2025").

    A month alone is left to the model: "April" and "May" are names too.
    """
    j = i + 1
    has_day = j < len(doc) and not taken[j] and doc[j].like_num and len(doc[j].text) <= 2
    if has_day:
        j += 1
    k = j + 1 if j < len(doc) and doc[j].text == "," else j
    if k < len(doc) and not taken[k] and _YEAR_TOKEN_RE.fullmatch(doc[k].text):
        return k + 1
    return j if has_day else 0


def _number_unit_end(doc: Doc, i: int, taken: bytearray) -> int:
    """A number and its unit ("five-minute", "24 hours") or a year after "in".

    Not an age: "65-year-old" is no time expression.
    """
    j = i + 1
    if j < len(doc) and doc[j].text == "-":
        j += 1
    if [t.lower_ for t in doc[j : j + 3]] == ["and", "a", "half"]:
        j += 3  # "two and a half years"
    elif j < len(doc) - 1 and doc[j].lower_ in UNIT_ADJECTIVES and doc[j + 1].lower_ in UNIT_WORDS:
        j += 1  # "20 more years", "two consecutive quarters"
    if j < len(doc) and not taken[j] and doc[j].lower_ in UNIT_WORDS:
        after = doc[j + 1 : j + 3].text.replace(" ", "").lower()
        return 0 if after.startswith(("-old", "old")) else j + 1
    previous = doc[i - 1].lower_ if i else ""
    if _YEAR_TOKEN_RE.fullmatch(doc[i].text) and previous in YEAR_PREPOSITIONS:
        return i + 1
    return 0


def _numeric_date_end(doc: Doc, i: int) -> int:
    """ "7/8/07" anywhere; "'82" after a preposition of time ("since '82")."""
    text = doc[i].text
    if _SLASH_DATE_TOKEN_RE.fullmatch(text):
        return i + 1
    if not i or doc[i - 1].lower_ not in YEAR_PREPOSITIONS:
        return 0
    if _SHORT_YEAR_TOKEN_RE.fullmatch(text):
        return i + 1
    return i + 2 if _opens_a_short_year(doc, i, len(doc)) else 0


def _is_discourse_now(doc: Doc, i: int) -> bool:
    """A "now" that opens a turn in the talk ("Now, me to you, ..."), not the present."""
    follows_comma = i + 1 < len(doc) and doc[i + 1].text == ","
    return follows_comma and (i == 0 or bool(doc[i].is_sent_start) or doc[i - 1].is_punct)


# --- 2-5. read each candidate ---------------------------------------------------


def _read(doc: Doc, ranges: list[_Range], anchor: _Anchor) -> list[_Read]:
    """Grow, merge, trim and normalise the candidates; drop those that don't read."""
    taken = bytearray(len(doc))
    for start, end in ranges:
        taken[start:end] = b"\x01" * (end - start)
    read: list[_Read] = []
    for candidate_start, candidate_end in ranges:
        pieces = _range_of_durations(doc, candidate_start, candidate_end, anchor)
        if not pieces:
            grown = _grow(doc, candidate_start, candidate_end, taken, anchor)
            pieces = [grown] if grown else _pieces(doc, candidate_start, candidate_end, anchor)
        for start, end, timex in pieces:
            if read and _adjacent(doc, read[-1][1], start):
                merged = _value(doc, read[-1][0], end, anchor)
                if merged is not None and (
                    merged[2].type == "TIME"  # "Friday" + "3 p.m."
                    or (merged[2].type == "SET" and doc[end - 1].lower_ in PARTS_OF_DAY_PLURAL)
                    or _weekday_and_date(doc, read[-1], merged)
                ):
                    read[-1] = merged
                    continue
            if read and _alternatives(doc, read[-1], (start, end, timex)):
                merged = _value(doc, read[-1][0], end, anchor)  # "weeks or months": one
                if merged is not None:
                    read[-1] = merged
                    continue
            read.append((start, end, timex))
    return read


def _weekday_and_date(doc: Doc, first: _Read, merged: _Read) -> bool:
    """ "Friday" + "Oct. 13": one day, written twice."""
    first_word = doc[first[0]].lower_
    return (
        first[1] - first[0] == 1
        and first_word in WEEKDAYS
        and bool(_DAY_VALUE_RE.fullmatch(merged[2].value))
    )


def _alternatives(doc: Doc, first: _Read, second: _Read) -> bool:
    """Two vague durations offered as alternatives: "weeks or months", "days or weeks"."""
    return (
        second[0] == first[1] + 1
        and doc[first[1]].lower_ == "or"
        and first[2].type == second[2].type == "DURATION"
        and "X" in first[2].value
        and "X" in second[2].value
    )


def _pieces(doc: Doc, start: int, end: int, anchor: _Anchor, level: int = 0) -> list[_Read]:
    """The expressions inside an entity that does not read as one.

    The model's entities run ranges and clauses together ("between 1994 and
    1997", "the quarter ended Sept. 30", "the day Friday"): split at the words
    that join them, then at commas (not first: "June 30, 1990" is one date),
    and of a piece that still doesn't read keep the longest tail that does.
    """
    cuts = [i for i in range(start, end) if _is_cut(doc, i, level)]
    found: list[_Read] = []
    for piece_start, piece_end in zip([start, *(c + 1 for c in cuts)], [*cuts, end], strict=True):
        whole = _value(doc, piece_start, piece_end, anchor) if cuts else None
        if whole is None and found and piece_end - piece_start == 1:
            whole = _range_end(doc[piece_start], found[-1])
        if whole is not None:
            found.append(whole)
        elif level + 1 < len(SPLIT_LEVELS):
            found.extend(_pieces(doc, piece_start, piece_end, anchor, level + 1))
        else:
            for tail in range(piece_start + 1, piece_end):
                value = _value(doc, tail, piece_end, anchor)
                if value is not None:
                    found.append(value)
                    break
    return found


def _range_of_durations(doc: Doc, start: int, end: int, anchor: _Anchor) -> list[_Read]:
    """ "two to three weeks", "between 60 and 90 days": both ends of the range, each a
    duration in the unit written once (TimeML marks the ends of a range apart); [] for
    anything else."""
    words = [token.lower_ for token in doc[start:end]]
    first = start + (words[0] in RANGE_OPENERS)
    if end - first != 4 or doc[first + 1].lower_ not in RANGE_JOINS:
        return []
    low, high, unit = doc[first], doc[first + 2], doc[first + 3]
    if not (low.like_num and high.like_num and unit.lower_ in UNIT_WORDS):
        return []
    if doc[first + 1].text == "-" and not (low.text.isdigit() and high.text.isdigit()):
        return []  # "thirty-seven years" is one number
    upper = _value(doc, first + 2, end, anchor)
    lower = normalise(f"{low.text} {unit.text}", anchor.day)
    if upper is None or lower is None or {upper[2].type, lower.type} != {"DURATION"}:
        return []
    return [(first, first + 1, lower), upper]


def _range_end(token: Token, begin: _Read) -> _Read | None:
    """The bare end of a range, read from its beginning: "August 10 to [12]", "1997-[98]"."""
    value = begin[2].value
    if not token.text.isdigit() or begin[2].type != "DATE":
        return None
    number = int(token.text)
    if _DAY_VALUE_RE.fullmatch(value) and 1 <= number <= 31 and len(token.text) <= 2:
        try:
            day = dt.date(int(value[:4]), int(value[5:7]), number)
        except ValueError:
            return None
        return token.i, token.i + 1, Timex("DATE", day.isoformat(), begin[2].anchored)
    if _YEAR_TOKEN_RE.fullmatch(value) and len(token.text) == 2:  # "1997-98"
        year = int(value[:2] + token.text)
        year += 100 if year < int(value) else 0  # "1999-00"
        return token.i, token.i + 1, Timex("DATE", f"{year:04d}", begin[2].anchored)
    return None


def _is_cut(doc: Doc, i: int, level: int) -> bool:
    """Whether token ``i`` joins two expressions; a hyphen only in a range of numbers or
    months ("1996-2000", "January-June"), not in "mid-1990s"."""
    word = doc[i].lower_
    if word == "-":
        return 0 < i < len(doc) - 1 and _range_side(doc[i - 1]) and _range_side(doc[i + 1])
    return word in SPLIT_LEVELS[level]


def _range_side(token: Token) -> bool:
    return bool(token.like_num) or token.lower_.rstrip(".") in MONTHS


def _grow(doc: Doc, start: int, end: int, taken: bytearray, anchor: _Anchor) -> _Read | None:
    """The candidate with the neighbours that belong to it, if it still reads."""
    left, right = start, end
    if left > 0 and not taken[left - 1] and _grows_left(doc[left - 1]):
        left -= 1
    elif left > 0 and doc[left - 1].lower_ == "more" and doc[left].lower_ == "recently":
        left -= 1  # "more recently" is one expression (PAST_REF)
    elif left > 0 and doc[left].text in FRACTIONS and doc[left - 1].like_num:
        left -= 1  # "2" + "1/2 years"
    else:
        left = _same_period_start(doc, left, taken)  # "the same period of" + "last year"
    if right < len(doc) and not taken[right] and doc[right].lower_ in GROW_RIGHT:
        right += 1
    elif right < len(doc) and doc[right].lower_ in CLOCK_ZONE_WORDS and _ends_a_clock(doc[end - 1]):
        right += 1  # "16:08" + "UTC"
    elif _long_suffix_end(doc, right - 1):
        right += 2  # "decades" + "-long"
    elif right < len(doc) and not taken[right] and _names_a_report_period(doc, right):
        right += 1  # "the 1988" + "period", "year-ago" + "quarter"
        if left > 0 and not taken[left - 1] and doc[left - 1].lower_ == "the":
            left -= 1
    if (left, right) != (start, end):
        grown = _value(doc, left, right, anchor)
        if grown is not None:
            taken[left:right] = b"\x01" * (right - left)
            return grown
    return _value(doc, start, end, anchor)


def _grows_left(token: Token) -> bool:
    """ "last" in "last week", not the verb in "expected to last several months"."""
    return token.lower_ in GROW_LEFT and not _is_verb_last(token)


def _is_verb_last(token: Token) -> bool:
    """The verb "last" ("the strike could last weeks"): the model takes it for "last week"'s."""
    return token.lower_ == "last" and token.tag_ in ("VB", "VBP")


def _long_suffix_end(doc: Doc, i: int) -> bool:
    """A unit at ``i`` with "-long" after it: "week-long", "decades-long"."""
    return (
        i + 2 < len(doc)
        and doc[i].lower_ in UNIT_WORDS
        and doc[i + 1].text == "-"
        and doc[i + 2].lower_ == "long"
    )


def _ends_a_clock(token: Token) -> bool:
    """ "16:08", "5 p.m.", "0730": a token a clock time ends with."""
    word = token.lower_
    return word[-1:].isdigit() or word.rstrip(".") in ("a.m", "p.m", "am", "pm")


def _same_period_start(doc: Doc, start: int, taken: bytearray) -> int:
    """Where "the same period (of)" begins before ``start`` ("... last year"), else ``start``."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "of":
        i -= 1
    if i < 0 or taken[i] or doc[i].lower_ not in SAME_PERIOD_NOUNS:
        return start
    i -= 1
    if i < 0 or doc[i].lower_ not in SAME_PERIOD_ADJECTIVES:
        return start
    return i - 1 if i > 0 and doc[i - 1].lower_ == "the" else i


def _names_a_report_period(doc: Doc, i: int) -> bool:
    """ "period" or "quarter" at ``i`` after a year or "year-ago": an earnings story's period."""
    before = doc[i - 1]
    return doc[i].lower_ in REPORT_NOUNS and (
        before.lower_ in ("ago", "earlier") or bool(_YEAR_TOKEN_RE.fullmatch(before.text))
    )


def _adjacent(doc: Doc, end: int, start: int) -> bool:
    """Nothing but a comma between a candidate ending at ``end`` and one at ``start``."""
    return start == end or (start == end + 1 and doc[end].text == ",")


def _value(doc: Doc, start: int, end: int, anchor: _Anchor) -> _Read | None:
    start, end = _trim(doc, start, end)
    if start >= end:
        return None
    span = doc[start:end]
    past, told, either = _tense(span)
    timex = normalise(
        span.text,
        anchor.day,
        past_bias=past,
        reported=anchor.reported,
        told_past=past and told,
        told_future=not past and told,
    )
    if timex is None or _is_a_fraction(doc, span) or _names_a_kind(span):
        return None
    if either:  # a plan or a deadline: the day nearest the anchor, ahead or behind
        behind = normalise(span.text, anchor.day, past_bias=True, reported=anchor.reported)
        timex = _nearer(timex, behind, anchor.day)
    if _is_some_day_ahead(doc, span):
        timex = Timex("DATE", "FUTURE_REF")  # "will one day be": some time ahead, not a day long
    elif timex.type == "DURATION" and _counts_ahead(doc, span, past):
        timex = normalise(span.text + " from now", anchor.day) or timex
    if timex.type == "DURATION" and end - start > 1 and doc[end - 1].lower_ in SIGNAL_WORDS:
        end -= 1  # "three days later": the duration; "later" is a signal, outside the extent
    if end < len(doc) and doc[end].lower_ in ENDING_WORDS and _is_bare_year(span):
        timex = Timex("DURATION", "P1Y")  # "the year ended June 30": a fiscal year, its length
    return start, end, timex


def _names_a_kind(span: Span) -> bool:
    """ "its quarterly dividend", "the first quarterly loss": a kind of payment or report,
    not a time (the model tags it DATE; TimeBank leaves it unmarked)."""
    return (
        len(span) == 1
        and span[0].lower_ in KIND_ADJECTIVES
        and span[0].dep_ in NOUN_MODIFIER_DEPS
        and span[0].head.pos_ in ("NOUN", "PROPN")
    )


def _nearer(ahead: Timex, behind: Timex | None, day: dt.date | None) -> Timex:
    """Of two readings of a day, the one nearer ``day``; ``ahead`` on a tie or when either
    is no calendar day."""
    if behind is None or day is None:
        return ahead
    if isinstance(day, dt.datetime):
        day = day.date()
    first, second = _DAY_VALUE_RE.match(ahead.value), _DAY_VALUE_RE.match(behind.value)
    if first is None or second is None:
        return ahead
    gap_ahead = abs((dt.date.fromisoformat(first.group()) - day).days)
    gap_behind = abs((dt.date.fromisoformat(second.group()) - day).days)
    return behind if gap_behind < gap_ahead else ahead


def _counts_ahead(doc: Doc, span: Span, past: bool) -> bool:
    """ "would be redeemed in five years", "will close in two weeks": "in" and a counted
    duration after a verb that looks ahead is the date that far from now."""
    return (
        not past
        and span.start > 0
        and doc[span.start - 1].lower_ == "in"
        and doc[span.start - 1].head.pos_ in ("VERB", "AUX")  # not "the first time in 48 years"
        and (span[0].like_num or span[0].lower_ in ("a", "an"))
        and not any(c.dep_ == "relcl" for c in span.root.children)  # "in a quarter that ..."
        and any(c.dep_ == "aux" and c.lower_ in AHEAD_MODALS for c in _verb_children(span))
    )


def _verb_children(span: Span) -> list[Token]:
    verb = _governing_verb(span.root)
    return [] if verb is None else list(verb.children)


def _is_some_day_ahead(doc: Doc, span: Span) -> bool:
    """ "one day" right after a modal ("could one day replace"): a vague future."""
    return (
        span.text.lower() in ("one day", "some day", "someday")
        and span.start > 0
        and doc[span.start - 1].tag_ == "MD"
    )


def _is_a_fraction(doc: Doc, span: Span) -> bool:
    """ "three-quarters of its food", "a quarter of the market": a share, not a time."""
    last = span[-1].lower_
    return (
        last.endswith(("quarter", "quarters"))
        and span.end < len(doc)
        and doc[span.end].lower_ == "of"
        and not any(token.lower_ in QUARTER_ORDINALS for token in span)
        and not (len(span) > 1 and span[-2].lower_ in UNIT_ADJECTIVES)  # "two straight quarters"
    )


def _is_bare_year(span: Span) -> bool:
    """ "the year", "the fiscal year", "its year" and nothing more."""
    return [t.lower_ for t in span if t.lower_ not in YEAR_DETERMINERS] == ["year"]


def _trim(doc: Doc, start: int, end: int) -> _Range:
    """Cut the candidate to its TIMEX3 extent."""
    while start < end and (
        doc[start].lower_ in LEADING_WORDS
        or doc[start].lower_ in FOCUS_WORDS
        or _is_verb_last(doc[start])
        or (doc[start].is_punct and not _opens_a_short_year(doc, start, end))
        or doc[start].is_space
        or (doc[start].lower_ in SIGNAL_WORDS and _before_a_preposition(doc, start + 1, end))
        or (doc[start].lower_ == "the" and doc[start + 1 : start + 2].text.lower() == "the")
    ):
        start += 1  # the first of a doubled "the" too: a typo ("at the the end of November")
    while end > start and (
        doc[end - 1].lower_ in TRAILING_WORDS
        or doc[end - 1].lower_ in TRAILING_CONNECTIVES
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
    ):
        end -= 1
    if end - start > 1 and doc[start].lower_ == "the" and _modifies_noun_outside(doc[start:end]):
        start += 1
    elif end - start > 1 and doc[start].lower_ in ("a", "an") and _names_a_day(doc[start + 1]):
        start += 1  # "an Aug. 10, 1988, agreement", "a Friday meeting": the article is the noun's
    return start, end


def _opens_a_short_year(doc: Doc, i: int, end: int) -> bool:
    """The apostrophe of "'82" or "'90s" when the tokenizer split it off the digits."""
    return (
        doc[i].text in ("'", "’")
        and not doc[i].whitespace_
        and i + 1 < end
        and bool(_SHORT_YEAR_DIGITS_RE.fullmatch(doc[i + 1].text))
    )


def _names_a_day(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return word in MONTHS or word in WEEKDAYS


def _before_a_preposition(doc: Doc, i: int, end: int) -> bool:
    """ "later [in] the day": a signal and its preposition lead into the expression."""
    return i < end - 1 and doc[i].lower_ in LEADING_WORDS


def _modifies_noun_outside(span: Span) -> bool:
    """True for "the 2025 budget" read as "[the [2025] budget]": "the" is the noun's."""
    root = span.root
    return bool(root.dep_ in NOUN_MODIFIER_DEPS and not span.start <= root.head.i < span.end)


def _tense(span: Span) -> tuple[bool, bool, bool]:
    """(past, told, either): past is also the default when unsure; told when the verb
    states it: a past tense ("met"), or the future ("will meet"). A verb of planning ("was
    scheduled for December") tells of what is ahead. Either when a plan or a deadline is
    told in the past ("planned to leave on Thursday", "has given them until Tuesday"):
    the date may have come or not, so the caller takes the reading nearest the anchor."""
    token = span.root
    while token.dep_ == "compound" and _is_time_word(token.head.lower_):  # "January-[June]"
        token = token.head
    if token.dep_ in NOUN_MODIFIER_DEPS:  # "Tuesday's meeting", "the Oct. 23 slaying": done,
        return not _awaited(token.head), False, False  # unless awaited ("ahead of Monday's")
    if _awaited(token):  # "ahead of the weekend", "pending Friday"
        return False, False, False
    if token.head.lower_ == "since":  # "is down 5% since March": whatever the verb, behind us
        return True, True, False
    verb = _governing_verb(token)
    if verb is None:
        return True, False, False
    if _told_a_plan(verb) or _plans_an_event(verb, token):
        return False, False, True
    past = _is_past(verb)
    if not past:
        return False, _states_future(verb), False
    planned = verb.lemma_ in PLAN_VERBS or verb.head.lemma_ in PLAN_VERBS
    deadline = token.head.lower_ in DEADLINE_WORDS or token.head.head.lower_ in DEADLINE_WORDS
    if deadline and _in_present_perfect(verb):  # "has given them until Tuesday"
        return False, False, True
    return True, not planned and not deadline, False


def _plans_an_event(verb: Token, token: Token) -> bool:
    """ "Protesters planned a rally on Saturday": a finite past verb of planning with an
    object, the date after them both (not "On Friday, the government planned ...")."""
    return (
        verb.tag_ == "VBD"
        and verb.lemma_ in PLAN_AHEAD_VERBS
        and any(c.dep_ == "dobj" and c.i < token.i for c in verb.children)
    )


def _in_present_perfect(verb: Token) -> bool:
    """ "has given", "have kept ... closed": the verb, or one it hangs on, has a present "have"."""
    for _ in range(PERFECT_HOPS):
        if any(
            c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in PRESENT_TAGS for c in verb.children
        ):
            return True
        finite = verb.tag_ not in NON_FINITE_TAGS or any(
            c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children
        )
        if finite or verb.head.i == verb.i or verb.dep_ not in CLAUSE_CHAIN_DEPS:
            return False  # a clause of its own ("said the market was closed"): its own tense
        verb = verb.head
    return False


def _states_future(verb: Token) -> bool:
    """ "will meet", "'ll be named": the future, stated (not "would", a plan reported)."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in STATED_FUTURE for c in verb.children)


def _awaited(noun: Token) -> bool:
    """ "ahead of Monday's summit", "pending Friday's vote": the noun is still to come."""
    prep = noun.head
    if prep.dep_ != "prep" and prep.lower_ == "of":
        prep = prep.head
    word = prep.lower_
    return word in AWAITING_WORDS or (word == "of" and prep.head.lower_ in AWAITING_WORDS)


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` that carries a tense."""
    for _ in range(MAX_VERB_HOPS):
        if token.pos_ in ("VERB", "AUX") and not _is_bare_participle(token):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _is_bare_participle(verb: Token) -> bool:
    """ "closing unchanged Friday": an -ing form without "is" has the tense of its head."""
    return bool(verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children))


def _modal_ahead(verb: Token, auxiliaries: list[Token]) -> bool:
    """A modal that looks ahead ("may meet", "should be done"), not one with "have"
    ("should have met") nor a negated "could" ("could not be reached")."""
    modals = {aux.lower_ for aux in auxiliaries if aux.tag_ == "MD"}
    if not modals & FUTURE_MODALS or any(aux.lemma_ == "have" for aux in auxiliaries):
        return False
    negated = any(child.dep_ == "neg" for child in verb.children)
    return not (negated and modals <= {"could"})


def _bare_plan_participle(verb: Token) -> bool:
    """ "set", "scheduled", "expected" with no auxiliary, as in "the talks, set to resume
    Monday": a reduced clause that tells of a plan."""
    return (
        verb.tag_ == "VBN"
        and verb.lemma_ in PLAN_VERBS
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _is_bare_infinitive(verb: Token) -> bool:
    """ "let the offensive begin", "made them leave": a base form with no auxiliary, the
    complement of another verb, which has the tense."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ in ("ccomp", "xcomp", "conj")
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _told_a_plan(verb: Token) -> bool:
    """ "planned to leave", told in the past; not "is scheduled to close" nor "the talks,
    set to resume", which are ahead."""
    return _plans_ahead(verb) and not _bare_plan_participle(verb.head) and _is_past(verb.head)


def _plans_ahead(verb: Token) -> bool:
    """ "planned to leave", "were planning to drive", "did not plan to remove": an infinitive
    a verb of planning governs, not in the pluperfect ("had been scheduled to expire")."""
    governor = verb.head
    return (
        verb.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and governor.lemma_ in PLAN_AHEAD_VERBS
        and not any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in governor.children)
    )


def _is_past(verb: Token, depth: int = 0) -> bool:
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {aux.lower_ for aux in auxiliaries}
    if verb.lower_ in FUTURE_AUXILIARIES or words & FUTURE_AUXILIARIES:
        return False
    if _modal_ahead(verb, auxiliaries):  # "should be completed in October"
        return False
    if "to" in words:  # "plans to meet", "was due to expire": the tense of what governs it
        governor = _governing_verb(verb.head) if depth == 0 and verb.head.i != verb.i else None
        if governor is not None and _bare_plan_participle(governor):
            return False  # "the talks, set to resume Monday": a plan, still ahead
        return False if governor is None else _is_past(governor, depth + 1)
    if _is_bare_infinitive(verb) and depth == 0:  # "let the offensive begin": let's tense
        return _is_past(verb.head, depth + 1)
    # a present passive ("are expected to meet", "is scheduled for") is a plan, like the
    # present; its participle makes it past only with a past or perfect auxiliary
    if verb.tag_ == "VBN" and any(
        aux.dep_ == "auxpass" and aux.tag_ in PRESENT_TAGS for aux in auxiliaries
    ):
        return any(aux.tag_ in PAST_TAGS or aux.lemma_ == "have" for aux in auxiliaries)
    # past: "met", "was visiting", "have been searching"; present tense with a date
    # is mostly a plan ("is visiting on Friday", "meet Monday"): on TimeBank,
    # reading it as future beats reading it as past
    return verb.tag_ in PAST_TAGS or any(aux.tag_ in PAST_TAGS for aux in auxiliaries)
