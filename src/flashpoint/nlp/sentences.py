"""A fast rule-based sentence and paragraph splitter over raw text (character spans).

The parser only sees sentences the trigger pre-filter keeps, so splitting must not need spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = frozenset((
    "mr mrs ms dr prof gen lt col maj capt sgt cpl adm brig cmdr gov sen rep st jr sr no vs "
    "etc inc ltd co corp dept est fig jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k "
    "u.n e.g i.e a.m p.m approx govt").split())
# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a likely start.
_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
# Lower-cased copy (some archives store news that way): any letter may start a sentence.
_END_LOWER = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Za-z0-9])""")
_PARA = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    start: int
    end: int
    paragraph: int
    paragraph_start: int


def _is_abbreviation(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if word in _ABBREV:
        return True
    # single capital initials ("J. Smith"), but not a sentence-final pronoun "I."
    return len(word) == 1 and word != "i"


def split_sentences(text: str) -> list[SentenceSpan]:
    """Sentences as character spans, grouped into paragraphs by blank lines."""
    out: list[SentenceSpan] = []
    para_starts = [0] + [m.end() for m in _PARA.finditer(text)]
    para_ends = [m.start() for m in _PARA.finditer(text)] + [len(text)]
    for pno, (ps, pe) in enumerate(zip(para_starts, para_ends, strict=True)):
        start = ps
        para = text[ps:pe]
        letters = sum(ch.isalpha() for ch in para)
        upper = sum(ch.isupper() for ch in para)
        pattern = _END_LOWER if letters > 200 and upper * 100 < letters else _END
        for m in pattern.finditer(text, ps, pe):
            if text[m.start()] == "." and _is_abbreviation(text, m.start()):
                continue
            _append(out, text, start, m.end(), pno, ps)
            start = m.end()
        _append(out, text, start, pe, pno, ps)
    return out


def _append(out: list[SentenceSpan], text: str, s: int, e: int, pno: int, ps: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(SentenceSpan(s, e, pno, ps))
