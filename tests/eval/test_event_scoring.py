"""Main-event scoring against coder phrases: matches, relevance, precision, coverage."""

from __future__ import annotations

import pytest

from storytrace.eval.events import (
    Answer,
    head_word,
    match,
    relevance,
    score_answer,
    score_main,
    stem,
)
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


@pytest.mark.parametrize(
    ("answer", "phrase", "field", "expected"),
    [
        # a name inside the coder's longer phrase, with its head: the same actor or place
        ("Christian Horner", "Red Bull boss Christian Horner", "who", 1.0),
        ("Vance", "Senator Ellen B. Vance", "who", 1.0),
        ("Marlow", "Marlow, North Essex", "where", 1.0),
        # the phrase's head missing: another actor, a partial match
        ("Red Bull", "Red Bull boss Christian Horner", "who", 0.5),
        ("Essex", "Marlow, North Essex", "where", 0.5),
        # a word the phrase lacks: not inside it
        ("Vance aide Tom Reyes", "Senator Ellen B. Vance", "who", 0.5),
        # heads are a noun-phrase rule: a "what" inside the phrase stays partial
        ("rally", "rally outside the town hall on Friday", "what", 0.5),
        # a "what" that holds all the phrase's words states its action with more detail
        ("stages a rally outside the town hall on Friday", "stages rally", "what", 1.0),
        ("stages rally", "stages a rally outside the town hall on Friday", "what", 0.5),
        # not a paragraph
        (
            "stages a rally outside the old town hall on Friday as voters queue to cast ballots",
            "stages rally",
            "what",
            0.5,
        ),
    ],
)
def test_a_who_or_where_matches_by_its_head(
    answer: str, phrase: str, field: str, expected: float
) -> None:
    assert match(Answer(answer), GoldPhrase(phrase, 3), field) == expected


def test_words_are_compared_without_inflection() -> None:
    assert {stem(w) for w in ("protests", "protested", "protesting", "protest")} == {"protest"}
    assert stem("winning") == stem("wins") == stem("win")
    assert stem("staged") == stem("stages") == stem("stage")
    unchanged = ["boss", "census", "crisis", "bus"]
    assert [stem(w) for w in unchanged] == unchanged
    assert match(Answer("protesters rallied"), GoldPhrase("rally of protesters", 3)) == 1.0


def test_the_head_of_a_noun_phrase() -> None:
    assert head_word("Red Bull boss Christian Horner") == "horner"
    assert head_word("in a tunnel near the old station") == "tunnel"
    assert head_word("Ann Lee, 40, from Marlow, and Bo Chen") == "lee"
    assert head_word("the") is None


def test_a_when_matches_by_the_day_it_names() -> None:
    assert match(Answer("Thursday", "2016-11-10"), GoldPhrase("Nov. 10", 2, "2016-11-10")) == 1.0
    assert match(Answer("Thursday", "2016-11-10TMO"), GoldPhrase(None, 3, "2016-11-10")) == 1.0
    assert match(Answer("Friday", "2016-11-11"), GoldPhrase(None, 3, "2016-11-10")) == 0.0


def test_a_parsed_day_that_is_not_the_phrase_s_weekday_is_not_credited() -> None:
    # 2016-11-12 was a Saturday: the coders chose Wednesday, their parse is wrong
    wednesday = GoldPhrase("6:10am on Wednesday", 3, "2016-11-12")
    assert match(Answer("Saturday", "2016-11-12"), wednesday) == 0.0
    assert match(Answer("Wednesday", "2016-11-09"), wednesday) == 0.5
    # a calendar date may be the article's, not the event's: the parse stands
    assert match(Answer("Wednesday", "2016-11-02"), GoldPhrase("Nov 3", 2, "2016-11-02")) == 1.0


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
