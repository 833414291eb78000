"""Throughput of the whole pipeline against bare spaCy parsing of the same texts.

Prints articles/s and words/s for both, their ratio (the figure that matters:
machines here are shared and noisy, a ratio measured in one run is not),
each extract stage's share of the time, and peak memory.

Texts: the Gender Gap Tracker and PolNeAR dev articles from ../shared/data
when present, else the example corpus repeated.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storytrace.config import load_config  # noqa: E402
from storytrace.extract.base import ArticleWork  # noqa: E402
from storytrace.pipeline import Pipeline, ingest  # noqa: E402
from storytrace.records import Article  # noqa: E402
from storytrace.store import Store  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
REAL_SOURCES = (
    DATA / "quotes" / "ggt" / "ggt_quotes.jsonl",
    DATA / "quotes" / "polnear" / "polnear_dev.jsonl",
)


def load_texts(limit: int) -> tuple[list[str], str]:
    texts: list[str] = []
    for path in REAL_SOURCES:
        if path.is_file():
            with path.open(encoding="utf-8") as handle:
                texts += [json.loads(line)["text"] for line in handle if line.strip()]
    if texts:
        return texts[:limit], "../shared/data (GGT + PolNeAR dev)"
    from storytrace.ingest import read_inputs
    from storytrace.records import RawArticle

    examples = [r.text for r in read_inputs([str(ROOT / "examples")]) if isinstance(r, RawArticle)]
    repeated = [
        f"{t}\n\n(copy {i})" for i in range(limit // max(len(examples), 1) + 1) for t in examples
    ]
    return repeated[:limit], "examples/ repeated"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=180)
    args = parser.parse_args()
    texts, origin = load_texts(args.articles)
    words = sum(len(t.split()) for t in texts)
    config = load_config()
    pipeline = Pipeline(config)
    nlp = pipeline.nlp
    list(nlp.pipe(texts[:8]))  # warm-up: first calls allocate

    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=config.parse.batch_size))
    bare = time.perf_counter() - start

    stage_time = {stage.name: 0.0 for stage in pipeline.stages}
    for i, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        work = ArticleWork(
            article=Article(
                id=f"b{i}", key=str(i), input="bench", text=text, published="2025-11-20"
            ),
            doc=doc,
        )
        for stage in pipeline.stages:
            t0 = time.perf_counter()
            stage.run(work)
            stage_time[stage.name] += time.perf_counter() - t0
    del docs

    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "bench.jsonl"
        with jsonl.open("w", encoding="utf-8") as handle:
            for i, text in enumerate(texts):
                handle.write(
                    json.dumps({"id": f"b{i}", "text": text, "published": "2025-11-20"}) + "\n"
                )
        with Store(str(Path(tmp) / "bench.db")) as store:
            start = time.perf_counter()
            summary = ingest([str(jsonl)], store, pipeline=pipeline)
            full = time.perf_counter() - start
    if len(summary.added) != len(texts):  # a skipped text would flatter the throughput
        raise SystemExit(f"bench input was not fully ingested: {summary.line()}")

    n = len(texts)
    print(f"texts: {n} articles, {words:,} words, from {origin}")
    print(f"bare spaCy parse : {n / bare:7.1f} articles/s {words / bare:9.0f} words/s")
    print(
        f"whole pipeline   : {n / full:7.1f} articles/s {words / full:9.0f} words/s"
        "  (read JSONL, hash, parse, extract, store in SQLite)"
    )
    print(f"ratio pipeline/bare: {bare / full:.2f}  (target >= 0.70)")
    for name, seconds in stage_time.items():
        print(f"  stage {name:<13} {seconds / bare:6.1%} of bare parse time")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
