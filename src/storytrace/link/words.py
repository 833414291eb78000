"""Words and sentences of article text, folded so that typography doesn't matter.

Outlets print the same words with curly or straight quotes, different dashes and
apostrophes, and in other letter cases; comparisons across articles use
:func:`fold` and :func:`words`, while every span still indexes the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Word", "fold", "lexicon", "sentence_at", "sentences", "word_keys", "words"]


def lexicon(words: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(words.split())


_TYPOGRAPHY = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "‑": "-",
        "…": "...",
        "\u00a0": " ",
    }
)
# a word: letters/digits with inner apostrophes or hyphens (it's, don't, foreign-policy)
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# a sentence ends at . ! ? (optionally followed by closing quotes/brackets) before
# whitespace and an upper-case letter, a digit or an opening quote; or at a line break
_SENTENCE_END = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n+""")
# a full stop after these (or after a single capital: "J. Smith") ends no sentence
_ABBREVIATIONS = lexicon("mr mrs ms dr st sen rep gov gen col lt sgt capt prof jr sr no vs u.s u.k")
_LAST_WORD = re.compile(r"([\w.]+)$")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a text: its offsets and its folded form."""

    start: int
    end: int
    key: str


def fold(text: str) -> str:
    """NFKC, straight quotes and dashes, lower case: the form texts are compared in."""
    return unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).casefold()


def words(text: str) -> list[Word]:
    """The words of ``text`` with their offsets, punctuation left out."""
    return [Word(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]


def word_keys(text: str) -> tuple[str, ...]:
    """Just the folded words of ``text``."""
    return tuple(w.key for w in words(text))


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence, without surrounding whitespace."""
    return _sentences(text)


@lru_cache(maxsize=64)  # the linkers ask for the sentences of the same articles again and again
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        end = m.end() if m.group().strip() else m.start()
        _append_trimmed(text, pos, end, spans)
        pos = m.end()
    _append_trimmed(text, pos, len(text), spans)
    return tuple(spans)


def _is_abbreviation(text: str, dot: int) -> bool:
    found = _LAST_WORD.search(text, max(0, dot - 12), dot)
    word = found.group(1).casefold() if found else ""
    return word in _ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper())


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_at(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The sentence holding ``text[start:end]`` (all the sentences it spans)."""
    end = start if end is None else end
    first, last = start, max(start, end)
    spans = sentences(text)
    covering = [(s, e) for s, e in spans if s <= last and e >= first] or [(start, max(start, end))]
    return covering[0][0], covering[-1][1]
