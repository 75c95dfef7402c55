"""The app factory: ``create_app(db_url)`` returns the FastAPI application that serves the JSON
API under ``/api``, the dashboard at ``/``, its static files under ``/static`` and the OpenAPI
documentation at ``/docs`` (Swagger UI from the vendored copy: nothing comes from a CDN)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import ConfigError, FlashpointError, StoreError
from ..store import Store, open_store
from .api import router

STATIC = Path(__file__).resolve().parent / "static"

# Responses may not be framed, sniffed or given scripts from anywhere but this server; the
# dashboard needs no inline script, and article text is only ever inserted as text.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# Swagger UI starts itself with an inline script, which this page's own policy allows.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'")


def _sqlite_path(url: str) -> Path | None:
    if "://" in url and not url.startswith("sqlite:"):
        return None
    path = url.split(":///", 1)[1] if url.startswith("sqlite:") else url
    if path == ":memory:":
        return None
    return Path(path).expanduser()


def open_read_only(db_url: str | None) -> Store:
    """Open an existing database for reading only: a missing SQLite file is an error (not a
    new empty database), and the connection refuses writes (``PRAGMA query_only`` on SQLite,
    read-only transactions on PostgreSQL)."""
    url = db_url or os.environ.get("FLASHPOINT_DB") or "./flashpoint.db"
    path = _sqlite_path(url)
    if path is not None and not path.is_file():
        raise StoreError(f"no database at {path}; create one with `flashpoint demo --db "
                         f"{path}` or `flashpoint ingest --db {path} PATH...`, or pass --db")
    store = open_store(url)
    conn: Any = store._conn
    with store._lock:
        if store.dialect == "sqlite":
            conn.execute("PRAGMA query_only = ON")
        else:
            conn.execute("SET default_transaction_read_only = on")
    return store


def create_app(db_url: str | None = None, *, store: Store | None = None) -> FastAPI:
    """The flashpoint web application on the database ``db_url`` (SQLite path or
    ``postgresql://`` URL; default ``$FLASHPOINT_DB`` or ``./flashpoint.db``), read-only.
    ``store``: serve an already open store instead (it is not closed on shutdown)."""
    owned = store is None
    the_store = store if store is not None else open_read_only(db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            the_store.close()

    app = FastAPI(
        title="flashpoint", version=__version__, lifespan=lifespan,
        docs_url=None, redoc_url=None,
        description=(
            "Coded political events (PLOVER/CAMEO) from your own news archive: fused events "
            "with every report behind them, dyad series, escalation alerts and exports. "
            "Read-only. The dashboard is at /."),
    )
    app.state.store = the_store
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(ConfigError)
    async def bad_request(request: Request, exc: ConfigError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(FlashpointError)
    async def failed(request: Request, exc: FlashpointError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        is_docs = request.url.path == "/docs"
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, DOCS_CSP if is_docs and
                                        k == "Content-Security-Policy" else v)
        return response

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="flashpoint API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg")

    return app
