"""The "times" extract stage: candidates, extents, tense and values in context."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
import spacy
from spacy.tokens import Doc

from storytrace.extract.base import ArticleWork, check_order
from storytrace.extract.time import TimeStage, anchor_from_published, extract_times
from storytrace.records import Article, TimeExpression

if TYPE_CHECKING:
    from spacy.language import Language

#: a Wednesday (ISO week 43)
PUBLISHED = "2025-10-22"
SEED_PUBLISHED = "2025-11-20"


def found(doc: Doc, published: str | None = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in extract_times(doc, "a1", published)]


def hand_built(
    words: list[str], ents: list[str], **annotations: list[str] | list[int] | list[bool]
) -> Doc:
    """A doc without the model: words, BIO entity tags, and any parse given."""
    spaces = [
        i + 1 < len(words) and words[i] != "-" and words[i + 1] not in (".", ",", "'s", "-")
        for i in range(len(words))
    ]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, ents=ents, **annotations)


# --- the publication date ---------------------------------------------------


@pytest.mark.parametrize(
    ("published", "anchor"),
    [
        ("2025-10-22", dt.date(2025, 10, 22)),
        ("20251022", dt.date(2025, 10, 22)),
        (" 2025-10-22 ", dt.date(2025, 10, 22)),
        ("2025-10-22T09:30", dt.datetime(2025, 10, 22, 9, 30)),
        ("2025-10-22T09:30:00Z", dt.datetime(2025, 10, 22, 9, 30)),
        ("2025-10-22 09:30:00+02:00", dt.datetime(2025, 10, 22, 9, 30)),
        ("Wed, 22 Oct 2025 09:30:00 GMT", dt.datetime(2025, 10, 22, 9, 30)),
        ("2025-10-22, updated later", dt.date(2025, 10, 22)),
        ("yesterday", None),
        ("2025-13-45", None),
        ("", None),
        (None, None),
    ],
)
def test_publication_dates_are_read_leniently(
    published: str | None, anchor: dt.date | None
) -> None:
    assert anchor_from_published(published) == anchor


# --- without the model: hand-built docs ------------------------------------------


def test_a_preposition_is_no_part_of_the_extent() -> None:
    doc = hand_built(["They", "met", "on", "Friday", "."], ["O", "O", "B-DATE", "I-DATE", "O"])
    assert extract_times(doc, "a1", PUBLISHED) == [
        TimeExpression("a1", 12, 18, "Friday", "DATE", "2025-10-17")
    ]


def test_a_range_entity_is_read_piece_by_piece() -> None:
    words = ["Sales", "rose", "between", "1994", "and", "1997", "."]
    doc = hand_built(words, ["O", "O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "O"])
    assert found(doc) == [("1994", "DATE", "1994"), ("1997", "DATE", "1997")]


def test_a_neighbour_that_belongs_to_the_expression_is_taken_in() -> None:
    words = ["He", "calls", "every", "Friday", "night", "."]
    doc = hand_built(words, ["O", "O", "O", "B-DATE", "O", "O"])
    assert found(doc) == [("every Friday night", "SET", "XXXX-WXX-5TNI")]


def test_a_date_and_a_time_side_by_side_are_one_expression() -> None:
    words = ["It", "starts", "Friday", ",", "3", "p.m.", "."]
    doc = hand_built(words, ["O", "O", "B-DATE", "O", "B-TIME", "I-TIME", "O"])
    assert found(doc) == [("Friday, 3 p.m.", "TIME", "2025-10-17T15:00")]


def test_patterns_find_what_the_model_missed() -> None:
    words = ["Officials", "recently", "said", "the", "five", "-", "minute", "call", "on"]
    words += ["Oct.", "19", ",", "2025", "was", "held", "daily", "."]
    pos = ["NOUN", "ADV", "VERB", "DET", "NUM", "PUNCT", "NOUN", "NOUN", "ADP"]
    pos += ["PROPN", "NUM", "PUNCT", "NUM", "AUX", "VERB", "ADV", "PUNCT"]
    doc = hand_built(words, ["O"] * len(words), pos=pos)
    assert found(doc) == [
        ("recently", "DATE", "PAST_REF"),
        ("five-minute", "DURATION", "PT5M"),
        ("Oct. 19, 2025", "DATE", "2025-10-19"),
        ("daily", "SET", "P1D"),
    ]


def test_an_extent_ends_before_a_joining_word_and_starts_after_a_line_break() -> None:
    words = ["Cars", "of", "the", "70s", "and", "80s", ".", "\n\n", "Yesterday", "it", "rained"]
    ents = ["O", "O", "B-DATE", "I-DATE", "I-DATE", "B-DATE", "O", "B-DATE", "I-DATE", "O", "O"]
    doc = hand_built(words, ents)
    assert found(doc) == [
        ("the 70s", "DATE", "197"),
        ("80s", "DATE", "198"),
        ("Yesterday", "DATE", "2025-10-21"),
    ]


def test_an_age_is_not_a_time_expression() -> None:
    words = ["The", "65", "-", "year", "-", "old", "man", "left", "."]
    doc = hand_built(words, ["O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE", "O", "O", "O"])
    assert found(doc) == []


def test_the_tense_of_the_governing_verb_picks_the_weekday() -> None:
    words = ["They", "will", "meet", "on", "Friday", "."]
    doc = hand_built(
        words,
        ["O", "O", "O", "O", "B-DATE", "O"],
        heads=[2, 2, 2, 2, 3, 2],
        deps=["nsubj", "aux", "ROOT", "prep", "pobj", "punct"],
        tags=["PRP", "MD", "VB", "IN", "NNP", "."],
        pos=["PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    assert found(doc) == [("Friday", "DATE", "2025-10-24")]


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    """A hand-built doc whose last word before the full stop is a DATE entity."""
    ents = ["O"] * len(words)
    ents[-2] = "B-DATE"
    pos = [TAG_POS.get(tag, "X") for tag in tags]
    lemmas = [LEMMAS.get(word, word.lower()) for word in words]
    return hand_built(words, ents, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


TAG_POS = {
    "PRP": "PRON", "MD": "AUX", "VB": "VERB", "VBD": "VERB", "VBN": "VERB", "VBP": "AUX",
    "VBG": "VERB", "IN": "ADP", "NNP": "PROPN", ".": "PUNCT", "TO": "PART", "NN": "NOUN",
    "VBZ": "AUX", "NNS": "NOUN", "RB": "ADV",
    "DT": "DET",
}  # fmt: skip
LEMMAS = {
    "planned": "plan", "scheduled": "schedule", "had": "have", "been": "be", "given": "give",
    "gave": "give", "let": "let", "is": "be", "has": "have", "said": "say", "was": "be",
    "closed": "close",
}  # fmt: skip


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "value"),
    [
        (  # what was planned may be ahead: the day nearest the publication, ahead ...
            ["They", "planned", "to", "leave", "on", "Thursday", "."],
            [1, 1, 3, 1, 3, 4, 1],
            ["nsubj", "ROOT", "aux", "xcomp", "prep", "pobj", "punct"],
            ["PRP", "VBD", "TO", "VB", "IN", "NNP", "."],
            "2025-10-23",
        ),
        (  # ... or behind
            ["They", "planned", "to", "leave", "on", "Monday", "."],
            [1, 1, 3, 1, 3, 4, 1],
            ["nsubj", "ROOT", "aux", "xcomp", "prep", "pobj", "punct"],
            ["PRP", "VBD", "TO", "VB", "IN", "NNP", "."],
            "2025-10-20",
        ),
        (  # a plan told in the present is ahead
            ["It", "is", "scheduled", "to", "close", "Monday", "."],
            [2, 2, 2, 4, 2, 4, 2],
            ["nsubjpass", "auxpass", "ROOT", "aux", "xcomp", "npadvmod", "punct"],
            ["PRP", "VBZ", "VBN", "TO", "VB", "NNP", "."],
            "2025-10-27",
        ),
        (  # ... unless planned before something else in the past
            ["It", "had", "been", "scheduled", "to", "expire", "Thursday", "."],
            [3, 3, 3, 3, 5, 3, 5, 3],
            ["nsubjpass", "aux", "auxpass", "ROOT", "aux", "xcomp", "npadvmod", "punct"],
            ["PRP", "VBD", "VBN", "VBN", "TO", "VB", "NNP", "."],
            "2025-10-16",
        ),
        (  # a bare infinitive has the tense of the verb it completes
            ["Bush", "let", "the", "attack", "begin", "Saturday", "."],
            [1, 1, 3, 4, 1, 4, 1],
            ["nsubj", "ROOT", "det", "nsubj", "ccomp", "npadvmod", "punct"],
            ["NNP", "VBD", "DT", "NN", "VB", "NNP", "."],
            "2025-10-18",
        ),
        (  # "since" points back, whatever the verb's tense
            ["Prices", "are", "down", "since", "Friday", "."],
            [1, 1, 1, 1, 3, 1],
            ["nsubj", "ROOT", "advmod", "prep", "pobj", "punct"],
            ["NNS", "VBP", "RB", "IN", "NNP", "."],
            "2025-10-17",
        ),
        (  # a deadline given in the present perfect may be ahead: the nearest day
            ["They", "have", "given", "him", "until", "Friday", "."],
            [2, 2, 2, 2, 2, 4, 2],
            ["nsubj", "aux", "ROOT", "dative", "prep", "pobj", "punct"],
            ["PRP", "VBP", "VBN", "PRP", "IN", "NNP", "."],
            "2025-10-24",
        ),
        (  # ... and in a clause of its own, a reported past is past
            ["He", "has", "said", "it", "was", "closed", "until", "Friday", "."],
            [2, 2, 2, 5, 5, 2, 5, 6, 2],
            ["nsubj", "aux", "ROOT", "nsubjpass", "auxpass", "ccomp", "prep", "pobj", "punct"],
            ["PRP", "VBZ", "VBN", "PRP", "VBD", "VBN", "IN", "NNP", "."],
            "2025-10-17",
        ),
        (  # ... one given in the past tense is past
            ["They", "gave", "him", "until", "Friday", "."],
            [1, 1, 1, 1, 3, 1],
            ["nsubj", "ROOT", "dative", "prep", "pobj", "punct"],
            ["PRP", "VBD", "PRP", "IN", "NNP", "."],
            "2025-10-17",
        ),
    ],
)
def test_plans_and_deadlines_take_the_nearest_day(
    words: list[str], heads: list[int], deps: list[str], tags: list[str], value: str
) -> None:
    assert [v for _, _, v in found(parsed(words, heads, deps, tags))] == [value]


def test_a_planned_event_is_ahead_but_the_planning_is_not() -> None:
    ahead = parsed(
        ["They", "planned", "a", "rally", "on", "Saturday", "."],
        heads=[1, 1, 3, 1, 1, 4, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        tags=["PRP", "VBD", "DT", "NN", "IN", "NNP", "."],
    )
    assert found(ahead) == [("Saturday", "DATE", "2025-10-25")]
    words = ["On", "Saturday", ",", "they", "planned", "a", "rally", "."]
    done = hand_built(
        words,
        ["O", "B-DATE", "O", "O", "O", "O", "O", "O"],
        heads=[4, 0, 4, 4, 4, 6, 4, 4],
        deps=["prep", "pobj", "punct", "nsubj", "ROOT", "det", "dobj", "punct"],
        tags=["IN", "NNP", ",", "PRP", "VBD", "DT", "NN", "."],
        pos=["ADP", "PROPN", "PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=[LEMMAS.get(word, word.lower()) for word in words],
    )
    assert found(done) == [("Saturday", "DATE", "2025-10-18")]


def test_a_holiday_is_a_date_whatever_the_model_calls_it() -> None:
    words = ["Stores", "shut", "on", "Labor", "Day", "and", "New", "Year", "'s", "Day", "."]
    ents = ["O", "O", "O", "B-EVENT", "I-EVENT", "O", "O", "O", "O", "O", "O"]
    assert found(hand_built(words, ents)) == [
        ("Labor Day", "DATE", "2025-09-01"),
        ("New Year's Day", "DATE", "2026-01-01"),  # 71 days ahead is nearer than 294 back
    ]


def test_an_event_that_is_no_holiday_is_no_time() -> None:
    words = ["They", "met", "at", "the", "Super", "Bowl", "."]
    ents = ["O", "O", "O", "O", "B-EVENT", "I-EVENT", "O"]
    assert found(hand_built(words, ents)) == []
    words = ["They", "flew", "to", "Easter", "Island", "and", "the", "Thanksgiving", "Day"]
    words += ["Parade", "."]
    ents = ["O"] * 7 + ["B-EVENT", "I-EVENT", "I-EVENT", "O"]
    assert found(hand_built(words, ents)) == []


def test_quarterly_before_a_noun_names_a_kind_not_a_time() -> None:
    kind = hand_built(
        ["They", "cut", "the", "quarterly", "dividend", "."],
        ["O", "O", "O", "B-DATE", "O", "O"],
        heads=[1, 1, 4, 4, 1, 1],
        deps=["nsubj", "ROOT", "det", "amod", "dobj", "punct"],
        pos=["PRON", "VERB", "DET", "ADJ", "NOUN", "PUNCT"],
    )
    assert found(kind) == []
    how_often = hand_built(
        ["It", "is", "adjusted", "quarterly", "."],
        ["O", "O", "O", "B-DATE", "O"],
        heads=[2, 2, 2, 2, 2],
        deps=["nsubjpass", "auxpass", "ROOT", "advmod", "punct"],
        pos=["PRON", "AUX", "VERB", "ADV", "PUNCT"],
    )
    assert found(how_often) == [("quarterly", "SET", "P3M")]


def test_the_part_of_a_named_day_is_left_to_the_day() -> None:
    words = ["He", "left", "on", "the", "night", "of", "Friday", ",", "Oct.", "17", "."]
    ents = ["O", "O", "O", "B-TIME", "I-TIME", "O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "O"]
    assert found(hand_built(words, ents)) == [("Friday, Oct. 17", "DATE", "2025-10-17")]
    words = ["He", "left", "in", "the", "night", "."]
    alone = hand_built(words, ["O", "O", "O", "B-TIME", "I-TIME", "O"])
    assert found(alone) == [("the night", "TIME", "2025-10-22TNI")]


def test_a_clock_time_takes_the_day_its_line_names() -> None:
    words = ["7", "p.m.", "\n\n", "Trump", "spoke", "on", "Tuesday", "at", "9", "p.m.", "."]
    ents = ["B-TIME", "I-TIME", "O", "O", "O", "O", "B-DATE", "O", "B-TIME", "I-TIME", "O"]
    starts = [True] + [False] * 10  # one sentence, as a parser may see a live blog's entry
    assert found(hand_built(words, ents, sent_starts=starts)) == [
        ("7 p.m.", "TIME", "2025-10-22T19:00"),
        ("Tuesday", "DATE", "2025-10-21"),
        ("9 p.m.", "TIME", "2025-10-21T21:00"),
    ]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            ["It", "takes", "between", "60", "and", "90", "days", "."],
            [("60", "DURATION", "P60D"), ("90 days", "DURATION", "P90D")],
        ),
        (
            ["It", "resumes", "within", "two", "to", "three", "weeks", "."],
            [("two", "DURATION", "P2W"), ("three weeks", "DURATION", "P3W")],
        ),
    ],
)
def test_a_range_of_durations_is_marked_at_both_ends(
    words: list[str], expected: list[tuple[str, str, str]]
) -> None:
    ents = ["O", "O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE", "O"]
    assert found(hand_built(words, ents)) == expected


def test_a_doubled_article_is_left_out_of_the_extent() -> None:
    words = ["It", "expires", "at", "the", "the", "end", "of", "November", "."]
    ents = ["O", "O", "O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE", "O"]
    assert found(hand_built(words, ents)) == [("the end of November", "DATE", "2025-11")]


@pytest.mark.parametrize(
    ("modal", "expected"),
    [("would", ("five years", "DATE", "2030")), ("can", ("five years", "DURATION", "P5Y"))],
)
def test_in_a_duration_after_a_modal_ahead_counts_from_now(
    modal: str, expected: tuple[str, str, str]
) -> None:
    words = ["It", modal, "be", "redeemed", "in", "five", "years", "."]
    doc = hand_built(
        words,
        ["O", "O", "O", "O", "O", "B-DATE", "I-DATE", "O"],
        heads=[3, 3, 3, 3, 3, 6, 4, 3],
        deps=["nsubjpass", "aux", "auxpass", "ROOT", "prep", "nummod", "pobj", "punct"],
        tags=["PRP", "MD", "VB", "VBN", "IN", "CD", "NNS", "."],
        pos=["PRON", "AUX", "AUX", "VERB", "ADP", "NUM", "NOUN", "PUNCT"],
        lemmas=[LEMMAS.get(word, word.lower()) for word in words],
    )
    assert found(doc) == [expected]


def test_in_a_duration_after_a_noun_is_a_duration() -> None:
    words = ["It", "would", "be", "the", "first", "time", "in", "five", "years", "."]
    doc = hand_built(
        words,
        ["O"] * 7 + ["B-DATE", "I-DATE", "O"],
        heads=[2, 2, 2, 5, 5, 2, 5, 8, 6, 2],
        deps=["nsubj", "aux", "ROOT", "det", "amod", "attr", "prep", "nummod", "pobj", "punct"],
        tags=["PRP", "MD", "VB", "DT", "JJ", "NN", "IN", "CD", "NNS", "."],
        pos=["PRON", "AUX", "AUX", "DET", "ADJ", "NOUN", "ADP", "NUM", "NOUN", "PUNCT"],
    )
    assert found(doc) == [("five years", "DURATION", "P5Y")]


def test_without_a_publication_date_relative_values_stay_open() -> None:
    doc = hand_built(["They", "met", "on", "Friday", "."], ["O", "O", "B-DATE", "I-DATE", "O"])
    assert [(t.value, t.anchored) for t in extract_times(doc, "a1", None)] == [
        ("XXXX-WXX-5", False)
    ]


def test_the_stage_fills_times_and_fits_a_pipeline() -> None:
    doc = hand_built(["They", "met", "on", "Friday", "."], ["O", "O", "B-DATE", "I-DATE", "O"])
    article = Article(id="a1", key="k", input="test", text=doc.text, published="2025-10-22T09:30")
    work = ArticleWork(article=article, doc=doc)
    stage = TimeStage()
    check_order([stage])
    stage.run(work)
    assert (TimeStage.name, TimeStage.requires, TimeStage.assigns) == (
        "times",
        frozenset({"doc"}),
        frozenset({"times"}),
    )
    assert work.times == [TimeExpression("a1", 12, 18, "Friday", "DATE", "2025-10-17")]


# --- with the model ------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Trump defended his envoy on Air Force One on Tuesday.",
            [("Tuesday", "DATE", "2025-10-21")],
        ),
        (
            "Zelensky is visiting the White House on Friday.",
            [("Friday", "DATE", "2025-10-24")],
        ),
        (
            "They met on Friday and will meet again on Friday.",
            [("Friday", "DATE", "2025-10-17"), ("Friday", "DATE", "2025-10-24")],
        ),
        (
            "The talks took place back in April, and a deal is expected next year.",
            [("April", "DATE", "2025-04"), ("next year", "DATE", "2026")],
        ),
        (
            "The conflict has persisted for nearly four years.",
            [("nearly four years", "DURATION", "P4Y")],
        ),
        (
            "During the five-minute call, Witkoff spoke to Ushakov.",
            [("five-minute", "DURATION", "PT5M")],
        ),
        (
            "He meets reporters every Friday at 3 p.m. and publishes a report daily.",
            [
                ("every Friday", "SET", "XXXX-WXX-5"),
                ("3 p.m.", "TIME", "2025-10-22T15:00"),
                ("daily", "SET", "P1D"),
            ],
        ),
        ("The 65-year-old man left 10 days ago.", [("10 days ago", "DATE", "2025-10-12")]),
        (
            "Sales rose between 1994 and 1997, the company said on Monday.",
            [("1994", "DATE", "1994"), ("1997", "DATE", "1997"), ("Monday", "DATE", "2025-10-20")],
        ),
        (
            "The discussion occurred on 14 October, two days before the October 19 meeting.",
            [
                ("14 October", "DATE", "2025-10-14"),
                ("two days", "DURATION", "P2D"),
                ("October 19", "DATE", "2025-10-19"),
            ],
        ),
        ("Lawmakers are now in open revolt.", [("now", "DATE", "PRESENT_REF")]),
        ("Now, me to you, I know what it's going to take.", []),
        (
            "The ceasefire collapsed last week after three weeks of talks.",
            [("last week", "DATE", "2025-W42"), ("three weeks", "DURATION", "P3W")],
        ),
        (
            "Officials recently said the law takes effect on Jan. 1, 2026.",
            [("recently", "DATE", "PAST_REF"), ("Jan. 1, 2026", "DATE", "2026-01-01")],
        ),
        (
            "In the future, officials said, the office will open at 9 a.m. every day.",
            [
                ("the future", "DATE", "FUTURE_REF"),
                ("9 a.m.", "TIME", "2025-10-22T09:00"),
                ("every day", "SET", "P1D"),
            ],
        ),
        (
            "Acme earned $5 million in the third quarter, up from $4 million a year earlier.",
            [("the third quarter", "DATE", "2025-Q3"), ("a year earlier", "DATE", "2024-Q3")],
        ),
        (
            "In the year-ago quarter, Acme lost $2 million; in the latest quarter it earned "
            "$3 million.",
            [
                ("the year-ago quarter", "DATE", "2024-Q3"),
                ("the latest quarter", "DATE", "2025-Q3"),
            ],
        ),
        (
            "He was promoted on June 2, 1995, and the following year he moved to Paris.",
            [("June 2, 1995", "DATE", "1995-06-02"), ("the following year", "DATE", "1996")],
        ),
        (
            "Acme had net income of $5 million for the year ended June 30.",
            [("the year", "DURATION", "P1Y"), ("June 30", "DATE", "2025-06-30")],
        ),
        (
            "The bombing shocked Atlanta in nineteen ninety-six.",
            [("nineteen ninety-six", "DATE", "1996")],
        ),
        (
            "Three days later, the talks resumed; the deal was signed just last month.",
            [("Three days", "DURATION", "P3D"), ("last month", "DATE", "2025-09")],
        ),
        (
            "Acme earned $9 million in the third quarter, down from $12 million in the 2024 "
            "period.",
            [("the third quarter", "DATE", "2025-Q3"), ("the 2024 period", "DATE", "2024-Q3")],
        ),
        ("Iraq imports about three-quarters of its food.", []),
        (
            "The talks began on Monday. Later in the day, both sides left.",
            [("Monday", "DATE", "2025-10-20"), ("the day", "DATE", "2025-10-20")],
        ),
        (
            "Exports rose 12 percent in the first half of this year over the same period of "
            "last year.",
            [
                ("the first half of this year", "DATE", "2025-H1"),
                ("the same period of last year", "DATE", "2024-H1"),
            ],
        ),
        (
            "The plan covers 1996-2000; sales for the first nine months of 1997 rose.",
            [
                ("1996", "DATE", "1996"),
                ("2000", "DATE", "2000"),
                ("the first nine months", "DURATION", "P9M"),
                ("1997", "DATE", "1997"),
            ],
        ),
        (
            "The current weakness worries investors, who watch the current account deficit.",
            [("current", "DATE", "PRESENT_REF")],
        ),
        (
            "Exports rose in January-June. The talks will be held from August 10 to 12.",
            [
                ("January", "DATE", "2025-01"),
                ("June", "DATE", "2025-06"),
                ("August 10", "DATE", "2026-08-10"),  # "will be held": the coming August
                ("12", "DATE", "2026-08-12"),
            ],
        ),
        ("In 1997-98, output rose.", [("1997", "DATE", "1997"), ("98", "DATE", "1998")]),
        ("Sales rose sharply in January.", [("January", "DATE", "2025-01")]),
        (
            "The board declared a dividend payable Jan. 15.",
            [("Jan. 15", "DATE", "2026-01-15")],
        ),
        (
            "Funds may sell bonds in the weeks ahead to placate holders in the short term.",
            [("the weeks ahead", "DURATION", "PXW"), ("the short term", "DATE", "FUTURE_REF")],
        ),
        (
            "Hours later, the rebels retreated; years ago, the town was quiet.",
            [("Hours", "DURATION", "PTXH"), ("years ago", "DATE", "PAST_REF")],
        ),
        (
            "The blast occurred at 10:30 a.m. local time (0730 GMT).",
            [
                ("10:30 a.m.", "TIME", "2025-10-22T10:30"),
                ("0730 GMT", "TIME", "2025-10-22T07:30Z"),
            ],
        ),
        (
            "Traders squared positions ahead of the weekend.",
            [("the weekend", "DATE", "2025-W43-WE")],
        ),
        (
            "The shares came from an Aug. 10, 2024, stock purchase agreement.",
            [("Aug. 10, 2024", "DATE", "2024-08-10")],
        ),
        (
            "Acme earned $1.8 million for the corresponding period last year.",
            [("the corresponding period last year", "DATE", "2024")],
        ),
        (
            "He probably died within weeks or months of his capture.",
            [("weeks or months", "DURATION", "PXW")],
        ),
        (
            "Acme earned $5 million in the third quarter, its best since the third quarter of "
            "2019, up from $4 million a year earlier.",
            [
                ("the third quarter", "DATE", "2025-Q3"),
                ("the third quarter of 2019", "DATE", "2019-Q3"),
                ("a year earlier", "DATE", "2024-Q3"),
            ],
        ),
        (
            "Some $14 million seeped out Friday Oct. 17 alone.",
            [("Friday Oct. 17", "DATE", "2025-10-17")],
        ),
        (
            "Two new flights will leave Bombay on Monday and Tuesday nights.",
            [("Monday", "DATE", "2025-10-27"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")],
        ),
        (
            "The index was down 2.6% at 16:08 UTC, and the sale should be completed in March.",
            [("16:08 UTC", "TIME", "2025-10-22T16:08Z"), ("March", "DATE", "2026-03")],
        ),
        (
            "The ferry talks, set to resume Monday in Dover, were delayed again.",
            [("Monday", "DATE", "2025-10-27")],
        ),
        (
            "She will be named pilot of a mission in August.",
            [("August", "DATE", "2026-08")],
        ),
        (
            "The mayor could not be reached for comment Friday.",
            [("Friday", "DATE", "2025-10-17")],
        ),
        ("Rents have fallen more recently.", [("more recently", "DATE", "PAST_REF")]),
        (
            "The jet made its first flight Tuesday in Seattle at 18:00 UTC.",
            [("Tuesday", "DATE", "2025-10-21"), ("18:00 UTC", "TIME", "2025-10-21T18:00Z")],
        ),
        (
            "Written the American way, 7/8/07, the date drew fans; shares are at their lowest "
            "since '82.",
            [("7/8/07", "DATE", "2007-07-08"), ("'82", "DATE", "1982")],
        ),
        (
            "The bridge was built in two and a half years and stays shut for the time being.",
            [
                ("two and a half years", "DURATION", "P2Y6M"),
                ("the time being", "DATE", "PRESENT_REF"),
            ],
        ),
        (
            "The strike is expected to last several weeks.",
            [("several weeks", "DURATION", "PXW")],
        ),
        (
            "Ferry traffic rose 4 percent over the previous year.",
            [("the previous year", "DATE", "2024")],
        ),
        (
            "The envoy left on a week-long tour, ending a decades-long feud.",
            [("week-long", "DURATION", "P1W"), ("decades-long", "DURATION", "PXDE")],
        ),
        (
            "Solar ferries could one day replace diesel boats; the trial lasted one day.",
            [("one day", "DATE", "FUTURE_REF"), ("one day", "DURATION", "P1D")],
        ),
        (
            "The navy may stay for 20 more years after two consecutive quarters of losses.",
            [
                ("20 more years", "DURATION", "P20Y"),
                ("two consecutive quarters", "DURATION", "P2Q"),
            ],
        ),
        (
            "Minutes after the verdict, the ferry season was cut to late May.",
            [("Minutes", "DURATION", "PTXM"), ("late May", "DATE", "2025-05")],
        ),
        (
            "Stocks swung wildly and ended the day lower.",
            [("the day", "DATE", "2025-10-22")],
        ),
    ],
)
def test_sentences(nlp: Language, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(nlp(sentence)) == expected


@pytest.mark.model
def test_every_extent_indexes_the_text(nlp: Language) -> None:
    doc = nlp(
        "On Tuesday's call, which lasted about 20 minutes, he said:\n"
        "\u201cWe meet every Monday\u2009\u2013\u2009and have done so since 2019.\u201d"
    )
    times = extract_times(doc, "a1", PUBLISHED)
    assert times
    for time in times:
        assert doc.text[time.start : time.end] == time.text
        assert time.text == time.text.strip()


@pytest.mark.model
@pytest.mark.realdata
def test_seed_articles(nlp: Language, seeds: dict[str, str]) -> None:
    read = {
        (time.text, time.type, time.value)
        for name, text in seeds.items()
        for time in extract_times(nlp(text), name, SEED_PUBLISHED)
    }
    assert {
        ("14 October", "DATE", "2025-10-14"),
        ("October 19", "DATE", "2025-10-19"),
        ("August 6", "DATE", "2025-08-06"),
        ("April", "DATE", "2025-04"),
        ("Tuesday", "DATE", "2025-11-18"),
        ("nearly four years", "DURATION", "P4Y"),
        ("five-minute", "DURATION", "PT5M"),
        ("next year", "DATE", "2026"),
        ("every day", "SET", "P1D"),
    } <= read
    # "Now, me to you, ..." opens a quote: not the present
    assert ("Now", "DATE", "PRESENT_REF") not in read
