"""Scoring alerts against what happened: precision, recall and lead time of onset alerts (and of
de-escalation alerts) against escalation episodes read from an outside signal (fatalities, or
killings labelled by hand), never accuracy alone.

An **episode** is a maximal run of days on which the outside signal reaches a threshold (runs
one quiet day apart are joined). An onset alert *hits* an episode when it is raised between
``lead_window`` days before the episode starts and the episode's peak; its lead time is the
number of days from the alert to the peak. A de-escalation alert hits when it falls between the
episode's last day and ``calm_window`` days after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .escalation import Alert


@dataclass(frozen=True, slots=True)
class Episode:
    start: dt.date
    peak: dt.date
    end: dt.date
    peak_value: float


@dataclass(frozen=True, slots=True)
class AlertScore:
    name: str
    alerts: int
    hits: int
    episodes: int
    found: int
    lead_days: tuple[int, ...]

    @property
    def precision(self) -> float:
        return self.hits / self.alerts if self.alerts else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.episodes if self.episodes else 0.0

    @property
    def mean_lead(self) -> float | None:
        return sum(self.lead_days) / len(self.lead_days) if self.lead_days else None

    def line(self) -> str:
        lead = f"{self.mean_lead:+.1f} days" if self.mean_lead is not None else "n/a"
        return (f"{self.name}: precision {self.precision:.2f} ({self.hits}/{self.alerts} "
                f"alerts), recall {self.recall:.2f} ({self.found}/{self.episodes} episodes), "
                f"mean lead to peak {lead} {list(self.lead_days)}")


def episodes(signal: Iterable[tuple[dt.date, float]], threshold: float,
             gap: int = 1) -> list[Episode]:
    """Runs of days with ``signal >= threshold`` (days missing from ``signal`` count as 0)."""
    days = sorted((d, v) for d, v in signal if v >= threshold)
    out: list[Episode] = []
    run: list[tuple[dt.date, float]] = []
    for d, v in days:
        if run and (d - run[-1][0]).days > gap + 1:
            out.append(_episode(run))
            run = []
        run.append((d, v))
    if run:
        out.append(_episode(run))
    return out


def _episode(run: Sequence[tuple[dt.date, float]]) -> Episode:
    peak = max(run, key=lambda x: (x[1], -x[0].toordinal()))
    return Episode(run[0][0], peak[0], run[-1][0], peak[1])


def score_onsets(name: str, alerts: Sequence[Alert], truth: Sequence[Episode],
                 lead_window: int = 7) -> AlertScore:
    onsets = [a for a in alerts if a.kind == "onset"]
    hits = 0
    leads: dict[int, int] = {}
    for a in onsets:
        hit = False
        for i, e in enumerate(truth):
            if e.start - dt.timedelta(days=lead_window) <= a.date <= e.peak:
                hit = True
                leads.setdefault(i, (e.peak - a.date).days)
        hits += hit
    return AlertScore(name, len(onsets), hits, len(truth), len(leads),
                      tuple(leads[i] for i in sorted(leads)))


def score_calm(name: str, alerts: Sequence[Alert], truth: Sequence[Episode],
               calm_window: int = 7) -> AlertScore:
    calms = [a for a in alerts if a.kind == "de-escalation"]
    hits = 0
    delays: dict[int, int] = {}
    for a in calms:
        hit = False
        for i, e in enumerate(truth):
            if e.end <= a.date <= e.end + dt.timedelta(days=calm_window):
                hit = True
                delays.setdefault(i, -(a.date - e.end).days)
        hits += hit
    return AlertScore(name, len(calms), hits, len(truth), len(delays),
                      tuple(delays[i] for i in sorted(delays)))
