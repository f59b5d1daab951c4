"""What an output folder remembers between runs (``.briefgen-state.sqlite3`` in it): which
sources went into which brief (for ``--since-last``), what each brief's files were made
from (so an unchanged brief is not rendered again), which brief was sent to whom (so
nothing is mailed twice), and what ``briefgen fetch`` has fetched (each page's address
and the hash of its text, and each feed's ETag and Last-Modified)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from .errors import BriefgenError

STATE_NAME = ".briefgen-state.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS included (
    date TEXT NOT NULL, lang TEXT NOT NULL, sha256 TEXT NOT NULL, path TEXT NOT NULL,
    PRIMARY KEY (date, lang, sha256));
CREATE TABLE IF NOT EXISTS rendered (
    date TEXT NOT NULL, lang TEXT NOT NULL, fingerprint TEXT NOT NULL, files TEXT NOT NULL,
    PRIMARY KEY (date, lang));
CREATE TABLE IF NOT EXISTS sent (
    date TEXT NOT NULL, lang TEXT NOT NULL, recipient TEXT NOT NULL, sent_at TEXT NOT NULL,
    message_id TEXT, PRIMARY KEY (date, lang, recipient));
CREATE TABLE IF NOT EXISTS fetched (
    url TEXT PRIMARY KEY, sha256 TEXT, path TEXT, feed TEXT NOT NULL, fetched_at TEXT NOT NULL,
    outcome TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fetched_by_hash ON fetched (sha256);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked_at TEXT NOT NULL);
"""


# SQLite's codes for a file it cannot write (a full disk, an I/O error, no permission),
# as opposed to a file that is not a database it can use
_CANNOT_WRITE = {"SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM"}


class State:
    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / STATE_NAME
        with self._writing():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=10)
            self.db.executescript(_SCHEMA)

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """SQLite's and the file system's errors as one sentence that names the file."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            code = "_".join((getattr(exc, "sqlite_errorname", None) or "").split("_")[:2])  # SQLITE_IOERR_WRITE
            if code in _CANNOT_WRITE:
                raise BriefgenError(f"cannot write the state file {self.path}: {exc}") from None
            raise BriefgenError(f"state file {self.path} is unusable ({exc}); move it away to start afresh") from None
        except OSError as exc:
            raise BriefgenError(f"cannot write the state file {self.path}: {exc.strerror or exc}") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> State:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # ------------------------------------------------------------ sources
    def earlier_sources(self, date: str, lang: str) -> set[str]:
        """sha256 of every source in a brief of ``lang`` dated before ``date``."""
        rows = self.db.execute("SELECT sha256 FROM included WHERE lang = ? AND date < ?", (lang, date))
        return {row[0] for row in rows}

    def last_brief_before(self, date: str, lang: str) -> str | None:
        row = self.db.execute("SELECT MAX(date) FROM included WHERE lang = ? AND date < ?", (lang, date)).fetchone()
        return row[0] if row else None

    def record_sources(self, date: str, lang: str, sources: list[tuple[str, str]]) -> None:
        """The (sha256, path) of the sources of the brief of ``date`` — replacing what an
        earlier run for the same date recorded."""
        with self._writing(), self.db:
            self.db.execute("DELETE FROM included WHERE date = ? AND lang = ?", (date, lang))
            self.db.executemany("INSERT INTO included VALUES (?, ?, ?, ?)",
                                [(date, lang, sha, path) for sha, path in sources])

    # ------------------------------------------------------------ rendering
    def rendered(self, date: str, lang: str) -> tuple[str, dict[str, str]] | None:
        """The fingerprint of the brief last written for ``date`` and the sha256 of its files."""
        row = self.db.execute("SELECT fingerprint, files FROM rendered WHERE date = ? AND lang = ?",
                              (date, lang)).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def record_rendered(self, date: str, lang: str, fingerprint: str, files: dict[str, str]) -> None:
        with self._writing(), self.db:
            self.db.execute("INSERT OR REPLACE INTO rendered VALUES (?, ?, ?, ?)",
                            (date, lang, fingerprint, json.dumps(files, sort_keys=True)))

    # ------------------------------------------------------------ sending
    def sent_to(self, date: str, lang: str) -> set[str]:
        rows = self.db.execute("SELECT recipient FROM sent WHERE date = ? AND lang = ?", (date, lang))
        return {row[0] for row in rows}

    def record_sent(self, date: str, lang: str, recipient: str, message_id: str) -> None:
        with self._writing(), self.db:
            self.db.execute("INSERT OR REPLACE INTO sent VALUES (?, ?, ?, ?, ?)",
                            (date, lang, recipient, datetime.now(UTC).isoformat(timespec="seconds"),
                             message_id))

    # ------------------------------------------------------------ fetching
    def fetched(self, url: str) -> str | None:
        """What became of ``url`` when it was fetched before ("written", "same text as …",
        "refused: …"); None if it never was."""
        row = self.db.execute("SELECT outcome FROM fetched WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def url_with_text(self, sha256: str) -> str | None:
        """The address of an earlier page with exactly this text, if any."""
        row = self.db.execute("SELECT url FROM fetched WHERE sha256 = ? AND outcome = 'written'", (sha256,)).fetchone()
        return row[0] if row else None

    def record_fetched(self, url: str, feed: str, outcome: str, sha256: str | None = None,
                       path: str | None = None) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO fetched VALUES (?, ?, ?, ?, ?, ?)",
                            (url, sha256, path, feed, datetime.now(UTC).isoformat(timespec="seconds"), outcome))

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified of the feed's last full answer."""
        row = self.db.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def record_feed(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?)",
                            (url, etag, last_modified, datetime.now(UTC).isoformat(timespec="seconds")))
