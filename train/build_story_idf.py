"""Build the IDF prior of story clustering: ``src/storytrace/models/story_idf.npz``.

    .venv/bin/python train/build_story_idf.py [--data ../shared/data]

Counts, over the articles of ``neus_train`` only (7,356), in how many articles
each term of each space (body, title, names; see ``link/story_features.py``)
occurs. The file keeps 64-bit hashes of the terms and their counts, no text.
Deterministic; a few seconds. neus_val, basil and pac are not read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storytrace.eval.stories import load_stories  # noqa: E402
from storytrace.link.story_features import article_terms  # noqa: E402
from storytrace.link.story_prior import PRIOR_FILE, IdfPrior  # noqa: E402

OUTPUT = ROOT / "src" / "storytrace" / "models" / PRIOR_FILE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    articles = load_stories("neus_train", args.data)
    prior = IdfPrior.from_terms(article_terms(a.title, a.text) for a in articles)
    prior.save(args.output)
    sizes = ", ".join(f"{space} {len(c)}" for space, c in prior.counts.items())
    print(f"{prior.documents} articles; terms: {sizes}; wrote {args.output}")
    print(f"{args.output.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
