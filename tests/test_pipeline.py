"""Stage contracts are checked when the pipeline is built; ingest summaries add up."""

from __future__ import annotations

from typing import ClassVar

import pytest

from storytrace.errors import PipelineError
from storytrace.extract.base import ArticleWork, check_order
from storytrace.pipeline import IngestSummary, Skipped, build_stages


class _Needs:
    name: ClassVar[str] = "needs-entities"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "entities"})
    assigns: ClassVar[frozenset[str]] = frozenset({"attributions"})

    def run(self, work: ArticleWork) -> None:  # pragma: no cover - never run
        raise NotImplementedError


def test_misordered_stages_fail_at_build_time() -> None:
    with pytest.raises(PipelineError) as info:
        check_order([_Needs()])
    assert str(info.value) == (
        "stage 'needs-entities' requires ['entities'] but no earlier stage assigns it"
    )


def test_default_stage_order_is_valid_and_a_wrong_one_is_not() -> None:
    assert [s.name for s in build_stages(["entities", "attributions", "times"])] == [
        "entities",
        "attributions",
        "times",
    ]
    with pytest.raises(PipelineError, match="'attributions' requires \\['entities'\\]"):
        build_stages(["attributions", "entities"])
    with pytest.raises(PipelineError, match="unknown extract stage"):
        build_stages(["sentiment"])


def test_summary_line_counts_reasons() -> None:
    summary = IngestSummary(
        added=["a"],
        unchanged=["b", "c"],
        skipped=[
            Skipped("x", "empty", "x: empty"),
            Skipped("y", "empty", "y: empty"),
            Skipped("z", "not found", "z: nope"),
        ],
    )
    assert summary.line() == "1 added, 2 unchanged, 3 skipped (2 empty, 1 not found)"
    assert summary.failed
    assert not IngestSummary().failed
