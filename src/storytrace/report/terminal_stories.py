"""Terminal views of stories and near-copies (rich). Article text and titles are
printed as plain text, never as console markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from storytrace.link.records import CopyPair, Story
from storytrace.records import Article
from storytrace.report.story_html import KIND_LABELS

__all__ = ["print_stories", "print_story"]


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_stories(stories: Sequence[Story], console: Console) -> None:
    """One row per story: id, label, articles, outlets, date range."""
    table = Table(title=f"{len(stories)} stories")
    table.add_column("id", no_wrap=True)  # ids are typed back in: never cut them
    for column in ("story", "articles", "outlets", "from", "to"):
        table.add_column(
            column, overflow="fold", justify="right" if column == "articles" else "left"
        )
    for s in stories:
        table.add_row(
            Text(s.id),
            Text(_short(s.label, 70)),
            str(len(s.articles)),
            Text(_short(", ".join(s.outlets) or "—", 50)),
            Text(s.first or "—"),
            Text(s.last or "—"),
        )
    console.print(table)


def print_story(
    story: Story, articles: Sequence[Article], pairs: Sequence[CopyPair], console: Console
) -> None:
    """A story's label, its articles in publication order, and its near-copies."""
    console.print(Text(story.label, style="bold"))
    span = story.first or "undated"
    if story.last and story.last != story.first:
        span += f" to {story.last}"
    console.print(Text(f"{story.id} · {len(articles)} articles · {span}", style="dim"))
    table = Table(title="Articles")
    for column in ("published", "outlet", "title", "id"):
        table.add_column(column, overflow="fold")
    for a in articles:
        table.add_row(
            Text(a.published or "—"),
            Text(a.outlet or "—"),
            Text(_short(a.title or a.input, 70)),
            Text(a.id),
        )
    console.print(table)
    if pairs:
        copies = Table(title="Near-copies")
        for column in ("copy", "kind", "of", "word for word", "shared", "original"):
            copies.add_column(column, overflow="fold")
        for p in pairs:
            copies.add_row(
                Text(p.b),
                Text(KIND_LABELS.get(p.kind, p.kind)),
                Text(p.a),
                f"{100 * p.verbatim:.0f}%",
                f"{100 * p.aligned:.0f}%",
                Text(p.original or "can't tell"),
            )
        console.print(copies)
