"""Linking at scale: per-article cost of stories + near-copies at 10k and 100k articles.

Synthetic articles are recombined from real text (the story sets in
../shared/data/stories, else the example corpus): each takes the title and a few
sentences of one real story and mixes them with sentences from elsewhere; they
arrive in rough date order, 137 a day at every size (100k span two years, like
a crawl), and 3 % of them are near-copies of a recent one (a few words changed). They are
written straight into a SQLite store in chunks of 10,000 (no parsing: linking
reads only stored text), and a :class:`~storytrace.link.run.Linker` links each
chunk as ``storytrace add`` would.

Printed per size: linking time per article, peak memory (each size runs in its
own process), open stories and LSH entries at the end, and the cost of opening
the finished store (loading the saved index and signatures). The target: per-
article cost at 100k within 1.3x of 10k. By default it runs 10k and 50k: 100k
takes about nine minutes on two cores (measured: 5.37 ms/article at 10k, 5.12 at
100k, peak 299 MB and 343 MB; with the stories' IDF prior and two more features,
3.73 ms at 5k and 4.43 at 20k, 1.19x, on shared cores). Below about 5k the
stream has not yet filled a window of open stories, so its cost is not yet the
steady one (2k vs 20k reads 1.54x). With batches clustered jointly
(link/story_batch.py; a chunk is linked in batches of 2,048): 3.72 ms at 4k and
4.28 at 12k (1.15x); 2.63 at 2k and 3.60 at 8k (1.37x: the 2k store is one
batch with no story open yet, the cheapest case), where the article-by-article
stream measured 6.52 and 7.63 on the same shared cores.

    python bench/bench_linking.py [--sizes 10000,100000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import sqlalchemy as sa  # noqa: E402

from storytrace.link.run import Linker  # noqa: E402
from storytrace.store import Store, schema, text_key  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "stories"
CHUNK = 10_000
#: the stream's daily volume, the same at every size (100k articles span two
#: years): what an article is compared with depends on the volume of the last
#: weeks, not on the length of the stream
PER_DAY = 137
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
COPY_SHARE = 0.03
OUTLETS = [f"Outlet {n}" for n in range(1, 41)]


def load_sources() -> tuple[list[tuple[str, list[str]]], str]:
    """(title, sentences) of each real story."""
    stories: dict[str, tuple[str, list[str]]] = {}
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                _, found = stories.setdefault(f"{path.stem}/{row['story_id']}", (row["title"], []))
                found += [s for s in _SENTENCE.split(row["text"]) if len(s) > 20]
    if stories:
        return [s for s in stories.values() if s[1]], "../shared/data/stories"
    from storytrace.ingest import read_inputs
    from storytrace.records import RawArticle

    texts = [r for r in read_inputs([str(ROOT / "examples")]) if isinstance(r, RawArticle)]
    return [
        (r.title or "untitled", [s for s in _SENTENCE.split(r.text) if len(s) > 20]) for r in texts
    ], "examples/"


def synthetic(
    n: int, sources: list[tuple[str, list[str]]], seed: int = 7
) -> Iterator[dict[str, str]]:
    """``n`` article rows in rough publication order over two years, generated lazily
    (the bench never holds every text)."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    recent: list[str] = []
    for i in range(n):
        day = start + timedelta(days=i // PER_DAY + rng.randrange(3))
        if recent and rng.random() < COPY_SHARE:
            words = rng.choice(recent).split(" ")
            for _ in range(3):
                words[rng.randrange(len(words))] = rng.choice(["reportedly", "also", "now"])
            text, title = " ".join(words), f"Copy {i}"
        else:
            # a real story's title and a few of its sentences, the rest from anywhere:
            # articles of one story share some text, as real coverage does, without
            # being copies; a source drawn again months later is another story
            title, pool = sources[rng.randrange(len(sources))]
            chosen = rng.sample(pool, min(len(pool), rng.randint(2, 4)))
            chosen += [rng.choice(rng.choice(sources)[1]) for _ in range(rng.randint(4, 10))]
            rng.shuffle(chosen)
            text = " ".join(chosen)
            recent = [*recent[-199:], text]
        yield {
            "id": f"syn-{i}",
            "title": title,
            "text": text,
            "outlet": rng.choice(OUTLETS),
            "published": day.isoformat(),
        }


def insert(store: Store, rows: list[dict[str, str]], seq0: int) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            schema.articles.insert(),
            [
                {
                    **row,
                    "key": text_key(row["text"] + row["id"]),
                    "input": "bench",
                    "seq": seq0 + n,
                }
                for n, row in enumerate(rows, 1)
            ],
        )


def run_size(n: int) -> dict[str, float]:
    sources, origin = load_sources()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        linking = 0.0
        with Store(db) as store:
            linker = Linker(store)
            rows = synthetic(n, sources)
            done = 0
            while done < n:
                chunk = [next(rows) for _ in range(min(CHUNK, n - done))]
                insert(store, chunk, done)
                del chunk
                started = time.perf_counter()
                summary = linker.link_pending()
                linking += time.perf_counter() - started
                done += summary.articles
            open_stories = len(linker.stories.open)
            lsh = linker.copies.size
            with store.engine.connect() as conn:
                copies = conn.execute(sa.text("SELECT count(*) FROM copy_pairs")).scalar_one()
                found = conn.execute(sa.text("SELECT count(*) FROM stories")).scalar_one()
        started = time.perf_counter()
        with Store(db) as store:
            Linker(store)
        reopen = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": n,
        "ms_per_article": 1000 * linking / n,
        "peak_mb": peak,
        "stories": found,
        "open_stories": open_stories,
        "lsh_entries": lsh,
        "copy_pairs": copies,
        "reopen_s": reopen,
        "origin": origin,  # type: ignore[dict-item]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    # 100k takes about 9 minutes on 2 shared cores (5.1 ms/article measured): more than
    # `make bench` should; ask for it with --sizes 10000,100000
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one)))
        return
    results = []
    for n in (int(x) for x in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(r)
        print(
            f"{r['articles']:>7,} articles ({r['origin']}): {r['ms_per_article']:.2f} ms/article "
            f"linking, peak {r['peak_mb']:.0f} MB, {r['stories']:,} stories "
            f"({r['open_stories']:,} open at the end), {r['lsh_entries']:,} LSH entries, "
            f"{r['copy_pairs']:,} copy pairs; reopening the store: {r['reopen_s']:.1f} s",
            flush=True,
        )
    if len(results) > 1:
        first, last = results[0], results[-1]
        print(
            f"per-article cost at {last['articles']:,} vs {first['articles']:,}: "
            f"{last['ms_per_article'] / first['ms_per_article']:.2f}x (target ≤ 1.3x)"
        )
    if max(r["articles"] for r in results) < 100_000:
        print("100k not run by default (about 9 min): --sizes 10000,100000")


if __name__ == "__main__":
    main()
