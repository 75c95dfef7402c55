"""According to whom: publisher, reporting chain, speaker, and the status a sentence gives.

Pure functions over the article text and a parsed sentence. The chain is ordered from the
article outwards: "TASS reported, citing AFP" → ["TASS", "AFP"].
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..models import Speaker
from ..resources import table
from .events import SentenceContext, SentenceEvent, code_head, doc_text

SPEECH_LEMMAS = frozenset({
    "say", "tell", "claim", "allege", "confirm", "announce", "warn", "add", "state", "insist",
    "assert", "note", "explain", "tweet", "write", "post", "declare", "maintain", "argue",
    "acknowledge", "admit", "contend", "describe", "brief", "disclose", "reveal", "report",
})
REPORT_LEMMAS = frozenset({"report", "carry", "publish", "broadcast"})
ANON_RE = re.compile(
    r"\b(?:on condition of anonymity|speaking anonymously|requested anonymity|who (?:declined|"
    r"refused|did not want|asked not) to be (?:named|identified)|not authori[sz]ed to (?:speak|"
    r"talk|brief)|unnamed|anonymous)\b", re.IGNORECASE)
MEDIA_WORDS = frozenset({"news", "agency", "wire", "tv", "television", "radio", "times", "post",
                         "daily", "herald", "tribune", "dispatch", "ledger", "newsdesk", "gazette",
                         "journal", "chronicle", "observer", "express", "telegraph", "press",
                         "broadcaster", "newspaper", "channel", "network"})
DATELINE_RE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3})"
    r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z. ]{1,30}?))?"
    r"(?:\s*,\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}))?"
    r"\s*(?:\((?P<agency>[^)]{2,40})\)\s*[-–—]+|[-–—:]+)\s+")


@dataclass(frozen=True, slots=True)
class SentenceAttribution:
    chain: tuple[str, ...] = ()
    speaker: Speaker | None = None
    anonymous: bool = False
    reportedly: bool = False


@functools.cache
def _media() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in table("actors/media.tsv"):
        for name in [r["name"], *filter(None, r["aliases"].split("|"))]:
            out[name.casefold()] = r["name"]
    return out


def canonical_media(name: str) -> str:
    """The table's name for a news organisation ("Agence France-Presse" for "AFP")."""
    return _media().get(name.casefold(), name)


def media_name(text: str) -> str | None:
    """The canonical name of a news organisation, or None."""
    t = text.strip().strip("'\"“”‘’")
    t = re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.I)
    if t.casefold() in _media() or ("the " + t).casefold() in _media():
        return t  # as the text names it ("AFP"); canonical_media() maps aliases
    words = {w.casefold() for w in re.findall(r"[A-Za-z]+", t)}
    if words & MEDIA_WORDS and t[:1].isupper():
        return t
    return None


@dataclass(frozen=True, slots=True)
class Dateline:
    """"ISLAMABAD, May 12 (Reuters) -": where the report was filed, when, by which agency."""

    place: str
    date_text: str | None
    agency: str | None
    end: int  # offset of the first character after the dateline


def dateline(text: str) -> Dateline | None:
    """The dateline at the start of an article body, if any."""
    m = DATELINE_RE.match(text)
    if not m:
        return None
    place = m.group("place").strip()
    if len(place.replace(" ", "")) < 3 or place.upper() != place:
        return None
    agency = m.group("agency")
    return Dateline(place.title(), m.group("date"), agency.strip() if agency else None, m.end())


def publisher(text: str, outlet: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The article's publisher and the chain its dateline adds ("(Reuters) -" in another outlet)."""
    dl = dateline(text)
    agency = dl.agency if dl else None
    if outlet:
        if agency and agency.casefold() != outlet.casefold():
            return outlet, (media_name(agency) or agency,)
        return outlet, ()
    return (media_name(agency) or agency) if agency else None, ()


def _span_text(tok: Token) -> str:
    sub = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct")
           or t == tok]
    s = min(t.idx for t in sub)
    e = max(t.idx + len(t) for t in sub)
    return doc_text(tok.doc)[s:e]


def _speaker(tok: Token, ctx: SentenceContext, anonymous_sentence: bool) -> Speaker:
    actors = code_head(tok, ctx)
    sub = list(tok.subtree)
    s = min(t.idx for t in sub)
    e = max(t.idx + len(t) for t in sub)
    text = doc_text(tok.doc)[s:e]
    anon = anonymous_sentence or tok.lemma_.lower() in ("source",) or bool(ANON_RE.search(text))
    a = actors[0] if actors else None
    short = a.text if a else _span_text(tok)
    return Speaker(short, a.country if a else None, a.sector if a else None, anon, s, e)


def sentence_attribution(doc: Doc, ctx: SentenceContext) -> SentenceAttribution:
    """Reporting chain and speaker stated inside one parsed sentence."""
    chain: list[str] = []
    speaker: Speaker | None = None
    anon_sentence = bool(ANON_RE.search(doc_text(doc)))
    reportedly = False
    for tok in doc:
        low = tok.lower_
        if low in ("reportedly", "purportedly"):
            reportedly = True
        if low == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            objs = [g for g in to.children if g.dep_ == "pobj"] if to is not None else []
            if not objs and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to":
                objs = [doc[tok.i + 2].head if doc[tok.i + 2].head.i > tok.i else doc[tok.i + 2]]
            for o in objs:
                name = media_name(_span_text(o))
                if name:
                    chain.append(name)
                elif speaker is None:
                    speaker = _speaker(o, ctx, anon_sentence)
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in SPEECH_LEMMAS | REPORT_LEMMAS:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or (subj.pos_ == "PRON" and subj.lower_ in ("it",)):
            continue
        name = media_name(_span_text(subj))
        if name or (lemma in REPORT_LEMMAS and subj.ent_type_ == "ORG"):
            chain.append(name or _span_text(subj))
            for c in tok.children:
                if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in ("cite", "quote"):
                    for o in c.children:
                        if o.dep_ in ("dobj", "obj"):
                            inner = media_name(_span_text(o))
                            if inner:
                                chain.append(inner)
                            elif speaker is None:
                                speaker = _speaker(o, ctx, anon_sentence)
            quoted = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
            if lemma == "quote" and quoted is not None and speaker is None:
                speaker = _speaker(quoted, ctx, anon_sentence)  # "X quoted Y as saying"
        elif speaker is None:
            speaker = _speaker(subj, ctx, anon_sentence)
            for c in tok.children:  # "Y told X" with X a news organisation
                if c.dep_ in ("dobj", "dative", "obj") and lemma == "tell":
                    told = media_name(_span_text(c))
                    if told:
                        chain.append(told)
    seen: list[str] = []
    for name_ in chain:
        if name_ not in seen:
            seen.append(name_)
    return SentenceAttribution(tuple(seen), speaker,
                               bool(speaker and speaker.anonymous) or anon_sentence, reportedly)


def status_of(ev: SentenceEvent, att: SentenceAttribution) -> str:
    """The event's factuality as the text presents it (one of models.STATUSES)."""
    if ev.negated:
        return "negated"
    if ev.modality == "hypothetical":
        return "hypothetical"
    if ev.modality == "future":
        return "future"
    if ev.denial_status:
        return ev.denial_status
    if ev.claimed:
        return "claimed"
    if ev.alleged:
        return "alleged"
    if att.chain or att.speaker or att.reportedly:
        return "reported"
    return "asserted"
