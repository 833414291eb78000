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


#: TF-IDF only (no extra dependency), starting from the IDF prior counted on
#: neus_train (link/story_prior.py). Fitted on neus_train (see module docstring;
#: each stream tuned with the prior of the other seven): mean B-cubed F1 0.842 over
#: its eight 307-story streams (0.825 before the prior and the ``body_mean`` and
#: ``title_body`` features). ``*_max``/``*_mean`` features are the best/mean match
#: among the story's latest articles, ``title_body`` the headline against the
#: story's body; the others compare with the story's centroid
TEXT_MODEL = StoryModel(
    name="tfidf",
    features=("body", "title", "names", "body_max", "title_max", "body_mean", "title_body"),
    weights=(2.333, 1.924, 1.621, 2.252, 1.889, 2.221, 1.886),
    bias=-5.279,
    margin=1.049,
    threshold=-0.791,
)

#: TF-IDF and all-MiniLM-L6-v2 sentence embeddings (the ``[embeddings]`` extra),
#: the embedding compared with the mean of the story's. Fitted on neus_train (see
#: module docstring; fitted before the IDF prior existed, and used without it):
#: mean B-cubed F1 0.848 over its eight 307-story streams
EMBEDDING_MODEL = StoryModel(
    name="tfidf+minilm",
    features=("body", "title", "names", "body_max", "title_max", "embedding"),
    weights=(2.235, 1.868, 1.501, 2.051, 1.709, 3.269),
    bias=-6.201,
    margin=0.967,
    threshold=-0.485,
)
