"""Write the fixed development splits as id lists under ``evaluation/splits/``.

The split itself is computed by ``flashpoint.evaluation.splits`` (a keyed sha256 of each
document id, seed ``SEED``); these files record it for review, and a test checks that they
agree with the code. Usage: ``python evaluation/make_splits.py [--data ../shared/data]``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from flashpoint.evaluation import find_data_dir
from flashpoint.evaluation.splits import DEV_SHARE, SEED
from flashpoint.evaluation.timeml import read_tbaq, tbaq_dir
from flashpoint.evaluation.trnews import read_trnews, trnews_path

OUT = Path(__file__).resolve().parent / "splits"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None)
    args = ap.parse_args(argv)
    data = find_data_dir(args.data)
    OUT.mkdir(exist_ok=True)
    head = f"# held-out dev split, seed {SEED}, share {DEV_SHARE}; tune on the rest\n"
    times = [d.doc_id for d in read_tbaq(tbaq_dir(data), "dev")]
    places = [d.doc_id for d in read_trnews(trnews_path(data), "dev")]
    (OUT / "tbaq_dev.txt").write_text(head + "\n".join(times) + "\n", encoding="utf-8")
    (OUT / "trnews_dev.txt").write_text(head + "\n".join(places) + "\n", encoding="utf-8")
    print(f"{len(times)} TimeML and {len(places)} TR-News dev documents written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
