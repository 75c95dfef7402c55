"""``Skipped``: an input that was not turned into an article, and why."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    MalformedInputError,
    UnsupportedFormatError,
)

#: Every ``Skipped.kind``: ``error`` (unreadable file, malformed row, missing column, bad
#: date), ``binary`` (not text), ``empty`` (no text), ``unsupported`` (a format flashpoint
#: does not read), ``language`` (not English), ``duplicate`` (same text as an earlier article,
#: only with ``iter_inputs(dedupe=True)``).
KINDS = ("error", "binary", "empty", "unsupported", "language", "duplicate")

_ERRORS: dict[str, type[InputError]] = {
    "binary": BinaryInputError, "empty": EmptyInputError, "unsupported": UnsupportedFormatError,
    "error": MalformedInputError,
}


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input (file, row, feed entry) that was not turned into an article.

    ``file`` is the path as given (``None`` for text given directly), ``line`` the 1-based line
    where the problem is (``None`` for a whole file), ``reason`` what is wrong, ``kind`` one
    of ``KINDS``, ``hint`` what to do about it.
    """

    file: str | None
    line: int | None
    reason: str
    kind: str = "error"
    hint: str | None = None

    def message(self) -> str:
        """``path:line: reason (what to do)``, the form compilers and editors understand."""
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        text = f"{where}: {self.reason}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def error(self) -> InputError:
        """The matching ``InputError`` (for callers that want to stop at the first problem)."""
        cls = _ERRORS.get(self.kind, InputError)
        return cls(self.file, self.reason, self.line, self.hint)
