"""The published JSON Schema is current, and exports validate against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from storytrace.records import Article, ArticleAnalysis, Attribution, Entity, Span, Speaker
from storytrace.report.json_report import export_dict, json_schema

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_docs_schema_is_generated_from_the_records() -> None:
    published = json.loads((DOCS / "schema.json").read_text(encoding="utf-8"))
    assert published == json_schema(), "run `make docs` to regenerate docs/schema.json"


def test_export_validates_and_has_the_contract_keys() -> None:
    text = "Mara Voss said it."
    article = Article(id="x", key="k", input="x.txt", text=text)
    analysis = ArticleAnalysis(
        article=article,
        entities=(
            Entity(
                id="x:e1",
                article="x",
                name="Mara Voss",
                type="PERSON",
                mentions=(Span(0, 9, "Mara Voss"),),
            ),
        ),
        attributions=(
            Attribution(
                id="x:q1",
                article="x",
                kind="indirect",
                content=Span(15, 17, "it"),
                cue=Span(10, 14, "said"),
                source=Span(0, 9, "Mara Voss"),
                speaker=Speaker(entity="x:e1", name="Mara Voss"),
            ),
        ),
    )
    data = json.loads(json.dumps(export_dict([analysis])))
    jsonschema.validate(data, json_schema())
    assert data["schema"] == "storytrace/1"
    assert set(data["articles"][0]) >= {"id", "input", "outlet", "title", "published", "text"}
    assert set(data["entities"][0]) >= {"id", "name", "type", "aliases"}
    assert set(data["attributions"][0]) >= {
        "id",
        "article",
        "kind",
        "content",
        "cue",
        "source",
        "speaker",
    }
    assert set(data["attributions"][0]["speaker"]) == {"entity", "name", "anonymous", "description"}
    assert data["entities"][0]["aliases"] == []
    assert data["attributions"][0]["content"] == {"start": 15, "end": 17, "text": "it"}


def test_schema_rejects_a_wrong_kind() -> None:
    bad = {
        "schema": "storytrace/1",
        "articles": [],
        "entities": [],
        "times": [],
        "attributions": [
            {
                "id": "q",
                "article": "a",
                "kind": "rumour",
                "content": {"start": 0, "end": 1, "text": "x"},
                "cue": None,
                "source": None,
                "speaker": {},
            }
        ],
    }
    try:
        jsonschema.validate(bad, json_schema())
    except jsonschema.ValidationError as exc:
        assert "rumour" in exc.message
    else:  # pragma: no cover
        raise AssertionError("schema accepted an unknown kind")
