"""Quotation spans: which marks open and close a direct quotation, in one paragraph or
over several (French style: each continued paragraph opens with « again).

Spans are found at ingest, since every quotation is translated as a unit of its own.
"""

from __future__ import annotations

from ..model import TITLE, Quote, Segment

_PAIRS = {"«": "»", "“": "”", "„": "“"}
_SPACES = " \t\u00a0\u202f\u2009"


def find_quotes(text: str) -> list[tuple[int, int, str]]:
    """Direct quotations in one paragraph: (start, end, marks) of the quoted text.

    Handles « … », “ … ”, „ … “ (nested marks stay inside the outer quote) and straight
    " … " pairs. Offsets exclude the marks and the spaces just inside them, so
    ``text[start:end]`` is the verbatim quoted text.
    """
    spans: list[tuple[int, int, str]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _PAIRS:
            close = _matching_close(text, i)
            if close is not None:
                _add_span(spans, text, i + 1, close, ch + text[close])
                i = close + 1
                continue
        elif ch == '"':
            close = text.find('"', i + 1)
            if close != -1:
                _add_span(spans, text, i + 1, close, '""')
                i = close + 1
                continue
        i += 1
    return spans


def unclosed_quote(text: str) -> int | None:
    """Where a quotation opens in ``text`` without closing in it (it goes on in the next
    paragraph), or None."""
    after = max((end for _, end, _ in find_quotes(text)), default=0)
    opening = next((i for i in range(after, len(text)) if text[i] in "«“"), None)
    if opening is None or _matching_close(text, opening) is not None:
        return None
    return opening if any(c.isalnum() for c in text[opening + 1:]) else None


def _matching_close(text: str, open_at: int) -> int | None:
    opening = text[open_at]
    closing = _PAIRS[opening]
    depth = 0
    for j in range(open_at + 1, len(text)):
        c = text[j]
        if c == closing and depth == 0:
            return j
        if c == opening and opening != closing:
            depth += 1
        elif c == closing:
            depth -= 1
    return None


def _add_span(spans: list, text: str, start: int, end: int, marks: str) -> None:
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        spans.append((start, end, marks))


def quotations(paragraphs: list[str], title: str | None) -> list[Quote]:
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


