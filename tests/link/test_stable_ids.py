"""Ids that survive a re-run: hashed anchors, suffixed when repeated or taken."""

from __future__ import annotations

from storytrace.link.stable_ids import ID_HASH_CHARS, stable_ids, unused_id


def test_same_anchor_same_id_and_repeats_are_numbered() -> None:
    first = stable_ids("qg", ["a", "b", "a"])
    assert stable_ids("qg", ["a"]) == first[:1]
    assert first[0] != first[1] and first[2] == f"{first[0]}-2"
    assert len(first[0]) == len("qg-") + ID_HASH_CHARS


def test_unused_id_skips_what_is_taken() -> None:
    taken = {"story-x", "story-x-2"}
    assert unused_id("story-x", taken.__contains__) == "story-x-3"
    assert unused_id("story-y", taken.__contains__) == "story-y"
