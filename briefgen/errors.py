"""Expected problems, each with the exit code of DESIGN.md.

BriefgenError (1)
 ├── UsageError (2)            bad option value, unreadable --date, …
 ├── SourceError (1)           one source cannot be used; the run goes on without it
 ├── NoTranslationRoute (3)    no engine or model for a needed language pair
 ├── NoUsableSource (4)        the sources folder is missing, empty or all sources were bad
 ├── LockHeld (5)              another ``briefgen make`` is writing to the same folder
 ├── FetchFailed (6)           ``briefgen fetch``: some feeds or pages could not be read
 └── Stopped (1)               SIGTERM: stopped cleanly, nothing half-written

The message of each is one sentence for a human: it names the file, or the command to run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class BriefgenError(Exception):
    exit_code = 1


class UsageError(BriefgenError):
    exit_code = 2


class SourceError(BriefgenError):
    """A source file that cannot be used; ``reason`` is a short phrase for the brief."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NoTranslationRoute(BriefgenError):
    exit_code = 3


class NoUsableSource(BriefgenError):
    exit_code = 4


class LockHeld(BriefgenError):
    exit_code = 5


class FetchFailed(BriefgenError):
    """Some feeds or pages could not be fetched (each was reported); the rest was written."""

    exit_code = 6


class Stopped(BriefgenError):
    """SIGTERM: the run stops cleanly (an error like any other: exit code 1).

    The signal handler raises it bare ("stopped by SIGTERM"); the stage it interrupts
    adds what had been done by then (see ``when_stopped``), so the message never says
    "before the brief was written" of a brief that was written, or being sent."""

    def __init__(self, message: str = "stopped by SIGTERM", told: bool = False):
        super().__init__(message)
        self.told = told  # the message already says what had been done


@contextmanager
def when_stopped(what: str) -> Iterator[None]:
    """A bare Stopped raised inside becomes "stopped by SIGTERM <what>"."""
    try:
        yield
    except Stopped as exc:
        if exc.told:
            raise
        raise Stopped(f"{exc} {what}", told=True) from None
