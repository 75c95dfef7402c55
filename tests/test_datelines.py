"""Datelines (the one reader shared by the publisher chain, event places and the anchor
town) and counts of arrests."""

from __future__ import annotations

import pytest

from flashpoint.extractors.datelines import dateline, dateline_end
from flashpoint.extractors.events import magnitude


@pytest.mark.parametrize("text,place,agency,lower", [
    ("ISLAMABAD (Reuters) - Pakistani troops fired", "Islamabad", "Reuters", False),
    ("NEW DELHI, May 12 (AFP) - India said", "New Delhi", "AFP", False),
    ("PARIS, Mo. — The mayor said", "Paris", None, False),
    ("This story is from March 10, 2002\n\nlucknow: the all-india committee has sought",
     "Lucknow", None, True),
    ("ahmedabad/vadodara: one person was killed in police firing", "Ahmedabad/Vadodara", None,
     True),
    ("new delhi: the home ministry said", "New Delhi", None, True),
])
def test_datelines(text: str, place: str, agency: str | None, lower: bool) -> None:
    dl = dateline(text)
    assert dl is not None and dl.place == place and dl.agency == agency and dl.lower == lower
    assert text[dl.end:dl.end + 1].isalpha() or text[dl.end:dl.end + 1] == "“"


@pytest.mark.parametrize("text", [
    "the army said: troops will stay", "note: this is an update", "police: the mob fled",
    "Officials said: troops will stay",
])
def test_not_datelines(text: str) -> None:
    assert dateline(text) is None and dateline_end(text) is None


def test_a_lower_case_dateline_is_not_parsed_as_part_of_the_first_sentence() -> None:
    import flashpoint

    ms = flashpoint.extract("lucknow: police arrested two militants in faizabad on tuesday.",
                            published="2002-03-27")
    assert ms and all(m.evidence_start >= len("lucknow: ") for m in ms)


@pytest.mark.parametrize("text,arrested", [
    ("so far more than 432 arrests have been made in the city", 432),
    ("police said so far 3,976 persons have been arrested all over the state.", 3976),
    ("in ahmedabad, the police have arrested 200 persons in last 48 hours.", 200),
    ("police made 45 arrests on Monday", 45),
])
def test_arrest_counts(text: str, arrested: int) -> None:
    assert magnitude(text)[2] == arrested
