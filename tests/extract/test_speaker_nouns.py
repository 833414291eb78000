"""Which nouns name people, for descriptions of speakers."""

from __future__ import annotations

import pytest

from storytrace.extract.speaker_nouns import is_person_word


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("labourer", True),  # agent noun
        ("mayor", True),
        ("columnist", True),
        ("politician", True),
        ("judge", True),  # common person noun
        ("woman", True),  # gendered
        ("camp", False),
        ("scenario", False),
        ("chart", False),
        ("statement", False),  # "-ent", but abstract
        ("business", False),  # "-ess", but abstract
    ],
)
def test_person_words(word: str, expected: bool) -> None:
    assert is_person_word(word) is expected
