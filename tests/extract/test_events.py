"""The "events" extract stage on short sentences (the model) and on the seeds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storytrace.extract.base import check_order
from storytrace.extract.events import EventStage
from storytrace.pipeline import Pipeline, build_stages
from storytrace.records import Article, ArticleAnalysis, Event
from storytrace.timeline import build_timeline

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model

PUBLISHED = "2025-11-20"  # a Thursday


@pytest.fixture(scope="module")
def pipeline(nlp: Language) -> Pipeline:
    return Pipeline(nlp=nlp)


def analyse(pipeline: Pipeline, text: str, published: str | None = PUBLISHED) -> ArticleAnalysis:
    article = Article(id="a", key="k", input="a.txt", text=text, published=published)
    return pipeline.analyse([article])[0]


def names(analysis: ArticleAnalysis, event: Event) -> list[str]:
    by_id = {e.id: e.name for e in analysis.entities}
    return [by_id[p] for p in event.participants]


def test_the_stage_needs_entities_and_times() -> None:
    assert EventStage.requires == {"doc", "entities", "attributions", "times"}
    check_order(build_stages(["entities", "attributions", "times", "events"]))


def test_a_dated_call_with_its_participants(pipeline: Pipeline) -> None:
    a = analyse(
        pipeline, "The discussion occurred on 14 October between Steve Witkoff and Yuri Ushakov."
    )
    (event,) = a.events
    assert (event.type, event.plover, event.trigger.text) == ("talks", "CONSULT", "discussion")
    assert (event.when and event.when.text, event.value) == ("14 October", "2025-10-14")
    assert names(a, event) == ["Steve Witkoff", "Yuri Ushakov"]


def test_two_days_before_meeting_is_a_relative_date(pipeline: Pipeline) -> None:
    a = analyse(pipeline, "Two days before meeting Zelensky, Trump spoke with Putin.")
    meeting, call = a.events
    assert (meeting.type, meeting.what.text, meeting.value) == ("meeting", "meeting Zelensky", None)
    assert names(a, call) == ["Trump", "Putin"]
    assert call.relative is not None
    assert (call.relative.offset, call.relative.direction) == ("P2D", "before")
    assert call.relative.anchor == meeting.id
    assert call.main


def test_a_planned_meeting_with_its_place(pipeline: Pipeline) -> None:
    text = (
        "Foreign Minister Tomas Reyner and Mattias Greb are expected to meet Aurelio Danes "
        "in Port Halvard on Thursday."
    )
    a = analyse(pipeline, text, "2026-03-03")
    (event,) = a.events
    assert (event.type, event.trigger.text, event.value) == ("meeting", "meet", "2026-03-05")
    assert event.where is not None and event.where.text == "Port Halvard"
    assert names(a, event) == ["Tomas Reyner", "Mattias Greb", "Aurelio Danes"]


def test_a_phone_call_verb_is_a_call_and_calling_for_is_not(pipeline: Pipeline) -> None:
    a = analyse(pipeline, "Putin called Trump on Thursday.")
    assert [(e.type, e.trigger.text) for e in a.events] == [("call", "called")]
    b = analyse(pipeline, "The senator called for new sanctions on Monday.")
    assert all(e.type != "call" for e in b.events)


def test_the_headline_gives_the_main_event(pipeline: Pipeline) -> None:
    text = (
        "Lady Gaga stages protest outside Trump Tower\n\n"
        "The singer stood on a sanitation truck in New York on Wednesday."
    )
    a = analyse(pipeline, text, "2016-11-09")
    main = next(e for e in a.events if e.main)
    assert main.who is not None and main.who.text == "Lady Gaga"
    assert main.what.text == "stages protest outside Trump Tower"
    assert (main.value, main.where and main.where.text) == ("2016-11-09", "Trump Tower")


@pytest.mark.realdata
def test_seed_events_and_the_weekday_conflict(seeds: dict[str, str], pipeline: Pipeline) -> None:
    articles = [
        Article(id=stem, key=stem, input=stem, text=text, published=PUBLISHED)
        for stem, text in seeds.items()
    ]
    analyses = pipeline.analyse(articles)
    timeline = build_timeline(analyses)
    witkoff_call = next(
        t for t in timeline if {"Steve Witkoff", "Yuri Ushakov"} <= set(t.participants)
    )
    assert (witkoff_call.date, witkoff_call.certain) == ("2025-10-14", True)
    meeting = next(t for t in timeline if t.type == "meeting" and "Zelensky" in t.participants)
    assert meeting.date == "2025-10-19"
    assert [c.kind for c in meeting.conflicts] == ["weekday"]
    assert "is a Sunday" in meeting.conflicts[0].note
    putin_call = next(
        t
        for t in timeline
        if {"Donald Trump", "Vladimir Putin"} <= set(t.participants)
        and any(d.how == "relative" for d in t.dates)
    )
    assert (putin_call.date, putin_call.certain) == ("2025-10-17", False)
    assert meeting.id != putin_call.id
