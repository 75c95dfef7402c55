"""Backtest of the escalation index on ACLED Bangladesh, July-August 2024 (the uprising).

The series is built directly from ACLED's coded events (date, event type), not through the
text pipeline: each event becomes a PLOVER type and mode with its score. The outside truth is
ACLED's fatality count per day: an episode is a run of days with at least --deadly dead.
Alerts of the index (trailing baseline) and of the naive "same as last period" baseline are
scored on precision, recall and lead time to the peak. Writes a PNG under docs/backtests/.

    python evaluation/backtest_bangladesh.py [--data ../shared/data] [--out docs/backtests]

ACLED terms: the data is read from ../shared/data and never copied; only figures are written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

from flashpoint.analysis.backtest import episodes, score_calm, score_onsets
from flashpoint.analysis.escalation import IndexConfig, alerts, index
from flashpoint.analysis.plot import plot_series
from flashpoint.analysis.series import SeriesEvent, series
from flashpoint.ontology import plover_quad, plover_score

ROOT = Path(__file__).resolve().parents[1]
# ACLED sub-event type -> PLOVER type and mode
PLOVER = {
    "Peaceful protest": ("PROTEST", "demo"),
    "Protest with intervention": ("PROTEST", "demo"),
    "Excessive force against protesters": ("ASSAULT", "crowd-control"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("ASSAULT", None),
}
SINCE, UNTIL = dt.date(2024, 4, 1), dt.date(2024, 8, 5)
EVAL_FROM = dt.date(2024, 6, 1)


def load(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "backtests")
    ap.add_argument("--deadly", type=int, default=5, help="dead per day that make an episode")
    args = ap.parse_args()
    path = args.data / "events" / "acled_bangladesh" / "data.jsonl"
    if not path.is_file():
        print(f"ACLED Bangladesh not found at {path}; pass --data", file=sys.stderr)
        return 2
    rows = load(path)
    events = []
    dead: Counter[dt.date] = Counter()
    for r in rows:
        day = dt.date.fromisoformat(str(r["date"]))
        ptype, mode = PLOVER[str(r["sub_event_type"])]
        events.append(SeriesEvent(day, plover_quad(ptype), plover_score(ptype, mode),
                                  dead=int(r.get("fatalities") or 0), id=str(r["id"])))
        dead[day] += int(r.get("fatalities") or 0)
    # the truth is ACLED's daily toll: the index must not see it (no toll weighting)
    periods = series(events, since=SINCE, until=UNTIL, weigh_tolls=False)
    evaluated = [p for p in periods if p.start >= EVAL_FROM]
    truth = episodes(((d, float(v)) for d, v in dead.items() if d >= EVAL_FROM),
                     args.deadly)
    print(f"{len(rows)} ACLED events; series {SINCE}..{UNTIL} (data ends {max(dead)}); "
          f"truth: {len(truth)} episodes with >= {args.deadly} dead/day: "
          + ", ".join(f"{e.start}..{e.end} (peak {e.peak}, {e.peak_value:.0f} dead)"
                      for e in truth))
    results = {}
    for name, cfg in (("index (trailing 28-day baseline)", IndexConfig()),
                      ("naive (same as last day)", IndexConfig(baseline="last"))):
        al = [a for a in alerts(periods, cfg) if a.date >= EVAL_FROM]
        on, calm = score_onsets(name, al, truth), score_calm(name, al, truth)
        print(on.line())
        print("  de-escalation " + calm.line())
        for a in al:
            print(f"  {a.date} {a.message}")
        results[name] = {"onset": on, "calm": calm, "alerts": al}
    cfg = IndexConfig()
    pts = [p for p in index(periods, cfg) if p.start >= EVAL_FROM]
    png = plot_series(args.out / "bangladesh-2024.png", evaluated,
                      "ACLED Bangladesh, Jun-Aug 2024: protests and riots (index: trailing 28 "
                      "days)", pts, results["index (trailing 28-day baseline)"]["alerts"],
                      truth, sorted((d, float(v)) for d, v in dead.items() if d >= EVAL_FROM),
                      "fatalities (ACLED)")
    print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
