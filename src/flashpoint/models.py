"""The records flashpoint passes between stages.

Every record is a small, typed, slotted dataclass. ``EventMention.to_dict()`` produces exactly
the JSON shape of the record contract (``shared/design/README.md`` and
``event-mention.schema.json``); ``EventMention.from_dict()`` reads it back.

Offsets: every ``start``/``end`` is a character offset into ``Article.text`` (the article body,
after any header lines of a plain-text file were removed), end exclusive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = (
    "asserted", "reported", "alleged", "claimed", "denied", "contested",
    "hypothetical", "future", "negated",
)
PRECISIONS = ("hour", "day", "week", "month", "quarter", "year", "decade")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested. ``id`` is the sha256 of the normalised text."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    file: str | None = None
    row_id: str | None = None
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "file": self.file,
            "row_id": self.row_id,
            "line": self.line,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor span with its code: ISO3 country (or IGO/NGO/...) and sector."""

    text: str
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "country": self.country, "sector": self.sector,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(d["text"], d.get("country"), d.get("sector"), d.get("start"), d.get("end"))

    @property
    def code(self) -> str:
        """``IND GOV``-style code for display ("?" where a part is unknown)."""
        return f"{self.country or '?'} {self.sector or '?'}".strip()


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym and its GeoNames resolution (any field may be unknown)."""

    text: str | None
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None
    precision: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "geonameid": self.geonameid,
                "lat": self.lat, "lon": self.lon, "admin1": self.admin1,
                "country": self.country, "precision": self.precision}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if d is None:
            return None
        return cls(d.get("text"), d.get("name"), d.get("geonameid"), d.get("lat"), d.get("lon"),
                   d.get("admin1"), d.get("country"), d.get("precision"),
                   d.get("start"), d.get("end"))


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """When an event happened: an interval of ISO dates with a precision and its basis.

    ``basis`` is ``text`` (from a time expression), ``publication`` (the publication date as a
    last resort), ``text+publication`` (a text expression that needed the publication date,
    e.g. for its year) or ``context`` (the running date of the paragraph).
    """

    start: str | None
    end: str | None
    precision: str | None = "day"
    text: str | None = None
    basis: str = "publication"
    char_start: int | None = None
    char_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision,
                "text": self.text, "basis": self.basis}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeSpan:
        return cls(d.get("start"), d.get("end"), d.get("precision"), d.get("text"),
                   d.get("basis", "publication"))


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression found in a text, TimeML-style, anchored on a reference date."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TimeML value: 2025-05-10, 2025-04, 2025-W19, P2D, PAST_REF, ...
    interval_start: str | None = None  # ISO date
    interval_end: str | None = None
    precision: str | None = None
    anchored: bool = False  # True when the value needed the reference date

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type,
                "value": self.value, "interval": {"start": self.interval_start,
                                                  "end": self.interval_end},
                "precision": self.precision, "anchored": self.anchored}


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who is quoted as the source of a statement."""

    text: str
    country: str | None = None
    sector: str | None = None
    anonymous: bool = False
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "country": self.country, "sector": self.sector,
                "anonymous": self.anonymous, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says the event happened: publisher, the reporting chain outwards, the speaker."""

    publisher: str | None = None
    chain: tuple[str, ...] = ()
    speaker: Speaker | None = None
    anonymous: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"publisher": self.publisher, "chain": list(self.chain),
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "anonymous": self.anonymous}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        sp = d.get("speaker")
        speaker = None
        if isinstance(sp, dict):
            speaker = Speaker(sp.get("text", ""), sp.get("country"), sp.get("sector"),
                              bool(sp.get("anonymous")), sp.get("start"), sp.get("end"))
        elif isinstance(sp, str):
            speaker = Speaker(sp)
        return cls(d.get("publisher"), tuple(d.get("chain") or ()), speaker,
                   bool(d.get("anonymous")))


@dataclass(frozen=True, slots=True)
class Magnitude:
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"dead": self.dead, "injured": self.injured, "arrested": self.arrested}


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one sentence of one article states it (the record contract)."""

    event_id: str
    article_id: str
    sentence: int
    evidence_text: str
    evidence_start: int
    evidence_end: int
    trigger: str | None
    plover_type: str
    plover_mode: str | None
    cameo_code: str | None
    quad_class: int
    intensity: float
    trigger_start: int | None = None
    trigger_end: int | None = None
    context: tuple[str, ...] = ()
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor: tuple[Actor, ...] = ()
    recipient: tuple[Actor, ...] = ()
    reciprocal: bool = False
    when: TimeSpan = field(default_factory=lambda: TimeSpan(None, None, None))
    where: Place | None = None
    magnitude: Magnitude = field(default_factory=Magnitude)
    attribution: Attribution = field(default_factory=Attribution)
    status: str = "asserted"
    denied_by: tuple[str, ...] = ()
    confidence: float = 0.5
    doc_file: str | None = None
    doc_id: str | None = None

    @property
    def cameo_root(self) -> str | None:
        return self.cameo_code[:2] if self.cameo_code else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence": self.sentence,
            "doc": {"file": self.doc_file, "id": self.doc_id},
            "evidence": {"text": self.evidence_text, "start": self.evidence_start,
                         "end": self.evidence_end, "trigger": self.trigger,
                         "trigger_start": self.trigger_start, "trigger_end": self.trigger_end},
            "plover": {"type": self.plover_type, "mode": self.plover_mode,
                       "context": list(self.context)},
            "cameo": {"code": self.cameo_code, "root": self.cameo_root},
            "acled": {"event_type": self.acled_event_type,
                      "sub_event_type": self.acled_sub_event_type},
            "quad_class": self.quad_class,
            "intensity": self.intensity,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "reciprocal": self.reciprocal,
            "when": self.when.to_dict(),
            "where": self.where.to_dict() if self.where else None,
            "magnitude": self.magnitude.to_dict(),
            "attribution": self.attribution.to_dict(),
            "status": self.status,
            "denied_by": list(self.denied_by),
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventMention:
        ev = d["evidence"]
        mag = d.get("magnitude") or {}
        return cls(
            event_id=d["event_id"], article_id=d["article_id"], sentence=d.get("sentence", 0),
            evidence_text=ev["text"], evidence_start=ev["start"], evidence_end=ev["end"],
            trigger=ev.get("trigger"), trigger_start=ev.get("trigger_start"),
            trigger_end=ev.get("trigger_end"),
            plover_type=d["plover"]["type"], plover_mode=d["plover"].get("mode"),
            context=tuple(d["plover"].get("context") or ()),
            cameo_code=d["cameo"].get("code"),
            acled_event_type=(d.get("acled") or {}).get("event_type"),
            acled_sub_event_type=(d.get("acled") or {}).get("sub_event_type"),
            quad_class=d["quad_class"], intensity=d["intensity"],
            actor=tuple(Actor.from_dict(a) for a in d.get("actor", [])),
            recipient=tuple(Actor.from_dict(a) for a in d.get("recipient", [])),
            reciprocal=bool(d.get("reciprocal")),
            when=TimeSpan.from_dict(d["when"]),
            where=Place.from_dict(d.get("where")),
            magnitude=Magnitude(mag.get("dead"), mag.get("injured"), mag.get("arrested")),
            attribution=Attribution.from_dict(d.get("attribution") or {}),
            status=d.get("status", "asserted"), denied_by=tuple(d.get("denied_by") or ()),
            confidence=d.get("confidence", 0.5),
            doc_file=(d.get("doc") or {}).get("file"), doc_id=(d.get("doc") or {}).get("id"),
        )

    def countries(self, role: str) -> list[str]:
        actors = self.actor if role == "actor" else self.recipient
        return sorted({a.country for a in actors if a.country})


@dataclass(frozen=True, slots=True)
class Claim:
    """One value of a disputed field, with the sources that state it and their mentions."""

    value: str
    sources: tuple[str, ...]
    mentions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "sources": list(self.sources),
                "mentions": list(self.mentions)}


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A field (date, dead, injured, place, actor, type) on which the reports of one event
    differ: each claim names which sources say what, the most supported claim first."""

    field: str
    claims: tuple[Claim, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "claims": [c.to_dict() for c in self.claims]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Disagreement:
        return cls(d["field"], tuple(Claim(c["value"], tuple(c["sources"]),
                                           tuple(c.get("mentions") or ()))
                                     for c in d["claims"]))

    def describe(self) -> str:
        """``dead: 8 (Lahore Ledger) vs 5 (Global Newsdesk)``."""
        return f"{self.field}: " + " vs ".join(
            f"{c.value} ({'; '.join(c.sources)})" for c in self.claims)


@dataclass(frozen=True, slots=True)
class Event:
    """A real-world event: the mentions of every report that describes it (fused by
    ``flashpoint.fuse``), with the first and last report dates and the disagreements."""

    id: str
    mentions: tuple[EventMention, ...]
    first_report: str | None = None
    last_report: str | None = None
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def plover_type(self) -> str:
        return self.mentions[0].plover_type

    @property
    def sources(self) -> list[str]:
        """Distinct publishers, in report order."""
        out: list[str] = []
        for m in self.mentions:
            p = m.attribution.publisher
            if p and p not in out:
                out.append(p)
        return out

    @property
    def publishers(self) -> list[str]:
        return self.sources

    @property
    def origins(self) -> list[str]:
        """Distinct original sources: the end of each mention's reporting chain (else its
        publisher)."""
        out: list[str] = []
        for m in self.mentions:
            o = m.attribution.chain[-1] if m.attribution.chain else m.attribution.publisher
            if o and o not in out:
                out.append(o)
        return out
