"""Attribution: publisher, reporting chains, speakers, statuses, denial links, store filters,
and the annotated development set (texts read from ../shared/data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import flashpoint
from flashpoint.cli import cli
from flashpoint.extractors.attribution import dateline, media_name, publisher, same_outlet
from flashpoint.models import STATUSES, EventMention

GOLD = Path(__file__).resolve().parents[1] / "evaluation" / "attribution"


def _one(text: str, trigger: str) -> EventMention:
    ms = [m for m in flashpoint.extract(text, published="2025-05-08") if m.trigger == trigger]
    assert ms, f"no mention with trigger {trigger!r} in {text!r}"
    return ms[0]


# --------------------------------------------------------------------------- publisher

@pytest.mark.parametrize("text,outlet,pub,chain", [
    ("ISLAMABAD (Reuters) - Troops shelled posts.", None, "Reuters", ()),
    ("NEW DELHI, May 12 (AFP) - Troops shelled posts.", None, "AFP", ()),
    ("NEW DELHI, May 12 (AFP) - Troops shelled posts.", "Daily Frontier", "Daily Frontier",
     ("AFP",)),
    ("NEW DELHI, May 12 (AFP) - Troops shelled posts.", "Agence France-Presse",
     "Agence France-Presse", ()),
    ("Troops shelled posts.", "The Guardian", "The Guardian", ()),
])
def test_publisher(text: str, outlet: str | None, pub: str, chain: tuple[str, ...]) -> None:
    assert publisher(text, outlet) == (pub, chain)


def test_dateline_parts() -> None:
    dl = dateline("SRINAGAR, April 23 (Global Newsdesk) - Gunmen opened fire.")
    assert dl is not None and dl.place == "Srinagar" and dl.agency == "Global Newsdesk"
    assert dateline("The army said.") is None


@pytest.mark.parametrize("name,media", [
    ("the semi-official Fars news agency", "Fars news agency"),
    ("the state news agency IRNA", "IRNA"),
    ("Syrian state media", "Syrian state media"),
    ("A spokesman for the network", None),
    ("a news conference in Rawalpindi", None),
    ("intelligence agencies", None),
])
def test_media_name(name: str, media: str | None) -> None:
    assert media_name(name) == media


def test_same_outlet() -> None:
    assert same_outlet("AFP", "Agence France-Presse")
    assert same_outlet("the Guardian", "The Guardian")
    assert not same_outlet("Reuters", "AFP")


# --------------------------------------------------------------------------- chains, speakers

@pytest.mark.parametrize("text,trigger,chain,speaker,anonymous", [
    ("Pakistani troops shelled Indian posts, TASS reported, citing AFP.", "shelled",
     ("TASS", "AFP"), None, False),
    ("Pakistani troops shelled Indian posts, according to Reuters.", "shelled",
     ("Reuters",), None, False),
    ("Reuters quoted a senior Indian official as saying that Pakistani troops shelled Indian "
     "posts.", "shelled", ("Reuters",), "a senior Indian official", True),
    ("A Pakistani official told AFP that Indian troops shelled the village.", "shelled",
     ("AFP",), "A Pakistani official", True),
    ("Xinhua, quoting sources, said Indian troops shelled the village.", "shelled",
     ("Xinhua",), "sources", True),
    ("Indian troops shelled the village, according to a report carried by Xinhua.", "shelled",
     ("Xinhua",), None, False),
    ("Indian troops shelled the village, a senior police official said on condition of "
     "anonymity.", "shelled", (), "a senior police official", True),
    ("Indian troops shelled the village, the Pakistani army said.", "shelled", (),
     "the Pakistani army", False),
    ("A Pakistani official told Agence France-Presse that Indian troops shelled the village.",
     "shelled", ("Agence France-Presse",), "A Pakistani official", True),
    ("A militant group claimed the attack on Indian troops in a phone call to the BBC.",
     "attack", ("BBC",), "A militant group", False),
])
def test_chain_and_speaker(text: str, trigger: str, chain: tuple[str, ...],
                           speaker: str | None, anonymous: bool) -> None:
    m = _one(text, trigger)
    assert m.attribution.chain == chain
    got = m.attribution.speaker
    if speaker is None:
        assert got is None
    else:
        assert got is not None and speaker in got.text
        assert m.evidence_text[got.start - m.evidence_start:got.end - m.evidence_start] \
            == got.text if got.start is not None else True
    assert m.attribution.anonymous == anonymous
    # "claimed the attack" is a claim of responsibility, which outranks "reported"
    assert m.status == ("claimed" if " claimed the " in text else "reported")


@pytest.mark.parametrize("second", [
    "Citing officials, it said Indian troops shelled the village.",
    "The news agency said Indian troops shelled the village.",
])
def test_it_said_refers_back_to_the_outlet_named_before(second: str) -> None:
    m = _one("Dawn first reported the clash. " + second, "shelled")
    assert m.attribution.chain == ("Dawn",)
    assert m.status == "reported"


def test_speaker_is_coded_as_actor() -> None:
    sp = _one("Indian troops shelled the village, the Pakistani army said.",
              "shelled").attribution.speaker
    assert sp is not None and (sp.country, sp.sector) == ("PAK", "MIL")


def test_quote_attributed_in_the_next_sentence() -> None:
    text = ('"Indian troops shelled the village at night. They killed two people," '
            "the official said.")
    m = _one(text, "shelled")
    assert m.attribution.speaker is not None and m.attribution.speaker.text == "the official"
    assert m.status == "reported"


def test_quote_going_on_after_an_attributed_sentence() -> None:
    text = ('"We did not start this," said Colonel Ahmed Khan. "Indian troops shelled the '
            'village at night and we answered.')
    m = _one(text, "shelled")
    assert m.attribution.speaker is not None and "Ahmed Khan" in m.attribution.speaker.text


# --------------------------------------------------------------------------- statuses

@pytest.mark.parametrize("text,trigger,status", [
    ("Pakistani troops shelled Indian posts on Monday.", "shelled", "asserted"),
    ("Pakistani troops shelled Indian posts, the army said.", "shelled", "reported"),
    ("Pakistani troops allegedly attacked Indian posts.", "attacked", "alleged"),
    ("A militant group claimed responsibility for the attack on Indian troops.", "attack",
     "claimed"),
    ("Pakistan denied that its troops attacked Indian posts.", "attacked", "denied"),
    ("Indian officials blamed Pakistani intelligence for the attack, a charge Islamabad denies.",
     "attack", "contested"),
    ("India could strike Pakistan.", "strike", "hypothetical"),
    ("India will hold talks with Pakistan next week.", "talks", "future"),
    ("Pakistani troops did not attack Indian posts.", "attack", "negated"),
    ("Pakistan denied the attack.", "denied", "asserted"),
    ("The Kurds fear attack by Turkey.", "attack", "hypothetical"),
    ("If you don't die from airstrikes, you die from mortar fire.", "airstrikes",
     "hypothetical"),
    ("He never said when an attack on Syria would take place.", "attack", "hypothetical"),
    ("The judge rejected the report, calling it perfunctory and demanding a new inquiry.",
     "demanding", "asserted"),
    ("No incidents of violence were reported from the state.", "violence", "negated"),
    ("Humanitarian access was denied 105 times in 2017, a year marked by sieges of Aleppo.",
     "sieges", "asserted"),
])
def test_status(text: str, trigger: str, status: str) -> None:
    assert _one(text, trigger).status == status


def test_denial_linked_to_what_it_denies() -> None:
    m = _one("Indian officials blamed Pakistani intelligence for the attack, a charge Islamabad "
             "denies.", "blamed")
    assert m.status == "contested" and m.denied_by == ("PAK",)


def test_denial_in_the_next_sentence() -> None:
    ms = flashpoint.extract("Indian troops shelled Pakistani posts, the Pakistani army said. "
                            "India denied the charge.", published="2025-05-08")
    shelled = next(m for m in ms if m.trigger == "shelled")
    assert shelled.status == "contested" and shelled.denied_by == ("IND",)


def test_a_possible_denial_does_not_reach_the_sentence_before() -> None:
    ms = flashpoint.extract("Officials said troops shelled the village. Such accusations can "
                            "always be denied.", published="2025-05-08")
    assert next(m for m in ms if m.trigger == "shelled").status == "reported"
    ms = flashpoint.extract("Officials said troops shelled the village. The army denied the "
                            "accusations.", published="2025-05-08")
    assert next(m for m in ms if m.trigger == "shelled").status == "contested"


def test_a_denied_that_clause_does_not_reach_the_sentence_before() -> None:
    """"The official denied that a fee had been tabled": the clause says what is denied."""
    ms = flashpoint.extract("The camps are seen as an ongoing threat to global security. The "
                            "official denied that a fee had been tabled.",
                            published="2025-05-08")
    assert next(m for m in ms if m.trigger == "threat").status == "asserted"
    ms = flashpoint.extract("Officials said Pakistani troops shelled Indian posts. Pakistan "
                            "denied that it had done so.", published="2025-05-08")
    assert next(m for m in ms if m.trigger == "shelled").status == "contested"


def test_sample_article_shows_chain_anonymous_official_and_denial(sample_dir: Path) -> None:
    ms = flashpoint.extract_file(str(sample_dir / "19-troop-withdrawal.txt"))
    assert any(m.attribution.chain == ("TASS", "AFP") for m in ms)
    assert any(m.attribution.anonymous and m.attribution.speaker is not None
               and "official" in m.attribution.speaker.text for m in ms)
    assert any(m.status == "contested" and m.denied_by == ("PAK",) for m in ms)


# --------------------------------------------------------------------------- store filters

def test_store_filters_source_status_asserted(tmp_path: Path, sample_dir: Path) -> None:
    from flashpoint.store import open_store

    db = tmp_path / "a.db"
    with open_store(str(db)) as store:
        assert "0005_mention_sources" in {n for n, _ in store.migrations()}
    from flashpoint.runner import ingest

    with open_store(str(db)) as store:
        ingest(store, [str(sample_dir / "19-troop-withdrawal.txt"),
                       str(sample_dir / "01-pahalgam-attack.txt")])
        everything = store.mentions()
        afp = store.mentions(source="AFP")
        assert afp and all("AFP" in m.attribution.chain for m in afp)
        assert store.mentions(source="Agence France-Presse") == afp
        tass = store.mentions(source="tass")
        assert {m.event_id for m in tass} == {m.event_id for m in afp}
        by_publisher = store.mentions(source="Daily Frontier")
        assert by_publisher and all(m.attribution.publisher == "Daily Frontier"
                                    for m in by_publisher)
        assert store.mentions(source="Xinhua") == []
        asserted = store.mentions(asserted_only=True)
        assert asserted and all(m.status == "asserted" for m in asserted)
        assert len(asserted) < len(everything)
        contested = store.mentions(status="contested")
        assert contested and all(m.status == "contested" for m in contested)


# --------------------------------------------------------------------------- the dev set

def _gold_rows() -> list[dict]:
    return [json.loads(ln) for ln in (GOLD / "dev.jsonl").read_text().splitlines() if ln]


def test_dev_set_is_well_formed() -> None:
    rows = _gold_rows()
    ids = [r["id"] for r in rows]
    assert len(rows) >= 150 and len(set(ids)) == len(ids)
    tune = set((GOLD / "split_tune.txt").read_text().split())
    held = set((GOLD / "split_heldout.txt").read_text().split())
    draws = [set(p.read_text().split()) for p in sorted(GOLD.glob("split_fresh*.txt"))]
    assert len(draws) >= 2
    parts = [tune, held, *draws]
    assert set().union(*parts) == set(ids)
    assert sum(len(p) for p in parts) == len(ids)  # no sentence in two parts
    statuses = {e["status"] for r in rows for e in r["events"]}
    assert statuses == set(STATUSES)
    for r in rows:
        assert "text" not in r  # ids, offsets and labels only
        for s, e in r["speaker"]:
            assert s < e
        for ev in r["events"]:
            assert r["start"] <= ev["start"] < ev["end"] <= r["end"]


@pytest.fixture(scope="module")
def scores(shared_data: Path) -> dict:
    from flashpoint.evaluation.attribution import evaluate_attribution

    return evaluate_attribution(shared_data)


# floors: the tuning part holds the studied blind draws (fresh4, fresh5, fresh7a, fresh8a),
# which stay below the older tuning sentences (tune 0.892 after round ten)
@pytest.mark.parametrize("split,status", [("tune", 0.87), ("heldout", 0.80),
                                          ("untuned", 0.75)])
def test_dev_set_scores(scores: dict, split: str, status: float) -> None:
    r = scores[split]
    assert r["speaker"]["f1"] >= 0.85
    assert r["chain_exact_match"] >= 0.85
    # every annotated event, the ones the extractor missed judged at the gold trigger; the
    # issue's bar is 0.85, not met on untuned text (0.792 over 316 sentences; the figures are
    # in evaluation/attribution/README.md): these floors only catch regressions
    assert r["status_accuracy"] >= status
    # trigger recall floor (the fresh7 annotators marked more event words than the older
    # draws: untuned recall 0.45)
    assert r["status_found"] >= 0.40 * r["status_events"]


def test_second_annotator_agreement_in_the_scores(scores: dict) -> None:
    a = scores["agreement"]  # evaluation/agreement/status_second.jsonl, blind second labels
    assert a["events"] == 270 and a["agreement"] == 0.933
    # the second annotator labelled the pool untuned when it was made (held-out, fresh …
    # fresh4); fresh4 has since moved to tuning, so the figure is bounded, not equal
    assert 0.5 < a["system_vs_first"] <= 1.0 and 0.5 < a["system_vs_second"] <= 1.0
    # status_second_fresh78.jsonl: the blind halves fresh7b and fresh8b, a second reading
    b = scores["agreement_fresh78"]
    assert b["events"] == 132 and b["agreement"] == 0.924
    # status_second_conventions.jsonl: the older untuned parts read again with those conventions
    c = scores["agreement_conventions"]
    assert c["events"] == 277 and c["agreement"] == 0.946


def test_eval_command_on_a_small_gold_folder(tmp_path: Path, shared_data: Path) -> None:
    rows = _gold_rows()[:4]
    (tmp_path / "dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "split_tune.txt").write_text("\n".join(r["id"] for r in rows[:2]) + "\n")
    (tmp_path / "split_heldout.txt").write_text("\n".join(r["id"] for r in rows[2:]) + "\n")
    res = CliRunner().invoke(cli, ["eval", "attribution", "--data", str(shared_data),
                                   "--gold", str(tmp_path), "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["all"]["sentences"] == 4 and "confusion" in out["all"]
    res = CliRunner().invoke(cli, ["eval", "attribution", "--data", str(shared_data),
                                   "--gold", str(tmp_path), "--errors"])
    assert res.exit_code == 0 and "speaker" in res.output and "confusion" in res.output


def test_eval_command_help() -> None:
    res = CliRunner().invoke(cli, ["eval", "attribution", "--help"])
    assert res.exit_code == 0 and "Example:" in res.output


@pytest.mark.parametrize("text,trigger,speaker,status", [
    # a directive speech act has a speaker, but what it asks for is not reported as done
    ("The minister urged the army to withdraw from the border.", "withdraw", "The minister",
     "future"),
    ("Amnesty called for an inquiry into the attack on the village.", "attack", "Amnesty",
     "asserted"),
    # "saying" that the parse hangs on the object still has the verb's subject as speaker
    ("The governor condemned the violence saying that police had fired on the crowd.",
     "fired", "The governor", "reported"),
    # "maintain" with no clause maintained is no speech
    ("The rebels still maintain troops near the border and attacked a post.", "attacked",
     None, "asserted"),
    # an objection is a speech act; "according to" an auspicious time or a calendar is no
    # source
    ("The lawyer objected that police had arrested the witnesses without a warrant.",
     "arrested", "The lawyer", "reported"),
    ("The priest said the rally would begin at 9 am on Friday according to the muhurat.",
     "rally", "The priest", "future"),
])
def test_directive_and_misparsed_speakers(text: str, trigger: str, speaker: str | None,
                                          status: str) -> None:
    m = _one(text, trigger)
    got = m.attribution.speaker
    assert (got.text if got else None) == speaker
    assert m.status == status
