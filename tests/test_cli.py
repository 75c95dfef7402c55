"""Every command through click's CliRunner, on the sample corpus and small inputs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli

pytestmark = pytest.mark.slow


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("ingest", "extract", "events", "timeline", "demo"):
        assert name in result.output
        sub = runner.invoke(cli, [name, "--help"])
        assert sub.exit_code == 0 and "Example" in sub.output


def test_extract_jsonl_names_its_input(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Pakistani troops shelled Indian posts on May 7, killing two soldiers.\n")
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "r1", "text": "India expelled two Pakistani diplomats.",
                                "date": "2025-04-24"}) + "\n")
    result = runner.invoke(cli, ["extract", str(f), str(rows), "--published", "2025-05-08"])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {r["doc"]["file"] for r in recs} == {str(f), str(rows)}
    by_file = {r["doc"]["file"]: r for r in recs}
    assert by_file[str(rows)]["doc"]["id"] == "r1"
    assert by_file[str(f)]["plover"]["type"] == "ASSAULT"
    assert by_file[str(f)]["when"]["start"] == "2025-05-07"
    assert "2 articles" in result.stderr


def test_extract_table_format(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Police arrested 12 suspects in Lahore on Saturday.\n")
    result = runner.invoke(cli, ["extract", str(f), "--published", "2025-05-04",
                                 "--format", "table"])
    assert result.exit_code == 0
    assert "COERCE/arrest" in result.stdout and "2025-05-03" in result.stdout


def test_extract_reports_bad_input_and_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("India expelled two Pakistani diplomats.\n")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "India closed the border."}\n{not json\n')
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(cli, ["extract", str(good), str(bad), str(empty),
                                 "--published", "2025-04-24"])
    assert result.exit_code == 0
    assert f"{bad}:2: invalid JSON" in result.stderr
    assert f"{empty}" in result.stderr
    assert "2 articles" in result.stderr


def test_bad_date_option_says_how_to_write_it(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("text")
    result = runner.invoke(cli, ["extract", str(f), "--published", "16/05/2025"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_ingest_is_idempotent_and_summarises(runner: CliRunner, tmp_path: Path,
                                             sample_dir: Path) -> None:
    db = str(tmp_path / "fp.db")
    first = runner.invoke(cli, ["ingest", str(sample_dir), "--db", db])
    assert first.exit_code == 0, first.output
    assert "stored 22" in first.output
    again = runner.invoke(cli, ["ingest", str(sample_dir), "--db", db])
    assert again.exit_code == 0
    assert "stored 0, already stored 22" in again.output


def test_ingest_skips_non_english_with_reason(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(
        "Le gouvernement pakistanais a fermé son espace aérien aux compagnies indiennes jeudi, "
        "a annoncé le ministère des affaires étrangères dans un communiqué publié à Islamabad.")
    result = runner.invoke(cli, ["ingest", str(tmp_path / "fr.txt"), "--db",
                                 str(tmp_path / "x.db")])
    assert result.exit_code == 0
    assert "1 language" in result.output and "not English" in result.output


def test_events_filters_and_formats(runner: CliRunner, demo_db: Path) -> None:
    table = runner.invoke(cli, ["events", "--db", str(demo_db), "--dyad", "IND-PAK",
                                "--type", "ASSAULT"])
    assert table.exit_code == 0 and "ASSAULT" in table.stdout
    js = runner.invoke(cli, ["events", "--db", str(demo_db), "--dyad", "PAK-IND",
                             "--since", "2025-05-10", "--until", "2025-05-11",
                             "--format", "jsonl"])
    recs = [json.loads(x) for x in js.stdout.splitlines()]
    assert recs
    for r in recs:
        assert r["when"]["start"] <= "2025-05-11" and r["when"]["end"] >= "2025-05-10"
        assert {"IND", "PAK"} <= {a["country"] for a in r["actor"] + r["recipient"]}
    out = runner.invoke(cli, ["events", "--db", str(demo_db), "--actor", "PAK",
                              "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and all("PAK" in r["actor"] + r["recipient"] for r in rows)
    bad = runner.invoke(cli, ["events", "--db", str(demo_db), "--dyad", "INDPAK"])
    assert bad.exit_code == 2 and "IND-PAK" in bad.output


def test_timeline_one_line_per_day(runner: CliRunner, demo_db: Path) -> None:
    result = runner.invoke(cli, ["timeline", "--db", str(demo_db), "--dyad", "IND-PAK"])
    assert result.exit_code == 0
    days = [line.split()[0] for line in result.stdout.splitlines()]
    assert days == sorted(set(days))
    assert "2025-05-10" in days and "2025-05-14" in days


def test_demo_runs_end_to_end(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    result = runner.invoke(cli, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    assert "timeline IND-PAK" in result.output
    assert "flashpoint events" in result.output


def test_store_error_is_reported_cleanly(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["events", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
