"""Paragraph layout of an article text: where lines start, and which are headings.

Articles arrive as one paragraph per line. The parser happily runs a sentence
across a line break when a heading or photo caption has no final full stop, so
the extract stages use lines as hard limits, and distrust headings (title-case
lines whose named-entity tags the small model gets badly wrong).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Final

__all__ = ["Layout", "looks_like_caption", "looks_like_promo", "looks_like_title"]

#: a heading has at most this many words
HEADING_MAX_WORDS: Final = 14
#: and at least this share of its content words capitalised
HEADING_MIN_CAPITALISED: Final = 0.75
#: a line ending in one of these is running text, not a heading
SENTENCE_END_CHARS: Final = frozenset(".!?:;\"”’'…")
#: a photo caption ends with its credit in parentheses: "(Jane Doe/CBC)", "(Toronto
#: Star file photo)", "(Submitted by Wendy Golden)"
_CREDIT: Final = re.compile(r"\(([^()]{2,80})\)\s*$")
#: how a link to another story opens its line
_PROMO: Final = re.compile(
    r"(?:READ MORE|WATCH|RELATED|LISTEN|SEE ALSO|MORE)\s*[:|]", re.IGNORECASE
)
#: a caption has at most this many words (a longer line is running text a caption was
#: run into; GGT annotates the quotes of those)
CAPTION_MAX_WORDS: Final = 60
#: how a caption places people in its picture
_IN_PICTURE: Final = re.compile(
    r", (?:left|right|centre|center|second from (?:left|right)),|\bin this (?:\w+ ){0,2}photo\b"
)
# fmt: off
#: words of a photo credit (any "/" makes one too)
CREDIT_WORDS: Final = frozenset({
    "afp", "ap", "archives", "cbc", "courtesy", "file", "getty", "images", "photo", "press",
    "reuters", "star", "submitted",
})
# fmt: on
# fmt: off
#: small words that a title-case heading leaves in lower case
HEADING_FUNCTION_WORDS: Final = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "the", "this", "to", "up", "vs", "with",
})
# fmt: on


class Layout:
    """Line (paragraph) boundaries of ``text``, found once per article."""

    def __init__(self, text: str) -> None:
        self._text = text
        starts = [0]
        newline = text.find("\n")
        while newline != -1:
            starts.append(newline + 1)
            newline = text.find("\n", newline + 1)
        self._starts = starts
        self._headings: dict[int, bool] = {}
        self._captions: dict[int, bool] = {}
        # paragraphs are the lines with words: blank lines between them don't count, nor
        # a separator (" .", "* * *") some sites put between paragraphs
        ends = [*(start - 1 for start in starts[1:]), len(text)]
        self._paragraphs = list(
            accumulate(
                1 if any(c.isalnum() for c in text[start:end]) else 0
                for start, end in zip(starts, ends, strict=True)
            )
        )

    def index(self, char: int) -> int:
        """Number of the line holding character offset ``char``."""
        return bisect_right(self._starts, char) - 1

    def paragraph(self, char: int) -> int:
        """Number of the paragraph (non-blank line) holding ``char``."""
        return self._paragraphs[self.index(char)]

    def bounds(self, char: int) -> tuple[int, int]:
        """``(start, end)`` of the line holding ``char``, without its newline."""
        line = self.index(char)
        start = self._starts[line]
        end = self._starts[line + 1] - 1 if line + 1 < len(self._starts) else len(self._text)
        return start, end

    def same_line(self, first: int, second: int) -> bool:
        return self.index(first) == self.index(second)

    def is_caption(self, char: int) -> bool:
        """Whether the line holding ``char`` is a photo caption (ends with a credit)."""
        line = self.index(char)
        cached = self._captions.get(line)
        if cached is None:
            start, end = self.bounds(char)
            cached = looks_like_caption(self._text[start:end])
            self._captions[line] = cached
        return cached

    def is_promo(self, char: int) -> bool:
        """Whether the line holding ``char`` links to another story ("READ MORE: …")."""
        start, end = self.bounds(char)
        return looks_like_promo(self._text[start:end])

    def is_heading(self, char: int) -> bool:
        """Whether the line holding ``char`` looks like a title-case heading."""
        line = self.index(char)
        cached = self._headings.get(line)
        if cached is None:
            start, end = self.bounds(char)
            cached = looks_like_title(self._text[start:end].strip())
            self._headings[line] = cached
        return cached


def looks_like_caption(line: str) -> bool:
    """A photo caption: a line ending with a credit in parentheses, or placing people
    in the picture ("Ada Brown, left, and her daughter…", "in this handout photo")."""
    if len(line.split()) > CAPTION_MAX_WORDS:
        return False  # running text, perhaps with a caption run into it
    if _IN_PICTURE.search(line):
        return True
    match = _CREDIT.search(line)
    if match is None:
        return False
    credit = match.group(1)
    return "/" in credit or any(w in CREDIT_WORDS for w in re.findall(r"[a-z]+", credit.lower()))


def looks_like_promo(line: str) -> bool:
    """A link to another story: "READ MORE: …", "WATCH: …", "RELATED: …"."""
    return _PROMO.match(line.strip()) is not None


def looks_like_title(line: str) -> bool:
    """Title case, short, no final full stop: a heading, or the name of a show."""
    if not line or line[-1] in SENTENCE_END_CHARS:
        return False
    words = line.split()
    if len(words) > HEADING_MAX_WORDS:
        return False
    content = [w for w in words if w[0].isalpha() and w.lower() not in HEADING_FUNCTION_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= HEADING_MIN_CAPITALISED
