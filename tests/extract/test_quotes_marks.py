"""Quotation marks: pairing, and telling a closing ’ from an apostrophe (no model)."""

from __future__ import annotations

import pytest

from storytrace.extract.quote_marks import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said: "We will win." Then he left.', ["We will win."]),
        ("“We will win,” she said.", ["We will win,"]),
        ("She said ‘no deal’ twice.", ["no deal"]),
        ("She said 'no deal' twice.", ["no deal"]),
        # two apostrophes typed for a double mark, as some newswires do
        ("''I kind of write them off,'' said Mr. Pike.", ["I kind of write them off,"]),
        # apostrophes inside a ‘…’ quotation do not close it
        (
            "Reyes replied: ‘No. It’s Norway’s call, and it’s a good thing.’",
            [
                "No. It’s Norway’s call, and it’s a good thing.",
            ],
        ),
        ("Voss said 'it's Norway's call' today.", ["it's Norway's call"]),
        # nor does the plural possessive, while a later mark can still close it
        (
            "He called it ‘the Russians’ plan all along’ on Monday.",
            [
                "the Russians’ plan all along",
            ],
        ),
        # single marks nested in a double quotation stay inside it
        ("“He told me ‘never again’ and left,” Voss said.", ["He told me ‘never again’ and left,"]),
        # elided words are not opening marks
        ("Music of the ‘90s, said Voss, is ‘better than today’s’.", ["better than today’s"]),
        ("Two quotes: ‘one’ and ‘two’.", ["one", "two"]),
    ],
)
def test_quotations_found(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_offsets_exclude_marks_and_padding() -> None:
    text = "A “ padded ” quote"
    [quote] = find_quotes(text)
    assert (quote.open, quote.close) == (2, 11)
    assert text[quote.start : quote.end] == "padded"


def test_an_unclosed_quotation_ends_with_its_line() -> None:
    assert quoted("“This never closes\nand “this does” here.") == ["this does"]


@pytest.mark.parametrize("text", ["", "no marks", "It’s Voss’s.", "“”", "‘ ’"])
def test_nothing_to_find(text: str) -> None:
    assert find_quotes(text) == []


def test_two_apostrophes_are_one_mark_with_both_characters() -> None:
    text = "He said ''On espère,'' and left."
    [quote] = find_quotes(text)
    assert text[quote.open : quote.close + 1] == "''On espère,''"


def test_a_quotation_opening_a_sentence_may_run_into_the_next_paragraph() -> None:
    text = "“We tried,” she said. “We have nothing.\n“Our members waited a decade.”"
    assert quoted(text) == ["We tried,", "We have nothing.", "Our members waited a decade."]
    assert [q.closed for q in find_quotes(text)] == [True, False, True]


def test_a_quotation_left_open_mid_sentence_is_dropped() -> None:
    assert quoted("He called it “a bad idea\n“Then we left.”") == ["Then we left."]
