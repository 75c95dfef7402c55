"""Score toponym recognition and resolution (:func:`flashpoint.extractors.places
.toponyms_of_texts`) on TR-News (news articles with every toponym tagged with its GeoNames entry).

* detection P/R/F1: a found span matches a gold span when they overlap (one-to-one, largest
  overlap first);
* ``geonameid_accuracy``, ``acc_at_161km``: over **all** gold toponyms, a missed toponym counts
  as wrong; ``acc_at_161km_matched`` only over the matched ones;
* ``mean_error_km``, ``median_error_km``: over matched toponyms with coordinates.

Demonyms ("Turkish") are gold toponyms in TR-News and flashpoint records them as mentions of
their country (``kind: demonym``), so they count like any other toponym. ``by_kind`` splits the
found toponyms by kind. Documents are named by their ``docid``.

Some TR-News gold offsets are shifted by a few characters from the article text as stored (the
text lost characters the offsets still count); :func:`read_trnews` moves such a span to the
nearest occurrence of its phrase within ``_REALIGN_CHARS`` characters (``realigned`` in the
scores counts them), and leaves it as given when there is none.
"""

from __future__ import annotations

import re
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..extractors.places import Toponym, toponyms_of_texts
from ..gazetteer import haversine_km
from .splits import select

__all__ = ["GoldToponym", "PlaceDoc", "read_trnews", "score_found", "score_places",
           "trnews_path"]


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    realigned: bool = False


@dataclass(frozen=True, slots=True)
class PlaceDoc:
    doc_id: str
    text: str
    gold: tuple[GoldToponym, ...]


def trnews_path(data: Path) -> Path:
    return data / "geo" / "TR-News.xml"


def _float(v: str | None) -> float | None:
    try:
        return float(v) if v is not None else None
    except ValueError:
        return None


_REALIGN_CHARS = 20


def _realign(text: str, g: GoldToponym, taken: set[int]) -> GoldToponym:
    """``g`` moved onto the nearest free occurrence of its phrase when its offsets are shifted."""
    if not g.phrase or text[g.start:g.end] == g.phrase:
        return g
    lo = max(0, g.start - _REALIGN_CHARS)
    hits = [m.start() + lo for m in re.finditer(re.escape(g.phrase),
                                                 text[lo:g.end + _REALIGN_CHARS])]
    hits = [h for h in hits if h not in taken] or hits
    if not hits:
        return g
    s = min(hits, key=lambda h: (abs(h - g.start), h))
    return GoldToponym(s, s + len(g.phrase), g.phrase, g.geonameid, g.lat, g.lon, True)


def read_trnews(path: Path, split: str = "all") -> list[PlaceDoc]:
    """The TR-News articles in ``split`` (dev, tune or all), in file order."""
    if not path.is_file():
        raise ConfigError(f"no TR-News file at {path}; pass --data with the folder that holds "
                          "geo/TR-News.xml")
    root = ET.parse(path).getroot()
    docs: dict[str, PlaceDoc] = {}
    for n, art in enumerate(root.iter("article")):
        doc_id = art.get("docid") or str(n)
        golds: list[GoldToponym] = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            gid = g.get("geonameid") if g is not None else None
            golds.append(GoldToponym(
                int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                t.findtext("phrase") or "", int(gid) if gid and gid.isdigit() else None,
                _float(g.findtext("lat")) if g is not None else None,
                _float(g.findtext("lon")) if g is not None else None))
        text = art.findtext("text") or ""
        taken = {gt.start for gt in golds if text[gt.start:gt.end] == gt.phrase}
        fixed: list[GoldToponym] = []
        for gt in golds:
            fixed.append(_realign(text, gt, taken))
            taken.add(fixed[-1].start)
        docs.setdefault(doc_id, PlaceDoc(doc_id, text, tuple(fixed)))
    keep = set(select(list(docs), split))
    return [d for i, d in docs.items() if i in keep]


def match(golds: Sequence[GoldToponym], found: Sequence[Toponym]) -> dict[int, int]:
    """Gold index -> found index (overlapping spans, one-to-one, largest overlap first)."""
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(golds):
        for pi, t in enumerate(found):
            ov = min(g.end, t.place.end or 0) - max(g.start, t.place.start or 0)
            if ov > 0:
                pairs.append((ov, -gi, -pi))
    pairs.sort(reverse=True)
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, ngi, npi in pairs:
        if -ngi not in out and -npi not in used:
            out[-ngi] = -npi
            used.add(-npi)
    return out


def score_found(docs: Sequence[PlaceDoc], found: Sequence[Sequence[Toponym]],
                max_errors: int = 0) -> dict[str, Any]:
    """Scores of ``found[i]``, the toponyms found in ``docs[i]``."""
    n_gold = n_found = tp = exact = within = realigned = 0
    km: list[float] = []
    kinds: dict[str, dict[str, int]] = {}
    errors: list[dict[str, Any]] = []
    for d, tops in zip(docs, found, strict=True):
        m = match(d.gold, tops)
        n_gold += len(d.gold)
        realigned += sum(g.realigned for g in d.gold)
        n_found += len(tops)
        tp += len(m)
        hit = set(m.values())
        for pi, t in enumerate(tops):
            k = kinds.setdefault(t.kind, {"found": 0, "matched": 0})
            k["found"] += 1
            k["matched"] += pi in hit
            if pi not in hit and len(errors) < max_errors:
                errors.append({"doc": d.doc_id, "kind": "spurious", "text": t.place.text,
                               "name": t.place.name, "country": t.place.country})
        for gi, g in enumerate(d.gold):
            if gi not in m:
                if len(errors) < max_errors:
                    errors.append({"doc": d.doc_id, "kind": "missed", "gold": g.phrase})
                continue
            pl = tops[m[gi]].place
            exact += g.geonameid is not None and pl.geonameid == g.geonameid
            if None in (g.lat, g.lon, pl.lat, pl.lon):
                continue
            dist = haversine_km(g.lat or 0.0, g.lon or 0.0, pl.lat or 0.0, pl.lon or 0.0)
            km.append(dist)
            within += dist <= 161.0
            if dist > 161.0 and len(errors) < max_errors:
                errors.append({"doc": d.doc_id, "kind": "far", "gold": g.phrase,
                               "gold_id": g.geonameid, "name": pl.name, "id": pl.geonameid,
                               "country": pl.country, "km": round(dist)})
    p = tp / n_found if n_found else 0.0
    r = tp / n_gold if n_gold else 0.0
    out: dict[str, Any] = {
        "documents": len(docs), "gold": n_gold, "realigned": realigned, "found": n_found,
        "matched": tp,
        "precision": round(p, 4), "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "geonameid_accuracy": round(exact / n_gold, 4) if n_gold else 0.0,
        "acc_at_161km": round(within / n_gold, 4) if n_gold else 0.0,
        "acc_at_161km_matched": round(within / len(km), 4) if km else 0.0,
        "mean_error_km": round(statistics.fmean(km), 1) if km else None,
        "median_error_km": round(statistics.median(km), 1) if km else None,
        "by_kind": kinds,
    }
    if max_errors:
        out["errors"] = errors
    return out


def score_places(docs: Sequence[PlaceDoc], max_errors: int = 0,
                 tagger: Callable[[Iterable[str]], Iterable[list[Toponym]]] | None = None
                 ) -> dict[str, Any]:
    """Run the toponym tagger (NER + gazetteer) over ``docs`` and score it."""
    run = tagger or toponyms_of_texts
    t0 = time.perf_counter()
    found = list(run(d.text for d in docs))
    elapsed = time.perf_counter() - t0
    out = score_found(docs, found, max_errors)
    out["ms_per_article"] = round(1000 * elapsed / max(1, len(docs)), 2)
    return out
