"""What counts as a statement (GGT's scope): not what was asked about or left unsaid."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storytrace.extract.entities import extract_entities
from storytrace.extract.quotes import _Article, _cue_after, extract_attributions

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


def scopes(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [
        (a.content.text, a.scope)
        for a in extract_attributions(doc, "t", extract_entities(doc, "t"))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ada Brown did not say whether the firm would appeal.",
            [("whether the firm would appeal", "topic")],
        ),
        ("The minister asked what the plan would cost.", [("what the plan would cost", "topic")]),
        (
            "The minister said the plan would cost more.",
            [("the plan would cost more", "statement")],
        ),
    ],
)
def test_scope(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert scopes(nlp, text) == expected


def test_a_heading_holds_no_statement(nlp: Language) -> None:
    assert (
        scopes(nlp, "Article Continued Below\nThe plan will cost more than the council was told.")
        == []
    )


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("“We tried everything to save the plant,” he said.", "said"),
        ("“We tried everything to save the plant.” But he said the owners never listened.", None),
    ],
)
def test_cue_after_a_quotation_is_not_a_verb_with_words_of_its_own(
    nlp: Language, text: str, cue: str | None
) -> None:
    doc = nlp(text)
    article = _Article(doc, extract_entities(doc, "t"))
    found = _cue_after(article, article.quotes[0])
    assert (found.text if found is not None else None) == cue


def test_a_link_to_another_story_holds_no_statement(nlp: Language) -> None:
    assert scopes(nlp, "READ MORE: Minister says the budget will balance next year.") == []
