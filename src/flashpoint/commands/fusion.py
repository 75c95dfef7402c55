"""``flashpoint fuse``, ``series``, ``alerts``, ``disputed`` and ``eval fusion``: thin wrappers
over ``flashpoint.fuse``, ``flashpoint.store.fused`` and ``flashpoint.analysis``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path

import click

from ..analysis.escalation import IndexConfig
from ..analysis.series import INTENSITIES, INTERVALS, Period
from ..fuse import FusedEvent
from .evaluate import eval_group
from .options import DB_HELP
from .options import parse_date as _date
from .options import parse_dyad as _dyad

_WINDOWS = {"day": 28, "week": 8, "month": 6}




def disputed_lines(events: Sequence[FusedEvent]) -> list[str]:
    """One block per disputed event: what it is, then one line per disputed field."""
    out = []
    for e in events:
        place = f" @ {e.place}" if e.place else ""
        actors = "+".join(e.actors) or "?"
        recips = "+".join(e.recipients) or "?"
        out.append(f"{e.when_start or '?'} {e.plover_type} {actors} -> {recips}{place}: "
                   f"{len(e.mention_ids)} mentions, {len(e.publishers)} publishers "
                   f"[{e.id}]")
        out.extend(f"    {d.describe()}" for d in e.disagreements)
    return out


@click.command("fuse")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--rebuild", is_flag=True, help="Drop every fused event and fuse all again.")
def fuse_command(db: str | None, rebuild: bool) -> None:
    """Fuse event mentions into events: reports of one real event become one event, with
    their disagreements. Incremental (ingest runs it too); --rebuild starts over.

    \b
    Example:
      flashpoint fuse --db flashpoint.db
    """
    from ..store import open_store
    from ..store.fused import fuse_pending

    with open_store(db) as store:
        summary = fuse_pending(store, rebuild=rebuild)
    click.echo(summary.line())


def _periods(db: str | None, dyad: tuple[str, str] | None, country: str | None,
             interval: str, intensity: str, since: dt.date | None,
             until: dt.date | None) -> list[Period]:
    from ..analysis.series import from_fused, series
    from ..store import open_store
    from ..store.fused import fused_events

    if (dyad is None) == (country is None):
        raise click.UsageError("give either --dyad A-B or --country C")
    with open_store(db) as store:
        events = fused_events(store, dyad=dyad, country=country, since=since, until=until,
                              factual=True)
    return series(from_fused(events), interval=interval, intensity=intensity, since=since,
                  until=until)


@click.command("series")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--dyad", callback=_dyad, default=None, help="Two countries, e.g. IND-PAK.")
@click.option("--country", default=None, help="One country (ISO3): actor, recipient or place.")
@click.option("--interval", type=click.Choice(INTERVALS), default="day", show_default=True)
@click.option("--intensity", type=click.Choice(INTENSITIES), default="plover",
              show_default=True, help="PLOVER scores or CAMEO Goldstein values.")
@click.option("--since", callback=_date, default=None, help="From this date (YYYY-MM-DD).")
@click.option("--until", callback=_date, default=None, help="Up to this date (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]),
              default="table", show_default=True)
def series_command(db: str | None, dyad: tuple[str, str] | None, country: str | None,
                   interval: str, intensity: str, since: dt.date | None,
                   until: dt.date | None, fmt: str) -> None:
    """Fused-event counts per day, week or month by quad class, with summed intensity and
    hostility (the escalation index's input). Empty periods are printed as zeros.

    \b
    Example:
      flashpoint series --dyad IND-PAK --interval week --format csv
    """
    periods = _periods(db, dyad, country, interval, intensity, since, until)
    rows = [p.to_dict() for p in periods]
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(Period(dt.date.min).to_dict()))
        w.writeheader()
        w.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo(f"{'start':<10}  {'q1':>4} {'q2':>4} {'q3':>4} {'q4':>4}  "
                   f"{'intensity':>9}  {'hostility':>9}  {'dead':>5}")
        for p in periods:
            click.echo(f"{p.start.isoformat():<10}  {p.q1:>4} {p.q2:>4} {p.q3:>4} {p.q4:>4}  "
                       f"{p.intensity:>+9.1f}  {p.hostility:>9.1f}  {p.dead:>5}")
    if not periods:
        click.echo("no fused events for that selection; run `flashpoint fuse` after ingest, "
                   "or check the codes", err=True)


@click.command("alerts")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--dyad", callback=_dyad, default=None, help="Two countries, e.g. IND-PAK.")
@click.option("--country", default=None, help="One country (ISO3) instead of a dyad.")
@click.option("--interval", type=click.Choice(INTERVALS), default="day", show_default=True)
@click.option("--baseline", type=click.Choice(["trailing", "last"]), default="trailing",
              show_default=True,
              help="trailing: the dyad's own trailing mean; last: same as last period.")
@click.option("--since", callback=_date, default=None, help="From this date (YYYY-MM-DD).")
@click.option("--until", callback=_date, default=None, help="Up to this date (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
def alerts_command(db: str | None, dyad: tuple[str, str] | None, country: str | None,
                   interval: str, baseline: str, since: dt.date | None,
                   until: dt.date | None, fmt: str) -> None:
    """Escalation onsets and de-escalations of a dyad, each with the baseline it beat. Without
    --dyad or --country, every dyad with fused events is watched.

    \b
    Example:
      flashpoint alerts --dyad IND-PAK
      flashpoint alerts --country IND --interval week
    """
    from ..analysis.escalation import alerts
    from ..store import open_store
    from ..store.fused import event_dyads

    targets: list[tuple[tuple[str, str] | None, str | None, str]] = []
    if dyad is None and country is None:
        with open_store(db) as store:
            targets = [((a, b), None, f"{a}-{b}") for a, b, _ in event_dyads(store, limit=50)]
    else:
        targets = [(dyad, country, f"{dyad[0]}-{dyad[1]}" if dyad else str(country))]
    cfg = IndexConfig(window=_WINDOWS[interval], baseline=baseline)
    n = 0
    for d, c, label in targets:
        for a in alerts(_periods(db, d, c, interval, "plover", since, until), cfg):
            n += 1
            if fmt == "jsonl":
                click.echo(json.dumps({"target": label, **a.to_dict()}))
            else:
                click.echo(f"{a.date}  {label:<8} {a.kind:<14} {a.message}")
    if n == 0:
        click.echo("no alerts", err=True)


@click.command("disputed")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--dyad", callback=_dyad, default=None, help="Two countries, e.g. IND-PAK.")
@click.option("--since", callback=_date, default=None, help="From this date (YYYY-MM-DD).")
@click.option("--until", callback=_date, default=None, help="Up to this date (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
def disputed_command(db: str | None, dyad: tuple[str, str] | None, since: dt.date | None,
                     until: dt.date | None, fmt: str) -> None:
    """Fused events whose reports disagree on date, toll, place, actor or type, with which
    source says what.

    \b
    Example:
      flashpoint disputed --dyad IND-PAK
    """
    show_disputed(db, dyad, since, until, None, fmt)


def show_disputed(db: str | None, dyad: tuple[str, str] | None, since: dt.date | None,
                  until: dt.date | None, limit: int | None, fmt: str) -> None:
    """Print the disputed fused events (``flashpoint disputed``, ``events --disputed``)."""
    from ..store import open_store
    from ..store.fused import disputed_events

    with open_store(db) as store:
        events = disputed_events(store, dyad=dyad, since=since, until=until, limit=limit)
    if fmt == "jsonl":
        for e in events:
            click.echo(json.dumps(e.to_dict(), ensure_ascii=False))
    else:
        for line in disputed_lines(events):
            click.echo(line)
    click.echo(f"{len(events)} disputed events", err=True)


# the fusion gold splits: dev, dev2 and dev3 were tuned on, heldout and heldout2 never
SPLITS = ("dev", "dev2", "dev3", "heldout", "heldout2")
OPTIONAL_SPLITS = ("dev2", "dev3", "heldout2")


def _default_gold() -> Path:
    return Path(__file__).resolve().parents[3] / "evaluation" / "splits"


@eval_group.command("fusion")
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="The india_police_events folder (default: ../shared/data/events/...).")
@click.option("--gold", type=click.Path(path_type=Path), default=None,
              help="Folder with fusion_dev.tsv and fusion_heldout.tsv (and optionally "
                   "fusion_dev2.tsv, fusion_dev3.tsv, fusion_heldout2.tsv).")
def eval_fusion(data: Path | None, gold: Path | None) -> None:
    """Pairwise precision, recall and F1 of fusion on hand-labelled duplicate clusters
    (dev, dev2 and dev3, used for tuning, and the held-out splits heldout and heldout2).

    \b
    Example:
      flashpoint eval fusion
    """
    from ..analysis.fusion_eval import evaluate

    root = Path(__file__).resolve().parents[3]
    data = data or root.parent / "shared" / "data" / "events" / "india_police_events"
    folder = gold or _default_gold()
    splits = {name: folder / f"fusion_{name}.tsv" for name in SPLITS}
    for name in OPTIONAL_SPLITS:  # an older or custom gold folder: dev and heldout only
        if not splits[name].is_file():
            del splits[name]
    for s in evaluate(data, splits):
        click.echo(s.line())
    pairs_file = root / "evaluation" / "agreement" / "fusion_pairs.tsv"
    if gold is None and pairs_file.is_file():  # a second annotator's blind pair judgements
        from ..analysis.fusion_eval import load_gold
        from ..evaluation.agreement import fusion_agreement, load_second_pairs

        clusters = {name: {g.key: g.cluster for g in load_gold(path)}
                    for name, path in splits.items()}
        for a in fusion_agreement(clusters, load_second_pairs(pairs_file)):
            click.echo(f"second annotator, {a['split']}: {a['pairs']} pairs "
                       f"({a['same_pairs']} same incident), agreement {a['agreement']:.3f}, "
                       f"P {a['precision']:.3f} R {a['recall']:.3f} F1 {a['f1']:.3f} "
                       "against the gold")
