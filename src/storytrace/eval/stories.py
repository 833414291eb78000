"""Story clustering against the labelled story sets: what ``storytrace eval stories`` runs.

Each dataset (``../shared/data/stories/*.jsonl``: ``id, story_id, title, text``,
plus ``date`` where known) is fed to :class:`~storytrace.link.story_index.StoryIndex`
exactly as ``storytrace add`` of the file feeds it: in batches of
:data:`~storytrace.link.stories.BATCH_SIZE` (one batch for every file here but
neus_train), in publication order (undated articles, and articles of the same
date, in a fixed shuffled order, so the stream never arrives grouped by story).
A second figure feeds the same stream :data:`SMALL_BATCH` articles at a time, as
a feed polled often would. Scores: B-cubed and pairwise precision, recall and F1
(Bagga & Baldwin 1998; Amigó et al. 2009).

Tuning happened on ``neus_train`` only; ``neus_val``, ``basil`` and ``pac`` are
reported as held out.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from storytrace.errors import ConfigError, InputNotFound, MalformedInput
from storytrace.eval.datasets import DEFAULT_DATA_DIR
from storytrace.link.stories import BATCH_SIZE, story_index
from storytrace.link.story_index import StoryIndex, StoryItem
from storytrace.store import text_key

if TYPE_CHECKING:
    from storytrace.eval.run import EvalResult

__all__ = [
    "STORY_DATASETS",
    "ClusterScores",
    "StoryArticle",
    "bcubed",
    "cluster_stream",
    "evaluate_stories",
    "load_stories",
    "pairwise",
    "score_clusters",
    "stream_order",
]

STORY_DATASETS = ("neus_val", "basil", "pac", "neus_train")
#: the seed of the order undated (and same-day) articles arrive in
STREAM_SEED = 13
#: the batch size of the second figure reported: a stream added a few articles
#: at a time, where most decisions are against stories opened before
SMALL_BATCH = 50


@dataclass(frozen=True, slots=True)
class StoryArticle:
    id: str
    story: str
    title: str | None
    text: str
    published: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class ClusterScores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return f"P {100 * self.precision:5.1f}  R {100 * self.recall:5.1f}  F1 {100 * self.f1:5.1f}"


def load_stories(dataset: str, data_dir: Path = DEFAULT_DATA_DIR) -> list[StoryArticle]:
    """The articles of one story dataset, in file order."""
    if dataset not in STORY_DATASETS:
        raise ConfigError(
            f"unknown stories dataset {dataset!r}",
            hint=f"choose one of: {', '.join(STORY_DATASETS)}",
        )
    path = Path(data_dir) / "stories" / f"{dataset}.jsonl"
    if not path.is_file():
        raise InputNotFound(f"dataset {dataset} not found", input=str(path), hint="pass --data-dir")
    found = []
    seen: Counter[str] = Counter()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                # ids are not always unique (basil has four "empty"): a repeat gets a
                # suffix, since articles are scored by id
                seen[str(row["id"])] += 1
                repeat = seen[str(row["id"])]
                found.append(
                    StoryArticle(
                        id=str(row["id"]) + (f"#{repeat}" if repeat > 1 else ""),
                        story=str(row["story_id"]),
                        title=row.get("title") or None,
                        text=row.get("text") or "",
                        published=row.get("date") or None,
                        outlet=row.get("source") or None,
                    )
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise MalformedInput(f"bad story record ({exc})", input=f"{path}:{number}") from exc
    return found


def stream_order(articles: Sequence[StoryArticle], seed: int = STREAM_SEED) -> list[StoryArticle]:
    """Publication order; undated articles and same-date ones in a seeded shuffle."""
    shuffled = list(articles)
    random.Random(seed).shuffle(shuffled)
    return sorted(shuffled, key=lambda a: a.published or "")


def cluster_stream(
    articles: Sequence[StoryArticle],
    index: StoryIndex | None = None,
    batch_size: int = BATCH_SIZE,
) -> dict[str, str]:
    """Article id → story id, from feeding ``articles`` in order, batch by batch."""
    index = index if index is not None else story_index()
    assigned: dict[str, str] = {}
    for start in range(0, len(articles), batch_size):
        batch = [
            StoryItem(a.id, text_key(a.text), a.title, a.text, a.published)
            for a in articles[start : start + batch_size]
        ]
        for assignment in index.add_batch(batch):
            assigned[assignment.article] = assignment.story
    return assigned


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> ClusterScores:
    """B-cubed precision and recall, averaged over items."""
    if not gold:
        return ClusterScores(0.0, 0.0)
    by_pred, by_gold = Counter(predicted), Counter(gold)
    both = Counter(zip(predicted, gold, strict=True))
    precision = sum(n * n / by_pred[p] for (p, _), n in both.items()) / len(gold)
    recall = sum(n * n / by_gold[g] for (_, g), n in both.items()) / len(gold)
    return ClusterScores(precision, recall)


def pairwise(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> ClusterScores:
    """Precision and recall of same-story article pairs."""

    def pairs(counts: Counter[Hashable] | Counter[tuple[Hashable, Hashable]]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(predicted, gold, strict=True)))
    said, true = pairs(Counter(predicted)), pairs(Counter(gold))
    return ClusterScores(both / said if said else 0.0, both / true if true else 0.0)


def score_clusters(
    articles: Sequence[StoryArticle], assigned: dict[str, str]
) -> tuple[ClusterScores, ClusterScores]:
    """B-cubed and pairwise scores of ``assigned`` against the gold stories."""
    predicted = [assigned[a.id] for a in articles]
    gold = [a.story for a in articles]
    return bcubed(predicted, gold), pairwise(predicted, gold)


#: what ``eval stories`` prints next to the scores (DATASETS.md)
REFERENCE = (
    "  reference: TF-IDF + average link, threshold tuned on the same file: B-cubed F1 "
    "0.853 neus_val / 0.935 basil / 0.867 pac"
)


def evaluate_stories(
    dataset: str,
    *,
    data_dir: Path = DEFAULT_DATA_DIR,
    limit: int | None = None,
    embeddings: bool = False,
) -> EvalResult:
    """Cluster a story dataset as a stream and score it (see the module docstring)."""
    # imported here: eval.run brings the parsing pipeline, which clustering doesn't need
    from storytrace.eval.run import EvalResult

    articles = load_stories(dataset, data_dir)[:limit]
    ordered = stream_order(articles)
    model = "TF-IDF + sentence embeddings" if embeddings else "TF-IDF"
    split = "tuning split" if dataset == "neus_train" else "held out (not tuned on)"
    lines = [f"Stories {dataset} ({split}): {len(articles)} articles, "
             f"{len({a.story for a in articles})} gold stories; model {model}"]  # fmt: skip
    scores: dict[str, float] = {}
    # as `storytrace add` of the file (batches of BATCH_SIZE), then a few at a time
    for prefix, batch in (("", BATCH_SIZE), (f"batch{SMALL_BATCH}.", SMALL_BATCH)):
        started = time.perf_counter()
        assigned = cluster_stream(ordered, story_index(embeddings=embeddings), batch)
        seconds = time.perf_counter() - started
        b3, pw = score_clusters(articles, assigned)
        batches = -(-len(articles) // batch)
        lines += [
            f"  {batches} batch{'es' if batches > 1 else ''} of up to {batch}: "
            f"{len(set(assigned.values()))} stories found, {seconds:.1f} s "
            f"({1000 * seconds / max(len(articles), 1):.2f} ms/article)",
            f"    B-cubed   {b3.line()}",
            f"    pairwise  {pw.line()}",
        ]
        scores |= {
            f"{prefix}bcubed.precision": b3.precision,
            f"{prefix}bcubed.recall": b3.recall,
            f"{prefix}bcubed.f1": b3.f1,
            f"{prefix}pairwise.precision": pw.precision,
            f"{prefix}pairwise.recall": pw.recall,
            f"{prefix}pairwise.f1": pw.f1,
        }
    lines.append(REFERENCE)
    return EvalResult(dataset, len(articles), scores, tuple(lines))
