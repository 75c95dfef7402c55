"""Experiment: can a learned model of event status, trained on text that may train shipped
models, beat the status rules? (Nothing is shipped from here.)

Training data: ``training/data/ngec_status_labels.jsonl``, 1,166 event triggers in 420 of the
synthetic NGEC stories (``../shared/data/events/ngec_synthetic_stories.csv``, a set that may train
shipped models), each labelled with its status by an AI annotator from the attribution
guidelines (``training/data/README.md``). Features: the rule status, the trigger's part of speech
and dependency, its auxiliaries, negation and markers, the lemmas and auxiliaries of up to four
heads above it, the words around it, cue words before and after it in the sentence, and whether
it sits inside an open quotation. Model: multinomial logistic regression (scikit-learn).

It prints the rules' and the model's accuracy by 5-fold cross-validation on NGEC, and on the
attribution development set (``evaluation/attribution``: the tuning half, and the untuned pool),
also with the model overriding the rules only where it is confident::

    .venv/bin/python training/status_experiment.py [--data ../shared/data] [--seed 13]

scikit-learn comes from the ``train`` extra (``pip install scikit-learn==1.9.1``).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from flashpoint.evaluation import attribution as A
from flashpoint.evaluation import find_data_dir
from flashpoint.ingest.text import normalise_text
from flashpoint.nlp.pipeline import load_nlp
from flashpoint.process import make_article, process_articles

LABELS = Path(__file__).resolve().parent / "data" / "ngec_status_labels.jsonl"
UNTUNED = ("heldout", "fresh", "fresh2", "fresh3", "fresh4")
_CUE = re.compile(
    r"\b(said|says|told|according|reported|reportedly|claimed|claims|denied|denies|deny|"
    r"rejected|alleged|allegedly|suspected|accused|blamed|if|unless|could|may|might|would|"
    r"will|shall|plans?|planned|expected|scheduled|threat\w*|warn\w*|not|no|never|nor|"
    r"without|fail\w*|vowed|intend\w*|aims?|seek\w*|calls?|urged|demand\w*|possible|likely|"
    r"fears?|feared)\b", re.I)


def _quote_open(before: str) -> bool:
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def features(sentence: str, ts: int, te: int, before: str, rule: str) -> dict[str, float]:
    """The features of the trigger at ``ts``-``te`` of ``sentence`` (``before``: the text
    before the sentence, for quotation state; ``rule``: the status the rules give it)."""
    doc = load_nlp()(sentence)
    toks = [t for t in doc if ts <= t.idx < te] or [min(doc, key=lambda t: abs(t.idx - ts))]
    t = toks[0]
    f: dict[str, float] = {"R=" + rule: 1.0, f"R={rule}&{t.pos_}": 1.0, "POS=" + t.pos_: 1.0,
                           "TAG=" + t.tag_: 1.0, "DEP=" + t.dep_: 1.0}
    for c in t.children:
        if c.dep_ in ("aux", "auxpass", "neg", "mark", "det", "poss", "advmod", "prep"):
            f[f"C:{c.dep_}:{c.lower_}"] = 1.0
    node = t
    for k in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        f[f"A{min(k, 2)}:{node.lemma_.lower()}"] = 1.0
        f[f"AD{min(k, 2)}:{node.dep_}"] = 1.0
        for c in node.children:
            if c.dep_ in ("aux", "neg", "mark"):
                f[f"AC:{c.dep_}:{c.lower_}"] = 1.0
    words = [w.lower_ for w in doc]
    for j in range(max(0, t.i - 6), t.i):
        f["L:" + words[j]] = 1.0
    for j in range(t.i + 1, min(len(words), t.i + 4)):
        f["Rw:" + words[j]] = 1.0
    for m in _CUE.finditer(sentence):
        f[f"S{'B' if m.start() < ts else 'F'}:{m.group(1).lower()}"] = 1.0
    if _quote_open(before[-300:] + sentence[:ts]):
        f["QUOTE"] = 1.0
    return f


def ngec_items(data: Path) -> tuple[list[dict[str, float]], list[str], list[str]]:
    """Features, labels and rule statuses of the labelled NGEC triggers (the stories are run
    through the pipeline to get each trigger's sentence and rule status)."""
    labels = [json.loads(ln) for ln in LABELS.read_text(encoding="utf-8").splitlines() if ln]
    rows_wanted = {d["row"] for d in labels}
    csv.field_size_limit(sys.maxsize)
    with (data / "events" / "ngec_synthetic_stories.csv").open(encoding="utf-8") as fh:
        texts = {i: normalise_text(r["text"]) for i, r in enumerate(csv.DictReader(fh))
                 if i in rows_wanted}
    order = sorted(texts)
    mentions: dict[tuple[int, int], Any] = {}
    arts = [make_article(texts[i], row_id=str(i)) for i in order]
    for art, ms in process_articles(arts):
        for m in ms:
            if m.trigger_start is not None:
                mentions.setdefault((int(art.row_id or -1), m.trigger_start), m)
    X, y, rule = [], [], []
    for d in labels:
        m = mentions.get((d["row"], d["start"]))
        if m is None:
            continue  # the pipeline no longer finds this trigger
        text = texts[d["row"]]
        s0, s1 = m.evidence_start, m.evidence_end
        X.append(features(text[s0:s1], d["start"] - s0, d["end"] - s0, text[max(0, s0 - 500):s0],
                          m.status))
        y.append(d["status"])
        rule.append(m.status)
    return X, y, rule


def gold_items(data: Path) -> tuple[list[dict[str, float]], list[str], list[str], list[str]]:
    """Features, gold statuses, rule statuses and split names of the attribution set's events."""
    gold = A.load_gold()
    docs = A.documents(data, gold)
    statuses = A.event_statuses(gold, A.run_system(docs, gold))
    split_of = {i: s for s in ("tune", *UNTUNED) for i in A.load_split(s)}
    X, y, rule, split = [], [], [], []
    for g in gold:
        text = docs[(g.corpus, g.doc)][0]
        for e in g.events:
            r = statuses[(g.id, e.start, e.end)]
            X.append(features(text[g.start:g.end], e.start - g.start, e.end - g.start,
                              text[max(0, g.start - 500):g.start], r))
            y.append(e.status)
            rule.append(r)
            split.append("tune" if split_of.get(g.id) == "tune" else "untuned")
    return X, y, rule, split


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--c", type=float, default=0.3)
    args = ap.parse_args(argv)
    data = find_data_dir(args.data)
    X, y, rule = ngec_items(data)
    print(f"NGEC: {len(y)} labelled triggers {dict(Counter(y).most_common())}")
    vec = DictVectorizer()
    M = vec.fit_transform(X)
    clf = LogisticRegression(C=args.c, max_iter=3000)
    cv = cross_val_predict(clf, M, y, cv=StratifiedKFold(5, shuffle=True, random_state=args.seed))
    acc = np.mean([a == b for a, b in zip(rule, y, strict=True)])
    print(f"NGEC 5-fold: rules {acc:.3f}, model {np.mean(cv == np.array(y)):.3f}")
    clf.fit(M, y)
    GX, gy, grule, gsplit = gold_items(data)
    P = clf.predict_proba(vec.transform(GX))
    classes = list(clf.classes_)
    for name in ("tune", "untuned"):
        idx = [i for i, s in enumerate(gsplit) if s == name]
        line = [f"attribution {name} ({len(idx)} events): rules "
                f"{np.mean([grule[i] == gy[i] for i in idx]):.3f}"]
        for th in (0.0, 0.6, 0.8):
            pred = [classes[int(np.argmax(P[i]))] if P[i].max() >= th else grule[i] for i in idx]
            label = "model" if th == 0.0 else f"model where p >= {th}"
            right = np.mean([p == gy[i] for p, i in zip(pred, idx, strict=True)])
            line.append(f"{label} {right:.3f}")
        print(", ".join(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
