"""Datelines at the start of an article body: "ISLAMABAD (Reuters) -", "NEW DELHI, May 12
(AFP) -", "PARIS, Mo. —", and the lower-case archive form "lucknow: the …" (the Times of
India archive, after its "This story is from March 10, 2002" line). One reader for the
publisher chain, the event-place fallback and the document's anchor town."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

DATELINE_RE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3})"
    r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z. ]{1,30}?))?"
    r"(?:\s*,\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}))?"
    r"\s*(?:\((?P<agency>[^)]{2,40})\)\s*[-–—:]+|[-–—:]+)\s+")


@dataclass(frozen=True, slots=True)
class Dateline:
    """"ISLAMABAD, May 12 (Reuters) -": where the report was filed, when, by which agency."""

    place: str
    date_text: str | None
    agency: str | None
    end: int  # offset of the first character after the dateline
    lower: bool = False  # the lower-case archive form ("lucknow: …")


# the lower-case archive form: "This story is from March 10, 2002\n\nlucknow: the …",
# "ahmedabad/vadodara: one person was killed …"
LOWER_DATELINE_RE = re.compile(
    r"\A(?:\s*(?i:this story is from)[^\n]{3,40}\n)?\s*"
    r"(?P<place>[a-z][a-z.'’-]+(?:[ /][a-z][a-z.'’-]+){0,3})\s*:\s+")


def dateline(text: str) -> Dateline | None:
    """The dateline at the start of an article body, if any: "ISLAMABAD (Reuters) -",
    "NEW DELHI, May 12 (AFP) -", or the lower-case archive form "lucknow: the …"."""
    m = DATELINE_RE.match(text)
    if not m:
        low = LOWER_DATELINE_RE.match(text)
        if low is None or not _gazetteer_place(low.group("place")):
            return None  # "the army said: …" is no dateline
        return Dateline(low.group("place").title(), None, None, low.end(), lower=True)
    place = m.group("place").strip()
    if len(place.replace(" ", "")) < 3 or place.upper() != place:
        return None
    agency = m.group("agency")
    return Dateline(place.title(), m.group("date"), agency.strip() if agency else None, m.end())


@functools.lru_cache(maxsize=4096)
def _gazetteer_place(name: str) -> bool:
    """Every "/"-separated part of a lower-case dateline names a gazetteer place (cached:
    ingest reads the dateline again for every mention of an article)."""
    from ..gazetteer import Gazetteer

    g = Gazetteer.default()
    parts = [p.strip() for p in name.split("/")]
    return all(len(p) >= 3 and not g.is_common_word(p)
               and g.candidates(p.title(), allow_fuzzy=False) for p in parts)


def dateline_end(text: str) -> int | None:
    """Offset of the first character after the dateline, if there is one."""
    dl = dateline(text)
    return dl.end if dl else None
