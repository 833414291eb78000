"""When the main event happened when its own clause does not say: the first time
expression of the article's opening sentences that names a day, else the article's
first calendar date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from storytrace.extract.event_lead import DAY_VALUE, opening_end

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as DocSpan

    from storytrace.records import TimeExpression

__all__ = [
    "CALENDAR_DATE",
    "WHEN_SENTENCES",
    "first_date",
    "lead_time",
    "names_a_day",
    "with_its_day",
]

#: the main event's day is looked for in this many opening sentences (the headline
#: counts as one): tuned on giveme5w1h-dev
WHEN_SENTENCES: Final = 5
#: a time of day and the day after it are one time within this many tokens
#: ("11am local time on Sunday")
MAX_DAY_GAP: Final = 4
#: entity labels whose words are a name, not a time ("USA TODAY", "Good Morning Britain")
NAME_LABELS: Final = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "PERSON", "EVENT"})
#: a TIMEX3 value of a calendar day ("November 8, 2016"; not a weekday, not "today")
CALENDAR_DATE: Final = re.compile(r"^\d{4}-\d\d-\d\d")
MONTHS: Final = frozenset({
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
})  # fmt: skip
#: a calendar date this many days from the publication date at most is the news's own
#: date: a wider window took the older dates of quoted posts (tried on giveme5w1h-dev)
MAX_NEWS_AGE_DAYS: Final = 1
#: an ordinal alone: "the 10th"
BARE_ORDINAL: Final = re.compile(r"^(?:the\s+)?\d+(?:st|nd|rd|th)$", re.IGNORECASE)
#: words that name a day or a part of one
DAY_WORDS: Final = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening",
    "night", "midnight", "noon", "overnight", "weekend", "day", "hours",
})  # fmt: skip
#: a date all in numbers: "6/11/2016", "2016-11-06"
NUMERIC_DATE: Final = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")


def lead_time(
    doc: Doc, times: Sequence[tuple[TimeExpression, DocSpan]]
) -> tuple[TimeExpression, DocSpan] | None:
    """The first time expression of the opening sentences that names a day (a year or
    a month there rarely dates the event: "World Series 2016", "in 1908"), and is
    not part of a name."""
    end = opening_end(doc, WHEN_SENTENCES)
    for n, (time, span) in enumerate(times):
        if span.end > end:
            break
        if DAY_VALUE.match(time.value) and not _in_name(span) and names_a_day(span):
            return with_its_day((time, span), times[n + 1 :])
    return None


def names_a_day(span: DocSpan) -> bool:
    """Whether a time's own words name a day: a number, a weekday, a month, or a day
    word ("yesterday", "Sunday night"); not a bare ordinal ("in the 10th": an inning
    as often as a date) nor a word the value was guessed for ("last-minute")."""
    if BARE_ORDINAL.match(span.text):
        return False
    return any(
        any(c.isdigit() for c in t.text)
        or t.lower_.rstrip(".")[:3] in MONTHS
        or t.lower_ in DAY_WORDS
        for t in span
    )


def first_date(
    times: Sequence[tuple[TimeExpression, DocSpan]], published: dt.date | None
) -> tuple[TimeExpression, DocSpan] | None:
    """The article's first calendar date written out ("November 8, 2016") that is
    within a day of its publication, not part of a name: with no day in its opening,
    the date the article gives for what it reports as news (a statement, a post it
    quotes). An older date dates background ("a post of October 29"); with no
    publication date, none is taken."""
    if published is None:
        return None
    for time, span in times:
        if time.type != "DATE" or not CALENDAR_DATE.match(time.value) or _in_name(span):
            continue
        try:
            day = dt.date.fromisoformat(time.value[:10])
        except ValueError:
            continue
        if abs((day - published).days) <= MAX_NEWS_AGE_DAYS and _written_out(span):
            return time, span
    return None


def _written_out(span: DocSpan) -> bool:
    """A date that names its month and day ("Nov 6", "November 8, 2016") or is all
    numbers ("6/11/2016"), not a relative one ("Sunday", "today") whose day is a guess."""
    words = [t.lower_.rstrip(".") for t in span]
    if any(w[:3] in MONTHS and w.isalpha() for w in words):
        return any(t.like_num for t in span)
    return bool(NUMERIC_DATE.search(span.text))


def with_its_day(
    found: tuple[TimeExpression, DocSpan], times: Sequence[tuple[TimeExpression, DocSpan]]
) -> tuple[TimeExpression, DocSpan]:
    """A time of day with the day that follows it in ``times`` ("at 11am local time
    on Sunday"): one expression, the day's date at that hour."""
    time, span = found
    later = [(t, s) for t, s in times if s.start >= span.end]
    if time.type != "TIME" or not later:
        return time, span
    day, day_span = later[0]
    if day.type != "DATE" or not DAY_VALUE.match(day.value):
        return time, span
    if day_span.start - span.end > MAX_DAY_GAP:
        return time, span
    doc = span.doc
    joined = doc[span.start : day_span.end]
    hour = time.value.partition("T")[2]
    value = f"{day.value[:10]}T{hour}" if hour else day.value
    merged = replace(time, end=day.end, text=joined.text, value=value)
    return merged, joined


def _in_name(span: DocSpan) -> bool:
    before = span.doc[span.start - 1] if span.start else None
    if span.text.isupper() and before is not None and before.is_upper and before.is_alpha:
        return True  # "USA TODAY", whatever the model tagged it
    # a name around the time expression, longer than it
    return any(
        e.label_ in NAME_LABELS and e.start <= span.start and span.end <= e.end and e != span
        for e in span.doc.ents
    )
