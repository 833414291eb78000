"""The story timeline from hand-built analyses: merging, dates, conflicts, relative dates."""

from __future__ import annotations

from storytrace.records import TimeExpression
from storytrace.timeline import build_timeline

from .builders import ArticleBuilder

SEED_LIKE = (
    "Zelensky is visiting the White House on Friday. Witkoff raced to connect Putin with "
    "Trump ahead of the October 19 meeting with Zelensky. Two days before meeting "
    "Zelensky, Trump spoke with Putin."
)


def _seed_like() -> ArticleBuilder:
    a = ArticleBuilder("s2", SEED_LIKE, "2025-11-20")
    zelensky, trump, putin = a.person("Zelensky"), a.person("Trump"), a.person("Putin")
    a.event("visit", "visiting", (zelensky,), when="Friday", value="2025-11-21")
    a.event("meeting", "meeting", (zelensky,), when="October 19", value="2025-10-19")
    anchor = a.event("meeting", "meeting Zelensky", (trump, zelensky))
    a.event("talks", "spoke", (trump, putin), when="Two days", relative=("P2D", "before", anchor))
    return a


def test_a_weekday_that_is_not_the_dates_weekday_is_a_conflict() -> None:
    timeline = build_timeline([_seed_like().analysis()])
    meeting = next(t for t in timeline if t.type == "meeting")
    assert meeting.date == "2025-10-19"
    assert meeting.events == ("s2:v1", "s2:v2", "s2:v3")
    assert not meeting.certain
    assert [c.kind for c in meeting.conflicts] == ["weekday"]
    assert meeting.conflicts[0].note == (
        "“Friday” (s2) but 2025-10-19 (“October 19”, s2) is a Sunday"
    )


def test_a_relative_date_is_resolved_from_its_anchor_and_stays_apart() -> None:
    timeline = build_timeline([_seed_like().analysis()])
    call = next(t for t in timeline if t.type == "talks")
    assert call.date == "2025-10-17"
    assert call.precision == "day"
    assert not call.certain
    assert call.events == ("s2:v4",)  # not merged into the meeting it counts from
    assert [(d.value, d.how) for d in call.dates] == [("2025-10-17", "relative")]
    assert [t.date for t in timeline] == ["2025-10-17", "2025-10-19"]


def test_one_event_in_two_articles_is_merged_and_its_two_dates_conflict() -> None:
    a = ArticleBuilder("w", "Reyner and Greb are expected to meet Danes on Thursday.", "2026-03-03")
    a.event(
        "meeting",
        "meet",
        (a.person("Reyner"), a.person("Greb"), a.person("Danes")),
        when="Thursday",
        value="2026-03-05",
    )
    b = ArticleBuilder("c", "Reyner will meet Greb in Port Halvard on March 6.", "2026-03-04")
    b.event(
        "meeting",
        "meet",
        (b.person("Reyner"), b.person("Greb")),
        when="March 6",
        value="2026-03-06",
    )
    (meeting,) = build_timeline([a.analysis(), b.analysis()])
    assert meeting.articles == ("w", "c")
    assert meeting.participants == ("Reyner", "Greb", "Danes")
    assert {(d.value, d.how) for d in meeting.dates} == {
        ("2026-03-05", "weekday"),
        ("2026-03-06", "stated"),
    }
    assert [c.note for c in meeting.conflicts] == [
        "“Thursday” (w) but 2026-03-06 (“March 6”, c) is a Friday"
    ]


def test_meetings_weeks_apart_are_two_events() -> None:
    a = ArticleBuilder("a", "Reyner met Greb on March 6.", "2026-03-07")
    a.event(
        "meeting", "met", (a.person("Reyner"), a.person("Greb")), when="March 6", value="2026-03-06"
    )
    b = ArticleBuilder("b", "Reyner met Greb on April 20.", "2026-04-21")
    b.event(
        "meeting",
        "met",
        (b.person("Reyner"), b.person("Greb")),
        when="April 20",
        value="2026-04-20",
    )
    timeline = build_timeline([a.analysis(), b.analysis()])
    assert [(t.date, t.conflicts) for t in timeline] == [("2026-03-06", ()), ("2026-04-20", ())]


def test_statements_merge_only_on_the_same_day() -> None:
    a = ArticleBuilder("a", "Danes warned on March 2. Danes warned again on March 3.", "2026-03-04")
    danes = a.person("Danes")
    a.event("statement", "warned on", (danes,), when="March 2", value="2026-03-02")
    a.event("statement", "warned again", (danes,), when="March 3", value="2026-03-03")
    assert len(build_timeline([a.analysis()])) == 2


def test_an_undated_articles_partial_date_is_completed_from_the_story() -> None:
    dated = ArticleBuilder("d", "Witkoff called Ushakov.", "2025-11-20")
    dated.event("call", "called", (dated.person("Witkoff"), dated.person("Ushakov")))
    undated = ArticleBuilder("u", "Witkoff called Ushakov on 14 October.", None)
    undated.event(
        "call",
        "called",
        (undated.person("Witkoff"), undated.person("Ushakov")),
        when="14 October",
        value="XXXX-10-14",
    )
    (call,) = build_timeline([dated.analysis(), undated.analysis()])
    assert call.date == "2025-10-14"
    assert not call.certain  # inferred, not stated
    assert [(d.value, d.how, d.text) for d in call.dates] == [
        ("2025-10-14", "inferred", "14 October")
    ]


def test_an_undated_story_keeps_what_is_known() -> None:
    a = ArticleBuilder("u", "Witkoff called Ushakov on 14 October.", None)
    a.event(
        "call",
        "called",
        (a.person("Witkoff"), a.person("Ushakov")),
        when="14 October",
        value="XXXX-10-14",
    )
    (call,) = build_timeline([a.analysis()])
    assert (call.date, call.precision, call.certain) == ("XXXX-10-14", None, False)


def test_an_explicit_year_in_the_article_completes_its_dates() -> None:
    text = "Witkoff called Ushakov on 14 October. The talks began in 2024."
    a = ArticleBuilder("u", text, None)
    start = text.index("2024")
    a.times.append(TimeExpression("u", start, start + 4, "2024", "DATE", "2024"))
    a.event(
        "call",
        "called",
        (a.person("Witkoff"), a.person("Ushakov")),
        when="14 October",
        value="XXXX-10-14",
    )
    (call,) = build_timeline([a.analysis()])
    assert call.date == "2024-10-14"
