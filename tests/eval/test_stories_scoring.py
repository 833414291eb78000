"""Story clustering evaluation: B-cubed and pairwise arithmetic, the loader, the
stream order, the CLI, and quality gates on the held-out story sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storytrace.cli import cli
from storytrace.errors import ConfigError, InputNotFound, MalformedInput
from storytrace.eval.stories import (
    StoryArticle,
    bcubed,
    cluster_stream,
    evaluate_stories,
    load_stories,
    pairwise,
    stream_order,
)

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def _article(n: int, story: str, published: str | None = None) -> StoryArticle:
    return StoryArticle(str(n), story, f"title {n}", f"text {n}", published, None)


def test_bcubed_and_pairwise_by_hand() -> None:
    predicted, gold = [1, 1, 2, 2], ["a", "a", "a", "b"]
    b3 = bcubed(predicted, gold)
    assert (b3.precision, b3.recall) == (0.75, pytest.approx(2 / 3))
    assert b3.f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))
    pw = pairwise(predicted, gold)
    assert (pw.precision, pw.recall) == (0.5, pytest.approx(1 / 3))
    perfect = bcubed(gold, gold)
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    assert pairwise([1, 2], ["a", "b"]).f1 == 0.0  # no pairs at all
    assert bcubed([], []).f1 == 0.0


def test_stream_order_is_by_date_then_a_fixed_shuffle() -> None:
    articles = [_article(n, "s", None) for n in range(6)] + [
        _article(7, "t", "2020-01-02"),
        _article(8, "t", "2020-01-01"),
    ]
    ordered = stream_order(articles)
    assert ordered == stream_order(articles)  # the same every run
    assert [a.id for a in ordered[-2:]] == ["8", "7"]
    assert [a.id for a in ordered[:6]] != [str(n) for n in range(6)]


def test_load_stories_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown stories dataset"):
        load_stories("nope", tmp_path)
    with pytest.raises(InputNotFound):
        load_stories("basil", tmp_path)
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "pac.jsonl").write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(MalformedInput, match=r"pac\.jsonl:1"):
        load_stories("pac", tmp_path)


def test_repeated_ids_are_made_unique(tmp_path: Path) -> None:
    (tmp_path / "stories").mkdir()
    rows = [{"id": "empty", "story_id": s, "title": "t", "text": "x"} for s in "aab"]
    lines = "\n".join(json.dumps(r) for r in rows) + "\n"
    (tmp_path / "stories" / "pac.jsonl").write_text(lines, encoding="utf-8")
    assert [a.id for a in load_stories("pac", tmp_path)] == ["empty", "empty#2", "empty#3"]


def test_evaluate_on_a_small_hand_made_set(tmp_path: Path) -> None:
    rows = [
        ("v1", "volcano", "Volcano erupts near Grindavik",
         "Lava from the Grindavik volcano eruption reached the town."),
        ("v2", "volcano", "Grindavik volcano eruption sends lava to town",
         "The Grindavik eruption sent lava toward the town, Iceland said."),
        ("f1", "final", "Harriers win cup final",
         "The Harriers beat Rovers on penalties in the cup final at Wembley."),
    ]  # fmt: skip
    (tmp_path / "stories").mkdir()
    lines = [
        json.dumps({"id": i, "story_id": s, "title": t, "text": x, "date": "2024-01-14"})
        for i, s, t, x in rows
    ]
    (tmp_path / "stories" / "basil.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = evaluate_stories("basil", data_dir=tmp_path)
    assert result.articles == 3
    assert result.scores["bcubed.f1"] == 1.0
    assert any("held out" in line for line in result.lines)
    assigned = cluster_stream(load_stories("basil", tmp_path), batch_size=1)
    assert assigned["v1"] == assigned["v2"] != assigned["f1"]
    out = CliRunner().invoke(
        cli, ["eval", "stories", "--dataset", "basil", "--data-dir", str(tmp_path), "--json"]
    )
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["scores"]["pairwise.f1"] == 1.0


# -- quality gates on the held-out sets (measured floors, a little below) ----------------

#: B-cubed F1 measured with the TF-IDF models and IDF prior, each file as one batch
#: (clustered jointly): neus_val 0.878, basil 0.996, pac 0.943; fed 50 at a time (one
#: by one): 0.830, 0.966, 0.903
GATES = {"neus_val": 0.873, "basil": 0.99, "pac": 0.938}
SMALL_BATCH_GATES = {"neus_val": 0.825, "basil": 0.96, "pac": 0.90}


@pytest.mark.realdata
@pytest.mark.parametrize("dataset", sorted(GATES))
def test_story_clustering_gate(dataset: str) -> None:
    if not (DATA / "stories" / f"{dataset}.jsonl").is_file():
        pytest.skip(f"real-data test: {DATA / 'stories'} is absent")
    result = evaluate_stories(dataset, data_dir=DATA)
    assert result.scores["bcubed.f1"] >= GATES[dataset], "\n".join(result.lines)
    small = result.scores["batch50.bcubed.f1"]
    assert small >= SMALL_BATCH_GATES[dataset], "\n".join(result.lines)
