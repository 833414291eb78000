"""Quality gate: TempEval-3 Task A on TBAQ and MEANTIME, each against a pinned floor.

The split (see :mod:`storytrace.eval.timeml`): the normaliser is tuned on
TimeBank, MEANTIME (Wikinews) and the AQUAINT documents at even positions in
name order; the AQUAINT documents at odd positions are held out, their scores
reported and their errors never read. Floors sit a little below the scores
measured when they were set (strict F1, relaxed F1, value F1): TimeBank 91.0,
94.7, 84.6; MEANTIME 86.0, 91.3, 79.7; AQUAINT 83.0, 93.3, 75.6; its tuned half
84.8, 94.2, 77.1; its held-out half 81.1, 92.3, 73.9 (80.9, 91.8, 73.4 before the
split's tuning began). A floor is lowered only on purpose, with the reason in the
commit.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from storytrace.config import load_config
from storytrace.eval.run import evaluate_time
from storytrace.eval.time import TimeScores, score_time
from storytrace.eval.timeml import load_tbaq
from storytrace.pipeline import Pipeline
from storytrace.records import Article

if TYPE_CHECKING:
    from spacy.language import Language

#: ../shared/data from the project root
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

pytestmark = [pytest.mark.realdata, pytest.mark.model]

FLOORS = {
    "tbaq-timebank": {"strict.f1": 0.905, "relaxed.f1": 0.945, "value_f1": 0.845},
    "tbaq-aquaint": {"strict.f1": 0.825, "relaxed.f1": 0.93, "value_f1": 0.75},
    "meantime": {"strict.f1": 0.855, "relaxed.f1": 0.91, "value_f1": 0.795},
}
#: the halves of AQUAINT, by the loader's part names
HALF_FLOORS = {
    "AQUAINT-tune": {"strict.f1": 0.845, "relaxed.f1": 0.94, "value_f1": 0.77},
    "AQUAINT-heldout": {"strict.f1": 0.81, "relaxed.f1": 0.92, "value_f1": 0.735},
}
#: where each dataset lies under ../shared/data
DATASET_DIRS = {
    "tbaq-timebank": Path("time") / "tbaq",
    "tbaq-aquaint": Path("time") / "tbaq",
    "meantime": Path("events") / "meantime",
}


def _pipeline(nlp: Language) -> Pipeline:
    return Pipeline(replace(load_config(), stages=("times",)), nlp=nlp)


@pytest.mark.parametrize("dataset", sorted(FLOORS))
def test_time_scores_stay_above_their_floors(dataset: str, nlp: Language) -> None:
    if not (DATA / DATASET_DIRS[dataset]).is_dir():
        pytest.skip(f"real-data test: {DATA / DATASET_DIRS[dataset]} is absent")
    result = evaluate_time(dataset, data_dir=DATA, pipeline=_pipeline(nlp))
    for name, floor in FLOORS[dataset].items():
        assert result.scores[name] >= floor, f"{dataset} {name} {result.scores[name]:.3f} < {floor}"


def _half_scores(part: str, nlp: Language) -> TimeScores:
    docs = load_tbaq(part, DATA)
    articles = [Article(id=d.id, key=d.id, input=d.id, text=d.text, published=d.dct) for d in docs]
    predicted = {a.article.id: list(a.times) for a in _pipeline(nlp).analyse(articles)}
    return score_time(docs, lambda d: predicted[d.id])


@pytest.mark.parametrize("part", sorted(HALF_FLOORS))
def test_each_half_of_aquaint_stays_above_its_floor(part: str, nlp: Language) -> None:
    if not (DATA / "time" / "tbaq" / "AQUAINT").is_dir():
        pytest.skip(f"real-data test: {DATA / 'time' / 'tbaq' / 'AQUAINT'} is absent")
    s = _half_scores(part, nlp)
    scores = {"strict.f1": s.strict.f1, "relaxed.f1": s.relaxed.f1, "value_f1": s.value_f1}
    for name, floor in HALF_FLOORS[part].items():
        assert scores[name] >= floor, f"{part} {name} {scores[name]:.3f} < {floor}"
