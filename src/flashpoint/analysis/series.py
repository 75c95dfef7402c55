"""Dyad series: fused events counted per day by quad class, with summed intensity, and their
weekly and monthly roll-ups. Pure functions over :class:`SeriesEvent` records, which come from
the store's fused events (:func:`from_fused`) or from any coded data set (the ACLED backtest).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import ConfigError
from ..fuse import FusedEvent

INTERVALS = ("day", "week", "month")
INTENSITIES = ("plover", "goldstein")


@dataclass(frozen=True, slots=True)
class SeriesEvent:
    """One event as a series counts it."""

    date: dt.date
    quad_class: int
    intensity: float  # PLOVER score, -10 hostile ... +10 cooperative
    goldstein: float | None = None
    dead: int | None = None
    id: str = ""
    sources: int = 1
    label: str = ""


@dataclass(frozen=True, slots=True)
class Period:
    """One period of a series: event counts by quad class, summed intensity, hostility (the
    summed magnitude of the negative intensities, each weighed by its event's toll: what the
    escalation index watches), dead."""

    start: dt.date
    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0
    intensity: float = 0.0
    hostility: float = 0.0
    dead: int = 0

    @property
    def count(self) -> int:
        return self.q1 + self.q2 + self.q3 + self.q4

    @property
    def conflict(self) -> int:
        return self.q3 + self.q4

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start.isoformat(), "q1": self.q1, "q2": self.q2, "q3": self.q3,
                "q4": self.q4, "count": self.count, "intensity": round(self.intensity, 2),
                "hostility": round(self.hostility, 2), "dead": self.dead}


HISTORY_DAYS = 365


# a hostile event's toll weight: 1 with no dead reported, then (fewer than N dead -> weight)
SEVERITY_NONE = 1.0
SEVERITY_STEPS: tuple[tuple[int, float], ...] = ((10, 1.5), (100, 2.0))
SEVERITY_MAX = 2.5


def severity(dead: int | None) -> float:
    """How much a hostile event's toll weighs in the hostility: 1 with no dead reported,
    1.5 for 1-9 dead, 2 for 10-99, 2.5 for 100 or more (one step per order of magnitude, so
    that a strike that kills 31 counts for more than a stray shot without letting one toll
    swamp the count of events). :func:`severity_sql` is the same rule in SQL."""
    if not dead or dead <= 0:
        return SEVERITY_NONE
    return next((w for below, w in SEVERITY_STEPS if dead < below), SEVERITY_MAX)


def severity_sql(column: str) -> str:
    """:func:`severity` as an SQL expression over the integer ``column`` (NULL = no dead)."""
    steps = " ".join(f"WHEN {column} < {below} THEN {w}" for below, w in SEVERITY_STEPS)
    return (f"(CASE WHEN COALESCE({column}, 0) <= 0 THEN {SEVERITY_NONE} {steps} "
            f"ELSE {SEVERITY_MAX} END)")


def from_fused(events: Iterable[FusedEvent]) -> list[SeriesEvent]:
    """Series records of fused events: factual, dated ones only, each on its start date.
    Background events (dated more than a year before their first report: "the 1947 war")
    are history, not news, and are left out."""
    out = []
    for e in events:
        if not e.factual or not e.when_start:
            continue
        day = dt.date.fromisoformat(e.when_start)
        if e.first_report and (dt.date.fromisoformat(e.first_report) - day).days > HISTORY_DAYS:
            continue
        out.append(SeriesEvent(day, e.quad_class, e.intensity,
                               e.goldstein, e.dead, e.id, max(1, len(e.origins)),
                               e.plover_type))
    return out


def period_start(day: dt.date, interval: str) -> dt.date:
    """The first day of the period holding ``day`` (weeks start on Monday)."""
    if interval == "day":
        return day
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    raise ConfigError(f"unknown interval {interval!r}; use one of {', '.join(INTERVALS)}")


def _next(start: dt.date, interval: str) -> dt.date:
    if interval == "day":
        return start + dt.timedelta(days=1)
    if interval == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def series(events: Sequence[SeriesEvent], *, interval: str = "day", intensity: str = "plover",
           since: dt.date | None = None, until: dt.date | None = None,
           weigh_tolls: bool = True) -> list[Period]:
    """Counts per period from ``since`` to ``until`` (default: the events' range), with empty
    periods filled in, so that a quiet stretch reads as zeros rather than as a gap.

    ``intensity="goldstein"`` sums CAMEO Goldstein values instead of PLOVER scores (events
    without a CAMEO code fall back to their PLOVER score). The hostility weighs each hostile
    event by its toll (:func:`severity`) unless ``weigh_tolls`` is False (a backtest whose
    truth is the toll itself).
    """
    if intensity not in INTENSITIES:
        raise ConfigError(f"unknown intensity {intensity!r}; use plover or goldstein")
    kept = [e for e in events if (since is None or e.date >= since)
            and (until is None or e.date <= until)]
    if not kept and (since is None or until is None):
        return []
    lo = period_start(since or min(e.date for e in kept), interval)
    hi = period_start(until or max(e.date for e in kept), interval)
    acc: dict[dt.date, list[float]] = {}
    d = lo
    while d <= hi:
        acc[d] = [0, 0, 0, 0, 0.0, 0.0, 0]
        d = _next(d, interval)
    for e in kept:
        row = acc[period_start(e.date, interval)]
        if 1 <= e.quad_class <= 4:
            row[e.quad_class - 1] += 1
        value = e.goldstein if intensity == "goldstein" and e.goldstein is not None \
            else e.intensity
        row[4] += value
        row[5] += max(0.0, -value) * (severity(e.dead) if weigh_tolls else 1.0)
        row[6] += e.dead or 0
    return [Period(k, int(v[0]), int(v[1]), int(v[2]), int(v[3]), v[4], v[5], int(v[6]))
            for k, v in acc.items()]


def roll_up(days: Sequence[Period], interval: str) -> list[Period]:
    """Daily periods summed into weeks or months."""
    if interval == "day":
        return list(days)
    acc: dict[dt.date, Period] = {}
    for p in days:
        k = period_start(p.start, interval)
        a = acc.get(k, Period(k))
        acc[k] = Period(k, a.q1 + p.q1, a.q2 + p.q2, a.q3 + p.q3, a.q4 + p.q4,
                        a.intensity + p.intensity, a.hostility + p.hostility, a.dead + p.dead)
    return [acc[k] for k in sorted(acc)]
