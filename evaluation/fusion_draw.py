"""Draw candidate duplicate pairs from india_police_events for a new fusion gold split.

Pairs of ARREST, FORCE or KILL sentences from different articles published at most
``--days`` apart, of one event family (ARREST -> COERCE; FORCE, KILL -> ASSAULT), that share
rare words (summed idf of the shared content words above ``--min-idf``), none of them a
sentence already in ``evaluation/splits/fusion_*.tsv``. A seeded sample of ``--pairs`` is
written as JSON lines *with the two sentences* to stdout: send it to /tmp, never into the
repository (the texts stay in ../shared/data). Each pair is then judged by hand (same
incident or not); the clusters are the connected "same" pairs.

Usage: ``python evaluation/fusion_draw.py --seed 31 --pairs 160 > /tmp/fusion_candidates.jsonl``
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

from flashpoint.evaluation import find_data_dir

SPLITS = Path(__file__).resolve().parent / "splits"
FAMILY = {"ARREST": "COERCE", "FORCE": "ASSAULT", "KILL": "ASSAULT"}
_WORD = re.compile(r"[a-z][a-z0-9]{2,}")
_STOP = frozenset("""the and for with from that this was were been have has had are but not
said says police also who which their they them his her its after before into over under
about than then there here when where while would could will may might can one two three
persons people arrested killed injured firing fired station city state district""".split())


def _used() -> set[tuple[str, int]]:
    out: set[tuple[str, int]] = set()
    for path in SPLITS.glob("fusion_*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and not line.startswith(("#", "cluster")):
                out.add((parts[1], int(parts[2])))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--pairs", type=int, default=160)
    ap.add_argument("--days", type=int, default=4)
    ap.add_argument("--min-idf", type=float, default=14.0)
    args = ap.parse_args(argv)
    folder = find_data_dir(args.data) / "events" / "india_police_events"
    dates: dict[str, dt.date] = {}
    with (folder / "metadata.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("date"):
                dates[str(d["doc_id"])] = dt.date.fromisoformat(str(d["date"])[:10])
    used = _used()
    df: Counter[str] = Counter()
    doc_words: dict[str, set[str]] = {}
    items: list[tuple[str, int, str, str, frozenset[str]]] = []
    with (folder / "sents.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            doc, sid, text = str(d["doc_id"]), int(d["sent_id"]), d["sent_text"]
            words = {w for w in _WORD.findall(text.lower()) if w not in _STOP}
            doc_words.setdefault(doc, set()).update(words)
            fams = {FAMILY[lab] for lab in d.get("sent_labels") or [] if lab in FAMILY}
            if len(fams) == 1 and (doc, sid) not in used and doc in dates and len(text) >= 40:
                items.append((doc, sid, fams.pop(), text.strip(), frozenset(words)))
    for ws in doc_words.values():
        df.update(ws)
    n_docs = len(doc_words)
    idf = {w: math.log(n_docs / c) for w, c in df.items()}
    pairs = []
    for a, b in itertools.combinations(items, 2):
        if a[0] == b[0] or a[2] != b[2] or abs((dates[a[0]] - dates[b[0]]).days) > args.days:
            continue
        shared = a[4] & b[4]
        if sum(idf.get(w, 0.0) for w in shared) > args.min_idf:
            pairs.append((a, b))
    rng = random.Random(args.seed)
    rng.shuffle(pairs)
    for i, (a, b) in enumerate(pairs[:args.pairs]):
        sys.stdout.write(json.dumps({
            "pair": i, "family": a[2],
            "a": {"doc_id": a[0], "sent_id": a[1], "published": dates[a[0]].isoformat(),
                  "sentence": a[3]},
            "b": {"doc_id": b[0], "sent_id": b[1], "published": dates[b[0]].isoformat(),
                  "sentence": b[3]}}, ensure_ascii=False) + "\n")
    print(f"{len(pairs)} candidate pairs, {min(len(pairs), args.pairs)} written",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
