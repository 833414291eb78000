"""The ``storytrace/1`` JSON contract: build it from the store, write it, and
generate its JSON Schema from the records (published as ``docs/schema.json``)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import IO, Any

from pydantic import TypeAdapter

from storytrace.link.across import link_across
from storytrace.link.run import LinkResult, link_articles
from storytrace.records import ArticleAnalysis, ExportDocument, ExportedArticle
from storytrace.timeline import build_timeline

__all__ = ["build_export", "export_dict", "json_schema", "write_json"]


def build_export(
    analyses: list[ArticleAnalysis], links: LinkResult | None = None
) -> ExportDocument:
    """The document for ``analyses``; ``links`` are their stories and near-copies as
    stored (``storytrace.link.run.load_links``), found here in memory when not given."""
    doc = ExportDocument(schema="storytrace/1")
    for analysis in analyses:
        a = analysis.article
        doc.articles.append(
            ExportedArticle(
                id=a.id,
                input=a.input,
                outlet=a.outlet,
                title=a.title,
                published=a.published,
                text=a.text,
                url=a.url,
                author=a.author,
                revision_of=a.revision_of,
            )
        )
        doc.entities.extend(analysis.entities)
        doc.attributions.extend(analysis.attributions)
        doc.times.extend(analysis.times)
        doc.events.extend(analysis.events)
    if links is None:
        links = link_articles([a.article for a in analyses])
    doc.stories.extend(links.stories)
    doc.duplicates.extend(links.duplicates)
    doc.timeline.extend(build_timeline(analyses))
    cross = link_across(analyses, timeline=doc.timeline, copy_of=links.copy_of())
    doc.actors.extend(cross.actors)
    doc.quote_groups.extend(cross.quote_groups)
    doc.citations.extend(cross.citations)
    doc.conflicts.extend(cross.conflicts)
    return doc


def export_dict(analyses: list[ArticleAnalysis], links: LinkResult | None = None) -> dict[str, Any]:
    """The ``storytrace/1`` document for ``analyses`` as a JSON-ready dict."""
    return asdict(build_export(analyses, links))


def write_json(data: dict[str, Any], out: IO[str]) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of :class:`ExportDocument`, from its type hints."""
    schema = TypeAdapter(ExportDocument).json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://storytrace.invalid/schema/storytrace-1.json"
    schema["title"] = "storytrace/1 export"
    return schema
