"""Pure date helpers of the timeline: precision, covered days, shifting, weekdays."""

from __future__ import annotations

import datetime as dt

import pytest

from storytrace.timeline.dates import days, precision, shift, sort_key, story_value, weekday_of


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-10-14", "day"),
        ("2025-10-14T15:00", "time"),
        ("2025-10-14TMO", "time"),
        ("2025-W42", "week"),
        ("2025-10", "month"),
        ("2025-SU", "season"),
        ("2025-Q3", "quarter"),
        ("2025", "year"),
        ("199", "decade"),
        ("XXXX-10-14", None),
        ("PRESENT_REF", None),
        ("P2D", None),
        (None, None),
    ],
)
def test_precision(value: str | None, expected: str | None) -> None:
    assert precision(value) == expected


def test_days_covered() -> None:
    assert days("2025-10-14T09:30") == (dt.date(2025, 10, 14), dt.date(2025, 10, 14))
    assert days("2026-W10") == (dt.date(2026, 3, 2), dt.date(2026, 3, 8))
    assert days("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert days("2025-WI") == (dt.date(2025, 12, 1), dt.date(2026, 2, 28))
    assert days("2025-H2") == (dt.date(2025, 7, 1), dt.date(2025, 12, 31))
    assert days("2025-02-30") is None
    assert days("XXXX-10-14") is None


def test_shift_counts_at_the_values_precision() -> None:
    assert shift("2025-10-19", "P2D", "before") == "2025-10-17"
    assert shift("2025-12-31", "P1W", "after") == "2026-01-07"
    assert shift("2025-03-31", "P1M", "before") == "2025-02-28"
    assert shift("2025-10", "P1Y", "after") == "2026-10"
    assert shift("2025-10", "P2D", "before") is None  # no day to count from
    assert shift("2025-10-19", "PXD", "before") is None


def test_weekday_only_expressions() -> None:
    assert weekday_of("Friday") == 4
    assert weekday_of("late on Thursday") == 3
    assert weekday_of("Tuesday night") == 1
    assert weekday_of("Friday, October 17") is None  # a calendar date
    assert weekday_of("yesterday") is None


def test_sort_key_puts_dated_first_then_placeholders_then_undated() -> None:
    values = [None, "XXXX-10-14", "2025-10", "2025-10-14", "2025-W42"]
    assert sorted(values, key=sort_key) == [
        "2025-10",
        "2025-W42",
        "2025-10-14",
        "XXXX-10-14",
        None,
    ]


def test_story_value_completes_only_a_missing_year() -> None:
    reference = dt.date(2025, 11, 20)
    assert story_value("14 October", "XXXX-10-14", reference) == "2025-10-14"
    # the nearest year, a step into the future counting double
    assert story_value("January 3", "XXXX-01-03", reference) == "2026-01-03"
    assert story_value("June 1", "XXXX-06-01", reference) == "2025-06-01"
    assert story_value("Friday", "XXXX-WXX-5", reference) is None
    assert story_value("yesterday", "XXXX-XX-XX", reference) is None
