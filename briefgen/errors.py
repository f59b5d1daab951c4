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
    """SIGTERM: the run stops cleanly (an error like any other: exit code 1)."""
