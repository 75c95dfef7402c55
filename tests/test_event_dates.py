"""Event dates through the public API: the time attached to the trigger in the parse wins, then
the sentence's nearest, then the paragraph's running date, then the publication date."""

from __future__ import annotations

import pytest

import flashpoint
from flashpoint.models import EventMention

pytestmark = pytest.mark.slow

PUB = "2025-05-16"  # a Friday


def _by_trigger(mentions: list[EventMention], trigger: str) -> EventMention:
    found = [m for m in mentions if m.trigger == trigger]
    assert found, f"no {trigger!r} among {[m.trigger for m in mentions]}"
    return found[0]


def test_reported_event_takes_the_sentence_date_over_the_paragraph() -> None:
    ms = flashpoint.extract("On May 10 militants attacked a post. The army said on Monday that "
                            "it had arrested two men.", PUB)
    attack = _by_trigger(ms, "attacked")
    assert (attack.when.start, attack.when.basis) == ("2025-05-10", "text+publication")
    arrest = _by_trigger(ms, "arrested")
    assert (arrest.when.start, arrest.when.end, arrest.when.text) == (
        "2025-05-12", "2025-05-12", "Monday")


def test_time_attached_to_the_trigger_beats_a_nearer_one() -> None:
    # "on Wednesday" sits right before "were arrested" but dates the attack (relative clause);
    # the arrest is "on Monday", further away but attached to "arrested"
    text = ("Two men who attacked a police post near Kupwara on Wednesday were arrested by the "
            "army on Monday.")
    ms = flashpoint.extract(text, PUB)
    arrest = _by_trigger(ms, "arrested")
    assert (arrest.when.start, arrest.when.text) == ("2025-05-12", "Monday")
    attack = _by_trigger(ms, "attacked")
    assert (attack.when.start, attack.when.text) == ("2025-05-14", "Wednesday")


def test_reported_clause_keeps_its_own_date() -> None:
    ms = flashpoint.extract("Police said on Monday that militants attacked a post on Sunday.", PUB)
    assert _by_trigger(ms, "attacked").when.start == "2025-05-11"


def test_duration_of_the_trigger_extends_the_date() -> None:
    ms = flashpoint.extract("A two-day military operation launched on the night of May 10 "
                            "killed 12 militants.", PUB)
    m = next(m for m in ms if m.when.text == "the night of May 10")
    assert (m.when.start, m.when.end) == ("2025-05-10", "2025-05-11")


def test_offset_is_not_a_duration() -> None:
    ms = flashpoint.extract("India struck nine sites in Pakistan on May 7, two weeks after the "
                            "attack in Pahalgam.", PUB)
    strike = _by_trigger(ms, "struck")
    assert (strike.when.start, strike.when.end) == ("2025-05-07", "2025-05-07")


def test_paragraph_date_then_publication() -> None:
    ms = flashpoint.extract("Fighting flared on May 3 near Kupwara. Two soldiers were killed.\n\n"
                            "Militants attacked a checkpoint in Sopore.", PUB)
    killed = _by_trigger(ms, "killed")
    assert (killed.when.start, killed.when.basis) == ("2025-05-03", "context")
    attack = _by_trigger(ms, "attacked")
    assert (attack.when.start, attack.when.basis) == (PUB, "publication")


def test_event_inside_an_offset_clause_is_shifted() -> None:
    ms = flashpoint.extract("Exchanges of fire began on the night of April 24, two days after "
                            "gunmen killed 26 people near Pahalgam.", PUB)
    killed = _by_trigger(ms, "killed")
    assert (killed.when.start, killed.when.end) == ("2025-04-22", "2025-04-22")
    assert killed.when.text == "the night of April 24, two days after"


def test_a_verbless_headline_is_dated() -> None:
    # a nominal root: climbing its head chain must stop at the root (spaCy makes a new Token
    # object per access, so identity tests never end the climb)
    for text in ("Deadly attack on army post in Kupwara on Monday.",
                 "Two days of shelling along the Line of Control"):
        ms = flashpoint.extract(text, published="2025-05-16")
        assert all(m.when.start for m in ms)


@pytest.mark.parametrize("text", [
    "Pakistani troops shelled Indian posts on Sunday, the heaviest shelling since the 1999 "
    "Kargil conflict.",
    "Pakistani troops shelled Indian posts on Sunday, the first such shelling since 2019.",
])
def test_a_comparison_since_a_year_does_not_date_the_event(text: str) -> None:
    shelled = _by_trigger(flashpoint.extract(text, PUB), "shelled")
    assert (shelled.when.start, shelled.when.end) == ("2025-05-11", "2025-05-11")


def test_since_without_a_comparison_still_dates_the_event() -> None:
    ms = flashpoint.extract("Troops have shelled the border villages since Sunday.", PUB)
    shelled = _by_trigger(ms, "shelled")
    assert shelled.when.start == "2025-05-11"
    assert shelled.when.end is not None and shelled.when.end >= "2025-05-11"


def test_date_of_a_referred_event_is_not_the_triggers() -> None:
    # "of Friday" dates the massacre the booking is connected with, not the booking
    ms = flashpoint.extract("Workers of the party have been booked for murder in cases filed "
                            "in connection with the massacre of Friday.", PUB)
    booked = _by_trigger(ms, "booked")
    assert booked.when.start != "2025-05-16" or booked.when.basis == "publication"
    assert booked.when.text != "Friday"
    massacre = _by_trigger(ms, "massacre")
    assert massacre.when.text == "Friday"
    # the clash a killing happened in is the killing's own occasion: its date stays
    ms = flashpoint.extract("Three people were killed in Wednesday's clash in the old city.",
                            PUB)
    assert ms and all(m.when.text == "Wednesday" for m in ms)
