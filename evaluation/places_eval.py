"""Score toponym detection and resolution on TR-News; the logic is
``flashpoint.evaluation.trnews`` and ``flashpoint eval places`` runs the same.

Usage: ``python evaluation/places_eval.py [--data ../shared/data] [--split dev|tune|all]
[--errors N]``.
"""

from __future__ import annotations

import sys

from flashpoint.cli import cli

if __name__ == "__main__":
    sys.exit(cli.main(["eval", "places", *sys.argv[1:]], prog_name="flashpoint",
                      standalone_mode=True))
