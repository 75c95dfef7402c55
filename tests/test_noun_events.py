"""Noun triggers take their actors from their own phrase, not from the clause around them, and
a disowned event ("had nothing to do with the attack") is a denial by the one disowning it;
the public probe `events.event_at`; trigger rows for uses of force, operations and campaigns."""

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


def test_a_report_by_the_denier_is_no_counter_claim() -> None:
    """The denier's own "says" reports its denial; another source's report contests it."""
    (m,) = _events("The Pakistani army said it had nothing to do with the shelling.",
                   "ASSAULT")
    assert m.status == "denied" and m.denied_by == ("PAK",)
    (m,) = _events("India says Pakistani troops shelled its posts, a charge Islamabad denies.",
                   "ASSAULT")
    assert m.status == "contested" and m.denied_by == ("PAK",)


def test_event_at_probes_a_word_the_lexicon_lacks() -> None:
    from flashpoint.extractors.actor_lexicon import ActorLexicon
    from flashpoint.extractors.attribution import sentence_context
    from flashpoint.extractors.events import event_at, modality_of, sentence_events
    from flashpoint.nlp.pipeline import parse_many

    text = "Officials said the troops will picnic near the border after the attack."
    (doc,) = parse_many([text])
    lexicon = ActorLexicon.default()
    ctx = sentence_context(text, 0, len(text), lexicon.find(text), lexicon)
    picnic = next(t.i for t in doc if t.lower_ == "picnic")
    ev = event_at(doc, ctx, picnic)
    assert ev.type == "" and ev.modality == "future" and ev.trigger == "picnic"
    assert modality_of(doc[picnic]) == (False, "future")
    attack = next(t.i for t in doc if t.lower_ == "attack")
    assert event_at(doc, ctx, attack).type == "ASSAULT"
    assert [e.token for e in sentence_events(doc, ctx)] == [attack]


def test_new_trigger_rows() -> None:
    (m,) = _events("Isis used civilians as human shields in Mosul.", "ASSAULT")
    assert m.cameo_code == "184"
    (u,) = _events("Inspectors examined the use of chlorine gas in Douma.", "ASSAULT")
    assert u.trigger == "use" and u.plover_mode == "unconventional"
    assert _events("The army launched an operation against the militants.", "ASSAULT")
    assert not _events("The rescue operation continued through the night.", "ASSAULT")
    assert _events("The coalition's campaign to reclaim Raqqa continued.", "ASSAULT")
    assert not _events("The election campaign ended on Friday.", "ASSAULT")
    assert _events("The poisoning of a former Russian spy shocked Britain.", "ASSAULT")
    (b,) = _events("The government prohibited public gatherings in the city.", "COERCE")
    assert b.plover_mode == "restrict"
    (o,) = _events("Isis operated at least 54 detention centres.", "COERCE")
    assert o.trigger == "operated"


def test_a_headline_toll_keeps_its_event_noun() -> None:
    # headlines run together without punctuation: the parser takes "clash" for a modifier of
    # the next headline's words, but "one dead in ... clash" names the event
    text = ("related stories: muslim board has no role in dispute: vhp one dead in bengal "
            "police-vhp clash nda allies uneasy as vhp readies for puja")
    assert [m.trigger for m in _events(text, "ASSAULT")] == ["clash"]
    # a plain modifier stays a modifier
    assert _events("The army bought a new attack helicopter fleet.", "ASSAULT") == []


def test_an_event_the_sentence_refers_back_to_stays_apart() -> None:
    """"struck …, two weeks after the Pahalgam massacre": the massacre is an earlier event;
    it neither takes the strike's actors nor replaces the strike."""
    import flashpoint

    text = ("Indian armed forces struck nine terrorist sites in Pakistan and Pakistan-occupied "
            "Kashmir early on Wednesday, two weeks after the Pahalgam massacre, the defence "
            "ministry said.")
    ms = {m.trigger: m for m in flashpoint.extract(text, published="2025-05-07")}
    assert "struck" in ms and ms["struck"].when.start == "2025-05-07"
    assert [a.country for a in ms["struck"].actor] == ["IND"]
    massacre = ms.get("massacre")
    assert massacre is None or not any(a.country == "IND" for a in massacre.actor)
