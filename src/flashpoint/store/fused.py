"""Fused events in the store: fuse the mentions not yet fused, and read events back.

``fuse_pending(store)`` is incremental: it takes the mentions that belong to no event yet (in
ingest order: run, batch, article id, position in the article), loads the stored events
whose mentions are dated near them, lets :class:`flashpoint.fuse.Fuser` attach each new mention
to one of those or start a new event (or merge events it shows to be one: the absorbed
events' mentions are re-pointed and their rows dropped), and writes the changed events back,
all in one transaction. ``rebuild=True`` drops every event first and fuses everything again in
the same order, which gives the same events as fusing batch by batch.

Tables (migration ``0004_fused_events``): ``events`` (one row per event, its summary as JSON in
``record``), ``event_mentions`` (mention -> event, with the fusion order), ``event_dyads`` and
``event_countries``.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from ..fuse import Features, FusedEvent, Fuser, FusionConfig, features, summarize
from ..models import Event
from . import queries as q
from .core import Store, _check_dyad, _now

_CHUNK = 500
_PENDING = (
    "SELECT m.record, a.published FROM mentions m"
    " JOIN articles a ON a.id = m.article_id"
    " LEFT JOIN event_mentions em ON em.mention_id = m.id"
    " WHERE em.mention_id IS NULL"
    " ORDER BY a.run_id, a.ingested_at, a.id, m.evidence_start, m.id"
)
_NEAR = (
    "SELECT DISTINCT em.event_id FROM event_mentions em JOIN mentions m ON m.id = em.mention_id"
    " WHERE m.when_start <= ? AND COALESCE(m.when_end, m.when_start) >= ?"
)
_INSERT_EVENT = (
    "INSERT INTO events (id, seq, plover_type, plover_mode, quad_class, intensity, goldstein,"
    " factual, when_start, when_end, first_report, last_report, place_name, geonameid,"
    " place_country, dead, injured, n_mentions, n_sources, disputed, record, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE_EVENT = (
    "UPDATE events SET plover_type = ?, plover_mode = ?, quad_class = ?, intensity = ?,"
    " goldstein = ?, factual = ?, when_start = ?, when_end = ?, first_report = ?,"
    " last_report = ?, place_name = ?, geonameid = ?, place_country = ?, dead = ?, injured = ?,"
    " n_mentions = ?, n_sources = ?, disputed = ?, record = ?, updated_at = ? WHERE id = ?"
)


@dataclass(frozen=True, slots=True)
class FuseSummary:
    """What one fusion pass did."""

    mentions: int  # mentions fused now
    created: int  # events started now
    updated: int  # existing events that gained mentions
    events: int  # events stored in all
    seconds: float
    merged: int = 0  # stored events absorbed by another (their mentions moved to it)

    def line(self) -> str:
        merged = f", {self.merged} merged into others" if self.merged else ""
        return (f"fused {self.mentions} new mentions in {self.seconds:.1f} s: "
                f"{self.created} new events, {self.updated} events updated{merged}, "
                f"{self.events} events stored")


def _values(e: FusedEvent) -> tuple[Any, ...]:
    return (e.plover_type, e.plover_mode, e.quad_class, float(e.intensity), e.goldstein,
            bool(e.factual), e.when_start, e.when_end or e.when_start, e.first_report,
            e.last_report, e.place, e.geonameid, e.place_country, e.dead, e.injured,
            len(e.mention_ids), len(e.origins or e.publishers), ",".join(e.disputed),
            json.dumps(e.to_dict(), ensure_ascii=False))


def _features(rows: Sequence[Sequence[Any]]) -> list[Features]:
    return [features(q.mention_from_record(r[0]), r[1]) for r in rows]


def fuse_pending(store: Store, *, rebuild: bool = False,
                 config: FusionConfig | None = None) -> FuseSummary:
    """Fuse the stored mentions that belong to no event yet (all of them with ``rebuild``).

    A new mention that fits two stored events may merge them (see :class:`Fuser`): the
    absorbed event's row goes, its mentions are re-pointed to the event that absorbed it
    (keeping their sequence numbers), and that event's summary and disagreements are
    recomputed from all its mentions."""
    t0 = time.perf_counter()
    with store._tx("fusing mentions") as cur:
        if rebuild:
            for table in ("event_dyads", "event_countries", "event_mentions", "events"):
                store._x(cur, f"DELETE FROM {table}")
        pending = _features(store._x(cur, _PENDING).fetchall())
        if not pending:
            n = store._x(cur, "SELECT COUNT(*) FROM events").fetchone()[0]
            return FuseSummary(0, 0, 0, int(n), time.perf_counter() - t0)
        fuser = Fuser(config)
        existing = _load_near(store, cur, pending) if not rebuild else []
        for event_id, members, ranks in existing:
            fuser.seed(event_id, members, ranks)
        known = {event_id for event_id, _, _ in existing}
        seq0 = int(store._x(cur, "SELECT COALESCE(MAX(seq), 0) FROM event_mentions")
                   .fetchone()[0])
        joined: list[tuple[str, str, int]] = []
        for i, f in enumerate(pending, start=seq0 + 1):
            joined.append((f.id, fuser.add(f, rank=i), i))
        absorbed = fuser.absorbed
        joined = [(mid, absorbed.get(eid, eid), seq) for mid, eid, seq in joined]
        now = _now()
        created = updated = 0
        for eid in sorted(fuser.changed, key=lambda e: (fuser.ranks(e)[0], e)):
            ev = summarize(eid, fuser.members(eid))
            if eid in known:
                store._x(cur, _UPDATE_EVENT, (*_values(ev), now, eid))
                store._x(cur, "DELETE FROM event_dyads WHERE event_id = ?", (eid,))
                store._x(cur, "DELETE FROM event_countries WHERE event_id = ?", (eid,))
                updated += 1
            else:
                store._x(cur, _INSERT_EVENT, (eid, fuser.ranks(eid)[0], *_values(ev), now))
                created += 1
            store._many(cur, "INSERT INTO event_dyads (event_id, a, b, when_start)"
                        " VALUES (?, ?, ?, ?)", [(eid, a, b, ev.when_start) for a, b in ev.dyads])
            store._many(cur, "INSERT INTO event_countries (event_id, country) VALUES (?, ?)",
                        [(eid, c) for c in ev.countries])
        gone = sorted(e for e in absorbed if e in known)
        for eid in gone:  # stored events absorbed by another: re-point their mentions, drop them
            store._x(cur, "UPDATE event_mentions SET event_id = ? WHERE event_id = ?",
                     (absorbed[eid], eid))
            for table in ("event_dyads", "event_countries"):
                store._x(cur, f"DELETE FROM {table} WHERE event_id = ?", (eid,))
            store._x(cur, "DELETE FROM events WHERE id = ?", (eid,))
        store._many(cur, "INSERT INTO event_mentions (mention_id, event_id, seq)"
                    " VALUES (?, ?, ?)", joined)
        n = store._x(cur, "SELECT COUNT(*) FROM events").fetchone()[0]
    return FuseSummary(len(pending), created, updated, int(n), time.perf_counter() - t0,
                       len(gone))


def _load_near(store: Store, cur: Any, pending: Sequence[Features]
               ) -> list[tuple[str, list[Features], list[int]]]:
    """The stored events with a mention dated within reach of the pending ones, with their
    members in fusion order and those members' sequence numbers, oldest event first."""
    reaches = [r for f in pending if (r := f.reach()) is not None]
    if not reaches:
        return []
    lo = dt.date.fromordinal(min(r[0] for r in reaches) - 2).isoformat()
    hi = dt.date.fromordinal(max(r[1] for r in reaches) + 2).isoformat()
    ids = [r[0] for r in store._x(cur, _NEAR, (hi, lo)).fetchall()]
    rows: list[tuple[int, str, int, str, Any]] = []
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows.extend(store._x(cur, (
            "SELECT e.seq, em.event_id, em.seq, m.record, a.published FROM event_mentions em"
            " JOIN events e ON e.id = em.event_id JOIN mentions m ON m.id = em.mention_id"
            f" JOIN articles a ON a.id = m.article_id WHERE em.event_id IN ({marks})"),
            chunk).fetchall())
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    out: dict[str, tuple[list[Features], list[int]]] = {}
    for _eseq, eid, seq, record, published in rows:
        members, ranks = out.setdefault(eid, ([], []))
        members.append(features(q.mention_from_record(record), published))
        ranks.append(int(seq))
    return [(eid, members, ranks) for eid, (members, ranks) in out.items()]


def _filters(dyad: tuple[str, str] | None, country: str | None, since: dt.date | None,
             until: dt.date | None, disputed: bool, factual: bool | None
             ) -> tuple[str, list[Any]]:
    _check_dyad(dyad)
    conds: list[str] = []
    params: list[Any] = []
    if dyad is not None:
        conds.append("e.id IN (SELECT event_id FROM event_dyads WHERE a = ? AND b = ?)")
        params += sorted(dyad)
    if country is not None:
        conds.append("e.id IN (SELECT event_id FROM event_countries WHERE country = ?)")
        params.append(country.upper())
    if until is not None:
        conds.append("e.when_start <= ?")
        params.append(until.isoformat())
    if since is not None:
        conds.append("COALESCE(e.when_end, e.when_start) >= ?")
        params.append(since.isoformat())
    if disputed:
        conds.append("e.disputed <> ''")
    if factual is not None:
        conds.append("e.factual = ?")
        params.append(bool(factual))
    return (" WHERE " + " AND ".join(conds) if conds else ""), params


def fused_events(store: Store, *, dyad: tuple[str, str] | None = None,
                 country: str | None = None, since: dt.date | None = None,
                 until: dt.date | None = None, disputed: bool = False,
                 factual: bool | None = None, limit: int | None = None) -> list[FusedEvent]:
    """Stored fused events matching every filter, by date.

    ``dyad``: the event relates the two countries (either way). ``country``: the country is
    an actor, a recipient or the place. ``disputed``: only events whose reports disagree.
    ``factual``: True leaves out events reported only as negated, hypothetical or future.
    """
    if limit is not None and limit < 0:
        raise ConfigError(f"limit must be 0 or more, not {limit}")
    where, params = _filters(dyad, country, since, until, disputed, factual)
    sql = (f"SELECT e.record FROM events e{where}"
           " ORDER BY (e.when_start IS NULL), e.when_start, e.seq")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    with store._read("reading fused events") as cur:
        rows = store._x(cur, sql, params).fetchall()
    return [FusedEvent.from_dict(json.loads(r[0])) for r in rows]


def disputed_events(store: Store, *, dyad: tuple[str, str] | None = None,
                    since: dt.date | None = None, until: dt.date | None = None,
                    limit: int | None = None) -> list[FusedEvent]:
    """The fused events whose reports disagree on date, toll, place, actor or type."""
    return fused_events(store, dyad=dyad, since=since, until=until, disputed=True, limit=limit)


def event(store: Store, event_id: str) -> Event | None:
    """One fused event with all its mentions (in fusion order), or None."""
    with store._read("reading a fused event") as cur:
        row = store._x(cur, "SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        recs = store._x(cur, "SELECT m.record FROM event_mentions em JOIN mentions m"
                        " ON m.id = em.mention_id WHERE em.event_id = ? ORDER BY em.seq",
                        (event_id,)).fetchall()
    fe = FusedEvent.from_dict(json.loads(row[0]))
    return Event(fe.id, tuple(q.mention_from_record(r[0]) for r in recs),
                 fe.first_report, fe.last_report, fe.disagreements)


def event_of_mention(store: Store, mention_id: str) -> str | None:
    """The id of the fused event a mention belongs to (None until it is fused)."""
    with store._read("looking up a mention's event") as cur:
        row = store._x(cur, "SELECT event_id FROM event_mentions WHERE mention_id = ?",
                       (mention_id,)).fetchone()
    return row[0] if row else None


def event_dyads(store: Store, limit: int = 10) -> list[tuple[str, str, int]]:
    """The country pairs (A < B) with the most factual fused events."""
    with store._read("ranking dyads by events") as cur:
        rows = store._x(cur, "SELECT d.a, d.b, COUNT(*) AS n FROM event_dyads d"
                        " JOIN events e ON e.id = d.event_id WHERE e.factual = ?"
                        " GROUP BY d.a, d.b ORDER BY n DESC, d.a, d.b LIMIT ?",
                        (True, int(limit))).fetchall()
    return [(r[0], r[1], int(r[2])) for r in rows]
