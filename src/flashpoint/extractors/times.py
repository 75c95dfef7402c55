"""Rule-based TimeML-style time tagging and normalisation, and event dating.

``find_times(text, published)`` finds time expressions (dates, clock times, durations, sets) and
gives each a TimeML value (``2025-05-10``, ``2025-04``, ``2025-W19``, ``2025-Q1``, ``2024-WI``,
``199`` for the 1990s, ``P2D``, ``PAST_REF`` ...), an inclusive ISO date interval and a precision.
``event_time(...)`` picks the interval that dates an event trigger.

Conventions (news-oriented, documented so a user can predict them):

* Spans follow TimeML: a governing preposition ("on", "in", "since", "for") is *not* part of the
  span; a part-of-day prefix is ("the night of May 10").
* A part of day does not change the day: "Tuesday night" and "the night of May 10" are DATEs with
  the day as value (precision day). Clock times ("10:35 a.m.") are TIME, and so is a part of day
  named on its own ("this morning", "tonight", "last night": ``2025-05-16TMO``, interval the
  day). A clock time directly followed by its day is one TIME: "10 p.m. Wednesday",
  "5 p.m. EST Nov. 9" → ``2025-05-14T22:00``.
* Tense decides the direction of under-specified dates. Each sentence is scanned for tense markers
  (past: "was", "had", "-ed" verbs, irregular past forms; future: "will", "is to", "plans to",
  "due to", "expected to", "would"; present: "is", "are", "has"). The marker nearest to the
  expression wins; a reporting verb ("said", "told") only counts when the expression is right next
  to it ("said on Tuesday"), so "India will meet on Tuesday, officials said" stays future.
* Weekdays: past → the latest such day on or before publication (same weekday as publication =
  the publication day, the wire-service convention "said Friday"); future → the first on or after
  publication; no tense marker → the past one unless the next one is less than half as far
  (news reports mostly on the past). "last Tuesday" is strictly before, "next Tuesday" strictly
  after publication; "the previous Friday" is the one before the last mentioned day. A plan in
  the past ("had been scheduled to expire Friday") is past.
* Month-day without a year: past → the latest candidate year not after publication + 2 days
  (the tolerance absorbs time-zone and late-filing offsets); future → the earliest not before
  publication - 2 days; no tense → the nearest. A weekday given with the date ("Monday, May 12")
  picks the year where the weekday matches.
* Relative expressions ("the next day", "a day later", "the previous week", "that day",
  "three days later") count from the last *mentioned* date before them (day precision for day
  units), else from publication. "ago", "yesterday", "last week" count from publication.
* "since X": X is in the past (tense aside: "on patrol since March"); the interval runs from X
  to the publication date (``interval_end`` is ``None`` without one). The span is still just
  "X".
* Ranges ("from May 14 to May 18", "between May 14 and 18", "May 14-18", "May 14 ... until
  May 18") give the two end expressions *and* one extra DURATION expression covering both, whose
  interval is the whole range. :func:`link_ranges` gives the linked pairs.
* Business news: "the quarter", "that quarter" are the quarter being reported (the last one
  named, e.g. "the third quarter"; else the latest complete quarter); "the year-earlier third
  quarter", "year-ago results", "last year's quarter", "the same period last year" and "a year
  earlier" are that quarter a year back (the year before publication when no quarter is in
  view). A backward comparison does not move the reference date, so a second "a year earlier"
  is not two years back. "the latest fiscal year" is the last complete one; "by year end" is
  this year's December.
* Vague spans are DURATIONs with ``X``: "recent months" ``PXM``, "several quarters" ``PXQ``;
  halves count ("2 1/2 years" ``P2Y6M``). Years read out in transcripts ("nineteen ninety-six",
  "the year two thousand") are years.
* Without a publication date, anchored expressions keep a TimeML value with ``X`` digits
  (``XXXX-05-10``) and no interval.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import TimeExpression, TimeSpan

if TYPE_CHECKING:  # spaCy is only needed when a parse is passed to event_time
    from spacy.tokens import Doc, Token

__all__ = ["attached_times", "comparative_since", "event_time", "find_times", "find_timexes",
           "link_ranges", "range_expression", "split_sentences", "timex_records"]

_D = dt.timedelta

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

def _w(words: str) -> frozenset[str]:
    """A frozenset of the space-separated words."""
    return frozenset(words.split())


_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_VAGUE = ("a few", "few", "several", "many", "some", "couple of", "a couple of", "numerous")
_UNIT_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
              "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "Y",
              "century": "Y"}
_UNIT_MULT = {"fortnight": 2, "decade": 10, "century": 100}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
        "4th": 4, "final": 4, "last": 4}
# fixed-date holidays (month, day); movable ones are computed
_HOLIDAYS_FIXED = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                   "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
                   "valentine's day": (2, 14), "halloween": (10, 31), "may day": (5, 1),
                   "boxing day": (12, 26)}

# words before a bare month / year / season that make it a time expression
_MONTH_TRIGGERS = _w(
    "in since until till by from through during before after of early late mid last next this "
    "between and to or throughout around about beginning end start middle the for a an")
_STRICT_MONTH_TRIGGERS = _w(
    "in since until till by from through during before after early late mid last next this "
    "throughout")
_YEAR_TRIGGERS = _w(
    "in since until till by from through during before after of early late mid and or to "
    "between throughout around fiscal year spring summer autumn fall winter circa")
_YEAR_NOUNS = _w(
    "election elections polls poll war wars census budget season accord agreement deal vote "
    "referendum riots riot attack attacks attacks earthquake floods flood crisis protests "
    "protest uprising coup revolution olympics games cup summit ceasefire truce "
    "offensive invasion massacre bombing bombings violence clashes report survey "
    "constitution law act treaty campaign general presidential parliamentary assembly "
    "local state national level levels figure figures period quarter fiscal financial")
_COUNT_NOUNS = _w(
    "people persons troops soldiers men women children police policemen officers residents "
    "families members votes voters dollars rupees euros pounds acres hectares km kilometres "
    "kilometers miles metres meters tonnes tons units cases deaths casualties refugees "
    "migrants protesters demonstrators fighters militants rebels prisoners detainees workers "
    "students civilians homes houses buildings vehicles cars rockets missiles shells "
    "points pages words feet hours minutes seconds days")
_DETERMINERS = _w("the a its his her their this that our your whose")
_QUANTITY_WORDS = _w(
    "about around nearly almost over under some than least approximately roughly only just "
    "estimated additional another more")
_ED_EXCLUDE = _w(
    "need speed seed feed bed red shed breed deed proceed exceed succeed indeed hundred embed "
    "wed sacred naked wicked kindred armed alleged based related limited concerned interested "
    "detailed advanced experienced supposed united skilled disputed suspected masked called "
    "named led")
_PAST_IRREGULAR = (
    "was|were|had|did|didn't|went|came|took|made|held|met|fought|began|struck|shot|fled|won|"
    "lost|left|gave|sent|saw|found|brought|broke|fell|ran|spoke|wrote|kept|stood|sought|"
    "thought|felt|rose|drove|threw|stole|became|got|knew|heard|paid|built|caught|bought|meant|"
    "sat|spent|swore|tore|woke|withdrew|overthrew|blew|grew|drew|flew|hid|bit|rang|sank|shook|"
    "arose|undertook|overtook|upheld|withheld|chose|froze|laid|dealt|lit|bled|fed|sped|swept|"
    "slept|dug|hung|stuck|swung|clung|flung|lent|bent|rebuilt|ago|earlier|yesterday")
_REPORTING = ("said|told|added|stated|announced|reported|claimed|noted|confirmed|declared|warned|"
              "alleged|insisted|explained|tweeted|wrote|posted")
_FUTURE = (r"(?:was|were|is|are)\s+(?:planning|preparing|scheduled|set|due|going|slated|"
           r"expected)|will|won't|wo\s+n't|'ll|shall|would|is\s+to|are\s+to|was\s+to|is\s+due|are\s+due|"
           r"due\s+to|plans?\s+to|planning\s+to|planned|scheduled|slated|expected\s+to|expects?\s+to|"
           r"going\s+to|set\s+to|intends?\s+to|aims?\s+to|upcoming|proposed|may|might|tomorrow")
_PRESENT = r"is|are|am|has|have|now"

# --------------------------------------------------------------------------------------------
# Regular expressions (compiled once)
# --------------------------------------------------------------------------------------------

_I = re.IGNORECASE
_MON_FULL = (r"(?-i:January|February|March|April|May|June|July|August|September|October|"
             r"November|December)(?![A-Za-z])")
_MON_ABBR = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_MON_DOT = rf"(?:{_MON_FULL}|{_MON_ABBR}\.)"          # may stand alone ("in Aug.")
_MON_ANY = rf"(?:{_MON_FULL}|{_MON_ABBR}\.?(?![A-Za-z]))"  # before/after a day number
# capitalised, or all lower case (text that was lower-cased: "arrested on sunday"); a
# weekday name has no other sense, unlike "may" or "march"
_WD = (r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|monday|tuesday|"
       r"wednesday|thursday|friday|saturday|sunday)(?![A-Za-z])")
_YEAR = r"(?<![\d$£€])(?<!\d[.,])(?:1[89]\d\d|20\d\d)(?!\d|[.,]\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[:.]\d)"
_NUMW = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|"
         r"four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
         r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
_NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|{_NUMW}|a\s+couple\s+of|couple\s+of|a\s+few|few|"
        r"several|many|some|numerous|a|an)")
_UNIT = (r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|"
         r"centur(?:y|ie))")
_MODP = (r"(?P<mod>early|earlier|late|later|mid|end|start|(?:the\s+)?(?:very\s+)?(?:end|beginning|"
         r"start|middle|turn|close)\s+of)")
_MODP_SEP = r"(?:\s*-\s*|\s+)"
_POD = r"(?:night|morning|afternoon|evening|overnight)"

_P_MDY = re.compile(
    rf"(?:(?P<wd>{_WD}),?\s+)?(?:{_MODP}{_MODP_SEP})?(?P<mon>{_MON_ANY})\s+(?:the\s+)?(?P<d>{_DAY})"
    rf"(?!\s*(?:%|percent|per\s+cent))(?:(?:,\s*|\s+)(?P<y>{_YEAR}))?"
    rf"(?:\s+(?P<rel>last|next|this)\s+year)?", _I)
_P_DMY = re.compile(
    rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MON_ANY})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?(?:\s+(?P<rel>last|next|this)\s+year)?", _I)
_P_ISO = re.compile(r"(?<![\d-])(?P<y>1[89]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|"
                    r"3[01])(?![\d])")
_P_MDRANGE = re.compile(
    rf"(?P<mon>{_MON_ANY})\s+(?P<d1>{_DAY})\s*(?P<sep>-|–|—|to|through|until|till|and|or)\s*"
    rf"(?P<d2>{_DAY})(?![\s-]*(?:{_MON_ANY}))(?:,?\s+(?P<y>{_YEAR}))?", _I)
_P_DMRANGE = re.compile(
    rf"(?P<d1>{_DAY})\s*(?P<sep>-|–|—|to|through|until|till|and|or)\s*(?P<d2>{_DAY})\s+(?:of\s+)?"
    rf"(?P<mon>{_MON_ANY})(?:,?\s+(?P<y>{_YEAR}))?", _I)
_P_ORDDAY = re.compile(
    rf"the\s+(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)(?!\s+(?:of\s+)?{_MON_ANY})"
    r"(?:\s+of\s+(?P<rel>this|last|next|the)\s+month)?", _I)
_P_WEEKOF = re.compile(
    rf"(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?:(?P<mon>{_MON_DOT})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?|(?P<rel>this|last|next)\s+month)", _I)
_P_MONTH = re.compile(
    rf"(?:{_MODP}{_MODP_SEP})?(?:(?P<det>last|next|this|this\s+past|this\s+coming|coming|past)\s+)?"
    rf"(?P<mon>{_MON_DOT})(?:(?:,\s*|\s+(?:of\s+)?)(?P<y>{_YEAR})|\s+(?P<rel>last|next|this)\s+year)?",
    _I)
_P_YEAR = re.compile(
    rf"(?:{_MODP}{_MODP_SEP})?(?P<fiscal>fiscal\s+(?:year\s+)?|FY\s*)?(?P<y>{_YEAR})(?!s\b)(?!(?<=0)'s\b)",
    _I)
_P_DECADE = re.compile(
    rf"(?:{_MODP}{_MODP_SEP})?(?P<the>the\s+)?(?:(?P<dy>1[89]\d0|20\d0)'?s|['’](?P<dd>\d0)s|"
    r"(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![a-z])", _I)
_P_SEASON = re.compile(
    rf"(?:{_MODP}{_MODP_SEP})?(?:(?P<det>last|next|this|this\s+past|the\s+coming|coming|past|the)"
    r"\s+)?(?P<s>spring|summer|autumn|fall|winter)(?![a-z])(?:\s+(?:of\s+)?(?P<y>"
    rf"{_YEAR})|\s+of\s+(?P<rel>last|this|next)\s+year)?", _I)
_P_QUARTER = re.compile(
    rf"(?:{_MODP}{_MODP_SEP})?(?:the\s+)?(?P<ago>(?:comparable\s+)?year[- ](?:earlier|ago)\s+)?"
    rf"(?:(?P<fy>{_YEAR})(?:'s)?\s+|fiscal\s+|(?P<det>last|this|next)"
    r"\s+year'?s\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+"
    r"(?:fiscal\s+)?(?P<unit>quarter|half)(?![a-z])(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y>"
    rf"{_YEAR})|(?P<rel>this|last|next)\s+year|the\s+(?:fiscal\s+)?year))?"
    rf"|(?-i:Q)(?P<qn>[1-4])(?![\w])(?:\s+(?P<y2>{_YEAR}))?|(?P<y3>{_YEAR})\s*(?-i:Q)(?P<qn2>[1-4])"
    r"(?!\w)", _I)
_P_WEEKDAY = re.compile(
    rf"(?:(?P<mod>last|next|this|this\s+past|this\s+coming|coming|past|early|late|the\s+previous|"
    r"the\s+preceding|the\s+following)\s+)?"
    rf"(?P<wd>{_WD})(?:\s+(?P<pod>{_POD}))?", _I)
_P_DAYWORD = re.compile(
    r"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+"
    r"after\s+tomorrow|yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|"
    rf"evening))(?![a-z])(?:\s+(?P<pod>{_POD}))?", _I)
_P_REF = re.compile(
    r"(?P<w>(?-i:[Nn]ow)(?!\s+that\b)|(?:(?<=\bthe\s)|(?<=\ba\s))recent(?=\s+[a-z])"
    r"(?!\s+(?:days|weeks|months|years|times|past)\b)|currently|nowadays|at\s+present|presently|at\s+the\s+moment|recently|lately|"
    r"in\s+recent\s+(?:days|weeks|months|years|times)|recent\s+(?:days|weeks|months|years)|"
    rf"(?:in\s+)?the\s+past(?!\s+(?:\d|few|several|many|couple|{_NUMW}\b))|(?:in\s+)?the\s+future|"
    r"in\s+future|the\s+near\s+future|the\s+(?:near|short)\s+term|these\s+days|"
    r"as\s+soon\s+as\s+possible)(?![\w-])", _I)
_P_RELUNIT = re.compile(
    rf"(?:{_MODP}{_MODP_SEP})?(?P<det>last|next|this|this\s+past|this\s+coming|the\s+coming|"
    r"the\s+past|past|coming|the\s+previous|the\s+following|the\s+preceding|the\s+same|the|that)"
    r"\s+(?P<unit>weekend|week|month|year|quarter|decade)(?![a-z])", _I)
_P_RELDAY = re.compile(
    rf"(?:the|that)\s+(?P<det>previous|next|following|same|preceding|prior|very)\s+(?P<u>day|{_POD})"
    rf"(?![a-z])|the\s+(?P<u2>day|{_POD})\s+(?P<dir>before|after|earlier|prior)"
    rf"(?=\s*(?:[,.;:)]|$|and\s|when\s|but\s))|(?P<that>that|this\s+very)\s+(?P<u3>day|{_POD})"
    r"(?![a-z])", _I)
_P_AGO = re.compile(
    rf"(?P<n>{_NUM})(?:\s*-\s*|\s+)(?P<unit>{_UNIT})s?\s+(?P<dir>ago|earlier|later|before|after|"
    r"previously|hence|from\s+now|on)(?=\s*(?:[,.;:)!?\"']|$|and\s|when\s|but\s|as\s))"
    rf"|(?P<n2>{_NUM})(?:\s*-\s*|\s+)(?P<unit2>{_UNIT})s?\s+(?P<dir2>ago|earlier|later|hence|"
    r"from\s+now)", _I)
_P_DURATION = re.compile(
    r"(?:(?P<det>the\s+(?:past|last|next|first|previous|coming|following|final|preceding)|"
    r"(?:the\s+)?(?:past|last|next|first|coming|following))\s+)?(?P<n>"
    rf"{_NUM})(?P<half>\s+1/2|\s*½)?(?:\s*-\s*|\s+)(?:more\s+)?(?P<unit>{_UNIT})s?(?P<long>-long)?"
    r"(?![a-z])(?P<half2>\s+and\s+a\s+half(?![a-z]))?(?![\s-]+old\b)", _I)
_P_BAREDUR = re.compile(
    r"(?P<pre>(?:for|over|within|lasting)\s+(?:the\s+(?:past|last)\s+)?)"
    r"(?P<unit>hours|days|weeks|months|years|decades)(?![a-z])", _I)
_P_SET = re.compile(
    r"(?P<adv>(?-i:daily|weekly|monthly|annually|yearly|nightly|hourly))(?![a-z])"
    rf"|(?:every|each)\s+(?:other\s+)?(?:(?P<n>{_NUMW}|\d+)\s+)?(?P<unit>day|week|month|quarter|year|"
    rf"morning|night|evening|weekend|{_WD})s?(?![a-z])"
    r"|(?P<freq>once|twice|thrice|\w+\s+times)\s+(?:a|per|every)\s+(?P<unit2>day|week|month|year)"
    rf"|(?P<wds>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))(?![a-z])",
    _I)
_P_TIME = re.compile(
    r"(?<![\d:.])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m|"
    r"am|pm)(?![a-z])"
    r"|(?<![\d:.])(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])(?:\s*(?:hrs|hours|h|GMT|UTC|IST|"
    r"local\s+time)(?![a-z]))?"
    r"|(?<![\d:.,])(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)\s*(?:hrs|hours|GMT|UTC|IST)(?![a-z])"
    r"|(?P<nm>noon|midnight|midday)(?![a-z])", _I)
# years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand"
_P_SPOKEN = re.compile(
    rf"(?:(?P<mon>{_MON_FULL})\s+)?(?:(?P<the>the\s+year)\s+)?(?:nineteen[\s-]+(?P<yy>{_NUMW}|oh[\s-]+"
    r"(?:one|two|three|four|five|six|seven|eight|nine))|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?"
    rf"(?P<y2k>{_NUMW}))?)(?![\w-])", _I)
_P_HOLIDAY = re.compile(
    r"(?:(?P<det>last|next|this)\s+)?(?P<h>(?-i:Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|"
    r"\s+Eve)?|Valentine's\s+Day|Halloween|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday)?|"
    rf"Good\s+Friday|May\s+Day|Boxing\s+Day))(?![a-z])(?:,?\s+(?P<y>{_YEAR}))?", _I)

# business-news references to the reporting period ("the latest quarter", "the year-ago
# period", "the current fiscal year", "the year ended June 30")
_P_FIN = re.compile(
    r"(?:the\s+)?(?P<mod>latest|current|most\s+recent|(?:comparable\s+|corresponding\s+)?"
    r"year[- ](?:ago|earlier))\s+(?:fiscal\s+)?(?P<u>quarter|period)(?![a-z])"
    r"|the\s+(?P<ymod>full|current|current\s+fiscal|latest\s+fiscal|fiscal)\s+year(?![a-z-])"
    r"(?!\s+end(?:ed|ing)\b)"
    r"|the\s+(?:fiscal\s+)?(?P<yend>year)(?=\s+end(?:ed|ing)\b)"
    rf"|the\s+(?P<qy>{_YEAR})\s+(?:fiscal\s+)?(?:quarter|period)(?![a-z])"
    r"|(?P<prevq>the\s+(?:same|corresponding|comparable)\s+(?:fiscal\s+)?(?:quarter|period)\s+"
    r"(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+previous\s+year)"
    r"|last\s+year'?s\s+(?:fiscal\s+)?(?:quarter|period))(?![a-z])"
    r"|(?P<yadj>year[- ](?:earlier|ago))(?![a-z-])"
    r"|(?P<yearend>year[- ]end|year's\s+end)(?![a-z])"
    r"|(?P<inthe>earlier|later)\s+in\s+the\s+(?P<iu>year|month|week)(?![a-z])", _I)

_PATTERNS: dict[str, re.Pattern[str]] = {
    "mdrange": _P_MDRANGE, "dmrange": _P_DMRANGE, "mdy": _P_MDY, "dmy": _P_DMY, "iso": _P_ISO,
    "ordday": _P_ORDDAY, "weekof": _P_WEEKOF, "month": _P_MONTH, "year": _P_YEAR,
    "decade": _P_DECADE, "season": _P_SEASON, "quarter": _P_QUARTER, "weekday": _P_WEEKDAY,
    "dayword": _P_DAYWORD, "ref": _P_REF, "relunit": _P_RELUNIT, "relday": _P_RELDAY,
    "ago": _P_AGO, "duration": _P_DURATION, "baredur": _P_BAREDUR, "set": _P_SET,
    "time": _P_TIME, "holiday": _P_HOLIDAY, "fin": _P_FIN, "spoken": _P_SPOKEN,
}
# Speed: the full patterns above start with optional words, which defeats the regex engine's
# first-character skip, and a big alternation is slow in ``re``. So the text is tokenised once;
# anchor tokens (month names, units, "yesterday", years ...) are looked up in a dict, and each
# full pattern of the anchor's group is tried only at the tokens shortly before the anchor that
# can begin it (``_STARTS``).
_TOKEN = re.compile(r"[A-Za-z]+\d*|\d+")
_CAP_CORE = {**{k: "mon" for k in _w(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sept sep oct nov dec")},
    **{k: "wd" for k in _w("monday tuesday wednesday thursday friday saturday sunday")},
    **{k: "set" for k in _w(
        "mondays tuesdays wednesdays thursdays fridays saturdays sundays")},
    **{k: "hol" for k in _w("christmas valentine halloween thanksgiving easter boxing")},
    **{k: "q" for k in ("q1", "q2", "q3", "q4")}}
_CORE_WORDS = {
    **{k: "dw" for k in ("yesterday", "today", "tomorrow", "tonight")},
    **{k: "unit" for k in _w(
        "second minute hour day night week weekend fortnight month year decade century "
        "centuries quarter half morning afternoon evening overnight period")},
    **{k: "season" for k in ("spring", "summer", "autumn", "fall", "winter")},
    **{k: "ref" for k in _w(
        "now current currently present presently recent recently lately past future soon "
        "formerly previously moment nowadays")},
    **{k: "set" for k in _w(
        "daily weekly monthly annually yearly nightly hourly every each once twice thrice "
        "times")},
    **{k: "time" for k in ("gmt", "utc", "ist", "hrs", "noon", "midnight", "midday")},
    **{k: "dec" for k in _DECADE_WORDS},
    **{k: "spk" for k in ("nineteen", "thousand")},
    "term": "ref",
}
_CORE_KINDS: dict[str, tuple[str, ...]] = {
    "mon": ("mdrange", "dmrange", "mdy", "dmy", "month", "weekof", "holiday"),
    "wd": ("mdy", "dmy", "weekday", "holiday"),
    "dw": ("dayword",),
    "unit": ("relunit", "ago", "duration", "baredur", "relday", "set", "weekof", "quarter",
             "dayword", "ref", "fin"),
    "year": ("year", "decade", "quarter"),
    "dec": ("decade",),
    "spk": ("spoken",),
    "season": ("season",),
    "ref": ("ref", "relunit", "duration"),
    "set": ("set",),
    "time": ("time",),
    "hol": ("holiday",),
    "q": ("quarter",),
}
_FULL_SCAN = ("iso", "ordday")  # patterns that start with a literal: plain finditer is fast
_BACK = 48  # how far before an anchor a match may start
_NUMWORDS = frozenset(_ONES[1:]) | frozenset(_TENS) | _w(
    "a an several some many few couple numerous")
_MODW = _w("early earlier late later mid end start the very beginning middle turn close")
_MONW = frozenset(_MONTHS) | _w(
    "january february march april june july august september sept october november december")
_WDW = _w("monday tuesday wednesday thursday friday saturday sunday")
_DETW = _w("last next this past coming that the")
_STARTS: dict[str, frozenset[str]] = {
    "mdrange": _MONW,
    "dmrange": frozenset({"#d"}),
    "mdy": _WDW | _MODW | _MONW,
    "dmy": _WDW | frozenset({"the", "#d"}),
    "month": _MODW | _DETW | _MONW,
    "weekof": _w("the first second third fourth last final"),
    "year": _MODW | frozenset({"fiscal", "fy", "#d"}),
    "decade": _MODW | frozenset({"the", "#d", "#'"}) | frozenset(_DECADE_WORDS),
    "season": _MODW | _DETW | frozenset(_SEASONS),
    "quarter": _MODW | _DETW | frozenset(_ORD) | frozenset({"fiscal", "q1", "q2", "q3", "q4",
                                                            "year", "#d"}),
    "weekday": _WDW | _w("last next this past coming early late the"),
    "dayword": _w("early late earlier later the yesterday today tomorrow tonight last "
                         "this"),
    "ref": _w("now currently nowadays at presently recently lately in recent the soon "
                     "formerly previously these as"),
    "relunit": _MODW | _DETW,
    "relday": frozenset({"the", "that", "this"}),
    "ago": _NUMWORDS | frozenset({"#d"}),
    "duration": _NUMWORDS | _w("#d the past last next first coming following"),
    "baredur": frozenset({"for", "over", "within", "lasting"}),
    "set": _w("every each once twice thrice daily weekly monthly annually yearly nightly "
                     "hourly mondays tuesdays wednesdays thursdays fridays saturdays sundays "
                     "#d") | _NUMWORDS,
    "time": frozenset({"#d", "noon", "midnight", "midday"}),
    "holiday": _w("last next this christmas new valentine halloween thanksgiving easter "
                         "good may boxing"),
    "fin": _w("the latest current most year comparable corresponding last earlier later"),
    "spoken": _MONW | _w("the nineteen two"),
}


def _core_group(text: str, s: int, e: int, low: str) -> str | None:
    """The anchor group of one token, or None."""
    tok = text[s:e]
    if tok[0].isdigit():
        n = len(tok)
        nxt = text[e:e + 1]
        if n == 4 and tok[:2] in ("18", "19", "20"):
            return "year"
        if n == 2 and tok[1] == "0" and nxt == "s" and text[s - 1:s] in ("'", "’"):
            return "dec"
        if nxt == ":" and text[e + 1:e + 2].isdigit():
            return "time"
        if re.match(r"\s?[ap]\.?m(?![a-z])", text[e:e + 5], _I):
            return "time"
        return None
    if tok[0].isupper() or (tok.islower() and low in _WDW):  # "on sunday" in lower-cased text
        g = _CAP_CORE.get(low)
        if g:
            return g
    g = _CORE_WORDS.get(low)
    if g is None and low.endswith("s"):
        g = _CORE_WORDS.get(low[:-1])
    return g

# A past-tense date up to this many days after publication stays in the publication year (and a
# future-tense one up to this many days before): tense detection is noisier than that.
_DATE_TOLERANCE = 45
_PREV_WORD = re.compile(r"([A-Za-z]+)\W*$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_POD_BEFORE = re.compile(
    r"(?:the\s+)?(?:intervening\s+)?(?:night|morning|afternoon|evening|early\s+hours|small\s+hours|"
    r"wee\s+hours)\s+of\s+$", _I)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", _I)
_TENSE = re.compile(
    rf"\b(?:(?P<fut>{_FUTURE})|(?P<rep>{_REPORTING})|(?P<past>{_PAST_IRREGULAR})|(?P<pres>{_PRESENT})"
    r"|(?P<ed>[a-z]{2,}ed))\b")
_AUX_BEFORE = re.compile(
    r"\b(?:be|been|being|is|are|was|were|has|have|had|get|got)\s+(?:\w+ly\s+)?$")
_FIN_CUE = re.compile(
    r"\b(?:earn(?:ed|ings?)?|profits?|loss(?:es)?|revenues?|sales|net|income|results|dividends?|"
    r"fiscal|quarterly|share|shares)\b|[$%£€]", _I)
_HAD_BEFORE = re.compile(r"\bhad\s+(?:been\s+)?$")
_DET_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|these|those|our)\s+$", _I)
_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by|before|through|ahead\s+of)\s+(?:the\s+)?$", _I)
_SENT_BOUNDARY = re.compile(r"[.!?]+[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9])|\n\s*")
_AMPM_GOES_ON = re.compile(
    r"(?![\"'‘“]?[A-Z])|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|"
    r"Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|[ECMP][SD]T\b|GMT\b|UTC\b)")
_ABBREV = _w(
    "mr mrs ms dr gen col lt sgt capt maj rep sen gov st jan feb mar apr jun jul aug sep sept oct "
    "nov dec no vs inc corp co ltd jr sr prof rev fig ft mt u.s u.n u.k e.g i.e approx est")
_RANGE_BETWEEN = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till)\s*$", _I)
_RANGE_AND = re.compile(r"\s*and\s*$", _I)
_RANGE_UNTIL = re.compile(r"^[^.!?;]{0,160}?\b(?:until|till|through|thru)\s+(?:the\s+)?$", _I)
_INTERVENING = re.compile(r"(?:the\s+)?intervening\s", _I)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", _I)
_RANGE_BETWEEN_OPEN = re.compile(r"\bbetween\s+(?:the\s+)?$", _I)


# --------------------------------------------------------------------------------------------
# Date helpers
# --------------------------------------------------------------------------------------------

def _mlast(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Span:
    value: str
    start: dt.date
    end: dt.date
    precision: str


def _unit_span(unit: str, d: dt.date) -> _Span:
    """The calendar unit (day, week, weekend, month, quarter, year, decade) containing ``d``."""
    if unit == "day":
        return _Span(d.isoformat(), d, d, "day")
    if unit in ("week", "weekend"):
        mon = d - _D(days=d.weekday())
        iy, iw, _ = d.isocalendar()
        if unit == "weekend":
            return _Span(f"{iy}-W{iw:02d}-WE", mon + _D(days=5), mon + _D(days=6), "day")
        return _Span(f"{iy}-W{iw:02d}", mon, mon + _D(days=6), "week")
    if unit == "month":
        return _Span(f"{d.year}-{d.month:02d}", d.replace(day=1), _mlast(d.year, d.month), "month")
    if unit == "quarter":
        q = (d.month - 1) // 3 + 1
        return _Span(f"{d.year}-Q{q}", dt.date(d.year, 3 * q - 2, 1), _mlast(d.year, 3 * q),
                     "quarter")
    if unit == "decade":
        y0 = d.year // 10 * 10
        return _Span(str(d.year // 10), dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31), "decade")
    return _Span(str(d.year), dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year")


def _shift(unit: str, d: dt.date, n: int) -> dt.date:
    if unit == "day":
        return d + _D(days=n)
    if unit in ("week", "weekend"):
        return d + _D(days=7 * n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}.get(unit, 0)
    return _add_months(d, months * n)


def _season_span(year: int, code: str) -> _Span:
    m = _SEASON_MONTH[code]
    start = dt.date(year, m, 1)
    end = _mlast(year + 1, 2) if code == "WI" else _mlast(year, m + 2)
    return _Span(f"{year}-{code}", start, end, "quarter")


def _norm_mod(mod: str | None) -> str | None:
    if not mod:
        return None
    m = mod.lower()
    if m.startswith("earlier"):
        return "earlier"
    if m.startswith("later"):
        return "later"
    if "early" in m or "beginning" in m or "start" in m:
        return "early"
    if "mid" in m:
        return "mid"
    if "late" in m or "end" in m or "close" in m:
        return "late"
    return None


def _narrow(span: _Span, mod: str | None, pub: dt.date | None) -> _Span:
    """Restrict a span to its early / mid / late part; keeps the value and precision."""
    mod = _norm_mod(mod)
    if mod is None or span.start == span.end:
        return span
    s, e = span.start, span.end
    if mod in ("earlier", "later"):
        if pub is not None and s <= pub <= e:
            if mod == "earlier":
                return _Span(span.value, s, max(s, pub - _D(days=1)), span.precision)
            return _Span(span.value, min(e, pub + _D(days=1)), e, span.precision)
        mod = "early" if mod == "earlier" else "late"
    if span.precision == "month":
        parts = ((s, s + _D(days=9)), (s + _D(days=10), s + _D(days=19)), (s + _D(days=20), e))
    elif span.precision == "week":
        parts = ((s, s + _D(days=1)), (s + _D(days=2), s + _D(days=3)), (s + _D(days=4), e))
    elif span.precision == "decade":
        y = s.year
        parts = ((s, dt.date(y + 3, 12, 31)), (dt.date(y + 4, 1, 1), dt.date(y + 6, 12, 31)),
                 (dt.date(y + 7, 1, 1), e))
    else:  # year, quarter, season: thirds by whole months
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        k = max(1, months // 3)
        a = _add_months(s, k)
        b = _add_months(s, 2 * k)
        parts = ((s, a - _D(days=1)), (a, b - _D(days=1)), (b, e))
    i = {"early": 0, "mid": 1, "late": 2}[mod]
    return _Span(span.value, parts[i][0], parts[i][1], span.precision)


def _easter(y: int) -> dt.date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def _holiday(name: str, y: int) -> dt.date:
    key = re.sub(r"\s+", " ", name.lower())
    if key in _HOLIDAYS_FIXED:
        m, d = _HOLIDAYS_FIXED[key]
        return dt.date(y, m, d)
    if key.startswith("thanksgiving"):
        first = dt.date(y, 11, 1)
        return first + _D(days=(3 - first.weekday()) % 7 + 21)
    e = _easter(y)
    if key == "good friday":
        return e - _D(days=2)
    if key == "easter monday":
        return e + _D(days=1)
    return e


def _num(s: str) -> int | None:
    """Number from digits or English words; None for vague amounts ("several")."""
    t = re.sub(r"\s+", " ", s.strip().lower())
    if t in ("a", "an"):
        return 1
    if t in ("couple of", "a couple of"):
        return 2
    if t in _VAGUE:
        return None
    if t[0].isdigit():
        try:
            return int(float(t.replace(",", "")))
        except ValueError:
            return None
    parts = re.split(r"[\s-]+", t)
    total = 0
    for p in parts:
        if p in _TENS:
            total += _TENS[p]
        elif p in _ONES:
            total += _ONES.index(p)
        else:
            return None
    return total


def _pick(cands: list[_Span], pub: dt.date, tense: str | None, tolerance: int = 0) -> _Span:
    """Choose among same-label spans of different years by tense (see module docstring)."""
    tol = _D(days=tolerance)
    if tense == "past":
        ok = [c for c in cands if c.start <= pub + tol]
        if ok:
            return max(ok, key=lambda c: c.start)
    elif tense == "future":
        ok = [c for c in cands if c.end >= pub - tol]
        if ok:
            return min(ok, key=lambda c: c.start)

    def dist(c: _Span) -> tuple[int, int]:
        if c.start <= pub <= c.end:
            return (0, 0)
        gap = (c.start - pub).days if c.start > pub else (pub - c.end).days
        return (gap, 0 if c.end < pub else 1)
    return min(cands, key=dist)


# --------------------------------------------------------------------------------------------
# Sentences and tense
# --------------------------------------------------------------------------------------------

def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences by punctuation and line breaks (abbreviation-aware)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_BOUNDARY.finditer(text):
        if m.group(0)[0] == ".":
            w = re.search(r"([\w.]+)$", text[max(0, m.start() - 12):m.start()])
            if w and (w.group(1).lower() in _ABBREV or re.fullmatch(r"[A-Z]", w.group(1))):
                continue
            if w and w.group(1).lower() in ("a.m", "p.m") and _AMPM_GOES_ON.match(text, m.end()):
                continue  # "10:35 a.m. (0735 GMT) Friday", "at 10 p.m. Wednesday, police said"
        end = m.start() + len(m.group(0).rstrip())
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


@dataclass(frozen=True, slots=True)
class _Marker:
    start: int
    end: int
    tense: str
    reporting: bool


def _markers(text: str, s: int, e: int) -> list[_Marker]:
    out: list[_Marker] = []
    for m in _TENSE.finditer(text, s, e):
        if m.group("fut"):
            # "had been scheduled to expire Friday", "had planned": a plan in the past
            past = _HAD_BEFORE.search(text, max(s, m.start() - 12), m.start()) is not None
            out.append(_Marker(m.start(), m.end(), "past" if past else "future", False))
        elif m.group("rep"):
            out.append(_Marker(m.start(), m.end(), "past", True))
        elif m.group("pres"):
            out.append(_Marker(m.start(), m.end(), "present", False))
        else:
            w = m.group(0)
            if m.group("ed") and (w in _ED_EXCLUDE or w.startswith("un") or _DET_BEFORE.search(
                    text, max(s, m.start() - 8), m.start())):
                continue  # adjectives: "the wounded", "unconfirmed reports"
            if w not in ("was", "were", "had", "did", "didn't") and _AUX_BEFORE.search(
                    text, max(s, m.start() - 20), m.start()):
                continue  # participle after an auxiliary: the auxiliary decides
            out.append(_Marker(m.start(), m.end(), "past", False))
    return out


def _tense_at(markers: list[_Marker], start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for mk in markers:
        if mk.start >= start and mk.end <= end:
            continue  # inside the expression itself ("yesterday", "earlier")
        if mk.end <= start:
            dist = start - mk.end
            if mk.reporting and dist > 30:
                continue
        else:
            dist = mk.start - end
            if mk.reporting and dist > 3:
                continue
        if best is None or dist < best[0]:
            best = (dist, mk.tense)
    if best is None or best[1] == "present":
        return None
    return best[1]


# --------------------------------------------------------------------------------------------
# Candidate extraction
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    kind: str
    m: re.Match[str]


def _prev_word(text: str, pos: int) -> str:
    w = _PREV_WORD.search(text, max(0, pos - 30), pos)
    return w.group(1).lower() if w else ""


def _next_word(text: str, pos: int) -> str:
    w = _NEXT_WORD.match(text, pos)
    return w.group(1).lower() if w else ""


def _accept(kind: str, m: re.Match[str], text: str) -> bool:
    """Cheap structural checks that reject look-alikes ("May" the modal, "the fall of")."""
    g = m.groupdict()
    if kind == "month":
        if g["mod"] or g["det"] or g["y"] or g["rel"]:
            return True
        mon = g["mon"].lower()[:3]
        trig = _STRICT_MONTH_TRIGGERS if mon in ("may", "mar") else _MONTH_TRIGGERS
        return _prev_word(text, m.start()) in trig
    if kind == "year":
        if g["mod"] or g["fiscal"]:
            return True
        pw = _prev_word(text, m.start())
        nw = _next_word(text, m.end())
        if nw in _COUNT_NOUNS and text[m.end():m.end() + 1] == " ":
            return False  # "2000 people"
        if pw in _YEAR_TRIGGERS or pw in _MONTHS or (pw[:3] in _MONTHS and len(pw) <= 4):
            return True
        before = text[max(0, m.start() - 2):m.start()]
        if before.rstrip().endswith(("(", "-", "–")):
            return True
        nxt = text[m.end():m.end() + 1]
        if not nxt or not (nxt.isspace() or nxt.isalpha()):
            return True  # punctuation after a year: "in May, 1998." / "(1998)" / "1998-99"
        if nw.endswith("s") and not nw.endswith("ss") and pw not in _DETERMINERS:
            return False  # "2000 protesters"
        return pw not in _QUANTITY_WORDS
    if kind == "decade":
        return bool(g["dy"] or g["dd"] or g["the"] or g["mod"])
    if kind == "spoken":
        nw = _next_word(text, m.end())
        if nw in _COUNT_NOUNS or (nw.endswith("s") and not nw.endswith("ss")
                                   and text[m.end():m.end() + 1] == " "):
            return False  # "nineteen ninety-six people"
        if g["the"] or g["mon"] or g["yy"] is not None:
            return True
        return _prev_word(text, m.start()) in ("in", "by", "since", "until", "before", "after")
    if kind == "season":
        if g["y"] or g["rel"] or g["mod"] or (g["det"] and g["det"].lower() != "the"):
            return True
        if g["s"].lower() == "fall" and _next_word(text, m.end()) == "of":
            return False
        pw = _prev_word(text, m.start())
        return pw in ("in", "during", "since", "until", "by", "before", "after", "over", "into",
                      "through", "throughout", "early", "late", "this", "last", "next")
    if kind == "quarter":
        if g["q"] and g["q"].lower() in ("last", "final") and not (g["y"] or g["rel"]):
            return False
        return not (g["unit"] and g["unit"].lower() == "half" and not (g["y"] or g["rel"]
                                                                       or g["fy"] or g["det"]))
    if kind == "ordday":
        pw = _prev_word(text, m.start())
        if pw not in ("on", "of", "since", "until", "till", "by", "before", "after", "from",
                      "between", "and", "to", "through", "or", "night", "morning", "evening"):
            return False
        if g["rel"]:
            return True
        nxt = text[m.end():m.end() + 1]
        return not nxt or not nxt.isspace() or _next_word(text, m.end()) in (
            "and", "when", "at", "in", "as", "after", "before", "but", "while", "until", "to",
            "this", "last", "of", "or", "the", "that", "he", "she", "they", "it", "police")
    if kind == "relunit":
        det = g["det"].lower()
        unit = g["unit"].lower()
        if unit == "quarter" and det in ("the", "that", "this") and not g["mod"]:
            # "the quarter" is a reporting period only in business text, not "the Christian
            # quarter" of a city: a financial word must be near
            lo = max(text.rfind(". ", 0, m.start()), m.start() - 200, 0)
            hi = text.find(". ", m.end())
            hi = min(hi if hi >= 0 else len(text), m.end() + 200)
            return _FIN_CUE.search(text, lo, hi) is not None
        if det == "the":
            return bool(g["mod"]) or unit == "weekend"
        if det == "that":
            return unit in ("week", "month", "year", "weekend")
        if det in ("the past", "past", "the coming"):
            return True
        return True
    if kind in ("duration", "ago"):
        n = (g.get("n") or g.get("n2") or "").lower()
        unit = (g.get("unit") or g.get("unit2") or "").lower()
        if n in ("some", "many") and unit in ("hour", "second", "minute"):
            return False
        if unit.startswith("quarter") and (n in ("a", "an", "one") or _next_word(
                text, m.end()) == "of" or "-" in m.group(0)):
            return False  # fractions: "a quarter of", "three quarters of", "three-quarters"
        if n in ("a", "an") and (unit == "second" or m.group(0).lower().rstrip().endswith(
                ("s", "s-long"))):
            return False  # "a second attack" (ordinal), "a decades-long war"
        if kind == "duration" and n in ("a", "an"):
            # "a day" in "twice a day", "$5 a year": the SET pattern or money, not a duration
            pw = _prev_word(text, m.start())
            if pw in ("per", "times", "once", "twice", "thrice", "million", "billion",
                      "thousand", "cents", "dollars", "shares", "units") or re.search(
                    r"[\d%]\s*$", text[max(0, m.start() - 3):m.start()]):
                return False
        return not (n and n[0].isdigit() and m.start() > 0 and text[m.start() - 1] in "$£€")
    if kind in ("mdrange", "dmrange"):
        d1 = int(re.match(r"\d+", g["d1"]).group())  # type: ignore[union-attr]
        d2 = int(re.match(r"\d+", g["d2"]).group())  # type: ignore[union-attr]
        return d1 < d2 or g["sep"].lower() in ("and", "or")
    if kind == "time":
        if g["h2"] is not None:
            # "12:30" but not scores / ratios ("3:1") — require two-digit minutes (regex) and
            # no digit-colon-digit continuation
            return True
        return True
    if kind == "ref":
        w = g["w"].lower()
        if w == "now":
            nw = _next_word(text, m.end())
            return nw not in ("that", "than")
        if w in ("formerly", "previously"):
            return True
        return True
    return True


def _candidates(text: str) -> list[_Cand]:
    cands: list[_Cand] = []
    seen: set[tuple[int, int, str]] = set()

    def add(kind: str, m: re.Match[str]) -> None:
        key = (m.start(), m.end(), kind)
        if m.end() > m.start() and key not in seen and _accept(kind, m, text):
            seen.add(key)
            s = m.end("pre") if kind == "baredur" else m.start()
            cands.append(_Cand(s, m.end(), kind, m))

    for kind in _FULL_SCAN:
        for m in _PATTERNS[kind].finditer(text):
            add(kind, m)
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    lows = [text[s:e].lower() for s, e in toks]
    starts = [s for s, _ in toks]
    for i, (cs, ce) in enumerate(toks):
        group = _core_group(text, cs, ce, lows[i])
        if group is None:
            continue
        lo = bisect.bisect_left(starts, cs - _BACK)
        for kind in _CORE_KINDS[group]:
            pat = _PATTERNS[kind]
            allowed = _STARTS[kind]
            for j in range(lo, i + 1):
                low = lows[j]
                q = starts[j]
                if low[0].isdigit():
                    if "#d" not in allowed:
                        continue
                    if "#'" in allowed and text[q - 1:q] in ("'", "’"):
                        q -= 1
                elif low not in allowed and j != i:
                    continue
                hit = pat.match(text, q)
                if hit is not None and hit.end() >= ce:
                    add(kind, hit)
                    break
    # longest first, then earliest; keep non-overlapping
    cands.sort(key=lambda c: (c.start - c.end, c.start))
    kept: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in cands:
        if all(c.end <= s or c.start >= e for s, e in taken):
            kept.append(c)
            taken.append((c.start, c.end))
    kept.sort(key=lambda c: c.start)
    return kept


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------

class _Doc:
    """Per-call resolution state: sentences, tense markers, last mentioned date."""

    def __init__(self, text: str, pub: dt.date | None,
                 sentences: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.pub = pub
        self.sents = list(sentences)
        self.sent_starts = [s for s, _ in self.sents]
        self._markers: dict[int, list[_Marker]] = {}
        self.anchor: _Span | None = None  # last concrete date expression
        self.anchor_day: dt.date | None = None
        # the reporting quarter of business news: the last quarter named as such ("the third
        # quarter", "the latest quarter"), not one reached by "a year earlier"
        self.quarter: dt.date | None = None
        # False after a longer reporting period ("the first nine months"): "a year earlier"
        # then compares that period, not the quarter
        self.quarter_in_view = False

    def sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def tense(self, start: int, end: int) -> str | None:
        """Past / future / None (present or unknown) for an expression at [start, end)."""
        i = self.sent_index(start)
        if i not in self._markers:
            s, e = self.sents[i] if self.sents else (0, len(self.text))
            self._markers[i] = _markers(self.text, s, e)
        if _SINCE_BEFORE.search(self.text, max(0, start - 12), start):
            return "past"  # "on patrol since March": a starting point already passed
        tense = _tense_at(self._markers[i], start, end)
        if tense == "past" and _DEADLINE_BEFORE.search(self.text, max(0, start - 16), start):
            return None  # "ruled ... by Jan. 14": a deadline points forward; take the nearest
        return tense

    def ref_day(self) -> dt.date | None:
        return self.anchor_day or self.pub


def _expr(text: str, s: int, e: int, span: _Span, anchored: bool,
          typ: str = "DATE") -> TimeExpression:
    return TimeExpression(text[s:e], s, e, typ, span.value, span.start.isoformat(),
                          span.end.isoformat(), span.precision, anchored)


def _unresolved(text: str, s: int, e: int, value: str, typ: str = "DATE",
                precision: str | None = None) -> TimeExpression:
    return TimeExpression(text[s:e], s, e, typ, value, None, None, precision, True)


def _mon_num(s: str) -> int:
    return _MONTHS[s.lower()[:3]]


def _day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


def _month_day(doc: _Doc, c: _Cand, mon: int, day: int, y: str | None, rel: str | None,
               wd: str | None, s: int, e: int) -> TimeExpression | None:
    text, pub = doc.text, doc.pub
    if y:
        d = _safe_date(int(y), mon, day)
        return _expr(text, s, e, _unit_span("day", d), False) if d else None
    if pub is None:
        return _unresolved(text, s, e, f"XXXX-{mon:02d}-{day:02d}", precision="day")
    if rel:
        yy = pub.year + {"last": -1, "next": 1}.get(rel.lower(), 0)
        d = _safe_date(yy, mon, day)
        return _expr(text, s, e, _unit_span("day", d), True) if d else None
    cands = [_unit_span("day", d) for yy in (pub.year - 1, pub.year, pub.year + 1)
             if (d := _safe_date(yy, mon, day)) is not None]
    if not cands:
        return None
    if wd:
        wdn = _WEEKDAYS[wd.lower()[:3]]
        match = [cd for cd in cands if cd.start.weekday() == wdn]
        if match:
            cands = match
    return _expr(text, s, e, _pick(cands, pub, doc.tense(s, e), tolerance=_DATE_TOLERANCE), True)


def _resolve_range(doc: _Doc, c: _Cand) -> list[TimeExpression]:
    g = c.m.groupdict()
    text = doc.text
    mon = _mon_num(g["mon"])
    if c.kind == "mdrange":
        s1, e1 = c.m.start(), c.m.end("d1")
        s2, e2 = c.m.start("d2"), c.m.end()
    else:
        s1, e1 = c.m.start("d1"), c.m.end("d1")
        s2, e2 = c.m.start("d2"), c.m.end()
    second = _month_day(doc, c, mon, _day_num(g["d2"]), g["y"], None, None, s2, e2)
    if second is None:
        return []
    if second.interval_start:
        yy = dt.date.fromisoformat(second.interval_start).year
        d = _safe_date(yy, mon, _day_num(g["d1"]))
        if d is None:
            return [second]
        first = _expr(text, s1, e1, _unit_span("day", d), second.anchored)
    else:
        first = _unresolved(text, s1, e1, f"XXXX-{mon:02d}-{_day_num(g['d1']):02d}",
                            precision="day")
    return [first, second]


def _resolve_ordday(doc: _Doc, c: _Cand) -> TimeExpression | None:
    text, pub = doc.text, doc.pub
    s, e = c.start, c.end
    day = _day_num(c.m.group("d"))
    rel = (c.m.group("rel") or "").lower()
    base = doc.anchor.start if doc.anchor and doc.anchor.precision in ("day", "month") else pub
    if base is None:
        return _unresolved(text, s, e, f"XXXX-XX-{day:02d}", precision="day")
    if rel in ("last", "next"):
        base = _add_months(base.replace(day=1), -1 if rel == "last" else 1)
        d = _safe_date(base.year, base.month, day)
        return _expr(text, s, e, _unit_span("day", d), True) if d else None
    d = _safe_date(base.year, base.month, day)
    tense = doc.tense(s, e)
    if pub is not None and base == pub:
        if d is None or (tense == "past" and d > pub):
            prev = _add_months(pub.replace(day=1), -1)
            d = _safe_date(prev.year, prev.month, day)
        elif tense == "future" and d < pub:
            nxt = _add_months(pub.replace(day=1), 1)
            d = _safe_date(nxt.year, nxt.month, day)
    return _expr(text, s, e, _unit_span("day", d), True) if d else None


def _month_span(y: int, mon: int) -> _Span:
    return _unit_span("month", dt.date(y, mon, 1))


def _resolve_month(doc: _Doc, c: _Cand) -> TimeExpression | None:
    g = c.m.groupdict()
    text, pub = doc.text, doc.pub
    s, e = c.start, c.end
    mon = _mon_num(g["mon"])
    if g["y"]:
        return _expr(text, s, e, _narrow(_month_span(int(g["y"]), mon), g["mod"], pub), False)
    if pub is None:
        return _unresolved(text, s, e, f"XXXX-{mon:02d}", precision="month")
    det = (g["det"] or "").lower().split()[-1] if g["det"] else ""
    if g["rel"]:
        span = _month_span(pub.year + {"last": -1, "next": 1}.get(g["rel"].lower(), 0), mon)
    elif det in ("last", "past"):
        span = _month_span(pub.year if mon < pub.month else pub.year - 1, mon)
    elif det in ("next", "coming"):
        span = _month_span(pub.year if mon > pub.month else pub.year + 1, mon)
    elif det == "this":
        span = _month_span(pub.year, mon)
    else:
        cands = [_month_span(y, mon) for y in (pub.year - 1, pub.year, pub.year + 1)]
        span = _pick(cands, pub, doc.tense(s, e))
    return _expr(text, s, e, _narrow(span, g["mod"], pub), True)


def _resolve_weekof(doc: _Doc, c: _Cand) -> TimeExpression | None:
    g = c.m.groupdict()
    text, pub = doc.text, doc.pub
    s, e = c.start, c.end
    if g["mon"]:
        mon = _mon_num(g["mon"])
        if g["y"]:
            span, anchored = _month_span(int(g["y"]), mon), False
        elif pub is None:
            return _unresolved(text, s, e, f"XXXX-{mon:02d}", precision="week")
        else:
            cands = [_month_span(y, mon) for y in (pub.year - 1, pub.year, pub.year + 1)]
            span, anchored = _pick(cands, pub, doc.tense(s, e)), True
    else:
        if pub is None:
            return _unresolved(text, s, e, "XXXX-XX", precision="week")
        n = {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        span, anchored = _unit_span("month", _add_months(pub.replace(day=1), n)), True
    k = _ORD[g["ord"].lower()]
    if g["ord"].lower() in ("last", "final"):
        st, en = span.end - _D(days=6), span.end
    else:
        st = span.start + _D(days=7 * (k - 1))
        en = min(span.end, st + _D(days=6))
    return _expr(text, s, e, _Span(span.value, st, en, "week"), anchored)


def _resolve_year(doc: _Doc, c: _Cand) -> TimeExpression:
    g = c.m.groupdict()
    span = _narrow(_unit_span("year", dt.date(int(g["y"]), 1, 1)), g["mod"], doc.pub)
    return _expr(doc.text, c.start, c.end, span, False)


def _resolve_decade(doc: _Doc, c: _Cand) -> TimeExpression | None:
    g = c.m.groupdict()
    pub = doc.pub
    anchored = False
    if g["dy"]:
        y0 = int(g["dy"])
    else:
        dd = int(g["dd"]) if g["dd"] else _DECADE_WORDS[g["dw"].lower()] * 10
        ref = pub.year if pub else 2000
        y0 = (ref // 100) * 100 + dd
        if y0 > ref:
            y0 -= 100
        anchored = pub is not None and not g["dy"]
    span = _narrow(_unit_span("decade", dt.date(y0, 1, 1)), g["mod"], pub)
    return _expr(doc.text, c.start, c.end, span, anchored)


def _resolve_season(doc: _Doc, c: _Cand) -> TimeExpression | None:
    g = c.m.groupdict()
    text, pub = doc.text, doc.pub
    s, e = c.start, c.end
    code = _SEASONS[g["s"].lower()]
    if g["y"]:
        return _expr(text, s, e, _narrow(_season_span(int(g["y"]), code), g["mod"], pub), False)
    if pub is None:
        return _unresolved(text, s, e, f"XXXX-{code}", precision="quarter")
    cands = [_season_span(y, code) for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1)]
    if g["rel"]:
        span = _season_span(pub.year + {"last": -1, "next": 1}.get(g["rel"].lower(), 0), code)
    else:
        det = (g["det"] or "").lower().split()[-1] if g["det"] else ""
        containing = [cd for cd in cands if cd.start <= pub <= cd.end]
        if det in ("last", "past"):
            span = max((cd for cd in cands if cd.end < pub), key=lambda cd: cd.start)
        elif det in ("next", "coming"):
            span = min((cd for cd in cands if cd.start > pub), key=lambda cd: cd.start)
        elif det == "this":
            span = containing[0] if containing else _season_span(
                pub.year - 1 if code == "WI" and pub.month <= 2 else pub.year, code)
        else:
            span = containing[0] if containing else _pick(cands, pub, doc.tense(s, e))
    return _expr(text, s, e, _narrow(span, g["mod"], pub), True)


def _resolve_quarter(doc: _Doc, c: _Cand) -> TimeExpression | None:
    g = c.m.groupdict()
    text, pub = doc.text, doc.pub
    s, e = c.start, c.end
    if g["qn"] or g["qn2"]:
        q, unit, y = int(g["qn"] or g["qn2"]), "quarter", g["y2"] or g["y3"]
    else:
        q, unit, y = _ORD[g["q"].lower()], g["unit"].lower(), g["y"] or g["fy"]
    if unit == "half":
        q = min(q, 2)

    def span_of(yy: int) -> _Span:
        if unit == "half":
            st = dt.date(yy, 6 * q - 5, 1)
            return _Span(f"{yy}-H{q}", st, _mlast(yy, 6 * q), "quarter")
        return _unit_span("quarter", dt.date(yy, 3 * q - 2, 1))
    back = 1 if g["ago"] else 0  # "the year-earlier third quarter"
    if y:
        span = span_of(int(y) - back)
        if unit == "quarter" and not back:
            doc.quarter, doc.quarter_in_view = span.start, True
        return _expr(text, s, e, _narrow(span, g["mod"], pub), False)
    if pub is None:
        return _unresolved(text, s, e, f"XXXX-{'H' if unit == 'half' else 'Q'}{q}",
                           precision="quarter")
    rel = g["rel"] or g["det"]
    if rel:
        span = span_of(pub.year + {"last": -1, "next": 1}.get(rel.lower(), 0))
    else:
        cands = [span_of(yy) for yy in (pub.year - 1, pub.year, pub.year + 1)]
        tense = doc.tense(s, e)
        if tense == "future":  # results come out up to a quarter after the quarter ends
            span = min((cd for cd in cands if cd.end >= pub - _D(days=92)),
                       key=lambda cd: cd.start)
        else:  # business news: the latest such quarter that has begun
            span = max((cd for cd in cands if cd.start <= pub), key=lambda cd: cd.start)
    if back:
        span = span_of(span.start.year - back)
    elif unit == "quarter":
        doc.quarter, doc.quarter_in_view = span.start, True
    return _expr(text, s, e, _narrow(span, g["mod"], pub), True)


def _weekday_date(pub: dt.date, wd: int, mode: str) -> dt.date:
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    if mode == "last":
        return pub - _D(days=back or 7)
    if mode == "next":
        return pub + _D(days=fwd or 7)
    if mode == "past":
        return pub - _D(days=back)
    if mode == "future":
        return pub + _D(days=fwd)
    # news reports mostly on the past: the past day wins unless the next one is much nearer
    return pub - _D(days=back) if back <= 2 * fwd else pub + _D(days=fwd)


def _resolve_weekday(doc: _Doc, c: _Cand) -> TimeExpression | None:
    g = c.m.groupdict()
    text, pub = doc.text, doc.pub
    s, e = c.start, c.end
    wd = _WEEKDAYS[g["wd"].lower()[:3]]
    if pub is None:
        return _unresolved(text, s, e, f"XXXX-WXX-{wd + 1}", precision="day")
    mod = (g["mod"] or "").lower().split()[-1] if g["mod"] else ""
    if mod in ("previous", "preceding", "following"):
        # "the previous Friday": the one before the date in view (the last one mentioned)
        ref = doc.ref_day() or pub
        d = _weekday_date(ref, wd, "next" if mod == "following" else "last")
        return _expr(text, s, e, _unit_span("day", d), True)
    if mod in ("last", "past"):
        mode = "last"
    elif mod in ("next", "coming"):
        mode = "next"
    elif text[e:e + 2] in ("'s", "’s"):
        mode = "nearest"  # "Wednesday's ruling", "ahead of Sunday's vote": a nominal reference
    else:
        mode = doc.tense(s, e) or "nearest"
    return _expr(text, s, e, _unit_span("day", _weekday_date(pub, wd, mode)), True)


def _resolve_dayword(doc: _Doc, c: _Cand) -> TimeExpression | None:
    w = re.sub(r"\s+", " ", c.m.group("w").lower())
    offset = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}.get(w, 0)
    if doc.pub is None:
        return _unresolved(doc.text, c.start, c.end, "XXXX-XX-XX", precision="day")
    d = doc.pub + _D(days=offset)
    return _with_pod(_expr(doc.text, c.start, c.end, _unit_span("day", d), True),
                     c.m.group("pod") or c.m.group("w"))


def _resolve_ref(doc: _Doc, c: _Cand) -> TimeExpression:
    w = c.m.group("w").lower()
    s, e = c.start, c.end
    lead = re.match(r"in\s+", doc.text[s:e], _I)
    if lead:
        s += lead.end()  # TimeML leaves the preposition out: "(in) the past"
    units = re.search(r"recent\s+(day|week|month|year)s", w)
    if units:  # "in recent months": TimeML reads a vague duration
        return TimeExpression(doc.text[s:e], s, e, "DURATION", f"PX{_UNIT_CODE[units.group(1)]}",
                              None, None, units.group(1), False)
    if "future" in w or "soon" in w or w.endswith("term"):
        value = "FUTURE_REF"
    elif "past" in w or "recent" in w or w in ("recently", "lately", "previously", "formerly"):
        value = "PAST_REF"
    else:
        value = "PRESENT_REF"
    return TimeExpression(doc.text[s:e], s, e, "DATE", value, None, None, None, False)


def _resolve_relunit(doc: _Doc, c: _Cand) -> TimeExpression | None:
    g = c.m.groupdict()
    text, pub = doc.text, doc.pub
    s, e = c.start, c.end
    det = re.sub(r"\s+", " ", g["det"].lower())
    unit = g["unit"].lower()
    relative = det in ("the previous", "the following", "the preceding", "the same", "that")
    ref = (doc.anchor.start if doc.anchor else None) if relative else pub
    if relative and ref is None:
        ref = pub
    if ref is None:
        return _unresolved(text, s, e, "XXXX", precision=None)
    if unit == "quarter" and det in ("the", "that", "this", "the same") and pub is not None:
        # business news: "the quarter" / "that quarter" is the quarter being reported, the last
        # one named; "this quarter" without one is the current quarter
        if doc.quarter is not None:
            q = doc.quarter
        else:
            q = _unit_span("quarter", pub).start
            if det != "this":
                q = _add_months(q, -3)
        return _expr(text, s, e, _narrow(_unit_span("quarter", q), g["mod"], pub), True)
    if det in ("the past", "past") and unit != "weekend":
        # "the past week": the period up to publication (TimeML DURATION)
        n = 1
        start = _shift(unit, ref, -n) + _D(days=1)
        code = {"week": "1W", "month": "1M", "year": "1Y", "quarter": "1Q", "decade": "10Y"}[unit]
        return TimeExpression(text[s:e], s, e, "DURATION", f"P{code}", start.isoformat(),
                              ref.isoformat(), unit, True)
    if det in ("last", "this past", "the previous", "the preceding"):
        n = -1
    elif det in ("next", "this coming", "the coming", "coming", "the following"):
        n = 1
    else:
        n = 0
    if unit == "weekend" and det in ("the", "this") and pub is not None:
        tense = doc.tense(s, e)
        sat = pub - _D(days=(pub.weekday() - 5) % 7) if tense != "future" else \
            pub + _D(days=(5 - pub.weekday()) % 7)
        if tense is None and pub.weekday() < 5:
            # a present-tense "this weekend" on a weekday is the coming one
            sat = pub + _D(days=5 - pub.weekday())
        return _expr(text, s, e, _narrow(_unit_span("weekend", sat), g["mod"], pub), True)
    if unit == "weekend" and n == -1 and pub is not None and not relative:
        sat = pub - _D(days=(pub.weekday() - 5) % 7 or 7)
        if pub.weekday() == 6:
            sat = pub - _D(days=8)
        return _expr(text, s, e, _unit_span("weekend", sat), True)
    span = _unit_span(unit, _shift(unit, ref, n))
    return _expr(text, s, e, _narrow(span, g["mod"], pub if not relative else None), True)


def _resolve_relday(doc: _Doc, c: _Cand) -> TimeExpression | None:
    g = c.m.groupdict()
    ref = doc.ref_day()
    if ref is None:
        return _unresolved(doc.text, c.start, c.end, "XXXX-XX-XX", precision="day")
    det = (g["det"] or g["dir"] or "").lower()
    if det in ("previous", "preceding", "prior", "before", "earlier"):
        n = -1
    elif det in ("next", "following", "after"):
        n = 1
    else:
        n = 0
    return _expr(doc.text, c.start, c.end, _unit_span("day", ref + _D(days=n)), True)


def _unit_norm(u: str) -> str:
    u = u.lower()
    return "century" if u.startswith("centur") else u


def _resolve_ago(doc: _Doc, c: _Cand) -> TimeExpression | None:
    g = c.m.groupdict()
    n_s = g["n"] or g["n2"]
    unit = _unit_norm(g["unit"] or g["unit2"])
    direction = re.sub(r"\s+", " ", (g["dir"] or g["dir2"]).lower())
    n = _num(n_s)
    back = direction in ("ago", "earlier", "before", "previously")
    from_pub = direction in ("ago", "hence", "from now")
    ref = doc.pub if from_pub else (doc.anchor.start if doc.anchor else doc.pub)
    if not from_pub and unit in ("day", "night") and doc.anchor_day is not None:
        ref = doc.anchor_day
    if n is None or ref is None:
        return _unresolved(doc.text, c.start, c.end, "PAST_REF" if back else "FUTURE_REF")
    mult = _UNIT_MULT.get(unit, 1)
    k = -n * mult if back else n * mult
    if unit in ("hour", "minute", "second"):
        return _expr(doc.text, c.start, c.end, _unit_span("day", ref), True)
    base = {"night": "day", "fortnight": "week", "century": "year",
            "decade": "year"}.get(unit, unit)
    if unit == "year" and doc.quarter is not None and doc.quarter_in_view and n == 1 and back:
        # "third-quarter profit ... a year ago / a year earlier": the same quarter a year before
        return _expr(doc.text, c.start, c.end,
                     _unit_span("quarter", _shift("year", doc.quarter, k)), True)
    span = _unit_span(base, _shift(base, ref, k))
    return _expr(doc.text, c.start, c.end, span, True)


def _resolve_duration(doc: _Doc, c: _Cand) -> TimeExpression:
    g = c.m.groupdict()
    text = doc.text
    s, e = c.start, c.end
    unit = _unit_norm(g["unit"])
    n = _num(g["n"])
    code = _UNIT_CODE[unit]
    mult = _UNIT_MULT.get(unit, 1)
    nv = "X" if n is None else str(n * mult)
    value = f"PT{nv}{code}" if unit in ("hour", "minute", "second") else f"P{nv}{code}"
    half = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M", "minute": "30S"}.get(unit)
    if (g["half"] or g["half2"]) and n is not None and half is not None:
        value += half  # "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M, "a minute and a half"
    prec = {"second": "hour", "minute": "hour", "night": "day", "fortnight": "week",
            "century": "decade"}.get(unit, unit)
    det = re.sub(r"\s+", " ", (g["det"] or "").lower())
    pub = doc.pub
    if det and n is not None and pub is not None and unit not in ("hour", "minute", "second"):
        base = {"night": "day", "fortnight": "week", "century": "year",
                "decade": "year"}.get(unit, unit)
        if det.endswith(("past", "last", "previous", "preceding")):
            st = _shift(base, pub, -n * mult) + _D(days=1)
            return TimeExpression(text[s:e], s, e, "DURATION", value, st.isoformat(),
                                  pub.isoformat(), prec, True)
        if det.endswith(("next", "coming", "following")) and not det.endswith("following"):
            en = _shift(base, pub, n * mult) - _D(days=1)
            return TimeExpression(text[s:e], s, e, "DURATION", value, pub.isoformat(),
                                  en.isoformat(), prec, True)
    return TimeExpression(text[s:e], s, e, "DURATION", value, None, None, prec, False)


def _resolve_baredur(doc: _Doc, c: _Cand) -> TimeExpression:
    unit = c.m.group("unit").lower().rstrip("s")
    code = _UNIT_CODE[unit]
    value = f"PTX{code}" if unit == "hour" else f"PX{code}"
    prec = {"decade": "decade"}.get(unit, unit)
    return TimeExpression(doc.text[c.start:c.end], c.start, c.end, "DURATION", value, None, None,
                          prec, False)


def _resolve_set(doc: _Doc, c: _Cand) -> TimeExpression:
    g = c.m.groupdict()
    if g["adv"]:
        w = g["adv"].lower()
        value = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
                 "hourly": "PT1H"}.get(w, "P1Y")
    elif g["wds"]:
        value = f"XXXX-WXX-{_WEEKDAYS[g['wds'].lower()[:3]] + 1}"
    else:
        u = (g["unit"] or g["unit2"]).lower()
        if u in _WDW:
            value = f"XXXX-WXX-{_WEEKDAYS[u[:3]] + 1}"
        elif u in ("morning", "night", "evening"):
            value = "XXXX-XX-XXT" + {"morning": "MO", "night": "NI", "evening": "EV"}[u]
        elif u == "weekend":
            value = "XXXX-WXX-WE"
        else:
            k = _num(g["n"]) if g.get("n") else 1
            value = f"P{k or 1}{_UNIT_CODE[u]}"
    return TimeExpression(doc.text[c.start:c.end], c.start, c.end, "SET", value, None, None,
                          None, False)


def _resolve_spoken(doc: _Doc, c: _Cand) -> TimeExpression | None:
    g = c.m.groupdict()
    if g["yy"] is not None:
        n = _num(re.sub(r"^oh[\s-]+", "", g["yy"], flags=_I))
        if n is None or n >= 100:
            return None
        y = 1900 + n
    else:
        n = _num(g["y2k"]) if g["y2k"] else 0
        if n is None or n >= 100:
            return None
        y = 2000 + n
    span = _month_span(y, _mon_num(g["mon"])) if g["mon"] else _unit_span("year",
                                                                           dt.date(y, 1, 1))
    return _expr(doc.text, c.start, c.end, span, False)


def _resolve_holiday(doc: _Doc, c: _Cand) -> TimeExpression | None:
    g = c.m.groupdict()
    text, pub = doc.text, doc.pub
    name = g["h"]
    if g["y"]:
        return _expr(text, c.start, c.end, _unit_span("day", _holiday(name, int(g["y"]))), False)
    if pub is None:
        return _unresolved(text, c.start, c.end, "XXXX-XX-XX", precision="day")
    cands = [_unit_span("day", _holiday(name, y)) for y in (pub.year - 1, pub.year, pub.year + 1)]
    det = (g["det"] or "").lower()
    if det == "last":
        span = max((cd for cd in cands if cd.start < pub), key=lambda cd: cd.start)
    elif det == "next":
        span = min((cd for cd in cands if cd.start > pub), key=lambda cd: cd.start)
    elif det == "this":
        span = next(cd for cd in cands if cd.start.year == pub.year)
    else:
        span = _pick(cands, pub, doc.tense(c.start, c.end), tolerance=_DATE_TOLERANCE)
    return _expr(text, c.start, c.end, span, True)


def _resolve_time(doc: _Doc, c: _Cand) -> TimeExpression:
    g = c.m.groupdict()
    if g["nm"]:
        hh, mm = (0, 0) if g["nm"].lower() == "midnight" else (12, 0)
    elif g["h"]:
        hh, mm = int(g["h"]) % 12, int(g["mi"] or 0)
        if g["ap"].lower().startswith("p"):
            hh += 12
    elif g["h2"] is not None:
        hh, mm = int(g["h2"]), int(g["mi2"])
    else:
        hh, mm = int(g["h3"]), int(g["mi3"])
    # the day is filled in later from the nearest day expression of the sentence
    return TimeExpression(doc.text[c.start:c.end], c.start, c.end, "TIME", f"T{hh:02d}:{mm:02d}",
                          None, None, "hour", True)


def _resolve_fin(doc: _Doc, c: _Cand) -> TimeExpression | None:
    g = c.m.groupdict()
    text, pub = doc.text, doc.pub
    if g["yend"]:  # "the year ended Sept. 30": a year-long period
        return TimeExpression(text[c.start:c.end], c.start, c.end, "DURATION", "P1Y", None, None,
                              "year", False)
    if pub is None:
        return None
    if g["ymod"]:
        # "the latest fiscal year" is the last one reported (complete), "the current year" this
        latest = g["ymod"].lower().startswith("latest")
        return _expr(text, c.start, c.end,
                     _unit_span("year", dt.date(pub.year - latest, 1, 1)), True)
    if g["yearend"]:  # "by year end" this year's; "since year-end" the last one
        if _SINCE_BEFORE.search(text, max(0, c.start - 12), c.start):
            return _expr(text, c.start, c.end,
                         _unit_span("day", dt.date(pub.year - 1, 12, 31)), True)
        return _expr(text, c.start, c.end, _Span(str(pub.year), dt.date(pub.year, 12, 1),
                                                 dt.date(pub.year, 12, 31), "month"), True)
    if g["inthe"]:  # "earlier in the year": this year, up to publication
        return _expr(text, c.start, c.end,
                     _narrow(_unit_span(g["iu"].lower(), pub), g["inthe"], pub), True)
    this_q = dt.date(pub.year, 3 * ((pub.month - 1) // 3) + 1, 1)
    reported = doc.quarter or _add_months(this_q, -3)  # the quarter the news reports on
    if g["qy"]:  # "the 1988 quarter": the reporting quarter of that year, else the year
        if doc.quarter is None or not (doc.quarter_in_view or "quarter" in c.m.group(0).lower()):
            return _expr(text, c.start, c.end, _unit_span("year", dt.date(int(g["qy"]), 1, 1)),
                         False)
        return _expr(text, c.start, c.end,
                     _unit_span("quarter", reported.replace(year=int(g["qy"]))), False)
    if g["prevq"] or g["yadj"]:
        # "year-earlier profit", "last year's quarter", "the same period last year": the
        # reporting quarter a year before, or last year without a quarter in view
        if doc.quarter is None or not doc.quarter_in_view:
            return _expr(text, c.start, c.end, _unit_span("year", dt.date(pub.year - 1, 1, 1)),
                         True)
        return _expr(text, c.start, c.end,
                     _unit_span("quarter", doc.quarter.replace(year=doc.quarter.year - 1)), True)
    mod = re.sub(r"\s+", " ", g["mod"].lower())
    q = this_q if mod == "current" else _add_months(this_q, -3)  # latest reported quarter
    if mod.endswith(("ago", "earlier")):
        q = reported.replace(year=reported.year - 1)
    elif mod != "current" and g["u"].lower() == "quarter":
        doc.quarter, doc.quarter_in_view = q, True
    return _expr(text, c.start, c.end, _unit_span("quarter", q), True)


def _comparison(c: _Cand) -> bool:
    """A backward comparison ("a year earlier", "year-ago profit", "two months ago"): it does not
    move the narrative's reference date (a second "a year earlier" is not two years back)."""
    g = c.m.groupdict()
    if c.kind == "fin":
        return True
    if c.kind == "quarter":
        return bool(g["ago"])
    if c.kind == "ago":
        d = (g["dir"] or g["dir2"] or "").lower()
        u = (g["unit"] or g["unit2"] or "").lower()
        return d in ("ago", "earlier", "before", "previously") and not u.startswith(
            ("day", "night", "hour", "minute", "second"))
    return False


def _resolve(doc: _Doc, c: _Cand) -> list[TimeExpression]:
    k = c.kind
    g = c.m.groupdict()
    if k in ("mdrange", "dmrange"):
        return _resolve_range(doc, c)
    x: TimeExpression | None
    if k in ("mdy", "dmy"):
        x = _month_day(doc, c, _mon_num(g["mon"]), _day_num(g["d"]), g["y"], g["rel"], g["wd"],
                       c.start, c.end)
    elif k == "iso":
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        x = _expr(doc.text, c.start, c.end, _unit_span("day", d), False) if d else None
    else:
        fn = _RESOLVERS[k]
        x = fn(doc, c)
    return [x] if x is not None else []


_RESOLVERS = {
    "ordday": _resolve_ordday, "weekof": _resolve_weekof, "month": _resolve_month,
    "year": _resolve_year, "decade": _resolve_decade, "season": _resolve_season,
    "quarter": _resolve_quarter, "weekday": _resolve_weekday, "dayword": _resolve_dayword,
    "ref": _resolve_ref, "relunit": _resolve_relunit, "relday": _resolve_relday,
    "ago": _resolve_ago, "duration": _resolve_duration, "baredur": _resolve_baredur,
    "set": _resolve_set, "time": _resolve_time, "holiday": _resolve_holiday,
    "fin": _resolve_fin, "spoken": _resolve_spoken,
}


def _is_concrete(x: TimeExpression) -> bool:
    return x.type in ("DATE", "TIME") and x.interval_start is not None


def _with(x: TimeExpression, **kw: object) -> TimeExpression:
    d = {"text": x.text, "start": x.start, "end": x.end, "type": x.type, "value": x.value,
         "interval_start": x.interval_start, "interval_end": x.interval_end,
         "precision": x.precision, "anchored": x.anchored}
    d.update(kw)
    return TimeExpression(**d)  # type: ignore[arg-type]


_POD_CODE = {"night": "NI", "overnight": "NI", "tonight": "NI", "morning": "MO", "afternoon": "AF",
             "evening": "EV"}
_POD_WORD = re.compile(r"(night|overnight|tonight|morning|afternoon|evening)", _I)


def _with_pod(x: TimeExpression, words: str | None) -> TimeExpression:
    """A part of day named as such ("this morning", "tonight", "last night", "yesterday
    afternoon"): TimeML TIME with the part of day in the value (``2025-05-16TMO``); interval and
    precision stay the day's. A weekday or date with a part of day ("Tuesday night", "the night
    of May 10") keeps the day as its value."""
    m = _POD_WORD.search(words or "")
    if m is None or not x.value[:1].isdigit() or "T" in x.value:
        return x
    return _with(x, type="TIME", value=f"{x.value}T{_POD_CODE[m.group(1).lower()]}")


_TIME_DAY_GAP = re.compile(r"\s*(?:(?-i:[ECMP][SD]T|GMT|UTC|IST)\s*)?,?\s*$")


def _merge_time_day(doc: _Doc, out: list[TimeExpression]) -> list[TimeExpression]:
    """A clock time directly followed by its day ("10 p.m. Wednesday", "noon Thursday",
    "5 p.m. EST Nov. 9") is one TimeML TIME: the day's date with the clock time."""
    res: list[TimeExpression] = []
    i = 0
    while i < len(out):
        x = out[i]
        y = out[i + 1] if i + 1 < len(out) else None
        if (y is not None and x.type == "TIME" and x.value.startswith("T")
                and y.type == "DATE" and y.precision == "day" and y.value[:1].isdigit()
                and len(y.value) == 10
                and _TIME_DAY_GAP.match(doc.text[x.end:y.start])):
            res.append(TimeExpression(doc.text[x.start:y.end], x.start, y.end, "TIME",
                                      y.value + x.value, y.interval_start, y.interval_end,
                                      "hour", y.anchored))
            i += 2
            continue
        res.append(x)
        i += 1
    return res


def _fill_times(doc: _Doc, out: list[TimeExpression]) -> list[TimeExpression]:
    """Give clock times the day of the nearest day expression of their sentence (else pub)."""
    res: list[TimeExpression] = []
    for x in out:
        if x.type == "TIME" and x.value.startswith("T"):
            si = doc.sent_index(x.start)
            best: TimeExpression | None = None
            for y in out:
                if (y is not x and y.precision == "day" and y.interval_start
                        and doc.sent_index(y.start) == si) and (
                        best is None or abs(y.start - x.start) < abs(best.start - x.start)):
                    best = y
            day = best.interval_start if best else (doc.pub.isoformat() if doc.pub else None)
            if day is None:
                res.append(_with(x, value="XXXX-XX-XX" + x.value))
            else:
                res.append(_with(x, value=day + x.value, interval_start=day, interval_end=day,
                                 anchored=best.anchored if best else True))
        else:
            res.append(x)
    return res


# --------------------------------------------------------------------------------------------
# Ranges
# --------------------------------------------------------------------------------------------

_PREC_RANK = {"hour": 0, "day": 1, "week": 2, "month": 3, "quarter": 4, "year": 5, "decade": 6}


def link_ranges(text: str, exprs: Sequence[TimeExpression]
                ) -> list[tuple[TimeExpression, TimeExpression]]:
    """Pairs (start, end) of concrete date expressions that form a range in ``text``.

    Recognised: "from X to/until/through Y", "between X and Y", "X-Y" / "X to Y",
    and "X ... until/till/through Y" within one sentence (at most 160 characters, no sentence end).
    """
    dates = sorted((x for x in exprs if _is_concrete(x)), key=lambda x: x.start)
    pairs: list[tuple[TimeExpression, TimeExpression]] = []
    for a, b in itertools.pairwise(dates):
        if a.interval_start is None or b.interval_end is None or b.interval_end < a.interval_start:
            continue
        between = text[a.end:b.start]
        if "\n" in between:
            continue
        before = text[max(0, a.start - 12):a.start]
        linked = False
        if _RANGE_BETWEEN.fullmatch(between):
            linked = True
        elif _RANGE_AND.fullmatch(between) and (_RANGE_BETWEEN_OPEN.search(before)
                                                or _INTERVENING.match(a.text)):
            linked = True  # "between May 14 and 18", "the intervening night of May 6 and 7"
        elif _RANGE_UNTIL.search(between):
            linked = True
        if linked:
            pairs.append((a, b))
    return pairs


def range_expression(text: str, a: TimeExpression, b: TimeExpression) -> TimeExpression:
    """The DURATION expression for a linked range, spanning "from"/"between" through ``b``."""
    s = a.start
    lead = _RANGE_OPEN.search(text, max(0, a.start - 12), a.start)
    if lead:
        s = lead.start()
    st = dt.date.fromisoformat(a.interval_start or "")
    en = dt.date.fromisoformat(b.interval_end or "")
    prec = max((a.precision or "day", b.precision or "day"), key=lambda p: _PREC_RANK.get(p, 1))
    if prec in ("day", "hour", "week"):
        value = f"P{(en - st).days + 1}D"
    elif prec in ("month", "quarter"):
        value = f"P{(en.year - st.year) * 12 + en.month - st.month + 1}M"
    else:
        value = f"P{en.year - st.year + 1}Y"
    return TimeExpression(text[s:b.end], s, b.end, "DURATION", value, st.isoformat(),
                          en.isoformat(), prec, a.anchored or b.anchored)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------

def find_times(text: str, published: dt.date | None,
               sentences: Sequence[tuple[int, int]] | None = None) -> list[TimeExpression]:
    """Every time expression in ``text``, normalised against the publication date.

    ``sentences`` are (start, end) spans (split with :func:`split_sentences` when ``None``);
    they bound tense detection. Expressions come sorted by start; each linked range adds one
    DURATION expression spanning both ends (see :func:`link_ranges`).
    """
    out = find_timexes(text, published, sentences)
    ranges = [range_expression(text, a, b) for a, b in link_ranges(text, out)]
    if ranges:
        out = sorted(out + ranges, key=lambda x: (x.start, -x.end))
    return out


def find_timexes(text: str, published: dt.date | None,
                 sentences: Sequence[tuple[int, int]] | None = None) -> list[TimeExpression]:
    """The TimeML expressions (TIMEX3) of ``text``: :func:`find_times` without the DURATION
    that each linked range adds (TimeML marks the two ends of a range, not the range)."""
    if not text:
        return []
    doc = _Doc(text, published, sentences if sentences is not None else split_sentences(text))
    out: list[TimeExpression] = []
    last_end = 0
    for c in _candidates(text):
        try:
            resolved = _resolve(doc, c)
        except (ValueError, OverflowError):
            continue  # arithmetic left the calendar ("5,000 years ago", year 9999)
        for x in resolved:
            if x.precision == "day" and x.type == "DATE" and x.start >= 5:
                pod = _POD_BEFORE.search(text, max(last_end, x.start - 45), x.start)
                if pod:
                    x = _with(x, text=text[pod.start():x.end], start=pod.start())
            if (x.type in ("DATE", "TIME") and x.interval_start and published is not None
                    and _SINCE_BEFORE.search(text, max(0, x.start - 12), x.start)):
                x = _with(x, interval_end=max(published.isoformat(), x.interval_start))
            out.append(x)
            last_end = x.end
            months = _MONTHS_DUR.match(x.value) if x.type == "DURATION" else None
            if months and int(months.group(1)) >= 6:
                doc.quarter_in_view = False  # "the first nine months": a longer period in view
            if (_is_concrete(x) and x.value[:1].isdigit() and x.precision is not None
                    and not _comparison(c)):
                st = dt.date.fromisoformat(x.interval_start or "")
                doc.anchor = _Span(x.value, st, st, x.precision)
                if x.precision == "day":
                    doc.anchor_day = st
    return _fill_times(doc, _merge_time_day(doc, out))


# dependents that open another clause: a time inside one dates that clause's event, not ours
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj",
                      "csubjpass", "pcomp"})
# how a nominal or infinitival trigger hangs from the verb whose time it shares
# ("launched an attack on Monday", "tried to storm the post on Friday")
_CLIMB = frozenset({"dobj", "obj", "nsubj", "nsubjpass", "attr", "pobj", "xcomp", "compound",
                    "oprd", "appos"})


def _domain(head: Token, own_clauses: bool) -> set[int]:
    """Character offsets (in the parse) of the tokens in ``head``'s own clause: its subtree
    without the subtrees of clausal dependents (a nominal trigger keeps its own ``acl`` /
    ``relcl``: "an operation launched on May 10")."""
    out: set[int] = set()
    stack = [head]
    while stack:
        t = stack.pop()
        out.add(t.idx)
        for ch in t.children:
            if ch.dep_ in _CLAUSAL and not (own_clauses and t.i == head.i
                                            and ch.dep_ in ("acl", "relcl")):
                continue
            stack.append(ch)
    return out


def attached_times(dates: Sequence[TimeExpression], parse: Doc, offset: int,
                   trigger_start: int, trigger_end: int, *,
                   heads: bool = False) -> list[TimeExpression]:
    """The expressions of ``dates`` that the dependency parse attaches to the trigger: inside
    the trigger's own clause (its subtree, prepositional modifiers included, without embedded
    clauses), or, for a nominal or infinitival trigger, the clause of the verb it depends on.
    ``offset`` is the position of ``parse``'s text in the text the offsets count in. With
    ``heads``, an expression on the trigger's nominal head chain counts too ("two days of
    artillery fire": the duration governs the trigger "fire")."""
    toks = [t for t in parse if trigger_start <= offset + t.idx < trigger_end]
    if not toks:
        return []
    span = {t.i for t in toks}
    trig = next((t for t in toks if t.head.i not in span or t.head.i == t.i), toks[0])
    nominal = trig.pos_ in ("NOUN", "PROPN")

    def hits(domain: set[int]) -> list[TimeExpression]:
        # domain holds token offsets in the parse: an expression is attached when one of
        # those tokens starts inside it
        return [x for x in dates if any(x.start <= offset + i < x.end for i in domain)]
    domain = _domain(trig, nominal)
    if heads:
        up = trig
        while up.head.i != up.i and up.pos_ not in ("VERB", "AUX") and up.dep_ not in _CLAUSAL:
            up = up.head
            if up.pos_ in ("VERB", "AUX"):
                break
            domain.add(up.idx)
    found = hits(domain)
    cur = trig
    while not found and cur.dep_ in _CLIMB and cur.head.i != cur.i:
        cur = cur.head
        while cur.dep_ == "prep" and cur.head.i != cur.i:  # "an attack on": prep → its head
            if cur.lower_ in ("after", "before", "since", "until", "following"):
                return []  # "struck two weeks after the attack": the attack has its own time
            cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            found = hits(_domain(cur, False))
            break
    return found


_COMPARISON_WORDS = frozenset({"first", "last", "only", "ever", "time", "more", "less", "fewer"})


def comparative_since(x: TimeExpression, parse: Doc, offset: int) -> bool:
    """True when ``x`` is the standard of a comparison after "since": "the heaviest shelling
    since 1999", "the first such attack since 2019", "more troops than at any time since May".
    Such an expression says what the event is measured against, not when it happened."""
    since = next((t for t in reversed(parse) if offset + t.idx + len(t) <= x.start), None)
    while since is not None and since.lower_ in ("the", "a", "an"):
        since = parse[since.i - 1] if since.i > 0 else None
    if since is None or since.lower_ != "since":
        return False
    left = parse[max(since.i - 6, since.sent.start):since.i]
    return any(t.tag_ in ("JJS", "RBS", "JJR", "RBR") or t.lower_ in _COMPARISON_WORDS
               for t in left)


_OFFSET_WORDS = frozenset({"after", "before", "later", "earlier", "ago", "since", "from", "on",
                           "prior", "hence"})


def _is_offset(x: TimeExpression, parse: Doc, offset: int) -> bool:
    """A duration that measures a distance between times ("two weeks after the attack", "three
    days later"), not how long something lasted."""
    nxt = next((t for t in parse if offset + t.idx >= x.end), None)
    return nxt is not None and nxt.lower_ in _OFFSET_WORDS


_OFFSET_CLAUSE = re.compile(r"\s+(after|before)\b[^,.;:()\"“”]{0,80}$", _I)
_MONTHS_DUR = re.compile(r"^P(\d+)M$")
_DUR_UNIT = re.compile(r"^P(\d+)([DWMY])$")


def _offset_span(in_sent: Sequence[TimeExpression], dates: Sequence[TimeExpression],
                 parse: Doc, offset: int, trigger_start: int) -> TimeSpan | None:
    """An event inside "N days after …" / "N weeks before …" whose clause has a date: "began on
    the night of April 24, two days after gunmen killed 26 people" dates the killing April 22."""
    text = parse.text
    for x in in_sent:
        m = _DUR_UNIT.match(x.value) if x.type == "DURATION" else None
        if m is None or not x.end <= trigger_start:
            continue
        between = _OFFSET_CLAUSE.match(text[x.end - offset:trigger_start - offset])
        if between is None:
            continue
        anchors = [d for d in dates if d.end <= x.start and d.interval_start]
        if not anchors:
            return None
        a = max(anchors, key=lambda d: d.end)
        n = int(m.group(1)) * (-1 if between.group(1).lower() == "after" else 1)
        unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}[m.group(2)]
        base = dt.date.fromisoformat(a.interval_start or "")
        day = _shift("day" if unit == "day" else unit, base, n)
        if unit == "week":
            day = base + _D(days=7 * n)
        prec = "day" if unit in ("day", "week") and a.precision in ("day", "hour") else (
            a.precision or "day")
        span = _unit_span(prec if prec in ("day", "month", "year") else "day", day)
        end = x.end + between.end(1)
        return TimeSpan(span.start.isoformat(), span.end.isoformat(), span.precision,
                        text[a.start - offset:end - offset],
                        "text+publication" if a.anchored else "text", a.start, end)
    return None


def event_time(exprs: Sequence[TimeExpression], trigger_start: int, sent_start: int,
               sent_end: int, published: dt.date | None,
               paragraph_start: int | None = None, *,
               trigger_end: int | None = None, parse: Doc | None = None,
               parse_offset: int = 0) -> TimeSpan:
    """The time span of an event whose trigger starts at ``trigger_start``.

    1. With a dependency ``parse`` of the sentence (spaCy ``Doc`` whose text starts at
       ``parse_offset``), a concrete DATE/TIME expression attached to the trigger wins
       (:func:`attached_times`): "Two men who attacked a post on Friday were arrested on
       Monday" dates the arrest Monday and the attack Friday.
    2. Else the concrete DATE/TIME expression of the sentence nearest the trigger (PAST_REF and
       the like are skipped). Distance counts from the trigger's end for expressions after it
       (``trigger_end``, estimated as start + 6 when not given); ties go to the one after the
       trigger ("said on Monday that India attacked on Sunday" → Sunday).
       For 1 and 2: if the expression is one end of a linked range, the whole range is
       returned; a day DURATION in the sentence ("two-day operation", "two days of fire")
       stretches a day date.
    3. Else the latest concrete date between ``paragraph_start`` and the sentence (``context``).
    4. Else the publication date (``publication``), or an empty span without one.
    """
    in_sent = [x for x in exprs if sent_start <= x.start < sent_end]
    dates = [x for x in in_sent if _is_concrete(x) and x.value[:1].isdigit()]
    if parse is not None:
        # "the heaviest shelling since the 1999 war" measures the event against 1999; it does
        # not date it
        dates = [x for x in dates if not comparative_since(x, parse, parse_offset)]
    if dates:
        t_end = trigger_end if trigger_end is not None else trigger_start + 6
        if parse is not None:
            shifted = _offset_span(in_sent, dates, parse, parse_offset, trigger_start)
            if shifted is not None:
                return shifted
            attached = attached_times(dates, parse, parse_offset, trigger_start, t_end)
            if attached:
                dates = attached
            else:  # "booked in connection with the massacre of Friday": Friday is the massacre's
                dates = [x for x in dates if not dates_referred_event(
                    x, parse, parse_offset, trigger_start, t_end)]
                if not dates:
                    return _context_or_publication(exprs, sent_start, published,
                                                   paragraph_start)

        def dist(x: TimeExpression) -> tuple[int, int, int]:
            prec = _PREC_RANK.get(x.precision or "day", 1)
            if x.end <= trigger_start:
                return (trigger_start - x.end, 1, prec)
            return (max(0, x.start - t_end), 0, prec)
        best = min(dates, key=dist)
        basis = "text+publication" if best.anchored else "text"
        for r in in_sent:
            if (r.type == "DURATION" and r.interval_start and r.start <= best.start
                    and best.end <= r.end and r is not best):
                return TimeSpan(r.interval_start, r.interval_end, r.precision, r.text,
                                "text+publication" if r.anchored else "text", r.start, r.end)
        start, end = best.interval_start, best.interval_end
        if best.precision == "day" and start is not None:
            durs = in_sent
            if parse is not None:
                # with a parse, only a duration of the trigger's own clause stretches the date,
                # and never an offset ("two weeks after the attack")
                plain = [x for x in in_sent if x.type == "DURATION" and x.interval_start is None
                         and not _is_offset(x, parse, parse_offset)]
                durs = attached_times(plain, parse, parse_offset, trigger_start, t_end,
                                      heads=True)
            days = _duration_days(durs, best)
            if days > 1:
                end = (dt.date.fromisoformat(start) + _D(days=days - 1)).isoformat()
        return TimeSpan(start, end, best.precision, best.text, basis, best.start, best.end)
    return _context_or_publication(exprs, sent_start, published, paragraph_start)


def _context_or_publication(exprs: Sequence[TimeExpression], sent_start: int,
                            published: dt.date | None, paragraph_start: int | None
                            ) -> TimeSpan:
    """Steps 3 and 4 of :func:`event_time`: the paragraph's running date, else the
    publication date."""
    if paragraph_start is not None:
        ctx = [x for x in exprs if paragraph_start <= x.start < sent_start and _is_concrete(x)
               and x.value[:1].isdigit()]
        if ctx:
            x = max(ctx, key=lambda y: y.start)
            return TimeSpan(x.interval_start, x.interval_end, x.precision, x.text, "context",
                            x.start, x.end)
    if published is None:
        return TimeSpan(None, None, None, None, "publication")
    p = published.isoformat()
    return TimeSpan(p, p, "day", None, "publication")


# a phrase that puts another event beside the trigger's: "two weeks after the massacre of
# Friday", "booked in connection with Wednesday's attack", "in retaliation for the strikes"
# (shared with events.py, which keeps an event so referred to apart from the trigger's)
REFERENCE_PREPS = frozenset({"after", "before", "since", "following", "until", "till"})
CAUSE_NOUNS = frozenset({"retaliation", "revenge", "response", "reprisal", "reaction"})
_REFERENCE_NOUNS = CAUSE_NOUNS | {"connection", "protest"}


def dates_referred_event(x: TimeExpression, parse: Doc, offset: int, trigger_start: int,
                         trigger_end: int) -> bool:
    """Whether ``x`` dates another event noun of the sentence ("the massacre of Friday",
    "Wednesday's attack") that a temporal or causal phrase sets beside the trigger's event:
    then ``x`` is that event's date, not the trigger's."""
    toks = [t for t in parse if x.start <= offset + t.idx < x.end]
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in inside), None)
    if root is None:
        return False
    if root.dep_ == "poss":
        noun = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of":
        noun = root.head.head
    else:
        return False
    if noun.pos_ not in ("NOUN", "PROPN") or trigger_start <= offset + noun.idx < trigger_end:
        return False
    node = noun
    for _ in range(4):
        up = node.head
        if up.i == node.i:
            return False
        if node.dep_ in ("pobj", "pcomp"):
            return up.lower_ in REFERENCE_PREPS or (
                up.lower_ in ("with", "for", "to", "against", "of")
                and up.head.lemma_.lower() in _REFERENCE_NOUNS)
        node = up
    return False


_DUR_DAYS = re.compile(r"^P(\d+)([DW])$|^PT(\d+)H$")


def _duration_days(in_sent: Sequence[TimeExpression], date: TimeExpression) -> int:
    """Days of the plain DURATION of the sentence nearest ``date`` (1 when none, capped at 31)."""
    best: tuple[int, int] | None = None
    for x in in_sent:
        if x.type != "DURATION" or x.interval_start is not None:
            continue
        m = _DUR_DAYS.match(x.value)
        if not m:
            continue
        if m.group(3):
            days = -(-int(m.group(3)) // 24)
        else:
            days = int(m.group(1)) * (7 if m.group(2) == "W" else 1)
        if not 1 < days <= 31:
            continue
        d = min(abs(x.start - date.end), abs(date.start - x.end))
        if best is None or d < best[0]:
            best = (d, days)
    return best[1] if best else 1


def timex_records(text: str, published: dt.date | None,
                  sentences: Sequence[tuple[int, int]] | None = None) -> list[dict[str, object]]:
    """One JSON-ready dict per TimeML expression of ``text`` (offsets into ``text``), in text
    order. The two ends of a linked range ("from May 14 to May 18") each carry ``range``: the
    text, offsets, DURATION value and interval of the whole range; other expressions carry
    ``range: null``."""
    exprs = find_timexes(text, published, sentences)
    ranges: dict[int, dict[str, object]] = {}
    for a, b in link_ranges(text, exprs):
        r = range_expression(text, a, b)
        info: dict[str, object] = {"text": r.text, "start": r.start, "end": r.end,
                                   "value": r.value, "interval": {"start": r.interval_start,
                                                                  "end": r.interval_end}}
        ranges[id(a)] = ranges[id(b)] = info
    return [{**x.to_dict(), "range": ranges.get(id(x))} for x in exprs]
