"""The trained attribution model's parts: feature hashing, span candidates, loading."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storytrace.extract.attribution_model import load_attribution_model
from storytrace.extract.attribution_model_features import BUCKETS, hashed
from storytrace.extract.attribution_model_spans import (
    Candidate,
    Parsed,
    content_candidates,
    quoted_tokens,
    source_candidates,
)
from storytrace.extract.quote_marks import find_quotes

if TYPE_CHECKING:
    from spacy.language import Language


def test_hashing_is_stable_across_processes_and_never_padding() -> None:
    # CRC32, not Python's salted hash(): the shipped weights depend on these numbers
    assert hashed(["l=say", "bias"]) == [77605, 228093]
    assert all(0 < b < BUCKETS for b in hashed([f"f{n}" for n in range(1000)]))


def _parsed(nlp: Language, text: str) -> Parsed:
    return Parsed(nlp(text), text, find_quotes(text))


def _texts(found: list[Candidate]) -> dict[str, str]:
    return {c.kind: c.text for c in found}


@pytest.mark.model
def test_content_candidates_follow_polnear_conventions(nlp: Language) -> None:
    parsed = _parsed(nlp, "Leon Okafor warned that sending troops would damage relations.")
    [cue] = [t for t in parsed.doc if t.text == "warned"]
    texts = _texts(content_candidates(parsed, cue))
    # "that" kept, the final full stop left out
    assert texts["ccomp"] == "that sending troops would damage relations"
    assert _texts(source_candidates(parsed, cue))["nsubj"] == "Leon Okafor"


@pytest.mark.model
def test_a_quotation_before_its_cue_is_a_candidate_with_its_marks(nlp: Language) -> None:
    parsed = _parsed(nlp, "“We are close,” said Mara Voss.")
    [cue] = [t for t in parsed.doc if t.text == "said"]
    # (made first as the parse's ccomp, whose words the quotation's marks join)
    assert "“We are close,”" in {c.text for c in content_candidates(parsed, cue)}
    assert list(quoted_tokens(parsed.doc, parsed.quotes)) == [1] * 6 + [0] * 4  # “ … ”


@pytest.mark.model
def test_source_with_an_appositive_keeps_the_closing_comma_as_a_variant(nlp: Language) -> None:
    parsed = _parsed(nlp, "Akhil Johri, the chief financial officer, noted that costs rose.")
    [cue] = [t for t in parsed.doc if t.text == "noted"]
    texts = {c.text for c in source_candidates(parsed, cue)}
    assert {"Akhil Johri, the chief financial officer,", "Akhil Johri"} <= texts


@pytest.mark.model
def test_the_shipped_model_loads_and_finds_a_plain_cue(nlp: Language) -> None:
    text = "The minister said that the bridge would reopen on Monday."
    doc = nlp(text)
    model = load_attribution_model()
    probabilities = model.cues(doc, quoted_tokens(doc, []))
    said = next(t.i for t in doc if t.text == "said")
    bridge = next(t.i for t in doc if t.text == "bridge")
    assert probabilities[said] > 0.9
    assert probabilities[bridge] < 0.1
