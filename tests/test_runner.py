"""Ingest runs: batches commit one by one; an interrupted run is finished by running it again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import flashpoint.runner as runner_mod
from flashpoint.models import Article, EventMention
from flashpoint.store import open_store

pytestmark = pytest.mark.slow


def _corpus(tmp_path: Path, n: int) -> Path:
    d = tmp_path / "news"
    d.mkdir()
    for i in range(n):
        (d / f"{i:02d}.txt").write_text(
            f"Published: 2025-05-{i + 1:02d}\n\n"
            f"Pakistani troops shelled Indian posts near Uri on May {i + 1}, killing {i + 1} "
            "soldiers, the Indian army said.\n")
    return d


def test_interrupted_run_loses_at_most_the_batch_in_flight(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    corpus = _corpus(tmp_path, 9)
    db = str(tmp_path / "fp.db")
    real = runner_mod.process_articles
    calls = {"n": 0}

    def flaky(arts: list[Article]) -> Iterator[tuple[Article, list[EventMention]]]:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # the user presses Ctrl-C during the third batch
        yield from real(arts)

    monkeypatch.setattr(runner_mod, "process_articles", flaky)
    with open_store(db) as store, pytest.raises(KeyboardInterrupt):
        runner_mod.ingest(store, [str(corpus)], commit_every=3)
    with open_store(db) as store:
        assert store.counts()["articles"] == 6  # two whole batches, nothing of the third
        assert store.runs()[0]["status"] == "interrupted"
    monkeypatch.setattr(runner_mod, "process_articles", real)
    with open_store(db) as store:
        summary = runner_mod.ingest(store, [str(corpus)], commit_every=3)
        assert (summary.stored, summary.duplicates) == (3, 6)
        assert store.counts()["articles"] == 9
        ids = [m.event_id for m in store.mentions()]
        assert len(ids) == len(set(ids)) and len(ids) >= 9


def test_bad_inputs_are_counted_and_recorded(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 2)
    (corpus / "broken.jsonl").write_text('{"text": "India closed the border."}\n{oops\n')
    (corpus / "blob.bin.txt").write_bytes(b"\x00\x01\x02binary")
    db = str(tmp_path / "fp.db")
    with open_store(db) as store:
        summary = runner_mod.ingest(store, [str(corpus)])
        assert summary.stored == 3
        assert summary.skipped_total == 2
        assert any("broken.jsonl:2" in p.message() for p in summary.problems)
        skips = store.skips(summary.run_id)
        assert len(skips) == 2
    text = "\n".join(summary.lines())
    assert "skipped 2 inputs" in text and "broken.jsonl:2" in text


def test_runs_command_lists_runs_and_skips(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from flashpoint.cli import cli

    corpus = _corpus(tmp_path, 1)
    (corpus / "broken.jsonl").write_text('{oops\n')
    db = str(tmp_path / "fp.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(corpus), "--db", db]).exit_code == 0
    listed = runner.invoke(cli, ["runs", "--db", db])
    assert listed.exit_code == 0 and listed.stdout.startswith("run 1 ")
    assert "done" in listed.stdout and "stored 1" in listed.stdout
    skipped = runner.invoke(cli, ["runs", "--db", db, "--skips", "1"])
    assert skipped.exit_code == 0
    assert "broken.jsonl:1: invalid JSON" in skipped.stdout

