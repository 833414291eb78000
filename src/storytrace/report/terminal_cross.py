"""Terminal views of what is linked across articles: people, quote groups with
their wordings diffed, citations and conflicts. Article text is printed as plain
text (``rich.text.Text``), never as console markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from storytrace.link.records import Actor, Citation, Conflict, QuoteGroup

__all__ = ["print_citations", "print_conflicts", "print_people", "print_quote_groups"]

_DIFF_STYLE = {"same": "", "omitted": "strike red", "added": "bold green"}


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_people(actors: Sequence[Actor], console: Console) -> None:
    table = Table(title=f"{len(actors)} people and organisations", show_lines=True)
    for column in ("name", "type", "roles and titles", "also written", "mentions by outlet"):
        table.add_column(column, overflow="fold")
    for a in actors:
        table.add_row(
            Text(a.name),
            Text(a.type + (f" (tagged {'/'.join(a.types_seen)})" if len(a.types_seen) > 1 else "")),
            Text("; ".join(r.text for r in a.roles) or "—"),
            Text(", ".join(a.aliases) or "—"),
            Text(", ".join(f"{m.outlet} {m.mentions}" for m in a.mentions)),
        )
    console.print(table)


def _diff(group: QuoteGroup, variant_index: int) -> Text:
    text = Text()
    for n, piece in enumerate(group.variants[variant_index].diff):
        if n:
            text.append(" ")
        text.append(piece.text, style=_DIFF_STYLE[piece.op])
    return text


def print_quote_groups(groups: Sequence[QuoteGroup], console: Console) -> None:
    """Each group: the fullest wording, who printed which wording and when, the diff."""
    if not groups:
        console.print("No quote was printed by more than one article.")
        return
    for g in groups:
        p = g.provenance
        head = Text(f"{g.id} ", style="bold")
        head.append(g.speaker_name or "speaker not named", style="bold")
        head.append(f" · {len(g.articles)} articles · {p.status.replace('_', ' ')}")
        if p.independent:
            head.append(f" ({', '.join(p.independent)})")
        if p.origin:
            head.append(f" · origin: {p.origin}")
        if g.speaker_disagreement:
            head.append(" · outlets name different speakers", style="bold red")
        console.print(head)
        table = Table(show_header=True, show_lines=False, box=None, padding=(0, 1))
        table.add_column("outlet, date", style="dim", max_width=34)
        table.add_column("wording", overflow="fold")
        table.add_column("differs", style="italic")
        table.add_column("speaker as printed", max_width=28)
        for n, v in enumerate(g.variants):
            for o in v.occurrences:
                first = " (first)" if o.article == p.first else ""
                table.add_row(
                    Text(f"{o.outlet or o.article}, {o.published or 'undated'}{first}"),
                    _diff(g, n),
                    Text(", ".join(v.labels)),
                    Text(o.as_written or "—"),
                )
        console.print(table)
        console.print()


def print_citations(citations: Sequence[Citation], console: Console) -> None:
    table = Table(title=f"{len(citations)} citations", show_lines=True)
    for column in ("article", "cites", "words", "credits"):
        table.add_column(column, overflow="fold")
    for c in citations:
        cited = (c.cited or "—") + (f" ({c.document})" if c.document else "")
        table.add_row(
            Text(f"{c.outlet or c.article}"),
            Text(cited + (" · own" if c.own else "")),
            Text(_short(c.evidence.text, 80)),
            Text(_short(c.claim.text, 120) if c.claim else "—"),
        )
    console.print(table)


def print_conflicts(conflicts: Sequence[Conflict], console: Console) -> None:
    """Each conflict: the fact, then every value with the articles and words giving it."""
    if not conflicts:
        console.print("No conflicting facts found.")
        return
    for c in conflicts:
        style = "bold red" if c.status == "contradiction" else "bold yellow"
        head = Text(f"{c.id} ", style="bold")
        head.append(f"{c.kind} {c.status}", style=style)
        head.append(f": {c.fact}" + (" (within one article)" if c.within_article else ""))
        console.print(head)
        console.print(Text(_short(c.note, 300), style="dim"))
        for v in c.values:
            line = Text(f"  {v.value}", style="bold")
            line.append(f" = {v.normalised}")
            if v.provenance:
                line.append(f" · {v.provenance.status.replace('_', ' ')}", style="italic")
                if v.provenance.independent:
                    line.append(f" ({', '.join(v.provenance.independent)})", style="italic")
            console.print(line)
            for e in v.evidence:
                where = Text(
                    f"    {e.outlet or e.article}, {e.published or 'undated'}: ", style="dim"
                )
                where.append(_short(e.sentence.text, 200))
                console.print(where)
        console.print()
