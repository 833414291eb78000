"""Normalise the words of a time expression to a TIMEX3 value (TimeML 1.2.1 style).

Pure and fast: no spaCy, no I/O, no date-parsing library, every pattern compiled
once at import. :mod:`storytrace.extract.time` finds the phrases in an article;
this module says what one phrase means relative to an *anchor*, the article's
publication date.

Contract of :func:`normalise`
-----------------------------
* A :class:`Timex` when the phrase is a time expression this grammar knows.
  What cannot be known is written with TIMEX3's ``X`` placeholders, and then
  ``anchored`` is False: ``"14 October"`` without an anchor is ``XXXX-10-14``,
  ``"yesterday"`` without one is ``XXXX-XX-XX``, and ``"the next day"`` (counted
  from an event in the story, not from the publication date) is ``XXXX-XX-XX``
  even with one, unless the caller gives the story's last date (``story``):
  then it is that date's next day, still with ``anchored`` False. Values
  complete as written (``2025-10-14``, ``P4Y``, ``P1D`` as a set,
  ``PRESENT_REF``) have ``anchored`` True.
* ``None`` when the phrase is not a time expression in this grammar: ``"the
  report"``, an age (``"65-year-old"``), an impossible date (``"30 February"``).
  That is an answer, as with :func:`re.match`, not a failure: the caller just
  has nothing to record.
* It never raises for a ``str``: a phrase is data from an article, and there
  is nothing a user could fix.

Values, as TIMEX3 writes them
-----------------------------
====================  =========================================================
DATE                  ``2025-10-14``, ``2025-10``, ``2025``, ``199`` (the 1990s),
                      ``20`` (the 21st century), ``2025-W42``, ``2025-W42-WE``,
                      ``2025-SU``, ``2025-Q3``, ``2025-H1``, ``XXXX-WXX-5``,
                      ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``
TIME                  ``2025-10-14T15:00``, ``2025-10-14TMO`` (MO AF EV NI)
DURATION              ``P4Y``, ``PT5M``, ``P1DT12H``, ``PXY`` ("years"),
                      ``PXDE`` / ``PXCE`` (decades, centuries: ISO-TimeML units)
SET                   ``P1D`` ("daily"), ``XXXX-WXX-5`` ("every Friday")
====================  =========================================================

Choices where TimeML leaves room (documented so tests can pin them):

* A partial date takes the year that puts it nearest the anchor, counting
  distance against the tense twice (:data:`AGAINST_BIAS_WEIGHT`; three times,
  :data:`TOLD_PAST_WEIGHT`, when a past-tense verb says so; six times,
  :data:`TOLD_FUTURE_WEIGHT`, when a verb states the future, "will meet"): "14 October"
  in a past-tense sentence of 2025-04-20 is 2024-10-14, in a future one 2025-10-14.
* A bare weekday is the latest such day on or before the anchor when
  ``past_bias``, else the first on or after it; "last"/"next" skip the anchor.
* "N units ago" lands at the unit's granularity ("two months ago" -> a month),
  but weeks count in days ("two weeks ago" -> the day 14 days back, TimeBank's practice);
  "N units later/earlier" is counted from an event, so it is the DURATION ``PnU``.
* "last week", "the last week", "the past year" are DATEs, the period before
  the anchor's; "the past two years" is a DURATION, "the past few years" and
  "past years" are PAST_REF (TimeBank's practice).
* A time of day with no day ("3 p.m.", "the morning") is on the anchor's day.
* A clock time in universal time ("16:08 UTC", "0730 GMT") ends in ISO 8601's
  ``Z``; other zones are dropped ("3 p.m. EST" is ``T15:00``, the wall clock).
* "the year", "the month" (also in "the end of the year") are the anchor's.
* A holiday ("Christmas", "Thanksgiving", "Labor Day", "Easter") is its date in
  the year a partial date would take ("Thanksgiving" told in the past in April
  is last November's); movable ones are computed for that year.
* A duration used as an adjective reads as the duration: "five-minute call"
  is ``PT5M`` (the extract stage keeps the noun out of the extent).
* Ages ("65-year-old") are not time expressions (TimeML does not mark them).
* "N hours ago" needs the anchor's time of day; with a date-only anchor the
  value is that date (the nearest thing the anchor says).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Final, Literal

from storytrace.extract.timex_lexicon import (
    AGE_WORDS,
    ANAPHORIC_DAY_WORDS,
    CLOCK_WORDS,
    CONNECTIVES,
    DAY_WORDS,
    DAY_WORDS_BEFORE_PART,
    DECADE_WORDS,
    DEFINITE_PERIODS,
    EASTER_HOLIDAYS,
    EVENT_DIRECTIONS,
    EVENT_RELATIVE,
    FRACTIONS,
    FREQUENCY_WORDS,
    HOLIDAY_NAMES,
    HOLIDAYS,
    LEADING_WORDS,
    MODIFIER_PAIRS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    ONES,
    ORDINALS,
    PARTS_OF_DAY,
    PARTS_OF_DAY_PLURAL,
    PERIOD_NOUNS,
    PERIODS_A_YEAR_BACK,
    PREPOSITIONS,
    REFERENCES,
    RELATION_OFFSETS,
    RELATIONS,
    SAME_PERIOD_WORDS,
    SEASON_CODES,
    SEASONS,
    SET_WORDS,
    SHIFT_PERIODS,
    SMALLER_UNIT,
    SPOKEN_CENTURIES,
    STORY_GRAINS,
    STORY_RELATIONS,
    TENS,
    THIS_PAST_OR_COMING,
    TIME_ZONE_WORDS,
    UNIT_ADJECTIVES,
    UNIT_WORDS,
    UNITS,
    UNIVERSAL_TIME_WORDS,
    UNKNOWN_PERIOD,
    VAGUE_AGO,
    VAGUE_FUTURE,
    VAGUE_PLURALS,
    VAGUE_QUANTITIES,
    WEEKDAYS,
    WEEKDAYS_PLURAL,
    YEAR_BEFORE_MARKERS,
    Relation,
    Tokens,
    Unit,
)
from storytrace.extract.timex_report import REPORT_TRIGGERS, report_value
from storytrace.records import TimexType

__all__ = [
    "AGAINST_BIAS_WEIGHT",
    "FRACTIONS",
    "MAX_PHRASE_CHARS",
    "MAX_PHRASE_TOKENS",
    "MONTHS",
    "PARTS_OF_DAY",
    "PARTS_OF_DAY_PLURAL",
    "SET_WORDS",
    "UNIT_WORDS",
    "WEEKDAYS",
    "WEEKDAYS_PLURAL",
    "Timex",
    "normalise",
]

#: longer strings are not one time expression ("the morning of Tuesday, October
#: 14, 2025 at 3:30 p.m. local time" is 64 characters); bounds the work per call
MAX_PHRASE_CHARS: Final = 120
#: the same bound in words
MAX_PHRASE_TOKENS: Final = 20
#: how much more a candidate date costs when it lies against the tense: a
#: past-tense "14 October" prefers last October unless next October is less
#: than half as far away
AGAINST_BIAS_WEIGHT: Final = 2
#: the same when a past-tense verb reports it ("they met in January"), not a guess: a date
#: ahead then has to be less than a third as far ("payable Dec. 1" said in November still is)
TOLD_PAST_WEIGHT: Final = 3
#: the same when a verb states the future ("will meet in December"): a date already past
#: then has to be less than a sixth as far ("will report September sales" in October is)
TOLD_FUTURE_WEIGHT: Final = 6
#: periods an anaphoric phrase counts from the anchor when the story has told no date yet
#: ("the previous year"); not a day, which follows an event in the story ("the next day")
ANCHOR_PERIODS: Final = frozenset({"week", "month", "quarter", "year", "decade", "century"})
#: a two-digit year ("'98", "the 20s") is read as less than this many years after
#: the anchor's year; later ones are taken from the century before
TWO_DIGIT_YEAR_LEAD: Final = 5
#: without an anchor, two-digit years up to this are 20xx ("'05"), later ones 19xx
UNANCHORED_CENTURY_PIVOT: Final = 30
#: words a duration used as an adjective may modify ("five-minute phone call")
MAX_MODIFIED_NOUN_TOKENS: Final = 3
#: quantities with more digits are not durations we can write ("10000000000 years")
MAX_QUANTITY_DIGITS: Final = 7


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalised time expression: TIMEX3 ``type`` and ``value``.

    ``anchored`` is False when part of the value is an ``X`` placeholder because
    the phrase could not be tied to the anchor (none given, or the phrase counts
    from an event in the story).
    """

    type: TimexType
    value: str
    anchored: bool = True


#: a parsed quantity: a number, or "X" for a vague one ("several", "a few")
_Qty = float | Literal["X"]


_CHAR_MAP: Final = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2018": "'", "\u2019": "'", "\u00a0": " ",
})  # fmt: skip
#: "p.m.", "pm", "p. m." after a digit -> " pm"
_MERIDIEM_RE: Final = re.compile(r"(?<=\d)\s*([ap])\.?\s?m\b\.?")
#: "1990's" -> "1990s"
_DIGIT_POSSESSIVE_RE: Final = re.compile(r"(?<=\d)'s\b")
_TOKEN_RE: Final = re.compile(
    r"'\d\d?s?|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?|q[1-4]\b|[a-z]+(?:'[a-z]+)?"
)
#: "2 1/2 years", "1/2 hour": a whole number and a simple fraction, not a date ("10/14/2025")
_FRACTION_RE: Final = re.compile(r"(?<![\d/])(?:(\d+)\s+)?(1/2|1/4|3/4)(?![\d/])")
_INTEGER_RE: Final = re.compile(r"\d{1,7}(?:,\d{3})*(?:\.\d+)?")
_ORDINAL_DIGITS_RE: Final = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
_YEAR_RE: Final = re.compile(r"[12]\d{3}")
_SHORT_YEAR_RE: Final = re.compile(r"'(\d\d)")
#: "1990s" -> 199, "'90s" / "90s" -> 9
_DECADE_RE: Final = re.compile(r"'?(\d{1,3})0s")
_CLOCK_RE: Final = re.compile(r"(\d{1,2})(?::(\d\d))?")
_QUARTER_RE: Final = re.compile(r"q([1-4])")
#: a 24-hour time in four digits, as wires give universal time: "0730 GMT"
_MILITARY_RE: Final = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_ISO_RE: Final = re.compile(
    r"(\d{4})-(\d\d)(?:-(\d\d)(?:[t ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?(?:z|[+-]\d\d:?\d\d)?)?)?"
)
#: US order, as news wires write it: 10/14/2025, 11/02/89
_SLASH_DATE_RE: Final = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)")
#: a date value the story can count from: "1995", "1995-06", "1995-06-02T14:00", "1995-W23"
_STORY_RE: Final = re.compile(
    r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)|-Q([1-4])|-H([12])|-(SP|SU|FA|WI))?(?:T.*)?"
)
_DAY_LEVEL_RE: Final = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)|XXXX-WXX-\d")


# --- the anchor ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    day: dt.date | None  # the anchor's date
    clock: dt.datetime | None  # the anchor with its time of day, when it has one
    past: bool
    reported: str | None = None  # the quarter an earnings story reports on ("1989-Q3")
    story: tuple[dt.date, str] | None = None  # the story's last date and its grain ("day")
    story_value: str | None = None  # that date as written ("1998-H1")
    told_past: bool = False  # a past-tense verb reports it, not a guess
    told_future: bool = False  # a verb states the future ("will meet")

    @classmethod
    def make(
        cls,
        anchor: dt.date | None,
        past: bool,
        reported: str | None = None,
        story: str | None = None,
        told_past: bool = False,
        told_future: bool = False,
    ) -> _Context:
        told = _story_date(story) if story else None
        value = story if told else None
        clock = anchor if isinstance(anchor, dt.datetime) else None
        day = anchor.date() if isinstance(anchor, dt.datetime) else anchor
        stated_past, stated_future = past and told_past, not past and told_future
        return cls(day, clock, past, reported, told, value, stated_past, stated_future)


def _story_date(value: str) -> tuple[dt.date, str] | None:
    """A date value as (its first day, its grain): "1995-06" -> (1995-06-01, "month");
    None for one that is no calendar date ("PRESENT_REF", "1995-13")."""
    try:
        return _story_date_or_raise(value)
    except ValueError:
        return None


def _story_date_or_raise(value: str) -> tuple[dt.date, str] | None:
    match = _STORY_RE.fullmatch(value)
    if match is None:
        return None
    year, month, day, week, quarter, half, season = match.groups()
    if half:
        return dt.date(int(year), 6 * int(half) - 5, 1), "half"
    if season:
        return dt.date(int(year), 3 + 3 * SEASON_CODES.index(season), 1), "season"
    if week:
        return dt.date.fromisocalendar(int(year), int(week), 1), "week"
    if quarter:
        return dt.date(int(year), 3 * int(quarter) - 2, 1), "quarter"
    if month:
        return dt.date(int(year), int(month), int(day or 1)), "day" if day else "month"
    return dt.date(int(year), 1, 1), "year"


def _closest(candidates: Iterable[int], target: int, ctx: _Context) -> int:
    """The candidate nearest ``target``, a step against the tense counting double
    (more when a verb states the tense: :data:`TOLD_PAST_WEIGHT`, :data:`TOLD_FUTURE_WEIGHT`)."""
    past = ctx.past
    weight = AGAINST_BIAS_WEIGHT
    if past and ctx.told_past:
        weight = TOLD_PAST_WEIGHT
    elif not past and ctx.told_future:
        weight = TOLD_FUTURE_WEIGHT

    def cost(candidate: int) -> tuple[int, bool]:
        gap = candidate - target
        against = gap > 0 if past else gap < 0
        return abs(gap) * (weight if against else 1), against

    return min(candidates, key=cost)


def _date(value: str, *, anchored: bool = True) -> Timex:
    return Timex("DATE", value, anchored)


def _period(ctx: _Context, period: str, offset: int) -> Timex:
    """The calendar ``period`` ("week", "month", ...) ``offset`` periods from the anchor."""
    day = ctx.day
    if day is None:
        return _date(UNKNOWN_PERIOD[period], anchored=False)
    if period == "day":
        return _date((day + dt.timedelta(days=offset)).isoformat())
    if period in ("week", "weekend"):
        year, week, _ = (day + dt.timedelta(weeks=offset)).isocalendar()
        return _date(f"{year:04d}-W{week:02d}" + ("-WE" if period == "weekend" else ""))
    if period == "month":
        year, month0 = divmod(day.year * 12 + day.month - 1 + offset, 12)
        return _date(_year_text(year) + f"-{month0 + 1:02d}")
    if period == "quarter":
        year, quarter0 = divmod(day.year * 4 + (day.month - 1) // 3 + offset, 4)
        return _date(_year_text(year) + f"-Q{quarter0 + 1}")
    if period == "year":
        return _date(_year_text(day.year + offset))
    if period == "decade":
        return _date(f"{day.year // 10 + offset:03d}")
    if period == "century":
        return _date(f"{day.year // 100 + offset:02d}")
    # hours, minutes, seconds: only an anchor with a time of day says which
    if ctx.clock is None:
        return _date(day.isoformat())
    moment = ctx.clock + dt.timedelta(**{period + "s": offset})
    return Timex("TIME", moment.isoformat(timespec="minutes"))


def _year_text(year: int) -> str:
    """Four digits; ValueError off the calendar, which :func:`normalise` reads as None."""
    if not 1 <= year <= 9999:
        raise ValueError(year)
    return f"{year:04d}"


# --- numbers ---------------------------------------------------------------------


def _cardinal(t: Tokens, i: int) -> tuple[float, int] | None:
    """A number in digits or words at ``t[i]``: "4", "1,000", "twenty five", "a hundred"."""
    word = t[i] if i < len(t) else ""
    if _INTEGER_RE.fullmatch(word) and len(word) <= MAX_QUANTITY_DIGITS + 2:
        return float(word.replace(",", "")), i + 1
    value: int | None = None
    if word in TENS:
        value = TENS[word]
        i += 1
        if i < len(t) and 0 < ONES.get(t[i], 0) < 10:
            value += ONES[t[i]]
            i += 1
    elif word in ONES:
        value = ONES[word]
        i += 1
    elif word == "a" and i + 1 < len(t) and t[i + 1] == "hundred":
        value = 1
        i += 1
    if value is None:
        return None
    if i < len(t) and t[i] == "hundred":
        value *= 100
        i += 1
        rest = _cardinal(t, i + (i < len(t) and t[i] == "and"))
        if rest is not None and rest[0] < 100:
            value += int(rest[0])
            i = rest[1]
    return float(value), i


def _quantity(t: Tokens, i: int) -> tuple[_Qty, int] | None:
    """A count of units at ``t[i]``; "X" when vague ("several", "a few", "12 to 18")."""
    n = len(t)
    word = t[i] if i < n else ""
    following = t[i + 1] if i + 1 < n else ""
    qty: _Qty
    if word == "a" and following == "hundred":
        return _cardinal(t, i)
    if word in ("a", "an"):
        if following == "few":
            return "X", i + 2
        if following in ("couple", "dozen"):
            qty, i = (2.0 if following == "couple" else 12.0), i + 2
            return qty, i + (i < n and t[i] == "of")
        if following in VAGUE_PLURALS:  # "a number of"
            return ("X", i + 3) if i + 2 < n and t[i + 2] == "of" else None
        if following == "half" and i + 2 < n and t[i + 2] in UNITS:  # "a half-hour"
            return 0.5, i + 2
        qty, i = 1.0, i + 1
    elif word == "half" and following in ("a", "an"):
        return 0.5, i + 2
    elif word == "couple":
        return 2.0, i + 1 + (following == "of")
    elif word in VAGUE_QUANTITIES:
        if word == "some" and _cardinal(t, i + 1) is not None:  # "some two years"
            return _quantity(t, i + 1)
        return "X", i + 1
    elif word in VAGUE_PLURALS and following == "of":
        return "X", i + 2
    else:
        number = _cardinal(t, i)
        if number is None:
            return None
        qty, i = number
        # a range is vague: "12 to 18 months", "two or three days", "12-18 months"
        joined = t[i] in ("to", "or") if i < n else False
        upper = _cardinal(t, i + 1) if joined else _cardinal(t, i)
        if upper is not None:
            return "X", upper[1]
    if t[i : i + 3] == ("and", "a", "half") and i + 3 < n and t[i + 3] in UNITS:
        return qty + 0.5, i + 3
    return qty, i


def _number_text(x: float) -> str:
    return str(int(x)) if x.is_integer() else f"{x:.3f}".rstrip("0").rstrip(".")


def _day_of_month(t: Tokens, i: int) -> tuple[int, int, bool] | None:
    """A day number at ``t[i]``: (day, next index, written as an ordinal)."""
    word = t[i] if i < len(t) else ""
    if word.isdigit() and len(word) <= 2:
        return int(word), i + 1, False
    match = _ORDINAL_DIGITS_RE.fullmatch(word)
    if match:
        return int(match.group(1)), i + 1, True
    ordinal = _ordinal(t, i)
    if ordinal is not None:
        return ordinal[0], ordinal[1], True
    return None


def _ordinal(t: Tokens, i: int) -> tuple[int, int] | None:
    """An ordinal at ``t[i]``: "third", "21st", "twenty first"."""
    word = t[i] if i < len(t) else ""
    match = _ORDINAL_DIGITS_RE.fullmatch(word)
    if match:
        return int(match.group(1)), i + 1
    if word in ORDINALS:
        return ORDINALS[word], i + 1
    if word in TENS and i + 1 < len(t) and ORDINALS.get(t[i + 1], 10) < 10:
        return TENS[word] + ORDINALS[t[i + 1]], i + 2
    return None


# --- tokens ------------------------------------------------------------------------


def _decimal(match: re.Match[str]) -> str:
    """ "2 1/2" -> "2.5" (AP style writes fractions so)."""
    whole = int(match.group(1) or 0)
    return _number_text(whole + FRACTIONS[match.group(2)])


def _tokenise(text: str) -> Tokens:
    clean = text.lower().translate(_CHAR_MAP)
    clean = _DIGIT_POSSESSIVE_RE.sub("s", _MERIDIEM_RE.sub(r" \1m", clean))
    clean = _FRACTION_RE.sub(_decimal, clean)
    return tuple(
        token[:-2] if token.endswith("'s") else token for token in _TOKEN_RE.findall(clean)
    )


def _strip(t: Tokens, words: frozenset[str], pairs: frozenset[Tokens]) -> tuple[Tokens, bool]:
    """Drop leading ``words`` and word ``pairs``; also say whether a "the" went."""
    definite = False
    while t:
        if t[:2] in pairs:
            t = t[2:]
            definite = False  # "the end of last year": that "the" was the end's
        elif t[0] in words or t[0] == "the":
            definite = definite or t[0] == "the"
            t = t[1:]
        else:
            break
    while t and (t[-1] in CONNECTIVES or t[-2:] == ("or", "so")):
        t = t[:-2] if t[-2:] == ("or", "so") else t[:-1]
    return t, definite


def _split_time_of_day(t: Tokens) -> tuple[Tokens, str | None] | None:
    """Take the time of day out of ``t``: (the rest, "15:00" / "MO" / None).

    None when there are two clock times (a range: "3 to 5 p.m.").
    """
    rest: list[str] = []
    found: str | None = None
    clock_seen = False
    i = 0
    while i < len(t):
        clock = _clock(t, i)
        if clock is not None:
            if clock_seen:
                return None
            found, i, clock_seen = clock[0], clock[1], True
            while i < len(t) and t[i] in TIME_ZONE_WORDS:
                if t[i] in UNIVERSAL_TIME_WORDS:  # "16:08 UTC": ISO 8601 writes it "16:08Z"
                    found = found.rstrip("Z") + "Z"
                i += 1
            continue
        word = t[i]
        if word in PARTS_OF_DAY or word in ("tonight", "overnight"):
            if not clock_seen:  # "6 a.m. this morning": the clock is the finer value
                found = PARTS_OF_DAY.get(word, "NI")
            if word == "tonight":
                rest.append("today")
        else:
            rest.append(word)
        i += 1
    return tuple(rest), found


def _clock(t: Tokens, i: int) -> tuple[str, int] | None:
    """A clock time at ``t[i]``: ("15:00", next index)."""
    word = t[i]
    if word in CLOCK_WORDS:
        return CLOCK_WORDS[word], i + 1
    following = t[i + 1] if i + 1 < len(t) else ""
    if word == "12" and following in CLOCK_WORDS:  # "12 noon"
        return CLOCK_WORDS[following], i + 2
    if _MILITARY_RE.fullmatch(word) and following in UNIVERSAL_TIME_WORDS:  # "(0730 GMT)"
        return f"{word[:2]}:{word[2:]}", i + 1
    match = _CLOCK_RE.fullmatch(word)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
    elif word in ONES:
        hour, minute = ONES[word], 0
    else:
        return None
    if minute > 59:
        return None
    if following in ("am", "pm") and 1 <= hour <= 12:
        hour = hour % 12 + (12 if following == "pm" else 0)
        return f"{hour:02d}:{minute:02d}", i + 2
    if following == "o'clock" and 1 <= hour <= 12:
        return f"{hour:02d}:00", i + 2
    if match and match.group(2) and (hour, minute) <= (24, 0):  # 24-hour "15:30"
        return f"{hour:02d}:{minute:02d}", i + 1
    return None


# --- the grammar ---------------------------------------------------------------------


def normalise(
    text: str,
    anchor: dt.date | None,
    *,
    past_bias: bool = True,
    reported: str | None = None,
    story: str | None = None,
    told_past: bool = False,
    told_future: bool = False,
) -> Timex | None:
    """The TIMEX3 reading of ``text`` against ``anchor``, or None if it is no time expression.

    ``anchor`` is the publication date (a :class:`datetime.datetime` also gives
    the time of day); ``past_bias`` says the sentence is in the past tense,
    which decides "Friday" and partial dates. ``reported`` is the quarter an
    earnings story reports on ("1989-Q3"), which its "the quarter" and "a year
    earlier" refer to (:mod:`storytrace.extract.timex_report`); None elsewhere.
    ``story`` is the value of the story's last date before the phrase
    ("1995-06-02"), which "the next day" and "that year" count from.
    ``told_past`` says a past-tense verb reports the phrase ("they met in
    January"), not a guess: a partial date is then held in the past harder;
    ``told_future`` the same for a stated future ("they will meet in January").
    See the module docstring for the contract and conventions.
    """
    if len(text) > MAX_PHRASE_CHARS:
        return None
    try:
        ctx = _Context.make(anchor, past_bias, reported, story, told_past, told_future)
        return _normalise(text, ctx)
    except (OverflowError, ValueError):
        # a date off the calendar (years 1 to 9999): "3000 years ago", or any
        # shift from an anchor at its edge; there is no value to write
        return None


def _normalise(text: str, ctx: _Context) -> Timex | None:
    numeric = _numeric_date(text.strip().lower(), ctx)
    if numeric is not None:
        return numeric
    tokens = _tokenise(text)
    if not tokens or len(tokens) > MAX_PHRASE_TOKENS or not AGE_WORDS.isdisjoint(tokens):
        return None
    split = _split_time_of_day(tokens)
    if split is None:
        return None
    words, time_of_day = split
    words, definite = _strip(words, PREPOSITIONS, MODIFIER_PAIRS)
    if time_of_day is None and words in REFERENCES:
        return _date(REFERENCES[words])
    sets = _set(words, time_of_day)
    if sets is not None:
        return sets
    words, more_definite = _strip(words, LEADING_WORDS, MODIFIER_PAIRS)
    definite = definite or more_definite
    found: Timex | None
    if not words:
        if time_of_day is None:
            return None
        found = _period(ctx, "day", 0)
        if definite and time_of_day in PARTS_OF_DAY.values():  # "in the morning": of the
            told = ctx.story is not None and ctx.story[1] == "day"  # story's day, if it has one
            found = replace((told and _from_story(("day",), "this", ctx)) or found, anchored=False)
    elif time_of_day is not None and words in DAY_WORDS_BEFORE_PART:
        found = _period(ctx, "day", DAY_WORDS_BEFORE_PART[words])
    elif time_of_day is not None and words in ANAPHORIC_DAY_WORDS:  # "the next morning"
        found = _from_story(("day",), STORY_RELATIONS[words[0]], ctx)
    else:
        found = _date_words(words, ctx, definite)
    if found is None or time_of_day is None or not _DAY_LEVEL_RE.fullmatch(found.value):
        return found
    return Timex("TIME", f"{found.value}T{time_of_day}", found.anchored)


def _date_words(t: Tokens, ctx: _Context, definite: bool) -> Timex | None:
    """The phrase without its time of day, prepositions and modifiers."""
    if t in DAY_WORDS:
        return _period(ctx, "day", DAY_WORDS[t])
    if _is_same_period_a_year_before(t):
        return _year_before_story(ctx)
    if not REPORT_TRIGGERS.isdisjoint(t):
        report = report_value(t, ctx.day, ctx.reported, definite)
        if report is not None:
            return _date(report)
    if len(t) == 3 and t[1] in ("or", "and") and all(_is_plural_unit(w) for w in t[::2]):
        return Timex("DURATION", _duration_value(None, UNITS[t[0]]) or "")  # "weeks or months"
    if len(t) == 2 and t[0] in UNITS and UNITS[t[0]].plural and t[1] == "ahead":
        return Timex("DURATION", _duration_value(None, UNITS[t[0]]) or "")  # "the weeks ahead"
    if len(t) == 2 and t[1] in UNITS and UNITS[t[1]].plural:
        if t[0] == "recent":  # "recent weeks": some weeks up to now (TimeBank's PXW)
            return Timex("DURATION", _duration_value("X", UNITS[t[1]]) or "")
        if t[0] in VAGUE_FUTURE:  # "coming months": some time ahead
            return _date("FUTURE_REF")
    if t[-1] == "ago" or t[-1] == "hence" or t[-2:] == ("from", "now"):
        return _ago(t, ctx)
    if t[-1] in EVENT_RELATIVE and len(t) > 1:
        return _from_event(t[:-1], t[-1], ctx)
    for rule in (_relative, _calendar, _named_period, _duration):
        found = rule(t, ctx, definite)
        if found is not None:
            return found
    return _adjectival_duration(t)


def _is_plural_unit(word: str) -> bool:
    return word in UNITS and UNITS[word].plural


def _is_same_period_a_year_before(t: Tokens) -> bool:
    """ "the same period of last year", "the corresponding time a year ago"."""
    for marker in YEAR_BEFORE_MARKERS:
        if t[-len(marker) :] == marker:
            rest = set(t[: -len(marker)])
            return bool(rest) and rest <= SAME_PERIOD_WORDS and not rest.isdisjoint(PERIOD_NOUNS)
    return False


def _year_before_story(ctx: _Context) -> Timex:
    """The period the story just named, a year before ("the first half" -> last year's).

    In an earnings story, its reported quarter; with no period named, last year.
    """
    if ctx.reported is not None:
        return _date(f"{int(ctx.reported[:4]) - 1:04d}{ctx.reported[4:]}")
    story, value = ctx.story, ctx.story_value
    if story is not None and value is not None and story[1] in PERIODS_A_YEAR_BACK:
        return _date(f"{int(value[:4]) - 1:04d}{value[4:]}", anchored=False)
    if ctx.day is None:
        return _date(UNKNOWN_PERIOD["year"], anchored=False)
    return _date(_year_text(ctx.day.year - 1), anchored=False)


def _adjectival_duration(t: Tokens) -> Timex | None:
    """A duration modifying a noun: "five-minute call" is PT5M (the noun is no part of it)."""
    start = 1 if t[0] in ("a", "an") else 0  # "a three-year period"
    parsed = _quantity(t, start)
    if parsed is None or parsed[0] == "X":
        return None
    i = parsed[1]
    unit = UNITS.get(t[i]) if i < len(t) else None
    if unit is None or unit.plural or len(t) - i - 1 > MAX_MODIFIED_NOUN_TOKENS:
        return None
    value = _duration_value(parsed[0], unit)
    return Timex("DURATION", value) if value else None


def _quantity_unit(t: Tokens) -> tuple[_Qty | None, Unit] | None:
    """All of ``t`` as "[quantity] unit" ("nearly four years", "five-minute", "decades")."""
    parsed = _quantity(t, 0)
    qty, i = parsed if parsed is not None else (None, 0)
    while i < len(t) - 1 and t[i] in UNIT_ADJECTIVES:
        i += 1
    unit = UNITS.get(t[i]) if i < len(t) else None
    if unit is None or (parsed and _YEAR_RE.fullmatch(t[0]) and not unit.plural):
        return None  # "the 1999 fiscal year" names a year; "1998-1999 year" a range of them
    i += 1
    if isinstance(qty, float) and t[i : i + 3] == ("and", "a", "half"):
        qty, i = qty + 0.5, i + 3  # "a year and a half"
    if t[i:] == ("long",) and qty is None and not unit.plural:
        qty = 1.0  # "week-long": one week
    if t[i:] in (("long",), ("or", "so")):  # "decade-long", "a week or so"
        i = len(t)
    return (qty, unit) if i == len(t) else None


def _duration_value(qty: _Qty | None, unit: Unit) -> str | None:
    """The ISO 8601 duration of ``qty`` units; None for a bare singular ("year")."""
    if qty is None:
        if not unit.plural:
            return None
        qty = "X"
    prefix = "PT" if unit.in_time else "P"
    if qty == "X":
        return f"{prefix}X{unit.vague or unit.code}"
    amount = qty * unit.factor
    whole, fraction = int(amount), amount - int(amount)
    parts = [(float(whole), unit.code, unit.in_time)] if whole else []
    smaller = SMALLER_UNIT.get((unit.code, unit.in_time))
    if fraction and smaller and (fraction * smaller[2]).is_integer():
        parts.append((fraction * smaller[2], smaller[0], smaller[1]))
    elif fraction or not parts:
        parts = [(amount, unit.code, unit.in_time)]
    date_part = "".join(_number_text(n) + code for n, code, in_time in parts if not in_time)
    time_part = "".join(_number_text(n) + code for n, code, in_time in parts if in_time)
    return "P" + date_part + ("T" + time_part if time_part else "")


def _duration(t: Tokens, ctx: _Context, definite: bool) -> Timex | None:
    parsed = _quantity_unit(t)
    if parsed is None:
        return None
    qty, unit = parsed
    if qty is None and not unit.plural and definite and unit.period in DEFINITE_PERIODS:
        return _period(ctx, unit.period, 0)  # "the year", "(by) the end of the month"
    if qty is None and not unit.plural and definite and unit.period == "day":
        # "later in the day": the story's day; with none told yet, the day of publication
        # ("stocks ended the day lower"), still open to a story date the caller finds
        if ctx.story is None or ctx.story[1] != "day":
            return replace(_period(ctx, "day", 0), anchored=False)
        return _from_story(("day",), "this", ctx)
    if qty is None and not unit.plural and definite and unit.period == "quarter":
        # the quarter a business story reports on, which is rarely the current one
        return _date(UNKNOWN_PERIOD["quarter"], anchored=False)
    value = _duration_value(qty, unit)
    return Timex("DURATION", value) if value else None


def _ago(t: Tokens, ctx: _Context) -> Timex | None:
    """Counted from the anchor: "two weeks ago" (a day), "a year from now", "years ago"."""
    future = t[-1] != "ago"
    body = t[:-2] if t[-1] == "now" else t[:-1]
    if body in VAGUE_AGO:
        return _date("FUTURE_REF" if future else "PAST_REF")
    parsed = _quantity_unit(body)
    if parsed is None:
        return None
    qty, unit = parsed
    if qty is None:
        qty = "X" if unit.plural else 1.0
    if qty == "X":
        return _date("FUTURE_REF" if future else "PAST_REF")
    code, in_time, amount = unit.code, unit.in_time, qty * unit.factor
    smaller = SMALLER_UNIT.get((code, in_time))
    if (not amount.is_integer() or code == "W") and smaller:  # "a year and a half ago"
        code, in_time, amount = smaller[0], smaller[1], amount * smaller[2]  # -> 18 months
    return _period(ctx, SHIFT_PERIODS[(code, in_time)], round(amount) * (1 if future else -1))


def _from_event(body: Tokens, word: str, ctx: _Context) -> Timex | None:
    """Counted from an event ("two days later"): what is known is the length."""
    parsed = _quantity_unit(body)
    if parsed is None:
        return None
    qty, unit = parsed
    if qty is None and not unit.plural:  # "the day before": the day before the story's last
        if word not in EVENT_DIRECTIONS:
            return _date(UNKNOWN_PERIOD[unit.period or "day"], anchored=False)
        return _from_story(body, EVENT_DIRECTIONS[word], ctx)
    value = _duration_value(qty, unit)
    return Timex("DURATION", value) if value else None


def _relative(t: Tokens, ctx: _Context, definite: bool) -> Timex | None:
    """Relational phrases: "last week", "next April", "this past weekend", "the past two years"."""
    relation: Relation
    if t[0] not in RELATIONS:
        return None
    if t[:2] in THIS_PAST_OR_COMING:
        relation, body = ("last" if t[1] == "past" else "next"), t[2:]
    else:
        relation, body = RELATIONS[t[0]], t[1:]
        if definite and t[0] == "next" and body[:1] not in (("decade",), ("century",)):
            relation = "anaphoric"  # "the next day": the day after something in the story
        elif definite and relation == "last" and body[:1] != () and body[0] not in WEEKDAYS:
            relation = "past"  # "the last year": as "last year" (TimeBank), not "the last year of"
    if not body:
        return None
    if relation == "anaphoric":
        return _from_story(body, STORY_RELATIONS.get(t[0], "this"), ctx)
    return _relative_body(body, relation, ctx)


def _from_story(body: Tokens, relation: Relation, ctx: _Context) -> Timex | None:
    """ "the following day", "that April", "the previous Friday": counted from the story's
    last date when it is fine enough ("the next day" needs a day), else unknown; before
    the story has told any date, a year, month or week from the anchor ("up 5% over the
    previous year"); a day stays unknown: "the next day" follows an event, not the news."""
    story = ctx.story
    period = _period_named(body)
    if story is None and period in ANCHOR_PERIODS and ctx.day is not None:
        found = _relative_body(body, relation, ctx)
        return None if found is None else replace(found, anchored=False)
    if story is None or period is None or story[1] not in STORY_GRAINS.get(period, ()):
        return _relative_body(body, "anaphoric", ctx)
    found = _relative_body(body, relation, _Context(story[0], None, ctx.past))
    return None if found is None else replace(found, anchored=False)


def _period_named(body: Tokens) -> str | None:
    """The calendar period ``body`` names: "Friday" a day, "April" a month."""
    head = body[0] if len(body) == 1 else ""
    if head in WEEKDAYS:
        return "day"
    if head in MONTHS or head in SEASONS:
        return "month"
    if head == "weekend":
        return "week"
    unit = UNITS.get(head)
    return None if unit is None else unit.period


def _relative_body(body: Tokens, relation: Relation, ctx: _Context) -> Timex | None:
    """What ``body`` names, picked by ``relation``: "week" "last" is last week."""
    head = body[0] if len(body) == 1 else ""
    if head in WEEKDAYS:
        return _weekday(WEEKDAYS[head], relation, ctx)
    if head in MONTHS:
        return _named(MONTHS[head] - 1, "month", relation, ctx)
    if head in SEASONS:
        return _named(SEASONS[head], "season", relation, ctx)
    if head == "weekend":
        if relation not in RELATION_OFFSETS:
            return _date(UNKNOWN_PERIOD["weekend"], anchored=False)
        return _period(ctx, "weekend", RELATION_OFFSETS[relation])
    parsed = _quantity_unit(body)
    if parsed is None:
        return None
    qty, unit = parsed
    if relation in ("last", "past") and (qty == "X" or (qty is None and unit.plural)):
        return _date("PAST_REF")  # "the last few months", "past years": some time before now
    if qty is not None or unit.plural:
        value = _duration_value(qty, unit)
        return Timex("DURATION", value) if value else None
    if relation == "span" or unit.period is None:
        return None  # "the first quarter" is a calendar quarter: see _named_period
    if relation == "anaphoric":
        return _date(UNKNOWN_PERIOD[unit.period], anchored=False)
    return _period(ctx, unit.period, RELATION_OFFSETS[relation])


def _weekday(day: int, relation: Relation | None, ctx: _Context) -> Timex:
    """Weekday ``day`` (Monday 0) by ``relation``, or by the tense when None."""
    anchor = ctx.day
    if anchor is None or relation in ("anaphoric", "span"):
        return _date(f"XXXX-WXX-{day + 1}", anchored=False)
    today = anchor.weekday()
    if relation in ("last", "past"):
        offset = -((today - day) % 7 or 7)
    elif relation == "next":
        offset = (day - today) % 7 or 7
    elif relation == "this":
        offset = day - today
    else:
        offset = -((today - day) % 7) if ctx.past else (day - today) % 7
    return _date((anchor + dt.timedelta(days=offset)).isoformat())


PeriodKind = Literal["month", "quarter", "season"]
#: how many of each named period a year has
PER_YEAR: Final[dict[PeriodKind, int]] = {"month": 12, "quarter": 4, "season": 4}


def _render(kind: PeriodKind, year: str, index: int) -> str:
    if kind == "month":
        return f"{year}-{index + 1:02d}"
    if kind == "quarter":
        return f"{year}-Q{index + 1}"
    return f"{year}-{SEASON_CODES[index]}"


def _named(
    index: int,
    kind: PeriodKind,
    relation: Relation | None,
    ctx: _Context,
    *,
    year: int | None = None,
) -> Timex | None:
    """Month, quarter or season ``index`` (0-based within its year).

    ``year`` when the phrase gives it; else ``relation`` picks the occurrence
    ("last April"), or the tense does (None: the nearest, by :func:`_closest`).
    """
    if year is not None:
        known = year
        return _date(_render(kind, _year_text(known), index))
    anchor = ctx.day
    if anchor is None or relation in ("anaphoric", "span"):
        return _date(_render(kind, "XXXX", index), anchored=False)
    per_year = PER_YEAR[kind]
    months = anchor.year * 12 + anchor.month - 1
    # seasons are counted from March, so January is still last year's winter
    now = (months - 2) // 3 if kind == "season" else months // (12 // per_year)
    this_year = now - now % per_year
    candidates = [this_year + index + per_year * k for k in (-1, 0, 1)]
    if relation in ("last", "past"):
        chosen = max(c for c in candidates if c < now)
    elif relation == "next":
        chosen = min(c for c in candidates if c > now)
    elif relation == "this":
        chosen = this_year + index
        if kind == "season" and chosen != now:  # "this summer", said in February: the coming one
            chosen = anchor.year * per_year + index
    elif kind == "quarter" and ctx.past:
        chosen = max(c for c in candidates if c <= now)  # results are told once it has begun
    else:
        chosen = _closest(candidates, now, ctx)
    chosen_year, chosen_index = divmod(chosen, per_year)
    return _date(_render(kind, _year_text(chosen_year), chosen_index))


def _year_spec(t: Tokens, i: int, ctx: _Context) -> tuple[int | None, int] | None:
    """An optional year at ``t[i]``: "2025", "'98", "last year", "of 2025"."""
    if i < len(t) and t[i] in ("of", "in"):
        i += 1
    if i >= len(t):
        return None, i
    word = t[i]
    if _YEAR_RE.fullmatch(word):
        return int(word), i + 1
    spoken = _spoken_year(t, i)
    if spoken is not None:
        return spoken
    if t[i : i + 2] == ("the", "year"):  # "the second half of the year"
        return (None if ctx.day is None else ctx.day.year), i + 2
    short = _SHORT_YEAR_RE.fullmatch(word)
    if short:
        return _century_for(int(short.group(1)), ctx) + int(short.group(1)), i + 1
    if t[i + 1 : i + 2] == ("year",) and word in ("last", "this", "next"):
        if ctx.day is None:
            return None, i + 2
        return ctx.day.year + {"last": -1, "this": 0, "next": 1}[word], i + 2
    return None, i


def _spoken_year(t: Tokens, i: int) -> tuple[int, int] | None:
    """A year in words at ``t[i]``: "nineteen ninety-six", "two thousand (and) one"."""
    word = t[i] if i < len(t) else ""
    if word in SPOKEN_CENTURIES:
        following = t[i + 1] if i + 1 < len(t) else ""
        if following == "hundred":
            return SPOKEN_CENTURIES[word] * 100, i + 2
        if following in TENS:
            ones = ONES.get(t[i + 2], 0) if i + 2 < len(t) else 0
            year = SPOKEN_CENTURIES[word] * 100 + TENS[following] + (ones if ones < 10 else 0)
            return year, i + 2 + (0 < ones < 10)
        if ONES.get(following, 0) >= 10:  # "nineteen fifteen"
            return SPOKEN_CENTURIES[word] * 100 + ONES[following], i + 2
        return None
    if t[i : i + 2] == ("two", "thousand"):
        i += 2 + (t[i + 2 : i + 3] == ("and",))
        ones = ONES.get(t[i], 0) if i < len(t) else 0
        return (2000 + ones, i + 1) if ones else (2000, i)
    return None


def _century_for(two_digits: int, ctx: _Context) -> int:
    """1900 or 2000 for a two-digit year: the latest not past the anchor's year by much."""
    if ctx.day is None:
        return 2000 if two_digits <= UNANCHORED_CENTURY_PIVOT else 1900
    century = ctx.day.year - ctx.day.year % 100
    late = century + two_digits >= ctx.day.year + TWO_DIGIT_YEAR_LEAD
    return century - 100 if late else century


def _calendar(t: Tokens, ctx: _Context, definite: bool) -> Timex | None:
    """Dates by the calendar: "October 19", "14 October 2025", "the 14th", "Christmas"."""
    weekday = WEEKDAYS.get(t[0]) if len(t) > 1 else None  # "Friday, October 17"
    i = 0 if weekday is None else 1
    holiday = _holiday(t[i:], ctx)
    if holiday is not None:
        return holiday
    month = MONTHS.get(t[i]) if i < len(t) else None
    day: int | None = None
    if month is not None:  # "October", "October 19", "Oct. 19, 2025", "October of 2025"
        i += 1
        found = _day_of_month(t, i)
        if found is not None:
            day, i = found[0], found[1]
    else:  # "14 October", "the 14th of October", "the 14th"
        found = _day_of_month(t, i)
        if found is None:
            return None
        day, i, is_ordinal = found
        if i < len(t) and t[i] == "of":
            i += 1
        month = MONTHS.get(t[i]) if i < len(t) else None
        if month is None:
            if i == len(t) and is_ordinal and definite and 1 <= day <= 31:
                return _day_in_some_month(day, ctx)
            return None
        i += 1
    spec = _year_spec(t, i, ctx)
    if spec is None or spec[1] != len(t):
        return None
    return _ymd(spec[0], month, day, ctx, weekday)


def _holiday(t: Tokens, ctx: _Context) -> Timex | None:
    for length in range(min(len(t), 3), 0, -1):
        key = t[:length]
        if key not in HOLIDAY_NAMES:
            continue
        spec = _year_spec(t, length, ctx)
        if spec is None or spec[1] != len(t):
            return None
        if key in HOLIDAYS:
            month, day = HOLIDAYS[key]
            return _ymd(spec[0], month, day, ctx)
        return _movable_holiday(key, spec[0], ctx)
    return None


def _movable_holiday(key: Tokens, year: int | None, ctx: _Context) -> Timex:
    """A holiday whose date changes with the year: that year's, or, with no year
    given, the one nearest the anchor as :func:`_closest` weighs the tense."""
    if year is not None:
        return _date(_holiday_date(key, year).isoformat())
    if ctx.day is None:
        month = MOVABLE_HOLIDAYS[key][0] if key in MOVABLE_HOLIDAYS else None
        return _date("XXXX-" + (f"{month:02d}" if month else "XX") + "-XX", anchored=False)
    days = [_holiday_date(key, ctx.day.year + offset).toordinal() for offset in (-1, 0, 1)]
    return _date(dt.date.fromordinal(_closest(days, ctx.day.toordinal(), ctx)).isoformat())


def _holiday_date(key: Tokens, year: int) -> dt.date:
    if key in EASTER_HOLIDAYS:
        return _easter(year) + dt.timedelta(days=EASTER_HOLIDAYS[key])
    month, weekday, which, after = MOVABLE_HOLIDAYS[key]
    if which > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (which - 1))
    else:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return day + dt.timedelta(days=after)


def _easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` (the Gregorian computus, after Meeus and Jones)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday) // 433
    month = (h + weekday - 7 * m + 90) // 25
    return dt.date(year, month, (h + weekday - 7 * m + 33 * month + 19) % 32)


def _ymd(
    year: int | None, month: int, day: int | None, ctx: _Context, weekday: int | None = None
) -> Timex | None:
    """A calendar date, the year chosen by :func:`_closest` when not given: among the
    years whose date falls on ``weekday`` when the phrase names one ("Monday, March 16")."""
    if day is not None and not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
        return None  # 2000: a leap year, so an unknown year allows 29 February
    if year is not None:
        return _date(_year_text(year) + _month_day(month, day))
    anchor = ctx.day
    if anchor is None:
        return _date("XXXX" + _month_day(month, day), anchored=False)
    if day is None:
        return _named(month - 1, "month", None, ctx)
    candidates = []
    for year_ in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day <= calendar.monthrange(year_, month)[1]:
            candidates.append(dt.date(year_, month, day).toordinal())
    on_the_day = [c for c in candidates if dt.date.fromordinal(c).weekday() == weekday]
    chosen = _closest(on_the_day or candidates, anchor.toordinal(), ctx)
    return _date(dt.date.fromordinal(chosen).isoformat())


def _month_day(month: int, day: int | None) -> str:
    return f"-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _day_in_some_month(day: int, ctx: _Context) -> Timex | None:
    """A day of an unnamed month ("the 14th"): the one nearest the anchor."""
    anchor = ctx.day
    if anchor is None:
        return _date(f"XXXX-XX-{day:02d}", anchored=False)
    candidates = []
    for offset in (-1, 0, 1):
        year, month0 = divmod(anchor.year * 12 + anchor.month - 1 + offset, 12)
        if day <= calendar.monthrange(year, month0 + 1)[1]:
            candidates.append(dt.date(year, month0 + 1, day).toordinal())
    chosen = _closest(candidates, anchor.toordinal(), ctx)
    return _date(dt.date.fromordinal(chosen).isoformat())


def _named_period(t: Tokens, ctx: _Context, definite: bool) -> Timex | None:
    """Years, decades, centuries, seasons, quarters, halves, weekdays, the weekend."""
    word = t[0]
    if len(t) == 1:
        if word in WEEKDAYS:
            return _weekday(WEEKDAYS[word], None, ctx)
        if word == "weekend":
            return _weekend(ctx)
        if _YEAR_RE.fullmatch(word):
            return _date(word)
        if word in DECADE_WORDS:
            return _date(str(DECADE_WORDS[word]))
        decade = _DECADE_RE.fullmatch(word)
        if decade:
            return _decade(decade.group(1), ctx)
        short = _SHORT_YEAR_RE.fullmatch(word)
        if short:  # "since '82"
            return _date(_year_text(_century_for(int(short.group(1)), ctx) + int(short.group(1))))
    if word == "year" and len(t) == 2 and _YEAR_RE.fullmatch(t[1]):  # "the year 2000"
        return _date(t[1])
    if _YEAR_RE.fullmatch(word) and t[1:] in (("year",), ("fiscal", "year")):  # "the 1999 year"
        return _date(word)
    spoken = _spoken_year(t, 1 if word == "year" else 0)  # "(the year) nineteen ninety-six"
    if spoken is not None and spoken[1] == len(t):
        return _date(_year_text(spoken[0]))
    if t == ("year", "end"):  # "year-end", "year's end": the year's end, as "the end of the year"
        return _period(ctx, "year", 0)
    if word in SEASONS:  # "summer", "summer 2024", "the summer of 2024"
        spec = _year_spec(t, 1, ctx)
        if spec is None or spec[1] != len(t):
            return None
        return _named(SEASONS[word], "season", None, ctx, year=spec[0])
    quarter = _QUARTER_RE.fullmatch(word)
    if quarter:  # "Q3", "Q3 2025"
        return _part_of_year(int(quarter.group(1)), 4, t, 1, ctx)
    ordinal = _ordinal(t, 0)
    if ordinal is not None:
        number, i = ordinal
        unit = t[i] if i < len(t) else ""
        if unit in ("century", "centuries") and i + 1 == len(t) and number > 0:
            return _date(f"{number - 1:02d}")  # "the 20th century" -> 19
        if unit == "quarter" and 1 <= number <= 4:
            return _part_of_year(number, 4, t, i + 1, ctx)
        if unit == "half" and 1 <= number <= 2:
            return _part_of_year(number, 2, t, i + 1, ctx)
    if len(t) > 2 and t[1] == "year" and word in ("last", "this", "next") and t[2] != "of":
        return _named_period((*t[2:], "of", *t[:2]), ctx, definite)  # "this year's 3rd quarter"
    if word in ("last", "final") and len(t) > 2 and t[1] in ("half", "quarter"):
        per_year = 2 if t[1] == "half" else 4  # "the last half of 1989": its second half
        return _part_of_year(per_year, per_year, t, 2, ctx)
    return None


def _part_of_year(number: int, per_year: int, t: Tokens, i: int, ctx: _Context) -> Timex | None:
    """Quarter (``per_year`` 4) or half (2) ``number`` of the year given at ``t[i:]``."""
    spec = _year_spec(t, i, ctx)
    if spec is None or spec[1] != len(t):
        return None
    year = spec[0]
    code = "Q" if per_year == 4 else "H"
    if year is not None:
        return _date(f"{_year_text(year)}-{code}{number}")
    if per_year == 2:
        if ctx.day is None:
            return _date(f"XXXX-H{number}", anchored=False)
        return _date(f"{ctx.day.year:04d}-H{number}")
    return _named(number - 1, "quarter", None, ctx)


def _decade(digits: str, ctx: _Context) -> Timex:
    """Decades: "1990s" -> 199, "90s" -> 199, "2000s" -> 200; "1800s" -> 18 is a century."""
    if len(digits) == 1:
        return _date(str(_century_for(int(digits) * 10, ctx) // 10 + int(digits)))
    if len(digits) == 3 and digits.endswith("0") and digits != "200":
        return _date(digits[:2])
    return _date(digits)


def _weekend(ctx: _Context) -> Timex | None:
    """A bare "weekend": the anchor's when it falls on one, else chosen by the tense."""
    if ctx.day is None:
        return _date(UNKNOWN_PERIOD["weekend"], anchored=False)
    if ctx.day.weekday() >= 5:
        return _period(ctx, "weekend", 0)
    return _period(ctx, "weekend", -1 if ctx.past else 0)


def _set(t: Tokens, time_of_day: str | None) -> Timex | None:
    """Recurring times: "daily", "every Friday", "every two weeks", "twice a month"."""
    if not t:
        return None
    suffix = f"T{time_of_day}" if time_of_day else ""
    if len(t) == 1:
        word = t[0]
        if word in ("every", "each") and suffix:  # "every morning"
            return Timex("SET", f"XXXX-XX-XX{suffix}")
        if word in SET_WORDS:
            return Timex("SET", SET_WORDS[word])
        if word in WEEKDAYS_PLURAL:  # "on Fridays"
            return Timex("SET", f"XXXX-WXX-{WEEKDAYS_PLURAL[word] + 1}{suffix}")
        if word in PARTS_OF_DAY_PLURAL:
            return Timex("SET", f"XXXX-XX-XXT{PARTS_OF_DAY_PLURAL[word]}")
        return None
    if len(t) == 2 and t[0] in WEEKDAYS and t[1] in PARTS_OF_DAY_PLURAL:  # "Tuesday nights"
        return Timex("SET", f"XXXX-WXX-{WEEKDAYS[t[0]] + 1}T{PARTS_OF_DAY_PLURAL[t[1]]}")
    if t[0] in ("every", "each"):
        body = t[1:]
    elif (t[0] in FREQUENCY_WORDS or t[1] == "times") and t[-2] in ("a", "an", "per", "each"):
        body = t[-1:]  # "twice a week", "three times per year"
    else:
        return None
    head = body[0] if len(body) == 1 else ""
    if head in WEEKDAYS:
        return Timex("SET", f"XXXX-WXX-{WEEKDAYS[head] + 1}{suffix}")
    if head in MONTHS:
        return Timex("SET", f"XXXX-{MONTHS[head]:02d}")
    if head in SEASONS:
        return Timex("SET", "XXXX-" + SEASON_CODES[SEASONS[head]])
    if head == "weekend":
        return Timex("SET", "XXXX-WXX-WE")
    if body[0] == "other":  # "every other week"
        body = ("two", *body[1:])
    parsed = _quantity_unit(body)
    if parsed is None:
        return None
    qty, unit = parsed
    if suffix and unit.code == "D" and qty is None:  # "every day at 9 a.m."
        return Timex("SET", f"XXXX-XX-XX{suffix}")
    value = _duration_value(1.0 if qty is None else qty, unit)
    return Timex("SET", value) if value else None


def _numeric_date(text: str, ctx: _Context) -> Timex | None:
    """Whole-string numeric dates: ISO "2025-10-14(T09:30)", US "10/14/2025", "11/02/89"."""
    iso = _ISO_RE.fullmatch(text)
    if iso:
        year, month, day, hour, minute = iso.groups()
        if not 1 <= int(month) <= 12:
            return None
        found = _ymd(int(year), int(month), int(day) if day else None, ctx)
        if found is None or hour is None:
            return found
        if int(hour) > 24 or int(minute) > 59:
            return None
        return Timex("TIME", f"{found.value}T{hour}:{minute}")
    slash = _SLASH_DATE_RE.fullmatch(text)
    if slash:
        month_text, day_text, year_text = slash.groups()
        year = int(year_text)
        if len(year_text) == 2:
            year += _century_for(year, ctx)
        if not 1 <= int(month_text) <= 12:
            return None
        return _ymd(year, int(month_text), int(day_text), ctx)
    return None
