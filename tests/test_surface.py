"""Registered surfaces: public API, CLI commands and options in the README, data headers."""

from __future__ import annotations

import re
from pathlib import Path

import click

import flashpoint
from flashpoint import resources
from flashpoint.cli import cli

ROOT = Path(__file__).resolve().parents[1]

PUBLIC = {
    "Actor", "Article", "Attribution", "ConfigError", "Event", "EventMention",
    "FlashpointError", "InputError", "Magnitude", "ModelNotInstalledError", "Place",
    "ResourceError", "Speaker", "StoreError", "TimeExpression", "TimeSpan", "__version__",
    "extract", "extract_file", "ingest", "open_store",
}


def test_public_api_is_exactly_all() -> None:
    assert set(flashpoint.__all__) == PUBLIC
    for name in flashpoint.__all__:
        assert hasattr(flashpoint, name), name
    assert callable(flashpoint.extract)


def test_every_command_and_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    assert isinstance(cli, click.Group)
    for name, cmd in cli.commands.items():
        assert f"flashpoint {name}" in readme, f"`flashpoint {name}` is not in the README"
        for p in cmd.params:
            for opt in getattr(p, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert opt in readme, f"{name} {opt} is not in the README"


def test_quick_start_is_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    assert [ln for ln in block.strip().splitlines()] == ["make demo", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_data_file_has_a_header() -> None:
    root = resources.data_path("")
    for f in sorted(root.rglob("*.tsv")):
        head = f.read_text(encoding="utf-8").splitlines()[:8]
        keys = {m.group(1).lower() for ln in head if (m := re.match(r"#\s*(\w+):", ln))}
        assert {"source", "licence", "version"} <= keys, f"{f} lacks a source/licence/version"


def test_changelog_mentions_every_command() -> None:
    log = (ROOT / "CHANGELOG.md").read_text()
    for name in cli.commands:
        assert f"flashpoint {name}" in log or f"`{name}`" in log, name
