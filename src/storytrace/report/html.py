"""A self-contained HTML report: inline CSS, no scripts, fonts or CDNs.

Article text is untrusted. Every value reaches the page through Jinja2 with
autoescaping on; highlighted article text is cut into plain segments here and
escaped by the template like everything else (no ``|safe`` anywhere).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

import jinja2

from storytrace import __version__
from storytrace.link.across import link_across
from storytrace.link.run import LinkResult, link_articles
from storytrace.records import ArticleAnalysis, Attribution
from storytrace.report.cross_html import cross_view, split_evidence
from storytrace.report.story_html import copy_views, story_views
from storytrace.report.timeline_html import timeline_view
from storytrace.timeline import build_timeline

__all__ = ["Segment", "highlight", "render_html"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of article text; ``mark`` is "", "quote", "cue" or "source"."""

    text: str
    mark: str = ""
    title: str = ""


def highlight(text: str, attributions: tuple[Attribution, ...]) -> list[Segment]:
    """Cut ``text`` into segments, marking quote contents, cues and sources.

    Overlapping spans are resolved by first come, first served: a character
    gets the mark of the first span (in text order) that covers it.
    """
    marks: list[tuple[int, int, str, str]] = []
    for q in attributions:
        who = q.speaker.name or q.speaker.description or "unknown speaker"
        marks.append((q.content.start, q.content.end, "quote", f"{q.kind} — {who}"))
        if q.cue is not None:
            marks.append((q.cue.start, q.cue.end, "cue", q.cue_lemma or ""))
        if q.source is not None:
            marks.append((q.source.start, q.source.end, "source", who))
    marks.sort()
    segments: list[Segment] = []
    pos = 0
    for start, end, mark, title in marks:
        if end <= pos:
            continue
        start = max(start, pos)
        if start > pos:
            segments.append(Segment(text[pos:start]))
        segments.append(Segment(text[start:end], mark, title))
        pos = end
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return segments


def _speaker_key(q: Attribution) -> str:
    if q.speaker.name:
        return q.speaker.name
    if q.speaker.anonymous:
        return "Anonymous sources"
    return "Unresolved speakers"


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("storytrace", "report/templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(
    analyses: list[ArticleAnalysis],
    *,
    title: str = "storytrace report",
    links: LinkResult | None = None,
) -> str:
    """The report of ``analyses``; ``links`` (stories, near-copies) as stored, or found
    here in memory when not given."""
    if links is None:
        links = link_articles([a.article for a in analyses])
    by_speaker: dict[str, list[tuple[ArticleAnalysis, Attribution]]] = defaultdict(list)
    for analysis in analyses:
        for q in analysis.attributions:
            by_speaker[_speaker_key(q)].append((analysis, q))
    speakers = sorted(
        by_speaker.items(),
        key=lambda item: (
            item[0] in ("Anonymous sources", "Unresolved speakers"),
            -len(item[1]),
            item[0],
        ),
    )
    ordered = sorted(analyses, key=lambda a: (a.article.published or "", a.article.id))
    article_anchor = {a.article.id: f"article-{n}" for n, a in enumerate(ordered, 1)}
    return _ENV.get_template("report.html").render(
        title=title,
        version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        analyses=ordered,
        speakers=speakers,
        outlets=sorted({a.article.outlet for a in analyses if a.article.outlet}),
        n_quotes=sum(len(a.attributions) for a in analyses),
        highlight=highlight,
        timeline=timeline_view(build_timeline(analyses), analyses),
        cross=cross_view(link_across(analyses, copy_of=links.copy_of()), analyses),
        split_evidence=split_evidence,
        stories=story_views(ordered, links),
        copies=copy_views(links.duplicates, {a.article.id: a.article for a in analyses}),
        article_anchor=article_anchor,
    )
