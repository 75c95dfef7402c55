"""Score the time tagger (:func:`flashpoint.extractors.times.find_timexes`) against TimeML gold.

The gold is TBAQ-cleaned (TimeBank + AQUAINT): ``<DCT>`` is the publication date and every
``<TIMEX3 type value>`` inside ``<TEXT>`` a gold expression. The figures, in TempEval-3 terms:

* ``strict``: extraction P/R/F1 with exact character spans;
* ``relaxed``: extraction P/R/F1 where any overlap counts (one-to-one, exact spans first);
* ``value_accuracy`` / ``type_accuracy``: share of relaxed matches with the gold value / type
  (values compared in one spelling, :func:`canonical_value`: ``2000-W7`` is ``2000-W07``,
  ``1968-XX`` is ``1968``);
* ``value``: P/R/F1 of expressions that are both found (relaxed) and have the gold value:
  TempEval-3's "value F1", extraction and normalisation together, over *all* expressions.

A file that appears twice under the folder (TBAQ ships ``AP900815-0044.tml`` in two places) is
scored once. Documents are named by their file name without ``.tml``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..extractors.times import find_timexes
from ..models import TimeExpression
from .splits import select

__all__ = ["GoldTimex", "TimeDoc", "canonical_value", "read_tbaq", "same_value", "score_times",
           "tbaq_dir"]

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})")
_BODY = re.compile(r"<TEXT>(.*)</TEXT>", re.S)


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeDoc:
    doc_id: str
    text: str
    dct: dt.date | None
    gold: tuple[GoldTimex, ...]


def tbaq_dir(data: Path) -> Path:
    return data / "time" / "TBAQ-cleaned"


def parse_tml(doc_id: str, raw: str) -> TimeDoc:
    """Plain text of ``<TEXT>``, the DCT and the gold TIMEX3s (offsets into that text)."""
    m = _DCT.search(raw)
    dct = dt.date.fromisoformat(m.group(1)) if m else None
    body_m = _BODY.search(raw)
    body = body_m.group(1) if body_m else ""
    parts: list[str] = []
    n = pos = 0
    gold: list[GoldTimex] = []
    open_t: tuple[int, str, str] | None = None
    for t in _TAG.finditer(body):
        chunk = html.unescape(body[pos:t.start()])
        parts.append(chunk)
        n += len(chunk)
        pos = t.end()
        if t.group(2) != "TIMEX3":
            continue
        if t.group(1) == "":
            attrs = dict(_ATTR.findall(t.group(3)))
            open_t = (n, attrs.get("type", ""), attrs.get("value", ""))
        elif open_t is not None:
            gold.append(GoldTimex(open_t[0], n, "", open_t[1], open_t[2]))
            open_t = None
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    gold = [GoldTimex(g.start, g.end, text[g.start:g.end], g.type, g.value) for g in gold]
    return TimeDoc(doc_id, text, dct, tuple(gold))


def read_tbaq(folder: Path, split: str = "all") -> list[TimeDoc]:
    """The TimeML documents under ``folder`` in ``split`` (dev, tune or all), by id."""
    if not folder.is_dir():
        from ..errors import ConfigError

        raise ConfigError(f"no TimeML data at {folder}; pass --data with the folder that holds "
                          "time/TBAQ-cleaned")
    files: dict[str, Path] = {}
    for f in sorted(folder.rglob("*.tml")):
        files.setdefault(f.name.removesuffix(".tml"), f)
    ids = select(sorted(files), split)
    return [parse_tml(i, files[i].read_text(encoding="utf-8")) for i in ids]


_WEEK = re.compile(r"^(\d{4})-W(\d)(?!\d)")
_UNSPECIFIED_TAIL = re.compile(r"^(\d{3,4}(?:-\d{2})?)(?:-XX)+$")


def canonical_value(value: str) -> str:
    """One spelling per TimeML value: ISO weeks with two digits (TBAQ writes both ``2000-W7``
    and ``2000-W07``) and no trailing unspecified fields (``1968-XX`` and ``1994-XX-XX`` name
    the year as ``1968`` and ``1994`` do). Only the spelling changes, never the period named."""
    value = _WEEK.sub(r"\1-W0\2", value)
    m = _UNSPECIFIED_TAIL.match(value)
    return m.group(1) if m else value


def same_value(system: str, gold: str) -> bool:
    return canonical_value(system) == canonical_value(gold)


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def match(gold: Sequence[GoldTimex], found: Sequence[TimeExpression]) -> dict[int, int]:
    """Gold index -> system index, one-to-one: exact spans first, then the largest overlap."""
    pairs: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for si, x in enumerate(found):
            ov = min(g.end, x.end) - max(g.start, x.start)
            if ov > 0:
                exact = int((x.start, x.end) == (g.start, g.end))
                pairs.append((exact, ov, -si, gi))
    pairs.sort(reverse=True)
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, _, neg_si, gi in pairs:
        si = -neg_si
        if gi not in out and si not in used:
            out[gi] = si
            used.add(si)
    return out


def score_times(docs: Sequence[TimeDoc], max_errors: int = 0) -> dict[str, Any]:
    """Extraction and normalisation scores over ``docs`` (see the module docstring)."""
    n_gold = n_sys = strict_tp = relaxed_tp = value_ok = type_ok = 0
    n_chars = 0
    elapsed = 0.0
    errors: list[dict[str, str]] = []
    for d in docs:
        t0 = time.perf_counter()
        found = find_timexes(d.text, d.dct)
        elapsed += time.perf_counter() - t0
        n_chars += len(d.text)
        n_gold += len(d.gold)
        n_sys += len(found)
        m = match(d.gold, found)
        for gi, g in enumerate(d.gold):
            si = m.get(gi)
            if si is None:
                if len(errors) < max_errors:
                    errors.append({"doc": d.doc_id, "kind": "missed", "gold": g.text,
                                   "gold_value": g.value})
                continue
            x = found[si]
            relaxed_tp += 1
            strict_tp += (x.start, x.end) == (g.start, g.end)
            ok = same_value(x.value, g.value)
            value_ok += ok
            type_ok += x.type == g.type
            if not ok and len(errors) < max_errors:
                errors.append({"doc": d.doc_id, "kind": "value", "gold": g.text,
                               "gold_value": g.value, "sys": x.text, "sys_value": x.value,
                               "dct": d.dct.isoformat() if d.dct else ""})
        if max_errors:
            hit = set(m.values())
            for si, x in enumerate(found):
                if si not in hit and len(errors) < max_errors:
                    errors.append({"doc": d.doc_id, "kind": "spurious", "sys": x.text,
                                   "sys_value": x.value})
    out: dict[str, Any] = {
        "documents": len(docs), "gold": n_gold, "system": n_sys,
        "strict": _prf(strict_tp, n_sys, n_gold),
        "relaxed": _prf(relaxed_tp, n_sys, n_gold),
        "value": _prf(value_ok, n_sys, n_gold),
        "value_accuracy": round(value_ok / relaxed_tp, 4) if relaxed_tp else 0.0,
        "type_accuracy": round(type_ok / relaxed_tp, 4) if relaxed_tp else 0.0,
        "ms_per_1000_chars": round(1e6 * elapsed / max(1, n_chars), 3),
    }
    if max_errors:
        out["errors"] = errors
    return out
