"""Read one source file into a Document: bytes -> text -> body paragraphs + metadata.

Every problem with a file is a ``SourceError`` whose reason is one short phrase
("empty file", "not text (binary content: PNG image)", …): the pipeline lists the file
as skipped with that reason and goes on with the others.

Text files (.txt, .md, .html) are read here; PDF, Word and e-mail files by the readers of
``briefgen.formats``, whose text then goes through the same cleaning and metadata rules.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from . import boilerplate, formats
from .dates import find_dates, first_full_date, infer_year
from .errors import SourceError
from .extract.people import build_cast
from .extract.quotes import quotations
from .model import Document, Paragraph, Segment
from .sources import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, Access, discover, display_path, read_bytes
from .text import normalize_space, split_sentences

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "Access", "decode", "discover", "display_path", "ingest",
           "ingest_all", "read_bytes"]

_MAGIC = {
    b"\x89PNG": "PNG image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or an office document)",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\x7fELF": "executable program",
    b"\x1f\x8b": "gzip archive",
    b"SQLite format 3": "SQLite database",
}
# the pages briefgen writes (briefs, latest-*.html, index.html) say so in their <head>
MADE_BY_BRIEFGEN = re.compile(r"""<meta\s+name=["']generator["']\s+content=["']briefgen\b""", re.IGNORECASE)
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


# more control characters than this share of a file: binary content, not text with a stray
# NUL; the same share of C1 controls in text decoded by charset detection: a wrong guess
MAX_CONTROL_RATIO = 0.01
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # C0 and DEL, but tab, newlines and form feed
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_STRAY_BYTES = re.compile(r"[\udc80-\udcff]")  # bytes that were not UTF-8, as surrogateescape keeps them


def decode(data: bytes, shown: str) -> str:
    """Bytes to text: BOMs first, then UTF-8 (with a few stray bytes of Windows-1252
    allowed), then charset detection. Control characters (a stray NUL) are dropped."""
    if not data:
        raise SourceError(shown, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _without_controls(data.decode(encoding))
            except UnicodeDecodeError:
                raise SourceError(shown, f"not text (invalid {encoding} after its byte-order mark)") from None
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise SourceError(shown, f"not text (binary content: {kind})")
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _without_controls(utf16)
    if len(_CONTROL_BYTES.findall(data)) > max(4, MAX_CONTROL_RATIO * len(data)):
        raise SourceError(shown, "not text (binary content)")
    text = _utf8_with_strays(data)
    return _without_controls(text if text is not None else _detect_legacy(data, shown))


def _without_controls(text: str) -> str:
    # invisible, and lxml (HTML sources) and the PDF refuse them
    return _CONTROLS.sub("", text)


def _utf8_with_strays(data: bytes) -> str | None:
    """UTF-8 text, where a byte that is not UTF-8 (a pasted ’ or é saved by another
    program) is read as Windows-1252; None when the text is not mostly UTF-8."""
    text = data.decode("utf-8", "surrogateescape")
    strays = len(_STRAY_BYTES.findall(text))
    if not strays:
        return text
    multibyte = sum(1 for c in text if "\x80" <= c and not "\udc80" <= c <= "\udcff")
    if multibyte <= strays:  # no more sign of UTF-8 than of something else: ask charset detection
        return None
    return _STRAY_BYTES.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), text)


def _bomless_utf16(data: bytes) -> str | None:
    # UTF-16 without a BOM: every other byte is NUL for Latin text
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.9 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _detect_legacy(data: bytes, shown: str) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if matches:
        best = matches[0]
        # Western European single-byte text decodes cleanly in several code pages alike;
        # on a tie, Windows-1252 (which also holds ’ “ ” € …) is by far the likeliest.
        ties = [m for m in matches if m.percent_chaos <= best.percent_chaos + 0.5]
        chosen = next((m for m in ties if m.encoding == "cp1252"), best)
        text = str(chosen)
        if _control_ratio(text) < MAX_CONTROL_RATIO:
            return text
    raise SourceError(shown, "not text (unknown character encoding or binary content)")


def _control_ratio(text: str) -> float:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f" or 0x80 <= ord(c) < 0xA0)
    return controls / max(1, len(text))


def ingest(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, access: Access | None = None) -> Document:
    """Read, decode and clean one source file. Raises SourceError for an unusable file
    (and for a mailbox of several messages: ``ingest_all`` reads those).

    ``access``: where the file may be (see ``sources.Access``); None for a file named
    explicitly, which may be anywhere but must be a regular file."""
    path = Path(path)
    shown = display_path(path)
    data = read_bytes(path, max_bytes, access)
    if path.suffix.lower() in formats.SUFFIXES:
        (result,) = _from_reader(path, shown, data, single=True)
        if isinstance(result, SourceError):
            raise result
        return result
    text = decode(data, shown)
    if not text.strip():
        raise SourceError(shown, "empty file (only whitespace)")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    suffix = path.suffix.lower()
    html_meta: dict = {}
    if suffix in (".html", ".htm") or _looks_like_html(text):
        if MADE_BY_BRIEFGEN.search(text[:4096]):
            raise SourceError(shown, "made by briefgen (a brief or its index), not a source")
        text, html_meta = _html_to_text(text, shown)
    elif suffix in (".md", ".markdown"):
        text, html_meta = _front_matter(text)
        text, heading = _markdown_to_text(text)
        html_meta["title"] = html_meta.get("title") or heading
    return _document(path.stem, shown, hashlib.sha256(data).hexdigest(), text, html_meta)


def ingest_all(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
               access: Access | None = None) -> list[Document | SourceError]:
    """Every source one file holds, or the reason it cannot be used: one for most files,
    one per message for a mailbox (.mbox)."""
    path = Path(path)
    if path.suffix.lower() not in formats.SUFFIXES:
        try:
            return [ingest(path, max_bytes, access)]
        except SourceError as exc:
            return [exc]
    shown = display_path(path)
    try:
        data = read_bytes(path, max_bytes, access)
    except SourceError as exc:
        return [exc]
    return _from_reader(path, shown, data, single=False)


def _from_reader(path: Path, shown: str, data: bytes, single: bool) -> list[Document | SourceError]:
    try:
        parts = formats.read(path.suffix, data, shown)
    except SourceError as exc:
        return [exc]
    if single and len(parts) != 1:
        return [SourceError(shown, f"holds {len(parts)} messages (briefgen make reads each as a source)")]
    results: list[Document | SourceError] = []
    for part in parts:
        # a message of a mailbox is a source of its own: its own name, id and hash
        part_shown = f"{shown}#{part.number}" if len(parts) > 1 else shown
        part_id = f"{path.stem}-{part.number:03d}" if len(parts) > 1 else path.stem
        if part.problem:
            results.append(SourceError(part_shown, part.problem))
            continue
        meta = {"title": part.title, "date": part.published, "outlet": part.outlet, "url": part.url,
                "fallback_date": part.fallback_date}
        try:
            results.append(_document(part_id, part_shown, hashlib.sha256(part.raw or data).hexdigest(),
                                     part.text, meta))
        except SourceError as exc:
            results.append(exc)
    return results


def _document(doc_id: str, shown: str, sha256: str, text: str, meta: dict) -> Document:
    """Body text and what is known of its metadata -> Document: page furniture removed,
    title, outlet and date taken from the metadata, else from the text."""
    paragraphs = [normalize_space(p) for p in boilerplate.split_paragraphs(text)]
    cleaned = boilerplate.clean([p for p in paragraphs if p], title=meta.get("title"))
    if not cleaned.paragraphs:
        raise SourceError(shown, "no article text found (only page furniture)")
    published = meta.get("date") or _published(cleaned, "\n".join(cleaned.paragraphs)) or meta.get("fallback_date")
    return Document(
        id=doc_id,
        path=shown,
        sha256=sha256,
        paragraphs=tuple(_paragraph(p) for p in cleaned.paragraphs),
        title=Segment(cleaned.title) if cleaned.title else None,
        outlet=meta.get("outlet") or cleaned.outlet,
        place=cleaned.place,
        published=published,
        quotes=tuple(quotations(cleaned.paragraphs, cleaned.title)),
        date_evidence=tuple(cleaned.published_lines + cleaned.updated_lines),
        roles=tuple((name, Segment(role)) for name, role in
                    build_cast(([cleaned.title] if cleaned.title else []) + cleaned.paragraphs,
                               title=bool(cleaned.title)).roles.items()),
        url=meta.get("url"),
    )


def _paragraph(text: str) -> Paragraph:
    return Paragraph(text_original=text, sentences=tuple(Segment(s) for s in split_sentences(text)))


def _published(cleaned: boilerplate.Cleaned, body: str) -> str | None:
    """A publication line's date first, then an update line's (never a date in the body);
    a day and month without a year only when the body pins the year down."""
    lines = cleaned.published_lines + cleaned.updated_lines
    for line in lines:
        iso = first_full_date(line)
        if iso:
            return iso
    for line in lines:
        for partial in find_dates(line):
            year = infer_year(partial, body)
            if year:
                return f"{year:04d}-{partial.month:02d}-{partial.day:02d}"
    return None


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _html_to_text(html: str, shown: str) -> tuple[str, dict]:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if extracted is None:
        raise SourceError(shown, "no article text found in the HTML page")
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = doc.get("text") or ""
    if not text.strip():
        raise SourceError(shown, "no article text found in the HTML page")
    meta = {
        "title": (doc.get("title") or "").strip() or None,
        "date": doc.get("date") if re.fullmatch(r"\d{4}-\d\d-\d\d", doc.get("date") or "") else None,
        "outlet": (doc.get("sitename") or "").strip() or None,
    }
    return text, meta


def _front_matter(text: str) -> tuple[str, dict]:
    """A Markdown file's leading "---" block: title, date, outlet (source, publisher) and
    the web address it came from (url, as ``briefgen fetch`` writes it)."""
    m = re.match(r"\A---\s*\n(.*?)\n---\s*\n", text, re.DOTALL)
    if not m:
        return text, {}
    meta: dict = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("'\"")
        if not value:
            continue
        if key == "title":
            meta["title"] = value
        elif key in ("date", "published", "publication_date"):
            meta["date"] = first_full_date(value)
        elif key in ("outlet", "source", "publisher", "site_name"):
            meta["outlet"] = value
        elif key in ("url", "link") and re.match(r"https?://", value):
            meta["url"] = value
    return text[m.end():], meta


def _markdown_to_text(text: str) -> tuple[str, str | None]:
    """Markdown to plain paragraphs; the first level-1 heading becomes the title."""
    title = None
    lines = []
    in_code = False
    for line in text.split("\n"):
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        heading = re.match(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if heading:
            if title is None and len(heading.group(1)) == 1:
                title = _strip_inline_markdown(heading.group(2))
                continue
            lines.extend(["", _strip_inline_markdown(heading.group(2)), ""])
            continue
        line = re.sub(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+", "", line)  # list markers
        line = re.sub(r"^\s{0,3}>\s?", "", line)  # block quotes
        if re.fullmatch(r"\s*(?:[-*_]\s*){3,}", line):  # horizontal rules
            line = ""
        lines.append(_strip_inline_markdown(line))
    return "\n".join(lines), title


def _strip_inline_markdown(line: str) -> str:
    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)  # images
    line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # links keep their text
    line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
    line = re.sub(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])", r"\2", line)
    line = re.sub(r"`([^`]+)`", r"\1", line)
    return line

