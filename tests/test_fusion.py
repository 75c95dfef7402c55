"""Fusion: scoring rules, deterministic incremental clustering, disagreements, the store side,
and the sample corpus's two reports of the Kotli strike."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli
from flashpoint.fuse import (
    Fuser,
    FusionConfig,
    anaphoric,
    cluster,
    features,
    jaccard,
    keywords,
    overlap,
    pairwise_scores,
    score,
    sketch,
    summarize,
    veto,
)
from flashpoint.models import (
    Actor,
    Article,
    Attribution,
    EventMention,
    Magnitude,
    Place,
    TimeSpan,
)

KOTLI = Place("Kotli", "Kotli", 1182787, 33.518, 73.902, "AJK", "PAK", "city")
MIRPUR = Place("Mirpur", "Mirpur", 1170395, 33.148, 73.752, "AJK", "PAK", "city")
LAHORE = Place("Lahore", "Lahore", 1172451, 31.558, 74.351, "PB", "PAK", "city")
JAMMU = Place("Jammu", "Jammu", 1269321, 32.736, 74.864, "JK", "IND", "city")
PAKISTAN = Place("Pakistan", "Pakistan", 1168579, 30.0, 70.0, None, "PAK", "country")


def mention(id: str, *, article: str | None = None, type: str = "ASSAULT",
            mode: str | None = "heavy-weapons", actor: str | None = "IND",
            recipient: str | None = None, day: str = "2025-05-08", end: str | None = None,
            basis: str = "text", where: Place | None = KOTLI, dead: int | None = None,
            status: str = "reported", text: str = "Indian troops shelled a village near Kotli",
            publisher: str = "Outlet A", reciprocal: bool = False) -> EventMention:
    return EventMention(
        event_id=id, article_id=article or f"art-{id}", sentence=0, evidence_text=text,
        evidence_start=0, evidence_end=len(text), trigger="shelled", plover_type=type,
        plover_mode=mode, cameo_code="194", quad_class=4, intensity=-9.5,
        actor=(Actor("troops", actor, "MIL"),) if actor else (),
        recipient=(Actor("civilians", recipient, "CVL"),) if recipient else (),
        reciprocal=reciprocal, when=TimeSpan(day, end or day, "day", basis=basis),
        where=where, magnitude=Magnitude(dead=dead), status=status,
        attribution=Attribution(publisher=publisher))


BASE = mention("a", dead=8, publisher="Lahore Ledger",
               text="Indian troops shelled a village near Kotli on May 8, killing eight civilians")


@pytest.mark.parametrize("other, fused", [
    (mention("b", dead=5, publisher="Global Newsdesk",
             text="Indian shelling killed five civilians in a village near Kotli on May 8"), True),
    (mention("b", mode=None, where=PAKISTAN,
             text="Indian shelling killed civilians in a village near Kotli"), True),
    (mention("b", mode="firearms", day="2025-05-09",
             text="Indian troops shelled a village near Kotli killing civilians"), True),
    (mention("b", where=MIRPUR, text="Indian troops shelled a village near Kotli"), True),
    (mention("b", where=LAHORE, text="Indian troops shelled a village near Lahore"), False),
    (mention("b", where=JAMMU, actor="PAK",
             text="Pakistani troops shelled a village near Jammu"), False),
    (mention("b", day="2025-05-12", text="Indian troops shelled a village near Kotli"), False),
    (mention("b", status="negated", text="No shelling was reported near Kotli"), False),
    (mention("b", type="AGREE", mode=None, text="India agreed near Kotli"), False),
    (mention("b", type="CONSULT", mode=None, text="Indian troops shelled near Kotli"), False),
    (mention("b", actor="CHN", recipient="USA", where=None,
             text="Chinese troops fired on American positions"), False),
])
def test_pairs(other: EventMention, fused: bool) -> None:
    s = score(features(BASE, "2025-05-09"), features(other, "2025-05-09"))
    assert (s is not None and s >= FusionConfig().threshold) is fused, s


def test_a_place_named_only_in_a_dateline_is_doubt_not_a_veto() -> None:
    # "lahore: ... shelled a village near kotli": the dateline says where the report was
    # filed; two towns each named in their own sentence are two incidents
    filed = features(mention("b", where=LAHORE, text="LAHORE: Indian troops shelled a village"
                             " near the border on May 8, killing eight civilians"), "2025-05-09")
    base = features(BASE, "2025-05-09")
    assert not filed.place_local and base.place_local
    assert veto(base, filed) is None
    named = features(mention("c", where=LAHORE, text="Indian troops shelled a village near "
                             "Lahore on May 8, killing eight civilians"), "2025-05-09")
    assert veto(base, named) == "place"
    near = features(mention("d", where=MIRPUR, text="Indian troops shelled a village near "
                            "Mirpur on May 8, killing eight civilians"), "2025-05-09")
    s = score(base, near)
    assert s is not None and s < score(base, features(mention(
        "e", text="Indian troops shelled a village near Kotli on May 8"), "2025-05-09"))


def test_same_article_is_penalised() -> None:
    a = mention("x1", article="same", text="troops shelled a village near Kotli")
    b = mention("x2", article="same", text="troops shelled a village near Kotli")
    c = dataclasses.replace(b, article_id="other")
    sa, sc = score(features(a), features(b)), score(features(a), features(c))
    assert sa is not None and sc is not None and sa < sc


def test_reciprocal_dyads_match_either_way() -> None:
    a = mention("r1", actor="IND", recipient="PAK", type="RETREAT", mode="ceasefire",
                reciprocal=True, where=None, text="India and Pakistan agreed a ceasefire")
    b = mention("r2", actor="PAK", recipient="IND", type="RETREAT", mode="ceasefire",
                reciprocal=True, where=None, text="Pakistan and India agreed to a ceasefire")
    assert len(cluster([features(a), features(b)])) == 1


def test_sketch_is_exact_for_short_texts() -> None:
    a, b = sketch("troops shelled the village"), sketch("troops shelled the village today")
    assert jaccard(a, a) == 1.0
    assert 0 < jaccard(a, b) < 1
    assert jaccard(a, sketch("ministers met in Geneva")) == 0.0


def test_summary_records_who_says_what() -> None:
    b = mention("b", dead=5, publisher="Global Newsdesk", day="2025-05-07",
                text="Indian shelling killed five civilians in a village near Kotli")
    ev = summarize("ev-1", [features(BASE, "2025-05-09"), features(b, "2025-05-09")])
    got = {d.field: {c.value: c.sources for c in d.claims} for d in ev.disagreements}
    assert got["dead"] == {"8": ("Lahore Ledger",), "5": ("Global Newsdesk",)}
    assert got["date"] == {"2025-05-08": ("Lahore Ledger",), "2025-05-07": ("Global Newsdesk",)}
    assert ev.dead == 8 and ev.publishers == ("Lahore Ledger", "Global Newsdesk")
    assert ev.first_report == ev.last_report == "2025-05-09"
    assert ev.dyads == (("IND", "PAK"),)  # recipient from where the attack hit


def test_summary_sides_follow_the_majority_of_reports() -> None:
    # three reports of gunmen killing civilians, one that blames Pakistan, one misread
    # with India as the actor: the consensus is "gunmen -> IND", the rest stays a disagreement
    def m(id: str, actor: str | None, text: str) -> EventMention:
        return dataclasses.replace(mention(id, actor=None, recipient="IND", text=text),
                                   actor=(Actor(text.split()[0], actor, "REB"),))
    members = [m("a", None, "gunmen killed 26 people near Pahalgam"),
               m("b", None, "Gunmen killed 26 tourists near Pahalgam"),
               m("c", None, "terrorists killed 26 people near Pahalgam"),
               m("d", "PAK", "Pakistan was blamed for the attack near Pahalgam"),
               m("e", "IND", "India said the attack near Pahalgam killed 26")]
    ev = summarize("ev-1", [features(x) for x in members])
    assert ev.recipients == ("IND",) and "IND" not in ev.actors
    assert ev.actor_text is not None and ev.actor_text.casefold() == "gunmen"
    assert "actor" in ev.disputed and not ev.reciprocal


def test_contained_places_and_dates_are_no_disagreement() -> None:
    b = mention("b", where=PAKISTAN, day="2025-05-01", end="2025-05-31")
    ev = summarize("ev-1", [features(BASE), features(b)])
    assert ev.disagreements == ()


def test_clustering_is_deterministic_and_incremental() -> None:
    ms = [BASE, mention("b", dead=5, publisher="Global Newsdesk"),
          mention("c", actor="PAK", where=JAMMU, text="Pakistani shelling hit Jammu"),
          mention("d", actor="PAK", where=JAMMU, publisher="Outlet B",
                  text="Pakistani troops shelled Jammu")]
    feats = [features(m) for m in ms]
    whole = cluster(feats)
    assert whole == cluster(feats)
    assert sorted(len(m) for _, m in whole) == [2, 2]
    # the first two, stored; then the rest join them without recomputing
    first = Fuser()
    for f in feats[:2]:
        first.add(f)
    later = Fuser()
    for eid, members in first.events():
        later.seed(eid, members)
    ids = [later.add(f) for f in feats[2:]]
    assert [(e, [f.id for f in m]) for e, m in later.events()] == \
        [(e, [f.id for f in m]) for e, m in whole]
    assert later.changed == {ids[0]}


def test_keywords_keep_what_tells_events_apart() -> None:
    kw = keywords("KOLKATA: one person died and 25 policemen were injured after VHP activists "
                  "clashed with police in Taldih village on Sunday")
    assert {"taldih", "vhp", "25"} <= kw
    # the dateline, trigger words, sector nouns, tolls, weekdays and stop words say nothing
    assert not kw & {"kolkat", "died", "police", "activi", "clash", "sunday", "injur", "one"}
    assert not keywords("Indian troops shelled Pakistani posts") & {"indian", "pakist"}
    assert overlap(frozenset({"taldih", "vhp"}), frozenset({"taldih", "vhp", "yajna"})) > 0
    assert overlap(frozenset({"taldih"}), frozenset({"taldih", "yajna"})) == 0.0  # one word


def _at(text: str, trigger: str) -> EventMention:
    i = text.index(trigger)
    return dataclasses.replace(mention("t", text=text, where=None, actor=None, mode=None),
                               trigger=trigger, trigger_start=i,
                               trigger_end=i + len(trigger))


@pytest.mark.parametrize("text, trigger, expected", [
    ("he confirmed that one person died in the clash.", "clash", True),
    ("ten persons sustained injuries in the firing", "firing", True),
    ("the arrests followed the visit of the minister", "arrests", True),
    ("58 were killed in the attack on the Sabarmati Express", "attack", False),
    ("the police fired at the mob", "fired", False),
    ("a clash broke out in the market", "clash", False),
])
def test_bare_definite_nouns_refer_back(text: str, trigger: str, expected: bool) -> None:
    assert anaphoric(_at(text, trigger)) is expected


def test_anaphora_links_mentions_of_one_report() -> None:
    a = _at("VHP activists and police clashed in Taldih village", "clashed")
    b = _at("one person died in the clash, police said", "clash")
    c = _at("one person died in a stampede, police said", "died")
    fa, fb, fc = (features(dataclasses.replace(m, event_id=i, article_id="same"))
                  for i, m in (("a", a), ("b", b), ("c", c)))
    sb, sc = score(fa, fb), score(fa, fc)
    assert sb is not None and sc is not None and sb >= FusionConfig().threshold > sc


def test_veto_names_the_incompatibility() -> None:
    base = features(BASE)
    assert veto(base, features(mention("b", day="2025-05-20"))) == "time"
    assert veto(base, features(mention("b", type="AGREE", mode=None))) == "type"
    assert veto(base, features(mention("b", status="negated"))) == "factual"
    assert veto(base, features(mention("b", where=LAHORE, text="Indian troops shelled Lahore"))) \
        == "place"
    assert veto(base, features(mention("b"))) is None


# a shelling told three times: M1 and M2 do not fuse on their own (M2 is undated and names no
# place or actor), M3 fits both
M1 = mention("m1", dead=8, publisher="Lahore Ledger", article="art-1",
             text="Indian troops shelled Dhanna village near Kotli, killing eight")
M2 = mention("m2", actor=None, where=None, mode=None, day="2025-05-09", basis="publication",
             publisher="Outlet B", article="art-2",
             text="Indian shelling of the Dhanna bazaar near Kotli")
M3 = mention("m3", dead=8, publisher="Outlet C", article="art-3",
             text="Indian shelling of the Dhanna bazaar near Kotli killed eight")


def test_a_mention_that_fits_two_events_merges_them() -> None:
    f1, f2, f3 = (features(m, "2025-05-09") for m in (M1, M2, M3))
    s12 = score(f1, f2)
    assert s12 is not None and s12 < FusionConfig().threshold
    fuser = Fuser()
    e1, e2 = fuser.add(f1), fuser.add(f2)
    assert e1 != e2 and len(fuser) == 2
    assert fuser.add(f3) == e1  # the event whose first mention came first survives
    assert fuser.absorbed == {e2: e1} and len(fuser) == 1
    assert [f.id for f in fuser.members(e1)] == ["m1", "m2", "m3"]
    assert fuser.changed == {e1}
    # the same from scratch in another order gives one event too
    assert len(cluster([f3, f1, f2])) == 1
    # without merging, M2 stays apart
    assert len(cluster([f1, f2, f3], FusionConfig(merge=False))) == 2


def test_events_dated_to_different_days_do_not_merge() -> None:
    m2 = dataclasses.replace(M2, when=TimeSpan("2025-05-07", "2025-05-07", "day", basis="text"))
    fuser = Fuser()
    for m in (M1, m2, M3):
        fuser.add(features(m, "2025-05-09"))
    assert fuser.absorbed == {} and len(fuser) == 2


def test_store_merges_events_incrementally(tmp_path: Path) -> None:
    from flashpoint.store import open_store
    from flashpoint.store.fused import event, event_of_mention, fuse_pending, fused_events

    def art(m: EventMention) -> Article:
        return Article(id=m.article_id, text=m.evidence_text, outlet=m.attribution.publisher,
                       published=dt.date(2025, 5, 9))

    with open_store(str(tmp_path / "f.db")) as store:
        store.add_batch([art(M1), art(M2)], [M1, M2])
        first = fuse_pending(store)
        assert (first.created, first.events) == (2, 2)
        e1, e2 = event_of_mention(store, "m1"), event_of_mention(store, "m2")
        assert e1 and e2 and e1 != e2
        store.add_batch([art(M3)], [M3])
        second = fuse_pending(store)
        assert (second.updated, second.merged, second.events) == (1, 1, 1)
        assert "1 merged into others" in second.line()
        # the absorbed event is gone; its mention now points at the survivor
        assert event_of_mention(store, "m2") == e1 and event(store, e2) is None
        full = event(store, e1)
        assert full is not None and [m.event_id for m in full.mentions] == ["m1", "m2", "m3"]
        (ev,) = fused_events(store)
        assert ev.id == e1 and ev.mention_ids == ("m1", "m2", "m3")
        assert set(ev.publishers) == {"Lahore Ledger", "Outlet B", "Outlet C"}
        assert "date" not in ev.disputed  # M2's date is only the publication date
        with store._read("t") as cur:
            before = sorted(cur.execute("SELECT mention_id, event_id, seq FROM event_mentions"))
            assert cur.execute("SELECT seq, n_mentions FROM events").fetchall() == [(1, 3)]
            assert not cur.execute("SELECT * FROM event_dyads WHERE event_id = ?",
                                   (e2,)).fetchall()
        fuse_pending(store, rebuild=True)
        with store._read("t") as cur:
            after = sorted(cur.execute("SELECT mention_id, event_id, seq FROM event_mentions"))
    assert before == after


def test_missed_pairs_are_counted_by_cause() -> None:
    from flashpoint.analysis.fusion_eval import GoldItem, missed_pairs

    items = [GoldItem("k", "1", 0, "ASSAULT"), GoldItem("k", "2", 0, "ASSAULT"),
             GoldItem("k", "3", 0, "ASSAULT"), GoldItem("k", "4", 0, "ASSAULT"),
             GoldItem("other", "5", 0, "ASSAULT")]
    late = mention("late", day="2025-05-20")
    feats = {m.event_id: features(m) for m in (BASE, mention("b"), late)}
    stand_in = {items[0].key: "a", items[1].key: "b", items[2].key: "late"}
    event_of = {"a": "e1", "b": "e1", "late": "e2"}
    # a-b fused; a-late and b-late vetoed by time; item 4 has no mention (3 pairs)
    assert missed_pairs(items, stand_in, event_of, feats) == (("no mention", 3),
                                                              ("veto:time", 2))


@pytest.mark.parametrize("pred, gold, expected", [
    ({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "y"}, (1.0, 1.0, 1.0)),
    ({"a": "1", "b": "1", "c": "1"}, {"a": "x", "b": "x", "c": "y"}, (1 / 3, 1.0, 0.5)),
    ({"a": "1", "b": "2"}, {"a": "x", "b": "x", "c": "x"}, (1.0, 0.0, 0.0)),
])
def test_pairwise_scores(pred: dict[str, str], gold: dict[str, str],
                         expected: tuple[float, float, float]) -> None:
    assert pairwise_scores(pred, gold)[:3] == pytest.approx(expected)


# --- the store and the sample corpus ------------------------------------------------------------

@pytest.fixture()
def fused_db(demo_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "fused.db"
    shutil.copy(demo_db, db)
    return db


@pytest.mark.slow
def test_kotli_reports_are_one_event_with_a_toll_disagreement(fused_db: Path) -> None:
    from flashpoint.store import open_store
    from flashpoint.store.fused import event, fused_events

    with open_store(str(fused_db)) as store:
        kotli = [e for e in fused_events(store, since=None)
                 if e.when_start == "2025-05-08" and e.place == "Kotli"
                 and e.plover_type == "ASSAULT" and e.dead in (5, 8)]
        assert len(kotli) == 1, kotli
        ev = kotli[0]
        full = event(store, ev.id)
    assert set(ev.publishers) == {"Lahore Ledger", "Global Newsdesk"}
    dead = next(d for d in ev.disagreements if d.field == "dead")
    says = {c.value: " ".join(c.sources) for c in dead.claims}
    assert "Lahore Ledger" in says["8"] and "Global Newsdesk" in says["5"]
    assert full is not None and len(full.mentions) == len(ev.mention_ids) >= 2
    assert set(full.publishers) == {"Lahore Ledger", "Global Newsdesk"}
    assert full.first_report == "2025-05-09"


@pytest.mark.slow
def test_incremental_ingest_equals_rebuild(sample_dir: Path, tmp_path: Path) -> None:
    from flashpoint.runner import ingest
    from flashpoint.store import open_store
    from flashpoint.store.fused import fuse_pending

    files = sorted(sample_dir.glob("*.txt"))
    with open_store(str(tmp_path / "inc.db")) as store:
        ingest(store, [str(p) for p in files[:12]])
        s2 = ingest(store, [str(p) for p in files[12:]])
        assert s2.fused and "fused" in s2.fused
        with store._read("t") as cur:
            before = sorted(cur.execute("SELECT mention_id, event_id FROM event_mentions"))
        again = fuse_pending(store)
        assert again.mentions == 0
        fuse_pending(store, rebuild=True)
        with store._read("t") as cur:
            after = sorted(cur.execute("SELECT mention_id, event_id FROM event_mentions"))
    assert before == after and len(before) > 100


@pytest.mark.slow
def test_cli_fuse_disputed_series_alerts(fused_db: Path) -> None:
    runner = CliRunner()
    db = str(fused_db)
    r = runner.invoke(cli, ["fuse", "--db", db, "--rebuild"])
    assert r.exit_code == 0 and "new events" in r.output, r.output
    r = runner.invoke(cli, ["disputed", "--db", db, "--dyad", "IND-PAK"])
    assert r.exit_code == 0, r.output
    assert any("dead: " in ln and "Lahore Ledger" in ln and "Global Newsdesk" in ln
               for ln in r.output.splitlines()), r.output
    r = runner.invoke(cli, ["series", "--db", db, "--dyad", "IND-PAK", "--interval", "week",
                            "--format", "csv"])
    assert r.exit_code == 0 and r.output.startswith("start,q1,q2,q3,q4,count"), r.output
    weeks = r.output.strip().splitlines()[1:]
    assert weeks and all(w[:4] == "2025" for w in weeks)
    r = runner.invoke(cli, ["series", "--db", db, "--dyad", "IND-PAK", "--intensity",
                            "goldstein", "--format", "jsonl"])
    assert r.exit_code == 0 and '"hostility"' in r.output
    r = runner.invoke(cli, ["alerts", "--db", db, "--dyad", "IND-PAK"])
    assert r.exit_code == 0 and "onset" in r.output and "baseline" in r.output, r.output
    r = runner.invoke(cli, ["alerts", "--db", db, "--format", "jsonl", "--baseline", "last"])
    assert r.exit_code == 0 and '"kind"' in r.output


def test_cli_errors_say_what_to_do(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(cli, ["series", "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 2 and "either --dyad A-B or --country C" in r.output
    r = runner.invoke(cli, ["alerts", "--db", str(tmp_path / "x.db"), "--dyad", "IND-IND"])
    assert r.exit_code == 2 and "two different country codes" in r.output


def test_help_has_examples() -> None:
    for cmd in (["fuse"], ["series"], ["alerts"], ["disputed"], ["eval", "fusion"]):
        r = CliRunner().invoke(cli, [*cmd, "--help"])
        assert r.exit_code == 0 and "Example:" in r.output, cmd


@pytest.mark.slow
@pytest.mark.shared
def test_eval_fusion_on_the_dev_clusters(shared_data: Path) -> None:
    r = CliRunner().invoke(cli, ["eval", "fusion", "--data",
                                 str(shared_data / "events" / "india_police_events")])
    assert r.exit_code == 0, r.output
    dev = next(ln for ln in r.output.splitlines() if ln.startswith("dev:"))
    precision = float(dev.split("pairwise P ")[1].split()[0])
    f1 = float(dev.split(" F1 ")[1].split()[0])
    assert precision >= 0.95 and f1 >= 0.9, dev  # the target: F1 >= 0.90
    assert all(f"{split}:" in r.output for split in ("dev2", "dev3", "heldout", "heldout2"))
    assert "second annotator, all: 226 pairs" in r.output  # evaluation/agreement


@pytest.mark.slow
def test_narrative_lines(fused_db: Path) -> None:
    from flashpoint.analysis.timeline import narrative_lines
    from flashpoint.store import open_store
    from flashpoint.store.fused import fused_events

    with open_store(str(fused_db)) as store:
        lines = narrative_lines(fused_events(store, dyad=("IND", "PAK")))
    day = next(ln for ln in lines if ln.startswith("2025-05-08"))
    assert "Kotli, 8 dead (2 sources) [disputed: dead]" in day, day


def test_a_report_told_in_several_sentences_counts_once() -> None:
    # one report tells the shelling in three sentences, two of them with no place or actor;
    # a second report's paraphrase fits its first sentence: the report is one witness, and
    # the sentences that say little do not make the match look like a chain
    r1 = [features(mention(f"r1{i}", article="r1", text=t, dead=8 if i == 0 else None,
                           where=KOTLI if i == 0 else None, actor="IND" if i == 0 else None),
                   "2025-05-09")
          for i, t in enumerate(["Indian troops shelled Dhanna village near Kotli on May 8, "
                                 "killing eight civilians",
                                 "The shelling destroyed houses and a school, residents said",
                                 "Officials counted the damage to the bazaar afterwards"])]
    other = features(mention("r2", article="r2", dead=8, publisher="Outlet B",
                             text="Eight civilians died when Indian artillery hit Dhanna "
                                  "village outside Kotli on May 8"), "2025-05-09")
    fuser = Fuser()
    fuser.seed("ev-r1", r1)
    assert fuser.add(other) == "ev-r1"


def test_a_copied_sentence_joins_the_event_of_its_original() -> None:
    # two reports of one shelling in other words; a third report copies the second one's
    # sentence: it belongs with that sentence, however unlike the first report it reads
    shelled = ("Indian troops shelled Dhanna village near Kotli on May 8, killing eight "
               "civilians")
    a = features(mention("a", article="ra", where=None, actor=None,
                         text="Shells fell on Dhanna overnight, residents said"), "2025-05-09")
    b = features(mention("b", article="rb", dead=8, publisher="Outlet B", text=shelled),
                 "2025-05-09")
    copy = features(mention("c", article="rc", dead=8, publisher="Outlet C", text=shelled),
                    "2025-05-09")
    for cfg, joins in ((FusionConfig(), True), (FusionConfig(copy=1.01), False)):
        fuser = Fuser(cfg)
        fuser.seed("ev-1", [a, b])
        assert (fuser.add(copy) == "ev-1") is joins


def test_a_date_from_the_paragraph_or_publication_is_a_soft_window() -> None:
    base = features(mention("a", day="2025-05-08"), "2025-05-09")

    def other(day: str, basis: str, published: str) -> str | None:
        return veto(base, features(mention("b", day=day, basis=basis), published))

    # an earlier sentence's date may belong to another event: a penalty, not a veto
    assert other("2025-05-01", "context", "2025-05-09") is None
    assert score(base, features(mention("b", day="2025-05-01", basis="context"),
                                "2025-05-09")) is not None
    # a report with no date of its own may come up to a week late
    assert other("2025-05-14", "publication", "2025-05-14") is None
    assert other("2025-05-20", "publication", "2025-05-20") == "time"
    # two dates stated in the reports' own sentences still rule the pair out
    assert other("2025-05-01", "text", "2025-05-09") == "time"


def test_keywords_read_digit_group_separators() -> None:
    from flashpoint.fuse import keywords

    assert "4000" in keywords("police arrested close to 4,000 rioters")
    assert "120000" in keywords("1,20,000 people fled")
    assert {"2002", "15"} <= keywords("in 2002, 15 people died")  # a list is no number


def test_a_night_meets_the_next_date() -> None:
    from flashpoint.fuse import _time_score

    m = mention("a", day="2002-03-16")
    night = features(dataclasses.replace(
        m, when=TimeSpan("2002-03-16", "2002-03-16", "day", "saturday night", "text")))
    assert night.night and not features(m).night
    one_am = features(mention("b", day="2002-03-17"))
    assert night.last_day == one_am.start == one_am.last_day
    assert _time_score(night, one_am) == 0.7  # "saturday night" / "around 1 am on sunday"
    assert _time_score(features(m), one_am) == 0.2  # a day apart, no night between them
    assert _time_score(night, dataclasses.replace(night, id="c")) == 1.0  # the same night
    later = features(mention("d", day="2002-03-19"))
    assert (_time_score(night, later) or 0.0) < 0.7


@pytest.mark.shared
def test_fusion_draw_never_redraws_a_gold_sentence(shared_data: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util
    import json

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("fusion_draw",
                                                  root / "evaluation" / "fusion_draw.py")
    assert spec and spec.loader
    draw = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(draw)
    assert draw.main(["--data", str(shared_data), "--seed", "31", "--pairs", "6",
                      "--min-idf", "8"]) == 0
    rows = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    assert len(rows) == 6
    used = draw._used()
    for r in rows:
        a, b = r["a"], r["b"]
        assert a["doc_id"] != b["doc_id"] and r["family"] in ("ASSAULT", "COERCE")
        assert (a["doc_id"], a["sent_id"]) not in used and (b["doc_id"], b["sent_id"]) not in used
        days = abs((dt.date.fromisoformat(a["published"])
                    - dt.date.fromisoformat(b["published"])).days)
        assert days <= 4
