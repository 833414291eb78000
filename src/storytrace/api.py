"""The library functions behind each CLI command (the CLI only parses and reports).

add(inputs, db)          ingest into a store            -> IngestSummary
analyze(inputs)          the same pipeline, in memory   -> (analyses, IngestSummary)
write_report(db, out)    self-contained HTML report
export_json(db, out)     the storytrace/1 JSON contract
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from storytrace.config import Config, load_config
from storytrace.errors import StoreError
from storytrace.ingest import Metadata
from storytrace.pipeline import IngestSummary, ProgressCallback, ingest
from storytrace.records import ArticleAnalysis
from storytrace.report.html import render_html
from storytrace.report.json_report import export_dict, write_json
from storytrace.store import Store

if TYPE_CHECKING:
    import httpx

__all__ = ["add", "analyze", "export_json", "write_analyses_json", "write_html", "write_report"]


def add(
    inputs: Sequence[str],
    db: str,
    *,
    config: Config | None = None,
    metadata: Metadata | None = None,
    client: httpx.Client | None = None,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Ingest ``inputs`` into the store at ``db``."""
    with Store(db) as store:
        return ingest(
            inputs,
            store,
            config=config or load_config(),
            metadata=metadata,
            client=client,
            progress=progress,
        )


def analyze(
    inputs: Sequence[str],
    *,
    config: Config | None = None,
    metadata: Metadata | None = None,
    client: httpx.Client | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[list[ArticleAnalysis], IngestSummary]:
    """Run the whole pipeline on ``inputs`` in an in-memory store."""
    with Store(":memory:") as store:
        summary = ingest(
            inputs,
            store,
            config=config or load_config(),
            metadata=metadata,
            client=client,
            progress=progress,
        )
        return list(store.analyses()), summary


def _write_text(path: str | Path, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"cannot write ({exc.strerror})", input=str(path)) from exc


def write_html(analyses: list[ArticleAnalysis], out: str | Path) -> None:
    _write_text(out, render_html(analyses))


def write_report(db: str, out: str | Path) -> int:
    """Write the HTML report of everything in the store; return the article count."""
    with Store(db) as store:
        analyses = list(store.analyses())
    write_html(analyses, out)
    return len(analyses)


def export_json(db: str, out: IO[str]) -> int:
    """Write the store as ``storytrace/1`` JSON to ``out``; return the article count."""
    with Store(db) as store:
        analyses = list(store.analyses())
    write_analyses_json(analyses, out)
    return len(analyses)


def write_analyses_json(analyses: list[ArticleAnalysis], out: IO[str]) -> None:
    write_json(export_dict(analyses), out)
