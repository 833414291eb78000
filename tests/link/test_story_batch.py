"""Batch clustering of stories: the candidate graph, rank features, average link."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storytrace.link.story_batch import (
    BatchGraph,
    PairArticle,
    average_link,
    candidate_pairs,
    pair_features,
    pair_links,
)
from storytrace.link.story_model import PAIR_MODEL


def _article(words: dict[str, float], day: float | None = None) -> PairArticle:
    norm = sum(w * w for w in words.values()) ** 0.5
    unit = {t: w / norm for t, w in words.items()}
    return PairArticle(
        vectors={"body": unit, "title": unit, "names": {}, "title_body": unit},
        idf={"body": {t: 2.0 for t in words}, "names": {}},
        query=unit,
        day=day,
    )


def test_average_link_merges_while_the_mean_link_is_high_enough() -> None:
    # 0-1-2 a tight triangle; 3 tied to 2 alone: its mean link to {0,1,2} is 0.6/3
    links = {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.7, (2, 3): 0.6}
    graph = BatchGraph(4, [], links)
    assert average_link(graph, 0.5) == [[0, 1, 2], [3]]
    assert average_link(graph, 0.15) == [[0, 1, 2, 3]]
    assert average_link(graph, 0.95) == [[0], [1], [2], [3]]


def test_two_open_stories_never_merge() -> None:
    # articles 0, 1; stories at nodes 2 ("s") and 3 ("t"): 0 joins s, 1 joins t, and
    # the strong 0-1 link can't bring s and t together
    graph = BatchGraph(2, ["s", "t"], {(0, 2): 0.9, (1, 3): 0.9, (0, 1): 0.8})
    assert average_link(graph, 0.3) == [[0, 2], [1, 3]]
    # without the second story, 1 follows 0 into s
    graph = BatchGraph(2, ["s"], {(0, 2): 0.9, (0, 1): 0.8})
    assert average_link(graph, 0.3) == [[0, 1, 2]]


def test_candidate_pairs_share_terms_and_respect_the_window() -> None:
    articles = [
        _article({"lava": 1.0, "grindavik": 1.0}, 0.0),
        _article({"lava": 1.0, "grindavik": 0.5}, 1.0),
        _article({"penalty": 1.0, "wembley": 1.0}, 1.0),
        _article({"lava": 1.0, "grindavik": 1.0}, 40.0),  # weeks later
    ]
    assert candidate_pairs(articles, window_days=14.0) == {(0, 1)}
    assert candidate_pairs(articles, window_days=100.0) == {(0, 1), (0, 3), (1, 3)}


def test_pair_features_are_symmetric() -> None:
    a = _article({"lava": 1.0, "grindavik": 1.0, "town": 1.0})
    b = _article({"lava": 1.0, "grindavik": 1.0})
    features = PAIR_MODEL.features
    ab, ba = pair_features(a, b, features), pair_features(b, a, features)
    assert ab == ba
    assert ab[features.index("body")] == pytest.approx(2 / (3**0.5 * 2**0.5))
    # two of three words shared, each of IDF 2; the rarest shared has IDF 2
    assert ab[features.index("body_overlap")] == pytest.approx(2 / 3)
    assert ab[features.index("body_rarest")] == pytest.approx(0.2)


def test_rank_features_and_rivals() -> None:
    articles = [_article({"lava": 1.0, "grindavik": 1.0}), _article({"lava": 1.0, "town": 1.0})]
    model = replace(PAIR_MODEL, weights=(0.0,) * len(PAIR_MODEL.weights), bias=0.0)
    alone = pair_links(articles, model, 14.0)
    assert alone.pairs == [(0, 1)] and alone.logits == [0.0]
    # each the other's best: rank 1 on both sides, no gap, no neighbour shared
    assert alone.ranks == [(1.0, 1.0, 0.0, 0.0, 0.0)]
    # an open story's article matches the first article better (logit 2): the pair
    # is second on that side, 2 below its best
    found = pair_links(articles, model, 14.0, rivals=[[2.0], []])
    assert found.ranks == [(1.0, 0.5, -2.0, 0.0, 0.0)]
    # the graph: the pair's probability, and the first article's link to story "s"
    graph = BatchGraph.build(2, found, model, [{"s": 0.8}, {}], {"s": 7})
    assert graph.stories == ["s"] and graph.links[0, 2] == 0.8
    assert graph.links[0, 1] == pytest.approx(model.probability(0.0, found.ranks[0]))
    assert list(graph.sizes) == [3]  # a long story counts as STORY_WEIGHT articles


def test_shared_neighbours() -> None:
    # three articles, each pair a candidate; every first-stage logit 0 (probability
    # 0.5): each pair shares the third article, 0.5 * 0.5
    words = {"lava": 1.0, "grindavik": 1.0}
    model = replace(PAIR_MODEL, weights=(0.0,) * len(PAIR_MODEL.weights), bias=0.0)
    found = pair_links([_article(words) for _ in range(3)], model, 14.0)
    assert found.pairs == [(0, 1), (0, 2), (1, 2)]
    assert [r[-1] for r in found.ranks] == [0.25, 0.25, 0.25]


def test_a_story_weighs_as_its_articles_in_the_average() -> None:
    # article 0 joins story node 2 (of three articles) first; article 1 is tied to 0
    # alone: its average link to {story, 0} is 0.9 / 4
    graph = BatchGraph(2, ["s"], {(0, 2): 0.95, (0, 1): 0.9}, [3])
    assert average_link(graph, 0.3) == [[0, 2], [1]]
    graph = BatchGraph(2, ["s"], {(0, 2): 0.95, (0, 1): 0.9}, [1])
    assert average_link(graph, 0.3) == [[0, 1, 2]]  # a story of one: 0.9 / 2
