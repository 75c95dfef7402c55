/* flashpoint dashboard. Plain JavaScript, no build step. All state lives in the query string
   (shareable URLs); all data comes from /api. Text from the database (article text, evidence,
   names) is untrusted: it is only ever inserted with textContent / text nodes, never as HTML. */
"use strict";

const QUAD = {
  1: { name: "verbal cooperation", color: "#86c5da" },
  2: { name: "material cooperation", color: "#2b7a9e" },
  3: { name: "verbal conflict", color: "#f2a541" },
  4: { name: "material conflict", color: "#c0392b" },
};
const STATE_KEYS = ["dyad", "since", "until", "day", "event", "article", "type", "quad",
  "status", "country", "source", "cameo", "disputed", "sort"];
const FILTER_KEYS = ["type", "quad", "status", "country", "source", "cameo", "disputed"];

let chart = null;
let world = null;
let nextCursor = null;
let meta = null;

/* ---- tiny DOM helper: strings become text nodes, never markup ---- */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
const $ = (sel) => document.querySelector(sel);
const svgNS = "http://www.w3.org/2000/svg";
function s(tag, attrs, ...children) {
  const el = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/* ---- state in the URL ---- */
function state() {
  const p = new URLSearchParams(location.search);
  const out = {};
  for (const k of STATE_KEYS) if (p.get(k)) out[k] = p.get(k);
  return out;
}
function setState(changes, push = true) {
  const st = Object.assign(state(), changes);
  const p = new URLSearchParams();
  for (const k of STATE_KEYS) if (st[k]) p.set(k, st[k]);
  const url = location.pathname + (p.toString() ? "?" + p.toString() : "");
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  render();
}
function link(changes, label, attrs = {}) {
  const st = Object.assign(state(), changes);
  const p = new URLSearchParams();
  for (const k of STATE_KEYS) if (st[k]) p.set(k, st[k]);
  return h("a", Object.assign({ href: "?" + p.toString(), onclick: (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.button !== 0) return;
    ev.preventDefault(); setState(changes);
  } }, attrs), label);
}

async function api(path, params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  const r = await fetch(path + (p.toString() ? "?" + p : ""));
  if (!r.ok) {
    let msg = r.statusText;
    try { msg = (await r.json()).detail || msg; } catch (e) { /* not JSON */ }
    throw new Error(msg);
  }
  return r.json();
}

function addDays(iso, n) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function fmtNum(x) { return x === null || x === undefined ? "" : String(x); }
function actorsLabel(e) {
  const a = e.actor.length ? e.actor.join("+") : "?";
  const r = e.recipient.length ? e.recipient.join("+") : "?";
  return e.reciprocal && !e.recipient.length ? a + " ↔" : a + " → " + r;
}
function typeLabel(e) { return e.plover_type + (e.plover_mode ? " / " + e.plover_mode : ""); }
function badge(status) { return h("span", { class: "badge st-" + status }, status); }
function quadDot(q) { return h("span", { class: "dot", style: "background:" + QUAD[q].color, title: QUAD[q].name }); }

/* ---- boot ---- */
async function boot() {
  meta = await api("/api/meta");
  $("#dbinfo").textContent = meta.counts.events + " events · " + meta.counts.articles + " articles";
  const stSel = document.querySelector("#filters select[name=status]");
  for (const st of meta.statuses) stSel.append(h("option", { value: st }, st));
  const dyads = await api("/api/dyads", { limit: 30 });
  const sel = $("#dyad");
  for (const d of dyads) sel.append(h("option", { value: d.dyad }, d.dyad + " (" + d.events + ")"));
  sel.addEventListener("change", () => setState({ dyad: sel.value, since: null, until: null, day: null, event: null, article: null }));
  $("#since").addEventListener("change", (e) => setState({ since: e.target.value, day: null }));
  $("#until").addEventListener("change", (e) => setState({ until: e.target.value, day: null }));
  $("#filters").addEventListener("submit", (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    const ch = {};
    for (const k of FILTER_KEYS) ch[k] = f.get(k) || null;
    setState(ch);
  });
  for (const th of document.querySelectorAll("th[data-sort]")) {
    th.addEventListener("click", () => {
      const cur = state().sort || "date";
      const key = th.dataset.sort;
      const next = key === "date" ? (cur === "date" ? "-date" : "date") : key;
      setState({ sort: next }, false);
    });
  }
  $("#more").addEventListener("click", () => loadEvents(true));
  window.addEventListener("popstate", render);
  window._dyads = dyads;
  renderCards(dyads);
  if (!state().dyad && dyads.length) setState({ dyad: dyads[0].dyad }, false);
  else render();
}

function renderCards(dyads) {
  const box = $("#dyad-cards");
  box.replaceChildren();
  for (const d of dyads.slice(0, 6)) {
    const l = d.latest || {};
    box.append(h("div", { class: "card" + (l.state === "onset" ? " hot" : "") },
      link({ dyad: d.dyad, since: null, until: null, day: null, event: null, article: null }, d.dyad, { class: "card-title" }),
      h("div", { class: "muted" }, d.events + " events, last " + (d.last || "–")),
      h("div", {}, "index ", h("b", {}, l.index === undefined ? "–" : (l.index >= 0 ? "+" : "") + l.index.toFixed(1)),
        " · ", h("span", { class: "state st-" + (l.state || "calm") }, l.state || "calm"))));
  }
}

function dyadInfo(dyad) { return (window._dyads || []).find((d) => d.dyad === dyad); }

function range(st) {
  const info = dyadInfo(st.dyad) || {};
  const until = st.until || info.last || meta.last;
  const since = st.since || (until ? addDays(until, -90) : null);
  return { since, until };
}

function filterParams(st) {
  const { since, until } = range(st);
  const p = st.day ? { dyad: st.dyad, on: st.day } : { dyad: st.dyad, since, until };
  for (const k of FILTER_KEYS) if (st[k]) p[k] = st[k];
  return p;
}

/* ---- render by state ---- */
async function render() {
  const st = state();
  $("#dyad").value = st.dyad || "";
  const { since, until } = range(st);
  $("#since").value = since || "";
  $("#until").value = until || "";
  const f = $("#filters");
  for (const k of FILTER_KEYS) {
    const el = f.elements[k];
    if (el.type === "checkbox") el.checked = !!st[k]; else el.value = st[k] || "";
  }
  const detail = $("#detail");
  if (st.event || st.article) {
    $("#dash").hidden = true;
    detail.hidden = false;
    detail.replaceChildren(h("p", { class: "muted" }, "loading…"));
    try {
      if (st.event) await renderEvent(st.event); else await renderArticle(st.article);
    } catch (e) {
      detail.replaceChildren(h("p", { class: "error" }, String(e.message || e)), link({ event: null, article: null }, "← back"));
    }
    window.scrollTo(0, 0);
    return;
  }
  detail.hidden = true;
  $("#dash").hidden = false;
  if (!st.dyad) return;
  document.title = "flashpoint · " + st.dyad;
  await Promise.all([renderChart(st), loadEvents(false), renderTimeline(st)]);
  document.body.dataset.ready = "1";
}

/* ---- escalation chart ---- */
async function renderChart(st) {
  const { since, until } = range(st);
  const data = await api("/api/dyads/" + encodeURIComponent(st.dyad) + "/series", { since, until, interval: "day" });
  $("#chart-title").textContent = st.dyad + ", " + since + " – " + until;
  const labels = data.periods.map((p) => p.start);
  const maxCount = Math.max(1, ...data.periods.map((p) => p.count));
  const alertPts = labels.map((d) => {
    const a = data.alerts.find((x) => x.date === d);
    return a ? maxCount + 1 : null;
  });
  const datasets = [1, 2, 3, 4].map((q) => ({
    type: "bar", label: QUAD[q].name, data: data.periods.map((p) => p["q" + q]),
    backgroundColor: QUAD[q].color, stack: "count", yAxisID: "y",
  }));
  datasets.push({
    type: "line", label: "intensity", data: data.periods.map((p) => p.intensity),
    borderColor: "#1f2a44", backgroundColor: "#1f2a44", borderWidth: 1.5, pointRadius: 0,
    cubicInterpolationMode: "monotone", yAxisID: "y2",
  });
  datasets.push({
    type: "line", label: "alerts", data: alertPts, showLine: false, yAxisID: "y",
    pointStyle: "triangle", pointRadius: 8, pointHoverRadius: 10,
    pointBackgroundColor: labels.map((d) => {
      const a = data.alerts.find((x) => x.date === d);
      return a && a.kind === "onset" ? "#b91c1c" : "#15803d";
    }),
    borderColor: "transparent",
  });
  const cfg = {
    data: { labels, datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: true, ticks: { maxTicksLimit: 12 } },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: "events" }, suggestedMax: maxCount + 1.5 },
        y2: { position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: "intensity" } },
      },
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 12 } },
        tooltip: { callbacks: { afterBody: (items) => {
          const a = data.alerts.find((x) => x.date === labels[items[0].dataIndex]);
          return a ? [a.message] : [];
        } } },
      },
      onClick: (ev, els) => {
        const pts = chart.getElementsAtEventForMode(ev, "index", { intersect: false }, false);
        if (!pts.length) return;
        const day = labels[pts[0].index];
        setState({ day }, true);
        $("#table-panel").scrollIntoView({ behavior: "instant", block: "start" });
      },
    },
  };
  if (chart) chart.destroy();
  chart = new Chart($("#chart"), cfg);
  $("#chart").dataset.days = String(labels.length);
  $("#chart").dataset.alerts = String(data.alerts.length);
}

/* ---- events table + map ---- */
async function loadEvents(more) {
  const st = state();
  const params = Object.assign(filterParams(st), { sort: st.sort || "date", limit: 200 });
  if (more && nextCursor) params.cursor = nextCursor;
  const page = await api("/api/events", Object.assign({ total: more ? "" : "true" }, params));
  nextCursor = page.next_cursor;
  $("#more").hidden = !nextCursor;
  const tbody = $("#events tbody");
  if (!more) tbody.replaceChildren();
  for (const e of page.events) {
    tbody.append(h("tr", { "data-id": e.id, class: e.disputed.length ? "disputed" : null },
      h("td", { class: "nowrap" }, e.date || "?", e.date_end && e.date_end !== e.date ? h("span", { class: "muted" }, " – " + e.date_end) : null),
      h("td", {}, quadDot(e.quad_class), " ", link({ event: e.id }, typeLabel(e), { class: "evlink" }),
        e.cameo_code ? h("span", { class: "muted" }, " " + e.cameo_code) : null),
      h("td", {}, actorsLabel(e)),
      h("td", {}, e.place || ""),
      h("td", { class: "num" }, fmtNum(e.dead)),
      h("td", { class: "num" }, e.intensity.toFixed(1)),
      h("td", {}, badge(e.status), e.disputed.length ? h("span", { class: "badge disputed", title: "reports disagree on " + e.disputed.join(", ") }, "disputed") : null),
      h("td", { class: "num", title: e.publishers.join(", ") }, String(e.n_sources) + (e.n_mentions > e.n_sources ? " (" + e.n_mentions + ")" : ""))));
  }
  const shown = tbody.children.length;
  $("#table-title").textContent = (page.total !== undefined ? page.total : "") + (st.day ? " on " + st.day : "");
  if (page.total !== undefined) $("#events").dataset.total = String(page.total);
  const chip = $("#day-chip");
  chip.replaceChildren();
  if (st.day) chip.append(h("span", { class: "chip" }, "day " + st.day + " ", link({ day: null }, "×", { title: "all days" })));
  const ex = $("#exports");
  ex.replaceChildren("export: ");
  const q = new URLSearchParams(Object.entries(filterParams(st)).filter(([, v]) => v));
  for (const fmt of meta.formats) ex.append(h("a", { href: "/api/events." + fmt + "?" + q, download: "" }, fmt), " ");
  if (!more) await renderMap(st);
  return shown;
}

async function loadWorld() {
  if (world) return world;
  const topo = await (await fetch("/static/vendor/world-atlas/countries-50m.json")).json();
  world = topojson.feature(topo, topo.objects.countries).features;
  return world;
}

async function renderMap(st) {
  const params = Object.assign(filterParams(st), { limit: 1000, sort: "dead" });
  const [features, page] = await Promise.all([loadWorld(), api("/api/events", params)]);
  const pts = page.events.filter((e) => e.lat !== null && e.lon !== null);
  const box = $("#map");
  const W = box.clientWidth || 600, H = 360;
  let [w, s_, e, n] = [60, 20, 90, 40];
  if (pts.length) {
    // fit the bulk of the events (10th to 90th percentile): one report placed in a far
    // capital should not shrink the theatre to a dot; outliers stay drawn if in view
    const q = (arr, f) => { const a = arr.slice().sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.max(0, Math.round(f * (a.length - 1))))]; };
    const lons = pts.map((p) => p.lon), lats = pts.map((p) => p.lat);
    w = q(lons, 0.1); e = q(lons, 0.9); s_ = q(lats, 0.1); n = q(lats, 0.9);
  }
  const padX = Math.max(4, (e - w) * 0.35), padY = Math.max(3, (n - s_) * 0.35);
  w -= padX; e += padX; s_ -= padY; n += padY;
  const k = Math.cos(((s_ + n) / 2) * Math.PI / 180);
  const scale = Math.min(W / ((e - w) * k), H / (n - s_));
  const cx = (w + e) / 2, cy = (s_ + n) / 2;
  const X = (lon) => W / 2 + (lon - cx) * k * scale;
  const Y = (lat) => H / 2 - (lat - cy) * scale;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "map" });
  svg.append(s("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
  const lonMin = w - 30, lonMax = e + 30, latMin = s_ - 30, latMax = n + 30;
  for (const f of features) {
    const g = f.geometry;
    if (!g) continue;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    let d = "";
    for (const poly of polys) {
      for (const ring of poly) {
        if (!ring.some(([x, y]) => x > lonMin && x < lonMax && y > latMin && y < latMax)) continue;
        d += "M" + ring.map(([x, y]) => X(x).toFixed(1) + "," + Y(y).toFixed(1)).join("L") + "Z";
      }
    }
    if (d) svg.append(s("path", { d, class: "land" }, s("title", {}, f.properties.name || "")));
  }
  const sorted = pts.slice().sort((a, b) => (b.dead || 0) - (a.dead || 0));
  for (const p of sorted) {
    const r = 4 + 2.2 * Math.sqrt(p.dead || 0);
    const c = s("circle", { cx: X(p.lon).toFixed(1), cy: Y(p.lat).toFixed(1), r: r.toFixed(1),
      fill: QUAD[p.quad_class].color, class: "pt", "data-id": p.id,
      onclick: () => setState({ event: p.id }) },
      s("title", {}, (p.date || "?") + " " + typeLabel(p) + " " + actorsLabel(p) + (p.place ? " @ " + p.place : "") + (p.dead ? ", " + p.dead + " dead" : "")));
    svg.append(c);
  }
  box.replaceChildren(svg);
  box.dataset.points = String(pts.length);
  $("#map-title").textContent = pts.length + " placed events";
  const lg = $("#legend");
  lg.replaceChildren(...[1, 2, 3, 4].map((q) => h("span", {}, quadDot(q), " " + QUAD[q].name)),
    h("span", { class: "muted" }, "size: fatalities"));
}

/* ---- narrative timeline ---- */
async function renderTimeline(st) {
  const { since, until } = range(st);
  const days = await api("/api/dyads/" + encodeURIComponent(st.dyad) + "/timeline", { since, until });
  const ol = $("#timeline");
  ol.replaceChildren();
  for (const d of days) {
    const li = h("li", { class: st.day === d.date ? "sel" : null },
      h("div", { class: "tl-date" }, link({ day: d.date }, d.date)));
    for (const e of d.events) {
      li.append(h("div", { class: "tl-ev" }, quadDot(e.quad_class), " ",
        link({ event: e.id }, typeLabel(e) + " " + actorsLabel(e)),
        e.place ? " @ " + e.place : "", e.dead ? h("b", {}, " " + e.dead + " dead") : null, " ",
        badge(e.status),
        e.sentence ? h("div", { class: "tl-sent" }, "“" + e.sentence + "” ", h("span", { class: "muted" }, "— " + (e.publisher || "?"))) : null));
    }
    if (d.more) li.append(h("div", { class: "muted" }, "+" + d.more + " more that day"));
    ol.append(li);
  }
  const sel = ol.querySelector("li.sel");
  ol.scrollTop = sel ? sel.offsetTop - ol.offsetTop : 0;
}

/* ---- event page ---- */
function highlighted(text, spans) {
  const out = h("p", { class: "evidence" });
  let at = 0;
  for (const sp of spans) {
    if (sp.start > at) out.append(document.createTextNode(text.slice(at, sp.start)));
    out.append(h("mark", { class: "hl-" + sp.kind, title: sp.label }, text.slice(sp.start, sp.end)));
    at = sp.end;
  }
  if (at < text.length) out.append(document.createTextNode(text.slice(at)));
  return out;
}

async function renderEvent(id) {
  const ev = await api("/api/events/" + encodeURIComponent(id));
  const box = $("#detail");
  document.title = "flashpoint · " + typeLabel(ev);
  const facts = h("dl", { class: "facts" },
    h("dt", {}, "when"), h("dd", {}, (ev.date || "?") + (ev.date_end && ev.date_end !== ev.date ? " – " + ev.date_end : "")),
    h("dt", {}, "who"), h("dd", {}, actorsLabel(ev) + (ev.actor_text ? " (" + ev.actor_text + (ev.recipient_text ? " → " + ev.recipient_text : "") + ")" : "")),
    h("dt", {}, "where"), h("dd", {}, [ev.place, ev.admin1, ev.place_country].filter(Boolean).join(", ") || "–",
      ev.lat !== null ? h("span", { class: "muted" }, " (" + ev.lat.toFixed(3) + ", " + ev.lon.toFixed(3) + ")") : null),
    h("dt", {}, "toll"), h("dd", {}, ev.dead !== null ? ev.dead + " dead" : "–", ev.injured !== null ? ", " + ev.injured + " injured" : ""),
    h("dt", {}, "code"), h("dd", {}, typeLabel(ev) + " · CAMEO " + (ev.cameo_code || "?") + " · quad " + ev.quad_class + " (" + QUAD[ev.quad_class].name + ") · intensity " + ev.intensity),
    h("dt", {}, "reported"), h("dd", {}, (ev.first_report || "?") + (ev.last_report && ev.last_report !== ev.first_report ? " – " + ev.last_report : "") + " by " + ev.publishers.join(", ")));
  const reports = h("ol", { class: "reports" });
  for (const m of ev.mentions) {
    const chain = m.source_chain.length ? m.source_chain.join(" ← ") : "?";
    reports.append(h("li", { class: "report", "data-id": m.id },
      h("div", { class: "rep-head" }, badge(m.status),
        h("b", {}, " " + (m.article.outlet || m.attribution.publisher || "?")), " ",
        h("span", { class: "muted" }, m.article.published || ""), " · ",
        link({ event: null, article: m.article.id }, m.article.title || "article", { class: "artlink" }),
        m.article.url && /^https?:\/\//.test(m.article.url) ? h("a", { href: m.article.url, rel: "noopener noreferrer", target: "_blank", class: "muted" }, " ↗ original") : null),
      highlighted(m.evidence.text, m.highlights),
      h("div", { class: "rep-meta muted" },
        "source chain: " + chain,
        m.attribution.speaker ? " · speaker: " + m.attribution.speaker.text : "",
        m.attribution.anonymous ? " · anonymous" : "",
        m.denied_by.length ? " · denied by " + m.denied_by.join(", ") : "",
        " · " + (m.plover.type + (m.plover.mode ? "/" + m.plover.mode : "")) + ", " + (m.when.start || "?") + (m.when.text ? " (“" + m.when.text + "”)" : "") +
        (m.magnitude.dead !== null ? ", " + m.magnitude.dead + " dead" : "") + ", confidence " + m.confidence)));
  }
  const dis = ev.disagreements.length
    ? h("table", { class: "disagree" }, h("thead", {}, h("tr", {}, h("th", {}, "field"), h("th", {}, "claim"), h("th", {}, "according to"))),
      h("tbody", {}, ev.disagreements.flatMap((d) => d.claims.map((c, i) =>
        h("tr", {}, h("td", {}, i === 0 ? d.field : ""), h("td", {}, c.value), h("td", {}, c.sources.join("; ")))))))
    : h("p", { class: "muted" }, "The reports agree.");
  const legend = h("p", { class: "hl-legend muted" }, "highlights: ",
    ...["trigger", "actor", "recipient", "time", "place", "speaker"].map((k) => h("mark", { class: "hl-" + k }, k)));
  box.replaceChildren(
    link({ event: null }, "← back to " + (state().dyad || "dashboard"), { class: "back" }),
    h("h1", {}, quadDot(ev.quad_class), " " + typeLabel(ev) + " ", badge(ev.status),
      ev.disputed.length ? h("span", { class: "badge disputed" }, "disputed: " + ev.disputed.join(", ")) : null),
    facts,
    h("h2", {}, "Reports (" + ev.mentions.length + ") from " + ev.n_sources + " source" + (ev.n_sources === 1 ? "" : "s")),
    legend, reports,
    h("h2", {}, "Disagreements"), dis,
    h("p", { class: "muted small" }, "event " + ev.id));
  document.body.dataset.ready = "1";
}

/* ---- article page ---- */
async function renderArticle(id) {
  const a = await api("/api/articles/" + encodeURIComponent(id));
  const box = $("#detail");
  const body = h("div", { class: "article-text" });
  const spans = a.mentions.filter((m) => m.start !== null).sort((x, y) => x.start - y.start);
  let at = 0;
  for (const m of spans) {
    if (m.start < at) continue;
    body.append(document.createTextNode(a.text.slice(at, m.start)));
    const mk = h("mark", { class: "hl-evidence", title: m.plover_type + " (" + m.status + ")" }, a.text.slice(m.start, m.end));
    body.append(m.event ? link({ article: null, event: m.event }, mk) : mk);
    at = m.end;
  }
  body.append(document.createTextNode(a.text.slice(at)));
  box.replaceChildren(
    link({ article: null }, "← back", { class: "back" }),
    h("h1", {}, a.title || "(untitled article)"),
    h("p", { class: "muted" }, [a.outlet, a.published, a.file ? a.file.split("/").pop() : null].filter(Boolean).join(" · "),
      a.url && /^https?:\/\//.test(a.url) ? h("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, " ↗ original") : null),
    h("p", { class: "muted small" }, a.mentions.length + " coded mentions highlighted; click one to open its event."),
    body);
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", () => {
  boot().catch((e) => {
    document.body.prepend(h("p", { class: "error" }, "flashpoint could not load: " + (e.message || e)));
  });
});
