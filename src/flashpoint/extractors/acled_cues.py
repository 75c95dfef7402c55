"""ACLED protest and riot sub-types from cues in the text (``ontology/acled_cues.tsv``).

PLOVER's type and mode leave open what ACLED cares most about in demonstrations: did the
demonstrators use violence (Riots/Violent demonstration), did someone break the gathering up
(Protests/Protest with intervention, or Excessive force with live fire), or was it a crowd
attacking people outside any demonstration (Riots/Mob violence)? :func:`refine` answers from
four cue patterns, and only where the event is a demonstration or crowd violence:

* an explicit demonstration cue (the physical event ACLED codes, whatever verbal type a
  demand in the same snippet got);
* or violence by a crowd: a PLOVER PROTEST/ASSAULT, or a crowd cue ("members of", "supporters",
  "villagers"), when the attackers are not security forces or armed groups (actor sector).
"""

from __future__ import annotations

import functools
import re

from ..errors import ResourceError
from ..resources import table

CUES_FILE = "ontology/acled_cues.tsv"
_ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "SPY", "UAF"})


@functools.cache
def _cues() -> dict[str, re.Pattern[str]]:
    out: dict[str, re.Pattern[str]] = {}
    for n, row in enumerate(table(CUES_FILE), start=1):
        try:
            out[row["cue"]] = re.compile(row["pattern"], re.IGNORECASE)
        except re.error as e:
            raise ResourceError(f"data file {CUES_FILE!r}, data row {n}: bad pattern ({e}); "
                                "fix the row or restore the file from git") from None
    missing = {"demo", "violence", "weak", "intervention", "lethal", "crowd",
               "grievance"} - set(out)
    if missing:
        raise ResourceError(f"data file {CUES_FILE!r} lacks cues {sorted(missing)}; restore "
                            "the file from git")
    return out


def _conduct(pattern: re.Pattern[str], grievance: re.Pattern[str], text: str) -> bool:
    """A cue match that is not the grievance a protest is about ("against the assault")."""
    return any(not grievance.search(text[max(0, m.start() - 60):m.start()])
               for m in pattern.finditer(text))


def refine(text: str, plover_type: str, mode: str | None, event_type: str | None,
           sub_event_type: str | None, actor_sector: str | None = None
           ) -> tuple[str | None, str | None]:
    """The ACLED (event type, sub-event type), refined for demonstrations and crowd violence;
    the mapping's answer unchanged otherwise."""
    c = _cues()
    demo = bool(c["demo"].search(text))
    violent = _conduct(c["violence"], c["grievance"], text)
    weak = _conduct(c["weak"], c["grievance"], text)
    armed = actor_sector in _ARMED_SECTORS
    crowd = not armed and (plover_type in ("PROTEST", "ASSAULT")
                           or bool(c["crowd"].search(text)))
    if not demo and not (crowd and (violent or weak)):
        return event_type, sub_event_type
    if demo and c["lethal"].search(text):
        return "Protests", "Excessive force against protesters"
    if demo and violent:
        return "Riots", "Violent demonstration"
    if demo and c["intervention"].search(text):
        return "Protests", "Protest with intervention"
    if demo and weak:
        return "Riots", "Violent demonstration"
    if demo:
        return "Protests", "Peaceful protest"
    return "Riots", "Mob violence"
