"""Event triggers: the versioned lexicon ``lexicons/triggers.tsv`` and its matcher.

A trigger is a verb or noun whose lemma is in the lexicon; the first rule of that lemma whose
condition holds on the token's dependents gives the PLOVER type and mode and the CAMEO code.
A cheap regex over raw sentence text (``might_hold_event``) decides which sentences are parsed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Token

from ..errors import ResourceError
from ..models import PLOVER_TYPES
from ..resources import table

LEXICON = "lexicons/triggers.tsv"
_MOD_DEPS = frozenset({"compound", "amod", "nmod", "nn", "npadvmod"})
_OBJ_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})


@dataclass(frozen=True, slots=True)
class Cond:
    kind: str  # obj | prt | prep | mod | head
    values: frozenset[str]
    negate: bool = False


@dataclass(frozen=True, slots=True)
class TriggerRule:
    lemma: str
    pos: str  # V or N
    conds: tuple[Cond, ...]
    type: str
    mode: str | None
    cameo: str
    obj_role: str
    confidence: float
    row: int


def _parse_conds(text: str, row: int) -> tuple[Cond, ...]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        neg = part.startswith("!")
        part = part.lstrip("!")
        if "=" not in part:
            raise ResourceError(f"{LEXICON} row {row}: condition {part!r} needs kind=values")
        kind, vals = part.split("=", 1)
        if kind not in {"obj", "prt", "prep", "mod", "head"}:
            raise ResourceError(f"{LEXICON} row {row}: unknown condition kind {kind!r}")
        out.append(Cond(kind, frozenset(v.strip().lower() for v in vals.split(",")), neg))
    return tuple(out)


@functools.cache
def trigger_rules() -> dict[tuple[str, str], tuple[TriggerRule, ...]]:
    """Rules keyed by (lemma, pos), in file order."""
    rules: dict[tuple[str, str], list[TriggerRule]] = {}
    for n, r in enumerate(table(LEXICON), start=2):
        if r["type"] not in PLOVER_TYPES:
            raise ResourceError(f"{LEXICON} row {n}: unknown PLOVER type {r['type']!r}")
        if r["pos"] not in ("V", "N"):
            raise ResourceError(f"{LEXICON} row {n}: pos must be V or N, not {r['pos']!r}")
        rule = TriggerRule(r["lemma"].lower(), r["pos"], _parse_conds(r["cond"], n), r["type"],
                           r["mode"] or None, r["cameo"], r["obj"] or "recipient",
                           float(r["conf"] or 0.5), n)
        rules.setdefault((rule.lemma, rule.pos), []).append(rule)
    return {k: tuple(v) for k, v in rules.items()}


def inflections(lemma: str) -> set[str]:
    """Regular inflected forms of a trigger lemma (irregular ones are in the lexicon)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and len(lemma) > 3:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdglmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@functools.cache
def _trigger_forms() -> frozenset[str]:
    forms: set[str] = set()
    for r in table(LEXICON):
        forms |= inflections(r["lemma"].lower())
        forms |= {f.strip().lower() for f in r["forms"].split("|") if f.strip()}
    return frozenset(forms)


_WORD = re.compile(r"[a-z][a-z'’-]*")


def might_hold_event(sentence: str) -> bool:
    """Cheap test on raw text: does any trigger form occur? (decides what gets parsed)."""
    forms = _trigger_forms()
    for w in _WORD.findall(sentence.lower()):
        if w in forms:
            return True
        if "-" in w and any(p in forms for p in w.split("-")):
            return True
    return False


def _children_lemmas(tok: Token, deps: frozenset[str]) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in deps}


def _obj_lemmas(tok: Token) -> set[str]:
    out = _children_lemmas(tok, _OBJ_DEPS)
    for c in tok.children:
        if c.dep_ == "prep":
            out |= {g.lemma_.lower() for g in c.children if g.dep_ == "pobj"}
        if c.dep_ in _OBJ_DEPS:  # "diplomats" in "two Pakistani diplomats", compounds too
            out |= {g.lemma_.lower() for g in c.children if g.dep_ == "compound"}
    if tok.dep_ in ("acl", "relcl"):  # "the ceasefire violated ..." → the head noun
        out.add(tok.head.lemma_.lower())
    return out


def _mod_lemmas(tok: Token) -> set[str]:
    out = _children_lemmas(tok, _MOD_DEPS)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "by", "with"):
            out |= {g.lemma_.lower() for g in c.children if g.dep_ == "pobj"}
        if c.dep_ in ("prep", "advmod", "npadvmod") and c.lower_ in ("by", "over"):
            out |= {g.lemma_.lower() for g in c.subtree}
    # words just before the trigger ("cross-border", "air") even when the parse attaches elsewhere
    doc = tok.doc
    for i in range(max(tok.i - 2, 0), tok.i):
        out.add(doc[i].lemma_.lower())
    return out


def _holds(cond: Cond, tok: Token) -> bool:
    if cond.kind == "obj":
        got = _obj_lemmas(tok)
    elif cond.kind == "prt":
        got = _children_lemmas(tok, frozenset({"prt", "advmod"}))
    elif cond.kind == "prep":
        got = {c.lower_ for c in tok.children if c.dep_ in ("prep", "dative", "agent")}
    elif cond.kind == "mod":
        got = _mod_lemmas(tok)
    else:  # head
        got = {tok.head.lemma_.lower()} if tok.head != tok else set()
    hit = bool(got & cond.values)
    return hit != cond.negate


# a participle with a determiner in a noun's place is a noun for people ("the accused")
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "conj", "appos",
                           "attr"})


def match_trigger(tok: Token) -> TriggerRule | None:
    """The lexicon rule a token triggers, or None."""
    if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
        if tok.tag_ == "VBN" and ((tok.dep_ in _NOMINAL_DEPS and any(
                c.dep_ == "det" for c in tok.children)) or (
                tok.dep_ == "acl" and tok.head.pos_ == "ADJ" and tok.i == tok.head.i + 1
                and any(c.dep_ == "det" for c in tok.head.children))):
            return None  # "the main accused", "the other accused", "the injured": people
        pos = "V"
    elif tok.pos_ in ("NOUN", "PROPN"):
        pos = "N"
    else:
        return None
    lemma = tok.lemma_.lower()
    rules = trigger_rules().get((lemma, pos))
    if rules is None and pos == "N":  # plural nouns the lemmatiser left alone ("talks")
        rules = trigger_rules().get((tok.lower_, pos))
    if rules is None and pos == "V" and tok.tag_ == "VBG":  # gerunds tagged VERB: "shelling"
        rules = trigger_rules().get((tok.lower_, "N"))
    if not rules:
        return None
    for rule in rules:
        if all(_holds(c, tok) for c in rule.conds):
            return rule
    return None
