"""The story and near-copy sections of the HTML report.

:func:`story_views` groups the report's articles by story (one section each,
``_story.html``); :func:`copy_views` lays every near-copy pair out side by side,
passage by passage, with the words that differ inside a reworded passage marked
(``_copies.html``). Everything here is plain text cut into segments: the
templates escape it like all article text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from storytrace.link.records import CopyPair, Passage, Story
from storytrace.link.run import LinkResult
from storytrace.link.shingles import words
from storytrace.records import Article, ArticleAnalysis

__all__ = ["CopyRow", "CopyView", "Piece", "StoryView", "copy_views", "story_views"]

#: how each kind of pair is named on the page
KIND_LABELS = {
    "exact_duplicate": "exact duplicate",
    "syndicated": "syndicated copy",
    "light_rewrite": "light rewrite",
    "shared_quotes": "shares quotes only",
}


@dataclass(frozen=True, slots=True)
class Piece:
    """Text of one side of a passage; ``changed`` marks words the other side lacks."""

    text: str
    changed: bool = False


@dataclass(frozen=True, slots=True)
class CopyRow:
    """One aligned passage: ``op`` is same, changed, only_a or only_b."""

    op: str
    left: tuple[Piece, ...]
    right: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class CopyView:
    anchor: str
    pair: CopyPair
    kind_label: str
    a: Article
    b: Article
    rows: tuple[CopyRow, ...]


@dataclass(slots=True)
class StoryView:
    """One story's section. ``extra`` is free for other sections to attach their
    per-story views to (see the include point in ``_story.html``)."""

    anchor: str
    story: Story
    analyses: list[ArticleAnalysis]
    copies: list[CopyView]
    extra: dict[str, Any] = field(default_factory=dict)


def _pieces(text: str, start: int, end: int, other: str) -> tuple[Piece, ...]:
    """``text[start:end]`` with the words not in ``other`` (in order) marked."""
    mine = words(text, start, end)
    theirs = [w.norm for w in words(other)]
    matcher = SequenceMatcher(None, [w.norm for w in mine], theirs, autojunk=False)
    kept = [False] * len(mine)
    for block in matcher.get_matching_blocks():
        for i in range(block.a, block.a + block.size):
            kept[i] = True
    found: list[Piece] = []
    pos = start
    for word, same in zip(mine, kept, strict=True):
        if same:
            continue
        if word.start > pos:
            gap = text[pos : word.start]
            # a space between two changed words is part of the change ("been sleeping")
            found.append(Piece(gap, bool(found) and found[-1].changed and gap.isspace()))
        found.append(Piece(text[word.start : word.end], changed=True))
        pos = word.end
    if pos < end:
        found.append(Piece(text[pos:end]))
    return tuple(_merge(found))


def _merge(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if merged and merged[-1].changed == piece.changed:
            merged[-1] = Piece(merged[-1].text + piece.text, piece.changed)
        else:
            merged.append(piece)
    return merged


def _row(passage: Passage) -> CopyRow:
    a, b = passage.a, passage.b
    if passage.op == "changed" and a is not None and b is not None:
        left = _pieces(a.text, 0, len(a.text), b.text)
        right = _pieces(b.text, 0, len(b.text), a.text)
        return CopyRow(passage.op, left, right)
    return CopyRow(
        passage.op,
        (Piece(a.text),) if a is not None else (),
        (Piece(b.text),) if b is not None else (),
    )


def copy_views(pairs: Sequence[CopyPair], articles: dict[str, Article]) -> list[CopyView]:
    """Side-by-side views of the pairs whose two articles are in the report."""
    views = []
    for n, pair in enumerate(pairs, 1):
        if pair.a not in articles or pair.b not in articles:
            continue
        views.append(
            CopyView(
                anchor=f"copy-{n}",
                pair=pair,
                kind_label=KIND_LABELS.get(pair.kind, pair.kind),
                a=articles[pair.a],
                b=articles[pair.b],
                rows=tuple(_row(p) for p in pair.passages),
            )
        )
    return views


def story_views(analyses: Sequence[ArticleAnalysis], links: LinkResult) -> list[StoryView]:
    """One view per story with articles in the report, newest story first; articles
    no story holds (linked by nothing yet) are left to the other sections."""
    by_id = {a.article.id: a for a in analyses}
    copies = copy_views(links.duplicates, {a: x.article for a, x in by_id.items()})
    views = []
    for story in links.stories:
        members = [by_id[a] for a in story.articles if a in by_id]
        if not members:
            continue
        ids = set(story.articles)
        views.append(
            StoryView(
                anchor=story.id,
                story=story,
                analyses=members,
                copies=[c for c in copies if c.pair.a in ids or c.pair.b in ids],
            )
        )
    return views
