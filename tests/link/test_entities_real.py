"""Actors across the demo corpus and the seeds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storytrace.link.entities import link_entities
from storytrace.link.speakers import actor_for_description

from .corpora import demo_corpus, seed_corpus

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


def test_demo_people_are_one_actor_each(nlp: Language) -> None:
    analyses = demo_corpus(nlp)
    index = link_entities(analyses)
    by_name = {a.name: a for a in index.actors}
    danes = by_name["Aurelio Danes"]
    # NER tagged "Danes" ORG in two articles; the corpus majority says PERSON
    assert (danes.type, danes.types_seen) == ("PERSON", ("PERSON", "ORG"))
    assert {m.outlet for m in danes.mentions} == {a.article.outlet for a in analyses}
    assert {"Lisrenian envoy", "veteran negotiator"} <= {r.text for r in danes.roles}
    assert by_name["Sunniva Hart"].type == "PERSON"  # tagged ORG in the wire copies
    assert by_name["Meridian Wire"].type == "ORG"  # tagged PERSON, a stored outlet
    ledger = by_name["The Harbour Ledger"]
    assert {"Harbour Ledger", "Ledger"} <= set(ledger.aliases)
    people = [a.name for a in index.actors if a.type == "PERSON"]
    assert len(people) == len(set(people))


@pytest.mark.realdata
def test_seed_people_across_both_articles(nlp: Language) -> None:
    index = link_entities(seed_corpus(nlp))
    by_name = {a.name: a for a in index.actors}
    for name in ("Steve Witkoff", "Yuri Ushakov", "Vladimir Putin", "Donald Trump"):
        assert len(by_name[name].mentions) == 2, name  # one actor, mentioned in both seeds
    assert by_name["Zelensky"].type == "PERSON"
    assert any("envoy" in r.text for r in by_name["Steve Witkoff"].roles)
    # the second seed names Ushakov only by a role once: "the Kremlin leader's chief
    # foreign policy advisor"; his roles elsewhere make that description his
    assert actor_for_description("the Kremlin leader's chief foreign policy advisor", index) == (
        by_name["Yuri Ushakov"].id
    )
