"""Page breaks of a laid-out PDF (a weasyprint Document, from ``briefgen.pdf.layout_pdf``),
checked as a reader would see them on paper:

- no page ends with a heading (a section's, a source's header, a person's name);
- a contents entry's page number never sits on a line without words of the title;
- a quotation is on the same page as its speaker line;
- a paragraph split over two pages keeps at least two lines on each (orphans, widows);
- a person in the people index keeps at least two of their lines on each page.

It walks weasyprint's box tree (``page._page_box``), an internal structure: if a later
weasyprint changes it, these checks fail loudly rather than pass.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    ancestors: tuple  # the boxes from the page's root down to the line's block
    box: object  # the line box itself


HEADING_TAGS = {"h1", "h2", "h3", "h4", "dt"}
HEADING_CLASSES = {"source-number", "event-label", "kicker"}


def problems(document) -> list[str]:
    """Every page-break problem, one sentence each (empty: none)."""
    lines = list(_lines(document))
    found = []
    found += _headings_ending_pages(lines, len(document.pages))
    found += _contents_numbers_alone(lines)
    found += _quotes_apart_from_speakers(lines)
    found += _short_fragments(lines)
    return found


def _classes(box) -> set[str]:
    element = getattr(box, "element", None)
    return set((element.get("class") or "").split()) if element is not None else set()


def _tag(box) -> str | None:
    return getattr(box, "element_tag", None)


def _lines(document):
    """Every line of the main flow (not the running header and footer), in order."""
    from weasyprint.formatting_structure import boxes

    def walk(box, ancestors, page):
        if isinstance(box, boxes.MarginBox):
            return
        if isinstance(box, boxes.LineBox):
            yield Line(page, _text(box), ancestors, box)
            return
        for child in getattr(box, "children", []):
            yield from walk(child, ancestors + (box,), page)

    for number, page in enumerate(document.pages, 1):
        yield from walk(page._page_box, (), number)


def _text(box) -> str:
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        return box.text
    return "".join(_text(child) for child in getattr(box, "children", []))


def _is_heading(box, parent) -> bool:
    if _tag(box) in HEADING_TAGS or _classes(box) & HEADING_CLASSES:
        return True
    return _tag(box) == "header" and parent is not None and "source" in _classes(parent)


def _headings_ending_pages(lines: list[Line], pages: int) -> list[str]:
    found = []
    last_on_page = {}
    for line in lines:
        if line.text.strip():
            last_on_page[line.page] = line
    for page, line in sorted(last_on_page.items()):
        if page == pages:
            continue
        chain = line.ancestors
        if any(_is_heading(box, chain[i - 1] if i else None) for i, box in enumerate(chain)):
            found.append(f"page {page} ends with a heading: {line.text.strip()[:60]!r}")
    return found


def _contents_numbers_alone(lines: list[Line]) -> list[str]:
    found = []
    for line in lines:
        if not any("toc" in _classes(box) for box in line.ancestors):
            continue
        texts = list(_text_boxes(line.box))
        generated = [text for tag, text in texts if tag.endswith("::after")]
        title = [text for tag, text in texts if not tag.endswith(("::after", "::marker")) and text.strip()]
        if generated and not title:
            found.append(f"page {line.page}: a contents entry's page number is alone on its line "
                         f"({''.join(generated).strip()[-12:]!r})")
    return found


def _text_boxes(box):
    """(element tag, text) of every piece of text in a box; generated content has tags
    such as "a::after"."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        yield _tag(box) or "", box.text
    for child in getattr(box, "children", []):
        yield from _text_boxes(child)


def _quotes_apart_from_speakers(lines: list[Line]) -> list[str]:
    pages: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    texts = {}
    for line in lines:
        figure = next((box for box in line.ancestors if _tag(box) == "figure"), None)
        if figure is None:
            continue
        part = next((_tag(box) for box in line.ancestors if _tag(box) in ("blockquote", "figcaption")), None)
        if part:
            pages[id(figure.element)][part].append(line.page)
            texts.setdefault(id(figure.element), line.text.strip())
    return [f"page {parts['blockquote'][-1]}: a quotation's speaker line is on page {parts['figcaption'][0]} "
            f"({texts[key][:50]!r})"
            for key, parts in pages.items()
            if parts["blockquote"] and parts["figcaption"] and parts["blockquote"][-1] != parts["figcaption"][0]]


def _short_fragments(lines: list[Line]) -> list[str]:
    """Paragraphs (any block of lines) and people-index entries split with one line or
    one statement on a page."""
    by_block: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    by_person: dict[int, dict[int, set]] = defaultdict(lambda: defaultdict(set))
    names = {}
    for line in lines:
        block = line.ancestors[-1]
        if _tag(block) and "::" not in _tag(block):
            by_block[id(block.element)][line.page] += 1
            names.setdefault(id(block.element), line.text.strip())
        person = next((box for box in line.ancestors if "person" in _classes(box)), None)
        if person is not None:
            item = next((box for box in line.ancestors if _tag(box) in ("dt", "dd")), None)
            if item is not None:
                by_person[id(person.element)][line.page].add(id(item.element))
                names.setdefault(id(person.element), line.text.strip())
    found = []
    for key, per_page in by_block.items():
        if len(per_page) > 1 and min(per_page.values()) < 2:
            found.append(f"a paragraph is split {dict(per_page)} (lines per page): {names[key][:50]!r}")
    for key, per_page in by_person.items():
        counts = {page: len(items) for page, items in per_page.items()}
        if len(counts) > 1 and min(counts.values()) < 2:
            found.append(f"a person's statements are split {counts} (items per page): {names[key][:50]!r}")
    return found
