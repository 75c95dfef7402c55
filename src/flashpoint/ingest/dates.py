"""Publication dates as input files write them.

``parse_date`` reads the forms found in news exports and feeds and returns the calendar date
*as written*: a timestamp with a time zone keeps its own local date (a feed's
``Fri, 16 May 2025 23:30:00 +0530`` is 16 May, not 16 May 18:00 UTC), because that is the
date the outlet's readers saw and the one relative expressions ("yesterday") refer to.
Ambiguous numeric forms (``05/06/2025``) are refused rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_TAIL = r"(?:\b.*)?$"  # a time or time zone after the date is ignored
_WEEKDAY_RE = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)

_ISO_RE = re.compile(r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?:[T\s].*)?$")
_COMPACT_RE = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:\d{4}(?:\d{2})?)?$")
_DMY_WORDS_RE = re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_TAIL}", re.IGNORECASE)
_MDY_WORDS_RE = re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TAIL}", re.IGNORECASE)
_NUMERIC_RE = re.compile(r"^(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<year>\d{4})(?:[T\s].*)?$")

MIN_YEAR = 1800
MAX_YEAR = 2200


def parse_date(value: str) -> dt.date | None:
    """The date in ``value``, or ``None`` when it is not a date this function understands.

    Accepted: ISO 8601 (``2025-05-16``, ``2025-05-16T08:00:00Z``, ``2025/05/16``), compact
    ``20250516`` and GDELT's ``20250516083000``, ``16 May 2025``, ``16th May, 2025``,
    ``May 16, 2025``, ``Sept. 16 2025``, any of these after a weekday (``Friday, 16 May 2025``),
    RFC 2822 (``Fri, 16 May 2025 10:00:00 GMT``), and day/month/year with ``/``, ``.`` or
    ``-`` when it cannot be read two ways (``16/05/2025``, ``05/16/2025``, ``05/05/2025``).
    """
    s = " ".join(value.split())
    if not s:
        return None
    for parse in (_parse_iso, _parse_words, _parse_numeric, _parse_rfc2822):
        d = parse(s)
        if d is not None:
            return d if MIN_YEAR <= d.year <= MAX_YEAR else None
    return None


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _parse_iso(s: str) -> dt.date | None:
    m = _ISO_RE.match(s) or _COMPACT_RE.match(s)
    if not m:
        return None
    return _make(int(m["year"]), int(m["month"]), int(m["day"]))


def _parse_words(s: str) -> dt.date | None:
    s = _WEEKDAY_RE.sub("", s)
    for rx in (_DMY_WORDS_RE, _MDY_WORDS_RE):
        m = rx.match(s)
        if m:
            month = MONTHS.get(m["month"].lower())
            if month is None:
                return None
            return _make(int(m["year"]), month, int(m["day"]))
    return None


def _parse_numeric(s: str) -> dt.date | None:
    m = _NUMERIC_RE.match(s)
    if not m:
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if a == b or (a > 12 >= b):  # day first: 16/05/2025
        return _make(year, b, a)
    if b > 12 >= a:  # month first: 05/16/2025
        return _make(year, a, b)
    return None  # 05/06/2025: May 6 or 5 June? Refuse to guess.


def _parse_rfc2822(s: str) -> dt.date | None:
    try:
        parsed = email.utils.parsedate_tz(s)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    return _make(parsed[0], parsed[1], parsed[2])


def date_from_json(value: object) -> dt.date | None:
    """A date from a JSON or CSV value: a string as in ``parse_date``; an integer YYYYMMDD or
    YYYYMMDDhhmmss; or Unix epoch seconds (9-10 digits) or milliseconds (12-13 digits), as an
    integer or a string of digits, taken in UTC."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) in (9, 10, 12, 13):
        value = int(value.strip())  # epoch seconds or milliseconds written as text (CSV)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        digits = len(str(abs(value)))
        if digits in (8, 14):
            return parse_date(str(value))
        if digits in (9, 10, 12, 13):
            seconds = value / 1000 if digits >= 12 else value
            try:
                return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
            except (OverflowError, OSError, ValueError):
                return None
        return None
    if isinstance(value, str):
        return parse_date(value)
    return None
