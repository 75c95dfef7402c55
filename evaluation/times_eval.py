"""Score time tagging on TimeML gold (TBAQ-cleaned); the logic is
``flashpoint.evaluation.timeml`` and ``flashpoint eval times`` runs the same.

Usage: ``python evaluation/times_eval.py [--data ../shared/data] [--split dev|tune|all]
[--errors N]``.
"""

from __future__ import annotations

import sys

from flashpoint.cli import cli

if __name__ == "__main__":
    sys.exit(cli.main(["eval", "times", *sys.argv[1:]], prog_name="flashpoint",
                      standalone_mode=True))
