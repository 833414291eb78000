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

import math
from collections.abc import Sequence
from dataclasses import dataclass

#: what two articles of a batch are compared by (link/story_batch.py): TF-IDF
#: cosines of body, title, names, one's title against the other's body; the
#: IDF-weighted overlap (shared / all terms) of their body words and of their
#: names; the IDF of the rarest body word they share, over 10. All of them stay in
#: [0, 1] whatever the length: the tuning split holds short texts only (title and
#: lede), and features that grow with length (summed IDF, word counts) fitted there
#: don't carry over to full articles
PAIR_FEATURES = (
    "body",
    "title",
    "names",
    "title_body",
    "body_overlap",
    "names_overlap",
    "body_rarest",
)

__all__ = [
    "EMBEDDING_MODEL",
    "PAIR_FEATURES",
    "PAIR_MODEL",
    "TEXT_MODEL",
    "PairModel",
    "StoryModel",
    "linear",
    "sigmoid",
]


def sigmoid(x: float) -> float:
    """The logistic function, safe for large magnitudes."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def linear(bias: float, weights: Sequence[float], values: Sequence[float]) -> float:
    """``bias + Σ weight·value``: the logit of the story and pair models."""
    return bias + sum(w * v for w, v in zip(weights, values, strict=True))


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
        return linear(self.bias, self.weights, similarities)

    def joins(self, best: float, runner_up: float | None) -> bool:
        return self.decision(best, runner_up) >= 0

    def decision(self, score: float, other: float | None) -> float:
        """How far a story scoring ``score`` is above the join threshold, given the
        best score of another story (``other``; none: the bias)."""
        gap = score - (other if other is not None else self.bias)
        return score + self.margin * gap - self.threshold


@dataclass(frozen=True, slots=True)
class PairModel:
    """How a batch is clustered (link/story_batch.py), in two stages.

    1. ``bias + Σ weight·similarity`` over ``features``: a first logit that two
       articles are one story;
    2. that logit, and how it ranks among each article's other pairs (1/rank on
       the nearer and the farther side, the gap to each side's best pair),
       weighed by ``rank_weights`` + ``rank_bias``: the probability the graph
       uses. A pair that is each article's best match is likelier one story than
       the same similarity between two articles that each have a closer match.

    Clusters merge while their average link is at least ``threshold``. An article's
    link to an open story is the story model's join rule read as a logit, shifted
    by the threshold's logit: alone, it merges just when the rule says join.
    Batches under ``joint_min`` articles are assigned one by one instead."""

    name: str
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    rank_weights: tuple[float, ...]
    rank_bias: float
    threshold: float
    joint_min: int

    def logit(self, similarities: Sequence[float]) -> float:
        return linear(self.bias, self.weights, similarities)

    @property
    def neutral(self) -> float:
        """The logit of the threshold: where a lone link just merges."""
        return math.log(self.threshold / (1 - self.threshold))

    def probability(self, logit: float, ranks: Sequence[float]) -> float:
        values = (logit, *ranks)
        return sigmoid(linear(self.rank_bias, self.rank_weights, values))


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

#: two articles of one batch, TF-IDF only. Fitted on neus_train (logistic regressions
#: on each article's candidate pairs, the threshold by B-cubed F1 of its eight
#: 307-story streams as one batch and in batches of 400: python -m
#: storytrace.eval.stories_tuning --pairs): 89.4 and 84.7 (one by one, 84.2); with 24
#: pair query terms (story_index.PAIR_QUERY_TERMS) instead of 12, 89.9 and 84.8 (refitted
#: there: 89.9 and 84.6, so these weights were kept)
PAIR_MODEL = PairModel(
    name="pairs-tfidf",
    features=PAIR_FEATURES,
    weights=(4.024, 3.023, 1.074, 3.555, 2.004, 0.576, 3.38),
    bias=-6.347,
    rank_weights=(1.104, 0.328, 0.95, 0.41, 0.658, -0.549),
    rank_bias=1.491,
    threshold=0.3,
    # measured on neus_train (B-cubed F1, jointly vs one by one): a file of 100 / 200 /
    # 300 articles added as one batch to an empty store 93.4 / 92.6 / 92.4 vs 91.1 /
    # 89.2 / 88.3; a stream fed in batches of 100 / 200 / 300 / 400, 81.8 / 82.2 /
    # 83.7 / 84.7 vs 84.2 (the rank of a pair means less when an article's story may
    # be open already or its next article not come yet). Weighing both alike, they
    # even out at about 100 articles
    joint_min=100,
)
