"""The read queries behind the HTTP API: fused events with every filter, keyset pagination and
the light-weight series rows.

Events are the fused events of ``flashpoint.store.fused`` (table ``events``); the filters that
live on the reports (status, source, CAMEO code, actor sector, coordinates) reach them through
``event_mentions``. Everything is portable SQL run through the store's connection, the same on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from ..analysis.series import HISTORY_DAYS, Period, SeriesEvent, severity_sql
from ..errors import ConfigError
from ..store import Store
from ..store.queries import source_key

#: sort name -> (SQL key expression, direction). Every key is non-null, so the keyset
#: condition is a plain comparison; ties are broken by the event id.
SORTS: dict[str, tuple[str, str]] = {
    "date": ("COALESCE(e.when_start, '9999-12-31')", "ASC"),
    "-date": ("COALESCE(e.when_start, '0000-01-01')", "DESC"),
    "intensity": ("e.intensity", "ASC"),  # most hostile first
    "-intensity": ("e.intensity", "DESC"),  # most cooperative first
    "dead": ("COALESCE(e.dead, -1)", "DESC"),
    "sources": ("e.n_sources", "DESC"),
    "mentions": ("e.n_mentions", "DESC"),
    "reported": ("COALESCE(e.first_report, '9999-12-31')", "ASC"),
    "-reported": ("COALESCE(e.first_report, '0000-01-01')", "DESC"),
}
STATUSES = ("asserted", "reported", "alleged", "claimed", "denied", "contested",
            "hypothetical", "future", "negated")
ROLES = ("any", "actor", "recipient")
MAX_PAGE = 1000


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Every filter of ``/api/events`` (all optional; all given must hold)."""

    dyad: tuple[str, str] | None = None
    country: str | None = None  # actor or recipient country of any report
    sector: str | None = None  # that actor's sector (GOV, MIL, REB, CVL, ...)
    role: str = "any"  # any | actor | recipient
    plover_type: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None  # a CAMEO code or prefix: "19" matches 190..196
    quad_class: int | None = None
    since: dt.date | None = None  # the event starts on or after this day
    until: dt.date | None = None  # the event starts on or before this day
    overlap: bool = False  # since/until: the event's interval overlaps the range instead
    on: dt.date | None = None  # the event starts on this day (as a daily series counts it)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    status: str | None = None  # some report has this status
    source: str | None = None  # a news organisation anywhere in some report's chain
    disputed: bool | None = None  # the reports disagree on date, toll, place, actor or type
    factual: bool | None = None

    def __post_init__(self) -> None:
        if self.dyad is not None and (len(self.dyad) != 2 or self.dyad[0] == self.dyad[1]):
            raise ConfigError(f"a dyad is two different country codes such as IND-PAK, "
                              f"not {self.dyad!r}")
        if self.role not in ROLES:
            raise ConfigError(f"unknown role {self.role!r}; use one of {', '.join(ROLES)}")
        if self.status is not None and self.status not in STATUSES:
            raise ConfigError(f"unknown status {self.status!r}; use one of "
                              f"{', '.join(STATUSES)}")
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise ConfigError(f"quad class is 1, 2, 3 or 4, not {self.quad_class}")
        if self.bbox is not None:
            w, s, e, n = self.bbox
            if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
                raise ConfigError(f"bbox is west,south,east,north in degrees, not {self.bbox}")

    def to_params(self) -> dict[str, str]:
        """The filter as query-string parameters (what the dashboard and exports share)."""
        out: dict[str, str] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is None or (f.name == "role" and v == "any"):
                continue
            if f.name == "overlap" and not v:
                continue
            if f.name == "dyad":
                out["dyad"] = f"{v[0]}-{v[1]}"
            elif f.name == "bbox":
                out["bbox"] = ",".join(f"{x:g}" for x in v)
            elif isinstance(v, bool):
                out[f.name] = "true" if v else "false"
            elif isinstance(v, dt.date):
                out[f.name] = v.isoformat()
            else:
                out[f.name] = str(v)
        return out


_IN_REPORTS = ("e.id IN (SELECT em.event_id FROM event_mentions em"
               " JOIN {table} ON {join} WHERE {cond})")


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause over ``events e`` for ``f`` and its parameters."""
    conds: list[str] = []
    params: list[Any] = []
    dated = f.on is not None or (f.since is not None and not f.overlap)
    if f.dyad is not None and dated:
        # the dyad's events in the start-date range come straight from ix_event_dyads_dated
        lo = (f.on or f.since or dt.date.min).isoformat()
        hi = (f.on or f.until or dt.date.max).isoformat()
        conds.append("e.id IN (SELECT event_id FROM event_dyads WHERE a = ? AND b = ?"
                     " AND when_start >= ? AND when_start <= ?)")
        params += [*sorted(f.dyad), lo, hi]
    elif f.dyad is not None:
        conds.append("e.id IN (SELECT event_id FROM event_dyads WHERE a = ? AND b = ?)")
        params += sorted(f.dyad)
    if f.until is not None:
        conds.append("e.when_start <= ?")
        params.append(f.until.isoformat())
    if f.since is not None:
        conds.append("COALESCE(e.when_end, e.when_start) >= ?" if f.overlap
                     else "e.when_start >= ?")
        params.append(f.since.isoformat())
    if f.on is not None:
        conds.append("e.when_start = ?")
        params.append(f.on.isoformat())
    if f.country is not None or f.sector is not None:
        sub: list[str] = []
        if f.country is not None:
            sub.append("ma.country = ?")
            params.append(f.country.upper())
        if f.sector is not None:
            sub.append("ma.sector = ?")
            params.append(f.sector.upper())
        if f.role != "any":
            sub.append("ma.role = ?")
            params.append(f.role)
        conds.append(_IN_REPORTS.format(table="mention_actors ma",
                                        join="ma.mention_id = em.mention_id",
                                        cond=" AND ".join(sub)))
    if f.plover_type is not None:
        conds.append("e.plover_type = ?")
        params.append(f.plover_type.upper())
    if f.plover_mode is not None:
        conds.append("e.plover_mode = ?")
        params.append(f.plover_mode)
    if f.quad_class is not None:
        conds.append("e.quad_class = ?")
        params.append(int(f.quad_class))
    if f.cameo is not None:
        code = f.cameo.strip()
        if not code.isdigit():
            raise ConfigError(f"a CAMEO code is digits such as 19 or 0871, not {f.cameo!r}")
        # a prefix as a range ('19' <= code < '1:'), so no LIKE pattern reaches the driver
        conds.append(_IN_REPORTS.format(table="mentions m", join="m.id = em.mention_id",
                                        cond="m.cameo_code >= ? AND m.cameo_code < ?"))
        params += [code, code[:-1] + chr(ord(code[-1]) + 1)]
    if f.status is not None:
        conds.append(_IN_REPORTS.format(table="mentions m", join="m.id = em.mention_id",
                                        cond="m.status = ?"))
        params.append(f.status)
    if f.source is not None:
        keys = sorted({source_key(f.source), f.source.strip().casefold()})
        conds.append(_IN_REPORTS.format(
            table="mention_sources s", join="s.mention_id = em.mention_id",
            cond=f"s.name_key IN ({', '.join('?' * len(keys))})"))
        params += keys
    if f.disputed is not None:
        conds.append("e.disputed <> ''" if f.disputed else "e.disputed = ''")
    if f.factual is not None:
        conds.append("e.factual = ?")
        params.append(bool(f.factual))
    if f.bbox is not None:
        w, s, east, n = f.bbox
        lon = "m.lon BETWEEN ? AND ?" if w <= east else "(m.lon >= ? OR m.lon <= ?)"
        conds.append(
            "EXISTS (SELECT 1 FROM event_mentions em JOIN mentions m ON m.id = em.mention_id"
            " WHERE em.event_id = e.id AND (m.geonameid = e.geonameid OR (e.geonameid IS NULL"
            f" AND m.place_name = e.place_name)) AND m.lat BETWEEN ? AND ? AND {lon})")
        params += [s, n, w, east]
    return (" WHERE " + " AND ".join(conds) if conds else ""), params


# --- cursors ---------------------------------------------------------------------------------

def encode_cursor(sort: str, key: Any, event_id: str) -> str:
    raw = json.dumps([sort, key, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        got_sort, key, event_id = json.loads(raw)
    except (ValueError, binascii.Error, TypeError) as e:
        raise ConfigError("the cursor is not one this server gave out; start again without "
                          "cursor= and follow next_cursor") from e
    if got_sort != sort or not isinstance(event_id, str):
        raise ConfigError(f"the cursor belongs to sort={got_sort}, not sort={sort}; keep the "
                          "same sort while paging")
    return key, event_id


# --- events ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Page:
    rows: list[dict[str, Any]]
    next_cursor: str | None


def event_page(store: Store, f: EventFilter, *, sort: str = "date", limit: int = 100,
               cursor: str | None = None) -> Page:
    """One page of events (flat rows, see :func:`enrich`) and the cursor of the next page."""
    if sort not in SORTS:
        raise ConfigError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    if not 1 <= limit <= MAX_PAGE:
        raise ConfigError(f"limit is 1 to {MAX_PAGE} events a page; follow next_cursor for "
                          "more (there is no cap on the total)")
    key, direction = SORTS[sort]
    where, params = where_clause(f)
    if cursor is not None:
        after_key, after_id = decode_cursor(cursor, sort)
        op = ">" if direction == "ASC" else "<"
        where += (" AND " if where else " WHERE ") + f"({key} {op} ? OR ({key} = ? AND e.id > ?))"
        params += [after_key, after_key, after_id]
    sql = (f"SELECT e.id, e.record, {key} FROM events e{where}"
           f" ORDER BY {key} {direction}, e.id LIMIT ?")
    params.append(limit + 1)
    with store._read("querying events") as cur:
        rows = store._x(cur, sql, params).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        out = enrich(store, cur, [(r[0], json.loads(r[1])) for r in rows])
    nxt = encode_cursor(sort, rows[-1][2], rows[-1][0]) if more and rows else None
    return Page(out, nxt)


def count_events(store: Store, f: EventFilter) -> int:
    where, params = where_clause(f)
    with store._read("counting events") as cur:
        return int(store._x(cur, f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0])


_STATUS_RANK = ("contested", "denied", "alleged", "claimed", "reported", "asserted",
                "future", "hypothetical", "negated")


def event_status(statuses: Sequence[str]) -> str:
    """The badge of an event from its reports' statuses: contested or denied if any report
    is; otherwise the most factual status some report has (asserted < reported < ...)."""
    have = set(statuses)
    for s in ("contested", "denied"):
        if s in have:
            return s
    for s in ("asserted", "reported", "claimed", "alleged", "future", "hypothetical",
              "negated"):
        if s in have:
            return s
    return "reported"


_MEMBERS = (
    "SELECT em.event_id, m.id, m.status, m.cameo_code, m.plover_type, m.geonameid,"
    " m.place_name, m.lat, m.lon, m.article_id FROM event_mentions em"
    " JOIN mentions m ON m.id = em.mention_id WHERE em.event_id IN ({marks})"
    " ORDER BY em.event_id, em.seq"
)


def enrich(store: Store, cur: Any, events: Sequence[tuple[str, dict[str, Any]]]
           ) -> list[dict[str, Any]]:
    """Flat rows of events: the fused record's fields plus what lives on the reports
    (statuses, CAMEO code, coordinates of the chosen place, articles)."""
    members: dict[str, list[Sequence[Any]]] = {}
    ids = [i for i, _ in events]
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        sql = _MEMBERS.format(marks=", ".join("?" * len(chunk)))
        for r in store._x(cur, sql, chunk).fetchall():
            members.setdefault(r[0], []).append(r)
    return [flat(rec, members.get(eid, [])) for eid, rec in events]


def flat(rec: dict[str, Any], members: Sequence[Sequence[Any]]) -> dict[str, Any]:
    """One event as a flat row (the API's list shape and the export columns)."""
    ptype = rec["plover"]["type"]
    where = rec["where"]
    statuses = [str(m[2]) for m in members]
    cameo = next((m[3] for m in members if m[4] == ptype and m[3]), None)
    lat = lon = None
    for m in members:
        same = (where["geonameid"] is not None and m[5] == where["geonameid"]) or \
            (where["geonameid"] is None and where["name"] and m[6] == where["name"])
        if same and m[7] is not None:
            lat, lon = float(m[7]), float(m[8])
            break
    return {
        "id": rec["id"],
        "date": rec["when"]["start"], "date_end": rec["when"]["end"],
        "plover_type": ptype, "plover_mode": rec["plover"]["mode"],
        "cameo_code": cameo, "quad_class": rec["quad_class"],
        "intensity": rec["intensity"], "goldstein": rec["goldstein"],
        "actor": rec["actor"], "recipient": rec["recipient"],
        "actor_text": rec.get("actor_text"), "recipient_text": rec.get("recipient_text"),
        "reciprocal": rec["reciprocal"], "dyads": [f"{a}-{b}" for a, b in rec["dyads"]],
        "place": where["name"], "geonameid": where["geonameid"],
        "place_country": where["country"], "admin1": where.get("admin1"),
        "lat": lat, "lon": lon,
        "dead": rec["magnitude"]["dead"], "injured": rec["magnitude"]["injured"],
        "status": event_status(statuses), "statuses": sorted(set(statuses)),
        "factual": rec["factual"],
        "disputed": [d["field"] for d in rec["disagreements"]],
        "n_mentions": len(rec["mentions"]),
        "n_sources": len(rec["origins"] or rec["publishers"]),
        "publishers": rec["publishers"], "origins": rec["origins"],
        "first_report": rec["first_report"], "last_report": rec["last_report"],
        "articles": list(dict.fromkeys(str(m[9]) for m in members)),
    }


def event_record(store: Store, event_id: str) -> dict[str, Any] | None:
    """The flat row of one event, or None."""
    with store._read("reading an event") as cur:
        row = store._x(cur, "SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        return enrich(store, cur, [(event_id, json.loads(row[0]))])[0]


def event_count(store: Store) -> int:
    with store._read("counting events") as cur:
        return int(store._x(cur, "SELECT COUNT(*) FROM events").fetchone()[0])


def event_range(store: Store, dyad: tuple[str, str] | None = None) -> tuple[str | None,
                                                                             str | None]:
    """The first and last event dates (of a dyad)."""
    where, params = where_clause(EventFilter(dyad=dyad, factual=True))
    with store._read("reading the event date range") as cur:
        lo, hi = store._x(cur, f"SELECT MIN(e.when_start), MAX(e.when_start) FROM events e"
                          f"{where}", params).fetchone()
    return lo, hi


# --- series ----------------------------------------------------------------------------------

def series_events(store: Store, dyad: tuple[str, str], since: dt.date | None = None,
                  until: dt.date | None = None) -> list[SeriesEvent]:
    """The dyad's factual, dated events as series records, read straight from the columns
    (the same selection as ``analysis.series.from_fused``, without parsing the records)."""
    where, params = where_clause(EventFilter(dyad=dyad, since=since, until=until,
                                             factual=True))
    sql = ("SELECT e.when_start, e.quad_class, e.intensity, e.goldstein, e.dead, e.id,"
           f" e.n_sources, e.plover_type, e.first_report FROM events e{where}"
           " AND e.when_start IS NOT NULL")
    with store._read("reading a dyad series") as cur:
        rows = store._x(cur, sql, params).fetchall()
    out = []
    for start, quad, intensity, goldstein, dead, eid, n_sources, ptype, first in rows:
        day = dt.date.fromisoformat(start[:10])
        if first and (dt.date.fromisoformat(first[:10]) - day).days > HISTORY_DAYS:
            continue  # background ("the 1947 war"), as from_fused leaves it out
        out.append(SeriesEvent(day, int(quad), float(intensity),
                               None if goldstein is None else float(goldstein),
                               None if dead is None else int(dead), eid,
                               max(1, int(n_sources)), ptype))
    return out


def _background_sql(dialect: str) -> str:
    """SQL for "dated more than HISTORY_DAYS before its first report" (background history)."""
    if dialect == "postgresql":
        return (f"(e.first_report IS NOT NULL AND CAST(substr(e.first_report, 1, 10) AS DATE)"
                f" - CAST(substr(e.when_start, 1, 10) AS DATE) > {HISTORY_DAYS})")
    return (f"(e.first_report IS NOT NULL AND julianday(substr(e.first_report, 1, 10))"
            f" - julianday(substr(e.when_start, 1, 10)) > {HISTORY_DAYS})")


# analysis.series.severity in SQL: the toll's weight in the hostility
_SEVERITY_SQL = severity_sql("e.dead")


def series_days(store: Store, dyad: tuple[str, str], since: dt.date | None = None,
                until: dt.date | None = None, intensity: str = "plover") -> list[Period]:
    """The dyad's daily series aggregated in SQL (one row per day and quad class), with the
    same selection as ``analysis.series.from_fused``: factual, dated, not background. Empty
    days inside the range are filled with zeros."""
    where, params = where_clause(EventFilter(dyad=dyad, since=since, until=until,
                                             factual=True))
    value = ("COALESCE(e.goldstein, e.intensity)" if intensity == "goldstein"
             else "e.intensity")
    sql = (f"SELECT substr(e.when_start, 1, 10) AS day, e.quad_class, COUNT(*), SUM({value}),"
           f" SUM(CASE WHEN {value} < 0 THEN -({value}) * {_SEVERITY_SQL} ELSE 0 END),"
           " SUM(COALESCE(e.dead, 0))"
           f" FROM events e{where} AND e.when_start IS NOT NULL"
           f" AND NOT {_background_sql(store.dialect)}"
           " GROUP BY substr(e.when_start, 1, 10), e.quad_class ORDER BY day")
    with store._read("aggregating a dyad series") as cur:
        rows = store._x(cur, sql, params).fetchall()
    acc: dict[dt.date, list[float]] = {}
    for day, quad, n, total, hostile, dead in rows:
        d = dt.date.fromisoformat(day)
        row = acc.setdefault(d, [0, 0, 0, 0, 0.0, 0.0, 0])
        if 1 <= int(quad) <= 4:
            row[int(quad) - 1] += int(n)
        row[4] += float(total or 0)
        row[5] += float(hostile or 0)
        row[6] += int(dead or 0)
    if not acc and (since is None or until is None):
        return []
    lo = since or min(acc)
    hi = until or max(acc)
    out: list[Period] = []
    d = lo
    while d <= hi:
        v = acc.get(d, [0, 0, 0, 0, 0.0, 0.0, 0])
        out.append(Period(d, int(v[0]), int(v[1]), int(v[2]), int(v[3]), v[4], v[5], int(v[6])))
        d += dt.timedelta(days=1)
    return out
