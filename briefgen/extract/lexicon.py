"""What the extraction engine knows about languages, read from one data file per language
(``briefgen/data/languages/<code>.toml``) plus ``common.toml``: reporting verbs, titles,
roles, pronouns, organisations, stop words and capitalised words that are not people.

The engine is shared: the names below are the union of every language's lists, so a
French cue in an English article is still read. Month and weekday names come from CLDR
(``briefgen.dates``), never from these files. Adding a language is adding its file.
"""

from __future__ import annotations

from ..dates import LOCALES
from ..languages import language_data

DATA = language_data()
LANGUAGES = tuple(code for code in DATA if code != "common")


def _all(section: str, key: str) -> list:
    """Every language's list at ``[section] key``, in file order, without repeats."""
    return list(dict.fromkeys(item for lang in DATA.values() for item in lang.get(section, {}).get(key, [])))


def _of(code: str, section: str, key: str, empty=()):
    """One language's value at ``[section] key`` (``empty`` when it has none)."""
    return DATA[code].get(section, {}).get(key, empty)


def _merged(section: str, key: str) -> dict:
    merged: dict = {}
    for lang in DATA.values():
        for name, value in lang.get(section, {}).get(key, {}).items():
            merged.setdefault(name, value)
    return merged


def _calendar_names() -> list[str]:
    """Month and weekday names of every language, written as CLDR writes them in running
    text ("mai", "May", "lundi", "Monday"), through Babel."""
    from babel.dates import get_day_names, get_month_names

    names = set()
    for locale in LOCALES:
        for table in (get_month_names("wide", "format", locale), get_month_names("wide", "stand-alone", locale),
                      get_day_names("wide", "format", locale)):
            names.update(n for n in table.values() if " " not in n)
    return sorted(names)


def _calendar_words() -> list[str]:
    """Month and weekday names of every language, capitalised."""
    return sorted({n[:1].upper() + n[1:] for n in _calendar_names()})


STOPWORDS = frozenset(_all("words", "stopwords"))
REPORTING_PARTICIPLES = frozenset(_all("reporting", "participles"))
REFLEXIVE_PRESENT = tuple(_all("reporting", "reflexive_present"))
ADVERBIALS = tuple(_all("reporting", "adverbials"))
# object pronouns between a quotation and its verb: "», nous a-t-il confié", "», lui a répondu X"
CLITICS = tuple(sorted(_all("reporting", "clitics"), key=len, reverse=True))
REPORTING_PRESENT = frozenset(_all("reporting", "present"))
ENGLISH_REPORTING = frozenset(DATA["en"]["reporting"]["verbs"])
TITLES = {title: (value["gender"] or None, value["plural"]) for title, value in _merged("people", "titles").items()}
ROLE_HEADS = tuple(_all("people", "role_heads"))
PERSON_PRONOUNS = frozenset(_all("people", "person_pronouns"))
DESCRIPTION_DETERMINERS = {k: v or None for k, v in _merged("people", "description_determiners").items()}
# the determiners of languages that write their nouns with a capital (German)
CAPITALISED_DETERMINERS = frozenset(d for lang in DATA.values() if lang.get("people", {}).get("capitalised_nouns")
                                    for d in lang["people"].get("description_determiners", {}))
# the languages that write their nouns with a capital: a capitalised word there is no name
CAPITALISED_NOUN_LANGUAGES = frozenset(code for code, lang in DATA.items()
                                       if lang.get("people", {}).get("capitalised_nouns"))
# the endings of person nouns, by the determiner that may stand before them (each language's own)
DESCRIPTION_SUFFIXES: dict[str, tuple[str, ...]] = {}
for _lang in DATA.values():
    for _det in _lang.get("people", {}).get("description_determiners", {}):
        DESCRIPTION_SUFFIXES[_det] = tuple(sorted(set(DESCRIPTION_SUFFIXES.get(_det, ()))
                                                  | set(_lang["people"].get("description_suffixes", [])),
                                                  key=len, reverse=True))
# endings of the word in the genitive that may follow a post, by language ("Ministrul Muncii"):
# the post's body, no surname
ROLE_COMPLEMENT_ENDINGS = {code: tuple(_of(code, "people", "role_complement_endings")) for code in LANGUAGES}
# the gender of person nouns no article shows ("l'homme")
NOUN_GENDERS = {k: v or None for k, v in _merged("people", "noun_genders").items()}
DESCRIPTION_ENDINGS = {k: v or None for lang in DATA.values()
                       for k, v in lang.get("people", {}).get("description_endings", {}).items()}
HONORIFICS = frozenset(w.lower() for w in _all("people", "honorifics"))
# role words that describe a person rather than a post ("die Ökonomin"): they may name someone
# known by another role
PERSON_DESCRIPTIONS = frozenset(w.lower() for w in _all("people", "descriptions"))
COMPOUND_ROLES = tuple(sorted(set(_all("people", "compound_role_suffixes")), key=len, reverse=True))
ROLE_SYNONYMS = {role: tuple(words) for role, words in _merged("people", "role_synonyms").items()}
FEMININE_ROLE_WORDS = frozenset(_all("people", "feminine_role_words"))
SINGULAR_PRONOUNS = _merged("people", "singular_pronouns")
PLURAL_PRONOUNS = frozenset(_all("people", "plural_pronouns"))
# each language's own: Portuguese "ele" is "he", Romanian "ele" is "they"
PRONOUNS_OF = {code: (_of(code, "people", "singular_pronouns", {}),
                      frozenset(_of(code, "people", "plural_pronouns")))
               for code in LANGUAGES}
# endings of a plural verb, in languages with a pronoun that is singular or plural by its verb
# (Dutch "ze", German "sie")
PLURAL_VERB_ENDINGS_OF = {code: tuple(_of(code, "people", "plural_verb_endings")) for code in LANGUAGES}
# each language's determiners, indefinite ("un", "a", "ein") and definite ("le", "the", "der"):
# which one opens a cue's speaker phrase tells an unnamed speaker from a known one
DETERMINERS_OF = {code: (frozenset(_of(code, "people", "indefinite")),
                         frozenset(_of(code, "organisations", "articles"))
                         | frozenset(_of(code, "people", "description_determiners", {})))
                  for code in LANGUAGES}
# each language's verbs of saying, one word each ("informou", "confirmou", "a déclaré"'s
# "déclaré"): a body's name ends before one
REPORTING_WORDS_OF = {code: frozenset(w.lower() for key in ("verbs", "participles", "present")
                                      for w in _of(code, "reporting", key) if " " not in w)
                      for code in LANGUAGES}
# each language's nouns for a source it does not name ("source", "fuentes", "источник")
SOURCES_OF = {code: frozenset(_of(code, "people", "sources")) for code in LANGUAGES}
# each language's determiners of a plural noun, and (where articles do not tell: "the") the
# endings of plural nouns and of the singular nouns that end so too
PLURALS_OF = {code: (frozenset(_of(code, "people", "plural_determiners")),
                     tuple(_of(code, "people", "plural_endings")),
                     tuple(_of(code, "people", "singular_endings")))
              for code in LANGUAGES}
# indefinite in some language and definite in none ("o" is Portuguese "the")
INDEFINITE = frozenset().union(*(i for i, _ in DETERMINERS_OF.values())) - frozenset().union(
    *(d for _, d in DETERMINERS_OF.values()))
FIRST_PERSON = frozenset(w.lower() for w in _all("people", "first_person"))
PLURAL_PHRASES = tuple(_all("people", "plural_phrases"))
# endings of declined surnames, longest first ("Кольцовой" is Кольцова)
CASE_ENDINGS = tuple(sorted(set(_all("people", "case_endings")), key=len, reverse=True))
CALENDAR_WORDS = frozenset(_calendar_words())
# every language's "and" ("y", "und", "și"): a body's name listing its domains goes on after it
AND_WORDS = tuple(sorted(set(_all("words", "and")), key=len, reverse=True))
# articles and prepositions of every language before a place's or a body's name ("sur", "tra")
BEFORE_PLACES = frozenset(_all("words", "before_places"))
NOT_NAMES = frozenset(_all("words", "not_names")) | CALENDAR_WORDS
# endings of common nouns in a language that capitalises them ("Sondersitzung"): no name's word
NOUN_ENDINGS = tuple(sorted(set(_all("words", "noun_endings")), key=len, reverse=True))
# month and weekday names as written in running text: a sentence naming one dates its fact
CALENDAR = frozenset(_calendar_names())
# words that, opening a sentence, lean on the one before: pronouns, demonstratives, connectives
LEANING_OPENERS = tuple(_all("words", "leaning_openers"))
NAME_PARTICLES = frozenset(_all("words", "name_particles"))
# institutions and places that speak for a government or a body ("Moscou a dénoncé …")
INSTITUTIONS = frozenset(DATA["common"]["words"]["not_names"])
ORGANISATION_HEADS = tuple(_all("organisations", "heads"))
ORGANISATION_END = tuple(_all("organisations", "end_words"))
# each language's own end words: Portuguese "das" goes on a name ("Conselho das Finanças
# Públicas") where German "das" ends one
ORGANISATION_END_OF = {code: (*_of(code, "organisations", "end_words"), *_of("common", "organisations", "end_words"))
                       for code in LANGUAGES}
ORGANISATION_ARTICLES = tuple(sorted(set(_all("organisations", "articles")), key=len, reverse=True))
ORGANISATION_COMPOUNDS = tuple(sorted(set(_all("organisations", "compound_suffixes")), key=len, reverse=True))
ORGANISATION_COMPLEMENTS = tuple(sorted(set(_all("organisations", "complements")), key=len, reverse=True))
ORGANISATION_SPEAKING_IN = frozenset(_all("organisations", "speaking_in"))
ORGANISATION_ADJECTIVE_ENDINGS = tuple(_all("organisations", "adjective_endings"))
ADJUNCTS = tuple(sorted(_all("reporting", "adjuncts"), key=len, reverse=True))
ASIDES = frozenset(w.lower() for w in _all("reporting", "asides"))
ADDRESSEES = tuple(sorted(_all("reporting", "addressees"), key=len, reverse=True))
DOCUMENTS = frozenset(w.lower() for w in _all("organisations", "documents"))
MEDIA = frozenset(_all("organisations", "media"))
ORGANISATION_DESCRIPTIONS = frozenset(h.lower() for h in _all("organisations", "descriptions"))
STAFF = frozenset(h.lower() for h in _all("organisations", "staff"))
SPOKESPERSONS = tuple(sorted(_all("people", "spokespersons"), key=len, reverse=True))
# every other language's verbs of saying, auxiliaries, "according to" and "in X's view"
# words: read by the shared cue patterns of speakers.py (French and English have their own
# shapes there too: "a-t-il ajouté", "explique-t-elle", '"…," Austin said')
OTHER_REPORTING = tuple(dict.fromkeys(v for code, lang in DATA.items() if code not in ("fr", "en")
                                      for v in lang.get("reporting", {}).get("verbs", [])))
OTHER_AUXILIARIES = tuple(dict.fromkeys(v for code, lang in DATA.items() if code not in ("fr", "en")
                                        for v in lang.get("reporting", {}).get("auxiliaries", [])))
# the verbs of the languages that leave the subject out ("pro_drop = true")
PRO_DROP_VERBS = frozenset(v.lower() for lang in DATA.values() if lang.get("reporting", {}).get("pro_drop")
                           for v in lang["reporting"].get("verbs", []))
# every language's verbs of saying and their auxiliaries, lower case (a dash incise inside a
# quotation: "Il restauro - ha spiegato la restauratrice - ha restituito…")
ALL_REPORTING = frozenset(v.lower() for v in _all("reporting", "verbs"))
ALL_AUXILIARIES = frozenset(v.lower() for v in _all("reporting", "auxiliaries"))
ACCORDING_TO = tuple(_all("reporting", "according_to"))
IN_THE_VIEW_OF = tuple(_all("reporting", "in_the_view_of"))
THAT = tuple(_all("reporting", "that"))
