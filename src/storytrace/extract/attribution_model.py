"""The trained attribution model: which words are cues, which spans their content and source.

Three linear models over hashed features (:mod:`attribution_model_features`),
trained on the PolNeAR training split by ``train/train_attribution_model.py``
and shipped as ``storytrace/models/attribution.npz`` (float16 weights, < 2 MB):

* **cue** — for each word that may head a cue (:func:`is_cue_candidate`), the
  probability that it reports someone's statement, belief or finding; it also
  reads the parser's context vector of the word;
* **content** — a score for each candidate span the parse offers around a cue
  (:func:`content_candidates`); the best one is the content;
* **source** — the same over :func:`source_candidates`; below
  :data:`SOURCE_MIN_PROBABILITY` the attribution has no source.

Loading is lazy and cached; the arithmetic is numpy over a few hundred words
per article, a small share of the time spaCy's parse takes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

import numpy as np

from storytrace.errors import ModelError
from storytrace.extract.attribution_model_features import (
    content_rows,
    cue_features,
    hashed,
    is_cue_candidate,
    source_features,
)
from storytrace.extract.attribution_model_spans import Candidate

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from spacy.tokens import Doc, Token

__all__ = [
    "CUE_MIN_PROBABILITY",
    "MODEL_FILE",
    "SOURCE_MIN_PROBABILITY",
    "AttributionModel",
    "load_attribution_model",
    "read_attribution_model",
]

#: the shipped weights, inside the package
MODEL_FILE: Final = "attribution.npz"
#: a word is a cue from this probability on; the best cue F1 on the 10 % of
#: PolNeAR train held out by the training recipe (swept 0.3-0.7: F1 78.6 at 0.4)
CUE_MIN_PROBABILITY: Final = 0.4
#: below this the best source candidate is refused and the attribution has none
#: (PolNeAR "Attribution-no-source"); swept 0.2-0.5 on the same held-out part of
#: train: 0.3-0.5 within 0.3 points, 0.3 keeps the most sources
SOURCE_MIN_PROBABILITY: Final = 0.3


def _sigmoid(x: NDArray[np.float32]) -> NDArray[np.float32]:
    return np.asarray(1.0 / (1.0 + np.exp(-x)), dtype=np.float32)


@dataclass(frozen=True, slots=True)
class _Linear:
    """``sigmoid(sum of hashed weights + dense · vector + bias)``."""

    weights: NDArray[np.float32]
    dense: NDArray[np.float32] | None
    bias: float

    def scores(
        self, rows: Sequence[list[str]], vectors: NDArray[np.float32] | None = None
    ) -> NDArray[np.float32]:
        if not rows:
            return np.zeros(0, dtype=np.float32)
        width = max(len(r) for r in rows)
        index = np.zeros((len(rows), width), dtype=np.int64)  # bucket 0 weighs nothing
        for n, row in enumerate(rows):
            index[n, : len(row)] = hashed(row)
        logits = self.weights[index].sum(axis=1) + self.bias
        if self.dense is not None and vectors is not None:
            logits = logits + vectors @ self.dense
        return _sigmoid(logits.astype(np.float32))


class AttributionModel:
    """The three trained models; build with :func:`load_attribution_model`."""

    def __init__(self, cue: _Linear, content: _Linear, source: _Linear) -> None:
        self._cue = cue
        self._content = content
        self._source = source

    def cues(self, doc: Doc, quoted: bytearray) -> dict[int, float]:
        """Probability of being a cue, for each word of ``doc`` that may be one."""
        tokens = [t for t in doc if is_cue_candidate(t)]
        if not tokens:
            return {}
        rows = [cue_features(t, bool(quoted[t.i])) for t in tokens]
        vectors = None
        tensor = doc.tensor
        dense = self._cue.dense
        # the parser's context vectors, when this doc carries them in the trained width
        if dense is not None and tensor is not None and tensor.shape == (len(doc), len(dense)):
            vectors = np.asarray(tensor[[t.i for t in tokens]], dtype=np.float32)
        probabilities = self._cue.scores(rows, vectors)
        return {t.i: float(p) for t, p in zip(tokens, probabilities, strict=True)}

    def content(self, cue: Token, candidates: Sequence[Candidate]) -> Candidate | None:
        """The likeliest content of ``cue`` among ``candidates``."""
        if not candidates:
            return None
        scores = self._content.scores(content_rows(cue, candidates))
        return candidates[int(np.argmax(scores))]

    def source(self, cue: Token, candidates: Sequence[Candidate]) -> Candidate | None:
        """The likeliest source of ``cue``, or None when none is likely enough."""
        if not candidates:
            return None
        scores = self._source.scores([source_features(cue, c) for c in candidates])
        best = int(np.argmax(scores))
        return candidates[best] if scores[best] >= SOURCE_MIN_PROBABILITY else None


def _linear(data: dict[str, NDArray[np.float32]], name: str) -> _Linear:
    dense = data.get(f"{name}_dense")
    return _Linear(
        weights=np.asarray(data[f"{name}_weights"], dtype=np.float32),
        dense=None if dense is None else np.asarray(dense, dtype=np.float32),
        bias=float(data[f"{name}_bias"][0]),
    )


def read_attribution_model(source: IO[bytes] | Path) -> AttributionModel:
    """The model in the ``.npz`` file ``source`` (the training recipe's output)."""
    with np.load(source) as archive:
        data = {key: archive[key] for key in archive.files}
    return AttributionModel(_linear(data, "cue"), _linear(data, "content"), _linear(data, "source"))


@lru_cache(maxsize=1)
def load_attribution_model() -> AttributionModel:
    """The shipped model, loaded once per process."""
    resource = resources.files("storytrace.models").joinpath(MODEL_FILE)
    try:
        with resource.open("rb") as handle:
            return read_attribution_model(handle)
    except (FileNotFoundError, OSError, KeyError, ValueError) as exc:
        raise ModelError(
            f"the attribution model {MODEL_FILE} is missing or unreadable: {exc}",
            stage="attributions",
            hint="reinstall storytrace, or rebuild it with train/train_attribution_model.py",
        ) from exc
