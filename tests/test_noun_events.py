"""Noun triggers take their actors from their own phrase, not from the clause around them, and
a disowned event ("had nothing to do with the attack") is a denial by the one disowning it."""

from __future__ import annotations

import flashpoint
from flashpoint import EventMention


def _events(text: str, ptype: str) -> list[EventMention]:
    return [m for m in flashpoint.extract(text, published="2025-05-16") if m.plover_type == ptype]


def _countries(m: EventMention) -> set[str | None]:
    return {a.country for a in m.actor}


def test_clause_subject_is_not_the_actor_of_a_noun_event() -> None:
    text = ("India's prime minister has given the armed forces complete operational freedom to "
            "respond to last week's attack in Kashmir.")
    assert all("IND" not in _countries(m) for m in _events(text, "ASSAULT"))


def test_light_verb_gives_a_noun_event_its_actor() -> None:
    (m,) = _events("Indian troops opened fire after the attack.", "ASSAULT")[:1]
    assert ("IND", "MIL") in {(a.country, a.sector) for a in m.actor}


def test_nothing_to_do_with_is_a_denial() -> None:
    (m,) = _events("Pakistan says it had nothing to do with the attack.", "ASSAULT")
    assert m.status == "denied" and m.denied_by == ("PAK",) and _countries(m) == {"PAK"}


def test_not_involved_and_no_part_are_denials() -> None:
    (m,) = _events("Islamabad said it was not involved in the attack.", "ASSAULT")
    assert m.status == "denied" and m.denied_by == ("PAK",)
    (s,) = _events("The Pakistani army said it played no part in the shelling.", "ASSAULT")
    assert s.status == "denied" and s.denied_by == ("PAK",)


def test_a_role_that_is_not_negated_is_no_denial() -> None:
    for m in _events("Pakistan had a role in the attack, officials said.", "ASSAULT"):
        assert m.status != "denied"
