"""Terminal views with rich. Article text is printed as plain text, never as
console markup, so brackets in an article can't restyle the output."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from storytrace.records import Article, ArticleAnalysis, Attribution
from storytrace.report.terminal_events import print_timeline
from storytrace.timeline import build_timeline

__all__ = ["print_article", "print_articles", "print_overview"]


def _who(q: Attribution) -> Text:
    if q.speaker.name:
        return Text(q.speaker.name)
    label = q.speaker.description or (q.source.text if q.source else "?")
    return Text(label, style="italic yellow" if q.speaker.anonymous else "italic")


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_articles(articles: list[Article], console: Console) -> None:
    table = Table(title=f"{len(articles)} articles", show_lines=False)
    for column in ("id", "published", "outlet", "title"):
        table.add_column(column, overflow="fold")
    for a in articles:
        table.add_row(
            Text(a.id),
            Text(a.published or "—"),
            Text(a.outlet or "—"),
            Text(_short(a.title or a.input, 80)),
        )
    console.print(table)


def _attribution_table(
    attributions: tuple[Attribution, ...] | list[Attribution], title: str
) -> Table:
    table = Table(title=title, show_lines=True)
    table.add_column("speaker", max_width=28)
    table.add_column("kind")
    table.add_column("cue")
    table.add_column("statement", overflow="fold")
    table.add_column("context", max_width=30)
    for q in attributions:
        table.add_row(
            _who(q),
            Text(q.kind),
            Text(q.cue.text if q.cue else "—"),
            Text(_short(q.content.text)),
            Text(_context(q), style="dim"),
        )
    return table


def _context(q: Attribution) -> str:
    """To whom, where, how surely, and links to other attributions, in a few words."""
    parts = [
        f"to {q.addressee.text}" if q.addressee else "",
        q.channel.text if q.channel else "",
        f"hedged: {q.hedge.text}" if q.hedge else "",
        f"continues {q.continues}" if q.continues else "",
        f"repeats {q.repeats}" if q.repeats else "",
        q.scope if q.scope != "statement" else "",
    ]
    return "; ".join(p for p in parts if p) or "—"


def print_article(analysis: ArticleAnalysis, console: Console) -> None:
    a = analysis.article
    console.print(Text(a.title or a.input, style="bold"))
    console.print(
        Text(
            " · ".join(x for x in (a.outlet, a.published, a.author, a.url, a.id) if x), style="dim"
        )
    )
    if analysis.entities:
        ents = Table(title="Entities")
        for column in ("name", "type", "mentions", "aliases"):
            ents.add_column(column)
        for e in analysis.entities:
            ents.add_row(
                Text(e.name), Text(e.type), str(len(e.mentions)), Text(", ".join(e.aliases))
            )
        console.print(ents)
    console.print(_attribution_table(analysis.attributions, "Attributions"))
    if analysis.times:
        times = Table(title="Time expressions")
        for column in ("text", "type", "value"):
            times.add_column(column)
        for t in analysis.times:
            times.add_row(
                Text(t.text), Text(t.type), Text(t.value + ("" if t.anchored else " (unanchored)"))
            )
        console.print(times)
    if analysis.events:
        print_timeline(build_timeline([analysis]), [analysis], console)


def print_overview(analyses: list[ArticleAnalysis], console: Console) -> None:
    """Articles, the people quoted most, and counts of everything extracted."""
    print_articles([a.article for a in analyses], console)
    speakers: Counter[str] = Counter()
    for analysis in analyses:
        for q in analysis.attributions:
            speakers[q.speaker.name or ("anonymous" if q.speaker.anonymous else "unresolved")] += 1
    if speakers:
        table = Table(title="Who is quoted")
        table.add_column("speaker")
        table.add_column("statements", justify="right")
        for name, n in speakers.most_common(15):
            table.add_row(Text(name), str(n))
        console.print(table)
    console.print(
        f"{len(analyses)} articles · "
        f"{sum(len(a.entities) for a in analyses)} entities · "
        f"{sum(len(a.attributions) for a in analyses)} attributions · "
        f"{sum(len(a.times) for a in analyses)} time expressions",
        highlight=False,
    )
