"""The ``flashpoint`` command: thin wrappers over the library functions."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from typing import Any

import click
from tqdm import tqdm

from . import __version__
from .commands.options import DB_HELP
from .commands.options import parse_date as _date
from .commands.options import parse_dyad as _dyad
from .errors import FlashpointError
from .models import PLOVER_TYPES, STATUSES, EventMention


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FlashpointError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="flashpoint")
def cli() -> None:
    """flashpoint: news in, coded political events out (who did what to whom, when, where,
    according to whom).

    \b
    Quick start:
      flashpoint demo                       ingest the bundled sample corpus
      flashpoint ingest news/               ingest your own files and folders
      flashpoint events --dyad IND-PAK      query what was stored
      flashpoint timeline --dyad IND-PAK    one line per day
    """


def _progress(total: int | None, desc: str) -> tqdm:
    return tqdm(total=total, desc=desc, unit="input", file=sys.stderr,
                disable=None, dynamic_ncols=True, leave=False)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", default=None, help=DB_HELP)
@click.option("--published", callback=_date, default=None,
              help="Publication date (YYYY-MM-DD) for articles that carry none.")
@click.option("--text-column", default=None, help="Text column of JSON Lines/CSV input.")
@click.option("--any-language", is_flag=True, help="Keep non-English articles.")
@click.option("--commit-every", type=int, default=None,
              help="Articles per transaction (default 25).")
def ingest(paths: tuple[str, ...], db: str | None, published: dt.date | None,
           text_column: str | None, any_language: bool, commit_every: int | None) -> None:
    """Read files and folders, extract events, store them (idempotent).

    \b
    Example:
      flashpoint ingest news/ feeds/today.xml --db flashpoint.db
    """
    from .runner import ingest as run_ingest
    from .store import open_store

    with open_store(db) as store:
        bar = _progress(None, "ingest")
        try:
            summary = run_ingest(store, list(paths), default_published=published,
                                 text_column=text_column, check_language=not any_language,
                                 commit_every=commit_every, progress=bar.update)
        finally:
            bar.close()
    for line in summary.lines():
        click.echo(line)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", callback=_date, default=None,
              help="Publication date (YYYY-MM-DD) for articles that carry none.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True)
@click.option("--text-column", default=None, help="Text column of JSON Lines/CSV input.")
@click.option("--any-language", is_flag=True, help="Keep non-English articles.")
def extract(paths: tuple[str, ...], published: dt.date | None, fmt: str,
            text_column: str | None, any_language: bool) -> None:
    """Print the event mentions of files (no database). One JSON object per line.

    \b
    Example:
      flashpoint extract report.txt --published 2025-05-16
      flashpoint extract articles.jsonl --format table
    """
    from .ingest import Skipped, iter_inputs
    from .models import Article
    from .process import process_articles

    skipped: list[Skipped] = []

    def articles() -> Any:
        for it in iter_inputs(paths, default_published=published, text_column=text_column,
                              check_language=not any_language):
            if isinstance(it, Skipped):
                skipped.append(it)
                click.echo(f"skipped {it.message()}", err=True)
            else:
                assert isinstance(it, Article)
                yield it

    n_art = n_ev = 0
    for _art, mentions in process_articles(articles()):
        n_art += 1
        n_ev += len(mentions)
        if fmt == "jsonl":
            for m in mentions:
                click.echo(json.dumps(m.to_dict(), ensure_ascii=False))
        else:
            _print_table(mentions)
    click.echo(f"{n_art} articles, {n_ev} event mentions, {len(skipped)} inputs skipped",
               err=True)
    if skipped and n_art == 0:
        sys.exit(1)


def _actors(actors: Sequence[Any]) -> str:
    return "+".join(a.code for a in actors) or "?"


def _row(m: EventMention) -> dict[str, Any]:
    return {
        "date": m.when.start or "", "type": m.plover_type, "mode": m.plover_mode or "",
        "cameo": m.cameo_code or "", "quad": m.quad_class, "intensity": m.intensity,
        "actor": _actors(m.actor), "recipient": _actors(m.recipient),
        "reciprocal": m.reciprocal, "place": (m.where.name if m.where else "") or "",
        "dead": m.magnitude.dead if m.magnitude.dead is not None else "",
        "status": m.status, "publisher": m.attribution.publisher or "",
        "chain": ">".join(m.attribution.chain), "trigger": m.trigger or "",
        "evidence": m.evidence_text, "event_id": m.event_id, "article_id": m.article_id,
    }


def _print_table(mentions: Sequence[EventMention]) -> None:
    for m in mentions:
        arrow = "<->" if m.reciprocal else "->"
        place = f" @ {m.where.name}" if m.where and m.where.name else ""
        dead = f" dead={m.magnitude.dead}" if m.magnitude.dead is not None else ""
        mode = f"/{m.plover_mode}" if m.plover_mode else ""
        when = m.when.start or "?"
        if m.when.end and m.when.end != m.when.start:
            when += f"..{m.when.end}"
        click.echo(f"{when:<22} {m.plover_type}{mode:<16} {_actors(m.actor)} {arrow} "
                   f"{_actors(m.recipient)}{place}{dead} [{m.status}] "
                   f"\"{m.trigger}\": {m.evidence_text[:90]}")


@cli.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--dyad", callback=_dyad, default=None, help="Two countries, e.g. IND-PAK.")
@click.option("--actor", default=None, help="A country (ISO3) as actor or recipient.")
@click.option("--type", "ptype", type=click.Choice(PLOVER_TYPES, case_sensitive=False),
              default=None, help="PLOVER event type.")
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Claim status.")
@click.option("--since", callback=_date, default=None, help="From this date (YYYY-MM-DD).")
@click.option("--until", callback=_date, default=None, help="Up to this date (YYYY-MM-DD).")
@click.option("--limit", type=int, default=None, help="At most this many rows.")
@click.option("--source", default=None,
              help="A news organisation anywhere in the chain, publisher included (e.g. AFP).")
@click.option("--asserted-only", is_flag=True,
              help="Only what articles state in their own voice (status asserted).")
@click.option("--disputed", is_flag=True,
              help="Fused events whose reports disagree (date, toll, place, actor, type).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True)
def events(db: str | None, dyad: tuple[str, str] | None, actor: str | None, ptype: str | None,
           status: str | None, since: dt.date | None, until: dt.date | None,
           limit: int | None, source: str | None, asserted_only: bool, disputed: bool,
           fmt: str) -> None:
    """Query stored event mentions.

    \b
    Example:
      flashpoint events --dyad IND-PAK --type ASSAULT --since 2025-05-01 --format csv
      flashpoint events --status contested --source AFP
      flashpoint events --disputed
    """
    from .store import open_store

    if disputed:
        from .commands.fusion import show_disputed

        show_disputed(db, dyad, since, until, limit, fmt)
        return
    with open_store(db) as store:
        rows = store.mentions(dyad=dyad, actor=actor.upper() if actor else None,
                              type=ptype.upper() if ptype else None, status=status,
                              since=since, until=until, limit=limit, source=source,
                              asserted_only=asserted_only)
    if fmt == "jsonl":
        for m in rows:
            click.echo(json.dumps(m.to_dict(), ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        cols = list(_row(rows[0]).keys()) if rows else list(_row_columns())
        w = csv.DictWriter(buf, fieldnames=cols)
        w.writeheader()
        for m in rows:
            w.writerow(_row(m))
        click.echo(buf.getvalue(), nl=False)
    else:
        _print_table(rows)
        click.echo(f"{len(rows)} event mentions", err=True)


def _row_columns() -> tuple[str, ...]:
    return ("date", "type", "mode", "cameo", "quad", "intensity", "actor", "recipient",
            "reciprocal", "place", "dead", "status", "publisher", "chain", "trigger",
            "evidence", "event_id", "article_id")


def _timeline_lines(store: Any, dyad: tuple[str, str], since: dt.date | None = None,
                    until: dt.date | None = None, plot: str | None = None) -> list[str]:
    """One line per day of fused events: counts by quad class (verbal/material cooperation
    and conflict), summed PLOVER intensity, the day's most intense events with sources."""
    from .analysis.escalation import alerts, index
    from .analysis.series import from_fused, series
    from .analysis.timeline import event_phrase
    from .store.fused import fused_events

    evs = fused_events(store, dyad=dyad, since=since, until=until, factual=True)
    counted = from_fused(evs)
    keep = {s.id for s in counted}
    periods = series(counted, since=since, until=until)
    if plot:
        from .analysis.plot import plot_series

        plot_series(plot, periods, f"{dyad[0]}-{dyad[1]}", index(periods), alerts(periods))
    by_day: dict[str, list[Any]] = {}
    for e in evs:
        if e.id in keep and e.when_start:
            by_day.setdefault(e.when_start, []).append(e)
    lines = []
    for p in periods:
        day = p.start.isoformat()
        if not p.count:
            continue
        top = sorted(by_day.get(day, []), key=lambda e: (-abs(e.intensity), e.intensity,
                                                          -len(e.mention_ids), e.id))[:3]
        lines.append(f"{day}  coop {p.q1}v/{p.q2}m  conflict {p.q3}v/{p.q4}m  "
                     f"intensity {p.intensity:+.1f}  " + "; ".join(event_phrase(e) for e in top))
    return lines


@cli.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--dyad", callback=_dyad, required=True, help="Two countries, e.g. IND-PAK.")
@click.option("--since", callback=_date, default=None, help="From this date (YYYY-MM-DD).")
@click.option("--until", callback=_date, default=None, help="Up to this date (YYYY-MM-DD).")
@click.option("--plot", type=click.Path(dir_okay=False), default=None,
              help="Also write a PNG of the series, escalation index and alerts.")
def timeline(db: str | None, dyad: tuple[str, str], since: dt.date | None,
             until: dt.date | None, plot: str | None) -> None:
    """One line per day for a dyad, counting fused events (one per real event, however many
    reports): counts by quad class (verbal/material cooperation and conflict), summed
    intensity (PLOVER scale, -10 hostile … +10 cooperative), and the day's most intense
    events with their number of sources.

    \b
    Example:
      flashpoint timeline --dyad IND-PAK --since 2025-04-01 --plot ind-pak.png
    """
    from .store import open_store

    with open_store(db) as store:
        lines = _timeline_lines(store, dyad, since, until, plot)
    if not lines:
        click.echo(f"no events stored for {dyad[0]}-{dyad[1]}; "
                   "`flashpoint ingest PATH` first, or check the codes", err=True)
    for line in lines:
        click.echo(line)
    if plot:
        click.echo(f"wrote {plot}", err=True)


@cli.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--skips", "skips_of", type=int, default=None,
              help="List every input that run RUN_ID skipped, with file, line and reason.")
def runs(db: str | None, skips_of: int | None) -> None:
    """List ingest runs (newest first) with their counts, or one run's skipped inputs.

    \b
    Example:
      flashpoint runs
      flashpoint runs --skips 3
    """
    from .store import open_store

    with open_store(db) as store:
        if skips_of is not None:
            rows = store.skips(skips_of)
            for r in rows:
                click.echo(r["reason"])
            click.echo(f"run {skips_of}: {len(rows)} inputs skipped", err=True)
            return
        history = store.runs()
    for r in history:
        counts = ", ".join(f"{k} {v}" for k, v in r["counts"].items())
        click.echo(f"run {r['id']}  {r['started_at']}  {r['status']}  {counts}  "
                   f"{' '.join(r['paths'])}")
    if not history:
        click.echo("no ingest runs yet; `flashpoint ingest PATH` starts one", err=True)


@cli.command()
@click.option("--db", default="flashpoint.db", show_default=True, help=DB_HELP)
def demo(db: str) -> None:
    """Ingest the bundled sample corpus, print a summary and the busiest dyad's timeline.

    \b
    Example:
      flashpoint demo --db /tmp/demo.db
    """
    from .resources import sample_corpus_dir
    from .runner import ingest as run_ingest
    from .store import open_store

    corpus = sample_corpus_dir()
    click.echo(f"flashpoint {__version__}: ingesting the sample corpus ({corpus}) into {db}")
    with open_store(db) as store:
        bar = _progress(None, "ingest")
        try:
            summary = run_ingest(store, [str(corpus)], progress=bar.update)
        finally:
            bar.close()
        for line in summary.lines():
            click.echo(line)
        counts = store.counts()
        click.echo(f"database {db}: {counts.get('articles', 0)} articles, "
                   f"{counts.get('mentions', 0)} event mentions")
        dyads = store.dyads(limit=5)
        if not dyads:
            click.echo("no dyad has events yet")
            return
        click.echo("most active dyads: " + ", ".join(f"{a}-{b} ({n})" for a, b, n in dyads))
        a, b, _ = dyads[0]
        first, _last = store.published_range()
        since = first - dt.timedelta(days=31) if first else None
        click.echo(f"\ntimeline {a}-{b}" + (f" since {since}" if since else "") + ":")
        for line in _timeline_lines(store, (a, b), since=since):
            click.echo(line)
    click.echo(f"\nnext: flashpoint events --db {db} --dyad {a}-{b} --format table\n"
               f"      flashpoint timeline --db {db} --dyad {a}-{b}\n"
               f"      flashpoint serve --db {db}   # then open http://127.0.0.1:8000/")


def _register() -> None:
    from .commands import register

    register(cli)


_register()


def main() -> None:
    cli(prog_name="flashpoint")


if __name__ == "__main__":
    main()


__all__ = ["cli", "main"]
