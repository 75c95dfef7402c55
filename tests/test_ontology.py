"""The ontology tables: CAMEO codes, PLOVER types/modes/scores, CAMEO -> PLOVER, PLOVER -> ACLED."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from flashpoint import ontology
from flashpoint.errors import ResourceError
from flashpoint.models import PLOVER_TYPES
from flashpoint.resources import header

REPO = Path(__file__).parents[1]

# ------------------------------------------------------------------ CAMEO


def test_cameo_has_all_312_codes_and_20_roots() -> None:
    codes = ontology.cameo_codes()
    assert len(codes) == 312
    assert len(set(codes)) == 312
    assert sorted({c[:2] for c in codes}) == [f"{r:02d}" for r in range(1, 21)]


@pytest.mark.parametrize(("code", "name_part", "goldstein", "quad"), [
    ("01", "statement", 0.0, 1),
    ("016", "Deny responsibility", -5.0, 1),  # codebook value; GDELT says -2
    ("0356", "de-escalate", None, 1),
    ("04", "", 1.0, 1),
    ("057", "", None, 1),
    ("06", "", 6.0, 2),
    ("0871", "ceasefire", None, 2),
    ("0874", "Retreat", None, 2),
    ("09", "", -2.0, 3),
    ("112", "Accuse", None, 3),
    ("13", "", -6.0, 3),
    ("14", "", -6.5, 4),
    ("152", "", None, 4),
    ("15", "", -7.2, 4),
    ("164", "Halt negotiations", -6.5, 4),
    ("190", "conventional military force", -10.0, 4),
    ("194", "artillery", None, 4),
    ("195", "aerial", None, 4),
    ("196", "ceasefire", None, 4),
    ("18", "", -9.0, 4),
    ("20", "", -10.0, 4),
])
def test_cameo_rows(code: str, name_part: str, goldstein: float | None, quad: int) -> None:
    c = ontology.cameo(code)
    assert c is not None
    assert c.code == code and c.root == code[:2] and c.quad_class == quad
    assert name_part.lower() in c.name.lower()
    if goldstein is not None:
        assert c.goldstein == pytest.approx(goldstein)


@pytest.mark.parametrize("code", ["00", "21", "9", "0999", "", "abc"])
def test_cameo_unknown_codes(code: str) -> None:
    assert ontology.cameo(code) is None


def test_cameo_quad_follows_root_everywhere() -> None:
    for code in ontology.cameo_codes():
        c = ontology.cameo(code)
        assert c is not None
        assert c.quad_class == ontology.quad_of_cameo_root(code[:2])
        assert -10 <= c.goldstein <= 10


def test_cameo_header_names_goldstein_choice_and_gdelt_differences() -> None:
    h = header("ontology/cameo.tsv")
    assert {"source", "licence", "version"} <= set(h)
    assert "codebook" in h["goldstein"].lower()
    assert "016 -2" in h["goldstein-gdelt-differs"]


# ------------------------------------------------------------------ PLOVER

DESIGN_QUADS = {
    1: ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    2: ("COOPERATE", "AID", "RETREAT"),
    3: ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    4: ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
DESIGN_MODES = {
    "CONSULT": "visit, third-party, multilateral, phone",
    "RETREAT": "withdraw, release, disarm, ceasefire, access, resign",
    "REQUEST": "assist, change, yield, meet",
    "REJECT": "assist, change, yield, meet",
    "ACCUSE": "disapprove, investigate, allege",
    "THREATEN": "restrict, arrest, relations, expel, territory, violence",
    "PROTEST": "demo, riot, strike, hunger, boycott, obstruct, vandalize",
    "SANCTION": "convict, expel, withdraw, discontinue",
    "MOBILIZE": "troops, weapons, police, militia",
    "COERCE": "seize, restrict, censor, curfew, martial-law, arrest, deport, withhold, "
              "misinformation, cyber",
    "ASSAULT": "abduct, beat, torture, sexual, targeted, destroy, primitive, firearms, "
               "explosives, suicide-attack, aerial, drone, heavy-weapons, crowd-control, "
               "unconventional",
}


def test_plover_has_the_16_types() -> None:
    assert set(ontology.plover_types()) == set(PLOVER_TYPES)


@pytest.mark.parametrize("ptype", PLOVER_TYPES)
def test_plover_quad_and_modes_match_design(ptype: str) -> None:
    quad = next(q for q, ts in DESIGN_QUADS.items() if ptype in ts)
    assert ontology.plover_quad(ptype) == quad
    expected = tuple(m.strip() for m in DESIGN_MODES.get(ptype, "").split(",") if m.strip())
    assert ontology.plover_modes(ptype) == expected


@pytest.mark.parametrize(("ptype", "mode", "score"), [
    ("ASSAULT", None, -9), ("ASSAULT", "aerial", -9.5), ("ASSAULT", "drone", -9.5),
    ("ASSAULT", "heavy-weapons", -9.5), ("ASSAULT", "firearms", -9),
    ("COERCE", None, -7), ("COERCE", "arrest", -7), ("MOBILIZE", "troops", -6.5),
    ("SANCTION", None, -6), ("PROTEST", "riot", -5), ("THREATEN", None, -3.5),
    ("ACCUSE", "allege", -3), ("REJECT", None, -2), ("REQUEST", None, 0),
    ("CONSULT", "phone", 2.5), ("AGREE", None, 2.5), ("CONCEDE", None, 4.5),
    ("SUPPORT", None, 5), ("RETREAT", None, 6.5), ("RETREAT", "ceasefire", 7.5),
    ("RETREAT", "withdraw", 8), ("RETREAT", "release", 6.5), ("COOPERATE", None, 9.5),
    ("AID", None, 10),
    ("ASSAULT", "no-such-mode", -9),  # unknown modes fall back to the type's score
    ("assault", "drone", -9.5),  # type names are case-insensitive
])
def test_plover_scores(ptype: str, mode: str | None, score: float) -> None:
    assert ontology.plover_score(ptype, mode) == pytest.approx(score)


def test_unknown_plover_type_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown PLOVER type 'YIELD'"):
        ontology.plover_quad("YIELD")
    with pytest.raises(ValueError):
        ontology.acled_for("FIGHT", None)


# ------------------------------------------------------------------ CAMEO -> PLOVER


@pytest.mark.parametrize(("code", "expected"), [
    ("0874", ("RETREAT", "withdraw", ("military",))),
    ("0871", ("RETREAT", "ceasefire", ("military",))),
    ("0873", ("RETREAT", "disarm", ("military",))),
    ("0356", ("AGREE", None, ("military",))),
    ("016", ("REJECT", None, ())),
    ("020", ("REQUEST", None, ())),
    ("0256", ("REQUEST", "yield", ("military",))),
    ("042", ("CONSULT", "visit", ())),
    ("112", ("ACCUSE", "disapprove", ())),
    ("1124", ("ACCUSE", "allege", ("military", "legal"))),
    ("138", ("THREATEN", "violence", ("military",))),
    ("145", ("PROTEST", "riot", ())),
    ("152", ("MOBILIZE", "troops", ("military",))),
    ("163", ("COERCE", "restrict", ("diplomatic",))),
    ("173", ("COERCE", "arrest", ("legal",))),
    ("1712", ("ASSAULT", "destroy", ("human_security",))),
    ("175", ("ASSAULT", "crowd-control", ("pro_autocracy", "military"))),
    ("1831", ("ASSAULT", "suicide-attack", ())),
    ("186", ("ASSAULT", "targeted", ())),
    ("190", ("ASSAULT", None, ("military",))),
    ("193", ("ASSAULT", "firearms", ("military",))),
    ("194", ("ASSAULT", "heavy-weapons", ("military",))),
    ("195", ("ASSAULT", "aerial", ("military",))),
    ("196", ("ASSAULT", None, ("legal", "military"))),
    ("2041", ("ASSAULT", "unconventional", ("cbrn",))),
    ("010", None), ("01", None), ("017", None), ("99", None),
])
def test_cameo_to_plover(code: str, expected: tuple[str, str | None, tuple[str, ...]] | None
                         ) -> None:
    assert ontology.cameo_to_plover(code) == expected


def test_every_cameo_code_beyond_statements_maps_to_a_valid_plover_mode() -> None:
    unmapped = []
    for code in ontology.cameo_codes():
        m = ontology.cameo_to_plover(code)
        if m is None:
            unmapped.append(code)
            continue
        ptype, mode, _ = m
        assert mode is None or mode in ontology.plover_modes(ptype), code
    assert all(c.startswith("01") for c in unmapped)


def test_cameo_plover_header_keeps_the_licence() -> None:
    assert "CC BY-SA 4.0" in header("ontology/cameo_plover.tsv")["licence"]


# ------------------------------------------------------------------ ACLED


@pytest.mark.parametrize(("args", "kwargs", "expected"), [
    (("ASSAULT", "aerial"), {}, ("Explosions/Remote violence", "Air/drone strike")),
    (("ASSAULT", "drone", "CVL"), {}, ("Explosions/Remote violence", "Air/drone strike")),
    (("ASSAULT", "heavy-weapons"), {},
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    (("ASSAULT", "explosives"), {},
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    (("ASSAULT", "suicide-attack"), {}, ("Explosions/Remote violence", "Suicide bomb")),
    (("ASSAULT", "firearms"), {}, ("Battles", "Armed clash")),
    (("ASSAULT", "firearms", "MIL", "REB"), {}, ("Battles", "Armed clash")),
    (("ASSAULT", "firearms", "CVL", "REB"), {}, ("Violence against civilians", "Attack")),
    (("ASSAULT", None, "CVL"), {}, ("Violence against civilians", "Attack")),
    (("ASSAULT", None), {}, ("Battles", "Armed clash")),
    (("ASSAULT", "abduct"), {},
     ("Violence against civilians", "Abduction/forced disappearance")),
    (("ASSAULT", "sexual"), {}, ("Violence against civilians", "Sexual violence")),
    (("ASSAULT", "targeted", "MIL"), {}, ("Battles", "Armed clash")),
    (("ASSAULT", "targeted", "GOV"), {}, ("Violence against civilians", "Attack")),
    (("PROTEST", "demo"), {}, ("Protests", "Peaceful protest")),
    (("PROTEST", "riot"), {}, ("Riots", "Violent demonstration")),
    (("COERCE", "arrest"), {}, ("Strategic developments", "Arrests")),
    (("COERCE", "censor"), {}, (None, None)),
    (("RETREAT", "ceasefire"), {}, ("Strategic developments", "Agreement")),
    (("AGREE", "ceasefire"), {}, ("Strategic developments", "Agreement")),
    (("AGREE", None), {}, (None, None)),
    (("ACCUSE", "allege"), {}, (None, None)),
    (("SANCTION", "expel"), {}, (None, None)),
    (("COERCE", "seize"), {"actor_sector": "REB", "cameo_code": "192"},
     ("Battles", "Non-state actor overtakes territory")),
    (("COERCE", "seize"), {}, ("Strategic developments", "Looting/property destruction")),
    (("SUPPORT", None), {"cameo_code": "057"}, ("Strategic developments", "Agreement")),
    (("SUPPORT", None), {"cameo_code": "051"}, (None, None)),
])
def test_acled_for(args: tuple[str, ...], kwargs: dict[str, str],
                   expected: tuple[str | None, str | None]) -> None:
    assert ontology.acled_for(*args, **kwargs) == expected  # type: ignore[arg-type]


# ------------------------------------------------------------------ validation


def _with_table(monkeypatch: pytest.MonkeyPatch, file: str, rows: list[dict[str, str]]) -> None:
    real = ontology.table

    def fake(relative: str) -> tuple[dict[str, str], ...]:
        return tuple(rows) if relative == file else real(relative)

    monkeypatch.setattr(ontology, "table", fake)
    for f in (ontology._cameo_table, ontology._plover_table, ontology._cameo_plover_table,
              ontology._acled_rules):
        f.cache_clear()


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    yield None
    for f in (ontology._cameo_table, ontology._plover_table, ontology._cameo_plover_table,
              ontology._acled_rules):
        f.cache_clear()


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize(("file", "row", "message"), [
    (ontology.CAMEO_PLOVER_FILE, {"code": "190", "plover_type": "FIGHT", "plover_mode": "",
                                  "context": "", "basis": "", "note": ""},
     "unknown PLOVER type 'FIGHT'"),
    (ontology.CAMEO_PLOVER_FILE, {"code": "190", "plover_type": "ASSAULT",
                                  "plover_mode": "stabbing", "context": "", "basis": "",
                                  "note": ""}, "'stabbing' is not a mode of ASSAULT"),
    (ontology.ACLED_FILE, {"plover_type": "ASSAULT", "mode": "", "condition": "",
                           "event_type": "Battles", "sub_event_type": "Air/drone strike",
                           "note": ""}, "not an ACLED sub-event type"),
    (ontology.ACLED_FILE, {"plover_type": "ASSAULT", "mode": "", "condition": "colour=red",
                           "event_type": "Battles", "sub_event_type": "Armed clash",
                           "note": ""}, "bad condition"),
    (ontology.CAMEO_FILE, {"code": "190", "name": "x", "goldstein": "-10", "root": "19",
                           "quad_class": "3"}, "quad_class '3' should be 4"),
])
def test_bad_rows_raise_resource_error_naming_file_and_row(
        monkeypatch: pytest.MonkeyPatch, file: str, row: dict[str, str], message: str) -> None:
    _with_table(monkeypatch, file, [row])
    with pytest.raises(ResourceError, match=message) as e:
        ontology.validate_all()
    assert file in str(e.value) and "data row 1" in str(e.value)


def test_packaged_tables_validate() -> None:
    ontology.validate_all()


# ------------------------------------------------------------------ the build script


@pytest.mark.shared
def test_generated_tables_are_up_to_date(shared_data: Path) -> None:
    if not (shared_data / "ontology" / "cameo_codes.csv").exists():
        pytest.skip(f"{shared_data}/ontology/cameo_codes.csv not found: cannot rebuild tables")
    spec = importlib.util.spec_from_file_location("build_ontology",
                                                  REPO / "training" / "build_ontology.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--check", "--shared", str(shared_data)]) == 0
