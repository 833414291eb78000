"""The Giveme5W1H gold standard (Hamborg et al.): the main event of 96 news articles.

Each article (``data/*.json`` under ``events/giveme5w1h``) carries the phrases
three coders chose as its who / what / when / where / why / how, each with how
many of them chose it (``coderPhraseCount``), and for "when" the date it
means (``parsed``). A phrase without text records that the coders agreed the
article has no answer for that question.

Splits, by story (the corpus has 12 stories, 3 to 12 articles each), so that
no story is in both: ``dev`` (what the event rules may be tuned on) and
``test`` (held out: reported, never tuned on). Stories alternate between the
two in alphabetical order; the one article without a story is in ``dev``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from storytrace.errors import InputNotFound, MalformedInput

__all__ = [
    "DEV_STORIES",
    "FIELDS",
    "SPLITS",
    "TEST_STORIES",
    "FiveWDocument",
    "GoldPhrase",
    "load_giveme5w1h",
]

Field = Literal["who", "what", "when", "where"]
#: the questions scored (why and how are not extracted)
FIELDS: Final[tuple[Field, ...]] = ("who", "what", "when", "where")
SPLITS: Final = ("all", "dev", "test")
DEV_STORIES: Final = frozenset({
    "china well", "clinton clear", "cubs win championship", "gaga protests",
    "toberone-gate", "tram victims", "",
})  # fmt: skip
TEST_STORIES: Final = frozenset({
    "clinton blames comey", "consulate attack", "f1", "seattle shooting", "tram",
    "trump and obama",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class GoldPhrase:
    """A phrase coders chose; ``text`` None: they agreed there is none."""

    text: str | None
    coders: int
    parsed: str | None = None


@dataclass(frozen=True, slots=True)
class FiveWDocument:
    id: str
    story: str
    title: str
    text: str
    published: str | None
    answers: dict[Field, tuple[GoldPhrase, ...]]


def _document(path: Path) -> FiveWDocument:
    try:
        row = json.loads(path.read_text(encoding="utf-8"))
        answers: dict[Field, tuple[GoldPhrase, ...]] = {}
        for field in FIELDS:
            answers[field] = tuple(
                GoldPhrase(
                    text=(a.get("text") or "").strip() or None,
                    coders=int(a.get("coderPhraseCount") or 0),
                    parsed=a.get("parsed"),
                )
                for a in row["fiveWoneH"][field]["annotated"]
            )
        published = (row.get("date_publish") or "").strip() or None
        return FiveWDocument(
            id=str(row["dId"]),
            story=row.get("category") or "",
            title=(row.get("title") or "").strip(),
            text=row["text"],
            published=published.replace(" ", "T") if published else None,
            answers=answers,
        )
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise MalformedInput(f"not a Giveme5W1H document ({exc!r})", input=str(path)) from exc


def load_giveme5w1h(split: str, data_dir: Path) -> list[FiveWDocument]:
    """The articles of ``split`` ("all", "dev" or "test"), in file-name order."""
    folder = data_dir / "events" / "giveme5w1h" / "data"
    if not folder.is_dir():
        raise InputNotFound(
            "dataset giveme5w1h not found",
            input=str(folder),
            hint="pass --data-dir pointing at shared/data",
        )
    docs = [_document(p) for p in sorted(folder.glob("*.json"))]
    if split == "dev":
        return [d for d in docs if d.story in DEV_STORIES or d.story not in TEST_STORIES]
    if split == "test":
        return [d for d in docs if d.story in TEST_STORIES]
    return docs
