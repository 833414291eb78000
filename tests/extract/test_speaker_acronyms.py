"""Acronyms spelled out from the article's own words."""

from __future__ import annotations

import pytest

from storytrace.extract.speaker_acronyms import AcronymExpander

TEXT = (
    "The Provincial Housing Office released its review on Monday. The Bank of Canada "
    "held rates. Critics of the PHO say the review came late."
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("PHO", "Provincial Housing Office"),
        ("BC", "Bank of Canada"),
        ("RCMP", None),  # never spelled out here
        ("Vickers", None),  # no acronym
    ],
)
def test_expand(name: str, expected: str | None) -> None:
    assert AcronymExpander(TEXT).expand(name) == expected
