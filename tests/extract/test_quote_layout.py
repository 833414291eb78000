"""Photo captions and headings, told from the line alone (no model)."""

from __future__ import annotations

import pytest

from storytrace.extract.quote_layout import Layout, looks_like_caption, looks_like_promo


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ada Brown walks her dog near her home. (Jane Roe/CBC)", True),
        ("The porters at the station in 1954. ( Toronto Star file photo )", True),
        ("Kody had planned a move to Moncton. (Submitted by Ada Brown)", True),
        ("Ada Brown, left, and her daughter Jo walk to the school.", True),
        ("Members of the team are seen in this undated handout photo.", True),
        ("The council met on Monday (its third meeting this year).", False),
        ("She left, and the council voted on the plan.", False),
        (" ".join(["Ada Brown says the program changed her life."] * 8) + " (Jo Roe/AP)", False),
        ("Ada Brown said the plan was sound.", False),
    ],
)
def test_caption(line: str, expected: bool) -> None:
    assert looks_like_caption(line) is expected


def test_layout_knows_caption_lines() -> None:
    text = "She said it worked.\nA view of the bay. (Jane Roe/AP)\nThen she left."
    layout = Layout(text)
    assert [layout.is_caption(text.index(w)) for w in ("She", "view", "Then")] == [
        False,
        True,
        False,
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("READ MORE: Minister says the budget will balance", True),
        ("WATCH: Crowds gather at the legislature", True),
        ("Read more about the budget in our guide.", False),
        ("The minister said more: the budget will balance.", False),
    ],
)
def test_promo(line: str, expected: bool) -> None:
    assert looks_like_promo(line) is expected
