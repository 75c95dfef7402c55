"""Agreement between two annotators on the hand-made development sets: how high a score can be
before the gold itself is the limit.

A second annotator labelled, blind to the first annotator's labels and to the system, with
only the written guidelines (``evaluation/agreement/README.md``):

* ``status_second.jsonl``: the status of each event of the attribution set's untuned pool
  (held-out half and the ``fresh*`` draws), keyed by sentence id and trigger offsets;
* ``fusion_pairs.tsv``: whether two gold items of the fusion sets report one incident, for
  every same-cluster pair and as many cross-cluster pairs of the same family published at
  most four days apart (drawn with a seed).

:func:`status_agreement` and :func:`fusion_agreement` compare them with the first
annotator's gold (raw agreement, Cohen's kappa, and for pairs the P/R/F1 of the second
annotator scored against the first). Neither needs ``../shared/data``: both sets hold ids and
labels only.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError

AGREEMENT_DIR = Path(__file__).resolve().parents[3] / "evaluation" / "agreement"
EventKey = tuple[str, int, int]  # sentence id, trigger start, trigger end


def kappa(a: Sequence[str], b: Sequence[str]) -> tuple[float, float]:
    """Raw agreement and Cohen's kappa of two label sequences of equal length."""
    if len(a) != len(b) or not a:
        raise ValueError("kappa needs two non-empty label sequences of equal length")
    n = len(a)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return po, (po - pe) / (1 - pe) if pe < 1 else 1.0


def load_second_status(path: Path | None = None) -> dict[EventKey, tuple[str, bool]]:
    """(sentence id, start, end) → (status, unsure) from ``status_second.jsonl``."""
    path = path or AGREEMENT_DIR / "status_second.jsonl"
    if not path.is_file():
        raise ConfigError(f"no second-annotator labels at {path}")
    out: dict[EventKey, tuple[str, bool]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            out[(str(d["id"]), int(d["start"]), int(d["end"]))] = (str(d["status"]),
                                                                   bool(d.get("unsure")))
        except (ValueError, KeyError, TypeError) as e:
            raise ConfigError(f"{path}:{n}: not a label line ({e}); each line needs id, "
                              "start, end and status") from e
    return out


def status_agreement(gold: Mapping[EventKey, str], second: Mapping[EventKey, tuple[str, bool]],
                     system: Mapping[EventKey, str] | None = None) -> dict[str, Any]:
    """First vs second annotator on the events both labelled; with ``system`` (key → the
    system's status) also the system against each annotator and against the events where the
    two agree."""
    keys = sorted(k for k in second if k in gold)
    if not keys:
        raise ConfigError("the second annotator's labels match no event of the gold set")
    first = [gold[k] for k in keys]
    other = [second[k][0] for k in keys]
    po, k = kappa(first, other)
    sure = [i for i, key in enumerate(keys) if not second[key][1]]
    out: dict[str, Any] = {
        "events": len(keys), "agreement": round(po, 3), "kappa": round(k, 3),
        "sure_events": len(sure),
        "sure_agreement": round(sum(first[i] == other[i] for i in sure) / len(sure), 3)
        if sure else None,
        "confusion": {g: dict(sorted(Counter(o for f, o in zip(first, other, strict=True)
                                             if f == g).items()))
                      for g in sorted(set(first))},
    }
    if system is not None:
        sy = [system.get(key, "missed") for key in keys]
        agreed = [i for i in range(len(keys)) if first[i] == other[i]]
        out["system_vs_first"] = round(sum(a == b for a, b in zip(sy, first, strict=True))
                                       / len(keys), 3)
        out["system_vs_second"] = round(sum(a == b for a, b in zip(sy, other, strict=True))
                                        / len(keys), 3)
        out["system_where_both_agree"] = round(
            sum(sy[i] == first[i] for i in agreed) / len(agreed), 3) if agreed else None
        out["both_agree_events"] = len(agreed)
    return out


@dataclass(frozen=True, slots=True)
class PairLabel:
    split: str
    a: str  # gold item key doc_id/sent_id/family
    b: str
    second_same: bool
    confident: bool


def load_second_pairs(path: Path | None = None) -> list[PairLabel]:
    path = path or AGREEMENT_DIR / "fusion_pairs.tsv"
    if not path.is_file():
        raise ConfigError(f"no second-annotator pair labels at {path}")
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    out = []
    for r in csv.DictReader(lines, delimiter="\t"):
        out.append(PairLabel(r["split"], r["a"], r["b"], r["second_same"] == "1",
                             r["confidence"] == "high"))
    return out


def fusion_agreement(clusters: Mapping[str, Mapping[str, str]],
                     pairs: Sequence[PairLabel]) -> list[dict[str, Any]]:
    """Per split (and ``all``): raw agreement on the pairs and the P/R/F1 of the second
    annotator's "same incident" against the first's (``clusters``: split → item key →
    gold cluster)."""
    out = []
    splits = sorted({p.split for p in pairs})
    for name in [*splits, "all"]:
        sel = [p for p in pairs if name in ("all", p.split)]
        got = [(clusters[p.split][p.a] == clusters[p.split][p.b], p.second_same) for p in sel
               if p.a in clusters.get(p.split, {}) and p.b in clusters.get(p.split, {})]
        if not got:
            continue
        tp = sum(1 for f, s in got if f and s)
        fp = sum(1 for f, s in got if s and not f)
        fn = sum(1 for f, s in got if f and not s)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out.append({"split": name, "pairs": len(got),
                    "same_pairs": sum(1 for f, _ in got if f),
                    "agreement": round(sum(f == s for f, s in got) / len(got), 3),
                    "precision": round(p, 3), "recall": round(r, 3),
                    "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0})
    return out
