"""``flashpoint times``, ``flashpoint places``, ``flashpoint eval times`` and
``flashpoint eval places``: the time and place stages on their own, and their scores."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import click

from .evaluate import eval_group
from .options import parse_date as _date


def _articles(paths: tuple[str, ...], published: dt.date | None, text_column: str | None,
              any_language: bool, counts: dict[str, int]) -> Iterator[Any]:
    from ..ingest import Skipped, iter_inputs

    for it in iter_inputs(paths, default_published=published, text_column=text_column,
                          check_language=not any_language):
        if isinstance(it, Skipped):
            counts["skipped"] += 1
            click.echo(f"skipped {it.message()}", err=True)
        else:
            counts["articles"] += 1
            yield it


def _emit(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...],
          header: bool = False) -> None:
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    if header:
        click.echo("\t".join(columns))
    for r in rows:
        click.echo("\t".join("" if r.get(c) is None else str(r.get(c)) for c in columns))


_INPUT_OPTIONS = [
    click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
                 show_default=True, help="One JSON object per line, or a tab-separated table."),
    click.option("--text-column", default=None, help="Text column of JSON Lines/CSV input."),
    click.option("--any-language", is_flag=True, help="Keep non-English articles."),
]


def _input_options(f: Any) -> Any:
    for opt in reversed(_INPUT_OPTIONS):
        f = opt(f)
    return f


def _finish(counts: dict[str, int], n: int, what: str) -> None:
    click.echo(f"{counts['articles']} articles, {n} {what}, {counts['skipped']} inputs skipped",
               err=True)
    if counts["skipped"] and not counts["articles"]:
        raise SystemExit(1)


@click.command("times")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", callback=_date, default=None,
              help="Publication date (YYYY-MM-DD) for articles that carry none; relative "
                   "expressions are anchored on it.")
@_input_options
def times_command(paths: tuple[str, ...], published: dt.date | None, fmt: str,
                  text_column: str | None, any_language: bool) -> None:
    """Print every time expression of files with its TimeML type and value.

    Offsets refer to the article text (after any header lines), ``file`` is the path as
    given. Each record has ``type`` (DATE, TIME, DURATION, SET), ``value`` (2025-05-10,
    2025-W19, P2D, PAST_REF …), ``interval`` (ISO start/end), ``precision`` and, for the two
    ends of a range ("from May 14 to May 18"), the whole ``range``.

    \b
    Example:
      flashpoint times report.txt --published 2025-05-16
      flashpoint times news/ --format table
    """
    from ..extractors.times import timex_records

    counts = {"articles": 0, "skipped": 0}
    n = 0
    cols = ("file", "start", "end", "text", "type", "value", "interval_start", "interval_end",
            "precision")
    for art in _articles(paths, published, text_column, any_language, counts):
        rows = []
        for r in timex_records(art.text, art.published):
            rows.append({"file": art.file, "doc_id": art.row_id, "article_id": art.id,
                         "published": art.published.isoformat() if art.published else None,
                         **r, "interval_start": r["interval"]["start"],  # type: ignore[index]
                         "interval_end": r["interval"]["end"]})  # type: ignore[index]
        if fmt == "jsonl":
            for r in rows:
                r.pop("interval_start")
                r.pop("interval_end")
        _emit(rows, fmt, cols, header=counts["articles"] == 1)
        n += len(rows)
    _finish(counts, n, "time expressions")


@click.command("places")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_input_options
def places_command(paths: tuple[str, ...], fmt: str, text_column: str | None,
                   any_language: bool) -> None:
    """Print every toponym of files with its GeoNames resolution.

    Offsets refer to the article text (after any header lines), ``file`` is the path as
    given. ``kind`` is ``place``, ``demonym`` ("Turkish": a mention of Turkey) or ``feature``
    (a street, county or building, located at the town the article is about); the other
    fields are those of an event's ``where``.

    \b
    Example:
      flashpoint places report.txt
      flashpoint places news/ --format table
    """
    from ..extractors.places import toponyms_of_texts

    counts = {"articles": 0, "skipped": 0}
    n = 0
    cols = ("file", "start", "end", "text", "kind", "name", "geonameid", "lat", "lon", "admin1",
            "country", "precision")
    arts = list(_articles(paths, None, text_column, any_language, counts))
    for art, tops in zip(arts, toponyms_of_texts(a.text for a in arts), strict=True):
        rows = [{"file": art.file, "doc_id": art.row_id, "article_id": art.id, **t.to_dict()}
                for t in tops]
        _emit(rows, fmt, cols, header=n == 0 and art is arts[0])
        n += len(rows)
    _finish(counts, n, "toponyms")


_SPLIT = click.option("--split", type=click.Choice(["dev", "tune", "all"]), default="dev",
                      show_default=True,
                      help="Documents to score: the held-out dev split, the rest (tune) or all.")
_DATA = click.option("--data", default=None, type=click.Path(),
                     help="Development data folder (default: ../shared/data beside the current "
                          "folder or the repository).")
_ERRORS = click.option("--errors", "max_errors", type=int, default=0, show_default=True,
                       help="Also list up to N errors (missed, wrong, spurious).")


@eval_group.command("times")
@_DATA
@_SPLIT
@_ERRORS
def eval_times(data: str | None, split: str, max_errors: int) -> None:
    """Score time tagging on TimeML gold (time/TBAQ-cleaned): strict and relaxed extraction
    P/R/F1, value and type accuracy, and value F1 over all expressions.

    \b
    Example:
      flashpoint eval times --split dev
      flashpoint eval times --split all --data ../shared/data
    """
    from ..evaluation import find_data_dir
    from ..evaluation.timeml import read_tbaq, score_times, tbaq_dir

    docs = read_tbaq(tbaq_dir(find_data_dir(data)), split)
    res = score_times(docs, max_errors=max_errors)
    click.echo(json.dumps({"split": split, **res}, indent=2, ensure_ascii=False))


@eval_group.command("places")
@_DATA
@_SPLIT
@_ERRORS
@click.option("--lower-case", "lower", is_flag=True,
              help="Score the documents lower-cased (as in archives that lost their capitals).")
def eval_places(data: str | None, split: str, max_errors: int, lower: bool) -> None:
    """Score toponym detection and resolution on geo/TR-News.xml: P/R/F1, GeoNames id
    accuracy and accuracy within 161 km over all gold toponyms, error km.

    \b
    Example:
      flashpoint eval places --split dev
      flashpoint eval places --split all --errors 50
      flashpoint eval places --split dev --lower-case
    """
    import dataclasses

    from ..evaluation import find_data_dir
    from ..evaluation.trnews import read_trnews, score_places, trnews_path

    docs = read_trnews(trnews_path(find_data_dir(data)), split)
    if lower:  # offsets stay valid: lower() keeps the length of this (English) text
        docs = [dataclasses.replace(d, text=d.text.lower()) for d in docs
                if len(d.text.lower()) == len(d.text)]
    res = score_places(docs, max_errors=max_errors)
    click.echo(json.dumps({"split": split, "lower_case": lower, **res}, indent=2,
                          ensure_ascii=False))

