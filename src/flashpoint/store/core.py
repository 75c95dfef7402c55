"""The store: one SQLite file (WAL) by default, PostgreSQL when the URL says so.

``open_store()`` connects and applies pending migrations; ``Store`` holds one connection and
offers the few operations the pipeline, the CLI, the analysis and the web layer need. The SQL is
in ``queries.py``, the schema in ``schema.py``, the dialect differences in ``dialect.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import ConfigError, StoreError
from ..models import Article, EventMention
from . import queries as q
from . import schema
from .dialect import POSTGRESQL, SQLITE, Dialect

DEFAULT_DB = "./flashpoint.db"
_HINT = "set --db or FLASHPOINT_DB"
_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


@dataclass(frozen=True, slots=True)
class DayRow:
    """One day of a dyad's series: mention counts by quad class, summed intensity, and the ids
    of the day's most intense mentions (largest |intensity| first, the most hostile on ties)."""

    date: str
    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0
    intensity_sum: float = 0.0
    top: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return self.q1 + self.q2 + self.q3 + self.q4


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = (parts.username or "") + ":***"
    return urlunsplit(parts._replace(netloc=f"{user}@{netloc[1]}"))


class Store:
    """A connection to the flashpoint database. Use it as a context manager, or call close().

    Every public method is safe to call from several threads (they take turns); for parallel
    writers open one Store per process or thread.
    """

    def __init__(self, conn: Any, dialect: Dialect, url: str) -> None:
        self._conn = conn
        self._dialect = dialect
        self._errors: tuple[type[BaseException], ...] = _driver_errors(dialect)
        self._lock = threading.RLock()
        self.url = redact(url)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._dialect.name

    # --- plumbing ----------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    @contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        """Turn driver errors into StoreError saying what failed."""
        try:
            yield
        except self._errors as e:
            raise StoreError(
                f"{what} failed on {self.url}: {str(e).strip()} — check that the database is "
                f"reachable and writable, or {_HINT} to use another one") from e

    @contextmanager
    def _read(self, what: str) -> Iterator[Any]:
        with self._lock, self._guard(what):
            cur = self._conn.cursor()
            try:
                yield cur
            finally:
                cur.close()

    @contextmanager
    def _tx(self, what: str) -> Iterator[Any]:
        """One write transaction: committed when the block ends, rolled back on any error."""
        with self._lock, self._guard(what):
            cur = self._conn.cursor()
            try:
                cur.execute(self._dialect.begin)
                try:
                    yield cur
                    cur.execute("COMMIT")
                except BaseException:
                    self._rollback(cur)
                    raise
            finally:
                cur.close()

    def _rollback(self, cur: Any) -> None:
        with suppress(*self._errors):  # the connection is gone; the server dropped it
            cur.execute("ROLLBACK")

    def _x(self, cur: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        cur.execute(self._dialect.sql(sql), tuple(params))
        return cur

    def _many(self, cur: Any, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            cur.executemany(self._dialect.sql(sql), rows)

    # --- migrations --------------------------------------------------------------------------

    def migrate(self) -> list[str]:
        """Apply the pending migrations, each once, in order; return the names applied now."""
        applied_now: list[str] = []
        for name, statements in schema.MIGRATIONS:
            with self._tx(f"migration {name}") as cur:
                if self._dialect.migration_lock:
                    cur.execute(self._dialect.migration_lock)
                cur.execute(schema.MIGRATIONS_TABLE)
                done = {r[0] for r in self._x(cur, "SELECT name FROM schema_migrations")}
                if name in done:
                    continue
                for stmt in statements:
                    cur.execute(self._dialect.ddl(stmt))
                self._x(cur, q.INSERT_MIGRATION, (name, _now()))
                applied_now.append(name)
        return applied_now

    def migrations(self) -> list[tuple[str, str]]:
        """(name, applied_at) of every applied migration."""
        with self._read("listing migrations") as cur:
            return [(r[0], r[1]) for r in self._x(cur, q.SELECT_MIGRATIONS).fetchall()]

    # --- ingest runs -------------------------------------------------------------------------

    def start_run(self, paths: Sequence[str]) -> int:
        with self._tx("starting an ingest run") as cur:
            row = self._x(cur, q.INSERT_RUN,
                          (_now(), json.dumps([str(p) for p in paths]), "running")).fetchone()
        return int(row[0])

    def finish_run(self, run_id: int, counts: Mapping[str, int], status: str = "done") -> None:
        with self._tx("finishing an ingest run") as cur:
            self._x(cur, q.FINISH_RUN, (_now(), json.dumps(dict(counts)), status, run_id))
            if cur.rowcount == 0:
                raise StoreError(f"no ingest run {run_id} in {self.url}; start it with start_run()")

    def record_skip(self, run_id: int, file: str | None, line: int | None, reason: str) -> None:
        with self._tx("recording a skipped input") as cur:
            self._x(cur, q.INSERT_SKIP, (run_id, file, line, reason))

    def runs(self) -> list[dict[str, Any]]:
        """Every ingest run, newest first: id, started_at, finished_at, paths, counts, status."""
        with self._read("listing ingest runs") as cur:
            return [q.run_from_row(r) for r in self._x(cur, q.SELECT_RUNS).fetchall()]

    def skips(self, run_id: int) -> list[dict[str, Any]]:
        """The inputs a run skipped, in order: run_id, file, line, reason."""
        with self._read("listing skipped inputs") as cur:
            rows = self._x(cur, q.SELECT_SKIPS, (run_id,)).fetchall()
        return [{"run_id": r[0], "file": r[1], "line": r[2], "reason": r[3]} for r in rows]

    # --- writes ------------------------------------------------------------------------------

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored."""
        with self._read("looking up article ids") as cur:
            return self._known(cur, ids)

    def _known(self, cur: Any, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i:i + _CHUNK]
            found.update(r[0] for r in self._x(cur, q.known_ids_query(len(chunk)), chunk))
        return found

    def add_batch(self, articles: Sequence[Article], mentions: Sequence[EventMention],
                  run_id: int | None = None) -> tuple[int, int]:
        """Store articles and their mentions in ONE transaction; return (stored, duplicates).

        Articles already stored (same id) are skipped with their mentions, so re-running an
        ingest is idempotent. If anything fails, nothing of this batch is stored.
        """
        unique = list({a.id: a for a in reversed(articles)}.values())[::-1]  # first one wins
        batch_ids = {a.id for a in unique}
        now = _now()
        with self._tx("storing a batch") as cur:
            orphans = {m.article_id for m in mentions} - batch_ids
            missing = orphans - self._known(cur, orphans)
            if missing:
                raise StoreError(
                    f"{len(missing)} mention(s) refer to articles that are neither in the batch "
                    f"nor stored (e.g. {sorted(missing)[0]}); pass each Article in the same "
                    "add_batch() call as its mentions")
            stored = self._insert_articles(cur, [q.article_row(a, run_id, now) for a in unique])
            new = list({m.event_id: m for m in reversed(mentions)
                        if m.article_id in stored}.values())[::-1]
            self._many(cur, q.INSERT_MENTION, [q.mention_row(m) for m in new])
            self._many(cur, q.INSERT_ACTOR, [r for m in new for r in q.actor_rows(m)])
            self._many(cur, q.INSERT_DYAD, [r for m in new for r in q.dyad_rows(m)])
            self._many(cur, q.INSERT_SOURCE, [r for m in new for r in q.source_rows(m)])
        return len(stored), len(articles) - len(stored)

    def _insert_articles(self, cur: Any, rows: list[tuple[Any, ...]]) -> set[str]:
        """Insert the rows whose id is not stored yet; return the ids inserted."""
        if not rows:
            return set()
        if self._dialect.name == "postgresql":
            # concurrent writers may race on the same article: ask the server what it kept
            cur.executemany(self._dialect.sql(q.INSERT_ARTICLE + " RETURNING id"), rows,
                            returning=True)
            inserted: set[str] = set()
            while True:
                row = cur.fetchone()
                if row is not None:
                    inserted.add(row[0])
                if not cur.nextset():
                    return inserted
        # SQLite: BEGIN IMMEDIATE holds the write lock, so this check is exact
        known = self._known(cur, [r[0] for r in rows])
        fresh = [r for r in rows if r[0] not in known]
        self._many(cur, q.INSERT_ARTICLE, fresh)
        return {r[0] for r in fresh}

    # --- reads -------------------------------------------------------------------------------

    def article(self, id: str) -> Article | None:
        with self._read("reading an article") as cur:
            row = self._x(cur, q.SELECT_ARTICLE, (id,)).fetchone()
        return q.article_from_row(row) if row else None

    def counts(self) -> dict[str, int]:
        """Row counts: articles, mentions, runs, skips."""
        with self._read("counting rows") as cur:
            a, m, r, s = self._x(cur, q.COUNTS).fetchone()
        return {"articles": int(a), "mentions": int(m), "runs": int(r), "skips": int(s)}

    def published_range(self) -> tuple[dt.date | None, dt.date | None]:
        """The earliest and latest publication dates of the stored articles."""
        with self._read("reading publication dates") as cur:
            lo, hi = self._x(cur, q.PUBLISHED_RANGE).fetchone()
        return (dt.date.fromisoformat(str(lo)[:10]) if lo else None,
                dt.date.fromisoformat(str(hi)[:10]) if hi else None)

    def mentions(self, *, dyad: tuple[str, str] | None = None, actor: str | None = None,
                 type: str | None = None, since: dt.date | None = None,
                 until: dt.date | None = None, status: str | None = None,
                 article_id: str | None = None, limit: int | None = None,
                 order: str = "date", source: str | None = None,
                 asserted_only: bool = False) -> list[EventMention]:
        """Stored mentions matching every filter given.

        ``dyad=(A, B)``: actor country A and recipient B or the reverse, or a reciprocal mention
        involving both. ``actor``: the country as actor or recipient. ``since``/``until``: the
        event's interval overlaps [since, until]. ``order``: ``date`` (when_start, article,
        evidence start), ``-date`` (newest first) or ``intensity`` (largest |intensity| first).
        ``source``: a news organisation anywhere in the chain, publisher included ("AFP" also
        finds "Agence France-Presse"). ``asserted_only``: status asserted only.
        """
        _check_dyad(dyad)
        if order not in q.ORDERS:
            raise ConfigError(f"unknown order {order!r}; use one of {', '.join(q.ORDERS)}")
        where, params = q.mention_filter(dyad=dyad, actor=actor, type=type, since=since,
                                         until=until, status=status, article_id=article_id,
                                         source=source, asserted_only=asserted_only)
        if limit is not None:
            params.append(int(limit))
        with self._read("querying mentions") as cur:
            rows = self._x(cur, q.select_mentions(where, order, limit), params).fetchall()
        return [q.mention_from_record(r[0]) for r in rows]

    def dyads(self, limit: int = 10) -> list[tuple[str, str, int]]:
        """The most active country pairs (A < B) with their mention counts."""
        with self._read("ranking dyads") as cur:
            rows = self._x(cur, q.DYADS, (int(limit),)).fetchall()
        return [(r[0], r[1], int(r[2])) for r in rows]

    def daily_series(self, dyad: tuple[str, str], since: dt.date | None = None,
                     until: dt.date | None = None) -> list[DayRow]:
        """Per day (= when.start) with mentions of the dyad, from ``since`` to ``until``.

        Mentions the text presents as not having happened (negated, hypothetical, future)
        are not counted; everything else is (asserted, reported, alleged, claimed, denied,
        contested), since the series measures what is being reported.
        """
        _check_dyad(dyad)
        where, params = q.mention_filter(dyad=dyad)
        where += " AND m.status NOT IN ('negated', 'hypothetical', 'future')"
        if since is not None:
            where += " AND m.when_start >= ?"
            params.append(since.isoformat())
        if until is not None:
            where += " AND m.when_start <= ?"
            params.append(until.isoformat())
        with self._read("computing a daily series") as cur:
            rows = self._x(cur, q.select_day_rows(where), params).fetchall()
        return day_rows((r[0], r[1][:10], int(r[2]), float(r[3])) for r in rows)


def _check_dyad(dyad: tuple[str, str] | None) -> None:
    if dyad is not None and (len(dyad) != 2 or dyad[0] == dyad[1] or not all(dyad)):
        raise ConfigError(f"a dyad is two different country codes, e.g. ('IND', 'PAK'), not "
                          f"{dyad!r}; to follow one country use actor=")


def day_rows(rows: Iterable[tuple[str, str, int, float]]) -> list[DayRow]:
    """Fold (id, day, quad class, intensity) rows, sorted by day, into DayRows."""
    by_day: dict[str, list[tuple[str, int, float]]] = {}
    for id_, day, quad, intensity in rows:
        by_day.setdefault(day, []).append((id_, quad, intensity))
    out: list[DayRow] = []
    for day, items in by_day.items():
        q1, q2, q3, q4 = (sum(1 for _, qc, _ in items if qc == k) for k in (1, 2, 3, 4))
        top = sorted(items, key=lambda t: (-abs(t[2]), t[2], t[0]))[:3]
        out.append(DayRow(day, q1, q2, q3, q4, intensity_sum=sum(t[2] for t in items),
                          top=[t[0] for t in top]))
    return out


# --- opening -------------------------------------------------------------------------------------

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def open_store(url: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``url``.

    ``url``: None → ``$FLASHPOINT_DB`` → ``./flashpoint.db``. A path or ``sqlite:///path``
    (``sqlite:////abs/path`` for an absolute one) opens a SQLite file in WAL mode;
    ``postgresql://user@host:port/db`` (or ``postgres://``) a PostgreSQL database; the tables
    go in the first schema of its search_path (``?options=-csearch_path%3Dmyschema``).
    """
    if url is None:
        url = os.environ.get("FLASHPOINT_DB") or DEFAULT_DB
    text = os.fspath(url)
    m = _SCHEME.match(text)
    scheme = m.group(1).lower() if m else None
    if scheme in ("postgresql", "postgres"):
        store = Store(_connect_pg(text), POSTGRESQL, text)
    elif scheme is None or scheme == "sqlite":
        path = text[len(m.group(0)):] if m else text
        if m and path.startswith("/"):
            path = path[1:]  # sqlite:///rel.db, sqlite:////abs.db
        store = Store(_connect_sqlite(path), SQLITE, text)
    else:
        raise StoreError(
            f"unsupported database URL {redact(text)!r}: use a file path, sqlite:///path or "
            f"postgresql://user@host:port/dbname ({_HINT})")
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store


def _connect_sqlite(path: str) -> sqlite3.Connection:
    try:
        if path != ":memory:" and not path.startswith("file:"):
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            path = str(Path(path).expanduser())
        conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as e:
        raise StoreError(f"cannot open SQLite database {path}: {e} — check the path and its "
                         f"permissions, or {_HINT}") from e
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error as e:
        conn.close()
        raise StoreError(f"cannot use {path} as a SQLite database: {e} — is it a flashpoint "
                         f"database? {_HINT} to use another file") from e
    return conn


def _connect_pg(url: str) -> Any:
    import psycopg  # imported here: SQLite users do not pay for it

    kwargs: dict[str, Any] = {"autocommit": True}
    if "connect_timeout" not in url:
        kwargs["connect_timeout"] = 10
    try:
        return psycopg.connect(url, **kwargs)
    except psycopg.Error as e:
        raise StoreError(f"cannot connect to {redact(url)}: {str(e).strip()} — is the server "
                         f"running and the URL right? {_HINT}") from e


def _driver_errors(dialect: Dialect) -> tuple[type[BaseException], ...]:
    if dialect.name == "postgresql":
        import psycopg

        return (psycopg.Error,)
    return (sqlite3.Error,)
