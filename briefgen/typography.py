"""How a language sets its text on the page. French puts a narrow no-break space (U+202F)
inside « » and before ; : ! ?, so that a closing » or a ? never starts a line of its own."""

from __future__ import annotations

import re

NARROW_NBSP = "\u202f"
_SPACE = "[ \u00a0\u202f\u2009]"
_OPENING = re.compile(rf"([«‹]){_SPACE}*")
_CLOSING = re.compile(rf"{_SPACE}*([»›])")
# a high mark ending a word or a phrase: not "10:30", "https://", nor the "!" of "?!"
_HIGH_MARK = re.compile(rf"(?P<space>{_SPACE}*)(?P<mark>[;:!?])(?=[\s»›)\]\"”’!?]|$)")


def french_spacing(text: str) -> str:
    """« » and ; : ! ? with narrow no-break spaces, whatever spaces (or none) were there."""
    text = _OPENING.sub(lambda m: m.group(1) + NARROW_NBSP, text)
    text = _CLOSING.sub(lambda m: NARROW_NBSP + m.group(1), text)

    def high(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else ""
        if m.group("space") or (before and not before.isspace() and before not in "!?;:«‹"):
            return NARROW_NBSP + m.group("mark")
        return m.group("mark")

    return _HIGH_MARK.sub(high, text)


def typeset(text: str | None, lang: str | None) -> str | None:
    """``text`` spaced as its language ``lang`` writes (French; other languages as they are)."""
    if text and lang == "fr":
        return french_spacing(text)
    return text
