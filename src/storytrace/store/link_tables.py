"""Tables of migration 3: what linking across articles keeps between runs.

- ``stories`` and ``story_articles``: each article's developing story. An
  article is *linked* once it has a row here (its copies are checked in the
  same transaction), so an interrupted run resumes with the rest.
- ``copy_pairs``: near-copies, with their aligned passages as offsets
  (``[[op, a_start, a_end, b_start, b_end], ...]``, null where a side has none).
- ``article_signatures``: each article's MinHash signature, so that the copy
  index is rebuilt without re-reading every text.
- ``link_state``: the story index (document frequencies, open stories) as
  zlib-compressed JSON, with the last article ``seq`` it includes.

It also indexes ``articles.seq``: linking reads the articles not linked yet in
the order they were stored, and without the index each batch would scan the
whole table (quadratic in the size of the store).
"""

from __future__ import annotations

import sqlalchemy as sa

from storytrace.store.schema import metadata

__all__ = [
    "LINK_TABLES",
    "article_signatures",
    "copy_pairs",
    "create_link_tables",
    "link_state",
    "stories",
    "story_articles",
]

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("label", sa.Text, nullable=False),
    # the article that opened the story (kept as text: stories outlive deletions)
    sa.Column("opened_by", sa.Text, nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
)

story_articles = sa.Table(
    "story_articles",
    metadata,
    sa.Column(
        "article", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "story",
        sa.Text,
        sa.ForeignKey("stories.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    # the model's score for joining (null for the article that opened it)
    sa.Column("score", sa.Float),
)

copy_pairs = sa.Table(
    "copy_pairs",
    metadata,
    sa.Column("a", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("b", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("original", sa.Text),
    sa.Column("resemblance", sa.Float, nullable=False),
    sa.Column("verbatim", sa.Float, nullable=False),
    sa.Column("aligned", sa.Float, nullable=False),
    sa.Column("passages", sa.JSON, nullable=False),
    sa.Index("ix_copy_pairs_b", "b"),
)

article_signatures = sa.Table(
    "article_signatures",
    metadata,
    sa.Column(
        "article", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("signature", sa.LargeBinary, nullable=False),
)

link_state = sa.Table(
    "link_state",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

LINK_TABLES = (stories, story_articles, copy_pairs, article_signatures, link_state)


def create_link_tables(conn: sa.Connection) -> None:
    """Migration 3: the tables above and the index on ``articles.seq``."""
    metadata.create_all(conn, tables=list(LINK_TABLES))
    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_articles_seq ON articles (seq)"))
