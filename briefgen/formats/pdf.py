"""PDF press releases: text in reading order, page furniture removed, title and date.

pdfminer.six's layout analysis groups characters into text boxes; their reading order is
found here (pdfminer's own interleaves columns when a full-width paragraph sits between
two column blocks):

- columns are the stretches of the page's width covered by narrow boxes, gutters the
  stretches (almost) none covers; a box that crosses a gutter (a headline, a full-width
  paragraph) separates one block of columns from the next; within a block, columns are
  read left to right, each from top to bottom;

- running headers and footers go: a box in the top or bottom tenth of a page whose text
  (numbers aside) comes back on another page, and any page number there ("3", "- 3 -",
  "Page 3 of 5", "3/5");
- a paragraph cut by a column or page break is joined again (the box does not end a
  sentence and the next one starts in lower case);
- lines wrapped inside a paragraph are joined; a box holding several paragraphs without
  space between them is split after a short line that ends a sentence.

Title: the first page's text in the largest type (the headline a reader sees), else the
document's own (information dictionary) unless it is a file name or a placeholder. Date: a date line on the first
page wins (through the usual rules of ``ingest``); the creation date is the fallback.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime

from ..errors import SourceError
from . import Part

BAND = 0.10  # top and bottom share of a page where headers and footers live
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|pagina|página)\s*)?[-–—(\[]?\s*#+\s*[-–—)\]]?"
    r"(?:\s*(?:/|of|sur|de|von|di)\s*#+)?$", re.IGNORECASE)
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint) - .*|untitled.*|sans titre.*|document\d*|titre|title|"
    r".*\.(?:docx?|odt|pdf|indd|rtf|txt))$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…»”\"):;]$")


@dataclass
class Box:
    lines: list[str]
    line_ends: list[float]  # x1 of each line, to find paragraph ends inside a box
    x0: float
    y0: float
    x1: float
    y1: float
    size: float  # the most common font size of its characters

    @property
    def text(self) -> str:
        return _join_lines(self.lines)


def read(data: bytes, shown: str, suffix: str) -> list[Part]:
    if b"%PDF-" not in data[:1024]:
        raise SourceError(shown, "not a PDF document (damaged, or another kind of file)")
    pages, info = _layout(data, shown)
    pages = _without_furniture(pages)
    headline = _largest_type(pages[0][0]) if pages and pages[0][0] else None
    title = headline or _good_title(_decode_info(info.get("Title")))
    paragraphs = _paragraphs([box for boxes, _ in pages for box in boxes])
    if title:
        paragraphs = [p for p in paragraphs if _key(p) != _key(title)]
    if not any(p.strip() for p in paragraphs):
        raise SourceError(shown, "no text in the PDF (scanned pages need OCR)")
    return [Part(text="\n\n".join(paragraphs), title=title, fallback_date=_pdf_date(info.get("CreationDate")))]


def _layout(data: bytes, shown: str) -> tuple[list[tuple[list[Box], float]], dict]:
    """Text boxes of each page, in reading order, with the page height."""
    import logging

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    # pdfminer warns about every oddity of a file it reads anyway; the brief says what failed
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        info = {key: resolve1(value) for key, value in (document.info[0] if document.info else {}).items()}
        pages = []
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            boxes = [_box(element) for element in page if isinstance(element, LTTextBox)]
            pages.append((reading_order([b for b in boxes if b.lines]), page.height))
    except PDFPasswordIncorrect:
        raise SourceError(shown, "encrypted PDF (it needs a password)") from None
    except Exception as exc:  # pdfminer has no common error class for a broken file
        raise SourceError(shown, f"damaged PDF ({type(exc).__name__})") from None
    return pages, info


def _box(element) -> Box:
    from collections import Counter

    from pdfminer.layout import LTChar, LTTextLine

    lines, ends, sizes = [], [], Counter()
    for line in element:
        if not isinstance(line, LTTextLine):
            continue
        text = line.get_text().replace("\u00ad", "").strip()
        if text:
            lines.append(text)
            ends.append(line.x1)
        for char in line:
            if isinstance(char, LTChar):
                sizes[round(char.size, 1)] += 1
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    return Box(lines, ends, element.x0, element.y0, element.x1, element.y1, size)


def reading_order(boxes: list[Box]) -> list[Box]:
    """Boxes in the order a person reads them: blocks of columns from top to bottom, each
    column of a block from left to right, top to bottom."""
    if len(boxes) < 2:
        return boxes
    left, right = min(b.x0 for b in boxes), max(b.x1 for b in boxes)
    gutters = _gutters([b for b in boxes if b.x1 - b.x0 < 0.55 * (right - left)], left, right)
    if not gutters:
        return sorted(boxes, key=lambda b: -b.y1)

    def crosses(box: Box) -> bool:
        return any(box.x0 < start and box.x1 > end for start, end in gutters)

    def column(box: Box) -> int:
        centre = (box.x0 + box.x1) / 2
        return sum(1 for start, _ in gutters if centre > start)

    ordered: list[Box] = []
    block: list[Box] = []
    for box in sorted(boxes, key=lambda b: -b.y1):
        if crosses(box):
            ordered += sorted(block, key=lambda b: (column(b), -b.y1))
            ordered.append(box)
            block = []
        else:
            block.append(box)
    return ordered + sorted(block, key=lambda b: (column(b), -b.y1))


def _gutters(narrow: list[Box], left: float, right: float) -> list[tuple[float, float]]:
    """Stretches of the width, at least 6 pt wide, that narrow boxes (weighed by their
    height) leave almost empty, between two stretches that they fill."""
    if not narrow:
        return []
    cover = [0.0] * (int(right - left) + 1)
    for box in narrow:
        for x in range(int(box.x0 - left), int(box.x1 - left) + 1):
            cover[x] += box.y1 - box.y0
    threshold = 0.1 * max(cover)
    gutters: list[tuple[float, float]] = []
    start = None
    for x, amount in enumerate(cover):
        if amount <= threshold and start is None:
            start = x
        elif amount > threshold and start is not None:
            if start > 0 and x - start >= 6:
                gutters.append((left + start, left + x))
            start = None
    return gutters


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _without_furniture(pages: list[tuple[list[Box], float]]) -> list[tuple[list[Box], float]]:
    """Pages without running headers, footers and page numbers."""

    def in_band(box: Box, height: float) -> bool:
        return box.y0 >= height * (1 - BAND) or box.y1 <= height * BAND

    seen_on: dict[str, set[int]] = {}
    for number, (boxes, height) in enumerate(pages):
        for box in boxes:
            if in_band(box, height):
                seen_on.setdefault(_key(box.text), set()).add(number)
    kept = []
    for boxes, height in pages:
        body = [box for box in boxes if not (in_band(box, height) and (
            len(seen_on[_key(box.text)]) > 1 or _PAGE_NUMBER.match(_key(box.text))))]
        kept.append((body, height))
    return kept


def _largest_type(boxes: list[Box]) -> str | None:
    """The first page's text in the largest type, when it is clearly larger than the body's."""
    from statistics import median

    body_size = median(box.size for box in boxes)
    biggest = max(boxes, key=lambda box: box.size)
    words = biggest.text.split()
    if biggest.size >= 1.2 * body_size and 2 <= len(words) <= 30:
        return biggest.text
    return None


def _paragraphs(boxes: list[Box]) -> list[str]:
    """Paragraphs in reading order: boxes split where a short line ends a sentence, and a
    paragraph broken by a column or a page joined again."""
    paragraphs: list[str] = []

    def add(text: str, first_of_box: bool) -> None:
        if first_of_box and paragraphs and not _SENTENCE_END.search(paragraphs[-1]) and text[:1].islower():
            paragraphs[-1] = _join_lines([paragraphs[-1], text])
        else:
            paragraphs.append(text)

    for box in boxes:
        width = box.x1 - box.x0
        current: list[str] = []
        first = True
        for line, end in zip(box.lines, box.line_ends, strict=True):
            current.append(line)
            if _SENTENCE_END.search(line) and end < box.x1 - 0.15 * width:
                add(_join_lines(current), first)
                current, first = [], False
        if current:
            add(_join_lines(current), first)
    return paragraphs


def _join_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        if not text:
            text = line
        elif text.endswith("-") and line[:1].isalpha():
            text += line  # "porte-" + "parole": the hyphen is kept, the words joined
        else:
            text += " " + line
    return text


def _decode_info(value) -> str | None:
    if isinstance(value, bytes):
        if value.startswith((b"\xfe\xff", b"\xff\xfe")):
            return value.decode("utf-16", "replace")
        return value.decode("latin-1")  # PDFDocEncoding, near enough for titles
    return value if isinstance(value, str) else None


def _good_title(title: str | None) -> str | None:
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    return None if not title or _PLACEHOLDER_TITLE.match(title) else title


def _pdf_date(value) -> str | None:
    """A PDF date ("D:20261123100000+01'00'") as ISO."""
    from . import iso_date

    text = _decode_info(value) or ""
    m = re.match(r"(?:D:)?(\d{4})(\d\d)(\d\d)", text)
    if not m:
        return None
    try:
        return iso_date(datetime(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    except ValueError:
        return None
