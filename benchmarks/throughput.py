"""Throughput and memory of `extract` and `ingest` on real articles (one process, one core).

Usage:
    python benchmarks/throughput.py [--data ../shared/data/events/guardian_sdf_sample.csv]
                                    [--limit N] [--out benchmarks/results/throughput.json]

Reports articles/s for extraction (split, pre-filter, parse, rules) and for ingest into a fresh
SQLite file, where the time goes (parsing vs. everything else), how many sentences the
pre-filter sends to the parser, the events the pre-filter loses against parsing every
sentence, and peak RSS. Pinned to one core with os.sched_setaffinity where available.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "events" / "guardian_sdf_sample.csv"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "throughput.json"))
    ap.add_argument("--no-recall-check", action="store_true",
                    help="skip the full-parse comparison (halves the run time)")
    args = ap.parse_args(argv)
    if not Path(args.data).exists():
        print(f"benchmark data not found: {args.data} (it lives in ../shared/data)",
              file=sys.stderr)
        return 2
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    from flashpoint.extractors.actor_lexicon import ActorLexicon
    from flashpoint.gazetteer import Gazetteer
    from flashpoint.ingest import Skipped, iter_inputs
    from flashpoint.nlp import pipeline
    from flashpoint.nlp.sentences import split_sentences
    from flashpoint.process import process_articles
    from flashpoint.runner import ingest
    from flashpoint.store import open_store

    t0 = time.perf_counter()
    pipeline.load_nlp()
    Gazetteer.default()
    ActorLexicon.default()
    cold = time.perf_counter() - t0

    t0 = time.perf_counter()
    arts = [a for a in iter_inputs([args.data]) if not isinstance(a, Skipped)]
    if args.limit:
        arts = arts[: args.limit]
    read_s = time.perf_counter() - t0
    words = sum(len(a.text.split()) for a in arts)
    n_sent = sum(len(split_sentences(a.text)) for a in arts)

    # time spent inside spaCy, measured by wrapping the parse function
    parse_time = [0.0]
    parsed_sents = [0]
    real_parse = pipeline.parse_many

    def timed_parse(texts, batch_size=None):  # type: ignore[no-untyped-def]
        texts = list(texts)
        parsed_sents[0] += len(texts)
        t = time.perf_counter()
        docs = list(real_parse(texts, batch_size))
        parse_time[0] += time.perf_counter() - t
        return iter(docs)

    import flashpoint.process as proc

    proc.parse_many = timed_parse  # type: ignore[assignment]
    t0 = time.perf_counter()
    results = list(process_articles(arts))
    extract_s = time.perf_counter() - t0
    parse_s, n_parsed = parse_time[0], parsed_sents[0]
    n_events = sum(len(ms) for _a, ms in results)
    keys = {(m.article_id, m.trigger_start, m.plover_type) for _a, ms in results for m in ms}

    recall = None
    if not args.no_recall_check:
        full = list(process_articles(arts, prefilter=False))
        full_keys = {(m.article_id, m.trigger_start, m.plover_type) for _a, ms in full
                     for m in ms}
        lost = len(full_keys - keys)
        recall = {"full_parse_events": len(full_keys), "lost_by_prefilter": lost,
                  "lost_share": round(lost / max(len(full_keys), 1), 4)}
    proc.parse_many = real_parse  # type: ignore[assignment]

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with open_store(str(db)) as store:
            t0 = time.perf_counter()
            summary = ingest(store, [args.data])
            ingest_s = time.perf_counter() - t0

    out = {
        "data": str(args.data), "articles": len(arts), "words": words, "sentences": n_sent,
        "sentences_parsed": n_parsed,
        "cold_start_s": round(cold, 2), "read_s": round(read_s, 2),
        "extract_s": round(extract_s, 2),
        "extract_articles_per_s": round(len(arts) / extract_s, 2),
        "parse_s": round(parse_s, 2),
        "rules_and_rest_s": round(extract_s - parse_s, 2),
        "event_mentions": n_events,
        "ingest_s": round(ingest_s, 2),
        "ingest_articles_per_s": round(summary.read / ingest_s, 2),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "prefilter_recall": recall,
        "cores": 1,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
