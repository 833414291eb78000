"""Conflicts on the demo corpus, whose README lists every planted conflict and
non-conflict, and on the seeds (hand-checked): precision first."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storytrace.link.across import CrossLinks, link_across
from storytrace.link.records import Conflict

from .corpora import demo_corpus, seed_corpus

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def demo(nlp: Language) -> CrossLinks:
    return link_across(demo_corpus(nlp))


def _sides(c: Conflict) -> dict[str, set[str | None]]:
    return {v.normalised: {e.outlet for e in v.evidence} for v in c.values}


def test_the_planted_contradictions_and_nothing_else(demo: CrossLinks) -> None:
    found = {c.fact: c for c in demo.conflicts if c.status == "contradiction"}
    assert set(found) == {
        "distance (road)",
        "number of trucks (convoy)",
        "date of Foreign Minister Tomas Reyner meet Danes in Port Halvard",
    }
    assert _sides(found["distance (road)"]) == {
        "48.3 km": {"The Aldmere Courier"},
        # "about 50 miles" (Tessel Valley Herald) agrees with the 80-kilometre road
        "80 km": {"The Harbour Ledger", "NewsPulse Today", "Tessel Valley Herald"},
    }
    assert _sides(found["number of trucks (convoy)"]) == {
        "1,200 truck(s)": {"The Northgate Dispatch", "Tessel Valley Herald", "Meridian Wire"},
        "1,500 truck(s)": {"The Aldmere Courier"},
    }
    date = found["date of Foreign Minister Tomas Reyner meet Danes in Port Halvard"]
    assert _sides(date) == {"2026-03-05": {"Meridian Wire"}, "2026-03-06": {"The Aldmere Courier"}}


def test_the_plan_cut_to_21_points_is_a_change(demo: CrossLinks) -> None:
    (change,) = [c for c in demo.conflicts if c.status == "change"]
    assert change.fact == "number of points (plan)"
    assert set(_sides(change)) == {"21 point(s)", "30 point(s)"}
    assert "to 21 points from 30" in change.note


def test_a_wire_value_repeated_everywhere_rests_on_one_source(demo: CrossLinks) -> None:
    trucks = next(c for c in demo.conflicts if c.fact == "number of trucks (convoy)")
    wire = next(v for v in trucks.values if v.normalised == "1,200 truck(s)")
    assert wire.provenance is not None
    assert (wire.provenance.status, wire.provenance.independent) == (
        "single_source",
        ("Meridian Wire",),
    )


@pytest.mark.realdata
def test_seeds_have_no_contradiction_and_one_change(nlp: Language) -> None:
    conflicts = link_across(seed_corpus(nlp)).conflicts
    assert [c for c in conflicts if c.status == "contradiction"] == []
    (change,) = conflicts
    assert change.within_article
    assert set(_sides(change)) == {"28 point(s)", "19 point(s)"}
