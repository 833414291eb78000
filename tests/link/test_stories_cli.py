"""Stories and near-copies through the CLI, the JSON contract and the HTML report,
on a store filled without parsing (linking reads only text and metadata)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from storytrace.cli import cli
from storytrace.records import Article, ArticleAnalysis
from storytrace.report.json_report import json_schema
from storytrace.store import Store, text_key

WIRE = (
    "A convoy of trucks loaded with flour waited at the crossing on Wednesday. "
    "Drivers said they had slept in their cabs for three nights. "
    "Officials said the inspections would start once the ministers agreed. "
    "The relief office says the town has received few supplies since November."
)
HOSTILE = "<script>alert(1)</script> & co"


def _save(store: Store, article_id: str, text: str, **meta: str) -> None:
    article = Article(id=article_id, key=text_key(text), input=article_id, text=text, **meta)
    store.save(ArticleAnalysis(article))


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "s.db")
    with Store(path) as store:
        _save(store, "wire", WIRE, title=f"Convoy waits {HOSTILE}", outlet="Wire",
              published="2026-03-04T09:00")  # fmt: skip
        copy = WIRE.replace("had slept", "had been sleeping")
        _save(store, "herald", copy, title="Trucks idle", outlet="Herald",
              published="2026-03-04T11:30")  # fmt: skip
        _save(store, "other", "The cup final ended goalless after extra time at Wembley.",
              title="Cup final", outlet="Sport", published="2026-03-05")  # fmt: skip
    return path


def test_stories_command_lists_and_show_accepts_a_story_id(db: str) -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["stories", "--db", db, "--json"])
    assert listed.exit_code == 0, listed.output
    stories = json.loads(listed.output)["stories"]
    assert [s["articles"] for s in stories] == [["other"], ["wire", "herald"]]
    convoy = stories[1]
    assert convoy["label"] == f"Convoy waits {HOSTILE}"
    assert (convoy["outlets"], convoy["first"]) == (["Wire", "Herald"], "2026-03-04T09:00")
    table = runner.invoke(cli, ["stories", "--db", db])
    assert table.exit_code == 0 and convoy["id"] in table.output and "2 stories" in table.output
    shown = runner.invoke(cli, ["show", convoy["id"], "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "syndicated copy" in shown.output and "herald" in shown.output
    article = runner.invoke(cli, ["show", "herald", "--db", db])
    assert article.exit_code == 0 and "Trucks idle" in article.output
    missing = runner.invoke(cli, ["show", "story-nope", "--db", db])
    assert missing.exit_code == 1 and "no article with id 'story-nope'" in missing.output
    # ids are stable: listing again links nothing new and changes nothing
    again = runner.invoke(cli, ["stories", "--db", db, "--json"])
    assert json.loads(again.output)["stories"] == stories


def test_export_carries_stories_and_duplicates(db: str, tmp_path: Path) -> None:
    out = tmp_path / "e.json"
    result = CliRunner().invoke(cli, ["export", "--json", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, json_schema())
    assert [sorted(s["articles"]) for s in data["stories"]] == [["other"], ["herald", "wire"]]
    (pair,) = data["duplicates"]
    assert (pair["a"], pair["b"], pair["kind"], pair["original"]) == (
        "wire",
        "herald",
        "syndicated",
        "wire",
    )
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for passage in pair["passages"]:
        for side, article in (("a", "wire"), ("b", "herald")):
            span = passage[side]
            if span is not None:
                assert texts[article][span["start"] : span["end"]] == span["text"]
    assert [p["op"] for p in pair["passages"]] == ["same", "changed", "same"]


def test_report_groups_by_story_and_escapes(db: str, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<section id="stories">' in page and '<section id="copies">' in page
    assert page.count('<section class="story"') == 2
    assert "<script>alert(1)</script>" not in page
    assert "Convoy waits &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    # the reworded sentence shows its changed words marked on both sides
    assert '<mark class="w-changed">slept</mark>' in page
    assert '<mark class="w-changed">been sleeping</mark>' in page
