"""Readers for sources that are not plain text: PDF press releases, Word files, e-mails.

Each reader turns a file's bytes into ``Part`` values (one for a PDF, a Word file or an
.eml; one per message for an .mbox): the body as paragraphs separated by blank lines,
and what the file's own metadata says. ``ingest`` then applies the same cleaning and
metadata rules as to any other source. A damaged file is a ``SourceError`` with a reason.

Nothing heavy is imported here: each reader imports its library when a file needs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from ..errors import SourceError

# suffix -> module of this package that reads it
READERS = {".pdf": "pdf", ".docx": "docx", ".eml": "email", ".mbox": "email"}
SUFFIXES = tuple(READERS)


@dataclass(frozen=True)
class Part:
    """One source found in a file."""

    text: str  # paragraphs, separated by blank lines
    number: int = 1  # its place in the file (the message of a mailbox)
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date the file states for itself (an e-mail's Date)
    # ISO date to use only when the text names none (a PDF's or Word file's creation date)
    fallback_date: str | None = None
    url: str | None = None
    raw: bytes | None = None  # this source's own bytes, when it is part of a file (for its hash)
    problem: str | None = None  # why this part cannot be used (the rest of the file can)


def read(suffix: str, data: bytes, shown: str) -> list[Part]:
    """The sources in ``data``, a file named ``shown`` ending in ``suffix``."""
    module = import_module(f".{READERS[suffix.lower()]}", __name__)
    parts = module.read(data, shown, suffix.lower())
    if not parts:
        raise SourceError(shown, "no text found")
    return parts


def iso_date(moment) -> str | None:
    """A datetime (or None) as ISO ``YYYY-MM-DD``, if it is a plausible publication date."""
    if moment is None or not 1990 <= moment.year <= 2100:
        return None
    return moment.date().isoformat()
