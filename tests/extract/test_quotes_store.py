"""The attribution fields of migration 4 (scope, addressee, channel, hedge, continues,
repeats) survive a save and load, and an older store gains their columns."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from storytrace.records import ArticleAnalysis, Attribution, RawArticle, Span, Speaker
from storytrace.store import Store
from storytrace.store.migrations import MIGRATIONS

TEXT = (
    "Reportedly, Ana Reyes told reporters on a call that the port would reopen.\n"
    "“It is done,” she said.\n“It is done,” Reyes said again."
)


def _span(text: str, words: str, start: int = 0) -> Span:
    at = text.index(words, start)
    return Span(at, at + len(words), words)


def _records(article_id: str, text: str) -> tuple[Attribution, ...]:
    speaker = Speaker(name="Ana Reyes")
    first = Attribution(
        id=f"{article_id}:q1",
        article=article_id,
        kind="indirect",
        content=_span(text, "that the port would reopen"),
        cue=_span(text, "told"),
        source=_span(text, "Ana Reyes"),
        speaker=speaker,
        cue_lemma="tell",
        scope="statement",
        addressee=_span(text, "reporters"),
        channel=_span(text, "on a call"),
        hedge=_span(text, "Reportedly"),
    )
    second = Attribution(
        id=f"{article_id}:q2",
        article=article_id,
        kind="direct",
        content=_span(text, "“It is done,”"),
        cue=_span(text, "said"),
        source=_span(text, "she"),
        speaker=speaker,
        cue_lemma="say",
        continues=first.id,
    )
    third = Attribution(
        id=f"{article_id}:q3",
        article=article_id,
        kind="direct",
        content=_span(text, "“It is done,”", second.content.end),
        cue=_span(text, "said again"),
        source=_span(text, "Reyes said", second.content.end),
        speaker=speaker,
        cue_lemma="say",
        scope="topic",
        repeats=second.id,
    )
    return first, second, third


def test_new_fields_round_trip(tmp_path: Path) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        article = store.identify(RawArticle(input="a.txt", text=TEXT))
        attributions = _records(article.id, article.text)
        assert store.save(ArticleAnalysis(article=article, attributions=attributions))
        loaded = store.analysis(article.id)
    assert loaded.attributions == attributions


def test_migration_4_adds_the_columns_to_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # a version-1 attributions table, as shipped before
        conn.execute(sa.text("CREATE TABLE attributions (id TEXT PRIMARY KEY, kind TEXT)"))
        migration = next(m for m in MIGRATIONS if m.version == 4)
        migration.apply(conn)
        columns = {c["name"] for c in sa.inspect(conn).get_columns("attributions")}
    engine.dispose()
    assert {"scope", "addressee_start", "channel_end", "hedge_start", "continues", "repeats"} <= (
        columns
    )
