"""What the API returns beyond event lists: an event with its reports (evidence sentences with
highlight spans), an article, a dyad's series with its escalation index and alerts, the dyad
ranking and the narrative timeline. Pure functions over a :class:`~flashpoint.store.Store`."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ..analysis.escalation import IndexConfig, alerts, index
from ..analysis.series import INTENSITIES, INTERVALS, roll_up
from ..errors import ConfigError
from ..models import EventMention
from ..store import Store
from ..store.fused import event as fused_event
from ..store.fused import event_of_mention
from . import queries as q

#: baseline window per interval: four weeks of days, eight weeks, six months
WINDOWS = {"day": 28, "week": 8, "month": 6}


def parse_dyad(text: str) -> tuple[str, str]:
    """``IND-PAK`` (or ``ind_pak``) as a pair of country codes."""
    parts = text.upper().replace("_", "-").split("-")
    if len(parts) != 2 or not all(parts) or parts[0] == parts[1]:
        raise ConfigError(f"{text!r} is not a dyad; write two different country codes as "
                          "IND-PAK")
    return parts[0], parts[1]


# --- evidence --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Span:
    start: int  # offsets into the evidence sentence, end exclusive
    end: int
    kind: str  # trigger | actor | recipient | speaker | time | place
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "label": self.label}


def _find(text: str, needle: str | None) -> tuple[int, int] | None:
    if not needle:
        return None
    i = text.find(needle)
    return (i, i + len(needle)) if i >= 0 else None


def highlights(m: EventMention) -> list[Span]:
    """The spans of the evidence sentence to highlight: trigger, actors, recipients and
    speaker from their article offsets; time and place by their text (the record keeps no
    offsets for those). Sorted, non-overlapping (an earlier span wins)."""
    text, base = m.evidence_text, m.evidence_start
    spans: list[Span] = []

    def add(start: int | None, end: int | None, kind: str, label: str, absolute: bool) -> None:
        if start is None or end is None:
            return
        s, e = (start - base, end - base) if absolute else (start, end)
        if 0 <= s < e <= len(text):
            spans.append(Span(s, e, kind, label))

    ptype = m.plover_type + (f"/{m.plover_mode}" if m.plover_mode else "")
    add(m.trigger_start, m.trigger_end, "trigger", f"{ptype} (CAMEO {m.cameo_code or '?'})",
        True)
    for role, actors in (("actor", m.actor), ("recipient", m.recipient)):
        for a in actors:
            add(a.start, a.end, role, f"{role}: {a.code}", True)
    sp = m.attribution.speaker
    if sp is not None:
        add(sp.start, sp.end, "speaker", f"speaker: {sp.country or '?'} {sp.sector or '?'}",
            True)
    if m.when.text and (found := _find(text, m.when.text)):
        add(*found, "time", f"time: {m.when.start}..{m.when.end} ({m.when.precision})", False)
    w = m.where
    if w is not None and (found := _find(text, w.text)):
        add(*found, "place", f"place: {w.name or w.text} ({w.country or '?'})", False)
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    for s in spans:
        if not out or s.start >= out[-1].end:
            out.append(s)
    return out


def mention_view(store: Store, m: EventMention, articles: dict[str, dict[str, Any]]
                 ) -> dict[str, Any]:
    if m.article_id not in articles:
        a = store.article(m.article_id)
        articles[m.article_id] = {
            "id": m.article_id, "title": a.title if a else None,
            "outlet": a.outlet if a else None, "url": a.url if a else None,
            "published": a.published.isoformat() if a and a.published else None}
    d = m.to_dict()
    chain = [p for p in (m.attribution.publisher, *m.attribution.chain) if p]
    return {
        "id": m.event_id, "article": articles[m.article_id], "sentence": m.sentence,
        "evidence": d["evidence"], "highlights": [s.to_dict() for s in highlights(m)],
        "plover": d["plover"], "cameo": d["cameo"], "quad_class": m.quad_class,
        "intensity": m.intensity, "actor": d["actor"], "recipient": d["recipient"],
        "reciprocal": m.reciprocal, "when": d["when"], "where": d["where"],
        "magnitude": d["magnitude"], "attribution": d["attribution"],
        "source_chain": list(dict.fromkeys(chain)), "status": m.status,
        "denied_by": list(m.denied_by), "confidence": d["confidence"],
    }


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """An event with every report behind it (fusion order), the sources and the
    disagreements; None when there is no such event."""
    ev = fused_event(store, event_id)
    row = q.event_record(store, event_id)
    if ev is None or row is None:
        return None
    articles: dict[str, dict[str, Any]] = {}
    mentions = [mention_view(store, m, articles) for m in ev.mentions]
    return {
        **row,
        "disagreements": [d.to_dict() for d in ev.disagreements],
        "sources": ev.origins, "mentions": mentions,
    }


def resolve_event_id(store: Store, some_id: str) -> str | None:
    """The event id for ``some_id``: itself when it is an event, the event a mention (the
    record's ``event_id``) was fused into, else None."""
    if q.event_record(store, some_id) is not None:
        return some_id
    return event_of_mention(store, some_id)


def article_view(store: Store, article_id: str) -> dict[str, Any] | None:
    a = store.article(article_id)
    if a is None:
        return None
    ms = store.mentions(article_id=article_id)
    return {
        "id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language, "file": a.file, "text": a.text,
        "mentions": [{"id": m.event_id, "event": event_of_mention(store, m.event_id),
                      "start": m.evidence_start, "end": m.evidence_end,
                      "trigger": m.trigger, "trigger_start": m.trigger_start,
                      "trigger_end": m.trigger_end, "plover_type": m.plover_type,
                      "status": m.status} for m in ms],
    }


# --- series, alerts, dyads -------------------------------------------------------------------

def dyad_series(store: Store, dyad: tuple[str, str], *, interval: str = "day",
                intensity: str = "plover", since: dt.date | None = None,
                until: dt.date | None = None) -> dict[str, Any]:
    """Counts per period by quad class, intensity, hostility, the escalation index against
    the dyad's trailing baseline, and the alerts."""
    if interval not in INTERVALS:
        raise ConfigError(f"unknown interval {interval!r}; use one of {', '.join(INTERVALS)}")
    if intensity not in INTENSITIES:
        raise ConfigError(f"unknown intensity {intensity!r}; use plover or goldstein")
    days = q.series_days(store, dyad, since, until, intensity)
    periods = roll_up(days, interval)
    cfg = IndexConfig(window=WINDOWS[interval])
    points = index(periods, cfg)
    rows = [{**p.to_dict(), "index": round(pt.index, 2),
             "baseline": round(pt.baseline_mean, 2)} for p, pt in zip(periods, points,
                                                                       strict=True)]
    return {"dyad": f"{dyad[0]}-{dyad[1]}", "interval": interval, "intensity": intensity,
            "window": cfg.window, "periods": rows,
            "alerts": [{"dyad": f"{dyad[0]}-{dyad[1]}", **a.to_dict()}
                       for a in alerts(periods, cfg)]}


_RANKING = (
    "SELECT d.a, d.b, COUNT(*) AS n, MIN(e.when_start), MAX(e.when_start) FROM event_dyads d"
    " JOIN events e ON e.id = d.event_id WHERE e.factual = ?"
    " GROUP BY d.a, d.b ORDER BY n DESC, d.a, d.b LIMIT ?"
)


def dyad_ranking(store: Store, limit: int = 20) -> list[dict[str, Any]]:
    """The most active dyads (factual events), each with its date range and the latest
    escalation index (daily, over the last 120 days of its events)."""
    with store._read("ranking dyads") as cur:
        rows = store._x(cur, _RANKING, (True, int(limit))).fetchall()
    out = []
    for a, b, n, lo, hi in rows:
        latest: dict[str, Any] | None = None
        if hi:
            end = dt.date.fromisoformat(hi[:10])
            s = dyad_series(store, (a, b), since=end - dt.timedelta(days=120), until=end)
            if s["periods"]:
                p = s["periods"][-1]
                latest = {"date": p["start"], "index": p["index"], "hostility": p["hostility"]}
                last_alert = s["alerts"][-1] if s["alerts"] else None
                latest["state"] = (last_alert["kind"] if last_alert else "calm")
        out.append({"dyad": f"{a}-{b}", "a": a, "b": b, "events": int(n), "first": lo,
                    "last": hi, "latest": latest})
    return out


def all_alerts(store: Store, dyad: tuple[str, str] | None, *, interval: str = "day",
               since: dt.date | None = None, until: dt.date | None = None,
               limit: int = 20) -> list[dict[str, Any]]:
    """Alerts of one dyad, or of the ``limit`` most active dyads, newest first."""
    targets = [dyad] if dyad else [(r["a"], r["b"]) for r in _top(store, limit)]
    out: list[dict[str, Any]] = []
    for d in targets:
        out += dyad_series(store, d, interval=interval, since=since, until=until)["alerts"]
    out.sort(key=lambda a: (a["date"], a["dyad"]), reverse=True)
    return out


def _top(store: Store, limit: int) -> list[dict[str, Any]]:
    with store._read("ranking dyads") as cur:
        rows = store._x(cur, _RANKING, (True, int(limit))).fetchall()
    return [{"a": r[0], "b": r[1]} for r in rows]


_TIMELINE = (
    "SELECT e.id, e.record, (SELECT m.record FROM event_mentions em JOIN mentions m"
    " ON m.id = em.mention_id WHERE em.event_id = e.id ORDER BY em.seq LIMIT 1)"
    " FROM events e{where} AND e.when_start IS NOT NULL"
    " ORDER BY e.when_start, e.seq LIMIT ?"
)


def timeline(store: Store, dyad: tuple[str, str], *, since: dt.date | None = None,
             until: dt.date | None = None, per_day: int = 3, limit: int = 2000
             ) -> list[dict[str, Any]]:
    """The dyad's dated narrative: per day, its ``per_day`` most intense factual events
    (largest |intensity|, most sources first), each with the evidence sentence of its first
    report."""
    where, params = q.where_clause(q.EventFilter(dyad=dyad, since=since, until=until,
                                                 factual=True))
    with store._read("reading a dyad timeline") as cur:
        rows = store._x(cur, _TIMELINE.format(where=where), [*params, int(limit)]).fetchall()
        flat = q.enrich(store, cur, [(r[0], json.loads(r[1])) for r in rows])
    first = {r[0]: json.loads(r[2]) if r[2] else None for r in rows}
    days: dict[str, list[dict[str, Any]]] = {}
    for ev in flat:
        if since is None or ev["date"] >= since.isoformat():  # begins in the range
            days.setdefault(ev["date"], []).append(ev)
    out = []
    for day, evs in days.items():
        evs.sort(key=lambda e: (-abs(e["intensity"]), -e["n_sources"], e["id"]))
        items = []
        for e in evs[:per_day]:
            rec = first.get(e["id"])
            items.append({**e, "sentence": rec["evidence"]["text"] if rec else None,
                          "publisher": (rec.get("attribution") or {}).get("publisher")
                          if rec else None})
        out.append({"date": day, "events": items, "more": max(0, len(evs) - per_day)})
    return out
