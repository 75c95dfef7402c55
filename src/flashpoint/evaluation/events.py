"""Score the event classifier (:func:`flashpoint.extractors.classifier.classify`) and the
actor-span tagger on the fixed dev splits (``evaluation/splits/``, see :mod:`.events_splits`).

Tasks (each a :class:`Scores`: per-class precision/recall/F1, macro- and weighted F1,
accuracy, confusion matrix with rows gold and columns system):

* ``plover_root``  plv_train's held-back sentences, source and target marked; CONCEDE and
  RETREAT count as YIELD, as plv_train labels them;
* ``quad_class``   cameo_quad_train's held-back sentences (0 neutral, 1-4), no actors given;
* ``coop_conflict`` aw_train (tune and test only): ``dev`` half, and the ``tune`` half the
  ACLED/attack mappings were never fitted on either (nothing was fitted on aw_train);
* ``acled_subtype`` acled_bangladesh: ``dev`` half; the cues were written on the other half;
* ``attack_type``  SATP's own ``dev`` and ``test`` splits (the mapping was written on its train);
  a narrative may have several gold types: the prediction is right when it is one of them;
* ``actor_spans``  cameo_actor_spans_train's held-back sentences: exact-span P/R/F1 per role.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..extractors import actor_spans, classifier
from ..extractors.classifier import Classification
from . import events_data as D
from .events_splits import read_ids

TASKS = ("plover_root", "quad_class", "coop_conflict", "acled_subtype", "attack_type",
         "actor_spans")
BARS = {"plover_root": ("macro_f1", 0.85), "quad_class": ("accuracy", 0.90),
        "coop_conflict": ("accuracy", 0.95), "acled_subtype": ("weighted_f1", 0.80)}

_BOMB = re.compile(r"\b(ied|bomb\w*|blast\w*|explo\w*|grenade\w*|landmine\w*|mine blast|"
                   r"suicide)\b", re.IGNORECASE)
_KIDNAP = re.compile(r"\b(abduct\w*|kidnap\w*|hostage\w*)\b", re.IGNORECASE)
_SECURITY_AGENT = re.compile(
    r"^[^.]{0,80}\b(SFs?|security forces|police|troops|army|soldiers|CRPF|BSF|jawans|"
    r"Rifles|commandos|STF|SOG)\b[^.]{0,40}\b(arrested|killed|shot dead|gunned down|"
    r"neutrali[sz]ed|recovered|seized|apprehended|busted|nabbed|detained|surrender\w*)",
    re.IGNORECASE)


@dataclass(slots=True)
class Scores:
    """Classification scores of one task on one split."""

    n: int
    accuracy: float
    macro_f1: float
    weighted_f1: float
    per_class: dict[str, dict[str, float]]
    labels: list[str]
    confusion: list[list[int]]
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "accuracy": round(self.accuracy, 4),
                "macro_f1": round(self.macro_f1, 4), "weighted_f1": round(self.weighted_f1, 4),
                "per_class": self.per_class, "labels": self.labels,
                "confusion": self.confusion, **self.extra}


def score(gold: Sequence[str], pred: Sequence[str],
          gold_sets: Sequence[frozenset[str]] | None = None) -> Scores:
    """P/R/F1 per class, macro/weighted F1, accuracy, confusion (rows gold, columns system).

    With ``gold_sets`` (several gold labels per item) a prediction in the set is correct and
    counts against that label; ``gold`` then gives the row of a wrong prediction."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    rows = list(gold)
    if gold_sets is not None:
        rows = [p if p in gs else g for g, p, gs in zip(gold, pred, gold_sets, strict=True)]
    labels = sorted(set(rows) | set(pred))
    pos = {lab: i for i, lab in enumerate(labels)}
    conf = [[0] * len(labels) for _ in labels]
    for g, p in zip(rows, pred, strict=True):
        conf[pos[g]][pos[p]] += 1
    per: dict[str, dict[str, float]] = {}
    support = Counter(rows)
    for lab, i in pos.items():
        tp = conf[i][i]
        col = sum(conf[r][i] for r in range(len(labels)))
        row = sum(conf[i])
        prec = tp / col if col else 0.0
        rec = tp / row if row else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                    "support": support[lab]}
    gold_labels = [lab for lab in labels if support[lab]]
    n = len(rows)
    macro = sum(per[lab]["f1"] for lab in gold_labels) / len(gold_labels) if gold_labels else 0.0
    weighted = sum(per[lab]["f1"] * support[lab] for lab in gold_labels) / n if n else 0.0
    acc = sum(conf[i][i] for i in range(len(labels))) / n if n else 0.0
    return Scores(n, acc, macro, weighted, per, labels, conf)


def _root(c: Classification) -> str:
    return "YIELD" if c.plover_type in ("CONCEDE", "RETREAT") else c.plover_type


def attack_type(c: Classification, text: str) -> str:
    """SATP attack type of a classified narrative: armed_assault, bombing_explosion,
    kidnapping, other, or not_terrorist_attack (mapping written on SATP's train split)."""
    if c.plover_type != "ASSAULT" or _SECURITY_AGENT.search(text):
        return "not_terrorist_attack"
    if c.plover_mode in ("explosives", "suicide-attack") or _BOMB.search(text):
        return "bombing_explosion"
    if c.plover_mode == "abduct" or _KIDNAP.search(text):
        return "kidnapping"
    if c.plover_mode in ("destroy", "unconventional"):
        return "other"
    return "armed_assault"


def _run(rows: Sequence[D.Row], gold: Callable[[D.Row], str],
         pred: Callable[[D.Row, Classification], str]) -> tuple[Scores, float]:
    t = time.perf_counter()
    coded = classifier.classify_many([(r.text, None, None) for r in rows])
    out = [pred(r, c) for r, c in zip(rows, coded, strict=True)]
    secs = time.perf_counter() - t
    return score([gold(r) for r in rows], out), secs


def evaluate_events(data: Path, splits_dir: Path | None = None,
                    tasks: Sequence[str] = TASKS) -> dict[str, dict[str, Any]]:
    """Scores of every task (JSON-ready): ``{task: {split: scores}}``."""
    out: dict[str, dict[str, Any]] = {}
    if "plover_root" in tasks:
        dev = read_ids("plv_dev", splits_dir)
        rows = [r for r in D.plv(data) if r.id in dev]
        s, _ = _run(rows, lambda r: r.label, lambda r, c: _root(c))
        out["plover_root"] = {"dev": s.to_dict()}
    if "quad_class" in tasks:
        dev = read_ids("cameo_quad_dev", splits_dir)
        rows = [r for r in D.cameo_quad(data) if r.id in dev]
        s, _ = _run(rows, lambda r: r.label, lambda r, c: str(c.quad_class))
        out["quad_class"] = {"dev": s.to_dict()}
    if "coop_conflict" in tasks:
        dev = read_ids("aw_dev", splits_dir)
        aw_rows = D.aw(data)
        name = {"0": "cooperation", "1": "conflict"}
        res = {}
        for split, keep in (("dev", True), ("tune", False)):
            part = [r for r in aw_rows if (r.id in dev) == keep]
            s, _ = _run(part, lambda r: name[r.label],
                        lambda r, c: "cooperation" if c.cooperation else "conflict")
            res[split] = s.to_dict()
        out["coop_conflict"] = res
    if "acled_subtype" in tasks:
        dev = read_ids("acled_dev", splits_dir)
        acled_rows = D.acled(data)
        res = {}
        for split, keep in (("dev", True), ("tune", False)):
            part = [r for r in acled_rows if (r.id in dev) == keep]
            s, _ = _run(part, lambda r: r.label,
                        lambda r, c: c.acled_sub_event_type or "(none)")
            res[split] = s.to_dict()
        out["acled_subtype"] = res
    if "attack_type" in tasks:
        satp_rows = D.satp(data)
        res = {}
        for split in ("dev", "test"):
            part = [r for r in satp_rows if r.extra == split]
            coded = classifier.classify_many([(r.text, None, None) for r in part])
            preds = [attack_type(c, r.text) for r, c in zip(part, coded, strict=True)]
            sets = [frozenset(r.label.split("|")) for r in part]
            s = score([r.label.split("|")[0] for r in part], preds, sets)
            res[split] = s.to_dict()
        out["attack_type"] = res
    if "actor_spans" in tasks:
        dev = read_ids("actor_spans_dev", splits_dir)
        sents = [s for s in actor_spans_rows(data) if s.id in dev]
        out["actor_spans"] = {"dev": span_scores(sents)}
    return out


def actor_spans_rows(data: Path) -> tuple[D.TaggedSentence, ...]:
    return D.actor_spans(data)


def _bio_spans(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    out: set[tuple[str, int, int]] = set()
    start, role = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if start >= 0 and not (t.startswith("I-") and t[2:] == role):
            out.add((role, start, i))
            start = -1
        if t.startswith("B-") or (t.startswith("I-") and start < 0):
            start, role = i, t[2:]
    return out


def span_scores(sents: Sequence[D.TaggedSentence]) -> dict[str, Any]:
    """Exact-span precision/recall/F1 per role (S source, T target, R other) and overall."""
    weights = actor_spans.load_weights()
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for s in sents:
        gold = _bio_spans(s.tags)
        pred = _bio_spans(actor_spans.tag(list(s.words), weights))
        for role, *_ in gold:
            n_gold[role] += 1
            n_gold["all"] += 1
        for sp in pred:
            n_pred[sp[0]] += 1
            n_pred["all"] += 1
            if sp in gold:
                tp[sp[0]] += 1
                tp["all"] += 1
    per = {}
    for role in ("S", "T", "R", "all"):
        p = tp[role] / n_pred[role] if n_pred[role] else 0.0
        r = tp[role] / n_gold[role] if n_gold[role] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per[role] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                     "gold": n_gold[role], "predicted": n_pred[role]}
    return {"n": len(sents), "per_role": per}


def report_lines(result: dict[str, dict[str, Any]], *, confusion: bool = True) -> list[str]:
    """A readable report of :func:`evaluate_events`' result."""
    lines: list[str] = []
    for task, splits in result.items():
        for split, r in splits.items():
            if task == "actor_spans":
                lines.append(f"{task} [{split}] n={r['n']}  exact-span P/R/F1 per role:")
                for role, v in r["per_role"].items():
                    lines.append(f"  {role:<4} P {v['precision']:.3f}  R {v['recall']:.3f}  "
                                 f"F1 {v['f1']:.3f}  (gold {v['gold']}, predicted "
                                 f"{v['predicted']})")
                continue
            bar = BARS.get(task)
            bar_txt = ""
            if bar and split == "dev":
                ok = r[bar[0]] >= bar[1]
                bar_txt = f"  bar {bar[0]} >= {bar[1]}: {'met' if ok else 'NOT met'}"
            lines.append(f"{task} [{split}] n={r['n']}  accuracy {r['accuracy']:.3f}  macro-F1 "
                         f"{r['macro_f1']:.3f}  weighted-F1 {r['weighted_f1']:.3f}{bar_txt}")
            width = max(len(lab) for lab in r["labels"])
            for lab in r["labels"]:
                v = r["per_class"][lab]
                lines.append(f"  {lab:<{width}}  P {v['precision']:.3f}  R {v['recall']:.3f}  "
                             f"F1 {v['f1']:.3f}  n {v['support']}")
            if confusion:
                short = [lab[:6] for lab in r["labels"]]
                lines.append("  confusion (rows gold, columns system):")
                lines.append("  " + " " * width + "  " + " ".join(f"{s:>6}" for s in short))
                for lab, row in zip(r["labels"], r["confusion"], strict=True):
                    lines.append(f"  {lab:<{width}}  " + " ".join(f"{x:>6}" for x in row))
    return lines
