"""One batch of new articles clustered jointly, then joined to open stories.

A batch is known whole before any of it is placed, so its articles need not be
decided one by one in arrival order (where an article that opens a story can't
know that the next one would have been a better seed). Instead:

1. a sparse candidate graph: each article is compared with the batch articles
   that share its most distinctive terms (a batch-local inverted index, each
   term looked up only among the articles nearest it in the batch's date order)
   and keeps its :data:`PAIR_NEIGHBOURS` best; each pair gets the learned
   probability of being one story (:class:`~storytrace.link.story_model.PairModel`);
2. the open stories the story model ranks best for an article join the graph as
   fixed nodes, linked to it by the story model's join rule read as a
   probability; the article's best match among each such story's kept articles
   also ranks its pairs (a pair that a story's article outranks is no best match);
3. average-link agglomerative clustering over that graph (a missing edge counts
   as 0), merging while the best average link is above the pair model's
   threshold, never two clusters that each hold an open story.

A cluster with an open story joins it; one without opens a new story. Existing
stories only ever gain articles, so their ids stay stable. The cost per article
is bounded by the neighbours and postings looked at, not by the batch size.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storytrace.link.story_model import PairModel, sigmoid

__all__ = [
    "PAIR_NEIGHBOURS",
    "POSTING_REACH",
    "BatchGraph",
    "PairArticle",
    "PairLinks",
    "average_link",
    "candidate_pairs",
    "pair_features",
    "pair_links",
]

#: batch neighbours scored per article (the best by shared distinctive terms). On
#: neus_train (each stream as one batch, second stage fitted there alone) 15 scored
#: B-cubed F1 0.902, 10 0.897, 20 0.901
PAIR_NEIGHBOURS = 15
#: batch articles looked up per query term: those nearest the article in date
#: order (a frequent term must not make every article meet every other)
POSTING_REACH = 200
#: the most articles an open story counts as in an average link: its link to an
#: article stands for the article's links to its members (a long story's first
#: articles may have drifted from its latest); set, not tuned: the tuning split's
#: stories have three articles
STORY_WEIGHT = 3
#: pair or story links below this probability are left out of the graph (they
#: would only lower an average link)
EDGE_FLOOR = 0.01


@dataclass(frozen=True, slots=True)
class PairArticle:
    """What pairs compare: unit TF-IDF vectors by space, the IDF of each body and
    name term, query terms, date."""

    vectors: Mapping[str, Mapping[str, float]]
    idf: Mapping[str, Mapping[str, float]]
    query: Mapping[str, float]
    day: float | None
    embedding: np.ndarray | None = None


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _shared(a: Mapping[str, float], b: Mapping[str, float]) -> list[float]:
    if len(a) > len(b):
        a, b = b, a
    return [w for t, w in a.items() if t in b]


def _overlap(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Weighted Jaccard of two term → IDF maps: the shared terms' share of all."""
    shared = sum(_shared(a, b))
    union = sum(a.values()) + sum(b.values()) - shared
    return shared / union if union else 0.0


def pair_features(a: PairArticle, b: PairArticle, features: Sequence[str]) -> tuple[float, ...]:
    """The similarities of two articles, in ``features`` order (symmetric; see
    :data:`~storytrace.link.story_model.PAIR_FEATURES`)."""
    values = []
    for feature in features:
        if feature == "title_body":
            # one's headline against the other's text, the closer way round
            values.append(
                max(
                    _dot(a.vectors["title_body"], b.vectors["body"]),
                    _dot(b.vectors["title_body"], a.vectors["body"]),
                )
            )
        elif feature == "body_overlap":
            values.append(_overlap(a.idf["body"], b.idf["body"]))
        elif feature == "names_overlap":
            values.append(_overlap(a.idf["names"], b.idf["names"]))
        elif feature == "body_rarest":
            values.append(max(_shared(a.idf["body"], b.idf["body"]), default=0.0) / 10)
        elif feature == "embedding":
            if a.embedding is None or b.embedding is None:
                values.append(0.0)
            else:
                values.append(float(np.dot(a.embedding, b.embedding)))
        else:
            values.append(_dot(a.vectors[feature], b.vectors[feature]))
    return tuple(values)


def candidate_pairs(
    articles: Sequence[PairArticle], window_days: float, neighbours: int = PAIR_NEIGHBOURS
) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of each article with its best batch neighbours by
    the weight of the query terms they share; ``articles`` are in date order."""
    postings: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        for term in article.query:
            postings.setdefault(term, []).append(i)
    half = POSTING_REACH // 2
    pairs: set[tuple[int, int]] = set()
    for i, article in enumerate(articles):
        hits: dict[int, float] = {}
        for term, weight in article.query.items():
            posting = postings[term]
            if len(posting) > POSTING_REACH:
                at = bisect.bisect_left(posting, i)
                posting = posting[max(0, at - half) : at + half]
            for j in posting:
                if j != i:
                    hits[j] = hits.get(j, 0.0) + weight * articles[j].query[term]
        best = heapq.nlargest(neighbours, hits.items(), key=lambda hit: (hit[1], -hit[0]))
        for j, _ in best:
            if _apart(article.day, articles[j].day, window_days):
                continue
            pairs.add((min(i, j), max(i, j)))
    return pairs


def _apart(a: float | None, b: float | None, window_days: float) -> bool:
    return a is not None and b is not None and abs(a - b) > window_days


@dataclass(frozen=True, slots=True)
class PairLinks:
    """A batch's candidate pairs, each with its first-stage logit and its rank
    features (see :func:`pair_links`)."""

    pairs: list[tuple[int, int]]
    logits: list[float]
    ranks: list[tuple[float, ...]]


def pair_links(
    articles: Sequence[PairArticle],
    model: PairModel,
    window_days: float,
    rivals: Sequence[Sequence[float]] = (),
) -> PairLinks:
    """The batch's candidate pairs, their first-stage logits, and how each ranks
    among the links of its two articles: 1/rank on the nearer and the farther
    side, the gap to each side's best link (smaller first), and the neighbours
    they share (summed products of first-stage probabilities). An article's
    links are its pairs and its ``rivals``: first-stage logits of the article
    with earlier articles, in open stories (a pair that an open story's article
    outranks is no best match)."""
    pairs = sorted(candidate_pairs(articles, window_days))
    logits = [
        model.logit(pair_features(articles[i], articles[j], model.features)) for i, j in pairs
    ]
    ranked: list[list[tuple[float, int]]] = [[(z, -1) for z in found] for found in rivals] or [
        [] for _ in articles
    ]
    for n, ((i, j), z) in enumerate(zip(pairs, logits, strict=True)):
        ranked[i].append((z, n))
        ranked[j].append((z, n))
    rank: dict[tuple[int, int], int] = {}
    best: list[float] = []
    for i, found in enumerate(ranked):
        found.sort(key=lambda link: -link[0])
        best.append(found[0][0] if found else 0.0)
        for r, (_, n) in enumerate(found, 1):
            rank[i, n] = r
    # first-stage probabilities by article: neighbours the two articles share
    near_by: list[dict[int, float]] = [{} for _ in articles]
    for (i, j), z in zip(pairs, logits, strict=True):
        near_by[i][j] = near_by[j][i] = sigmoid(z)
    features: list[tuple[float, ...]] = []
    for n, ((i, j), z) in enumerate(zip(pairs, logits, strict=True)):
        near, far = sorted((rank[i, n], rank[j, n]))
        low, high = sorted((z - best[i], z - best[j]))
        a, b = sorted((near_by[i], near_by[j]), key=len)
        shared = sum(p * b[c] for c, p in a.items() if c in b)
        features.append((1 / near, 1 / far, low, high, shared))
    return PairLinks(pairs, logits, features)


@dataclass(slots=True)
class BatchGraph:
    """Articles ``0..n-1`` and open stories ``n..n+m-1``, with weighted links;
    a story counts as ``sizes`` articles (one when not given), its link to an
    article as that article's link to each of them."""

    articles: int
    stories: list[str]
    links: dict[tuple[int, int], float]
    sizes: Sequence[int] = ()

    @classmethod
    def build(
        cls,
        articles: int,
        found: PairLinks,
        model: PairModel,
        story_links: Sequence[Mapping[str, float]] = (),
        sizes: Mapping[str, int] | None = None,
    ) -> BatchGraph:
        """The graph of a batch of ``articles``: the pair model's probabilities of
        its pairs, and each article's probability of joining open stories
        (``story_links``, story → probability; stories of ``sizes`` articles)."""
        links: dict[tuple[int, int], float] = {}
        for pair, z, rank in zip(found.pairs, found.logits, found.ranks, strict=True):
            p = model.probability(z, rank)
            if p >= EDGE_FLOOR:
                links[pair] = p
        stories = sorted({s for found_links in story_links for s in found_links})
        node = {s: articles + k for k, s in enumerate(stories)}
        for i, found_links in enumerate(story_links):
            for story, p in found_links.items():
                if p >= EDGE_FLOOR:
                    links[i, node[story]] = p
        counts = [min(sizes.get(s, 1), STORY_WEIGHT) if sizes else 1 for s in stories]
        return cls(articles, stories, links, counts)


def average_link(graph: BatchGraph, threshold: float) -> list[list[int]]:
    """Clusters of the graph's nodes by average link (see the module docstring),
    each a sorted list of node numbers; every article is in one."""
    total = graph.articles + len(graph.stories)
    size = [1] * graph.articles + (list(graph.sizes) or [1] * len(graph.stories))
    has_story = [n >= graph.articles for n in range(total)]
    members: list[list[int]] = [[n] for n in range(total)]
    version = [0] * total
    alive = [True] * total
    sums: list[dict[int, float]] = [{} for _ in range(total)]
    for (a, b), p in graph.links.items():
        w = p * size[a] * size[b]  # summed over the article pairs it stands for
        sums[a][b] = sums[a].get(b, 0.0) + w
        sums[b][a] = sums[b].get(a, 0.0) + w
    heap: list[tuple[float, int, int, int, int]] = []
    for (a, b), p in graph.links.items():
        if not (has_story[a] and has_story[b]) and p >= threshold:
            heap.append((-p, min(a, b), max(a, b), 0, 0))
    heapq.heapify(heap)
    while heap:
        negative, a, b, va, vb = heapq.heappop(heap)
        if -negative < threshold:
            break
        if not (alive[a] and alive[b]) or version[a] != va or version[b] != vb:
            continue
        if has_story[a] and has_story[b]:
            continue
        keep, drop = (a, b) if len(sums[a]) >= len(sums[b]) else (b, a)
        for other, w in sums[drop].items():
            if other == keep:
                continue
            sums[keep][other] = sums[keep].get(other, 0.0) + w
            del sums[other][drop]
            sums[other][keep] = sums[other].get(keep, 0.0) + w
        sums[keep].pop(drop, None)
        sums[drop] = {}
        alive[drop] = False
        size[keep] += size[drop]
        has_story[keep] = has_story[keep] or has_story[drop]
        members[keep] += members[drop]
        members[drop] = []
        version[keep] += 1
        for other, w in sums[keep].items():
            if has_story[keep] and has_story[other]:
                continue
            link = w / (size[keep] * size[other])
            if link >= threshold:
                x, y = min(keep, other), max(keep, other)
                heapq.heappush(heap, (-link, x, y, version[x], version[y]))
    found = [sorted(members[n]) for n in range(total) if alive[n] and members[n]]
    return sorted(found, key=lambda cluster: cluster[0])
