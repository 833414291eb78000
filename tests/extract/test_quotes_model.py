"""The trained attribution model's parts: feature hashing, span candidates, loading."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

import numpy as np
import pytest

from storytrace.extract.attribution_model import load_attribution_model, read_attribution_model
from storytrace.extract.attribution_model_features import (
    BUCKETS,
    content_features,
    content_rows,
    hashed,
)
from storytrace.extract.attribution_model_spans import (
    Candidate,
    Parsed,
    content_candidates,
    cue_tokens,
    quoted_tokens,
    source_candidates,
)
from storytrace.extract.quote_marks import find_quotes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token


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


@pytest.mark.model
def test_content_variants_offer_a_nested_subtree_and_a_cut_before_an_adjunct(
    nlp: Language,
) -> None:
    text = "Rivas pledged to work together after a meeting on Thursday."
    parsed = _parsed(nlp, text)
    [cue] = [t for t in parsed.doc if t.text == "pledged"]
    found = content_candidates(parsed, cue)
    texts = {c.text for c in found}
    # PolNeAR leaves the circumstances out: "[to work together] after a meeting…"
    assert "to work together" in texts
    assert all(c.first <= c.last for c in found if c.first >= 0)
    assert len(texts) == len(found)  # each span offered once


@pytest.mark.model
def test_cue_span_keeps_a_colon_and_a_stranded_preposition(nlp: Language) -> None:
    doc = nlp("The senator said: we will win. That is what voters asked for.")
    said = next(t for t in doc if t.text == "said")
    start, end = cue_tokens(doc, said)
    assert doc.text[start:end] == "said:"
    asked = next(t for t in doc if t.text == "asked")
    start, end = cue_tokens(doc, asked)
    assert doc.text[start:end] == "asked for"


@pytest.mark.model
def test_content_rows_match_one_candidate_at_a_time(nlp: Language) -> None:
    parsed = _parsed(nlp, "Leon Okafor warned that sending troops would damage relations.")
    [cue] = [t for t in parsed.doc if t.text == "warned"]
    found = content_candidates(parsed, cue)
    assert content_rows(cue, found) == [content_features(cue, c) for c in found]


def test_a_model_file_reads_back(tmp_path: Path) -> None:
    arrays = {
        f"{name}_{part}": np.zeros(BUCKETS if part == "weights" else 1, dtype=np.float16)
        for name in ("cue", "content", "source")
        for part in ("weights", "bias")
    }
    path = tmp_path / "attribution.npz"
    np.savez_compressed(path, **arrays)
    model = read_attribution_model(path)
    assert model.content(cast("Token", None), []) is None
