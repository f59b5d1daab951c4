"""Defaults in one place. The CLI overrides them with its options."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .ingest import DEFAULT_MAX_BYTES
from .render import FORMATS


@dataclass(frozen=True)
class Config:
    sources_dir: Path = Path("seeds")
    out_dir: Path = Path("out")
    lang: str = "en"
    engine: str = "auto"
    formats: tuple[str, ...] = FORMATS
    max_bytes: int = DEFAULT_MAX_BYTES
    summary_length: int = 3
    glossary: Path | None = None  # a user glossary, on top of the default one
    cache: bool = True  # the translation memory
    cache_path: Path | None = None  # default: the user's cache folder
    pdf_variant: str | None = None  # e.g. "pdf/a-3b" for archiving
    device: str = "auto"  # for Argos models: cpu, cuda, or auto (cuda when CTranslate2 sees a GPU)
