"""A dated narrative of a dyad from its fused events: one line per day with the day's most
intense events, e.g. ``2025-04-22  ASSAULT militants -> IND civilians, Pahalgam, 26 dead
(4 sources)``. Used by ``flashpoint timeline`` (with ``--plot`` for a PNG of the series)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..fuse import FusedEvent
from .series import from_fused

# where an actor phrase stops being the actor: "civilians near Pahalgam in Kashmir" -> civilians
_CUT = re.compile(r"\s+(?:near|in|of|on|at|from|along|across|inside|including|who|which|that|"
                  r"after|before|during|to)\b|\s*[,;(\[\"]", re.IGNORECASE)
_ARTICLES = frozenset({"the", "a", "an"})


def _short(text: str) -> str:
    """The head of an actor phrase as written: at most four words, no article."""
    words = _CUT.split(text.strip(), maxsplit=1)[0].split()
    if words and words[0].lower() in _ARTICLES:
        words = words[1:]
    return " ".join(words[:4])


def _only_country(coded: tuple[str | None, str | None]) -> bool:
    return coded[0] is not None and coded[1] is None


def _side(codes: Sequence[str], text: str | None) -> str:
    """One side of an event as an analyst reads it: the country codes the reports agree on,
    then what the side is, as written ("IND civilians", "militants", "PAK troops"); a phrase
    that only names a country adds nothing to its code."""
    from ..extractors.actor_lexicon import ActorLexicon

    code = "+".join(codes)
    short = _short(text or "")
    if not short:
        return code or "?"
    lex = ActorLexicon.default()
    rest = " ".join(w for w in short.split() if not _only_country(lex.code_phrase(w)))
    if not rest:
        return code or lex.code_phrase(short)[0] or short
    return f"{code} {rest}" if code else rest


def event_phrase(e: FusedEvent) -> str:
    """``ASSAULT militants -> IND civilians, Pahalgam, 26 dead (4 sources)``."""
    arrow = "<->" if e.reciprocal else "->"
    place = f", {e.place}" if e.place else ""
    dead = f", {e.dead} dead" if e.dead else ""
    dispute = " [disputed: " + ", ".join(e.disputed) + "]" if e.disputed else ""
    n = len(e.origins or e.publishers) or 1
    return (f"{e.plover_type} {_side(e.actors, e.actor_text)} {arrow} "
            f"{_side(e.recipients, e.recipient_text)}{place}{dead} "
            f"({n} source{'s' if n != 1 else ''}){dispute}")


def narrative_lines(events: Sequence[FusedEvent], top: int = 3) -> list[str]:
    """One line per day (factual, non-background events), the most intense events first."""
    keep = {s.id for s in from_fused(events)}
    by_day: dict[str, list[FusedEvent]] = {}
    for e in events:
        if e.id in keep and e.when_start:
            by_day.setdefault(e.when_start, []).append(e)
    lines = []
    for d in sorted(by_day):
        evs = sorted(by_day[d], key=lambda e: (-abs(e.intensity), e.intensity,
                                               -len(e.mention_ids), e.id))[:top]
        lines.append(f"{d}  " + "; ".join(event_phrase(e) for e in evs))
    return lines
