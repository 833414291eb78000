"""Loaders for the annotated datasets described in ``../shared/DATASETS.md``.

Each loader returns typed gold records; a missing file is a clear
:class:`~storytrace.errors.InputNotFound` naming the path and the dataset.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storytrace.errors import InputNotFound, MalformedInput

__all__ = [
    "DEFAULT_DATA_DIR",
    "GgtArticle",
    "GgtQuote",
    "PolnearArticle",
    "PolnearAttribution",
    "load_ggt",
    "load_polnear",
]

#: relative to the working directory, as the project's tests and Makefile run
DEFAULT_DATA_DIR = Path("../shared/data")

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GgtQuote:
    quote: tuple[int, int]
    speaker: tuple[int, int] | None
    verb: tuple[int, int] | None
    reference: str
    quote_text: str


@dataclass(frozen=True, slots=True)
class GgtArticle:
    id: str
    outlet: str
    text: str
    quotes: tuple[GgtQuote, ...]


@dataclass(frozen=True, slots=True)
class PolnearAttribution:
    type: str
    source: Spans
    cue: Spans
    content: Spans
    cue_text: str


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    id: str
    publisher: str
    date: str | None
    text: str
    attributions: tuple[PolnearAttribution, ...]


def _lines(path: Path, dataset: str) -> Iterator[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise InputNotFound(
            f"dataset {dataset} not found",
            input=str(path),
            hint="pass --data-dir pointing at shared/data",
        )
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise MalformedInput(
                    f"line is not valid JSON ({exc.msg})", input=f"{path}:{number}"
                ) from exc


def _pair(value: Any) -> tuple[int, int] | None:
    if not value or len(value) != 2 or value[0] is None:
        return None
    return int(value[0]), int(value[1])


def load_ggt(data_dir: Path = DEFAULT_DATA_DIR) -> list[GgtArticle]:
    path = data_dir / "quotes" / "ggt" / "ggt_quotes.jsonl"
    articles = []
    for _, row in _lines(path, "ggt"):
        quotes = []
        for q in row["quotes"]:
            span = _pair(q.get("quote_span"))
            if span is None:
                continue
            quotes.append(
                GgtQuote(
                    quote=span,
                    speaker=_pair(q.get("speaker_span")),
                    verb=_pair(q.get("verb_span")),
                    reference=q.get("reference") or "",
                    quote_text=q["quote"],
                )
            )
        articles.append(
            GgtArticle(
                id=str(row["id"]),
                outlet=row.get("outlet") or "",
                text=row["text"],
                quotes=tuple(quotes),
            )
        )
    return articles


def _spans(role: dict[str, Any] | None) -> Spans:
    if not role:
        return ()
    return tuple(sorted((int(s), int(e)) for s, e in role.get("spans") or ()))


def load_polnear(split: str, data_dir: Path = DEFAULT_DATA_DIR) -> list[PolnearArticle]:
    path = data_dir / "quotes" / "polnear" / f"polnear_{split}.jsonl"
    articles = []
    for _, row in _lines(path, f"polnear-{split}"):
        attributions = tuple(
            PolnearAttribution(
                type=a.get("type", "Attribution"),
                source=_spans(a.get("source")),
                cue=_spans(a.get("cue")),
                content=_spans(a.get("content")),
                cue_text=(a.get("cue") or {}).get("text") or "",
            )
            for a in row["attributions"]
        )
        articles.append(
            PolnearArticle(
                id=str(row["id"]),
                publisher=row.get("publisher") or "",
                date=row.get("date"),
                text=row["text"],
                attributions=attributions,
            )
        )
    return articles
