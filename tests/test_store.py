"""The store on a real SQLite file and a real PostgreSQL server (each test in its own schema)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flashpoint.errors import ConfigError, StoreError
from flashpoint.models import (
    Actor,
    Article,
    Attribution,
    EventMention,
    Magnitude,
    Place,
    Speaker,
    TimeSpan,
)
from flashpoint.store import MIGRATIONS, DayRow, Store, day_rows, open_store, redact
from flashpoint.store import queries as store_queries
from flashpoint.store import schema as store_schema

PG_URL = os.environ.get("FLASHPOINT_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


# --- fixtures ------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pg_available() -> str:
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as e:  # any reason: no server, no driver, bad credentials
        pytest.skip(f"PostgreSQL not reachable at {PG_URL} ({e}); start a server or set "
                    "FLASHPOINT_TEST_PG_URL")
    return PG_URL


def _with_search_path(url: str, schema_name: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema_name}"


@pytest.fixture
def pg_url(pg_available: str) -> Iterator[str]:
    """A fresh, empty schema on the test server, dropped afterwards."""
    import psycopg

    name = f"fp_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_available, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    try:
        yield _with_search_path(pg_available, name)
    finally:
        with psycopg.connect(pg_available, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "sub" / "flashpoint.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as s:
        yield s


# --- records built by hand -----------------------------------------------------------------------

def art(n: int, text: str = "", published: dt.date | None = dt.date(2025, 5, 16)) -> Article:
    return Article(id=f"art{n:04d}", text=text or f"Article {n} text.", title=f"Title {n}",
                   url=f"https://example.org/{n}", outlet="Example News", published=published,
                   language="en", file="news.jsonl", row_id=str(n), line=n)


def ment(eid: str, article_id: str, actors: list[tuple[str | None, str | None]],
         recipients: list[tuple[str | None, str | None]], *, type: str = "ASSAULT",
         quad: int = 4, intensity: float = -9.0, start: str | None = "2025-05-10",
         end: str | None = None, reciprocal: bool = False, status: str = "asserted",
         ev_start: int = 0) -> EventMention:
    return EventMention(
        event_id=eid, article_id=article_id, sentence=1, evidence_text="Evidence sentence.",
        evidence_start=ev_start, evidence_end=ev_start + 18, trigger="attacked",
        trigger_start=ev_start + 2, trigger_end=ev_start + 10, plover_type=type,
        plover_mode="firearms", cameo_code="190", quad_class=quad, intensity=intensity,
        context=("military",),
        actor=tuple(Actor(f"actor {c}", c, s, 0, 5) for c, s in actors),
        recipient=tuple(Actor(f"recipient {c}", c, s, 6, 9) for c, s in recipients),
        reciprocal=reciprocal,
        when=TimeSpan(start, end or start, "day", "May 10", "text+publication"),
        status=status,
    )


def rich_mention() -> EventMention:
    """Every field of the record contract set to something non-default."""
    return EventMention(
        event_id="ev-rich", article_id="art0001", sentence=3,
        evidence_text="Pakistan launched operation Bunyan-um-Marsus near Pahlgam, killing 26.",
        evidence_start=1042, evidence_end=1187, trigger="launched", trigger_start=1051,
        trigger_end=1059, plover_type="ASSAULT", plover_mode="heavy-weapons",
        cameo_code="194", quad_class=4, intensity=-9.5, context=("military", "terrorism"),
        acled_event_type="Battles", acled_sub_event_type="Armed clash",
        actor=(Actor("Pakistan", "PAK", "MIL", 1042, 1050),),
        recipient=(Actor("Indian civilians", "IND", "CVL", 1100, 1116),
                   Actor("the police", "IND", "COP", None, None)),
        reciprocal=False,
        when=TimeSpan("2025-05-10", "2025-05-11", "day", "On the night of May 10", "text"),
        where=Place("Pahlgam", "Pahalgam", 1260880, 34.014, 75.319, "Jammu and Kashmir", "IND",
                    "city"),
        magnitude=Magnitude(26, 3, None),
        attribution=Attribution("Example News", ("TASS", "AFP"),
                                Speaker("Indian officials", "IND", "GOV", False, 5, 21), False),
        status="contested", denied_by=("PAK",), confidence=0.8712,
        doc_file="news.jsonl", doc_id="row-7",
    )


# --- round trip ----------------------------------------------------------------------------------

def test_round_trip_article_and_mention(store: Store) -> None:
    a = Article(id="art0001", text="Full text — with ünïcode. 'quotes' %s ?", title="T",
                url="https://x.org/a?b=1", outlet="Example", published=dt.date(2025, 5, 16),
                language="en", file="f.jsonl", row_id="7", line=12)
    m = rich_mention()
    assert store.add_batch([a], [m]) == (1, 0)
    assert store.article("art0001") == a
    assert store.article("nope") is None
    got = store.mentions()
    assert [g.to_dict() for g in got] == [m.to_dict()]
    assert store.counts() == {"articles": 1, "mentions": 1, "runs": 0, "skips": 0}


def test_article_with_unknown_fields_round_trips(store: Store) -> None:
    a = Article(id="bare", text="just text")
    store.add_batch([a], [])
    assert store.article("bare") == a


# --- add_batch -----------------------------------------------------------------------------------

def test_add_batch_is_idempotent(store: Store) -> None:
    arts = [art(1), art(2)]
    ms = [ment("e1", "art0001", [("IND", "GOV")], [("PAK", "MIL")]),
          ment("e2", "art0002", [("PAK", "MIL")], [("IND", "CVL")])]
    assert store.add_batch(arts, ms) == (2, 0)
    assert store.add_batch(arts, ms) == (0, 2)
    # a new article next to a known one: only the new one and its mentions are stored
    ms3 = [*ms, ment("e3", "art0003", [("USA", "GOV")], [("IRN", "GOV")])]
    assert store.add_batch([art(2), art(3)], ms3) == (1, 1)
    assert store.counts()["articles"] == 3
    assert sorted(m.event_id for m in store.mentions()) == ["e1", "e2", "e3"]
    assert store.known_article_ids(["art0001", "art0003", "zzz"]) == {"art0001", "art0003"}


def test_add_batch_duplicates_inside_one_batch(store: Store) -> None:
    m = ment("e1", "art0001", [("IND", None)], [("PAK", None)])
    assert store.add_batch([art(1), art(1)], [m, m]) == (1, 1)
    assert [x.event_id for x in store.mentions()] == ["e1"]


def test_mention_of_an_unknown_article_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="same add_batch"):
        store.add_batch([art(1)], [ment("e1", "ghost", [("IND", None)], [("PAK", None)])])
    assert store.counts()["articles"] == 0


def test_failure_mid_batch_rolls_back_only_that_batch(store: Store,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_batch([art(1)], [ment("e1", "art0001", [("IND", None)], [("PAK", None)])])
    # the articles and mentions of batch 2 are inserted, then the actor insert fails in the DB
    monkeypatch.setattr(store_queries, "INSERT_ACTOR",
                        "INSERT INTO no_such_table (a, b, c, d, e, f, g, h)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    with pytest.raises(StoreError, match="storing a batch"):
        store.add_batch([art(2), art(3)],
                        [ment("e2", "art0002", [("USA", None)], [("IRN", None)])])
    monkeypatch.undo()
    assert store.counts() == {"articles": 1, "mentions": 1, "runs": 0, "skips": 0}
    assert store.known_article_ids(["art0002", "art0003"]) == set()
    # a Python error while building rows rolls back too, and the connection stays usable
    def boom(m: EventMention) -> list[tuple[Any, ...]]:
        raise RuntimeError("boom")
    monkeypatch.setattr(store_queries, "actor_rows", boom)
    with pytest.raises(RuntimeError):
        store.add_batch([art(4)], [ment("e4", "art0004", [("USA", None)], [("IRN", None)])])
    monkeypatch.undo()
    assert store.counts()["articles"] == 1
    assert store.add_batch([art(2)], [ment("e2", "art0002", [("USA", None)],
                                           [("IRN", None)])]) == (1, 0)
    assert store.counts()["mentions"] == 2


def test_large_batch_is_stored_whole(store: Store) -> None:
    # speed is measured in benchmarks/, never asserted here
    arts = [art(i) for i in range(100)]
    ms = [ment(f"e{i:05d}", f"art{i % 100:04d}", [("IND", "MIL"), ("IND", "GOV")],
               [("PAK", "MIL")], ev_start=i) for i in range(1000)]
    assert store.add_batch(arts, ms) == (100, 0)
    assert store.counts()["mentions"] == 1000
    assert len(store.mentions(dyad=("IND", "PAK"))) == 1000


# --- runs and skips ------------------------------------------------------------------------------

def test_runs_and_skips(store: Store) -> None:
    r1 = store.start_run(["a.jsonl", "dir/"])
    store.record_skip(r1, "a.jsonl", 3, "malformed JSON")
    store.record_skip(r1, None, None, "empty input")
    store.add_batch([art(1)], [], run_id=r1)
    store.finish_run(r1, {"read": 5, "stored": 1, "skipped": 2})
    r2 = store.start_run(["b.csv"])
    runs = store.runs()
    assert [r["id"] for r in runs] == [r2, r1]
    assert runs[1]["paths"] == ["a.jsonl", "dir/"]
    assert runs[1]["counts"] == {"read": 5, "stored": 1, "skipped": 2}
    assert runs[1]["status"] == "done" and runs[1]["finished_at"]
    assert runs[0]["status"] == "running" and runs[0]["finished_at"] is None
    assert store.skips(r1) == [
        {"run_id": r1, "file": "a.jsonl", "line": 3, "reason": "malformed JSON"},
        {"run_id": r1, "file": None, "line": None, "reason": "empty input"},
    ]
    assert store.skips(r2) == []
    assert store.counts() == {"articles": 1, "mentions": 0, "runs": 2, "skips": 2}
    with pytest.raises(StoreError, match="start_run"):
        store.finish_run(9999, {})


# --- queries -------------------------------------------------------------------------------------

@pytest.fixture
def loaded(store: Store) -> Store:
    arts = [art(1), art(2), art(3)]
    ms = [
        ment("a", "art0001", [("IND", "GOV")], [("PAK", "GOV")], type="ACCUSE", quad=3,
             intensity=-4.0, start="2025-04-23", ev_start=10),
        ment("b", "art0001", [("PAK", "MIL")], [("IND", None)], type="ASSAULT", quad=4,
             intensity=-9.0, start="2025-05-10", end="2025-05-11", ev_start=50),
        ment("c", "art0002", [("IND", "MIL"), ("PAK", "MIL")], [], type="RETREAT", quad=2,
             intensity=6.0, start="2025-05-14", end="2025-05-18", reciprocal=True),
        ment("d", "art0002", [("USA", "GOV")], [("IND", "GOV"), ("PAK", "GOV")],
             type="CONSULT", quad=1, intensity=1.0, start="2025-05-10", ev_start=80,
             status="reported"),
        ment("e", "art0003", [(None, "REB")], [("IND", "CVL")], type="ASSAULT", quad=4,
             intensity=-10.0, start="2025-04-22"),
        ment("f", "art0003", [("IND", "GOV")], [("IND", "REB")], type="COERCE", quad=4,
             intensity=-7.0, start=None, ev_start=5),
        ment("g", "art0003", [("PAK", "MIL")], [("IND", "MIL")], type="ASSAULT", quad=4,
             intensity=-9.0, start="2025-05-10", ev_start=30),
    ]
    store.add_batch(arts, ms)
    return store


def ids(ms: list[EventMention]) -> list[str]:
    return [m.event_id for m in ms]


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({}, ["e", "a", "b", "d", "g", "c", "f"]),
    ({"dyad": ("IND", "PAK")}, ["a", "b", "g", "c"]),
    ({"dyad": ("PAK", "IND")}, ["a", "b", "g", "c"]),
    ({"dyad": ("IND", "USA")}, ["d"]),
    ({"dyad": ("PAK", "USA")}, ["d"]),
    ({"dyad": ("IND", "CHN")}, []),
    ({"actor": "USA"}, ["d"]),
    ({"actor": "PAK"}, ["a", "b", "d", "g", "c"]),
    ({"type": "ASSAULT"}, ["e", "b", "g"]),
    ({"type": "ASSAULT", "dyad": ("IND", "PAK")}, ["b", "g"]),
    ({"since": dt.date(2025, 5, 11)}, ["b", "c"]),  # b runs 05-10..05-11: overlaps
    ({"until": dt.date(2025, 4, 23)}, ["e", "a"]),
    ({"since": dt.date(2025, 5, 15), "until": dt.date(2025, 5, 16)}, ["c"]),  # inside c
    ({"since": dt.date(2025, 5, 12), "until": dt.date(2025, 5, 13)}, []),
    ({"status": "reported"}, ["d"]),
    ({"article_id": "art0003"}, ["e", "g", "f"]),
    ({"limit": 2}, ["e", "a"]),
    ({"order": "-date", "limit": 3}, ["c", "b", "d"]),
    ({"order": "intensity", "limit": 3}, ["e", "b", "g"]),
])
def test_mention_filters(loaded: Store, kwargs: dict[str, Any], expected: list[str]) -> None:
    assert ids(loaded.mentions(**kwargs)) == expected


def test_unknown_order_is_a_config_error(loaded: Store) -> None:
    with pytest.raises(ConfigError, match="use one of"):
        loaded.mentions(order="random")


def test_dyads_ranking(loaded: Store) -> None:
    # IND-PAK: a, b, g (actor x recipient) and c (reciprocal, both actors) = 4;
    # d gives USA-IND and USA-PAK but not IND-PAK (both recipients, not reciprocal);
    # e has an unknown actor country, f is IND-IND: neither counts
    assert loaded.dyads() == [("IND", "PAK", 4), ("IND", "USA", 1), ("PAK", "USA", 1)]
    assert loaded.dyads(limit=1) == [("IND", "PAK", 4)]


def test_daily_series(loaded: Store) -> None:
    loaded.add_batch([art(9)], [
        ment("h", "art0009", [("IND", None)], [("PAK", None)], type="THREATEN", quad=3,
             intensity=-4.0, start="2025-05-10"),
        ment("i", "art0009", [("PAK", None)], [("IND", None)], type="COERCE", quad=4,
             intensity=-9.0, start="2025-05-10", ev_start=40),
        ment("j", "art0009", [("IND", None)], [("PAK", None)], type="AID", quad=2,
             intensity=9.5, start="2025-05-10", ev_start=60),
    ])
    series = loaded.daily_series(("PAK", "IND"))
    assert [r.date for r in series] == ["2025-04-23", "2025-05-10", "2025-05-14"]
    assert series[0] == DayRow("2025-04-23", 0, 0, 1, 0, -4.0, ["a"])
    may10 = series[1]
    assert (may10.q1, may10.q2, may10.q3, may10.q4) == (0, 1, 1, 3)
    assert may10.count == 5
    assert may10.intensity_sum == pytest.approx(-9.0 - 9.0 - 4.0 - 9.0 + 9.5)
    assert may10.top == ["j", "b", "g"]  # |9.5| first, then the -9s by id
    assert series[2] == DayRow("2025-05-14", 0, 1, 0, 0, 6.0, ["c"])
    window = loaded.daily_series(("IND", "PAK"), since=dt.date(2025, 5, 1),
                                 until=dt.date(2025, 5, 10))
    assert [r.date for r in window] == ["2025-05-10"]
    assert loaded.daily_series(("IND", "CHN")) == []


@pytest.mark.parametrize("dyad", [("IND", "IND"), ("IND",), ("IND", "")])
def test_dyad_must_be_two_countries(loaded: Store, dyad: Any) -> None:
    with pytest.raises(ConfigError, match="two different country codes"):
        loaded.mentions(dyad=dyad)
    with pytest.raises(ConfigError, match="actor="):
        loaded.daily_series(dyad)


@pytest.mark.parametrize(("actors", "recipients", "reciprocal", "expected"), [
    ([("IND", "GOV")], [("PAK", "MIL")], False, {("IND", "PAK")}),
    ([("PAK", "MIL")], [("IND", "GOV")], False, {("IND", "PAK")}),
    ([("IND", "MIL"), ("PAK", "MIL")], [], False, set()),
    ([("IND", "MIL"), ("PAK", "MIL")], [], True, {("IND", "PAK")}),
    ([("USA", None)], [("IND", None), ("PAK", None)], False, {("IND", "USA"), ("PAK", "USA")}),
    ([("USA", None)], [("IND", None), ("PAK", None)], True,
     {("IND", "USA"), ("PAK", "USA"), ("IND", "PAK")}),
    ([("IND", "GOV")], [("IND", "REB")], True, set()),
    ([(None, "REB")], [("IND", "CVL")], False, set()),
    ([("", "REB")], [("IND", "CVL")], False, set()),
])
def test_dyad_pairs(actors: list[tuple[str | None, str | None]],
                    recipients: list[tuple[str | None, str | None]], reciprocal: bool,
                    expected: set[tuple[str, str]]) -> None:
    m = ment("x", "a", actors, recipients, reciprocal=reciprocal)
    assert store_queries.dyad_pairs(m) == expected


def test_dyad_backfill_migration_matches_insert_time_pairs(db_url: str) -> None:
    """Migration 0003 computes the pairs of already stored mentions in SQL, exactly as
    add_batch computes them in Python for new ones."""
    with open_store(db_url) as s:
        s.add_batch([art(1), art(2), art(3)], [
            ment("a", "art0001", [("IND", None)], [("PAK", None), ("USA", None)]),
            ment("b", "art0002", [("IND", None), ("PAK", None), ("CHN", None)], [],
                 reciprocal=True),
            ment("c", "art0003", [("IND", None), ("PAK", None)], [("", None)]),
            ment("d", "art0003", [(None, None)], [("IND", None)], ev_start=9),
        ])
        before = s.dyads(limit=100)
        with s._tx("simulate a database from before 0003") as cur:
            cur.execute("DROP TABLE mention_dyads")
            cur.execute("DELETE FROM schema_migrations WHERE name = '0003_mention_dyads'")
    with open_store(db_url) as s:
        assert "0003_mention_dyads" in [n for n, _ in s.migrations()]
        assert s.dyads(limit=100) == before
        assert before == [("IND", "PAK", 2), ("CHN", "IND", 1), ("CHN", "PAK", 1),
                          ("IND", "USA", 1)]


def test_day_rows_ties_prefer_the_most_hostile() -> None:
    rows = day_rows([("x", "2025-01-01", 1, 7.0), ("y", "2025-01-01", 4, -7.0),
                     ("z", "2025-01-01", 4, -2.0), ("w", "2025-01-01", 3, 1.0)])
    assert rows == [DayRow("2025-01-01", 1, 0, 1, 2, -1.0, ["y", "x", "z"])]


# --- migrations ----------------------------------------------------------------------------------

def test_migrations_recorded_once(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(db_url) as s:
        first = s.migrations()
        assert [n for n, _ in first] == [n for n, _ in MIGRATIONS]
        assert s.migrate() == []
        s.add_batch([art(1)], [ment("e1", "art0001", [("IND", None)], [("PAK", None)])])
    with open_store(db_url) as s:  # reopening applies nothing and keeps the data
        assert s.migrations() == first
        assert s.counts()["mentions"] == 1
    extra = ("9999_test_extra", ("CREATE TABLE fp_extra (id TEXT PRIMARY KEY)",))
    monkeypatch.setattr(store_schema, "MIGRATIONS", (*MIGRATIONS, extra))
    with open_store(db_url) as s:
        names = [n for n, _ in s.migrations()]
        assert names == [*(n for n, _ in MIGRATIONS), "9999_test_extra"]
        assert s.migrations()[: len(first)] == first
        assert s.migrate() == []
        assert s.counts()["mentions"] == 1


def test_failed_migration_is_not_recorded(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(db_url):
        pass
    bad = ("9998_bad", ("CREATE TABLE fp_half (id TEXT)", "THIS IS NOT SQL"))
    monkeypatch.setattr(store_schema, "MIGRATIONS", (*MIGRATIONS, bad))
    with pytest.raises(StoreError, match="migration 9998_bad"):
        open_store(db_url)
    monkeypatch.undo()
    with open_store(db_url) as s:
        assert "9998_bad" not in [n for n, _ in s.migrations()]
        assert len(s.migrations()) == len(MIGRATIONS)
        with s._tx("test") as cur:  # the half-applied step was rolled back: no fp_half table
            cur.execute("CREATE TABLE fp_half (id TEXT)")


# --- opening -------------------------------------------------------------------------------------

def test_sqlite_file_settings(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "fp.db"
    with open_store(path) as s:
        assert s.dialect == "sqlite"
    assert path.exists()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "mentions", "mention_actors", "ingest_runs", "ingest_skips",
            "schema_migrations"} <= tables
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"ix_mention_actors_country_role", "ix_mentions_when_start",
            "ix_mentions_plover_type"} <= indexes
    conn.close()


def test_url_forms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///rel/one.db"):
        pass
    assert (tmp_path / "rel" / "one.db").exists()
    with open_store(f"sqlite:///{tmp_path}/abs.db"):  # sqlite:////abs/path
        pass
    assert (tmp_path / "abs.db").exists()
    monkeypatch.setenv("FLASHPOINT_DB", str(tmp_path / "env.db"))
    with open_store() as s:
        assert s.dialect == "sqlite"
    assert (tmp_path / "env.db").exists()
    monkeypatch.delenv("FLASHPOINT_DB")
    with open_store():
        pass
    assert (tmp_path / "flashpoint.db").exists()


def test_postgres_scheme_alias(pg_url: str) -> None:
    with open_store("postgres://" + pg_url.split("://", 1)[1]) as s:
        assert s.dialect == "postgresql"
        assert s.counts()["articles"] == 0


def test_bad_postgres_url_says_what_to_do() -> None:
    url = "postgresql://someone:secret@127.0.0.1:1/nodb?connect_timeout=2"
    with pytest.raises(StoreError) as e:
        open_store(url)
    msg = str(e.value)
    assert "cannot connect to postgresql://someone:***@127.0.0.1:1/nodb" in msg
    assert "is the server running" in msg and "FLASHPOINT_DB" in msg
    assert "secret" not in msg


def test_unsupported_scheme() -> None:
    with pytest.raises(StoreError, match=r"unsupported database URL.*sqlite:///path"):
        open_store("mysql://root@localhost/db")


def test_not_a_database_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="FLASHPOINT_DB"):
        open_store(junk)


def test_unwritable_location(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open SQLite database"):
        open_store(blocker / "sub" / "fp.db")


def test_redact() -> None:
    assert redact("postgresql://u:pw@h:5/d?x=1") == "postgresql://u:***@h:5/d?x=1"
    assert redact("postgresql://u@h/d") == "postgresql://u@h/d"
    assert redact("/tmp/x.db") == "/tmp/x.db"


def test_sqlite_readers_see_committed_batches_while_another_store_writes(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    with open_store(path) as writer, open_store(path) as reader:
        writer.add_batch([art(1)], [ment("e1", "art0001", [("IND", None)], [("PAK", None)])])
        assert reader.counts()["mentions"] == 1
        assert ids(reader.mentions(dyad=("IND", "PAK"))) == ["e1"]


def test_concurrent_writers_store_each_article_once(db_url: str) -> None:
    """Two processes' worth of stores race on the same batch: every article is stored once."""
    with open_store(db_url):
        pass
    arts = [art(i) for i in range(200)]
    ms = [ment(f"e{i}", f"art{i:04d}", [("IND", None)], [("PAK", None)]) for i in range(200)]
    results: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def work() -> None:
        try:
            with open_store(db_url) as s:
                barrier.wait()
                for k in range(0, 200, 20):
                    results.append(s.add_batch(arts[k:k + 20], ms[k:k + 20]))
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(r[0] for r in results) == 200
    assert sum(r[1] for r in results) == 400
    with open_store(db_url) as s:
        assert s.counts()["mentions"] == 200
        assert s.dyads() == [("IND", "PAK", 200)]
