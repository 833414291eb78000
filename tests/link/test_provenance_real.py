"""Citations on the demo corpus and the seeds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storytrace.link.across import link_across

from .corpora import demo_corpus, seed_corpus

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


def test_demo_citation_edges(nlp: Language) -> None:
    citations = link_across(demo_corpus(nlp)).citations
    edges = {(c.outlet, c.cited) for c in citations if c.cited and not c.own}
    assert edges == {
        ("NewsPulse Today", "The Harbour Ledger"),
        ("The Aldmere Courier", "The Harbour Ledger"),
        ("Meridian Wire", "The Harbour Ledger"),
        ("The Northgate Dispatch", "The Harbour Ledger"),
        ("Tessel Valley Herald", "The Harbour Ledger"),
        # the syndicated wire story credits the wire in its dateline
        ("The Northgate Dispatch", "Meridian Wire"),
        ("Tessel Valley Herald", "Meridian Wire"),
    }
    own = {(c.outlet, c.cue) for c in citations if c.own}
    assert own == {
        ("The Harbour Ledger", "according to"),  # its own transcript
        ("The Harbour Ledger", "told"),  # "told the Ledger in an interview"
        ("The Aldmere Courier", "told"),
        ("Meridian Wire", "told"),
    }
    credits = [c for c in citations if c.cue == "credit"]
    assert all(c.claim is None and c.evidence.text.startswith("(Meridian Wire)") for c in credits)


@pytest.mark.realdata
def test_seed_citations(nlp: Language) -> None:
    citations = link_across(seed_corpus(nlp)).citations
    assert {c.cited for c in citations if c.cited} == {
        "Bloomberg",
        "Wall Street Journal",
        "Daily Mail",
    }
    documents = {c.document for c in citations if c.document}
    assert "internal documents" in documents
    # "a transcript of the recording" is the transcript of the recording Bloomberg obtained
    transcript = next(c for c in citations if c.document and "transcript" in c.document)
    assert transcript.cited == "Bloomberg"
