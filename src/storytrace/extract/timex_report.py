"""Business-news periods: the quarter an earnings story reports on, and its year-ago twin.

An earnings story ("Acme earned $5 million in the third quarter, up from $4
million a year earlier") says "the quarter", "the latest period", "the
year-ago quarter" and "a year earlier" for the quarter it reports and the same
quarter one year before (TimeBank's practice: 1989-Q3 and 1988-Q3). The caller
knows the story's reported quarter (see :func:`storytrace.extract.time`); this
module only reads the phrase. Tokens come lower-cased from
:mod:`storytrace.extract.timex` ("year-ago" is ``("year", "ago")``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

__all__ = ["QUARTER_ORDINALS", "REPORT_TRIGGERS", "last_completed_quarter", "report_value"]

#: nouns that name the reported period ("the latest period" is a quarter in an earnings story)
REPORT_NOUNS: Final = frozenset({"quarter", "period"})
#: words before the noun that leave the period as it is ("the comparable year-ago quarter")
REPORT_ADJECTIVES: Final = frozenset({"latest", "comparable", "corresponding", "same", "fiscal"})
#: words that say the phrase is the reported period itself, not any quarter
LATEST_WORDS: Final = frozenset({"latest"})
#: the year-ago markers, longest first: "the quarter a year ago", "last year's quarter"
YEAR_AGO: Final[tuple[tuple[str, ...], ...]] = (
    ("a", "year", "earlier"), ("a", "year", "ago"), ("last", "year"), ("prior", "year"),
    ("year", "earlier"), ("year", "ago"),
)  # fmt: skip
#: markers that name a year by themselves ("last year"): a period only with a noun
YEAR_ONLY: Final = frozenset({("last", "year"), ("prior", "year")})
#: markers that count from the anchor by themselves ("a year ago"): outside an
#: earnings story :mod:`storytrace.extract.timex` reads them as it reads "two years ago"
COUNTED: Final = frozenset({("a", "year", "ago")})
QUARTER_ORDINALS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "q1": 1, "q2": 2, "q3": 3, "q4": 4,
}  # fmt: skip
#: any of these in a phrase sends it here first (a cheap test before the real one)
REPORT_TRIGGERS: Final = frozenset({"quarter", "period", "ago", "earlier"})
_YEAR_RE: Final = re.compile(r"[12]\d{3}")
_QUARTER_VALUE_RE: Final = re.compile(r"(\d{4})-Q([1-4])")


def last_completed_quarter(day: dt.date) -> str:
    """The quarter before ``day``'s: what a company reports on in the weeks after it ends."""
    index = day.year * 4 + (day.month - 1) // 3 - 1
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def _find(words: list[str], marker: tuple[str, ...]) -> int:
    n = len(marker)
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) == marker:
            return i
    return -1


def report_value(
    t: tuple[str, ...], day: dt.date | None, reported: str | None, definite: bool
) -> str | None:
    """The DATE value of ``t`` as the reported quarter or its year-ago twin, else None.

    ``reported`` is the story's reported quarter ("1989-Q3"), None outside an
    earnings story; ``day`` is the anchor; ``definite`` says a "the" went.
    """
    if day is None:
        return None
    words = list(t)
    marker: tuple[str, ...] | None = None
    for candidate in YEAR_AGO:
        at = _find(words, candidate)
        if at >= 0:
            marker, words = candidate, words[:at] + words[at + len(candidate) :]
            break
    year: int | None = None
    quarter: int | None = None
    latest = False
    rest: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if _YEAR_RE.fullmatch(word) and year is None:
            year = int(word)
        elif word in QUARTER_ORDINALS and following == "quarter":
            quarter = QUARTER_ORDINALS[word]
        elif word in REPORT_ADJECTIVES:
            latest = latest or word in LATEST_WORDS
        else:
            rest.append(word)
    if len(rest) > 1 or (rest and rest[0] not in REPORT_NOUNS) or (marker and year):
        return None
    noun = rest[0] if rest else None
    if noun is None:
        # "year-ago", "a year earlier": the year-ago period; "last year" alone is a year
        if marker is None or marker in YEAR_ONLY or quarter or year:
            return None
        if reported is None:
            return None if marker in COUNTED else f"{day.year - 1:04d}"
    elif quarter is not None:
        if marker is None and year is None:
            return None  # "the third quarter": a calendar quarter, read by the tense
    elif not (marker or year or latest or (noun == "quarter" and definite)):
        return None  # "the period", "a quarter": not the reported one
    shift = -1 if marker else 0
    if quarter is not None:
        base_year = year if year is not None else day.year
        return f"{base_year + shift:04d}-Q{quarter}"
    current = _QUARTER_VALUE_RE.fullmatch(reported or last_completed_quarter(day))
    if current is None:  # a reported quarter that is no quarter: nothing to count from
        return None
    if year is not None:  # "the 1988 period": the reported quarter of that year
        return f"{year:04d}-Q{current.group(2)}" if reported else f"{year:04d}"
    return f"{int(current.group(1)) + shift:04d}-Q{current.group(2)}"
