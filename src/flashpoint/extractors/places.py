"""Toponyms in a text, resolved to GeoNames places, and the place of an event.

Spans come from two sources: spaCy NER entities labelled GPE/LOC/FAC (exact gazetteer lookup,
fuzzy only when exact fails), and a gazetteer scan of capitalised token n-grams (up to four
tokens) that finds places NER misses or buries in organisation names ("Peshawar High Court" ->
Peshawar, "the Line of Control", "Indian-administered Kashmir"). Demonyms are never places.

Disambiguation uses the document's countries (countries named in the text plus the caller's
``context_countries``) and, in a second pass, the regions and coordinates of places already
resolved in the same text.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..gazetteer import Candidate, Gazetteer, haversine_km, normalize, to_place
from ..models import Place
from .datelines import dateline_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Toponym", "event_place", "find_places", "find_toponyms", "nearest_place",
           "toponyms_of_texts"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_BLOCK_LABELS = frozenset({"PERSON"})
_FUZZY_LABELS = frozenset({"GPE", "LOC"})
_TOKEN = re.compile(r"[^\W_]+(?:[.'’&][^\W_]+)*")
_CONNECTORS = frozenset({"of", "the", "de", "del", "da", "do", "dos", "das", "la", "le", "les",
                         "al", "el", "and", "on", "upon", "en", "y", "di", "du", "des", "am",
                         "an", "der", "ul", "e", "i"})
# capitalised words that start sentences or precede names without being part of a place name
_LEADERS = frozenset({"in", "the", "at", "on", "from", "to", "and", "but", "near", "of", "for",
                      "by", "as", "after", "before", "while", "when", "with", "a", "an", "if",
                      "since", "across", "into", "outside", "inside", "north", "south", "east",
                      "west", "northern", "southern", "eastern", "western", "central", "both",
                      "between", "over", "under", "around", "through", "via", "within"})
# a failed NER span ending in one of these is a street, county or building: no towns inside
_FEATURE_WORDS = frozenset({"county", "co", "road", "rd", "street", "st", "avenue", "ave",
                            "boulevard", "blvd", "crescent", "close", "drive", "dr", "lane",
                            "way", "park", "parish", "township", "hospital", "church",
                            "cathedral", "university", "college", "school", "museum", "hotel",
                            "stadium", "centre", "center", "mall", "square", "bridge", "house",
                            "hall", "tower", "building", "station", "airport", "base"})
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)\b")
_SAID = re.compile(r"\s+(?:said|says|told|added|wrote|tweeted|explained|asked)\b")
_PREPOSITIONS = frozenset({"in", "at", "from", "near", "of", "to", "outside", "across", "around"})
_NAME_MAX_TOKENS = 4
_MIN_CITY_POP_SCAN = 1000  # a city found only by the scan must have this many inhabitants
_MIN_CITY_POP_INSIDE = 15000  # ... and this many when inside an unresolved NER place span
_MIN_CITY_POP_ALIAS = 15000  # ... or when the word is only one of its alternate names
_BIG_CITY_POP = 500_000
_SURE_MIN_POP = 10_000  # a town named by NER, with no namesake, sets its region as context
_SPECIFICITY = {"city": 0, "region": 1, "admin1": 2, "country": 3}


def _townlike(c: Candidate) -> bool:
    """A town, a county or district (often named after its town) or a first-level division
    known only from the package data: filtered like a town when the text may use the word
    otherwise ("Falcon", "Barca")."""
    return c.kind in ("city", "admin2") or c.minor


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    hyphen_before: bool


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    cands: list[Candidate]
    ner: bool


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        if text[e - 2:e] in ("'s", "’s") and e - 2 > s:
            e -= 2
        hyphen = s > 0 and text[s - 1] in "-‐‑–" and bool(out) and out[-1].end == s - 1
        out.append(_Tok(s, e, text[s:e], hyphen))
    return out


def _is_cap(tok: _Tok) -> bool:
    return tok.text[:1].isupper()


def _extend_abbrev(text: str, end: int, tok: _Tok, g: Gazetteer) -> int:
    """Include the final dot of an abbreviation ("U.S.", "B.C.", "Ky.", not "UK.")."""
    if end >= len(text) or text[end] != "." or len(tok.text.split(".")[-1]) > 3:
        return end
    if "." in tok.text:
        return end + 1
    key = normalize(tok.text)
    if not tok.text.isupper() and len(tok.text) <= 4:
        cands = g.lookup(tok.text)
        if any(c.kind != "city" and len(normalize(c.name)) > len(key) + 1 for c in cands):
            return end + 1  # an abbreviation of a longer name
    return end


def _inside(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _overlaps(s: int, e: int, a: int, b: int) -> bool:
    return s < b and a < e


def _strip_ent(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim a leading article, a possessive and surrounding punctuation from an NER span."""
    seg = text[s:e]
    m = re.match(r"(?:[Tt]he\s+)?", seg)
    if m:
        s += m.end()
    while e > s and not text[e - 1].isalnum() and text[e - 1] != ".":
        e -= 1
    if text[e - 2:e] in ("'s", "’s"):
        e -= 2
    while s < e and not text[s].isalnum():
        s += 1
    return s, e


def _scan(text: str, g: Gazetteer, blocked: Sequence[tuple[int, int]],
          failed_ner: Sequence[tuple[int, int]], person_words: frozenset[str]) -> list[_Span]:
    """Gazetteer matches over capitalised token n-grams (longest match first)."""
    toks = _tokens(text)
    lower_words = {t.text for t in toks if t.text.islower()}
    first_words = g.first_words
    out: list[_Span] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if not _is_cap(t):
            i += 1
            continue
        key0 = normalize(t.text)
        if not key0 or key0.split(" ", 1)[0] not in first_words:
            i += 1
            continue
        match_j = -1
        last = min(n - 1, i + _NAME_MAX_TOKENS - 1)
        for j in range(last, i - 1, -1):
            if not _is_cap(toks[j]):
                continue
            if any(not _is_cap(toks[k]) and toks[k].text not in _CONNECTORS
                   and not toks[k].hyphen_before for k in range(i + 1, j)):
                continue
            if j > i and "\n" in text[t.start:toks[j].end]:
                continue
            name = text[t.start:toks[j].end]
            if g.has_name(normalize(name)) and not (j > i and _institution(name, g)):
                match_j = j
                break
        if match_j < 0:
            i += 1
            continue
        s, e = t.start, toks[match_j].end
        e = _extend_abbrev(text, e, toks[match_j], g)
        end_tok = toks[match_j]
        if e > end_tok.end and not end_tok.text.isupper() and "." not in end_tok.text \
                and not _AFTER_COMMA.search(text, max(0, s - 4), s):
            e = end_tok.end  # "Mo.", "Man." name a state after a town and a comma, not "Act."
        cands = g.candidates(text[s:e], allow_fuzzy=False)
        if _inside(s, e, blocked) or _in_hyphenated_name(text, s, e, g):
            cands = []
        single = match_j == i
        if single and t.text in person_words:
            cands = []  # "Georgia" the skater, "Jordan" the player
        if single and cands:
            cands = _filter_scan_single(cands, t, toks[i - 1] if i else None, text,
                                        lower_words, g)
        feature = [(a, b) for a, b in failed_ner if a <= s and e <= b
                   and normalize(text[a:b]).rsplit(" ", 1)[-1] in _FEATURE_WORDS]
        nxt = _NEXT_WORD.match(text, e)
        if nxt and nxt.group(1).lower() in _FEATURE_WORDS and nxt.group(1)[:1].isupper():
            feature.append((s, nxt.end()))  # "Metcalfe County", "Hertford Road": not the town
        if cands and feature:
            cands = [c for c in cands if not _townlike(c)]
        elif cands and _inside(s, e, failed_ner):
            cands = [c for c in cands if not _townlike(c) or c.population >= _MIN_CITY_POP_INSIDE]
        if cands:
            out.append(_Span(s, e, cands, ner=False))
            i = match_j + 1
        else:
            i += 1
    return out


_SAINTS = frozenset({"St", "Saint", "Ste", "Sainte", "ST"})
# last words of an institution's name ("University of Michigan Center for ..."): a small town
# of that name ("Michigan Center") is not what the text names
_INSTITUTION_HEADS = frozenset({"center", "centre", "institute", "college", "university",
                                "school", "hospital", "park", "hall", "museum", "academy"})


def _institution(name: str, g: Gazetteer) -> bool:
    """A multi-word name that ends like an institution and names only small towns."""
    words = normalize(name).split()
    return words[-1] in _INSTITUTION_HEADS and all(
        c.kind in ("city", "admin2") and c.population < _MIN_CITY_POP_INSIDE
        for c in g.lookup(name))


_HYPHEN_SUFFIXES = frozenset({"administered", "controlled", "held", "occupied", "based", "born",
                              "bound", "area", "region", "sector", "border", "backed", "led",
                              "brokered", "sponsored", "funded", "allied", "aligned", "linked",
                              "owned", "run", "made", "flagged", "registered", "bred"})


_AFTER_COMMA = re.compile(r",\s*$")


def _in_hyphenated_name(text: str, s: int, e: int, g: Gazetteer) -> bool:
    """Part of a hyphenated name ("Bunyan-um-Marsus"), not a place ("Kashmir-based",
    "U.S.-led" are, and so are both names of "Canada-EU", "India-Pakistan", "Middlesex-London")."""
    if s > 1 and text[s - 2:s - 1].isalpha() and text[s - 1] in "-‐‑":
        m = re.search(r"([^\W\d_][\w.]*)$", text[max(0, s - 40):s - 1])
        return m is None or not _name_word(m.group(1), g)
    if e + 1 < len(text) and text[e] in "-‐‑" and text[e + 1].isalpha():
        nxt = text[e + 1:].split(maxsplit=1)[0] if text[e + 1:].strip() else ""
        first = nxt.split("-")[0].rstrip(",;:)")
        word = "".join(ch for ch in first if ch.isalpha()).lower()
        return word not in _HYPHEN_SUFFIXES and not _name_word(first, g)
    return False


def _name_word(word: str, g: Gazetteer) -> bool:
    """A capitalised place name, demonym or acronym ("EU", "Pakistan", "Russian")."""
    if not word[:1].isupper():
        return False
    return word.isupper() or g.has_name(normalize(word)) or g.demonym_place(word) is not None


def _filter_scan_single(cands: list[Candidate], tok: _Tok, prev: _Tok | None, text: str,
                        lower_words: set[str], g: Gazetteer) -> list[Candidate]:
    """Drop city readings of a lone capitalised word that is probably not a place."""
    word = tok.text
    if _followed_by_polity(text, tok.end, g):
        return cands  # "PARIS, Mo.", "Churchill, Man.": a town named with its state
    city_ok = True
    if word.isupper() and len(word.replace(".", "")) <= 5:
        city_ok = False  # acronyms: UN, AP, IS, TASS
    elif word.lower() in lower_words or g.is_common_word(word):
        city_ok = False  # the word is used as a common word in this very text
    elif prev is not None and prev.text in _SAINTS and text[prev.end:tok.start] in (" ", ". "):
        city_ok = False  # "St. Mark's Cathedral", "St. Michael's Hospital": a saint
    elif prev is not None and _is_cap(prev) and prev.text.lower() not in _LEADERS \
            and not prev.text.isupper() and prev.end >= tok.start - 1 \
            and not _sentence_start(text, prev.start):
        city_ok = False  # "President Karlov", "Mr Modi": part of a name
    elif _SAID.match(text, tok.end) and not (prev is not None and prev.text in _PREPOSITIONS):
        city_ok = False  # "Phillips said": a person
    # "its Sears office": an old name of a Romanian village, unless after "in", "near" …
    alias_only = all(c.alias for c in cands) and not _after_locative(text, tok.start)
    return [c for c in cands if not _townlike(c)
            or (city_ok and c.population >= _MIN_CITY_POP_SCAN
                and (not alias_only or c.population >= _MIN_CITY_POP_ALIAS))]


_LOCATIVE_RE = re.compile(r"\b(?:in|near|at|around|outside|across|into)\s+(?:the\s+)?$",
                          re.IGNORECASE)


def _after_locative(text: str, pos: int) -> bool:
    """The span follows a locative preposition ("villages in Poonchh")."""
    return _LOCATIVE_RE.search(text[max(0, pos - 16):pos]) is not None


_POLITY_AFTER = re.compile(r"\s*,\s*([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")


def _followed_by_polity(text: str, end: int, g: Gazetteer) -> bool:
    """The span is followed by ", <state or country>" ("Churchill, Man.", "Paris, Texas")."""
    m = _POLITY_AFTER.match(text, end)
    if m is None:
        return False
    words = m.group(1).split()
    return any(c.kind in ("admin1", "country")
               for n in (len(words), 1) for c in g.candidates(" ".join(words[:n])))


def _sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t\"“‘'(":
        k -= 1
    return k < 0 or text[k] in ".!?\n:;"


# --- lower-cased text (the Times of India archive, transcripts): no capitals to go by ----------

# a word before or after a lower-case name that marks it as a place ("in anand", "kadi taluka")
_LOWER_BEFORE = frozenset({"in", "at", "from", "near", "to", "outside", "across", "around",
                           "into", "towards", "toward", "via", "between", "reached", "visited"})
_LOWER_AFTER = frozenset({"district", "districts", "city", "town", "village", "villages", "area",
                          "areas", "taluka", "tehsil", "block", "division", "state", "province",
                          "region", "border", "police", "station", "circle", "cantonment",
                          "municipality", "sector", "valley", "railway", "airport", "jail",
                          "court", "outskirts", "road", "highway", "market", "bazaar"})
# a place noun and "of" before a lower-case name ("the twin towns of dahod and godhra")
_LOWER_OF = frozenset({"town", "towns", "city", "cities", "village", "villages", "district",
                       "districts", "state", "states", "province", "provinces", "region",
                       "outskirts", "suburb", "suburbs", "port", "capital"})
_LOWER_SPEECH = frozenset({"said", "says", "told", "added", "stated", "claimed", "alleged"})
# a region that makes its country a document country when named in lower case ("gujarat"; not
# "mono" or "sud", departments of Benin and Haiti that are also words or names)
_LOWER_MAJOR_REGION_POP = 1_000_000
_LOWER_MIN_POP = 20_000  # a town of a document country, named in lower case
_LOWER_MIN_POP_ABROAD = 300_000  # ... of another country
_LOWER_WORDS = _LEADERS | _CONNECTORS | _PREPOSITIONS | frozenset(
    {"police", "city", "town", "state", "area", "people", "said", "will", "may", "can", "march",
     "august", "june", "july", "today", "mob", "mobs", "army", "force", "forces", "camp",
     "home", "hindu", "muslim", "muslims", "hindus", "sikh", "sikhs", "party", "congress",
     "union", "court", "bail", "curfew", "aid", "peace", "unity", "justice", "victoria",
     "mission", "colony", "nagar", "pur", "gate", "road", "park", "bridge", "station",
     "college", "school", "temple", "mosque", "church", "market", "villa", "mandir", "masjid",
     "part", "parts", "gold", "sale", "rest", "soul", "bar", "best", "hope", "deal", "mark",
     "split", "nice", "most", "bath", "reading", "mobile", "buffalo", "phoenix", "surprise",
     "hue", "acre", "acres", "sabha"})  # "hue and cry", "67.7 acre land", "lok sabha"


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)([^\W\d_])")


def lower_cased(text: str) -> bool:
    """A text written (or archived) in lower case: of its sentence starts, the
    capitals at most a third (a short article with a few capitalised words still counts)."""
    starts = [m.group(1) for m in _SENTENCE_START.finditer(text)]
    if len(starts) < 2:
        return False
    return sum(ch.isupper() for ch in starts) * 3 <= len(starts)


def _lower_keep(c: Candidate, countries: set[str], single: bool) -> bool:
    if c.kind == "country":
        return True
    if c.kind in ("admin1", "region"):
        return not single or not countries or c.country2 in countries
    if c.kind in ("city", "admin2"):
        local = c.country2 in countries
        return c.population >= (_LOWER_MIN_POP if local else _LOWER_MIN_POP_ABROAD)
    return False


def _scan_lower(text: str, g: Gazetteer, blocked: Sequence[tuple[int, int]],
                context2: set[str]) -> list[_Span]:
    """Gazetteer matches in a lower-cased text. A name of two or more words is taken as it
    is; a single word needs a place cue: a preposition before it ("in anand"), a place noun
    after it ("kadi taluka") or before it with "of" ("the towns of dahod"), a dateline
    ("kanpur:"), or a coordination with the place before it ("in bhavnagar and surat"); a
    country or region named by its own name needs none (by an alternate name it does: "both
    the sides" is not Haiti's Sud-Est). Once taken, the name is a place wherever else the text
    uses it (one sense per document). Towns must lie in a country of the document (named in
    it, given by the caller, or the country of a region it names: "gujarat") with 20,000
    inhabitants, or be cities of 300,000 elsewhere; common words are never places."""
    toks = _tokens(text)
    n = len(toks)
    first_words = g.first_words
    found: list[tuple[int, int, list[Candidate]]] = []  # token i, token j, candidates
    i = 0
    while i < n:
        t = toks[i]
        dotted = "." in t.text and t.text.replace(".", "").isalpha()  # "u.s.", "u.k."
        if len(t.text) < 3 or not (t.text.isalpha() or dotted) or t.text in _LOWER_WORDS \
                or normalize(t.text) not in first_words:
            i += 1
            continue
        hit: tuple[int, list[Candidate]] | None = None
        for j in range(min(n - 1, i + _NAME_MAX_TOKENS - 1), i - 1, -1):
            if any(text[toks[k].end:toks[k + 1].start] not in (" ", "-")
                   for k in range(i, j)) or toks[j].text in _CONNECTORS:
                continue
            name = text[t.start:toks[j].end]
            if dotted and j == i and text[toks[j].end:toks[j].end + 1] == ".":
                name += "."
            if not g.has_name(normalize(name)):
                continue
            cands = g.candidates(name.upper() if dotted else
                                 name.title() if j > i else name.capitalize(),
                                 allow_fuzzy=False)
            if dotted:
                cands = [c for c in cands if c.kind == "country"]
            if cands:
                hit = (j, cands)
                break
        if hit is None:
            i += 1
            continue
        found.append((i, hit[0], hit[1]))
        i = hit[0] + 1
    # the document's countries: those it names, and those of a region it names by the
    # region's own name when no other entry bears that name ("gujarat" -> IN)
    countries = set(context2) | {c.country2 for _, _, cs in found for c in cs
                                 if c.country2 and (c.kind == "country" or (
                                     c.kind == "admin1" and len(cs) == 1 and not c.alias
                                     and c.population >= _LOWER_MAJOR_REGION_POP))}
    out: list[_Span] = []
    last_tok = -10
    cued: set[str] = set()  # names taken once: one sense per document, cue or not
    pending: list[tuple[int, int, list[Candidate]]] = []
    for i, j, cands in found:
        single = i == j
        keep = [c for c in cands if _lower_keep(c, countries, single)]
        if not keep:
            continue
        s, e = toks[i].start, toks[j].end
        if single and normalize(text[s:e]) not in cued:
            prev = toks[i - 1].text if i else ""
            nxt = toks[j + 1].text if j + 1 < n else ""
            dateline = (i == 0 or "\n" in text[toks[i - 1].end:s]) and text[e:e + 1] == ":"
            gap = text[toks[i - 1].end:s].strip() if i else ""
            listed = (prev in ("and", "or") and last_tok == i - 2) or \
                (gap == "," and last_tok == i - 1)
            # a country or region by its own name needs no cue; by an alternate name it does
            # ("both the sides" is no alias of Haiti's Sud-Est)
            polity = all(c.kind == "country" or (c.kind == "admin1" and not c.alias and (
                c.country2 in countries or c.population >= _LOWER_MAJOR_REGION_POP))
                for c in keep)
            named_of = prev == "of" and i >= 2 and toks[i - 2].text in _LOWER_OF
            # "ottawa", "aleppo": a big city or a capital needs no cue
            big = any(c.kind == "city" and not c.alias
                      and (c.population >= _BIG_CITY_POP or c.capital) for c in keep)
            if nxt in _LOWER_SPEECH and prev not in _LOWER_BEFORE and not all(
                    c.kind == "country" for c in keep):
                continue  # "sud said": a speaker, not Haiti's Sud
            if not (prev in _LOWER_BEFORE or nxt in _LOWER_AFTER or dateline or listed
                    or polity or big or named_of):
                pending.append((s, e, keep))
                continue
        if _inside(s, e, blocked):
            continue
        out.append(_Span(s, e, keep, ner=False))
        cued.add(normalize(text[s:e]))
        last_tok = j
    out += [_Span(s, e, keep, ner=False) for s, e, keep in pending
            if normalize(text[s:e]) in cued and not _inside(s, e, blocked)]
    return sorted(out, key=lambda sp: sp.start)


def _person_words(text: str, ents: Sequence[tuple[int, int, str]],
                  g: Gazetteer) -> frozenset[str]:
    """Words of multi-word PERSON names ("Georgia Smith" -> Georgia) that are not also tagged as
    places in the text and are not big cities: their lone mentions are that person."""
    placey = {text[s:e] for s, e, lab in ents if lab in ("GPE", "LOC", "NORP")}
    out: set[str] = set()
    for s, e, lab in ents:
        words = re.split(r"[\s\-‐]+", text[s:e])
        if lab != "PERSON" or len(words) < 2:
            continue
        for w in words:
            w = w.removesuffix("'s").removesuffix("’s")
            if not w[:1].isupper() or w in placey:
                continue
            if any(c.kind == "city" and c.population >= _BIG_CITY_POP for c in g.lookup(w)):
                continue
            out.add(w)
    return frozenset(out)


def _doc_countries(spans: Sequence[_Span], context2: set[str]) -> set[str]:
    out = set(context2)
    for sp in spans:
        kinds = {c.kind for c in sp.cands}
        for c in sp.cands:
            if c.country2 and (c.kind == "country"
                               or (kinds == {c.kind} and c.kind in ("admin1", "region")
                                   and len({x.country2 for x in sp.cands}) == 1)):
                out.add(c.country2)
    return out


def find_places(text: str, ents: Sequence[tuple[int, int, str]] = (),
                gazetteer: Gazetteer | None = None,
                context_countries: Sequence[str] = ()) -> list[Place]:
    """Every toponym span in ``text`` with its GeoNames resolution, in text order.

    ``ents`` are spaCy entities ``(start_char, end_char, label)``; GPE/LOC/FAC spans are
    candidates, PERSON/NORP spans block gazetteer matches inside them. ``context_countries``
    (ISO3 or ISO2) are countries the document is known to be about.
    """
    g = gazetteer or Gazetteer.default()
    person_words = _person_words(text, ents, g)
    blocked = [(s, e) for s, e, lab in ents if lab in _BLOCK_LABELS
               and (" " in text[s:e].strip() or text[s:e] in person_words)]
    ner_spans: list[_Span] = []
    failed: list[tuple[int, int]] = []
    for s0, e0, lab in ents:
        locative = lab in ("ORG", "PERSON", "NORP") and _after_locative(text, s0) \
            and " " not in text[s0:e0].strip()
        if lab not in _PLACE_LABELS and not locative:
            continue  # ("in Poonchh" tagged ORG is still a place: fuzzy-matched below)
        s, e = _strip_ent(text, s0, e0)
        if e <= s:
            continue
        cands = g.candidates(text[s:e], allow_fuzzy=lab in _FUZZY_LABELS or locative)
        if locative and not _followed_by_polity(text, e, g):
            # ("born in Churchill, Man.": a town however small)
            cands = [c for c in cands if not _townlike(c) or c.population >= 5000]
        if cands and " " not in text[s:e] and text[s:e] in person_words:
            cands = [c for c in cands if not _townlike(c)]
        if cands and lab != "GPE" and not _sentence_start(text, s) \
                and _SAID.match(text, e) and all(c.kind == "city" for c in cands):
            cands = []
        if cands:
            ner_spans.append(_Span(s, e, cands, ner=True))
        else:
            failed.append((s, e))
    spans = list(ner_spans)
    scanned = _scan(text, g, blocked, failed, person_words)
    if lower_cased(text):
        scanned += _scan_lower(text, g, blocked,
                               {c2 for c in context_countries if (c2 := g.to_iso2(c))})
    for sp in scanned:
        clash = [x for x in spans if _overlaps(sp.start, sp.end, x.start, x.end)]
        if not clash:
            spans.append(sp)
        elif all(sp.end - sp.start > x.end - x.start for x in clash):
            spans = [x for x in spans if x not in clash] + [sp]
    spans.sort(key=lambda x: x.start)

    for sp in spans:
        if len(sp.cands) > 1 and _POLITY_NEXT.match(text, sp.end):
            polities = [c for c in sp.cands if c.kind in ("country", "admin1")]
            sp.cands = polities or sp.cands  # "New York Gov.", "the Quebec government"
    _coordinated_polities(text, spans, g)
    keys = [normalize(text[sp.start:sp.end]) for sp in spans]
    fixed = _containers(text, spans, keys, g)
    for k, pc in _possessives(text, spans, keys, g).items():
        fixed.setdefault(k, pc)

    ctx2 = {c2 for c in context_countries if (c2 := g.to_iso2(c))}
    countries = sorted(_doc_countries(spans, ctx2) | {c.country2 for c in fixed.values()
                                                      if c.country2})
    first = [fixed.get(k) or g.best(sp.cands, countries)
             for sp, k in zip(spans, keys, strict=True)]
    # regions named in the text, and those of towns the text names unambiguously (a single
    # gazetteer entry by its own name, or fixed by "Town, State")
    sure = [c for sp, k, c in zip(spans, keys, first, strict=True) if c is not None
            and (k in fixed or (sp.ner and len(sp.cands) == 1 and not c.alias
                                and c.population >= _SURE_MIN_POP))]
    admin1s = sorted({(c.country2, c.admin1_code) for c in first
                      if c and c.kind == "admin1" and c.country2 and c.admin1_code}
                     | {(c.country2, c.admin1_code) for c in sure
                        if c.kind in ("city", "admin2") and c.country2 and c.admin1_code})
    near: dict[str, tuple[float, float]] = {}
    inside: dict[str, tuple[str, str]] = {}
    for k, c in zip(keys, first, strict=True):
        if c and c.kind in ("city", "admin1", "admin2") and k not in near:
            near[k] = (c.lat, c.lon)
        if c and c.kind in ("city", "admin2") and c.country2 and c.admin1_code \
                and k not in inside:
            inside[k] = (c.country2, c.admin1_code)
    out: list[Place] = []
    for sp, k, c in zip(spans, keys, first, strict=True):
        if c is None:
            continue
        if len(sp.cands) > 1 and k not in fixed:
            others = [p for k2, p in near.items() if k2 != k]
            within = [a for k2, a in inside.items() if k2 != k]
            c = g.best(sp.cands, countries, others, admin1s, within) or c
        out.append(to_place(c, text[sp.start:sp.end], sp.start, sp.end))
    return out


# a place name before one of these words names a polity, not a town: "New York Gov. Cuomo",
# "the Quebec government", "a Delaware limited liability company"
_POLITY_NEXT = re.compile(
    r"['’]?s?\s+(?:Gov\.|Governor|Premier|government|Government|legislature|Legislature|"
    r"lawmakers|state\s+(?:government|law|legislature|officials)|State\s+(?:Assembly|Senate)|"
    r"Assembly|Senate|National\s+Assembly|parliament|Parliament|Health\s+Minister|"
    r"[A-Z][a-z]+\s+Minister|limited\s+liability|corporation|law\b)")
_COMMA = re.compile(r"\s*,\s*$")


_AND = re.compile(r"\s*(?:,|,?\s+(?:and|or|&))\s+$|\s*,\s*$")
_POLITY_KINDS = frozenset({"country", "admin1"})


def _coordinated_polities(text: str, spans: Sequence[_Span], g: Gazetteer) -> None:
    """Names joined by "and", "or" or commas are things of one kind: next to a name that can
    be, on its own, only a state or country ("Montana and Wyoming", "Michigan, Wisconsin"), a
    name that can be one reads as one, not as a same-named town."""
    polity = [(top := g.best(sp.cands)) is not None and top.kind in _POLITY_KINDS
              for sp in spans]
    at = {id(sp): i for i, sp in enumerate(spans)}
    for _ in range(2):  # along a list, both ways
        for a, b in (*itertools.pairwise(spans), *zip(spans[1:], spans, strict=False)):
            lo, hi = (a, b) if a.start < b.start else (b, a)
            gap = text[lo.end:hi.start]
            if "\n" in gap or not _AND.match(gap):
                continue
            if polity[at[id(a)]]:
                polities = [c for c in b.cands if c.kind in _POLITY_KINDS]
                if polities and len(polities) < len(b.cands):
                    b.cands = polities


def _contains(outer: Candidate, inner: Candidate) -> bool:
    if inner.country2 is None or inner.country2 != outer.country2 or inner is outer:
        return False
    if outer.kind == "country":
        return inner.kind != "country"
    return outer.kind == "admin1" and inner.kind == "city" \
        and inner.admin1_code == outer.admin1_code


def _containers(text: str, spans: Sequence[_Span], keys: Sequence[str],
                g: Gazetteer) -> dict[str, Candidate]:
    """Resolutions fixed by "Town, Region" pairs ("Richmond, Virginia", "Paris, Mo.",
    "Bronx, New York", "Queensland, Australia"): the second name is a state or country holding
    the first, and the first is a town or state in it. The pair is resolved together; every
    other mention of either name in the document takes the same reading (one sense per
    document). A list of states ("Wyoming, Michigan and Ohio") is no pair: only a town or a
    state followed by its country is."""
    fixed: dict[str, Candidate] = {}
    for a, b, ka, kb in zip(spans, spans[1:], keys, keys[1:], strict=False):
        if not _COMMA.match(text[a.end:b.start]) or "\n" in text[a.end:b.start]:
            continue
        alone = g.best(a.cands)
        if alone is None or alone.kind == "country":
            continue
        pairs = [(x, y) for y in b.cands if y.kind in ("country", "admin1")
                 for x in a.cands if _contains(y, x)
                 and (alone.kind == "city" or x.kind == "admin1")]
        if not pairs:
            outer = g.best(b.cands)
            if alone.kind == "city" and outer is not None and outer.kind in _POLITY_KINDS:
                # "HOLLIDAY, Mo.": a town the gazetteer lacks, somewhere in that state; not
                # a namesake elsewhere
                fixed.setdefault(ka, outer)
                fixed.setdefault(kb, outer)
            continue
        x, y = max(pairs, key=lambda p: (g.score(p[0]) + g.score(p[1]), p[0].population))
        fixed.setdefault(ka, x)
        fixed.setdefault(kb, y)
    return fixed


_POSSESSIVE = re.compile(r"['’]s\s+$")
_POSSESSIVE_KM = 100.0


def _possessives(text: str, spans: Sequence[_Span], keys: Sequence[str],
                 g: Gazetteer) -> dict[str, Candidate]:
    """Resolutions fixed by "Place's Place" ("Pakistan's Punjab", "London's Heathrow",
    "Whittier's Penn Park"): the second is in the first (its country, its state, or within
    100 km of its town). When no reading of the second is, the second is a feature the
    gazetteer lacks and takes the first's location."""
    fixed: dict[str, Candidate] = {}
    for a, b, kb in zip(spans, spans[1:], keys[1:], strict=False):
        if not _POSSESSIVE.match(text[a.end:b.start]):
            continue
        outer = g.best(a.cands)
        if outer is None or outer.kind == "continent":
            continue
        def within(c: Candidate, o: Candidate = outer) -> bool:
            if o.kind == "country":
                return c.country2 == o.country2 and c.kind != "country"
            if o.kind == "admin1":
                return (c.country2, c.admin1_code) == (o.country2, o.admin1_code) \
                    and c.kind not in ("country", "admin1")
            return c.kind in ("city", "admin2", "region") \
                and haversine_km(c.lat, c.lon, o.lat, o.lon) <= _POSSESSIVE_KM
        inner = [c for c in b.cands if within(c)]
        if inner:
            fixed.setdefault(kb, g.best(inner) or inner[0])
        elif outer.kind in ("city", "admin2") \
                and not any(c.kind in ("country", "admin1") for c in b.cands):
            fixed.setdefault(kb, outer)  # ("Toronto's Ontario health-card holders": no)
    return fixed


def nearest_place(places: Sequence[Place], pos: int, sent_start: int,
                  sent_end: int) -> Place | None:
    """The place of an event whose trigger is at ``pos``: a resolved place in the same
    sentence, the most specific first (city > region > admin1 > country), then the nearest."""
    best: tuple[int, int] | None = None
    chosen: Place | None = None
    for p in places:
        if p.start is None or p.end is None or not (sent_start <= p.start < sent_end):
            continue
        if p.lat is None or p.precision is None:
            continue
        dist = p.start - pos if p.start >= pos else pos - p.end
        key = (_SPECIFICITY.get(p.precision, 4), max(dist, 0))
        if best is None or key < best:
            best, chosen = key, p
    return chosen


# prepositions whose object is where an event happened ("attacked a post in Kupwara", "clashes
# near the border", "a drone over Lahore"); not "from" (an origin) or "to" (a destination)
_EVENT_PREPS = frozenset({"in", "near", "at", "outside", "inside", "across", "around", "into",
                          "on", "over", "along", "within", "throughout", "off", "beyond"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd", "npadvmod"})
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "report", "claim", "state", "announce",
                            "confirm", "accord", "allege", "quote", "write", "tweet", "warn"})


def _covers(p: Place, spans: Sequence[tuple[int, int]]) -> bool:
    """The place is (most of) one of the spans: the actor "Islamabad", "the Indian army"."""
    if p.start is None or p.end is None:
        return False
    return any(s <= p.start and p.end <= e and (p.end - p.start) * 5 >= (e - s) * 4
               for s, e in spans)


def _in_sentence(places: Sequence[Place], sent_start: int, sent_end: int) -> list[Place]:
    return [p for p in places if p.start is not None and p.end is not None
            and sent_start <= p.start < sent_end and p.lat is not None
            and p.precision is not None]


def _best_of(places: Sequence[Place], pos: int) -> Place | None:
    """The most specific place (city > region > admin1 > country), then the nearest to pos."""
    def key(p: Place) -> tuple[int, int]:
        s, e = p.start or 0, p.end or 0
        return _SPECIFICITY.get(p.precision or "", 4), max(s - pos if s >= pos else pos - e, 0)
    return min(places, key=key) if places else None


def _token_at(doc: Doc, rel: int) -> Token | None:
    for tok in doc:
        if tok.idx <= rel < tok.idx + max(len(tok), 1):
            return tok
    return None


def _attached_spans(doc: Doc, trig_rel: int) -> list[tuple[int, int]]:
    """Character spans (sentence-relative) of the locative prepositional objects of the trigger,
    of its objects, and of the verb whose object it is ("launched an attack in X")."""
    trig = _token_at(doc, trig_rel)
    if trig is None:
        return []
    heads = [trig, *(c for c in trig.children if c.dep_ in _OBJECT_DEPS)]
    if trig.dep_ in ("compound", "amod", "nmod"):
        heads.append(trig.head)  # "the Kupwara attack", "suicide bombing"
    if trig.dep_ in ("dobj", "obj", "nsubjpass") and trig.head.pos_ in ("VERB", "AUX"):
        heads.append(trig.head)  # "carried out an attack in X"
    out: list[tuple[int, int]] = []
    for h in heads:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in _EVENT_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    sub = list(obj.subtree)
                    out.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return out


def _is_source_place(doc: Doc, rel: int) -> bool:
    """The place qualifies who reports the event ("officials in Srinagar said", "according to
    police in Karachi"), not where it happened."""
    tok = _token_at(doc, rel)
    if tok is None:
        return False
    for anc in tok.ancestors:
        if anc.lower_ == "according":
            return True
        if anc.dep_ in ("nsubj", "nsubjpass") and anc.head.lemma_.lower() in _SPEECH_LEMMAS:
            return True
        if anc.pos_ in ("VERB", "AUX"):
            return False  # the place belongs to the clause of another verb: a scene
    return False


_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# a police force acts where it is named after ("arrested by Dubai police", "Kerala police
# raided"): unlike a government or an army, its name places the event
_POLICE_NOUNS = frozenset({"police", "policeman", "policemen", "cop", "cops", "constabulary",
                           "gendarmerie"})


def _police_place(doc: Doc, rel: int, trig: Token) -> bool:
    """The place names the police force that is an argument of the trigger: its subject,
    its agent ("by Dubai police") or its object."""
    tok = _token_at(doc, rel)
    if tok is None:
        return False
    while tok.dep_ in ("compound", "flat", "amod", "poss") and tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_.lower() in _POLICE_NOUNS or tok.lower_ in _POLICE_NOUNS:
            break
    else:
        return False
    if tok.head.i == trig.i:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.i == trig.i


def _is_agent_place(doc: Doc, rel: int) -> bool:
    """The place acts in the sentence ("Pakistan accused India", "Kabul's envoy said"): a
    subject, or the possessor or modifier of one, names a government, not a scene."""
    tok = _token_at(doc, rel)
    if tok is None:
        return False
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head  # "New Delhi": the head word
    if tok.dep_ in _AGENT_DEPS:
        return True
    return tok.dep_ in ("poss", "compound", "amod") and tok.head.dep_ in _AGENT_DEPS


def event_place(places: Sequence[Place], trigger_start: int, sent_start: int, sent_end: int,
                *, parse: Doc | None = None, parse_offset: int = 0,
                dateline_end: int | None = None, actors: Sequence[tuple[int, int]] = (),
                recipients: Sequence[tuple[int, int]] = ()) -> Place | None:
    """The place of an event whose trigger starts at ``trigger_start`` (text offsets).

    In order: a place inside a locative phrase attached to the trigger or its objects in the
    dependency ``parse`` of the sentence ("attacked a police post **in Kupwara**"), then one
    that names a police force acting in the event ("arrested by **Dubai** police"), then the
    sentence's best place that does not merely locate the source ("officials in Srinagar
    said"), then the dateline's place ("ISLAMABAD (Reuters) -", the first ``dateline_end``
    characters), then any place of the sentence. ``places`` should not hold places that are
    parsed sentence. A place that is one of the ``actors`` (text spans: "Islamabad denied") is
    never the event's place; one that is one of its ``recipients`` ("India attacked
    Pakistan") only when attached to the trigger by a locative preposition. Each place keeps
    its precision (city, region, admin1, country).
    """
    places = [p for p in places if not _covers(p, actors)]
    everywhere = places
    inside = _in_sentence(places, sent_start, sent_end)
    if parse is not None and inside:
        spans = _attached_spans(parse, trigger_start - parse_offset)
        attached = [p for p in inside if any(parse_offset + a <= (p.start or 0)
                                             and (p.end or 0) <= parse_offset + b
                                             for a, b in spans)]
        if attached:
            return _best_of(attached, trigger_start)
        trig = _token_at(parse, trigger_start - parse_offset)
        police = [p for p in inside if trig is not None
                  and _police_place(parse, (p.start or 0) - parse_offset, trig)]
        if police:
            return _best_of(police, trigger_start)
        inside = [p for p in inside if not _covers(p, recipients)]
        scene = [p for p in inside
                 if not _is_source_place(parse, (p.start or 0) - parse_offset)
                 and not _is_agent_place(parse, (p.end or 1) - 1 - parse_offset)]
    else:
        inside = [p for p in inside if not _covers(p, recipients)]
        scene = inside
    if scene:
        return _best_of(scene, trigger_start)
    if dateline_end is not None:
        filed = [p for p in everywhere if p.start is not None and p.end is not None
                 and p.end <= dateline_end and p.lat is not None]
        if filed:
            return _best_of(filed, 0)
    return _best_of(inside, trigger_start)


# --------------------------------------------------------------------------- toponyms

TOPONYM_KINDS = ("place", "demonym", "feature")
_NER_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP", "ORG", "PERSON"})
_STREET_RE = re.compile(
    r"\b(?:[A-Z][\w'’.-]*\s+){1,3}(?:Road|Street|Avenue|Lane|Close|Crescent|Drive|Boulevard|"
    r"Way|Highway|County|Parish)\b(?:\s+\d+\b)?|\bHighway\s+\d+\b")
_FEATURE_HEADS = frozenset({"road", "street", "avenue", "lane", "close", "crescent", "drive",
                            "boulevard", "way", "highway", "county", "parish", "hospital",
                            "airport", "church", "cathedral", "castle", "museum", "stadium",
                            "bridge", "square", "park", "theatre", "theater", "mosque",
                            "temple", "hall", "university"})


# an organisation named after its building ("Mercy Hospital"); not churches, which are
# denominations as often ("the Coptic Orthodox Church")
_ORG_FEATURE_HEADS = frozenset({"hospital", "airport", "county", "university"})


@dataclass(frozen=True, slots=True)
class Toponym:
    """A toponym span with its resolution and what kind of mention it is.

    ``kind`` is ``place`` (a place name resolved in the gazetteer), ``demonym`` (a nationality
    adjective recorded as a mention of its country: "Turkish" -> Turkey) or ``feature`` (a
    street, county, building or other named feature the gazetteer lacks, located at the town
    the document is about: its coordinates are the town's, so its precision is ``city`` and it
    has no GeoNames id).
    """

    place: Place
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.place.start, "end": self.place.end, "kind": self.kind,
                **self.place.to_dict()}


def _demonym_spans(text: str, g: Gazetteer, taken: Sequence[tuple[int, int]]) -> list[Toponym]:
    toks = _tokens(text)
    out: list[Toponym] = []
    # in a lower-cased text ("russian troops") any word may be a demonym
    cap = (lambda t: t.text.isalpha()) if lower_cased(text) else _is_cap
    i = 0
    while i < len(toks):
        if not cap(toks[i]) or (toks[i].hyphen_before  # "German-Iraqi": both count
                                and g.demonym_place(toks[i - 1].text) is None):
            i += 1
            continue
        hit = None
        for j in range(min(len(toks) - 1, i + 2), i - 1, -1):
            if not all(cap(toks[k]) for k in range(i, j + 1)):
                continue
            s, e = toks[i].start, toks[j].end
            c = g.demonym_place(text[s:e])
            if c is not None:
                hit = (j, s, e, c)
                break
        if hit is None:
            i += 1
            continue
        j, s, e, c = hit
        if not any(_overlaps(s, e, a, b) for a, b in taken):
            out.append(Toponym(to_place(c, text[s:e], s, e), "demonym"))
        i = j + 1
    return out


def _anchor(places: Sequence[Place], text: str = "") -> Place | None:
    """The town a document is about: the town of its dateline ("PARIS, Mo. —"), else its most
    often named city in a region the document names, else its most often named city (the
    first on a tie)."""
    filed = dateline_end(text)
    for p in places:
        if filed and (p.end or 0) <= filed and p.precision == "city" and p.geonameid:
            return p
    cities = [p for p in places if p.precision == "city" and p.geonameid is not None]
    if not cities:
        return None
    regions = {(p.country, p.admin1) for p in places if p.precision == "admin1"}
    counts = Counter(p.geonameid for p in cities)
    return max(cities, key=lambda p: ((p.country, p.admin1) in regions, counts[p.geonameid],
                                      -(p.start or 0)))


def _feature_spans(text: str, ents: Sequence[tuple[int, int, str]],
                   taken: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    cands: list[tuple[int, int]] = []
    for s0, e0, lab in ents:
        if lab not in ("FAC", "GPE", "LOC", "ORG"):
            continue
        s, e = _strip_ent(text, s0, e0)
        words = normalize(text[s:e]).split()
        if len(words) < 2 or words[-1] not in _FEATURE_HEADS:
            continue
        if lab == "ORG" and words[-1] not in _ORG_FEATURE_HEADS:
            continue
        cands.append((s, e))
    cands += [(m.start(), m.end()) for m in _STREET_RE.finditer(text)]
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(cands), key=lambda x: (x[0], -x[1])):
        if any(_overlaps(s, e, a, b) for a, b in (*taken, *out)):
            continue
        if "\n" in text[s:e] or _LEADERS.issuperset({text[s:e].split()[0].lower()}):
            continue
        out.append((s, e))
    return out


def find_toponyms(text: str, ents: Sequence[tuple[int, int, str]] = (),
                  gazetteer: Gazetteer | None = None,
                  context_countries: Sequence[str] = ()) -> list[Toponym]:
    """Every toponym of ``text``, in text order: the places of :func:`find_places`, demonyms
    as mentions of their country, and named features (streets, counties, buildings) located at
    the town the document is about (see :class:`Toponym`)."""
    g = gazetteer or Gazetteer.default()
    places = find_places(text, ents, g, context_countries)
    out = [Toponym(p, "place") for p in places]
    taken = [(p.start or 0, p.end or 0) for p in places]
    anchor = _anchor(places, text)
    if anchor is not None:
        for s, e in _feature_spans(text, ents, taken):
            out.append(Toponym(Place(text[s:e], anchor.name, None, anchor.lat, anchor.lon,
                                     anchor.admin1, anchor.country, "city", s, e), "feature"))
            taken.append((s, e))
    out += _demonym_spans(text, g, taken)
    out.sort(key=lambda t: t.place.start or 0)
    return out


def toponyms_of_texts(texts: Iterable[str], gazetteer: Gazetteer | None = None,
                      batch_size: int = 16) -> Iterator[list[Toponym]]:
    """:func:`find_toponyms` of each text, with spaCy entities from the NER of the shared
    pipeline (the parser is skipped: toponyms need only the entities)."""
    from ..nlp.pipeline import load_nlp

    nlp = load_nlp()
    g = gazetteer or Gazetteer.default()
    skip = [n for n in nlp.pipe_names if n not in ("tok2vec", "ner")]
    for doc in nlp.pipe(texts, batch_size=batch_size, disable=skip):
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents
                if e.label_ in _NER_LABELS]
        yield find_toponyms(doc.text, ents, g)
