"""Numbered schema migrations, applied in order when a store is opened.

Each migration runs in its own transaction together with the row that records
it in ``schema_migrations``, so a crash leaves the database at a whole version.
Append new migrations; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from storytrace.errors import StoreError
from storytrace.store import schema
from storytrace.store.link_tables import create_link_tables

__all__ = ["MIGRATIONS", "Migration", "apply_migrations", "current_version"]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sa.Connection], None]


def _v1_initial(conn: sa.Connection) -> None:
    schema.metadata.create_all(
        conn,
        tables=[schema.articles, schema.entities, schema.attributions, schema.times],
    )


def _v2_events(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.events])


def _v3_links(conn: sa.Connection) -> None:
    create_link_tables(conn)


#: columns migration 4 adds to ``attributions`` (all nullable)
_V4_ATTRIBUTION_COLUMNS = (
    "scope",
    "addressee_start",
    "addressee_end",
    "channel_start",
    "channel_end",
    "hedge_start",
    "hedge_end",
    "continues",
    "repeats",
)


def _v4_attribution_context(conn: sa.Connection) -> None:
    """Add the new ``attributions`` columns; a store created by this version's
    migration 1 (from the current table definition) has them already."""
    present = {c["name"] for c in sa.inspect(conn).get_columns("attributions")}
    table = schema.attributions
    for name in _V4_ATTRIBUTION_COLUMNS:
        if name not in present:
            kind = table.c[name].type.compile(dialect=conn.dialect)
            conn.execute(sa.text(f"ALTER TABLE attributions ADD COLUMN {name} {kind}"))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, entities, attributions, times", _v1_initial),
    Migration(2, "events", _v2_events),
    Migration(3, "stories, copy pairs, signatures, link state; index on articles.seq", _v3_links),
    Migration(
        4,
        "attributions: scope, addressee, channel, hedge, continues, repeats",
        _v4_attribution_context,
    ),
)


def current_version(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("schema_migrations"):
            return 0
        found = conn.execute(sa.select(sa.func.max(schema.schema_migrations.c.version)))
        return int(found.scalar() or 0)


def apply_migrations(engine: sa.Engine) -> int:
    """Bring the database up to the newest version; return that version."""
    schema.metadata.create_all(engine, tables=[schema.schema_migrations])
    version = current_version(engine)
    newest = MIGRATIONS[-1].version
    if version > newest:
        raise StoreError(
            f"database schema version {version} is newer than this storytrace ({newest})",
            hint="upgrade storytrace to open this database",
        )
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        with engine.begin() as conn:
            migration.apply(conn)
            conn.execute(
                schema.schema_migrations.insert().values(
                    version=migration.version,
                    description=migration.description,
                    applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
                )
            )
        version = migration.version
    return version
