"""PNG plots of a series with its escalation index and alerts. matplotlib is imported here
only, when a plot is asked for (it is an optional dependency: ``pip install
matplotlib==3.10.3``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .backtest import Episode
from .escalation import Alert, IndexPoint
from .series import Period


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise ConfigError("plots need matplotlib: pip install matplotlib==3.10.3") from e
    return plt


def plot_series(path: str | Path, periods: Sequence[Period], title: str,
                points: Sequence[IndexPoint] = (), alerts: Sequence[Alert] = (),
                truth: Sequence[Episode] = (),
                signal: Sequence[tuple[dt.date, float]] = (), signal_label: str = "") -> Path:
    """Write a PNG: conflict and cooperation counts, hostility, the index, alerts (vertical
    lines: red onsets, green de-escalations), and the outside truth signal if given."""
    plt = _pyplot()
    rows = 3 if points else 2
    fig, axes = plt.subplots(rows, 1, figsize=(10, 2.6 * rows), sharex=True)
    x = [p.start for p in periods]
    ax = axes[0]
    ax.bar(x, [p.conflict for p in periods], color="#c0392b", label="conflict events (q3+q4)")
    ax.bar(x, [-(p.q1 + p.q2) for p in periods], color="#27ae60",
           label="cooperation events (q1+q2, below 0)")
    ax.set_ylabel("events")
    ax.legend(loc="upper left", fontsize=8)
    ax.set_title(title)
    ax = axes[1]
    ax.plot(x, [p.hostility for p in periods], color="#8e44ad", label="hostility")
    if points:
        ax.plot(x, [q.baseline_mean for q in points], color="#7f8c8d", linestyle="--",
                label="trailing baseline mean")
    if signal:
        ax2 = ax.twinx()
        ax2.plot([d for d, _ in signal], [v for _, v in signal], color="#e67e22",
                 linewidth=1, label=signal_label)
        ax2.set_ylabel(signal_label, color="#e67e22")
    for e in truth:
        ax.axvspan(e.start, e.end + dt.timedelta(days=1), color="#f1c40f", alpha=0.25)
    ax.set_ylabel("hostility")
    ax.legend(loc="upper left", fontsize=8)
    if points:
        ax = axes[2]
        ax.plot(x, [q.index for q in points], color="#2c3e50", label="escalation index")
        ax.axhline(0, color="#bdc3c7", linewidth=0.8)
        ax.set_ylabel("index (sd)")
        ax.legend(loc="upper left", fontsize=8)
    for a in alerts:
        for axis in axes:
            axis.axvline(a.date, color="#e74c3c" if a.kind == "onset" else "#16a085",
                         linewidth=1.2, linestyle=":")
    fig.autofmt_xdate()
    fig.tight_layout()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out
