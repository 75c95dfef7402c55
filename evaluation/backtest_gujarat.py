"""Backtest of the whole pipeline on the Gujarat violence of March 2002 (india_police_events):
ingest the 1,257 Times of India articles with their dates from metadata.jsonl, fuse, build the
daily series of fused events in India (actor, recipient or place), run the escalation index and
alerts, and score them against the hand labels: sentences labelled KILL per publication day.

    python evaluation/backtest_gujarat.py [--data ../shared/data] [--db /tmp/gujarat.db]
                                          [--limit N] [--out docs/backtests]

Times each stage. With an existing --db the ingest is idempotent (already stored articles are
skipped), so a second run only times fusion and the analysis.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from flashpoint.analysis.backtest import episodes, score_calm, score_onsets
from flashpoint.analysis.escalation import IndexConfig, alerts, index
from flashpoint.analysis.plot import plot_series
from flashpoint.analysis.series import from_fused, series
from flashpoint.runner import ingest
from flashpoint.store import open_store
from flashpoint.store.fused import fuse_pending, fused_events

ROOT = Path(__file__).resolve().parents[1]
SINCE, UNTIL = dt.date(2002, 2, 1), dt.date(2002, 3, 31)
EVAL_FROM = dt.date(2002, 3, 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--db", default=None, help="database (default: a temporary file)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "backtests")
    ap.add_argument("--kills", type=int, default=0,
                    help="KILL sentences per day that make an episode (default: 2 x median)")
    args = ap.parse_args()
    folder = args.data / "events" / "india_police_events"
    if not (folder / "metadata.jsonl").is_file():
        print(f"india_police_events not found at {folder}; pass --data", file=sys.stderr)
        return 2
    db = args.db or str(Path(tempfile.mkdtemp()) / "gujarat.db")
    with open_store(db) as store:
        t0 = time.perf_counter()
        summary = ingest(store, [str(folder / "metadata.jsonl")], text_column="full_text")
        t1 = time.perf_counter()
        fused = fuse_pending(store, rebuild=True)
        t2 = time.perf_counter()
        print(f"ingest: {summary.lines()[0]} ({t1 - t0:.1f} s)")
        print(f"fusion: {fused.line()} ({t2 - t1:.1f} s)")
        counts = store.counts()
        evs = fused_events(store, country="IND", since=SINCE, until=UNTIL, factual=True)
    print(f"{counts['mentions']} mentions -> {fused.events} fused events; "
          f"{len(evs)} factual events in India {SINCE}..{UNTIL}")
    periods = series(from_fused(evs), since=SINCE, until=UNTIL)
    dates = {}
    with (folder / "metadata.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            dates[d["doc_id"]] = dt.date.fromisoformat(d["date"])
    kills: Counter[dt.date] = Counter()
    with (folder / "sents.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if "KILL" in d["sent_labels"] and d["doc_id"] in dates:
                kills[dates[d["doc_id"]]] += 1
    march = sorted(v for d, v in kills.items() if d >= EVAL_FROM)
    threshold = args.kills or 2 * march[len(march) // 2]
    truth = episodes(((d, float(v)) for d, v in kills.items() if d >= EVAL_FROM), threshold)
    print(f"truth: {len(truth)} episodes with >= {threshold} KILL sentences/day: "
          + ", ".join(f"{e.start}..{e.end} (peak {e.peak})" for e in truth))
    alert_sets = {}
    for name, cfg in (("index (trailing 28-day baseline)", IndexConfig()),
                      ("naive (same as last day)", IndexConfig(baseline="last"))):
        # the corpus starts on 1 March, two days into the violence: keep alerts from then
        al = [a for a in alerts(periods, cfg) if a.date >= EVAL_FROM - dt.timedelta(days=3)]
        print(score_onsets(name, al, truth).line())
        print("  de-escalation " + score_calm(name, al, truth).line())
        for a in al:
            print(f"  {a.date} {a.message}")
        alert_sets[name] = al
    pts = [p for p in index(periods, IndexConfig()) if p.start >= EVAL_FROM]
    png = plot_series(args.out / "gujarat-2002.png",
                      [p for p in periods if p.start >= EVAL_FROM],
                      "Gujarat, March 2002: fused events in India from 1,257 Times of India "
                      "articles", pts, alert_sets["index (trailing 28-day baseline)"], truth,
                      sorted((d, float(v)) for d, v in kills.items() if d >= EVAL_FROM),
                      "KILL sentences (hand labels)")
    print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
