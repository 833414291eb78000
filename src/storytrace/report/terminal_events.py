"""Terminal views of events and the story timeline (rich). Article-derived
text goes in as :class:`~rich.text.Text`, never as console markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from storytrace.records import ArticleAnalysis, TimelineEvent

__all__ = ["date_label", "print_timeline", "source_label"]


def date_label(entry: TimelineEvent) -> Text:
    """The date as the timeline shows it: "?" marks an uncertain date, "≠" a conflict."""
    text = Text(entry.date or "undated", style="" if entry.certain else "italic")
    if entry.conflicts:
        text.append(" ≠", style="bold red")
    elif entry.date and not entry.certain:
        text.append(" ?", style="yellow")
    return text


def source_label(entry: TimelineEvent, analyses: Sequence[ArticleAnalysis]) -> str:
    """The outlets (or article ids) that report the event."""
    outlets = {a.article.id: a.article.outlet or a.article.id for a in analyses}
    return ", ".join(dict.fromkeys(outlets.get(a, a) for a in entry.articles))


def print_timeline(
    entries: Sequence[TimelineEvent], analyses: Sequence[ArticleAnalysis], console: Console
) -> None:
    """The timeline as a table, each conflict spelled out under its event."""
    table = Table(title=f"Timeline ({len(entries)} events)")
    for column in ("date", "precision", "event", "type", "who", "where", "sources"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        event = Text(entry.label)
        for conflict in entry.conflicts:
            event.append(f"\nconflict ({conflict.kind}): {conflict.note}", style="red")
        table.add_row(
            date_label(entry),
            Text(entry.precision or "—"),
            event,
            Text(entry.type),
            Text(", ".join(entry.participants) or "—"),
            Text(", ".join(entry.places) or "—"),
            Text(source_label(entry, analyses)),
        )
    console.print(table)
    console.print(
        Text("? uncertain date (relative, inferred or in conflict) · ≠ dates disagree", style="dim")
    )
