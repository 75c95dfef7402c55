"""Readers: files and folders → ``Article`` records (or ``Skipped``, saying why not).

Formats: plain text with optional ``Title:``/``Published:``/``URL:``/``Outlet:`` header lines,
JSON Lines, JSON, CSV/TSV, HTML pages (trafilatura), RSS/Atom feeds (feedparser); any of them
gzip-compressed as ``*.gz``. Every article text is normalised (``normalise_text``), its id is
the content hash (``article_id``), and its language is checked (English only by default).
"""

from .dates import parse_date
from .language import detect_language
from .readers import iter_inputs, read_file
from .skipped import KINDS, Skipped
from .text import article_id, html_to_text, normalise_text

__all__ = [
    "KINDS",
    "Skipped",
    "article_id",
    "detect_language",
    "html_to_text",
    "iter_inputs",
    "normalise_text",
    "parse_date",
    "read_file",
]
