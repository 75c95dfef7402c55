"""A dated narrative of a dyad from its fused events: one line per day with the day's most
intense events, e.g. ``2025-04-22  ASSAULT militants -> IND civilians, Pahalgam, 26 dead
(4 sources)``. Used by ``flashpoint timeline`` (with ``--plot`` for a PNG of the series)."""

from __future__ import annotations

from collections.abc import Sequence

from ..fuse import FusedEvent
from .series import from_fused


def _side(codes: Sequence[str], text: str | None) -> str:
    words = (text or "").strip()
    if codes and words and codes[0].lower() not in words.lower():
        return f"{codes[0]} {words.lower()}"
    return words.lower() or "+".join(codes) or "?"


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
