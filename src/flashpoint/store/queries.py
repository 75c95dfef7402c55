"""All SQL of the store, portable (``?`` placeholders; see ``dialect.py``), and the pure
functions that turn records into rows and filters into WHERE clauses.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from ..models import Article, EventMention

# --- writes ----------------------------------------------------------------------------------

ARTICLE_COLUMNS = ("id", "url", "outlet", "title", "published", "language", "file", "row_id",
                   "line", "text", "run_id", "ingested_at")
INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})"
    " ON CONFLICT (id) DO NOTHING"
)

MENTION_COLUMNS = (
    "id", "article_id", "sentence", "evidence_start", "evidence_end", '"trigger"', "plover_type",
    "plover_mode", "cameo_code", "quad_class", "intensity", "reciprocal", "when_start",
    "when_end", "when_precision", "when_basis", "geonameid", "place_name", "lat", "lon",
    "place_country", "dead", "injured", "arrested", "status", "confidence", "publisher", "record",
)
INSERT_MENTION = (
    f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(MENTION_COLUMNS))})"
    " ON CONFLICT (id) DO NOTHING"
)

INSERT_ACTOR = (
    'INSERT INTO mention_actors (mention_id, role, idx, text, country, sector, "start", "end")'
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mention_id, role, idx) DO NOTHING"
)

INSERT_RUN = ("INSERT INTO ingest_runs (started_at, paths, status) VALUES (?, ?, ?)"
              " RETURNING id")
FINISH_RUN = "UPDATE ingest_runs SET finished_at = ?, counts = ?, status = ? WHERE id = ?"
INSERT_SKIP = "INSERT INTO ingest_skips (run_id, file, line, reason) VALUES (?, ?, ?, ?)"

INSERT_MIGRATION = "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)"

# --- reads -----------------------------------------------------------------------------------

SELECT_MIGRATIONS = "SELECT name, applied_at FROM schema_migrations ORDER BY name"
SELECT_RUNS = ("SELECT id, started_at, finished_at, paths, counts, status FROM ingest_runs"
               " ORDER BY id DESC")
SELECT_SKIPS = "SELECT run_id, file, line, reason FROM ingest_skips WHERE run_id = ? ORDER BY id"
SELECT_ARTICLE = f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?"
PUBLISHED_RANGE = "SELECT MIN(published), MAX(published) FROM articles WHERE published IS NOT NULL"
COUNTS = (
    "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM mentions),"
    " (SELECT COUNT(*) FROM ingest_runs), (SELECT COUNT(*) FROM ingest_skips)"
)


def known_ids_query(n: int) -> str:
    return f"SELECT id FROM articles WHERE id IN ({', '.join('?' * n)})"


INSERT_DYAD = ("INSERT INTO mention_dyads (mention_id, a, b) VALUES (?, ?, ?)"
               " ON CONFLICT (a, b, mention_id) DO NOTHING")

DYADS = ("SELECT a, b, COUNT(*) AS n FROM mention_dyads"
         " GROUP BY a, b ORDER BY n DESC, a, b LIMIT ?")

_ORDERS = {
    "date": "(m.when_start IS NULL), m.when_start, m.article_id, m.evidence_start, m.id",
    "-date": "(m.when_start IS NULL), m.when_start DESC, m.article_id, m.evidence_start, m.id",
    "intensity": "ABS(m.intensity) DESC, m.intensity, (m.when_start IS NULL), m.when_start,"
                 " m.article_id, m.evidence_start, m.id",
}
ORDERS = tuple(_ORDERS)


def source_key(name: str) -> str:
    """The lookup key of a news organisation: canonical name, case-folded ("AFP" and
    "Agence France-Presse" share one)."""
    from ..extractors.attribution import canonical_media

    key = canonical_media(name.strip()).casefold()
    return key[4:] if key.startswith("the ") else key


INSERT_SOURCE = ("INSERT INTO mention_sources (mention_id, idx, name, name_key)"
                 " VALUES (?, ?, ?, ?) ON CONFLICT (mention_id, idx) DO NOTHING")


def source_rows(m: EventMention) -> list[tuple[str, int, str, str]]:
    """The publisher (idx 0) and each chain member (idx 1…) of a mention."""
    names = [m.attribution.publisher or "", *m.attribution.chain]
    return [(m.event_id, i, n, source_key(n)) for i, n in enumerate(names) if n]


def mention_filter(*, dyad: tuple[str, str] | None = None, actor: str | None = None,
                   type: str | None = None, since: dt.date | None = None,
                   until: dt.date | None = None, status: str | None = None,
                   article_id: str | None = None, source: str | None = None,
                   asserted_only: bool = False) -> tuple[str, list[Any]]:
    """A WHERE clause (empty when there is no filter) over ``mentions m`` and its params.

    ``source``: a news organisation anywhere in the mention's chain, publisher included;
    ``asserted_only``: only what the article states in its own voice (status asserted)."""
    conds: list[str] = []
    params: list[Any] = []
    if source is not None:
        keys = sorted({source_key(source), source.strip().casefold()})
        conds.append("m.id IN (SELECT mention_id FROM mention_sources WHERE name_key IN"
                     f" ({', '.join('?' * len(keys))}))")
        params += keys
    if asserted_only:
        conds.append("m.status = 'asserted'")
    if dyad is not None:
        conds.append("m.id IN (SELECT mention_id FROM mention_dyads WHERE a = ? AND b = ?)")
        params += sorted(dyad)
    if actor is not None:
        conds.append("m.id IN (SELECT mention_id FROM mention_actors WHERE country = ?)")
        params.append(actor)
    if type is not None:
        conds.append("m.plover_type = ?")
        params.append(type)
    if until is not None:
        conds.append("m.when_start <= ?")
        params.append(until.isoformat())
    if since is not None:
        conds.append("COALESCE(m.when_end, m.when_start) >= ?")
        params.append(since.isoformat())
    if status is not None:
        conds.append("m.status = ?")
        params.append(status)
    if article_id is not None:
        conds.append("m.article_id = ?")
        params.append(article_id)
    return (" WHERE " + " AND ".join(conds) if conds else ""), params


def select_mentions(where: str, order: str, limit: int | None) -> str:
    q = f"SELECT m.record FROM mentions m{where} ORDER BY {_ORDERS[order]}"
    return q + (" LIMIT ?" if limit is not None else "")


def select_day_rows(where: str) -> str:
    """id, day, quad class, intensity of the mentions matching ``where`` that have a date."""
    extra = " AND " if where else " WHERE "
    return (f"SELECT m.id, m.when_start, m.quad_class, m.intensity FROM mentions m{where}"
            f"{extra}m.when_start IS NOT NULL ORDER BY m.when_start, m.id")


# --- records <-> rows ------------------------------------------------------------------------

def article_row(a: Article, run_id: int | None, now: str) -> tuple[Any, ...]:
    return (a.id, a.url, a.outlet, a.title, a.published.isoformat() if a.published else None,
            a.language, a.file, a.row_id, a.line, a.text, run_id, now)


def article_from_row(row: Sequence[Any]) -> Article:
    (id_, url, outlet, title, published, language, file, row_id, line, text, *_rest) = row
    return Article(id=id_, text=text, title=title, url=url, outlet=outlet,
                   published=dt.date.fromisoformat(published) if published else None,
                   language=language, file=file, row_id=row_id, line=line)


def mention_row(m: EventMention) -> tuple[Any, ...]:
    w = m.where
    mag = m.magnitude
    return (
        m.event_id, m.article_id, m.sentence, m.evidence_start, m.evidence_end, m.trigger,
        m.plover_type, m.plover_mode, m.cameo_code, m.quad_class, float(m.intensity),
        bool(m.reciprocal), m.when.start, m.when.end or m.when.start, m.when.precision,
        m.when.basis,
        w.geonameid if w else None, w.name if w else None, w.lat if w else None,
        w.lon if w else None, w.country if w else None,
        mag.dead, mag.injured, mag.arrested, m.status, float(m.confidence),
        m.attribution.publisher, json.dumps(m.to_dict(), ensure_ascii=False),
    )


def dyad_pairs(m: EventMention) -> set[tuple[str, str]]:
    """The country pairs (a < b) a mention relates: each actor country with each recipient
    country, and for a reciprocal mention any two of its countries. Same-country pairs and
    unknown countries are left out."""
    acts = {a.country for a in m.actor if a.country}
    recs = {a.country for a in m.recipient if a.country}
    pairs = {(min(a, r), max(a, r)) for a in acts for r in recs if a != r}
    if m.reciprocal:
        both = sorted(acts | recs)
        pairs |= {(a, b) for i, a in enumerate(both) for b in both[i + 1:]}
    return pairs


def dyad_rows(m: EventMention) -> list[tuple[str, str, str]]:
    return [(m.event_id, a, b) for a, b in sorted(dyad_pairs(m))]


def actor_rows(m: EventMention) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for role, actors in (("actor", m.actor), ("recipient", m.recipient)):
        for i, a in enumerate(actors):
            rows.append((m.event_id, role, i, a.text, a.country, a.sector, a.start, a.end))
    return rows


def mention_from_record(record: str) -> EventMention:
    return EventMention.from_dict(json.loads(record))


def run_from_row(row: Sequence[Any]) -> dict[str, Any]:
    id_, started, finished, paths, counts, status = row
    return {"id": id_, "started_at": started, "finished_at": finished,
            "paths": json.loads(paths), "counts": json.loads(counts) if counts else {},
            "status": status}
