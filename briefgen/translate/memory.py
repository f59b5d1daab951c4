"""Translation memory: a SQLite cache of every sentence an engine has translated.

Keyed by engine, model identity (Argos package name and version with the decoding
options, or apertium's mode chain with its data's date), language pair and the exact
sentence, so a new model or setting never reuses an old one's output. A corrupt or
locked cache file is reported once and bypassed: the run goes on translating, it never
fails because of the cache.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from .base import Engine, WrappingEngine

log = logging.getLogger(__name__)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    engine TEXT NOT NULL, model TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    original TEXT NOT NULL, translation TEXT NOT NULL,
    PRIMARY KEY (engine, model, source, target, original)
) WITHOUT ROWID
"""
_CHUNK = 500  # sentences a query (SQLite limits the number of parameters)


def default_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefgen")) / "translations.sqlite3"


class TranslationMemory:
    def __init__(self, path: Path | None = None, timeout: float = 2.0):
        self.path = Path(path) if path else default_path()
        self.timeout = timeout
        self.problem: str | None = None  # why the memory is bypassed, once it is
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self.problem:
            return None
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=self.timeout)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(_SCHEMA)
                db.commit()
                self._db = db
            except (sqlite3.Error, OSError) as exc:
                self._bypass(exc)
                return None
        return self._db

    def _bypass(self, exc: Exception) -> None:
        self.problem = f"{type(exc).__name__}: {exc}"
        log.warning("translation memory %s is unusable (%s); translating without it", self.path, exc)
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None

    def lookup(self, engine: str, model: str, source: str, target: str, originals: list[str]) -> dict[str, str]:
        db = self._connect()
        if db is None or not originals:
            return {}
        found: dict[str, str] = {}
        try:
            for start in range(0, len(originals), _CHUNK):
                chunk = originals[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT original, translation FROM translations WHERE engine=? AND model=? "
                    f"AND source=? AND target=? AND original IN ({marks})",
                    [engine, model, source, target, *chunk],
                )
                found.update(rows)
        except sqlite3.Error as exc:
            self._bypass(exc)
            return {}
        return found

    def store(self, engine: str, model: str, source: str, target: str, pairs: list[tuple[str, str]]) -> None:
        db = self._connect()
        if db is None or not pairs:
            return
        try:
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?)",
                    [(engine, model, source, target, original, text) for original, text in pairs],
                )
        except sqlite3.Error as exc:
            self._bypass(exc)

    def stats(self) -> dict:
        """Entries per engine, model and pair, and the file's size."""
        size = self.path.stat().st_size if self.path.exists() else 0
        if not self.path.exists():
            return {"path": str(self.path), "entries": 0, "size_bytes": 0, "groups": []}
        db = self._connect()
        if db is None:
            return {"path": str(self.path), "entries": None, "size_bytes": size, "problem": self.problem}
        try:
            groups = db.execute(
                "SELECT engine, model, source, target, COUNT(*) FROM translations "
                "GROUP BY engine, model, source, target ORDER BY engine, model, source, target"
            ).fetchall()
        except sqlite3.Error as exc:
            self._bypass(exc)
            return {"path": str(self.path), "entries": None, "size_bytes": size, "problem": self.problem}
        return {
            "path": str(self.path),
            "entries": sum(g[4] for g in groups),
            "size_bytes": size,
            "groups": [dict(zip(("engine", "model", "source", "target", "entries"), g, strict=True))
                       for g in groups],
        }

    def clear(self) -> int:
        """Delete the cache file (and its WAL side files); return the bytes freed."""
        self.close()
        freed = 0
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                freed += part.stat().st_size
                part.unlink()
        self.problem = None
        return freed

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class CachedEngine(WrappingEngine):
    """Any engine, with the translation memory in front of it.

    Each call logs, for its language pair, how many distinct segments came from the
    memory and how many the engine translated now (together: all the call's segments);
    ``hits`` and ``misses`` add those up over the engine's life."""

    def __init__(self, inner: Engine, memory: TranslationMemory):
        super().__init__(inner)
        self.memory = memory
        self.hits = 0
        self.misses = 0

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        model = self.cache_key(source, target)
        unique = list(dict.fromkeys(sentences))
        known = self.memory.lookup(self.name, model, source, target, unique)
        missing = [s for s in unique if s not in known]
        self.hits += len(unique) - len(missing)
        self.misses += len(missing)
        log.info("translation memory %s→%s: %d from memory, %d translated now",
                 source, target, len(unique) - len(missing), len(missing))
        if missing:
            fresh = self.inner.translate(missing, source, target)
            self.memory.store(self.name, model, source, target, list(zip(missing, fresh, strict=True)))
            known.update(zip(missing, fresh, strict=True))
        return [known[s] for s in sentences]
