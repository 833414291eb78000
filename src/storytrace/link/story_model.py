"""How an article's similarities to a story become a decision to join it.

Miranda et al. (2018) weigh several similarities (TF-IDF of body, title and
entities, time) with weights learned on labelled streams, and learn separately
when an article is far enough from every story to open a new one. Here:

1. each candidate story gets ``score = bias + Σ weight·cosine`` over the
   term spaces (body, title, names, and optionally an embedding);
2. the best-scoring story is joined when
   ``score + margin·(score − runner-up score) ≥ threshold``, else the article
   opens a story of its own. The margin term rewards an article that clearly
   belongs to one story more than to any other.

The weights are fitted by logistic regression on ``neus_train`` only, with
``python -m storytrace.eval.stories_tuning`` (which prints these numbers); the
held-out sets (``neus_val``, ``basil``, ``pac``) never informed them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["EMBEDDING_MODEL", "TEXT_MODEL", "StoryModel"]


@dataclass(frozen=True, slots=True)
class StoryModel:
    """Weights of the similarities (in ``features`` order) and the join rule."""

    name: str
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    margin: float
    threshold: float

    def score(self, similarities: Sequence[float]) -> float:
        return self.bias + sum(w * s for w, s in zip(self.weights, similarities, strict=True))

    def joins(self, best: float, runner_up: float | None) -> bool:
        gap = best - (runner_up if runner_up is not None else self.bias)
        return best + self.margin * gap >= self.threshold


#: TF-IDF only (no extra dependency). Fitted on neus_train (see module docstring):
#: mean B-cubed F1 0.825 over its eight 307-story streams. ``*_max`` features are
#: the best match among the story's articles, the others compare with its centroid
TEXT_MODEL = StoryModel(
    name="tfidf",
    features=("body", "title", "names", "body_max", "title_max"),
    weights=(2.888, 2.413, 1.937, 2.651, 2.242),
    bias=-5.215,
    margin=1.067,
    threshold=-0.91,
)

#: TF-IDF and all-MiniLM-L6-v2 sentence embeddings (the ``[embeddings]`` extra),
#: the embedding compared with the mean of the story's. Fitted on neus_train (see
#: module docstring): mean B-cubed F1 0.848 over its eight 307-story streams
EMBEDDING_MODEL = StoryModel(
    name="tfidf+minilm",
    features=("body", "title", "names", "body_max", "title_max", "embedding"),
    weights=(2.235, 1.868, 1.501, 2.051, 1.709, 3.269),
    bias=-6.201,
    margin=0.967,
    threshold=-0.485,
)
