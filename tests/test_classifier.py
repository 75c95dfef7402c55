"""The learned event classifier, the actor-span tagger, `flashpoint classify` and
`flashpoint eval events`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli
from flashpoint.evaluation.events import _bio_spans, attack_type, score
from flashpoint.extractors import acled_cues, actor_spans
from flashpoint.extractors.classifier import Classification, cameo_code, classify
from flashpoint.extractors.clf_features import mark, stem

GOLD = [
    # text, source, target, type, mode, cameo, quad
    ("Pakistani troops shelled Indian posts along the Line of Control on Sunday, killing two "
     "soldiers, the Indian army said.", "Pakistani troops", "Indian posts", "ASSAULT",
     "heavy-weapons", "194", 4),
    # a bare denial is a neutral statement in cameo_quad (10 of its 11 "denied" sentences are 0)
    ("Islamabad denied the charge.", None, None, "REJECT", None, "016", 0),
    ("New Delhi and Islamabad agreed to a ceasefire.", None, None, "RETREAT", "ceasefire",
     "0871", None),
    ("<s>Protesters</s> burned <t>the flag</t> outside the embassy in a protest.", None, None,
     "PROTEST", None, None, 4),
]


@pytest.mark.parametrize(("text", "source", "target", "ptype", "mode", "code", "quad"), GOLD)
def test_gold_sentences(text: str, source: str | None, target: str | None, ptype: str,
                        mode: str | None, code: str | None, quad: int | None) -> None:
    c = classify(text, source, target)
    assert c.plover_type == ptype
    if mode is not None:
        assert c.plover_mode == mode
    if code is not None:
        assert c.cameo_code == code
    if quad is not None:
        assert c.quad_class == quad
    assert 0 < c.confidence <= 1


@pytest.mark.parametrize(("text", "expected"), [
    ("The rebels agreed on a three-day truce.", ("RETREAT", "ceasefire", "0871")),
    ("Russia and Ukraine have agreed to a cease-fire in the east.",
     ("RETREAT", "ceasefire", "0871")),
    # the talks were agreed, not the ceasefire; an agreed withdrawal is still to come
    ("They agreed to talks on a ceasefire.", ("AGREE",)),
    ("India agreed to withdraw its troops.", ("AGREE",)),
])
def test_agreed_ceasefire_is_the_truce(text: str, expected: tuple[str, ...]) -> None:
    c = classify(text)
    assert (c.plover_type, c.plover_mode, c.cameo_code)[:len(expected)] == expected


def test_shelling_acled_and_actors() -> None:
    c = classify(GOLD[0][0], "Pakistani troops", "Indian posts")
    assert (c.acled_event_type, c.acled_sub_event_type) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert c.source_code == ("PAK", "MIL")
    assert not c.cooperation


def test_to_dict_shape() -> None:
    d = classify("Iran condemned the decision.", "Iran", "the decision").to_dict()
    assert set(d) == {"plover", "cameo", "quad_class", "acled", "confidence"}
    assert d["plover"]["type"] == "ACCUSE"
    assert d["cameo"]["root"] == d["cameo"]["code"][:2]


@pytest.mark.parametrize(("text", "source", "target", "clean", "s", "t"), [
    ("<s>A</s> hit <t>B</t>.", None, None, "A hit B.", "A", "B"),
    ("India warned Pakistan.", "india", "Pakistan", "India warned Pakistan.", "India",
     "Pakistan"),
    ("India warned India.", "India", "India", "India warned India.", "India", "India"),
    ("Nobody here.", "Iran", None, "Nobody here.", None, None),
])
def test_mark(text: str, source: str | None, target: str | None, clean: str, s: str | None,
              t: str | None) -> None:
    m = mark(text, source, target)
    assert m.text == clean
    assert (clean[m.source[0]:m.source[1]] if m.source else None) == s
    assert (clean[m.target[0]:m.target[1]] if m.target else None) == t
    if m.source and m.target:
        assert m.source != m.target


@pytest.mark.parametrize(("word", "expected"), [
    ("condemned", "condemn"), ("talks", "talk"), ("agreed", "agre"), ("war", "war"),
    ("committed", "commit"), ("ceasefire", "ceasefir"),
])
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(("ptype", "mode", "code"), [
    ("ASSAULT", "heavy-weapons", "194"), ("RETREAT", "ceasefire", "0871"),
    ("ASSAULT", "aerial", "195"), ("RETREAT", "no-such-mode", None),
])
def test_cameo_code(ptype: str, mode: str, code: str | None) -> None:
    got = cameo_code(ptype, mode)
    if code is None:
        assert got is not None and len(got) <= 3  # the type's general code
    else:
        assert got == code


@pytest.mark.parametrize(("text", "ptype", "sector", "expected"), [
    ("Students staged a human chain demanding justice for the killing of a student.",
     "REQUEST", None, ("Protests", "Peaceful protest")),
    ("BNP activists clashed with police during their rally and vandalized cars.", "ASSAULT",
     None, ("Riots", "Violent demonstration")),
    ("Police charged batons to disperse the protest rally of teachers.", "PROTEST", None,
     ("Protests", "Protest with intervention")),
    ("Members of Chhatra League assaulted and injured three students on campus.", "ASSAULT",
     None, ("Riots", "Mob violence")),
    ("Troops attacked a rebel base.", "ASSAULT", "MIL", ("Battles", "Armed clash")),
])
def test_acled_cues(text: str, ptype: str, sector: str | None,
                    expected: tuple[str, str]) -> None:
    assert acled_cues.refine(text, ptype, None, "Battles", "Armed clash", sector) == expected


def test_actor_tagger_finds_source() -> None:
    s, _t = actor_spans.find_actors("Iraqi troops launched an assault on the last ISIS bastion.")
    assert s is not None and "troops" in s.text


@pytest.mark.parametrize(("tags", "spans"), [
    (["B-S", "I-S", "O", "B-T"], {("S", 0, 2), ("T", 3, 4)}),
    (["I-T", "I-T", "O"], {("T", 0, 2)}),
    (["B-S", "B-S", "I-T"], {("S", 0, 1), ("S", 1, 2), ("T", 2, 3)}),
])
def test_bio_spans(tags: list[str], spans: set[tuple[str, int, int]]) -> None:
    assert _bio_spans(tags) == spans


def test_score() -> None:
    s = score(["a", "a", "b", "c"], ["a", "b", "b", "c"])
    assert s.accuracy == 0.75
    assert s.per_class["a"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert s.confusion == [[1, 1, 0], [0, 1, 0], [0, 0, 1]]
    multi = score(["x", "y"], ["z", "y"], [frozenset({"x", "z"}), frozenset({"y"})])
    assert multi.accuracy == 1.0


def _c(ptype: str, mode: str | None) -> Classification:
    return Classification(ptype, mode, None, 4, None, None, 0.9, 0.9, ((ptype, 0.9),))


@pytest.mark.parametrize(("ptype", "mode", "text", "expected"), [
    ("ASSAULT", None, "Militants shot dead a villager in Pulwama.", "armed_assault"),
    ("ASSAULT", None, "An IED blast killed two in Quetta.", "bombing_explosion"),
    ("ASSAULT", "abduct", "Maoists abducted a contractor.", "kidnapping"),
    ("ASSAULT", None, "SFs arrested a militant in Sivasagar.", "not_terrorist_attack"),
    ("CONSULT", None, "Officials met in Delhi.", "not_terrorist_attack"),
])
def test_attack_type(ptype: str, mode: str | None, text: str, expected: str) -> None:
    assert attack_type(_c(ptype, mode), text) == expected


def test_classify_command_keeps_order_and_fields(tmp_path: Path) -> None:
    rows = [{"text": GOLD[0][0], "source": "Pakistani troops", "target": "Indian posts"},
            {"text": "Islamabad denied the charge.", "source": None, "target": None, "id": 2}]
    inp = tmp_path / "pairs.jsonl"
    inp.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(cli, ["classify", "--input", str(inp), "--output", str(out)])
    assert r.exit_code == 0, r.output
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [g["text"] for g in got] == [r["text"] for r in rows]
    assert got[1]["id"] == 2
    assert got[0]["plover"]["type"] == "ASSAULT" and got[0]["cameo"]["code"] == "194"
    assert {"plover", "cameo", "quad_class", "acled", "confidence"} <= set(got[1])


def test_classify_command_bad_lines_reported_and_rest_classified(tmp_path: Path) -> None:
    inp = tmp_path / "pairs.jsonl"
    inp.write_text('{"text": "Iran condemned Israel."}\nnot json\n{"text": 3}\n'
                   '{"text": "Israel struck Gaza.", "source": 1}\n\n'
                   '{"text": "India and Pakistan agreed to a ceasefire."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(cli, ["classify", "--input", str(inp), "--output", str(out)])
    assert r.exit_code == 1
    assert f"{inp}:2: not JSON" in r.output
    assert f"{inp}:3: needs an object" in r.output
    assert f"{inp}:4: \"source\" and \"target\" must be" in r.output
    assert "3 bad line(s)" in r.output and "other 2 rows were classified" in r.output
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [g.get("line") for g in got] == [None, 2, 3, 4, None]
    assert got[0]["plover"]["type"] and got[4]["plover"]["type"] == "RETREAT"
    assert all("error" in g for g in got[1:4])


def test_classify_command_stdout_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    from flashpoint.commands import classify as cmd

    monkeypatch.setattr(cmd, "BATCH", 2)
    texts = ["Iran condemned Israel.", "Pakistani troops shelled Indian posts.",
             "Islamabad denied the charge.", "The two leaders met in Delhi.",
             "Police arrested 12 protesters."]
    inp = tmp_path / "pairs.jsonl"
    inp.write_text("".join(json.dumps({"text": t, "n": i}) + "\n" for i, t in enumerate(texts)),
                   encoding="utf-8")
    r = CliRunner().invoke(cli, ["classify", "--input", str(inp)])
    assert r.exit_code == 0, r.output
    got = [json.loads(x) for x in r.output.splitlines()]
    assert [g["n"] for g in got] == list(range(5))
    assert [g["plover"]["type"] for g in got[1:3]] == ["ASSAULT", "REJECT"]


def test_classify_help_has_example() -> None:
    r = CliRunner().invoke(cli, ["classify", "--help"])
    assert r.exit_code == 0 and "Example:" in r.output
    r = CliRunner().invoke(cli, ["eval", "events", "--help"])
    assert r.exit_code == 0 and "Example:" in r.output


def test_model_size_under_50mb() -> None:
    from flashpoint.resources import data_path

    total = sum(p.stat().st_size for p in data_path("models").iterdir())
    assert total < 50e6


@pytest.mark.shared
def test_splits_are_disjoint_from_training(shared_data: Path) -> None:
    """Every dev id list matches the seeded rule, so nothing held back was trained on."""
    from flashpoint.evaluation import events_data as D
    from flashpoint.evaluation.events_splits import held_back, read_ids

    assert read_ids("plv_dev") == {r.id for r in D.plv(shared_data) if held_back(r.text)}
    assert read_ids("cameo_quad_dev") == {r.id for r in D.cameo_quad(shared_data)
                                          if held_back(r.text)}
    assert read_ids("actor_spans_dev") == {s.id for s in D.actor_spans(shared_data)
                                           if held_back(" ".join(s.words))}
    # the encoder's inner validation part: training sentences only, never dev
    from flashpoint.evaluation.events_splits import INNER_SEED, INNER_SHARE

    dev = read_ids("plv_dev") | read_ids("cameo_quad_dev")
    inner = read_ids("plv_inner")
    assert inner and not inner & dev
    assert inner == {r.id for r in D.plv(shared_data) if r.id not in dev
                     and held_back(r.text, seed=INNER_SEED, share=INNER_SHARE)}


@pytest.mark.shared
def test_eval_events_command(shared_data: Path) -> None:
    r = CliRunner().invoke(cli, ["eval", "events", "--data", str(shared_data), "--task",
                                 "plover_root", "--task", "actor_spans", "--format", "json"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.output)
    root = res["plover_root"]["dev"]
    assert root["n"] > 150
    assert root["macro_f1"] > 0.6
    assert res["actor_spans"]["dev"]["per_role"]["S"]["f1"] > 0.7
