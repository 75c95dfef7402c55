"""The escalation index of a dyad and its alerts, against the dyad's own trailing baseline.

The index of a period is how far its hostility (the summed magnitude of negative intensities:
one artillery strike is 9.5, one accusation 3) lies above the trailing baseline: the mean of the
``window`` periods before it, in units of their standard deviation, floored so that a quiet
baseline does not turn one event into an alarm::

    index_t = (h_t - mean(h_{t-w..t-1})) / max(sd(h_{t-w..t-1}), 0.5 * mean, floor)

Alerts:

* **onset**: the index reaches ``onset_z`` and the hostility is at least ``min_level``, while
  the dyad is not already in an escalation; the dyad is then *escalated*, and the baseline that
  was beaten is kept as the reference;
* **de-escalation**: while escalated, the mean hostility of the last ``calm_periods`` periods
  falls back to the reference baseline (its mean plus one sd) or below ``calm_share`` of the
  peak; the dyad is calm again.

Every alert carries the baseline it beat (mean, sd, window) and a sentence saying so. The naive
comparison (``baseline="last"``) uses the same rule with "same as last period" as the baseline:
the previous period's hostility, with a scale of half of it (floored the same way).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import ConfigError
from .series import Period

BASELINES = ("trailing", "last")


@dataclass(frozen=True, slots=True)
class IndexConfig:
    window: int = 28  # periods in the trailing baseline (28 days; use 8 for weeks)
    onset_z: float = 3.0
    min_level: float = 20.0  # hostility a period needs before it can set off an onset
    floor: float = 8.0  # smallest scale (a little under one material-conflict event)
    calm_periods: int = 3
    calm_share: float = 0.25
    baseline: str = "trailing"  # or "last": the naive "same as last period" baseline


@dataclass(frozen=True, slots=True)
class IndexPoint:
    start: dt.date
    hostility: float
    baseline_mean: float
    baseline_sd: float
    index: float


@dataclass(frozen=True, slots=True)
class Alert:
    kind: str  # onset | de-escalation
    date: dt.date
    hostility: float
    baseline_mean: float
    baseline_sd: float
    index: float
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "date": self.date.isoformat(),
                "hostility": round(self.hostility, 2),
                "baseline_mean": round(self.baseline_mean, 2),
                "baseline_sd": round(self.baseline_sd, 2), "index": round(self.index, 2),
                "message": self.message}


def _check(cfg: IndexConfig) -> None:
    if cfg.baseline not in BASELINES:
        raise ConfigError(f"unknown baseline {cfg.baseline!r}; use trailing or last")
    if cfg.window < 2:
        raise ConfigError(f"the baseline window needs at least 2 periods, not {cfg.window}")


def index(periods: Sequence[Period], cfg: IndexConfig | None = None) -> list[IndexPoint]:
    """The escalation index of each period (0 until there is a baseline to compare with)."""
    cfg = cfg or IndexConfig()
    _check(cfg)
    h = [p.hostility for p in periods]
    out = []
    for t, p in enumerate(periods):
        if cfg.baseline == "last":
            if t == 0:
                out.append(IndexPoint(p.start, h[t], 0.0, 0.0, 0.0))
                continue
            mean, sd = h[t - 1], 0.5 * h[t - 1]
        else:
            past = h[max(0, t - cfg.window):t]
            if len(past) < 2:
                out.append(IndexPoint(p.start, h[t], 0.0, 0.0, 0.0))
                continue
            mean, sd = statistics.fmean(past), statistics.pstdev(past)
        scale = max(sd, 0.5 * mean, cfg.floor)
        out.append(IndexPoint(p.start, h[t], mean, sd, (h[t] - mean) / scale))
    return out


def _unit(cfg: IndexConfig) -> str:
    return "the previous period" if cfg.baseline == "last" else \
        f"the trailing {cfg.window}-period mean"


def alerts(periods: Sequence[Period], cfg: IndexConfig | None = None) -> list[Alert]:
    """Onset and de-escalation alerts over ``periods`` (see the module docstring)."""
    cfg = cfg or IndexConfig()
    points = index(periods, cfg)
    out: list[Alert] = []
    escalated = False
    ref_mean = ref_sd = peak = 0.0
    peak_day = None
    for t, pt in enumerate(points):
        if not escalated:
            if pt.index >= cfg.onset_z and pt.hostility >= cfg.min_level:
                escalated = True
                ref_mean, ref_sd, peak, peak_day = (pt.baseline_mean, pt.baseline_sd,
                                                    pt.hostility, pt.start)
                out.append(Alert(
                    "onset", pt.start, pt.hostility, pt.baseline_mean, pt.baseline_sd, pt.index,
                    f"escalation onset: hostility {pt.hostility:.1f} against {_unit(cfg)} "
                    f"{pt.baseline_mean:.1f} (sd {pt.baseline_sd:.1f}), index "
                    f"{pt.index:+.1f} >= {cfg.onset_z:g}"))
            continue
        if pt.hostility > peak:
            peak, peak_day = pt.hostility, pt.start
        recent = [q.hostility for q in points[max(0, t - cfg.calm_periods + 1):t + 1]]
        level = statistics.fmean(recent)
        if len(recent) >= cfg.calm_periods and (
                level <= ref_mean + ref_sd or level <= cfg.calm_share * peak):
            escalated = False
            out.append(Alert(
                "de-escalation", pt.start, pt.hostility, ref_mean, ref_sd, pt.index,
                f"de-escalation: mean hostility of the last {cfg.calm_periods} periods "
                f"{level:.1f}, back under the pre-onset baseline {ref_mean:.1f} + sd "
                f"{ref_sd:.1f} or a quarter of the peak {peak:.1f} on {peak_day}"))
    return out
