"""Shared fixtures: the spaCy model (loaded once), and paths to ../shared."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from storytrace.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """The two seed articles, by file stem; skips when ../shared is absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"real-data test: {SEEDS} is absent")
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
