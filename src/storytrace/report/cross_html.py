"""The cross-article sections of the HTML report: who's who, quotes by speaker with
their wordings diffed, the citation graph (inline SVG), the coverage matrix
(outlets × key quotes and facts) and the conflicts with their evidence side by side.

:func:`cross_view` turns :class:`~storytrace.link.across.CrossLinks` for a set of
articles (the whole store, or one story) into plain numbers and strings; the
templates ``_roster.html``, ``_quote_groups.html``, ``_citations.html``,
``_coverage.html`` and ``_conflicts.html`` render a variable ``cross`` of this
type, and escape everything like all article text. ``prefix`` keeps element
ids unique when a page shows several stories.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from storytrace.link.across import CrossLinks
from storytrace.link.entities import outlet_label, roster
from storytrace.link.outlets import OutletIndex
from storytrace.link.records import Actor, Citation, Conflict, QuoteGroup
from storytrace.records import ArticleAnalysis, Span

__all__ = [
    "Cell",
    "CoverageRow",
    "CrossView",
    "Edge",
    "Graph",
    "Node",
    "Piece",
    "SourceRow",
    "cross_view",
    "split_evidence",
]

#: size of the citation graph: pixels between layers and between nodes of a layer
LAYER_GAP: Final = 230
NODE_GAP: Final = 46
NODE_WIDTH: Final = 190
MARGIN: Final = 20
#: quotes shown in the coverage matrix: those printed by at least this many outlets
KEY_QUOTE_OUTLETS: Final = 2


@dataclass(frozen=True, slots=True)
class Node:
    key: str
    label: str
    kind: str  # "stored" (an outlet in the store), "outlet" (cited only), "document"
    x: int
    y: int


@dataclass(frozen=True, slots=True)
class Edge:
    x1: int
    y1: int
    x2: int
    y2: int
    width: float
    title: str


@dataclass(frozen=True, slots=True)
class Graph:
    width: int
    height: int
    node_width: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One cited source: who cites it, how often, and whether anyone else has it."""

    source: str
    kind: str
    citing: tuple[str, ...]
    citations: int
    first: str  # the first article of the store from that outlet, or "—"
    own: bool  # the outlet's own articles carry it (its scoop or interview)


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    kind: str  # "full", "variant", "value", "conflict", "absent"
    title: str = ""


@dataclass(frozen=True, slots=True)
class CoverageRow:
    label: str
    kind: str  # "quote" or "fact"
    anchor: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    mark: bool = False


@dataclass(frozen=True, slots=True)
class CrossView:
    prefix: str
    outlets: tuple[str, ...]
    roster: tuple[Actor, ...]
    quotes: tuple[tuple[str, tuple[QuoteGroup, ...]], ...]
    graph: Graph | None
    sources: tuple[SourceRow, ...]
    citations: tuple[Citation, ...]
    coverage: tuple[CoverageRow, ...]
    conflicts: tuple[Conflict, ...]
    changes: tuple[Conflict, ...]
    titles: dict[str, str]  # article id -> "Outlet, date"
    counts: dict[str, dict[str, int]]  # actor id -> outlet -> mentions


def split_evidence(sentence: Span, span: Span) -> tuple[Piece, Piece, Piece]:
    """A sentence cut around the words that give the value, for highlighting."""
    start = max(0, span.start - sentence.start)
    end = max(start, span.end - sentence.start)
    text = sentence.text
    return Piece(text[:start]), Piece(text[start:end], True), Piece(text[end:])


def _outlets(analyses: Sequence[ArticleAnalysis]) -> tuple[str, ...]:
    ordered = sorted(analyses, key=lambda a: (a.article.published or "~", a.article.id))
    return tuple(dict.fromkeys(outlet_label(a) for a in ordered))


def _quotes_by_speaker(
    groups: Sequence[QuoteGroup],
) -> tuple[tuple[str, tuple[QuoteGroup, ...]], ...]:
    """Groups printed more than once or in more than one wording, by speaker."""
    shown = [g for g in groups if len(g.articles) > 1 or len(g.variants) > 1]
    by: dict[str, list[QuoteGroup]] = defaultdict(list)
    for g in shown:
        by[g.speaker_name or "Speaker not named"].append(g)
    order = sorted(by, key=lambda s: (s == "Speaker not named", -len(by[s]), s))
    return tuple((s, tuple(by[s])) for s in order)


def _layers(edges: dict[tuple[str, str], list[Citation]], nodes: set[str]) -> dict[str, int]:
    """Longest path to a source that cites nobody: sources at layer 0, on the right."""
    cites: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        cites[a].add(b)
    layer = dict.fromkeys(nodes, 0)
    for _ in range(len(nodes)):  # a cycle stops growing after |nodes| rounds
        changed = False
        for a in nodes:
            best = max((layer[b] + 1 for b in cites[a]), default=0)
            if best > layer[a] and best < len(nodes):
                layer[a] = best
                changed = True
        if not changed:
            break
    return layer


def _graph(citations: Sequence[Citation], outlets: OutletIndex, stored: set[str]) -> Graph | None:
    edges: dict[tuple[str, str], list[Citation]] = defaultdict(list)
    labels: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for c in citations:
        if c.own or not (c.cited or c.document):
            continue
        source = c.outlet or c.article
        target = c.cited or c.document or ""
        s_key, t_key = outlets.canonical(source), outlets.canonical(target)
        if s_key == t_key:
            continue
        labels.setdefault(s_key, source)
        labels.setdefault(t_key, target)
        kinds[s_key] = "stored"
        if t_key not in kinds:
            kinds[t_key] = "stored" if t_key in stored else ("outlet" if c.cited else "document")
        edges[(s_key, t_key)].append(c)
    if not edges:
        return None
    layer = _layers(edges, set(labels))
    depth = max(layer.values())
    by_layer: dict[int, list[str]] = defaultdict(list)
    for key in sorted(labels, key=lambda k: labels[k].casefold()):
        by_layer[layer[key]].append(key)
    rows = max(len(v) for v in by_layer.values())
    height = MARGIN * 2 + rows * NODE_GAP
    width = MARGIN * 2 + depth * LAYER_GAP + NODE_WIDTH
    place: dict[str, tuple[int, int]] = {}
    for n, keys in by_layer.items():
        x = MARGIN + (depth - n) * LAYER_GAP
        offset = (rows - len(keys)) * NODE_GAP // 2
        for i, key in enumerate(keys):
            place[key] = (x, MARGIN + offset + i * NODE_GAP + NODE_GAP // 2)
    nodes = tuple(Node(k, labels[k], kinds[k], *place[k]) for k in labels)
    drawn = []
    for (a, b), cs in sorted(edges.items()):
        (x1, y1), (x2, y2) = place[a], place[b]
        forward = x2 > x1
        drawn.append(
            Edge(
                x1=x1 + NODE_WIDTH if forward else x1,
                y1=y1,
                x2=x2 if forward else x2 + NODE_WIDTH,
                y2=y2,
                width=round(1 + math.log2(len(cs)), 2),
                title=f"{labels[a]} → {labels[b]}: {len(cs)} citation{'s' if len(cs) > 1 else ''}"
                f" ({', '.join(sorted({c.cue for c in cs}))})",
            )
        )
    return Graph(width, height, NODE_WIDTH, nodes, tuple(drawn))


def _sources(
    citations: Sequence[Citation], analyses: Sequence[ArticleAnalysis], outlets: OutletIndex
) -> tuple[SourceRow, ...]:
    by: dict[str, list[Citation]] = defaultdict(list)
    names: dict[str, str] = {}
    for c in citations:
        name = c.cited or c.document
        if not name or c.cue == "credit":
            continue
        key = outlets.canonical(name)
        by[key].append(c)
        names.setdefault(key, name)
    first_of: dict[str, str] = {}
    for a in sorted(analyses, key=lambda a: (a.article.published or "~", a.article.id)):
        if a.article.outlet:
            first_of.setdefault(outlets.canonical(a.article.outlet), a.article.id)
    rows = []
    for key, cs in by.items():
        citing = tuple(dict.fromkeys(c.outlet or c.article for c in cs if not c.own))
        rows.append(
            SourceRow(
                source=names[key],
                kind="outlet" if cs[0].cited else "document",
                citing=citing,
                citations=len(cs),
                first=first_of.get(key, "—"),
                own=any(c.own for c in cs),
            )
        )
    rows.sort(key=lambda r: (-len(r.citing), -r.citations, r.source))
    return tuple(rows)


def _coverage(
    links: CrossLinks, analyses: Sequence[ArticleAnalysis], outlets: tuple[str, ...], prefix: str
) -> tuple[CoverageRow, ...]:
    label_of = {a.article.id: outlet_label(a) for a in analyses}
    rows = []
    for g in links.quote_groups:
        printed = {label_of[a] for a in g.articles if a in label_of}
        if len(printed) < KEY_QUOTE_OUTLETS:
            continue
        cells = []
        for outlet in outlets:
            found = [
                v
                for v in g.variants
                if any(label_of.get(o.article) == outlet for o in v.occurrences)
            ]
            if not found:
                cells.append(Cell("—", "absent", "not printed"))
            elif all(v.labels == ("exact",) for v in found) and found[0] is g.variants[0]:
                cells.append(Cell("✓", "full", "the fullest wording"))
            else:
                labels = sorted({label for v in found for label in v.labels})
                cells.append(Cell("~", "variant", ", ".join(labels)))
        who = g.speaker_name or "unnamed"
        text = g.text if len(g.text) <= 70 else g.text[:69] + "…"
        rows.append(CoverageRow(f"{who}: “{text}”", "quote", f"{prefix}{g.id}", tuple(cells)))
    for c in links.conflicts:
        value_of: dict[str, list[str]] = defaultdict(list)
        for v in c.values:
            for e in v.evidence:  # each outlet's own words: "50 miles", not "80-kilometre"
                if e.article in label_of and e.span.text not in value_of[label_of[e.article]]:
                    value_of[label_of[e.article]].append(e.span.text)
        cells = []
        for outlet in outlets:
            values = value_of.get(outlet, [])
            kind = "absent" if not values else ("value" if c.status == "change" else "conflict")
            cells.append(Cell(" / ".join(values) or "—", kind, c.fact))
        rows.append(CoverageRow(c.fact, "fact", f"{prefix}{c.id}", tuple(cells)))
    return tuple(rows)


def cross_view(
    links: CrossLinks, analyses: Sequence[ArticleAnalysis], *, prefix: str = "x-"
) -> CrossView:
    """The view of ``links`` restricted to ``analyses`` (a story, or the whole store)."""
    ids = {a.article.id for a in analyses}
    groups = tuple(g for g in links.quote_groups if any(a in ids for a in g.articles))
    citations = tuple(c for c in links.citations if c.article in ids)
    conflicts = tuple(
        c for c in links.conflicts if any(e.article in ids for v in c.values for e in v.evidence)
    )
    outlets_index = OutletIndex.build(a.article.outlet for a in analyses)
    stored = {outlets_index.canonical(a.article.outlet) for a in analyses if a.article.outlet}
    outlets = _outlets(analyses)
    scoped = CrossLinks(
        actors=links.actors,
        quote_groups=groups,
        citations=citations,
        conflicts=conflicts,
        index=links.index,
        provenance=links.provenance,
    )
    people = tuple(roster(links.index, analyses))
    return CrossView(
        prefix=prefix,
        outlets=outlets,
        roster=people,
        quotes=_quotes_by_speaker(groups),
        graph=_graph(citations, outlets_index, stored),
        sources=_sources(citations, analyses, outlets_index),
        citations=citations,
        coverage=_coverage(scoped, analyses, outlets, prefix),
        conflicts=tuple(c for c in conflicts if c.status == "contradiction"),
        changes=tuple(c for c in conflicts if c.status == "change"),
        titles={
            a.article.id: f"{outlet_label(a)}, {a.article.published or 'undated'}" for a in analyses
        },
        counts={a.id: {m.outlet: m.mentions for m in a.mentions} for a in people},
    )
