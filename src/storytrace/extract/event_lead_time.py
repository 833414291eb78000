"""When the main event happened when its own clause does not say: the first time
expression of the article's opening sentences that names a day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from storytrace.extract.event_lead import DAY_VALUE, opening_end

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as DocSpan

    from storytrace.records import TimeExpression

__all__ = ["WHEN_SENTENCES", "lead_time", "with_its_day"]

#: the main event's day is looked for in this many opening sentences (the headline
#: counts as one): tuned on giveme5w1h-dev
WHEN_SENTENCES: Final = 5
#: a time of day and the day after it are one time within this many tokens
#: ("11am local time on Sunday")
MAX_DAY_GAP: Final = 4
#: entity labels whose words are a name, not a time ("USA TODAY", "Good Morning Britain")
NAME_LABELS: Final = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "PERSON", "EVENT"})


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
        if DAY_VALUE.match(time.value) and not _in_name(span):
            return with_its_day((time, span), times[n + 1 :])
    return None


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
