"""``flashpoint eval``: scores of each stage on the development sets in ../shared/data."""

from __future__ import annotations

import click


@click.group("eval")
def eval_group() -> None:
    """Score a stage on the development sets in ../shared/data (or --data DIR).

    \b
    Example:
      flashpoint eval times
    """
