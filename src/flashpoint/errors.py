"""One exception tree for flashpoint. Every message says what to do next.

    FlashpointError
    ├── ConfigError          bad setting or option value
    ├── InputError           one input file or row cannot be read (carries file and line)
    │   ├── EmptyInputError
    │   ├── BinaryInputError
    │   ├── MalformedInputError
    │   └── UnsupportedFormatError
    ├── ResourceError        a packaged data file or model is missing or corrupt
    ├── ModelNotInstalledError  the spaCy model package is not installed
    └── StoreError           the database cannot be opened, migrated or queried
"""

from __future__ import annotations


class FlashpointError(Exception):
    """Base of every error flashpoint raises on purpose."""


class ConfigError(FlashpointError):
    pass


class InputError(FlashpointError):
    """An input that cannot be read. ``file`` and ``line`` say where; ``reason`` says why."""

    def __init__(self, file: str | None, reason: str, line: int | None = None,
                 hint: str | None = None) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        self.hint = hint
        where = file or "<input>"
        if line is not None:
            where += f":{line}"
        msg = f"{where}: {reason}"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class MalformedInputError(InputError):
    pass


class UnsupportedFormatError(InputError):
    pass


class ResourceError(FlashpointError):
    pass


class ModelNotInstalledError(FlashpointError):
    pass


class StoreError(FlashpointError):
    pass
