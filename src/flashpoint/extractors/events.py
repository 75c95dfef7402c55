"""Event mentions from one parsed sentence: triggers, actors, modality, magnitude.

Pure functions over a spaCy ``Doc`` of one sentence. Character offsets in the output are
relative to the sentence; ``process.py`` shifts them into article offsets.

The parse of a small model is noisy, so every argument rule has a fallback that reads the
sentence linearly (the nearest actor name before the trigger, the nearest after it), and the
candidates of one sentence are merged when they describe one event ("launched an operation,
two days of artillery fire"; "agreed to a ceasefire"; "an attack … killed 26").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..models import Actor
from .actor_lexicon import ActorLexicon, ActorMatch
from .times import CAUSE_NOUNS, REFERENCE_PREPS
from .triggers import TriggerRule, match_trigger

# A resolver from a (start, end) span of the sentence to the ISO3 country of a place inside it.
PlaceCountry = Callable[[int, int], str | None]

LIGHT_VERBS = frozenset({
    "launch", "carry", "conduct", "mount", "stage", "hold", "begin", "start", "continue",
    "resume", "order", "step", "intensify", "escalate", "undertake", "execute", "unleash",
    "retaliate", "respond", "announce", "declare", "impose", "reach", "observe", "sign",
    "enter", "make", "have", "agree", "call", "seek", "offer", "propose", "accept", "extend",
    "open", "exchange", "trade", "commit", "perpetrate", "organise", "organize", "lead",
    "issue", "deliver", "provide", "send", "lodge", "file", "level", "voice", "express",
    "pursue", "wage", "initiate",
})
RECIPIENT_PREPS = frozenset({"on", "at", "against", "upon", "into", "toward", "towards",
                             "targeting"})
PARTNER_TYPES = frozenset({"CONSULT", "AGREE", "RETREAT", "COOPERATE", "ASSAULT", "SUPPORT",
                           "AID", "SANCTION", "REQUEST"})
DIRECTED_TYPES = frozenset({"ASSAULT", "ACCUSE", "THREATEN", "SANCTION", "COERCE", "REQUEST",
                            "REJECT", "PROTEST"})
SYMMETRIC_MODES = frozenset({"ceasefire"})
# clause relations: a word there heads a clause of its own, not a modifier
_CLAUSAL = frozenset({"conj", "ccomp", "xcomp", "advcl", "relcl", "parataxis", "acl"})
FUTURE_GOVERNORS = frozenset({"plan", "intend", "prepare", "aim", "expect", "seek", "want",
                              "hope", "decide", "schedule", "set", "due", "propose", "consider"})
STOP_GOVERNORS = frozenset({"stop", "cease", "halt", "end", "prevent", "avoid", "refrain",
                            "forgo", "abandon"})
HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should"})
# "The Kurds fear attack by Turkey": what is feared has not happened
HYPOTHETICAL_GOVERNORS = frozenset({"fear", "dread"})
# "when an attack would take place": the event is the subject of a verb of occurring
OCCUR_VERBS = frozenset({"take", "happen", "occur"})
# "no incidents of violence were reported": "no" on the noun the event is counted by
NONE_OF = frozenset({"incident", "report", "sign", "case", "instance", "evidence", "trace"})
# "humanitarian access was denied": a refusal, not a denial of what someone said
# speech verbs that bring their own content ("… and have said he was tortured")
_OWN_CONTENT_SPEECH = frozenset({"say", "tell", "add", "state", "insist", "allege", "claim",
                                 "announce", "confirm", "warn"})
_REFUSED = frozenset({"access", "permission", "entry", "visa", "bail", "request", "application",
                      "passage", "clearance"})
REFUSED_NOUNS = _REFUSED | {"protection"}
# what a rejection turns down rather than denies: "rejected the call for talks"
REQUEST_NOUNS = _REFUSED | frozenset({"call", "proposal", "offer", "demand", "plea", "appeal",
                                       "bid", "invitation", "petition", "suggestion", "overture",
                                       "ultimatum", "motion", "resolution", "nomination"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# directive speech ("urged", "appealed"): what it asks for is not said to have happened
DIRECTIVE_LEMMAS = frozenset({"urge", "appeal", "exhort", "implore", "beseech", "beg"})
DENIAL_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute", "rebuff"})
CHARGE_NOUNS = frozenset({"charge", "allegation", "accusation", "claim", "report", "involvement",
                          "responsibility", "role", "assertion", "suggestion"})
KILL_LEMMAS = frozenset({"kill", "injure", "wound", "leave", "claim"})
RECIPROCAL_RE = re.compile(
    r"\b(?:both (?:sides|countries|nations|neighbou?rs|armies|militaries|governments|capitals)"
    r"|the two (?:sides|countries|nations|neighbou?rs|armies|militaries|governments|capitals|"
    r"nuclear-armed neighbou?rs|nuclear-armed rivals|rivals)|each other|one another)\b",
    re.IGNORECASE)
GENERIC_HEADS = frozenset({"official", "spokesman", "spokeswoman", "spokesperson", "source",
                           "officer", "representative", "member", "chief", "head", "personnel"})
MIL_MODES = frozenset({"heavy-weapons", "aerial", "drone", "troops"})


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once (spaCy rebuilds ``Doc.text`` from its tokens on every call)."""
    text = doc.user_data.get("fp_text")
    if text is None:
        text = doc.user_data["fp_text"] = doc.text
    return str(text)


@dataclass(slots=True)
class SentenceEvent:
    """An event candidate found in one sentence (offsets relative to the sentence)."""

    token: int
    trigger: str
    trigger_start: int
    trigger_end: int
    rule: TriggerRule
    type: str
    mode: str | None
    cameo: str
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    reciprocal: bool = False
    reciprocal_context: bool = False  # "both sides", or a ceasefire with nobody named
    negated: bool = False
    modality: str | None = None  # future | hypothetical
    alleged: bool = False
    claimed: bool = False
    reported: bool = False  # "reports of airstrikes", "is reported to have"
    denied_by: list[str] = field(default_factory=list)
    denial_status: str | None = None  # denied | contested
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    confidence: float = 0.5
    absorbed: list[int] = field(default_factory=list)
    denies: list[str] = field(default_factory=list)  # for REJECT: countries that deny something
    denies_charge: bool = False  # this REJECT denies a charge/allegation (links to ACCUSE)
    denies_prior: bool = False  # this REJECT denies something said before its sentence
    # token indices of the phrases that deny this event ("Pakistan" in "Pakistan says it had
    # nothing to do with the attack"): a report by a denier is its denial, not a counter-claim
    denier_tokens: list[int] = field(default_factory=list)
    accuses: list[int] = field(default_factory=list)  # tokens of the events an ACCUSE alleges


# ----------------------------------------------------------------------------- actor phrases

def _phrase_tokens(head: Token) -> list[Token]:
    """The head's noun phrase without clauses, appositions and coordinated phrases."""
    skip = {"relcl", "acl", "appos", "conj", "cc", "advcl", "punct", "parataxis"}
    out = [head]
    stack = [c for c in head.children if c.dep_ not in skip]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"relcl", "acl", "appos",
                                                             "advcl", "parataxis"})
    # keep it contiguous around the head
    out.sort(key=lambda t: t.i)
    lo, hi = head.i, head.i
    idx = {t.i for t in out}
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    doc = head.doc
    toks = [doc[i] for i in range(lo, hi + 1)]
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks or [head]


def _conjuncts(head: Token) -> list[Token]:
    out = [head]
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(_conjuncts(c))
    return out


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """Everything the argument rules need besides the parse."""

    matches: tuple[ActorMatch, ...]
    lexicon: ActorLexicon
    place_country: PlaceCountry
    dyad: tuple[str, ...] = ()  # the article's two most-mentioned countries, most first


def _matches_in(ctx: SentenceContext, start: int, end: int) -> list[ActorMatch]:
    return [m for m in ctx.matches if m.start >= start and m.end <= end]


def code_head(head: Token, ctx: SentenceContext) -> list[Actor]:
    """Actors of the noun phrase headed by ``head`` (one per country for "Indian and Pakistani
    troops"; [] when the phrase names no actor)."""
    if head.pos_ == "PRON" and head.lower_ not in ("both", "each"):
        return []
    toks = _phrase_tokens(head)
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = doc_text(head.doc)[s:e]
    ms = _matches_in(ctx, s, e)
    head_match = next((m for m in ms if m.start <= head.idx < m.end), None)
    sector = ctx.lexicon.sector_of(head.lemma_.lower()) or ctx.lexicon.sector_of(head.lower_)
    if head_match is not None and head_match.sector and head_match.kind != "sector":
        sector = head_match.sector if head_match.kind != "country" else sector
    # countries in the core of the phrase (before the head) vs. in its modifiers after it
    core = [m for m in ms if m.end <= head.idx + len(head) and m.country]
    tail = [m for m in ms if m.start > head.idx and m.country]
    countries: list[str] = []
    for m in core:
        if m.country and m.country not in countries:
            countries.append(m.country)
    if head.lemma_.lower() in GENERIC_HEADS:  # "a police official" is police, not government
        mod = next((m.sector for m in ms if m.kind == "sector" and m.sector
                    and m.end <= head.idx), None)
        sector = mod or sector
    if not sector:  # a multiword sector noun ending at the head ("security forces")
        sector = next((m.sector for m in ms if m.sector and m.kind == "sector"
                       and m.start <= head.idx < m.end), None)
    if not countries:
        tail_c = next((m.country for m in tail), None)
        if tail_c is None:
            tail_c = ctx.place_country(s, e)
        if tail_c:
            countries = [tail_c]
    if not countries and not sector:
        if head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "PERSON", "NORP"):
            return [Actor(text, None, None, s, e)]
        return []
    if len(countries) > 1:
        return [Actor(f"{_name_in(ms, c)} {head.text}".strip(), c, sector, s, e)
                for c in countries]
    return [Actor(text, countries[0] if countries else None, sector, s, e)]


def _name_in(ms: Sequence[ActorMatch], country: str) -> str:
    return next((m.text for m in ms if m.country == country), country)


def _actors_of(heads: Sequence[Token], ctx: SentenceContext) -> list[Actor]:
    out: list[Actor] = []
    for h in heads:
        if match_trigger(h) is not None:  # "an attack … killed 26": an event, not an actor
            continue
        for c in _conjuncts(h):
            for a in code_head(c, ctx):
                if a not in out:
                    out.append(a)
    return out


# ----------------------------------------------------------------------------- arguments

def _subject(v: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """(subject token, is_passive) of a verb, climbing through xcomp/conj/advcl."""
    for c in v.children:
        if c.dep_ in ("nsubj", "csubj"):
            if c.lower_ in ("which", "who", "that") and v.dep_ == "relcl":
                return v.head, False  # "Pakistan, which denies any role"
            return c, False
    for c in v.children:
        if c.dep_ == "agent":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, False
    if depth < 3 and v.dep_ in ("xcomp", "conj", "advcl", "pcomp") and v.head != v:
        return _subject(v.head, depth + 1)
    if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
        return v.head, False
    return None, False


def _passive_subject(v: Token) -> Token | None:
    return next((c for c in v.children if c.dep_ in ("nsubjpass",)), None)


def _pobjs(tok: Token, preps: frozenset[str]) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


_CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "hrs", "hours", "gmt", "ist", "noon",
                          "midnight"})


def _verb_arguments(t: Token, rule: TriggerRule, ctx: SentenceContext
                    ) -> tuple[list[Token], list[Token]]:
    actor_heads: list[Token] = []
    recip_heads: list[Token] = []
    subj, _ = _subject(t)
    psubj = _passive_subject(t)
    if psubj is not None:
        recip_heads.append(psubj)
    elif subj is not None:
        actor_heads.append(subj)
    if t.dep_ == "acl" and t.tag_ == "VBN" and t.head.pos_ in ("NOUN", "PROPN"):
        recip_heads.append(t.head)  # "posts shelled by Pakistani troops"
    for c in t.children:
        if c.dep_ in ("dobj", "obj", "dative") and c.pos_ in ("NOUN", "PROPN", "PRON"):
            if c.ent_type_ in ("TIME", "DATE") or c.lower_ in _CLOCK_WORDS:
                continue  # "arrested … around 1 am": a misparsed clock time is no patient
            if rule.obj_role == "recipient":
                recip_heads.append(c)
            else:
                recip_heads.extend(_pobjs(c, frozenset({"to", "against", "on", "from"})))
    preps = set(RECIPIENT_PREPS)
    if rule.type in PARTNER_TYPES:
        preps.add("with")
    if rule.type in ("SANCTION", "REQUEST", "SUPPORT", "AID"):
        preps.add("to")
    if rule.type == "ACCUSE" and rule.obj_role == "recipient" and not recip_heads:
        preps |= {"of"}
    recip_heads.extend(_pobjs(t, frozenset(preps)))
    if rule.type == "ASSAULT":
        recip_heads.extend(h for h in _pobjs(t, frozenset({"in", "inside", "across"}))
                           if h.ent_type_ in ("GPE", "LOC"))
    return actor_heads, recip_heads


def _noun_arguments(t: Token, rule: TriggerRule, ctx: SentenceContext
                    ) -> tuple[list[Token], list[Token], list[Token]]:
    """(actor heads, recipient heads, reciprocal-pair heads) of a noun trigger."""
    actor_heads: list[Token] = []
    recip_heads: list[Token] = []
    pair: list[Token] = []
    for c in t.children:
        if c.dep_ == "poss":
            actor_heads.append(c)
        elif c.dep_ in ("amod", "compound", "nmod") and c.i < t.i:
            ms = _matches_in(ctx, c.idx, c.idx + len(c))
            if any(m.kind in ("country", "demonym", "capital", "group", "igo", "person")
                   for m in ms):
                actor_heads.append(c)
    actor_heads.extend(_pobjs(t, frozenset({"by", "from"})))
    preps = set(RECIPIENT_PREPS)
    if rule.type in PARTNER_TYPES:
        preps.add("with")
    recip_heads.extend(_pobjs(t, frozenset(preps)))
    if rule.type == "ASSAULT":
        recip_heads.extend(h for h in _pobjs(t, frozenset({"in", "inside", "across"}))
                           if h.ent_type_ in ("GPE", "LOC"))
    pair.extend(_pobjs(t, frozenset({"between", "among"})))
    if not actor_heads:
        node = t
        while node.dep_ == "appos" and node.head != node:  # "launched an operation, two
            node = node.head                                # days of artillery fire"
        gov = node.head
        via_prep = node.dep_ == "pobj" and gov.dep_ == "prep"
        if via_prep:
            gov = gov.head
        if (node.dep_ in ("dobj", "obj", "nsubjpass") or via_prep) and gov != node \
                and gov.lemma_.lower() in LIGHT_VERBS and match_trigger(gov) is None:
            subj, _ = _subject(gov)
            if subj is not None:
                actor_heads.append(subj)
    return actor_heads, recip_heads, pair


def no_longer(c: Token) -> bool:
    """A child "no longer" ("can no longer win"): the act stops."""
    return c.dep_ == "advmod" and c.lower_ == "longer" and any(
        g.lower_ == "no" for g in c.children)


def modality_of(t: Token) -> tuple[bool, str | None]:
    """(negated, future|hypothetical|None) from the trigger and the verbs governing it."""
    negated = False
    modality: str | None = None
    chain = [t]
    h = t
    for _ in range(3):
        up = h.head
        if up == h:
            break
        if h.dep_ in ("xcomp", "conj", "acomp") or (
                h.dep_ == "nsubj" and up.lemma_.lower() in OCCUR_VERBS) or (
                h.dep_ in ("dobj", "pobj", "prep", "nsubjpass", "amod", "compound", "nmod")
                and match_trigger(up) is None):
            h = up
            chain.append(h)
        else:
            break
    for tok in chain:
        # "if you don't die from airstrikes": a negation inside a condition is hypothetical
        conditional = any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                          for c in tok.children)
        for c in tok.children:
            low = c.lower_
            if (c.dep_ == "neg" and not conditional) or (c.dep_ == "det" and low == "no" and (
                    tok == t or tok.lemma_.lower() in NONE_OF)):  # "no incidents of violence"
                negated = True
            if no_longer(c) and not conditional:
                negated = True  # "can no longer win the war"
            if c.dep_ in ("aux", "auxpass"):
                if low in FUTURE_AUX or c.lemma_ == "will":
                    modality = modality or "future"
                elif low in HYPOTHETICAL_AUX:
                    modality = "hypothetical"
            if c.dep_ == "mark" and low in ("if", "unless", "whether"):
                modality = "hypothetical"
    for lower, upper in itertools.pairwise(chain):
        if lower.dep_ == "xcomp" and upper.lemma_.lower() in FUTURE_GOVERNORS:
            modality = modality or "future"
        if upper.lemma_.lower() in STOP_GOVERNORS:  # "agreed to stop all firing"
            negated = True
        if lower.dep_ in ("dobj", "xcomp", "ccomp") and \
                upper.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
            modality = "hypothetical"
    if any(lower.dep_ == "xcomp" and upper.lower_ == "going"
           for lower, upper in itertools.pairwise(chain)):
        modality = modality or "future"  # "are going to meet him and request him to …"
    return negated, modality


# ----------------------------------------------------------------------------- magnitude

_NUM_WORDS = {w: i for i, w in enumerate((
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty").split())}
_NUM_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
                   "a dozen": 12, "dozens": 24, "scores": 40, "hundreds": 200})
_NUM = (r"(\d{1,3}(?:,\d{3})+|\d+|"
        + "|".join(sorted(map(re.escape, _NUM_WORDS), key=len, reverse=True)) + r")")
_PEOPLE = (r"(?:\s+(?:more|other|people|persons|civilians|soldiers|troops|militants|policemen|"
           r"police|officers|personnel|members|children|women|men|villagers|residents|"
           r"tourists|pilgrims|fighters|insurgents|rebels|suspects|protesters|students|"
           r"workers|[A-Za-z-]+))?")
_DEAD = [
    re.compile(rf"\b{_NUM}{_PEOPLE}(?:\s+\w+)?\s+(?:were|was|have been|had been|are|being)?\s*"
               r"(?:killed|dead|slain|died|lost their lives)", re.I),
    re.compile(rf"\b(?:killing|killed|kills|kill|left|leaving)\s+(?:at least\s+|some\s+|about\s+)?"
               rf"{_NUM}\b", re.I),
    re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?(?:to|of|at)\s+(?:at least\s+)?{_NUM}", re.I),
    re.compile(rf"\b{_NUM}\s+(?:people\s+)?dead\b", re.I),
    re.compile(rf"\b{_NUM}\s+deaths\b", re.I),
]
_INJURED = [
    re.compile(rf"\b{_NUM}{_PEOPLE}(?:\s+\w+)?\s+(?:were|was|have been|had been|are)?\s*"
               r"(?:injured|wounded|hurt)", re.I),
    re.compile(rf"\b(?:injuring|wounding|injured|wounded)\s+(?:at least\s+|some\s+)?{_NUM}\b",
               re.I),
    re.compile(rf"\b{_NUM}\s+(?:people\s+)?(?:injured|wounded)\b", re.I),
]
_ARRESTED = [
    re.compile(rf"\b(?:arrested|detained|rounded up|held)\s+(?:at least\s+|some\s+)?{_NUM}\b",
               re.I),
    re.compile(rf"\b{_NUM}{_PEOPLE}(?:\s+\w+)?\s+(?:were|was|have been|had been)\s+"
               r"(?:arrested|detained|held)", re.I),
    re.compile(rf"\b(?:arrest|detention)\s+of\s+{_NUM}\b", re.I),
    # "more than 432 arrests have been made", "3,976 persons have been arrested"
    re.compile(rf"\b{_NUM}\s+(?:arrests|detentions)\b", re.I),
    re.compile(rf"\b{_NUM}\s+(?:persons|people|men|youths|rioters|suspects)\s+"
               r"(?:\w+\s+)?(?:have been|had been|were|are)\s+(?:\w+\s+)?(?:arrested|detained)",
               re.I),
]


def _to_int(s: str) -> int | None:
    s = s.lower().replace(",", "")
    if s.isdigit():
        v = int(s)
        return v if v < 1_000_000 else None
    return _NUM_WORDS.get(s)


_MONTH_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", re.I)


def _first(patterns: Sequence[re.Pattern[str]], text: str) -> int | None:
    best: tuple[int, int] | None = None
    for p in patterns:
        for m in p.finditer(text):
            if _MONTH_BEFORE.search(text[max(0, m.start(1) - 12):m.start(1)]):
                continue  # "April 22, when gunmen killed …" is a date, not a toll
            v = _to_int(m.group(1))
            if v is not None and (best is None or m.start() < best[0]):
                best = (m.start(), v)
    return best[1] if best else None


def magnitude(text: str) -> tuple[int | None, int | None, int | None]:
    """(dead, injured, arrested) stated in a sentence."""
    return _first(_DEAD, text), _first(_INJURED, text), _first(_ARRESTED, text)


# ----------------------------------------------------------------------------- the sentence

def _linked(a: Token, b: Token) -> bool:
    """b governs a directly or through one preposition/auxiliary hop."""
    h = a.head
    if h == b:
        return True
    return h.head == b and h.dep_ in ("prep", "agent", "xcomp", "pcomp")


def _mode_rank(e: SentenceEvent) -> tuple[int, float]:
    return (1 if e.mode else 0, e.rule.confidence)


_TOLL_WORDS = frozenset({"dead", "killed", "injured", "hurt", "wounded", "die", "dies", "died"})


def _toll_in_before(tok: Token, reach: int = 7) -> bool:
    """Whether the noun follows "<toll> in" within its phrase ("one dead in bengal police-vhp
    clash"): the event of a headline, even when the parser took it for a modifier of the
    words run on after it (headlines joined without punctuation: "... clash nda allies
    uneasy")."""
    doc = tok.doc
    for j in range(tok.i - 1, max(0, tok.i - reach), -1):
        t = doc[j]
        if t.lower_ == "in" and doc[j - 1].lower_ in _TOLL_WORDS:
            return True
        if t.pos_ in ("VERB", "AUX") or (t.is_punct and t.text not in "-–"):
            return False
    return False


def sentence_events(doc: Doc, ctx: SentenceContext) -> list[SentenceEvent]:
    """Every event mention one parsed sentence states (offsets relative to the sentence)."""
    cands: list[SentenceEvent] = []
    used_heads: set[int] = set()
    for tok in doc:
        rule = match_trigger(tok)
        if rule is None:
            continue
        if (rule.pos == "N" and tok.dep_ == "compound" and match_trigger(tok.head) is None
                and not _toll_in_before(tok)):
            continue  # "attack helicopter", "strike force": a modifier, not an event
        if rule.type == "CONSULT" and rule.pos == "V" and any(
                c.dep_ == "auxpass" for c in tok.children):
            continue  # "will be met with a decisive response"
        ev = SentenceEvent(tok.i, tok.text, tok.idx, tok.idx + len(tok), rule, rule.type,
                           rule.mode, rule.cameo, confidence=rule.confidence)
        if rule.pos == "V":
            a_heads, r_heads = _verb_arguments(tok, rule, ctx)
            pair: list[Token] = []
        else:
            a_heads, r_heads, pair = _noun_arguments(tok, rule, ctx)
        ev.actors = _actors_of(a_heads, ctx)
        ev.recipients = [r for r in _actors_of(r_heads, ctx) if r not in ev.actors]
        if pair:
            ev.actors = _actors_of(pair, ctx)
            ev.reciprocal = len({a.country for a in ev.actors if a.country}) > 1
        used_heads.update(h.i for h in (*a_heads, *r_heads, *pair))
        ev.negated, ev.modality = modality_of(tok)
        cands.append(ev)
    if not cands:
        return []
    by_tok = {e.token: e for e in cands}
    _absorb(doc, cands, by_tok)
    live = [e for e in cands if e.token in by_tok]
    _merge_same_type(doc, live, by_tok)
    live = [e for e in live if e.token in by_tok]
    _fallback_arguments(doc, live, ctx, used_heads)
    _reciprocity(doc, live, ctx)
    _accusations(doc, live)
    _denials(doc, live, ctx)
    _disowned(doc, live, ctx)
    _magnitude_and_flags(doc, live)
    for e in live:
        _finish(e)
    return sorted(live, key=lambda e: e.token)


def event_at(doc: Doc, ctx: SentenceContext, i: int) -> SentenceEvent:
    """The event at token ``i`` with its status cues, whether or not the trigger lexicon
    knows the word: the sentence's own event there, else a probe read as an event of no type
    that goes through the same modality, accusation, denial and flag rules beside the
    sentence's events.

    Used by the attribution evaluation to judge the status of an annotated event the
    extractor did not find (the status rules are scored apart from trigger recall)."""
    events = sentence_events(doc, ctx)
    hit = next((e for e in events if e.token == i), None)
    if hit is not None:
        return hit
    tok = doc[i]
    rule = TriggerRule(tok.lemma_.lower(), "V" if tok.pos_ in ("VERB", "AUX") else "N", (),
                       "", None, "", "", 0.0, -1)
    ev = SentenceEvent(i, tok.text, tok.idx, tok.idx + len(tok), rule, "", None, "")
    ev.negated, ev.modality = modality_of(tok)
    live = sorted([*events, ev], key=lambda e: e.token)
    _accusations(doc, live)
    _denials(doc, live, ctx)
    _disowned(doc, live, ctx)
    _magnitude_and_flags(doc, live)
    return ev


def _absorb(doc: Doc, cands: list[SentenceEvent], by_tok: dict[int, SentenceEvent]) -> None:
    """One event, several trigger words: keep the content, drop the frame."""
    for e in list(cands):
        if e.token not in by_tok:
            continue
        t = doc[e.token]
        for o in cands:
            if o is e or o.token not in by_tok:
                continue
            u = doc[o.token]
            # "agreed to withdraw", "agreed to a ceasefire", "a ceasefire agreed on …",
            # "signed a ceasefire agreement": the agreed content wins
            if e.type == "AGREE" and e.rule.pos == "V" and o.type != "AGREE" and (
                    _linked(u, t) or _linked(t, u)):
                _take_arguments(o, e)
                by_tok.pop(e.token, None)
                break
            # "violated the ceasefire", "lifted the curfew": the noun is what the verb acts on
            if e.rule.pos == "V" and o.rule.pos == "N" and u.head == t \
                    and u.dep_ in ("dobj", "obj", "nsubjpass") and any(
                        c.kind == "obj" and not c.negate and u.lemma_.lower() in c.values
                        for c in e.rule.conds):
                by_tok.pop(o.token, None)
                e.absorbed.append(o.token)
                continue
            # "rejected the allegation": the charge denied, not a new accusation
            if e.type == "REJECT" and o.type == "ACCUSE" and o.rule.pos == "N" \
                    and u.head == t and u.dep_ in ("dobj", "obj", "nsubjpass"):
                by_tok.pop(o.token, None)
                continue
            # "threatened to strike": THREATEN, not ASSAULT
            if e.type == "THREATEN" and _linked(u, t) and u.dep_ in ("xcomp", "ccomp"):
                e.mode = e.mode or ("violence" if o.type == "ASSAULT" else None)
                _take_arguments(e, o)
                by_tok.pop(o.token, None)
            # "an attack … killed 26", "the shelling left five dead"
            elif (e.type == "ASSAULT" and e.rule.pos == "V"
                  and t.lemma_.lower() in KILL_LEMMAS and o.type == "ASSAULT"
                  and u.head == t and u.dep_ in ("nsubj", "nsubjpass")):
                _take_arguments(o, e)
                o.absorbed.append(e.token)
                by_tok.pop(e.token, None)
                break
            # a noun trigger modifying another ("ceasefire agreement", "ceasefire talks")
            elif u.head == t and u.dep_ == "compound":
                if e.type == "AGREE":
                    _take_arguments(o, e)
                    by_tok.pop(e.token, None)
                    break
                _take_arguments(e, o)
                by_tok.pop(o.token, None)


def _take_arguments(keep: SentenceEvent, drop: SentenceEvent) -> None:
    for a in drop.actors:
        if a not in keep.actors and a not in keep.recipients:
            keep.actors.append(a)
    for r in drop.recipients:
        if r not in keep.recipients and r not in keep.actors:
            keep.recipients.append(r)
    keep.reciprocal = keep.reciprocal or drop.reciprocal
    keep.negated = keep.negated or drop.negated
    keep.modality = keep.modality or drop.modality
    keep.absorbed.append(drop.token)
    keep.confidence = max(keep.confidence, drop.confidence)


def _countries(actors: Sequence[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def _near_in_tree(a: Token, b: Token) -> bool:
    """Within two dependency hops of each other ("shelled …, killing two soldiers")."""
    up_a = [a, *list(a.ancestors)[:2]]
    up_b = [b, *list(b.ancestors)[:2]]
    return any(x == y for x in up_a for y in up_b)


def _refers_to_other(t: Token, other: Token) -> bool:
    """Whether the event word ``t`` sits in a temporal or causal phrase under ``other``'s
    clause ("two weeks after the massacre", "since the attack", "in retaliation for the
    strikes", "in response to the shelling"): an earlier event the sentence refers to, not
    the same one."""
    node = t
    for _ in range(6):
        if node.head == node or node == other:
            return False
        up = node.head
        if node.dep_ in ("pobj", "pcomp") and (
                up.lower_ in REFERENCE_PREPS or (up.lower_ in ("for", "to", "against")
                                                 and up.head.lemma_.lower() in CAUSE_NOUNS)):
            return other in up.ancestors or other == up.head
        node = up
    return False


def _merge_same_type(doc: Doc, live: list[SentenceEvent],
                     by_tok: dict[int, SentenceEvent]) -> None:
    """Same PLOVER type, compatible sides, same sentence: one event (most specific mode)."""
    for i, a in enumerate(live):
        if a.token not in by_tok:
            continue
        for b in live[i + 1:]:
            if b.token not in by_tok or b.type != a.type or b.negated != a.negated:
                continue
            ca, cb = _countries(a.actors), _countries(b.actors)
            ra, rb = _countries(a.recipients), _countries(b.recipients)
            if (ca and cb and not ca & cb) or (ra and rb and not ra & rb):
                continue
            ta, tb = doc[a.token], doc[b.token]
            if _refers_to_other(ta, tb) or _refers_to_other(tb, ta):
                continue  # "struck nine sites …, two weeks after the Pahalgam massacre"
            bare = not (a.actors or a.recipients) or not (b.actors or b.recipients)
            if not (bare or _near_in_tree(ta, tb)):
                continue
            keep, drop = (a, b) if _mode_rank(a) >= _mode_rank(b) else (b, a)
            if keep.cameo != drop.cameo and keep.mode is None:
                keep.cameo = drop.cameo
            _take_arguments(keep, drop)
            by_tok.pop(drop.token, None)
            if drop is a:
                break


def _fallback_arguments(doc: Doc, live: list[SentenceEvent], ctx: SentenceContext,
                        used_heads: set[int]) -> None:
    """Linear fallbacks for a noisy parse: nearest named actor before/after the trigger."""
    named = [m for m in ctx.matches if m.country and m.kind != "sector"]
    taken = {(a.start, a.end) for e in live for a in (*e.actors, *e.recipients)}
    for e in live:
        if not e.actors:
            clause = _governing_subjects(doc[e.token]) if e.rule.pos == "N" else []
            before = [m for m in named if m.end <= e.trigger_start
                      and not _inside_taken(m, taken)
                      and not _inside_other_trigger_args(m, e, live)
                      and not any(a <= m.start and m.end <= b for a, b in clause)]
            if before:
                m = before[-1]
                e.actors = [Actor(m.text, m.country, m.sector if m.kind != "country" else None,
                                  m.start, m.end)]
                e.confidence *= 0.85
        if not e.recipients and e.type in DIRECTED_TYPES:
            after = [m for m in named if m.start >= e.trigger_end
                     and not _inside_taken(m, taken)
                     and m.country not in _countries(e.actors)
                     and m.start - e.trigger_end < 60]
            if after:
                m = after[0]
                e.recipients = [Actor(m.text, m.country,
                                      m.sector if m.kind != "country" else None,
                                      m.start, m.end)]
                e.confidence *= 0.85


def _governing_subjects(t: Token) -> list[tuple[int, int]]:
    """Character spans of the subjects of the verbs above a noun trigger: a name there belongs
    to the clause around the noun ("India's prime minister ordered a response to last week's
    attack"), not to the noun's own event."""
    spans = []
    for v in t.ancestors:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                sub = list(c.subtree)
                spans.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return spans


def _inside_taken(m: ActorMatch, taken: set[tuple[int | None, int | None]]) -> bool:
    return any(s is not None and e is not None and s <= m.start and m.end <= e
               for s, e in taken)


def _inside_other_trigger_args(m: ActorMatch, ev: SentenceEvent,
                               live: list[SentenceEvent]) -> bool:
    # a name right before another trigger belongs to that one ("India condemned the attack")
    for o in live:
        if o is ev or o.trigger_start > ev.trigger_start:
            continue
        if m.end <= o.trigger_start and o.trigger_start < ev.trigger_start:
            return True
    return False


def _reciprocity(doc: Doc, live: list[SentenceEvent], ctx: SentenceContext) -> None:
    recip_phrase = RECIPROCAL_RE.search(doc_text(doc))
    for e in live:
        if len(_countries(e.actors)) > 1 and not e.recipients:
            e.reciprocal = True
        elif recip_phrase and len(ctx.dyad) >= 2 and recip_phrase.start() > e.trigger_end \
                and not e.recipients and e.type in DIRECTED_TYPES | {"CONSULT", "SUPPORT", "AID"}:
            s, t = recip_phrase.start(), recip_phrase.end()  # "urged both countries"
            e.recipients = [Actor(recip_phrase.group(0), c, None, s, t) for c in ctx.dyad[:2]
                            if c not in _countries(e.actors)]
        elif recip_phrase and len(ctx.dyad) >= 2 and recip_phrase.start() < e.trigger_start and (
                not e.actors or any(recip_phrase.start() <= (a.start or -1) < recip_phrase.end()
                                    for a in e.actors)):
            s, t = recip_phrase.start(), recip_phrase.end()
            e.actors = [Actor(recip_phrase.group(0), c, None, s, t) for c in ctx.dyad[:2]]
            e.recipients = []
            e.reciprocal = True
            e.reciprocal_context = True
        elif not e.actors and not e.recipients and e.mode in SYMMETRIC_MODES \
                and len(ctx.dyad) >= 2:
            e.actors = [Actor("", c, None, None, None) for c in ctx.dyad[:2]]
            e.reciprocal = True
            e.reciprocal_context = True
            e.confidence *= 0.8
        elif e.type == "ASSAULT" and not e.recipients and len(ctx.dyad) >= 2:
            # "Pakistan launched operation X": in an article about a dyad, the other side
            own = _countries(e.actors)
            if len(own) == 1 and next(iter(own)) in ctx.dyad[:2]:
                other = next(c for c in ctx.dyad[:2] if c not in own)
                e.recipients = [Actor("", other, None, None, None)]
                e.confidence *= 0.8
        if e.reciprocal and e.recipients and e.mode in SYMMETRIC_MODES:
            e.actors += [r for r in e.recipients if r not in e.actors]
            e.recipients = []


def _accusations(doc: Doc, live: list[SentenceEvent]) -> None:
    """"blamed Pakistani intelligence for the attack": the attack is alleged, by the accused."""
    by_tok = {e.token: e for e in live}
    for e in live:
        if e.type != "ACCUSE":
            continue
        t = doc[e.token]
        targets = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "over")
                   for g in c.children if g.dep_ in ("pobj", "pcomp")]
        targets += [c for c in t.children if c.dep_ in ("ccomp",)]
        if any(c.dep_ == "prep" and c.lower_ == "on" for c in t.children):
            # "blamed X on Y", "X was blamed on Y"
            targets += [c for c in t.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        for g in targets:
            o = by_tok.get(g.i)
            if o is None or o is e:
                continue
            e.accuses.append(o.token)
            o.alleged = True
            if not o.actors and e.recipients:
                o.actors = list(e.recipients)


def _path_to(u: Token, t: Token) -> list[Token] | None:
    """The tokens from ``u`` up to (not including) its ancestor ``t``, or None."""
    path = [u]
    node = u
    while node.head != node:
        if node.head == t:
            return path
        node = node.head
        path.append(node)
    return None


def _denials(doc: Doc, live: list[SentenceEvent], ctx: SentenceContext) -> None:
    """Link a denial to what it denies: an event in its clause ("denied that troops fired":
    denied), a charge or report ("rejected the claim that …", "denied reports of …": the event
    is contested), or, when nothing in the sentence is denied, what the sentence before said."""
    for e in live:
        if e.type != "REJECT":
            continue
        t = doc[e.token]
        if t.lemma_.lower() not in DENIAL_LEMMAS and t.lower_ not in ("denial",):
            continue
        if any(c.dep_ == "nsubjpass" and c.lemma_.lower() in _REFUSED for c in t.children):
            continue  # "access was denied 105 times": nothing said is denied
        if _unasserted_denial(t):
            continue  # "its accusations can always be denied", "did not deny the report"
        deniers = sorted(_countries(e.actors))
        e.denies = deniers
        subj, _ = _subject(t)
        objs = [c for c in t.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        charges = [c for c in objs if c.lemma_.lower() in CHARGE_NOUNS]
        charge = bool(charges) or (
            t.dep_ in ("relcl", "acl") and t.head.lemma_.lower() in CHARGE_NOUNS)
        reported = any(w.lower_ in ("reportedly", "purportedly", "allegedly") for w in doc)
        accused = {k for o in live if o.type == "ACCUSE" for k in o.accuses}
        found = False
        for o in live:
            if o is e:
                continue
            u = doc[o.token]
            path = _path_to(u, t)
            if path is not None and any(w.lemma_.lower() in REQUEST_NOUNS and w.pos_ == "NOUN"
                                        for w in path):
                continue  # "rejected Trump's call for …", "rejected the request for the
                # extradition of …": a proposal turned down, nothing said to have happened
            if path is not None and any(w.lemma_.lower() in DIRECTIVE_LEMMAS and w.pos_ == "VERB"
                                        for w in (u, *path)):
                continue  # "rejected a US statement urging restraint": an appeal turned down
            in_clause = path is not None and path[-1].dep_ not in ("nsubj", "conj", "cc",
                                                                  "advcl", "prep")
            if in_clause and path is not None and any(
                    w.lemma_.lower() in _OWN_CONTENT_SPEECH and w.pos_ == "VERB"
                    and w.dep_ == "conj" for w in path[1:]):
                in_clause = False  # "deny their son went to Syria … and have said he was
                # tortured": the parse hangs the second statement inside the denied clause
            if path is not None and path[-1].dep_ == "prep" and path[-1].i > t.i:
                in_clause = False  # "denied the charge on Monday in Islamabad"
            if o.type == "ACCUSE" and (charge or in_clause):
                o.denial_status = "contested"
                o.denied_by = sorted(set(o.denied_by) | set(deniers))
                found = True
                if not e.recipients:
                    e.recipients = [a for a in o.actors if a.country not in deniers]
                for k in o.accuses:  # what was alleged is contested too
                    acc = next((x for x in live if x.token == k), None)
                    if acc is not None:
                        acc.denial_status = "contested"
                        acc.denied_by = sorted(set(acc.denied_by) | set(deniers))
            elif in_clause and o.token not in accused:
                via_charge = path is not None and any(c in path for c in charges)
                o.denial_status = "contested" if via_charge or reported else "denied"
                o.denied_by = sorted(set(o.denied_by) | set(deniers))
                if subj is not None:
                    o.denier_tokens.append(subj.i)
                found = True
        if not found and t.dep_ in ("relcl", "acl") and appended_charge(t.head):
            found = _deny_appended(doc, live, e, t.head, deniers)
        if not found and t.dep_ == "relcl" and t.head.lemma_.lower() not in CHARGE_NOUNS:
            # "the chemical attack in Douma, which Syrian forces have denied carrying out":
            # the relative clause denies its head, not what an earlier sentence said
            # the parse may hang the clause on a place after the event ("attack in Douma")
            heads = [t.head] + ([t.head.head.head] if t.head.dep_ == "pobj"
                                and t.head.head.dep_ == "prep" else [])
            head = next((o for h in heads for o in live if o.token == h.i and o is not e),
                        None)
            if head is not None and not head.denial_status:
                head.denial_status = "contested" if head.alleged or reported else "denied"
                head.denied_by = sorted(set(head.denied_by) | set(deniers))
                if subj is not None:
                    head.denier_tokens.append(subj.i)
            found = True
        e.denies_charge = charge
        e.denies_prior = not found and (charge or not objs or any(
            c.pos_ == "PRON" or c.lemma_.lower() in ("attack", "firing", "shelling", "report")
            for c in objs) or any(c.dep_ in ("xcomp", "ccomp") for c in t.children)) and not any(
            c.dep_ == "ccomp" and _states_own_content(c) for c in t.children)


def _unasserted_denial(t: Token) -> bool:
    """A denial that was not made: negated ("did not deny", "never denied") or only possible
    ("can always be denied", "could deny")."""
    return any((c.dep_ == "neg" or c.lower_ == "never")
               or (c.dep_ in ("aux", "auxpass") and c.lower_ in _MODAL_DENIAL)
               for c in t.children)


_MODAL_DENIAL = frozenset({"can", "ca", "could", "may", "might", "would", "should"})


def _states_own_content(clause: Token) -> bool:
    """"denied that a fee had been tabled": a that-clause with its own subject says what is
    denied; the denial does not reach back to the sentence before."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in clause.children)


def appended_charge(noun: Token) -> bool:
    """"…, a claim that Pakistan has consistently denied", "…, a charge Islamabad denies": a
    charge noun set off by a comma after a clause, the article's comment on that clause."""
    doc = noun.doc
    left = noun.left_edge.i
    return noun.lemma_.lower() in CHARGE_NOUNS and left > 0 and doc[left - 1].text == "," \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _anaphoric(t: Token) -> bool:
    """"it", "they", "the group", "the outfit": a denier named before, in the clause."""
    if t.pos_ == "PRON":
        return t.lower_ in ("it", "they")
    return t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this")
                                    for c in t.children)


def _deny_appended(doc: Doc, live: list[SentenceEvent], denial: SentenceEvent, noun: Token,
                   deniers: list[str]) -> bool:
    """"Police said the attack was carried out by LeT, a charge the group denied": the events
    of the clause the charge comments on are contested, denied by the named denier or, when
    the denier is "the group" or "it", by the accused actor of each event."""
    subj, _ = _subject(doc[denial.token])
    found = False
    for o in live:
        if o is denial or o.type == "REJECT" or o.denial_status or o.token >= noun.left_edge.i:
            continue
        by = deniers or (sorted(_countries(o.actors)) if subj is not None and _anaphoric(subj)
                         else [])
        o.denial_status = "contested"
        o.denied_by = sorted(set(o.denied_by) | set(by))
        if subj is not None:
            o.denier_tokens.append(subj.i)
        found = True
    return found


# "had nothing to do with", "had no role in", "was not involved in", "played no part in"
_DISOWN_NOUNS = frozenset({"nothing", "role", "part", "hand", "involvement", "link", "links",
                           "connection", "responsibility"})
_DISOWN_ADJ = frozenset({"involved", "responsible", "behind", "linked", "connected"})


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in t.children)


def _speaker_actor(v: Token, ctx: SentenceContext) -> tuple[Token | None, list[Actor]]:
    """The subject of a clause and the actors it codes to; a pronoun subject ("it had no
    role") takes the subject of the verb reporting the clause ("Pakistan says it ...")."""
    node: Token | None = v
    for _ in range(4):
        if node is None:
            break
        subj, _passive = _subject(node)
        if subj is not None and subj.pos_ != "PRON":
            return subj, [a for a in code_head(subj, ctx) if a.country]
        node = node.head if node.head != node else None
    return None, []


def _disowned(doc: Doc, live: list[SentenceEvent], ctx: SentenceContext) -> None:
    """"Pakistan says it had nothing to do with the attack": the attack is denied by Pakistan,
    and Pakistan is the actor it denies being."""
    for o in live:
        if o.rule.pos != "N" or o.denial_status:
            continue
        u = doc[o.token]
        if u.dep_ != "pobj" or u.head.lower_ not in ("with", "in", "for", "behind"):
            continue
        gov = u.head.head  # the noun/adjective/verb the preposition hangs on
        if gov.lemma_.lower() == "do" and gov.head.lower_ == "nothing":
            gov = gov.head  # "had nothing to do with"
        elif gov.pos_ in ("VERB", "AUX"):  # "played no part in": the preposition on the verb
            gov = next((c for c in gov.children if c.dep_ in ("dobj", "obj")
                        and c.lemma_.lower() in _DISOWN_NOUNS), gov)
        if gov.lower_ in _DISOWN_NOUNS or gov.lemma_.lower() in _DISOWN_NOUNS:
            noun = gov
            neg = noun.lower_ == "nothing" or _negated(noun)
            verb = noun.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
                verb = verb.head
            neg = neg or _negated(verb)
        elif gov.lower_ in _DISOWN_ADJ or (gov.lower_ == "behind" and gov.pos_ == "ADP"):
            verb = gov.head if gov.dep_ in ("acomp", "attr", "prep") else gov
            neg = _negated(gov) or _negated(verb)
        else:
            continue
        if not neg:
            continue
        denier, deniers = _speaker_actor(verb, ctx)
        if denier is None or not deniers:
            continue
        if not o.actors:
            o.actors = deniers
        o.denied_by = sorted(set(o.denied_by) | {a.country for a in deniers if a.country})
        o.denial_status = "contested" if o.alleged else "denied"
        o.denier_tokens.append(denier.i)


def _magnitude_and_flags(doc: Doc, live: list[SentenceEvent]) -> None:
    dead, injured, arrested = magnitude(doc_text(doc))
    assault = next((e for e in live if e.type == "ASSAULT" and not e.negated), None)
    if assault is not None:
        assault.dead, assault.injured = dead, injured
    arrest = next((e for e in live if e.type == "COERCE" and e.mode == "arrest"), None)
    if arrest is not None:
        arrest.arrested = arrested
    lowered = doc_text(doc).lower()
    for e in live:
        t = doc[e.token]
        # modifiers of the trigger or its head, not a clause beside it ("met the minister
        # and alleged that …": the meeting is not alleged)
        near = {c.lower_ for w in (t, t.head) for c in w.children if c.dep_ not in _CLAUSAL}
        if near & {"allegedly", "suspected", "purportedly", "alleged"}:
            e.alleged = True
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in (
                "report", "claim", "rumour", "rumor"):
            e.reported = True  # "reports of airstrikes killing hundreds"
        if e.modality is None and t.dep_ == "xcomp" and t.head.lemma_ == "be" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            e.modality = "future"  # "the Home Office is to suspend cooperation"
        if e.type == "ASSAULT" and ("claimed responsibility" in lowered
                                    or "claim responsibility" in lowered):
            e.claimed = True
    for c in doc:  # "claimed responsibility for the attack", "claimed to have carried out"
        if c.lemma_.lower() != "claim" or (c.pos_ not in ("VERB", "AUX") and not any(
                x.dep_ == "xcomp" for x in c.children)):  # "claim to have …" tagged a noun
            continue
        credit = any(o.lemma_.lower() in ("responsibility", "credit") for o in c.children
                     if o.dep_ in ("dobj", "obj"))
        passive = any(x.dep_ == "nsubjpass" for x in c.children)
        heads = [x for x in c.children if x.dep_ == "xcomp"] if any(
            x.dep_ == "aux" and x.lower_ == "to" for y in c.children if y.dep_ == "xcomp"
            for x in y.children) and not passive else []  # "what were claimed to be attacks"
        if credit:
            heads += [g for o in c.children if o.dep_ in ("dobj", "obj")
                      for p in o.children if p.dep_ == "prep" and p.lower_ == "for"
                      for g in p.children if g.dep_ in ("pobj", "pcomp")]
            heads += [g for p in c.children if p.dep_ == "prep" and p.lower_ == "for"
                      for g in p.children if g.dep_ in ("pobj", "pcomp")]
        for e in live:
            u = doc[e.token]
            if e.token != c.i and any(u == h or h in u.ancestors for h in heads):
                e.claimed = True


def _dedupe(actors: Sequence[Actor]) -> list[Actor]:
    out: list[Actor] = []
    seen: set[tuple[str | None, str | None]] = set()
    for a in actors:
        key = (a.country, a.sector)
        if key == (None, None) or key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _fuse_partial(actors: list[Actor]) -> list[Actor]:
    """"Indian posts" + "two soldiers" in one event: one actor, IND MIL."""
    only_c = [a for a in actors if a.country and not a.sector]
    only_s = [a for a in actors if a.sector and not a.country]
    if len(only_c) == 1 and len(only_s) == 1 and len(actors) == 2:
        c, k = only_c[0], only_s[0]
        return [Actor(c.text, c.country, k.sector, c.start, c.end)]
    return actors


def _finish(e: SentenceEvent) -> None:
    e.actors = _fuse_partial(_dedupe(e.actors))
    e.recipients = _fuse_partial(_dedupe(e.recipients))
    if e.type == "ASSAULT" and e.cameo in ("180", "190"):  # state force vs. irregular violence
        state = any(a.country and a.sector in (None, "MIL", "GOV", "COP") for a in e.actors)
        e.cameo = "190" if state else "180"
    codes = {(a.country, a.sector) for a in e.actors}
    e.recipients = [r for r in _dedupe(e.recipients) if (r.country, r.sector) not in codes
                    or (r.country, r.sector) == (None, None)]
    if e.mode in MIL_MODES:  # a bare country firing artillery is its military
        e.actors = [Actor(a.text, a.country, "MIL", a.start, a.end)
                    if a.country and not a.sector else a for a in e.actors]
    if e.actors:
        e.confidence = min(1.0, e.confidence + 0.05)
    if e.recipients:
        e.confidence = min(1.0, e.confidence + 0.05)
