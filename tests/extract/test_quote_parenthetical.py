"""Statements whose cue follows them ("…, Foster writes."), on invented sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storytrace.extract.entities import extract_entities
from storytrace.extract.quotes import extract_attributions

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


def statements(nlp: Language, text: str) -> list[tuple[str, str, str | None, bool]]:
    """(content, cue, source, continues another) of each attribution."""
    doc = nlp(text)
    found = extract_attributions(doc, "t", extract_entities(doc, "t"))
    return [
        (a.content.text, a.cue.text if a.cue else "", a.source.text if a.source else None,
         a.continues is not None)
        for a in found
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The drugs have a limited set of uses, he says, and are mostly meant for "
            "short-term use.",
            [
                ("The drugs have a limited set of uses", "says", "he", False),
                ("and are mostly meant for short-term use", "says", "he", True),
            ],
            id="interrupted",
        ),
        pytest.param(
            "Police, Sinclair says, have no policies to deal with the situation.",
            [
                ("Police", "says", "Sinclair", False),
                ("have no policies to deal with the situation", "says", "Sinclair", True),
            ],
            id="subject-cut-from-its-verb",
        ),
        pytest.param(
            "Still, he said, nothing changed at the plant.",
            [("nothing changed at the plant", "said", "he", False)],
            id="discourse-marker-is-no-statement",
        ),
        pytest.param(
            "Canada preferred immigrants who were British subjects, Foster writes.",
            [("Canada preferred immigrants who were British subjects", "writes", "Foster", False)],
            id="subject-before-verb",
        ),
        pytest.param(
            "Hypertension is the leading cause of stroke in the country, says Kim.",
            [("Hypertension is the leading cause of stroke in the country", "says", "Kim", False)],
            id="verb-before-subject",
        ),
        pytest.param(
            "The plan will cost more than promised, the mayor said in an interview.",
            [("The plan will cost more than promised", "said", "the mayor", False)],
            id="with-a-tail",
        ),
    ],
)
def test_cue_after_statement(
    nlp: Language, text: str, expected: list[tuple[str, str, str | None, bool]]
) -> None:
    assert statements(nlp, text) == expected


def test_a_clause_after_the_verb_is_what_it_reports(nlp: Language) -> None:
    # "he said the deal…" is ordinary reported speech, not a cue after its statement
    found = statements(nlp, "After the vote, he said the deal was dead.")
    assert ("the deal was dead", "said", "he", False) in found


def test_floating_quotation_after_a_long_cue_clause(nlp: Language) -> None:
    text = (
        "“The problem is not new,” says Dave Martell, a doctor from Lunenburg who runs "
        "several rural clinics in the southern part of the province.\n"
        "“I think we are just starting to look at it.”"
    )
    doc = nlp(text)
    found = extract_attributions(doc, "t", extract_entities(doc, "t"))
    assert [(a.content.text[:12], a.speaker.name) for a in found] == [
        ("“The problem", "Dave Martell"),
        ("“I think we ", "Dave Martell"),
    ]


def test_an_appositive_after_the_cue_is_no_statement(nlp: Language) -> None:
    text = "The plan will cost more than promised, said Ada Brown, the chief executive of the firm."
    assert statements(nlp, text) == [
        ("The plan will cost more than promised", "said", "Ada Brown", False)
    ]


def test_a_quoted_nickname_is_no_quotation(nlp: Language) -> None:
    text = "Four crew members were hurt, singer Rafi “Ifan” Fajar told followers on Instagram."
    assert "“Ifan”" not in [s[0] for s in statements(nlp, text)]


def test_a_telling_verb_may_follow_its_statement(nlp: Language) -> None:
    text = "The plan will cost more than promised, the mayor told reporters on Monday."
    assert statements(nlp, text) == [
        ("The plan will cost more than promised", "told", "the mayor", False)
    ]
