"""Dates on the timeline: how precise a TIMEX3 value is, which days it covers,
counting from another event, weekdays, and completing a partial date from the story.

Pure functions over TIMEX3 value strings (``2025-10-14``, ``2025-10``,
``2025-W42``, ``XXXX-10-14``); no spaCy.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final, Literal

from storytrace.extract.timex import MONTHS, WEEKDAYS, normalise
from storytrace.records import DatePrecision

__all__ = [
    "PARTIAL_DATE",
    "days",
    "precision",
    "shift",
    "sort_key",
    "story_value",
    "weekday_name",
    "weekday_of",
]

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(?:-(?:WE|\d))?$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4})-([QH])(\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
#: a date whose year alone is missing (``XXXX-10-14``, ``XXXX-10``): what the story may complete
PARTIAL_DATE: Final = re.compile(r"^XXXX-(\d\d)(?:-(\d\d))?$")
_OFFSET = re.compile(r"^P(\d+)([DWMY])$")
#: first month of each season (winter is the one starting in December)
_SEASON_START: Final = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_WORD = re.compile(r"[a-z]+")


def precision(value: str | None) -> DatePrecision | None:
    """How precise a TIMEX3 value is as a date; None when it names no date."""
    if not value:
        return None
    if _DAY.match(value):
        return "time" if "T" in value else "day"
    for pattern, name in (
        (_WEEK, "week"),
        (_MONTH, "month"),
        (_SEASON, "season"),
        (_QUARTER, "quarter"),
        (_YEAR, "year"),
        (_DECADE, "decade"),
    ):
        if pattern.match(value):
            return name  # type: ignore[return-value]
    return None


def days(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a dated value covers; None when it covers none."""
    try:
        return _days(value)
    except ValueError:
        return None


def _days(value: str) -> tuple[dt.date, dt.date] | None:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _MONTH.match(value):
        return _months(int(m[1]), int(m[2]), 1)
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    if m := _SEASON.match(value):
        return _months(int(m[1]), _SEASON_START[m[2]], 3)
    if m := _QUARTER.match(value):
        length = 3 if m[2] == "Q" else 6
        return _months(int(m[1]), (int(m[3]) - 1) * length + 1, length)
    if m := _YEAR.match(value):
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    if m := _DECADE.match(value):
        return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
    return None


def _months(year: int, month: int, count: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    last_index = year * 12 + month - 1 + count - 1
    last_year, last_month = divmod(last_index, 12)
    last_day = calendar.monthrange(last_year, last_month + 1)[1]
    return first, dt.date(last_year, last_month + 1, last_day)


def sort_key(value: str | None) -> tuple[int, str, str]:
    """Timeline order: dated values by their first day (coarser after finer on the
    same day), then values with placeholders, then undated."""
    covered = days(value) if value else None
    if covered is not None:
        return 0, covered[0].isoformat(), covered[1].isoformat()
    return (1, value, "") if value else (2, "", "")


def shift(value: str, offset: str, direction: Literal["before", "after"]) -> str | None:
    """``value`` moved by the TIMEX3 duration ``offset`` ("P2D"), at the value's precision.

    Days and weeks move a day; months and years move a day or a month. None
    when either is coarser than that ("P2D" from "2025-10": no day to count from).
    """
    found = _OFFSET.match(offset)
    if found is None:
        return None
    n = int(found[1]) * (-1 if direction == "before" else 1)
    unit = found[2]
    day = _DAY.match(value)
    parts = day or _MONTH.match(value)
    try:
        if day and unit in "DW":
            base = dt.date(int(day[1]), int(day[2]), int(day[3]))
            return (base + dt.timedelta(days=n * (7 if unit == "W" else 1))).isoformat()
        if parts and unit in "MY":
            months = int(parts[1]) * 12 + int(parts[2]) - 1 + n * (12 if unit == "Y" else 1)
            year, month0 = divmod(months, 12)
            if day:
                last = calendar.monthrange(year, month0 + 1)[1]
                return dt.date(year, month0 + 1, min(int(day[3]), last)).isoformat()
            return f"{year:04d}-{month0 + 1:02d}"
    except (ValueError, OverflowError):
        return None
    return None


def weekday_of(text: str) -> int | None:
    """The weekday (Monday 0) a time expression names when it names one and no
    calendar date ("Friday", "late on Thursday", "Tuesday night"); else None."""
    words = _WORD.findall(text.lower())
    if any(w in MONTHS for w in words) or any(c.isdigit() for c in text):
        return None
    named = {WEEKDAYS[w] for w in words if w in WEEKDAYS}
    return named.pop() if len(named) == 1 else None


def weekday_name(day: int) -> str:
    return calendar.day_name[day]


def story_value(text: str, value: str, reference: dt.date) -> str | None:
    """A partial date (``XXXX-10-14`` from "14 October") completed against ``reference``.

    Only a value missing nothing but its year is completed: its month names it
    to within a year, and the story's dates pick the year (the one nearest
    ``reference``, past preferred: news reports what has happened). Weekdays and
    "yesterday" are not: which week they fall in needs the article's own date.
    """
    if not PARTIAL_DATE.match(value):
        return None
    timex = normalise(text, reference, past_bias=True)
    if timex is None or not timex.anchored or precision(timex.value) not in ("day", "month"):
        return None
    return timex.value
