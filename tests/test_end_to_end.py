"""The whole pipeline on real articles (the seeds) and on the demo corpus."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from storytrace.api import analyze
from storytrace.ingest import Metadata
from storytrace.records import ArticleAnalysis
from storytrace.report.html import render_html
from storytrace.report.json_report import export_dict, json_schema

from .conftest import EXAMPLES, SEEDS

pytestmark = pytest.mark.model


def _by_speaker(analysis: ArticleAnalysis) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for q in analysis.attributions:
        # content keeps a quotation's marks: compare the words
        words = q.content.text.lstrip("\"“‘'")
        found.setdefault(q.speaker.name or q.speaker.description or "?", []).append(words)
    return found


@pytest.fixture(scope="module")
def seed_analyses() -> list[ArticleAnalysis]:
    if not SEEDS.is_dir():
        pytest.skip(f"real-data test: {SEEDS} is absent")
    analyses, summary = analyze(
        [str(p) for p in sorted(SEEDS.glob("*.txt"))], metadata=Metadata(published="2025-11-20")
    )
    assert summary.line() == "2 added, 0 unchanged, 0 skipped"
    return analyses


def test_seed_people_are_found_as_people(seed_analyses: list[ArticleAnalysis]) -> None:
    people = {e.name for a in seed_analyses for e in a.entities if e.type == "PERSON"}
    for name in ("Steve Witkoff", "Yuri Ushakov", "Vladimir Putin", "Donald Trump", "Zelensky"):
        assert name in people, f"{name} missing from {sorted(people)}"


def test_seed_outlets_named_as_sources(seed_analyses: list[ArticleAnalysis]) -> None:
    text_of_sources = " ".join(
        (q.source.text if q.source else "")
        + " "
        + (q.speaker.description or "")
        + " "
        + (q.speaker.name or "")
        for a in seed_analyses
        for q in a.attributions
    )
    assert "Bloomberg" in text_of_sources
    orgs = {e.name for a in seed_analyses for e in a.entities if e.type == "ORG"}
    assert {"Bloomberg", "Wall Street Journal", "Daily Mail"} <= orgs


def test_seed_quotes_with_named_speakers(seed_analyses: list[ArticleAnalysis]) -> None:
    first, second = (_by_speaker(a) for a in seed_analyses)
    assert any(t.startswith("Now, me to you") for t in first["Steve Witkoff"])
    assert any(t.startswith("This is a major problem") for t in second["Brian Fitzpatrick"])
    assert any("acts like he’s on Russia’s payroll" in t for t in second["Don Bacon"])
    trump = second["Donald Trump"]
    assert any(t.startswith("It’s a standard thing") for t in trump)
    # the closing ’ of "it’s" is an apostrophe, not the end of the quote
    assert any(t.startswith("No. Look,") and "a good thing" in t for t in trump)


def test_seed_times_are_anchored_on_the_publication_date(
    seed_analyses: list[ArticleAnalysis],
) -> None:
    values = {t.text: t.value for a in seed_analyses for t in a.times}
    assert values["14 October"] == "2025-10-14"
    assert values["October 19"] == "2025-10-19"
    assert values["nearly four years"] == "P4Y"


def test_demo_corpus_ingests_completely_and_validates() -> None:
    analyses, summary = analyze([str(EXAMPLES)])
    assert not summary.skipped, summary.skipped
    assert len(summary.added) >= 10
    outlets = {a.article.outlet for a in analyses}
    assert len(outlets - {None}) >= 4
    assert {Path(a.article.input.split("#")[0].split(":")[0]).suffix for a in analyses} >= {
        ".txt",
        ".jsonl",
        ".html",
        ".rss",
        ".gz",
    }
    data = json.loads(json.dumps(export_dict(analyses)))
    jsonschema.validate(data, json_schema())
    for q in data["attributions"]:
        text = next(a["text"] for a in data["articles"] if a["id"] == q["article"])
        for role in ("content", "cue", "source"):
            span = q[role]
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"]
    kinds = {q["kind"] for q in data["attributions"]}
    assert kinds >= {"direct", "partial", "indirect", "according_to"}
    assert any(q["speaker"]["anonymous"] for q in data["attributions"])
    page = render_html(analyses)
    assert "&lt;b&gt;will&lt;/b&gt;" in page and "<b>will</b>" not in page
