"""The dashboard in a real headless Chromium (Debian's ``chromium``, driven by Playwright for
Python), against a server on a free loopback port. Writes screenshots of the main views to
$FLASHPOINT_SCREENSHOTS (default: a temporary folder). Skips with a message when
/usr/bin/chromium or Playwright is missing (``.ci/install-browser`` installs the browser)."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
# Screenshots go to a temporary folder; `make screenshots` (FLASHPOINT_SCREENSHOTS=docs/screenshots)
# refreshes the committed ones that the README shows.
SHOTS = Path(os.environ.get("FLASHPOINT_SCREENSHOTS")
             or Path(tempfile.gettempdir()) / "flashpoint-screenshots")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (.ci/install-browser) to run "
                "the browser tests", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright (Python) is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

XSS_ARTICLE = """Title: Shelling near Poonch <img src=x onerror="window.__pwned=2">
Published: 2025-05-08
URL: javascript:window.__pwned=3
Outlet: Evil <b>Wire</b>

Pakistani troops shelled Indian army posts near Poonch on May 7 \
<script>window.__pwned=1</script> and killed three soldiers, the Indian army said.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Server:
    """uvicorn in a background thread on a free loopback port."""

    def __init__(self, db: Path) -> None:
        from flashpoint.web import create_app

        self.port = _free_port()
        config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> _Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


class _Browser:
    """New pages with the Content Security Policy bypassed: Playwright's waits evaluate
    strings, which the policy forbids, and the escaping must hold without the policy too."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser

    def new_page(self, **kw: Any) -> Any:
        return self.browser.new_context(bypass_csp=True, **kw).new_page()


@pytest.fixture(scope="module")
def browser() -> Iterator[_Browser]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield _Browser(b)
        b.close()


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[_Server]:
    with _Server(demo_db) as s:
        yield s


class _Watch:
    """Console errors, page errors and any request that leaves the server."""

    def __init__(self, page: Any, base: str) -> None:
        self.errors: list[str] = []
        self.external: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith((base, "data:"))
                else self.external.append(r.url))

    def check(self) -> None:
        assert not self.errors, self.errors
        assert not self.external, f"requests outside the server: {self.external}"


def _shot(page: Any, name: str, full: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=full)


def _wait_dashboard(page: Any) -> None:
    page.wait_for_function("document.querySelector('#chart')?.dataset.days > 0")
    page.wait_for_selector("#map svg circle.pt")
    page.wait_for_selector("#events tbody tr")
    page.wait_for_selector("#timeline li")


def test_dashboard_chart_map_day_event(browser: Any, server: _Server) -> None:
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    watch = _Watch(page, server.url)
    page.goto(server.url + "/")
    _wait_dashboard(page)

    # pick another dyad, then the sample corpus's one, and narrow the range
    options = page.eval_on_selector_all("#dyad option", "os => os.map(o => o.value)")
    assert options[0] == "IND-PAK" and len(options) > 1
    page.select_option("#dyad", options[1])
    page.wait_for_url(f"**dyad={options[1]}**")
    page.select_option("#dyad", "IND-PAK")
    page.wait_for_url("**dyad=IND-PAK**")
    page.fill("#since", "2025-04-15")
    page.dispatch_event("#since", "change")
    page.wait_for_url("**since=2025-04-15**")
    page.fill("#until", "2025-06-15")
    page.dispatch_event("#until", "change")
    page.wait_for_url("**until=2025-06-15**")
    page.wait_for_function("""() => { const c = Chart.getChart('chart');
        return !!c && c.data.labels[0] === '2025-04-15'
            && c.data.labels[c.data.labels.length - 1] === '2025-06-15'; }""")

    # the chart: stacked quad classes, the intensity line, alert markers
    chart = page.evaluate("""() => { const c = Chart.getChart('chart');
        return {labels: c.data.labels, sets: c.data.datasets.map(d => d.label),
                counts: c.data.datasets.slice(0, 4).map(d => d.data.reduce((a, b) => a + b, 0)),
                alerts: c.data.datasets[5].data.filter(x => x !== null).length,
                width: c.width}; }""")
    assert len(chart["labels"]) == 62 and chart["labels"][-1] == "2025-06-15"
    assert chart["sets"][:4] == ["verbal cooperation", "material cooperation",
                                 "verbal conflict", "material conflict"]
    assert chart["counts"][3] > 10 and chart["counts"][1] >= 3  # the war, then the truce
    assert chart["alerts"] >= 1 and chart["width"] > 300

    # the map: Natural Earth countries and the events, sized by fatalities (rendered
    # asynchronously: wait for it rather than racing it)
    page.wait_for_function("document.querySelectorAll('#map svg path.land').length > 10")
    page.wait_for_function("document.querySelectorAll('#map circle.pt').length >= 5")
    page.wait_for_selector(".tl-date")
    assert page.locator("#map svg path.land").count() > 10
    radii = page.eval_on_selector_all("#map circle.pt", "cs => cs.map(c => +c.getAttribute('r'))")
    assert len(radii) >= 5 and max(radii) > min(radii)
    timeline_days = page.eval_on_selector_all(".tl-date", "ds => ds.map(d => d.textContent)")
    assert timeline_days == sorted(timeline_days) and timeline_days[0] >= "2025-04-15"
    page.evaluate("document.activeElement.blur()")
    _shot(page, "dashboard.png", full=True)

    # click the day of the heaviest shelling on the chart
    xy = page.evaluate("""() => { const c = Chart.getChart('chart');
        const i = c.data.labels.indexOf('2025-05-07');
        const r = c.canvas.getBoundingClientRect();
        return [r.left + c.scales.x.getPixelForValue(i),
                r.top + c.scales.y.getPixelForValue(1)]; }""")
    page.mouse.click(xy[0], xy[1])
    page.wait_for_url("**day=2025-05-07**")
    page.wait_for_selector("#day-chip:has-text('2025-05-07')")
    page.wait_for_selector("#table-title:has-text('on 2025-05-07')")
    page.wait_for_function("""() => { const ts = [...document.querySelectorAll(
        '#events tbody tr td:first-child')]; return ts.length >= 2 &&
        ts.every(t => t.textContent.startsWith('2025-05-07')); }""")
    page.wait_for_selector("#timeline li.sel .tl-date")
    dates = page.eval_on_selector_all("#events tbody tr td:first-child",
                                      "ts => ts.map(t => t.textContent)")
    assert len(dates) >= 2 and all(d.startswith("2025-05-07") for d in dates)
    assert page.locator("#timeline li.sel .tl-date").inner_text() == "2025-05-07"
    day_url = page.url
    _shot(page, "day.png")

    # the URL is the state: a fresh page on it shows the same day
    other = browser.new_page(viewport={"width": 1200, "height": 900})
    other.goto(day_url)
    other.wait_for_selector("#day-chip .chip")
    assert "2025-05-07" in other.inner_text("#day-chip")
    other.close()

    # sort that day's events by sources, then open the best-sourced one: every report's
    # evidence sentence with its highlights
    page.click("th[data-sort=sources]")
    page.wait_for_url("**sort=sources**")
    page.wait_for_function("""() => { const n = [...document.querySelectorAll(
        '#events tbody tr td:last-child')].map(t => parseInt(t.textContent));
        return n.length > 1 && n.every((x, i) => i === 0 || n[i - 1] >= x); }""")
    page.locator("#events tbody tr a.evlink").first.click()
    page.wait_for_url("**event=**")
    page.wait_for_selector(".report .evidence mark.hl-trigger")
    assert page.locator(".report").count() >= 2
    kinds = set(page.eval_on_selector_all(".report mark", "ms => ms.map(m => m.className)"))
    assert {"hl-trigger", "hl-actor"} <= kinds
    assert "source chain:" in page.inner_text(".report .rep-meta")
    _shot(page, "event.png", full=True)

    # a disputed event shows its disagreement table
    page.goto(server.url + "/?dyad=IND-PAK&disputed=true")
    page.wait_for_selector("#events tbody tr .badge.disputed")
    page.locator("#events tbody tr a.evlink").first.click()
    page.wait_for_selector("table.disagree tbody tr")
    assert page.locator("table.disagree tbody tr").count() >= 2

    # and the article behind a report, with its coded sentences marked
    page.locator(".report a.artlink").first.click()
    page.wait_for_url("**article=**")
    page.wait_for_selector(".article-text mark.hl-evidence")
    _shot(page, "article.png", full=True)

    page.go_back()
    page.wait_for_selector("table.disagree")
    watch.check()
    page.close()


def test_api_docs_render_offline(browser: Any, server: _Server) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watch = _Watch(page, server.url)
    page.goto(server.url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
    assert page.locator(".swagger-ui .opblock").count() >= 8
    _shot(page, "docs.png")
    watch.external = [u for u in watch.external if "validator" not in u]
    watch.check()
    page.close()


@pytest.fixture(scope="module")
def xss_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from flashpoint.runner import ingest
    from flashpoint.store import open_store

    folder = tmp_path_factory.mktemp("xss")
    (folder / "evil.txt").write_text(XSS_ARTICLE)
    db = folder / "xss.db"
    with open_store(str(db)) as store:
        assert ingest(store, [str(folder)]).stored == 1
    return db


def test_an_article_with_script_renders_inert(browser: Any, xss_db: Path) -> None:
    with _Server(xss_db) as srv:
        page = browser.new_page()
        watch = _Watch(page, srv.url)
        page.goto(srv.url + "/?dyad=IND-PAK")
        page.wait_for_selector("#events tbody tr a.evlink")
        page.locator("#events tbody tr a.evlink").first.click()
        page.wait_for_selector(".report .evidence")
        evidence = page.inner_text(".report .evidence")
        assert "<script>window.__pwned=1</script>" in evidence  # shown as text
        title = page.inner_text(".report a.artlink")
        assert '<img src=x onerror="window.__pwned=2">' in title
        assert page.locator(".report script, .report img").count() == 0
        # the javascript: URL is not turned into a link
        assert page.locator("a[href^='javascript']").count() == 0
        page.locator(".report a.artlink").first.click()
        page.wait_for_selector(".article-text")
        assert "<script>" in page.inner_text(".article-text")
        assert page.locator("#detail script, #detail img, #detail b").count() == 0
        assert page.evaluate("window.__pwned") is None
        watch.check()
        page.close()
