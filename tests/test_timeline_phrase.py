"""The dated narrative's event phrase reads like an analyst's note: codes plus what the side is."""

from __future__ import annotations

import pytest

from flashpoint.analysis.timeline import _short, _side


@pytest.mark.parametrize(("codes", "text", "expected"), [
    ((), "militants", "militants"),
    (("IND",), "civilians near Pahlgam in Indian-administered Kashmir", "IND civilians"),
    (("PAK",), "Pakistani troops", "PAK troops"),
    (("PAK",), "India", "PAK"),  # the text only names a country: the code says it all
    (("IND", "PAK"), "the two armies", "IND+PAK two armies"),
    (("IND",), None, "IND"),
    ((), None, "?"),
    ((), "Indian", "IND"),
])
def test_side(codes: tuple[str, ...], text: str | None, expected: str) -> None:
    assert _side(codes, text) == expected


def test_short_keeps_case_and_cuts_modifiers() -> None:
    assert _short("The Pakistani army, which denied it") == "Pakistani army"
    assert _short("26 people at a meadow") == "26 people"
