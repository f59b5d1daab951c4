"""Word files (.docx, python-docx): paragraphs and headings of the body, title and date.

Headers and footers of a Word file are kept apart from its body by Word itself, so they
never reach the text. Title: the core properties' title, else the first paragraph in the
"Title" style (or the first level-1 heading). Date: a date line in the text wins (the
usual rules of ``ingest``); the core properties' creation date is the fallback.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import SourceError
from . import Part, iso_date

# a Word file unpacks to this many times the size allowed for a source, at most: beyond
# it is a "zip bomb", not a press release
MAX_UNPACKED_RATIO = 20


def read(data: bytes, shown: str, suffix: str) -> list[Part]:
    if not data.startswith(b"PK\x03\x04"):
        raise SourceError(shown, "not a Word document (.docx files are ZIP archives; this is not one)")
    _check_archive(data, shown)
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
        properties = document.core_properties
        paragraphs = [(p.text, p.style.name if p.style is not None else "") for p in document.paragraphs]
        title, created = properties.title, properties.created
    except PackageNotFoundError:
        raise SourceError(shown, "not a Word document (a ZIP archive without a Word document in it)") from None
    except Exception as exc:  # python-docx and lxml raise many kinds for a broken file
        raise SourceError(shown, f"damaged Word document ({type(exc).__name__})") from None
    title = (title or "").strip() or _styled_title(paragraphs)
    body = [text.strip() for text, _ in paragraphs if text.strip()]
    return [Part(text="\n\n".join(" ".join(text.split()) for text in body), title=title,
                 fallback_date=iso_date(created))]


def _check_archive(data: bytes, shown: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise SourceError(shown, "damaged Word document (not a readable ZIP archive)") from None
    if "word/document.xml" not in names:
        raise SourceError(shown, "not a Word document (a ZIP archive without a Word document in it)")
    if unpacked > MAX_UNPACKED_RATIO * max(len(data), 1024 * 1024):
        raise SourceError(shown, f"damaged Word document (unpacks to {unpacked // (1024 * 1024)} MB)")


def _styled_title(paragraphs: list[tuple[str, str]]) -> str | None:
    for wanted in ("Title", "Heading 1"):
        for text, style in paragraphs:
            if style == wanted and text.strip():
                return " ".join(text.split())
    return None
