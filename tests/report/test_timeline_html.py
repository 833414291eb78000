"""The report's timeline: article words escaped, dots placed by date, conflicts drawn."""

from __future__ import annotations

from storytrace.records import Article, ArticleAnalysis, Entity, Event, Span
from storytrace.report.html import render_html
from storytrace.report.timeline_html import timeline_view
from storytrace.timeline import build_timeline

EVIL = "<script>alert(1)</script> met <b>Greb</b> on Thursday. They met again on March 6."


def _span(words: str, after: int = 0) -> Span:
    start = EVIL.index(words, after)
    return Span(start, start + len(words), words)


def _analysis() -> ArticleAnalysis:
    article = Article(id="a", key="k", input="a.txt", text=EVIL, published="2026-03-03")
    greb = Entity("a:e1", "a", "<b>Greb</b>", "PERSON", (), (_span("<b>Greb</b>"),))
    script = Entity("a:e2", "a", "<script>", "PERSON", (), (_span("<script>alert(1)</script>"),))
    second = EVIL.index("They")
    events = (
        Event(
            "a:v1", "a", "meeting", "CONSULT", _span("met"), _span("met <b>Greb</b>"),
            Span(0, second - 1, EVIL[: second - 1]), ("a:e2", "a:e1"),
            when=_span("Thursday"), value="2026-03-05",
        ),
        Event(
            "a:v2", "a", "meeting", "CONSULT", _span("met", second), _span("met again"),
            Span(second, len(EVIL), EVIL[second:]), ("a:e2", "a:e1"),
            when=_span("March 6"), value="2026-03-06",
        ),
    )  # fmt: skip
    return ArticleAnalysis(article=article, entities=(greb, script), events=events)


def test_timeline_is_escaped() -> None:
    page = render_html([_analysis()])
    assert "<script" not in page and "<b>Greb" not in page
    assert "&lt;b&gt;Greb&lt;/b&gt;" in page


def test_conflicting_dates_are_drawn_and_linked() -> None:
    analysis = _analysis()
    view = timeline_view(build_timeline([analysis]), [analysis])
    assert view.picture is not None
    (dot,) = view.picture.dots
    assert dot.kind == "conflict"
    assert [c.label for c in view.picture.columns] == ["Mar 6"]
    ((n, entry, evidence),) = view.entries
    assert (n, entry.date, [c.kind for c in entry.conflicts]) == (1, "2026-03-06", ["weekday"])
    assert [e.sentence for e in evidence] == [
        EVIL[: EVIL.index("They") - 1],
        EVIL[EVIL.index("They") :],
    ]
    page = render_html([analysis])
    assert 'class="dot-conflict"' in page and "dates disagree" in page
    assert "is a Friday" in page


def test_no_events_no_picture() -> None:
    article = Article(id="a", key="k", input="a.txt", text="Nothing happened.")
    view = timeline_view([], [ArticleAnalysis(article=article)])
    assert view.picture is None and view.entries == ()
    assert "No events found." in render_html([ArticleAnalysis(article=article)])
