"""Shared fixtures. Tests that need ../shared/data skip with a message when it is absent."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("FLASHPOINT_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The development data folder, or skip (a user's clone does not have it)."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"development data not found at {SHARED_DATA} "
                    "(it lives beside the repository as ../shared/data)")
    return SHARED_DATA


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Build the gazetteer index once per test session in a temporary cache folder, unless
    the developer points FLASHPOINT_CACHE somewhere on purpose."""
    if "FLASHPOINT_CACHE" in os.environ:
        yield
        return
    os.environ["FLASHPOINT_CACHE"] = str(tmp_path_factory.mktemp("fp-cache"))
    try:
        yield
    finally:
        os.environ.pop("FLASHPOINT_CACHE", None)


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    from flashpoint.resources import sample_corpus_dir

    return sample_corpus_dir()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, sample_dir: Path) -> Path:
    """A SQLite database with the sample corpus ingested (once per session)."""
    from flashpoint.runner import ingest
    from flashpoint.store import open_store

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_store(str(db)) as store:
        summary = ingest(store, [str(sample_dir)])
    assert summary.stored > 0
    return db
