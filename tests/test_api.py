"""The HTTP API, in-process (FastAPI's TestClient) against the sample corpus database."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
from click.testing import CliRunner
from fastapi.testclient import TestClient

from flashpoint.errors import StoreError
from flashpoint.web import create_app, open_read_only
from flashpoint.web.exports import NAMES, mapping_table
from flashpoint.web.queries import SORTS

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(demo_db))) as c:
        yield c


def get(client: TestClient, path: str, **params: Any) -> Any:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def all_events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    return get(client, "/api/events", limit=1000, **params)["events"]


# --- events: filters -------------------------------------------------------------------------

def _detail(client: TestClient, eid: str) -> dict[str, Any]:
    return get(client, f"/api/events/{eid}")


FILTERS = [
    # (params, does this event satisfy them?)
    ({"dyad": "PAK-IND"}, lambda c, e: "IND-PAK" in e["dyads"]),
    ({"type": "ASSAULT"}, lambda c, e: e["plover_type"] == "ASSAULT"),
    ({"mode": "ceasefire"}, lambda c, e: e["plover_mode"] == "ceasefire"),
    ({"quad": 2}, lambda c, e: e["quad_class"] == 2),
    ({"since": "2025-05-07", "until": "2025-05-08"},
     lambda c, e: e["date"] is not None and "2025-05-07" <= e["date"] <= "2025-05-08"),
    ({"since": "2025-05-07", "until": "2025-05-08", "overlap": "true"},
     lambda c, e: e["date"] is not None and e["date"] <= "2025-05-08"
     and (e["date_end"] or e["date"]) >= "2025-05-07"),
    ({"dyad": "IND-PAK", "since": "2025-05-14"},
     lambda c, e: "IND-PAK" in e["dyads"] and e["date"] is not None
     and e["date"] >= "2025-05-14"),
    ({"on": "2025-05-07"}, lambda c, e: e["date"] == "2025-05-07"),
    ({"status": "contested"}, lambda c, e: "contested" in e["statuses"]),
    ({"disputed": "true"}, lambda c, e: bool(e["disputed"])),
    ({"disputed": "false"}, lambda c, e: not e["disputed"]),
    ({"factual": "true"}, lambda c, e: e["factual"]),
    ({"bbox": "73,32,76,35"},
     lambda c, e: e["lat"] is not None and 73 <= e["lon"] <= 76 and 32 <= e["lat"] <= 35),
    ({"cameo": "19"}, lambda c, e: any((m["cameo"]["code"] or "").startswith("19")
                                       for m in _detail(c, e["id"])["mentions"])),
    ({"country": "PAK", "role": "actor"},
     lambda c, e: any(a["country"] == "PAK" for m in _detail(c, e["id"])["mentions"]
                      for a in m["actor"])),
    ({"country": "IND", "sector": "MIL"},
     lambda c, e: any(a["country"] == "IND" and a["sector"] == "MIL"
                      for m in _detail(c, e["id"])["mentions"]
                      for a in m["actor"] + m["recipient"])),
    ({"source": "AFP"},  # "AFP" finds Agence France-Presse anywhere in a chain
     lambda c, e: any("Agence France-Presse" in m["source_chain"] or "AFP" in m["source_chain"]
                      for m in _detail(c, e["id"])["mentions"])),
    ({"source": "Lahore Ledger"}, lambda c, e: "Lahore Ledger" in e["publishers"]),
]


@pytest.mark.parametrize(("params", "holds"), FILTERS, ids=lambda x: str(x)[:40])
def test_each_filter_keeps_exactly_the_matching_events(client: TestClient, params: dict[str, Any],
                                                       holds: Any) -> None:
    everything = all_events(client)
    kept = all_events(client, **params)
    assert kept, f"{params} matched nothing in the sample corpus"
    assert len(kept) < len(everything), f"{params} filtered nothing out"
    kept_ids = {e["id"] for e in kept}
    for e in kept:
        assert holds(client, e), f"{e['id']} does not satisfy {params}"
    # and nothing that satisfies the filter was left out (checked where it is cheap)
    if "cameo" not in params and "country" not in params and "source" not in params:
        missed = [e["id"] for e in everything if holds(client, e) and e["id"] not in kept_ids]
        assert not missed, f"{params} left out {missed}"


def test_filters_combine(client: TestClient) -> None:
    rows = all_events(client, dyad="IND-PAK", type="ASSAULT", since="2025-05-01",
                      until="2025-05-12")
    assert rows
    assert all(e["plover_type"] == "ASSAULT" and "IND-PAK" in e["dyads"] for e in rows)


@pytest.mark.parametrize(("params", "message"), [
    ({"dyad": "IND"}, "not a dyad"),
    ({"status": "rumoured"}, "unknown status"),
    ({"quad": 5}, "quad class"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"cameo": "x19"}, "CAMEO"),
    ({"role": "both"}, "unknown role"),
    ({"sort": "size"}, "unknown sort"),
    ({"cursor": "not-a-cursor"}, "cursor"),
])
def test_bad_parameters_say_what_to_do(client: TestClient, params: dict[str, Any],
                                       message: str) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code in (400, 422)
    assert message in r.text


# --- events: sorting and pagination ----------------------------------------------------------

@pytest.mark.parametrize("sort", list(SORTS))
def test_cursor_pages_cover_every_event_once_in_order(client: TestClient, sort: str) -> None:
    whole = get(client, "/api/events", sort=sort, limit=1000, total="true")
    assert whole["next_cursor"] is None and whole["total"] == len(whole["events"])
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"sort": sort, "limit": 7}
        if cursor:
            params["cursor"] = cursor
        page = get(client, "/api/events", **params)
        seen += [e["id"] for e in page["events"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages > 3
    assert seen == [e["id"] for e in whole["events"]]
    assert len(set(seen)) == len(seen)


def test_sorts_order_what_they_say(client: TestClient) -> None:
    dates = [e["date"] for e in all_events(client, sort="date") if e["date"]]
    assert dates == sorted(dates)
    dead = [e["dead"] or -1 for e in all_events(client, sort="dead")]
    assert dead == sorted(dead, reverse=True)
    hostile = [e["intensity"] for e in all_events(client, sort="intensity")]
    assert hostile == sorted(hostile)


def test_a_cursor_of_another_sort_is_refused(client: TestClient) -> None:
    cur = get(client, "/api/events", limit=2, sort="date")["next_cursor"]
    r = client.get("/api/events", params={"limit": 2, "sort": "dead", "cursor": cur})
    assert r.status_code == 400 and "keep the same sort" in r.text


# --- one event, one article ------------------------------------------------------------------

def test_event_detail_has_every_report_with_highlighted_evidence(client: TestClient) -> None:
    top = max(all_events(client, dyad="IND-PAK"), key=lambda e: e["n_mentions"])
    ev = _detail(client, top["id"])
    assert len(ev["mentions"]) == top["n_mentions"] >= 2
    kinds = set()
    for m in ev["mentions"]:
        text = m["evidence"]["text"]
        assert m["article"]["id"] and m["source_chain"]
        for h in m["highlights"]:
            assert 0 <= h["start"] < h["end"] <= len(text)
            kinds.add(h["kind"])
        trig = [h for h in m["highlights"] if h["kind"] == "trigger"]
        if trig and m["evidence"]["trigger"]:
            assert text[trig[0]["start"]:trig[0]["end"]] == m["evidence"]["trigger"]
        spans = sorted((h["start"], h["end"]) for h in m["highlights"])
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert {"trigger", "actor"} <= kinds


def test_disputed_event_lists_who_says_what(client: TestClient) -> None:
    row = all_events(client, disputed="true")[0]
    ev = _detail(client, row["id"])
    assert ev["disagreements"]
    for d in ev["disagreements"]:
        assert d["field"] in row["disputed"]
        assert len(d["claims"]) >= 2 and all(c["sources"] for c in d["claims"])


def test_a_mention_id_leads_to_its_event(client: TestClient) -> None:
    ev = _detail(client, all_events(client)[0]["id"])
    mention = ev["mentions"][-1]["id"]
    r = client.get(f"/api/events/{mention}", follow_redirects=False)
    assert r.status_code == 307
    assert r.headers["location"].endswith(f"/api/events/{ev['id']}")
    assert client.get(f"/api/events/{mention}").json()["id"] == ev["id"]


def test_unknown_ids_are_404_with_a_hint(client: TestClient) -> None:
    r = client.get("/api/events/ev-nope")
    assert r.status_code == 404 and "/api/events" in r.json()["detail"]
    assert client.get("/api/articles/nope").status_code == 404


def test_article_has_its_text_and_mention_offsets(client: TestClient) -> None:
    ev = _detail(client, all_events(client, dyad="IND-PAK")[0]["id"])
    m = ev["mentions"][0]
    a = get(client, f"/api/articles/{m['article']['id']}")
    assert a["title"] == m["article"]["title"]
    mine = next(x for x in a["mentions"] if x["id"] == m["id"])
    assert a["text"][mine["start"]:mine["end"]] == m["evidence"]["text"]
    assert mine["event"] == ev["id"]


# --- dyads, series, alerts, timeline ---------------------------------------------------------

def test_dyads_rank_the_most_active_first_with_latest_index(client: TestClient) -> None:
    ds = get(client, "/api/dyads", limit=5)
    assert ds[0]["dyad"] == "IND-PAK"
    assert [d["events"] for d in ds] == sorted((d["events"] for d in ds), reverse=True)
    assert ds[0]["latest"]["date"] == ds[0]["last"]
    assert isinstance(ds[0]["latest"]["index"], float)


def test_series_shows_the_escalation_and_the_ceasefire(client: TestClient) -> None:
    s = get(client, "/api/dyads/IND-PAK/series", since="2025-04-01", until="2025-06-30")
    days = {p["start"]: p for p in s["periods"]}
    assert len(days) == 91  # every day, quiet ones as zeros
    april = sum(p["q3"] + p["q4"] for d, p in days.items() if d < "2025-04-20")
    crisis = sum(p["q4"] for d, p in days.items() if "2025-05-07" <= d <= "2025-05-12")
    truce = sum(p["q2"] for d, p in days.items() if "2025-05-14" <= d <= "2025-06-07")
    assert april == 0 and crisis >= 5 and truce >= 3
    kinds = [a["kind"] for a in s["alerts"]]
    assert "onset" in kinds and "de-escalation" in kinds
    onset = next(a for a in s["alerts"] if a["kind"] == "onset")
    assert "2025-04-21" <= onset["date"] <= "2025-05-12"


def test_sql_series_matches_the_python_series(client: TestClient, demo_db: Path) -> None:
    # the API aggregates in SQL (toll weights included); the CLI sums fused events in Python
    from flashpoint.analysis.series import from_fused, series
    from flashpoint.store.core import open_store
    from flashpoint.store.fused import fused_events

    since, until = dt.date(2025, 4, 1), dt.date(2025, 6, 30)
    api = get(client, "/api/dyads/IND-PAK/series", since=str(since), until=str(until))
    store = open_store(str(demo_db))
    try:
        py = series(from_fused(fused_events(store, dyad=("IND", "PAK"))), since=since,
                    until=until)
    finally:
        store.close()
    assert [round(p.hostility, 2) for p in py] == [p["hostility"] for p in api["periods"]]
    assert any(p.dead >= 10 for p in py)  # the weights are exercised


@pytest.mark.parametrize("interval", ["week", "month"])
def test_weekly_and_monthly_series_add_up_to_the_daily(client: TestClient, interval: str) -> None:
    rng = {"since": "2025-04-01", "until": "2025-06-30"}
    day = get(client, "/api/dyads/IND-PAK/series", interval="day", **rng)["periods"]
    other = get(client, "/api/dyads/IND-PAK/series", interval=interval, **rng)["periods"]
    assert sum(p["count"] for p in other) == sum(p["count"] for p in day) > 0
    assert len(other) < len(day)


def test_alerts_endpoint(client: TestClient) -> None:
    alerts = get(client, "/api/alerts")
    assert alerts and all(a["dyad"] and a["message"] for a in alerts)
    assert [a["date"] for a in alerts] == sorted((a["date"] for a in alerts), reverse=True)
    assert get(client, "/api/alerts", dyad="IRN-SAU") == []


def test_timeline_is_dated_and_cites_its_sentences(client: TestClient) -> None:
    tl = get(client, "/api/dyads/IND-PAK/timeline", since="2025-04-01", until="2025-06-30")
    dates = [d["date"] for d in tl]
    assert dates == sorted(dates) and dates[0] >= "2025-04-01"
    assert all(len(d["events"]) <= 3 for d in tl)
    assert all(e["sentence"] for d in tl for e in d["events"])
    types = {e["plover_type"] for d in tl for e in d["events"]}
    assert {"ASSAULT", "RETREAT"} <= types


# --- exports ---------------------------------------------------------------------------------

def test_csv_export_has_every_event_in_the_documented_columns(client: TestClient) -> None:
    total = get(client, "/api/events", dyad="IND-PAK", total="true")["total"]
    r = client.get("/api/events.csv", params={"dyad": "IND-PAK"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(rows[0]) == NAMES
    assert len(rows) == total
    assert all("IND" in (r["actor_country"] + r["recipient_country"]) or r["reciprocal"]
               for r in rows)


def test_jsonl_and_geojson_exports(client: TestClient) -> None:
    lines = client.get("/api/events.jsonl", params={"type": "ASSAULT"}).text.splitlines()
    recs = [json.loads(x) for x in lines]
    assert recs and all(r["event_type"] == "ASSAULT" for r in recs)
    gj = client.get("/api/events.geojson", params={"type": "ASSAULT"}).json()
    assert gj["type"] == "FeatureCollection" and gj["features"]
    for f in gj["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert (f["properties"]["longitude"], f["properties"]["latitude"]) == (lon, lat)
    assert len(gj["features"]) == sum(1 for r in recs if r["latitude"] is not None)


def test_parquet_export_is_a_parquet_file(client: TestClient) -> None:
    r = client.get("/api/events.parquet", params={"dyad": "IND-PAK"})
    data = r.content
    assert data[:4] == b"PAR1" and data[-4:] == b"PAR1"
    (footer,) = struct.unpack("<i", data[-8:-4])
    assert 0 < footer < len(data) - 12
    for name in ("event_id", "cameo_code", "fatalities"):
        assert name.encode() in data[-8 - footer:-8]
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow not installed: footer checked "
                             "by hand only")
    table = pq.read_table(io.BytesIO(data))
    total = get(client, "/api/events", dyad="IND-PAK", total="true")["total"]
    assert table.num_rows == total and tuple(table.column_names) == NAMES


def test_unknown_export_format_is_404(client: TestClient) -> None:
    r = client.get("/api/events.xlsx")
    assert r.status_code == 404 and "csv" in r.text


def test_the_column_mapping_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "readme" / "web.md").read_text()
    assert mapping_table() in doc, "docs/readme/web.md's column table is out of date"


# --- docs, dashboard, safety -----------------------------------------------------------------

def test_openapi_docs_are_served_locally(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
            "/api/dyads", "/api/dyads/{pair}/series", "/api/alerts",
            "/api/events.{fmt}"} <= set(spec["paths"])


def test_dashboard_loads_only_local_assets(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert "http://" not in html and "https://" not in html
    assert "<script>" not in html  # no inline script: the CSP forbids it
    assert "script-src 'self'" in r.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/style.css",
                  "/static/vendor/chartjs/chart.umd.min.js",
                  "/static/vendor/topojson-client/topojson-client.min.js",
                  "/static/vendor/world-atlas/countries-50m.json"):
        assert client.get(asset).status_code == 200, asset


def test_vendored_assets_keep_their_licences() -> None:
    vendor = Path(__file__).resolve().parents[1] / "src/flashpoint/web/static/vendor"
    for folder in ("chartjs", "topojson-client", "world-atlas", "swagger-ui"):
        assert any(p.name.startswith("LICENSE") for p in (vendor / folder).iterdir()), folder


def test_the_server_cannot_write(client: TestClient) -> None:
    from flashpoint.models import Article

    store = client.app.state.store  # type: ignore[attr-defined]
    with pytest.raises(StoreError):
        store.add_batch([Article(id="x" * 64, text="Troops shelled a post.")], [])


def test_a_missing_database_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="flashpoint demo"):
        open_read_only(str(tmp_path / "none.db"))
    assert not (tmp_path / "none.db").exists()


# --- the command -----------------------------------------------------------------------------

def test_serve_command_defaults_to_loopback(demo_db: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    import uvicorn

    from flashpoint.cli import cli

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    r = CliRunner().invoke(cli, ["serve", "--db", str(demo_db), "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert calls == [{"host": "127.0.0.1", "port": 8123, "log_level": "warning"}]
    r = CliRunner().invoke(cli, ["serve", "--db", str(demo_db), "--host", "0.0.0.0"])
    assert "warning: listening on 0.0.0.0" in r.output


def test_serve_command_on_a_missing_database(tmp_path: Path) -> None:
    from flashpoint.cli import cli

    r = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 1
    assert "Error: no database at" in r.output and "flashpoint demo" in r.output


def test_dates_in_filters_are_iso(client: TestClient) -> None:
    r = client.get("/api/events", params={"since": "07/05/2025"})
    assert r.status_code == 422
    assert dt.date.fromisoformat(all_events(client)[0]["date"])
