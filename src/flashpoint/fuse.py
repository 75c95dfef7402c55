"""Fusion: event mentions from any number of reports that describe one real event become one
fused event, with every report behind it and the points on which the reports disagree.

Pure functions and one small class, no I/O (the store side is ``store/fused.py``).

* :func:`features` reduces an :class:`EventMention` (plus its article's publication date) to the
  few fields fusion compares: :class:`Features`.
* :func:`score` compares two mentions. Signals: the same PLOVER type (or a compatible type or
  mode), the same or reversed dyad (reciprocal events match either way), overlapping time
  intervals (a day of slack either side, more when the date is only the publication date; a
  mention not dated by its own sentence meets the week before publication at a penalty),
  compatible places (same GeoNames entry, containment, or within a distance that depends on the
  coarser precision), similar evidence text (bottom-k MinHash of word shingles), shared
  :func:`keywords` (names, numbers, specific nouns) and compatible tolls; two mentions of one
  article need more evidence unless one refers back to the other (:func:`anaphoric`). It
  returns ``None`` for a hard incompatibility (:func:`veto`: different time windows,
  incompatible types, a negated or hypothetical mention against a factual one, places in
  different countries or too far apart).
* :class:`Fuser` clusters mentions incrementally and deterministically: each mention, in the
  order given, joins the best-scoring existing event (blocked by type family, day and country;
  ties go to the older event) when the score reaches the threshold and no member of that event
  vetoes it, else it starts a new event. When it fits several events that fit each other, they
  merge into the one whose first mention ranks first (:attr:`Fuser.absorbed`). Existing events
  can be loaded back (:meth:`Fuser.seed`), so a new article joins them without recomputing
  everything.
* :func:`summarize` turns a cluster into a :class:`FusedEvent`: consensus type, date, place and
  toll, the dyads, distinct publishers and original sources (chain ends), first and last report
  date, and the :class:`~flashpoint.models.Disagreement` records (date, dead, injured, place,
  actor, type), each naming which source says what.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import math
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .models import Claim, Disagreement, EventMention
from .resources import table

NON_FACTUAL = frozenset({"negated", "hypothetical", "future"})
# types that reports of one event are often coded as, pairwise (one family for blocking)
_FAMILY = {"PROTEST": "ASSAULT", "RETREAT": "AGREE", "SANCTION": "COERCE"}
_COMPATIBLE_TYPES = frozenset({frozenset({"ASSAULT", "PROTEST"}), frozenset({"AGREE", "RETREAT"}),
                               frozenset({"SANCTION", "COERCE"})})
_WEAPON_MODES = frozenset({"firearms", "heavy-weapons", "aerial", "drone", "explosives",
                           "destroy", "targeted", "suicide-attack"})
# how far apart two places may be (km) and still be one event site, by the coarser precision
_RADIUS_KM = {"city": 40.0, "region": 150.0, "admin1": 300.0, "country": 2000.0}
_PRECISION_RANK = {"city": 0, "region": 1, "admin1": 2, "country": 3}
_SAME_TOWN_KM = 15.0  # two city entries this close may be one town (namesake, suburb)
_DOUBT = -0.6  # a mismatch with a place named only in a dateline or an earlier sentence
_MAX_SPAN_DAYS = 31  # mentions dated more vaguely than a month are not fused
_SOFT_DAYS = 7  # how late an undated report may come (see Features.pub_window)
_SKETCH = 32  # bottom-k MinHash size
_STOP = frozenset("""a an the and or but of to in on at by for from with as is are was were be been
being has have had it its this that these those he she they them his her their we our you your
i said says say told according also after before over under into about than then there here who
whom which what when where while near not no would could will may might can one two three
so far out during since till until just only even other others several many some more most
least about nearly around including incident incidents
""".split())
# words every report of violence or arrest shares: they say nothing about *which* event it is
# (the type, toll and date signals already compare them); see :func:`keywords`
_GENERIC = frozenset("""person people dead died death killed wounded injured injury toll body
bodies victim victims monday tuesday wednesday thursday friday saturday sunday today yesterday
tonight night morning evening afternoon january february march april june july august september
october november december week month year day days hours time place area areas reported report
reports reportedly official officials state city town village country four five six seven
eight nine ten twenty hundred dozen dozens""".split())
_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")
_WORD = re.compile(r"[a-z0-9]+")
# "NEW DELHI:" / "Kolkata (Reuters) -": where the report was filed, not where the event was
_DATELINE = re.compile(r"^\s*[A-Za-z][A-Za-z ./]{1,25}(?:\([^)]{1,30}\))?\s*[:\u2014-]\s+")
_NIGHT = re.compile(r"\b(?:night|overnight|midnight)\b", re.I)
# digit-group separators, western and Indian ("4,000" and "1,20,000" are 4000 and 120000)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{2,3}(?:,\d{2,3})*(?!\d))")


def _words(text: str) -> list[str]:
    """Lower-case word tokens, with thousands separators dropped ("4,000" and "4000" match)."""
    return _WORD.findall(_THOUSANDS.sub("", text.lower()))


@dataclass(frozen=True, slots=True)
class FusionConfig:
    """Weights and threshold of :func:`score` (tuned on the fusion dev split)."""

    threshold: float = 2.6
    w_text: float = 2.5
    w_keywords: float = 0.8
    min_shared: int = 2  # keywords two reports must share before they count
    w_actor: float = 0.75
    same_article: float = -0.6
    merge: bool = True
    merge_link: float = 1.5  # the best pair of two events that merge scores at least this
    anaphora: float = 0.6  # instead of same_article when one mention is a bare definite noun
    exemplars: int = 8  # members of an event a new mention is compared with
    max_spread: float = 1.5  # how far the mean score over them may fall below the best
    copy: float = 0.8  # text similarity (MinHash Jaccard) of a copied sentence
    max_candidates: int = 64  # events compared per mention when it names no country


@dataclass(frozen=True, slots=True)
class Features:
    """What fusion compares of one mention (dates are proleptic ordinals)."""

    id: str
    article_id: str
    type: str
    mode: str | None
    quad: int
    intensity: float
    cameo: str | None
    factual: bool
    actors: frozenset[str]
    recipients: frozenset[str]
    reciprocal: bool
    start: int | None
    end: int | None
    dated: bool  # the date comes from the text, not only from the publication date
    precision: str | None
    published: int | None
    publisher: str | None
    origin: str | None  # the chain's last link (the original source), else the publisher
    speaker: str | None
    geonameid: int | None
    place: str | None
    lat: float | None
    lon: float | None
    admin1: str | None
    place_country: str | None
    place_precision: str | None
    dead: int | None
    injured: int | None
    sketch: tuple[int, ...]
    actor_text: str | None = None
    recipient_text: str | None = None
    keywords: frozenset[str] = frozenset()
    anaphoric: bool = False  # a bare definite noun ("died in the clash"): an event told before
    trigger_stem: str | None = None
    # where the date comes from: "text" (the mention's sentence), "context" (an earlier
    # sentence of its paragraph) or "publication"
    basis: str = "text"
    # the place is named in the mention's own sentence (not only in a dateline or an earlier
    # sentence, which may say where the report was filed or where another event happened)
    place_local: bool = True
    # dated by a night ("on saturday night", "overnight"): the event may fall on the next
    # date too (an arrest "around 1 am" on Sunday is Saturday night's), for scoring only
    night: bool = False

    @property
    def last_day(self) -> int | None:
        """The last day the event may fall on (a night reaches into the next date)."""
        if self.start is None:
            return None
        end = self.end if self.end is not None else self.start
        return end + 1 if self.night else end

    @property
    def countries(self) -> frozenset[str]:
        out = self.actors | self.recipients
        return out | {self.place_country} if self.place_country else out

    @property
    def source(self) -> str:
        """Who says it, for disagreement records: publisher, citing whom, quoting whom."""
        label = self.publisher or "unknown publisher"
        if self.origin and self.origin != self.publisher:
            label += f" citing {self.origin}"
        if self.speaker:
            label += f" ({self.speaker})"
        return label

    def window(self) -> tuple[int, int] | None:
        """The widened interval used for blocking and for the time veto."""
        end = self.last_day
        if self.start is None or end is None:
            return None
        if end - self.start > _MAX_SPAN_DAYS:
            return None
        if not self.dated:  # only the publication date: the event is from the days before
            return self.start - 3, end
        return self.start - 1, end + 1

    def pub_window(self) -> tuple[int, int] | None:
        """The soft window of a mention not dated by its own sentence: the ``_SOFT_DAYS``
        before publication (a date of an earlier sentence may belong to another event, and a
        report may come days late); a pair that meets only there is penalised, not vetoed."""
        if self.basis == "text" or self.published is None:
            return None
        return self.published - _SOFT_DAYS, self.published

    def reach(self) -> tuple[int, int] | None:
        """The first and last day of :meth:`days` without listing them (None when undated)."""
        ws = [w for w in (self.window(), self.pub_window()) if w is not None]
        return (min(w[0] for w in ws), max(w[1] for w in ws)) if ws else None

    def days(self) -> list[int]:
        """Every day of :meth:`window` and :meth:`pub_window` (for blocking)."""
        out: set[int] = set()
        for w in (self.window(), self.pub_window()):
            if w is not None:
                out.update(range(w[0], w[1] + 1))
        return sorted(out)


def _ordinal(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def shingles(text: str) -> set[str]:
    """Word shingles of an evidence sentence: content words cut to 6 letters (a crude stem:
    shelled/shelling), and adjacent pairs of them."""
    words = [w[:6] for w in _words(text) if w not in _STOP and len(w) > 1]
    return set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A crude stem: one inflectional suffix or a final e off, then the first 6 letters
    (shelled/shelling, fire/fired/firing, parganas/pargana)."""
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[:-len(suf)][:6]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word[:6]


@functools.cache
def _generic_stems() -> frozenset[str]:
    """Stems of words that name a kind of event or of actor rather than one event: the
    trigger lexicon's lemmas and forms, the sector nouns (police, troops, activists), country
    names and demonyms (compared as actors and places), :data:`_GENERIC`, and spaCy's English
    stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS  # a plain word list (no model is loaded)

    words = set(_GENERIC) | set(STOP_WORDS)
    for row in table("lexicons/triggers.tsv"):
        words.add(row["lemma"])
        words.update(f for f in row.get("forms", "").split("|") if f)
    for row in table("actors/sectors.tsv"):
        words.update(row["lemma"].split())
        for form in row.get("forms", "").split("|"):
            words.update(form.split())
    for row in table("actors/countries.tsv"):  # the actor and place signals compare countries
        for col in ("name", "demonyms"):
            for name in row.get(col, "").split("|"):
                words.update(name.lower().split())
    return frozenset(_stem(w.lower()) for w in words if w)


def keywords(text: str) -> frozenset[str]:
    """The words of an evidence sentence that can tell one event from another of its kind:
    names, numbers and specific nouns (stems), without stop words and :func:`_generic_stems`."""
    generic = _generic_stems()
    text = _DATELINE.sub("", text, count=1)
    return frozenset(st for w in _words(text)
                     if w not in _STOP and len(w) > 1 and (st := _stem(w)) not in generic)


def _share(shared: int, smaller: int, min_shared: int, floor: int = 3) -> float:
    if shared < min_shared:
        return 0.0
    return shared / max(floor, smaller)


def overlap(a: frozenset[str], b: frozenset[str], min_shared: int = 2) -> float:
    """Share of the smaller keyword set found in the other; 0 when they share fewer than
    ``min_shared`` words (one shared name is weak evidence: many events happen in a city), and
    a set smaller than 3 counts as 3."""
    if not a or not b:
        return 0.0
    return _share(len(a & b), min(len(a), len(b)), min_shared)


def sketch(text: str, k: int = _SKETCH) -> tuple[int, ...]:
    """Bottom-k MinHash sketch (sorted crc32 values) of :func:`shingles`; exact below k."""
    return tuple(sorted({zlib.crc32(s.encode()) for s in shingles(text)})[:k])


def jaccard(a: Sequence[int], b: Sequence[int], k: int = _SKETCH) -> float:
    """Estimated Jaccard similarity of two bottom-k sketches."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:k]
    sa, sb = set(a), set(b)
    return sum(1 for h in union if h in sa and h in sb) / len(union)


def features(m: EventMention, published: dt.date | str | None = None) -> Features:
    """The fusion features of ``m``; ``published`` is its article's publication date."""
    pub = published.isoformat() if isinstance(published, dt.date) else published
    w = m.where
    chain = m.attribution.chain
    speaker = m.attribution.speaker
    act = next((a.text for a in m.actor if a.text), None)
    rec = next((a.text for a in m.recipient if a.text), None)
    local = _local_text(m)
    return Features(
        id=m.event_id, article_id=m.article_id, type=m.plover_type, mode=m.plover_mode,
        quad=m.quad_class, intensity=float(m.intensity), cameo=m.cameo_code,
        factual=m.status not in NON_FACTUAL,
        actors=frozenset(a.country for a in m.actor if a.country),
        recipients=frozenset(a.country for a in m.recipient if a.country),
        reciprocal=m.reciprocal, start=_ordinal(m.when.start),
        end=_ordinal(m.when.end or m.when.start),
        dated=m.when.basis != "publication" and m.when.start is not None,
        precision=m.when.precision, published=_ordinal(pub),
        publisher=m.attribution.publisher, origin=chain[-1] if chain else m.attribution.publisher,
        speaker=speaker.text if speaker else None,
        geonameid=w.geonameid if w else None, place=(w.name or w.text) if w else None,
        lat=w.lat if w else None, lon=w.lon if w else None, admin1=w.admin1 if w else None,
        place_country=_iso3(w.country) if w else None, place_precision=w.precision if w else None,
        dead=m.magnitude.dead, injured=m.magnitude.injured, sketch=sketch(local),
        actor_text=act, recipient_text=rec, keywords=keywords(local),
        anaphoric=anaphoric(m), trigger_stem=_stem(m.trigger.lower()) if m.trigger else None,
        basis=("publication" if m.when.basis == "publication" or m.when.start is None
               else "context" if m.when.basis == "context" else "text"),
        place_local=_named_in(w.text if w else None, m.evidence_text),
        night=bool(m.when.text and _NIGHT.search(m.when.text)))


def _named_in(place: str | None, sentence: str) -> bool:
    """Whether ``place`` is named in ``sentence`` outside a leading dateline."""
    if not place:
        return False
    body = _DATELINE.sub("", sentence, count=1)
    return place.lower() in body.lower()


def _local_text(m: EventMention, reach: int = 150) -> str:
    """The evidence around the trigger: the sentence, or ``reach`` characters either side of
    the trigger when the sentence is long (a paragraph the splitter could not cut)."""
    text = m.evidence_text
    if len(text) <= 2 * reach or m.trigger_start is None:
        return text
    i = m.trigger_start - m.evidence_start
    j = (m.trigger_end if m.trigger_end is not None else m.trigger_start) - m.evidence_start
    return text[max(0, i - reach):j + reach]


_DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})
_DESCRIBES = frozenset({"of", "on", "at", "in", "against", "by", "near", "between", "that",
                        "which", "who", "where", "when", "carried"})


def anaphoric(m: EventMention) -> bool:
    """Whether the trigger is a bare definite noun phrase ("injured in the firing", "the
    arrests followed"): it refers back to an event the report has told already. A definite
    phrase that describes its event ("the attack on the Sabarmati Express") does not count:
    it may name any well-known event."""
    if m.trigger_start is None or not m.trigger:
        return False
    i = m.trigger_start - m.evidence_start
    j = (m.trigger_end if m.trigger_end is not None else m.trigger_start + len(m.trigger))
    before = _WORD.findall(m.evidence_text[:max(0, i)].lower())[-1:]
    after = _WORD.findall(m.evidence_text[j - m.evidence_start:].lower())[:1]
    trig = m.trigger.lower()
    return (bool(before) and before[0] in _DEFINITE and not trig.endswith("ed")
            and not (after and after[0] in _DESCRIBES))


def _iso3(country: str | None) -> str | None:
    """Place countries are ISO3 like actor countries; normalise case."""
    return country.upper() if country else None


# --- scoring ---------------------------------------------------------------------------------

def _type_score(a: Features, b: Features) -> float | None:
    if a.type == b.type:
        if a.mode is None or b.mode is None or a.mode == b.mode:
            return 1.0
        if a.mode in _WEAPON_MODES and b.mode in _WEAPON_MODES:
            return 0.6
        return 0.2
    if frozenset({a.type, b.type}) in _COMPATIBLE_TYPES:
        return 0.3
    return None


def _side(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 0.0
    return 1.0 if x & y else -1.5


def _actor_score(a: Features, b: Features) -> float:
    if a.reciprocal or b.reciprocal:
        ua, ub = a.actors | a.recipients, b.actors | b.recipients
        return _side(ua, ub) * (1.5 if len(ua & ub) >= 2 else 1.0)
    same = _side(a.actors, b.actors) + _side(a.recipients, b.recipients)
    rev = _side(a.actors, b.recipients) + _side(a.recipients, b.actors) - 1.0
    return max(same, rev)


def _km(a: Features, b: Features) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _contains(big: Features, small: Features) -> bool:
    """``big`` is a country or admin1 place that contains ``small``."""
    if big.place_precision == "country":
        return big.place_country is not None and big.place_country == small.place_country
    if big.place_precision == "admin1":
        return (big.place_country == small.place_country and big.admin1 is not None
                and big.admin1 == small.admin1)
    return False


def _place_score(a: Features, b: Features) -> float | None:
    if a.place is None or b.place is None:
        return 0.0
    local = a.place_local and b.place_local
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0 if local else 0.6
    if local and a.place_country and b.place_country and a.place_country != b.place_country:
        return None
    if a.place_precision == b.place_precision == "city":
        # two towns ("in vadodara" / "in anand"): other towns, unless one is a namesake
        # entry or a suburb of the other
        d = _km(a, b)
        if d is not None and d > _SAME_TOWN_KM:
            # a dateline or an earlier sentence's place may be where the report was filed
            # ("lucknow: ... arrested in faizabad"): a mismatch is doubt, not proof
            if not local:
                return _DOUBT
            return -1.0 if d <= 2 * _RADIUS_KM["city"] else None
    return _place_near(a, b, far=None if local else _DOUBT)


def _place_near(a: Features, b: Features, far: float | None = None) -> float | None:
    """Containment or distance within the coarser precision's radius; ``far`` for places
    further apart (None: cities far apart never fuse)."""
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return far
    if _contains(a, b) or _contains(b, a):
        return 0.2  # a town inside the admin1 or country the other report names: weak
    d = _km(a, b)
    if d is None:
        return 0.0
    coarser = max(a.place_precision or "city", b.place_precision or "city",
                  key=lambda p: _PRECISION_RANK.get(p, 0))
    radius = _RADIUS_KM.get(coarser, 40.0)
    if d <= radius:
        return 0.8 * (1 - d / (2 * radius))
    if d > 2 * radius and coarser == "city":
        return far
    return -1.0 if far is None else far


def _toll_score(a: Features, b: Features) -> float:
    if a.dead is None or b.dead is None:
        return 0.0
    if a.dead == b.dead:
        return 0.5 if a.dead else 0.2
    lo, hi = sorted((a.dead, b.dead))
    return 0.0 if hi - lo <= 3 or hi <= 2.5 * lo else -0.7


def _meets(wa: tuple[int, int] | None, wb: tuple[int, int] | None) -> bool:
    return wa is not None and wb is not None and wa[0] <= wb[1] and wb[0] <= wa[1]


def _time_score(a: Features, b: Features, soft: float = -0.3) -> float | None:
    """How well the dates agree; None when their windows do not overlap. When one of them
    is not dated by its own sentence (a date of an earlier sentence may belong to another
    event; a report with no date may come days late) and the pair meets within the soft
    windows (:meth:`Features.pub_window`), it gets ``soft`` (a penalty) instead of a veto."""
    wa, wb = a.window(), b.window()
    if not _meets(wa, wb):
        if _meets(a.pub_window() or wa, b.pub_window() or wb):
            return soft
        return None
    assert a.start is not None and b.start is not None
    ea = a.end if a.end is not None else a.start
    eb = b.end if b.end is not None else b.start
    na, nb = a.last_day, b.last_day
    assert na is not None and nb is not None
    if not (a.start <= eb and b.start <= ea) and a.start <= nb and b.start <= na:
        return 0.7  # a night and the next date ("saturday night" / "around 1 am on sunday")
    if a.start <= eb and b.start <= ea:  # the stated intervals overlap
        if a.start == b.start and ea == eb:
            return 1.0 if a.dated and b.dated else 0.7
        # a day inside a longer stretch ("60 killed since May 7") is a weaker match
        spans = sorted((ea - a.start, eb - b.start))
        return 0.7 if spans[1] <= 2 or spans[0] > 2 else 0.1
    return 0.2


def veto(a: Features, b: Features) -> str | None:
    """Which hard incompatibility keeps ``a`` and ``b`` apart (``factual``, ``type``,
    ``time`` or ``place``), or None (for reports on what fusion missed)."""
    if a.factual != b.factual:
        return "factual"
    if _type_score(a, b) is None:
        return "type"
    if _time_score(a, b) is None:
        return "time"
    if _place_score(a, b) is None:
        return "place"
    return None


def base_score(a: Features, b: Features, cfg: FusionConfig | None = None) -> float | None:
    """:func:`score` without the keyword term: type, time, place, actors, toll, and near-copy
    text (MinHash of word shingles); ``None`` for a hard incompatibility."""
    cfg = cfg or FusionConfig()
    if a.factual != b.factual:
        return None
    t = _type_score(a, b)
    if t is None:
        return None
    when = _time_score(a, b)
    if when is None:
        return None
    place = _place_score(a, b)
    if place is None:
        return None
    total = t + when + place + cfg.w_actor * _actor_score(a, b) + _toll_score(a, b)
    if a.article_id == b.article_id:
        # one report naming an event twice: the shared text says nothing (the evidence may
        # even be the same paragraph), and distinct events of one report are the rule, unless
        # one of them refers back to the other with the same word ("they clashed ... died in
        # the clash")
        refers = (a.anaphoric or b.anaphoric) and a.trigger_stem == b.trigger_stem
        return total + (cfg.anaphora if refers else cfg.same_article)
    return total + cfg.w_text * jaccard(a.sketch, b.sketch)


def score(a: Features, b: Features, cfg: FusionConfig | None = None) -> float | None:
    """How strongly ``a`` and ``b`` look like reports of one event (higher is stronger);
    ``None`` when they cannot be (see the module docstring)."""
    cfg = cfg or FusionConfig()
    s = base_score(a, b, cfg)
    if s is None or a.article_id == b.article_id:
        return s
    return s + cfg.w_keywords * overlap(a.keywords, b.keywords, cfg.min_shared)


# --- clustering ------------------------------------------------------------------------------

def event_id_for(first_mention_id: str) -> str:
    """A fused event's id: stable, from the id of the mention that started it."""
    return "ev-" + hashlib.sha256(first_mention_id.encode()).hexdigest()[:16]


def _family(f: Features) -> str:
    fam = _FAMILY.get(f.type, f.type)
    return fam if f.factual else "~" + fam


@dataclass(slots=True)
class _Cluster:
    id: str
    seq: int
    members: list[Features] = field(default_factory=list)
    ranks: list[int] = field(default_factory=list)
    keys: set[tuple[str, int, str]] = field(default_factory=set)
    # keyword -> the articles that use it (the event's vocabulary, one vote per report)
    words: dict[str, set[str]] = field(default_factory=dict)
    into: str | None = None  # the event that absorbed this one

    @property
    def first_rank(self) -> int:
        return self.ranks[0] if self.ranks else 0


class Fuser:
    """Incremental, deterministic clustering of mentions into events (see module docstring).

    Each mention gets a rank (its fusion order: the store's sequence number, else the order
    of :meth:`add` calls); an event's members are kept in rank order and its id comes from its
    lowest-ranked member. When a mention fits several events that fit each other (no hard
    incompatibility between their members), they become one: the event whose first member
    ranks lowest absorbs the others (:attr:`absorbed` maps each absorbed id to it).

    >>> fuser = Fuser()
    >>> event_id = fuser.add(features(mention, "2025-05-09"))   # doctest: +SKIP
    """

    def __init__(self, config: FusionConfig | None = None) -> None:
        self.config = config or FusionConfig()
        self._clusters: list[_Cluster] = []
        self._by_id: dict[str, _Cluster] = {}
        self._index: dict[tuple[str, int, str], list[int]] = {}
        self._rank = 0
        self.changed: set[str] = set()
        self.absorbed: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    def seed(self, event_id: str, members: Sequence[Features],
             ranks: Sequence[int] | None = None) -> None:
        """Load an existing event (its members in fusion order, with their ranks), without
        marking it changed."""
        c = _Cluster(event_id, len(self._clusters))
        self._clusters.append(c)
        self._by_id[event_id] = c
        for i, f in enumerate(members):
            self._attach(c, f, self._next_rank(ranks[i] if ranks is not None else None))

    def add(self, f: Features, rank: int | None = None) -> str:
        """Fuse one mention; return the id of the event it joined or started (after any
        merge it caused)."""
        r = self._next_rank(rank)
        fits: list[tuple[float, _Cluster]] = []
        for c in self._candidates(f):
            s = self._event_score(c, f)
            if s is not None and s >= self.config.threshold:
                fits.append((s, c))
        if not fits:
            best = _Cluster(event_id_for(f.id), len(self._clusters))
            self._clusters.append(best)
            self._by_id[best.id] = best
            self._attach(best, f, r)
            self.changed.add(best.id)
            return best.id
        fits.sort(key=lambda sc: (-sc[0], sc[1].first_rank, sc[1].seq))
        best = fits[0][1]
        # events that fit the mention may become one (see _fits), on the evidence of other
        # reports only: one report's mentions of two incidents do not make them one
        merging = [c for _s, c in fits if len(fits) > 1 and self.config.merge
                   and (x := self._event_score(c, f, other_reports=True)) is not None
                   and x >= self.config.threshold]
        if best in merging:  # merge first: the mention itself is no evidence of their link
            for other in merging:
                best = self._merge(best, other)
        self._attach(best, f, r)
        self.changed.add(best.id)
        return best.id

    def members(self, event_id: str) -> list[Features]:
        return list(self._by_id[event_id].members)

    def ranks(self, event_id: str) -> list[int]:
        return list(self._by_id[event_id].ranks)

    def events(self) -> list[tuple[str, list[Features]]]:
        """Every event with its members, in creation order."""
        return [(c.id, list(c.members)) for c in self._clusters if c.into is None]

    def _next_rank(self, rank: int | None) -> int:
        self._rank = max(self._rank + 1, rank) if rank is not None else self._rank + 1
        return rank if rank is not None else self._rank

    def _event_score(self, c: _Cluster, f: Features, other_reports: bool = False
                     ) -> float | None:
        """The best score against the event's first members plus the keyword evidence
        against the event's vocabulary; None when one of them rules the mention out or when
        their mean is far below the best (a chain, not a match). Each report counts once in
        that mean, with its best-matching member: a report that tells the event in several
        sentences is one witness, not several that disagree. ``other_reports``: only members
        from other articles count as evidence (None when there are none)."""
        best_of: dict[str, float] = {}
        exemplars = c.members[:self.config.exemplars]
        for m in exemplars:
            s = base_score(m, f, self.config)
            if s is None:
                return None
            if m.article_id != f.article_id:
                s += self.config.w_keywords * overlap(m.keywords, f.keywords,
                                                      self.config.min_shared)
            if not other_reports or m.article_id != f.article_id:
                best_of[m.article_id] = max(s, best_of.get(m.article_id, -math.inf))
        if not best_of:
            return None
        scores = list(best_of.values())
        # a copy of a member's sentence (a syndicated or re-filed report) belongs wherever
        # that member does: no chain check
        if (sum(scores) / len(scores) < max(scores) - self.config.max_spread
                and not any(m.article_id != f.article_id
                            and jaccard(m.sketch, f.sketch) >= self.config.copy
                            for m in exemplars)):
            return None
        return max(scores)

    def _fits(self, a: _Cluster, b: _Cluster) -> bool:
        """Whether two events may be one. Between their first members: no hard
        incompatibility, no two dates stated in the text that do not overlap, and (between
        members from different reports) no pair that looks unlike (a score below 0: other
        actors, tolls, places) and a pair that looks alike on its own (``merge_link``); and the
        reports of each use at least ``min_shared`` of the same keywords. A vague mention that
        fits two events does not make them one."""
        n = self.config.exemplars
        best = -math.inf
        for x in a.members[:n]:
            for y in b.members[:n]:
                s = score(x, y, self.config)
                if s is None:
                    return False
                if x.dated and y.dated and (_time_score(x, y) or 0.0) < 0.5:
                    return False  # both reports date them, to different days
                if x.article_id != y.article_id:
                    if s < 0:
                        return False
                    best = max(best, s)
                elif not ((x.anaphoric or y.anaphoric) and x.trigger_stem == y.trigger_stem):
                    return False  # one report tells them as two incidents
        return (best >= self.config.merge_link
                and len(a.words.keys() & b.words.keys()) >= self.config.min_shared)

    def _merge(self, a: _Cluster, b: _Cluster) -> _Cluster:
        """Merge ``b`` into ``a`` (or the other way round: the event with the lowest-ranked
        first member survives) when they fit; return the surviving event."""
        if a.into is not None or b.into is not None or a is b or not self._fits(a, b):
            return a
        keep, gone = (a, b) if (a.first_rank, a.seq) <= (b.first_rank, b.seq) else (b, a)
        pairs = sorted(zip(keep.ranks + gone.ranks, keep.members + gone.members,
                           strict=True), key=lambda rf: rf[0])
        keep.ranks = [r for r, _ in pairs]
        keep.members = [f for _, f in pairs]
        for f in gone.members:
            self._index_member(keep, f)
        gone.into = keep.id
        del self._by_id[gone.id]
        self.changed.discard(gone.id)
        self.changed.add(keep.id)
        for old, new in list(self.absorbed.items()):
            if new == gone.id:
                self.absorbed[old] = keep.id
        self.absorbed[gone.id] = keep.id
        return keep

    def _keys(self, f: Features) -> list[tuple[str, int, str]]:
        fam = _family(f)
        cs = sorted(f.countries) or ["-"]
        return [(fam, d, c) for d in f.days() for c in [*cs, "*"]]

    def _attach(self, c: _Cluster, f: Features, rank: int) -> None:
        if c.ranks and rank < c.ranks[-1]:  # keep rank order (seeded out of order)
            i = next(i for i, r in enumerate(c.ranks) if r > rank)
            c.ranks.insert(i, rank)
            c.members.insert(i, f)
        else:
            c.ranks.append(rank)
            c.members.append(f)
        self._index_member(c, f)

    def _index_member(self, c: _Cluster, f: Features) -> None:
        for w in f.keywords:
            c.words.setdefault(w, set()).add(f.article_id)
        for key in self._keys(f):
            if key not in c.keys:
                c.keys.add(key)
                self._index.setdefault(key, []).append(c.seq)

    def _candidates(self, f: Features) -> list[_Cluster]:
        days = f.days()
        fam = _family(f)
        found: set[int] = set()
        if f.countries:
            for d in days:
                for c in [*sorted(f.countries), "-"]:
                    found.update(self._index.get((fam, d, c), ()))
        else:
            for d in days:
                found.update(self._index.get((fam, d, "*"), ())[-self.config.max_candidates:])
        return [k for i in sorted(found) if (k := self._clusters[i]).into is None]


def cluster(items: Iterable[Features], config: FusionConfig | None = None
            ) -> list[tuple[str, list[Features]]]:
    """Fuse ``items`` (in the order given) from scratch; return (event id, members) pairs."""
    fuser = Fuser(config)
    for f in items:
        fuser.add(f)
    return fuser.events()


# --- summaries -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FusedEvent:
    """One real-world event as fused from its mentions (see :func:`summarize`)."""

    id: str
    mention_ids: tuple[str, ...]
    plover_type: str
    plover_mode: str | None
    quad_class: int
    intensity: float
    goldstein: float | None
    factual: bool
    when_start: str | None
    when_end: str | None
    place: str | None
    geonameid: int | None
    place_country: str | None
    admin1: str | None
    dead: int | None
    injured: int | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    reciprocal: bool
    dyads: tuple[tuple[str, str], ...]
    publishers: tuple[str, ...]
    origins: tuple[str, ...]
    first_report: str | None
    last_report: str | None
    disagreements: tuple[Disagreement, ...] = ()
    actor_text: str | None = None
    recipient_text: str | None = None

    @property
    def disputed(self) -> tuple[str, ...]:
        return tuple(d.field for d in self.disagreements)

    @property
    def countries(self) -> tuple[str, ...]:
        out = set(self.actors) | set(self.recipients)
        if self.place_country:
            out.add(self.place_country)
        return tuple(sorted(out))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "mentions": list(self.mention_ids),
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "quad_class": self.quad_class, "intensity": self.intensity,
            "goldstein": self.goldstein, "factual": self.factual,
            "when": {"start": self.when_start, "end": self.when_end},
            "where": {"name": self.place, "geonameid": self.geonameid,
                      "country": self.place_country, "admin1": self.admin1},
            "magnitude": {"dead": self.dead, "injured": self.injured},
            "actor": list(self.actors), "recipient": list(self.recipients),
            "actor_text": self.actor_text, "recipient_text": self.recipient_text,
            "reciprocal": self.reciprocal, "dyads": [list(d) for d in self.dyads],
            "publishers": list(self.publishers), "origins": list(self.origins),
            "first_report": self.first_report, "last_report": self.last_report,
            "disagreements": [d.to_dict() for d in self.disagreements],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FusedEvent:
        return cls(
            id=d["id"], mention_ids=tuple(d["mentions"]), plover_type=d["plover"]["type"],
            plover_mode=d["plover"].get("mode"), quad_class=d["quad_class"],
            intensity=d["intensity"], goldstein=d.get("goldstein"), factual=d["factual"],
            when_start=d["when"]["start"], when_end=d["when"]["end"],
            place=d["where"]["name"], geonameid=d["where"]["geonameid"],
            place_country=d["where"]["country"], admin1=d["where"].get("admin1"),
            dead=d["magnitude"]["dead"], injured=d["magnitude"]["injured"],
            actors=tuple(d["actor"]), recipients=tuple(d["recipient"]),
            reciprocal=d["reciprocal"], dyads=tuple((a, b) for a, b in d["dyads"]),
            publishers=tuple(d["publishers"]), origins=tuple(d["origins"]),
            first_report=d["first_report"], last_report=d["last_report"],
            disagreements=tuple(Disagreement.from_dict(x) for x in d["disagreements"]),
            actor_text=d.get("actor_text"), recipient_text=d.get("recipient_text"))


def _iso(ordinal: int | None) -> str | None:
    return dt.date.fromordinal(ordinal).isoformat() if ordinal is not None else None


def _majority(values: Iterable[Any]) -> Any:
    """The most frequent non-None value; ties go to the first seen."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    top = max(counts.values())
    return next(v for v in counts if counts[v] == top)


def _goldstein(code: str | None) -> float | None:
    if not code:
        return None
    from .ontology import cameo

    c = cameo(code)
    return c.goldstein if c else None


def _dyads(members: Sequence[Features], place_country: str | None, ptype: str
           ) -> tuple[tuple[str, str], ...]:
    pairs: set[tuple[str, str]] = set()
    for f in members:
        pairs |= {(min(a, r), max(a, r)) for a in f.actors for r in f.recipients if a != r}
        if f.reciprocal:
            both = sorted(f.actors | f.recipients)
            pairs |= {(a, b) for i, a in enumerate(both) for b in both[i + 1:]}
    if not pairs and ptype == "ASSAULT" and place_country:
        # an attack with no recipient country named hit somebody where it happened
        acts = {a for f in members for a in f.actors if a != place_country}
        pairs |= {(min(a, place_country), max(a, place_country)) for a in acts}
    return tuple(sorted(pairs))


def _claims(members: Sequence[Features], value: Any) -> list[tuple[str, Features]]:
    return [(v, f) for f in members if (v := value(f)) is not None]


def _disagreement(name: str, pairs: list[tuple[Any, Features]]) -> Disagreement | None:
    by_value: dict[Any, list[Features]] = {}
    for v, f in pairs:
        by_value.setdefault(v, []).append(f)
    if len(by_value) < 2:
        return None
    claims = tuple(
        Claim(str(v), tuple(dict.fromkeys(f.source for f in fs)), tuple(f.id for f in fs))
        for v, fs in sorted(by_value.items(), key=lambda kv: (-len(kv[1]), str(kv[0]))))
    return Disagreement(name, claims)


def _date_disagreement(members: Sequence[Features]) -> Disagreement | None:
    dated = [f for f in members if f.dated and f.start is not None]
    spans: set[tuple[int, int]] = set()
    for f in dated:
        assert f.start is not None
        spans.add((f.start, f.end if f.end is not None else f.start))
    if len(spans) < 2:
        return None
    # only when two stated intervals do not overlap (May vs May 8 is not a disagreement)
    if not any(a[1] < b[0] or b[1] < a[0] for a in spans for b in spans):
        return None

    def label(f: Features) -> str:
        s, e = _iso(f.start) or "?", _iso(f.end)
        return s if e in (None, s) else f"{s}..{e}"

    return _disagreement("date", [(label(f), f) for f in dated])


def _place_disagreement(members: Sequence[Features]) -> Disagreement | None:
    placed = [f for f in members if f.place]
    if not any(not (a.geonameid == b.geonameid or _contains(a, b) or _contains(b, a))
               for a in placed for b in placed):
        return None
    return _disagreement("place", [(f.place, f) for f in placed])


def _actor_disagreement(members: Sequence[Features]) -> Disagreement | None:
    known = [f for f in members if f.actors]
    if not any(not (a.actors & b.actors) for a in known for b in known):
        return None
    return _disagreement("actor", [("+".join(sorted(f.actors)), f) for f in known])


def _sides(members: Sequence[Features], reciprocal: bool
           ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The event's actor and recipient countries by majority of the reports that name one
    (one report's "India blamed …" misread as the actor does not make the Pahalgam attack
    IND+PAK -> IND+PAK); a country on both sides keeps the side more reports give it,
    unless most reports tell the event as reciprocal. What the minority says stays in the
    actor disagreement."""
    def majority(sets: list[frozenset[str]]) -> Counter[str]:
        votes = Counter(a for s in sets for a in s)
        if not votes:
            return votes
        keep = Counter({a: n for a, n in votes.items() if 2 * n >= len(sets)})
        return keep or Counter(dict(votes.most_common(1)))

    actors = majority([f.actors for f in members if f.actors])
    recips = majority([f.recipients for f in members if f.recipients])
    if not reciprocal:
        for c in set(actors) & set(recips):
            if actors[c] >= recips[c] and len(actors) > 0:
                del recips[c]
            else:
                del actors[c]
    return (tuple(sorted(actors, key=lambda a: (-actors[a], a))),
            tuple(sorted(recips, key=lambda a: (-recips[a], a))))


def _side_text(members: Sequence[Features], side: Sequence[str],
               get: Callable[[Features], tuple[frozenset[str], str | None]]) -> str | None:
    """The words most reports that agree with the consensus side use for it ("gunmen"),
    else the first report's."""
    texts = [t for f in members for cs, t in [get(f)] if t and cs <= set(side)]
    if not texts:
        return next((t for f in members for _, t in [get(f)] if t), None)
    votes = Counter(t.casefold() for t in texts)
    best = max(votes, key=lambda k: (votes[k], -[t.casefold() for t in texts].index(k)))
    return next(t for t in texts if t.casefold() == best)


def summarize(event_id: str, members: Sequence[Features]) -> FusedEvent:
    """The consensus view of one cluster and its disagreements (members in fusion order)."""
    if not members:
        raise ValueError("an event has at least one mention")
    ptype = _majority(f.type for f in members)
    typed = [f for f in members if f.type == ptype]
    mode = _majority(f.mode for f in typed)
    dated = [f for f in members if f.dated] or list(members)
    when = _majority((f.start, f.end) for f in dated if f.start is not None)
    placed = sorted((f for f in members if f.place),
                    key=lambda f: _PRECISION_RANK.get(f.place_precision or "country", 3))
    best_place = None
    if placed:
        rank = _PRECISION_RANK.get(placed[0].place_precision or "country", 3)
        best_place = _majority(f.geonameid or f.place for f in placed
                               if _PRECISION_RANK.get(f.place_precision or "country", 3) == rank)
    pf = next((f for f in placed if (f.geonameid or f.place) == best_place), None)
    deads = [f.dead for f in members if f.dead is not None]
    injs = [f.injured for f in members if f.injured is not None]
    intensities = sorted(f.intensity for f in typed)
    golds = sorted(g for f in typed if (g := _goldstein(f.cameo)) is not None)
    reciprocal = 2 * sum(f.reciprocal for f in members) > len(members)
    actors, recips = _sides(members, reciprocal)
    pubs = [f.published for f in members if f.published is not None]
    place_country = pf.place_country if pf else None
    disagreements = [d for d in (
        _date_disagreement(members),
        _disagreement("dead", _claims(members, lambda f: f.dead)),
        _disagreement("injured", _claims(members, lambda f: f.injured)),
        _place_disagreement(members),
        _actor_disagreement(members),
        _disagreement("type", [(f.type, f) for f in members]),
    ) if d is not None]
    return FusedEvent(
        id=event_id, mention_ids=tuple(f.id for f in members), plover_type=ptype,
        plover_mode=mode, quad_class=typed[0].quad,
        intensity=intensities[(len(intensities) - 1) // 2],
        goldstein=golds[(len(golds) - 1) // 2] if golds else None,
        factual=members[0].factual,
        when_start=_iso(when[0]) if when else None, when_end=_iso(when[1]) if when else None,
        place=pf.place if pf else None, geonameid=pf.geonameid if pf else None,
        place_country=place_country, admin1=pf.admin1 if pf else None,
        dead=max(deads) if deads else None, injured=max(injs) if injs else None,
        actors=actors, recipients=recips, reciprocal=reciprocal,
        dyads=_dyads(members, place_country, ptype),
        publishers=tuple(dict.fromkeys(f.publisher for f in members if f.publisher)),
        origins=tuple(dict.fromkeys(f.origin for f in members if f.origin)),
        first_report=_iso(min(pubs)) if pubs else None,
        last_report=_iso(max(pubs)) if pubs else None,
        disagreements=tuple(disagreements),
        actor_text=_side_text(members, actors, lambda f: (f.actors, f.actor_text)),
        recipient_text=_side_text(members, recips,
                                  lambda f: (f.recipients, f.recipient_text)))


def pairwise_scores(predicted: dict[str, str], gold: dict[str, str]
                    ) -> tuple[float, float, float, int, int, int]:
    """Pairwise precision, recall, F1 (and tp, fp, fn) of a clustering against gold.

    Both map item -> cluster label; items missing from ``predicted`` count as singletons.
    """
    items = sorted(gold)
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            same_gold = gold[a] == gold[b]
            pa, pb = predicted.get(a), predicted.get(b)
            same_pred = pa is not None and pa == pb
            tp += same_gold and same_pred
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, tp, fp, fn
