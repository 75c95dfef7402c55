"""Inter-annotator agreement (evaluation/agreement): kappa, the committed second-annotator
files and their figures. These read committed id/label files only, no ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.analysis.fusion_eval import load_gold
from flashpoint.errors import ConfigError
from flashpoint.evaluation.agreement import (
    AGREEMENT_DIR,
    PairLabel,
    fusion_agreement,
    kappa,
    load_second_pairs,
    load_second_status,
    status_agreement,
)
from flashpoint.evaluation.attribution import load_gold as load_attribution

SPLITS = AGREEMENT_DIR.parent / "splits"


def test_kappa() -> None:
    assert kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == (1.0, 1.0)
    po, k = kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"])
    assert po == 0.5 and k == pytest.approx(0.0)
    assert kappa(["a", "a"], ["a", "a"]) == (1.0, 1.0)  # one label only: perfect, not 0/0
    with pytest.raises(ValueError):
        kappa(["a"], [])


def test_status_agreement_on_the_committed_labels() -> None:
    gold = {(x.id, e.start, e.end): e.status for x in load_attribution() for e in x.events}
    second = load_second_status()
    assert len(second) == 270 and set(second) <= set(gold)
    a = status_agreement(gold, second)
    assert a["events"] == 270
    assert a["agreement"] == 0.933 and a["kappa"] == 0.915  # as evaluation/agreement/README.md
    assert a["confusion"]["future"] == {"future": 18, "hypothetical": 5}
    # the system's figures need the texts; with a stand-in system they are computed the same way
    sys = {k: ("asserted" if v == "asserted" else "reported") for k, v in gold.items()}
    b = status_agreement(gold, second, sys)
    assert b["both_agree_events"] == 252 and 0 < b["system_where_both_agree"] < 1


def test_fusion_agreement_on_the_committed_pairs() -> None:
    clusters = {name: {g.key: g.cluster for g in load_gold(SPLITS / f"fusion_{name}.tsv")}
                for name in ("dev", "dev2", "heldout")}
    rows = {a["split"]: a for a in fusion_agreement(clusters, load_second_pairs())}
    assert rows["all"]["pairs"] == 226 and rows["all"]["same_pairs"] == 113
    assert rows["all"]["agreement"] == 0.987 and rows["heldout"]["f1"] == 0.968
    assert rows["dev"]["agreement"] == rows["dev2"]["agreement"] == 1.0


def test_fusion_agreement_counts() -> None:
    clusters = {"x": {"1/0/A": "c1", "2/0/A": "c1", "3/0/A": "c2"}}
    pairs = [PairLabel("x", "1/0/A", "2/0/A", True, True),
             PairLabel("x", "1/0/A", "3/0/A", True, False),
             PairLabel("x", "2/0/A", "3/0/A", False, True),
             PairLabel("x", "2/0/A", "9/9/A", False, True)]  # unknown item: left out
    rows = {a["split"]: a for a in fusion_agreement(clusters, pairs)}
    assert rows["x"]["pairs"] == 3 and rows["x"]["precision"] == 0.5
    assert rows["x"]["recall"] == 1.0 and rows["x"]["agreement"] == round(2 / 3, 3)


def test_bad_label_file_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "status_second.jsonl"
    p.write_text('{"id": "g1", "start": 1, "end": 2, "status": "asserted"}\n{"id": "g2"}\n',
                 encoding="utf-8")
    with pytest.raises(ConfigError, match=r"status_second\.jsonl:2"):
        load_second_status(p)
    with pytest.raises(ConfigError, match="no second-annotator"):
        load_second_status(tmp_path / "missing.jsonl")
    with pytest.raises(ConfigError, match="match no event"):
        status_agreement({}, {("g1", 1, 2): ("asserted", False)})
