"""Fixed development splits of the event-coding sets, committed as id lists under
``evaluation/splits/`` (``plv_dev.txt``, ``cameo_quad_dev.txt``, ``actor_spans_dev.txt``,
``aw_dev.txt``, ``acled_dev.txt``).

A sentence is held back when ``sha256(seed + normalised sentence)`` falls under the dev share.
Keying on the sentence text, not the row, keeps one sentence on the same side in every set
(plv_train and cameo_quad_train share about 470 sentences, and the actor-span sentences are
cameo_quad's), so no model trains on a sentence another set holds back.
``training/train_classifier.py --write-splits`` writes the lists; evaluation only reads them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import ConfigError

SEED = 20250507
DEV_SHARE = 0.2
# plv_train's training part (never dev) held back by training/finetune_encoder.py --inner to
# compare encoder recipes; listed in plv_inner.txt
INNER_SEED = 20261207
INNER_SHARE = 0.2
_ALNUM = re.compile(r"[a-z0-9]+")
_MARK = re.compile(r"</?[st]>")

SPLITS_DIR = Path(__file__).resolve().parents[3] / "evaluation" / "splits"


def sentence_key(text: str) -> str:
    """Normalised form of a sentence: no markup, lower case, alphanumeric words only."""
    return " ".join(_ALNUM.findall(_MARK.sub("", text).lower().replace("'s", " s")))


def held_back(text: str, *, seed: int = SEED, share: float = DEV_SHARE) -> bool:
    digest = hashlib.sha256(f"{seed}:{sentence_key(text)}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def write_ids(path: Path, ids: Iterable[str], header: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# {header}\n" + "".join(f"{i}\n" for i in ids), encoding="utf-8")


def read_ids(name: str, splits_dir: Path | None = None) -> frozenset[str]:
    """Ids listed in ``<splits_dir>/<name>.txt`` (``#`` lines are comments)."""
    path = (splits_dir or SPLITS_DIR) / f"{name}.txt"
    if not path.exists():
        raise ConfigError(f"split file {path} not found; run `python training/"
                         "train_classifier.py --write-splits` or pass --splits DIR")
    return frozenset(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                     if ln.strip() and not ln.startswith("#"))
