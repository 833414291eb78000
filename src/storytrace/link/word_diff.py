"""Word-level diff of two wordings of one quote (difflib on folded words).

The pieces carry the words as printed: ``same`` and ``added`` runs are cut from
the variant, ``omitted`` runs from the reference, so a reader sees exactly what
each outlet printed and what it left out.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from storytrace.link.records import DiffPiece, VariantLabel
from storytrace.link.words import Word, words

__all__ = ["diff_words", "matched_words", "variant_labels"]


def _run(text: str, run: list[Word]) -> str:
    return text[run[0].start : run[-1].end]


def diff_words(reference: str, variant: str) -> tuple[DiffPiece, ...]:
    """How ``variant`` differs from ``reference``, word by word (case and typography folded)."""
    ref, var = words(reference), words(variant)
    matcher = SequenceMatcher(a=[w.key for w in ref], b=[w.key for w in var], autojunk=False)
    pieces: list[DiffPiece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(DiffPiece("same", _run(variant, var[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(DiffPiece("omitted", _run(reference, ref[i1:i2])))
        if j2 > j1:
            pieces.append(DiffPiece("added", _run(variant, var[j1:j2])))
    return tuple(pieces)


def matched_words(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int]:
    """(words of ``a`` and ``b`` in common, longest common run) for two folded word lists."""
    blocks = SequenceMatcher(a=a, b=b, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks), max((b.size for b in blocks), default=0)


def variant_labels(diff: tuple[DiffPiece, ...]) -> tuple[VariantLabel, ...]:
    """Name what a diff does: exact, truncated (cut at one end), excerpt (cut at both:
    a partial quote of the longer one), omission (words left out inside),
    substitution (words replaced), addition (words only this wording has)."""
    ops = [p.op for p in diff]
    found: set[VariantLabel] = set()
    cut_start = cut_end = False
    n = 0
    while n < len(ops):
        op = ops[n]
        if op == "omitted" and n + 1 < len(ops) and ops[n + 1] == "added":
            found.add("substitution")
            n += 2
            continue
        if op == "omitted":
            cut_start |= n == 0
            cut_end |= n == len(ops) - 1
            if 0 < n < len(ops) - 1:
                found.add("omission")
        elif op == "added":
            found.add("addition")
        n += 1
    if cut_start and cut_end:
        found.add("excerpt")
    elif cut_start or cut_end:
        found.add("truncated")
    order: tuple[VariantLabel, ...] = (
        "truncated",
        "excerpt",
        "omission",
        "substitution",
        "addition",
    )
    return tuple(label for label in order if label in found) or ("exact",)
