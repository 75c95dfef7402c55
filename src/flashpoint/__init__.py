"""flashpoint: news in, coded political events out.

Who did what to whom, when, where, according to whom, and whether anyone denies it.

    >>> import flashpoint
    >>> mentions = flashpoint.extract("Pakistani troops shelled Indian posts on May 7.",
    ...                               published="2025-05-08")
    >>> store = flashpoint.open_store("flashpoint.db")

The public surface is exactly ``__all__``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

from .errors import (
    ConfigError,
    FlashpointError,
    InputError,
    ModelNotInstalledError,
    ResourceError,
    StoreError,
)
from .models import (
    Actor,
    Article,
    Attribution,
    Event,
    EventMention,
    Magnitude,
    Place,
    Speaker,
    TimeExpression,
    TimeSpan,
)

__version__ = "0.1.0"


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"published={value!r} is not a date; write it as YYYY-MM-DD") from None


def extract(text: str, published: dt.date | str | None = None, *, outlet: str | None = None,
            title: str | None = None, file: str | None = None) -> list[EventMention]:
    """Event mentions of one text (no database). ``published`` anchors relative dates."""
    from .process import make_article, process_articles

    art = make_article(text, published=_as_date(published), outlet=outlet, title=title,
                       file=file)
    return [m for _a, ms in process_articles([art]) for m in ms]


def extract_file(path: str | os.PathLike[str], published: dt.date | str | None = None
                 ) -> list[EventMention]:
    """Event mentions of every article in a file or folder (any format ``ingest`` reads).

    Raises the ``InputError`` of the first input that cannot be read.
    """
    from .ingest import Skipped, iter_inputs
    from .process import process_articles

    arts = []
    for it in iter_inputs([path], default_published=_as_date(published)):
        if isinstance(it, Skipped):
            raise it.error()
        arts.append(it)
    return [m for _a, ms in process_articles(arts) for m in ms]


def open_store(url: str | os.PathLike[str] | None = None):
    """The store at ``url`` (SQLite path or postgresql:// URL; default ./flashpoint.db)."""
    from .store import open_store as _open

    return _open(url)


def ingest(paths: Sequence[str], url: str | os.PathLike[str] | None = None):
    """Ingest files and folders into the store at ``url``; returns the run's summary."""
    from .runner import ingest as _ingest

    with open_store(url) as store:
        return _ingest(store, list(paths))


__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "ConfigError",
    "Event",
    "EventMention",
    "FlashpointError",
    "InputError",
    "Magnitude",
    "ModelNotInstalledError",
    "Place",
    "ResourceError",
    "Speaker",
    "StoreError",
    "TimeExpression",
    "TimeSpan",
    "__version__",
    "extract",
    "extract_file",
    "ingest",
    "open_store",
]
