"""According to whom: publisher, reporting chain, speaker, and the status a sentence gives.

Pure functions over the article text and parsed sentences.

- ``publisher``: the article's outlet (metadata or feed), else the dateline agency
  ("ISLAMABAD (Reuters) -"); a dateline agency that differs from the outlet opens the chain.
- ``sentence_attribution``: the reporting chain and the speaker stated inside one parsed
  sentence. The chain holds news organisations only and is ordered from the article outwards:
  "TASS reported, citing AFP" → ("TASS", "AFP"); "Reuters quoted SANA as saying" → ("Reuters",
  "SANA"); "Y told AFP" → ("AFP",). The speaker is the innermost non-media source ("a senior
  official, speaking on condition of anonymity"), coded as an actor where the dictionary can.
- ``article_attributions``: the same for every sentence of an article, plus attribution that
  spans sentences: a quote that closes in a later sentence ("… he said.") takes that speaker;
  a quote that goes on after an attributed sentence keeps the speaker before it.
- ``status_of``: the event's factuality as the text presents it (``models.STATUSES``).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..models import Speaker
from ..resources import table
from .actor_lexicon import ActorLexicon, ActorMatch
from .datelines import dateline
from .events import (
    CHARGE_NOUNS,
    DENIAL_LEMMAS,
    DIRECTIVE_LEMMAS,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    LIGHT_VERBS,
    NONE_OF,
    OCCUR_VERBS,
    REFUSED_NOUNS,
    REQUEST_NOUNS,
    STOP_GOVERNORS,
    SentenceContext,
    SentenceEvent,
    appended_charge,
    code_head,
    event_at,
    modality_of,
    no_longer,
)

_ANON_CUES = (
    r"on (?:the )?condition of anonymity|speaking anonymously|requested anonymity|"
    r"who (?:declined|refused|did not want|asked not) to be (?:named|identified)|"
    r"(?:was|were|is|are) not authori[sz]ed to (?:speak|talk|brief|comment)|"
    r"asked not to be (?:named|identified)|unnamed|anonymous")
ANON_RE = re.compile(rf"\b(?:{_ANON_CUES})\b", re.IGNORECASE)
# unnamed people: "a senior official", "the western official", "one senior figure"
ANON_HEADS = frozenset({"official", "source", "diplomat", "officer", "commander", "figure",
                        "insider", "aide", "person", "member", "senator", "lawmaker", "patient",
                        "resident", "witness", "soldier", "fighter", "militant", "policeman"})
ON_RECORD_HEADS = frozenset({"spokesman", "spokeswoman", "spokesperson", "minister", "president",
                             "ambassador", "governor", "chief", "secretary", "director", "head",
                             "chairman", "commissioner", "mayor", "leader", "premier"})
MEDIA_WORDS = frozenset({"news", "media", "wire", "tv", "television", "radio", "times", "post",
                         "daily", "herald", "tribune", "dispatch", "ledger", "newsdesk", "gazette",
                         "journal", "chronicle", "observer", "express", "telegraph", "newspaper",
                         "newspapers", "broadcaster", "channel", "network", "agencies"})
_NOT_MEDIA = frozenset({"intelligence", "security", "spy", "aid", "relief", "un", "refugee"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis", "ccomp", "conj", "cc",
                          "punct", "prep"})
_SPEECH_WORDS = (r"said|says|say|added|adds|told|tells|tweeted|wrote|writes|warned|warns|insisted|"
                 r"claimed|claims|alleged|gloated|explained|stated|declared|noted|argued|"
                 r"confirmed|maintained|recalled|continued|went on|admitted|asked")
_NP = r"[^,.;:!?“”\"()]{2,80}?"
# a speaker after a closing quote: '…," said X' / '…," X said'
QUOTE_ATTRIBUTION_RE = re.compile(
    rf"[”\"]\s*,?\s*(?:(?:{_SPEECH_WORDS})\s+(?P<s1>{_NP})(?=\s*(?:[,.;:!?]|$))"
    rf"|(?P<s2>{_NP})\s+(?:{_SPEECH_WORDS})\b)", re.IGNORECASE)
# "…, the official said." at the end of a sentence, or "X said …" at its start
TRAILING_RE = re.compile(rf",\s+(?P<s>{_NP})\s+(?:{_SPEECH_WORDS})\s*[.!?”\"]*\s*$",
                         re.IGNORECASE)
LEADING_RE = re.compile(rf"^(?P<s>(?:[A-Z]|the |a |an ){_NP})\s+(?:{_SPEECH_WORDS})\b",
                        re.IGNORECASE)
_DOCUMENTS = frozenset({"report", "quote", "statement", "account", "document", "letter"})
# a news organisation named only by what it is ("the agency said", "the broadcaster reported"):
# it refers back to an outlet an earlier sentence named
GENERIC_MEDIA_RE = re.compile(
    r"^(?:(?:the|a|an|this|that)\s+)?(?:(?:state|official|semi-official|state-run|"
    r"government-run|pro-government|local)\s+)?(?:news\s+)?(?:agency|broadcaster|newspaper|paper|"
    r"channel|network|station|outlet|daily|wire|news agency|television)$", re.IGNORECASE)
# "in a phone call to the BBC", "in an interview with CNN"
# "according to a planned strategy", "as per the rules": a norm, not a source
_NOT_SOURCES = frozenset({"plan", "strategy", "schedule", "rule", "law", "custom", "tradition",
                          "agreement", "constitution", "programme", "program", "norm",
                          "procedure", "guideline", "provision", "wish", "wishes", "order",
                          "policy", "timetable", "calendar", "muhurat", "ritual", "practice",
                          "convention"})
# "as per the FIR", "according to official figures": a record as a source
_RECORDS = frozenset({"fir", "record", "data", "figure", "estimate", "tally", "count"})
_CONTACT_NOUNS = frozenset({"call", "interview", "message", "statement", "email", "letter"})
# a speech verb's time adjunct is not what it reports: "X told CNN after meeting Pence"
_TIME_PREPS = frozenset({"after", "before", "during", "since", "following", "upon", "amid"})
# where and how something was said, not what: "in a statement", "at a news conference"
_SETTING_PREPS = frozenset({"in", "at", "to", "with", "from", "by", "outside", "near", "inside",
                            "via", "through", "on"})
OPEN_QUOTES = "“"
CLOSE_QUOTES = "”"


@dataclass(frozen=True, slots=True)
class SentenceAttribution:
    """Who a sentence says its content comes from.

    ``speech`` holds the token indices of the speech verbs (and "according") that carry the
    attribution; ``status_of`` uses them to tell an event reported by a speaker from the
    speaker's own speech act ("Qatar denies the accusations" is asserted).
    """

    chain: tuple[str, ...] = ()
    speaker: Speaker | None = None
    anonymous: bool = False
    reportedly: bool = False
    speech: tuple[int, ...] = ()
    sentence_wide: bool = False  # "according to X", "X reported", or a speaker from elsewhere
    refers_back: bool = False  # "it said", "the agency reported": an outlet named before
    # passive report verbs ("shelling was reported in …"): they report their subject and
    # complement only, not the rest of the sentence
    passive_reports: tuple[int, ...] = ()
    # speech verbs of a temporal clause ("weeks after Trump said the group was defeated"):
    # they report their own content but give the sentence no speaker
    clause_speech: tuple[int, ...] = ()

    @property
    def attributed(self) -> bool:
        return bool(self.chain or self.speaker or self.reportedly)


# ----------------------------------------------------------------------------- lexicon

@functools.cache
def _lexicon() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for r in table("lexicons/attribution.tsv"):
        kinds.setdefault(r["kind"], set()).add(r["word"])
    return {k: frozenset(v) for k, v in kinds.items()}


@functools.cache
def _media() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in table("actors/media.tsv"):
        for name in [r["name"], *filter(None, r["aliases"].split("|"))]:
            out[name.casefold()] = r["name"]
    for r in table("lexicons/attribution.tsv"):
        if r["kind"] == "outlet":
            out[r["word"].casefold()] = r["value"]
    return out


def speech_lemmas() -> frozenset[str]:
    return _lexicon()["speech"]


def report_lemmas() -> frozenset[str]:
    return _lexicon()["report"]


def _clean(name: str) -> str:
    t = name.strip().strip("'\"“”‘’").strip()
    t = re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.I)
    return re.sub(r"[’']s$", "", t).strip()


def canonical_media(name: str) -> str:
    """The table's name for a news organisation ("Agence France-Presse" for "AFP")."""
    t = _clean(name)
    return _media().get(t.casefold(), _media().get(name.casefold(), name))


def same_outlet(a: str | None, b: str | None) -> bool:
    """Whether two names denote one news organisation ("the Guardian" and "Guardian")."""
    if not a or not b:
        return False
    ca, cb = canonical_media(a).casefold(), canonical_media(b).casefold()
    return ca == cb or _clean(a).casefold() == _clean(b).casefold()


def media_name(text: str) -> str | None:
    """The name of a news organisation as the text gives it, or None."""
    t = _clean(text)
    if not t:
        return None
    low = t.casefold()
    if low in _media():
        return t  # as the text names it ("AFP"); canonical_media() maps aliases
    words = re.findall(r"[A-Za-z][A-Za-z0-9-]*", t)
    lw = [w.casefold() for w in words]
    for n in (4, 3, 2, 1):  # "the semi-official Fars news agency", "state news agency IRNA"
        for i in range(len(lw) - n + 1):
            if " ".join(lw[i:i + n]) in _media():
                return " ".join(words[i:i + n])
    core = re.split(r"\s(?:for|of|in|at|from|with|on|who|which|that)\s", t, maxsplit=1)[0]
    words = re.findall(r"[A-Za-z][A-Za-z-]*", core)
    lw = [w.casefold() for w in words]
    if not lw or set(lw) & _NOT_MEDIA:
        return None
    head, before = lw[-1], set(lw[:-1])
    if head in ("agency", "agencies", "reports", "report", "outlets", "outlet"):
        return t if before & {"news", "media", "newspaper", "press", "wire"} or (
            head.startswith("agenc") and words[0][:1].isupper() and len(words) > 1) else None
    if head in MEDIA_WORDS:
        return t
    return None


# ----------------------------------------------------------------------------- publisher

def publisher(text: str, outlet: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The article's publisher (metadata or feed outlet, else the dateline agency) and the
    chain its dateline adds ("(Reuters) -" in another outlet's article)."""
    dl = dateline(text)
    agency = dl.agency if dl else None
    if outlet:
        if agency and not same_outlet(agency, outlet):
            return outlet, (media_name(agency) or agency,)
        return outlet, ()
    return (media_name(agency) or agency) if agency else None, ()


def outward_chain(publisher_name: str | None, *parts: Sequence[str]) -> tuple[str, ...]:
    """One chain from the article outwards, without the publisher and without repeats."""
    out: list[str] = []
    for part in parts:
        for name in part:
            if same_outlet(name, publisher_name) or any(same_outlet(name, o) for o in out):
                continue
            out.append(name)
    return tuple(out)


# ----------------------------------------------------------------------------- phrases

def _phrase_span(tok: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok``: no clauses, appositions or
    trailing prepositional phrases beyond "of/for/in/at/from" modifiers."""
    keep = [tok]
    # "Agence France-Presse": a hyphen inside a name before its head
    keep += [c for c in tok.children if c.dep_ == "punct" and c.text in ("-", "–") and c.i < tok.i
             and c.i > 0 and not c.doc[c.i - 1].whitespace_]
    keep += [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i
             and not any(x.dep_ in ("relcl", "acl") for x in c.subtree)]
    keep += [p for c in keep[1:] for p in tok.doc[tok.i + 1:c.i] if p.is_punct]
    stack = [c for c in tok.children if c.dep_ not in _CLAUSE_DEPS or (
        c.dep_ == "prep" and c.lower_ in ("of", "for", "in", "at", "from", "with")
        and c.i > tok.i)]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "appos", "advcl",
                                                           "parataxis", "punct", "ccomp"))
    idx = {t.i for t in keep}
    lo = hi = tok.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    doc = tok.doc
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _phrase_text(tok: Token) -> str:
    s, e = _phrase_span(tok)
    return tok.doc.text[s:e]


def _anonymous(text: str, head_lemma: str, plural: bool, has_name: bool) -> bool:
    if ANON_RE.search(text) or head_lemma == "source":
        return True
    if has_name or head_lemma in ON_RECORD_HEADS:
        return False
    words = text.casefold().split()
    if head_lemma in ANON_HEADS and not plural:
        return True
    return bool(words) and words[0] in ("a", "an", "one") and head_lemma in ANON_HEADS


def _speaker(tok: Token, ctx: SentenceContext, sentence_text: str) -> Speaker | None:
    if tok.pos_ == "PRON" and tok.lower_ in ("it", "i", "we", "this", "that", "which", "who"):
        return None
    s, e = _phrase_span(tok)
    text = tok.doc.text[s:e]
    actors = code_head(tok, ctx)
    a = actors[0] if actors else None
    head = tok.lemma_.lower()
    names = any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in tok.subtree) or (
        tok.pos_ == "PROPN")
    appos = [c for c in tok.children if c.dep_ == "appos"]
    anon = _anonymous(text, head, tok.tag_ in ("NNS", "NNPS"), names or bool(
        [c for c in appos if c.pos_ == "PROPN"])) or bool(
        ANON_RE.search(sentence_text) and tok.pos_ != "PRON" and not names)
    return Speaker(text, a.country if a else None, a.sector if a else None, anon, s, e)


def _is_source(tok: Token) -> bool:
    """Whether a cited phrase is a source (a person, an outlet, "sources"), not a reason."""
    return bool(media_name(_phrase_text(tok))) or tok.pos_ in ("PROPN", "PRON") or \
        tok.lemma_.lower() in ANON_HEADS | ON_RECORD_HEADS | {"official", "police", "ministry"}


def _objects(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("dobj", "obj", "dative")]


def _pobjs(tok: Token, preps: Sequence[str]) -> list[Token]:
    return [g for c in tok.children if c.dep_ in ("prep", "agent", "dative")
            and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def _depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


# ----------------------------------------------------------------------------- one sentence

# speech verbs that only speak with a clause: "observed that …" (not "observed the truce"),
# "maintained that …" (not "maintain capability"); value: the relations that clause may have
_CLAUSE_ONLY_SPEECH: dict[str, tuple[str, ...]] = {"observe": ("ccomp",),
                                                   "maintain": ("ccomp", "parataxis")}


def _subject(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ == "nsubj"), None)


def _shared_subject(tok: Token, deps: tuple[str, ...]) -> Token | None:
    """The subject of the verb a subjectless verb hangs on ("…, saying that", "and added")."""
    if tok.dep_ in deps and tok.head.pos_ in ("VERB", "AUX"):
        return _subject(tok.head)
    return None


def _speech_priority(tok: Token) -> int:
    """Main-clause speech verbs give the sentence's speaker before embedded ones."""
    return 1 if tok.dep_ in ("ROOT", "ccomp", "parataxis") else 3


def sentence_attribution(doc: Doc, ctx: SentenceContext) -> SentenceAttribution:
    """Reporting chain and speaker stated inside one parsed sentence."""
    chain: list[str] = []
    speakers: list[tuple[int, Speaker]] = []  # (priority, speaker); lower wins
    speech: list[int] = []
    sentence_wide = False
    reportedly = False
    passive_reports: list[int] = []
    clause_speech: list[int] = []
    refers_back = False
    speech_l, report_l, cite_l = speech_lemmas(), report_lemmas(), _lexicon()["cite"]

    def source(tok: Token, prio: int) -> None:
        """A source phrase: a news organisation joins the chain, anyone else may speak."""
        name = media_name(_phrase_text(tok))
        if name and tok.pos_ == "PROPN" and tok.lower_ not in name.lower() and any(
                c.dep_ == "poss" for c in tok.subtree):
            # "according to the Guardian's commentator Simon Tisdall": the outlet is only
            # whose the person is; the person speaks, through the outlet
            chain.append(name)
            sp = _speaker(tok, ctx, doc.text)
            if sp is not None:
                speakers.append((prio, sp))
        elif name:
            chain.append(name)
        elif tok.lemma_.lower() in _DOCUMENTS:
            return  # "according to a report carried by Xinhua": the report is no speaker
        else:
            sp = _speaker(tok, ctx, doc.text)
            if sp is not None:
                speakers.append((prio, sp))

    for tok in sorted(doc, key=_depth):  # main clauses first
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low in ("reportedly", "purportedly", "allegedly"):
            reportedly = reportedly or low != "allegedly"
        # "according to X"; "as per X" (Indian English)
        if low in ("according", "as") and tok.i + 1 < len(doc) and \
                doc[tok.i + 1].lower_ == ("to" if low == "according" else "per"):
            to = doc[tok.i + 1]
            objs = [g for g in to.children if g.dep_ == "pobj"]
            if not objs and tok.i + 2 < len(doc):
                g = doc[tok.i + 2]
                objs = [g.head if g.head.i > tok.i and g.head.pos_ in ("NOUN", "PROPN") else g]
            if tok.i + 2 < len(doc) and doc[tok.i + 2].tag_ in ("WDT", "WP"):
                continue  # "the scenario according to which …": no source
            if objs and all(o.lemma_.lower() in _NOT_SOURCES for o in objs):
                continue  # "moving in according to a planned strategy"
            if low == "as":
                objs = [o for o in objs if _is_source(o) or o.ent_type_ in ("PERSON", "ORG")
                        or o.lemma_.lower() in _DOCUMENTS | _RECORDS]
                if not objs:
                    continue  # "as per schedule", "as per the agreement"
            for o in objs:
                _source_with_relatives(o, source, 0, chain)
            speech.append(tok.i)
            sentence_wide = _relative_clause_of(tok) is None
            continue
        if lemma in ("understand", "learn", "hear") and tok.pos_ == "VERB":
            # "The Guardian understands from diplomatic sources that …" (the parse may hang
            # the that-clause on the sources)
            froms = [o for o in _pobjs(tok, ("from",)) if _is_source(o) and (
                any(c.dep_ == "ccomp" for c in tok.children)
                or any(g.dep_ == "relcl" and g.i > o.i for g in o.children))]
            for o in froms:
                source(o, 1)
            if froms:
                speech.append(tok.i)
            continue
        if tok.pos_ in ("VERB", "AUX") and _directive(tok) and tok.dep_ not in ("relcl", "acl"):
            # "he urged leaders not to …", "X called for an inquiry": X speaks, but what is
            # urged is no report (see _in_scope)
            subj = _subject(tok) or _shared_subject(tok, ("conj", "advcl"))
            if subj is not None and not media_name(_phrase_text(subj)):
                speech.append(tok.i)
                sp = _speaker(subj, ctx, doc.text)
                if sp is not None:
                    speakers.append((_speech_priority(tok), sp))
            continue
        if tok.pos_ not in ("VERB", "AUX") or lemma not in speech_l | report_l:
            continue
        if lemma in _CLAUSE_ONLY_SPEECH and not any(c.dep_ in _CLAUSE_ONLY_SPEECH[lemma]
                                                     for c in tok.children):
            continue  # "both sides observed the truce", "they maintain capability": no speech
        if lemma == "deny" and any(c.dep_ == "auxpass" for c in tok.children) and any(
                c.dep_ in ("dobj", "obj") and c.lemma_.lower() in REFUSED_NOUNS
                for c in tok.children):
            continue  # "anyone affiliated with the militias had been denied entry": a refusal
        if lemma in cite_l and tok.dep_ in ("advcl", "xcomp", "conj", "acl", "relcl") and \
                tok.head.lemma_.lower() in speech_l | report_l:
            continue  # "citing Y" is read with the verb it hangs on
        subj = _subject(tok)
        psubj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        agents = _pobjs(tok, ("by",))
        # "condemned the violence saying that …" (the parse hangs "saying" on the object):
        # the speaker is the verb's subject
        misplaced = tok.dep_ == "acl" and tok.tag_ == "VBG" and \
            tok.head.dep_ in ("dobj", "obj") and tok.head.head.pos_ in ("VERB", "AUX") and \
            any(c.dep_ == "ccomp" for c in tok.children)
        if misplaced and subj is None:
            subj = _subject(tok.head.head)
        if tok.dep_ in ("relcl", "acl") and lemma not in report_l and not misplaced:
            if tok.dep_ == "relcl" and any(c.dep_ == "ccomp" for c in tok.children):
                clause_speech.append(tok.i)  # "forces who said clashes were continuing":
                # no source of the sentence, but its own clause is what it reports
            continue  # "Isis, which has claimed responsibility …": not the sentence's source
        if lemma == "speak" and not ANON_RE.search(doc.text):
            continue
        if lemma == "carry" and any(c.dep_ == "prt" for c in tok.children):
            continue  # "carried out by LeT": LeT is the actor, not a source
        if subj is None and psubj is None:
            subj = _shared_subject(tok, ("advcl", "xcomp", "conj"))
        prio = _speech_priority(tok)
        if tok.dep_ in ("xcomp", "advcl", "acl", "ccomp") and _to_infinitive(tok) and \
                lemma not in cite_l and tok.head.lemma_.lower() not in NEGATIVE_GOVERNORS:
            speech.append(tok.i)
            continue  # "De Mistura's aim is to report on …": a speech act still to come
        speech.append(tok.i)
        if tok.dep_ in ("pcomp", "advcl") and tok.head.lower_ == "with" and subj is not None:
            continue  # "…, with Moscow denying Kiev's claims": a side remark, no speaker
        if tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod")
                                       and c.lower_ in _TEMPORAL_MARKS | {"when"}
                                       for c in tok.children):
            clause_speech.append(tok.i)
            continue  # "weeks after Trump said the group was defeated": a past statement
            # that dates the sentence; it is not the sentence's source
        if lemma == "quote" and psubj is not None:  # "X was quoted as saying", "quoted by M"
            source(psubj, 0)
            for a in agents:
                source(a, 0)
            for o in _pobjs(tok, ("in", "on", "by")):
                name = media_name(_phrase_text(o))
                if name:
                    chain.insert(0, name)
            continue
        if psubj is not None and agents:  # "was reported by intelligence agencies"
            for a in agents:
                source(a, prio)
            if lemma in report_l:
                sentence_wide = True
            continue
        if psubj is not None and lemma in report_l:  # "X was reported to have …"
            # "no casualties were reported": a count of nothing, not a source
            if not any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither"))
                       for c in (*psubj.children, *tok.children)):
                passive_reports.append(tok.i)
            continue
        if subj is None:
            continue
        subj_media = media_name(_phrase_text(subj))
        for c in subj.subtree:  # "one of the officials quoted by the Associated Press said"
            if c.dep_ == "acl" and c.lemma_.lower() in ("quote", "cite") and c.tag_ == "VBN":
                for o in _pobjs(c, ("by",)):
                    name = media_name(_phrase_text(o))
                    if name:
                        chain.append(name)
        if (subj.lower_ == "it" and subj.pos_ == "PRON") or (
                subj_media and GENERIC_MEDIA_RE.match(_phrase_text(subj))):
            refers_back = True  # "It said", "the news agency reported": resolved across
        if subj_media or (lemma in report_l and subj.ent_type_ == "ORG" and lemma != "quote"):
            chain.append(subj_media or _phrase_text(subj))
            sentence_wide = True
        elif lemma in ("quote", "cite") and subj.pos_ == "PRON":
            pass  # "He quoted Trump as saying": the quoted one speaks
        elif lemma not in ("quote", "cite", "carry", "publish", "broadcast"):
            sp = _speaker(subj, ctx, doc.text)
            if sp is not None:
                speakers.append((prio, sp))
        if lemma in ("quote", "cite"):
            for o in _objects(tok):
                if _is_source(o):
                    source(o, 0)
        if lemma in ("tell", "confirm", "say", "claim", "speak", "write"):
            # "Y told AFP", "confirmed to the Guardian", "in a phone call to the BBC"
            told = _objects(tok) + _pobjs(tok, ("to",))
            told += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                     for g in c.children if g.dep_ == "pobj"
                     for g2 in _pobjs(g, ("to",)) for g in [g2]]
            told += [o for g in tok.subtree if g.lemma_.lower() in _CONTACT_NOUNS
                     and g.i > tok.i for o in _pobjs(g, ("to", "with"))]
            told = sorted(set(told), key=lambda o: o.i)
            names = [media_name(_phrase_text(o)) for o in told]
            for k in range(len(told) - 1):  # "told times news network": one outlet, two parts
                a, b = told[k], told[k + 1]
                joined = doc[a.left_edge.i:b.right_edge.i + 1].text
                if b.left_edge.i == a.right_edge.i + 1 and _clean(joined).casefold() in _media():
                    names[k], names[k + 1] = joined, None
            for name in names:
                if name:
                    chain.append(name)
        cites = [*tok.children, *(subj.children if subj is not None else ())]
        for c in cites:  # "TASS reported, citing AFP"; "Xinhua, quoting sources, said"
            if c.dep_ == "appos" and any(g.dep_ == "amod" and g.lemma_.lower() in cite_l
                                         for g in c.children):
                source(c, 0)  # the parse of "Xinhua, quoting sources, said"
            if c.dep_ in ("advcl", "xcomp", "conj", "acl") and c.lemma_.lower() in cite_l:
                for o in _objects(c):
                    if _is_source(o):
                        source(o, 0)
    seen: list[str] = []
    for name in chain:
        if not any(same_outlet(name, s) for s in seen):
            seen.append(name)
    speaker = min(speakers, key=lambda p: p[0])[1] if speakers else None
    anon = bool(speaker and speaker.anonymous)
    return SentenceAttribution(tuple(seen), speaker, anon, reportedly, tuple(speech),
                               sentence_wide, refers_back, tuple(passive_reports),
                               tuple(clause_speech))


def _source_with_relatives(o: Token, source, prio: int, chain: list[str]) -> None:
    """"according to Global Newsdesk, which cited an Indian defence official"."""
    source(o, prio)
    for rel in o.children:
        if rel.dep_ in ("relcl", "acl") and rel.lemma_.lower() in ("cite", "quote"):
            for g in _objects(rel):
                source(g, 0)
        if rel.dep_ == "acl" and rel.lemma_.lower() in ("carry", "publish", "report"):
            for g in _pobjs(rel, ("by",)):  # "quotes carried by the Fars news agency"
                source(g, 0)


# ----------------------------------------------------------------------------- an article

def sentence_context(text: str, start: int, end: int, matches: Sequence[ActorMatch],
                     lexicon: ActorLexicon, dyad: tuple[str, ...] = ()) -> SentenceContext:
    """A SentenceContext for one sentence (offsets made sentence-relative), no place lookup."""
    local = tuple(replace(m, start=m.start - start, end=m.end - start)
                  for m in matches if m.start >= start and m.end <= end)
    return SentenceContext(local, lexicon, lambda s, e: None, dyad)


def _regex_speaker(text: str, base: int, matches: Sequence[ActorMatch],
                   lexicon: ActorLexicon, quote_end: int | None = None) -> Speaker | None:
    """A speaker read from raw text (for sentences the parser did not see)."""
    m = None
    if quote_end is not None:
        m = QUOTE_ATTRIBUTION_RE.match(text, quote_end - 1) if quote_end > 0 else None
    if m is None:
        m = TRAILING_RE.search(text) or LEADING_RE.search(text)
    if m is None:
        return None
    group = next(g for g in ("s1", "s2", "s") if g in m.groupdict() and m.group(g))
    s, e = m.span(group)
    phrase = text[s:e].strip()
    if not phrase or len(phrase.split()) > 10 or phrase.casefold() in ("it", "i", "we"):
        return None
    s = text.index(phrase, s)
    e = s + len(phrase)
    inside = [x for x in matches if base + s <= x.start and x.end <= base + e]
    country = next((x.country for x in inside if x.country), None)
    head = phrase.split()[-1].casefold()
    sector = lexicon.sector_of(head) or next((x.sector for x in inside if x.sector), None)
    has_name = any(w[:1].isupper() for w in phrase.split()[1:]) or (phrase[:1].isupper() and \
        phrase.split()[0].casefold() not in ("the", "a", "an", "one", "two", "three", "four"))
    anon = _anonymous(phrase, head.rstrip("s") if head.endswith("sources") else head,
                      head.endswith("s") and not head.endswith("ss"), has_name)
    return Speaker(phrase, country, sector, anon, base + s, base + e)


def _quote_balance(text: str) -> int:
    """Quotes opened minus quotes closed in a sentence (curly quotes; straight ones count as
    opening at the start of the sentence and closing elsewhere)."""
    opened = sum(text.count(q) for q in OPEN_QUOTES)
    closed = sum(text.count(q) for q in CLOSE_QUOTES)
    straight = text.count('"')
    if straight:
        if text.lstrip().startswith('"'):
            opened += 1
            closed += straight - 1
        else:
            closed += straight
    return opened - closed


def _quote_state(text: str, depth: int) -> int:
    """1 when a quote is open at the end of ``text``, given ``depth`` at its start. Quotes
    do not nest: an opening mark while one is open starts a new quote (the previous
    paragraph's quote ran to its end, as news style leaves it unclosed)."""
    for k, ch in enumerate(text):
        if ch in OPEN_QUOTES:
            depth = 1
        elif ch in CLOSE_QUOTES:
            depth = 0
        elif ch == '"':  # a straight quote opens after a space or at the start
            depth = 1 if (k == 0 or text[k - 1].isspace() or text[k - 1] in "([") else 0
    return depth


def article_attributions(text: str, sentences: Sequence[tuple[int, int]],
                         parsed: Mapping[int, tuple[Doc, SentenceContext]],
                         matches: Sequence[ActorMatch], lexicon: ActorLexicon
                         ) -> dict[int, SentenceAttribution]:
    """The attribution of every sentence (by index), across sentence boundaries.

    ``parsed`` maps a sentence index to its parse; the other sentences are read from the raw
    text (a closing '…," the official said.' needs no parse).
    """
    out: dict[int, SentenceAttribution] = {}
    for i, (s, e) in enumerate(sentences):
        if i in parsed:
            doc, ctx = parsed[i]
            att = sentence_attribution(doc, ctx)
            if att.speaker is not None:
                att = replace(att, speaker=_shift(att.speaker, s))
        else:
            sp = _regex_speaker(text[s:e], s, matches, lexicon)
            att = SentenceAttribution(speaker=sp, anonymous=bool(sp and sp.anonymous),
                                      sentence_wide=sp is not None)
        out[i] = att
    _resolve_back(out, len(sentences))
    # quote state at the start of each sentence
    inside = [False] * len(sentences)
    depth = 0
    for i, (s, e) in enumerate(sentences):
        if i and text.count("\n\n", sentences[i - 1][1], s):
            depth = 0 if depth < 0 else depth  # quotes may run over paragraphs
        inside[i] = depth > 0
        depth = _quote_state(text[s:e], depth)
    for i, (s, e) in enumerate(sentences):
        att = out[i]
        if att.speaker is not None or att.chain:
            continue
        seg = text[s:e]
        quoted = inside[i] or _quote_balance(seg) > 0 or seg.lstrip()[:1] in "“\""
        if not quoted:
            continue
        sp = None
        # forward: the sentence where this quote closes, '…," X said.'
        for j in range(i, min(i + 5, len(sentences))):
            js, je = sentences[j]
            jt = text[js:je]
            close = _closing_quote(jt, opened_before=j > i or inside[i])
            if close is None:
                continue
            cand = _regex_speaker(jt, js, matches, lexicon, quote_end=close + 1)
            if cand is not None and cand.start is not None and cand.start >= js + close:
                sp = cand
            else:
                later = out[j].speaker if j != i else None
                if later is not None and later.start is not None and later.start >= js + close:
                    sp = later
            break
        # backward: a quote that continues what the sentence before attributed
        if sp is None and i > 0 and (inside[i] or seg.lstrip()[:1] in "“\""):
            prev = out[i - 1]
            if prev.speaker is not None:
                sp = prev.speaker
        if sp is not None:
            out[i] = replace(att, speaker=sp, anonymous=sp.anonymous, sentence_wide=True)
    return out


def _resolve_back(out: dict[int, SentenceAttribution], n: int) -> None:
    """"CBS News first reported the move. Citing sources, it said …": an "it"/"the agency"
    that reports takes the outlet of the nearest earlier sentence (up to three back) that
    named one; a sentence with a non-media speaker in between stops the search."""
    for i in range(n):
        att = out[i]
        if not att.refers_back:
            continue
        named = [c for c in att.chain if not GENERIC_MEDIA_RE.match(c)]
        if named:
            continue
        antecedent = None
        for j in range(i - 1, max(-1, i - 4), -1):
            prev = out.get(j)
            if prev is None:
                continue
            names = [c for c in prev.chain if not GENERIC_MEDIA_RE.match(c)]
            if names:
                antecedent = names[0]
                break
            if prev.speaker is not None:
                break
        if antecedent is not None:
            out[i] = replace(att, chain=(antecedent,), sentence_wide=True)


def _closing_quote(text: str, opened_before: bool) -> int | None:
    """Offset of the quote mark that closes the quote running through ``text``."""
    depth = 1 if opened_before else 0
    for k, ch in enumerate(text):
        if ch in OPEN_QUOTES or (ch == '"' and depth == 0):
            depth += 1
        elif ch in CLOSE_QUOTES or (ch == '"' and depth > 0):
            depth -= 1
            if depth == 0:
                return k
    return None


def _shift(sp: Speaker, base: int) -> Speaker:
    return replace(sp, start=None if sp.start is None else sp.start + base,
                   end=None if sp.end is None else sp.end + base)


# ----------------------------------------------------------------------------- status

def _under_passive_report(doc: Doc, ev_tok: int, verb: int) -> bool:
    """"Shelling was reported in the district", "two were reported killed": the passive
    report verb's subject and complement; "…, and troops arrested two men" is not."""
    node = doc[ev_tok]
    while node.head != node and node.i != verb:
        if node.head.i == verb:
            return node.dep_ in ("nsubjpass", "xcomp", "ccomp", "oprd", "acomp", "attr")
        node = node.head
    return False


def _relative_clause_of(t: Token) -> Token | None:
    """The relative clause the word is in ("which, according to them, were …"), if any."""
    node = t
    while node.head != node:
        if node.dep_ == "relcl":
            return node
        node = node.head
    return None


def _quote_opens(doc: Doc, after: int, upto: int) -> bool:
    """An opening quotation mark just before the clause, after the speech verb: 'told TNN: "as
    peace returns, …"' quotes the clause."""
    return upto - 1 > after and (doc[upto - 1].tag_ == "``" or doc[upto - 1].text == "\u201c")


# "urged leaders not to …", "appealed for calm": a speaker whose words ask for something
_DIRECTIVE_SPEECH = DIRECTIVE_LEMMAS
# "told them to issue an appeal", "asked him to step down": the act asked for is to come
_ASK_VERBS = frozenset({"tell", "ask", "request", "advise", "persuade", "invite", "encourage",
                        "beg", "press", "call"})


def _directive(tok: Token) -> bool:
    """A speech act that asks rather than reports: "urged", "appealed", "called for/on"."""
    low = tok.lemma_.lower()
    return low in _DIRECTIVE_SPEECH or (low == "call" and any(
        c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in tok.children))


def _in_scope(doc: Doc, ev_tok: int, speech_tok: int) -> bool:
    """Whether the event at ``ev_tok`` is part of what the speech verb reports."""
    if ev_tok == speech_tok:
        return False
    t, v = doc[ev_tok], doc[speech_tok]
    if _directive(v):
        return False  # what is urged or called for is not reported as having happened
    if v.lower_ in ("according", "as"):
        rel = _relative_clause_of(v)
        if rel is not None and rel != t and rel not in t.ancestors:
            return False  # "organisations which, according to them, were bent upon …"
        # "…, according to intelligence over the Salisbury attack": the source's own phrase
        # is no part of what it reports
        return not _in_source_phrase(doc, ev_tok, speech_tok)
    # the event inside the verb's complement: "X said (that) troops fired"
    node = t
    while node.head != node:
        if node.dep_ in ("acl", "relcl") and appended_charge(node.head):
            return False  # "India blamed X, a claim that Pakistan denies": the author's aside
        if node.head == v:
            if node.i > v.i and any(c.dep_ == "ccomp" and c.i < v.i for c in v.children) and (
                    (node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass")
                                                 for c in node.children))
                    or (node.dep_ == "prep" and node.lower_ == "with" and any(
                        (a.dep_ == "acl" and a.tag_ in ("VBN", "VBG"))
                        or (a.dep_ == "pcomp" and any(c.dep_ == "nsubj" for c in a.children))
                        for g in node.children for a in g.subtree))):
                return True  # "Aid is hard to deliver, the UN said, with requests denied and
                # convoys stripped": what follows a postposed speech verb goes on with it
            if node.dep_ == "prep" and node.lower_ in _TIME_PREPS | _SETTING_PREPS:
                return False  # "told CNN after meeting with Pence", "in a statement"
            if node.dep_ == "advcl" and node.i > v.i and any(
                    c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS | {"when", "as", "while"}
                    for c in node.children) and not _quote_opens(doc, v.i, node.left_edge.i):
                return False  # "accused the US of …, after Washington announced plans"
            if node.dep_ == "advcl" and (node.i < v.i or (
                    node.tag_ == "VBG" and node.lemma_.lower() not in speech_lemmas()
                    | _lexicon()["cite"])) and not _quote_opens(doc, v.i, node.left_edge.i):
                return False  # "rejected the report, calling it … and demanding …",
                # "Speaking after the attack, the governor said …"
            if node.dep_ in ("dobj", "dative", "iobj") and v.lemma_.lower() == "tell":
                return False  # "told reporters at the scene of the bombing"
            if node.dep_ in ("dobj", "obj") and v.lemma_.lower() in _DENIAL and any(
                    c.dep_ == "prep" and c.lower_ == "as" for c in v.children):
                return False  # "dismissed the incidents of violence as of little consequence"
            if node.dep_ == "conj" and v.tag_ == "VBD" and any(
                    c.dep_ == "aux" and c.lower_ == "had" for c in node.children) and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                return True  # "said some had returned, but others had been denied entry":
                # the pluperfect goes on with the reported content
            return node.dep_ not in ("conj", "cc", "nsubj", "nsubjpass", "agent", "relcl")
        node = node.head
    # the verb in a parenthetical under the event's clause: "Troops fired, X said"
    anc = [t, *t.ancestors]
    doc_ = t.doc
    between_commas = v.i + 1 < len(doc_) and doc_[v.i + 1].lower_ == "," and any(
        w.lower_ == "," for w in doc_[max(0, v.i - 4):v.i])
    attached = v.head in anc or (between_commas and v.head.dep_ == "advmod"
                                 and v.head.head in anc)  # "besides, they said, …"
    return attached and v.dep_ in ("parataxis", "ccomp") and (
        v.i > t.i or (between_commas and v.dep_ == "parataxis")) and any(
        c.dep_ == "nsubj" for c in v.children)


# "denied any involvement in the attack": the role is denied, the attack itself is not
ROLE_NOUNS = frozenset({"involvement", "role", "complicity", "hand", "part", "link", "links",
                        "participation", "responsibility", "connection", "collusion", "delay"})
# "a possible attack", "the feared crackdown"; "the planned offensive", "upcoming talks"
HYPOTHETICAL_ADJ = frozenset({"possible", "potential", "feared", "likely", "probable",
                              "threatened", "hypothetical", "prospective", "rumoured",
                              "rumored"})
FUTURE_ADJ = frozenset({"planned", "proposed", "scheduled", "upcoming", "forthcoming",
                        "impending", "imminent", "intended", "expected", "coming", "vowed",
                        "promised", "pledged", "mooted"})
# "the foiled attack", "a thwarted plot"
NEGATED_ADJ = frozenset({"foiled", "thwarted", "averted", "prevented", "aborted"})
# "prevented an attack", "foiled a plot to bomb the station", "stopped them from attacking"
PREVENT_VERBS = frozenset({"prevent", "foil", "thwart", "avert", "forestall", "preempt",
                           "pre-empt", "frustrate"})
# "the risk of war", "the threat of airstrikes": an event that may come
HYPOTHETICAL_HEADS = frozenset({"risk", "threat", "fear", "danger", "possibility", "prospect",
                                "spectre", "specter", "likelihood", "chance", "prospects",
                                "feasibility", "hope", "hopes", "question"})
# "vowed to attack again": a commitment to a future act; "threatened to strike": a threat
FUTURE_COMMITMENT = frozenset({"vow", "pledge", "promise", "swear", "resolve", "order",
                               "direct", "instruct"})
# "ordered a full withdrawal", "announced a ceasefire from midnight": the act is still to come
_ORDER_VERBS = frozenset({"order", "direct", "instruct", "command"})
HYPOTHETICAL_COMMITMENT = frozenset({"threaten"})
# "reports that troops fired", "allegations that police beat protesters"
REPORT_NOUNS = frozenset({"report", "claim", "rumour", "rumor", "account", "word", "news"})
ALLEGATION_NOUNS = frozenset({"allegation", "accusation", "charge", "suspicion"})
_NOBODY = frozenset({"nobody", "none", "nothing", "noone"})
# verbs of beginning: "the withdrawal will begin" has not happened yet; verbs of going on or
# ending ("the violence would end") presuppose the event and are left out
ASPECTUAL_VERBS = frozenset({"begin", "start", "resume", "commence"})
# "violence could have spread", "clashes did not erupt": the subject event's modality
SPREAD_VERBS = frozenset({"spread", "erupt", "flare", "ensue", "recur", "materialise",
                          "materialize", "unfold"})
# "the absence of violence", "a lack of fighting"
NEGATIVE_HEADS = frozenset({"absence", "lack"})
# "plans for an offensive", "preparations for talks"
FUTURE_HEADS = frozenset({"plan", "preparation", "proposal", "timetable", "schedule",
                          "anticipation"})
# "the battle to recapture the town", "an offensive to oust them": an operation's purpose
_OPERATION_NOUNS = frozenset({"battle", "operation", "offensive", "campaign", "push", "drive",
                              "effort", "assault", "war", "crackdown"})
# "a mission to investigate", "its ambition to use Syria as a base": the act is intended
PURPOSE_NOUNS = frozenset({"mission", "ambition", "aim", "goal", "objective", "intention",
                           "intent", "purpose"})
# "the capability to produce new ones": an ability is a possibility, and "does not have the
# power to identify", "lacks the means to strike" negate the act
ABILITY_NOUNS = frozenset({"capability", "capacity", "ability", "power", "means",
                           "wherewithal"})
# "is likely to attack", "stands ready to strike"
HYPOTHETICAL_GOVERNORS_ADJ = frozenset({"likely", "possible", "ready", "able", "willing",
                                        "prepared"})
# "unwilling to negotiate", "not willing to meet": the act is not done
_UNWILLING_ADJ = frozenset({"unwilling", "unable"})
_WILLING_ADJ = frozenset({"willing", "able", "ready", "prepared"})
# "failed to arrest", "refused to withdraw": the event did not happen
NEGATIVE_GOVERNORS = frozenset({"fail", "refuse", "decline", "neglect"})
NEGATIVE_NOUNS = frozenset({"failure", "refusal", "inability"})
# "suspected of carrying out the bombing", "accused X of shelling", "charged with murder"
# "arrested for rioting", "booked for murder": the offence is what the accused is charged with
_SUSPICION = {"suspect": ("of",), "suspicion": ("of",), "accuse": ("of",),
              "charge": ("with", "for"), "blame": ("for",), "allegation": ("of",),
              "accusation": ("of",), "arrest": ("for",), "book": ("for", "under"),
              "detain": ("for",), "indict": ("for",), "prosecute": ("for",)}
# "it is learnt that", "X is said to have", "is understood to": a source behind the text
_EVIDENTIAL_PASSIVES = frozenset({"say", "report", "claim", "learn", "understand", "rumour",
                                  "rumor"})
_CREDIT = frozenset({"responsibility", "credit"})
_CLAIM_OF_CREDIT_VERBS = frozenset({"claim", "take", "assume", "accept", "bear"})
_DENIAL = DENIAL_LEMMAS | {"denial"}
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her",
                       "our"})
# up a noun phrase or a non-finite complement, inside one clause
_PHRASE_DEPS = frozenset({"dobj", "obj", "pobj", "pcomp", "prep", "compound", "nmod", "amod",
                          "appos", "conj", "attr", "oprd"})


# the event as a gerund's object: "reaching a ceasefire deal", not "recovering from genocide"
_GERUND_OBJECT_DEPS = frozenset({"dobj", "obj", "compound", "nmod", "amod"})


def _climb(t: Token, deps: frozenset[str] = _PHRASE_DEPS, limit: int = 6) -> list[Token]:
    """``t`` and the words it hangs on inside its clause (through objects, prepositions,
    compounds and conjuncts), nearest first."""
    out = [t]
    node = t
    for _ in range(limit):
        if node.head == node or node.dep_ not in deps:
            break
        node = node.head
        out.append(node)
    return out


_POSSESSIVE_PRONOUNS = frozenset({"my", "our", "your", "his", "her", "its", "their"})


def _definite(t: Token) -> bool:
    """An event noun that presupposes its event: "the attack", "India's strike"."""
    return t.pos_ in ("NOUN", "PROPN") and any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in t.children)


def _own_negation(t: Token) -> bool:
    """A negation on the word itself; "not only … but also" and "did not start until May"
    are none."""
    doc = t.doc
    until = any(c.dep_ == "prep" and c.lower_ in ("until", "till") for c in t.children)
    return any((c.dep_ == "neg" and not until
                and not (c.i + 1 < len(doc) and doc[c.i + 1].lower_ == "only"))
               or (c.dep_ == "det" and c.lower_ in ("no", "neither"))
               or no_longer(c) for c in t.children)


def _negation_applies(t: Token) -> bool:
    """Whether a negation the event inherits is about the event: on the trigger itself, on
    the verb it is the object or subject of when that verb only carries it ("did not carry
    out the attack", "the attack did not take place"), or up infinitives and conjuncts that
    share a subject. "did not give details of the attack", "did not comment on reports of
    shelling", "Troops did not fire, but militants attacked": the event is not negated."""
    if _own_negation(t):
        return True
    node = t
    if t.pos_ in ("NOUN", "PROPN"):
        if t.dep_ == "pobj" and t.head.lower_ == "of" and \
                t.head.head.lemma_.lower() in NONE_OF and _own_negation(t.head.head):
            return True  # "no incidents of violence"
        v = _clause_verb(t)
        if v is None and t.dep_ in ("nsubj", "nsubjpass") and (
                t.head.lemma_.lower() in OCCUR_VERBS | LIGHT_VERBS or _occurrence_verb(t.head)):
            v = t.head
        if v is None:
            return False
        node = v
    for _ in range(4):
        if _own_negation(node):
            return True
        shared = node.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children) and not any(
            c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in node.head.children)
        if node.dep_ in ("xcomp", "acomp") or shared:
            node = node.head
            continue
        break
    return False


def _role_presupposed(doc: Doc, i: int) -> bool:
    """The event sits under a role noun that a denial denies ("denied any involvement in the
    attack", "dismissed charges of complicity in the rioting")."""
    for up in _climb(doc[i])[1:]:
        if up.lemma_.lower() in _DENIAL:
            return False
        if up.lemma_.lower() in ROLE_NOUNS and up.pos_ == "NOUN":
            return True
    return False


def _conditional(doc: Doc, i: int) -> bool:
    """Inside an "if"/"unless"/"whether" clause; a definite event noun there keeps its
    presupposition ("if we had involved them in the operation": the operation happened)."""
    t = doc[i]
    own = _clause_verb(t)
    for a in [t, *t.ancestors]:
        if a != t and a.pos_ == "NOUN" and a.lemma_.lower() in REPORT_NOUNS | ALLEGATION_NOUNS:
            return False  # "whether he believed reports that she died in a strike"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
               for c in a.children) or (_condition_phrase(a) and (a in (t, own) or (
                   a == t.head and t.dep_ in ("dobj", "obj", "nsubj", "nsubjpass")))):
            return not (_definite(t) and a != t)
    return False


def _condition_phrase(a: Token) -> bool:
    """A verb under "in the event (of/that)" or "in case", or whose "If" the parse hung on
    a noun ("If Trump, with Bolton's encouragement, walks out": "If" → "Trump")."""
    if a.pos_ not in ("VERB", "AUX"):
        return False
    for c in a.children:
        if c.dep_ == "prep" and c.lower_ == "in" and c.i < a.i and any(
                g.dep_ == "pobj" and (g.lemma_.lower() == "event" or (
                    g.lemma_.lower() == "case" and not any(d.dep_ == "det" for d in g.children)))
                for g in c.children):
            return True  # "in the event of the outsiders being denied entry"
        if c.dep_ in ("advcl", "nsubj") and c.pos_ in ("NOUN", "PROPN", "PRON") and any(
                g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
            return True  # the verb itself only, not the clauses hung on it
    return False


def _to_infinitive(v: Token) -> bool:
    """A "to" infinitive ("to withdraw", "to report")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _clause_verb(t: Token) -> Token | None:
    """The verb whose act the event is: the trigger itself, or the light verb of an event
    noun ("impose a curfew", "carry out an attack"); None for the object of a content verb
    ("deter attacks": the attacks are not what is deterred into being)."""
    if t.pos_ in ("VERB", "AUX"):
        return t
    node = t
    if node.dep_ == "pobj" and node.head.dep_ == "prt":
        node = node.head
    if node.dep_ in ("dobj", "obj") and node.head.lemma_.lower() in LIGHT_VERBS:
        return node.head
    return None


def _presupposed_in_condition(doc: Doc, i: int) -> bool:
    """A definite event noun inside a condition ("if we had involved them in the operation")
    presupposes its event: the condition is about something else."""
    t = doc[i]
    return _definite(t) and any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
                                for a in t.ancestors for c in a.children)


def _prevented(t: Token) -> bool:
    """The event is what a prevention verb kept from happening: "prevented an attack",
    "foiled a plot to bomb the station", "prevented militants from attacking", "the attack was
    thwarted"; "did not prevent the attack" lets it happen."""
    node = t
    for _ in range(4):
        if node.head == node:
            return False
        up = node.head
        to_clause = node.dep_ in ("advcl", "acl", "xcomp") and _to_infinitive(node)
        if not (to_clause or node.dep_ in ("dobj", "obj", "pobj", "pcomp", "prep",
                                           "nsubjpass")):
            return False
        if up.lemma_.lower() in PREVENT_VERBS and up.pos_ == "VERB":
            return not _own_negation(up)
        node = up
    return False


def _occurrence_verb(v: Token) -> bool:
    """A verb whose subject event is what begins, happens or spreads ("the withdrawal will
    begin", "violence could have spread", "riots may break out", "violence did not erupt")."""
    lemma = v.lemma_.lower()
    return lemma in ASPECTUAL_VERBS | OCCUR_VERBS | SPREAD_VERBS or (
        lemma == "break" and any(c.dep_ == "prt" and c.lower_ == "out" for c in v.children))


def _presupposed_argument(t: Token) -> bool:
    """A definite event noun as the object of a verb that inherits a modal from a verb above
    it presupposes its event ("will continue …, determined to avenge the Salisbury attack",
    "will travel to Douma to investigate the attack"): the modality is the verb's. A modal on
    the verb itself ("which will mark the defeat of Isis") and the object of a light or
    aspectual verb ("will launch the offensive", "could resume the talks") keep it."""
    if not _definite(t) or t.dep_ not in ("dobj", "obj", "pobj"):
        return False
    if _clause_verb(t) is not None:
        return False
    v = t.head.head if t.dep_ == "pobj" else t.head
    if t.dep_ == "pobj" and v.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in t.children):
        return True  # "would pay for our arrests", "will protest against his arrest"
    if v.pos_ not in ("VERB", "AUX") or any(
            c.dep_ == "aux" and (c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX or c.lemma_ == "will")
            for c in v.children):
        return False
    return v.lemma_.lower() not in LIGHT_VERBS | ASPECTUAL_VERBS | OCCUR_VERBS


def _modal_cues(doc: Doc, i: int) -> tuple[bool, str | None]:
    """Negation and modality the parse shows around the event beyond its own auxiliaries:
    modal adjectives, "failed/refused to", purpose clauses of a future or possible act."""
    t = doc[i]
    negated = False
    modality: str | None = None
    for c in t.children:
        if c.dep_ in ("amod", "compound") or (c.dep_ == "advmod" and t.pos_ == "NOUN"):
            w = c.lower_
            if w in HYPOTHETICAL_ADJ:
                modality = "hypothetical"
            elif w in FUTURE_ADJ and not modality:
                modality = "future"
            elif w in NEGATED_ADJ:
                negated = True
    if _prevented(t):
        negated = True
    if t.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "any"
                                          for c in t.children):
        if t.dep_ in ("dobj", "obj") and _own_negation(t.head):
            negated = True  # "did not face any trouble"
        else:
            modality = "hypothetical"  # "any attack on Pakistan would be met with force"
    # "in the event of the pilgrims being attacked": the event hangs on the noun after "of"
    base = t.head if t.dep_ == "acl" and t.tag_ in ("VBN", "VBG") and \
        t.head.pos_ in ("NOUN", "PROPN", "PRON") else t
    if base.pos_ in ("NOUN", "PROPN", "PRON") and base.dep_ in ("pobj", "pcomp") and \
            base.head.lower_ in ("of", "for"):
        head = base.head.head
        hl = head.lemma_.lower()
        # "in case of an attack", "in the event of an attack"; "in the case of the 62
        # persons arrested" only says whom it is about
        in_case = head.head.lower_ == "in" and (hl == "event" or (
            hl == "case" and not any(c.dep_ == "det" for c in head.children)))
        if head.pos_ == "NOUN" and base.head.lower_ == "of" and (
                hl in HYPOTHETICAL_HEADS or in_case):
            modality = "hypothetical"  # "the risk of war", "in the event of an attack"
        elif hl in FUTURE_HEADS and head.pos_ == "NOUN" and not modality:
            modality = "future"  # "plans for an offensive"
        elif head.lower_ == "ahead" and not modality:
            modality = "future"  # "security was tightened ahead of the talks"
        elif hl in NEGATIVE_HEADS and base.head.lower_ == "of":
            negated = True
    # "instead of attacking", "rather than fighting"
    for node in (t, _clause_verb(t)):
        if node is not None and node.dep_ in ("pobj", "pcomp") and (
                (node.head.lower_ == "of" and (node.head.head.lower_ == "instead" or any(
                    c.lower_ == "instead" for c in node.head.children)))
                or (node.head.lower_ == "than" and node.head.head.lower_ == "rather")
                or (node.head.lower_ == "than" and any(
                    c.lower_ == "rather" for c in node.head.children))):
            negated = True
    # "the withdrawal will begin on Saturday", "talks could resume": an event noun that is the
    # subject of a verb of beginning or happening takes that verb's modality
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass") and \
            _occurrence_verb(t.head) and not modality:
        modality = modality_of(t.head)[1]
        negated = negated or (_own_negation(t.head) and not _conditional(doc, t.head.i))
    # "had neither accepted nor rejected the proposal"
    for node in (t, _clause_verb(t)):
        if node is not None and (any(c.lower_ == "neither" and c.dep_ in ("preconj", "advmod",
                                                                         "cc", "dep")
                                     for c in node.children) or (
                node.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor"
                                            for c in node.head.children))):
            negated = True
    # "withdrew without firing a shot", "left without any fighting"
    for node in (t, _clause_verb(t)):
        if node is not None and node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "without":
            negated = True
    v = _clause_verb(t)
    if v is not None and v.dep_ == "acl" and _to_infinitive(v):
        # "the failure to try Bashir", "a failed attempt to seize the town", "failed in his
        # promise to close it", "refused its request to extradite him"
        noun = v.head
        if noun.lemma_.lower() in NEGATIVE_NOUNS or any(
                c.dep_ == "amod" and c.lower_ in ("failed", "abortive", "unsuccessful")
                for c in noun.children) or (
                noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in NEGATIVE_GOVERNORS
                and noun.head.head.pos_ == "VERB" and not _own_negation(noun.head.head)) or (
                _turned_down(noun) and noun.head.pos_ == "VERB"
                and not _own_negation(noun.head)):
            negated = True  # "rejected the demand to hand over the city"
    # "could lead to the president reaching a deal": a gerund clause after a modal verb
    # shares its modality
    if not modality and _under_possible_gerund(t):
        modality = "hypothetical"
    if v is not None and v.dep_ == "xcomp":
        gov = v.head.lemma_.lower()
        if gov in NEGATIVE_GOVERNORS:
            negated = True
        elif gov in HYPOTHETICAL_COMMITMENT:
            modality = "hypothetical"
        elif gov in FUTURE_COMMITMENT | _DIRECTIVE_SPEECH and not modality:
            modality = "future"
        elif gov in _ASK_VERBS and _to_infinitive(v) and not modality and \
                not _own_negation(v.head):
            modality = "future"  # "told them to issue an appeal"
        elif gov in _UNWILLING_ADJ and v.head.pos_ == "ADJ":
            negated = True  # "unwilling to negotiate", "unable to reach the town"
        elif gov in HYPOTHETICAL_GOVERNORS_ADJ and v.head.pos_ == "ADJ":
            adj = v.head
            cop = adj.head if adj.dep_ == "acomp" else adj
            if gov in _WILLING_ADJ and (_own_negation(adj) or _own_negation(cop)) and \
                    not _conditional(doc, cop.i):
                negated = True  # "is not willing to meet", "was not able to leave"
            else:
                modality = "hypothetical"
    # "committed to holding talks": a commitment to an act yet to come
    if v is not None and not modality and v.tag_ == "VBG" and v.dep_ == "pcomp" and \
            v.head.lower_ == "to" and v.head.head.lower_ == "committed":
        modality = "future"
    if v is not None:  # "nobody was arrested", "neither side fired"
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NOBODY or any(
                    d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)):
                negated = True
            # "will be given no haven", "fired no shots": the act is not done
            if c.dep_ in ("dobj", "obj") and c.i > v.i and c is not t and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in c.children):
                negated = True
    # "not averse to negotiating", "open to talks": a disposition towards an act
    if modality is None and _disposed_to(t):
        modality = "hypothetical"
    # "would plant the seed for a new wave of clashes": a new event that a possible act
    # would bring about is possible too
    if modality is None and _possible_result(t):
        modality = "hypothetical"
    # "inspectors will travel to Douma to investigate": a purpose clause shares the modality
    # of the act it is the purpose of
    if v is not None and v.dep_ in ("advcl", "xcomp") and _to_infinitive(v):
        mod = modality_of(v.head)[1]
        if mod and not modality:
            modality = mod
    # "what will happen when US troops leave": a temporal clause under a future act is future
    if v is not None and not modality and v.dep_ == "advcl" and v.tag_ in ("VB", "VBP", "VBZ") \
            and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "after",
                                                                   "before", "until", "till")
                    for c in v.children) and modality_of(v.head)[1] == "future":
        modality = "future"
    # "what they fear will be an imminent blockade", "fears that troops could attack"
    if modality != "hypothetical" and _feared(t):
        modality = "hypothetical"
    # "an imminent blockade and bombardment": a conjoined noun shares the first one's
    # modal adjective
    if modality is None and t.pos_ == "NOUN" and t.dep_ == "conj" and \
            t.head.pos_ == "NOUN" and not any(c.dep_ == "det" for c in t.children):
        for c in t.head.children:
            if c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_ADJ:
                modality = "hypothetical"
            elif c.dep_ == "amod" and c.lower_ in FUTURE_ADJ and not modality:
                modality = "future"
    # "ordered a full, rapid withdrawal of US troops"
    if modality is None and t.pos_ == "NOUN" and t.dep_ in ("dobj", "obj") and \
            t.head.lemma_.lower() in _ORDER_VERBS and not _own_negation(t.head) and \
            not _definite(t):  # "ordered the attack": it happened
        modality = "future"
    # "the polls are scheduled for February", "talks are due to resume"
    subj = t if t.dep_ == "nsubjpass" else (
        t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of"
        and t.head.head.dep_ == "nsubjpass" else None)  # "the next round of talks is …"
    if modality is None and subj is not None and subj.head.lemma_.lower() in (
            "schedule", "plan", "set", "slate") and not _own_negation(subj.head):
        modality = "future"
    # the act a plan, deal or decision is for: "struck a deal to repatriate citizens", "the
    # decision to withdraw" are still to come; "has no plans to send forces" is negated
    if v is not None and v.dep_ in ("acl", "relcl", "advcl", "xcomp") and _to_infinitive(v):
        plan = v.head if v.head.pos_ == "NOUN" else None
        if plan is not None and plan.lemma_.lower() in AGREEMENT_NOUNS | FUTURE_HEADS | {
                "intention", "intent", "move", "bid"} and any(
                c.dep_ == "det" and c.lower_ == "no" for c in plan.children):
            negated = True
        if modality is None and v.dep_ != "xcomp":
            deal = plan or next((c for c in v.head.children
                                 if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN"), None)
            if deal is not None and deal.lemma_.lower() in AGREEMENT_NOUNS | FUTURE_HEADS | (
                    PURPOSE_NOUNS if deal is plan else frozenset()) | _OPERATION_NOUNS:
                modality = "future"  # "the battle to recapture the town", "launched an
                # offensive to oust Kurdish forces": what the operation is for
    able = _ability_of(v)
    if able is not None:
        owner = able.head if able.dep_ in ("dobj", "obj") else None
        if any(c.dep_ == "det" and c.lower_ == "no" for c in able.children) or (
                owner is not None and (owner.lemma_.lower() == "lack" or _own_negation(owner))):
            negated = True
        elif modality is None:
            modality = "hypothetical"
    if modality is None and _purpose_copula(t):
        modality = "future"
    # "dislodging Isis … would not be straightforward": a gerund that is the subject of a
    # possible state of affairs
    if modality is None and v is not None and v.tag_ == "VBG" and \
            v.dep_ in ("csubj", "nsubj") and any(
                c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in v.head.children):
        modality = "hypothetical"
    # "then reaction would have been there", "there would be war"
    if modality is None and t.pos_ == "NOUN" and t.dep_ in ("attr", "nsubj") and \
            t.head.lemma_ == "be":
        mod = modality_of(t.head)[1]
        if mod:
            modality = mod
    if modality is None and _conditional(doc, i):
        modality = "hypothetical"
    # "If Bashar stays in power, we will witness more massacres": the outcome of a condition
    if modality != "hypothetical" and _in_consequent(t):
        modality = "hypothetical"
    # "urged restraint", "appealed for calm": what a directive asks for is still to come
    if modality is None and t.pos_ == "NOUN" and not _definite(t) and (
            (t.dep_ in ("dobj", "obj") and _directive(t.head))
            or (t.dep_ == "pobj" and t.head.lower_ == "for" and _directive(t.head.head))):
        modality = "future"
    # "has not ruled out attending the conference": possible; "ruled out talks": not done
    ruling = _ruled_out_by(t)
    if ruling is not None:
        if _own_negation(ruling):
            modality, negated = "hypothetical", False
        else:
            negated = True
    # "a peace conference later this month", "his visit next week", "attending a conference
    # later this month"
    if modality is None and (
            (t.pos_ == "NOUN" and (_future_time_of(t) or (
                t.dep_ in ("dobj", "obj") and t.head.tag_ in ("VBG", "VB")
                and _future_time_of(t.head))))
            or (t.tag_ in ("VBG", "VB") and _future_time_of(t))):
        modality = "future"
    # "the envoy is to hold two sessions of talks": the object of an act that is to come
    if modality is None and t.pos_ == "NOUN":
        node = t
        if node.dep_ == "pobj" and node.head.lower_ == "of" and \
                node.head.head.lemma_.lower() in _UNIT_NOUNS:
            node = node.head.head
        if node.dep_ in ("dobj", "obj") and _is_to(node.head) and not _definite(node):
            modality = "future"  # not "plan is to bypass the process" (it exists)
    # "with the specific goal of fighting terrorism"
    if modality is None and t.tag_ == "VBG" and t.dep_ in ("pcomp", "pobj") and \
            t.head.lower_ == "of" and t.head.head.lemma_.lower() in PURPOSE_NOUNS:
        modality = "future"
    return negated, modality


# "two sessions of talks", "a round of negotiations", "a series of raids"
_UNIT_NOUNS = frozenset({"session", "round", "series", "wave", "spate", "string", "day",
                         "week", "month", "hour", "night"})


def _is_to(v: Token) -> bool:
    """"is to hold", "are to meet": "be" with a "to" infinitive, an arrangement to come."""
    subj = _subject(v.head)
    return v.dep_ == "xcomp" and v.head.lemma_ == "be" and _to_infinitive(v) and \
        not _own_negation(v.head) and v.lemma_.lower() not in STOP_GOVERNORS | {"deter"} and \
        not (subj is not None and subj.lemma_.lower() in _TASK_NOUNS)


# "the problem is to stop attacks", "the task is to find": no arrangement, a statement of aim
_TASK_NOUNS = frozenset({"problem", "question", "challenge", "task", "issue", "answer",
                         "solution", "priority", "idea", "point", "job", "way"})


def _ruled_out_by(t: Token) -> Token | None:
    """The verb "rule out" whose object the event is ("ruled out talks", "has not ruled out
    attending")."""
    v = t.head
    if t.dep_ not in ("dobj", "obj", "xcomp", "pcomp", "ccomp") or v == t:
        return None
    if v.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out"
                                          for c in v.children):
        return v
    return None


_TIME_UNITS = frozenset({"week", "month", "year", "weekend", "session", "monday", "tuesday",
                         "wednesday", "thursday", "friday", "saturday", "sunday", "spring",
                         "summer", "autumn", "winter", "fall"})


def _future_time_of(t: Token) -> bool:
    """An event noun dated ahead: "next week", "later this month", "tomorrow" hung on the
    noun itself or on a preposition after it."""
    units = [c for c in t.children if c.dep_ in ("npadvmod", "advmod", "tmod", "nmod")]
    units += [g for c in t.children if c.dep_ == "prep" for g in c.children
              if g.dep_ == "pobj"]
    for u in units:
        low = u.lower_
        if low == "tomorrow":
            return True
        if low in _TIME_UNITS and any(
                (c.lower_ == "next" and c.dep_ in ("amod", "det"))
                or (c.lower_ == "this" and any(a.lower_ == "later" for a in u.children))
                for c in u.children):
            return True
        if low == "later" and any(c.lower_ in _TIME_UNITS for c in u.subtree):
            return True  # "later this month" with "later" as the head
    return False


# acts whose condition is part of their content: "threatened to strike if …"
_CONDITIONAL_ACTS = frozenset({"threaten", "vow", "promise", "pledge", "offer", "demand",
                               "urge", "agree", "decide", "ask"})


def _if_clause(v: Token) -> bool:
    """An "if"/"unless" clause (not "as if", "even if")."""
    doc = v.doc
    return v.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless")
        and not (c.i > 0 and doc[c.i - 1].lower_ in ("as", "even")) for c in v.children)


def _in_consequent(t: Token) -> bool:
    """The event is in the main clause of a condition: its verb (or the verb it is the
    subject or object of) has an "if"/"unless" clause ("we will witness more massacres if
    he stays", "if anyone speaks out, they are dismissed or taken to prison"). A definite
    event noun keeps its presupposition ("if they had listened, the attack would ...")."""
    if t.pos_ in ("NOUN", "PROPN") and _definite(t):
        return False
    node = t
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.dep_ in ("ROOT", "advcl", "relcl", "acl"):
            break
        if node.dep_ not in ("dobj", "obj", "pobj", "prep", "nsubj", "nsubjpass", "attr"):
            return False
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return False
    verbs = [node]
    while node.dep_ == "conj" and len(verbs) < 4:  # "dismissed or taken to prison"
        node = node.head
        verbs.append(node)
    for v in verbs:
        lemma = v.lemma_.lower()
        # "threatened her family with death if they left": the condition is what is said;
        # "it was a peaceful procession, if we call it one": a hedge on a past fact
        if (lemma in speech_lemmas() | _CONDITIONAL_ACTS
                and not any(c.dep_ == "auxpass" for c in v.children)) or (
                v.tag_ == "VBD" and not any(c.dep_ == "aux" for c in v.children)):
            continue
        if any(_if_clause(c) for c in v.children):
            return True
    return False


_SOON = frozenset({"soon", "shortly", "later", "tomorrow", "next"})
# "assured that firm steps would be taken": a promise of what will be done
_COMMISSIVE_SPEECH = frozenset({"assure", "promise", "pledge", "vow", "guarantee", "swear",
                                "undertake"})


# "open to talks", "not averse to negotiating", "ready for a fight"
_DISPOSED_ADJ = HYPOTHETICAL_GOVERNORS_ADJ | frozenset({"open", "amenable", "averse",
                                                       "receptive", "keen", "eager"})
# "a new wave of clashes", "further attacks": an event that has not happened yet
_NEW_ADJ = frozenset({"new", "further", "fresh", "renewed", "more", "another"})


def _disposed_to(t: Token) -> bool:
    """The event is what someone is disposed to: the object of "to"/"for" after a
    disposition adjective ("not averse to negotiating", "open to talks")."""
    node = t
    if node.dep_ not in ("pobj", "pcomp"):
        return False
    prep = node.head
    return prep.lower_ in ("to", "for") and prep.dep_ == "prep" and \
        prep.head.pos_ == "ADJ" and prep.head.lower_ in _DISPOSED_ADJ


def _possible_result(t: Token) -> bool:
    """A new, indefinite event noun in the object of a verb under "would/could/might/may"
    ("would plant the seed for a new wave of clashes", "could spark fresh fighting");
    "would pay for our arrests" and "would investigate the killings" are about events that
    happened."""
    if not (t.pos_ == "NOUN" or (t.tag_ == "VBG" and t.dep_ == "pobj")) or _definite(t):
        return False  # a noun, or a gerund used as one ("a new wave of fighting")
    nouns = [t]
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
        nouns.append(t.head.head)  # "a new wave of clashes", "another round of fighting"
    if not any(c.lower_ in _NEW_ADJ and c.dep_ in ("amod", "det", "advmod")
               for n in nouns for c in n.children) or any(_definite(n) for n in nouns):
        return False
    node = nouns[-1]
    while node.dep_ in ("conj", "appos") and node.head.pos_ == "NOUN":
        node = node.head  # "more bombing, more killing, more war"
    if node.dep_ == "nsubj" and node.head.pos_ in ("VERB", "AUX") and \
            not _occurrence_verb(node.head):
        # "more war will not save life": what a new event would (not) do
        return modality_of(node.head)[1] in ("hypothetical", "future")
    for _ in range(4):  # up objects and prepositions to the governing verb
        if node.dep_ not in ("dobj", "obj", "pobj", "prep") or node.head == node:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return modality_of(node)[1] == "hypothetical" and not _own_negation(node)
    return False


def _ability_of(v: Token | None) -> Token | None:
    """The ability noun a to-infinitive completes: "the capability to produce", "lacks the
    means to attack" (the parse may hang the infinitive on the verb)."""
    if v is None or not _to_infinitive(v):
        return None
    if v.dep_ in ("acl", "relcl") and v.head.pos_ == "NOUN":
        cands = [v.head]
    elif v.dep_ in ("advcl", "xcomp"):
        cands = [c for c in v.head.children if c.dep_ in ("dobj", "obj") and c.i < v.i]
    else:
        return None
    return next((c for c in cands if c.pos_ == "NOUN" and (
        c.lemma_.lower() in ABILITY_NOUNS or c.lower_ in ABILITY_NOUNS)), None)


def _deal_provision(t: Token) -> bool:
    """What a deal or plan provides, under "would": "a bargain in which Turkey would be
    granted visa liberalisation" (still to come, not a mere possibility)."""
    v = _clause_verb(t)
    return v is not None and v.dep_ == "relcl" and \
        v.head.lemma_.lower() in AGREEMENT_NOUNS | FUTURE_HEADS and any(
            c.dep_ == "aux" and c.lower_ == "would" for c in v.children) and not any(
            c.dep_ == "aux" and c.lower_ == "have" for c in v.children) and \
        not _conditional(t.doc, v.i)


def _purpose_copula(t: Token) -> bool:
    """The act is what a purpose noun is: "one of the objectives would be to disrupt", "the
    aim is to force a retreat" (intended, even under "would", unless conditional)."""
    v = _clause_verb(t)
    if v is None or v.dep_ not in ("xcomp", "attr", "ccomp") or not _to_infinitive(v) or \
            v.head.lemma_ != "be" or _conditional(t.doc, t.i):
        return False
    subj = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ == "one":
        subj = next((g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"), subj)
    return subj is not None and subj.lemma_.lower() in PURPOSE_NOUNS | FUTURE_HEADS


def future_in_past(t: Token) -> bool:
    """"would" as the past of "will": a reported plan with a time or schedule ("the official
    said they would be redeployed soon", "declared that the programmes would be carried out
    as per schedule"). Without such an anchor "would" stays possible ("said anyone who bore
    arms would face trial")."""
    v = t if t.pos_ in ("VERB", "AUX") else t.head
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if not any(c.lower_ == "would" for c in auxes) or any(
            c.lower_ in ("have", "could", "might", "should") for c in auxes):
        return False
    up = v
    for _ in range(3):
        if up.dep_ == "ccomp":
            break
        if up.dep_ != "conj" or up.head == up:
            return False
        up = up.head
    gov = up.head
    if up.dep_ != "ccomp" or gov.lemma_.lower() not in speech_lemmas() | _COMMISSIVE_SPEECH \
            or gov.tag_ not in ("VBD", "VBN"):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
           for a in (v, up) for c in a.children):
        return False
    if gov.lemma_.lower() in _COMMISSIVE_SPEECH:
        return True
    for w in v.subtree:
        if w.lower_ in _SOON and w.dep_ in ("advmod", "amod", "npadvmod") and w.head == v:
            return True
        if w.lemma_.lower() in ("schedule", "plan", "strategy", "programme", "timetable") \
                and w.i > v.i:
            return True
        if w.ent_type_ == "DATE" and w.head.head == v:
            return True
    return _stated_intention(v)


# "would face trial", "would be difficult", "would like talks": what would happen to someone,
# or a wish, not an act someone says they will do
_CONSEQUENCE_VERBS = frozenset({
    "be", "have", "face", "become", "mean", "need", "lead", "cause", "result", "remain", "get",
    "suffer", "lose", "die", "happen", "occur", "see", "find", "undermine", "hamper", "affect",
    "prove", "seem", "fail", "bring", "create", "help", "cost", "hurt", "benefit", "like",
    "love", "prefer", "want", "wish", "welcome", "allow", "enable", "make", "let", "deserve",
    "mind", "hesitate", "dare", "know", "feel", "think", "expect"})
_AGENT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "those"})
_AGENT_NOUNS = frozenset({
    "government", "army", "police", "troop", "force", "party", "group", "leader", "member",
    "worker", "activist", "protester", "militant", "rebel", "volunteer", "official", "minister",
    "administration", "centre", "union", "organisation", "organization", "outfit", "villager",
    "resident", "sevak", "supporter", "student", "farmer", "authority", "side", "country",
    "ministry", "council", "committee", "court", "commission", "delegation", "team", "unit"})


def _stated_intention(v: Token) -> bool:
    """"would" in reported speech for an act the subject says someone will do ("she said the
    marchers would take out morning marches", "sources revealed the splinter groups would
    support the party"): a plan, so future. Not a passive, not a consequence or state ("would
    face trial", "would be difficult"), not an inanimate subject ("the violence would end")."""
    if any(c.dep_ == "auxpass" for c in v.children) or v.lemma_.lower() in _CONSEQUENCE_VERBS:
        return False
    subj = _subject(v)
    if subj is None:
        return False
    if subj.pos_ == "PRON" or subj.lower_ == "those":
        return subj.lower_ in _AGENT_PRONOUNS
    return subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or \
        subj.lemma_.lower() in _AGENT_NOUNS or subj.lower_.rstrip("s") in _AGENT_NOUNS


# "a deal to repatriate", "the decision to withdraw", "an order to pull back"
AGREEMENT_NOUNS = frozenset({"deal", "agreement", "accord", "pact", "decision", "order",
                             "bargain", "treaty", "arrangement", "pledge", "promise",
                             "commitment", "undertaking"})
FEAR_VERBS = frozenset({"fear", "dread", "worry"})


def _feared(t: Token) -> bool:
    """The event is what someone fears will happen: in the complement of a fear verb, or the
    complement of a copula in a clause under it ("what they fear will be a blockade")."""
    first = t.head if t.dep_ == "conj" and t.head.pos_ == "NOUN" else t
    i = first.i - 1
    while i >= 0 and (first.doc[i].dep_ in ("det", "amod", "aux", "mark")
                      or first.doc[i].lemma_ == "be") and first.i - i < 6:
        i -= 1
    w = first.doc[i] if i >= 0 else None
    if w is not None and i < first.i - 1 and w.lemma_.lower() in FEAR_VERBS and \
            w.pos_ == "VERB":
        return True  # "what they fear will be an imminent blockade", whatever the parse
    node = t
    for _ in range(5):
        if node.head == node:
            return False
        up = node.head
        if up.lemma_.lower() in FEAR_VERBS and up.pos_ == "VERB" and \
                node.dep_ in ("ccomp", "xcomp", "dobj", "obj") and not _own_negation(up):
            return True  # "many feared retribution"
        if node.dep_ not in ("attr", "ccomp", "xcomp", "conj", "dobj", "obj", "pobj", "prep",
                             "acomp"):
            return False
        node = up
    return False


def _under_possible_gerund(t: Token) -> bool:
    """The event is (the object of) a gerund clause that follows a possible act: "could
    lead to the two sides reaching a deal", "could end with them signing a ceasefire"."""
    gerund = next((n for n in _climb(t, _GERUND_OBJECT_DEPS, 3) if n.tag_ == "VBG"
                   and (n.dep_ in ("advcl", "pcomp") or (n.dep_ == "acl"
                                                          and n.head.dep_ == "pobj"))
                   and not any(c.dep_ == "mark" for c in n.children)), None)
    if gerund is None:
        return False
    up = gerund
    for _ in range(3):  # the nearest verb above the gerund, through "to", "with", a noun
        if up.head == up:
            return False
        up = up.head
        if up.pos_ in ("VERB", "AUX"):
            return up.i < gerund.i and modality_of(up)[1] == "hypothetical"
    return False


def _alleged_cue(doc: Doc, i: int) -> bool:
    """The content of a suspicion or accusation: "suspected of carrying out the bombing",
    "blamed the attack on X", "alleged that police beat protesters"."""
    t = doc[i]
    path = _climb(t, _PHRASE_DEPS | {"xcomp", "advcl", "nsubjpass"}, 5)
    if any(c.dep_ == "advmod" and c.lower_ in ("allegedly", "purportedly")
           for node in path for c in node.children):
        return True  # "were allegedly involved in the attack"
    for lower, upper in itertools.pairwise(path):
        lemma = upper.lemma_.lower()
        if lower.dep_ in ("prep",) and lower.lower_ in _SUSPICION.get(lemma, ()):
            return True
        if lower.dep_ == "prep" and upper.dep_ in ("dobj", "obj") and \
                upper.head.pos_ == "VERB" and \
                lower.lower_ in _SUSPICION.get(upper.head.lemma_.lower(), ()):
            return True  # "accused the parties of using religion": "of" hung on the object
        if lemma == "allege" and upper.pos_ == "VERB" and lower == t and \
                lower.dep_ in ("dobj", "obj"):
            return True  # "alleged abetment by the state government"
        if lemma == "blame" and lower.dep_ in ("dobj", "obj", "nsubjpass") and (
                lower == t or t in lower.conjuncts) and any(
                c.dep_ == "prep" and c.lower_ == "on" for c in (*upper.children,
                                                                 *lower.children)):
            return True  # "blamed the attack on Pakistani intelligence"
    for a in [t, *t.ancestors]:  # "the opposition alleged that police beat protesters"
        if a.dep_ == "ccomp" and a.head.lemma_.lower() == "allege" and a.head.pos_ == "VERB":
            return True
        if a.dep_ in ("relcl", "advcl", "ROOT"):
            break
    return False


def _claim_cue(doc: Doc, i: int) -> bool:
    """A claim of responsibility or credit for the event: "claimed the bombing", "took
    responsibility for the attack", "the rebels claimed they had captured the town"."""
    t = doc[i]
    path = _climb(t, _PHRASE_DEPS, 4)
    for lower, upper in itertools.pairwise(path):
        lemma = upper.lemma_.lower()
        if lemma == "claim" and upper.pos_ == "VERB" and lower.dep_ in ("dobj", "obj") \
                and lower == t:
            return not _negated_verb(upper)  # "Islamic State claimed the bombing"
        if lemma in _CREDIT and lower.dep_ == "prep" and lower.lower_ == "for" and \
                upper.head.lemma_.lower() in _CLAIM_OF_CREDIT_VERBS:
            return not _negated_verb(upper.head)
    # "a suicide bombing claimed by the Islamic State"
    if any(c.dep_ == "acl" and c.lemma_.lower() == "claim" and c.tag_ == "VBN" and any(
            g.dep_ == "agent" for g in c.children) for c in t.children):
        return True
    # "the rebels claimed (that) they had captured the town": the claimant is the actor
    own = _clause_verb(t)
    for a in [t, *t.ancestors]:
        if a.dep_ == "ccomp" and a.head.lemma_.lower() == "claim":
            if a != t and a != own:
                return False  # "claimed that he was not in favour of attacking the police"
            subj = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            csubj = next((c for c in a.head.children if c.dep_ == "nsubj"), None)
            return subj is not None and csubj is not None and subj.dep_ == "nsubj" and (
                (subj.pos_ == "PRON" and subj.lower_ in ("they", "we", "it", "he", "she"))
                or subj.lemma_.lower() == csubj.lemma_.lower())
        if a.dep_ in ("relcl", "advcl"):
            break
    return False


def _negated_verb(v: Token) -> bool:
    """"has not claimed", "no group has claimed", "has yet to claim"."""
    return _own_negation(v) or any(
        s.dep_ in ("nsubj", "nsubjpass") and (s.lower_ in _NOBODY or _own_negation(s))
        for s in v.children) or (v.dep_ == "xcomp" and any(
            c.dep_ == "advmod" and c.lower_ == "yet" for c in (*v.head.children, *v.children)))


def _claims_all_negated(doc: Doc) -> bool:
    """"No group has claimed responsibility", "has not claimed": nothing is claimed."""
    claims = [c for c in doc if c.lemma_.lower() == "claim" and c.pos_ == "VERB"]
    return bool(claims) and all(_negated_verb(c) for c in claims)


def _contested_by_report(doc: Doc, i: int, att: SentenceAttribution,
                         deniers: Sequence[int] = ()) -> bool:
    """A denied event that a source in the same sentence reports ("India says troops shelled
    its posts, a charge Islamabad denies"): contested, not only denied. A report by the
    denier itself ("Pakistan says it had nothing to do with the attack") is its denial.
    ``deniers``: token indices of the phrases that deny the event."""
    t = doc[i]
    for v in att.speech:
        if any(a.lemma_.lower() in _DENIAL for a in (doc[v], *doc[v].ancestors)) or \
                doc[v].lemma_.lower() not in speech_lemmas():
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i in deniers for c in doc[v].children):
            continue
        node = t
        while node.head != node:
            node = node.head
            if node.lemma_.lower() in _DENIAL:
                break
            if node.i == v:
                return _in_scope(doc, i, v)
    return False


def _denied_charge(doc: Doc, i: int) -> bool:
    """The denial that covers the event denies a charge ("…, a charge Islamabad denies"): a
    charge has an accuser, so the event is contested."""
    for a in doc[i].ancestors:
        if a.lemma_.lower() in _DENIAL:
            return any(c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in
                       CHARGE_NOUNS for c in a.children)
    return False


def _content_of(doc: Doc, i: int) -> Token | None:
    """The noun or passive verb whose content the event is: "reports of shelling", "reports
    that troops fired", "allegations that police beat protesters", "is said to have ordered"."""
    t = doc[i]
    if t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "of":
        return t.head.head
    node = t
    for _ in range(4):
        if node.dep_ in ("acl", "ccomp", "relcl") and node.head.pos_ == "NOUN" and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
            # "a claim that Pakistan denied" is a relative clause: the denial is no content
            return None if node.lemma_.lower() in _DENIAL else node.head
        if node.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "auxpass"
                                                    for c in node.head.children):
            return node.head  # "the commander is said to have ordered", "it is learnt that"
        if node.dep_ not in ("xcomp", "conj", "dobj", "obj", "prep", "pobj", "pcomp", "attr"):
            break  # "attr": "what were claimed to be deliberate attacks"
        node = node.head
    return None


# "weeks after Trump said …", "before the army announced …"
_TEMPORAL_MARKS = frozenset({"after", "before", "since", "until", "till", "once"})
_SOURCE_VERBS = frozenset({"claim", "say", "report", "allege", "accuse", "blame", "tell",
                           "announce", "state", "insist", "maintain", "assert", "contend"})


def _denied_later_in_sentence(doc: Doc, i: int) -> bool:
    """"The Taliban claimed the bombing, but the government rejected the claim": a later
    clause denies the claim (a charge noun or "it") that carries the event, so the event is
    claimed by one party and denied by another."""
    t = doc[i]
    anc = [t, *t.ancestors]
    sources = [a for a in anc if a.lemma_.lower() in _SOURCE_VERBS and a.pos_ == "VERB"
               and a.i != i]
    claimed_here = _claim_cue(doc, i)
    if not sources and not claimed_here:
        return False
    first = min([a.i for a in sources] + ([i] if claimed_here else []))
    # "even though the VHP maintained that …, the police refuted the claim": the denial is
    # the main clause the source's clause hangs on
    above = {a.head.i for a in sources if a.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("though", "although", "while", "whereas")
        for c in a.children)}
    for d in doc:
        if d.i <= first or (d in anc and d.i not in above) or \
                d.lemma_.lower() not in _DENIAL or d.pos_ != "VERB":
            continue
        if not any(c.dep_ == "nsubj" for c in d.children):
            continue  # "said … and denied …": one party, nothing contested
        if d.dep_ in ("acl", "relcl") and appended_charge(d.head):
            return True  # "Officials said militants attacked, a claim the Taliban rejected"
        for o in d.children:
            if o.dep_ not in ("dobj", "obj"):
                continue
            if o.pos_ == "PRON" and o.lower_ in ("it", "this"):
                return True
            # "the claim", not "the charge of torture" (a charge that names its own content)
            if o.lemma_.lower() in CHARGE_NOUNS and any(
                    c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE | {"such"}
                    for c in o.children) and not any(
                    c.dep_ in ("prep", "acl", "relcl", "ccomp") for c in o.children):
                return True
    return False


def _report_noun_cue(doc: Doc, i: int) -> bool:
    """"reports of shelling", "reports that troops fired", "is said to have": the event as
    a source's report."""
    c = _content_of(doc, i)
    return (c is not None and c.lemma_.lower() in REPORT_NOUNS | _EVIDENTIAL_PASSIVES) or \
        _emerged_report(doc, i) or _reported_adjective(doc[i])


def _reported_adjective(t: Token) -> bool:
    """"the reported shelling", "the reported move to impose president's rule": the event
    (or the move, plan or decision it completes) is marked as a report."""
    v = _clause_verb(t)
    nouns = [t]
    if v is not None and v.dep_ == "acl" and v.head.pos_ == "NOUN":
        nouns.append(v.head)
    return any(c.dep_ == "amod" and c.lower_ in ("reported", "purported")
               for n in nouns for c in n.children)


# "news emerged that", "reports surfaced that", "word came that"
_EMERGE_VERBS = frozenset({"emerge", "surface", "circulate", "come", "spread", "break"})


def _emerged_report(doc: Doc, i: int) -> bool:
    """The event in a that-clause whose report noun is the subject of a verb of emerging,
    whatever the parse attaches the clause to ("as news emerged over the weekend that the
    SDF had captured three foreigners")."""
    for a in [doc[i], *doc[i].ancestors]:
        if a.dep_ == "ccomp":
            mark = next((c for c in a.children if c.dep_ == "mark" and c.lower_ == "that"),
                        None)
            if mark is None:
                return False
            for w in doc[max(0, mark.i - 8):mark.i]:
                if w.lemma_.lower() in REPORT_NOUNS and w.dep_ == "nsubj" and \
                        w.head.lemma_.lower() in _EMERGE_VERBS:
                    return True
            return False
        if a.dep_ in ("relcl", "advcl", "acl"):
            break
    return False


def _allegation_cue(doc: Doc, i: int) -> bool:
    """"allegations that police beat protesters", "is alleged to have", "is accused of"."""
    c = _content_of(doc, i)
    return c is not None and c.lemma_.lower() in ALLEGATION_NOUNS | {"allege", "suspect"}


def status_of(ev: SentenceEvent, att: SentenceAttribution, doc: Doc | None = None,
              outward: Sequence[str] | None = None) -> str:
    """The event's factuality as the text presents it (one of models.STATUSES).

    ``outward``: the mention's whole chain (``outward_chain``); a chain from outside the
    sentence (the dateline's agency) makes an asserted event reported, one named inside the
    sentence only what falls under its reporting."""
    status = _status(ev, att, doc)
    if status == "asserted" and outward and (doc is None or any(
            not any(same_outlet(o, c) for c in att.chain) for o in outward)):
        return "reported"
    return status


def _status(ev: SentenceEvent, att: SentenceAttribution, doc: Doc | None) -> str:
    negated, modality = ev.negated, ev.modality
    claimed, alleged = ev.claimed, ev.alleged
    denial = ev.denial_status
    if doc is not None:
        t = doc[ev.token]
        if denial and _role_presupposed(doc, ev.token):
            denial = None
        if denial == "denied" and (_contested_by_report(doc, ev.token, att, ev.denier_tokens)
                                   or _denied_charge(doc, ev.token)):
            denial = "contested"
        if negated and not _negation_applies(t):
            negated = False  # "did not give details of the attack": the attack happened
        if modality == "hypothetical" and _presupposed_in_condition(doc, ev.token):
            modality = None
        if modality and _presupposed_argument(t):
            modality = None
        neg2, mod2 = _modal_cues(doc, ev.token)
        negated = negated or neg2
        ruling = _ruled_out_by(t)
        if ruling is not None and _own_negation(ruling):
            negated = False  # "has not ruled out attending": possible, not negated
        if modality is None or (mod2 == "hypothetical" and modality == "future"):
            modality = mod2 or modality
        if modality == "hypothetical" and (future_in_past(t) or _purpose_copula(t)
                                           or _deal_provision(t)):
            modality = "future"
        claimed = (claimed and not _claims_all_negated(doc)) or _claim_cue(doc, ev.token)
        alleged = alleged or _alleged_cue(doc, ev.token) or _allegation_cue(doc, ev.token)
    if denial:
        return denial
    if doc is not None and not negated and modality is None and \
            _denied_later_in_sentence(doc, ev.token):
        return "contested"
    if negated:
        return "negated"
    if modality == "hypothetical":
        return "hypothetical"
    if modality == "future":
        return "future"
    if claimed:
        return "claimed"
    if alleged:
        return "alleged"
    if att.reportedly or ev.reported or (doc is not None and _report_noun_cue(doc, ev.token)):
        return "reported"
    if att.passive_reports and (doc is None or any(
            _under_passive_report(doc, ev.token, v) for v in att.passive_reports)):
        return "reported"
    if doc is not None and _turned_down(doc[ev.token]):
        return "asserted"  # "Downing Street rejected Trump's call for …"
    if doc is not None and any(doc[v].lower_ in ("according", "as") and
                               _in_scope(doc, ev.token, v) for v in att.speech):
        return "reported"  # "…, according to official reports reaching here"
    if doc is not None and any(_in_scope(doc, ev.token, v) for v in att.clause_speech):
        return "reported"
    # an outlet named in the sentence is a source for what it is said to report, like a
    # speaker: "a senator told CNN after meeting with Pence" does not report the meeting
    if att.chain or att.speaker is not None:
        if doc is None or not att.speech:
            return "reported"
        # "Pakistan denied any involvement in the attack": the attack is not what Pakistan
        # reports (the role is what it denies)
        role = _role_presupposed(doc, ev.token)
        # "no group has claimed the attack": a speech act that did not happen reports nothing
        if any(_in_scope(doc, ev.token, v) for v in att.speech
               if not (role and doc[v].lemma_.lower() in _DENIAL)
               and not (doc[v].lemma_.lower() in _DENIAL | {"claim"} and _negated_verb(doc[v]))):
            return "reported"
        if att.sentence_wide and not any(v == ev.token or _in_source_phrase(doc, ev.token, v)
                                         for v in att.speech):
            return "reported"
    return "asserted"


def _in_source_phrase(doc: Doc, ev_tok: int, v: int) -> bool:
    """The event is part of the "according to" phrase that names the source ("according to
    intelligence over the Salisbury attack"), not of what the source reports."""
    if doc[v].lower_ not in ("according", "as") or v + 1 >= len(doc):
        return False
    t = doc[ev_tok]
    return any(t == g or g in t.ancestors for g in doc[v + 1].children if g.dep_ == "pobj")


def _turned_down(t: Token) -> bool:
    """A request, call or proposal that a rejection verb turns down: the rejected act is the
    speaker's own, and the request is a fact, not what the speaker reports ("rejected a US
    statement urging restraint": the urging too)."""
    if _directive(t) and t.dep_ == "acl" and t.head.dep_ in ("dobj", "obj"):
        return t.head.head.lemma_.lower() in _DENIAL
    return t.lemma_.lower() in REQUEST_NOUNS and t.pos_ == "NOUN" and \
        t.dep_ in ("dobj", "obj", "nsubjpass") and t.head.lemma_.lower() in _DENIAL


def probe_status(doc: Doc, ctx: SentenceContext, i: int, att: SentenceAttribution,
                 chain: Sequence[str] = ()) -> str:
    """The status the rules give the word at token ``i`` read as an event (``chain``: the
    outward chain of the sentence, which makes an asserted event reported)."""
    return status_of(event_at(doc, ctx, i), att, doc, outward=chain)
