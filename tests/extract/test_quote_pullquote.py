"""Pull quotes: words signed with their speaker's name, no marks or cue."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storytrace.extract.entities import extract_entities
from storytrace.extract.quotes import extract_attributions

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


def signed(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    found = extract_attributions(doc, "t", extract_entities(doc, "t"))
    return [(a.content.text, a.speaker.name) for a in found if a.cue is None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The board met on Monday to discuss the report.\n"
            "The board's repeated failures to address the concerns of the community "
            "constitute an emergency. Linda Lamoureux",
            [
                (
                    "The board's repeated failures to address the concerns of the community "
                    "constitute an emergency",
                    "Linda Lamoureux",
                )
            ],
        ),
        (
            "Governments at all levels will need to take real steps to solve this crisis. "
            "Matt Danison, Rentals.ca",
            [
                (
                    "Governments at all levels will need to take real steps to solve this crisis",
                    "Matt Danison",
                )
            ],
        ),
        ("The minister met with the mayor on Monday and spoke with Jane Doe", []),
    ],
)
def test_pull_quote(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert signed(nlp, text) == expected
