"""One event in two places: hand-built events, and the look-alikes that must pass."""

from __future__ import annotations

from dataclasses import replace

from storytrace.link.across import link_across
from storytrace.link.records import Conflict
from storytrace.records import ArticleAnalysis
from storytrace.timeline import build_timeline

from ..timeline.builders import ArticleBuilder, span


def _meeting(article_id: str, text: str, place: str) -> ArticleAnalysis:
    a = ArticleBuilder(article_id, text, "2026-03-04")
    danes, reyner = a.person("Danes"), a.person("Reyner")
    a.event("meeting", "met", (danes, reyner), when="on Tuesday", value="2026-03-03")
    a.events[-1] = replace(a.events[-1], where=span(text, place))
    return a.analysis()


def _place_conflicts(*analyses: ArticleAnalysis) -> list[Conflict]:
    found = link_across(list(analyses), timeline=build_timeline(analyses)).conflicts
    return [c for c in found if c.kind == "place"]


def test_one_meeting_in_two_towns_is_a_place_conflict() -> None:
    (conflict,) = _place_conflicts(
        _meeting("a1", "Danes met Reyner in Port Halvard on Tuesday.", "Port Halvard"),
        _meeting("a2", "Danes met Reyner at Northgate on Tuesday.", "Northgate"),
    )
    assert (conflict.status, conflict.within_article) == ("contradiction", False)
    assert conflict.id.startswith("cf-")
    assert [(v.value, [e.article for e in v.evidence]) for v in conflict.values] == [
        ("Northgate", ["a2"]),
        ("Port Halvard", ["a1"]),
    ]


def test_places_that_may_both_be_right_are_not_conflicts() -> None:
    # one name inside the other
    assert not _place_conflicts(
        _meeting("a1", "Danes met Reyner in Port Halvard on Tuesday.", "Port Halvard"),
        _meeting("a2", "Danes met Reyner in Halvard on Tuesday.", "Halvard"),
    )
    # an article names both (a city and its country)
    assert not _place_conflicts(
        _meeting("a1", "Danes met Reyner in Port Halvard, Kessaria, on Tuesday.", "Port Halvard"),
        _meeting("a2", "Danes met Reyner in Kessaria on Tuesday.", "Kessaria"),
    )
    # a dateline or a place not introduced by "in"/"at" is not the event's place
    assert not _place_conflicts(
        _meeting("a1", "Danes met Reyner in Port Halvard on Tuesday.", "Port Halvard"),
        _meeting("a2", "NORTHGATE — Danes met Reyner on Tuesday.", "NORTHGATE"),
    )
    # the same place, written in capitals
    assert not _place_conflicts(
        _meeting("a1", "Danes met Reyner in Port Halvard on Tuesday.", "Port Halvard"),
        _meeting("a2", "Danes met Reyner in PORT HALVARD on Tuesday.", "PORT HALVARD"),
    )
