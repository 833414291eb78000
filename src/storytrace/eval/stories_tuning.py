"""Fit the story model's weights on ``neus_train`` (and only there).

    python -m storytrace.eval.stories_tuning [--embeddings] [--data-dir DIR]

1. Teacher-forced stream: articles arrive in :func:`stream_order`; each is
   compared with the candidate stories the index offers, and then put into its
   *gold* story, so that every decision is learned from a correct past.
2. Logistic regression on (similarities → is this the gold story) gives the
   feature weights and bias.
3. A second one on (best score, gap to the runner-up → is the best the gold
   story) gives the margin weight and the join threshold.
4. The threshold is then moved to where the real (not teacher-forced) stream
   scores the best B-cubed F1 on neus_train.

neus_train (2,452 stories) is cut, by story, into streams of
:data:`STORIES_PER_STREAM` stories, the size of the evaluation sets: how many
other stories an article could be confused with decides where the best
threshold lies, so tuning on one stream eight times as dense would tune for
another problem. Each stream starts from an empty index, with the IDF prior
(link/story_prior.py) counted on the *other* streams, scaled as the shipped one.

It prints the numbers to copy into ``link/story_model.py``.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from storytrace.eval.datasets import DEFAULT_DATA_DIR
from storytrace.eval.stories import (
    STREAM_SEED,
    StoryArticle,
    bcubed,
    cluster_stream,
    load_stories,
    score_clusters,
    stream_order,
)
from storytrace.link.embeddings import load_embedder
from storytrace.link.stories import story_index
from storytrace.link.story_batch import (
    BatchGraph,
    PairArticle,
    PairLinks,
    average_link,
    candidate_pairs,
    pair_features,
    pair_links,
)
from storytrace.link.story_features import article_terms
from storytrace.link.story_index import (
    WINDOW_DAYS,
    Embedder,
    PreparedArticle,
    StoryIndex,
    StoryItem,
)
from storytrace.link.story_model import PAIR_MODEL, PairModel, StoryModel
from storytrace.link.story_prior import PRIOR_DOCUMENTS, IdfPrior
from storytrace.store import text_key

__all__ = ["fit_logistic", "fit_model", "fit_pair_model", "main"]

#: stories per tuning stream: neus_val has 307, basil 100, pac 152
STORIES_PER_STREAM = 307
#: L2 penalty of the logistic regressions (a light one: a few features, many examples)
L2 = 1e-3


def fit_logistic(x: np.ndarray, y: np.ndarray, iterations: int = 50) -> tuple[np.ndarray, float]:
    """Weights and intercept of an L2-regularised logistic regression (Newton's method)."""
    rows, cols = x.shape
    design = np.hstack([x, np.ones((rows, 1))])
    beta = np.zeros(cols + 1)
    penalty = L2 * rows * np.eye(cols + 1)
    penalty[-1, -1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        gradient = design.T @ (p - y) + penalty @ beta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def _teacher_forced(
    index: StoryIndex, articles: Sequence[StoryArticle]
) -> tuple[list[list[tuple[float, ...]]], list[int | None], int]:
    """For each article: candidate similarities, the gold candidate's position, and how
    many articles had their gold story open but not among the candidates."""
    story_of: dict[str, str] = {}
    candidate_rows: list[list[tuple[float, ...]]] = []
    gold_positions: list[int | None] = []
    missed = 0
    embeddings = (
        index.embedder([f"{a.title}. {a.text}" if a.title else a.text for a in articles])
        if index.embedder is not None
        else None
    )
    for n, article in enumerate(articles):
        prepared = index.prepare(
            StoryItem(article.id, text_key(article.text), article.title, article.text,
                      article.published)
        )  # fmt: skip
        if embeddings is not None:
            prepared.embedding = embeddings[n]
        candidates = index.candidates(prepared)
        gold = story_of.get(article.story)
        position = next((i for i, c in enumerate(candidates) if c.story == gold), None)
        if gold is not None and gold in index.open and position is None:
            missed += 1
        candidate_rows.append([c.similarities for c in candidates])
        gold_positions.append(position)
        if gold is not None and gold in index.open:
            index.join(gold, prepared)
        else:
            story_of[article.story] = index.open_story(prepared)
        if n % 256 == 255:
            index.close_stale()
    return candidate_rows, gold_positions, missed


def split_streams(
    articles: Sequence[StoryArticle], stories: int = STORIES_PER_STREAM
) -> list[list[StoryArticle]]:
    """``articles`` cut into streams of about ``stories`` whole stories each, in stream order."""
    ids = sorted({a.story for a in articles})
    random.Random(STREAM_SEED).shuffle(ids)
    count = max(1, round(len(ids) / stories))
    part = {story: n % count for n, story in enumerate(ids)}
    return [stream_order([a for a in articles if part[a.story] == k]) for k in range(count)]


def stream_priors(streams: Sequence[Sequence[StoryArticle]]) -> list[IdfPrior]:
    """For each stream, the IDF prior of the *other* streams: the shipped prior counts
    all of neus_train, so a stream tuned with it would see its own articles in it."""
    bags = [[article_terms(a.title, a.text) for a in stream] for stream in streams]
    return [
        IdfPrior.from_terms(b for j, part in enumerate(bags) if j != k for b in part).scaled(
            PRIOR_DOCUMENTS
        )
        for k in range(len(streams))
    ]


def fit_model(
    base: StoryModel, articles: Sequence[StoryArticle], embeddings: bool = False
) -> StoryModel:
    """Weights, margin and threshold fitted on ``articles`` (see the module docstring)."""
    streams = split_streams(articles)
    # the embedding model is fitted (and used) without the IDF prior
    priors: list[IdfPrior | None] = (
        [None] * len(streams) if embeddings else list(stream_priors(streams))
    )
    embedder = _cached(load_embedder()) if embeddings else None
    rows: list[list[tuple[float, ...]]] = []
    gold: list[int | None] = []
    missed = 0
    for stream, prior in zip(streams, priors, strict=True):
        stream_rows, stream_gold, stream_missed = _teacher_forced(
            StoryIndex(base, embedder, prior), stream
        )
        rows += stream_rows
        gold += stream_gold
        missed += stream_missed
    print(
        f"teacher-forced: {len(streams)} streams, {len(articles)} articles, "
        f"{missed} gold stories not offered"
    )
    x = np.array([s for cands in rows for s in cands])
    y = np.array(
        [float(i == g) for cands, g in zip(rows, gold, strict=True) for i in range(len(cands))]
    )
    weights, bias = fit_logistic(x, y)
    model = replace(base, weights=tuple(round(float(w), 3) for w in weights), bias=round(bias, 3))
    second_x, second_y = [], []
    for cands, g in zip(rows, gold, strict=True):
        if not cands:
            continue
        scores = sorted(((model.score(s), i) for i, s in enumerate(cands)), reverse=True)
        best, best_i = scores[0]
        runner = scores[1][0] if len(scores) > 1 else model.bias
        second_x.append((best, best - runner))
        second_y.append(float(best_i == g))
    (w_best, w_gap), intercept = fit_logistic(np.array(second_x), np.array(second_y))
    model = replace(
        model,
        margin=round(float(w_gap / w_best), 3),
        threshold=round(float(-intercept / w_best), 3),
    )
    print(f"fitted: {model}")
    best_f1, best_threshold = -1.0, model.threshold
    for shift in np.arange(-1.5, 1.51, 0.25):
        trial = replace(model, threshold=round(model.threshold + float(shift), 3))
        results = [
            score_clusters(stream, cluster_stream(stream, StoryIndex(trial, embedder, prior)))
            for stream, prior in zip(streams, priors, strict=True)
        ]
        b3 = float(np.mean([b.f1 for b, _ in results]))
        pw = float(np.mean([p.f1 for _, p in results]))
        print(f"  threshold {trial.threshold:7.3f}  B-cubed F1 {100 * b3:5.1f}", end="")
        print(f"  pairwise F1 {100 * pw:5.1f}")
        if b3 > best_f1:
            best_f1, best_threshold = b3, trial.threshold
    return replace(model, threshold=best_threshold)


def _prepared_stream(
    stream: Sequence[StoryArticle], prior: IdfPrior | None, pairs: PairModel
) -> tuple[StoryIndex, list[PairArticle]]:
    """An index that has counted the whole stream, and the stream's articles as the
    pair model sees them: the stream as one batch, with no open story yet."""
    index = StoryIndex(prior=prior, pairs=pairs)
    items = [StoryItem(a.id, text_key(a.text), a.title, a.text, a.published) for a in stream]
    bags = [article_terms(i.title, i.text) for i in items]
    for bag in bags:
        index.count(bag)
    return index, [index.pair_article(index.weigh(i, b)) for i, b in zip(items, bags, strict=True)]


def _labels(clusters: Sequence[Sequence[int]], size: int) -> list[int]:
    found = [0] * size
    for n, cluster in enumerate(clusters):
        for node in cluster:
            if node < size:
                found[node] = n
    return found


def fit_pair_model(base: PairModel, articles: Sequence[StoryArticle]) -> PairModel:
    """The batch pair model fitted on ``articles`` (neus_train):

    1. each stream as one batch: its candidate pairs' similarities → same gold story,
       by logistic regression (the first-stage weights);
    2. the first-stage logit and its rank features → same gold story (second stage),
       over the pairs of each stream as one batch and fed in batches of
       :data:`STREAM_BATCH` (where a pair's rank means less: an article's story may
       be open already, or its next article not come yet);
    3. the merge threshold by the mean B-cubed F1 of the streams as one batch and
       in batches of :data:`STREAM_BATCH`.

    Steps 2-3 are repeated :data:`ROUNDS` times (the streamed pairs depend on the
    model).
    Then it prints how the streams score fed in batches of :data:`BATCH_SIZES`,
    clustered jointly and one by one (which decides ``JOINT_MIN``)."""
    streams = split_streams(articles)
    priors = stream_priors(streams)
    prepared = [_prepared_stream(s, p, base) for s, p in zip(streams, priors, strict=True)]
    golds = [[a.story for a in stream] for stream in streams]
    rows, labels = [], []
    for (_, nodes), gold in zip(prepared, golds, strict=True):
        for i, j in sorted(candidate_pairs(nodes, WINDOW_DAYS)):
            rows.append(pair_features(nodes[i], nodes[j], base.features))
            labels.append(float(gold[i] == gold[j]))
    weights, bias = fit_logistic(np.array(rows), np.array(labels))
    model = replace(base, weights=tuple(round(float(w), 3) for w in weights), bias=round(bias, 3))
    second: list[tuple[float, ...]] = []
    for _, nodes in prepared:
        found = pair_links(nodes, model, WINDOW_DAYS)
        second += [(z, *r) for z, r in zip(found.logits, found.ranks, strict=True)]
    rank_weights, rank_bias = fit_logistic(np.array(second), np.array(labels))
    model = replace(
        model,
        rank_weights=tuple(round(float(w), 3) for w in rank_weights),
        rank_bias=round(rank_bias, 3),
    )
    print(f"{len(labels)} candidate pairs, {int(sum(labels))} of one story; fitted: {model}")
    whole = second
    for round_ in range(ROUNDS):
        # pairs met in a stream of batches, where some articles' stories are open
        # already and others' next articles haven't come yet
        streamed, streamed_labels = _streamed_pairs(streams, priors, model)
        x = np.array(whole + streamed)
        rank_weights, rank_bias = fit_logistic(x, np.array(labels + streamed_labels))
        model = replace(
            model,
            rank_weights=tuple(round(float(w), 3) for w in rank_weights),
            rank_bias=round(rank_bias, 3),
        )
        print(f"round {round_}: {len(x)} pairs; fitted: {model}")
        model = _best_threshold(model, prepared, golds, streams, priors)
    # how joint clustering compares with one-by-one assignment by batch size (joint_min)
    for batch in BATCH_SIZES:
        joint, alone = (
            _stream_f1(streams, priors, pairs, batch)
            for pairs in (replace(model, joint_min=1), None)
        )
        print(f"  batches of {batch}: B-cubed F1 jointly {100 * joint:5.2f}, "
              f"one by one {100 * alone:5.2f}")  # fmt: skip
    return model


#: rounds of (second stage on one-batch and streamed pairs, threshold): the streamed
#: pairs depend on the model
ROUNDS = 2
#: the batch size of the streams whose pairs the second stage also learns from, and
#: whose score the threshold is chosen by, next to the streams as one batch
STREAM_BATCH = 400


def _stream_f1(
    streams: Sequence[Sequence[StoryArticle]],
    priors: Sequence[IdfPrior | None],
    pairs: PairModel | None,
    batch: int,
) -> float:
    return float(
        np.mean(
            [
                score_clusters(
                    stream, cluster_stream(stream, StoryIndex(prior=prior, pairs=pairs), batch)
                )[0].f1
                for stream, prior in zip(streams, priors, strict=True)
            ]
        )
    )


def _streamed_pairs(
    streams: Sequence[Sequence[StoryArticle]], priors: Sequence[IdfPrior | None], model: PairModel
) -> tuple[list[tuple[float, ...]], list[float]]:
    """Second-stage rows and labels of the streams fed in batches of :data:`STREAM_BATCH`."""
    rows: list[tuple[float, ...]] = []
    labels: list[float] = []
    for stream, prior in zip(streams, priors, strict=True):
        gold = {a.id: a.story for a in stream}
        index = StoryIndex(prior=prior, pairs=replace(model, joint_min=1))

        def observe(
            articles: Sequence[PreparedArticle], found: PairLinks, gold: dict[str, str] = gold
        ) -> None:
            for (i, j), z, rank in zip(found.pairs, found.logits, found.ranks, strict=True):
                rows.append((z, *rank))
                labels.append(float(gold[articles[i].item.id] == gold[articles[j].item.id]))

        index.observer = observe
        cluster_stream(stream, index, STREAM_BATCH)
    return rows, labels


#: batch sizes at which joint and one-by-one assignment are compared
BATCH_SIZES = (50, 100, 200, 400)


def _best_threshold(
    model: PairModel,
    prepared: Sequence[tuple[StoryIndex, list[PairArticle]]],
    golds: Sequence[Sequence[str]],
    streams: Sequence[Sequence[StoryArticle]],
    priors: Sequence[IdfPrior | None],
) -> PairModel:
    """The threshold with the best mean of the streams' B-cubed F1 as one batch and
    in batches of :data:`STREAM_BATCH`."""
    best_f1 = -1.0
    for threshold in THRESHOLDS:
        trial = replace(model, threshold=threshold)
        whole = []
        for (_, nodes), gold in zip(prepared, golds, strict=True):
            graph = BatchGraph.build(len(nodes), pair_links(nodes, trial, WINDOW_DAYS), trial)
            whole.append(bcubed(_labels(average_link(graph, threshold), len(nodes)), gold).f1)
        one = float(np.mean(whole))
        streamed = _stream_f1(streams, priors, replace(trial, joint_min=1), STREAM_BATCH)
        print(f"  threshold {threshold:.2f}: B-cubed F1 as one batch {100 * one:5.2f}, "
              f"in batches of {STREAM_BATCH} {100 * streamed:5.2f}")  # fmt: skip
        if one + streamed > best_f1:
            best_f1, best = one + streamed, trial
    return best


#: merge thresholds tried
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45)


def _cached(embedder: Embedder) -> Embedder:
    """The embedder, remembering each text's row (the sweep re-reads the same texts)."""
    rows: dict[str, np.ndarray] = {}

    def embed(texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in rows]
        if todo:
            rows.update(zip(todo, embedder(todo), strict=True))
        return np.stack([rows[t] for t in texts]) if texts else embedder([])

    return embed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--embeddings", action="store_true")
    parser.add_argument("--pairs", action="store_true", help="fit the batch pair model")
    args = parser.parse_args()
    if args.pairs:
        pairs = fit_pair_model(PAIR_MODEL, load_stories("neus_train", args.data_dir))
        print(f"best on neus_train: {pairs}")
        return
    base = story_index(embeddings=args.embeddings).model
    model = fit_model(base, load_stories("neus_train", args.data_dir), args.embeddings)
    print(f"best on neus_train: {model}")


if __name__ == "__main__":
    main()
