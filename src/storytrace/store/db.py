"""The store: open (and migrate) a database, save analyses atomically, load them back.

An article is identified by the SHA-256 of its normalised text (``text_key``):
saving an article whose key is already stored changes nothing. A new text for
a URL (or JSONL id) already stored becomes a new article linked to the newest
earlier one by ``revision_of``. Each article and everything extracted from it
is written in one transaction, so an interrupted batch leaves only whole
articles behind and re-running it resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa

from storytrace.errors import NotFound, StoreError
from storytrace.records import (
    Article,
    ArticleAnalysis,
    Attribution,
    Entity,
    RawArticle,
    Span,
    Speaker,
    TimeExpression,
)
from storytrace.store import schema
from storytrace.store.event_rows import insert_events, load_events
from storytrace.store.migrations import apply_migrations

__all__ = ["Store", "article_from_row", "database_url", "text_key"]

_SPACES = re.compile(r"\s+")
#: length of the key prefix used as the public id of articles with no id of their own
ID_HEX_CHARS = 16


def text_key(text: str) -> str:
    """SHA-256 of the text after Unicode NFC and whitespace collapsing."""
    normalised = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def database_url(target: str) -> str:
    """A SQLAlchemy URL for ``target``: a URL as is, ``:memory:``, or a file path."""
    if "://" in target:
        return target
    if target == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(target).expanduser()}"


def _enable_sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Store:
    """A storytrace database. Use as a context manager or call :meth:`close`."""

    def __init__(self, target: str = "storytrace.db") -> None:
        self.target = target
        url = database_url(target)
        try:
            if url.startswith("sqlite:///"):
                Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
            self.engine = sa.create_engine(url)
            if self.engine.dialect.name == "sqlite":
                sa.event.listen(self.engine, "connect", _enable_sqlite_pragmas)
            self.version = apply_migrations(self.engine)
        except sa.exc.SQLAlchemyError as exc:
            cause = getattr(exc, "orig", None) or exc
            raise StoreError(
                f"cannot open database ({exc.__class__.__name__}: {cause})",
                input=target,
                stage="store",
            ) from exc
        except OSError as exc:
            raise StoreError(
                f"cannot open database ({exc.strerror})", input=target, stage="store"
            ) from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- identification -------------------------------------------------------------

    def id_for_key(self, key: str) -> str | None:
        """The id of the stored article with this text key, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(schema.articles.c.id).where(schema.articles.c.key == key)
            ).first()
        return None if row is None else str(row.id)

    def identify(self, raw: RawArticle, key: str | None = None) -> Article:
        """The Article ``raw`` would be stored as: its id and the revision it replaces."""
        key = key or text_key(raw.text)
        t = schema.articles
        previous: str | None = None
        with self.engine.connect() as conn:
            for column, value in ((t.c.source_id, raw.source_id), (t.c.url, raw.url)):
                if value is None:
                    continue
                row = conn.execute(
                    sa.select(t.c.id).where(column == value).order_by(t.c.seq.desc()).limit(1)
                ).first()
                if row is not None:
                    previous = str(row.id)
                    break
            wanted = raw.source_id or key[:ID_HEX_CHARS]
            taken = conn.execute(sa.select(t.c.id).where(t.c.id == wanted)).first()
        article_id = wanted if taken is None else f"{wanted}~{key[:8]}"
        return Article(
            id=article_id,
            key=key,
            input=raw.input,
            text=raw.text,
            title=raw.title,
            outlet=raw.outlet,
            url=raw.url,
            published=raw.published,
            author=raw.author,
            revision_of=previous,
        )

    # -- writing ----------------------------------------------------------------------

    def save(self, analysis: ArticleAnalysis, *, source_id: str | None = None) -> bool:
        """Store an article and its extraction in one transaction.

        Returns False (and writes nothing) when an article with the same text key
        is already stored.
        """
        a = analysis.article
        try:
            with self.engine.begin() as conn:
                exists = conn.execute(
                    sa.select(schema.articles.c.id).where(schema.articles.c.key == a.key)
                ).first()
                if exists is not None:
                    return False
                seq = (
                    conn.execute(
                        sa.select(sa.func.coalesce(sa.func.max(schema.articles.c.seq), 0))
                    ).scalar_one()
                    + 1
                )
                conn.execute(
                    schema.articles.insert().values(
                        id=a.id,
                        key=a.key,
                        input=a.input,
                        url=a.url,
                        source_id=source_id,
                        outlet=a.outlet,
                        title=a.title,
                        published=a.published,
                        author=a.author,
                        text=a.text,
                        revision_of=a.revision_of,
                        seq=seq,
                    )
                )
                self._insert_extraction(conn, analysis)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(
                f"cannot save article ({exc.__class__.__name__})",
                article=a.id,
                input=a.input,
                stage="store",
            ) from exc
        return True

    @staticmethod
    def _insert_extraction(conn: sa.Connection, analysis: ArticleAnalysis) -> None:
        if analysis.entities:
            conn.execute(
                schema.entities.insert(),
                [
                    {
                        "id": e.id,
                        "article": e.article,
                        "name": e.name,
                        "type": e.type,
                        "aliases": list(e.aliases),
                        "mentions": [[m.start, m.end] for m in e.mentions],
                    }
                    for e in analysis.entities
                ],
            )
        if analysis.attributions:
            conn.execute(
                schema.attributions.insert(),
                [
                    {
                        "id": q.id,
                        "article": q.article,
                        "kind": q.kind,
                        "content_start": q.content.start,
                        "content_end": q.content.end,
                        "cue_start": q.cue.start if q.cue else None,
                        "cue_end": q.cue.end if q.cue else None,
                        "cue_lemma": q.cue_lemma,
                        "source_start": q.source.start if q.source else None,
                        "source_end": q.source.end if q.source else None,
                        "speaker_entity": q.speaker.entity,
                        "speaker_name": q.speaker.name,
                        "speaker_anonymous": q.speaker.anonymous,
                        "speaker_description": q.speaker.description,
                        "scope": q.scope,
                        "addressee_start": q.addressee.start if q.addressee else None,
                        "addressee_end": q.addressee.end if q.addressee else None,
                        "channel_start": q.channel.start if q.channel else None,
                        "channel_end": q.channel.end if q.channel else None,
                        "hedge_start": q.hedge.start if q.hedge else None,
                        "hedge_end": q.hedge.end if q.hedge else None,
                        "continues": q.continues,
                        "repeats": q.repeats,
                    }
                    for q in analysis.attributions
                ],
            )
        if analysis.times:
            conn.execute(
                schema.times.insert(),
                [
                    {
                        "article": t.article,
                        "start": t.start,
                        "end": t.end,
                        "type": t.type,
                        "value": t.value,
                        "anchored": t.anchored,
                    }
                    for t in analysis.times
                ],
            )
        insert_events(conn, analysis.events)

    # -- reading ----------------------------------------------------------------------

    def articles(self) -> list[Article]:
        """Every stored article, in the order they were added."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(schema.articles).order_by(schema.articles.c.seq))
            return [article_from_row(row) for row in rows]

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(sa.select(sa.func.count()).select_from(schema.articles)).scalar_one()
            )

    def article(self, article_id: str) -> Article:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(schema.articles).where(schema.articles.c.id == article_id)
            ).first()
        if row is None:
            raise NotFound(
                f"no article with id {article_id!r}",
                article=article_id,
                hint="`storytrace list` shows the stored ids",
            )
        return article_from_row(row)

    def analysis(self, article_id: str) -> ArticleAnalysis:
        return self._load(self.article(article_id))

    def analyses(self) -> Iterator[ArticleAnalysis]:
        for article in self.articles():
            yield self._load(article)

    def _load(self, article: Article) -> ArticleAnalysis:
        text = article.text

        def span(start: int | None, end: int | None) -> Span | None:
            return None if start is None or end is None else Span(start, end, text[start:end])

        with self.engine.connect() as conn:
            ents = conn.execute(
                sa.select(schema.entities)
                .where(schema.entities.c.article == article.id)
                .order_by(schema.entities.c.id)
            )
            entities = [
                Entity(
                    id=r.id,
                    article=r.article,
                    name=r.name,
                    type=r.type,
                    aliases=tuple(r.aliases),
                    mentions=tuple(Span(s, e, text[s:e]) for s, e in r.mentions),
                )
                for r in ents
            ]
            quotes = conn.execute(
                sa.select(schema.attributions).where(schema.attributions.c.article == article.id)
            )
            attributions = [
                Attribution(
                    id=r.id,
                    article=r.article,
                    kind=r.kind,
                    content=Span(
                        r.content_start, r.content_end, text[r.content_start : r.content_end]
                    ),
                    cue=span(r.cue_start, r.cue_end),
                    source=span(r.source_start, r.source_end),
                    speaker=Speaker(
                        entity=r.speaker_entity,
                        name=r.speaker_name,
                        anonymous=bool(r.speaker_anonymous),
                        description=r.speaker_description,
                    ),
                    cue_lemma=r.cue_lemma,
                    scope=r.scope or "statement",
                    addressee=span(r.addressee_start, r.addressee_end),
                    channel=span(r.channel_start, r.channel_end),
                    hedge=span(r.hedge_start, r.hedge_end),
                    continues=r.continues,
                    repeats=r.repeats,
                )
                for r in quotes
            ]
            time_rows = conn.execute(
                sa.select(schema.times)
                .where(schema.times.c.article == article.id)
                .order_by(schema.times.c.id)
            )
            times = [
                TimeExpression(
                    article=r.article,
                    start=r.start,
                    end=r.end,
                    text=text[r.start : r.end],
                    type=r.type,
                    value=r.value,
                    anchored=bool(r.anchored),
                )
                for r in time_rows
            ]
            events = load_events(conn, article.id, text)
        entities.sort(key=lambda e: int(e.id.rsplit(":e", 1)[-1]) if ":e" in e.id else 0)
        attributions.sort(key=lambda q: (q.content.start, q.id))
        return ArticleAnalysis(
            article=article,
            entities=tuple(entities),
            attributions=tuple(attributions),
            times=tuple(times),
            events=events,
        )


def article_from_row(row: sa.Row[Any]) -> Article:
    """An :class:`Article` from a row of ``articles`` (every column selected)."""
    return Article(
        id=row.id,
        key=row.key,
        input=row.input,
        text=row.text,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        published=row.published,
        author=row.author,
        revision_of=row.revision_of,
    )
