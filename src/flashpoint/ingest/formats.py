"""From decoded file content to articles: one function per input format, no file I/O here.

Each function returns ``Article`` or ``Skipped`` values; ``readers`` opens, sniffs and decodes
the files and calls these.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Article
from .dates import date_from_json, parse_date
from .language import detect_language, is_accepted_language
from .skipped import Skipped
from .text import content_hash, html_to_text, normalise_text

TEXT_COLUMNS = ("text", "body", "content", "full_text", "doc_text", "sent_text", "article",
                "article_text", "maintext", "story")
TITLE_COLUMNS = ("title", "headline", "heading")
URL_COLUMNS = ("url", "link", "source_url", "sourceurl", "permalink")
OUTLET_COLUMNS = ("outlet", "source", "publisher", "source_name", "sitename", "site_name",
                  "domain")
DATE_COLUMNS = ("published", "date", "publish_date", "pubdate", "pub_date", "published_at",
                "date_publish", "publication_date", "datetime", "timestamp")
# "" and "unnamed: 0" are the index column pandas writes with ``to_csv()``.
ID_COLUMNS = ("id", "doc_id", "article_id", "docid", "guid", "uid", "", "unnamed: 0")

#: Plain-text header keys (case-insensitive) and the Article field each fills.
HEADER_KEYS = {"title": "title", "published": "published", "date": "published", "url": "url",
               "link": "url", "outlet": "outlet", "source": "outlet", "publisher": "outlet"}
_HEADER_RE = re.compile(r"^([A-Za-z][A-Za-z ]{0,20}?)[ \t]*:[ \t]*(.*?)\s*$")

DATE_HINT = "write dates as YYYY-MM-DD, e.g. 2025-05-16"
TEXT_COLUMN_HINT = "name the text column with --text-column (text_column= in Python)"
LANGUAGE_HINT = ("translate it to English first, or turn the language check off "
                 "(check_language=False) to code it anyway")


@dataclass(frozen=True, slots=True)
class Meta:
    """What a reader knows about an article besides its text."""

    file: str | None = None
    line: int | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    row_id: str | None = None


def make_article(body: str, meta: Meta, *, check_language: bool = True,
                 default_published: dt.date | None = None,
                 what: str = "file") -> Article | Skipped:
    """Normalise ``body``, hash it, detect its language and build the ``Article`` (or say why
    not: no text, or not English when ``check_language``)."""
    text = normalise_text(body)
    if not text:
        return Skipped(meta.file, meta.line, f"{what} has no text", "empty",
                       "remove it, or check that the right column or file was read")
    language, confidence = detect_language(text)
    if check_language and not is_accepted_language(language):
        return Skipped(meta.file, meta.line,
                       f"language is {language!r} (confidence {confidence:.2f}), not English; "
                       "flashpoint codes English text only", "language", LANGUAGE_HINT)
    return Article(
        id=content_hash(text), text=text,
        title=meta.title, url=meta.url, outlet=meta.outlet,
        published=meta.published or default_published, language=language, file=meta.file,
        row_id=meta.row_id, line=meta.line)


def clean_field(value: object) -> str | None:
    """A metadata value as one line of text, or ``None`` when empty."""
    if value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = " ".join(normalise_text(str(value)).split())
    return s or None


# --------------------------------------------------------------------------- plain text

def plain_text_article(content: str, *, file: str | None, check_language: bool = True,
                       default_published: dt.date | None = None) -> Article | Skipped:
    """A plain-text article, with optional ``Key: value`` header lines at the very top.

    Header keys (case-insensitive): ``Title``, ``Published`` (or ``Date``), ``URL`` (or
    ``Link``), ``Outlet`` (or ``Source``, ``Publisher``). The header block ends at the first
    blank line or the first line that is not a known header; the rest is the body. A
    ``Published`` value that is not a date skips the file with an error naming the line, so the
    user fixes it instead of silently losing the date that anchors every relative time.
    """
    lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    fields: dict[str, str] = {}
    published: dt.date | None = None
    while i < len(lines):
        header = _header(lines[i])
        if header is None:
            break
        key, value = header
        if key == "published" and value and "published" not in fields:
            published = parse_date(value)
            if published is None:
                return Skipped(file, i + 1, f"Published header {value!r} is not a date",
                               "error", DATE_HINT)
        fields.setdefault(key, value)
        i += 1
    body = "\n".join(lines[i:]) if fields else content
    meta = Meta(file=file, title=clean_field(fields.get("title")),
                url=clean_field(fields.get("url")), outlet=clean_field(fields.get("outlet")),
                published=published)
    return make_article(body, meta, check_language=check_language,
                        default_published=default_published)


def _header(line: str) -> tuple[str, str] | None:
    m = _HEADER_RE.match(line)
    if not m:
        return None
    key = HEADER_KEYS.get(m.group(1).strip().lower())
    return (key, m.group(2)) if key else None


# --------------------------------------------------------------------------- records

def pick_column(names: Mapping[str, str], candidates: Sequence[str]) -> str | None:
    """The first of ``candidates`` among ``names`` (lower-cased name → real name)."""
    for c in candidates:
        real = names.get(c)
        if real is not None:
            return real
    return None


def lower_names(columns: Iterator[str] | Sequence[str]) -> dict[str, str]:
    """``{lower-cased, stripped name: name}``, first spelling wins."""
    out: dict[str, str] = {}
    for c in columns:
        out.setdefault(c.strip().lstrip("\ufeff").lower(), c)
    return out


def text_column_for(names: Mapping[str, str], text_column: str | None) -> str | None:
    """The column holding the article text: ``text_column`` if given (exact, else
    case-insensitive), else the first of ``TEXT_COLUMNS`` present."""
    if text_column is not None:
        if text_column in names.values():
            return text_column
        return names.get(text_column.strip().lower())
    return pick_column(names, TEXT_COLUMNS)


def missing_text_column(file: str | None, line: int | None, columns: Sequence[str],
                        text_column: str | None) -> Skipped:
    found = ", ".join(repr(c) for c in columns) or "none"
    if text_column is not None:
        reason = f"no column {text_column!r}; the columns are {found}"
    else:
        reason = (f"no text column (looked for {', '.join(TEXT_COLUMNS)}); "
                  f"the columns are {found}")
    return Skipped(file, line, reason, "error", TEXT_COLUMN_HINT)


def record_article(record: Mapping[str, Any], text_key: str, *, file: str | None,
                   line: int | None, where: str = "row", check_language: bool = True,
                   default_published: dt.date | None = None,
                   names: Mapping[str, str] | None = None) -> Article | Skipped:
    """One JSON object or CSV row as an article. ``names`` maps lower-cased column names to
    real ones (computed once per CSV file; per record when absent).

    Columns are matched case-insensitively against ``TEXT_COLUMNS``, ``TITLE_COLUMNS``, ... (the
    first present wins). A date column whose value is not a date skips the row with an error,
    as a bad ``Published:`` header does: a wrong or missing publication date silently shifts
    every relative time ("on Tuesday") of the article, so the user should fix it.
    """
    if names is None:
        names = lower_names(list(record))
    if text_key not in record:
        return Skipped(file, line, f"{where} has no {text_key!r} field", "error",
                       "give every row the text column, or remove the row")
    value = record[text_key]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = "\n\n".join(value)
    if value is None:
        value = ""
    if not isinstance(value, str):
        return Skipped(file, line, f"{where}: {text_key!r} is a {type(value).__name__}, "
                       "not text", "error", "the text column must hold the article text")

    published: dt.date | None = None
    date_key = pick_column(names, DATE_COLUMNS)
    if date_key is not None:
        raw = record.get(date_key)
        if raw not in (None, ""):
            published = date_from_json(raw)
            if published is None:
                return Skipped(file, line, f"{where}: {date_key!r} value {raw!r} is not a date",
                               "error", DATE_HINT)

    def get(cands: Sequence[str]) -> str | None:
        key = pick_column(names, cands)
        return clean_field(record.get(key)) if key is not None and key != text_key else None

    meta = Meta(file=file, line=line, title=get(TITLE_COLUMNS), url=get(URL_COLUMNS),
                outlet=get(OUTLET_COLUMNS), published=published, row_id=get(ID_COLUMNS))
    return make_article(value, meta, check_language=check_language,
                        default_published=default_published, what=where)


# --------------------------------------------------------------------------- HTML

def html_article(content: bytes | str, *, file: str | None, check_language: bool = True,
                 default_published: dt.date | None = None) -> Article | Skipped:
    """The main text of an HTML page (trafilatura, precision first, no network) with its title,
    date, canonical URL and site name as outlet. Paragraphs are separated by a blank line."""
    import trafilatura  # deferred: importing it costs ~0.3 s
    from trafilatura.settings import set_date_params

    try:
        doc = trafilatura.bare_extraction(
            content, favor_precision=True, with_metadata=True, include_comments=False,
            include_tables=False, date_extraction_params=set_date_params(extensive=False))
    except Exception as exc:  # trafilatura/lxml raise many kinds on hostile markup
        return Skipped(file, None, f"cannot parse the HTML page: {exc}", "error",
                       "check that the file is an HTML page")
    if doc is None:
        return Skipped(file, None, "no article text found in the HTML page", "empty",
                       "index and list pages hold no article; save the article page itself")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text") or ""
    # trafilatura puts one newline between paragraphs; flashpoint uses a blank line.
    text = re.sub(r"\n+", "\n\n", text)
    date_s = get("date")
    meta = Meta(file=file, title=clean_field(get("title")), url=clean_field(get("url")),
                outlet=clean_field(get("sitename") or get("hostname")),
                published=parse_date(date_s) if isinstance(date_s, str) else None)
    return make_article(text, meta, check_language=check_language,
                        default_published=default_published, what="HTML page")


# --------------------------------------------------------------------------- feeds

def feed_articles(content: bytes, *, file: str | None, check_language: bool = True,
                  default_published: dt.date | None = None) -> Iterator[Article | Skipped]:
    """One article per RSS/Atom entry: its content (else summary) with HTML stripped, title,
    link, publication date (as written in the feed), id as ``row_id``, the feed title as
    outlet. The content is parsed from memory: nothing is fetched."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(content), resolve_relative_uris=False,
                              sanitize_html=True)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            yield Skipped(file, _bozo_line(parsed), "not a well-formed feed: "
                          f"{parsed.get('bozo_exception')}", "error",
                          "check that the file is a complete RSS or Atom document")
        else:
            yield Skipped(file, None, "the feed has no entries", "empty", None)
        return
    outlet = clean_field(html_to_text(parsed.feed.get("title", "") or ""))
    for n, entry in enumerate(entries, start=1):
        body = _entry_body(entry)
        raw_date = entry.get("published") or entry.get("updated") or entry.get("created")
        published = parse_date(raw_date) if isinstance(raw_date, str) else None
        if published is None:
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            if stamp:
                published = dt.date(stamp[0], stamp[1], stamp[2])
        title = entry.get("title")
        meta = Meta(file=file, title=clean_field(html_to_text(title)) if title else None,
                    url=clean_field(entry.get("link")), outlet=outlet, published=published,
                    row_id=clean_field(entry.get("id")))
        yield make_article(body, meta, check_language=check_language,
                           default_published=default_published, what=f"feed entry {n}")


def _entry_body(entry: Mapping[str, Any]) -> str:
    candidates: list[str] = []
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        candidates.append(html_to_text(value) if "html" in (c.get("type") or "html")
                          else normalise_text(value))
    summary = entry.get("summary")
    if summary:
        candidates.append(html_to_text(summary))
    return max(candidates, key=len, default="")


def _bozo_line(parsed: Mapping[str, Any]) -> int | None:
    exc = parsed.get("bozo_exception")
    get_line = getattr(exc, "getLineNumber", None)
    if callable(get_line):
        try:
            line = get_line()
            return int(line) if line else None
        except Exception:
            return None
    return None
