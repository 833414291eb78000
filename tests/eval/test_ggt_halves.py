"""GGT's tuned and held-out halves split the file without overlap."""

from __future__ import annotations

from storytrace.eval.run import GGT_HALVES, QUOTE_DATASETS


def test_halves_partition_the_articles() -> None:
    articles = list(range(11))
    tune, held = articles[GGT_HALVES["ggt-tune"]], articles[GGT_HALVES["ggt-heldout"]]
    assert tune == [0, 2, 4, 6, 8, 10] and held == [1, 3, 5, 7, 9]
    assert articles[GGT_HALVES["ggt"]] == articles
    assert set(GGT_HALVES) <= set(QUOTE_DATASETS)
