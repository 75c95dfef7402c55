"""Latency of the web API's two hot queries on a database of synthetic fused events.

Usage:
    python benchmarks/web.py [--events 1000000] [--pg postgresql://postgres@127.0.0.1:5432/test]
                             [--no-pg] [--repeat 30] [--out benchmarks/results/web.json]

Builds ``--events`` synthetic events (2015-2024, 300 dyads with Zipf-distributed activity, the
busiest one IND-PAK with about 16% of all events; one report each) straight into the
flashpoint schema, on SQLite (a temporary file) and on PostgreSQL (in its own schema,
``fp_bench_web``, dropped afterwards), runs ANALYZE, then times what the dashboard asks for:

* ``events``: ``/api/events?dyad=IND-PAK&since=..&until=..`` (one month, first page of 100
  rows with the fields from the reports), at random months;
* ``series 90d``: ``/api/dyads/IND-PAK/series`` over 90 days (the dashboard's default range),
  with the escalation index and alerts;
* ``series 1y``: the same over a year.

Reports the median and the 90th percentile in milliseconds. The functions timed are the ones
the API handlers call (``web.queries.event_page``, ``web.views.dyad_series``), in process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
SCHEMA = "fp_bench_web"
START = dt.date(2015, 1, 1)
DAYS = 3653
TYPES = [("ASSAULT", "heavy-weapons", 4, -9.5, "194"), ("ACCUSE", "allege", 3, -3.0, "112"),
         ("RETREAT", "ceasefire", 2, 7.5, "0871"), ("CONSULT", None, 1, 2.5, "040"),
         ("SANCTION", "expel", 4, -6.0, "161"), ("PROTEST", None, 3, -4.0, "140")]
COUNTRIES = ["IND", "PAK", "CHN", "USA", "RUS", "UKR", "ISR", "PSE", "IRN", "SAU", "AFG", "BGD",
             "NPL", "LKA", "MMR", "GBR", "FRA", "DEU", "TUR", "SYR", "IRQ", "EGY", "ETH", "SDN",
             "NGA"]


def _dyads(n: int, rng: random.Random) -> list[tuple[str, str]]:
    out = [("IND", "PAK")]
    seen = set(out)
    while len(out) < n:
        a, b = sorted(rng.sample(COUNTRIES, 2))
        if (a, b) not in seen:
            seen.add((a, b))
            out.append((a, b))
    return out


def rows(n: int, seed: int = 7) -> Iterator[tuple[tuple[Any, ...], ...]]:
    """(event, event_dyad, mention, event_mention) rows of ``n`` synthetic events."""
    rng = random.Random(seed)
    dyads = _dyads(300, rng)
    weights = [1 / (i + 1) for i in range(len(dyads))]
    picks = rng.choices(range(len(dyads)), weights, k=n)
    now = "2025-01-01T00:00:00+00:00"
    for i in range(n):
        a, b = dyads[picks[i]]
        ptype, mode, quad, intensity, cameo = TYPES[rng.randrange(len(TYPES))]
        day = (START + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
        dead = rng.choice((None, None, None, 0, 1, 3, 12)) if quad == 4 else None
        eid, mid = f"ev-{i:016x}", f"m{i:023x}"
        actor, recipient = (a, b) if rng.random() < 0.5 else (b, a)
        rec = {"id": eid, "mentions": [mid], "plover": {"type": ptype, "mode": mode},
               "quad_class": quad, "intensity": intensity, "goldstein": None, "factual": True,
               "when": {"start": day, "end": day},
               "where": {"name": None, "geonameid": None, "country": None, "admin1": None},
               "magnitude": {"dead": dead, "injured": None}, "actor": [actor],
               "recipient": [recipient], "actor_text": None, "recipient_text": None,
               "reciprocal": False, "dyads": [[a, b]], "publishers": ["Wire"],
               "origins": ["Wire"], "first_report": day, "last_report": day,
               "disagreements": []}
        yield (
            (eid, i + 1, ptype, mode, quad, intensity, None, True, day, day, day, day, None,
             None, None, dead, None, 1, 1, "", json.dumps(rec), now),
            (eid, a, b, day),
            (mid, "a0", 0, 0, 10, None, ptype, mode, cameo, quad, intensity, False, day, day,
             "day", "text", None, None, None, None, None, dead, None, None, "reported", 0.8,
             "Wire", "{}"),
            (mid, eid, i + 1),
        )


_EVENT = ("INSERT INTO events (id, seq, plover_type, plover_mode, quad_class, intensity,"
          " goldstein, factual, when_start, when_end, first_report, last_report, place_name,"
          " geonameid, place_country, dead, injured, n_mentions, n_sources, disputed, record,"
          " updated_at) VALUES (" + ", ".join("?" * 22) + ")")
_DYAD = "INSERT INTO event_dyads (event_id, a, b, when_start) VALUES (?, ?, ?, ?)"
_MENTION = ("INSERT INTO mentions (id, article_id, sentence, evidence_start, evidence_end,"
            ' "trigger", plover_type, plover_mode, cameo_code, quad_class, intensity,'
            " reciprocal, when_start, when_end, when_precision, when_basis, geonameid,"
            " place_name, lat, lon, place_country, dead, injured, arrested, status,"
            " confidence, publisher, record) VALUES (" + ", ".join("?" * 28) + ")")
_EM = "INSERT INTO event_mentions (mention_id, event_id, seq) VALUES (?, ?, ?)"
_ARTICLE = ("INSERT INTO articles (id, text, ingested_at) VALUES ('a0', 'synthetic',"
            " '2025-01-01')")


def fill(store: Any, n: int, batch: int = 20000) -> float:
    """Insert ``n`` events; return the seconds it took."""
    t0 = time.perf_counter()
    with store._tx("benchmark article") as cur:
        store._x(cur, _ARTICLE)
    it = rows(n)
    done = 0
    while done < n:
        chunk = [next(it) for _ in range(min(batch, n - done))]
        with store._tx("benchmark batch") as cur:
            for sql, k in ((_EVENT, 0), (_DYAD, 1), (_MENTION, 2), (_EM, 3)):
                store._many(cur, sql, [r[k] for r in chunk])
        done += len(chunk)
        print(f"\r  {done:,} / {n:,} events", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    with store._tx("analyze") as cur:
        cur.execute("ANALYZE")
    return time.perf_counter() - t0


def timed(fn: Callable[[], Any], repeat: int) -> dict[str, float]:
    fn()  # warm the caches once
    ms = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t0) * 1000)
    ms.sort()
    return {"median_ms": round(statistics.median(ms), 2),
            "p90_ms": round(ms[int(0.9 * (len(ms) - 1))], 2)}


def measure(store: Any, repeat: int) -> dict[str, Any]:
    from flashpoint.web.queries import EventFilter, count_events, event_page
    from flashpoint.web.views import dyad_series

    rng = random.Random(1)
    dyad = ("IND", "PAK")

    def month() -> tuple[dt.date, dt.date]:
        s = START + dt.timedelta(days=rng.randrange(DAYS - 40))
        return s, s + dt.timedelta(days=30)

    def events() -> None:
        s, u = month()
        page = event_page(store, EventFilter(dyad=dyad, since=s, until=u), limit=100)
        assert page.rows

    def series(days: int) -> Callable[[], None]:
        def run() -> None:
            s = START + dt.timedelta(days=rng.randrange(DAYS - days))
            out = dyad_series(store, dyad, since=s, until=s + dt.timedelta(days=days - 1))
            assert len(out["periods"]) == days
        return run

    return {
        "dyad_events": count_events(store, EventFilter(dyad=dyad)),
        "events_dyad_month_page100": timed(events, repeat),
        "series_90d": timed(series(90), repeat),
        "series_1y": timed(series(365), max(5, repeat // 3)),
    }


def run_sqlite(n: int, repeat: int) -> dict[str, Any]:
    from flashpoint.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        with open_store(str(Path(tmp) / "bench.db")) as store:
            secs = fill(store, n)
            out = {"build_s": round(secs, 1), **measure(store, repeat)}
        out["db_mb"] = round(sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20)
    return out


def run_pg(url: str, n: int, repeat: int) -> dict[str, Any] | str:
    import psycopg

    from flashpoint.store import open_store

    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            conn.execute(f"CREATE SCHEMA {SCHEMA}")
    except psycopg.Error as e:
        return f"skipped: {str(e).strip()}"
    sep = "&" if "?" in url else "?"
    try:
        with open_store(f"{url}{sep}options=-csearch_path%3D{SCHEMA}") as store:
            secs = fill(store, n)
            return {"build_s": round(secs, 1), **measure(store, repeat)}
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--pg", default=DEFAULT_PG, help="PostgreSQL URL (a schema is created)")
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "web.json"))
    args = ap.parse_args(argv)
    result: dict[str, Any] = {"events": args.events, "repeat": args.repeat,
                              "python": sys.version.split()[0]}
    print(f"SQLite: building {args.events:,} events", file=sys.stderr)
    result["sqlite"] = run_sqlite(args.events, args.repeat)
    print(json.dumps(result["sqlite"], indent=2))
    if not args.no_pg:
        print(f"PostgreSQL: building {args.events:,} events", file=sys.stderr)
        result["postgresql"] = run_pg(args.pg, args.events, args.repeat)
        print(json.dumps(result["postgresql"], indent=2))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
