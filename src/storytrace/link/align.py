"""Align two articles sentence by sentence: what they share and what changed.

``difflib.SequenceMatcher`` runs over the two lists of sentences (each reduced to
its normalised words, so typography doesn't count); inside each block it calls
"replaced", sentences are paired in order when enough of their words match
(reworded) and left unpaired otherwise (only in one article). Consecutive
passages of the same kind are merged, so a copy reads as a few long passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from storytrace.link.records import Passage, PassageOp
from storytrace.link.shingles import Word, words
from storytrace.records import Span

__all__ = ["REWORDED_MIN_RATIO", "Alignment", "Sentence", "align", "sentences"]

#: two sentences are the same sentence reworded when at least this share of their
#: words line up (difflib ratio). On the examples the content farm's rewordings
#: (#1 ↔ #2) score 0.62-0.95 and unrelated sentences of the same story < 0.35
REWORDED_MIN_RATIO = 0.5

# a sentence ends at . ! ? (and any closing quotes or brackets) before a space,
# or at a line break
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    words: tuple[Word, ...]

    @property
    def key(self) -> str:
        return " ".join(w.norm for w in self.words)


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` that contain words, with their offsets."""
    found = []
    pos = 0
    for match in [*_BOUNDARY.finditer(text), None]:
        end = len(text) if match is None else match.start()
        if match is not None and match.group().strip():
            end = match.start() + len(match.group().rstrip())  # keep closing quotes
        sentence_words = words(text, pos, end)
        if sentence_words:
            found.append(
                Sentence(sentence_words[0].start, sentence_words[-1].end, tuple(sentence_words))
            )
        pos = len(text) if match is None else match.end()
    return found


@dataclass(frozen=True, slots=True)
class Alignment:
    """The passages of a pair and how many words of each side they cover."""

    passages: tuple[Passage, ...]
    words_a: int
    words_b: int
    same_a: int
    same_b: int
    changed_a: int
    changed_b: int

    @property
    def identical(self) -> bool:
        return all(p.op == "same" for p in self.passages)

    def verbatim(self) -> float:
        """Share of the shorter article's words in passages printed word for word."""
        return self._share(self.same_a, self.same_b)

    def aligned(self) -> float:
        """Share of the shorter article's words in passages the other one has too."""
        return self._share(self.same_a + self.changed_a, self.same_b + self.changed_b)

    def _share(self, in_a: int, in_b: int) -> float:
        if not self.words_a or not self.words_b:
            return 0.0
        if self.words_a <= self.words_b:
            return in_a / self.words_a
        return in_b / self.words_b


def _ratio(a: Sentence, b: Sentence) -> float:
    return SequenceMatcher(
        None, [w.norm for w in a.words], [w.norm for w in b.words], autojunk=False
    ).ratio()


def _pair_block(
    block_a: list[Sentence], block_b: list[Sentence]
) -> list[tuple[PassageOp, int | None, int | None]]:
    """Pair sentences of a replaced block in order, maximising the matched words.

    A small dynamic programme (blocks are a few sentences long) over pairing
    a[i] with b[j] when their ratio reaches :data:`REWORDED_MIN_RATIO`.
    """
    n, m = len(block_a), len(block_b)
    ratio = [[_ratio(x, y) for y in block_b] for x in block_a]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if ratio[i][j] >= REWORDED_MIN_RATIO:
                weight = ratio[i][j] * (len(block_a[i].words) + len(block_b[j].words))
                options.append(best[i + 1][j + 1] + weight)
            best[i][j] = max(options)
    steps: list[tuple[PassageOp, int | None, int | None]] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m and ratio[i][j] >= REWORDED_MIN_RATIO:
            weight = ratio[i][j] * (len(block_a[i].words) + len(block_b[j].words))
            if best[i][j] == best[i + 1][j + 1] + weight:
                steps.append(("changed", i, j))
                i, j = i + 1, j + 1
                continue
        if i < n and (j == m or best[i][j] == best[i + 1][j]):
            steps.append(("only_a", i, None))
            i += 1
        else:
            steps.append(("only_b", None, j))
            j += 1
    return steps


def _span(text: str, items: list[Sentence]) -> Span | None:
    if not items:
        return None
    start, end = items[0].start, items[-1].end
    return Span(start, end, text[start:end])


def align(text_a: str, text_b: str) -> Alignment:
    """Passages of ``text_a`` and ``text_b`` in reading order, with word counts."""
    sa, sb = sentences(text_a), sentences(text_b)
    matcher = SequenceMatcher(None, [s.key for s in sa], [s.key for s in sb], autojunk=False)
    # (op, sentences of a, sentences of b), one entry per sentence or sentence pair
    steps: list[tuple[PassageOp, list[Sentence], list[Sentence]]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs = zip(range(i1, i2), range(j1, j2), strict=True)
            steps += [("same", [sa[i]], [sb[j]]) for i, j in pairs]
        elif tag == "delete":
            steps += [("only_a", [sa[i]], []) for i in range(i1, i2)]
        elif tag == "insert":
            steps += [("only_b", [], [sb[j]]) for j in range(j1, j2)]
        else:
            for op, i, j in _pair_block(sa[i1:i2], sb[j1:j2]):
                steps.append(
                    (
                        op,
                        [sa[i1 + i]] if i is not None else [],
                        [sb[j1 + j]] if j is not None else [],
                    )
                )
    merged: list[tuple[PassageOp, list[Sentence], list[Sentence]]] = []
    for op, part_a, part_b in steps:
        if merged and merged[-1][0] == op:
            merged[-1][1].extend(part_a)
            merged[-1][2].extend(part_b)
        else:
            merged.append((op, list(part_a), list(part_b)))
    counts = {"same": [0, 0], "changed": [0, 0]}
    for op, part_a, part_b in merged:
        if op in counts:
            counts[op][0] += sum(len(s.words) for s in part_a)
            counts[op][1] += sum(len(s.words) for s in part_b)
    return Alignment(
        passages=tuple(
            Passage(op, _span(text_a, part_a), _span(text_b, part_b))
            for op, part_a, part_b in merged
        ),
        words_a=sum(len(s.words) for s in sa),
        words_b=sum(len(s.words) for s in sb),
        same_a=counts["same"][0],
        same_b=counts["same"][1],
        changed_a=counts["changed"][0],
        changed_b=counts["changed"][1],
    )
