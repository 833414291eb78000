"""Tables of the store (SQLAlchemy Core), portable between SQLite and PostgreSQL.

Spans are stored as start/end offsets only: their text is always a slice of
``articles.text``, so it can't drift from what the offsets point at.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "articles",
    "attributions",
    "entities",
    "events",
    "metadata",
    "schema_migrations",
    "times",
]

metadata = sa.MetaData()

schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    # SHA-256 of the normalised text: what makes re-adding an article a no-op
    sa.Column("key", sa.String(64), nullable=False, unique=True),
    sa.Column("input", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("source_id", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("revision_of", sa.Text, sa.ForeignKey("articles.id")),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Index("ix_articles_url", "url"),
    sa.Index("ix_articles_source_id", "source_id"),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column(
        "article",
        sa.Text,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(8), nullable=False),
    sa.Column("aliases", sa.JSON, nullable=False),
    # [[start, end], ...] into the article text
    sa.Column("mentions", sa.JSON, nullable=False),
)

attributions = sa.Table(
    "attributions",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column(
        "article",
        sa.Text,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("content_start", sa.Integer, nullable=False),
    sa.Column("content_end", sa.Integer, nullable=False),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("cue_lemma", sa.Text),
    sa.Column("source_start", sa.Integer),
    sa.Column("source_end", sa.Integer),
    sa.Column("speaker_entity", sa.Text),
    sa.Column("speaker_name", sa.Text),
    sa.Column("speaker_anonymous", sa.Boolean, nullable=False),
    sa.Column("speaker_description", sa.Text),
    # migration 4: the circumstances of a statement and its links to others
    sa.Column("scope", sa.String(16)),
    sa.Column("addressee_start", sa.Integer),
    sa.Column("addressee_end", sa.Integer),
    sa.Column("channel_start", sa.Integer),
    sa.Column("channel_end", sa.Integer),
    sa.Column("hedge_start", sa.Integer),
    sa.Column("hedge_end", sa.Integer),
    sa.Column("continues", sa.Text),
    sa.Column("repeats", sa.Text),
)

times = sa.Table(
    "times",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article",
        sa.Text,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("type", sa.String(10), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("anchored", sa.Boolean, nullable=False),
)

# migration 2: the events of each article (the timeline merges them when read)
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column(
        "article",
        sa.Text,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("plover", sa.String(16)),
    sa.Column("trigger_start", sa.Integer, nullable=False),
    sa.Column("trigger_end", sa.Integer, nullable=False),
    sa.Column("what_start", sa.Integer, nullable=False),
    sa.Column("what_end", sa.Integer, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    # entity ids, in the order the event names them
    sa.Column("participants", sa.JSON, nullable=False),
    sa.Column("who_start", sa.Integer),
    sa.Column("who_end", sa.Integer),
    sa.Column("where_start", sa.Integer),
    sa.Column("where_end", sa.Integer),
    sa.Column("when_start", sa.Integer),
    sa.Column("when_end", sa.Integer),
    sa.Column("value", sa.Text),
    # a date counted from another event of the article: "two days before the summit"
    sa.Column("relative_offset", sa.Text),
    sa.Column("relative_direction", sa.String(8)),
    sa.Column("relative_anchor", sa.Text),
    sa.Column("main", sa.Boolean, nullable=False),
)
