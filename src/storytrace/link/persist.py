"""Reading and writing what linking keeps in the store (tables of migration 3)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa

from storytrace.errors import StoreError
from storytrace.link.records import CopyPair, Passage, Story
from storytrace.link.stories import build_stories
from storytrace.link.story_index import Assignment
from storytrace.records import Article, Span
from storytrace.store import Store, schema
from storytrace.store.db import article_from_row
from storytrace.store.link_tables import (
    article_signatures,
    copy_pairs,
    link_state,
    stories,
    story_articles,
)

__all__ = [
    "STORY_STATE",
    "articles_by_id",
    "load_copy_pairs",
    "load_state",
    "load_stories",
    "newest_signed",
    "pending_articles",
    "save_batch",
    "save_state",
    "signatures",
    "story_ids",
    "story_of",
]

#: the ``link_state`` row of the story index
STORY_STATE = "stories"


def pending_articles(
    store: Store, batch: int, after: int = -1
) -> Iterator[tuple[list[Article], dict[str, int]]]:
    """Articles not yet linked with ``seq`` above ``after``, in the order they were
    stored, ``batch`` at a time, with their ``seq``. Each batch is read after the
    previous one was saved."""
    t = schema.articles
    while True:
        with store.engine.connect() as conn:
            rows = conn.execute(
                sa.select(t)
                .where(t.c.seq > after)
                .where(~sa.exists().where(story_articles.c.article == t.c.id))
                .order_by(t.c.seq)
                .limit(batch)
            ).all()
        if not rows:
            return
        after = rows[-1].seq
        yield [article_from_row(r) for r in rows], {r.id: int(r.seq) for r in rows}


def articles_by_id(store: Store, ids: Sequence[str]) -> dict[str, Article]:
    """Stored articles with these ids (unknown ids are left out)."""
    found: dict[str, Article] = {}
    wanted = sorted(set(ids))
    with store.engine.connect() as conn:
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            rows = conn.execute(sa.select(schema.articles).where(schema.articles.c.id.in_(part)))
            found.update((r.id, article_from_row(r)) for r in rows)
    return found


def story_ids(store: Store) -> dict[str, int]:
    """Every story id, with the ``seq`` of the article that opened it."""
    with store.engine.connect() as conn:
        return {r.id: int(r.seq) for r in conn.execute(sa.select(stories.c.id, stories.c.seq))}


def newest_signed(store: Store) -> str | None:
    """The latest publication date among articles with a signature."""
    t = schema.articles
    with store.engine.connect() as conn:
        return conn.execute(
            sa.select(sa.func.max(t.c.published)).join(
                article_signatures, article_signatures.c.article == t.c.id
            )
        ).scalar()


def signatures(store: Store, since: str | None = None) -> Iterator[tuple[str, str | None, bytes]]:
    """Stored MinHash signatures with their article's publication date, streamed in
    the order the articles were stored; with ``since`` (an ISO date), only those
    published since then or undated (ISO dates compare as strings)."""
    t = schema.articles
    query = (
        sa.select(article_signatures.c.article, t.c.published, article_signatures.c.signature)
        .join(t, t.c.id == article_signatures.c.article)
        .order_by(t.c.seq)
    )
    if since is not None:
        undated = sa.or_(t.c.published.is_(None), t.c.published == "")
        query = query.where(sa.or_(t.c.published >= since, undated))
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True).execute(query)
        for row in result:
            yield row.article, row.published, bytes(row.signature)


def load_state(store: Store, name: str = STORY_STATE) -> tuple[dict[str, Any] | None, int]:
    """A saved index state and the last article ``seq`` it includes."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(link_state).where(link_state.c.name == name)).first()
    if row is None:
        return None, -1
    try:
        return json.loads(zlib.decompress(row.data)), int(row.seq)
    except (zlib.error, ValueError) as exc:
        raise StoreError(
            f"the saved link state {name!r} is unreadable ({exc})",
            input=store.target,
            stage="link",
            hint="delete its row from link_state to rebuild it from the stored stories",
        ) from exc


def save_state(store: Store, state: dict[str, Any], seq: int, name: str = STORY_STATE) -> None:
    data = zlib.compress(json.dumps(state, separators=(",", ":")).encode("utf-8"), 6)
    with store.engine.begin() as conn:
        conn.execute(link_state.delete().where(link_state.c.name == name))
        conn.execute(link_state.insert().values(name=name, seq=seq, data=data))


def _passages_json(pair: CopyPair) -> list[list[Any]]:
    return [
        [
            p.op,
            p.a.start if p.a else None,
            p.a.end if p.a else None,
            p.b.start if p.b else None,
            p.b.end if p.b else None,
        ]
        for p in pair.passages
    ]


def save_batch(
    store: Store,
    assignments: Sequence[Assignment],
    labels: dict[str, str],
    seq: dict[str, int],
    pairs: Sequence[CopyPair],
    signature_rows: Sequence[tuple[str, bytes]],
) -> None:
    """One batch's stories, copy pairs and signatures, in one transaction."""
    try:
        with store.engine.begin() as conn:
            opened = [a for a in assignments if a.opened]
            if opened:
                conn.execute(
                    stories.insert(),
                    [
                        {
                            "id": a.story,
                            "label": labels[a.story],
                            "opened_by": a.article,
                            "seq": seq[a.article],
                        }
                        for a in opened
                    ],
                )
            if assignments:
                conn.execute(
                    story_articles.insert(),
                    [
                        {"article": a.article, "story": a.story, "score": a.score}
                        for a in assignments
                    ],
                )
            if pairs:
                conn.execute(
                    copy_pairs.insert(),
                    [
                        {
                            "a": p.a,
                            "b": p.b,
                            "kind": p.kind,
                            "original": p.original,
                            "resemblance": p.resemblance,
                            "verbatim": p.verbatim,
                            "aligned": p.aligned,
                            "passages": _passages_json(p),
                        }
                        for p in pairs
                    ],
                )
            if signature_rows:
                conn.execute(
                    article_signatures.insert(),
                    [{"article": a, "signature": s} for a, s in signature_rows],
                )
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(
            f"cannot save links ({exc.__class__.__name__})", input=store.target, stage="link"
        ) from exc


def story_of(store: Store, after_seq: int) -> list[tuple[str, str, int]]:
    """(article, story, seq) of the articles linked with ``seq`` above ``after_seq``."""
    t = schema.articles
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(story_articles.c.article, story_articles.c.story, t.c.seq)
            .join(t, t.c.id == story_articles.c.article)
            .where(t.c.seq > after_seq)
            .order_by(t.c.seq)
        )
        return [(r.article, r.story, int(r.seq)) for r in rows]


def load_stories(store: Store) -> list[Story]:
    """Every story with its articles (newest story first)."""
    t = schema.articles
    with store.engine.connect() as conn:
        labels = {r.id: r.label for r in conn.execute(sa.select(stories.c.id, stories.c.label))}
        rows = conn.execute(
            sa.select(
                story_articles.c.article,
                story_articles.c.story,
                t.c.key,
                t.c.input,
                t.c.title,
                t.c.outlet,
                t.c.published,
            ).join(t, t.c.id == story_articles.c.article)
        ).all()
    articles = {
        r.article: Article(
            id=r.article,
            key=r.key,
            input=r.input,
            text="",
            title=r.title,
            outlet=r.outlet,
            published=r.published,
        )
        for r in rows
    }
    return build_stories({r.article: r.story for r in rows}, labels, articles)


def load_copy_pairs(store: Store) -> list[CopyPair]:
    """Every stored copy pair, with its passages' text read from the articles."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(copy_pairs).order_by(copy_pairs.c.a, copy_pairs.c.b)).all()
    texts = {
        a.id: a.text for a in articles_by_id(store, [x for r in rows for x in (r.a, r.b)]).values()
    }

    def span(text: str, start: int | None, end: int | None) -> Span | None:
        return None if start is None or end is None else Span(start, end, text[start:end])

    return [
        CopyPair(
            a=r.a,
            b=r.b,
            kind=r.kind,
            original=r.original,
            resemblance=r.resemblance,
            verbatim=r.verbatim,
            aligned=r.aligned,
            passages=tuple(
                Passage(op, span(texts[r.a], a0, a1), span(texts[r.b], b0, b1))
                for op, a0, a1, b0, b1 in r.passages
            ),
        )
        for r in rows
        if r.a in texts and r.b in texts
    ]
