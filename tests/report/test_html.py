"""The HTML report escapes everything from the article and stays self-contained."""

from __future__ import annotations

import re

from storytrace.records import Article, ArticleAnalysis, Attribution, Span, Speaker
from storytrace.report.html import Segment, highlight, render_html

EVIL = 'He said "<script>alert(1)</script> & <img src=x onerror=alert(2)>" loudly.'


def _analysis() -> ArticleAnalysis:
    start = EVIL.index("<script>")
    end = EVIL.index('" loudly')
    article = Article(
        id="a1",
        key="k",
        input="evil.html",
        text=EVIL,
        title="<b>Title</b> & co",
        outlet="<i>Outlet</i>",
        published="2026-03-02",
        url="javascript:alert(3)",
    )
    quote = Attribution(
        id="a1:q1",
        article="a1",
        kind="direct",
        content=Span(start, end, EVIL[start:end]),
        cue=Span(3, 7, "said"),
        source=Span(0, 2, "He"),
        speaker=Speaker(description="<he>"),
        cue_lemma="say",
    )
    return ArticleAnalysis(article=article, attributions=(quote,))


def test_article_text_is_escaped_everywhere() -> None:
    page = render_html([_analysis()])
    assert "<script" not in page
    assert "<img" not in page
    assert "<b>Title" not in page and "<i>Outlet" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img" in page
    assert "&lt;b&gt;Title&lt;/b&gt; &amp; co" in page
    assert 'href="javascript' not in page


def test_report_is_self_contained() -> None:
    page = render_html([_analysis()])
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "<link" not in page
    assert "default-src 'none'" in page


def test_highlight_covers_the_text_exactly_once() -> None:
    analysis = _analysis()
    segments = highlight(EVIL, analysis.attributions)
    assert "".join(s.text for s in segments) == EVIL
    assert [s.mark for s in segments if s.mark] == ["source", "cue", "quote"]
    assert Segment("x").mark == ""


def test_overlapping_spans_do_not_duplicate_text() -> None:
    text = "abcdefghij"
    quotes = tuple(
        Attribution(
            id=f"q{i}",
            article="a",
            kind="direct",
            content=Span(s, e, text[s:e]),
            cue=None,
            source=None,
            speaker=Speaker(),
        )
        for i, (s, e) in enumerate([(0, 6), (3, 9)])
    )
    assert "".join(s.text for s in highlight(text, quotes)) == text
