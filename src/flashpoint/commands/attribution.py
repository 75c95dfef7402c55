"""``flashpoint eval attribution``: speakers, reporting chains and event status scored on the
annotated development sentences (``evaluation/attribution/``)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .evaluate import eval_group


@eval_group.command("attribution")
@click.option("--data", default=None, type=click.Path(file_okay=False),
              help="Shared data folder (default: ../shared/data).")
@click.option("--gold", default=None, type=click.Path(file_okay=False),
              help="Folder with dev.jsonl and the split files (default: the repository's "
                   "evaluation/attribution).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A readable report, or the scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every wrong speaker, chain and status (text format).")
def eval_attribution(data: str | None, gold: str | None, fmt: str, show_errors: bool) -> None:
    """Score speakers (P/R/F1), chains (exact match) and event status (accuracy and
    confusion matrix) on the tuning half, the held-out half, each later blind held-out draw
    (fresh, fresh2, …; all held-out parts pooled as "untuned") and the whole set.

    \b
    Example:
      flashpoint eval attribution --data ../shared/data
    """
    from ..evaluation import find_data_dir
    from ..evaluation.attribution import GOLD_DIR, confusion_table, evaluate_attribution

    result = evaluate_attribution(find_data_dir(data), Path(gold) if gold else GOLD_DIR)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    fresh = sorted(n for n in result if n.startswith("fresh"))
    names = [n for n in ("tune", "heldout", *fresh, "untuned", "all") if n in result]
    for name in names:
        r = result[name]
        sp = r["speaker"]
        click.echo(f"{name}: {r['sentences']} sentences")
        click.echo(f"  speaker     P {sp['precision']:.3f}  R {sp['recall']:.3f}  "
                   f"F1 {sp['f1']:.3f}  (anonymous flag accuracy {r['anonymous_accuracy']})")
        click.echo(f"  chain       exact match {r['chain_exact_match']:.3f}  "
                   f"({r['chain_exact_match_with_chain']} on the "
                   f"{r['chain_sentences_with_chain']} sentences with a chain)")
        click.echo(f"  status      accuracy {r['status_accuracy']} on all "
                   f"{r['status_events']} events ({r['status_accuracy_found']} on the "
                   f"{r['status_found']} the extractor found, the rest judged at the gold "
                   f"trigger); end to end {r['status_accuracy_end_to_end']} (missed counted "
                   f"wrong; trigger recall {r['trigger_recall']})")
    for key in sorted(k for k in result if k.startswith("agreement")):
        a = result[key]
        part = key.removeprefix("agreement").lstrip("_")
        click.echo(f"\nsecond annotator{' on ' + part if part else ''} (blind, "
                   f"evaluation/agreement): {a['events']} events, "
                   f"agreement with the gold {a['agreement']:.3f}, kappa {a['kappa']:.3f} "
                   f"({a['sure_agreement']} on the {a['sure_events']} it was sure of); "
                   f"system {a['system_vs_first']:.3f} against the gold, "
                   f"{a['system_vs_second']:.3f} against the second annotator, "
                   f"{a['system_where_both_agree']} on the {a['both_agree_events']} events "
                   "where both annotators agree")
    for name in [n for n in ("heldout", "untuned", "all") if n in result]:
        click.echo(f"\nstatus confusion, {name} (rows gold, columns system):")
        for line in confusion_table(result[name]["confusion"]):
            click.echo("  " + line)
    click.echo("\nstatus confusion, all, found events only (missed: the extractor found no "
               "event there):")
    for line in confusion_table(result["all"]["confusion_found"]):
        click.echo("  " + line)
    if show_errors:
        click.echo("\nerrors:")
        for e in result["all"]["errors"]:
            click.echo("  " + json.dumps(e, ensure_ascii=False))
