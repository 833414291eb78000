"""The cross-article sections of the HTML report and the terminal commands: hostile
article text stays text, and each section shows what was linked."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from storytrace.cli import cli
from storytrace.link.across import link_across
from storytrace.records import Article, ArticleAnalysis
from storytrace.report.cross_html import cross_view
from storytrace.report.html import render_html
from storytrace.store import Store

from .samples import analysis, entity, quote

EVIL = "<script>alert(1)</script> & <img src=x onerror=alert(2)>"
WORDS = f"We will not sign {EVIL} whatever the ministers say tonight"


def _analyses() -> list[ArticleAnalysis]:
    out = []
    for n, (outlet, trucks) in enumerate(
        (("<i>Daily Courier</i>", "1,200"), ("Evening Post", "1,500")), start=1
    ):
        text = (
            f'"{WORDS}," Mara Voss told the Daily Herald. A convoy of {trucks} trucks waits '
            "at the <b>crossing</b>."
        )
        a = Article(
            id=f"a{n}",
            key=f"k{n}",
            input=f"a{n}.txt",
            text=text,
            outlet=outlet,
            published=f"2026-03-0{n}",
        )
        voss = entity(a, 1, "Mara Voss", "PERSON")
        q = quote(a, 1, WORDS, source="Mara Voss", cue="told", speaker=voss)
        out.append(analysis(a, [voss], [q]))
    return out


def test_cross_sections_escape_article_text() -> None:
    page = render_html(_analyses())
    for section in ("x-roster", "x-quotes", "x-citations", "x-coverage", "x-conflicts"):
        assert f'id="{section}"' in page
    assert "<script" not in page and "<img" not in page and "<b>crossing" not in page
    assert "<i>Daily" not in page and "&lt;i&gt;Daily Courier&lt;/i&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x" in page
    assert "<svg" in page  # the citation graph: both articles cite the Daily Herald
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)


def test_cross_view_of_one_story() -> None:
    analyses = _analyses()
    links = link_across(analyses, timeline=())
    view = cross_view(links, analyses[1:], prefix="s2-")
    assert view.outlets == ("Evening Post",)
    assert [a.name for a in view.roster] == ["Mara Voss"]
    (conflict,) = view.conflicts
    assert conflict.fact == "number of trucks (convoy)"
    # the story's row for the conflict shows what its one outlet printed
    (row,) = [r for r in view.coverage if r.kind == "fact"]
    assert row.anchor == f"s2-{conflict.id}"
    assert [c.text for c in row.cells] == ["1,500 trucks"]


def test_quotes_and_conflicts_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    with Store(db) as store:
        for a in _analyses():
            assert store.save(a)
    runner = CliRunner()
    result = runner.invoke(cli, ["quotes", "--db", db], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Mara Voss · 2 articles" in result.output
    assert EVIL[:20] in result.output  # printed as text, not markup
    result = runner.invoke(cli, ["conflicts", "--db", db, "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    assert '"fact": "number of trucks (convoy)"' in result.output
    result = runner.invoke(cli, ["quotes", "--db", db, "--speaker", "Nobody Known"])
    assert result.exit_code == 0 and "No quote" in result.output
