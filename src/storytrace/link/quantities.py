"""Quantities stated in articles, normalised so that different units compare:
"the 80-kilometre road", "about 50 miles", "a convoy of 1,200 trucks", "an
initial 28-point peace proposal", "995 miles (1,600 kilometres)".

Each quantity keeps what the comparison needs: its value in a base unit of its
dimension (length in km, mass in kg, duration in minutes, percent, money per
currency) or, for counts, the noun counted ("truck"); whether it is approximate
or a bound ("about", "more than"); the words around it (to tell which fact it is
about); and whether the text presents it as a change ("cut to 21 points from
30", "the revised 21-point plan"). A conversion in brackets is the same claim and
is not listed twice. Dates, years, times and small counts (``MIN_COUNT``) are
left out, and so are free-standing durations: "in eleven days" on 5 March and
"in ten days" on 4 March can be the same span seen a day apart. Durations that
describe a thing ("a 40-minute call") are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from storytrace.link.numbers import NUMBER, parse_number
from storytrace.link.words import fold, lexicon, sentences, words
from storytrace.records import ArticleAnalysis, Span

__all__ = ["MIN_COUNT", "STOP_WORDS", "Quantity", "find_quantities", "same_value"]

Bound = Literal["exact", "about", "min", "max"]

#: counts below this are left out: "two people familiar with the talks" in one
#: article and "three" in another are usually different groups, not a conflict
MIN_COUNT = 10
#: printed unit conversions are rounded (80 km = 49.7 miles, printed "50 miles"):
#: values this close (relative) are the same
EXACT_TOLERANCE = 0.02
#: "about 50 miles", "nearly three years": values this close are the same
APPROX_TOLERANCE = 0.1

# unit word -> (dimension, factor to the base unit of the dimension)
_UNITS: dict[str, tuple[str, float]] = {}
for _names, _dimension, _factor in (
    ("km kms kilometre kilometres kilometer kilometers", "length", 1.0),
    ("mile miles mi", "length", 1.609344),
    ("metre metres meter meters", "length", 0.001),
    ("foot feet ft", "length", 0.0003048),
    ("yard yards", "length", 0.0009144),
    ("kg kilogram kilograms kilogramme kilogrammes", "mass", 1.0),
    ("tonne tonnes ton tons", "mass", 1000.0),
    ("second seconds", "duration", 1 / 60),
    ("minute minutes", "duration", 1.0),
    ("hour hours", "duration", 60.0),
    ("day days", "duration", 1440.0),
    ("week weeks", "duration", 10080.0),
    ("month months", "duration", 43830.0),
    ("year years", "duration", 525960.0),
    ("percent per-cent %", "percent", 1.0),
):
    for _name in _names.split():
        _UNITS[_name] = (_dimension, _factor)
_BASE = {"length": "km", "mass": "kg", "duration": "min", "percent": "%"}
_CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}
_CURRENCY_WORDS = {"dollars": "USD", "euros": "EUR", "euro": "EUR"}

_BOUNDS: dict[str, Bound] = {
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "approximate": "about",
    "nearly": "about",
    "almost": "about",
    "some": "about",
    "estimated": "about",
    "close to": "about",
    "more than": "min",
    "over": "min",
    "at least": "min",
    "upwards of": "min",
    "fewer than": "max",
    "less than": "max",
    "under": "max",
    "up to": "max",
    "at most": "max",
}
_MONTHS = lexicon(
    """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec"""
)
_IRREGULAR_PLURALS = lexicon("people children men women police personnel staff troops cattle")
STOP_WORDS = lexicon(
    """the a an of to for from in on at by with and or but as that which who this these
    those its their his her our is are was were be been has have had will would could
    should may might can not no than then there here it they he she we you i per each
    every all any some more most less"""
)
#: verbs that change a value: "cut ... to 21 points", "later reduced to 19 points"
CHANGE_VERBS = lexicon(
    """cut cuts trimmed trims reduced reduces lowered lowers raised raises increased
    increases decreased decreases shrunk shrank expanded expands slashed scaled revised
    dropped fell rose grew"""
)
#: words that mark a value as one version of it: "the revised 21-point plan"
REVISION_WORDS = lexicon("revised amended updated initial original earlier previous new latest")
# how many words either side of a value are read for its subject
_WINDOW = 6
# a change verb this many words before "to N" makes N a changed value
_CHANGE_VERB_WORDS = 10
# a revision word this many words before the number marks it
_REVISION_WORDS = 3


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit, as stated at ``span`` of one article."""

    article: str
    span: Span
    sentence: Span
    value: float
    dimension: str  # length, mass, duration, percent, money:USD, count
    unit: str  # base unit, or the noun counted ("truck")
    bound: Bound
    around: frozenset[str]
    change: bool

    @property
    def display(self) -> str:
        number = f"{self.value:,.1f}".rstrip("0").rstrip(".")
        unit = self.unit if self.dimension != "count" else f"{self.unit}(s)"
        return f"{number} {unit}"


def _singular(noun: str) -> str:
    if noun in _IRREGULAR_PLURALS:
        return noun
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ses", "xes", "ches", "shes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _is_plural(noun: str) -> bool:
    return noun in _IRREGULAR_PLURALS or (
        noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and len(noun) > 3
    )


def _bound(before: str) -> Bound:
    tail = " ".join(fold(before).split()[-2:])
    for phrase, bound in _BOUNDS.items():
        if tail == phrase or tail.endswith(" " + phrase):
            return bound
    return "exact"


@dataclass(frozen=True, slots=True)
class _Unit:
    dimension: str
    unit: str
    factor: float
    end: int  # where the unit phrase ends in the text
    compound: bool = False  # "28-point", "a 12-member panel": specific even when small


def _unit_after(text: str, end: int, value: float) -> _Unit | None:
    """The unit or counted noun right after a number ending at ``end``."""
    rest = text[end : end + 60]
    compound = re.match(r"-([a-z]+)(-(?:long|wide|high|deep|strong|old))?\b", rest)
    if compound:  # "80-kilometre road", "28-point plan", "40-minute call", "68-year-old"
        word = fold(compound.group(1))
        if word in ("year", "years") and compound.group(2) == "-old":
            return _Unit("age", "years", 1.0, end + compound.end(), compound=True)
        if word in _UNITS:
            dimension, factor = _UNITS[word]
            return _Unit(dimension, _BASE[dimension], factor, end + compound.end(), True)
        return _Unit("count", _singular(word), 1.0, end + compound.end(), compound=True)
    if rest[:1] == "%":
        return _Unit("percent", "%", 1.0, end + 1)
    following = re.match(r"\s+([a-z][a-z\-]*)(?:\s+([a-z][a-z\-]*))?", rest)
    if following is None:
        return None
    first = fold(following.group(1))
    if first in _UNITS:
        dimension, factor = _UNITS[first]
        if dimension == "duration":
            return None  # "in eleven days": counted from a moment that moves, see above
        return _Unit(dimension, _BASE[dimension], factor, end + following.end(1))
    if first in _CURRENCY_WORDS:
        return _Unit(f"money:{_CURRENCY_WORDS[first]}", _CURRENCY_WORDS[first], 1.0, end)
    if first in STOP_WORDS:
        return None
    for group in (1, 2):  # "1,200 trucks", "1,200 aid trucks"
        noun = fold(following.group(group) or "")
        if noun and noun not in STOP_WORDS and _is_plural(noun):
            return _Unit("count", _singular(noun), 1.0, end + following.end(group))
        if noun in STOP_WORDS or not noun:
            break
    return None


def _is_date_or_year(text: str, start: int, end: int) -> bool:
    before = fold(text[max(0, start - 12) : start]).split()
    after = fold(text[end : end + 12]).split()
    if (before and before[-1].strip(",") in _MONTHS) or (after and after[0].strip(",") in _MONTHS):
        return True
    raw = text[start:end]
    if re.fullmatch(r"(?:19|20)\d\d", raw):
        return True
    return text[end : end + 1] in (":", "/") or text[max(0, start - 1) : start] in (":", "/")


def _context(text: str, sentence: tuple[int, int], start: int, end: int, n: int) -> list[str]:
    sent_words = words(text[sentence[0] : sentence[1]])
    left = [w.key for w in sent_words if sentence[0] + w.end <= start][-n:]
    right = [w.key for w in sent_words if sentence[0] + w.start >= end][:n]
    return left + right


def _presented_as_change(text: str, sentence_start: int, start: int, end: int) -> bool:
    """ "cut its draft to 21 points", "21 points from 30", "the revised 21-point plan"."""
    before = [w.key for w in words(text[sentence_start:start])]
    if (
        before
        and before[-1] == "to"
        and any(w in CHANGE_VERBS for w in before[-_CHANGE_VERB_WORDS:])
    ):
        return True
    if any(w in REVISION_WORDS for w in before[-_REVISION_WORDS:]):
        return True
    return bool(
        re.match(r"\s+(?:down |up )?from\s+\S*\d|\s+from\s+[a-z]+ty\b", text[end : end + 20])
    )


def _quantities_in(analysis: ArticleAnalysis) -> list[Quantity]:
    text = analysis.article.text
    found: list[Quantity] = []
    for s_start, s_end in sentences(text):
        sentence = text[s_start:s_end]
        skip_until = -1
        for m in NUMBER.finditer(sentence):
            start, end = s_start + m.start(), s_start + m.end()
            if start < skip_until:
                continue
            value = parse_number(m.group())
            if value is None or _is_date_or_year(text, start, end):
                continue
            currency = _CURRENCY.get(
                fold(text[max(0, start - 3) : start]).strip()
            ) or _CURRENCY.get(fold(text[max(0, start - 1) : start]))
            unit = (
                _Unit(f"money:{currency}", currency, 1.0, end)
                if currency
                else _unit_after(text, end, value)
            )
            if unit is None or (
                unit.dimension == "count" and value < MIN_COUNT and not unit.compound
            ):
                continue
            # "995 miles (1,600 kilometres)": the bracketed conversion is the same claim
            bracket = re.match(r"\s*\(([^)]{1,40})\)", text[unit.end : unit.end + 45])
            if bracket:
                skip_until = unit.end + bracket.end()
            near = _context(text, (s_start, s_end), start, unit.end, _WINDOW)
            change = _presented_as_change(text, s_start, start, unit.end)
            found.append(
                Quantity(
                    article=analysis.article.id,
                    span=Span(start, unit.end, text[start : unit.end]),
                    sentence=Span(s_start, s_end, sentence),
                    value=value * unit.factor,
                    dimension=unit.dimension,
                    unit=unit.unit,
                    bound=_bound(text[max(s_start, start - 20) : start]),
                    around=frozenset(
                        w for w in near if w not in STOP_WORDS and not w[:1].isdigit()
                    ),
                    change=change,
                )
            )
            found.extend(_from_value(analysis, found[-1], unit.factor))
    return found


def _from_value(analysis: ArticleAnalysis, q: Quantity, factor: float) -> list[Quantity]:
    """The earlier value of "to 21 points from 30": a quantity in the same unit."""
    text = analysis.article.text
    m = re.match(r"\s+(?:down |up )?from\s+(" + NUMBER.pattern + ")", text[q.span.end :])
    value = parse_number(m.group(1)) if m else None
    if m is None or value is None:
        return []
    start, end = q.span.end + m.start(1), q.span.end + m.end(1)
    return [
        Quantity(
            article=analysis.article.id,
            span=Span(start, end, text[start:end]),
            sentence=q.sentence,
            value=value * factor,
            dimension=q.dimension,
            unit=q.unit,
            bound="exact",
            around=q.around,
            change=True,
        )
    ]


def find_quantities(analyses: Sequence[ArticleAnalysis]) -> list[Quantity]:
    """Every quantity stated in ``analyses``."""
    return [q for analysis in analyses for q in _quantities_in(analysis)]


def same_value(a: Quantity, b: Quantity) -> bool:
    """Can ``a`` and ``b`` both be true? Within rounding, approximation or bounds."""
    if a.dimension != b.dimension or a.unit != b.unit:
        return False
    for low, high in ((a, b), (b, a)):
        if low.bound == "min" and high.value >= low.value * (1 - EXACT_TOLERANCE):
            return True
        if low.bound == "max" and high.value <= low.value * (1 + EXACT_TOLERANCE):
            return True
    tolerance = APPROX_TOLERANCE if "about" in (a.bound, b.bound) else EXACT_TOLERANCE
    return abs(a.value - b.value) <= tolerance * max(abs(a.value), abs(b.value))
