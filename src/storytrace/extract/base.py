"""The extract-stage contract: what a stage needs, what it adds.

Each extract stage is a class with ``name``, ``requires`` and ``assigns`` (sets
of slot names of :class:`ArticleWork`) and a ``run(work)`` method that fills
the slots it assigns. :func:`check_order` refuses a pipeline in which a stage
requires a slot that no earlier stage (or the parser) provides, so a
misordered pipeline fails when it is built, not with an AttributeError later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

from storytrace.errors import PipelineError
from storytrace.records import Article, Attribution, Entity, Event, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PROVIDED_BY_PARSE", "ArticleWork", "ExtractStage", "check_order"]

#: slots filled before any extract stage runs
PROVIDED_BY_PARSE = frozenset({"article", "doc"})


@dataclass(slots=True)
class ArticleWork:
    """One article on its way through the extract stages; ``None`` = not yet assigned."""

    article: Article
    doc: Doc
    entities: list[Entity] | None = None
    attributions: list[Attribution] | None = None
    times: list[TimeExpression] | None = None
    events: list[Event] | None = None


class ExtractStage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    assigns: ClassVar[frozenset[str]]

    def run(self, work: ArticleWork) -> None: ...


def check_order(stages: Sequence[ExtractStage]) -> None:
    """Raise :class:`PipelineError` when a stage needs a slot nothing before it assigns."""
    available = set(PROVIDED_BY_PARSE)
    for stage in stages:
        missing = stage.requires - available
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {sorted(missing)} but no earlier stage assigns it",
                stage=stage.name,
                hint="reorder [extract] stages in the config",
            )
        available |= stage.assigns
