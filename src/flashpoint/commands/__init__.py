"""Commands beyond the core ones, one module per capability; ``cli.py`` calls ``register``.

To add a command: write it as a click command in a module here, and add one import and one
``cli.add_command`` line to ``register``. Subcommands of ``flashpoint eval`` attach themselves
to ``evaluate.eval_group`` with ``@eval_group.command("name")``; import their module here.
"""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    from .evaluate import eval_group

    if eval_group.commands:  # `flashpoint eval` appears once it has a stage to score
        cli.add_command(eval_group)
