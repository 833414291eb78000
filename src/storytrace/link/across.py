"""Everything linked across articles that is computed on demand from the store:
actors, quote groups, citations and conflicts (no table of their own: they are a
deterministic function of the stored analyses, recomputed when asked for).

``copy_of`` (article id → the article it copies) comes from the near-copy
detector when it has run; provenance then folds copies into their originals.
``timeline`` (from :func:`storytrace.timeline.build_timeline`) gives the date
conflicts; it is built here when not passed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storytrace.link.citations import find_citations
from storytrace.link.conflicts import find_conflicts
from storytrace.link.entities import ActorIndex, link_entities
from storytrace.link.outlets import OutletIndex
from storytrace.link.provenance import Carrier, ProvenanceIndex
from storytrace.link.quote_groups import group_quotes
from storytrace.link.records import Actor, Citation, Conflict, QuoteGroup
from storytrace.records import ArticleAnalysis, TimelineEvent
from storytrace.timeline import build_timeline

__all__ = ["CrossLinks", "link_across"]


@dataclass(frozen=True, slots=True)
class CrossLinks:
    """What :func:`link_across` finds; ``index`` and ``provenance`` answer further questions."""

    actors: tuple[Actor, ...]
    quote_groups: tuple[QuoteGroup, ...]
    citations: tuple[Citation, ...]
    conflicts: tuple[Conflict, ...]
    index: ActorIndex
    provenance: ProvenanceIndex


def link_across(
    analyses: Sequence[ArticleAnalysis],
    *,
    copy_of: Mapping[str, str] | None = None,
    timeline: Sequence[TimelineEvent] | None = None,
) -> CrossLinks:
    """Link ``analyses`` across articles: who is who, one quote in many wordings,
    who cites whom, and facts given different values."""
    outlets = OutletIndex.build(a.article.outlet for a in analyses)
    index = link_entities(analyses)
    citations = find_citations(analyses, outlets)
    provenance = ProvenanceIndex(analyses, citations, outlets, copy_of)
    groups = group_quotes(
        analyses,
        index,
        lambda occurrences: provenance.of([Carrier(o.article, o.content) for o in occurrences]),
    )
    conflicts = find_conflicts(
        analyses,
        groups,
        provenance,
        timeline=build_timeline(analyses) if timeline is None else timeline,
        speaker_names={a.id: a.name for a in index.actors},
    )
    return CrossLinks(
        actors=index.actors,
        quote_groups=tuple(groups),
        citations=tuple(citations),
        conflicts=tuple(conflicts),
        index=index,
        provenance=provenance,
    )
