"""Source/target actor spans of a sentence: a greedy averaged-perceptron BIO tagger.

Tags: ``S`` source actor, ``T`` target actor, ``R`` another role (BIO). Trained by
``training/train_classifier.py`` on cameo_actor_spans_train (minus the dev ids); the weights
are the packaged JSON file ``models/actor_spans.json`` (feature -> {tag: weight}).

:func:`find_actors` gives the first source and first target span of a sentence as character
offsets; :func:`classifier.classify` uses it when the caller names no source or target.
The training routine lives here too so the feature function has one definition.
"""

from __future__ import annotations

import functools
import json
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import ResourceError
from ..resources import data_path

MODEL_FILE = "models/actor_spans.json"
TAGS = ("O", "B-S", "I-S", "B-T", "I-T", "B-R", "I-R")
EPOCHS = 8
_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Span:
    role: str  # S, T or R
    start: int  # character offsets into the text
    end: int
    text: str


def _shape(w: str) -> str:
    s = re.sub(r"[A-Z]", "X", w)
    s = re.sub(r"[a-z]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1+", r"\1\1", s)


def token_features(words: Sequence[str], i: int, prev: str, prev2: str) -> list[str]:
    """Features of token ``i`` given the two previous tags."""
    w = words[i]
    lo = w.lower()

    def at(j: int) -> str:
        return words[j].lower() if 0 <= j < len(words) else ("<s>" if j < 0 else "</s>")

    return [
        "b", "w=" + lo, "s3=" + lo[-3:], "p3=" + lo[:3], "sh=" + _shape(w),
        "w-1=" + at(i - 1), "w+1=" + at(i + 1), "w-2=" + at(i - 2), "w+2=" + at(i + 2),
        "w-1w=" + at(i - 1) + " " + lo, "ww+1=" + lo + " " + at(i + 1),
        "t-1=" + prev, "t-2t-1=" + prev2 + " " + prev, "t-1w=" + prev + " " + lo,
        "pos=" + ("0" if i == 0 else "1" if i < 4 else "2"),
    ]


def _score(weights: Mapping[str, Mapping[str, float]], feats: Sequence[str]) -> dict[str, float]:
    s = dict.fromkeys(TAGS, 0.0)
    for f in feats:
        for t, v in weights.get(f, {}).items():
            s[t] += v
    return s


def _legal(tag: str, prev: str) -> bool:
    return not tag.startswith("I-") or prev[2:] == tag[2:]


def tag(words: Sequence[str], weights: Mapping[str, Mapping[str, float]]) -> list[str]:
    """Greedy left-to-right BIO tags (an I- tag only continues the same role)."""
    out: list[str] = []
    prev, prev2 = "<s>", "<s>"
    for i in range(len(words)):
        s = _score(weights, token_features(words, i, prev, prev2))
        best = max((t for t in TAGS if _legal(t, prev)), key=lambda t: (s[t], t == "O"))
        out.append(best)
        prev2, prev = prev, best
    return out


def train_perceptron(data: Sequence[tuple[list[str], list[str]]], *, epochs: int, seed: int
                     ) -> dict[str, dict[str, float]]:
    """Averaged perceptron with gold previous tags (the standard greedy tagger recipe)."""
    w: dict[str, dict[str, float]] = {}
    totals: dict[tuple[str, str], float] = {}
    stamps: dict[tuple[str, str], int] = {}
    step = 0
    rng = random.Random(seed)
    order = list(range(len(data)))

    def update(f: str, t: str, v: float) -> None:
        key = (f, t)
        cur = w.setdefault(f, {}).get(t, 0.0)
        totals[key] = totals.get(key, 0.0) + (step - stamps.get(key, 0)) * cur
        stamps[key] = step
        w[f][t] = cur + v

    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            words, gold = data[k]
            prev, prev2 = "<s>", "<s>"
            for i in range(len(words)):
                feats = token_features(words, i, prev, prev2)
                s = _score(w, feats)
                guess = max((t for t in TAGS if _legal(t, prev)),
                            key=lambda t: (s[t], t == "O"))
                step += 1
                if guess != gold[i]:
                    for f in feats:
                        update(f, gold[i], 1.0)
                        update(f, guess, -1.0)
                prev2, prev = prev, gold[i]
    avg: dict[str, dict[str, float]] = {}
    for f, tv in w.items():
        for t, cur in tv.items():
            key = (f, t)
            total = totals.get(key, 0.0) + (step - stamps.get(key, 0)) * cur
            v = round(total / step, 4)
            if v:
                avg.setdefault(f, {})[t] = v
    return avg


def load_weights() -> dict[str, dict[str, float]]:
    """The packaged tagger weights (feature -> {tag: weight}), loaded once per process."""
    return _weights()


@functools.cache
def _weights() -> dict[str, dict[str, float]]:
    path = data_path(MODEL_FILE)
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
        weights: dict[str, dict[str, float]] = model["weights"]
    except (ValueError, KeyError) as e:
        raise ResourceError(f"actor-span model {path} is unreadable ({e}); restore it from git "
                            "or retrain with training/train_classifier.py") from None
    return weights


def spans(text: str) -> list[Span]:
    """Actor spans of one sentence (character offsets into ``text``)."""
    toks = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    tags = tag([t for t, _, _ in toks], _weights())
    out: list[Span] = []
    cur: list[int] | None = None
    role = ""
    for (_, a, b), t in zip(toks, tags, strict=True):
        if t.startswith("B-") or (t.startswith("I-") and cur is None):
            if cur is not None:
                out.append(Span(role, cur[0], cur[1], text[cur[0]:cur[1]]))
            cur, role = [a, b], t[2:]
        elif t.startswith("I-") and cur is not None:
            cur[1] = b
        else:
            if cur is not None:
                out.append(Span(role, cur[0], cur[1], text[cur[0]:cur[1]]))
            cur = None
    if cur is not None:
        out.append(Span(role, cur[0], cur[1], text[cur[0]:cur[1]]))
    return out


def find_actors(text: str) -> tuple[Span | None, Span | None]:
    """The first source (S) and first target (T) span, or None for each that is absent."""
    found = spans(text)
    return (next((s for s in found if s.role == "S"), None),
            next((s for s in found if s.role == "T"), None))
