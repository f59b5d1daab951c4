"""Who said a quotation: the reporting words around it, resolved to a full name.

Cues are looked for in the quotation's own sentence, in this order:
1. just after the closing mark: "», a déclaré M. Stoltenberg", "", a-t-il ajouté",
   "», ils ont rappelé", "», selon X", "», s'est félicité X", "," Austin said";
2. before the opening mark, nearest first: "M. Stoltenberg a souligné que « …",
   "selon X, « …", "Pour la ministre, Florence Parly, « …", "a déclaré le secrétaire
   général – y compris sur « …", "tous deux ont « salué »", "qui s'est dit « fier »".
The words found are resolved with the source's Cast (titles, roles, surnames) and, for
pronouns, with the last speaker of the source. A reporting cue that names nobody ("a
déclaré un porte-parole") settles it: the speaker is unknown (None), never a guess.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

from .lexicon import (
    ACCORDING_TO,
    ADDRESSEES,
    ADVERBIALS,
    ALL_AUXILIARIES,
    AND_WORDS,
    ASIDES,
    BEFORE_PLACES,
    CALENDAR,
    CAPITALISED_DETERMINERS,
    CAPITALISED_NOUN_LANGUAGES,
    CLITICS,
    DESCRIPTION_DETERMINERS,
    DESCRIPTION_ENDINGS,
    DESCRIPTION_SUFFIXES,
    DETERMINERS_OF,
    DOCUMENTS,
    ENGLISH_REPORTING,
    HONORIFICS,
    IN_THE_VIEW_OF,
    INDEFINITE,
    INSTITUTIONS,
    MEDIA,
    NAME_PARTICLES,
    NOT_NAMES,
    NOUN_GENDERS,
    ORGANISATION_ADJECTIVE_ENDINGS,
    ORGANISATION_ARTICLES,
    ORGANISATION_COMPLEMENTS,
    ORGANISATION_COMPOUNDS,
    ORGANISATION_DESCRIPTIONS,
    ORGANISATION_END,
    ORGANISATION_END_OF,
    ORGANISATION_HEADS,
    ORGANISATION_SPEAKING_IN,
    OTHER_AUXILIARIES,
    OTHER_REPORTING,
    PERSON_DESCRIPTIONS,
    PERSON_PRONOUNS,
    PLURAL_PHRASES,
    PLURAL_PRONOUNS,
    PLURAL_VERB_ENDINGS_OF,
    PRO_DROP_VERBS,
    PRONOUNS_OF,
    REFLEXIVE_PRESENT,
    REPORTING_PARTICIPLES,
    REPORTING_PRESENT,
    REPORTING_WORDS_OF,
    ROLE_COMPLEMENT_ENDINGS,
    SINGULAR_PRONOUNS,
    SPOKESPERSONS,
    STAFF,
    STOPWORDS,
    THAT,
    TITLES,
)
from .morphology import nominative_head
from .people import (
    ADJUNCT,
    ELISION,
    FIRST_NAMES,
    Cast,
    _first_surname,
    _has_verb,
    after_elision,
    find_mentions,
    find_role,
    role_gender,
)

_W = r"[\w’'-]+"


def _words(words) -> str:
    """One pattern for a list of words or phrases, as a trie ("dit(?:e)?" for "dit", "dite"):
    it matches what the alternation of the words, longest first, would, but tries each
    letter once instead of each word (hundreds of verbs, at every position of a text)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        alternation = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{alternation})?" if "" in node else alternation

    return build(root)


# characters of a noun phrase: no clause-ending punctuation or quote marks, but the dots
# of titles and initials ("M. Stoltenberg", "J. Biden") are part of it
_TITLE_DOT = r"(?:(?:MM|M|Mme|Mmes|Mlle|Dr|Pr|Mr|Mrs|Ms|St|Jr)\.|\b[A-Z]\.(?=\s*[A-Z]))"
_NP = rf"(?:{_TITLE_DOT}|[^.;:«»\"“”„‹›])"
_NP_NOCOMMA = rf"(?:{_TITLE_DOT}|[^.;:«»\"“”„‹›,])"
_ADVERBS = r"(?:\s+(?:" + "|".join(sorted(ADVERBIALS, key=len, reverse=True)) + r"|[^\W\d_]+ment))*"
_PARTICIPLE = (r"(?P<verb>" + _words(REPORTING_PARTICIPLES) + r"|fait (?:savoir|valoir|remarquer|observer))")
_PRESENT = r"(?P<verb>(?:" + _words(REFLEXIVE_PRESENT) + r")|" + _words(REPORTING_PRESENT) + r")"
_ENGLISH = r"(?P<verb>" + _words(ENGLISH_REPORTING) + r")"
_AUX = r"(?:a|ont|avait|avaient|aura|auront|aurait|auraient|s['’]est|se sont|s['’]était|s['’]étaient)"
_AUX_INVERTED = r"(?:a-t-|a\s+t-|ont-|avait-|avaient-|aura-t-|aurait-t-|s['’]est-|se sont-)"
_PRONOUN = r"(?P<pron>il|elle|ils|elles|on|he|she|they)"
_CLITIC = r"(?:(?:" + "|".join(re.escape(c) + ("" if c.endswith(("'", "’")) else r"\s+") for c in CLITICS) + r")\s*)?"
_LEAD = r"^\s*[,–—-]\s*"
_LEAD_DASH = r"^\s*(?:[,–—-]\s*){1,2}"  # "», — заявил", ", – dijo"


_ACCORDING = rf"(?:{_words(ACCORDING_TO)})"
_THAT = _words(THAT)
_IN_VIEW = rf"(?:{_words(IN_THE_VIEW_OF)})"
# verbs of saying of every other language, with an auxiliary where it has one and perhaps one
# word after it: "ha dichiarato", "ha poi aggiunto", "va dir", "a declarat", "dijo", "заявил"
_OTHER = rf"(?P<verb>(?:(?:{_words(OTHER_AUXILIARIES)})\s+(?:[^\W\d_]{{2,12}}\s+)?)?(?:{_words(OTHER_REPORTING)}))"

# "Ce serait même « du délire » pour le numéro un de la CFDT Laurent Berger"
_IN_VIEW_AFTER = re.compile(
    rf"^\s*,?\s*{_IN_VIEW}\s+(?P<np>(?-i:le\s|la\s|l['’]|les\s|M\.|Mme|[A-ZÀ-Ý]){_NP}{{1,160}})", re.I)
# "« … », tel est le credo d'Emmanuel Macron", "« … », c'est le mot d'ordre de la CGT"
_IDIOM_AFTER = re.compile(rf"^\s*[,–—-]?\s*(?:tel|telle|tels|telles|c['’]est|voilà)\s+(?:est\s+|était\s+|sont\s+)?"
                          rf"(?:le|la|l['’]|les)\s*[\w’'-]+(?:\s+[\w’'-]+)?\s+(?:de|du|des|d['’])\s*"
                          rf"(?P<np>{_NP}{{1,120}})", re.I)
# these two count only when they name someone, or a body by its name ("« une nouvelle ère » pour
# la défense nordique", "« une menace » pour la région")
_AFTER_IF_NAMED = (_IN_VIEW_AFTER, _IDIOM_AFTER)

# other languages: "», dijo la ministra", "», — заявил Лавров", "“, sagte er"
_OTHER_THEN_SUBJECT = re.compile(rf"{_LEAD_DASH}{_OTHER}(?![\w-])(?P<np>\s+(?=\w){_NP}{{1,160}})", re.I)

# the cues whose subject follows the verb ("a déclaré X", "estime X", "selon X"): also read
# anywhere in a sentence by reporting_subjects
_AFTER_WITH_SUBJECT = (
    re.compile(rf"{_LEAD}{_CLITIC}{_AUX}{_ADVERBS}\s+{_PARTICIPLE}(?P<np>{_NP}{{1,160}})", re.I),
    re.compile(rf"{_LEAD}{_CLITIC}{_PRESENT}\s+(?P<np>{_NP}{{1,160}})", re.I),
    re.compile(rf"{_LEAD}{_ACCORDING}\s+(?P<np>{_NP}{{1,160}})", re.I),
)

# after the quote (the quote ends a clause)
_AFTER = [
    re.compile(rf"{_LEAD}{_CLITIC}{_AUX_INVERTED}{_PRONOUN}{_ADVERBS}\s+{_PARTICIPLE}\b", re.I),
    # "estime-t-elle" ("estime t-elle"), "nous confie-t-il"
    re.compile(rf"{_LEAD}{_CLITIC}{_PRESENT}(?:-t-|\s+t-|-){_PRONOUN}\b", re.I),
    *_AFTER_WITH_SUBJECT,
    _IN_VIEW_AFTER,
    # any verb with its subject pronoun set after it, right after a quotation, is a cue
    # ("», estimait-il", "», s'agace-t-elle", "», fulmine-t-il")
    re.compile(rf"{_LEAD}(?P<verb>(?:s['’]|se\s+)?[a-zàâçéèêëîïôûùüÿœ]{{3,}})-(?:t-)?{_PRONOUN}\b"),
    _IDIOM_AFTER,
    re.compile(rf"{_LEAD}(?P<np>{_NP_NOCOMMA}{{1,120}}?)\s+{_AUX}{_ADVERBS}\s+{_PARTICIPLE}\b", re.I),
    re.compile(rf"{_LEAD}(?P<np>{_NP_NOCOMMA}{{1,120}}?)\s+{_PRESENT}\b", re.I),
    re.compile(rf"^\s*,?\s*{_ENGLISH}\s+(?P<np>{_NP}{{1,160}})", re.I),
    re.compile(rf"^\s*,?\s*(?P<np>{_NP_NOCOMMA}{{1,120}}?)\s+{_ENGLISH}\b", re.I),
    # other languages: "», dijo la ministra", "», — заявил Лавров", "“, sagte er"
    _OTHER_THEN_SUBJECT,
    # with the subject left out, as Spanish, Italian, Portuguese, Catalan, Romanian do: "», dijo."
    re.compile(rf"{_LEAD_DASH}{_OTHER}(?P<pron>)\s*(?:[–—-]\s*)?(?:[.;,!?]|$)", re.I),
    re.compile(rf"{_LEAD_DASH}(?P<np>{_NP_NOCOMMA}{{1,120}}?)\s+{_OTHER}(?![\w-])", re.I),
]
# before the quote: the cue nearest to the quote wins
_BEFORE = [
    # "Volgens De Wit raakt het plan « … »", "Laut Hofstätter ist …": a name, then the verb
    re.compile(rf"^\s*{_ACCORDING}\s+(?P<np>(?-i:(?:[A-ZÀ-Ý][\w’'-]*\s+|(?:van|de|der|von|di|da)\s+){{0,3}}"
               rf"[A-ZÀ-Ý][\w’'-]*))\s+(?-i:[a-zà-ÿ])", re.I),
    # "selon X, « …" and "Pour la ministre, Florence Parly, « …" just before the quote
    re.compile(rf"(?:^|[\s(]){_ACCORDING}\s+(?P<np>{_NP}{{1,160}}),\s*$", re.I),
    # a sentence that opens with "Selon X," / "Pour X," governs its quotes; with the name in
    # apposition ("Pour le délégué CGT des marins du port, Yannick Le Goff, l'accident …")
    re.compile(rf"^\s*(?:{_ACCORDING}|{_IN_VIEW})\s+(?P<np>{_NP_NOCOMMA}{{1,120}}"
               r"(?:,\s*(?-i:[A-ZÀ-Ý])[^,.;:«»\"“”]{2,40}(?=,))?),", re.I),
    re.compile(rf"(?:^|[\s,]){_ACCORDING}\s+(?P<np>{_NP_NOCOMMA}{{1,120}}),", re.I),
    re.compile(rf"{_AUX_INVERTED}{_PRONOUN}{_ADVERBS}\s+{_PARTICIPLE}\b", re.I),
    re.compile(rf"{_AUX}{_ADVERBS}\s+{_PARTICIPLE}(?P<np>\s+(?:le|la|l’|l'|M\.|Mme|MM\.){_NP}{{1,120}}?)\s*[–—-]",
               re.I),
]
# before the quote, offering a speaker only if they name one ("Pour la ministre, X, « …", and
# the verb before its subject in other languages: "sagte der Kanzler: „", but not "ha risposto
# con cautela: «")
_BEFORE_WEAK = [
    re.compile(rf"(?:^|[\s(]){_IN_VIEW}\s+(?P<np>{_NP}{{1,160}}),\s*$", re.I),
    re.compile(rf"(?<![\w’'-]){_OTHER}\s+(?P<np>(?:(?!(?<![\w’'])(?:{_THAT})(?![\w’'])){_NP_NOCOMMA}){{1,120}}?)"
               rf"\s*[:,]?\s*$", re.I),
]
# verbs whose subject (the text from the start of the clause up to the verb) may name the speaker
_SUBJECT_VERBS = [
    (re.compile(rf"(?<![\w’'-]){_AUX}{_ADVERBS}\s+{_PARTICIPLE}\b", re.I), True),
    (re.compile(rf"(?<![\w’'-]){_PRESENT}\b", re.I), True),
    (re.compile(rf"(?<![\w’'-]){_ENGLISH}\b", re.I), True),
    (_OTHER_VERB := re.compile(rf"(?<![\w’'-]){_OTHER}(?![\w-])", re.I), True),
    (re.compile(rf"(?<![\w’'-]){_AUX}{_ADVERBS}\s+{_W}", re.I), False),
    (re.compile(rf"(?<![\w’'-]){_AUX}{_ADVERBS}\s*$", re.I), False),
]
# an attribution set inside the quotation between commas: « Texte, explique-t-il, suite »
_INCISES = [
    re.compile(rf",\s*{_PRESENT}-(?:t-)?{_PRONOUN}\s*[,.;!?]", re.I),
    re.compile(rf",\s*{_AUX_INVERTED}{_PRONOUN}{_ADVERBS}\s+{_PARTICIPLE}\s*[,.;!?]", re.I),
    re.compile(rf",\s*{_PRESENT}\s+(?P<np>{_NP_NOCOMMA}{{1,80}}?)\s*,", re.I),
    re.compile(rf",\s*{_AUX}{_ADVERBS}\s+{_PARTICIPLE}\s+(?P<np>{_NP_NOCOMMA}{{1,80}}?)\s*,", re.I),
]
_NAME_THEN_QUOTE = re.compile(r"(?:^|:\s*)(?P<name>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){0,2})\s*$")
_HEADLINE = re.compile(rf"^\s*(?P<np>{_NP_NOCOMMA}{{3,60}}?)\s*:\s*$")
_CLAUSE_BREAKS = ";:«»\"“”"
_ABBREVIATION_BEFORE_DOT = re.compile(r"(?:\b(?:MM|M|Mme|Mmes|Mlle|Dr|Pr|Mr|Mrs|Ms|St|Jr)|\b[A-Z])$")
_RELATIVE = re.compile(r"(?:^|,\s*)(?:qui|who|lequel|laquelle)\s*$", re.I)
# "welcomed what he called « … »": the words are the main clause's subject's
_WHAT_HE = re.compile(r"\b(?:what|ce qu['’])\s*(?:he|she|they|il|elle|ils|elles)(?:\s+a|\s+ont)?\s*$", re.I)


# how far from a quotation its cues are looked for: far more than any clause
WINDOW = 400


@dataclass(frozen=True)
class Attribution:
    speakers: tuple[str, ...] = ()
    role: str | None = None
    evidence: str | None = None
    # a role or description that named nobody yet ("le porte-parole de l'état-major"): the
    # person it names later in the text is the speaker
    phrase: str | None = None

    @property
    def speaker(self) -> str | None:
        return ", ".join(self.speakers) if self.speakers else None


# sentences back where "il", "elle" may find a person named in passing
_RECENT_SENTENCES = 2


@dataclass
class Context:
    """What is known while reading a source in order: its cast, its last speaker, and the
    last person who was the subject of a sentence (both candidates for "il", "elle")."""

    cast: Cast
    last_single: str | None = None
    last_group: tuple[str, ...] = ()
    last_subject: str | None = None
    last_body: str | None = None
    last_named_body: str | None = None  # the last organisation the text named in full
    named_bodies: set[str] = field(default_factory=set)  # every organisation the text named in full
    # (block, sentence) of each sentence that reports speech by someone it names with an
    # indefinite determiner ("explique une source policière"): uncued words after it are theirs
    unnamed_reports: set[tuple[int, int]] = field(default_factory=set)
    last_outlet: str | None = None  # the last body that spoke under a proper name ("Le Parisien")
    bodies: set[str] = field(default_factory=set)  # speakers that are organisations
    sentence_no: int = 0
    _when: dict[str, int] = field(default_factory=dict)
    # an organisation's short name → the full name the text gave it ("le ministère" → "ministère
    # de la Culture"), when the text gives only one
    organisations: dict[str, str] = field(default_factory=dict)
    # roles and descriptions resolved to a person, by their words ("le porte-parole de l'armée")
    phrases: dict[str, str] = field(default_factory=dict)
    # the person each description's noun named ("chercheur" → "Didier Raoult")
    described: dict[str, str] = field(default_factory=dict)
    language: str | None = None  # of the paragraph being read: whose pronouns "ele" is
    # the people the last sentences named, the latest sentence last (anywhere in them: "la voix
    # de Rachida Dati" names her for a later "elle")
    recent: list[tuple[str, ...]] = field(default_factory=list)
    # the words of the quotation being attributed: whom it names is not who says it ("« courir
    # aux côtés de Zuckerberg », confie le sportif")
    quoted: str = ""
    # names the source writes inside its sentences (after a word in lower case), not words
    # capitalised because they open a sentence ("sede de Renfe")
    proper_words: frozenset[str] = frozenset()

    def unquoted(self, candidates: list[str]) -> list[str]:
        """``candidates`` less those the quotation being attributed names by surname."""
        if not self.quoted:
            return candidates
        words = set(re.findall(r"[\w’'-]+", self.quoted))
        return [c for c in candidates if c.split()[-1] not in words]

    def named(self, people: tuple[str, ...]) -> None:
        self.recent = (self.recent + [people])[-_RECENT_SENTENCES:]

    def remember(self, speakers: tuple[str, ...]) -> None:
        if len(speakers) == 1:
            self.last_single = speakers[0]
            self._when["single"] = self.sentence_no
        elif len(speakers) > 1:
            self.last_group = speakers

    def body(self, name: str) -> None:
        """An organisation spoke or acted: the last one named by its proper name is the one a
        later "l'institut", "le comité" means."""
        self.bodies.add(name)
        if not name.islower():
            self.last_body = name

    def subject(self, person: str) -> None:
        self.last_subject = person
        self._when["subject"] = self.sentence_no

    def antecedents(self, people: bool = False) -> list[str]:
        """Candidates for a singular pronoun, the most recent first; with ``people``, not the
        bodies (for a role or a description: "l'ambassadeur" is no ministry)."""
        found = [(self._when.get("single", -1), 1, self.last_single),
                 (self._when.get("subject", -1), 0, self.last_subject)]
        return [name for _, _, name in sorted(found, reverse=True) if name and not (people and name in self.bodies)]


@dataclass(frozen=True)
class Cue:
    """Words that report speech: where they are, and the speaker words they hold.

    A ``strong`` cue has a verb of saying (or "selon"): if it names nobody, nobody
    known said the quote. A weak one ("tous deux ont « salué »") only offers a subject.
    """

    start: int
    end: int
    evidence: str
    np: str = ""
    pron: str | None = None
    strong: bool = True
    subject: bool = False  # np is a clause before a verb: its subject is its last part
    before: str = ""  # the sentence before the cue's verb (antecedents of "qui")
    # the verb opens the quote ("…, garantiu: «"): if its clause names nobody, the subject was
    # left out and is the person just spoken of
    dropped: bool = False

    @classmethod
    def of(cls, m: re.Match, text: str, np: str | None = None, start: int | None = None,
           strong: bool = True) -> Cue:
        groups = m.groupdict()
        begin = m.start() if start is None else start
        return cls(begin, m.end(), text[begin:m.end()].strip(" ,–—-"),
                   (groups.get("np") or "") if np is None else np, groups.get("pron"), strong,
                   subject=np is not None, before=text[max(0, m.start() - WINDOW):m.start()])


def attribute(sentence: str, q_start: int, q_end: int, ctx: Context) -> Attribution:
    """The speaker of the quotation at [q_start, q_end) of ``sentence`` (marks excluded).

    Cues are read within ``WINDOW`` characters of the quotation, so that a run-on "sentence"
    of a megabyte costs time in proportion to its length, not to its square."""
    quoted, ctx.quoted = ctx.quoted, sentence[q_start:q_end][:WINDOW]
    try:
        return _attribute(sentence, q_start, q_end, ctx)
    finally:
        ctx.quoted = quoted


def _attribute(sentence: str, q_start: int, q_end: int, ctx: Context) -> Attribution:
    after_at = _skip_closing(sentence, q_end)
    after = sentence[after_at:after_at + WINDOW]
    if q_start > WINDOW:  # the words before the quote, from a word boundary
        cut = sentence.find(" ", q_start - WINDOW)
        sentence, q_start, q_end = sentence[cut + 1:q_end], q_start - cut - 1, q_end - cut - 1
    for pattern in _AFTER:
        m = pattern.match(after)
        if m:
            cue = Cue.of(m, after)
            if (pattern is _OTHER_THEN_SUBJECT and m.group("verb").split()[-1].lower() in PRO_DROP_VERBS
                    and _only_addressee(m.group("np"))):
                cue = replace(cue, pron="")  # "», afirmou à Lusa.": whom it was said to, no subject
            found = _resolve(cue, ctx, sentence[:q_start])
            if pattern in _AFTER_IF_NAMED:
                # not "pour la région", nor a thing taken for a description ("pour le parvis")
                if found.speakers and found.speakers[0][:1].isupper() and not only_described(cue.np):
                    return found
            elif found.speakers or found.evidence:
                return found
    for pattern in _INCISES:  # « Texte, explique-t-il, suite »
        inside = pattern.search(sentence[q_start:q_end])
        if inside:
            found = _resolve(Cue.of(inside, sentence[q_start:q_end]), ctx, sentence[:q_start])
            if found.speakers or found.evidence:
                return found
    before = sentence[: _skip_opening(sentence, q_start)]
    headline = _HEADLINE.match(before)
    if headline:  # "Robert Ménard : « Ce pouvoir … »"
        np = headline.group("np").strip()
        found = resolve_phrase(np, ctx, headline.group(0).strip())
        # not a rubric ("Santé : « … »", "Colère agricole : « … »") nor a headline's clause
        # ("Miles de tractores colapsan Valladolid: « … »"): a person the text knows, or a body
        # of more than one word that is most of the words before the colon
        if found.speakers and (found.speakers[0] in ctx.cast.full_names or np.isupper() or len(np.split()) > 1
                               and 2 * len(found.speakers[0].split()) >= len(np.split())):
            return found
    named = _NAME_THEN_QUOTE.search(before)
    if named and len(before) <= 80:  # a headline's "Moscovici « peu emballé »"
        person = ctx.cast.known_surname(named.group("name")) or next(
            (n for m in find_mentions(named.group("name")) for n in m.names if n in ctx.cast.full_names), None)
        if person:
            return Attribution((person,), ctx.cast.roles.get(person), named.group(0).strip())
    for cue in cues_before(before):
        found = _resolve(cue, ctx, cue.before)
        if found.speakers or (cue.strong and found.evidence):
            return found
    return _colon_lead_in(before, ctx)


def _colon_lead_in(before: str, ctx: Context) -> Attribution:
    """A clause that ends with a colon just before the quotation and names one person, with
    no verb of saying: "Una proposta che padre Baldini ha respinto: «…»", "E Guidotti, poco
    dopo, ai cronisti: «…»". The person is the speaker."""
    if not re.search(r":\s*$", before):
        return Attribution()
    clause = before[_clause_start(before, len(before.rstrip()) - 1):]
    people = {ctx.cast.add_name(n) for m in find_mentions(clause) for n in m.names}
    people |= {known for word in re.findall(r"(?<=\s)[A-ZÀ-ÝА-Я][\w’'-]+", clause)
               if (known := ctx.cast.known_surname(word))}  # "padre Baldini"
    if len(people) != 1:
        return Attribution()
    name = people.pop()
    return Attribution((name,), ctx.cast.roles.get(name), clause.strip())


def continued(sentence: str, previous: tuple[int, Attribution], q_start: int,
              found: Attribution) -> Attribution:
    """A later quote of the same sentence with no cue of its own keeps the speaker of the
    one before, when nothing between them names someone else ("… « A », s'engageant à « B »")."""
    prev_end, prev = previous
    between = sentence[prev_end:q_start]
    if not prev.speakers or find_mentions(between) or re.search(r"[.;:]", between):
        return found
    return prev


def _skip_closing(text: str, end: int) -> int:
    while end < len(text) and text[end] in " \u00a0\u202f»”\"“«’›":  # every language's closing marks
        end += 1
    return end


def _skip_opening(text: str, start: int) -> int:
    while start > 0 and text[start - 1] in " \u00a0\u202f«“\"„»‘‹":  # and opening marks
        start -= 1
    return start


def _clause_start(text: str, end: int, limit: int = 200) -> int:
    """Where the clause ending at ``end`` begins: after the last ; : or quote mark, or after a
    full stop that is not a title's or an initial's ("M. Stoltenberg")."""
    floor = max(0, end - limit)
    for i in range(end - 1, floor - 1, -1):
        c = text[i]
        if c in _CLAUSE_BREAKS or c == "." and not _ABBREVIATION_BEFORE_DOT.search(text[max(0, i - 4):i]):
            return i + 1
    return floor


_INVERTED_SUBJECT = re.compile(rf"(?P<np>\s+{_NP_NOCOMMA}{{2,120}}?)(?=,|\s+(?:qui|que|who|that)\b|$)")


def cues_before(before: str) -> list[Cue]:
    """Cues before the quote, nearest first."""
    found = [Cue.of(m, before) for pattern in _BEFORE for m in pattern.finditer(before)]
    found += [Cue.of(m, before, strong=False) for pattern in _BEFORE_WEAK for m in pattern.finditer(before)]
    for pattern, strong in _SUBJECT_VERBS:
        for m in pattern.finditer(before):
            if _WHAT_HE.search(before[max(0, m.start() - 60): m.start()]):
                continue
            start = _clause_start(before, m.start())
            subject = before[start:m.start()]
            incise = _INVERTED_SUBJECT.match(before, m.end()) if strong and subject.rstrip().endswith(",") else None
            if incise and find_mentions(incise.group("np")) and re.match(r",\s*$", before[incise.end():]):
                # "Lors des dernières rencontres avec les autorités, a expliqué Me Daoud, « … »":
                # the verb between commas, its subject after it, then the quote
                found.append(Cue(start, incise.end(), before[m.start():incise.end()].strip(" ,"),
                                 incise.group("np"), None, True,
                                 before=before[max(0, m.start() - WINDOW):m.start()]))
                continue
            if strong and not any(c.isalpha() for c in subject):
                # nothing before the verb: its subject follows it ("», a ajouté X, tout en
                # soulignant que la « force »…")
                after = _INVERTED_SUBJECT.match(before, m.end())
                if after:
                    found.append(Cue(start, after.end(), before[m.start():after.end()].strip(" ,"),
                                     after.group("np"), None, True,
                                     before=before[max(0, m.start() - WINDOW):m.start()]))
                    continue
                # no subject at all, the words of the quote next: a language that leaves the
                # subject out ("Em declarações aos jornalistas, garantiu: «…»")
                if re.match(r"\s*:?\s*$", before[m.end():]):
                    found.append(Cue(start, m.end(), before[m.start():m.end()].strip(" ,"), "", "", True,
                                     before=before[max(0, m.start() - WINDOW):m.start()]))
                    continue
            cue = Cue.of(m, before, np=subject, start=start, strong=strong)
            if (strong and pattern is _OTHER_VERB and m.group("verb").split()[-1].lower() in PRO_DROP_VERBS
                    and re.match(r"\s*:?\s*$", before[m.end():])):
                cue = replace(cue, dropped=True)
            found.append(cue)
    return sorted(found, key=lambda cue: (-cue.end, not cue.strong))


def outside_quotes(sentence: str) -> str:
    """``sentence`` with its quotations blanked out, offsets kept."""
    return re.sub(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", lambda m: " " * len(m.group()), sentence)


# a preposition or an article's contraction just before a name: it is a complement
_GOVERNED = re.compile(r"(?:\b(?:de|du|des|à|au|aux|avec|contre|pour|par|sur|chez|entre|envers|selon|of|to|with|"
                       r"by|for)\s+|\bd['’]\s*)(?:(?:le|la|les|l['’]|the)\s*)?$", re.IGNORECASE)


def _recent_surname(np: str, ctx: Context) -> str | None:
    """The person just spoken of or named whose surname opens ``np``, when the text knows
    two people of that name ("ha lamentat Casals": Núria Casals Ferrer, named a sentence
    before, not her grandfather Josep Casals i Riera)."""
    word = np.split()[0] if np.split() else ""
    if not word[:1].isupper() or word in NOT_NAMES:
        return None
    recent = ctx.antecedents(people=True) + [p for people in reversed(ctx.recent) for p in reversed(people)]
    return next((p for p in recent if len(p.split()) > 1 and (p.split()[-1] == word or _first_surname(word, p))),
                None)


def _opening_person(before: str, ctx: Context) -> str | None:
    """The person the sentence opens with, ahead of its quotation: its first name mentioned,
    with no verb before it and not governed by a preposition ("Le président du Conseil
    départemental, Philippe Grosvalet a condamné ce vol. « … »")."""
    text = outside_quotes(before[:300])
    mentions = find_mentions(text)
    if not mentions or len(mentions[0].names) != 1:
        return None
    lead = text[:mentions[0].start]
    if len(lead) > 100 or _has_verb(lead) or _GOVERNED.search(lead):
        return None
    name = ctx.cast.add_name(mentions[0].names[0])
    return None if name in ctx.bodies else name


def _opening_speaker(before: str, ctx: Context, gender: str | None, evidence: str | None) -> Attribution | None:
    """The person the sentence opens with (``_opening_person``) as the speaker a pronoun or a
    description of ``gender`` (any, if None) stands for, or None."""
    person = _opening_person(before, ctx)
    if person and (gender is None or ctx.cast.genders.get(person, gender) == gender):
        return Attribution((person,), ctx.cast.roles.get(person), evidence)
    return None


def _resolve(cue: Cue, ctx: Context, before: str) -> Attribution:
    if cue.pron == "":  # the subject left out ("», dijo."): whoever was just spoken of
        person = next(iter(ctx.antecedents()), None)
        return Attribution((person,) if person else (), ctx.cast.roles.get(person) if person else None, cue.evidence)
    if cue.pron:
        verb = _verb_beside(cue.pron, cue.evidence or "")
        gender, plural = _pronoun_kind(cue.pron, ctx, verb)
        # "Gérard Larcher, président du Sénat, joue la prudence : « … », a-t-il fait valoir"
        opening = _opening_speaker(before, ctx, gender, cue.evidence) if gender and not plural else None
        return opening or _pronoun(cue.pron, ctx, cue.evidence, verb)
    np = _clause_subject(cue.np) if cue.subject else cue.np
    if _RELATIVE.search(np):  # "…, M. Kristersson, qui s'est dit « fier »"
        mentions = find_mentions(before)
        if mentions:
            names = tuple(ctx.cast.add_name(n) for n in mentions[-1].names)
            return Attribution(names, ctx.cast.roles.get(names[0]) if len(names) == 1 else None, cue.evidence)
    if not cue.subject and only_described(np):
        # "La touriste Sylvia Faust a passé la frontière : « … », s'amuse cette gestionnaire"
        opening = _opening_speaker(before, ctx, _phrase_gender(np.strip().lower()), cue.evidence)
        if opening:
            return opening
    # a capitalised word that opens a clause is as often "Je" or "Inconnu" as a body's name:
    # only a name after the verb ("prévient Keraunos", "selon Vigicrues") is taken as one
    found = resolve_phrase(np, ctx, cue.evidence, bodies_by_name=not cue.subject)
    if cue.subject and not found.speakers and not found.phrase and (body := opening_body(cue.np, ctx)):
        # "Renfe, por su parte, lamentó la convocatoria y aseguró": the clause opens with its subject
        return Attribution((body,), None, cue.evidence)
    if cue.dropped and not found.speakers and not found.phrase and not find_mentions(np):
        return _resolve(replace(cue, pron="", dropped=False), ctx, before)
    return found


_RELATION = re.compile(
    r"^(?:l['’]|le|la|les|un|une|son|sa|ses|leur|the|a|an|his|her)\s*(?:époux|épouse|mari|femme|fils|fille|"
    r"père|mère|frère|sœur|proche|proches|entourage|avocat|avocate|avocats|ami|amie|amis|collaborateur|"
    r"collaboratrice|biographe|voisin|voisine|husband|wife|son|daughter|father|mother|brother|sister|"
    r"lawyer|friend|aide)s?\s+(?:de|du|des|d['’]|of)\b(?!\s+famille)", re.I)  # "le père de famille": a description
# an unnamed spokesperson of a body ("un porte-parole de la police locale", "a spokesman for the
# ministry", "ein Sprecher des Ministeriums"): the body speaks
_SPOKESPERSON_OF = re.compile(
    r"^(?:" + "|".join(re.escape(d) for d in sorted(INDEFINITE, key=len, reverse=True)) + r")\s+(?:"
    + "|".join(re.escape(w) for w in SPOKESPERSONS) + r")\s+(?:(?:de|du|des|of|for|at|del|della|dello|do|da|dos|das|"
    r"der|van|al|a)\s+|d['’]|dell['’])?(?P<body>.+)$", re.IGNORECASE)
# the staff of someone, named with an article (not "son entourage"): a body that speaks
_STAFF_OF = re.compile(r"^(?:l['’]|le|la|les)\s*(?:" + "|".join(STAFF) + r")\s+(?:de|du|des|d['’])", re.I)
_STAFF_END = re.compile(r"\s*[,;:(]|\s(?:à|au|aux|qui|que|dont|dans|lors|sur|selon|auprès|pour)\s")


def _staff_name(np: str) -> str:
    """"l'entourage du préfet, qui …" → "entourage du préfet"."""
    return _STAFF_END.split(re.sub(r"^(?:l['’]|le|la|les)\s*", "", np.strip(), flags=re.I), maxsplit=1)[0].strip()


_RELATIVE_CLAUSE = re.compile(r"^(?:qui|que|dont|où|lequel|laquelle|who|which)\b", re.I)


# a verb of saying and "that": what follows is what was said, not who said it
_SAYS_THAT = re.compile(rf"\b(?:{_AUX}\s+)?(?:{_PARTICIPLE.replace('?P<verb>', '?:')}|"
                        rf"{_PRESENT.replace('?P<verb>', '?:')})\s+(?:{_THAT})", re.I)


def _clause_subject(text: str) -> str:
    """The subject part of the text before a verb: the last comma-separated part that
    names someone ("…, il", "…, le ministre"), read back over appositions and relative
    clauses ("le ministre, Sébastien Lecornu, qui s'exprimait devant …,")."""
    said = next(reversed(list(_SAYS_THAT.finditer(text))), None)
    if said and any(c.isalpha() for c in text[:said.start()]):
        text = text[:said.start()]  # "l'actrice révèle que Guillaume Canet a …": she says it, not he
    parts = [p.strip() for p in re.split(r"[,;](?!\d)\s*", text.strip())
             if p.strip() and p.strip().lower() not in _SINGLE_ADVERBIALS]  # "…, por su parte,"
    if not parts:
        return ""
    for k in range(len(parts) - 1, -1, -1):
        part = parts[k]
        if k < len(parts) - 1 and _RELATIVE_CLAUSE.match(parts[k + 1]) is None and not _appositive(parts[k + 1]) \
                and not _aside(parts[k + 1]) and not _governed_only(parts[k + 1]):
            break  # only appositions, relative clauses and asides stand between a subject and its verb
        if k > 0 and _governed_only(part):
            continue  # "…, ancien bras droit de Marine Le Pen, avance": about someone else, not the subject
        if _ORGANISATION.match(part) and not find_mentions(part[:1 + part.find(" ")]):
            return part  # a body's name, whatever capitalised words it holds ("Ministerul X și Y")
        if find_mentions(part) or _names_someone(part) or (k == 0 and _SINGLE_WORD_NAME.fullmatch(part)):
            if k > 0 and find_mentions(part) and find_role(parts[k - 1]) and not find_mentions(parts[k - 1]):
                return parts[k - 1] + ", " + part  # "le secrétaire général de l'OTAN, Jens Stoltenberg"
            return part
    subjects = [p for p in parts if not _aside(p)]  # "La Commissione europea, in una nota, ha"
    if subjects:
        return subjects[-1]
    # an aside with no comma before the subject: "In una nota il comitato sostiene"
    later = _ARTICLE_AFTER_ASIDE.search(parts[-1])
    return parts[-1][later.start(1):] if later else parts[-1]


def _governed_only(part: str) -> bool:
    """``part`` names people only after a preposition ("ancien bras droit de Marine Le Pen")."""
    mentions = find_mentions(part)
    return bool(mentions) and all(_GOVERNED.search(part[:m.start]) for m in mentions)


_ARTICLE_AFTER_ASIDE = re.compile(
    r"^\S+\s+\S+(?:\s+\S+){0,3}?\s+((?:"
    + "|".join(re.escape(a) for a in ORGANISATION_ARTICLES if not a.endswith(("'", "’"))) + r")\s+\S)")


def _aside(part: str) -> bool:
    """A part that opens with a preposition ("in una nota diffusa in serata"): an aside
    between the subject and its verb, and no subject itself."""
    return bool(part.split()) and part.split()[0].lower() in ASIDES


# a name of one word opening the clause ("Etxebarria, de 47 años, acusó"), and an age set
# between commas after a subject ("de 47 años", "di 34 anni", "aged 67")
_SINGLE_WORD_NAME = re.compile(r"(?=[^\W\d_])(?-i:[A-ZÀ-ÝĂÂÎȘȚŞŢĄĆĘŁŃŚŹŻ])[^\W\d_’']+(?:[-’'][^\W\d_]+)*")
_AGE = re.compile(r"^(?:de|di|da|of|aged|im alter von)\s+\d{1,3}\b", re.I)


def _appositive(part: str) -> bool:
    """A part that can stand between a subject and its verb: "l'un des auteurs", "chercheur à …"."""
    if _AGE.match(part):
        return True
    first = part.split()[0].lower() if part.split() else ""
    return first in ("l'un", "l’un", "l'une", "l’une", "un", "une", "le", "la", "l'", "l’", "ancien", "ancienne",
                     "one", "the", "a", "an") or bool(find_role(part))


def _names_someone(part: str) -> bool:
    low = part.lower()
    first = low.split()[0] if low.split() else ""
    return (first in SINGULAR_PRONOUNS or first in PLURAL_PRONOUNS or any(low.startswith(p) for p in PLURAL_PHRASES)
            or bool(find_role(part)) or _RELATIVE.search(part) is not None)


# "a annoncé à l'AFP l'ancien président", "explique au Parisien Gérard Hébert": whom it was
# said to stands before the speaker
_TOLD_TO = re.compile(r"^(?:à|au|aux|to|auprès\s+(?:de|du|des|d['’]))\s*(?:l['’]|la\s+|le\s+|les\s+)?"
                      r"(?:[A-Z][\w-]*|presse|journalistes|"
                      r"quotidien|hebdomadaire|radio|chaîne|journal|magazine|site|micro)(?:\s+[A-Z][\w-]*)?\s*,?\s+"
                      r"(?=(?:le|la|les|l['’]|un|une|M\.|Mme|[A-Z]))")


def _only_addressee(np: str) -> bool:
    """The words after a verb say only whom it was said to ("à Lusa", "aos jornalistas")."""
    rest = _drop_filler(np.strip())
    if rest in ADDRESSEES:
        return True
    return bool(re.fullmatch(r"(?:à|au|aux|to|a|al|ai|alla|all['’]|ao|aos|para|pentru)\s+"
                             r"(?:l['’]|la\s+|le\s+|o\s+|a\s+)?[\w.-]+(?:\s+[\w.-]+)?\s*", rest))


_ELIDED_NAME = re.compile(ELISION + r"[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)*")


def resolve_phrase(np: str, ctx: Context, evidence: str | None = None, bodies_by_name: bool = True) -> Attribution:
    """Speakers named in a noun phrase: names, titles with surnames, roles, pronouns.
    Unresolved: no speakers, with the evidence kept (someone unnamed spoke)."""
    np = _TOLD_TO.sub("", _drop_filler(np.strip()))
    spokesperson = _SPOKESPERSON_OF.match(np)
    if spokesperson:  # "un porte-parole de la police locale": the police speaks
        body = organisation_name(spokesperson.group("body"), ctx.language)
        if body and not find_mentions(spokesperson.group("body")):
            body = ctx.organisations.get(body.lower(), body)
            ctx.body(body)
            return Attribution((body,), None, evidence)
    adjunct = ADJUNCT.search(np)
    if adjunct and adjunct.start() > 0:
        np = np[: adjunct.start()]  # "o chanceler após reunião com o embaixador, Laurent …"
    single = _SINGLE_NAME.match(np)
    if single and _PERSON_APPOSITION.match(np, single.end()) and single.group("name") not in NOT_NAMES \
            and not organisation_name(single.group("name")) and not find_mentions(np[:single.end()]):
        # "regrette Maïssa, une enseignante de 46 ans", "Salem, 51 ans": a person with one name
        name = ctx.cast.add_name(single.group("name"))
        ctx.bodies.discard(name)  # whatever a shorter mention made of it
        return Attribution((name,), None, evidence)
    head, comma, rest = np.partition(",")
    if comma and head.strip() and not _opens_with_name(rest):
        np = head  # "l'état-major, à quelques jours du sommet où Emmanuel Macron …": the staff
    low = np.lower()
    for phrase in PLURAL_PHRASES:
        if low.startswith(phrase):
            return Attribution(ctx.last_group, None, evidence) if ctx.last_group else Attribution()
    first = low.split()[0] if low.split() else ""
    if _a_pronoun(first, ctx.language) and " " in np.strip():
        told = np.strip().split(None, 1)[1]
        if _only_addressee(told) or _drop_filler(told + " ") != told + " ":
            np = low = first  # "sagte er der Deutschen Presse-Agentur": he, to the agency
    # a pronoun stands alone ("il", "elle-même"); "Il commissario" is an Italian article
    if (_a_pronoun(first, ctx.language) and not find_mentions(np) and not find_role(np)
            and not organisation_name(np)):  # "El Ministerio": the Spanish article, not Romanian "el"
        return _pronoun(first, ctx, evidence)
    if _STAFF_OF.match(np.strip()):
        # "le cabinet du Premier ministre Édouard Philippe", "l'entourage du préfet": the staff
        # speaks, as a body, not the person it works for
        name = organisation_name(np, ctx.language) or _staff_name(np)
        ctx.body(name)
        return Attribution((name,), None, evidence)
    if _RELATION.match(np):  # "l'époux de Claude Chirac": someone unnamed
        return Attribution((), None, evidence)
    # not a person named after an elided "d'" ("le député et soutien d'Alain Juppé"): someone
    # the phrase relates to the speaker
    mentions = [m for m in find_mentions(np) if not after_elision(np, m.start)]
    body_first = _ORGANISATION.match(np.strip())
    inside_body = False
    if body_first and body_first.group("name") and mentions and mentions[0].start > 0 \
            and not re.search(r"\b(?:de|du|des|d['’]|of)\s*$", np[:mentions[0].start]):
        # "Ministerul Investițiilor și Proiectelor Europene": capitalised words inside a body's
        # name; but "l'entourage de Jean Dupont" is about Jean Dupont
        # unless a person is named there ("Umweltstadtrat Markus Hinterleitner")
        inside_body = not any(n.split()[0] in FIRST_NAMES for m in mentions for n in m.names)
        mentions = []
    role = find_role(np) if mentions else None
    if role and role.start() == 0 and re.fullmatch(r"\s*(?:de|du|d['’]|of)\s*", np[role.end():mentions[0].start]):
        # "l'ancien ministre de François Mitterrand": someone else than the man named
        np, mentions = np[:role.end()], []
    surname = ctx.cast.known_surname(np.split()[0]) if np.split() else None
    if surname and (not mentions or mentions[0].start > 0):
        # "sagte Kirchhoff der Deutschen Presse-Agentur": the surname comes first
        return Attribution((surname,), ctx.cast.roles.get(surname), evidence)
    if mentions:
        # the first person named, and those joined to it by "et"/"and" ("X et le ministre Y")
        kept = mentions[:1] + [m for prev, m in zip(mentions, mentions[1:], strict=False)
                               if re.match(r"^\s*,?\s*(?:et|and)\b", np[prev.end:m.start])]
        names = tuple(dict.fromkeys(ctx.cast.add_name(n) for m in kept for n in m.names))
        return Attribution(names, ctx.cast.roles.get(names[0]) if len(names) == 1 else None, evidence)
    single = _SINGLE_NAME.match(np)
    if single and find_role(np[single.end():]) and find_role(np[single.end():]).start() <= 4:
        name = single.group("name")  # "grimace Rocco, patron d'un hôtel": a person with one name
        if name not in NOT_NAMES and not organisation_name(name):
            return Attribution((name,), np[single.end():].split(",")[0].strip(), evidence)
    # "Austin said", "le général Burkhard"; not the words of a body's name ("l'Agència Catalana
    # de Turisme", which the cast took for a person's)
    own = _ELIDED_NAME.sub("", np)  # not the name of someone the phrase relates to ("soutien d'Alain Juppé")
    surname = None if inside_body else ctx.cast.known_surname(own) or _recent_surname(own, ctx)
    if surname:
        return Attribution((surname,), ctx.cast.roles.get(surname), evidence)
    role = find_role(np)
    one = _ONE_NAME_AFTER_ROLE.match(np, role.end()) if role else None
    if one and one.group(1) not in NOT_NAMES and not organisation_name(one.group(1)) \
            and not one.group(1).lower().endswith(ROLE_COMPLEMENT_ENDINGS.get(ctx.language or "", ())):
        # "a ajouté le général Lecointre": a person the text names by surname only; not the
        # body of a post in the genitive ("Ministrul Muncii")
        name = one.group(1)
        return Attribution((name,), np[:role.end()].strip(), evidence)
    if role and not re.search(r"\b(?:de|du|des|d['’]|of)\s*(?:la |l['’])?$", np[: role.start("head")], re.I):
        person = ctx.cast.by_role_phrase(role.group("head"), np[role.end():])
        # "le Premier ministre", or a bare role in a language without articles ("заявил дипломат")
        if person is None and role.start() == 0 and (role.group("det") or np.strip().lower() == role.group(0).lower()):
            person = _role_antecedent(role, np, ctx)
        if person:
            ctx.phrases[phrase_key(np)] = person
            return Attribution((person,), ctx.cast.roles.get(person), evidence)
    document = _DOCUMENT.match(np)
    if document and not find_mentions(np):
        # "le rapport", "ce document", "l'étude du CAE": the body that issued it
        rest = np[document.end():].lstrip(" ,")
        if document.group("where") and not document.group("of") and rest.strip():
            # "a souligné dans un communiqué le Centre hospitalier Jura Sud": where it was said,
            # then who said it
            return resolve_phrase(rest, ctx, evidence, bodies_by_name)
        issuer = (organisation_name(rest, ctx.language) or _proper_organisation(rest)) if document.group("of") else None
        body = (ctx.organisations.get(issuer.lower(), issuer) if issuer else None) or ctx.last_named_body
        if body:
            ctx.body(body)
            return Attribution((body,), None, evidence)
    outlet = _MEDIA.match(np.strip())
    if outlet and ctx.last_outlet:  # "note le quotidien", after "rapporte Le Parisien"
        ctx.bodies.add(ctx.last_outlet)
        return Attribution((ctx.last_outlet,), None, evidence)
    alone = np.strip()
    if alone in FIRST_NAMES and alone not in NOT_NAMES and " " not in alone:
        # "grimace Rocco, patron d'un hôtel": a person the text calls by a first name alone
        name = ctx.cast.add_name(alone)
        return Attribution((name,), ctx.cast.roles.get(name), evidence)
    named_body = organisation_name(np, ctx.language)
    proper = None if named_body else _proper_organisation(np, any_name=bodies_by_name)
    if proper and proper not in INSTITUTIONS:
        ctx.last_outlet = proper  # what "le quotidien", "le site" may mean next
    organisation = named_body or proper
    if organisation:
        name = ctx.organisations.get(organisation.lower(), _proper_after_description(organisation))
        head = name.split()[0]
        named = ctx.organisations.get(head)
        if named and named != name and head in ORGANISATION_DESCRIPTIONS and _DESCRIBED_BODY.match(name):
            name = named  # "l'association de défense de la communauté LGBT", after "l'association SOS Homophobie"
        elif name.islower() and (noun := _described_head(name)) in ORGANISATION_DESCRIPTIONS:
            if ctx.last_named_body and noun in ctx.last_named_body.lower().split():
                # "le centre basé en Floride", after "le Centre national des ouragans"; "the
                # group said", after "the Rail Delivery Group"
                name = ctx.last_named_body
            elif ctx.last_body:
                name = ctx.last_body  # "l'institut de surveillance", after "Vigicrues" spoke
        if name == proper and re.match(r"L[ae]s?\s|L['’]", name):
            ctx.bodies.add(name)  # "Le Parisien": not what a later "l'organisation" means
        else:
            ctx.body(name)
        return Attribution((name,), None, evidence)
    described = describe(np)
    named = _NAME_AFTER_DESCRIPTION.match(np, described.end()) if described else None
    if named and named.group(1).split()[0] not in NOT_NAMES and not organisation_name(named.group(1)):
        name = ctx.cast.add_name(named.group(1))  # "a dit le vétéran Tzi Ma": a name briefgen could not tell
        return Attribution((name,), np[:described.end()].strip(), evidence)
    if described:  # "explique le gérant", "a ajouté l'ancienne députée": the person just spoken of
        person = _described_antecedent(described, ctx)
        if person:
            ctx.phrases[phrase_key(np)] = person
            return Attribution((person,), ctx.cast.roles.get(person), evidence)
    return Attribution((), None, evidence, phrase_key(np) if role or described else None)


def _proper_after_description(name: str) -> str:
    """A body's own name after words that only say what it is: "groupe Vermeil Santé" →
    "Vermeil Santé", "organización agraria COAG Jaén" → "COAG Jaén", "Werkgeversorganisatie
    Voka" → "Voka" (a compound whose end is such a word); "syndicat de police Alliance" and
    "Institut Pasteur" stay whole."""
    words = name.split()
    first, low = words[0], words[0].lower()
    described = (first == low or first.isupper()) and low in ORGANISATION_DESCRIPTIONS
    compound = first[:1].isupper() and any(low.endswith(d) and len(low) >= len(d) + 4
                                           for d in ORGANISATION_DESCRIPTIONS)
    if len(words) < 2 or not (described or compound):
        return name
    k = 1
    while k < len(words) - 1 and words[k].islower() and words[k] not in NAME_PARTICLES:
        k += 1  # an adjective: "agraria"
    rest = words[k:]
    # "пресс-служба Российской федерации баскетбола": the body it speaks for, in the nominative
    return nominative_head(" ".join(rest), None) if rest[0][:1].isupper() else name


# a proper name going on with lower-case words of another language: "Eurogroup for animals"
_NAME_GOES_ON = re.compile(r"(?:\s+(?:for|of|and|the|on|in)\s+[\w’'-]+)+(?=\s*(?:[,.;:(]|$))")
# a body's head and a description in lower case, not a name: "association de défense des …",
# "groupe ferroviaire", "association"
_DESCRIBED_BODY = re.compile(r"^[\w-]+(?:$|\s+(?!(?:de|du|des)\s|d['’])(?-i:[a-zà-ÿ])"
                             r"|\s+(?:de|du|des|d['’])\s*(?:(?:la\s+|l['’])|(?!la\s|l['’]))(?-i:[a-zà-ÿ]))")
_NAME_AFTER_DESCRIPTION = re.compile(r"\s+([A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){1,2})(?=\s*(?:[,.;:()]|$))")
# "le quotidien", "le quotidien local", "el diario": a newspaper by what it is
_MEDIA = re.compile(r"^(?:(?:" + "|".join(re.escape(a) for a in ORGANISATION_ARTICLES) + r")\s*)?(?:[\w-]+\s+)?(?:"
                    + "|".join(re.escape(m) for m in sorted(MEDIA, key=len, reverse=True))
                    + r")(?:\s+[a-zà-ÿ]+)?$", re.IGNORECASE)
# what follows a person's single name in an apposition: an indefinite description ("une
# enseignante algéroise", "un habitant") or an age ("51 ans", "51 años", "51 anni")
_PERSON_APPOSITION = re.compile(r"(?:un|une|uno|una|um|uma|a|an)\s+[a-zà-ÿ]{4,}\b(?!\s+(?:de|du|des|of)\s+[A-ZÀ-Ý])"
                                r"|\d{1,3}\s+(?:ans|años|anni|anos|anys|ani|years?)\b", re.IGNORECASE)
_ONE_NAME_AFTER_ROLE = re.compile(r"\s+([A-ZÀ-Ý][a-zà-ÿ’'-]{2,})(?=\s*(?:[,.;:()]|$|\s+[a-zà-ÿ]))")


_DOCUMENT = re.compile(
    # perhaps within a phrase: "in einer Aussendung des ASK Weinviertel", "dans un communiqué de"
    r"^(?P<where>(?:in|en|dans|em|na|no|nel|nella|into|într-un|într-o)\s+(?:einer|einem|un|una|uno|um|uma|a|an)\s+)?"
    r"(?:(?:le|la|l['’]|les|ce|cet|cette|son|sa|leur|el|il|lo|o|a|der|die|das|de|het|the|its|this|este|esta|"
    r"questo|aquest|этот)\s*)?(?:[a-zà-ÿ]+\s+)?(?P<doc>"
    + "|".join(sorted((re.escape(d) for d in DOCUMENTS), key=len, reverse=True))
    + r")\b(?P<of>\s+(?:de|du|des|d['’]|del|della|do|da|of|van|der)\b)?", re.IGNORECASE)


def _opens_with_name(text: str) -> bool:
    """The words after a comma name a person at once: an apposition ("le ministre, Gérald
    Darmanin")."""
    text = text.lstrip()
    mentions = find_mentions(text[:80])
    if not mentions:
        return False
    before = text[:mentions[0].start].split()
    # at once, or after an honorific or a short description with no function word
    # ("padre Lorenzo Baldini", "учительница биологии Ольга Лаптева")
    return (mentions[0].start <= 5 or " ".join(before).lower() in HONORIFICS
            or len(before) <= 3 and not any(w.lower().strip(",") in STOPWORDS for w in before))


def phrase_key(np: str) -> str:
    """A role or description compared across a text: lower case, up to its first comma."""
    return " ".join(np.split(",")[0].lower().split())


def named_later(found: Attribution, ctx: Context, text: int, offset: int, language: str | None = None) -> Attribution:
    """A quote whose role or description named nobody when it was read gets the person the
    same words named later in the text ("a déclaré le porte-parole de l'état-major", the
    colonel's name coming later), else the first person of its gender named just after it
    ("explique le gérant …, alors qu'Aldo Giampaolo rend son tablier"): ``text`` and
    ``offset`` say where the quote is; a phrase that opens with an indefinite determiner of
    the quote's ``language`` ("a senior official", "un habitant") names someone never named."""
    if not found.phrase or found.speakers:
        return found
    indefinite = DETERMINERS_OF[language][0] if language in DETERMINERS_OF else INDEFINITE
    if found.phrase.split()[0].lower() in indefinite:
        return found
    person = ctx.phrases.get(found.phrase)
    role = find_role(found.phrase)
    if not person and role and role.start() == 0 and role.group("det"):
        # "la ministre des sports souhaite « … »" before she is named, "la ministre" after it
        person = ctx.phrases.get(phrase_key(found.phrase[:role.end()]))
    # "le gérant", "l'ancien manager": not a bare role ("дипломат"), nor a role with its own
    # qualifier ("la maire du 10e arrondissement de Paris" is someone the text does not name)
    if not person and describe(found.phrase) and not (role and len(found.phrase.split()) > 3):
        gender = _phrase_gender(found.phrase)
        # a role ("la maire du 10e arrondissement") never names someone known by another role
        person = next((p for p in ctx.cast.named_after(text, offset)
                       if (not gender or ctx.cast.genders.get(p, gender) == gender)
                       and not (role and ctx.cast.roles.get(p))), None)
    if not person:
        return found
    return Attribution((person,), ctx.cast.roles.get(person), f"{found.evidence} (named later)")


def _phrase_gender(phrase: str) -> str | None:
    """The gender a description's article or adjective shows ("le gérant", "l'ancienne")."""
    m = re.match(r"(cette|cet|ce|le|la|l['’])(?:\s+|(?<=['’])\s*)(\w+)", phrase)  # "cette": not "ce" + "tte"
    if not m:
        return None
    if m.group(1) in ("le", "ce", "cet") or m.group(2) in ("ancien", "nouveau"):
        return "m"
    if m.group(1) in ("la", "cette") or m.group(2) in ("ancienne", "nouvelle"):
        return "f"
    return None


_SINGLE_NAME = re.compile(r"^(?P<name>[A-ZÀ-Ý][a-zà-ÿ’'-]+)\s*,\s*")
_SINGLE_ADVERBIALS = frozenset(a.lower() for a in ADVERBIALS)
_LONG_ADVERBIALS = tuple(sorted((a.lower() for a in ADVERBIALS if " " in a), key=len, reverse=True))


def _drop_filler(np: str) -> str:
    """The phrase without the adverbs and dates that may stand between a verb of saying and
    its subject ("encore le député", "jeudi 9 janvier le porte-parole"), and without whom
    the words were said to ("сказал РИА Новости источник")."""
    rest = np
    while True:
        told = next((a for a in ADDRESSEES if rest.startswith(a + " ")), None)
        if told:
            rest = rest[len(told):].lstrip()
            continue
        low = rest.lower()
        phrase = next((a for a in _LONG_ADVERBIALS if low.startswith(a + " ") and rest[:1].islower()), None)
        if phrase:  # "ha detto questa mattina il parroco"
            rest = rest[len(phrase):].lstrip(" ,")
            continue
        m = re.match(r"([\w’'-]+)[\s,]*", rest)
        if not m or m.end() >= len(rest):
            return rest
        word = m.group(1)
        if not (word.isdigit() or (word.islower() and (word in _SINGLE_ADVERBIALS or word in CALENDAR))):
            return rest
        rest = rest[m.end():]


# a definite description of one person: "le gérant", "l'ancienne députée", "la mère de famille"
# (and in other languages, "el portavoz", "o mestre", "der Sprecher": people.description_determiners;
# a noun with its article as an ending, "antrenorul": people.description_endings)
# bodies are not people described ("el sindicato", "die Behörde")
NOT_A_DESCRIPTION = ORGANISATION_DESCRIPTIONS | frozenset(h.lower() for h in ORGANISATION_HEADS)
_OTHER_DETERMINERS = "|".join(re.escape(d) for d in sorted(DESCRIPTION_DETERMINERS, key=len, reverse=True))
_DESCRIPTION = re.compile(r"^(?:(?P<det>l['’]|(?:le|la|ce|cet|cette)(?=\s))\s*"
                          r"(?P<noun>(?-i:(?:ancien|ancienne|jeune|nouveau|nouvelle)?\s*[a-zàâçéèêëîïôûùüÿœ-]{3,}))\b"
                          rf"|(?P<odet>{_OTHER_DETERMINERS})\s+(?P<onoun>(?:\d+-)?[^\W\d_]{{3,}})(?![\w’'-])"
                          r"|(?P<enoun>(?-i:[^\W\d_A-ZÀ-Ý]{3,}(?:" + "|".join(DESCRIPTION_ENDINGS or {"$^": None})
                          + r")))(?![\w’'-]))",
                          re.IGNORECASE)


def only_described(np: str) -> bool:
    """``np`` names nobody and no role: all it holds is what ``describe`` takes for a person."""
    return bool(describe(np.strip())) and not find_mentions(np) and not find_role(np)


def describe(np: str) -> re.Match | None:
    """``np`` describes one person ("le gérant", "o mestre", "die 58-Jährige", "antrenorul"),
    or None: not a body, not an object ("recordó la huelga"), not a plural ("the unions"),
    not a word of a name ("a senior NATO official")."""
    described = _DESCRIPTION.match(np)
    if not described:
        return None
    if described.group("odet"):
        noun = described.group("onoun").lower()
        det = described.group("odet").lower()
        if re.match(r"\s+[A-ZÀ-Ý]", np[described.end():]):
            return None  # "a senior NATO official": a word of a name follows
        capital = described.group("onoun").lstrip("0123456789-")[:1].isupper()
        if capital and det not in CAPITALISED_DETERMINERS:
            return None  # "a NATO diplomat": a name, not a description
        plural = noun.endswith("s") and not noun.endswith(("ss", "us"))  # "the unions said"
        if not (noun.endswith(DESCRIPTION_SUFFIXES.get(det, ())) or noun in PERSON_DESCRIPTIONS) \
                or noun in STOPWORDS or plural:
            return None  # "recordó la huelga", "der nicht genannt werden wollte": no person
    noun, _ = _description_noun(described)
    return None if noun in NOT_A_DESCRIPTION else described


def _description_noun(described: re.Match) -> tuple[str, str | None]:
    """The noun of a description and the gender its article or ending shows."""
    if described.group("det"):
        det, noun = described.group("det").lower(), described.group("noun").lower()
        if noun in NOUN_GENDERS:  # "l'homme": a man, whatever his noun ends with
            return noun, _phrase_gender(f"{det} {noun}") or NOUN_GENDERS[noun]
        return noun, _phrase_gender(f"{det} {noun}") or ("f" if noun.endswith(("e", "euse", "rice")) else None)
    if described.group("odet"):
        return described.group("onoun").lower(), DESCRIPTION_DETERMINERS.get(described.group("odet").lower())
    noun = described.group("enoun").lower()
    return noun, next((g for e, g in DESCRIPTION_ENDINGS.items() if noun.endswith(e)), None)


def _described_antecedent(described: re.Match, ctx: Context, candidates: list[str] | None = None) -> str | None:
    """The person a description names: the one the same noun named before in the text ("le
    chercheur" once Didier Raoult, "le chercheur marseillais" later), else the first of
    ``candidates`` whose gender fits (by default the person just spoken of)."""
    noun, gender = _description_noun(described)
    head = noun.split()[-1]
    if head in ctx.described:
        return ctx.described[head]
    if candidates is None:  # the person just spoken of, else the one other descriptions named
        candidates = ctx.unquoted(ctx.antecedents(people=True)) + ctx.unquoted(ctx.cast.most_named())[:1] \
            + list(ctx.described.values())[::-1]
    for candidate in candidates:
        if gender and ctx.cast.genders.get(candidate, gender) != gender:
            continue
        ctx.described[head] = candidate
        return candidate
    return None


def demonstrative_antecedent(np: str, ctx: Context) -> str | None:
    """The person "ce scientifique", "cette élue" points back to: the one the same noun named
    before, else the person the text names most (the one it is about), if the gender fits."""
    described = describe(np)
    if not described or find_mentions(np):
        return None
    return _described_antecedent(described, ctx, [c for c in ctx.cast.most_named()[:1] if c not in ctx.bodies])


def _role_antecedent(role: re.Match, np: str, ctx: Context) -> str | None:
    """"le Premier ministre" when the text never tied that role to a name: the person the
    text was just speaking of, if the role fits them (gender, and no other role known)."""
    gender = role_gender(role.group("det"), np[role.start("head"):])
    head = role.group("head").lower()
    if head in ctx.described:  # the role named someone before: the same person
        return ctx.described[head]
    # the person just spoken of; else the first of the people just named together ("X et Y
    # ont-ils enterré la hache de guerre ? « … » pour le maire de Meaux"); else the most named
    candidates = ctx.unquoted(ctx.antecedents(people=True) + list(ctx.last_group[:1]))
    for candidate in candidates + ctx.unquoted(ctx.cast.most_named())[:1]:
        known = ctx.cast.roles.get(candidate)
        if known and head not in known.lower() and head not in PERSON_DESCRIPTIONS:
            continue  # "le Premier ministre" is not the person known as "ministre des Armées"
        if gender and ctx.cast.genders.get(candidate, gender) != gender:
            continue
        ctx.described[head] = candidate
        return candidate
    return None


# the articles of every language; "a" (Portuguese) only before a capital: "a company" is English
_ARTICLE = ("(?:" + "|".join(a if a.endswith(("'", "’")) else a + r"\s" for a in map(re.escape, ORGANISATION_ARTICLES)
                             if a != "a") + r"|a\s(?=(?-i:[A-ZÀ-Ý])))")
_ORGANISATION = re.compile(
    rf"^(?:{_ARTICLE}\s*)?(?P<name>(?:"
    + "|".join(re.escape(h) for h in sorted(ORGANISATION_HEADS, key=len, reverse=True))
    # a compound whose end is a body ("Verteidigungsministerium", "Landgericht")
    + (r"|(?-i:[A-ZÄÖÜ])[\w-]*(?:" + "|".join(ORGANISATION_COMPOUNDS) + ")" if ORGANISATION_COMPOUNDS else "")
    + r")\b.*)$|^(?:(?:le|la|les|l['’]|the)\s*)(?P<acronym>(?-i:[A-Z][A-Z0-9]{1,9})\b.*)$",
    re.IGNORECASE | re.DOTALL)
def _end_of_name(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\s*(?:[,;]|\s(?:" + "|".join(words) + r")\b|\s[a-zà-ÿ]{3,}ant\b)", re.IGNORECASE)


# a name stops at a comma, at an end word (of every language, or of the paragraph's language),
# or at a participle ("le ministère répondant aux accusations")
_ORGANISATION_END = _end_of_name(ORGANISATION_END)
_ORGANISATION_END_OF = {code: _end_of_name(words) for code, words in ORGANISATION_END_OF.items()}


_PROPER = re.compile(r"^(?P<name>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)?)(?=\s*(?:[,;.:(]|$)|\s+[a-zà-ÿ])")
_NOT_A_BODY = frozenset("Le La Les L Un Une Il Elle Ils Elles On Ce Cette Cet Ces Selon Pour Mais Et Plusieurs "
                        "Certains Certaines Beaucoup Tous Toutes Aucun Aucune Chacun Quelques Deux Trois Nombre "
                        "The He She They It We Several Some Many Both All".split())


_TITLE_WITH_ARTICLE = re.compile(
    r"^(?P<name>(?:Les|Le|La|les|le|la)\s+[A-ZÀ-Ý][\w’'-]+(?:\s+(?:(?:du|des|de\s+la|de|d['’])\s*)?[A-ZÀ-Ý][\w’'-]+){0,3})"
    r"(?=\s*(?:[,;.:(]|$)|\s+[a-zà-ÿ])")


def _proper_organisation(np: str, any_name: bool = True) -> str | None:
    """A speaker named by a proper noun that is no person's name ("selon Vigicrues",
    "prévient Keraunos", "a indiqué Matignon"); unless ``any_name``, only a known
    institution or capital ("Moscou a dénoncé")."""
    titled = _TITLE_WITH_ARTICLE.match(np.strip()) if any_name else None
    if titled:
        # "ont prévenu Les Républicains", "rapporte Le Parisien", "selon Le Dauphiné Libéré",
        # "La Voix du Nord": a name with its article, which no person's name has
        name = titled.group("name")
        second = name.split()[1]
        # with its article in lower case ("indique la Chaine Météo"), a whole phrase only: not
        # "le Grand port maritime", "le Dr B K Naik", "les Français"
        whole = name[:1].isupper() or not (name.startswith("les") or second in TITLES
                                           or re.match(r"\s+[a-zà-ÿ]", np.strip()[titled.end():]))
        if whole and second not in NOT_NAMES and second not in _NOT_A_BODY and not find_mentions(name) \
                and not find_role(np):
            return name[:1].upper() + name[1:]
    m = _PROPER.match(np.strip())
    if not m:
        return None
    first = m.group("name").split()[0]
    if any_name and re.fullmatch(r"L['’][A-ZÀ-Ý][\w-]{2,}", m.group("name")):
        return m.group("name")  # "selon L'Express"
    if not any_name and m.group("name") not in INSTITUTIONS:
        return None
    if re.match(r"\s+(?:et|and)\s+[A-ZÀ-Ý]", np.strip()[m.end():]):
        return None  # "Washington et Bruxelles": not one body
    if (first in _NOT_A_BODY or (first in NOT_NAMES and first not in INSTITUTIONS) or first[1:2] in ("'", "’")
            or first in FIRST_NAMES or find_mentions(m.group("name"))):
        return None
    return m.group("name")


def known_organisations(texts: list[str]) -> dict[str, str]:
    """The organisations a text names in full, by their head noun: {"ministère": "ministère de
    la Culture"} — only heads that name one organisation, so a short mention is unambiguous."""
    full: dict[str, set[str]] = {}
    called: dict[str, str] = {}
    for text in texts:
        for m in _ORGANISATION_MENTION.finditer(text):
            head = m.group("head")
            if m.group("proper") and head.islower() and head in ORGANISATION_DESCRIPTIONS and not m.group("of") \
                    and not m.group("adj"):
                # "l'association SOS Homophobie": a body called by its own name, which a later
                # "l'association" or "l'association de défense des …" means too
                name = m.group("proper").strip()
                more = _NAME_GOES_ON.match(text, m.end())
                name += more.group(0) if more else ""  # "l'association Eurogroup for animals"
                if not find_mentions(name) and name.split()[0] not in NOT_NAMES:
                    called[f"{head} {name}".lower()] = name
                    full.setdefault(head.lower(), set()).add(name)
                continue
            name = _mentioned_name(m, text)
            if name:
                full.setdefault(head.lower(), set()).add(name)
        for name, acronym in _definitions(text):
            # "la Commission nationale de l'informatique et des libertés (CNIL)": what a later
            # "la CNIL" stands for
            full.setdefault(acronym.lower(), set()).add(name)
    return called | {head: names.pop() for head, names in full.items() if len(names) == 1}


def _mentioned_name(m: re.Match, text: str) -> str | None:
    """The name of the body an ``_ORGANISATION_MENTION`` match in ``text`` names, without its
    article: None for a bare head ("le ministère"), which names none by itself."""
    if not (m.group("of") or m.group("adj") or m.group("proper") and m.group("head")[:1].isupper()):
        return None
    found = m.group(0)[m.start("head") - m.start():]
    common = _COMMON_COMPLEMENT.match(text, m.end())
    if common and m.group("head")[:1].isupper() and not m.group("of"):
        found += common.group(0)  # "le Centre national des ouragans", "l'Inspection générale de la justice"
    return found


_COMPLEMENT_WORDS = "|".join(re.escape(w).replace(r"\ ", r"\s+") + ("" if w.endswith(("'", "’")) else r"(?=\s)")
                             for w in ORGANISATION_COMPLEMENTS)
_ORGANISATION_MENTION = re.compile(
    rf"(?<![\w’'])(?:{_ARTICLE})\s*(?P<head>"
    + "|".join(re.escape(h) for h in sorted(ORGANISATION_HEADS, key=len, reverse=True)) + r")\b"
    # an adjective that is part of its name: "Conseil scientifique", "Centre hospitalier"
    r"(?P<adj>(?-i:\s+[a-zà-ÿ]+(?:ères?|aires?|ales?|al|aux|iques?|iennes?|iens?|aises?|ais|ées?|és?|ifs?|ives?|iers?|"
    r"onnes?|oises?|ois|aines?|andes?|ands?)"
    r"(?![\w’'-])))?"
    # a name of its own after a head in capitals: "il Comitato Oltrarno Vivo", "el Teatre Lliure"
    r"(?P<proper>(?-i:\s+[A-ZÀ-Ý][\w’'-]+){1,3})?"
    # its complements, when they name it: "de la Culture", "des Affaires étrangères", "du Nord",
    # "de Comerç de Barcelona"
    r"(?P<of>(?:\s+(?:" + _COMPLEMENT_WORDS + r")\s*(?-i:[A-ZÀ-Ý][\w’'-]*"
    r"(?:\s+(?:et\s+(?:de\s+la\s+|des\s+|du\s+|de\s+)?)?[A-ZÀ-Ý][\w’'-]*)*"
    r"(?:\s+[a-zà-ÿ]+(?:ères?|aires?|ales?|al|aux|iques?|iennes?|iens?|aises?|ais|ées?|és?|ifs?|ives?)(?![\w’'-]))?)){1,2})?",
    re.IGNORECASE)


# a name defined with its acronym: "Conseil d'analyse économique (CAE)"
_DEFINED = re.compile(r"(?P<name>[A-ZÀ-Ý][\w’'-]*(?:\s+[\w’'-]+){1,7}?)\s+\((?P<acronym>[A-ZÀ-Ý]{2,8})\)")


def defined_acronym(sentence: str) -> str | None:
    """The first name in ``sentence`` followed by an acronym made of its words' initials
    ("Conseil d'analyse économique (CAE)"), without the acronym."""
    return next((name for name, _ in _definitions(sentence)), None)


def _definitions(sentence: str):
    """(name, acronym) of each name in ``sentence`` followed by an acronym of its words'
    initials."""
    for m in _DEFINED.finditer(sentence):
        words = re.findall(r"[\w]+", m.group("name").replace("’", " ").replace("'", " "))
        initials = [unicodedata.normalize("NFD", w[0].upper())[0] for w in words]  # "économique": E
        acronym = m.group("acronym")
        # the acronym's letters are initials of the name's last words, in order ("d'" may be skipped)
        for start in range(len(words)):
            picked, k = [], start
            for letter in acronym:
                while k < len(words) and initials[k] != letter:
                    k += 1
                if k == len(words):
                    break
                picked.append(k)
                k += 1
            if len(picked) == len(acronym) and picked[0] == start and words[start][0].isupper() \
                    and not (words[start].lower() in ORGANISATION_ARTICLES and start + 1 < len(words)):
                # "A Associação do Alojamento Local em Portugal (ALEP)": the article is no initial
                name = m.group("name")
                cut = name.find(words[start])
                yield name[cut:].strip(), acronym
                break


# a document followed by the proper name of whoever made it: "une étude Odoxa-CGI", "a YouGov survey"
_ISSUED_BY = re.compile(r"\b(?:" + "|".join(re.escape(d) for d in sorted(DOCUMENTS, key=len, reverse=True))
                        + r")\s+(?P<issuer>(?-i:[A-Z][\w-]*[A-Z0-9][\w-]*|[A-Z][a-z]+-[A-Z][\w-]*))(?![\w’'-])",
                        re.IGNORECASE)


def first_named_organisation(sentence: str, ctx: Context) -> str | None:
    """The first organisation ``sentence`` names in full ("un rapport émanant du Conseil
    d'analyse économique (CAE)"): what "le rapport" speaks for, there and after."""
    defined = defined_acronym(sentence)
    if defined and not find_mentions(defined):
        return defined
    issued = _ISSUED_BY.search(sentence)
    if issued and not find_mentions(issued.group("issuer")) and issued.group("issuer") not in NOT_NAMES:
        return issued.group("issuer")  # "une étude Odoxa-CGI", "un sondage Ifop": who made it
    head_last = _HEAD_LAST.search(sentence)
    for m in _ORGANISATION_MENTION.finditer(sentence):
        if head_last and head_last.start() < m.start():
            break
        found = _mentioned_name(m, sentence)
        if found:
            name = organisation_name(found, ctx.language) or found
            if name.lower() in ORGANISATION_DESCRIPTIONS:
                continue  # "le centre basé en Floride": a description, not a name
            return ctx.organisations.get(name.split()[0].lower(), name)
    if head_last and not find_mentions(head_last.group("name")):
        return head_last.group("name")  # "The Rail Delivery Group, which represents …"
    return None


# a body's name whose head comes last, capitalised ("the Rail Delivery Group", "the Financial
# Conduct Authority"), as English and Dutch write them, after an article of the language data
_HEAD_LAST = re.compile(
    r"(?<![\w’'])(?i:" + "|".join(re.escape(a) for a in ORGANISATION_ARTICLES if a.isalpha())
    + r")\s+(?P<name>(?:[A-Z][\w’'&-]*\s+){1,3}(?:"
    + "|".join(sorted({re.escape(h[:1].upper() + h[1:]) for h in ORGANISATION_HEADS if " " not in h and h.isalpha()},
                      key=len, reverse=True)) + r"))(?![\w’'-])")


# a complement in lower case that ends a body's name when its head has a capital
_COMMON_COMPLEMENT = re.compile(
    r"\s+(?:" + _COMPLEMENT_WORDS + r")\s*(?-i:[a-zà-ÿ]{4,})(?=\s*(?:[,.;:(]|$))", re.IGNORECASE)


def subject_organisation(clause: str) -> str | None:
    """The organisation a clause opens with ("Le Conseil scientifique estime …", "La Carmf,
    qui …"): its name as the text gives it, or None."""
    m = _ORGANISATION_MENTION.match(clause.lstrip())
    if m:
        return _before_verb(m.group(0)[m.start("head") - m.start():], None)
    m = re.match(r"\s*(?:Le|La|Les|L['’])\s*(?P<name>[A-Z][A-Za-z]{2,12})(?=\s*[,(]|\s+(?:a|qui|est|estime)\b)", clause)
    return m.group("name") if m and m.group("name") not in NOT_NAMES and not find_mentions(m.group("name")) else None


_CLAUSE_BREAK = re.compile(r"\s[–—-]\s|;\s|:\s")


def _name_before_verb(name: str | None) -> str | None:
    """A body's name that holds a proper name after its first word, up to the first word in
    lower case that neither joins words of a name nor comes before one ("Administrația
    Fondului pentru Mediu (AFM) va deschide" → "… pentru Mediu", "Gewerkschaftsbund ÖGB
    zeigte sich" → "Gewerkschaftsbund ÖGB"); None for a name with no such proper name
    ("opposition demande la dissolution …", "Droite comme gauche"), whose words the text may
    only have opened a sentence with."""
    if not name:
        return None
    words = name.split()
    for k in range(1, len(words)):
        word, after = words[k], words[k + 1:k + 3]
        if not word[:1].islower() or word.lower() in _NAME_JOINS:
            continue
        if after and (after[0][:1].isupper() or after[0].lower() in _NAME_JOINS and len(after) > 1
                      and after[1][:1].isupper()):
            continue  # "agraria Asaja-Sevilla", "maritime de Marseille" go on; "ÖGB zeigte sich" does not
        words = words[:k]
        break
    while len(words) > 1 and words[-1].lower() in _NAME_JOINS:
        words = words[:-1]  # "Grand Port maritime de Marseille a"
    if not any(w[:1].isupper() for w in words[1:]):
        return None
    return _TRAILING_ACRONYM.sub("", " ".join(words)).strip(" ,") or None


# the words that join the words of a body's name ("de la", "pentru", "y", "i")
_NAME_JOINS = frozenset(w.lower() for c in ORGANISATION_COMPLEMENTS for w in c.split()) | frozenset(
    w.lower() for w in AND_WORDS) | NAME_PARTICLES


def opening_body(clause: str, ctx: Context) -> str | None:
    """The body a clause opens with, past its asides ("En un comunicado difundido a mediodía,
    la Autoridad Portuaria aseguró", "En el campo, la organización agraria Asaja-Sevilla ha
    calificado de"), or named by a name alone: one the text names as a body elsewhere, an
    acronym ("USTEC·STEs, en canvi, ha qualificat", "a CP lamentou"), or a capitalised word
    the text writes inside its sentences too ("Renfe, por su parte, lamentó"); never a
    person's name, a role, or a word capitalised only because it opens the sentence."""
    text = _CLAUSE_BREAK.split(clause)[-1].lstrip(" \u00a0\u202f«“\"„»-–—")
    if find_role(text) or find_mentions(text):
        return None  # "PF faz buscas no Bandeirante e presidente do clube fala em": someone nearer
    for _ in range(2):  # "En el campo, ", "Em comunicado, "
        head, comma, rest = text.partition(",")
        if not (comma and rest.strip() and (_aside(head) or head.strip().lower() in _SINGLE_ADVERBIALS)):
            break
        text = rest.lstrip()
    for body in (subject_organisation(text), _name_before_verb(organisation_name(text.split(",")[0], ctx.language))):
        # a name, not what a body is ("la organización" alone)
        if body and not find_mentions(body) and _described_head(body) != body.lower() \
                and body.split()[0].lower() not in BEFORE_PLACES:  # "Dal Ministero": from the ministry
            return ctx.organisations.get(body.lower(), _proper_after_description(body.rstrip(" „“«\"")))
    m = _OPENING_NAME.match(text)
    if not m:
        return None
    name = m.group("name").rstrip(".")
    words = [w for w in name.split() if w[:1].isupper()]
    if find_mentions(name) or find_role(name) or describe(name) or ctx.cast.known_surname(name) \
            or words[0].lower() in BEFORE_PLACES \
            or any(w in FIRST_NAMES or w in NOT_NAMES or w.lower() in STOPWORDS for w in words):
        return None  # a person, a post; "Dal Ministero": a preposition, capitalised
    known = name in ctx.bodies or name in ctx.named_bodies or name.lower() in ctx.organisations
    acronym = sum(c.isupper() for c in words[0]) >= 2 and words[0][:2].isupper()
    # a name the text writes inside its sentences too, then a comma or a verb: "Renfe, por su
    # parte, lamentó"; not "Le Grand port maritime", "Barcelona" and its port
    follows = text[m.end():].split(None, 1)
    word = follows[0].lower().strip(",") if follows else ""
    verb = word in _REPORTING_WORDS or word in ALL_AUXILIARIES  # any language's verb of saying or auxiliary
    written_inside = (name in ctx.proper_words and ctx.language not in CAPITALISED_NOUN_LANGUAGES
                      and (text[m.end():].lstrip()[:1] in (",", "(") or verb))
    return ctx.organisations.get(name.lower(), name) if known or acronym or written_inside else None


# a capitalised word, and a run of them, perhaps joined ("Gremi de Llibreters de Catalunya",
# "Gremi d'Hostaleria")
_CAPITALISED = r"(?-i:[A-ZÀ-ÝÄÖÜ])[\w·&’'.-]*"
_JOIN_WORDS = (r"\s+(?:" + "|".join(sorted((re.escape(w) for w in _NAME_JOINS if w.isalpha()), key=len, reverse=True))
               + r")\s+|\s+(?:" + "|".join(sorted((re.escape(c) for c in ORGANISATION_COMPLEMENTS
                                                 if c.endswith(("'", "’"))), key=len, reverse=True)) + ")")
NAME_JOIN = re.compile(_JOIN_WORDS)
PROPER_RUN = re.compile(_CAPITALISED + r"(?:(?:" + _JOIN_WORDS + r"|\s+)" + _CAPITALISED + r"){0,5}")
# a name that opens a clause, after an article perhaps, and before a comma, a bracketed
# acronym or a word in lower case (its verb): "Renfe, por su parte, lamentó", "a CP lamentou"
_OPENING_NAME = re.compile(r"(?:(?P<article>(?i:" + "|".join(re.escape(a) for a in ORGANISATION_ARTICLES)
                           + r"))(?:\s+|(?<=['’])))?(?P<name>" + PROPER_RUN.pattern
                           + r")(?=\s*[,(]|\s+(?-i:[a-zà-ÿ]))")


def subject_document(clause: str, ctx: Context) -> Attribution | None:
    """The body a clause's opening document speaks for ("Le rapport présente …", "L'étude
    du CAE recommande …"): the body that issued it, or None."""
    m = _DOCUMENT.match(clause.lstrip())
    if not m or m.group("doc").lower() != m.group("doc") or find_mentions(clause[:m.end() + 60]):
        return None
    np = m.group(0)
    if m.group("of"):  # the issuer's name: its capitalised words and the words that join them
        issuer = re.match(r"\s*(?:(?:l['’]|la|le|les|de|du|des|d['’]|et)\s*|[A-ZÀ-Ý][\w’'-]*\s*)+",
                          clause.lstrip()[m.end():])
        np += issuer.group(0) if issuer else ""
    found = resolve_phrase(np, ctx, "subject of the sentence")
    return found if found.speakers else None


def organisation_name(np: str, language: str | None = None) -> str | None:
    """The organisation a noun phrase names ("la préfecture du Nord dans un communiqué" →
    "préfecture du Nord"), without its article; None if it names none. The name ends at a
    word that ends names in ``language`` (in any language when None)."""
    np = np.strip()
    first, _, rest = np.partition(" ")
    if first.lower() in ORGANISATION_SPEAKING_IN and rest:
        np = rest  # "в МИД России (отметили)"
    np = nominative_head(np, language)  # "в министерстве экологии": "министерство экологии"
    m = _ORGANISATION.match(np)
    if not m:
        # adjectives before the head, in languages that put them there ("Объединенная
        # судостроительная корпорация")
        words = np.split()
        if words and words[0].lower() in ORGANISATION_ARTICLES:
            words = words[1:]  # "Die Europäische Kommission"
        k = 0
        # or capitalised words before it ("The Estonian Ministry of Defence", "Commerce Department")
        while k < min(2, len(words) - 1) and (words[k].lower().endswith(ORGANISATION_ADJECTIVE_ENDINGS)
                                              or (words[k][:1].isupper() and words[k] not in NOT_NAMES)):
            k += 1
        m = _ORGANISATION.match(" ".join(words[k:])) if k else None
        if not m or not m.group("name"):
            return None
        adjectives = " ".join(words[:k]) + " "
    else:
        adjectives = ""
    name = adjectives + (m.group("name") or m.group("acronym"))
    if m.group("acronym") and (not m.group("acronym")[:2].isupper() or find_role(m.group("acronym").split()[0])):
        return None  # "le PDG de la SNCF" is a person
    end = _ORGANISATION_END_OF.get(language, _ORGANISATION_END).search(name)
    name = name[: end.start()] if end else name
    name = _before_verb(name, language)
    described = _DESCRIBED_AFTER_NAME.match(name)
    if described:  # "Human Right Watch de défense des droits de l'Homme": what it is, after its name
        name = described.group(1)
    words = name.split()
    if len(words) > 2 and words[-1] in ADDRESSEES and words[-1].islower():
        name = " ".join(words[:-1])  # "… федерации баскетбола агентству сообщили": told to the agency
    # "Associação Brasileira de Supermercados (Abras)": the acronym is another name for it
    name = _TRAILING_ACRONYM.sub("", name.strip(" .,"))
    return name if 2 <= len(name) <= 80 else None


# a proper name of three capitalised words or more, then "de" and a word in lower case: what
# the body is, not its name ("l'ONG Human Right Watch de défense des droits de l'Homme"; not
# "Haut Conseil de la santé publique")
_DESCRIBED_AFTER_NAME = re.compile(r"^(.*?\b[A-ZÀ-Ý][\w’'-]+\s+[A-ZÀ-Ý][\w’'-]+\s+[A-ZÀ-Ý][\w’'-]+)\s+"
                                   r"(?:de|des|du|d['’])\s*"
                                   r"(?:la\s+|l['’])?(?=[a-zà-ÿ])")
# an acronym in brackets after a body's name, then words in lower case: the name ended there
# ("Associação Brasileira de Combate à Falsificação (ABCF) elogiou a operação")
_ACRONYM_THEN_LOWER = re.compile(r"\s+\((?=[^()]*[A-ZА-Я])[\w.&-]{2,12}\)\s+(?=[a-zà-ÿа-я])")


def _before_verb(name: str, language: str | None) -> str:
    """A body's name up to a verb of saying in lower case ("A Polícia Judiciária confirmou,
    numa nota, que", "L'opposition demande"), or to the words after its acronym."""
    after_acronym = _ACRONYM_THEN_LOWER.search(name)
    if after_acronym and name[after_acronym.end():].split()[0].lower() not in _NAME_JOINS:
        name = name[:after_acronym.start()]  # not "(SDIS) du Nord"
    verbs = REPORTING_WORDS_OF.get(language or "", _REPORTING_WORDS)
    words = name.split(" ")
    cut = next((i for i, w in enumerate(words) if i and w.islower() and w.strip(",.") in verbs), None)
    return " ".join(words[:cut]) if cut else name


_REPORTING_WORDS = frozenset().union(*REPORTING_WORDS_OF.values())


_TRAILING_ACRONYM = re.compile(r"\s+\((?=[^()]*[A-ZА-Я])[\w.&-]{2,12}\)$")


def _described_head(name: str) -> str:
    """The noun of a body's description, after the adjectives of languages that put them
    first ("надзорное ведомство": "ведомство")."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and words[k].endswith(ORGANISATION_ADJECTIVE_ENDINGS):
        k += 1
    return words[k] if words else ""


def _a_pronoun(word: str, language: str | None) -> bool:
    """``word`` (lower case) is a subject pronoun in the paragraph's language: Italian "il"
    is an article ("Il Corpo forestale … ha spiegato"), French "il" a pronoun."""
    singular, plural = PRONOUNS_OF.get(language or "", ({}, frozenset()))
    if singular:
        return word in singular or word in plural
    return word in SINGULAR_PRONOUNS or word in PLURAL_PRONOUNS


def _verb_beside(pron: str, evidence: str) -> str | None:
    """The word next to a subject pronoun in its cue, the verb: "zei ze" → "zei", "ze zeiden" →
    "zeiden"."""
    words = re.findall(r"[\w’'-]+", evidence.lower())
    at = max((i for i, w in enumerate(words) if w == pron.lower()), default=None)
    if at is None:
        return None
    return words[at - 1] if at > 0 else (words[at + 1] if at + 1 < len(words) else None)


def _pronoun_kind(pron: str, ctx: Context, verb: str | None = None) -> tuple[str | None, bool]:
    """(gender, plural) of a subject pronoun as the paragraph's language uses it (Portuguese
    "ele" is "he", Romanian "ele" is "they"); the gender is None for "on". A pronoun that is
    both ("ze", "sie") is plural when its ``verb`` is ("zeiden ze"), else singular."""
    pron = pron.lower()
    singular, plural = PRONOUNS_OF.get(ctx.language or "", (SINGULAR_PRONOUNS, PLURAL_PRONOUNS))
    if pron not in singular and pron not in plural:  # a language's word that another uses
        singular, plural = SINGULAR_PRONOUNS, PLURAL_PRONOUNS
    if pron in singular and pron in plural:
        many = bool(verb) and verb.endswith(PLURAL_VERB_ENDINGS_OF.get(ctx.language or "", ()) or ("\0",))
        return (None if many else singular[pron]), many
    return singular.get(pron), pron in plural


def _pronoun(pron: str, ctx: Context, evidence: str | None, verb: str | None = None) -> Attribution:
    pron = pron.lower()
    gender, plural = _pronoun_kind(pron, ctx, verb)
    if plural:
        return Attribution(ctx.last_group, None, evidence) if ctx.last_group else Attribution()
    if gender is None:  # "on"
        return Attribution((), None, evidence)
    # before anyone has been named, "il" is the person the article is about
    # not a body named with its article, a title ("selon le Parisien, l'ancien chef de l'Etat …,
    # confie-t-il"): no "il" stands for it
    candidates = [c for c in ctx.unquoted(ctx.antecedents(people=pron in PERSON_PRONOUNS))
                  if not _TITLE_WITH_ARTICLE.match(c)]
    for candidate in candidates or ctx.unquoted(ctx.cast.most_named())[:1]:
        if ctx.cast.genders.get(candidate, gender) == gender:  # "he" is no school district
            return Attribution((candidate,), ctx.cast.roles.get(candidate), evidence)
    # nobody spoke or was a subject of that gender: the latest person of that gender the last
    # sentences named in passing ("compter sur la voix de Rachida Dati. … », a-t-elle déclaré")
    for people in reversed(ctx.recent):
        for candidate in reversed(people):
            if ctx.cast.genders.get(candidate) == gender and candidate not in ctx.bodies:
                return Attribution((candidate,), ctx.cast.roles.get(candidate), evidence)
    return Attribution()


def reporting_subjects(sentence: str, ctx: Context) -> Attribution:
    """Who a sentence reports as speaking ("M. Stoltenberg a fait savoir que …"). The
    evidence is set when the sentence reports speech, even by someone it does not name
    ("explique une source policière")."""
    found = Attribution()
    for cue in cues_before(sentence)[::-1]:
        if not cue.strong:
            continue
        resolved = _resolve(cue, ctx, cue.before)
        if resolved.speakers:
            found = resolved
            break
        found = found if found.evidence else Attribution((), None, resolved.evidence or cue.evidence)
    for pattern in _AFTER_WITH_SUBJECT:
        for m in re.finditer(pattern.pattern.lstrip("^"), sentence, re.I):
            resolved = _resolve(Cue.of(m, sentence), ctx, sentence[max(0, m.start() - WINDOW): m.start()])
            if resolved.speakers:
                found = resolved
            elif not found.speakers:
                found = Attribution((), None, resolved.evidence or m.group(0).strip(" ,–—-"))
    return found
