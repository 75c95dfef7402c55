"""``flashpoint classify`` (code (text, source, target) rows with the learned classifier) and
``flashpoint eval events`` (its scores on the fixed dev splits)."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import click

from .evaluate import eval_group

BATCH = 256  # rows classified together (the encoder runs batched)


def _parse(line: str) -> tuple[dict[str, Any] | None, str]:
    """The row of one input line, or None and what is wrong with it."""
    try:
        row: Any = json.loads(line)
    except json.JSONDecodeError as e:
        return None, f"not JSON ({e.msg}); give one JSON object per line"
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        return None, ('needs an object with a "text" string ("source" and "target" may be '
                      "null)")
    if not all(v is None or isinstance(v, str) for v in (row.get("source"), row.get("target"))):
        return None, "\"source\" and \"target\" must be strings or null"
    return row, ""


def classify_rows(lines: IO[Any], out: IO[Any], name: str = "<input>",
                  warn: Callable[[str], None] | None = None) -> tuple[int, int]:
    """Read JSON Lines rows ``{"text", "source", "target"}`` and write each row with
    ``plover``, ``cameo``, ``quad_class``, ``acled`` and ``confidence`` added, in order,
    ``BATCH`` rows at a time. A bad line is reported through ``warn`` as ``name:line: …`` and
    written as ``{"line": N, "error": …}`` in its place, so the output stays aligned with the
    input; the rest goes on. Returns (rows classified, bad lines)."""
    from ..extractors.classifier import classify_many

    done = bad = 0
    pending: list[tuple[int, dict[str, Any] | None, str]] = []

    def flush() -> None:
        nonlocal done
        good = [r for _, r, _ in pending if r is not None]
        coded = iter(classify_many([(r["text"], r.get("source"), r.get("target"))
                                    for r in good]))
        for lineno, row, why in pending:
            if row is None:
                out.write(json.dumps({"line": lineno, "error": why}, ensure_ascii=False) + "\n")
                continue
            row.update(next(coded).to_dict())
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            done += 1
        pending.clear()

    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        row, why = _parse(line)
        if row is None:
            bad += 1
            if warn:
                warn(f"{name}:{lineno}: {why}; fix the line and rerun it (its place in the "
                     "output holds an \"error\" row)")
        pending.append((lineno, row, why))
        if len(pending) >= BATCH:
            flush()
    flush()
    return done, bad


@click.command("classify")
@click.option("--input", "input_path", required=True, type=click.Path(dir_okay=False,
              allow_dash=True), help="JSON Lines file of {\"text\", \"source\", \"target\"} "
              "rows ('-' reads standard input).")
@click.option("--output", "output_path", default=None, type=click.Path(dir_okay=False),
              help="Write the rows here instead of standard output.")
def classify_command(input_path: str, output_path: str | None) -> None:
    """Classify the event of each sentence with the learned classifier: PLOVER type and mode,
    CAMEO code, quad class, ACLED type and sub-type, confidence.

    Source and target may be null: then the actor-span tagger picks them and the sentence's
    main event is classified. Rows come out in input order with the fields added.

    \b
    Example:
      echo '{"text": "Pakistan shelled Indian posts.", "source": null, "target": null}' > p.jsonl
      flashpoint classify --input p.jsonl
      flashpoint classify --input pairs.jsonl --output coded.jsonl
    """
    name = "<stdin>" if input_path == "-" else input_path
    warn = functools.partial(click.echo, err=True)
    with click.open_file(input_path, encoding="utf-8") as src:
        if output_path:
            with Path(output_path).open("w", encoding="utf-8") as dst:
                n, bad = classify_rows(src, dst, name, warn)
            click.echo(f"{n} rows classified into {output_path}", err=True)
        else:
            n, bad = classify_rows(src, sys.stdout, name, warn)
    if bad:
        raise click.ClickException(f"{bad} bad line(s) in {name} (listed above); the other "
                                   f"{n} rows were classified")


@eval_group.command("events")
@click.option("--data", default=None, type=click.Path(file_okay=False),
              help="Shared data folder (default: ../shared/data).")
@click.option("--splits", "splits_dir", default=None, type=click.Path(file_okay=False),
              help="Folder of the dev id lists (default: the repository's evaluation/splits).")
@click.option("--task", "tasks", multiple=True,
              type=click.Choice(["plover_root", "quad_class", "coop_conflict", "acled_subtype",
                                 "attack_type", "actor_spans"]),
              help="Score only this task (repeatable; default: all).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A readable report, or the scores as JSON.")
@click.option("--no-confusion", is_flag=True, help="Leave the confusion matrices out (text).")
def eval_events(data: str | None, splits_dir: str | None, tasks: tuple[str, ...], fmt: str,
                no_confusion: bool) -> None:
    """Score event coding on the fixed dev splits: PLOVER root (plv_train), quad class
    (cameo_quad_train), cooperation vs conflict (aw_train), ACLED sub-type
    (acled_bangladesh), attack type (SATP dev and test) and actor spans
    (cameo_actor_spans_train). Per-class P/R/F1, macro-F1, accuracy, confusion matrix.

    \b
    Example:
      flashpoint eval events --data ../shared/data --task plover_root
    """
    from ..evaluation import find_data_dir
    from ..evaluation.events import TASKS, evaluate_events, report_lines

    result = evaluate_events(find_data_dir(data), Path(splits_dir) if splits_dir else None,
                             tasks or TASKS)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    for line in report_lines(result, confusion=not no_confusion):
        click.echo(line)
