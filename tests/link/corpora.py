"""The demo corpus and the seeds, analysed once per test session for the
real-data linking tests (each module wraps these in a fixture)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import pytest

from storytrace.config import load_config
from storytrace.ingest import Metadata
from storytrace.pipeline import Pipeline, ingest
from storytrace.records import ArticleAnalysis
from storytrace.store import Store

from ..conftest import EXAMPLES, SEEDS

if TYPE_CHECKING:
    from spacy.language import Language

#: the plain-text demo articles carry no metadata: given on the command line by
#: examples/demo.sh, and here the same way
DEMO_TEXT_METADATA = {
    "2026-03-02-newspulse-leaked-call.txt": ("NewsPulse Today", "2026-03-02T14:10"),
    "2026-03-03-aldmere-courier-cabinet-weighs.txt": ("The Aldmere Courier", "2026-03-03T18:30"),
    "2026-03-05-harbour-ledger-danes-interview.txt": ("The Harbour Ledger", "2026-03-05T06:00"),
}
DEMO_OTHER_INPUTS = ("wire.jsonl", "feeds", "archive")

__all__ = ["demo_corpus", "seed_corpus"]


@lru_cache(maxsize=1)
def demo_corpus(nlp: Language) -> tuple[ArticleAnalysis, ...]:
    """The twelve demo articles, ingested as examples/demo.sh does."""
    config = load_config()
    pipeline = Pipeline(config, nlp=nlp)
    with Store(":memory:") as store:
        for name, (outlet, published) in DEMO_TEXT_METADATA.items():
            meta = Metadata(outlet=outlet, published=published)
            ingest([str(EXAMPLES / name)], store, pipeline=pipeline, metadata=meta)
        html = sorted(str(p) for p in EXAMPLES.glob("*.html"))
        others = [str(EXAMPLES / n) for n in DEMO_OTHER_INPUTS]
        summary = ingest([*others, *html], store, pipeline=pipeline)
        assert not summary.skipped, summary.skipped
        analyses = list(store.analyses())
    assert len(analyses) == 12
    return tuple(analyses)


def seed_corpus(nlp: Language) -> tuple[ArticleAnalysis, ...]:
    """The two seed articles (real coverage of one story); skips when absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"real-data test: {SEEDS} is absent")
    return _seeds(nlp)


@lru_cache(maxsize=1)
def _seeds(nlp: Language) -> tuple[ArticleAnalysis, ...]:
    pipeline = Pipeline(load_config(), nlp=nlp)
    with Store(":memory:") as store:
        ingest([str(p) for p in sorted(SEEDS.glob("*.txt"))], store, pipeline=pipeline)
        return tuple(store.analyses())
