"""End to end: the bundled sample corpus ingested into a real SQLite file, named events checked
against the corpus README's gold table."""

from __future__ import annotations

from pathlib import Path

import pytest

import flashpoint
from flashpoint.models import EventMention

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def mentions(demo_db: Path) -> list[EventMention]:
    with flashpoint.open_store(str(demo_db)) as store:
        return store.mentions()


def _file(m: EventMention) -> str:
    return Path(m.doc_file or "").name


def _find(ms: list[EventMention], file_prefix: str, ptype: str, **want: object
          ) -> list[EventMention]:
    out = []
    for m in ms:
        if not _file(m).startswith(file_prefix) or m.plover_type != ptype:
            continue
        if "mode" in want and m.plover_mode != want["mode"]:
            continue
        if "start" in want and m.when.start != want["start"]:
            continue
        if "end" in want and m.when.end != want["end"]:
            continue
        if "geonameid" in want and (m.where is None or m.where.geonameid != want["geonameid"]):
            continue
        if "actor" in want and want["actor"] not in {a.country for a in m.actor}:
            continue
        if "recipient" in want and want["recipient"] not in {a.country for a in m.recipient}:
            continue
        out.append(m)
    assert out, f"no {ptype} {want} in {file_prefix}: " + "; ".join(
        f"{x.plover_type}/{x.plover_mode} {x.when.start} {x.where and x.where.name}"
        for x in ms if _file(x).startswith(file_prefix))
    return out


def test_every_article_stored_once(demo_db: Path, sample_dir: Path) -> None:
    with flashpoint.open_store(str(demo_db)) as store:
        assert store.counts()["articles"] == len(list(sample_dir.glob("*.txt")))
        assert store.dyads(limit=1)[0][:2] == ("IND", "PAK")


def test_the_pahalgam_attack(mentions: list[EventMention]) -> None:
    m = _find(mentions, "01", "ASSAULT", start="2025-04-22", geonameid=1260880)[0]
    assert m.magnitude.dead == 26
    assert m.attribution.publisher == "Global Newsdesk"


def test_misspelled_towns_resolve(mentions: list[EventMention]) -> None:
    ms = _find(mentions, "11", "ASSAULT", start="2025-04-22", geonameid=1260880)
    assert any(m.where is not None and m.where.text == "Pahalgham" for m in ms)
    ms = _find(mentions, "16", "ASSAULT", start="2025-05-11")
    poonch = [m.where for m in ms if m.where is not None and m.where.text == "Poonchh"]
    assert poonch, "the misspelled 'Poonchh' was not resolved"
    # Pūnch town (GeoNames 1167718) or the Poonch district around it
    assert poonch[0].country == "IND" and poonch[0].lat is not None and poonch[0].lon is not None
    assert abs(poonch[0].lat - 33.77) < 0.3 and abs(poonch[0].lon - 74.09) < 0.3


def test_accusation_and_denial(mentions: list[EventMention]) -> None:
    m = _find(mentions, "01", "ACCUSE", actor="IND", recipient="PAK")[0]
    assert m.status == "contested" and m.denied_by == ("PAK",)


def test_sanctions_and_expulsion(mentions: list[EventMention]) -> None:
    _find(mentions, "02", "SANCTION", actor="IND", recipient="PAK", start="2025-04-23")
    _find(mentions, "03", "SANCTION", actor="PAK", recipient="IND", start="2025-04-24")


def test_arrests_with_count(mentions: list[EventMention]) -> None:
    ms = _find(mentions, "05", "COERCE", mode="arrest", start="2025-04-26")
    assert any(m.magnitude.arrested == 12 for m in ms)


def test_two_reports_of_the_kotli_shelling_disagree(mentions: list[EventMention]) -> None:
    a = _find(mentions, "13", "ASSAULT", mode="heavy-weapons", start="2025-05-08",
              actor="IND", geonameid=1173055)
    b = _find(mentions, "14", "ASSAULT", mode="heavy-weapons", start="2025-05-08",
              actor="IND", geonameid=1173055)
    assert {m.magnitude.dead for m in a} & {8} and {m.magnitude.dead for m in b} & {5}


def test_operation_and_ceasefire_dates(mentions: list[EventMention]) -> None:
    _find(mentions, "15", "ASSAULT", mode="heavy-weapons", actor="PAK", start="2025-05-10",
          end="2025-05-11")
    _find(mentions, "19", "RETREAT", mode="ceasefire", start="2025-05-14", end="2025-05-18")
    _find(mentions, "18", "RETREAT", mode="ceasefire", start="2025-05-14")


def test_wire_chains_and_anonymous_sources(mentions: list[EventMention]) -> None:
    chains = {m.attribution.chain for m in mentions}
    assert ("TASS", "AFP") in chains
    assert ("Global Newsdesk",) in chains  # republished agency copy / "reported, citing"
    anon = [m for m in mentions if m.attribution.anonymous]
    assert any(_file(m).startswith("07") for m in anon)


def test_relative_dates_take_the_publication_year(mentions: list[EventMention]) -> None:
    # "on Tuesday" in an article published Wednesday 2025-04-23
    _find(mentions, "01", "ASSAULT", start="2025-04-22")
    # "yesterday" in 17, published 2025-05-13
    _find(mentions, "17", "CONSULT", start="2025-05-12")


def test_escalation_then_deescalation(demo_db: Path) -> None:
    with flashpoint.open_store(str(demo_db)) as store:
        days = {d.date: d for d in store.daily_series(("IND", "PAK"))}
    may7 = days["2025-05-07"]
    assert may7.q4 >= 3 and may7.intensity_sum < -20
    ceasefire = days["2025-05-14"]
    assert ceasefire.q2 >= 1 and ceasefire.intensity_sum > 0
