"""Shared scoring arithmetic: precision/recall/F1 from counts, span overlap."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PRF", "overlap"]


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 (as fractions) from true positives and totals."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def line(self) -> str:
        return (
            f"P {100 * self.precision:5.1f}  R {100 * self.recall:5.1f}  "
            f"F1 {100 * self.f1:5.1f}  (tp {self.tp}, pred {self.predicted}, "
            f"gold {self.gold})"
        )


def overlap(spans_a: tuple[tuple[int, int], ...], spans_b: tuple[tuple[int, int], ...]) -> int:
    """Characters covered by both span sets (each set's spans must not overlap each other)."""
    return sum(max(0, min(ae, be) - max(as_, bs)) for as_, ae in spans_a for bs, be in spans_b)
