"""The TIMEX3 normaliser: exact values for phrases, with and without an anchor."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.extract.timex import MAX_PHRASE_CHARS, Timex, normalise

TUESDAY = dt.date(2025, 10, 14)
WEDNESDAY = dt.date(2025, 10, 22)  # ISO week 43
SEED_DAY = dt.date(2025, 11, 20)
SPRING = dt.date(2025, 4, 20)


def value(text: str, anchor: dt.date | None = TUESDAY, *, past: bool = True) -> str | None:
    found = normalise(text, anchor, past_bias=past)
    return None if found is None else found.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 October", "2025-10-14"),
        ("October 19", "2025-10-19"),
        ("Oct. 19, 2025", "2025-10-19"),
        ("October 19th", "2025-10-19"),
        ("the 19th of October", "2025-10-19"),
        ("Monday, Oct. 13", "2025-10-13"),
        ("October 2024", "2024-10"),
        ("October of last year", "2024-10"),
        ("14 October last year", "2024-10-14"),
        ("2026", "2026"),
        ("in 2026", "2026"),
        ("mid-2025", "2025"),
        ("fiscal 2024", "2024"),
        ("back in April", "2025-04"),
        ("in late September", "2025-09"),
        ("May", "2025-05"),
        ("the 14th", "2025-10-14"),
        ("the 1990s", "199"),
        ("the '90s", "199"),
        ("the nineties", "199"),
        ("the 2000s", "200"),
        ("the 20th century", "19"),
        ("the twenty-first century", "20"),
        ("this century", "20"),
        ("2025-10-14", "2025-10-14"),
        ("10/14/2025", "2025-10-14"),
        ("Christmas", "2025-12-25"),
        ("Thanksgiving", "2025-11-27"),
        ("the third quarter", "2025-Q3"),
        ("third-quarter", "2025-Q3"),
        ("Q3 2024", "2024-Q3"),
        ("the first half of 2025", "2025-H1"),
        ("summer 2024", "2024-SU"),
        ("last summer", "2025-SU"),
        ("next spring", "2026-SP"),
    ],
)
def test_calendar_dates(text: str, expected: str) -> None:
    assert normalise(text, TUESDAY) == Timex("DATE", expected, True)


@pytest.mark.parametrize(
    ("text", "past", "expected"),
    [
        ("on Friday", True, "2025-10-17"),
        ("on Friday", False, "2025-10-24"),
        ("Friday", True, "2025-10-17"),
        ("Wednesday", True, "2025-10-22"),  # the anchor's own weekday is the anchor
        ("Wednesday", False, "2025-10-22"),
        ("Tuesday", True, "2025-10-21"),
        ("Tuesday", False, "2025-10-28"),
        ("last Friday", False, "2025-10-17"),
        ("next Friday", True, "2025-10-24"),
        ("this Friday", True, "2025-10-24"),
        ("last Wednesday", True, "2025-10-15"),
        ("next Wednesday", True, "2025-10-29"),
        ("early Tuesday", True, "2025-10-21"),
    ],
)
def test_weekdays_follow_the_tense(text: str, past: bool, expected: str) -> None:
    assert normalise(text, WEDNESDAY, past_bias=past) == Timex("DATE", expected, True)


@pytest.mark.parametrize(
    ("text", "anchor", "past", "expected"),
    [
        ("Thanksgiving Day", dt.date(2000, 4, 3), True, "1999-11-25"),  # the tense decides
        ("Thanksgiving Day", dt.date(2000, 4, 3), False, "2000-11-23"),
        ("Thanksgiving 1998", dt.date(2000, 4, 3), False, "1998-11-26"),
        ("Election Day", dt.date(1998, 10, 26), False, "1998-11-03"),  # after the 1st Monday
        ("Labor Day", SPRING, True, "2024-09-02"),
        ("Memorial Day", SPRING, True, "2025-05-26"),  # the last Monday of May, a month on
        ("Mother's Day", SPRING, False, "2025-05-11"),
        ("Presidents' Day", SPRING, True, "2025-02-17"),
        ("Easter", SPRING, True, "2025-04-20"),
        ("Easter", dt.date(2024, 1, 10), False, "2024-03-31"),
        ("Good Friday", dt.date(2000, 4, 3), False, "2000-04-21"),
        ("Easter Monday 2019", SPRING, True, "2019-04-22"),
        ("St. Patrick's Day", SPRING, True, "2025-03-17"),
        ("Veterans Day", SPRING, True, "2024-11-11"),
    ],
)
def test_holidays_fall_on_their_day_of_the_nearest_year(
    text: str, anchor: dt.date, past: bool, expected: str
) -> None:
    assert value(text, anchor, past=past) == expected


def test_a_movable_holiday_without_an_anchor_keeps_its_month() -> None:
    assert normalise("Labor Day", None) == Timex("DATE", "XXXX-09-XX", False)
    assert normalise("Easter", None) == Timex("DATE", "XXXX-XX-XX", False)


@pytest.mark.parametrize(
    ("text", "past", "expected"),
    [
        ("14 October", True, "2024-10-14"),  # half a year back beats half a year ahead
        ("14 October", False, "2025-10-14"),
        ("March", True, "2025-03"),
        ("September 1", True, "2024-09-01"),  # 231 days back < 2 x 134 ahead
        ("September 1", False, "2025-09-01"),
        ("December 28", False, "2024-12-28"),  # 2 x 113 days back < 252 ahead
        ("April 25", True, "2025-04-25"),  # five days ahead still beats a year back
    ],
)
def test_partial_dates_take_the_nearest_year_weighted_by_tense(
    text: str, past: bool, expected: str
) -> None:
    assert value(text, SPRING, past=past) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", "2025-10-21"),
        ("today", "2025-10-22"),
        ("tomorrow", "2025-10-23"),
        ("the day before yesterday", "2025-10-20"),
        ("last week", "2025-W42"),
        ("this week", "2025-W43"),
        ("next week", "2025-W44"),
        ("earlier this week", "2025-W43"),
        ("last month", "2025-09"),
        ("this month", "2025-10"),
        ("earlier this month", "2025-10"),
        ("next month", "2025-11"),
        ("last year", "2024"),
        ("this year", "2025"),
        ("next year", "2026"),
        ("early next year", "2026"),
        ("later this year", "2025"),
        ("the end of the year", "2025"),
        ("the current fiscal year", "2025"),
        ("last quarter", "2025-Q3"),
        ("this past weekend", "2025-W42-WE"),
        ("the weekend", "2025-W42-WE"),
        ("next weekend", "2025-W44-WE"),
        ("two days ago", "2025-10-20"),
        ("10 days ago", "2025-10-12"),
        ("three weeks ago", "2025-10-01"),
        ("two months ago", "2025-08"),
        ("a year ago", "2024"),
        ("nearly four years ago", "2021"),
        ("a decade ago", "2015"),
        ("a year and a half ago", "2024-04"),
        ("a week or so ago", "2025-10-15"),
        ("a year from now", "2026"),
        ("years ago", "PAST_REF"),
        ("a while ago", "PAST_REF"),
        ("now", "PRESENT_REF"),
        ("right now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("until now", "PRESENT_REF"),
        ("at the moment", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the end of last year", "2024"),
        ("the second half of the year", "2025-H2"),
        ("the last half of 2024", "2024-H2"),
        ("this year's third quarter", "2025-Q3"),
        ("next year's first half", "2026-H1"),
        ("the final quarter of the year", "2025-Q4"),
        ("year-end", "2025"),
        ("year's end", "2025"),
        ("coming months", "FUTURE_REF"),
        ("the near term", "FUTURE_REF"),
        ("at a later date", "FUTURE_REF"),
        ("so far this year", "2025"),
        ("the past year", "2024"),
        ("over the past week", "2025-W42"),
        ("the last decade", "201"),
        ("the next century", "21"),
        ("the 1999 fiscal year", "1999"),
        ("in the coming weeks", "FUTURE_REF"),
        ("future quarters", "FUTURE_REF"),
        ("the last few months", "PAST_REF"),
        ("the past several quarters", "PAST_REF"),
        ("past years", "PAST_REF"),
        ("in the past", "PAST_REF"),
        ("the future", "FUTURE_REF"),
        ("in the near future", "FUTURE_REF"),
        ("soon", "FUTURE_REF"),
    ],
)
def test_relative_dates(text: str, expected: str) -> None:
    assert normalise(text, WEDNESDAY) == Timex("DATE", expected, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nearly four years", "P4Y"),
        ("five-minute", "PT5M"),
        ("five-minute call", "PT5M"),
        ("a five-minute phone call", "PT5M"),
        ("24-hour", "PT24H"),
        ("two-year", "P2Y"),
        ("Two days", "P2D"),
        ("twenty-five years", "P25Y"),
        ("twenty five years", "P25Y"),
        ("a hundred years", "P100Y"),
        ("six months", "P6M"),
        ("18 months", "P18M"),
        ("a week", "P1W"),
        ("a fortnight", "P2W"),
        ("three quarters", "P3Q"),
        ("a decade", "P10Y"),
        ("two decades", "P20Y"),
        ("a decade-long", "P10Y"),
        ("half an hour", "PT30M"),
        ("an hour and a half", "PT1H30M"),
        ("two and a half years", "P2Y6M"),
        ("2 1/2 years", "P2Y6M"),
        ("1/2 hour", "PT30M"),
        ("a day and a half", "P1DT12H"),
        ("at least 72 hours", "PT72H"),
        ("more than 1,000 days", "P1000D"),
        ("two more weeks", "P2W"),
        ("eight trading days", "P8D"),
        ("a couple of years", "P2Y"),
        ("years", "PXY"),
        ("decades", "PXDE"),
        ("centuries", "PXCE"),
        ("hours", "PTXH"),
        ("several weeks", "PXW"),
        ("a few days", "PXD"),
        ("many months", "PXM"),
        ("12 to 18 months", "PXM"),
        ("the last two years", "P2Y"),
        ("the past two months", "P2M"),
        ("the next four years", "P4Y"),
        ("the next few days", "PXD"),
        ("recent years", "PXY"),
        ("the weeks ahead", "PXW"),
        ("weeks or months", "PXW"),
        ("in recent weeks", "PXW"),
        ("the first nine months", "P9M"),
        ("three weeks later", "P3W"),
        ("a day earlier", "P1D"),
        ("two days before", "P2D"),
    ],
)
def test_durations(text: str, expected: str) -> None:
    assert normalise(text, TUESDAY) == Timex("DURATION", expected, True)


AFTER_Q3 = dt.date(1989, 10, 26)  # results season for the July-September quarter


@pytest.mark.parametrize(
    ("text", "reported", "expected"),
    [
        ("the quarter", "1989-Q3", "1989-Q3"),
        ("the latest quarter", "1989-Q3", "1989-Q3"),
        ("the latest period", "1989-Q4", "1989-Q4"),
        ("a year earlier", "1989-Q3", "1988-Q3"),
        ("a year ago", "1989-Q3", "1988-Q3"),
        ("year-earlier", "1989-Q3", "1988-Q3"),
        ("the year-ago period", "1989-Q3", "1988-Q3"),
        ("the comparable year-ago quarter", "1989-Q2", "1988-Q2"),
        ("last year's quarter", "1989-Q3", "1988-Q3"),
        ("the quarter a year ago", "1989-Q3", "1988-Q3"),
        ("the corresponding period last year", "1989-Q3", "1988-Q3"),
        ("the year-earlier third quarter", "1989-Q3", "1988-Q3"),
        ("the 1988 second quarter", "1989-Q3", "1988-Q2"),
        ("the 1988 quarter", "1989-Q3", "1988-Q3"),
        ("last year", "1989-Q3", "1988"),
        ("the third quarter", "1989-Q3", "1989-Q3"),
        # outside an earnings story
        ("the latest quarter", None, "1989-Q3"),
        ("a year earlier", None, "1988"),
        ("year-ago", None, "1988"),
        ("a year ago", None, "1988"),
        ("the same period", None, None),
        ("a quarter", None, "P1Q"),
    ],
)
def test_an_earnings_story_counts_from_the_quarter_it_reports(
    text: str, reported: str | None, expected: str | None
) -> None:
    found = normalise(text, AFTER_Q3, reported=reported)
    assert (found and found.value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the fiscal first quarter", "1989-Q1"),  # told in the past: not next year's
        ("the fourth quarter", "1989-Q4"),  # the current quarter has begun
    ],
)
def test_a_quarter_told_in_the_past_has_begun(text: str, expected: str) -> None:
    assert value(text, AFTER_Q3) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nineteen ninety-six", "1996"),
        ("in nineteen seventy-nine", "1979"),
        ("January nineteen ninety-seven", "1997-01"),
        ("the winter of nineteen ninety-four", "1994-WI"),
        ("the year two thousand", "2000"),
        ("two thousand and one", "2001"),
    ],
)
def test_years_said_aloud(text: str, expected: str) -> None:
    assert value(text) == expected


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        (False, "2026-01"),  # a guessed past: three months ahead beats nine back
        (True, "2025-01"),  # "sales rose in January": a past-tense verb holds it back
    ],
)
def test_a_past_tense_verb_holds_a_partial_date_in_the_past(told: bool, expected: str) -> None:
    found = normalise("January", dt.date(2025, 10, 22), past_bias=True, told_past=told)
    assert found is not None
    assert found.value == expected


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        (False, "2025-08"),  # a guessed future: two months back beats ten ahead
        (True, "2026-08"),  # "she will fly in August": a stated future holds it ahead
    ],
)
def test_a_stated_future_holds_a_partial_date_ahead(told: bool, expected: str) -> None:
    found = normalise("August", WEDNESDAY, past_bias=False, told_future=told)
    assert found is not None
    assert found.value == expected


def test_a_stated_future_still_reads_a_period_just_ended_as_past() -> None:
    """ "will publish its September figures", said in October: last month, not next year's."""
    found = normalise("September", WEDNESDAY, past_bias=False, told_future=True)
    assert found is not None
    assert found.value == "2025-09"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 p.m.", "2025-10-14T15:00"),
        ("3pm", "2025-10-14T15:00"),
        ("3:30 p.m. ET", "2025-10-14T15:30"),
        ("0730 GMT", "2025-10-14T07:30Z"),  # universal time: ISO 8601's "Z"
        ("16:08 UTC", "2025-10-14T16:08Z"),
        ("9:15 a.m. GMT", "2025-10-14T09:15Z"),
        ("10 a.m.", "2025-10-14T10:00"),
        ("12 a.m.", "2025-10-14T00:00"),
        ("15:45", "2025-10-14T15:45"),
        ("noon", "2025-10-14T12:00"),
        ("midnight", "2025-10-14T24:00"),
        ("midnight Friday", "2025-10-10T24:00"),
        ("three o'clock", "2025-10-14T03:00"),
        ("this morning", "2025-10-14TMO"),
        ("this afternoon", "2025-10-14TAF"),
        ("tonight", "2025-10-14TNI"),
        ("last night", "2025-10-13TNI"),
        ("yesterday afternoon", "2025-10-13TAF"),
        ("Friday night", "2025-10-10TNI"),
        ("Friday at 3 p.m.", "2025-10-10T15:00"),
        ("3 p.m. on Friday", "2025-10-10T15:00"),
        ("the morning of October 19", "2025-10-19TMO"),
        ("October 14, 2025 at 9:30 a.m.", "2025-10-14T09:30"),
    ],
)
def test_times_of_day(text: str, expected: str) -> None:
    assert normalise(text, TUESDAY) == Timex("TIME", expected, True)


def test_a_time_ago_needs_the_anchors_clock() -> None:
    morning = dt.datetime(2025, 10, 14, 9, 30)
    assert normalise("two hours ago", morning) == Timex("TIME", "2025-10-14T07:30", True)
    assert normalise("two hours ago", TUESDAY) == Timex("DATE", "2025-10-14", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every Friday", "XXXX-WXX-5"),
        ("Tuesday nights", "XXXX-WXX-2TNI"),
        ("each Monday", "XXXX-WXX-1"),
        ("on Fridays", "XXXX-WXX-5"),
        ("every Friday night", "XXXX-WXX-5TNI"),
        ("every morning", "XXXX-XX-XXTMO"),
        ("every October", "XXXX-10"),
        ("every weekend", "XXXX-WXX-WE"),
        ("daily", "P1D"),
        ("every day", "P1D"),
        ("weekly", "P1W"),
        ("annually", "P1Y"),
        ("every year", "P1Y"),
        ("every two weeks", "P2W"),
        ("every other day", "P2D"),
        ("every few days", "PXD"),
        ("twice a week", "P1W"),
        ("three times a year", "P1Y"),
        ("once per month", "P1M"),
    ],
)
def test_sets(text: str, expected: str) -> None:
    assert normalise(text, TUESDAY) == Timex("SET", expected, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 October", Timex("DATE", "XXXX-10-14", False)),
        ("October", Timex("DATE", "XXXX-10", False)),
        ("on Friday", Timex("DATE", "XXXX-WXX-5", False)),
        ("yesterday", Timex("DATE", "XXXX-XX-XX", False)),
        ("last week", Timex("DATE", "XXXX-WXX", False)),
        ("next year", Timex("DATE", "XXXX", False)),
        ("two months ago", Timex("DATE", "XXXX-XX", False)),
        ("the third quarter", Timex("DATE", "XXXX-Q3", False)),
        ("summer", Timex("DATE", "XXXX-SU", False)),
        ("3 p.m.", Timex("TIME", "XXXX-XX-XXT15:00", False)),
        ("this morning", Timex("TIME", "XXXX-XX-XXTMO", False)),
        # complete as written: no anchor needed
        ("Oct. 19, 2025", Timex("DATE", "2025-10-19", True)),
        ("2026", Timex("DATE", "2026", True)),
        ("the 1990s", Timex("DATE", "199", True)),
        ("nearly four years", Timex("DURATION", "P4Y", True)),
        ("every Friday", Timex("SET", "XXXX-WXX-5", True)),
        ("now", Timex("DATE", "PRESENT_REF", True)),
    ],
)
def test_without_an_anchor_only_what_is_written_is_known(text: str, expected: Timex) -> None:
    assert normalise(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the next day", Timex("DATE", "XXXX-XX-XX", False)),
        ("that day", Timex("DATE", "XXXX-XX-XX", False)),
        ("the same day", Timex("DATE", "XXXX-XX-XX", False)),
        ("the day", Timex("DATE", "2025-10-14", False)),  # none told yet: the anchor's day
        ("the day before", Timex("DATE", "XXXX-XX-XX", False)),
        ("the previous Friday", Timex("DATE", "XXXX-WXX-5", False)),
        ("the next morning", Timex("TIME", "XXXX-XX-XXTMO", False)),
    ],
)
def test_times_counted_from_the_story_stay_unanchored(text: str, expected: Timex) -> None:
    assert normalise(text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the previous year", Timex("DATE", "2024", False)),
        ("the following week", Timex("DATE", "2025-W43", False)),
        ("later that year", Timex("DATE", "2025", False)),
        ("the next day", Timex("DATE", "XXXX-XX-XX", False)),  # a day follows an event
    ],
)
def test_before_any_story_date_a_longer_period_counts_from_the_anchor(
    text: str, expected: Timex
) -> None:
    assert normalise(text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "past", "expected"),
    [
        ("Monday, March 16", False, "2026-03-16"),  # a Monday in 2026, not in 2025
        ("Sunday, March 16", False, "2025-03-16"),  # the weekday outweighs the tense
        ("Tuesday, Dec. 1", True, "2026-12-01"),  # ... and the past tense too
    ],
)
def test_a_weekday_picks_the_year_of_a_date_written_without_one(
    text: str, past: bool, expected: str
) -> None:
    assert value(text, WEDNESDAY, past=past) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("week-long", "P1W"), ("a year-long", "P1Y"), ("decades-long", "PXDE")],
)
def test_a_long_suffix_makes_a_duration(text: str, expected: str) -> None:
    assert value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the past two quarters", "P2Q"), ("every quarter", "P1Q"), ("recent quarters", "PXM")],
)
def test_quarters_count_in_quarters(text: str, expected: str) -> None:
    assert value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("a half-hour", "PT30M"), ("a half hour", "PT30M"), ("a half", None)]
)
def test_a_half_unit_is_half_of_it(text: str, expected: str | None) -> None:
    assert value(text) == expected


def test_the_day_is_the_story_day_once_one_is_told() -> None:
    found = normalise("later in the day", TUESDAY, story="2025-10-10")
    assert found == Timex("DATE", "2025-10-10", False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'82", "1982"),
        ("since '98", "1998"),
        ("for the time being", "PRESENT_REF"),
        ("almost two and a half years", "P2Y6M"),
    ],
)
def test_short_years_and_the_time_being(text: str, expected: str) -> None:
    assert value(text) == expected


@pytest.mark.parametrize(
    ("text", "story", "expected"),
    [
        ("the following year", "1995-06-02", "1996"),
        ("that year", "1995", "1995"),
        ("later that year", "1995-06", "1995"),
        ("the next day", "1995-06-02", "1995-06-03"),
        ("the day before", "1995-06-02", "1995-06-01"),
        ("the same day", "1995-06-02T14:00", "1995-06-02"),
        ("later in the day", "1995-06-02", "1995-06-02"),
        ("in the morning", "1995-06-02", "1995-06-02TMO"),
        ("the previous Friday", "1995-06-02", "1995-05-26"),
        ("the following month", "1995-06-02", "1995-07"),
        ("the following April", "1995-06", "1996-04"),
        ("the next morning", "1995-06-02", "1995-06-03TMO"),
        ("the previous week", "1995-W23", "1995-W22"),
        ("the same period of last year", "1998-H1", "1997-H1"),
        ("the same month last year", "1998-07", "1997-07"),
        ("the same time a year ago", "1998-08-08", "2024"),  # a day names no period: the anchor's
        # too coarse a story date to count days from
        ("the next day", "1995", "XXXX-XX-XX"),
        ("the following month", "1995-Q2", "XXXX-XX"),
    ],
)
def test_times_counted_from_the_story_use_its_last_date(
    text: str, story: str, expected: str
) -> None:
    found = normalise(text, TUESDAY, story=story)
    assert found is not None
    assert (found.value, found.anchored) == (expected, False)


def test_a_story_date_that_is_no_date_is_ignored() -> None:
    assert normalise("the next day", TUESDAY, story="1995-13-45") == Timex(
        "DATE", "XXXX-XX-XX", False
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this summer", "1998-SU"),  # said in February: the coming one
        ("this winter", "1997-WI"),  # the one under way
        ("last summer", "1997-SU"),
        ("the summer", "1997-SU"),
    ],
)
def test_this_season_is_this_years(text: str, expected: str) -> None:
    assert value(text, dt.date(1998, 2, 13)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "the report",
        "Witkoff",
        "65-year-old",
        "a 2-month-old baby",
        "30 February",
        "February 29, 2025",
        "13/45/2025",
        "year",
        "19",
        "3 to 5 p.m.",
        "x" * (MAX_PHRASE_CHARS + 1),
    ],
)
def test_what_is_not_a_time_expression_is_none(text: str) -> None:
    assert normalise(text, TUESDAY) is None


def test_leap_day_needs_a_leap_year() -> None:
    assert value("February 29, 2024") == "2024-02-29"
    assert value("February 29", dt.date(2025, 3, 10)) == "2024-02-29"


def test_two_digit_years_stay_near_the_anchor() -> None:
    assert value("11/02/89", dt.date(1989, 11, 3)) == "1989-11-02"
    assert value("10/14/25") == "2025-10-14"
    assert value("the '20s") == "202"
    assert value("the '30s") == "193"


def test_an_anchor_with_a_time_of_day_changes_nothing_for_days() -> None:
    assert value("yesterday", dt.datetime(2025, 10, 14, 23, 59)) == "2025-10-13"


@given(st.text(max_size=60), st.booleans(), st.none() | st.dates() | st.datetimes())
def test_any_string_reads_or_is_none_the_same_way_every_time(
    text: str, past: bool, anchor: dt.date | None
) -> None:
    first = normalise(text, anchor, past_bias=past)
    assert first == normalise(text, anchor, past_bias=past)
    assert first is None or isinstance(first, Timex)


_TIME_WORDS = (
    "a an the last next this past every ago later earlier early late mid on in of and"
    " few several two twenty five hundred half 3 14 31 1990s '98 2025 9999 0 p.m. am"
    " day days week weekend month year years decade century morning night tonight"
    " Friday fridays October Oct. May summer quarter Q3 first third christmas now"
    " same period latest year-ago year-earlier following previous that ahead 1/2 0730 GMT"
    " nineteen ninety thousand year-end midnight"
)
_WORDS = st.sampled_from(_TIME_WORDS.split())
_VALUES = st.sampled_from(["1989-Q3", "1998-H1", "1995-06-02", "1995", "1995-W23", "2025-SU"])


@given(
    st.lists(_WORDS, max_size=8),
    st.booleans(),
    st.none() | st.dates() | st.datetimes(),
    st.none() | _VALUES,
    st.none() | _VALUES,
    st.booleans(),
)
def test_time_words_in_any_order_never_raise(
    words: list[str],
    past: bool,
    anchor: dt.date | None,
    reported: str | None,
    story: str | None,
    told: bool,
) -> None:
    text = " ".join(words)
    found = normalise(text, anchor, past_bias=past, reported=reported, story=story, told_past=told)
    again = normalise(text, anchor, past_bias=past, reported=reported, story=story, told_past=told)
    assert found == again
    if found is not None:
        assert found.type in ("DATE", "TIME", "DURATION", "SET")
        assert found.value
