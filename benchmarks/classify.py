"""Speed of the learned event classifier (sentences/s on one core) and its size on disk.

Usage:
    python benchmarks/classify.py [--data ../shared/data] [--repeat 3]
                                  [--out benchmarks/results/classify.json]

Classifies every plv_train sentence (source and target marked) and every cameo_quad_train
sentence (no actors: the actor-span tagger runs too), after one warm-up pass that loads the
model; reports the best of ``--repeat`` passes, one sentence per call (``classify``) and in
one batch (``classify_many``, the encoder runs 32 sentences at a time). ``FLASHPOINT_ENCODER=off``
times the lexical heads alone. Without ../shared/data it times the bundled
sample corpus's sentences instead. Pinned to one core with os.sched_setaffinity where available.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from flashpoint.extractors.classifier import classify, classify_many  # noqa: E402
from flashpoint.resources import data_path, sample_corpus_dir  # noqa: E402


def _rows(data: Path) -> dict[str, list[str]]:
    from flashpoint.evaluation import events_data as D

    if (data / "events").is_dir():
        return {"with_actors": [r.text for r in D.plv(data)],
                "without_actors": [r.text for r in D.cameo_quad(data)]}
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(sample_corpus_dir().iterdir()))
    sents = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 20]
    return {"without_actors": sents}


def _time(texts: list[str], repeat: int, batched: bool) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        if batched:
            classify_many([(s, None, None) for s in texts])
        else:
            for s in texts:
                classify(s)
        best = min(best, time.perf_counter() - t)
    return len(texts) / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "classify.json")
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rows = _rows(a.data)
    classify(next(iter(rows.values()))[0])  # load the model
    result: dict[str, object] = {"cores": 1,
                                 "encoder": os.environ.get("FLASHPOINT_ENCODER", "on")}
    for name, texts in rows.items():
        result[f"sentences_per_s_{name}"] = round(_time(texts, a.repeat, False), 1)
        result[f"sentences_per_s_{name}_batched"] = round(_time(texts, a.repeat, True), 1)
        result[f"sentences_{name}"] = len(texts)
    files = sorted(data_path("models").iterdir())
    result["model_files"] = {p.name: p.stat().st_size for p in files}
    result["model_mb"] = round(sum(p.stat().st_size for p in files) / 1e6, 2)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
