"""Readers of the event sets in ``../shared/data/events`` with stable row ids.

Every reader returns a tuple of :class:`Row` (id, text, optional source/target, label). The ids
are what ``evaluation/splits/*.txt`` list. Readers raise :class:`~flashpoint.errors.ConfigError`
when a file is missing, naming the folder to pass with ``--data``.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError

# which sets may train a model the project ships (shared/data/README.md, licence column)
TRAINABLE = frozenset({"plv_train", "cameo_quad_train", "cameo_actor_spans_train",
                       "ngec_synthetic_stories"})


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    text: str
    label: str
    source: str | None = None
    target: str | None = None
    extra: str | None = None  # a second label (plv: quad class; satp: its own split)


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    id: str
    words: tuple[str, ...]
    tags: tuple[str, ...]


def _need(path: Path) -> Path:
    if not path.exists():
        raise ConfigError(f"development data file {path} not found; pass --data pointing at "
                         "the shared data folder (../shared/data beside the repository)")
    return path


def _tsv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(1 << 24)
    with _need(path).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def plv(data: Path) -> tuple[Row, ...]:
    """plv_train.tsv: marked sentences, label = PLOVER root (YIELD = CONCEDE+RETREAT),
    extra = quad class. Id: ``plv-N``, N the 1-based data row."""
    return tuple(Row(f"plv-{n}", r["marked_sentence"], r["gold_root"], r["source"] or None,
                     r["target"] or None, r["gold_penta"])
                 for n, r in enumerate(_tsv(data / "events" / "plv_train.tsv"), start=1))


def cameo_quad(data: Path) -> tuple[Row, ...]:
    """cameo_quad_train.tsv: label 0 neutral, 1-4 quad class. Id: ``quad-N`` (1-based line)."""
    out = []
    with _need(data / "events" / "cameo_quad_train.tsv").open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            text, label = line.rstrip("\n").rsplit("\t", 1)
            out.append(Row(f"quad-{n}", text, label.strip()))
    return tuple(out)


def actor_spans(data: Path) -> tuple[TaggedSentence, ...]:
    """cameo_actor_spans_train.conll: BIO tags S/T/R. Id: ``span-N`` (1-based sentence)."""
    out: list[TaggedSentence] = []
    words: list[str] = []
    tags: list[str] = []
    with _need(data / "events" / "cameo_actor_spans_train.conll").open(encoding="utf-8") as f:
        for line in [*f, "\n"]:
            parts = line.split()
            if not parts:
                if words:
                    out.append(TaggedSentence(f"span-{len(out) + 1}", tuple(words), tuple(tags)))
                words, tags = [], []
                continue
            words.append(parts[0])
            tags.append(parts[-1] if len(parts) > 1 else "O")
    return tuple(out)


def aw(data: Path) -> tuple[Row, ...]:
    """aw_train.tsv: label 0 cooperation / 1 conflict (tune and test only). Id: ``aw-UID``."""
    return tuple(Row(f"aw-{r['uid']}", r["marked_sentence"], r["gold_binary"])
                 for r in _tsv(data / "events" / "aw_train.tsv"))


def acled(data: Path) -> tuple[Row, ...]:
    """acled_bangladesh: coder notes, label = sub-event type (tune and test only)."""
    with _need(data / "events" / "acled_bangladesh" / "data.jsonl").open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return tuple(Row(r["id"], r["text"], r["sub_event_type"], extra=r["event_type"])
                 for r in rows)


def satp(data: Path) -> tuple[Row, ...]:
    """SATP narratives: label = attack type (``|``-joined when several), extra = its split."""
    with _need(data / "events" / "satp" / "data.jsonl").open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return tuple(Row(r["id"], r["text"], r["event_type"], extra=r["extra"]["split"])
                 for r in rows)


def ngec(data: Path) -> tuple[Row, ...]:
    """Synthetic stories (machine labels, training only): text = title + story, label = PLOVER
    type, extra = mode (lower case, may be empty). Id: ``ngec-N``."""
    csv.field_size_limit(1 << 24)
    with _need(data / "events" / "ngec_synthetic_stories.csv").open(encoding="utf-8",
                                                                    newline="") as f:
        rows = list(csv.DictReader(f))
    return tuple(Row(f"ngec-{n}", r["text"], r["label"], extra=r["mode"].lower())
                 for n, r in enumerate(rows, start=1))
