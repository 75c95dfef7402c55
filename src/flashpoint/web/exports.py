"""Exports of an event query: CSV, JSON Lines, Parquet and GeoJSON, with one column mapping.

:data:`COLUMNS` is the single source of the export columns, their types and the GDELT 2.0 /
PLOVER (POLECAT) field each corresponds to; ``docs/readme/web.md`` prints the same table.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .parquet import write_parquet

FORMATS = ("csv", "jsonl", "parquet", "geojson")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
    "geojson": "application/geo+json",
}


def _joined(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda r: ";".join(str(x) for x in r[key]) or None


def _cameo_root(r: dict[str, Any]) -> Any:
    return r["cameo_code"][:2] if r["cameo_code"] else None


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # string | int64 | double | bool (the Parquet type)
    value: Callable[[dict[str, Any]], Any]
    gdelt: str  # the GDELT 2.0 Events field ("" when GDELT has none)
    plover: str  # the PLOVER / POLECAT field ("" when none)
    meaning: str


def _key(name: str) -> Callable[[dict[str, Any]], Any]:
    return lambda r: r[name]


COLUMNS: tuple[Column, ...] = (
    Column("event_id", "string", _key("id"), "GLOBALEVENTID", "event_id",
           "fused event id (derived from its first report)"),
    Column("event_date", "string", _key("date"), "SQLDATE (as YYYY-MM-DD)", "event_date",
           "first day of the event (ISO 8601)"),
    Column("event_date_end", "string", _key("date_end"), "", "",
           "last day of the event, for spans such as a ceasefire"),
    Column("event_type", "string", _key("plover_type"), "", "event_type",
           "PLOVER event type (ASSAULT, RETREAT, ...)"),
    Column("mode", "string", _key("plover_mode"), "", "mode", "PLOVER mode"),
    Column("cameo_code", "string", _key("cameo_code"), "EventCode", "",
           "CAMEO code of the first report of that type"),
    Column("cameo_root", "string", _cameo_root, "EventRootCode", "", "CAMEO root (2 digits)"),
    Column("quad_class", "int64", _key("quad_class"), "QuadClass", "",
           "1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict"),
    Column("intensity", "double", _key("intensity"), "", "intensity",
           "PLOVER intensity, -10 most hostile to +10 most cooperative"),
    Column("goldstein", "double", _key("goldstein"), "GoldsteinScale", "",
           "Goldstein value of the CAMEO code"),
    Column("actor_country", "string", _joined("actor"), "Actor1CountryCode (ISO3, not FIPS)",
           "actor_country", "ISO3 codes of the actor side, ';'-separated"),
    Column("actor_name", "string", _key("actor_text"), "Actor1Name", "actor_name",
           "actor as written in the first report naming one"),
    Column("recipient_country", "string", _joined("recipient"),
           "Actor2CountryCode (ISO3, not FIPS)", "recipient_country",
           "ISO3 codes of the recipient side, ';'-separated"),
    Column("recipient_name", "string", _key("recipient_text"), "Actor2Name", "recipient_name",
           "recipient as written"),
    Column("reciprocal", "bool", _key("reciprocal"), "", "",
           "both sides act (a ceasefire, talks)"),
    Column("place_name", "string", _key("place"), "ActionGeo_FullName", "location",
           "GeoNames name of the place"),
    Column("admin1", "string", _key("admin1"), "ActionGeo_ADM1Code (name, not code)", "admin1",
           "first-level region"),
    Column("country", "string", _key("place_country"), "ActionGeo_CountryCode (ISO3)",
           "country", "country of the place"),
    Column("geonameid", "int64", _key("geonameid"), "ActionGeo_FeatureID", "geonameid",
           "GeoNames id"),
    Column("latitude", "double", _key("lat"), "ActionGeo_Lat", "latitude", "WGS 84"),
    Column("longitude", "double", _key("lon"), "ActionGeo_Long", "longitude", "WGS 84"),
    Column("fatalities", "int64", _key("dead"), "", "fatalities (ACLED)",
           "highest death toll any report gives"),
    Column("injured", "int64", _key("injured"), "", "injured", "highest injured count"),
    Column("num_mentions", "int64", _key("n_mentions"), "NumMentions", "",
           "reports (mentions) fused into the event"),
    Column("num_sources", "int64", _key("n_sources"), "NumSources", "",
           "distinct original sources (chain ends)"),
    Column("num_articles", "int64", lambda r: len(r["articles"]), "NumArticles", "",
           "distinct articles"),
    Column("status", "string", _key("status"), "", "",
           "contested, denied, asserted, reported, ... (see the API docs)"),
    Column("disputed", "string", _joined("disputed"), "", "",
           "fields the reports disagree on (date;dead;place;actor;type)"),
    Column("publishers", "string", _joined("publishers"), "", "source",
           "publishers of the reports, ';'-separated"),
    Column("first_report", "string", _key("first_report"), "DATEADDED (as YYYY-MM-DD)",
           "report_date", "earliest publication date"),
    Column("last_report", "string", _key("last_report"), "", "", "latest publication date"),
    Column("article_ids", "string", _joined("articles"), "SOURCEURL (ids; see /api/articles)",
           "story_id", "ids of the articles behind the event"),
)
NAMES = tuple(c.name for c in COLUMNS)


def export_row(r: dict[str, Any]) -> dict[str, Any]:
    """A flat event row (``queries.flat``) in export columns."""
    return {c.name: c.value(r) for c in COLUMNS}


def csv_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(NAMES), lineterminator="\n")
    w.writeheader()
    for i, r in enumerate(rows, 1):
        w.writerow(export_row(r))
        if i % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def jsonl_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for r in rows:
        yield json.dumps(export_row(r), ensure_ascii=False) + "\n"


def geojson_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A FeatureCollection of the events that have coordinates (Point, [lon, lat])."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for r in rows:
        if r["lat"] is None or r["lon"] is None:
            continue
        feat = {"type": "Feature", "id": r["id"],
                "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                "properties": export_row(r)}
        yield ("" if first else ",\n") + json.dumps(feat, ensure_ascii=False)
        first = False
    yield "]}\n"


def parquet_bytes(rows: Iterable[dict[str, Any]]) -> bytes:
    table = [[c.value(r) for c in COLUMNS] for r in rows]
    return write_parquet([(c.name, c.kind) for c in COLUMNS], table)


def mapping_table() -> str:
    """The column mapping as a Markdown table (pasted into docs/readme/web.md)."""
    lines = ["| column | type | GDELT 2.0 | PLOVER / POLECAT | meaning |",
             "|---|---|---|---|---|"]
    for c in COLUMNS:
        lines.append(f"| `{c.name}` | {c.kind} | {c.gdelt or '–'} | {c.plover or '–'} | "
                     f"{c.meaning} |")
    return "\n".join(lines)
