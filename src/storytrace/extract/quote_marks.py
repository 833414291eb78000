"""Find quotations by their marks: "…", “…”, ‘…’ and '…'.

The difficulty is the single mark: ’ closes a ‘…’ quotation but is also the
apostrophe of "it’s" and "Russia’s", and the plural possessive of "the
Russians’ plan". Each mark is classified from the characters beside it
(between two letters it is an apostrophe), then opening and closing marks are
paired within one line. A quotation still open at the end of its line is
dropped rather than guessed at, except in the newspaper convention for a
quotation running over several paragraphs: each paragraph opens the mark
again and only the last one closes it; a paragraph that opens with a mark
left open, followed by one that opens with the same mark, is a quotation of
its own (``closed`` False) up to its last character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Final

__all__ = ["QuoteMarks", "find_quotes"]

#: a quotation mark, a newline, or two apostrophes standing for a double mark
#: (''…'', as some newswires type it)
_MARK_OR_NEWLINE: Final = re.compile("''|[\n\"'\u2018\u2019\u201c\u201d]")
_APOSTROPHES: Final = "''"
#: what may stand just before an opening mark
_BEFORE_OPENING: Final = frozenset(' \t\n([{—–-/:"“‘')
#: what ends the sentence before a quotation that opens a new one
_SENTENCE_END: Final = frozenset(".!?:")
#: words shortened with a leading apostrophe: ‘em, ‘cause, ‘til, ‘tis
_ELISIONS: Final = ("em ", "cause ", "til ", "tis ", "twas ", "n ")


class _Role(Enum):
    NEWLINE = 0
    OPEN_DOUBLE = 1
    CLOSE_DOUBLE = 2
    OPEN_SINGLE = 3
    CLOSE_SINGLE = 4


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """A quotation: its opening mark at ``open`` and its closing mark at ``close``.

    ``start``/``end`` delimit the words inside, without the marks or the
    whitespace next to them.
    """

    open: int
    close: int
    start: int
    end: int
    #: False for a paragraph of a quotation that the next paragraph reopens
    #: (“…⏎“…”): ``close`` is then its last character, not a mark
    closed: bool = True


def find_quotes(text: str) -> list[QuoteMarks]:
    """Every complete quotation in ``text``, outermost only, in order."""
    marks = []
    for m in _MARK_OR_NEWLINE.finditer(text):
        pair = m.group() == _APOSTROPHES
        role = _classify_pair(text, m.start()) if pair else _classify(text, m.start())
        if role is not None:
            # a closing pair is known by its last character, so that close + 1 ends it
            closing = pair and role is _Role.CLOSE_DOUBLE
            marks.append((m.start() + 1 if closing else m.start(), role))
    quotes: list[QuoteMarks] = []
    opened: tuple[int, _Role] | None = None
    nested = 0  # double quotations open inside the open single one
    for n, (pos, role) in enumerate(marks):
        if role is _Role.NEWLINE:
            if opened is not None and _reopened(text, opened[0], pos):
                quotes.append(_unclosed(text, opened[0], pos))
            opened, nested = None, 0
        elif opened is None:
            if role in (_Role.OPEN_DOUBLE, _Role.OPEN_SINGLE):
                opened, nested = (pos, role), 0
        elif opened[1] is _Role.OPEN_DOUBLE:
            # single marks inside “…” are nested quotes or apostrophes: ignored
            if role is _Role.CLOSE_DOUBLE:
                quotes.append(_quote(text, opened[0], pos))
                opened = None
            elif role is _Role.OPEN_DOUBLE:  # unbalanced: the later opening wins
                opened = (pos, role)
        elif role is _Role.OPEN_DOUBLE:
            nested += 1
        elif role is _Role.CLOSE_DOUBLE:
            nested = max(nested - 1, 0)
        elif role is _Role.CLOSE_SINGLE and not nested and not _possessive(text, marks, n):
            quotes.append(_quote(text, opened[0], pos))
            opened = None
    return [q for q in quotes if any(ch.isalnum() for ch in text[q.start : q.end])]


def _classify(text: str, pos: int) -> _Role | None:
    mark = text[pos]
    if mark == "\n":
        return _Role.NEWLINE
    before = text[pos - 1] if pos else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    if mark == "“":
        return _Role.OPEN_DOUBLE
    if mark == "”":
        return _Role.CLOSE_DOUBLE
    opens = before in _BEFORE_OPENING and not after.isspace()
    if mark == '"':
        if opens:
            return _Role.OPEN_DOUBLE
        return None if before.isspace() else _Role.CLOSE_DOUBLE
    if before.isalnum() and after.isalnum():
        return None  # it’s, Russia’s, don't
    if mark == "‘" or (mark == "'" and opens):
        return _Role.OPEN_SINGLE if opens and not _elided(text, pos) else None
    if before.isspace() or pos == 0:
        return None  # ’em, ’90s: a word shortened at its start
    return _Role.CLOSE_SINGLE


def _classify_pair(text: str, pos: int) -> _Role | None:
    """Two apostrophes as one double mark: opening before a word, else closing."""
    before = text[pos - 1] if pos else "\n"
    after = text[pos + 2] if pos + 2 < len(text) else "\n"
    if before in _BEFORE_OPENING and not after.isspace():
        return _Role.OPEN_DOUBLE
    return None if before.isspace() else _Role.CLOSE_DOUBLE


def _elided(text: str, pos: int) -> bool:
    """‘90s, ‘em: an apostrophe standing for letters, not an opening mark."""
    following = text[pos + 1 : pos + 7].lower()
    if following[:2].isdigit() and not following[2:3].isdigit():
        return True
    return following.startswith(_ELISIONS)


def _possessive(text: str, marks: list[tuple[int, _Role]], n: int) -> bool:
    """Whether the closing-looking mark ``marks[n]`` is the possessive of "the Russians’ plan".

    Only when a word ending in s is followed by a lower-case word, and a later
    mark on the same line can still close the quotation.
    """
    pos = marks[n][0]
    if (
        text[pos - 1] not in "sS"
        or text[pos + 1 : pos + 2] != " "
        or not text[pos + 2 : pos + 3].islower()
    ):
        return False
    for _, role in marks[n + 1 :]:
        if role is _Role.CLOSE_SINGLE:
            return True
        if role in (_Role.NEWLINE, _Role.OPEN_SINGLE):
            return False
    return False


def _quote(text: str, open_pos: int, close_pos: int) -> QuoteMarks:
    start, end = open_pos + 1, close_pos
    if text.startswith(_APOSTROPHES, open_pos):
        start += 1
    if close_pos > open_pos + 2 and text.startswith(_APOSTROPHES, close_pos - 1):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteMarks(open_pos, close_pos, start, end)


def _reopened(text: str, open_pos: int, newline: int) -> bool:
    """Whether the quotation opened at ``open_pos`` runs on into the next paragraph:
    it opens its own paragraph or a sentence of it (“…,” he said. “We have…⏎), and
    the next paragraph opens with the same mark."""
    line_start = text.rfind("\n", 0, open_pos) + 1
    before = text[line_start:open_pos].rstrip()
    if before and before[-1] not in _SENTENCE_END:
        return False
    rest = text[newline:].lstrip()
    return bool(rest) and rest[0] == text[open_pos] and text[open_pos] in '“"‘'


def _unclosed(text: str, open_pos: int, newline: int) -> QuoteMarks:
    last = newline - 1
    while last > open_pos and text[last].isspace():
        last -= 1
    start = open_pos + 1
    while start < last and text[start].isspace():
        start += 1
    return QuoteMarks(open_pos, last, start, last + 1, closed=False)
