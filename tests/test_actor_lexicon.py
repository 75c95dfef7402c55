"""The actor dictionary: matching in text, coding noun phrases, dated roles, validation."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from flashpoint.errors import ResourceError
from flashpoint.extractors import actor_lexicon as al
from flashpoint.extractors.actor_lexicon import ActorLexicon, plural
from flashpoint.resources import header, table

D = dt.date


@pytest.fixture(scope="module")
def lex() -> ActorLexicon:
    return ActorLexicon.default()


def test_default_is_cached_and_has_no_conflicting_entries(lex: ActorLexicon) -> None:
    assert ActorLexicon.default() is lex
    assert lex.conflicts == ()


@pytest.mark.parametrize("file", ["countries.tsv", "igos.tsv", "groups.tsv", "sectors.tsv",
                                  "people.tsv", "agencies.tsv", "metonyms.tsv", "media.tsv",
                                  "blocks.tsv"])
def test_every_actor_file_has_a_header(file: str) -> None:
    h = header(f"actors/{file}")
    assert {"source", "licence", "version"} <= set(h)
    assert table(f"actors/{file}")


# ------------------------------------------------------------------ code_phrase gold rows

GOLD: list[tuple[str, dt.date | None, tuple[str | None, str | None]]] = [
    # the brief's cases
    ("Pakistani troops", None, ("PAK", "MIL")),
    ("Indian authorities", None, ("IND", "GOV")),
    ("Pakistani intelligence agencies", None, ("PAK", "SPY")),
    ("militants", None, (None, "REB")),
    ("civilians in Kashmir", None, (None, "CVL")),
    ("Islamabad", None, ("PAK", "GOV")),
    ("the Kremlin", None, ("RUS", "GOV")),
    ("Rawalpindi", None, ("PAK", "MIL")),
    ("Shehbaz Sharif", D(2025, 5, 10), ("PAK", "GOV")),
    ("the UN Security Council", None, ("UNO", "IGO")),
    ("Lashkar-e-Taiba", None, ("PAK", "REB")),
    ("the Indian army chief", None, ("IND", "MIL")),
    # capitals and metonyms
    ("New Delhi", None, ("IND", "GOV")),
    ("Delhi", None, ("IND", "GOV")),
    ("Kabul", None, ("AFG", "GOV")),
    ("Kyiv", None, ("UKR", "GOV")),
    ("Kiev", None, ("UKR", "GOV")),
    ("the White House", None, ("USA", "GOV")),
    ("Downing Street", None, ("GBR", "GOV")),
    ("Whitehall", None, ("GBR", "GOV")),
    ("the Pentagon", None, ("USA", "MIL")),
    ("South Block", None, ("IND", "GOV")),
    ("GHQ", None, ("PAK", "MIL")),
    ("Jerusalem", None, ("ISR", "GOV")),
    ("Brussels", None, ("EUR", "IGO")),
    # demonyms, plurals, possessives
    ("Pakistanis", None, ("PAK", None)),
    ("Indian soldiers", None, ("IND", "MIL")),
    ("Afghan refugees", None, ("AFG", "REF")),
    ("American diplomats", None, ("USA", "GOV")),
    ("British troops", None, ("GBR", "MIL")),
    ("Israeli forces", None, ("ISR", "MIL")),
    ("Palestinian civilians", None, ("PSE", "CVL")),
    ("Ukrainian drones", None, ("UKR", None)),
    ("Russian policemen", None, ("RUS", "COP")),
    ("Syrian rebels", None, ("SYR", "REB")),
    ("Pakistan's army", None, ("PAK", "MIL")),
    ("Pakistan’s foreign ministry", None, ("PAK", "GOV")),
    ("the U.S. military", None, ("USA", "MIL")),
    ("US officials", None, ("USA", "GOV")),
    ("Chinese state media", None, ("CHN", "MED")),
    ("South Korean protesters", None, ("KOR", "CVL")),
    ("North Korea", None, ("PRK", None)),
    # organisations
    ("ISI", None, ("PAK", "SPY")),
    ("RAW", None, ("IND", "SPY")),
    ("ISI officials", None, ("PAK", "SPY")),
    ("the IDF", None, ("ISR", "MIL")),
    ("Hamas officials", None, ("PSE", "REB")),
    ("Hezbollah militants", None, ("LBN", "REB")),
    ("Iran-backed Houthis", None, ("YEM", "REB")),
    ("the Pakistani Taliban", None, ("PAK", "REB")),
    ("TTP", None, ("PAK", "REB")),
    ("Islamic State", None, (None, "REB")),
    ("IS-K", None, ("AFG", "REB")),
    ("al Qaeda", None, (None, "REB")),
    ("Jaish-e-Mohammed", None, ("PAK", "REB")),
    ("The Resistance Front", None, ("IND", "REB")),
    ("UN peacekeepers", None, ("UNO", "MIL")),
    ("NATO", None, ("NATO", "IGO")),
    ("the European Union", None, ("EUR", "IGO")),
    ("the Red Cross", None, ("ICRC", "NGO")),
    ("Amnesty International", None, ("AMN", "NGO")),
    ("the international community", None, (None, "IGO")),
    ("TASS", None, ("RUS", "MED")),
    # relational heads and complements
    ("spokesman of the Pakistani army", None, ("PAK", "MIL")),
    ("head of the Indian army", None, ("IND", "MIL")),
    ("members of parliament", None, (None, "LEG")),
    ("troops from Pakistan", None, ("PAK", "MIL")),
    ("police officers", None, (None, "COP")),
    ("army officials", None, (None, "MIL")),
    ("government forces", None, (None, "MIL")),
    ("rebel forces", None, (None, "REB")),
    ("Taliban leader", D(2019, 1, 1), ("AFG", "REB")),
    ("the Pakistani military spokesman", None, ("PAK", "MIL")),
    ("US ambassador to the UN", None, ("USA", "GOV")),
    ("Indian and Pakistani troops", None, ("IND", "MIL")),
    ("Putin's spokesman", None, ("RUS", "GOV")),
    ("Delhi Police", None, ("IND", "COP")),
    ("Modi government", None, ("IND", "GOV")),
    ("Prime Minister Narendra Modi", D(2025, 5, 7), ("IND", "GOV")),
    ("Indian-administered Kashmir", None, (None, None)),
    ("Pakistan-based militants", None, (None, "REB")),
    # people and dates
    ("Donald Trump", D(2019, 1, 1), ("USA", "GOV")),
    ("Trump", D(2022, 1, 1), ("USA", "ELI")),
    ("President Trump", D(2025, 6, 1), ("USA", "GOV")),
    ("Joe Biden", D(2015, 6, 1), ("USA", "GOV")),
    ("Biden", D(2025, 6, 1), ("USA", "ELI")),
    ("Shehbaz Sharif", D(2023, 12, 1), ("PAK", "ELI")),
    ("Imran Khan", D(2020, 1, 1), ("PAK", "GOV")),
    ("Imran Khan", D(2024, 1, 1), ("PAK", "OPP")),
    ("Asim Munir", D(2019, 1, 1), ("PAK", "SPY")),
    ("General Asim Munir", D(2025, 5, 10), ("PAK", "MIL")),
    ("Asim Munir", D(2021, 1, 1), ("PAK", "MIL")),
    ("Rajnath Singh", D(2025, 5, 10), ("IND", "GOV")),
    ("S. Jaishankar", D(2025, 5, 10), ("IND", "GOV")),
    ("Ishaq Dar", D(2025, 5, 10), ("PAK", "GOV")),
    ("Khawaja Asif", D(2025, 5, 10), ("PAK", "GOV")),
    ("Vladimir Putin", D(2010, 1, 1), ("RUS", "GOV")),
    ("Zelenskyy", None, ("UKR", "GOV")),
    ("Xi Jinping", None, ("CHN", "GOV")),
    ("Netanyahu", D(2022, 1, 1), ("ISR", "ELI")),
    ("Ahmed al-Sharaa", D(2024, 6, 1), ("SYR", "REB")),
    ("Ahmed al-Sharaa", D(2025, 3, 1), ("SYR", "GOV")),
    ("Erdogan", None, ("TUR", "GOV")),
    ("Antonio Guterres", None, ("UNO", "IGO")),
    # dated groups
    ("the Taliban", D(2010, 1, 1), ("AFG", "REB")),
    ("the Taliban", D(2023, 1, 1), ("AFG", "GOV")),
    ("Taliban fighters", D(2020, 1, 1), ("AFG", "REB")),
    ("Taliban forces", D(2023, 1, 1), ("AFG", "MIL")),
    ("RSF", D(2020, 1, 1), ("SDN", "MIL")),
    ("RSF", D(2024, 1, 1), ("SDN", "REB")),
    # things that are no actor
    ("raw materials", None, (None, None)),
    ("Latin American leaders", None, (None, "GOV")),
    ("fighter jets", None, (None, None)),
    ("the Indian Ocean", None, (None, None)),
    ("Kurdish fighters", None, (None, "REB")),
    ("", None, (None, None)),
]


@pytest.mark.parametrize(("phrase", "on", "expected"), GOLD,
                         ids=[f"{p}@{o}" if o else p for p, o, _ in GOLD])
def test_code_phrase(lex: ActorLexicon, phrase: str, on: dt.date | None,
                     expected: tuple[str | None, str | None]) -> None:
    assert lex.code_phrase(phrase, on) == expected


# ------------------------------------------------------------------ find


def test_find_offsets_kinds_and_longest_match(lex: ActorLexicon) -> None:
    text = ("Indian officials blamed Pakistani intelligence, a charge Islamabad denies; "
            "the UN Security Council met as Lashkar-e-Taiba and the Democratic Republic "
            "of the Congo were discussed.")
    got = [(m.text, m.country, m.sector, m.kind) for m in lex.find(text)]
    assert got == [
        ("Indian", "IND", None, "demonym"),
        ("officials", None, "GOV", "sector"),
        ("Pakistani", "PAK", None, "demonym"),
        ("intelligence", None, "SPY", "sector"),
        ("Islamabad", "PAK", "GOV", "capital"),
        ("UN Security Council", "UNO", "IGO", "igo"),
        ("Lashkar-e-Taiba", "PAK", "REB", "group"),
        ("Democratic Republic of the Congo", "COD", None, "country"),
    ]
    for m in lex.find(text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(("text", "expected"), [
    ("RAW chief met ISI", [("RAW", "SPY"), ("chief", "GOV"), ("ISI", "SPY")]),
    ("prices of raw materials rose", []),
    ("Raw data shows", []),
    ("The PM spoke at 5 pm", [("PM", "GOV")]),
    ("Militants attacked; MILITANTS fled", [("Militants", "REB"), ("MILITANTS", "REB")]),
    ("Chad and chad", [("Chad", None)]),
    ("the turkey was served in Turkey", [("Turkey", None)]),
    ("an islamic state of mind", []),
    ("the Islamic state's fighters", [("Islamic state", "REB"), ("fighters", "REB")]),
    ("al-Qaeda and al Qaeda and Al-Qaida",
     [("al-Qaeda", "REB"), ("al Qaeda", "REB"), ("Al-Qaida", "REB")]),
    ("Guinea-Bissau, Guinea and Papua New Guinea",
     [("Guinea-Bissau", None), ("Guinea", None), ("Papua New Guinea", None)]),
    ("Niger and Nigeria", [("Niger", None), ("Nigeria", None)]),
    ("South Sudan and Sudan", [("South Sudan", None), ("Sudan", None)]),
    ("Latin American and American officials",
     [("American", None), ("officials", "GOV")]),
    ("Erdoğan and Erdogan", [("Erdoğan", "GOV"), ("Erdogan", "GOV")]),
    ("a white house on the hill", []),
    ("Russian fighter jets hit positions", [("Russian", None)]),
])
def test_find_case_and_boundaries(lex: ActorLexicon, text: str,
                                  expected: list[tuple[str, str | None]]) -> None:
    assert [(m.text, m.sector) for m in lex.find(text)] == expected


def test_find_reports_roles_for_people(lex: ActorLexicon) -> None:
    [m] = lex.find("Shehbaz Sharif said", on=D(2025, 5, 10))
    assert (m.kind, m.country, m.sector, m.role, m.name) == (
        "person", "PAK", "GOV", "prime minister", "Shehbaz Sharif")
    [m] = lex.find("Trump said", on=D(2022, 1, 1))
    assert m.sector == "ELI" and m.role == "former president"


def test_brief_demonyms_and_metonyms_are_all_present(lex: ActorLexicon) -> None:
    for word, iso in [("Pakistani", "PAK"), ("Pakistanis", "PAK"), ("Indian", "IND"),
                      ("Indians", "IND"), ("Afghan", "AFG"), ("American", "USA"),
                      ("British", "GBR"), ("Israeli", "ISR"), ("Palestinian", "PSE"),
                      ("Ukrainian", "UKR"), ("Russian", "RUS"), ("Syrian", "SYR"),
                      ("Delhi", "IND"), ("Tehran", "IRN"), ("Beijing", "CHN"),
                      ("Washington", "USA"), ("Moscow", "RUS")]:
        [m] = lex.find(word)
        assert m.country == iso, word


# ------------------------------------------------------------------ sector_of / country_of


@pytest.mark.parametrize(("lemma", "sector"), [
    ("troop", "MIL"), ("troops", "MIL"), ("soldier", "MIL"), ("army", "MIL"),
    ("military", "MIL"), ("security forces", "MIL"), ("armed forces", "MIL"),
    ("border guard", "MIL"), ("border guards", "MIL"), ("air force", "MIL"), ("navy", "MIL"),
    ("police", "COP"), ("policeman", "COP"), ("policemen", "COP"),
    ("official", "GOV"), ("ministry", "GOV"), ("authorities", "GOV"), ("minister", "GOV"),
    ("spokesman", "GOV"), ("diplomat", "GOV"), ("embassy", "GOV"), ("foreign ministry", "GOV"),
    ("prime minister", "GOV"), ("defence minister", "GOV"), ("defense minister", "GOV"),
    ("PM", "GOV"), ("army chief", "MIL"), ("court", "JUD"), ("judge", "JUD"),
    ("intelligence", "SPY"), ("spy agency", "SPY"), ("militant", "REB"), ("insurgent", "REB"),
    ("gunman", "REB"), ("gunmen", "REB"), ("terrorist", "REB"), ("jihadist", "REB"),
    ("separatist", "REB"), ("civilian", "CVL"), ("resident", "CVL"), ("villager", "CVL"),
    ("people", "CVL"), ("tourist", "CVL"), ("pilgrim", "CVL"), ("children", "CVL"),
    ("women", "CVL"), ("protester", "CVL"), ("student", "CVL"), ("opposition", "OPP"),
    ("party", "PTY"), ("journalist", "MED"), ("media", "MED"), ("company", "BUS"),
    ("trader", "BUS"), ("refugee", "REF"), ("doctor", "HLH"), ("hospital", "HLH"),
    ("teacher", "EDU"), ("school", "EDU"), ("leader", "GOV"), ("president", "GOV"),
    ("Troops", "MIL"), ("force", "MIL"), ("authority", "GOV"),  # spaCy lemmas of plurals
    ("pm", None), ("raw", None), ("table", None), ("weapon", None), ("", None),
])
def test_sector_of(lex: ActorLexicon, lemma: str, sector: str | None) -> None:
    assert lex.sector_of(lemma) == sector


@pytest.mark.parametrize(("name", "iso"), [
    ("Pakistan", "PAK"), ("Pakistani", "PAK"), ("pakistan", "PAK"), ("PAK", "PAK"),
    ("the Netherlands", "NLD"), ("Holland", "NLD"), ("Dutch", "NLD"), ("Burma", "MMR"),
    ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"), ("Türkiye", "TUR"), ("Kiev", "UKR"),
    ("UK", "GBR"), ("U.S.", "USA"), ("Kosovo", "XKX"), ("Taiwan", "TWN"),
    ("Bharat", "IND"), ("DRC", "COD"), ("Congo-Brazzaville", "COG"),
    ("Kurdish", None), ("Kashmiri", None), ("Kashmir", None), ("Atlantis", None),
])
def test_country_of(lex: ActorLexicon, name: str, iso: str | None) -> None:
    assert lex.country_of(name) == iso


def test_countries_cover_the_un_members() -> None:
    isos = {r["iso3"] for r in table("actors/countries.tsv")}
    assert len(isos) >= 193 + 2
    for iso in ["AFG", "PAK", "IND", "USA", "RUS", "UKR", "CHN", "ISR", "IRN", "GBR", "FRA",
                "DEU", "BGD", "TUR", "SAU", "SYR", "PSE", "SSD", "TLS", "MNE", "KIR", "VAT"]:
        assert iso in isos


@pytest.mark.parametrize(("word", "expected"), [
    ("soldier", "soldiers"), ("policeman", "policemen"), ("army", "armies"),
    ("embassy", "embassies"), ("ministry", "ministries"), ("witness", "witnesses"),
    ("prime minister", "prime ministers"), ("day", "days"), ("German", "Germans"),
])
def test_plural(word: str, expected: str) -> None:
    assert plural(word) == expected


# ------------------------------------------------------------------ validation


@pytest.fixture
def patched_tables(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[dict[str, str]]]]:
    overrides: dict[str, list[dict[str, str]]] = {}
    real = al.table

    def fake(relative: str) -> tuple[dict[str, str], ...]:
        return tuple(overrides[relative]) if relative in overrides else real(relative)

    monkeypatch.setattr(al, "table", fake)
    yield overrides


@pytest.mark.parametrize(("file", "row", "message"), [
    ("actors/people.tsv", {"name": "X Y", "aliases": "", "country": "PAK", "sector": "ARMY",
                           "role": "", "start": "", "end": ""}, "unknown sector 'ARMY'"),
    ("actors/people.tsv", {"name": "X Y", "aliases": "", "country": "PAK", "sector": "GOV",
                           "role": "", "start": "2020-02-30", "end": ""}, "does not exist"),
    ("actors/people.tsv", {"name": "X Y", "aliases": "", "country": "PAK", "sector": "GOV",
                           "role": "", "start": "2021-01-01", "end": "2020-01-01"},
     "before start"),
    ("actors/groups.tsv", {"name": "X", "aliases": "", "country": "XYZ", "sector": "REB",
                           "start": "", "end": "", "note": ""}, "unknown country"),
    ("actors/sectors.tsv", {"lemma": "x", "sector": "MIL", "forms": "", "case": "maybe",
                            "inherit": "", "note": ""}, "case 'maybe'"),
])
def test_bad_rows_raise_resource_error(patched_tables: dict[str, list[dict[str, str]]],
                                       file: str, row: dict[str, str], message: str) -> None:
    patched_tables[file] = [row]
    with pytest.raises(ResourceError, match=message) as e:
        ActorLexicon.load()
    assert file.split("/")[1] in str(e.value) and "data row 1" in str(e.value)


# ------------------------------------------------------------------ real text


@pytest.mark.shared
def test_find_on_guardian_articles_is_sane(lex: ActorLexicon, shared_data: Path) -> None:
    path = shared_data / "events" / "guardian_sdf_sample.csv"
    if not path.exists():
        pytest.skip(f"shared development data not found at {path}")
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[:40]
    for r in rows:
        text = r["text"]
        matches = lex.find(text)
        assert matches, "every article about Syria names some actor"
        ends = [m.end for m in matches]
        assert ends == sorted(ends)
        for a, b in itertools.pairwise(matches):
            assert a.end <= b.start
        for m in matches:
            assert text[m.start:m.end] == m.text
            assert m.text.lower() != "raw"
