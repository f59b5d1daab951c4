"""Who said a quotation: the reporting words around it, resolved to a full name.

Cues are looked for in the quotation's own sentence, in this order:
1. just after the closing mark: "», a déclaré M. Stoltenberg", "", a-t-il ajouté",
   "», ils ont rappelé", "», selon X", "," he said";
2. before the opening mark: "M. Stoltenberg a souligné que « …", "selon X, « …",
   "a déclaré le secrétaire général – y compris sur « …", "tous deux ont « salué »".
The words found are resolved with the source's Cast (titles, roles, surnames) and, for
pronouns, with the last speaker of the source. No cue, or a cue that names no person:
the speaker is unknown (None), never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import (
    ENGLISH_REPORTING,
    FRENCH_AUXILIARIES,
    PLURAL_PHRASES,
    PLURAL_PRONOUNS,
    REPORTING_PARTICIPLES,
    REPORTING_PRESENT,
    SINGULAR_PRONOUNS,
)
from .people import Cast, find_mentions, find_role

_W = r"[\w’'-]+"
# characters of a noun phrase: no clause-ending punctuation or quote marks, but the dots
# of titles and initials ("M. Stoltenberg", "J. Biden") are part of it
_NP = r"(?:(?:MM|M|Mme|Mmes|Mlle|Dr|Pr|Mr|Mrs|Ms|St|Jr)\.|\b[A-Z]\.(?=\s*[A-Z])|[^.;:«»\"“”])"
_NP_NOCOMMA = r"(?:(?:MM|M|Mme|Mmes|Mlle|Dr|Pr|Mr|Mrs|Ms|St|Jr)\.|\b[A-Z]\.(?=\s*[A-Z])|[^.;:«»\"“”,])"
_ADVERBS = r"(?:\s+(?:aussi|également|encore|ensuite|notamment|alors|déjà|en outre|par ailleurs|"  \
           r"mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche|hier|dimanche|récemment|"  \
           r"publiquement|clairement|ainsi|pour sa part|de son côté|plus tard|enfin))*"
_PARTICIPLE = r"(?P<verb>" + "|".join(sorted(REPORTING_PARTICIPLES, key=len, reverse=True)) + \
              r"|fait (?:savoir|valoir|remarquer|observer))"
_PRESENT = r"(?P<verb>" + "|".join(sorted(REPORTING_PRESENT, key=len, reverse=True)) + r")"
_ENGLISH = r"(?P<verb>" + "|".join(sorted(ENGLISH_REPORTING, key=len, reverse=True)) + r")"
_AUX = r"(?:" + "|".join(FRENCH_AUXILIARIES) + r")"
_PRONOUN = r"(?P<pron>il|elle|ils|elles|on|he|she|they)"

# after the quote (the quote ends a clause)
_AFTER = [
    re.compile(rf"^\s*[,–—-]\s*{_AUX}-t-{_PRONOUN}{_ADVERBS}\s+{_PARTICIPLE}\b", re.I),
    re.compile(rf"^\s*[,–—-]\s*{_PRESENT}-(?:t-)?{_PRONOUN}\b", re.I),
    re.compile(rf"^\s*[,–—-]\s*{_AUX}{_ADVERBS}\s+{_PARTICIPLE}(?P<np>{_NP}{{1,160}})", re.I),
    re.compile(rf"^\s*[,–—-]\s*{_PRESENT}\s+(?P<np>{_NP}{{1,160}})", re.I),
    re.compile(rf"^\s*[,–—-]\s*(?:selon|d['’]après|according to)\s+(?P<np>{_NP}{{1,160}})", re.I),
    re.compile(rf"^\s*[,–—-]\s*(?P<np>{_NP_NOCOMMA}{{1,120}}?)\s+{_AUX}{_ADVERBS}\s+{_PARTICIPLE}\b", re.I),
    re.compile(rf"^\s*[,–—-]\s*(?P<np>{_NP_NOCOMMA}{{1,120}}?)\s+{_PRESENT}\b", re.I),
    re.compile(rf"^\s*,?\s*{_ENGLISH}\s+(?P<np>{_NP}{{1,160}})", re.I),
    re.compile(rf"^\s*,?\s*(?P<np>{_NP_NOCOMMA}{{1,120}}?)\s+{_ENGLISH}\b", re.I),
]
# before the quote: the cue nearest to the quote wins
_BEFORE = [
    re.compile(rf"(?:selon|d['’]après|pour|according to)\s+(?P<np>{_NP_NOCOMMA}{{1,120}}),\s*$", re.I),
    re.compile(rf"{_AUX}-t-{_PRONOUN}{_ADVERBS}\s+{_PARTICIPLE}\b", re.I),
    re.compile(rf"{_AUX}{_ADVERBS}\s+{_PARTICIPLE}(?P<np>\s+(?:le|la|l’|l'|M\.|Mme|MM\.){_NP}{{1,120}}?)\s*[–—-]",
               re.I),
]
# verbs whose subject (the text from the start of the clause up to the verb) may name the speaker
_SUBJECT_VERBS = [
    re.compile(rf"(?<![\w’'-]){_AUX}{_ADVERBS}\s+(?:{_PARTICIPLE}|{_W})", re.I),
    re.compile(rf"(?<![\w’'-]){_AUX}{_ADVERBS}\s*$", re.I),
    re.compile(rf"(?<![\w’'-]){_PRESENT}\b", re.I),
    re.compile(rf"(?<![\w’'-]){_ENGLISH}\b", re.I),
]
_CLAUSE_BREAKS = ";:«»\"“”"
_ABBREVIATION_BEFORE_DOT = re.compile(r"(?:\b(?:MM|M|Mme|Mmes|Mlle|Dr|Pr|Mr|Mrs|Ms|St|Jr)|\b[A-Z])$")


@dataclass(frozen=True)
class Cue:
    """Words that report speech: where they are, and the speaker words they hold."""

    start: int
    end: int
    evidence: str
    np: str = ""
    pron: str | None = None
    verb: str | None = None

    @classmethod
    def of(cls, m: re.Match, np: str | None = None, start: int | None = None, text: str = "") -> Cue:
        groups = m.groupdict()
        begin = m.start() if start is None else start
        evidence = (text[begin:m.end()] if text else m.group(0)).strip(" ,–—-")
        return cls(begin, m.end(), evidence, groups.get("np") or "" if np is None else np,
                   groups.get("pron"), groups.get("verb"))


def _clause_start(text: str, end: int, limit: int = 200) -> int:
    """Where the clause ending at ``end`` begins: after the last ; : or quote mark, or after a
    full stop that is not a title's or an initial's ("M. Stoltenberg")."""
    floor = max(0, end - limit)
    for i in range(end - 1, floor - 1, -1):
        c = text[i]
        if c in _CLAUSE_BREAKS or c == "." and not _ABBREVIATION_BEFORE_DOT.search(text[max(0, i - 4):i]):
            return i + 1
    return floor


@dataclass(frozen=True)
class Attribution:
    speakers: tuple[str, ...] = ()
    role: str | None = None
    evidence: str | None = None

    @property
    def speaker(self) -> str | None:
        return ", ".join(self.speakers) if self.speakers else None


@dataclass
class Context:
    """What is known while reading a source in order: its cast and its last speakers."""

    cast: Cast
    last_single: str | None = None
    last_group: tuple[str, ...] = ()
    last_person: str | None = None
    seen: list[str] = field(default_factory=list)

    def remember(self, speakers: tuple[str, ...]) -> None:
        if len(speakers) == 1:
            self.last_single = speakers[0]
        elif len(speakers) > 1:
            self.last_group = speakers


def attribute(sentence: str, q_start: int, q_end: int, ctx: Context) -> Attribution:
    """The speaker of the quotation at [q_start, q_end) of ``sentence`` (marks excluded)."""
    after = sentence[_skip_closing(sentence, q_end):]
    for pattern in _AFTER:
        m = pattern.match(after)
        if m:
            found = _speaker_from(Cue.of(m), ctx)
            if found.speakers:
                return found
    before = sentence[: _skip_opening(sentence, q_start)]
    for cue in _last_matches(before):
        found = _speaker_from(cue, ctx, subject=True)
        if found.speakers:
            return found
    return Attribution()


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
    while end < len(text) and text[end] in " \u00a0\u202f»”\"":
        end += 1
    return end


def _skip_opening(text: str, start: int) -> int:
    while start > 0 and text[start - 1] in " \u00a0\u202f«“\"":
        start -= 1
    return start


def _last_matches(before: str) -> list[Cue]:
    """Cues before the quote, nearest first."""
    found = [Cue.of(m) for pattern in _BEFORE for m in pattern.finditer(before)]
    for pattern in _SUBJECT_VERBS:
        for m in pattern.finditer(before):
            start = _clause_start(before, m.start())
            found.append(Cue.of(m, np=before[start:m.start()], start=start, text=before))
    return sorted(found, key=lambda cue: -cue.end)


def _speaker_from(cue: Cue, ctx: Context, subject: bool = False) -> Attribution:
    if cue.pron:
        return _pronoun(cue.pron, ctx, cue.evidence)
    np = _clause_subject(cue.np) if subject else cue.np
    return resolve_phrase(np, ctx, cue.evidence)


def _clause_subject(text: str) -> str:
    """The subject part of the text before a verb: after the last clause break, unless
    that leaves only an apposition ("le secrétaire général de l'OTAN, Jens Stoltenberg,")."""
    parts = [p for p in re.split(r"[,;]\s*", text.strip()) if p.strip()]
    if not parts:
        return ""
    tail = parts[-1]
    if len(parts) >= 2 and (find_mentions(tail) and find_role(parts[-2]) and not find_mentions(parts[-2])):
        return parts[-2] + ", " + tail
    return tail


def resolve_phrase(np: str, ctx: Context, evidence: str | None = None) -> Attribution:
    """Speakers named in a noun phrase: names, titles with surnames, roles, pronouns."""
    np = np.strip()
    low = np.lower()
    for phrase in PLURAL_PHRASES:
        if low.startswith(phrase):
            return Attribution(ctx.last_group, None, evidence) if ctx.last_group else Attribution()
    first = low.split()[0] if low.split() else ""
    if first in SINGULAR_PRONOUNS or first in PLURAL_PRONOUNS:
        return _pronoun(first, ctx, evidence)
    mentions = find_mentions(np)
    if mentions:
        names = tuple(ctx.cast.add_name(n) for m in mentions for n in m.names)
        names = tuple(dict.fromkeys(names))
        role = ctx.cast.roles.get(names[0]) if len(names) == 1 else None
        return Attribution(names, role, evidence)
    role = find_role(np)
    if role and role.start() <= 4:  # the phrase is the role itself, not "… du ministre"
        qualifier = np[role.end():]
        person = ctx.cast.by_role_head(role.group("head"), qualifier)
        if person:
            return Attribution((person,), ctx.cast.roles.get(person), evidence)
    return Attribution()


def _pronoun(pron: str, ctx: Context, evidence: str | None) -> Attribution:
    pron = pron.lower()
    if pron in PLURAL_PRONOUNS:
        return Attribution(ctx.last_group, None, evidence) if ctx.last_group else Attribution()
    gender = SINGULAR_PRONOUNS.get(pron)
    if gender is None:  # "on"
        return Attribution()
    for candidate in (ctx.last_single, ctx.last_person):
        if candidate and ctx.cast.genders.get(candidate, gender) == gender:
            return Attribution((candidate,), ctx.cast.roles.get(candidate), evidence)
    return Attribution()


def reporting_subjects(sentence: str, ctx: Context) -> tuple[str, ...]:
    """People a sentence reports as speaking ("M. Stoltenberg a fait savoir que …")."""
    speakers: tuple[str, ...] = ()
    for cue in _last_matches(sentence)[::-1]:
        if not cue.verb:
            continue
        found = _speaker_from(cue, ctx, subject=True)
        if found.speakers:
            speakers = found.speakers
            break
    for pattern in _AFTER[2:5]:
        for m in re.finditer(pattern.pattern.lstrip("^"), sentence, re.I):
            found = _speaker_from(Cue.of(m), ctx)
            if found.speakers:
                speakers = found.speakers
    return speakers
