"""Storage: schema, numbered migrations, and the :class:`Store`."""

from storytrace.store.db import Store, database_url, text_key

__all__ = ["Store", "database_url", "text_key"]
