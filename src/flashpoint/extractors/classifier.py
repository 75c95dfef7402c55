"""Learned event classifier: a sentence (with its source and target, if known) -> PLOVER type
and mode, CAMEO code, quad class, ACLED type and sub-type, and a confidence.

The model is a set of linear heads over sparse lexical features (:mod:`.clf_features`: word
and character n-grams, the words between the actor spans, the trigger lexicon's types),
trained by ``training/train_classifier.py``. It ships as plain data, loaded with numpy and
json only (no pickle, no scikit-learn at run time):

* ``models/event_classifier.json``  vocabulary, label lists, frozen trigger lexicon, provenance;
* ``models/event_classifier.npz``   idf weights, and a float16 weight matrix + bias per head.

Heads: ``root`` (15 PLOVER roots, CONCEDE and RETREAT merged as YIELD), ``yield`` (CONCEDE vs
RETREAT), ``quad`` (0 neutral statement, 1-4 quad class), ``mode:<TYPE>``.

A fine-tuned sentence encoder (:mod:`.encoder`, int8 ONNX) has a ``root`` and a ``quad`` head
of its own; its probabilities are mixed with the lexical heads' at :data:`ENCODER_WEIGHT`
(``FLASHPOINT_ENCODER=off`` leaves it out). :func:`classify_many` runs it batched.

How the parts combine:

* type = argmax of the mixed ``root`` (a YIELD is split by ``yield``); its probability is the
  confidence; ASSAULT or COERCE by protesters or demonstrators becomes PROTEST (riot, or
  vandalize when property is damaged);
* mode = the mode a trigger-lexicon word of that type names (words between the actors first),
  else the ``mode:<TYPE>`` head when it is sure (p >= 0.5), else none;
* CAMEO = the trigger's code for that type when one matched, else the most general CAMEO code
  that maps to (type, mode);
* quad class = argmax of the mixed ``quad`` heads (:data:`QUAD_ROOT_WEIGHT` of its 1-4 mass
  can be shared with the quad classes the root head implies; 0 by default);
  0 means "a neutral statement": the type is still the best guess for the pair;
* ACLED = :func:`flashpoint.ontology.acled_for` on type, mode, CAMEO and the actor sectors
  (coded with the actor dictionary), refined by :mod:`.acled_cues` for protests and riots.

When neither source nor target is given, the actor-span tagger (:mod:`.actor_spans`) proposes
them, so the sentence's main event is classified.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .. import ontology
from ..errors import ResourceError
from ..resources import data_path
from . import acled_cues, actor_spans, encoder
from .clf_features import Marked, features, mark, tokens

MODEL_JSON = "models/event_classifier.json"
MODEL_NPZ = "models/event_classifier.npz"
FORMAT = 1
MODE_MIN_P = 0.5
ENCODER_WEIGHT = 0.5  # share of the fine-tuned encoder (:mod:`.encoder`) in root and quad
QUAD_ROOT_WEIGHT = 0.0  # quad head alone; 0.3 and 0.5 scored lower (compared on dev: see report)


_PROTESTERS = re.compile(r"\b(?:protest[eo]rs?|demonstrators?|marchers)\b", re.I)
# "agreed to a ceasefire", "agreed on a three-day truce": the truce agreed is the event
# (CAMEO 0871, as the event extractor codes it); "agreed to withdraw" stays AGREE
_AGREED_TO = re.compile(r"\bagree(?:d|s|ing)?\s+(?:to|on|upon)\s+(?:an?\s+|the\s+)?"
                        r"((?:[\w-]+\s+){0,3}[\w-]+)", re.I)
_PROPERTY = re.compile(r"\b(?:burn(?:ed|t|s|ing)?|torch(?:ed|es|ing)?|set (?:fire|ablaze)|"
                       r"vandali[sz]\w*|smash\w*|ransack\w*|damag\w*)\b", re.I)


@dataclass(frozen=True, slots=True)
class Classification:
    """The coding of one sentence's event. ``scores`` are the top root-type probabilities."""

    plover_type: str
    plover_mode: str | None
    cameo_code: str | None
    quad_class: int
    acled_event_type: str | None
    acled_sub_event_type: str | None
    confidence: float
    quad_confidence: float
    scores: tuple[tuple[str, float], ...]
    quad_scores: tuple[tuple[str, float], ...] = ()
    source: str | None = None
    target: str | None = None
    source_code: tuple[str | None, str | None] = (None, None)  # (country, sector)
    target_code: tuple[str | None, str | None] = (None, None)

    @property
    def cooperation(self) -> bool:
        """Cooperative (quad 1-2) rather than conflictual (quad 3-4), from the type scores."""
        return self.coop_probability >= 0.5

    @property
    def coop_probability(self) -> float:
        """P(cooperation): the root types' quad 1-2 mass averaged with the quad head's (neutral
        left out); equal weights and the 0.5 cut were chosen on aw_train's tune half."""
        total = sum(p for _, p in self.scores) or 1.0
        root = sum(p for t, p in self.scores if ontology.plover_quad(t) <= 2) / total
        q = dict(self.quad_scores)
        events = sum(v for k, v in q.items() if k != "0")
        if not events:
            return root
        return 0.5 * root + 0.5 * (q.get("1", 0.0) + q.get("2", 0.0)) / events

    def to_dict(self) -> dict[str, Any]:
        """The fields ``flashpoint classify`` adds to an input row."""
        root = self.cameo_code[:2] if self.cameo_code else None
        return {
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "cameo": {"code": self.cameo_code, "root": root},
            "quad_class": self.quad_class,
            "acled": ({"event_type": self.acled_event_type,
                       "sub_event_type": self.acled_sub_event_type}
                      if self.acled_event_type else None),
            "confidence": round(self.confidence, 4),
        }


@dataclass(frozen=True, slots=True)
class _Head:
    labels: tuple[str, ...]
    coef: np.ndarray  # (features, labels) float32
    bias: np.ndarray


@dataclass(frozen=True, slots=True)
class _Model:
    vocab: Mapping[str, int]
    idf: np.ndarray
    heads: Mapping[str, _Head]
    lexicon: Mapping[str, Sequence[str]]
    lexicon_modes: Mapping[str, Mapping[str, Sequence[str]]]  # form -> {TYPE: [mode, cameo]}


def _bad(what: str) -> ResourceError:
    return ResourceError(f"event classifier model: {what}; restore src/flashpoint/data/models/ "
                         "from git or retrain with `python training/train_classifier.py`")


@functools.cache
def _model() -> _Model:
    try:
        meta = json.loads(data_path(MODEL_JSON).read_text(encoding="utf-8"))
        arrays = np.load(data_path(MODEL_NPZ), allow_pickle=False)
    except (OSError, ValueError) as e:
        raise _bad(f"unreadable ({e})") from None
    if meta.get("format") != FORMAT:
        raise _bad(f"format {meta.get('format')!r}, this flashpoint reads format {FORMAT}")
    vocab = {f: i for i, f in enumerate(meta["vocab"])}
    heads = {}
    for name, h in meta["heads"].items():
        coef = arrays[f"{name}.coef"].astype(np.float32)
        if coef.shape != (len(vocab), len(h["labels"])):
            raise _bad(f"head {name} has shape {coef.shape}")
        heads[name] = _Head(tuple(h["labels"]), coef, arrays[f"{name}.bias"].astype(np.float32))
    for need in ("root", "yield", "quad"):
        if need not in heads:
            raise _bad(f"head {need!r} is missing")
    return _Model(vocab, arrays["idf"].astype(np.float32), heads, meta["lexicon"],
                  meta.get("lexicon_modes", {}))


def _vector(model: _Model, feats: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
    counts = Counter(f for f in feats if f in model.vocab)
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    idx = np.fromiter((model.vocab[f] for f in counts), dtype=np.int64, count=len(counts))
    val = 1 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
    val *= model.idf[idx]
    val /= np.linalg.norm(val) or 1.0
    return idx, val


def _probs(head: _Head, idx: np.ndarray, val: np.ndarray) -> np.ndarray:
    z = val @ head.coef[idx] + head.bias if len(idx) else head.bias.copy()
    z = np.exp(z - z.max())
    out: np.ndarray = z / z.sum()
    return out


def head_probabilities(text: str, source: str | None = None, target: str | None = None,
                       ) -> dict[str, dict[str, float]]:
    """Raw probabilities of every head (for evaluation and for combining with rules)."""
    model = _model()
    m = _marked(text, source, target)
    idx, val = _vector(model, features(m, model.lexicon))
    return {name: dict(zip(h.labels, map(float, _probs(h, idx, val)), strict=True))
            for name, h in model.heads.items()}


def _marked(text: str, source: str | None, target: str | None) -> Marked:
    m = mark(text, source, target)
    if m.source is None and m.target is None and not source and not target:
        s, t = actor_spans.find_actors(m.text)
        m = Marked(m.text, (s.start, s.end) if s else None, (t.start, t.end) if t else None)
    return m


@functools.cache
def _cameo_for() -> dict[tuple[str, str], str]:
    """(type, mode or "") -> the most general CAMEO code mapping to it (shortest, first)."""
    out: dict[tuple[str, str], str] = {}
    for code in ontology.cameo_codes():
        p = ontology.cameo_to_plover(code)
        if p is None:
            continue
        key = (p[0], p[1] or "")
        if key not in out or len(code) < len(out[key]):
            out[key] = code
    return out


def cameo_code(plover_type: str, mode: str | None) -> str | None:
    table = _cameo_for()
    return table.get((plover_type, mode or "")) or table.get((plover_type, ""))


def _lexicon_mode(model: _Model, m: Marked, ptype: str) -> tuple[str | None, str | None]:
    """(mode, CAMEO code) of the first trigger word of type ``ptype`` (an unconditional
    lexicon row), looking between the actors first; (None, None) when none occurs."""
    toks = tokens(m.text)
    lo, hi = 0, len(m.text)
    if m.source and m.target:
        lo, hi = min(m.source[1], m.target[1]), max(m.source[0], m.target[0])
    between = [w for w, a, _ in toks if lo <= a < hi]
    for w in [*between, *(w for w, a, _ in toks if not lo <= a < hi)]:
        hit = model.lexicon_modes.get(w, {}).get(ptype)
        if hit:
            return (hit[0] or None), (hit[1] or None)
    return None, None


def _yield_split(model: _Model, m: Marked, idx: np.ndarray, val: np.ndarray
                 ) -> dict[str, float]:
    """P(CONCEDE), P(RETREAT) given YIELD: a trigger word of just one of them decides (the
    synthetic stories the head learnt from are far from news sentences), else the head."""
    named = {t for w, _, _ in tokens(m.text) for t in model.lexicon_modes.get(w, {})}
    hits = named & {"CONCEDE", "RETREAT"}
    if len(hits) == 1:
        return {"CONCEDE": 0.0, "RETREAT": 0.0} | dict.fromkeys(hits, 1.0)
    h = model.heads["yield"]
    return dict(zip(h.labels, _probs(h, idx, val).tolist(), strict=True))


def _code_actor(span_text: str | None) -> tuple[str | None, str | None]:
    if not span_text:
        return None, None
    from .actor_lexicon import ActorLexicon

    return ActorLexicon.default().code_phrase(span_text)


def classify(text: str, source: str | None = None, target: str | None = None
             ) -> Classification:
    """Classify the event of ``text`` between ``source`` and ``target``.

    ``text`` is one sentence or a short snippet; it may carry ``<s>…</s>``/``<t>…</t>`` marks
    instead of ``source``/``target``. With neither, the actor-span tagger picks the actors
    (the sentence's main event). Raises ResourceError when the model files are damaged.
    """
    return classify_many([(text, source, target)])[0]


def classify_many(rows: Iterable[tuple[str, str | None, str | None]], *,
                  use_encoder: bool = True) -> list[Classification]:
    """:func:`classify` over (text, source, target) rows, in order; the encoder runs batched.
    ``use_encoder=False`` scores with the lexical heads alone (as ``FLASHPOINT_ENCODER=off``)."""
    model = _model()
    rows = list(rows)
    marked = [_marked(t, s, g) for t, s, g in rows]
    # the quad heads learnt unmarked sentences too (cameo_quad has no actors): score them on
    # the sentence as given, not with the tagger's guesses (lexical CV accuracy 0.90 vs 0.76)
    plain = [mark(t, s, g) for t, s, g in rows]
    enc_root: list[Mapping[str, float] | None] = [None] * len(rows)
    enc_quad: list[Mapping[str, float] | None] = [None] * len(rows)
    if use_encoder and encoder.enabled() and rows:
        extra = [i for i, (m, p) in enumerate(zip(marked, plain, strict=True))
                 if (m.source, m.target) != (p.source, p.target)]
        probs = encoder.probabilities([*marked, *(plain[i] for i in extra)])
        for i in range(len(rows)):
            enc_root[i] = probs[i]["root"]
            enc_quad[i] = probs[i]["quad"]
        for k, i in enumerate(extra):
            enc_quad[i] = probs[len(rows) + k]["quad"]
    return [_classify(model, m, p, r, q)
            for m, p, r, q in zip(marked, plain, enc_root, enc_quad, strict=True)]


def _mix(lexical: Mapping[str, float], learned: Mapping[str, float] | None) -> dict[str, float]:
    if learned is None:
        return dict(lexical)
    return {k: (1 - ENCODER_WEIGHT) * v + ENCODER_WEIGHT * learned.get(k, 0.0)
            for k, v in lexical.items()}


def _classify(model: _Model, m: Marked, plain: Marked, enc_root: Mapping[str, float] | None,
              enc_quad: Mapping[str, float] | None) -> Classification:
    idx, val = _vector(model, features(m, model.lexicon))
    rh = model.heads["root"]
    root = _mix(dict(zip(rh.labels, _probs(rh, idx, val).tolist(), strict=True)), enc_root)
    scores: dict[str, float] = {}
    for lab, p in root.items():
        if lab == "YIELD":
            for k, v in _yield_split(model, m, idx, val).items():
                scores[k] = p * v
        else:
            scores[lab] = p
    ptype = max(scores, key=scores.__getitem__)
    mode, code = _lexicon_mode(model, m, ptype)
    src = m.text[m.source[0]:m.source[1]] if m.source else None
    if src and ptype in ("ASSAULT", "COERCE") and _PROTESTERS.search(src):
        # violence by protesters is a violent protest (PLOVER PROTEST riot / vandalize; ACLED
        # codes the event by its actor: a violent demonstration, not an attack)
        ptype = "PROTEST"
        scores[ptype] = max(scores.values())
        mode = "vandalize" if _PROPERTY.search(m.text) else "riot"
        code = None
    if ptype == "AGREE":
        agreed = _agreed_ceasefire(model, m.text)
        if agreed:
            scores["RETREAT"] = max(scores.values())
            ptype, (mode, code) = "RETREAT", agreed
    if mode is None and f"mode:{ptype}" in model.heads:
        h = model.heads[f"mode:{ptype}"]
        pm = _probs(h, idx, val)
        if pm.max() >= MODE_MIN_P:
            mode = h.labels[int(pm.argmax())]
    code = code if code and _mode_of(code) in (None, mode) else cameo_code(ptype, mode)
    # quad: the quad heads, optionally mixed with the quad classes the root head implies
    qh = model.heads["quad"]
    if (plain.source, plain.target) != (m.source, m.target):
        q_idx, q_val = _vector(model, features(plain, model.lexicon))
    else:
        q_idx, q_val = idx, val
    qp = _mix(dict(zip(qh.labels, _probs(qh, q_idx, q_val).tolist(), strict=True)), enc_quad)
    implied: dict[str, float] = {}
    for t, p in scores.items():
        q = str(ontology.plover_quad(t))
        implied[q] = implied.get(q, 0.0) + p
    p0 = qp.get("0", 0.0)
    quad = {q: p0 if q == "0" else
            (1 - QUAD_ROOT_WEIGHT) * qp[q] + QUAD_ROOT_WEIGHT * implied.get(q, 0.0) * (1 - p0)
            for q in qp}
    best_q = max(quad, key=quad.__getitem__)
    tgt = m.text[m.target[0]:m.target[1]] if m.target else None
    s_code, t_code = _code_actor(src), _code_actor(tgt)
    et, st = ontology.acled_for(ptype, mode, t_code[1], s_code[1], cameo_code=code)
    et, st = acled_cues.refine(m.text, ptype, mode, et, st, s_code[1])
    top = tuple(sorted(scores.items(), key=lambda kv: -kv[1]))
    return Classification(ptype, mode, code, int(best_q), et, st, scores[ptype], quad[best_q],
                          top, tuple(sorted(qp.items())), src, tgt, s_code, t_code)


def _agreed_ceasefire(model: _Model, text: str) -> tuple[str, str] | None:
    """(mode, CAMEO code) of a ceasefire that ``text`` says was agreed to, else None."""
    for hit in _AGREED_TO.finditer(text):
        for w in hit.group(1).split():
            named = model.lexicon_modes.get(w.lower())
            if not named:
                continue
            row = named.get("RETREAT")
            if row and row[0] == "ceasefire":
                return row[0], row[1]
            break  # "agreed to talks on a ceasefire": the talks were agreed
    return None


def _mode_of(code: str) -> str | None:
    p = ontology.cameo_to_plover(code)
    return p[1] if p else None
