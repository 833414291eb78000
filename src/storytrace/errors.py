"""storytrace's exception tree. Every failure the library signals is one of these.

    StorytraceError                 base: carries ``input``, ``article``, ``stage``
    ├── ConfigError                 a config file or value is wrong
    ├── InputError                  one input (file, URL, line, record) can't be used
    │   ├── InputNotFound           missing path
    │   ├── UnsupportedInput        no reader for this kind of input
    │   ├── EmptyInput              nothing to read, or no article text in it
    │   ├── DecodeError             binary data, or text whose encoding can't be found
    │   ├── MalformedInput          broken JSON line, feed, WARC, HTML
    │   └── FetchError              a URL failed: DNS, timeout, HTTP status, too large
    ├── ModelError                  the spaCy model is missing or broken
    ├── StoreError                  the database can't be opened, migrated or written
    │   └── NotFound                no article / story with that id
    └── PipelineError               stages are misordered (caught when it is built)

An ``InputError`` skips one input and the batch goes on; anything else stops it.
The CLI prints ``str(exc)`` (which names the input) and ``exc.hint`` when set.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DecodeError",
    "EmptyInput",
    "FetchError",
    "InputError",
    "InputNotFound",
    "MalformedInput",
    "ModelError",
    "NotFound",
    "PipelineError",
    "StoreError",
    "StorytraceError",
    "UnsupportedInput",
]


class StorytraceError(Exception):
    """Base of every storytrace error; ``str()`` gives one line naming the input."""

    def __init__(
        self,
        message: str,
        *,
        input: str | None = None,
        article: str | None = None,
        stage: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.input = input
        self.article = article
        self.stage = stage
        self.hint = hint

    def __str__(self) -> str:
        where = self.input or (f"article {self.article}" if self.article else None)
        return f"{where}: {self.message}" if where else self.message


class ConfigError(StorytraceError):
    """A configuration file or value is invalid."""


class InputError(StorytraceError):
    """One input can't be ingested; the rest of the batch goes on."""

    #: short machine-readable reason used in summaries ("empty", "binary", ...)
    reason = "unreadable"


class InputNotFound(InputError):
    reason = "not found"


class UnsupportedInput(InputError):
    reason = "unsupported"


class EmptyInput(InputError):
    reason = "empty"


class DecodeError(InputError):
    reason = "undecodable"


class MalformedInput(InputError):
    reason = "malformed"


class FetchError(InputError):
    reason = "fetch failed"


class ModelError(StorytraceError):
    """The spaCy model can't be loaded."""


class StoreError(StorytraceError):
    """The database can't be opened, migrated or written."""


class NotFound(StoreError):
    """No stored article (or story) has that id."""


class PipelineError(StorytraceError):
    """Pipeline stages don't fit together (a stage needs what no earlier one adds)."""
