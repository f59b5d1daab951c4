"""After the engine: the target language's typography, the check that numbers and
names of the original are still there, and the words the engine left untranslated.

A sentence whose translation lost a number or a person's name, or kept a word it could
not translate, is kept, and flagged (``Segment.check``) for a human to look at; it is
never silently trusted.
"""

from __future__ import annotations

import re

from ..extract.people import find_mentions
from ..text import strip_accents
from ..typography import french_spacing

_NUMBER = re.compile(r"\d+")


def typography(text: str, source_text: str, target: str, proper: tuple[str, ...] = ()) -> str:
    """Quotation marks and spacing as the target language writes them."""
    if target == "en":
        text = re.sub(r"«[\s\u00a0\u202f]*", "“", text)
        text = re.sub(r"[\s\u00a0\u202f]*»", "”", text)
        text = text.replace("‹", "‘").replace("›", "’")
        text = re.sub(r"[\s\u00a0\u202f]+([:;!?])", r"\1", text)  # no space before : ; ! ?
        text = text.replace("\u00a0", " ").replace("\u202f", " ")
        # French honorifics an engine left as they were
        text = re.sub(r"\bMM\.\s+(?=[A-Z])", "Messrs ", text)
        text = re.sub(r"\bM\.\s+(?=[A-Z])", "Mr ", text)
        text = re.sub(r"\bMmes?\s+(?=[A-Z])", "Ms ", text)
    elif target == "fr":
        text = french_spacing(re.sub(r"\s*”", "»", re.sub(r"“\s*", "«", text)))
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return _keep_initial_case(text, source_text, proper)


def _keep_initial_case(text: str, source_text: str, proper: tuple[str, ...]) -> str:
    # "promouvoir une coopération" is a fragment: "Promote a …" would read as a sentence;
    # but "Secretary General" (a glossary rendering) keeps its capital
    src = source_text.lstrip(" «“\"'(")
    out_lead = len(text) - len(text.lstrip(" «“\"'("))
    rest = text[out_lead:]
    if any(rest.startswith(name) for name in proper):
        return text
    if src[:1].islower() and rest[:1].isupper() and rest[1:2].islower():
        return text[:out_lead] + rest[0].lower() + rest[1:]
    return text


def lost_facts(source_text: str, output: str, expected_names: dict[str, str] | None = None) -> list[str]:
    """Numbers and people's names of the source that the translation does not contain.

    ``expected_names`` maps a name to how the target language writes it (from the
    glossary: "Poutine" → "Putin").
    """
    lost = []
    out_numbers = _NUMBER.findall(output.replace("\u202f", "").replace("\u00a0", ""))
    for number in _NUMBER.findall(source_text):
        if number not in out_numbers and number.lstrip("0") not in (n.lstrip("0") for n in out_numbers):
            lost.append(number)
    folded = _fold(output)
    for mention in find_mentions(source_text):
        for name in mention.names:
            surname = name.split()[-1]
            wanted = (expected_names or {}).get(surname, surname)
            if _fold(wanted) not in folded:
                lost.append(name)
    return lost


def _fold(text: str) -> str:
    return strip_accents(text).lower()


_TOKEN = re.compile(r"\w+|[.!?…:;«»“”\"]")


def proper_nouns(texts: list[str]) -> set[str]:
    """Words the sources write as names: capitalised inside a sentence, or at its start
    when the next word is capitalised too ("Jens Stoltenberg a déclaré")."""
    found: set[str] = set()
    for text in texts:
        tokens = _TOKEN.findall(text)
        initial = True
        for i, token in enumerate(tokens):
            if not token[0].isalnum():
                initial = initial or token in ".!?…:«“\""
                continue
            following = next((t for t in tokens[i + 1:i + 2] if t[0].isalpha()), "")
            if token[0].isupper() and (not initial or following[:1].isupper()):
                found.add(token)
            initial = False
    return found


def untranslated_words(marked: list[str], output: str, names: set[str]) -> tuple[str, ...]:
    """The words an engine marked as untranslated that the reader must be told about: those
    still in the output (a glossary rendering may have replaced one), less names and
    acronyms, which any translation keeps as written."""
    shown = []
    for word in dict.fromkeys(marked):
        if word in names or (len(word) > 1 and word.isupper()):
            continue
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", output):
            shown.append(word)
    return tuple(shown)
