"""Fusion speed: fuse N synthetic event mentions (default 100,000) on one core.

Synthetic world: 25,000 events over one year among 40 countries and 400 places, each reported
1 to 8 times with noise (mode dropped, a day off, toll changed, a country missing, reworded
evidence). Prints the time to compute the features and to cluster (wall clock, and the CPU time
of the process, which a busy machine does not inflate), the events merged by later mentions,
and the pairwise F1 of the result against the synthetic truth; writes
benchmarks/results/fusion.json.

    python benchmarks/fusion.py [--mentions 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from pathlib import Path

from flashpoint.fuse import Fuser, features
from flashpoint.models import Actor, Attribution, EventMention, Magnitude, Place, TimeSpan

TYPES = [("ASSAULT", "heavy-weapons", 4, -9.5), ("ASSAULT", "firearms", 4, -9.0),
         ("PROTEST", "demo", 4, -5.0), ("COERCE", "arrest", 4, -7.0),
         ("ACCUSE", "allege", 3, -3.0), ("CONSULT", None, 1, 2.5), ("AGREE", None, 1, 2.5),
         ("RETREAT", "ceasefire", 2, 7.5), ("THREATEN", None, 3, -3.5)]
WORDS = ("troops shelled village killing civilians police fired mob crowd protesters arrested "
         "leaders talks ministers agreed ceasefire border posts town district officials said "
         "attack militants convoy market hospital injured residents army rebels").split()
OUTLETS = [f"Outlet {i}" for i in range(30)]


def world(n_mentions: int, seed: int) -> tuple[list[EventMention], dict[str, int]]:
    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(40)]
    places = [(i, rng.choice(countries), rng.uniform(-40, 60), rng.uniform(-20, 120))
              for i in range(400)]
    day0 = dt.date(2024, 1, 1)
    out: list[EventMention] = []
    truth: dict[str, int] = {}
    ev = 0
    while len(out) < n_mentions:
        ptype, mode, quad, score = rng.choice(TYPES)
        gid, pc, lat, lon = rng.choice(places)
        a, b = rng.choice(countries), rng.choice(countries)
        day = day0 + dt.timedelta(days=rng.randrange(365))
        dead = rng.choice([None, None, rng.randrange(1, 40)])
        words = rng.sample(WORDS, 12)
        for r in range(rng.randint(1, 8)):
            if len(out) >= n_mentions:
                break
            d = day + dt.timedelta(days=rng.choice([0, 0, 0, 0, 1, -1]))
            text = " ".join(w for w in words if rng.random() > 0.3)
            toll = dead if dead is None or rng.random() > 0.3 else dead + rng.randrange(-2, 5)
            mid = f"m{len(out):07d}"
            out.append(EventMention(
                event_id=mid, article_id=f"a{ev:06d}-{r}", sentence=0, evidence_text=text,
                evidence_start=0, evidence_end=len(text), trigger=None, plover_type=ptype,
                plover_mode=mode if rng.random() > 0.3 else None, cameo_code=None,
                quad_class=quad, intensity=score,
                actor=(Actor("x", a),) if rng.random() > 0.2 else (),
                recipient=(Actor("y", b),) if rng.random() > 0.3 else (),
                when=TimeSpan(d.isoformat(), d.isoformat(), "day", basis="text"),
                where=Place("p", f"P{gid}", gid, lat, lon, None, pc, "city")
                if rng.random() > 0.3 else None,
                magnitude=Magnitude(dead=toll),
                attribution=Attribution(publisher=rng.choice(OUTLETS))))
            truth[mid] = ev
        ev += 1
    return out, truth


def pairwise(pred: dict[str, str], truth: dict[str, int]) -> tuple[float, float, float]:
    """Pairwise P/R/F1 by counting pairs within clusters (fast for large sets)."""
    from collections import Counter

    both = Counter((pred[m], truth[m]) for m in truth)
    p_sizes = Counter(pred[m] for m in truth)
    t_sizes = Counter(truth.values())

    def pairs(c: Counter) -> int:  # type: ignore[type-arg]
        return sum(n * (n - 1) // 2 for n in c.values())

    tp = pairs(both)
    p = tp / pairs(p_sizes) if pairs(p_sizes) else 1.0
    r = tp / pairs(t_sizes) if pairs(t_sizes) else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    mentions, truth = world(args.mentions, args.seed)
    t0, c0 = time.perf_counter(), time.process_time()
    feats = [features(m, m.when.start) for m in mentions]
    t1 = time.perf_counter()
    fuser = Fuser()
    pred = {f.id: fuser.add(f) for f in feats}
    t2, c2 = time.perf_counter(), time.process_time()
    p, r, f1 = pairwise(pred, truth)
    result = {"mentions": len(mentions), "true_events": len(set(truth.values())),
              "fused_events": len(fuser), "features_s": round(t1 - t0, 2),
              "cluster_s": round(t2 - t1, 2), "total_s": round(t2 - t0, 2),
              "cpu_s": round(c2 - c0, 2), "merged_events": len(fuser.absorbed),
              "mentions_per_s": round(len(mentions) / (t2 - t0)),
              "synthetic_pairwise": {"precision": round(p, 3), "recall": round(r, 3),
                                     "f1": round(f1, 3)}, "cores": 1}
    print(json.dumps(result, indent=2))
    out = Path(__file__).resolve().parent / "results" / "fusion.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
