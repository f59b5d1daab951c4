"""Read one source file into a Document: bytes -> text -> body paragraphs + metadata.

Every problem with a file is a ``SourceError`` whose reason is one short phrase
("empty file", "not text (binary content: PNG image)", …): the pipeline lists the file
as skipped with that reason and goes on with the others.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from . import boilerplate
from .dates import find_dates, first_full_date, infer_year
from .errors import SourceError
from .model import TITLE, Document, Paragraph, Quote, Segment
from .people import build_cast
from .sources import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, Access, discover, display_path, read_bytes
from .text import find_quotes, normalize_space, split_sentences, unclosed_quote

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "Access", "decode", "discover", "display_path", "ingest",
           "read_bytes"]

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
    """Read, decode and clean one source file. Raises SourceError for an unusable file.

    ``access``: where the file may be (see ``sources.Access``); None for a file named
    explicitly, which may be anywhere but must be a regular file."""
    path = Path(path)
    shown = display_path(path)
    data = read_bytes(path, max_bytes, access)
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
    paragraphs = [normalize_space(p) for p in boilerplate.split_paragraphs(text)]
    cleaned = boilerplate.clean([p for p in paragraphs if p], title=html_meta.get("title"))
    if not cleaned.paragraphs:
        raise SourceError(shown, "no article text found (only page furniture)")
    published = html_meta.get("date") or _published(cleaned, "\n".join(cleaned.paragraphs))
    return Document(
        id=path.stem,
        path=shown,
        sha256=hashlib.sha256(data).hexdigest(),
        paragraphs=tuple(_paragraph(p) for p in cleaned.paragraphs),
        title=Segment(cleaned.title) if cleaned.title else None,
        outlet=html_meta.get("outlet") or cleaned.outlet,
        published=published,
        quotes=tuple(_quotes(cleaned.paragraphs, cleaned.title)),
        date_evidence=tuple(cleaned.published_lines + cleaned.updated_lines),
        roles=tuple((name, Segment(role)) for name, role in
                    build_cast(([cleaned.title] if cleaned.title else []) + cleaned.paragraphs).roles.items()),
    )


def _paragraph(text: str) -> Paragraph:
    return Paragraph(text_original=text, sentences=tuple(Segment(s) for s in split_sentences(text)))


def _quotes(paragraphs: list[str], title: str | None) -> list[Quote]:
    """Every quotation of the title and the paragraphs, a quotation that runs over several
    paragraphs (French style: each continued paragraph opens with «) as one."""
    found = [_quote(TITLE, start, TITLE, end, marks, title[start:end])
             for start, end, marks in find_quotes(title or "")]
    skip: dict[int, int] = {}  # paragraph -> quotations of it already taken by a longer one
    for i, text in enumerate(paragraphs):
        spans = find_quotes(text)[skip.get(i, 0):]
        found.extend(_quote(i, start, i, end, marks, text[start:end]) for start, end, marks in spans)
        opened = unclosed_quote(text)
        if opened is None:
            continue
        parts = [text[opened + 1:].strip()]
        for j in range(i + 1, len(paragraphs)):
            following = paragraphs[j]
            if following[:1] not in "«»“":  # the quotation was never closed: not one
                break
            first = find_quotes(following)[:1]
            if first and first[0][0] <= 2:
                parts.append(following[: first[0][1]])
                start = opened + 1 + (len(text[opened + 1:]) - len(text[opened + 1:].lstrip()))
                found.append(_quote(i, start, j, first[0][1], text[opened] + following[first[0][1]],
                                    "\n\n".join(parts)))
                skip[j] = 1
                break
            parts.append(following)
    return found


def _quote(paragraph: int, start: int, paragraph_end: int, end: int, marks: str, original: str) -> Quote:
    return Quote(paragraph=paragraph, start=start, end=end, marks=marks, segment=Segment(original),
                 paragraph_end=None if paragraph_end == paragraph else paragraph_end)


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
    """A Markdown file's leading "---" block: title, date and outlet (source, publisher)."""
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

