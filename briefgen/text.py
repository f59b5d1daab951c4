"""Language-light text helpers shared by the stages: sentences, quote spans, words.

Written for French and English news text: abbreviations such as "M.", "MM.", "Mme",
"déc." or "Dec." do not end a sentence, and a sentence does not end inside a quotation
unless the quotation itself is very long.
"""

from __future__ import annotations

import re
import unicodedata

# Abbreviations after which a full stop does not end a sentence (compared lower-cased).
ABBREVIATIONS = frozenset(
    """
    m mm mme mmes mlle mlles me mgr dr pr prof st ste sts etc cf p pp vol no n° art al
    av bd gén gal col cdt lt sgt capt adm ing env apr jc ap ex
    janv févr fév avr juil sept oct nov déc
    jan feb mar apr jun jul aug sep sept oct nov dec
    mr mrs ms messrs jr sr gov sen rep gen col lt sgt rev hon st vs e.g i.e approx dept est
    u.s u.k u.n
    """.split()
)

OPENING_QUOTES = "«“„"
CLOSING_QUOTES = "»”"
_TERMINATORS = ".!?…"
_SPACES = " \t\u00a0\u202f\u2009"

# Longest stretch of quoted text that is kept in one sentence; beyond it a quotation is
# split at its own sentence ends (a translation model works best on sentence-sized input).
MAX_QUOTED_SENTENCE = 400

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


def normalize_space(text: str) -> str:
    """Collapse runs of spaces and tabs (not newlines) and strip the ends."""
    return re.sub(r"[ \t\u00a0\u202f\u2009]+", lambda m: _keep_narrow(m.group()), text).strip()


def _keep_narrow(run: str) -> str:
    # a lone no-break space before French punctuation is meaningful typography; keep it
    return run if run in ("\u00a0", "\u202f") else " "


def words(text: str) -> list[str]:
    """Word tokens (letters and digits, with inner hyphens and apostrophes)."""
    return _WORD.findall(text)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences, keeping every character but outer spaces."""
    bounds = _sentence_ends(text)
    out = []
    start = 0
    for end in bounds + [len(text)]:
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    return out


def _sentence_ends(text: str) -> list[int]:
    quoted = _quoted_mask(text)
    ends: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] not in _TERMINATORS:
            i += 1
            continue
        j = i + 1
        # a closing mark after a space ("fin. »") belongs to the sentence; "». »Sparen" opens
        # the next one (German quotes open with »)
        # right after the stop, « and “ close a German quotation (»Gut.« / „Gut.“)
        while j < n and (text[j] in _TERMINATORS or text[j] in CLOSING_QUOTES + '")«“'
                         or (text[j] in _SPACES and j + 1 < n and text[j + 1] in CLOSING_QUOTES
                             and not (j + 2 < n and text[j + 2].isalnum()))):
            j += 1
        if _ends_sentence(text, i, j, quoted):
            ends.append(j)
        i = j
    return ends


def _ends_sentence(text: str, dot: int, after: int, quoted: list[int]) -> bool:
    n = len(text)
    if after >= n or text[after] not in _SPACES + "\n":
        return False
    k = after
    while k < n and text[k] in _SPACES + "\n":
        k += 1
    if k >= n:
        return False
    nxt = text[k]
    if not (nxt.isupper() or nxt.isdigit() or nxt in OPENING_QUOTES + '"(-–—•»‚'):
        return False
    if nxt in "-–—" and _closes_quote(text, dot, after) and re.match(r"[-–—]\s*[^\W\d_A-ZÀ-ÝА-ЯЁ]", text[k:k + 4]):
        return False  # «Мы здесь уже живем!» — ответила она: the quote's cue goes on after the dash
    if text[dot] == "." and _is_abbreviation(text, dot):
        return False
    if quoted[dot] and not _closes_quote(text, dot, after):
        return quoted[dot] > MAX_QUOTED_SENTENCE
    return True


def _closes_quote(text: str, dot: int, after: int) -> bool:
    return any(c in CLOSING_QUOTES + '"«“' for c in text[dot:after])


def _is_abbreviation(text: str, dot: int) -> bool:
    k = dot
    while k > 0 and not text[k - 1].isspace() and text[k - 1] not in "(«“\"'’":
        k -= 1
    token = text[k:dot].lower()
    if not token:
        return False
    if token in ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isalpha():  # an initial: "J. Stoltenberg"
        return True
    # dotted acronyms ("U.S.", "J.-C.") and ordinals ("1er.") are not sentence ends
    return bool(re.fullmatch(r"(?:[^\W\d_]\.-?)+[^\W\d_]", token))


def _quoted_mask(text: str) -> list[int]:
    """For each character: 0 outside quotes, else the length of the enclosing quotation."""
    from .extract.quotes import find_quotes  # the extract package reads text: import late

    mask = [0] * len(text)
    for start, end, _ in find_quotes(text):
        for k in range(start, end):
            mask[k] = end - start
    return mask
