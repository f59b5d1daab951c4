"""People in a source: name mentions, the roles they are introduced with, and resolving a
short mention ("M. Stoltenberg", "le secrétaire général", "il") to a full name.

Rule-based and conservative: a mention that cannot be resolved stays unresolved.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import (
    ADJUNCTS,
    AND_WORDS,
    BEFORE_PLACES,
    CALENDAR_WORDS,
    CASE_ENDINGS,
    COMPOUND_ROLES,
    ENGLISH_REPORTING,
    FEMININE_ROLE_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    NOT_NAMES,
    NOUN_ENDINGS,
    ORGANISATION_ARTICLES,
    ORGANISATION_END,
    ORGANISATION_HEADS,
    REPORTING_PARTICIPLES,
    REPORTING_PRESENT,
    ROLE_HEADS,
    ROLE_SYNONYMS,
    THAT,
    TITLES,
)
from .morphology import nominative_head, nominative_name

# letters by case, Latin (with Extended-A/B: "Geoană", "Rinkēvičs"), Greek and Cyrillic
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
_LOWER = "".join(c for c in map(chr, range(0x61, 0x530)) if c.islower() and c.isalpha())
# a capitalised word, with an inner capital as in "McCuller", "DiCaprio", "LeBlanc"
# (and Catalan's "l·l": "Til·lers", "Marcel·lí")
_CAP = rf"[{_UPPER}][{_LOWER}]+(?:·l[{_LOWER}]+)?(?:[{_UPPER}][{_LOWER}]+)?(?:[-’'][{_UPPER}{_LOWER}][{_LOWER}]+)*"
# particles inside a name; "der"/"den" only after "von"/"van" ("von der Leyen"): "Kirchhoff der
# Deutschen Presse-Agentur" is a name and the one it was said to; Catalan "i" ("Roigé i Pons")
# Flemish writes the first particle with a capital ("Inge Van den Broeck")
_PART = (r"(?:de(?:\s+la|\s+las|\s+los)?|del|du|des|von(?:\s+der|\s+den)?|van(?:\s+der|\s+den|\s+de)?|ter|ten|di|da|"
         r"do|dos|bin|al|el|i|(?:Van|Von)\s+(?:der|den|de))")
# a surname cut to its initial, as the Dutch and Belgian press names suspects ("Dennis V.")
# (and a middle initial: "Marcus T. Bell"; not a title: "Selon M. Lin")
_INITIAL_TITLES = "".join(t[0] for t in TITLES if re.fullmatch(r"[A-Z]\.", t))
_NAME = (rf"{_CAP}(?:\s+(?:{_PART}\s+|(?![{_INITIAL_TITLES or '^'}]\.)[{_UPPER}]\.\s+(?={_CAP})){{0,2}}{_CAP}){{0,8}}"
         rf"(?:\s+[{_UPPER}]\.(?![\w.])(?!\s+[{_UPPER}][{_LOWER}]))?")
# the titles of every language's data ("M.", "Mme", "Me", "Herr", "dl.", "г-н"), longest first
_TITLE = "(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")(?!\w)"
# (a name may follow an elided "d'" or "qu'": "le film d'Hélène Marchetti", "qu'Emmanuel Macron";
# the lookbehinds are ELISION's alternatives, one fixed width each)
ELISION = r"\b(?:[dD]|[qQ]u)['’]"
MENTION = re.compile(
    rf"(?:(?<![\w’'])|(?<=\b[dD]['’])|(?<=\b[qQ]u['’]))"
    rf"(?:(?P<title>{_TITLE})\s+(?:[{_UPPER}]\.\s+)?)?(?P<name>{_NAME})(?:\s+(?:et|and)\s+(?P<name2>{_NAME}))?"
)
# the definite articles before a role, of every language ("la ministra", "der Minister"); not
# those that are also other words ("a", "i", "de")
_DETERMINERS = sorted({a for a in ORGANISATION_ARTICLES if a not in ("a", "i", "de", "den", "dem")} | {"the"},
                      key=len, reverse=True)
_DET = "|".join(re.escape(a) if a.endswith(("'", "’")) else re.escape(a) + " " for a in _DETERMINERS)
_ROLE = re.compile(
    rf"(?<![\w])(?P<det>{_DET}|)(?:(?:ancien|ancienne|nouveau|nouvel|nouvelle|actuel|actuelle|ex-|"
    r"controversée?|jeune|former|new)\s*)?(?:vice-?|vize-?|вице-)?(?P<head>"
    + "|".join(re.escape(h) for h in sorted(ROLE_HEADS, key=len, reverse=True))
    # a compound whose end is a role ("Finanzminister", "Wifo-Chefin")
    + (r"|(?-i:[A-ZÄÖÜ])[\w-]*(?:" + "|".join(COMPOUND_ROLES) + ")" if COMPOUND_ROLES else "")
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    names: tuple[str, ...]  # as written, without the title ("Stoltenberg", "Jens Stoltenberg")
    title: str | None
    gender: str | None
    plural: bool


_ARTICLE_BEFORE = re.compile(
    r"(?:(?<![\w’'])(?:" + "|".join(sorted((re.escape(w) for w in BEFORE_PLACES), key=len, reverse=True))
    + r")\s*)$", re.IGNORECASE)
_ARTICLES = frozenset("The Le La Les L' L’ Der Die Das Den Dem".split())


class _FirstNames(dict):
    """First name → gender; a compound whose parts are capitalised and whose first part is a
    first name ("Jörg-Uwe", "Marie-Claire") is one too, of its first part's gender."""

    def _compound(self, key) -> str | None:
        parts = key.split("-") if isinstance(key, str) else []
        if len(parts) > 1 and dict.__contains__(self, parts[0]) \
                and all(len(p) > 1 and p[0].isupper() and p[1:].islower() for p in parts):
            return dict.__getitem__(self, parts[0])
        return None

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or self._compound(key) is not None

    def __missing__(self, key) -> str:
        gender = self._compound(key)
        if gender is None:
            raise KeyError(key)
        return gender


def _first_names() -> dict[str, str]:
    names = _FirstNames()
    for line in (Path(__file__).parent.parent / "data" / "first_names.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, gender = line.split()
            names[name] = gender
    return names


FIRST_NAMES = _first_names()


def find_mentions(text: str) -> list[Mention]:
    """People named in ``text``: "Jens Stoltenberg", "M. Esper", "MM. Blinken et Borrell"."""
    out = []
    for m in MENTION.finditer(text):
        title = m.group("title")
        if _AFTER_BODY_AND.search(text[max(0, m.start() - 80):m.start()]):
            continue  # "Ministerul Investițiilor și Proiectelor Europene": the rest of a body's name
        before = text[max(0, m.start() - 12):m.start()]
        preceded = bool(_ARTICLE_BEFORE.search(before))
        # a role right before the name ("primarul Horațiu Bogdan Crișan"), or before a comma
        # that opens it ("Viceprimarul municipiului, Horațiu Bogdan Crișan")
        role_before = re.search(r"([\w’'-]+)\s+$", before)
        after_role = bool(role_before) and _is_role_word(role_before.group(1))
        lead = text[max(0, m.start() - 50):m.start()]
        if not after_role and re.search(r",\s*$", lead):
            clause = re.split(r"[.;:!?]", lead)[-1]
            after_role = bool(find_role(clause)) or any(_is_role_word(w) for w in re.findall(r"[\w’'-]+", clause))
        names = [n for n in (_clean_name(m.group("name"), title, preceded, after_role),
                             _clean_name(m.group("name2"), title, preceded)) if n]
        if m.group("name2") and len(names) < 2:
            # "Washington et Bruxelles": one side is not a person, so neither is taken as one
            names = [n for n in names if n and (title or len(n.split()) >= 2)][:1]
        if not names:
            continue
        gender, plural = TITLES.get(title, (None, False)) if title else (None, False)
        if gender is None and len(names) == 1:
            known = next((FIRST_NAMES[t] for t in names[0].split()[:-1] if t in FIRST_NAMES), "")
            gender = {"m": "m", "f": "f"}.get(known)  # of the first name briefgen knows
        # the mention starts at its name when words before it were left out ("Finanzminister
        # Clemens Hofstätter"): they may be its role
        start = m.start() if title else m.start("name") + max(0, m.group("name").find(names[0]))
        out.append(Mention(start, m.end(), tuple(names), title, gender, plural or len(names) > 1))
    return out


# words that name a body ("Partido", "Conselho", "Kommission"): a run of capitalised words with
# one of them is no person
_BODY_WORDS = frozenset(h.lower() for h in ORGANISATION_HEADS if " " not in h and len(h) > 3)
# a body's name in capitals, then "and": what follows belongs to the body's name
_AFTER_BODY_AND = re.compile(
    r"(?:^|\s)(?=[A-ZÀ-Ý])(?i:" + "|".join(sorted((re.escape(w) for w in _BODY_WORDS), key=len, reverse=True))
    + r")(?:\s+(?-i:[A-ZÀ-Ý])[\w’'-]*){1,4}\s+(?:" + "|".join(AND_WORDS) + r")\s+$")


def _clean_name(name: str | None, title: str | None, after_article: bool = False,
                after_role: bool = False) -> str | None:
    """The person's name in a run of capitalised words, or None if it is not one.

    A known first name starts the name ("préfet des Alpes-Maritimes Bernard Gonzalez");
    otherwise the name is what follows the last title or place word ("German Defence
    Minister Boris Pistorius"), and a run after an article or preposition ("sur France
    Bleu Azur", "The Sausage Factory") is not a person unless it has a title.
    """
    if not name:
        return None
    tokens = name.split()
    first = next((i for i, t in enumerate(tokens) if t in FIRST_NAMES and i + 1 < len(tokens)), None)
    if first is not None and not any(t in NOT_NAMES and t not in _SURNAME_ARTICLES
                                     and not _after_particle(tokens, i)
                                     for i, t in enumerate(tokens[first + 1:], first + 1)):
        k = first - 1  # "Horațiu Bogdan Crișan": a first name briefgen does not know, before one it does
        if k >= 0 and _another_first_name(tokens[k]) and (after_role if k == 0 else _is_role_word(tokens[k - 1])):
            first = k
        tokens = tokens[first:]
        return " ".join(tokens if tokens[1] in FIRST_NAMES else _before_post(tokens))  # "Jan Peter van der Berg"
    particles = ("Le", "La", "De", "Du") if title else ()  # "M. Le Drian"
    # a capitalised particle inside the name is no title ("Kristof De Wilde", Flemish)
    last_title_word = max((i for i, t in enumerate(tokens)
                           if t in NOT_NAMES and t not in particles
                           and not (0 < i < len(tokens) - 1 and t.lower() in NAME_PARTICLES)
                           or _is_role_word(t)), default=-1)
    if last_title_word >= 0:
        after_article = after_article or any(t in _ARTICLES for t in tokens[: last_title_word + 1])
        tokens = tokens[last_title_word + 1:]
        title = None if last_title_word >= 0 and tokens and title is None else title
    while tokens and tokens[0].lower() in NAME_PARTICLES:
        # a capitalised article after a word that ends the title ("Selon Le Dauphiné
        # Libéré"): the article of a name, which no person's name opens with
        after_article = after_article or tokens[0] in _ARTICLES
        tokens.pop(0)
    if not title and any(_common_noun(t) for t in tokens):
        return None  # "Sondersitzung des Stadtrats", "Verdächtige Transaktionen": German nouns
    if len(tokens) >= 3 and tokens[1].islower() and tokens[1] in NAME_PARTICLES and not title:
        return None  # "Inquilinos de Lisboa", "Metges de Catalunya": a word of whom, no first name
    if any(_body_word(t) for t in tokens):
        return None  # "Partido Popular", "Conselho de Ministros": a body, not a person
    if not tokens or (after_article and not title):
        return None
    if len(tokens) < 2 and not title:
        return None
    return " ".join(_before_post(tokens))


# articles that open a surname after a first name ("Jean-Marie Le Pen", "Salvatore Lo Presti",
# "Ignazio La Russa"): there, no article of the sentence
_SURNAME_ARTICLES = frozenset({"Le", "La", "De", "Du", "Lo", "Li"})


def _after_particle(tokens: list[str], i: int) -> bool:
    """``tokens[i]``, a month's name, follows a name's particle: a surname ("Giovanna Di
    Marzo", "Juan de Mayo"), not a date."""
    return tokens[i] in CALENDAR_WORDS and tokens[i - 1].lower() in NAME_PARTICLES


def _common_noun(token: str) -> bool:
    """A capitalised common noun or adjective by its ending (``words.noun_endings``)."""
    return len(token) >= 8 and token.lower().endswith(NOUN_ENDINGS)


def _body_word(token: str) -> bool:
    """A body's head, perhaps with a case ending ("Ministerului Sănătății", Romanian's
    genitive of "Ministerul")."""
    low = token.lower()
    return (low in _BODY_WORDS or len(low) >= 9 and low[:-2] in _BODY_WORDS
            or len(low) >= 10 and low[:-3] in _BODY_WORDS
            or nominative_head(low, None).lower() in _BODY_WORDS)  # "Управлении": "управление", declined


def _another_first_name(token: str) -> bool:
    """``token``, between a role and a known first name, may be a first name too: it is no
    title, role, body, particle or word of the stop lists."""
    low = token.lower()
    return (token not in NOT_NAMES and not _is_role_word(token) and low not in _BODY_WORDS
            and low not in NAME_PARTICLES and low.rstrip(".") not in HONORIFICS and f"{low}." not in HONORIFICS
            and token[1:].islower() and len(token) > 2)


def _before_post(tokens: list[str]) -> list[str]:
    """A name without what follows Dutch "van" or German "von" after its first two words: a
    post or a place ("Minister Annelies Kuipers van Volkshuisvesting", "Maren Tiedemann von
    der Ladefläche"), nor a particle before a body ("Louis Hallonet du Bureau Export"); "von der
    Leyen" and Spanish "de la" surnames stay whole."""
    cut = next((i for i, t in enumerate(tokens) if i >= 2 and (
        t in ("van", "von") or t.lower() in NAME_PARTICLES and i + 1 < len(tokens)
        and tokens[i + 1].lower() in _BODY_WORDS)), None)
    return tokens[:cut]


# single words of roles, any language ("deputatul", "chefin", "judge"): a capitalised one
# before a name is its title, not part of it ("Wifo-Chefin Birgit Leitner-Haas")
_ROLE_WORDS = frozenset(w.lower() for head in ROLE_HEADS for w in head.split() if len(w) > 3) | frozenset(
    "judge magistrate mayor minister secretary spokesman spokeswoman commissioner governor".split())


def _is_role_word(token: str) -> bool:
    low = re.sub(r"^(?:vice|vize|вице)-?(?=\w{4})", "", token.lower())  # "Viceprimarul", "Vizepräsidentin"
    return (low in _ROLE_WORDS or "-" in low and low.rsplit("-", 1)[1] in _ROLE_WORDS
            or low.endswith(COMPOUND_ROLES))  # "Verdi-Verhandlungsführerin"


@dataclass
class Cast:
    """Everyone a source names, with roles; resolves short mentions to full names."""

    full_names: list[str] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # full name -> role as written
    by_role: dict[str, list[str]] = field(default_factory=dict)  # role head -> full names
    mentions: dict[str, int] = field(default_factory=dict)  # full name -> times named
    # full name -> (index of the text, offset) where it is first named
    first_seen: dict[str, tuple[int, int]] = field(default_factory=dict)
    # full name -> every (index of the text, offset) where it is named, in reading order
    seen: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _order: list[tuple[tuple[int, int], str]] = field(default_factory=list, repr=False)
    _most_named: tuple[int, list[str]] = field(default=(-1, []), repr=False)

    def named_after(self, text: int, offset: int, within: int = 1) -> list[str]:
        """People first named after ``offset`` of text ``text`` (and no more than ``within``
        texts later), in the order they are named."""
        if len(self._order) != len(self.first_seen):  # sorted once, not per quote
            self._order = sorted((at, name) for name, at in self.first_seen.items())
        start = bisect.bisect_right(self._order, ((text, offset), "\U0010ffff"))
        end = bisect.bisect_right(self._order, ((text + within, 1 << 30), "\U0010ffff"))
        return [name for _, name in self._order[start:end]]

    def most_named(self) -> list[str]:
        """People named more than once, the most often named first: whom the text is about."""
        if self._most_named[0] != len(self.mentions):  # sorted once, not per role or pronoun
            self._most_named = (len(self.mentions),
                                sorted((n for n, k in self.mentions.items() if k > 1), key=lambda n: -self.mentions[n]))
        return list(self._most_named[1])

    def full_name(self, name: str) -> str:
        """The full name a mention stands for ("Stoltenberg" → "Jens Stoltenberg"; "Олегом
        Сурковым", declined, → "Олег Сурков"), or itself."""
        if len(name.split()) == 1:
            return self.resolve_surname(name)
        name = nominative_name(name)  # "Натальи Гурьевой": "Наталья Гурьева"
        longer = self._longer_form(name)
        if longer != name or name in self.full_names:
            return longer
        stems = [_stem(w) for w in name.split()]
        declined = {f for f in self.full_names
                    if len(f.split()) == len(stems) and [_stem(w) for w in f.split()] == stems}
        return declined.pop() if len(declined) == 1 else name

    def add_name(self, name: str, gender: str | None = None) -> str:
        full = self.full_name(name)
        if full not in self.full_names:
            self.full_names.append(full)
        if gender and full not in self.genders:
            self.genders[full] = gender
        return full

    def _longer_form(self, name: str) -> str:
        """"Robles Ferrer" → "Elena Robles Ferrer", "Albert Roigé" → "Albert Roigé i Pons":
        the one known longer name that begins or ends with these words ("Ter Steege", a Dutch
        particle capitalised without the first name, → "Anouk ter Steege")."""
        padded = f" {name} ".lower()
        matches = {f for f in self.full_names if f != name and len(f) > len(name)
                   and (f" {f}".lower().endswith(padded.rstrip()) or f"{f} ".lower().startswith(padded.lstrip()))}
        return matches.pop() if len(matches) == 1 else name

    def resolve_surname(self, name: str) -> str:
        """"Stoltenberg" -> "Jens Stoltenberg" when exactly one full name ends with it; in a
        language that declines names, "Кольцовой" -> "Марина Кольцова" (same stem)."""
        matches = [f for f in self.full_names if f.split()[-1] == name.split()[-1] and f != name]
        if not matches:
            stem = _stem(name.split()[-1])
            matches = [f for f in self.full_names if f != name and len(f.split()) > 1 and _stem(f.split()[-1]) == stem]
        if not matches and len(name.split()) == 1:
            # a name given surname first ("Wu" for "Wu Lien Teh"), or a first name alone
            matches = [f for f in self.full_names if len(f.split()) > 1 and f.split()[0] == name]
        if not matches and len(name.split()) == 1:
            matches = [f for f in self.full_names if _first_surname(name, f)]
        return self._longer_form(matches[0]) if len(set(matches)) == 1 else name

    def add_role(self, name: str, role: str, head: str, gender: str | None) -> None:
        self.roles.setdefault(name, role)
        people = self.by_role.setdefault(head.lower(), [])
        if name not in people:
            people.append(name)
        if gender:
            self.genders.setdefault(name, gender)

    def by_role_phrase(self, head: str, qualifier: str = "") -> str | None:
        """The one person with this role ("le secrétaire général"); a qualifier ("allemande",
        "de la Commission") picks among several; synonyms count ("cheffe de la diplomatie")."""
        head = head.lower()
        people = list(self.by_role.get(head, []))
        for synonym in ROLE_SYNONYMS.get(head, ()):
            needed = [w for w in synonym.split() if len(w) > 3]  # "ministre … affaires étrangères"
            people += [p for p, role in self.roles.items()
                       if all(w in role.lower() for w in needed) and p not in people]
        words = [w for w in re.findall(r"[\w’'-]+", _qualifier(qualifier).lower()) if len(w) > 3][:3]
        if words:  # "le chef de l'Etat" is not "le chef de file des Insoumis"
            people = [p for p in people if all(w in self.roles.get(p, "").lower() for w in words)]
        return people[0] if len(people) == 1 else None

    def known_surname(self, phrase: str) -> str | None:
        """A capitalised word of ``phrase`` that is the surname of exactly one known person
        (declined or not: "Кольцовой")."""
        for word in re.findall(r"[\w’'-]+", phrase):
            if word[:1].isupper() and word not in NOT_NAMES:
                matches = {f for f in self.full_names if len(f.split()) > 1 and f.split()[-1] == word}
                if not matches:
                    matches = {f for f in self.full_names if len(f.split()) > 1 and _stem(f.split()[-1]) == _stem(word)}
                if not matches:  # surname first ("Wu" for "Wu Lien Teh")
                    matches = {f for f in self.full_names if len(f.split()) > 2 and f.split()[0] == word}
                if not matches:  # the first of two surnames ("Roura" for "Narcís Roura i Vila")
                    matches = {f for f in self.full_names if _first_surname(word, f)}
                if len(matches) == 1:
                    return self._longer_form(matches.pop())
        return None


def _first_surname(word: str, full: str) -> bool:
    """``word`` is the first of two surnames in ``full``, the one Spanish, Portuguese and
    Catalan texts use alone ("Etxebarria" in "Iker Etxebarria Uriarte", "Roura" in "Narcís
    Roura i Vila"); not a first name ("José" in "María José Cabello")."""
    parts = full.split()
    if len(parts) < 3 or word not in parts[1:-1] or word in FIRST_NAMES:
        return False
    before = parts[parts.index(word) - 1]
    return before == parts[0] or before in FIRST_NAMES


def _stem(word: str) -> str:
    """A surname without the case ending of a language that declines names (the languages'
    ``people.case_endings``): "Кольцовой" and "Кольцова" → "Кольцов"."""
    for ending in CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _qualifier(text: str) -> str:
    """The words that qualify a role, up to the end of its noun phrase ("de l'Etat",
    "allemande"; not the rest of the sentence)."""
    return _QUALIFIER_END.split(text, maxsplit=1)[0]


_QUALIFIER_END = re.compile(r"[,;:.()«»\"“”„]|\s(?:qui|que|dont|lors|dans|sur|mardi|lundi|mercredi|jeudi|vendredi|"
                            r"samedi|dimanche|hier|who|which|on|in|" + "|".join(map(re.escape, ORGANISATION_END))
                            + r")\s")


_OPENING_MARK = re.compile(r"[«“„\"‘‹»]\s*$")
_CLOSING_MARK = re.compile(r"^\s*[»”“\"’›«]")


def _in_marks(text: str, m: Mention) -> bool:
    """The mention is all a pair of quotation marks holds ("le ferry « Galway Star »"): the
    name of a ship, a product or an operation, not a person's."""
    return bool(_OPENING_MARK.search(text[max(0, m.start - 3):m.start])
                and _CLOSING_MARK.match(text[m.end:m.end + 3]))


def build_cast(texts: list[str], title: bool = False) -> Cast:
    """Collect names (full names first, so "M. X" can resolve) and "role, Name" pairs; with
    ``title``, ``texts[0]`` is a headline, whose roles count only where the body gives none."""
    cast = Cast()
    mentions = [(i, m) for i, text in enumerate(texts) for m in find_mentions(text) if not _in_marks(text, m)]
    for _, m in mentions:
        for name in m.names:
            if len(name.split()) >= 2:
                cast.add_name(name, None if m.plural else m.gender)
    for i, m in mentions:
        for name in m.names:
            full = cast.add_name(name, None if m.plural else m.gender)
            cast.mentions[full] = cast.mentions.get(full, 0) + 1
            cast.first_seen.setdefault(full, (i, m.start))
            cast.seen.setdefault(full, []).append((i, m.start))
    ordered = (texts[1:] + texts[:1]) if title else texts
    for k, text in enumerate(ordered):
        headline = title and k == len(ordered) - 1
        for m in find_mentions(text):
            if len(m.names) != 1:
                continue
            found = role_before(text, m.start) or role_after(text, m.end)
            if found:
                role, head, gender = found
                if headline and cast.by_role.get(head.lower()):
                    continue  # "Après la visite d'Emmanuel Macron, le maire de Saint-Gervais
                    # insulté": the body gave that post to someone else
                cast.add_role(cast.add_name(m.names[0]), role, head, m.gender or gender)
    return cast


_CONJUNCTION = re.compile(r"(?<![\w’'])(?:" + "|".join(re.escape(w) for w in THAT) + r"|than)(?![\w’'-])",
                          re.IGNORECASE)


def after_elision(text: str, start: int) -> bool:
    """The name at ``start`` follows an elided "d'" or "qu'" ("soutien d'[Alain Juppé]"): it is
    whom the words before relate to, not their subject."""
    return re.search(ELISION + "$", text[max(0, start - 4) : start]) is not None  # with the character before it


def role_before(text: str, start: int) -> tuple[str, str, str | None] | None:
    """The role just before a name: "le secrétaire général de l’OTAN, [Jens Stoltenberg]"."""
    if after_elision(text, start):
        return None  # "premier long métrage d'[Hélène Marchetti]": what is hers, not her role
    window = text[max(0, start - 140) : start]
    best = None
    for r in _ROLE.finditer(window):
        between = window[r.end() :]
        if (re.search(r"[.;:«»\"()]", between) or between.count(",") > 1
                or find_mentions(between) or _has_verb(between) or ADJUNCT.search(between)
                or re.fullmatch(r"\s*(?:de|du|d['’]|of)\s*", between)  # "l'ancien ministre de [François Mitterrand]"
                or _CONJUNCTION.search(between)):  # "l'ancien ministre … serait moins bon que [Manuel Valls]"
            continue
        best = r
        break
    if best is None:
        return None
    role = re.sub(rf"\s*,?\s*(?:{_TITLE})?\s*$", "", window[best.start("head") :]).strip(" ,")
    return role, best.group("head"), role_gender(best.group("det"), role)


_VERBISH = frozenset(
    "a ont est sont était étaient avait avaient sera seront has have is are was were said "
    "reçoit reçu rencontre rencontré remercie remercié".split()
) | REPORTING_PARTICIPLES | REPORTING_PRESENT | ENGLISH_REPORTING


def _has_verb(text: str) -> bool:
    return any(w in _VERBISH for w in re.findall(r"[\w’'-]+", text.lower()))


def role_after(text: str, end: int) -> tuple[str, str, str | None] | None:
    """The role in apposition after a name: "[Jens Stoltenberg], secrétaire général de l’OTAN,"."""
    m = re.match(r"\s*,\s*(?P<role>[^,.;:()«»\"]{3,100}?)\s*(?:,|\)|$)", text[end:])
    if not m:
        return None
    r = _ROLE.match(m.group("role"))
    if not r:
        return None
    role = m.group("role")[r.start("head") :].strip()
    return role, r.group("head"), role_gender(r.group("det"), role)


def role_gender(det: str, role: str) -> str | None:
    det = det.strip().lower()
    if det in ("la", "a") or any(w in FEMININE_ROLE_WORDS for w in role.lower().split()[:2]):
        return "f"
    if det in ("le", "el", "il", "lo", "o", "der"):
        return "m"
    return None


# the words that open an adjunct ("após reunião com …", "after talks with …"): a role or a
# speaker phrase ends before them
ADJUNCT = re.compile(r"(?:^|\s)(?:" + "|".join(map(re.escape, ADJUNCTS)) + r")(?![\w’'-])", re.IGNORECASE)


def find_role(text: str) -> re.Match | None:
    """The first role phrase in ``text`` ("le secrétaire général", "the minister")."""
    return _ROLE.search(text)
