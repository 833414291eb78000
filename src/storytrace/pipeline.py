"""The pipeline, written down once:

1. ingest   — read inputs into :class:`RawArticle` records (``storytrace.ingest``)
2. identify — hash the normalised text; an article already stored is skipped
              here, before any parsing, which is also what makes a crashed
              batch resume cheaply
3. parse    — spaCy, loaded once, ``nlp.pipe`` over batches
4. extract  — the configured stages (entities → attributions → times → events), each
              declaring what it requires and assigns (``storytrace.extract``)
5. store    — the article and its extraction in one transaction

Reports (``storytrace.report``) read what the store holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storytrace.config import Config, load_config
from storytrace.errors import InputError, PipelineError, StorytraceError
from storytrace.extract.base import ArticleWork, ExtractStage, check_order
from storytrace.ingest import FetchOptions, Metadata, read_inputs
from storytrace.nlp import load_model
from storytrace.records import Article, ArticleAnalysis, RawArticle
from storytrace.store import Store, text_key

if TYPE_CHECKING:
    import httpx
    from spacy.language import Language

__all__ = ["IngestSummary", "Pipeline", "Skipped", "build_stages", "ingest"]

#: called after each input item with the running summary
ProgressCallback = Callable[["IngestSummary"], None]


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input (or line, entry, record) that was not stored, and why."""

    input: str
    reason: str
    message: str


@dataclass(slots=True)
class IngestSummary:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.skipped)

    def line(self) -> str:
        text = (
            f"{len(self.added)} added, {len(self.unchanged)} unchanged, {len(self.skipped)} skipped"
        )
        if self.skipped:
            reasons: dict[str, int] = {}
            for skip in self.skipped:
                reasons[skip.reason] = reasons.get(skip.reason, 0) + 1
            text += " (" + ", ".join(f"{n} {r}" for r, n in sorted(reasons.items())) + ")"
        return text


def _stage_registry() -> dict[str, type[ExtractStage]]:
    from storytrace.extract.entities import EntityStage
    from storytrace.extract.events import EventStage
    from storytrace.extract.quotes import AttributionStage
    from storytrace.extract.time import TimeStage

    return {
        "entities": EntityStage,
        "attributions": AttributionStage,
        "times": TimeStage,
        "events": EventStage,
    }


def build_stages(names: Sequence[str]) -> list[ExtractStage]:
    """Instantiate the named extract stages and check their order."""
    registry = _stage_registry()
    unknown = [n for n in names if n not in registry]
    if unknown:
        raise PipelineError(
            f"unknown extract stage(s) {unknown}", hint=f"known stages: {', '.join(registry)}"
        )
    stages: list[ExtractStage] = [registry[name]() for name in names]
    check_order(stages)
    return stages


class Pipeline:
    """Parse and extract batches of articles. Build once; reuse for every batch."""

    def __init__(self, config: Config | None = None, nlp: Language | None = None) -> None:
        self.config = config or load_config()
        self.stages = build_stages(self.config.stages)
        self.nlp = nlp if nlp is not None else load_model(self.config.parse.model)

    def analyse(self, articles: Sequence[Article]) -> list[ArticleAnalysis]:
        """Parse ``articles`` with one ``nlp.pipe`` call and run every extract stage."""
        docs = self.nlp.pipe((a.text for a in articles), batch_size=self.config.parse.batch_size)
        results = []
        for article, doc in zip(articles, docs, strict=True):
            work = ArticleWork(article=article, doc=doc)
            for stage in self.stages:
                try:
                    stage.run(work)
                except StorytraceError:
                    raise
                except Exception as exc:  # a bug in a stage: name the article and stage
                    raise PipelineError(
                        f"stage {stage.name!r} failed: {exc!r}",
                        article=article.id,
                        input=article.input,
                        stage=stage.name,
                    ) from exc
            results.append(
                ArticleAnalysis(
                    article=article,
                    entities=tuple(work.entities or ()),
                    attributions=tuple(work.attributions or ()),
                    times=tuple(work.times or ()),
                    events=tuple(work.events or ()),
                )
            )
        return results


def ingest(
    inputs: Sequence[str],
    store: Store,
    *,
    pipeline: Pipeline | None = None,
    config: Config | None = None,
    metadata: Metadata | None = None,
    client: httpx.Client | None = None,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Read ``inputs``, analyse what is new, and store it. Bad inputs are skipped
    and listed in the summary; nothing already stored is touched."""
    config = config or (pipeline.config if pipeline else load_config())
    fetch = FetchOptions(
        timeout=config.fetch.timeout,
        max_bytes=config.fetch.max_bytes,
        max_redirects=config.fetch.max_redirects,
        user_agent=config.fetch.user_agent,
    )
    summary = IngestSummary()
    items = read_inputs(inputs, metadata=metadata or Metadata(), fetch=fetch, client=client)
    todo: list[tuple[Article, str | None]] = []

    def flush() -> None:
        nonlocal pipeline
        if todo:
            pipeline = pipeline or Pipeline(config)
            analyses = pipeline.analyse([a for a, _ in todo])
            for (article, source_id), analysis in zip(todo, analyses, strict=True):
                if store.save(analysis, source_id=source_id):
                    summary.added.append(article.id)
                else:
                    summary.unchanged.append(article.id)
            todo.clear()

    def handle(item: RawArticle | InputError) -> None:
        if isinstance(item, InputError):
            summary.skipped.append(Skipped(item.input or "?", item.reason, str(item)))
            return
        if len(item.text) > config.parse.max_chars:
            summary.skipped.append(
                Skipped(
                    item.input,
                    "too long",
                    (
                        f"{item.input}: article is {len(item.text):,} characters, more than "
                        f"parse.max_chars ({config.parse.max_chars:,})"
                    ),
                )
            )
            return
        key = text_key(item.text)
        # an article related to one still waiting in this batch (same text, URL or
        # id) must see it stored first, to be recognised as unchanged or a revision
        if any(
            key == a.key
            or (item.url and item.url == a.url)
            or (item.source_id and item.source_id == sid)
            for a, sid in todo
        ):
            flush()
        existing = store.id_for_key(key)
        if existing is not None:
            summary.unchanged.append(existing)
            return
        todo.append((store.identify(item, key), item.source_id))
        if len(todo) >= config.parse.batch_size:
            flush()

    for item in items:
        handle(item)
        if progress is not None:
            progress(summary)
    flush()
    if progress is not None:
        progress(summary)
    return summary
