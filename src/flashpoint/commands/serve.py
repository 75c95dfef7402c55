"""``flashpoint serve``: the HTTP API and the web dashboard on a database, read-only."""

from __future__ import annotations

import ipaddress

import click

from .options import DB_HELP


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the data to the "
                   "network: put a proxy with authentication in front.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on.")
def serve_command(db: str | None, host: str, port: int) -> None:
    """Serve the JSON API (/api, documented at /docs) and the dashboard (/) on a database,
    read-only. Everything the pages need is served locally: no CDN, nothing fetched.

    \b
    Example:
      flashpoint serve --db flashpoint.db
      then open http://127.0.0.1:8000/
    """
    import uvicorn

    from ..errors import FlashpointError
    from ..web import create_app

    try:
        app = create_app(db)
    except FlashpointError as e:
        raise click.ClickException(str(e)) from e
    if not _is_loopback(host):
        click.echo(f"warning: listening on {host}: anyone who can reach this address can read "
                   "the database (the server is read-only and has no authentication)", err=True)
    click.echo(f"flashpoint dashboard: http://{host}:{port}/  (API docs: /docs; Ctrl-C stops)",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
