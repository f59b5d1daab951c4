"""The language data files (``briefgen/data/languages/<code>.toml`` and ``common.toml``), read
once a process. The extract stage's ``lexicon`` reads what it needs from them; the read stage
reads its datelines' regions, without importing the extract stage."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

LANGUAGES_DIR = Path(__file__).resolve().parent / "data" / "languages"


@functools.cache
def language_data() -> dict[str, dict]:
    """Every data file by its stem ("fr", …, "common")."""
    return {path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
            for path in sorted(LANGUAGES_DIR.glob("*.toml"))}
