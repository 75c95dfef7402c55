"""Option parsing shared by every command: dates, dyads, the database option's help."""

from __future__ import annotations

import datetime as dt

import click

DB_HELP = "SQLite file or postgresql:// URL (default: $FLASHPOINT_DB or ./flashpoint.db)."


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None
               ) -> dt.date | None:
    """click callback: an ISO date, or a usage error that says how to write one."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def parse_dyad(ctx: click.Context, param: click.Parameter, value: str | None
               ) -> tuple[str, str] | None:
    """click callback: two different country codes written as IND-PAK."""
    if value is None:
        return None
    parts = value.upper().replace("_", "-").split("-")
    if len(parts) != 2 or not all(parts) or parts[0] == parts[1]:
        raise click.BadParameter(f"{value!r} is not a dyad; write two different country codes "
                                 "as IND-PAK (to follow one country use --actor or --country)")
    return parts[0], parts[1]
