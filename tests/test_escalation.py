"""Dyad series, roll-ups, the escalation index, alerts and their scoring."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from flashpoint.analysis.backtest import episodes, score_calm, score_onsets
from flashpoint.analysis.escalation import IndexConfig, alerts, index
from flashpoint.analysis.series import (
    SeriesEvent,
    from_fused,
    roll_up,
    series,
    severity,
    severity_sql,
)
from flashpoint.errors import ConfigError
from flashpoint.fuse import features, summarize
from flashpoint.models import Actor, EventMention, TimeSpan

D = dt.date(2024, 7, 1)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def calm_then_spike() -> list[SeriesEvent]:
    """One protest a day for 40 days, ten riots a day on days 30-32, a ceasefire on day 33."""
    evs = [SeriesEvent(day(i), 4, -5.0) for i in range(40)]
    evs += [SeriesEvent(day(i), 4, -9.0) for i in (30, 31, 32) for _ in range(10)]
    evs.append(SeriesEvent(day(33), 2, 7.5))
    return evs


def test_series_fills_gaps_and_sums() -> None:
    evs = [SeriesEvent(day(0), 4, -9.5, -10.0, 3), SeriesEvent(day(0), 1, 2.5, 3.0),
           SeriesEvent(day(3), 3, -3.0)]
    s = series(evs)
    assert [p.start for p in s] == [day(i) for i in range(4)]
    # 3 dead weigh the attack's 9.5 by 1.5 in the hostility
    assert (s[0].q1, s[0].q4, s[0].intensity, s[0].hostility, s[0].dead) == (1, 1, -7.0, 14.25, 3)
    assert s[1].count == 0 and s[3].conflict == 1
    assert series(evs, weigh_tolls=False)[0].hostility == 9.5
    g = series(evs, intensity="goldstein")
    assert g[0].intensity == -7.0 and g[3].intensity == -3.0  # no Goldstein: PLOVER score


@pytest.mark.parametrize("dead, weight", [(None, 1.0), (0, 1.0), (1, 1.5), (9, 1.5),
                                          (10, 2.0), (99, 2.0), (100, 2.5), (5000, 2.5)])
def test_toll_weighs_hostility_by_order_of_magnitude(dead: int | None, weight: float) -> None:
    assert severity(dead) == weight
    assert series([SeriesEvent(day(0), 4, -8.0, dead=dead)])[0].hostility == 8.0 * weight
    # the SQL the web series aggregates with is the same rule
    with sqlite3.connect(":memory:") as db:
        got = db.execute(f"SELECT {severity_sql('x')} FROM (SELECT ? AS x)", (dead,)).fetchone()
    assert got[0] == weight


@pytest.mark.parametrize("interval, starts", [
    ("week", [dt.date(2024, 7, 1), dt.date(2024, 7, 8)]),
    ("month", [dt.date(2024, 7, 1)]),
])
def test_roll_ups(interval: str, starts: list[dt.date]) -> None:
    evs = [SeriesEvent(day(i), 4, -5.0) for i in range(10)]
    daily = series(evs)
    rolled = roll_up(daily, interval)
    assert [p.start for p in rolled] == starts
    assert sum(p.q4 for p in rolled) == 10
    assert rolled == series(evs, interval=interval)


def test_unknown_interval_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="use one of day, week, month"):
        series([SeriesEvent(D, 4, -5.0)], interval="year")


def test_index_is_relative_to_the_trailing_baseline() -> None:
    pts = index(series(calm_then_spike()))
    assert pts[29].index == pytest.approx(0.0)  # same as every day before
    assert pts[30].baseline_mean == pytest.approx(5.0)
    assert pts[30].index == pytest.approx((95.0 - 5.0) / 8.0)  # floored scale


def test_alerts_state_the_baseline_they_beat() -> None:
    al = alerts(series(calm_then_spike()))
    assert [(a.kind, a.date) for a in al] == [("onset", day(30)), ("de-escalation", day(35))]
    assert "trailing 28-period mean 5.0" in al[0].message
    assert al[0].baseline_mean == pytest.approx(5.0)
    assert "peak 95.0" in al[1].message


def test_naive_baseline_is_same_as_last_period() -> None:
    pts = index(series(calm_then_spike()), IndexConfig(baseline="last"))
    assert pts[31].baseline_mean == pytest.approx(95.0)
    al = alerts(series(calm_then_spike()), IndexConfig(baseline="last"))
    assert al[0].date == day(30) and "previous period 5.0" in al[0].message


def test_alert_scoring() -> None:
    signal = [(day(i), 30.0 if i in (30, 31, 32) else 0.0) for i in range(40)]
    truth = episodes(signal, 10)
    assert [(e.start, e.peak, e.end) for e in truth] == [(day(30), day(30), day(32))]
    al = alerts(series(calm_then_spike()))
    on = score_onsets("index", al, truth)
    assert (on.precision, on.recall, on.lead_days) == (1.0, 1.0, (0,))
    calm = score_calm("index", al, truth)
    assert (calm.precision, calm.recall) == (1.0, 1.0)
    assert score_onsets("none", [], truth).recall == 0.0


def test_background_events_stay_out_of_the_series() -> None:
    old = EventMention("m1", "a1", 0, "the 1947 war", 0, 12, "war", "ASSAULT", None, "190", 4,
                       -9.0, actor=(Actor("India", "IND"),),
                       recipient=(Actor("Pakistan", "PAK"),),
                       when=TimeSpan("1947-10-22", "1947-10-22", "day", basis="text"))
    new = EventMention("m2", "a2", 0, "troops fired", 0, 12, "fired", "ASSAULT", None, "190",
                       4, -9.0, when=TimeSpan("2025-05-08", "2025-05-08", "day", basis="text"))
    evs = [summarize("e1", [features(old, "2025-05-09")]),
           summarize("e2", [features(new, "2025-05-09")])]
    assert [e.id for e in from_fused(evs)] == ["e2"]


def test_plot_writes_a_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is optional (plots only)")
    from flashpoint.analysis.plot import plot_series

    periods = series(calm_then_spike())
    out = plot_series(tmp_path / "p.png", periods, "test", index(periods), alerts(periods))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_matplotlib_is_not_imported_with_the_package() -> None:
    import subprocess
    import sys

    code = ("import sys, flashpoint, flashpoint.cli, flashpoint.analysis.series, "
            "flashpoint.analysis.timeline, flashpoint.commands.fusion; "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"
