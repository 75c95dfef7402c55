"""Fixed development splits: a document is in "dev" when a keyed sha256 of its id falls in the
first ``DEV_SHARE`` of the hash range. The split does not depend on which other documents exist
or on their order, and is the same on every machine. Rules are tuned on the rest ("tune").
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

SEED = "flashpoint-dev-split-1"
DEV_SHARE = 0.25
SPLITS = ("dev", "tune", "all")


def in_dev(doc_id: str, seed: str = SEED, share: float = DEV_SHARE) -> bool:
    """Whether the document ``doc_id`` belongs to the held-out development split."""
    h = hashlib.sha256(f"{seed}:{doc_id}".encode()).digest()
    return int.from_bytes(h[:8], "big") < share * 2**64


def select(doc_ids: Iterable[str], split: str) -> list[str]:
    """The ids of ``doc_ids`` in ``split`` (dev, tune or all), in the order given."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    if split == "all":
        return list(doc_ids)
    want = split == "dev"
    return [d for d in doc_ids if in_dev(d) == want]
