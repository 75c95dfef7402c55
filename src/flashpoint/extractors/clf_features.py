"""Features of the event classifier, shared by training (``training/train_classifier.py``) and
inference (:mod:`flashpoint.extractors.classifier`), so both see exactly the same strings.

A sentence with its source and target actor spans becomes a bag of feature strings:

* ``w:`` word unigrams and ``b:`` bigrams, with the actor spans replaced by ``<S>``/``<T>``;
* ``c:`` character 3-5-grams inside words (off by default: they lowered cross-validated
  macro-F1 on plv_train from 0.76 to 0.70);
* ``m:`` stems of the words between the two spans (where the event verb usually is), ``m0:``-
  ``m2:`` the first three of them and ``ml:`` the last, ``s:``/``t:`` words inside the spans,
  ``o:`` the order of the spans;
* ``L:``/``LM:`` the PLOVER type (and type/mode) of trigger-lexicon words anywhere / between
  the spans. The lexicon (surface form -> type/mode) is frozen into the model file at training
  time, so a later edit of ``triggers.tsv`` does not shift a shipped model's features.

Pure functions, no state.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

_MARK = re.compile(r"</?[st]>")
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|[$%]")


@dataclass(frozen=True, slots=True)
class Marked:
    """A sentence without markup, and the character spans of its source and target (or None)."""

    text: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None


def _find(text: str, needle: str | None, avoid: tuple[int, int] | None) -> tuple[int, int] | None:
    if not needle or not needle.strip():
        return None
    low, n = text.lower(), needle.strip().lower()
    start = 0
    while True:
        i = low.find(n, start)
        if i < 0:
            return None
        span = (i, i + len(n))
        if avoid is None or span[1] <= avoid[0] or span[0] >= avoid[1]:
            return span
        start = i + 1


def mark(text: str, source: str | None = None, target: str | None = None) -> Marked:
    """Locate the source and target in ``text``.

    ``text`` may carry inline ``<s>…</s>``/``<t>…</t>`` marks (as in PLOVER training data);
    otherwise ``source``/``target`` are searched as substrings (first occurrence, case-blind;
    the target is searched outside the source span). An actor that is not found is None.
    """
    if "<s>" in text or "<t>" in text:
        out: list[str] = []
        pos = 0
        spans: dict[str, list[int]] = {}
        length = 0
        for m in _MARK.finditer(text):
            chunk = text[pos:m.start()]
            out.append(chunk)
            length += len(chunk)
            tag = m.group()
            spans.setdefault(tag.strip("</>"), []).append(length)
            pos = m.end()
        out.append(text[pos:])
        clean = "".join(out)

        def span(k: str) -> tuple[int, int] | None:
            v = spans.get(k, [])
            return (v[0], v[1]) if len(v) >= 2 else None

        return Marked(clean, span("s"), span("t"))
    s = _find(text, source, None)
    t = _find(text, target, s)
    return Marked(text, s, t)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Lowercased word tokens with their character offsets."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text.lower())]


_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def stem(w: str) -> str:
    """A crude, deterministic suffix stripper ("condemned" -> "condemn", "talks" -> "talk")."""
    if len(w) <= 4 or w.isdigit():
        return w
    for suf, rep in _SUFFIXES:
        if w.endswith(suf) and not w.endswith("ss") and len(w) - len(suf) >= 3:
            w = w[: len(w) - len(suf)] + rep
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # "committ" -> "commit"
    return w.rstrip("e") if len(w) > 4 else w


def _inside(a: int, b: int, span: tuple[int, int] | None) -> bool:
    return span is not None and a >= span[0] and b <= span[1]


def features(m: Marked, lexicon: Mapping[str, Sequence[str]], *, chars: bool = False
             ) -> list[str]:
    """The feature strings of a marked sentence (duplicates kept; the caller counts them)."""
    toks = tokens(m.text)
    feats: list[str] = []
    seq: list[str] = []
    last = ""
    for w, a, b in toks:
        if _inside(a, b, m.source):
            role = "<S>"
        elif _inside(a, b, m.target):
            role = "<T>"
        else:
            role = ""
        if role:
            feats.append(("s:" if role == "<S>" else "t:") + w)
            if last != role:
                seq.append(role)
            last = role
            continue
        last = ""
        seq.append(w)
        if chars and len(w) > 2 and not w.isdigit():
            p = f" {w} "
            for n in (3, 4, 5):
                feats.extend("c:" + p[i:i + n] for i in range(len(p) - n + 1))
        for lab in lexicon.get(w, ()):
            feats.append("L:" + lab)
    feats.extend("w:" + w for w in seq)
    feats.extend(f"b:{x} {y}" for x, y in itertools.pairwise(seq))
    s, t = m.source, m.target
    if s and t:
        lo, hi = (s[1], t[0]) if s[0] < t[0] else (t[1], s[0])
        feats.append("o:st" if s[0] < t[0] else "o:ts")
        mid = [w for w, a, _b in toks if lo <= a < hi]
        stems = [stem(w) for w in mid]
        feats.extend("m:" + x for x in stems)
        for k, x in enumerate(stems[:3]):
            feats.append(f"m{k}:{x}")
        if stems:
            feats.append("ml:" + stems[-1])
        for w in mid:
            feats.extend("LM:" + lab for lab in lexicon.get(w, ()))
    elif s or t:
        feats.append("o:one")
    else:
        feats.append("o:none")
    return feats
