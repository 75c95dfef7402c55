"""Commands beyond the core ones, one module per capability; ``cli.py`` calls ``register``.

To add a command: write it as a click command in a module here, and add one import and one
``cli.add_command`` line to ``register``. Subcommands of ``flashpoint eval`` attach themselves
to ``evaluate.eval_group`` with ``@eval_group.command("name")``; import their module here.
"""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    from . import attribution  # noqa: F401  (registers `flashpoint eval attribution`)
    from .classify import classify_command  # also registers `flashpoint eval events`
    from .evaluate import eval_group
    from .fusion import alerts_command, disputed_command, fuse_command, series_command
    from .serve import serve_command
    from .timeplace import places_command, times_command

    cli.add_command(times_command)
    cli.add_command(classify_command)
    cli.add_command(places_command)
    cli.add_command(serve_command)

    for command in (fuse_command, series_command, alerts_command, disputed_command):
        cli.add_command(command)

    if eval_group.commands:  # `flashpoint eval` appears once it has a stage to score
        cli.add_command(eval_group)
