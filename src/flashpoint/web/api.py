"""The JSON API (``/api/...``): thin handlers over :mod:`.queries`, :mod:`.views` and
:mod:`.exports`. Every response is JSON except the exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import RedirectResponse, Response, StreamingResponse

from ..errors import ConfigError
from ..store import Store
from . import exports, views
from . import queries as q

router = APIRouter(prefix="/api")

DyadQ = Annotated[str | None, Query(description="Two countries, either order: IND-PAK.",
                                    examples=["IND-PAK"])]
SinceQ = Annotated[dt.date | None, Query(description="Events that start on or after this date "
                                                   "(with overlap=true: end on or after).")]
UntilQ = Annotated[dt.date | None, Query(description="Events that start on or before this date.")]


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None:
        return None
    try:
        w, s, e, n = (float(x) for x in text.split(","))
    except ValueError:
        raise ConfigError(f"bbox is west,south,east,north in degrees (e.g. 73,32,76,35), "
                          f"not {text!r}") from None
    return w, s, e, n


def event_filter(
    dyad: DyadQ = None,
    country: Annotated[str | None, Query(
        description="ISO3 country of an actor or recipient in some report.")] = None,
    sector: Annotated[str | None, Query(
        description="That actor's sector: GOV, MIL, REB, CVL, COP, ...")] = None,
    role: Annotated[str, Query(description="Where country/sector must appear: any, actor "
                                           "or recipient.")] = "any",
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT.")] = None,
    mode: Annotated[str | None, Query(description="PLOVER mode, e.g. heavy-weapons.")] = None,
    cameo: Annotated[str | None, Query(
        description="CAMEO code or prefix of some report: 19 matches 190-196.")] = None,
    quad: Annotated[int | None, Query(
        description="Quad class: 1 verbal coop., 2 material coop., 3 verbal conflict, "
                    "4 material conflict.")] = None,
    since: SinceQ = None,
    until: UntilQ = None,
    overlap: Annotated[bool, Query(
        description="since/until keep the events whose interval overlaps the range, so an "
                    "event that began earlier and still runs is kept (slower on big "
                    "databases).")] = False,
    on: Annotated[dt.date | None, Query(
        description="The event starts on this day (as the daily series counts it).")] = None,
    bbox: Annotated[str | None, Query(
        description="west,south,east,north in degrees: the event's place is inside.")] = None,
    status: Annotated[str | None, Query(
        description="Some report has this status: " + ", ".join(q.STATUSES))] = None,
    source: Annotated[str | None, Query(
        description="A news organisation anywhere in some report's chain, publisher "
                    "included (AFP also finds Agence France-Presse).")] = None,
    disputed: Annotated[bool | None, Query(
        description="true: the reports disagree on date, toll, place, actor or type; "
                    "false: they do not.")] = None,
    factual: Annotated[bool | None, Query(
        description="true: leave out events reported only as negated, hypothetical or "
                    "future.")] = None,
) -> q.EventFilter:
    return q.EventFilter(
        dyad=views.parse_dyad(dyad) if dyad else None, country=country, sector=sector,
        role=role, plover_type=type, plover_mode=mode, cameo=cameo, quad_class=quad,
        since=since, until=until, overlap=overlap, on=on, bbox=_bbox(bbox), status=status,
        source=source, disputed=disputed, factual=factual)


SortQ = Annotated[str, Query(description="One of: " + ", ".join(q.SORTS))]


@router.get("/meta", summary="Database summary: counts, date range, sorts, statuses, formats")
def meta(request: Request) -> dict[str, Any]:
    store = _store(request)
    lo, hi = q.event_range(store)
    return {"counts": {**store.counts(), "events": q.event_count(store)},
            "first": lo, "last": hi, "dialect": store.dialect,
            "sorts": list(q.SORTS), "statuses": list(q.STATUSES),
            "formats": list(exports.FORMATS)}


FilterDep = Annotated[q.EventFilter, Depends(event_filter)]


@router.get("/events", summary="Events matching every filter given, one page at a time")
def events(request: Request, f: FilterDep, sort: SortQ = "date",
           limit: Annotated[int, Query(ge=1, le=q.MAX_PAGE,
                                       description="Events per page.")] = 100,
           cursor: Annotated[str | None, Query(
               description="next_cursor of the previous page.")] = None,
           total: Annotated[bool, Query(description="Also count all matches.")] = False,
           ) -> dict[str, Any]:
    """Fused events (one per real-world event, with all its reports), as flat rows. There is
    no cap on the total: follow ``next_cursor`` until it is null."""
    return events_page(_store(request), f, sort, limit, cursor, total)


@router.get("/events.{fmt}", summary="Export every event of a query: csv, jsonl, parquet, "
                                     "geojson")
def export(request: Request, f: FilterDep,
           fmt: Annotated[str, Path(description="csv, jsonl, parquet or geojson")],
           sort: SortQ = "date") -> Response:
    """All matching events (no cap), in the export columns documented in docs/readme/web.md
    (GDELT and PLOVER names side by side). GeoJSON holds the events that have coordinates."""
    return export_response(_store(request), f, sort, fmt)


def events_page(store: Store, f: q.EventFilter, sort: str, limit: int, cursor: str | None,
                total: bool) -> dict[str, Any]:
    page = q.event_page(store, f, sort=sort, limit=limit, cursor=cursor)
    out: dict[str, Any] = {"events": page.rows, "next_cursor": page.next_cursor,
                           "filters": f.to_params(), "sort": sort}
    if total:
        out["total"] = q.count_events(store, f)
    return out


def all_rows(store: Store, f: q.EventFilter, sort: str) -> Iterator[dict[str, Any]]:
    """Every matching event, page by page (no cap)."""
    cursor: str | None = None
    while True:
        page = q.event_page(store, f, sort=sort, limit=q.MAX_PAGE, cursor=cursor)
        yield from page.rows
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def export_response(store: Store, f: q.EventFilter, sort: str, fmt: str) -> Response:
    if fmt not in exports.FORMATS:
        raise HTTPException(404, f"no export format {fmt!r}; use one of "
                                 f"{', '.join(exports.FORMATS)}")
    name = "flashpoint-events" + (f"-{f.dyad[0]}-{f.dyad[1]}" if f.dyad else "")
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    rows = all_rows(store, f, sort)
    if fmt == "parquet":
        return Response(exports.parquet_bytes(rows), media_type=exports.MEDIA_TYPES[fmt],
                        headers=headers)
    chunks = {"csv": exports.csv_chunks, "jsonl": exports.jsonl_chunks,
              "geojson": exports.geojson_chunks}[fmt](rows)
    return StreamingResponse(chunks, media_type=exports.MEDIA_TYPES[fmt], headers=headers)


@router.get("/events/{event_id}", summary="One event with all its reports")
def event(request: Request, event_id: str) -> Any:
    """The event, every report (mention) behind it with its evidence sentence, the highlight
    spans (trigger, actors, recipients, speaker, time, place; offsets into the sentence) and
    its source chain, the sources and the disagreement table. A mention id redirects to the
    event it was fused into."""
    store = _store(request)
    detail = views.event_detail(store, event_id)
    if detail is not None:
        return detail
    target = views.resolve_event_id(store, event_id)
    if target is not None and target != event_id:
        return RedirectResponse(request.url_for("event", event_id=target), status_code=307)
    raise HTTPException(404, f"no event {event_id!r}; list events with /api/events (a mention "
                             "that is not fused yet appears after `flashpoint fuse`)")


@router.get("/articles/{article_id}", summary="One article with its text and mentions")
def article(request: Request, article_id: str) -> dict[str, Any]:
    """The stored article (its text is untrusted input: render it as text), with every
    mention's offsets into it and the event each was fused into."""
    view = views.article_view(_store(request), article_id)
    if view is None:
        raise HTTPException(404, f"no article {article_id!r}; article ids are in each "
                                 "event's `articles` list")
    return view


@router.get("/dyads", summary="The most active dyads with their latest escalation index")
def dyads(request: Request,
          limit: Annotated[int, Query(ge=1, le=500)] = 20) -> list[dict[str, Any]]:
    return views.dyad_ranking(_store(request), limit)


@router.get("/dyads/{pair}/series", summary="A dyad's series with escalation index and alerts")
def dyad_series(request: Request,
                pair: Annotated[str, Path(description="IND-PAK")],
                interval: Annotated[str, Query(description="day, week or month")] = "day",
                intensity: Annotated[str, Query(description="plover or goldstein")] = "plover",
                since: SinceQ = None, until: UntilQ = None) -> dict[str, Any]:
    """Fused factual events per period by quad class (q1..q4), summed intensity, hostility
    (the index's input), dead, and the escalation index against the trailing baseline;
    with the onset and de-escalation alerts."""
    return views.dyad_series(_store(request), views.parse_dyad(pair), interval=interval,
                             intensity=intensity, since=since, until=until)


@router.get("/dyads/{pair}/timeline", summary="A dyad's dated narrative timeline")
def dyad_timeline(request: Request, pair: Annotated[str, Path(description="IND-PAK")],
                  since: SinceQ = None, until: UntilQ = None,
                  per_day: Annotated[int, Query(ge=1, le=50)] = 3) -> list[dict[str, Any]]:
    return views.timeline(_store(request), views.parse_dyad(pair), since=since, until=until,
                          per_day=per_day)


@router.get("/alerts", summary="Escalation onsets and de-escalations, newest first")
def alerts(request: Request, dyad: DyadQ = None,
           interval: Annotated[str, Query(description="day, week or month")] = "day",
           since: SinceQ = None, until: UntilQ = None,
           limit: Annotated[int, Query(ge=1, le=200,
                                       description="Dyads watched without dyad=.")] = 20,
           ) -> list[dict[str, Any]]:
    return views.all_alerts(_store(request), views.parse_dyad(dyad) if dyad else None,
                            interval=interval, since=since, until=until, limit=limit)
