"""One exception tree for the whole package.

    DigestError                      base: anything digest raises on purpose
    ├── ConfigError                  sources.yaml is invalid (file, line, key, what was expected)
    ├── StoreError                   the database cannot be opened or migrated
    ├── FetchError                   one source failed (carried as a value in FetchResult,
    │                                raised only by single-URL helpers)
    ├── CleanError                   input cannot be cleaned (binary, empty, over the time limit)
    ├── EditError                    the editor cannot build an issue
    │   └── LLMError                 the LLM endpoint failed or answered garbage (we fall back)
    │       └── LLMUnavailable       the endpoint is down or refuses us: ask it nothing more
    │           └── LLMOutOfTime     the issue's time budget for the model is spent
    ├── RenderError                  a template is missing or broken
    ├── PublishError                 writing out/ or sending mail failed
    │   └── DeliveryError            one recipient could not be sent to
    └── LockedError                  another run holds the lock (exit code 75)

The CLI maps them to exit codes: ConfigError → 2, LockedError → 75, anything else → 1.

Anything else that escapes a stage is a bug (or an input nobody foresaw). At the boundaries
that contain one (a source in fetch, an item in collect, a file in `digest clean`) it is
reported as `internal_error(exc)`: one line, and the traceback goes to the log.
"""

from __future__ import annotations


class DigestError(Exception):
    """Base class of every error digest raises on purpose."""


class ConfigError(DigestError):
    """The configuration is invalid. The message names file, line and key."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 key: str | None = None) -> None:
        self.path = path
        self.line = line
        self.key = key
        where = ""
        if path:
            where = f"{path}:{line}: " if line else f"{path}: "
        if key:
            where += f"{key}: "
        super().__init__(where + message)


class StoreError(DigestError):
    """The database cannot be opened, migrated or written."""


class FetchError(DigestError):
    """A source or URL could not be fetched."""


class CleanError(DigestError):
    """The input cannot be cleaned."""


class EditError(DigestError):
    """The editor cannot build an issue."""


class LLMError(EditError):
    """The LLM endpoint failed, timed out, or answered something unusable."""


class LLMUnavailable(LLMError):
    """The endpoint itself failed (timed out or 5xx after its retries, refused the key, not a
    chat API at that URL): every later item would fail the same way, so none is asked."""


class LLMOutOfTime(LLMUnavailable):
    """The issue's `time_budget` of the endpoint's time is spent: no later item is asked."""


class RenderError(DigestError):
    """A template is missing or fails to render."""


class PublishError(DigestError):
    """Writing the output or delivering it failed."""


class DeliveryError(PublishError):
    """One recipient could not be sent to."""


class LockedError(DigestError):
    """Another run holds the lock."""


class Stopped(BaseException):
    """Raised at a stage boundary after SIGTERM/SIGINT reached `digest schedule` (a
    BaseException, as KeyboardInterrupt is: nothing on the way swallows it). The run is
    recorded as interrupted, not failed."""


def internal_error(exc: BaseException) -> str:
    """'internal error: Type: message' on one line, at most 300 characters."""
    text = " ".join(f"internal error: {type(exc).__name__}: {exc}".split())
    return text if len(text) <= 300 else text[:299] + "…"
