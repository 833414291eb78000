"""Quote groups on the demo corpus (planted variants, examples/README.md) and the seeds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storytrace.link.across import CrossLinks, link_across
from storytrace.link.records import QuoteGroup

from .corpora import demo_corpus, seed_corpus

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def demo(nlp: Language) -> CrossLinks:
    return link_across(demo_corpus(nlp))


def _group(links: CrossLinks, words: str) -> QuoteGroup:
    (found,) = [g for g in links.quote_groups if any(words in v.text for v in g.variants)]
    return found


def _outlets(g: QuoteGroup) -> set[str | None]:
    return {o.outlet for v in g.variants for o in v.occurrences}


def test_q1_three_wordings_are_one_group(demo: CrossLinks) -> None:
    g = _group(demo, "closer than we have been in")
    assert g.speaker_name == "Aurelio Danes"
    assert _outlets(g) == {"Meridian Wire", "The Northgate Dispatch", "Tessel Valley Herald"}
    by_outlet = {v.occurrences[0].outlet: v for v in g.variants}
    assert by_outlet["Meridian Wire"].labels == ("exact",)
    northgate = by_outlet["The Northgate Dispatch"]
    assert northgate.labels == ("omission", "substitution")
    assert [(d.op, d.text) for d in northgate.diff if d.op != "same"] == [
        ("omitted", "nearly"),
        ("omitted", "done"),
        ("added", "finished"),
    ]
    assert by_outlet["Tessel Valley Herald"].labels == ("truncated",)
    assert g.provenance.status == "corroborated"
    assert "reporters" in g.addressees


def test_repeated_partial_quotes_across_outlets(demo: CrossLinks) -> None:
    broker = _group(demo, "acts like a broker for the other side")
    assert broker.speaker_name == "Hanna Oudry"
    assert _outlets(broker) == {"Meridian Wire", "The Northgate Dispatch", "The Aldmere Courier"}
    assert len(broker.variants) == 1
    option = _group(demo, "one option among several")
    assert _outlets(option) == {"Meridian Wire", "The Northgate Dispatch"}


def test_copies_rest_on_their_source(demo: CrossLinks) -> None:
    leaked = _group(demo, "Between us, I know where this ends up")
    assert _outlets(leaked) == {"The Harbour Ledger", "NewsPulse Today"}
    p = leaked.provenance
    assert (p.status, p.independent) == ("single_source", ("The Harbour Ledger",))
    assert p.origin == "The Harbour Ledger (transcript)"
    ledger = next(
        o for v in leaked.variants for o in v.occurrences if o.outlet == "The Harbour Ledger"
    )
    assert (p.first, p.first_certain) == (ledger.article, True)
    wire = _group(demo, "We have the trucks, we have the drivers")
    assert _outlets(wire) == {"The Northgate Dispatch", "Tessel Valley Herald"}
    assert wire.provenance.independent == ("Meridian Wire",)


def test_every_quote_is_in_exactly_one_group(demo: CrossLinks, nlp: Language) -> None:
    printed = [
        (o.article, o.content) for g in demo.quote_groups for v in g.variants for o in v.occurrences
    ]
    assert len(printed) == len(set(printed))  # no printing in two groups
    for a in demo_corpus(nlp):
        for q in a.attributions:
            if q.kind not in ("direct", "partial"):
                continue
            # each quote is grouped, or its words are a printing grouped for another
            # attribution of the same words (a partial quote and the direct one inside it)
            assert any(
                article == q.article and s.start < q.content.end and q.content.start < s.end
                for article, s in printed
            ), q
    assert not [g.id for g in demo.quote_groups if g.speaker_disagreement]


@pytest.mark.realdata
def test_seed_repeated_quote_is_one_statement(nlp: Language) -> None:
    links = link_across(seed_corpus(nlp))
    repeated = [g for g in links.quote_groups if sum(len(v.occurrences) for v in g.variants) > 1]
    assert len(repeated) == 1
    (g,) = repeated
    assert g.speaker_name == "Donald Trump"
    assert len(g.articles) == 1 and len(g.variants) == 1
    assert g.provenance.status == "single_article"
    assert all(len(g.articles) == 1 for g in links.quote_groups)
