"""Storage: one SQLite file (WAL) by default, PostgreSQL in server mode; one schema, named
migrations, the same queries on both. Start with ``open_store()``."""

from .core import DEFAULT_DB, DayRow, Store, day_rows, open_store, redact
from .schema import MIGRATIONS

__all__ = ["DEFAULT_DB", "MIGRATIONS", "DayRow", "Store", "day_rows", "open_store", "redact"]
