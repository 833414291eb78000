"""Numbers as printed in news text: "1,200", "2.5", "four hundred", "twenty-one",
"1.5 million"."""

from __future__ import annotations

import re

__all__ = ["NUMBER", "parse_number"]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: a number: digits (with thousands separators and decimals) optionally followed by a
#: scale word, or a run of number words
NUMBER = re.compile(
    rf"(?<![\w.,])(?:(?:{_DIGITS})(?:\s+(?:million|billion|thousand))?"
    rf"|(?:{_WORD})(?:(?:\s+and\s+|[\s\-]+)(?:{_WORD}))*)(?![\w])",
    re.IGNORECASE,
)


def parse_number(text: str) -> float | None:
    """The value of a number matched by :data:`NUMBER`; None when it is not one."""
    words = re.split(r"[\s\-]+", text.strip().casefold())
    words = [w for w in words if w and w != "and"]
    if not words:
        return None
    first = words[0].replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", first):
        value = float(first)
        for word in words[1:]:
            if word not in _SCALES:
                return None
            value *= _SCALES[word]
        return value
    total = 0.0
    current = 0.0
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
    return total + current
