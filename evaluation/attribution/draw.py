"""Draw candidate sentences for the attribution set, by surface cue group, with a fixed seed.

    python evaluation/attribution/draw.py --seed 51 --guardian 3 --india 3 > /tmp/draw.jsonl

Sentences already in ``dev.jsonl`` (and, with ``--exclude``, any id listed in the given files)
are never drawn again. The output holds the sentence text for the annotator only; it goes
to a scratch file, never into the repository (the set stores ids and offsets, see README.md).
Each line: ``id``, ``corpus``, ``doc``, ``start``, ``end``, ``sha1``, ``group`` and ``text``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

GROUPS: dict[str, str] = {
    "according": r"\baccording to\b",
    "citing": r"\b(?:citing|quoting|quoted|reported|carried by)\b",
    "told": r"\btold\b",
    "denied": r"\b(?:den(?:y|ied|ies|ial)|rejected|dismissed)\b",
    "claimed": r"\bclaim(?:ed|s)?\b",
    "alleged": r"\b(?:alleged(?:ly)?|suspected|blamed|accused)\b",
    "future": r"\b(?:will|is to|are to|plans? to|planned)\b",
    "hypothetical": r"\b(?:would|could|might|if)\b",
    "negated": r"\b(?:not|no|never|n't)\b",
    "anonymous": r"\b(?:sources?|anonymity|declined to be named|not authorised)\b",
    "quote": r"^[\"“‘']",
    "said": r"\bsaid\b",
}


def _sentences(data: Path) -> list[dict[str, object]]:
    from flashpoint.ingest.text import normalise_text
    from flashpoint.nlp.sentences import split_sentences

    out: list[dict[str, object]] = []
    csv.field_size_limit(sys.maxsize)
    with (data / "events" / "guardian_sdf_sample.csv").open(encoding="utf-8",
                                                            newline="") as f:
        for row in csv.DictReader(f):
            text = normalise_text(row["text"])
            for s in split_sentences(text):
                out.append({"corpus": "guardian", "doc": row[""], "start": s.start,
                            "end": s.end, "text": text[s.start:s.end]})
    folder = data / "events" / "india_police_events"
    texts: dict[str, str] = {}
    with (folder / "docs.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            texts[str(d["doc_id"])] = normalise_text(d["doc_text"])
    pos: dict[str, int] = {}
    with (folder / "sents.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            did = str(d["doc_id"])
            st = normalise_text(d["sent_text"])
            text = texts.get(did)
            if text is None or not st:
                continue
            i = text.find(st, pos.get(did, 0))
            if i < 0:
                continue
            pos[did] = i + len(st)
            out.append({"corpus": "india", "doc": did, "start": i, "end": i + len(st),
                        "text": st})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE.parents[2] / "shared" / "data")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--guardian", type=int, default=3, help="Guardian sentences per group")
    ap.add_argument("--india", type=int, default=3, help="India sentences per group")
    ap.add_argument("--min-chars", type=int, default=60)
    ap.add_argument("--max-chars", type=int, default=300)
    ap.add_argument("--groups", default=",".join(GROUPS))
    ap.add_argument("--exclude", type=Path, nargs="*", default=[],
                    help="files of ids (one per line, or draw output) never to draw")
    a = ap.parse_args()
    taken = {json.loads(ln)["id"] for ln in (HERE / "dev.jsonl").read_text().splitlines()
             if ln.strip()}
    for p in a.exclude:
        for ln in p.read_text(encoding="utf-8").splitlines():
            ln = ln.strip()
            if ln:
                taken.add(json.loads(ln)["id"] if ln.startswith("{") else ln)
    sents = _sentences(a.data)
    rng = random.Random(a.seed)
    for group in a.groups.split(","):
        cue = re.compile(GROUPS[group], re.I)
        for corpus, k in (("guardian", a.guardian), ("india", a.india)):
            pool = []
            for s in sents:
                sid = f"{'g' if s['corpus'] == 'guardian' else 'i'}{s['doc']}-{s['start']}"
                text = str(s["text"])
                if (s["corpus"] == corpus and sid not in taken
                        and a.min_chars <= len(text) <= a.max_chars and cue.search(text)):
                    pool.append((sid, s))
            pool.sort(key=lambda p: p[0])
            for sid, s in rng.sample(pool, min(k, len(pool))):
                taken.add(sid)
                sha = hashlib.sha1(str(s["text"]).encode()).hexdigest()[:12]
                print(json.dumps({"id": sid, **{k2: s[k2] for k2 in (
                    "corpus", "doc", "start", "end")}, "sha1": sha, "group": group,
                    "text": s["text"]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
