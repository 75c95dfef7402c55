"""Text normalisation, content-hash ids and HTML-to-text for ingested articles.

Every ``Article.text`` is ``normalise_text`` of what the reader found, and every character
offset downstream points into that normalised text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import lxml.etree  # lxml is installed with trafilatura
import lxml.html

# The commonest UTF-8-read-as-cp1252 sequences ("mojibake") in scraped news. Only these exact
# sequences are replaced; "â€" followed by anything else is left alone.
_MOJIBAKE = {
    "â€™": "’", "â€˜": "‘", "â€œ": "“", "â€\x9d": "”", "â€�": "”", "â€”": "—",
    "â€“": "–", "â€¦": "…", "â€¢": "•", "Â£": "£", "Â\xa0": "\xa0", "Ã©": "é",
}
_MOJIBAKE_RE = re.compile("|".join(re.escape(k) for k in sorted(_MOJIBAKE, key=len, reverse=True)))
# "Â\xa0" whose no-break space an earlier step already made a plain space: a lone "Â" glued
# to the end of a word ("related storiesÂ narendra") is the left-over half, never a letter.
_STRAY_A_RE = re.compile(r"(?<=[^\sÂ])Â(?= )")

_NEWLINES_RE = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Unicode space separators (no-break, thin, ideographic, ...) become an ordinary space.
_SPACES_RE = re.compile(r"[\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible characters that only break words apart: zero-width space, word joiner, BOM, soft
# hyphen, and C0/C1 control characters other than tab and newline.
_INVISIBLE_RE = re.compile(r"[\u200b\u2060\ufeff\xad\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_TRAILING_RE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUN_RE = re.compile(r"\n{3,}")
_WHITESPACE_RE = re.compile(r"\s+")


def fix_mojibake(text: str) -> str:
    """Repair the common mojibake sequences (``â€™`` → ``’``) left by a wrong decoding."""
    if "â€" not in text and "Â" not in text and "Ã©" not in text:
        return text
    text = _MOJIBAKE_RE.sub(lambda m: _MOJIBAKE[m.group(0)], text)
    return _STRAY_A_RE.sub("", text)


def normalise_text(text: str) -> str:
    """The canonical form of an article body.

    Repairs common mojibake, applies Unicode NFC, unifies newlines to ``\\n``, turns Unicode
    spaces (no-break, thin, ...) into plain spaces, drops invisible characters (zero-width
    space, BOM, soft hyphen, control characters), strips trailing spaces and tabs from every
    line, collapses runs of three or more newlines to one blank line, and strips the ends.
    Leading indentation and single blank lines (paragraph breaks) are kept.
    """
    text = fix_mojibake(text)
    text = unicodedata.normalize("NFC", text)
    text = _NEWLINES_RE.sub("\n", text)
    text = _SPACES_RE.sub(" ", text)
    text = _INVISIBLE_RE.sub("", text)
    text = _TRAILING_RE.sub("", text)
    text = _BLANK_RUN_RE.sub("\n\n", text)
    return text.strip()


def article_id(text: str) -> str:
    """Content hash of an article: sha256 hex of its normalised text, whitespace-insensitive.

    The text is normalised (``normalise_text``) and every run of whitespace, newlines included,
    becomes one space, so the same article re-wrapped or re-indented keeps its id. Case is
    *not* folded: two texts that differ only in case are rare as true duplicates, and folding
    would merge e.g. "US" and "us"; near-duplicates are the business of event fusion, not ids.
    """
    return content_hash(normalise_text(text))


def content_hash(normalised: str) -> str:
    """``article_id`` of a text that is already normalised (skips normalising it again)."""
    canonical = _WHITESPACE_RE.sub(" ", normalised).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "tr", "table", "section", "article", "header", "footer", "pre", "dd", "dt", "figcaption",
    "hr",
})
_DROP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object", "svg"})


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): block elements become blank
    lines between paragraphs, scripts and styles are dropped, entities decoded, result
    normalised. Text without any markup is returned normalised as is."""
    if "<" not in fragment and "&" not in fragment:
        return normalise_text(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return normalise_text(fragment)
    parts: list[str] = []
    try:
        _collect_text(root, parts)
    except RecursionError:  # absurdly deep markup: lose the paragraph breaks, keep the text
        parts = [_WHITESPACE_RE.sub(" ", root.text_content())]
    # Text nodes had their whitespace collapsed; "\n" marks only block boundaries here.
    text = re.sub(r" *\n[\n ]*", "\n\n", "".join(parts))
    return normalise_text(text)


def _collect_text(el: lxml.html.HtmlElement, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in _DROP_TAGS:
        if el.tail:
            parts.append(_WHITESPACE_RE.sub(" ", el.tail))
        return
    block = tag.lower() in _BLOCK_TAGS
    if block:
        parts.append("\n")
    if isinstance(el.tag, str) and el.text:  # skip the text of comments and processing instr.
        parts.append(_WHITESPACE_RE.sub(" ", el.text))
    for child in el:
        _collect_text(child, parts)
    if block:
        parts.append("\n")
    if el.tail:
        parts.append(_WHITESPACE_RE.sub(" ", el.tail))
