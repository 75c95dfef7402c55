"""The actor dictionary: countries, demonyms, capitals, IGOs, groups, agencies, people, sectors.

Packaged tables under ``flashpoint/data/actors/`` (each with a source/licence/version header):

========================  =========================================================  ==========
file                      rows                                                       kind
========================  =========================================================  ==========
``countries.tsv``         every country: ISO3, names, demonyms, capitals (GOV)       country,
                                                                                     demonym,
                                                                                     capital
``metonyms.tsv``          seats that name institutions (the Kremlin, Rawalpindi)     capital
``igos.tsv``              intergovernmental bodies and international NGOs            igo
``agencies.tsv``          named state bodies, security forces, parties (ISI, RAW)    agency
``media.tsv``             news agencies and outlets (TASS, PTI)                      media
``groups.tsv``            armed non-state groups, dated rows (Taliban → GOV 2021)     group
``people.tsv``            office holders with date-bounded roles                     person
``sectors.tsv``           sector nouns (troops MIL, officials GOV, militants REB)    sector
``blocks.tsv``            phrases that name no actor ("Latin American")              (none)
========================  =========================================================  ==========

Matching works on tokens (words, ``U.S.``-style abbreviations, punctuation); hyphens inside a
name are optional ("al-Qaeda" = "al Qaeda"), possessive ``'s`` is split off. Proper names and
abbreviations match case-sensitively ("RAW" is India's intelligence agency, "raw" is not);
multiword proper names also match in other capitalisations as long as the text has a capital
letter ("Islamic state"); sector nouns match in any case. At each token the longest entry wins,
scanning left to right; one dictionary lookup per token keeps a 900-word article well under
a few milliseconds.

:meth:`ActorLexicon.code_phrase` codes a noun phrase: the head (the last match before the first
preposition or clause boundary) gives the sector, the first country-bearing modifier gives the
country ("Pakistani intelligence agencies" PAK SPY); a capital alone is a government metonym
("Islamabad" PAK GOV); a group, agency or IGO gives both; a person gives the role held on the
date asked (a person outside every role is ELI, a former official). Relational heads
("officials", "spokesman", "leader", "commander") take the sector of a modifier or of an
``of``-complement ("Hamas officials" PSE REB, "spokesman of the Pakistani army" PAK MIL).
A place in a locative modifier does not give the country ("civilians in Kashmir" → None CVL);
a hyphen compound names no actor ("Iran-backed Houthis" YEM REB, "Indian-administered" nothing).

Dates: ``on`` picks the role of people and groups with dated rows. With ``on=None`` the open
(current) role is used, else the most recent one; on a date outside every role a person is
coded with the country of the last role and sector ELI ("Trump" on 2022-01-01 = USA ELI).

Kinds: country, demonym, capital (capitals and metonyms), igo (IGOs and international NGOs),
group, person, sector, agency (named state bodies: ISI, RAW, IDF) and media (TASS, PTI).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import ResourceError
from ..resources import table

SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "SPY", "REB", "OPP", "PTY", "LEG", "MED", "BUS", "EDU", "CVL",
    "REF", "HLH", "REL", "LAB", "AGR", "CRM", "NGO", "IGO", "UAF", "ELI",
})
KINDS = ("country", "demonym", "capital", "igo", "group", "person", "sector", "agency", "media")
FORMER = "ELI"  # sector of a person matched on a date outside every role

_PRIORITY = {"person": 9, "group": 8, "agency": 7, "igo": 7, "media": 6, "capital": 5,
             "country": 4, "demonym": 3, "sector": 2, "block": 1}

# abbreviations (U.S.), words with inner apostrophes (Sa'ar) but not a possessive 's, the
# possessive itself, single punctuation characters
_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]")
_HYPHENS = frozenset({"-", "‐", "‑"})
_CLAUSE_CUT = frozenset({
    "in", "at", "on", "near", "to", "for", "with", "by", "across", "along", "inside", "outside",
    "under", "over", "after", "before", "during", "against", "into", "between", "among", "amid",
    "who", "which", "that", "whose", "whom", "said", "says", "but",
    ",", ";", ":", "(", ")", "—", "–", '"', "“", "”",
})
_COMPLEMENT = frozenset({"of", "from"})
# names and acronyms that are also common lower-case words: never matched in lower-cased text
_LOWER_STOP = frozenset({
    "us", "is", "who", "raw", "it", "am", "an", "as", "at", "be", "do", "he", "in", "me", "no",
    "of", "on", "or", "so", "to", "up", "we", "aid", "all", "art", "can", "car", "fat", "gap",
    "may", "male", "bush", "rice", "brown", "green", "price", "rush", "chad", "turkey", "china",
    "jordan", "georgia", "guinea", "nice", "victoria", "justice", "hope", "mark", "will", "bill",
    "grant", "sun", "times", "post", "mail", "express", "star", "hindu", "independent",
    "guardian", "mirror", "observer", "nation", "tribune", "statesman", "press", "its", "our",
    "one", "man", "ban", "pop", "ten", "cop", "sec", "pan", "mod", "fed", "rev", "ins", "mar",
    "cap", "sic", "tam", "nab", "cat", "dam", "rim", "ram", "ana", "una", "sat", "un", "eu", "ice",
    "arm", "age", "act", "ant", "bar", "bat", "bed", "bow", "box", "cab", "dot", "fit", "fly",
    "gas", "hit", "jet", "key", "kit",
    "lab", "law", "led", "log", "map", "mob", "net", "oil", "pal", "pat", "pay", "pit", "pro",
    "rag", "rat", "red", "rob", "rod", "run", "sad", "set", "sin", "sky", "sol", "sum", "tap",
    "tax", "tip", "top", "van", "war", "wet", "win", "yes",
})

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """One lexicon match in a text. ``start``/``end`` are character offsets (end exclusive).

    ``country`` is an ISO3 code or an organisation code (UNO, NATO, EUR, ICRC); ``name`` is
    the entry's canonical name (country name, organisation, group, person or sector lemma);
    ``role`` is the person's role on the date asked.
    """

    start: int
    end: int
    text: str
    country: str | None
    sector: str | None
    kind: str
    role: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class _Role:
    country: str | None
    sector: str | None
    role: str | None
    start: dt.date | None
    end: dt.date | None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def active(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str
    name: str
    roles: tuple[_Role, ...]
    inherit: bool = False

    def resolve(self, on: dt.date | None) -> _Role:
        return _resolve(self.kind, self.roles, on)


@dataclass(frozen=True, slots=True)
class _Pattern:
    keys: tuple[str, ...]
    entry: _Entry
    needs_capital: bool


class _Toks:
    """A text's tokens as parallel lists (fast to build and scan)."""

    __slots__ = ("ends", "keys", "lows", "nxt", "starts", "texts")

    def __init__(self, text: str) -> None:
        ms = list(_TOKEN_RE.finditer(text))
        self.texts = [m.group() for m in ms]
        self.starts = [m.start() for m in ms]
        self.ends = [m.end() for m in ms]
        self.keys = [t.replace("’", "'") if "’" in t else t for t in self.texts]
        self.lows = [k.lower() for k in self.keys]
        n = len(ms)
        nxt = [n] * n  # index of the next token that is not a hyphen
        following = n
        for k in range(n - 1, -1, -1):
            nxt[k] = following
            if self.keys[k] not in _HYPHENS:
                following = k
        self.nxt = nxt

    def __len__(self) -> int:
        return len(self.texts)


@dataclass(frozen=True, slots=True)
class _Hit:
    first: int  # token index
    last: int  # token index, inclusive
    entry: _Entry


def _resolve(kind: str, roles: tuple[_Role, ...], on: dt.date | None) -> _Role:
    """The role an entry has on a date (see people.tsv and groups.tsv headers)."""
    if len(roles) == 1 and not roles[0].dated:
        return roles[0]
    if on is None:
        # the current reading: open-ended dated rows first (latest start), then undated
        open_rows = [r for r in roles if r.dated and r.end is None]
        if open_rows:
            return max(open_rows, key=lambda r: r.start or dt.date.min)
        undated = [r for r in roles if not r.dated]
        if undated:
            return undated[0]
        return max(roles, key=lambda r: r.end or dt.date.max)
    active = [r for r in roles if r.active(on)]
    if active:
        return max(active, key=lambda r: (r.dated, r.start or dt.date.min))
    ended = [r for r in roles if r.end is not None and r.end < on]
    if ended:
        last = max(ended, key=lambda r: r.end or dt.date.min)
        if kind == "person":
            return _Role(last.country, FORMER, f"former {last.role}" if last.role else None,
                         None, None)
        return last
    first = min(roles, key=lambda r: r.start or dt.date.max)
    if kind == "person":
        return _Role(first.country, None, None, None, None)
    return first


# ---------------------------------------------------------------- tokens and forms


def _keys(phrase: str) -> tuple[str, ...]:
    return tuple(k for k in _Toks(phrase).keys if k not in _HYPHENS)


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def plural(word: str) -> str:
    """Regular English plural of a noun or of a phrase's last word."""
    head, sep, last = word.rpartition(" ")
    low = last.lower()
    if low.endswith("man") and low not in {"german", "shaman", "ottoman"}:
        p = last[:-3] + "men"
    elif low.endswith(("s", "sh", "ch", "x", "z")):
        p = last + "es"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        p = last[:-1] + "ies"
    else:
        p = last + "s"
    return head + sep + p


def _demonym_plural(d: str) -> str | None:
    if d.endswith(("an", "i", "er", "ot")) and not d.endswith("man"):
        return d + "s"
    return None


# ---------------------------------------------------------------- loading


def _split(v: str) -> list[str]:
    return [x.strip() for x in v.split("|") if x.strip()]


def _bad(file: str, row: int, what: str) -> ResourceError:
    return ResourceError(f"data file 'actors/{file}', data row {row}: {what}; fix the row or "
                         "restore the file from git")


def _date(file: str, row: int, v: str) -> dt.date | None:
    if not v:
        return None
    if not _DATE_RE.fullmatch(v):
        raise _bad(file, row, f"date {v!r} is not YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise _bad(file, row, f"date {v!r} does not exist") from None


def _sector(file: str, row: int, v: str) -> str:
    if v not in SECTORS:
        raise _bad(file, row, f"unknown sector {v!r} (known: {', '.join(sorted(SECTORS))})")
    return v


def _rows(file: str) -> Iterable[tuple[int, dict[str, str]]]:
    return enumerate(table(f"actors/{file}"), start=1)


class _Builder:
    """Collects patterns from the tables, validating as it goes."""

    def __init__(self) -> None:
        self.cs: dict[str, list[_Pattern]] = {}
        self.ci: dict[str, list[_Pattern]] = {}
        self.seen: dict[tuple[bool, tuple[str, ...]], _Entry] = {}
        self.conflicts: list[str] = []
        self.countries: set[str] = set()
        self.codes: set[str] = set()  # organisation codes usable as "country"
        self.country_names: dict[str, str] = {}
        self.sector_lemmas: dict[str, str] = {}
        self.sector_forms_cs: dict[str, str] = {}

    def add(self, phrase: str, entry: _Entry, case_sensitive: bool) -> None:
        variants = {phrase}
        if case_sensitive:
            variants.add(_fold(phrase))
        for v in variants:
            keys = _keys(v)
            if not keys:
                continue
            multi = len(keys) > 1
            self._put(keys, entry, ci=not case_sensitive, needs_capital=False)
            if case_sensitive and multi and entry.kind != "sector":
                self._put(tuple(k.lower() for k in keys), entry, ci=True, needs_capital=True)

    def _put(self, keys: tuple[str, ...], entry: _Entry, ci: bool, needs_capital: bool) -> None:
        if ci:
            keys = tuple(k.lower() for k in keys)
        slot = (ci, keys)
        old = self.seen.get(slot)
        if old is not None:
            if old is entry or (old.name == entry.name and old.kind == entry.kind):
                return
            if _PRIORITY[entry.kind] <= _PRIORITY[old.kind]:
                if (old.roles[0].country, old.roles[0].sector) != (
                        entry.roles[0].country, entry.roles[0].sector):
                    self.conflicts.append(f"{' '.join(keys)!r}: {old.kind} {old.name} kept over "
                                          f"{entry.kind} {entry.name}")
                return
            self.conflicts.append(f"{' '.join(keys)!r}: {entry.kind} {entry.name} replaces "
                                  f"{old.kind} {old.name}")
            index = self.ci if ci else self.cs
            index[keys[0]] = [p for p in index[keys[0]] if p.keys != keys]
        self.seen[slot] = entry
        index = self.ci if ci else self.cs
        index.setdefault(keys[0], []).append(_Pattern(keys, entry, needs_capital))

    def code(self, file: str, row: int, v: str) -> str | None:
        if not v:
            return None
        if v not in self.countries and v not in self.codes:
            raise _bad(file, row, f"unknown country or organisation code {v!r}")
        return v

    # -- tables

    def load_countries(self) -> None:
        f = "countries.tsv"
        for n, r in _rows(f):
            iso = r["iso3"]
            if not re.fullmatch(r"[A-Z]{3}", iso) or iso in self.countries:
                raise _bad(f, n, f"bad or duplicate ISO3 code {iso!r}")
            self.countries.add(iso)
            role = (_Role(iso, None, None, None, None),)
            names = [r["name"], *_split(r["aliases"])]
            ent = _Entry("country", r["name"], role)
            for nm in names:
                self.add(nm, ent, True)
                self.country_names.setdefault(nm, iso)
            dem = _Entry("demonym", r["name"], role)
            for d in _split(r["demonyms"]):
                self.add(d, dem, True)
                self.country_names.setdefault(d, iso)
                p = _demonym_plural(d)
                if p:
                    self.add(p, dem, True)
                    self.country_names.setdefault(p, iso)
            cap = _Entry("capital", r["name"], (_Role(iso, "GOV", None, None, None),))
            for c in _split(r["capitals"]):
                self.add(c, cap, True)
                self.country_names.setdefault(c, iso)

    def load_simple(self, file: str, kind: str, name_col: str = "name",
                    code_col: str = "country") -> None:
        for n, r in _rows(file):
            code = self.code(file, n, r[code_col])
            sector = _sector(file, n, r["sector"])
            ent = _Entry(kind, r[name_col], (_Role(code, sector, None, None, None),))
            for nm in [r[name_col], *_split(r["aliases"])]:
                self.add(nm, ent, True)

    def load_igos(self) -> None:
        f = "igos.tsv"
        for n, r in _rows(f):
            if not re.fullmatch(r"[A-Z0-9]{2,8}", r["code"]):
                raise _bad(f, n, f"bad organisation code {r['code']!r}")
            if r["sector"] not in ("IGO", "NGO"):
                raise _bad(f, n, f"sector {r['sector']!r} must be IGO or NGO")
            self.codes.add(r["code"])
        for _, r in _rows(f):
            ent = _Entry("igo", r["name"], (_Role(r["code"], r["sector"], None, None, None),))
            for nm in [r["name"], *_split(r["aliases"])]:
                self.add(nm, ent, True)

    def load_dated(self, file: str, kind: str) -> None:
        rows: dict[str, list[_Role]] = {}
        aliases: dict[str, list[str]] = {}
        for n, r in _rows(file):
            start, end = _date(file, n, r["start"]), _date(file, n, r["end"])
            if start and end and end < start:
                raise _bad(file, n, f"end {end} is before start {start}")
            country = self.code(file, n, r["country"])
            if kind == "person" and country is None:
                raise _bad(file, n, "a person needs a country")
            role = _Role(country, _sector(file, n, r["sector"]), r.get("role") or None,
                         start, end)
            rows.setdefault(r["name"], []).append(role)
            al = aliases.setdefault(r["name"], [])
            al.extend(a for a in _split(r["aliases"]) if a not in al)
        for name, roles in rows.items():
            ent = _Entry(kind, name, tuple(roles))
            for nm in [name, *aliases[name]]:
                self.add(nm, ent, True)

    def load_sectors(self) -> None:
        f = "sectors.tsv"
        for n, r in _rows(f):
            lemma, sector = r["lemma"], _sector(f, n, r["sector"])
            if r["case"] not in ("", "ci", "cs"):
                raise _bad(f, n, f"case {r['case']!r} must be ci or cs")
            if r["inherit"] not in ("", "y"):
                raise _bad(f, n, f"inherit {r['inherit']!r} must be y or empty")
            cs = r["case"] == "cs"
            ent = _Entry("sector", lemma, (_Role(None, sector, None, None, None),),
                         inherit=r["inherit"] == "y")
            forms = _split(r["forms"]) or [lemma, plural(lemma)]
            for form in forms:
                self.add(form, ent, cs)
                if cs:
                    self.sector_forms_cs.setdefault(form, sector)
                else:
                    self.sector_lemmas.setdefault(form.lower(), sector)
            if cs:
                self.sector_forms_cs.setdefault(lemma, sector)
            else:
                self.sector_lemmas[lemma.lower()] = sector

    def load_blocks(self) -> None:
        ent = _Entry("block", "block", (_Role(None, None, None, None, None),))
        for _, r in _rows("blocks.tsv"):
            self.add(r["phrase"], ent, False)


# ---------------------------------------------------------------- the lexicon


class ActorLexicon:
    """Actor dictionary lookups over raw text; build once with :meth:`default`."""

    def __init__(self, builder: _Builder) -> None:
        def ordered(index: dict[str, list[_Pattern]]) -> dict[str, tuple[_Pattern, ...]]:
            return {k: tuple(sorted(v, key=lambda p: (-len(p.keys), -_PRIORITY[p.entry.kind])))
                    for k, v in index.items()}

        self._cs = ordered(builder.cs)
        self._ci = ordered(builder.ci)
        # lower-cased text: the case-sensitive names in lower case, less ambiguous short ones
        lc: dict[str, list[_Pattern]] = {}
        seen: set[tuple[str, ...]] = set()
        for pats in self._cs.values():
            for p in pats:
                keys = tuple(k.lower() for k in p.keys)
                if keys in seen or (len(keys) == 1 and (
                        len(keys[0]) < 3 or keys[0] in _LOWER_STOP)):
                    continue
                seen.add(keys)
                lc.setdefault(keys[0], []).append(_Pattern(keys, p.entry, False))
        self._lc = ordered(lc)
        self._country_names = dict(builder.country_names)
        self._country_folded = {k.casefold(): v for k, v in reversed(
            list(builder.country_names.items()))}
        self._countries = frozenset(builder.countries)
        self._sector_lemmas = dict(builder.sector_lemmas)
        self._sector_cs = dict(builder.sector_forms_cs)
        self.conflicts: tuple[str, ...] = tuple(builder.conflicts)

    @staticmethod
    def load() -> ActorLexicon:
        """Build from the packaged tables (validates every row; raises ResourceError)."""
        b = _Builder()
        b.load_countries()
        b.load_igos()
        b.load_simple("metonyms.tsv", "capital")
        b.load_simple("agencies.tsv", "agency")
        b.load_simple("media.tsv", "media")
        b.load_dated("groups.tsv", "group")
        b.load_dated("people.tsv", "person")
        b.load_sectors()
        b.load_blocks()
        return ActorLexicon(b)

    @staticmethod
    def default() -> ActorLexicon:
        """The packaged lexicon, built once per process."""
        return _default()

    # -- plain lookups

    def sector_of(self, lemma: str) -> str | None:
        """Sector code of a sector noun lemma ("troop" MIL, "official" GOV); plurals and
        multiword nouns are accepted ("security forces" MIL); None when unknown."""
        w = " ".join(lemma.split())
        if w in self._sector_cs:
            return self._sector_cs[w]
        low = w.lower()
        return self._sector_lemmas.get(low) or self._sector_lemmas.get(
            low[:-1] if low.endswith("s") else low)

    def country_of(self, name: str) -> str | None:
        """ISO3 code of a country name, alias, demonym or capital ("Pakistani" PAK,
        "Kyiv" UKR, "PAK" PAK); None when unknown."""
        w = " ".join(name.split()).replace("’", "'")
        if w.startswith(("the ", "The ")) and w[4:] in self._country_names:
            w = w[4:]
        if w in self._country_names:
            return self._country_names[w]
        if w in self._countries:
            return w
        return self._country_folded.get(w.casefold())

    # -- matching

    def _scan(self, toks: _Toks, lowercase: bool = False) -> list[_Hit]:
        hits: list[_Hit] = []
        n = len(toks)
        keys, lows, nxt = toks.keys, toks.lows, toks.nxt
        tables: list[tuple[dict[str, tuple[_Pattern, ...]], list[str]]] = [
            (self._cs, keys), (self._ci, lows)]
        if lowercase:
            tables.append((self._lc, lows))
        i = 0
        while i < n:
            best: _Hit | None = None
            best_len = 0
            for index, seq in tables:
                cands = index.get(seq[i])
                if not cands:
                    continue
                second = seq[nxt[i]] if nxt[i] < n else None
                for p in cands:
                    plen = len(p.keys)
                    if plen < best_len:
                        break
                    if plen > 1:
                        if p.keys[1] != second:
                            continue
                        last = _match_at(seq, nxt, i, p.keys)
                        if last < 0:
                            continue
                    else:
                        last = i
                    if p.needs_capital and not lowercase and not any(
                            c.isupper() for t in toks.texts[i:last + 1] for c in t):
                        continue
                    if plen > best_len or (
                            best is not None
                            and _PRIORITY[p.entry.kind] > _PRIORITY[best.entry.kind]):
                        best, best_len = _Hit(i, last, p.entry), plen
                    break
            if best is None:
                i += 1
                continue
            hits.append(best)
            i = best.last + 1
        return hits

    def _to_match(self, text: str, toks: _Toks, h: _Hit,
                  on: dt.date | None) -> ActorMatch:
        s, e = toks.starts[h.first], toks.ends[h.last]
        r = h.entry.resolve(on)
        return ActorMatch(s, e, text[s:e], r.country, r.sector, h.entry.kind, r.role,
                          h.entry.name)

    def find(self, text: str, on: dt.date | None = None,
             lowercase: bool = False) -> list[ActorMatch]:
        """Every lexicon match in ``text``, left to right, longest match first.

        ``on`` picks the role of people and groups with dated rows (None: the current one).
        ``lowercase``: the text is lower-cased throughout (see :func:`is_lowercased`), so
        proper names and acronyms also match in lower case, except short or ambiguous ones
        ("us", "who", "raw", "china", "may")."""
        toks = _Toks(text)
        return [self._to_match(text, toks, h, on) for h in self._scan(toks, lowercase)
                if h.entry.kind != "block"]

    def code_phrase(self, text: str, on: dt.date | None = None
                    ) -> tuple[str | None, str | None]:
        """(country, sector) of an actor noun phrase, e.g. "Pakistani troops" → (PAK, MIL)."""
        toks = _Toks(text)
        lows = toks.lows
        hits = [h for h in self._scan(toks) if h.entry.kind != "block"]
        if not hits:
            return None, None
        covered = {i for h in hits for i in range(h.first, h.last + 1)}
        cut = len(toks)
        comp_start = comp_end = -1
        for i, low in enumerate(lows):
            if i in covered:
                continue
            if low in _COMPLEMENT or low in _CLAUSE_CUT:
                cut = i
                if low in _COMPLEMENT:
                    comp_start, comp_end = i + 1, len(toks)
                    for j in range(i + 1, len(toks)):
                        if j not in covered and (lows[j] in _CLAUSE_CUT
                                                 or lows[j] in _COMPLEMENT):
                            comp_end = j
                            break
                break
        # a hyphen compound ("Iran-backed", "Indian-administered") modifies, it names no actor
        pre = [h for h in hits if h.last < cut and not _compound(toks, h)]
        comp = [h for h in hits if comp_start <= h.first and h.last < comp_end
                and not _compound(toks, h)]
        if not pre:
            if not comp:
                return None, None
            pre, comp = comp, []
        head = pre[-1]
        mods = pre[:-1]
        hr = head.entry.resolve(on)
        sector = hr.sector if head.entry.kind not in ("country", "demonym") else None
        if head.entry.kind == "sector" and head.entry.inherit:
            inherited = next((m.entry.resolve(on).sector for m in reversed(mods)
                              if m.entry.kind not in ("country", "demonym")
                              and m.entry.resolve(on).sector not in (None, "GOV")), None)
            if inherited is None and comp:
                ch = comp[-1].entry.resolve(on)
                if comp[-1].entry.kind not in ("country", "demonym") and ch.sector not in (
                        None, "GOV"):
                    inherited = ch.sector
            sector = inherited or sector
        country = next((c for m in mods if (c := m.entry.resolve(on).country)), None)
        if country is None:
            country = hr.country
        if country is None and comp:
            country = next((c for m in comp if (c := m.entry.resolve(on).country)), None)
        return country, sector


def is_lowercased(text: str) -> bool:
    """A text lower-cased throughout: over 200 letters and under 1% capitals (the rule of
    ``nlp.sentences``)."""
    letters = sum(ch.isalpha() for ch in text)
    upper = sum(ch.isupper() for ch in text)
    return letters > 200 and upper * 100 < letters


def _match_at(seq: list[str], nxt: list[int], i: int, keys: tuple[str, ...]) -> int:
    """Index of the last token of ``keys`` matched from token ``i`` (hyphens between words are
    optional), or -1."""
    n = len(seq)
    j = i
    for k in range(1, len(keys)):
        j = nxt[j]
        if j >= n or seq[j] != keys[k]:
            return -1
    return j


def _compound(toks: _Toks, h: _Hit) -> bool:
    """A match glued by a hyphen to the next word ("Iran-backed", "Indian-administered")."""
    nxt = h.last + 1
    return (nxt + 1 < len(toks) and toks.keys[nxt] in _HYPHENS
            and toks.starts[nxt] == toks.ends[h.last] and toks.texts[nxt + 1][:1].isalpha())


@functools.cache
def _default() -> ActorLexicon:
    return ActorLexicon.load()
