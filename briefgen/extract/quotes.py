"""Quotation spans: which marks open and close a direct quotation, in one paragraph or
over several (French style: each continued paragraph opens with « again).

Spans are found at ingest, since every quotation is translated as a unit of its own.
"""

from __future__ import annotations

import re

from ..model import TITLE, Quote, Segment
from . import lexicon

# opening mark -> the marks that may close it: French and Spanish « », English “ ”, German
# „ “ and » «, Romanian and Polish „ ”, Dutch and English single ‘ ’, Swiss ‹ ›
_PAIRS = {"«": "»", "“": "”", "„": "“”", "»": "«", "‘": "’", "‹": "›"}
_SPACES = " \t\u00a0\u202f\u2009"
# marks that can open a quotation on their own in any paragraph (» and ‘ only in the right
# position: see _opens)
OPENING_MARKS = "«“„»‘‹"


def find_quotes(text: str) -> list[tuple[int, int, str]]:
    """Direct quotations in one paragraph: (start, end, marks) of the quoted text.

    Handles « … », “ … ”, „ … “, „ … ”, » … «, ‘ … ’, ‹ … › (nested marks stay inside the
    outer quote) and straight " … " pairs. A mark's direction decides what it can do: an
    opening mark stands after a space or the start and before a word, a closing one after a
    word, so one stray mark cannot turn the rest of the paragraph inside out. Offsets
    exclude the marks and the spaces just inside them: ``text[start:end]`` is verbatim.
    """
    spans: list[tuple[int, int, str]] = []
    i = 0
    n = len(text)
    # where each closing mark last appears: an opening mark after it cannot close, and is
    # passed over at once (10,000 unclosed « would otherwise each scan the rest of the text)
    last = {mark: text.rfind(mark) for marks in _PAIRS.values() for mark in marks}
    while i < n:
        ch = text[i]
        close = None
        if ch in _PAIRS and _opens(text, i) and any(last[mark] > i for mark in _PAIRS[ch]):
            close = _matching_close(text, i)
        elif ch == '"' and _opens(text, i):
            close = next((j for j in range(i + 1, n) if text[j] == '"' and _closes(text, j)), None)
        if close is not None:
            if not _narration(text[i + 1:close]):
                start = i + 1
                for incise in _incises(text, i + 1, close):
                    _add_span(spans, text, start, incise.start(), ch + text[close])
                    start = incise.end()
                _add_span(spans, text, start, close, ch + text[close])
                i = close + 1
                continue
        i += 1
    return spans


# the Russian (and Polish) way of setting the reporting words inside the marks:
# «Мы не ставим условий, — заявил дипломат. — Но рассчитываем …»: two quotations
_DASH_INCISE = re.compile(r",?\s+[—–]\s+[^—–«»„“”\"]{3,80}?[.,:]\s+[—–]\s+")
# the Italian and Spanish way, with any dash and the punctuation after the second one:
# "Il restauro - ha spiegato la restauratrice, che ha guidato il cantiere - ha restituito…",
# "«Io lo amo – spiega –, ma…»", "la messa - ha precisato -. Parliamo…": only when the
# words between the dashes open with a verb of saying
# (Spanish sets its dashes against the words: "en la parada —advirtió Lacasa—, pero …")
_VERB_INCISE = re.compile(r",?\s+(?:[—–-]\s+|[—–])(?P<words>[^—–«»„“”\"\n]{3,100}?)(?:\s+[—–-]|[—–])[.,:;]?\s+")


def _incises(text: str, start: int, end: int) -> list[re.Match]:
    found = list(_DASH_INCISE.finditer(text, start, end))
    return found or [m for m in _VERB_INCISE.finditer(text, start, end) if _cuts(m)]


def is_incise(between: str) -> bool:
    """``between`` (the text between two quotations) is only the reporting words that cut
    one quotation in two: the parts are one speaker's."""
    m = _DASH_INCISE.fullmatch(between) or _VERB_INCISE.fullmatch(between)
    return m is not None and _cuts(m)


def _cuts(m: re.Match) -> bool:
    """A dash incise the Russian way, or one whose words open with a verb of saying."""
    return m.re is _DASH_INCISE or _says(m.group("words"))


def _says(words: str) -> bool:
    """The words open with a verb of saying, perhaps after its auxiliary ("ha precisato",
    "spiega", "заявил")."""
    tokens = re.findall(r"[^\W\d_]+", words.lower())
    if tokens and tokens[0] in lexicon.ALL_AUXILIARIES:
        tokens = tokens[1:]
    return bool(tokens) and (tokens[0] in lexicon.ALL_REPORTING or " ".join(tokens[:2]) in lexicon.ALL_REPORTING)


def _opens(text: str, i: int) -> bool:
    """The mark at ``i`` can open a quotation: « “ „ ‹ always; " » ‘ only after a space,
    the start or an opening bracket or dash, and before a non-space (a German »Wort«, not a
    French closing »; a Dutch ‘woord’, not an apostrophe)."""
    if text[i] in "«“„‹":
        return True
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == '"':
        return (before in _SPACES + "\n([{–—-/:" or not before.isalnum()) and after not in _SPACES + "\n"
    return (before in _SPACES + "\n([{–—-:") and after not in _SPACES + "\n" and (
        text[i] != "»" or "«" in text[i + 1:])


def _closes(text: str, j: int) -> bool:
    """The straight mark at ``j`` can close a quotation: after a non-space, before a space,
    punctuation or the end."""
    before = text[j - 1]
    after = text[j + 1] if j + 1 < len(text) else " "
    return before not in _SPACES and not after.isalnum()


def _narration(inside: str) -> bool:
    """What a misplaced pair of marks encloses between two quotations: it starts with the
    punctuation that ended the quote before (", a déclaré X, déléguée…", ". Elle insiste :")."""
    return inside.lstrip(_SPACES)[:1] in (",", ".", ";", ")")


def unclosed_quote(text: str) -> int | None:
    """Where a quotation opens in ``text`` without closing in it (it goes on in the next
    paragraph), or None."""
    after = max((end for _, end, _ in find_quotes(text)), default=0)
    opening = next((i for i in range(after, len(text)) if text[i] in "«“„"), None)
    if opening is None or _matching_close(text, opening) is not None:
        return None
    return opening if any(c.isalnum() for c in text[opening + 1:]) else None


def _matching_close(text: str, open_at: int) -> int | None:
    opening = text[open_at]
    closing = _PAIRS[opening]
    depth = 0
    for j in range(open_at + 1, len(text)):
        c = text[j]
        if c in closing and depth == 0:
            if opening in "‘" and (j + 1 < len(text) and text[j + 1].isalpha()):
                continue  # an apostrophe inside the quotation ("‘l’Europe’")
            return j
        if c == opening and opening not in closing:
            depth += 1
        elif c in closing:
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
    inside: set[int] = set()  # paragraphs wholly inside a longer quotation (its middle ones)
    for i, text in enumerate(paragraphs):
        if i in inside:  # « … (its own « opens nothing new: it continues the quotation)
            continue
        spans = find_quotes(text)[skip.get(i, 0):]
        found.extend(_quote(i, start, i, end, marks, text[start:end]) for start, end, marks in spans)
        opened = unclosed_quote(text)
        if opened is None:
            continue
        parts = [text[opened + 1:].strip()]
        middle = []
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
                inside.update(middle)
                break
            parts.append(following)
            middle.append(j)
    return found


def _quote(paragraph: int, start: int, paragraph_end: int, end: int, marks: str, original: str) -> Quote:
    return Quote(paragraph=paragraph, start=start, end=end, marks=marks, segment=Segment(original),
                 paragraph_end=None if paragraph_end == paragraph else paragraph_end)


