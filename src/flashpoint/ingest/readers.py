"""Files and folders → articles: find the inputs, sniff and decode them, call the format readers.

Nothing here raises for one bad input: every problem becomes a ``Skipped`` with the file, the
line and what to do, and the batch goes on.

Encodings: UTF-8 (a BOM is dropped), UTF-16/32 with a BOM; bytes that are not valid UTF-8 but
look like text are read as Windows-1252 (for line-based formats, line by line).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, cast

from ..models import Article
from . import formats
from .skipped import Skipped

#: Largest single-document file (plain text, HTML, feed, JSON array) read in one piece.
MAX_DOCUMENT_BYTES = 64 * 2**20
_HEAD_BYTES = 64 * 1024
_CSV_FIELD_LIMIT = 2**31 - 1

_FORMATS = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "xml", ".rss": "feed", ".atom": "feed",
}
#: Documents a user may expect to be read: always reported as unsupported.
_DOCUMENTS = {
    ".pdf": "a PDF document", ".doc": "a Word document", ".docx": "a Word document",
    ".odt": "an OpenDocument text", ".rtf": "an RTF document", ".epub": "an EPUB book",
    ".xls": "an Excel workbook", ".xlsx": "an Excel workbook", ".ods": "a spreadsheet",
    ".pptx": "a PowerPoint file", ".parquet": "a Parquet file",
}
#: Obvious non-inputs: silently passed over in folders, reported when named explicitly.
_IGNORED = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".svg", ".ico", ".heic",
    ".mp3", ".mp4", ".wav", ".ogg", ".avi", ".mov", ".mkv", ".webm", ".db", ".sqlite",
    ".sqlite3", ".duckdb", ".db-journal", ".db-wal", ".db-shm", ".zip", ".tar", ".tgz", ".bz2",
    ".xz", ".7z", ".rar", ".zst", ".pyc", ".pyo", ".so", ".dll", ".dylib", ".exe", ".bin", ".o",
    ".a", ".class", ".jar", ".whl", ".egg", ".npy", ".npz", ".pkl", ".pickle", ".arrow",
    ".feather", ".h5", ".hdf5", ".pt", ".pth", ".onnx", ".safetensors", ".ckpt", ".woff",
    ".woff2", ".ttf", ".otf", ".py", ".js", ".ts", ".css", ".map", ".sh", ".bat", ".ps1",
    ".lock", ".toml", ".yaml", ".yml", ".ini", ".cfg", ".log", ".pid", ".tmp", ".swp", ".bak",
    ".orig", ".part", ".crdownload", ".ds_store",
})
#: Repository/housekeeping files passed over in folders (read when named explicitly).
_IGNORED_STEMS = frozenset({
    "readme", "license", "licence", "copying", "notice", "authors", "contributors",
    "changelog", "changes", "makefile", "dockerfile", "manifest", "thumbs",
})
_MAGIC = (
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub)"),
    (b"\x1f\x8b", "gzip-compressed (name it *.gz to have it decompressed)"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"SQLite format 3\x00", "an SQLite database"), (b"\xd0\xcf\x11\xe0", "an MS Office file"),
    (b"PAR1", "a Parquet file"), (b"\x7fELF", "an executable"),
)
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_FEED_ROOT_RE = re.compile(rb"<(?:[\w.-]+:)?(?:rss|feed|RDF)[\s>/]")
_FORMATS_HINT = ("flashpoint reads .txt/.md, .jsonl, .json, .csv/.tsv, .html and RSS/Atom "
                 "feeds (optionally .gz-compressed); convert the file to one of these")


@dataclass(frozen=True, slots=True)
class _Options:
    default_published: dt.date | None
    text_column: str | None
    check_language: bool


# --------------------------------------------------------------------------- public API

def iter_inputs(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], *,
                default_published: dt.date | None = None, text_column: str | None = None,
                check_language: bool = True, dedupe: bool = False,
                ) -> Iterator[Article | Skipped]:
    """Every article in ``paths`` (files and folders), and a ``Skipped`` for every input that
    is not one.

    Folders are read recursively in sorted path order, passing over hidden files and folders,
    obvious non-inputs (images, databases, archives, code, README/LICENSE files) and
    reporting documents that cannot be read (PDF, Word). ``Article.file`` is the path as given,
    joined with the path inside the folder. ``default_published`` dates articles that carry
    no date of their own; ``text_column`` names the text column of JSON Lines/CSV input;
    ``check_language=False`` keeps non-English articles. With ``dedupe``, an article whose text
    (``Article.id``) was already seen in this call is reported as a ``duplicate``.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    opts = _Options(default_published, text_column, check_language)
    seen: dict[str, str] = {}
    for path in paths:
        for item in _expand(_as_str(path)):
            if isinstance(item, Skipped):
                yield item
                continue
            for result in _read(item, opts):
                if dedupe and isinstance(result, Article):
                    where = _where(result.file, result.line)
                    first = seen.setdefault(result.id, where)
                    if first != where:
                        yield Skipped(result.file, result.line,
                                      f"same text as {first} (article {result.id[:12]})",
                                      "duplicate", None)
                        continue
                yield result


def read_file(path: str | os.PathLike[str], *, default_published: dt.date | None = None,
              text_column: str | None = None, check_language: bool = True,
              ) -> Iterator[Article | Skipped]:
    """The articles of one file (a folder is read as by ``iter_inputs``). The format comes
    from the extension (``.gz`` is decompressed first); unknown extensions are sniffed."""
    name = _as_str(path)
    opts = _Options(default_published, text_column, check_language)
    if os.path.isdir(name):
        yield from iter_inputs([name], default_published=default_published,
                               text_column=text_column, check_language=check_language)
        return
    yield from _read(name, opts)


# --------------------------------------------------------------------------- finding inputs

def _as_str(path: str | os.PathLike[str]) -> str:
    p = os.fspath(path)
    return os.fsdecode(p) if isinstance(p, bytes) else p


def _where(file: str | None, line: int | None) -> str:
    return f"{file or '<input>'}" + (f":{line}" if line is not None else "")


def _expand(name: str) -> Iterator[str | Skipped]:
    if os.path.isdir(name):
        yield from _walk(name)
    elif os.path.exists(name):
        yield name
    elif os.path.islink(name):
        yield Skipped(name, None, "broken symbolic link", "error", "fix or remove the link")
    else:
        yield Skipped(name, None, "no such file or folder", "error", "check the path")


def _walk(root: str) -> Iterator[str | Skipped]:
    found: list[tuple[tuple[str, ...], str | Skipped]] = []
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
        rel_dir = os.path.relpath(dirpath, root)
        parts = () if rel_dir == os.curdir else tuple(rel_dir.split(os.sep))
        for f in filenames:
            if _passed_over(f):
                continue
            found.append(((*parts, f), os.path.join(dirpath, f)))
    for exc in errors:
        where = exc.filename if isinstance(exc.filename, str) else root
        rel = os.path.relpath(where, root)
        found.append(((*rel.split(os.sep),) if rel != os.curdir else (),
                      Skipped(where, None, f"cannot read folder: {exc.strerror or exc}",
                              "error", "check the folder's permissions")))
    for _, item in sorted(found, key=lambda t: t[0]):
        yield item


def _passed_over(filename: str) -> bool:
    if filename.startswith(".") or filename.endswith("~"):
        return True
    base = filename[:-3] if filename.lower().endswith(".gz") else filename
    stem, ext = os.path.splitext(base.lower())
    if ext in _IGNORED or (filename.lower().endswith(".gz") and ext not in _FORMATS):
        return True
    return stem in _IGNORED_STEMS and ext in ("", ".txt", ".md", ".markdown", ".rst")


# --------------------------------------------------------------------------- one file

def _format_of(name: str) -> tuple[str | None, bool]:
    """(format or None to sniff, gzip-compressed) from the file name."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    ext = os.path.splitext(lower)[1]
    if ext in _DOCUMENTS or ext in _IGNORED:
        return "unsupported", gz
    return _FORMATS.get(ext), gz


def _open(name: str, gz: bool) -> BinaryIO:
    if gz:
        return cast(BinaryIO, gzip.GzipFile(name, "rb"))
    return open(name, "rb")


def _read(name: str, opts: _Options) -> Iterator[Article | Skipped]:
    fmt, gz = _format_of(name)
    if fmt == "unsupported":
        ext = os.path.splitext(name.lower().removesuffix(".gz"))[1]
        what = _DOCUMENTS.get(ext, f"a {ext} file")
        yield Skipped(name, None, f"{what} is not a supported input", "unsupported",
                      _FORMATS_HINT)
        return
    try:
        with _open(name, gz) as fh:
            head = fh.read(_HEAD_BYTES)
    except (OSError, EOFError, ValueError) as exc:
        yield _unreadable(name, exc)
        return
    if not head:
        yield Skipped(name, None, "file is empty", "empty", "remove it, or check the export")
        return
    binary = _binary_reason(head)
    if binary is not None:
        yield Skipped(name, None, binary, "binary", _FORMATS_HINT)
        return
    sniffed = fmt is None
    if fmt is None:
        fmt = _sniff(head)
    if fmt == "json" and _is_json_object(_decode_line(head.split(b"\n", 1)[0]).lstrip("\ufeff")):
        fmt = "jsonl"  # one object on the first line: JSON Lines, whatever the name says
    if fmt in ("jsonl", "csv", "tsv"):
        yield from _read_rows(name, gz, fmt, opts)
        return
    data = _read_document(name, gz)
    if isinstance(data, Skipped):
        yield data
        return
    if fmt == "json":
        yield from _read_json(name, gz, data, opts, sniffed=sniffed)
    elif fmt == "html":
        yield formats.html_article(data, file=name, check_language=opts.check_language,
                                   default_published=opts.default_published)
    elif fmt in ("xml", "feed"):
        if fmt == "xml" and not _FEED_ROOT_RE.search(head[:8192]):
            yield Skipped(name, None, "XML file is not an RSS or Atom feed", "unsupported",
                          "flashpoint reads XML only as RSS/Atom feeds; convert other XML "
                          "to .txt or .jsonl")
            return
        yield from formats.feed_articles(data, file=name, check_language=opts.check_language,
                                         default_published=opts.default_published)
    else:
        yield _text_document(name, data, opts)


def _unreadable(name: str, exc: BaseException) -> Skipped:
    if isinstance(exc, FileNotFoundError):
        return Skipped(name, None, "no such file or folder", "error", "check the path")
    if isinstance(exc, PermissionError):
        return Skipped(name, None, "cannot read: permission denied", "error",
                       "check the file's permissions")
    if isinstance(exc, IsADirectoryError):
        return Skipped(name, None, "is a folder", "error", None)
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return Skipped(name, None, f"cannot read: {reason}", "error",
                   "check that the file is complete and not corrupt")


def _binary_reason(head: bytes) -> str | None:
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file: {what}, not text"
    if b"\x00" in head:
        return "binary file (it contains NUL bytes), not text"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > 0.01 * len(head):
        return "binary file (many control bytes), not text"
    return None


def _sniff(head: bytes) -> str:
    """Format of a file without a known extension, from its first bytes."""
    s = _decode_line(head[:4096]).lstrip("\ufeff \t\r\n")
    low = s[:1024].lower()
    if s.startswith(("{", "[")):
        return "json"
    if low.startswith(("<?xml", "<rss", "<feed", "<rdf")):
        return "xml"
    if low.startswith(("<!doctype html", "<html")) or (low.startswith("<") and "<html" in low):
        return "html"
    return "text"


def _read_document(name: str, gz: bool) -> bytes | Skipped:
    try:
        with _open(name, gz) as fh:
            data = fh.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, EOFError, ValueError) as exc:
        return _unreadable(name, exc)
    if len(data) > MAX_DOCUMENT_BYTES:
        return Skipped(name, None, f"file is larger than {MAX_DOCUMENT_BYTES // 2**20} MB, "
                       "too large for one document", "error",
                       "split it, or put one article per line in a .jsonl file")
    return data


def decode_bytes(data: bytes) -> str | None:
    """Text of ``data``: UTF-8 (BOM dropped), UTF-16/32 with a BOM, else Windows-1252 when the
    bytes look like text; ``None`` when they are neither."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _decode_line(raw: bytes) -> str:
    """One line of a line-based file: UTF-8, else Windows-1252, else Latin-1 (never fails)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return raw.decode("latin-1")


def _text_document(name: str, data: bytes, opts: _Options) -> Article | Skipped:
    text = decode_bytes(data)
    if text is None:
        return Skipped(name, None, "not UTF-8 text and not Windows-1252 either", "binary",
                       "re-save the file as UTF-8")
    return formats.plain_text_article(text, file=name, check_language=opts.check_language,
                                      default_published=opts.default_published)


# --------------------------------------------------------------------------- rows

def _lines(name: str, gz: bool) -> Iterator[str]:
    """Decoded lines (line endings kept), streamed; UTF-16/32 files are read whole."""
    with _open(name, gz) as fh:
        first = fh.read(4)
        if any(first.startswith(bom) for bom, _ in _BOMS):
            text = decode_bytes(first + fh.read()) or ""
            yield from text.splitlines(keepends=True)
            return
        first += fh.readline()
        yield _decode_line(first).lstrip("\ufeff")
        for raw in fh:
            yield _decode_line(raw)


def _read_rows(name: str, gz: bool, fmt: str, opts: _Options) -> Iterator[Article | Skipped]:
    rows = _read_jsonl(name, gz, opts) if fmt == "jsonl" else _read_csv(name, gz, fmt, opts)
    try:
        yield from rows
    except (OSError, EOFError, ValueError) as exc:  # e.g. a truncated .gz, read mid-way
        yield _unreadable(name, exc)


def _read_jsonl(name: str, gz: bool, opts: _Options) -> Iterator[Article | Skipped]:
    text_key: str | None = None
    for lineno, line in enumerate(_lines(name, gz), start=1):
        s = line.strip()
        if not s:
            continue
        try:
            obj = json.loads(s)
        except json.JSONDecodeError as exc:
            yield Skipped(name, lineno, f"invalid JSON: {exc.msg} (column {exc.colno})",
                          "error", "fix or remove the line; JSON Lines holds one object a line")
            continue
        except RecursionError:
            yield Skipped(name, lineno, "invalid JSON: nested too deeply", "error",
                          "fix or remove the line")
            continue
        if not isinstance(obj, dict):
            yield Skipped(name, lineno, f"line holds a JSON {_json_type(obj)}, not an object",
                          "error", "put one JSON object per line")
            continue
        if text_key is None:
            text_key = formats.text_column_for(formats.lower_names(list(obj)), opts.text_column)
            if text_key is None:
                yield formats.missing_text_column(name, lineno, list(obj), opts.text_column)
                return
        yield formats.record_article(obj, text_key, file=name, line=lineno,
                                     check_language=opts.check_language,
                                     default_published=opts.default_published)


def _json_type(obj: object) -> str:
    return {list: "array", str: "string", int: "number", float: "number", bool: "boolean",
            type(None): "null"}.get(type(obj), type(obj).__name__)


def _csv_delimiter(header_line: str, fmt: str) -> str:
    if fmt == "tsv":
        return "\t"
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _read_csv(name: str, gz: bool, fmt: str, opts: _Options) -> Iterator[Article | Skipped]:
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)  # article texts exceed the 128 KiB default
    lines = _lines(name, gz)
    first = next(lines, "")
    reader = csv.reader(_prepend(first, lines), delimiter=_csv_delimiter(first, fmt))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield Skipped(name, 1, f"malformed CSV header: {exc}", "error",
                      "the first line must name the columns")
        return
    if not header or not any(h.strip() for h in header):
        yield Skipped(name, 1, "no header row", "empty", "the first line must name the columns")
        return
    names = formats.lower_names(header)
    text_key = formats.text_column_for(names, opts.text_column)
    if text_key is None:
        yield formats.missing_text_column(name, 1, header, opts.text_column)
        return
    width = len(header)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Skipped(name, start, f"malformed CSV: {exc}", "error",
                          "check the quoting from this line on; the rest of the file is not read")
            return
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) < width or (len(row) > width and any(v.strip() for v in row[width:])):
            yield Skipped(name, start, f"row has {len(row)} fields, the header has {width}",
                          "error", "a field holding the delimiter, quotes or line breaks "
                          "must be in double quotes")
            continue
        record = dict(zip(header, row, strict=False))
        yield formats.record_article(record, text_key, file=name, line=start, names=names,
                                     check_language=opts.check_language,
                                     default_published=opts.default_published)


def _prepend(first: str, rest: Iterator[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


# --------------------------------------------------------------------------- JSON documents

_LIST_KEYS = ("articles", "items", "data", "results", "documents", "docs", "records", "rows")


def _read_json(name: str, gz: bool, data: bytes, opts: _Options, *,
               sniffed: bool) -> Iterator[Article | Skipped]:
    text = decode_bytes(data)
    if text is None:
        yield Skipped(name, None, "not UTF-8 text", "binary", "re-save the file as UTF-8")
        return
    try:
        obj = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
        if _is_json_object(first):  # JSON Lines under a .json name
            yield from _read_rows(name, gz, "jsonl", opts)
        elif sniffed:  # "{" or "[" opened a plain text, not JSON
            yield formats.plain_text_article(text, file=name,
                                             check_language=opts.check_language,
                                             default_published=opts.default_published)
        elif isinstance(exc, json.JSONDecodeError):
            yield Skipped(name, exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})",
                          "error", "fix the file, or write one object per line as .jsonl")
        else:
            yield Skipped(name, None, "invalid JSON: nested too deeply", "error", None)
        return
    items: list[object]
    if isinstance(obj, dict):
        names = formats.lower_names(list(obj))
        list_key = formats.pick_column(names, _LIST_KEYS)
        if formats.text_column_for(names, opts.text_column) is None and list_key is not None \
                and isinstance(obj[list_key], list):
            items = obj[list_key]
        else:
            items = [obj]
    elif isinstance(obj, list):
        items = obj
    else:
        yield Skipped(name, None, f"the file holds a JSON {_json_type(obj)}", "error",
                      "write a JSON object per article, in an array or one a line (.jsonl)")
        return
    text_key: str | None = None
    for n, item in enumerate(items, start=1):
        where = f"item {n}" if len(items) > 1 else "the object"
        if not isinstance(item, dict):
            yield Skipped(name, None, f"{where} is a JSON {_json_type(item)}, not an object",
                          "error", "write one JSON object per article")
            continue
        if text_key is None:
            text_key = formats.text_column_for(formats.lower_names(list(item)),
                                               opts.text_column)
            if text_key is None:
                yield formats.missing_text_column(name, None, list(item), opts.text_column)
                return
        yield formats.record_article(item, text_key, file=name, line=None, where=where,
                                     check_language=opts.check_language,
                                     default_published=opts.default_published)


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (json.JSONDecodeError, RecursionError):
        return False
