"""Events and the timeline through the whole pipeline: the demo corpus's planted date
conflict, the JSON contract, the HTML timeline and the `timeline` command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from storytrace.api import analyze
from storytrace.cli import cli
from storytrace.records import ArticleAnalysis
from storytrace.report.html import render_html
from storytrace.report.json_report import export_dict, json_schema
from storytrace.timeline import build_timeline

from .conftest import EXAMPLES

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def demo() -> list[ArticleAnalysis]:
    analyses, summary = analyze([str(EXAMPLES)])
    assert not summary.skipped
    return analyses


def test_the_planted_thursday_or_march_6_conflict(demo: list[ArticleAnalysis]) -> None:
    meeting = next(
        t
        for t in build_timeline(demo)
        if t.type == "meeting" and {"Tomas Reyner", "Mattias Greb"} <= set(t.participants)
    )
    outlets = {a.article.id: a.article.outlet for a in demo}
    assert {outlets[a] for a in meeting.articles} == {"Meridian Wire", "The Aldmere Courier"}
    assert {d.text for d in meeting.dates} >= {"Thursday", "March 6"}
    assert [c.kind for c in meeting.conflicts] == ["weekday"]
    assert meeting.conflicts[0].note.endswith("is a Friday")
    assert not meeting.certain


def test_export_carries_events_and_timeline(demo: list[ArticleAnalysis]) -> None:
    data = json.loads(json.dumps(export_dict(demo)))
    jsonschema.validate(data, json_schema())
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert data["events"] and data["timeline"]
    for event in data["events"]:
        text = texts[event["article"]]
        for role in ("trigger", "what", "evidence", "who", "where", "when"):
            span = event[role]
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"]
    ids = {e["id"] for e in data["events"]}
    assert all(set(t["events"]) <= ids for t in data["timeline"])
    dated = [t["date"][:10] for t in data["timeline"] if t["precision"] in ("day", "time")]
    assert dated == sorted(dated)  # in date order


def test_html_draws_the_timeline_with_the_conflict_marked(demo: list[ArticleAnalysis]) -> None:
    page = render_html(demo)
    section = page[page.index('<section id="timeline">') : page.index('<section id="articles">')]
    assert "<svg" in section and 'class="dot-conflict"' in section
    assert "dates disagree" in section and "is a Friday" in section
    assert not re.search(r"<script|javascript:|https?://", section)


def test_timeline_command(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    wire = str(EXAMPLES / "wire.jsonl")
    assert runner.invoke(cli, ["add", "--db", db, "-q", wire]).exit_code == 0
    result = runner.invoke(cli, ["timeline", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    timeline = json.loads(result.output)["timeline"]
    assert any(t["date"] == "2026-03-12" for t in timeline)  # the Senate hearing
    shown = runner.invoke(cli, ["timeline", "--db", db])
    assert shown.exit_code == 0 and "Timeline (" in shown.output
