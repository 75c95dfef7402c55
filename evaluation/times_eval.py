"""Score ``flashpoint.extractors.times.find_times`` against TimeML gold (TBAQ-cleaned).

Usage: ``python evaluation/times_eval.py [PATH]`` (default ``../shared/data/time/TBAQ-cleaned``).

``evaluate(path)`` walks every ``.tml`` file under ``path``, strips the markup of ``<TEXT>``,
runs ``find_times`` with the ``<DCT>`` date as the publication date and compares with the gold
``TIMEX3`` tags:

* strict P/R/F1: exact character span; relaxed P/R/F1: any overlap (one-to-one, greedy);
* ``value_accuracy``: share of relaxed matches whose value equals the gold value;
  ``date_value_accuracy``: the same over gold DATE expressions only;
* ``type_accuracy``: share of relaxed matches with the gold type.

Every system expression counts, including the extra DURATION that a linked range adds.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from flashpoint.extractors.times import find_times

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_tml(raw: str) -> tuple[str, dt.date | None, list[dict[str, Any]]]:
    """Plain text of ``<TEXT>``, the DCT date and the gold TIMEX3 list (offsets into the text)."""
    dct = None
    m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})", raw)
    if m:
        dct = dt.date.fromisoformat(m.group(1))
    body_m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = body_m.group(1) if body_m else ""
    out: list[str] = []
    n = 0
    gold: list[dict[str, Any]] = []
    open_t: dict[str, Any] | None = None
    pos = 0
    for t in _TAG.finditer(body):
        chunk = html.unescape(body[pos:t.start()])
        out.append(chunk)
        n += len(chunk)
        pos = t.end()
        if t.group(2) != "TIMEX3":
            continue
        if t.group(1) == "":
            attrs = dict(_ATTR.findall(t.group(3)))
            open_t = {"start": n, "type": attrs.get("type"), "value": attrs.get("value")}
        elif open_t is not None:
            open_t["end"] = n
            gold.append(open_t)
            open_t = None
    chunk = html.unescape(body[pos:])
    out.append(chunk)
    text = "".join(out)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    return text, dct, gold


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate(path: str | Path, limit: int | None = None) -> dict[str, Any]:
    """Scores over every ``.tml`` under ``path`` (see module docstring)."""
    files = sorted(Path(path).rglob("*.tml"))[:limit]
    n_gold = n_sys = strict_tp = relaxed_tp = value_ok = type_ok = 0
    date_matched = date_value_ok = 0
    n_chars = 0
    elapsed = 0.0
    errors: list[dict[str, str]] = []
    for f in files:
        text, dct, gold = parse_tml(f.read_text(encoding="utf-8"))
        n_chars += len(text)
        t0 = time.perf_counter()
        sys_exprs = find_times(text, dct)
        elapsed += time.perf_counter() - t0
        n_gold += len(gold)
        n_sys += len(sys_exprs)
        exact = {(x.start, x.end) for x in sys_exprs}
        strict_tp += sum((g["start"], g["end"]) in exact for g in gold)
        used: set[int] = set()
        for g in gold:
            match = None
            for i, x in enumerate(sys_exprs):
                overlaps = i not in used and x.start < g["end"] and g["start"] < x.end
                # prefer a point expression to the DURATION a linked range adds around it
                if overlaps and (match is None or x.type != "DURATION" or x.interval_start is None):
                    match = i
                    if (x.start, x.end) == (g["start"], g["end"]):
                        break
            if match is None:
                continue
            used.add(match)
            x = sys_exprs[match]
            relaxed_tp += 1
            ok = x.value == g["value"]
            value_ok += ok
            type_ok += x.type == g["type"]
            if g["type"] == "DATE":
                date_matched += 1
                date_value_ok += ok
            if not ok and len(errors) < 2000:
                errors.append({"file": f.name, "gold": g["text"], "gold_value": g["value"],
                               "sys": x.text, "sys_value": x.value,
                               "dct": dct.isoformat() if dct else ""})
    return {
        "files": len(files),
        "gold": n_gold,
        "system": n_sys,
        "strict": _prf(strict_tp, n_sys, n_gold),
        "relaxed": _prf(relaxed_tp, n_sys, n_gold),
        "value_accuracy": round(value_ok / relaxed_tp, 4) if relaxed_tp else 0.0,
        "date_value_accuracy": round(date_value_ok / date_matched, 4) if date_matched else 0.0,
        "date_matched": date_matched,
        "type_accuracy": round(type_ok / relaxed_tp, 4) if relaxed_tp else 0.0,
        "ms_per_1000_chars": round(1000 * elapsed / max(1, n_chars) * 1000, 4),
        "errors": errors,
    }


def main(argv: list[str]) -> int:
    default = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "time" / \
        "TBAQ-cleaned"
    path = Path(argv[1]) if len(argv) > 1 else default
    if not path.exists():
        print(f"no TimeML data at {path}; pass the TBAQ-cleaned folder as the first argument")
        return 2
    res = evaluate(path)
    errs = res.pop("errors")
    print(json.dumps(res, indent=2))
    if "-v" in argv:
        for e in errs:
            print(json.dumps(e))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
