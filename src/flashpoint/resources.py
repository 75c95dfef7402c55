"""The only loader of packaged data files (lexicons, ontology tables, sample corpus).

Data files live under ``flashpoint/data``. Tabular files are UTF-8 TSV with ``#`` comment lines
at the top (source, licence, version) and a header row. Everything is cached per process.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterator
from pathlib import Path

from .errors import ResourceError

_PKG = "flashpoint.data"


def data_path(relative: str) -> Path:
    """Filesystem path of a packaged data file or folder (``lexicons/triggers.tsv``)."""
    root = importlib.resources.files(_PKG)
    p = Path(str(root.joinpath(relative)))
    if not p.exists():
        raise ResourceError(
            f"packaged data file {relative!r} is missing from {root}; reinstall flashpoint "
            "(pip install -e .) or restore the file from git")
    return p


def read_text(relative: str) -> str:
    return data_path(relative).read_text(encoding="utf-8")


def header(relative: str) -> dict[str, str]:
    """The ``# key: value`` lines at the top of a data file (source, licence, version)."""
    out: dict[str, str] = {}
    for line in read_text(relative).splitlines():
        if not line.startswith("#"):
            break
        body = line.lstrip("#").strip()
        if ":" in body:
            k, v = body.split(":", 1)
            out[k.strip().lower()] = v.strip()
    return out


def _iter_rows(relative: str) -> Iterator[dict[str, str]]:
    lines = [ln for ln in read_text(relative).splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise ResourceError(f"data file {relative!r} has no header row")
    cols = lines[0].split("\t")
    for n, ln in enumerate(lines[1:], start=2):
        parts = ln.split("\t")
        if len(parts) < len(cols):
            parts += [""] * (len(cols) - len(parts))
        elif len(parts) > len(cols):
            raise ResourceError(f"data file {relative!r}: row {n} has {len(parts)} columns, "
                                f"header has {len(cols)}")
        yield {c: p.strip() for c, p in zip(cols, parts, strict=True)}


@functools.cache
def table(relative: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged TSV table as dicts keyed by the header row (cached)."""
    return tuple(_iter_rows(relative))


def sample_corpus_dir() -> Path:
    """Folder of the bundled sample corpus."""
    return data_path("sample")
