"""The event classifier's fine-tuned sentence encoder (a small transformer run with onnxruntime).

``training/finetune_encoder.py`` fine-tunes all-MiniLM-L6-v2 (6 layers, 384 wide, Apache-2.0)
with two heads, ``root`` (15 PLOVER roots, YIELD = CONCEDE+RETREAT) and ``quad`` (0 neutral,
1-4), and ships it as int8 ONNX under ``data/models/``:

* ``event_encoder.onnx``            inputs ``input_ids``, ``attention_mask``; outputs the logits
  ``root`` and ``quad``;
* ``event_encoder_tokenizer.json``  the WordPiece tokenizer with the marker tokens;
* ``event_encoder.json``            format, labels, maximum length, provenance and sha256s.

The source is wrapped in ``[unused0] … [unused1]`` and the target in ``[unused2] … [unused3]``.
Sentences longer than :data:`MAX_LENGTH` word pieces keep a window that starts just before the
first marker. :mod:`.classifier` mixes these probabilities with its lexical heads'.

``FLASHPOINT_ENCODER=off`` switches the encoder off (the lexical heads alone: faster, weaker).
``FLASHPOINT_ENCODER_THREADS`` sets onnxruntime's threads per process (default 1: one core).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ResourceError
from ..resources import data_path
from .clf_features import Marked

MODEL_ONNX = "models/event_encoder.onnx"
TOKENIZER_JSON = "models/event_encoder_tokenizer.json"
MODEL_JSON = "models/event_encoder.json"
FORMAT = 1
MAX_LENGTH = 96
MARKERS = ("[unused0]", "[unused1]", "[unused2]", "[unused3]")
BATCH = 32
_LEAD = 8  # word pieces kept before the first marker when a long sentence is cut


def enabled() -> bool:
    """False when ``FLASHPOINT_ENCODER`` is ``off``/``0``/``no``/``false``."""
    return os.environ.get("FLASHPOINT_ENCODER", "on").strip().lower() not in (
        "off", "0", "no", "false")


def marked_text(m: Marked) -> str:
    """``m.text`` with the marker tokens around its source and target spans."""
    cuts: list[tuple[int, int, str]] = []  # (position, order at equal position, marker)
    if m.source:
        cuts += [(m.source[0], 1, MARKERS[0]), (m.source[1], 0, MARKERS[1])]
    if m.target:
        cuts += [(m.target[0], 1, MARKERS[2]), (m.target[1], 0, MARKERS[3])]
    out: list[str] = []
    pos = 0
    for at, _, tok in sorted(cuts):
        out += [m.text[pos:at], f" {tok} "]
        pos = at
    out.append(m.text[pos:])
    return " ".join("".join(out).split())


def encode_batch(tokenizer: Any, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Word-piece ids and attention mask (int64, padded to the longest) of ``texts``."""
    marker_ids = {tokenizer.token_to_id(t) for t in MARKERS}
    rows: list[list[int]] = []
    for enc in tokenizer.encode_batch(list(texts)):
        ids = list(enc.ids)
        if len(ids) > MAX_LENGTH:
            body = ids[1:-1]
            marks = [i for i, t in enumerate(body) if t in marker_ids]
            keep = MAX_LENGTH - 2
            start = max(0, min((marks[0] - _LEAD) if marks else 0, len(body) - keep))
            ids = [ids[0], *body[start:start + keep], ids[-1]]
        rows.append(ids)
    width = max((len(r) for r in rows), default=0)
    ids_arr = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for i, r in enumerate(rows):
        ids_arr[i, :len(r)] = r
        mask[i, :len(r)] = 1
    return ids_arr, mask


@dataclass(frozen=True, slots=True)
class _Encoder:
    session: Any
    tokenizer: Any
    heads: dict[str, tuple[str, ...]]


def _bad(what: str) -> ResourceError:
    return ResourceError(f"event encoder model: {what}; restore src/flashpoint/data/models/ "
                         "from git, retrain with `training/finetune_encoder.py`, or set "
                         "FLASHPOINT_ENCODER=off to classify with the lexical heads alone")


@functools.cache
def _encoder() -> _Encoder:
    try:
        import onnxruntime as ort
        from tokenizers import Tokenizer
    except ImportError as e:  # pragma: no cover - both are in the default install
        raise _bad(f"a runtime library is missing ({e}); run `make install`") from None
    try:
        meta = json.loads(data_path(MODEL_JSON).read_text(encoding="utf-8"))
        tok = Tokenizer.from_file(str(data_path(TOKENIZER_JSON)))
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = int(os.environ.get("FLASHPOINT_ENCODER_THREADS", "1"))
        opts.inter_op_num_threads = 1
        session = ort.InferenceSession(str(data_path(MODEL_ONNX)), opts,
                                       providers=["CPUExecutionProvider"])
    except Exception as e:  # onnxruntime's load errors share no narrower base class
        raise _bad(f"unreadable ({e})") from None
    if meta.get("format") != FORMAT:
        raise _bad(f"format {meta.get('format')!r}, this flashpoint reads format {FORMAT}")
    heads = {k: tuple(v) for k, v in meta["heads"].items()}
    outs = [o.name for o in session.get_outputs()]
    if set(heads) - set(outs):
        raise _bad(f"outputs {outs} lack heads {sorted(set(heads) - set(outs))}")
    return _Encoder(session, tok, heads)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: np.ndarray = e / e.sum(axis=1, keepdims=True)
    return out


def probabilities(items: Sequence[Marked]) -> list[dict[str, dict[str, float]]]:
    """Per item, each head's label probabilities. Batched by length; order kept."""
    enc = _encoder()
    texts = [marked_text(m) for m in items]
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out: list[dict[str, dict[str, float]]] = [{} for _ in texts]
    names = list(enc.heads)
    for b in range(0, len(order), BATCH):
        part = order[b:b + BATCH]
        ids, mask = encode_batch(enc.tokenizer, [texts[i] for i in part])
        logits = enc.session.run(names, {"input_ids": ids, "attention_mask": mask})
        probs = [_softmax(np.asarray(z, dtype=np.float64)) for z in logits]
        for row, i in enumerate(part):
            out[i] = {n: dict(zip(enc.heads[n], map(float, p[row]), strict=True))
                      for n, p in zip(names, probs, strict=True)}
    return out
