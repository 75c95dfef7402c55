"""Scorers of flashpoint's stages on the development sets in ``../shared/data``.

Each scorer is a plain function over a data folder that returns a JSON-ready dict; the
``flashpoint eval`` commands and the scripts in ``evaluation/`` print it. Development splits are
fixed by a seed (:mod:`.splits`), so "dev" is the same set of documents on every machine; the
committed id lists under ``evaluation/splits/`` record them and a test checks they agree.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ConfigError

__all__ = ["find_data_dir"]


def find_data_dir(data: str | os.PathLike[str] | None = None) -> Path:
    """The development data folder: ``data`` when given, else ``$FLASHPOINT_SHARED_DATA``,
    else ``../shared/data`` beside the current folder or beside the source checkout."""
    if data is not None:
        p = Path(data)
        if not p.is_dir():
            raise ConfigError(f"no data folder at {p}; pass --data with the folder that holds "
                              "time/TBAQ-cleaned and geo/TR-News.xml")
        return p
    tried: list[Path] = []
    env = os.environ.get("FLASHPOINT_SHARED_DATA")
    if env:
        tried.append(Path(env))
    tried.append(Path.cwd().parent / "shared" / "data")
    tried.append(Path(__file__).resolve().parents[3].parent / "shared" / "data")
    for p in tried:
        if p.is_dir():
            return p
    raise ConfigError("development data not found (looked in "
                      + ", ".join(str(p) for p in tried)
                      + "); pass --data DIR with the folder that holds time/ and geo/")
