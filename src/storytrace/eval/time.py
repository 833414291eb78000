"""TempEval-3 Task A scoring of time expressions on TimeML documents.

Extent: strict (the same span) and relaxed (any overlap) P/R/F1, each gold
expression matched at most once. Value and type accuracy are measured on the
relaxed matches; value F1 = relaxed F1 × value accuracy (the official ranking).

Split: the normaliser is tuned on TimeBank, MEANTIME and the AQUAINT documents
at even positions in name order; the AQUAINT documents at odd positions are
held out (scored, their errors never read). :func:`storytrace.eval.timeml.load_tbaq`
loads each half ("AQUAINT-tune", "AQUAINT-heldout").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storytrace.eval.scoring import PRF
from storytrace.eval.timeml import GoldTimex, TimemlDocument
from storytrace.records import TimeExpression

__all__ = ["TimeScores", "score_time"]


@dataclass(frozen=True, slots=True)
class TimeScores:
    strict: PRF
    relaxed: PRF
    value_correct: int
    type_correct: int

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed.tp if self.relaxed.tp else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed.tp if self.relaxed.tp else 0.0

    @property
    def value_f1(self) -> float:
        return self.relaxed.f1 * self.value_accuracy


def _match(
    gold: Sequence[GoldTimex],
    pred: Sequence[TimeExpression],
    strict: bool,
) -> list[tuple[GoldTimex, TimeExpression]]:
    used: set[int] = set()
    pairs = []
    for g in gold:
        best, best_overlap = -1, 0
        for pi, p in enumerate(pred):
            if pi in used:
                continue
            if strict:
                if (p.start, p.end) == (g.start, g.end):
                    best = pi
                    break
                continue
            shared = min(g.end, p.end) - max(g.start, p.start)
            if shared > best_overlap:
                best, best_overlap = pi, shared
        if best >= 0:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def score_time(
    docs: Sequence[TimemlDocument],
    predictions: Callable[[TimemlDocument], Sequence[TimeExpression]],
) -> TimeScores:
    strict = relaxed = PRF(0, 0, 0)
    value_correct = type_correct = 0
    for doc in docs:
        pred = list(predictions(doc))
        strict_pairs = _match(doc.timexes, pred, strict=True)
        relaxed_pairs = _match(doc.timexes, pred, strict=False)
        strict += PRF(len(strict_pairs), len(pred), len(doc.timexes))
        relaxed += PRF(len(relaxed_pairs), len(pred), len(doc.timexes))
        value_correct += sum(g.value == p.value for g, p in relaxed_pairs)
        type_correct += sum(g.type == p.type for g, p in relaxed_pairs)
    return TimeScores(strict, relaxed, value_correct, type_correct)
