"""The words the TIMEX3 normaliser knows: months, weekdays, units, relations, holidays.

Data only (and the unit table built from it); :mod:`storytrace.extract.timex`
reads phrases with it. Lower-case tokens, as :func:`timex._tokenise` gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final, Literal

Tokens = tuple[str, ...]

MONTHS: Final = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
#: full names only: "sun", "sat", "wed" are ordinary words far more often
WEEKDAYS: Final = {
    "monday": 0, "tuesday": 1, "tues": 1, "wednesday": 2, "thursday": 3, "thurs": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
WEEKDAYS_PLURAL: Final = {name + "s": day for name, day in WEEKDAYS.items() if len(name) > 5}
#: season -> index in the year (winter is the one that starts in December)
SEASONS: Final = {"spring": 0, "summer": 1, "autumn": 2, "fall": 2, "winter": 3}
SEASON_CODES: Final = ("SP", "SU", "FA", "WI")
#: TIMEX3 parts of the day
PARTS_OF_DAY: Final = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
PARTS_OF_DAY_PLURAL: Final = {name + "s": code for name, code in PARTS_OF_DAY.items()}
#: named clock times
#: ("midnight Friday" ends Friday: 24:00, as TimeBank and ISO 8601 write the end of a day)
CLOCK_WORDS: Final = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
#: zones a wire gives a four-digit time in ("10:30 a.m. (0730 GMT)")
UNIVERSAL_TIME_WORDS: Final = frozenset({"gmt", "utc"})
#: time-zone words after a clock time: dropped, the value stays local time
TIME_ZONE_WORDS: Final = frozenset({
    "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt",
    "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "msk", "ist", "jst", "aest",
    "local", "time", "eastern", "central", "mountain", "pacific", "standard", "daylight",
})  # fmt: skip

ONES: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
ORDINALS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}  # fmt: skip
#: the first word of a year said aloud ("nineteen ninety-six") -> its century
SPOKEN_CENTURIES: Final = {"eighteen": 18, "nineteen": 19}
#: "the nineties" -> the decade's first three digits (always the 1900s)
DECADE_WORDS: Final = {name[:-1] + "ies": value // 10 + 190 for name, value in TENS.items()}
VAGUE_QUANTITIES: Final = frozenset({"few", "several", "many", "some", "numerous", "multiple"})
#: "dozens of years", "a number of days"
VAGUE_PLURALS: Final = frozenset({"dozens", "hundreds", "thousands", "number"})


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of time: how it is written in a duration and which period it names."""

    code: str  # ISO 8601 designator in a duration: Y M W D H M S
    in_time: bool  # the designator follows "T" (hours, minutes, seconds)
    period: str | None  # calendar period of "last/this/next <unit>", if it names one
    factor: int = 1  # how many ``code`` units one of these is (a decade is 10 Y)
    vague: str = ""  # designator for an unknown number of them, if not ``code``
    plural: bool = False


def _units() -> dict[str, Unit]:
    base = {
        "second": Unit("S", True, "second"),
        "minute": Unit("M", True, "minute"),
        "hour": Unit("H", True, "hour"),
        "day": Unit("D", False, "day"),
        "week": Unit("W", False, "week"),
        "fortnight": Unit("W", False, None, factor=2),
        "month": Unit("M", False, "month"),
        # "Q": the designator TimeBank and MEANTIME write quarters in ("the past two quarters");
        # an unknown number of them is some months ("recent quarters": PXM, as TimeBank has it)
        "quarter": Unit("Q", False, "quarter", vague="M"),
        "year": Unit("Y", False, "year"),
        "decade": Unit("Y", False, "decade", factor=10, vague="DE"),
        "century": Unit("Y", False, "century", factor=100, vague="CE"),
    }
    plurals = {"century": "centuries"}
    abbreviations = {"sec": "second", "min": "minute", "hr": "hour", "yr": "year", "wk": "week"}
    units: dict[str, Unit] = {}
    for name, unit in base.items():
        units[name] = unit
        units[plurals.get(name, name + "s")] = replace(unit, plural=True)
    for short, name in abbreviations.items():
        units[short] = base[name]
        units[short + "s"] = units[plurals.get(name, name + "s")]
    return units


UNITS: Final = _units()
#: every word that names a unit of time ("minute", "years", "hrs")
UNIT_WORDS: Final = frozenset(UNITS)
#: ISO designator of a duration -> the calendar period "N of them ago" lands on
SHIFT_PERIODS: Final = {
    ("Y", False): "year", ("Q", False): "quarter", ("M", False): "month", ("W", False): "week",
    ("D", False): "day",
    ("H", True): "hour", ("M", True): "minute", ("S", True): "second",
}  # fmt: skip
#: a fraction of a unit written in the next smaller one: (designator, in_time, ratio)
SMALLER_UNIT: Final = {
    ("Y", False): ("M", False, 12), ("Q", False): ("M", False, 3), ("W", False): ("D", False, 7),
    ("D", False): ("H", True, 24),
    ("H", True): ("M", True, 60), ("M", True): ("S", True, 60),
}  # fmt: skip
#: the value of a period nothing ties to a date
UNKNOWN_PERIOD: Final = {
    "second": "XXXX-XX-XXTXX:XX", "minute": "XXXX-XX-XXTXX:XX", "hour": "XXXX-XX-XXTXX:XX",
    "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
    "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX",
}  # fmt: skip
#: periods "the <unit>" can name ("the year" is the anchor's year); days and
#: hours are left out: "the day" is nearly always the story's day (see
#: :func:`_from_story`), and "the quarter" the one a business story reports on
DEFINITE_PERIODS: Final = frozenset({"week", "month", "year", "decade", "century"})

REFERENCES: Final[dict[Tokens, str]] = {
    ("now",): "PRESENT_REF", ("right", "now"): "PRESENT_REF", ("currently",): "PRESENT_REF",
    ("current",): "PRESENT_REF", ("present",): "PRESENT_REF", ("presently",): "PRESENT_REF",
    ("nowadays",): "PRESENT_REF", ("these", "days"): "PRESENT_REF",
    ("moment",): "PRESENT_REF", ("this", "point"): "PRESENT_REF",
    ("time", "being"): "PRESENT_REF",
    ("recently",): "PAST_REF", ("recent",): "PAST_REF", ("more", "recently"): "PAST_REF",
    ("lately",): "PAST_REF", ("previously",): "PAST_REF", ("formerly",): "PAST_REF",
    ("earlier",): "PAST_REF", ("past",): "PAST_REF",
    ("soon",): "FUTURE_REF", ("shortly",): "FUTURE_REF", ("future",): "FUTURE_REF",
    ("near", "future"): "FUTURE_REF", ("near", "term"): "FUTURE_REF",
    ("foreseeable", "future"): "FUTURE_REF", ("distant", "future"): "FUTURE_REF",
    ("recent", "past"): "PAST_REF", ("distant", "past"): "PAST_REF",
    ("short", "term"): "FUTURE_REF", ("long", "term"): "FUTURE_REF",
    ("a", "later", "date"): "FUTURE_REF", ("later", "date"): "FUTURE_REF",
}  # fmt: skip
#: "a while ago", "long ago": past, but not when
VAGUE_AGO: Final[frozenset[Tokens]] = frozenset({
    ("while",), ("a", "while"), ("long",), ("not", "long"), ("some", "time"),
    ("a", "long", "time"), ("moments",), ("ages",),
})  # fmt: skip

#: words before an expression that TIMEX3 leaves outside it ("on Friday")
PREPOSITIONS: Final = frozenset({
    "on", "in", "at", "since", "by", "until", "till", "through", "throughout", "during",
    "from", "for", "of", "back", "before", "after", "within", "as", "to", "into", "across",
})  # fmt: skip
#: modifiers inside the expression that change its TIMEX3 ``mod``, not its value
MODIFIERS: Final = frozenset({
    "early", "earlier", "late", "later", "mid", "nearly", "almost", "about", "around",
    "approximately", "roughly", "circa", "over", "under", "just", "only", "barely", "well",
    "exactly", "precisely", "fully", "fiscal", "no",
})  # fmt: skip
MODIFIER_PAIRS: Final[frozenset[Tokens]] = frozenset({
    ("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("at", "most"),
    ("up", "to"), ("close", "to"), ("end", "of"), ("beginning", "of"), ("start", "of"),
    ("middle", "of"), ("turn", "of"), ("as", "of"), ("so", "far"),
})  # fmt: skip
#: everything stripped from the front before the date words are read
LEADING_WORDS: Final = MODIFIERS | PREPOSITIONS
#: left between a date and its time of day ("Friday at 3 p.m.") and dropped
CONNECTIVES: Final = frozenset({"at", "on", "in", "of", "the", "and"})
#: relational words: which way "<word> week" points and how
Relation = Literal["last", "this", "next", "past", "anaphoric", "span"]
RELATIONS: Final[dict[str, Relation]] = {
    "last": "last", "previous": "anaphoric", "prior": "anaphoric", "preceding": "anaphoric",
    "this": "this", "current": "this", "next": "next", "coming": "next", "upcoming": "next",
    "following": "anaphoric", "that": "anaphoric", "same": "anaphoric", "past": "past",
    "first": "span", "final": "span", "initial": "span",
}  # fmt: skip
RELATION_OFFSETS: Final[dict[Relation, int]] = {"last": -1, "past": -1, "this": 0, "next": 1}
#: how an anaphoric word counts from the story's last date: "the following day" is the next
STORY_RELATIONS: Final[dict[str, Relation]] = {
    "next": "next", "following": "next", "previous": "last", "prior": "last",
    "preceding": "last", "that": "this", "same": "this",
}  # fmt: skip
#: "the day before", "the year after": which way the story's last date is counted from
EVENT_DIRECTIONS: Final[dict[str, Relation]] = {
    "before": "last", "earlier": "last", "prior": "last", "previously": "last",
    "beforehand": "last", "after": "next", "later": "next", "afterwards": "next",
    "afterward": "next",
}  # fmt: skip
#: the grains of a story date that a period can be counted from ("the next day" needs a day)
STORY_GRAINS: Final[dict[str, frozenset[str]]] = {
    "day": frozenset({"day"}), "week": frozenset({"day", "week"}),
    "month": frozenset({"day", "month"}), "quarter": frozenset({"day", "month", "quarter"}),
    "year": frozenset({"day", "week", "month", "quarter", "half", "season", "year"}),
}  # fmt: skip
#: "the same period of last year": the words around the period ...
PERIOD_NOUNS: Final = frozenset({"period", "time", "month", "quarter", "season"})
SAME_PERIOD_WORDS: Final = frozenset({"same", "corresponding", "comparable", "of", *PERIOD_NOUNS})
#: ... and the year before that ends the phrase
YEAR_BEFORE_MARKERS: Final[tuple[Tokens, ...]] = (
    ("last", "year"), ("a", "year", "ago"), ("a", "year", "earlier"), ("the", "previous", "year"),
    ("the", "year", "before"), ("previous", "year"), ("prior", "year"),
)  # fmt: skip
#: story dates whose period the same one a year back can name (not a day: "that day last year")
PERIODS_A_YEAR_BACK: Final = frozenset({"month", "quarter", "half", "season", "year"})
#: "coming months", "future quarters": an unknown time ahead (FUTURE_REF)
VAGUE_FUTURE: Final = frozenset({"coming", "upcoming", "future"})
THIS_PAST_OR_COMING: Final[frozenset[Tokens]] = frozenset({("this", "past"), ("this", "coming")})
#: words after "N units" that count from an event: "two days later"
EVENT_RELATIVE: Final = frozenset({
    "later", "earlier", "before", "after", "afterwards", "afterward", "beforehand", "prior",
    "previously", "since",
})  # fmt: skip
DAY_WORDS: Final[dict[Tokens, int]] = {
    ("today",): 0, ("yesterday",): -1, ("tomorrow",): 1,
    ("day", "before", "yesterday"): -2, ("day", "after", "tomorrow"): 2,
}  # fmt: skip
#: with a part of the day: "this morning", "last night"
DAY_WORDS_BEFORE_PART: Final[dict[Tokens, int]] = {("this",): 0, ("last",): -1}
#: "the next morning": a day counted from the story, not the anchor
ANAPHORIC_DAY_WORDS: Final[frozenset[Tokens]] = frozenset({
    ("next",), ("following",), ("previous",), ("same",), ("that",),
})  # fmt: skip
#: words between a quantity and its unit that leave the unit as it is
#: ("two more weeks", "eight trading days", "the current fiscal year")
UNIT_ADJECTIVES: Final = frozenset({
    "more", "additional", "extra", "further", "trading", "business", "working",
    "calendar", "fiscal", "full", "straight", "consecutive", "same",
})  # fmt: skip
SET_WORDS: Final = {
    "daily": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "weekends": "XXXX-WXX-WE",
}  # fmt: skip
#: the fractions AP style writes with a slash
FRACTIONS: Final = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75}
#: "twice a week": the frequency word, dropped (TIMEX3 keeps it in ``freq``)
FREQUENCY_WORDS: Final = frozenset({"once", "twice", "thrice"})
#: fixed-date holidays -> (month, day)
HOLIDAYS: Final[dict[Tokens, tuple[int, int]]] = {
    ("christmas",): (12, 25), ("christmas", "day"): (12, 25), ("christmas", "eve"): (12, 24),
    ("boxing", "day"): (12, 26), ("new", "year", "day"): (1, 1),
    ("new", "year", "eve"): (12, 31), ("halloween",): (10, 31),
    ("valentine", "day"): (2, 14), ("independence", "day"): (7, 4),
    ("veterans", "day"): (11, 11), ("st", "patrick", "day"): (3, 17),
    ("saint", "patrick", "day"): (3, 17),
}  # fmt: skip
#: holidays on a weekday of a month -> (month, weekday 0-6, which one (-1: the last),
#: days after it): Thanksgiving is the fourth Thursday of November, Election Day the
#: Tuesday after the first Monday in November (the US holidays news dates events by)
MOVABLE_HOLIDAYS: Final[dict[Tokens, tuple[int, int, int, int]]] = {
    ("thanksgiving",): (11, 3, 4, 0), ("thanksgiving", "day"): (11, 3, 4, 0),
    ("labor", "day"): (9, 0, 1, 0), ("memorial", "day"): (5, 0, -1, 0),
    ("election", "day"): (11, 0, 1, 1), ("columbus", "day"): (10, 0, 2, 0),
    ("presidents", "day"): (2, 0, 3, 0), ("mother", "day"): (5, 6, 2, 0),
    ("father", "day"): (6, 6, 3, 0),
}  # fmt: skip
#: holidays counted in days from Easter Sunday
EASTER_HOLIDAYS: Final[dict[Tokens, int]] = {
    ("easter",): 0, ("easter", "sunday"): 0, ("good", "friday"): -2, ("easter", "monday"): 1,
}  # fmt: skip
#: every holiday name the normaliser reads
HOLIDAY_NAMES: Final = frozenset({*HOLIDAYS, *MOVABLE_HOLIDAYS, *EASTER_HOLIDAYS})
#: words that make the phrase an age ("65-year-old"), which TIMEX3 does not mark
AGE_WORDS: Final = frozenset({"old", "olds"})
