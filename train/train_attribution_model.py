"""Train the attribution model shipped as ``src/storytrace/models/attribution.npz``.

Data: ``polnear_train.jsonl`` only (PolNeAR's training split, 840 articles);
the dev split is what ``storytrace eval quotes --dataset polnear-dev`` reports
and is never read here. GGT is never read either.

Steps:

1. parse the training articles with the project's spaCy model (or read them
   from ``--cache``, pickled docs with their tensors, written on a first run;
   or from a DocBin, ``--docbin``, whose docs get their ``tensor`` back from
   the model's tok2vec, which DocBin does not store);
2. align each gold attribution with the parse: its cue's syntactic head, and
   which of the candidate spans (``attribution_model_spans``) equals its gold
   content and source exactly;
3. fit three linear models (Adagrad, L2) over the hashed features of
   ``attribution_model_features``: cue, a logistic regression over every word
   that may head a cue; content, a ranker (softmax over each aligned gold
   cue's candidates); source, a logistic regression over every candidate;
4. report cue P/R/F1 and the share of content/source picked exactly on the
   last ``--holdout`` share of the training articles (fit on the rest), then
   refit on all training articles and write the weights as float16.

Run (CPU: parsing 2-4 minutes, features and fitting about 2.5 more on 2
shared cores; deterministic for a seed)::

    nice -n 10 .venv/bin/python train/train_attribution_model.py \\
        --data ../shared/data --cache /tmp/polnear-train.pkl
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from storytrace.eval.datasets import PolnearArticle, load_polnear
from storytrace.extract.attribution_model_features import (
    BUCKETS,
    content_rows,
    cue_features,
    hashed,
    is_cue_candidate,
    source_features,
)
from storytrace.extract.attribution_model_spans import (
    Parsed,
    content_candidates,
    quoted_tokens,
    source_candidates,
)
from storytrace.extract.quote_marks import find_quotes
from storytrace.nlp import load_model

OUTPUT = (
    Path(__file__).resolve().parent.parent / "src" / "storytrace" / "models" / "attribution.npz"
)
#: Adagrad step size, L2 strength and passes: the usual defaults for hashed
#: logistic regression; the held-out report moved < 0.5 F1 between 3 and 6 epochs
LEARNING_RATE = 0.1
L2 = 1e-6
EPOCHS = 5
BATCH = 256
#: gold cues per step of the content ranker
RANK_BATCH = 32


@dataclass
class Examples:
    """Rows of hashed features (and optional dense vectors) with 0/1 labels."""

    rows: list[list[int]] = field(default_factory=list)
    vectors: list[NDArray[np.float32]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)  # candidates of one cue share a group

    def add(self, features: list[str], label: bool, group: int = -1, vector: object = None) -> None:
        self.rows.append(hashed(features))
        self.labels.append(int(label))
        self.groups.append(group)
        if vector is not None:
            self.vectors.append(np.asarray(vector, dtype=np.float32))


@dataclass
class Data:
    cue: Examples = field(default_factory=Examples)
    content: Examples = field(default_factory=Examples)
    source: Examples = field(default_factory=Examples)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cue_head(doc: object, start: int, end: int) -> object | None:
    """The syntactic head of the gold cue span: the token whose head lies outside it."""
    tokens = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]  # type: ignore[attr-defined]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    outer = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in outer if t.pos_ in ("VERB", "AUX")]
    return (verbs or outer or tokens)[0]


def collect(articles: Sequence[PolnearArticle], docs: Sequence[object], data: Data) -> None:
    group = max(data.content.groups, default=-1) + 1
    for article, doc in zip(articles, docs, strict=True):
        text = article.text
        quotes = find_quotes(text)
        quoted = quoted_tokens(doc, quotes)  # type: ignore[arg-type]
        parsed = Parsed(doc, text, quotes)  # type: ignore[arg-type]
        gold: dict[int, list[tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]]] = {}
        for attribution in article.attributions:
            if not attribution.cue:
                continue
            head = _cue_head(doc, *attribution.cue[0])
            if head is None:
                continue
            content = tuple(_trim(text, s, e) for s, e in attribution.content)
            source = tuple(_trim(text, s, e) for s, e in attribution.source)
            gold.setdefault(head.i, []).append((content, source))  # type: ignore[attr-defined]
        tensor = doc.tensor  # type: ignore[attr-defined]
        for token in doc:  # type: ignore[attr-defined]
            if is_cue_candidate(token):
                data.cue.add(
                    cue_features(token, bool(quoted[token.i])),
                    token.i in gold,
                    vector=tensor[token.i],
                )
        for i, pairs in gold.items():
            cue = doc[i]  # type: ignore[index]
            contents = content_candidates(parsed, cue)
            sources = source_candidates(parsed, cue)
            for content, source in pairs:
                for candidate, row in zip(contents, content_rows(cue, contents), strict=True):
                    exact = content == ((candidate.start, candidate.end),)
                    data.content.add(row, exact, group)
                for candidate in sources:
                    exact = source == ((candidate.start, candidate.end),)
                    data.source.add(source_features(cue, candidate), exact, group)
                group += 1


def fit(
    examples: Examples, seed: int, dense: bool
) -> tuple[NDArray[np.float32], NDArray[np.float32] | None, float]:
    """Logistic regression by Adagrad over padded rows of bucket numbers."""
    rng = np.random.default_rng(seed)
    width = max(len(r) for r in examples.rows)
    index = np.zeros((len(examples.rows), width), dtype=np.int64)
    for n, row in enumerate(examples.rows):
        index[n, : len(row)] = row
    labels = np.asarray(examples.labels, dtype=np.float32)
    vectors = np.stack(examples.vectors) if dense else None
    weights = np.zeros(BUCKETS, dtype=np.float32)
    squares = np.full(BUCKETS, 1e-8, dtype=np.float32)
    dense_w = np.zeros(vectors.shape[1], dtype=np.float32) if vectors is not None else None
    dense_sq = np.full_like(dense_w, 1e-8) if dense_w is not None else None
    bias, bias_sq = 0.0, 1e-8
    for _ in range(EPOCHS):
        order = rng.permutation(len(labels))
        for lo in range(0, len(order), BATCH):
            batch = order[lo : lo + BATCH]
            rows = index[batch]
            logits = weights[rows].sum(axis=1) + bias
            if vectors is not None and dense_w is not None:
                logits += vectors[batch] @ dense_w
            error = 1.0 / (1.0 + np.exp(-logits)) - labels[batch]
            grad = np.zeros(BUCKETS, dtype=np.float32)
            np.add.at(grad, rows, np.repeat(error[:, None], rows.shape[1], axis=1))
            touched = np.unique(rows)
            g = grad[touched] + L2 * weights[touched]
            squares[touched] += g * g
            weights[touched] -= LEARNING_RATE * g / np.sqrt(squares[touched])
            weights[0] = 0.0  # padding
            gb = float(error.sum())
            bias_sq += gb * gb
            bias -= LEARNING_RATE * gb / np.sqrt(bias_sq)
            if vectors is not None and dense_w is not None and dense_sq is not None:
                gd = vectors[batch].T @ error + L2 * dense_w
                dense_sq += gd * gd
                dense_w -= LEARNING_RATE * gd / np.sqrt(dense_sq)
    return weights, dense_w, bias


def fit_ranker(
    examples: Examples, seed: int
) -> tuple[NDArray[np.float32], NDArray[np.float32] | None, float]:
    """A linear scorer trained with softmax cross-entropy over each gold cue's
    candidates (groups with no right candidate teach nothing and are skipped)."""
    rng = np.random.default_rng(seed)
    members: dict[int, list[int]] = {}
    for n, g in enumerate(examples.groups):
        members.setdefault(g, []).append(n)
    labels = np.asarray(examples.labels, dtype=np.float32)
    groups = [m for m in members.values() if labels[m].sum() > 0]
    width = max(len(r) for r in examples.rows)
    index = np.zeros((len(examples.rows), width), dtype=np.int64)
    for n, row in enumerate(examples.rows):
        index[n, : len(row)] = row
    weights = np.zeros(BUCKETS, dtype=np.float32)
    squares = np.full(BUCKETS, 1e-8, dtype=np.float32)
    for _ in range(EPOCHS):
        order = rng.permutation(len(groups))
        for lo in range(0, len(order), RANK_BATCH):
            chosen = [groups[k] for k in order[lo : lo + RANK_BATCH]]
            rows_n = np.concatenate([np.asarray(m) for m in chosen])
            starts = np.cumsum([0] + [len(m) for m in chosen[:-1]])
            segment = np.repeat(np.arange(len(chosen)), [len(m) for m in chosen])
            rows = index[rows_n]
            logits = weights[rows].sum(axis=1)
            top = np.maximum.reduceat(logits, starts)
            exp = np.exp(logits - top[segment])
            prob = exp / np.add.reduceat(exp, starts)[segment]
            target = labels[rows_n] / np.add.reduceat(labels[rows_n], starts)[segment]
            error = prob - target
            grad = np.zeros(BUCKETS, dtype=np.float32)
            np.add.at(grad, rows, np.repeat(error[:, None], rows.shape[1], axis=1))
            touched = np.unique(rows)
            g = grad[touched] + L2 * weights[touched]
            squares[touched] += g * g
            weights[touched] -= LEARNING_RATE * g / np.sqrt(squares[touched])
            weights[0] = 0.0
    return weights, None, 0.0


def _probabilities(
    examples: Examples, model: tuple[NDArray[np.float32], NDArray[np.float32] | None, float]
) -> NDArray[np.float32]:
    weights, dense_w, bias = model
    width = max(len(r) for r in examples.rows)
    index = np.zeros((len(examples.rows), width), dtype=np.int64)
    for n, row in enumerate(examples.rows):
        index[n, : len(row)] = row
    logits = weights[index].sum(axis=1) + bias
    if dense_w is not None:
        logits += np.stack(examples.vectors) @ dense_w
    return 1.0 / (1.0 + np.exp(-logits))  # type: ignore[no-any-return]


def report(
    name: str,
    examples: Examples,
    model: tuple[NDArray[np.float32], NDArray[np.float32] | None, float],
) -> None:
    p = _probabilities(examples, model)
    y = np.asarray(examples.labels)
    if name == "cue":
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
            pred = p >= threshold
            tp = int((pred & (y == 1)).sum())
            prec, rec = tp / max(pred.sum(), 1), tp / max(y.sum(), 1)
            f1 = 2 * prec * rec / max(prec + rec, 1e-9)
            scores = f"P {100 * prec:.1f} R {100 * rec:.1f} F1 {100 * f1:.1f}"
            print(f"  cue  threshold {threshold}: {scores}")
        return
    groups: dict[int, list[int]] = {}
    for n, g in enumerate(examples.groups):
        groups.setdefault(g, []).append(n)
    for threshold in (0.0,) if name == "content" else (0.0, 0.2, 0.3, 0.4, 0.5):
        right = 0
        for members in groups.values():
            best = max(members, key=lambda n: p[n])
            has_gold = any(y[n] for n in members)
            if p[best] >= threshold:
                right += int(y[best] == 1)
            else:
                right += int(not has_gold)
        share = 100 * right / max(len(groups), 1)
        print(
            f"  {name} threshold {threshold}: exact pick {share:.1f} % of {len(groups)} gold cues"
        )


def _fit(
    name: str, examples: Examples, seed: int
) -> tuple[NDArray[np.float32], NDArray[np.float32] | None, float]:
    """Content is ranked (one right span among a cue's candidates); cue and source
    are yes/no per candidate (a source may be absent: its probability decides)."""
    if name == "content":
        return fit_ranker(examples, seed)
    return fit(examples, seed, dense=name == "cue")


def parse(articles: Sequence[PolnearArticle], docbin: Path | None, cache: Path | None) -> list[Any]:
    """The parses of ``articles``, with the tok2vec tensor each model input reads;
    from ``cache`` (pickled ``Doc`` bytes, written on the first run) when given."""
    nlp = load_model()
    from spacy.tokens import Doc

    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            docs = [Doc(nlp.vocab).from_bytes(b) for b in pickle.load(handle)]
    elif docbin is None:
        docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    else:
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
        tok2vec = nlp.get_pipe("tok2vec")
        docs = list(tok2vec.pipe(docs, batch_size=32))
    for article, doc in zip(articles, docs, strict=True):
        if doc.text != article.text:
            sys.exit(f"the parses given do not match these articles (first: {article.id})")
    if cache is not None and not cache.exists():
        with cache.open("wb") as handle:
            pickle.dump([d.to_bytes(exclude=["user_data"]) for d in docs], handle)
    return docs


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", type=Path, default=Path("../shared/data"), help="shared/data folder"
    )
    parser.add_argument("--docbin", type=Path, help="parses of polnear_train (spaCy DocBin)")
    parser.add_argument(
        "--cache", type=Path, help="pickled parses with tensors: read if present, else written"
    )
    parser.add_argument(
        "--report-only", action="store_true", help="held-out report, no refit and no write"
    )
    parser.add_argument(
        "--write-held-out",
        action="store_true",
        help="write the model fitted without the held-out part (to study its errors)",
    )
    parser.add_argument("--holdout", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    started = time.monotonic()
    articles = load_polnear("train", args.data)
    docs = parse(articles, args.docbin, args.cache)
    print(f"parsed {len(articles)} articles in {time.monotonic() - started:.0f} s")
    cut = int(len(articles) * (1 - args.holdout))
    fitted, held = Data(), Data()
    collect(articles[:cut], docs[:cut], fitted)
    collect(articles[cut:], docs[cut:], held)
    print(f"held-out report ({len(articles) - cut} articles), fit on {cut}:")
    held_models = {}
    for name in ("cue", "content", "source"):
        held_models[name] = _fit(name, getattr(fitted, name), args.seed)
        report(name, getattr(held, name), held_models[name])
    if args.report_only:
        return
    models = held_models
    if not args.write_held_out:
        everything = Data()
        collect(articles, docs, everything)
        models = {name: _fit(name, getattr(everything, name), args.seed) for name in models}
    arrays: dict[str, NDArray[np.float32]] = {}
    for name, (weights, dense_w, bias) in models.items():
        arrays[f"{name}_weights"] = weights.astype(np.float16)
        arrays[f"{name}_bias"] = np.asarray([bias], dtype=np.float32)
        if dense_w is not None:
            arrays[f"{name}_dense"] = dense_w.astype(np.float32)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.output, **arrays)
    size = args.output.stat().st_size / 1e6
    print(f"wrote {args.output} ({size:.1f} MB) in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
