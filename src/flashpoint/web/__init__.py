"""The analyst's desk: the HTTP API and the web dashboard (``flashpoint serve``).

``create_app(db_url)`` builds the FastAPI application; the dashboard's assets, vendored
JavaScript libraries and the Natural Earth base map are in ``static/`` (nothing is fetched at
run time)."""

from .app import create_app, open_read_only

__all__ = ["create_app", "open_read_only"]
