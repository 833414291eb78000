"""What story clustering compares: three bags of terms per article, no parsing.

- ``body``: content words of the title and text (lower case, stop words out,
  plurals folded), the bag TF-IDF compares;
- ``title``: the same for the title alone (headlines name the event);
- ``names``: capitalised word runs, a cheap stand-in for named entities
  ("Amy Coney Barrett", "Barrett", "Supreme Court"), as Miranda et al. (2018)
  use entities next to words. spaCy would find them better, but parsing every
  article of a 100k stream just to cluster it is what this avoids.

Term weights are sublinear (1 + log tf); IDF is applied later, by the index,
with document frequencies counted as the stream goes.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from storytrace.link.stopwords import STOP_WORDS

__all__ = ["SPACES", "ArticleTerms", "article_terms", "content_words", "name_terms"]

SPACES = ("body", "title", "names")

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# a run of capitalised words, allowing "of"/"de"/"al" inside ("Bank of England")
_NAME = re.compile(
    r"(?:[A-Z][\w'’.\-]*[\w])(?:\s+(?:(?:of|de|del|da|al|van|von|la|le|the)\s+)?[A-Z][\w'’.\-]*[\w])*"
)


@lru_cache(maxsize=200_000)
def _fold_plural(word: str) -> str:
    # a light stemmer: plurals and possessives fold onto the singular, nothing more
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """Lower-cased content words of ``text``: stop words and one-letter words out."""
    return [
        _fold_plural(word)
        for word in _WORD.findall(text.lower())
        if len(word) > 1 and word not in STOP_WORDS
    ]


def name_terms(text: str) -> list[str]:
    """Capitalised runs of ``text`` (a sentence's first word alone doesn't count),
    each as a whole and, for runs of several words, by its last word (a surname)."""
    found = []
    for match in _NAME.finditer(text):
        tokens = [t.strip(".'’") for t in match.group().split()]
        tokens = [t for t in tokens if t.lower() not in STOP_WORDS]
        if not tokens:
            continue
        before = text[max(0, match.start() - 2) : match.start()]
        sentence_start = match.start() == 0 or before.strip() in {".", "!", "?", '"', "“"}
        if len(tokens) == 1 and (sentence_start or before.endswith("\n")):
            continue
        found.append(" ".join(tokens).lower())
        if len(tokens) > 1:
            found.append(_fold_plural(tokens[-1].lower()))
    return found


def _weights(terms: list[str]) -> dict[str, float]:
    return {term: 1.0 + math.log(n) for term, n in Counter(terms).items()}


@dataclass(frozen=True, slots=True)
class ArticleTerms:
    """Sublinear term weights of one article in each space (no IDF yet)."""

    body: dict[str, float]
    title: dict[str, float]
    names: dict[str, float]

    def space(self, name: str) -> dict[str, float]:
        if name == "body":
            return self.body
        if name == "title":
            return self.title
        return self.names


def article_terms(title: str | None, text: str) -> ArticleTerms:
    """The term bags of an article (its title counts in ``body`` too)."""
    heading = title or ""
    return ArticleTerms(
        body=_weights(content_words(heading) + content_words(text)),
        title=_weights(content_words(heading)),
        names=_weights(name_terms(heading) + name_terms(text)),
    )
