"""Case forms of names in languages that decline them, read by a morphological analyser.

Russian gives a name in the case its sentence needs: "по словам Натальи Гурьевой", "с
Олегом Сурковым", "в министерстве экологии". A reader names the speaker in the nominative
("Наталья Гурьева", "Министерство экологии"). A language's data file says which analyser
reads it (``[morphology] analyser``: "pymorphy3" for Russian). The analyser is optional
(the ``nlp`` extra): without it names stay as the text declines them and the surname stems
of ``people.case_endings`` still tie a declined surname to a full name given elsewhere. It
is loaded once per process (about 0.1 s), on the first name that needs it.
"""

from __future__ import annotations

from functools import cache, lru_cache

from .lexicon import DATA

# the cases a name stands in after a preposition or a verb: not the one a reader names it in
_OBLIQUE = frozenset({"gent", "datv", "accs", "ablt", "loct", "gen2", "loc2", "acc2"})
_NAME_TAGS = ("Name", "Surn", "Patr")


@cache
def _analysers() -> dict[str, str]:
    return {code: lang["morphology"]["analyser"] for code, lang in DATA.items()
            if lang.get("morphology", {}).get("analyser")}


@cache
def _analyser(language: str):
    if _analysers().get(language) != "pymorphy3":
        return None
    try:
        import pymorphy3
    except ImportError:
        return None
    return pymorphy3.MorphAnalyzer()


def _script_language(word: str) -> str | None:
    """The declining language a word's script points to (Cyrillic: Russian), if its data
    names an analyser."""
    if any("\u0400" <= c <= "\u04ff" for c in word):
        return "ru" if "ru" in _analysers() else None
    return None


def _cased(word: str, like: str) -> str:
    """``word`` (as the analyser gives it, lower case) capitalised as ``like`` is, with "е"
    for the analyser's "ё" where the text writes none ("Объединенная")."""
    if "ё" not in like.lower():
        word = word.replace("ё", "е")
    if like[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
    return word


@lru_cache(maxsize=4096)
def nominative_name(name: str) -> str:
    """A person's name in the nominative ("Натальи Гурьевой" → "Наталья Гурьева", "Олегом
    Сурковым" → "Олег Сурков"); the first name's case and gender decide the surname's
    ("Андрея Колесникова" is his genitive, not her nominative). Unchanged without a first
    name the analyser knows, in the nominative already, or without the analyser."""
    words = name.split()
    language = _script_language(name) if len(words) >= 2 else None
    analyser = _analyser(language) if language else None
    if analyser is None:
        return name
    # the first name's reading that the last word agrees with ("Ерлан" is no plural genitive
    # of "Ерлана" before "Сатыбалдиев")
    first = next((p for p in analyser.parse(words[0]) if "Name" in p.tag and p.tag.number == "sing"
                  and any(any(t in q.tag for t in _NAME_TAGS) and q.tag.case == p.tag.case
                          and q.tag.gender == p.tag.gender for q in analyser.parse(words[-1]))), None)
    if first is None or first.tag.case not in _OBLIQUE:
        return name
    case, gender = first.tag.case, first.tag.gender
    out = []
    for word in words:
        parse = next((p for p in analyser.parse(word) if any(t in p.tag for t in _NAME_TAGS)
                      and p.tag.case == case and p.tag.gender == gender), None)
        inflected = parse.inflect({"nomn", "sing"}) if parse else None
        out.append(_cased(inflected.word, word) if inflected else word)
    return " ".join(out)


@lru_cache(maxsize=4096)
def nominative_head(phrase: str, language: str | None) -> str:
    """A body's name with its head noun, and the adjectives before it, in the nominative
    ("министерстве экологии Челябинской области" → "министерство экологии Челябинской
    области", "надзорном ведомстве" → "надзорное ведомство"); the words after the head
    keep their case, as the name does. Unchanged where no noun in an oblique case follows
    the adjectives, or without the analyser; ``language`` None: the script's."""
    words = phrase.split(" ")
    if not words[0] or words[0].isupper():  # an acronym ("МИД России") is not declined
        return phrase
    language = language if language in _analysers() else _script_language(words[0])
    analyser = _analyser(language) if language else None
    if analyser is None:
        return phrase
    k = 0
    while k < min(2, len(words) - 1) and analyser.parse(words[k])[0].tag.POS in ("ADJF", "PRTF"):
        k += 1
    noun = analyser.parse(words[k])[0]
    if noun.tag.POS != "NOUN" or noun.tag.case not in _OBLIQUE or words[k].isupper():
        return phrase
    number = noun.tag.number or "sing"
    head = noun.inflect({"nomn", number})
    if head is None:
        return phrase
    out = []
    for word in words[:k]:  # the adjectives agree with the head
        parse = next((p for p in analyser.parse(word)
                      if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == noun.tag.case), None)
        wanted = {"nomn", number} | ({noun.tag.gender} if number == "sing" and noun.tag.gender else set())
        inflected = parse.inflect(wanted) if parse else None
        out.append(_cased(inflected.word, word) if inflected else word)
    return " ".join(out + [_cased(head.word, words[k])] + words[k + 1:])
