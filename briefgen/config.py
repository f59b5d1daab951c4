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
