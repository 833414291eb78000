"""Main-event scoring against coder phrases: matches, relevance, precision, coverage."""

from __future__ import annotations

import pytest

from storytrace.eval.events import Answer, match, relevance, score_answer, score_main
from storytrace.eval.giveme5w1h import FiveWDocument, GoldPhrase


@pytest.mark.parametrize(
    ("answer", "phrase", "expected"),
    [
        ("Donald Trump", "Trump", 1.0),
        ("the Chicago Cubs", "Chicago Cubs", 1.0),
        ("Christian Horner", "Red Bull boss Christian Horner", 0.5),
        ("meets with Obama", "meets Obama at the White House", 1.0),
        ("Croydon", "London", 0.0),
        ("at the White House", "the", 0.0),  # stop words only: nothing shared
    ],
)
def test_match_on_content_words(answer: str, phrase: str, expected: float) -> None:
    assert match(Answer(answer), GoldPhrase(phrase, 3)) == expected


def test_a_when_matches_by_the_day_it_names() -> None:
    assert match(Answer("Thursday", "2016-11-10"), GoldPhrase("Nov. 10", 2, "2016-11-10")) == 1.0
    assert match(Answer("Thursday", "2016-11-10TMO"), GoldPhrase(None, 3, "2016-11-10")) == 1.0
    assert match(Answer("Friday", "2016-11-11"), GoldPhrase(None, 3, "2016-11-10")) == 0.0


def test_relevance_by_coder_majority() -> None:
    assert [relevance(GoldPhrase("x", n)) for n in (1, 2, 3)] == [0.5, 1.0, 1.0]


def test_an_answer_takes_its_best_phrase() -> None:
    gold = (GoldPhrase("Lady Gaga", 1), GoldPhrase("Trump Tower protest", 3))
    assert score_answer(Answer("Lady Gaga"), gold) == (0.5, pytest.approx(1 / 3))
    assert score_answer(Answer("protest outside Trump Tower"), gold) == (1.0, 1.0)


def test_precision_counts_answers_given_and_coverage_the_rest() -> None:
    empty: tuple[GoldPhrase, ...] = ()
    docs = [
        FiveWDocument(
            id=str(n),
            story="s",
            title="t",
            text="x",
            published=None,
            answers={
                "who": (GoldPhrase("Taliban", 3),),
                "what": empty,
                "when": empty,
                "where": empty,
            },
        )
        for n in range(2)
    ]
    answers = {"0": Answer("the Taliban"), "1": None}
    scores = score_main(docs, lambda d: {"who": answers[d.id], "what": Answer("attack")})
    assert (scores["who"].precision, scores["who"].coverage) == (1.0, 0.5)
    # the coders agreed there is no "what": an answer scores 0
    assert (scores["what"].precision, scores["what"].answered) == (0.0, 2)
    assert scores["when"].answered == 0 and scores["when"].precision == 0.0
