"""The last step of speaker resolution: the likeliest speaker where the rules name nobody.

The cue rules (``speakers``) give each quotation one speaker or none. A quotation they give
nobody gets candidates: nobody, and the people and bodies the source names nearest before
it (later in its sentence or the next; after a headline, in the body). Each candidate is
described by a few features that hold in any language: where the text last named them
(this sentence, the one before, this paragraph), whether they spoke the quotation before or
the next one, how often they are named, what kind of cue found nobody (a pronoun, words
naming someone unnamed), what the quotation is like (standing alone, in the first person).
A linear score over those features, with weights learnt from the hand-labelled development
articles (``benchmarks/train_ranking.py`` writes ``data/speaker_ranking.json``), picks the
candidate, nobody included. A speaker the rules found stands: letting the ranking overrule
them gained nothing in cross-validation. Without the weights file the rules' answer stands.

Cost: one pass over the source's mentions (and at most ``MAX_BODIES`` bodies looked for by
name), then at most ``MAX_CANDIDATES`` candidates a quotation, each scored in constant time.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import TITLE, Document, Quote
from .lexicon import (
    DETERMINERS_OF,
    FIRST_PERSON,
    PLURAL_PRONOUNS,
    PLURALS_OF,
    PRONOUNS_OF,
    SINGULAR_PRONOUNS,
    SOURCES_OF,
)
from .speakers import Attribution, Context

WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "speaker_ranking.json"
# the evidence of a speaker the ranking chose
LIKELIEST = "likeliest speaker in context"
# candidates besides the rules' choice and nobody: the people and bodies named last before
# the quotation (or in its sentence)
MAX_CANDIDATES = 8

# the rules' evidence, by kind (what each kind of rule is worth is learnt)
_EVIDENCE_KINDS = (
    ("speaker of the sentences before", "carried"),
    ("reported in the same sentence", "reported"),
    ("subject of the sentence", "subject"),
    ("subject of the clause (parsed)", "parsed"),
    ("reported in the next sentence", "next"),
    ("the body quote it repeats", "repeat"),
    ("the same quotation, after its cue", "incise"),
    ("the person the sentence before is about", "about"),
    ("from the translation", "translation"),
)
# words of the first person, of every language ("je", "wir", "я")
_FIRST_PERSON = re.compile(r"(?<![\w’'])(?:" + "|".join(sorted((re.escape(w) for w in FIRST_PERSON), key=len,
                                                                  reverse=True)) + r")(?![\w’'])", re.IGNORECASE)
# mentions after a quotation read for candidates named later
_LOOK_AHEAD = 200
# bodies looked for by name (those that spoke first): a long document may name thousands
MAX_BODIES = 64


@dataclass(frozen=True)
class Candidate:
    speakers: tuple[str, ...]  # () for nobody named
    features: dict[str, float]


@functools.lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The learnt weights (empty without the data file: the rules' choice stands)."""
    if not WEIGHTS.exists():
        return {}
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))["weights"]


def evidence_kind(evidence: str | None) -> str:
    if not evidence:
        return "none"
    for prefix, kind in _EVIDENCE_KINDS:
        if evidence.startswith(prefix):
            return kind
    return "cue"


@dataclass
class _Place:
    unit: int  # the sentence's number in reading order (the title first)
    block: int
    offset: int


class _Reading:
    """Where each sentence and each mention of the source is, in reading order."""

    def __init__(self, doc: Document, ctx: Context, sentence_spans) -> None:
        self.blocks = ([TITLE] if doc.title else []) + list(range(len(doc.paragraphs)))
        self.order = {block: i for i, block in enumerate(self.blocks)}
        self.starts: dict[int, list[int]] = {}
        self.length = {block: len(doc.text_of(block).strip()) for block in self.blocks}
        self.first_unit: dict[int, int] = {}
        unit = 0
        for block in self.blocks:
            spans = sentence_spans(doc, block) or [(0, len(doc.text_of(block)))]
            self.first_unit[block] = unit
            self.starts[block] = [start for start, _ in spans]
            unit += len(spans)
        # every mention, by candidate: (unit, block order, offset), in reading order
        self.mentions: dict[tuple[str, ...], list[tuple[int, int, int]]] = {}
        for name, places in ctx.cast.seen.items():
            self.mentions[(name,)] = [self._at(self.blocks[i], offset) for i, offset in places
                                      if i < len(self.blocks)]
        spoke = sorted(b for b in ctx.bodies if len(b) > 2)
        bodies = (spoke + sorted(b for b in ctx.named_bodies | set(ctx.organisations.values())
                                 if len(b) > 2 and b not in ctx.bodies))[:MAX_BODIES]
        if bodies:
            pattern = re.compile("|".join(re.escape(b) for b in sorted(bodies, key=len, reverse=True)),
                                 re.IGNORECASE)
            lowered = {b.lower(): b for b in bodies}
            for block in self.blocks:
                for m in pattern.finditer(doc.text_of(block)):
                    body = lowered.get(m.group().lower())
                    if body:
                        self.mentions.setdefault((body,), []).append(self._at(block, m.start()))
        for places in self.mentions.values():
            places.sort()

    def sentence(self, block: int, offset: int) -> int:
        """The number, within its block, of the sentence that holds ``offset``."""
        return max(0, bisect.bisect_right(self.starts[block], offset) - 1)

    def _at(self, block: int, offset: int) -> tuple[int, int, int]:
        return self.first_unit[block] + self.sentence(block, offset), self.order[block], offset

    def place(self, q: Quote) -> _Place:
        block, offset = (q.last_paragraph, q.end) if q.paragraph_end is not None else (q.paragraph, q.start)
        unit, _, _ = self._at(block, offset)
        return _Place(unit, self.order[block], offset)


def candidates(doc: Document, ctx: Context, found: list[tuple[Quote, Attribution]],
               sentence_spans, wanted: set[int] | None = None) -> list[list[Candidate]]:
    """For each quotation of ``found`` (with the rules' attribution), its candidates: nobody,
    the rules' choice, then the people and bodies named nearest before it (or later in its
    sentence). With ``wanted``, only those quotations' (by index) are built; the others' are
    empty."""
    reading = _Reading(doc, ctx, sentence_spans)
    places = [reading.place(q) for q, _ in found]
    spoke = [a.speakers for _, a in found]
    counts: dict[tuple[str, ...], int] = {}
    for speakers in spoke:
        if speakers:
            counts[speakers] = counts.get(speakers, 0) + 1
    attributed = sum(counts.values()) or 1
    most = ctx.cast.most_named()
    first = min(ctx.cast.first_seen, key=ctx.cast.first_seen.__getitem__) if ctx.cast.first_seen else None
    # who was named last before each quotation: one sweep over the mentions in reading order
    blocks_units = reading.first_unit[reading.blocks[-1]] + len(reading.starts[reading.blocks[-1]]) \
        if reading.blocks else 0
    events = sorted((place, who) for who, mentions in reading.mentions.items() for place in mentions)
    keys = [(at.unit, at.block, _span(q, at)[0]) for (q, _), at in zip(found, places, strict=True)]
    near_of: dict[int, list[tuple[str, ...]]] = {}
    recent: dict[tuple[str, ...], None] = {}  # insertion order: the last named last
    i = 0
    previous: tuple[str, ...] = ()
    last_here: dict[int, tuple[str, ...]] = {}
    before_of: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for k in sorted(range(len(found)), key=keys.__getitem__):
        while i < len(events) and events[i][0] < keys[k]:
            recent.pop(events[i][1], None)
            recent[events[i][1]] = None
            i += 1
        near = _last(recent, MAX_CANDIDATES)
        # named later in its sentence or in the next; for a headline, anywhere after it (at
        # most _LOOK_AHEAD mentions read: one name said a thousand times in a run-on sentence
        # must not be read again for each of its quotations)
        horizon = blocks_units if doc.title and places[k].block == 0 else keys[k][0] + 1
        j, added = i, 0
        while j < len(events) and j - i < _LOOK_AHEAD and events[j][0][0] <= horizon and added < MAX_CANDIDATES:
            if events[j][1] not in near:
                near.append(events[j][1])
                added += 1
            j += 1
        near_of[k] = near
        before_of[k] = (previous, last_here.get(places[k].block, ()))
        if spoke[k]:
            previous = spoke[k]
            last_here[places[k].block] = spoke[k]
    next_here: dict[int, tuple[str, ...]] = {}
    upcoming: dict[int, tuple[str, ...]] = {}
    for k in sorted(range(len(found)), key=keys.__getitem__, reverse=True):
        next_here[k] = upcoming.get(places[k].block, ())
        if spoke[k]:
            upcoming[places[k].block] = spoke[k]
    out = []
    for k, ((q, rule), at) in enumerate(zip(found, places, strict=True)):
        if wanted is not None and k not in wanted:
            out.append([])
            continue
        q_start, q_end = _span(q, at)
        near = near_of[k]
        chosen = [rule.speakers] if rule.speakers else []
        chosen += [who for who in near if who != rule.speakers][:MAX_CANDIDATES]
        kind = evidence_kind(rule.evidence)
        flags = _quote_flags(doc, q, at, reading, q_start)
        language = doc.language_of(reading.blocks[at.block])
        gender, plural = _evidence_pronoun(rule.evidence, language) if kind == "cue" else (None, False)
        if kind == "cue":  # a cue whose pronoun found nobody, or one whose words name someone unnamed
            kind = "cue_pronoun" if gender or plural else "cue_unnamed" if unnamed(rule.evidence, language) \
                else "cue_plural" if plural_phrase(rule.evidence, language) else "cue_phrase"
            plural = plural or kind == "cue_plural"
        row = [Candidate((), _nobody_features(rule, kind, flags, at, reading, near))]
        if _after_unnamed(reading, at, q_start, ctx.unnamed_reports):
            row[0].features["nobody:after_unnamed"] = 1.0
        for who in chosen:
            f: dict[str, float] = {}
            if who == rule.speakers:
                f["rule"] = 1.0
                f[f"rule:{kind}"] = 1.0
            mentions = reading.mentions.get(who, [])
            if mentions:
                _mention_features(f, mentions, at, q_start, q_end)
                f["named:count"] = math.log1p(len(mentions))
                if doc.title and mentions[0][0] == 0:
                    f["named:title"] = 1.0
            if len(who) > 1:
                f["group"] = 1.0
            if who[0] in ctx.bodies or who[0] in ctx.named_bodies or who[0] in ctx.organisations.values():
                f["body"] = 1.0
            else:
                if len(who) == 1 and who[0] in ctx.cast.roles:
                    f["role"] = 1.0
                if len(who) == 1 and " " not in who[0]:  # "Kamel", or a capitalised word taken for a name
                    f["one_word"] = 1.0
            if most and who == (most[0],):
                f["named:most"] = 1.0
            if who == (first,):
                f["named:first"] = 1.0
            if doc.title and at.block == 0:
                f["headline"] = 1.0
            last, last_in_block = before_of[k]
            if who == last:
                f["spoke:last"] = 1.0
            if who == last_in_block:
                f["spoke:last_here"] = 1.0
            if who == next_here[k]:
                f["spoke:next_here"] = 1.0
            f["spoke:share"] = counts.get(who, 0) / attributed
            if gender and len(who) == 1 and who[0] in ctx.cast.genders:
                f["gender:" + ("same" if ctx.cast.genders[who[0]] == gender else "other")] = 1.0
            if plural and len(who) == 1 and "body" not in f and who != rule.speakers:
                continue  # "ont-ils souligné", "the unions said": several spoke, not one person
            for name in [n for n in f if n in _CONTEXTUAL]:
                for flag in flags:
                    f[f"{name}&{flag}"] = 1.0
            row.append(Candidate(who, f))
        out.append(row)
    return out


def _last(recent: dict, n: int) -> list:
    """The last ``n`` keys of an insertion-ordered dict, the last first, without a copy of all."""
    out = []
    for key in reversed(recent):
        out.append(key)
        if len(out) == n:
            break
    return out


def _span(q: Quote, at: _Place) -> tuple[int, int]:
    """Where the quotation is in the block it is read in (a quotation over several
    paragraphs: from the start of its last one)."""
    return (q.start, q.end) if q.paragraph_end is None else (0, at.offset)


def _mention_features(f: dict[str, float], mentions, at: _Place, q_start: int, q_end: int) -> None:
    """Where the candidate is named around the quotation: in its sentence before it, after
    it, inside it, only inside it; how many sentences before; in its paragraph; in the next sentence."""
    cut = bisect.bisect_left(mentions, (at.unit, at.block, q_start))
    here_from = bisect.bisect_left(mentions, (at.unit, -1, -1))
    here_to = bisect.bisect_left(mentions, (at.unit + 1, -1, -1))
    if here_from < cut:
        f["named:here_before"] = 1.0
    here_after = bisect.bisect_left(mentions, (at.unit, at.block, q_end)) < here_to
    if here_after:
        f["named:here_after"] = 1.0
    if cut == 0 and here_to > cut and not here_after:
        f["named:inside_only"] = 1.0
    if cut < bisect.bisect_left(mentions, (at.unit, at.block, q_end)):
        f["named:inside"] = 1.0  # whom a quotation names is seldom who says it
    if here_to < len(mentions) and mentions[here_to][0] == at.unit + 1:
        f["named:next_sentence"] = 1.0
    if cut:
        last = mentions[cut - 1]
        gap = at.unit - last[0]
        f["named:gap" + ("0" if gap == 0 else "1" if gap == 1 else "2" if gap == 2 else "3_5" if gap <= 5
                         else "6_")] = 1.0
        if last[1] == at.block:
            f["named:paragraph"] = 1.0
    else:
        f["named:not_before"] = 1.0


# features of a candidate that say more with what the quotation is like (speech standing
# alone, in the first person, a paragraph of its own, long)
_CONTEXTUAL = ("headline", "named:first", "body",
               "spoke:last", "spoke:last_here", "spoke:next_here", "named:gap1", "named:paragraph", "named:most",
               "rule")


def _quote_flags(doc: Document, q: Quote, at: _Place, reading: _Reading, q_start: int) -> list[str]:
    """What the quotation is like: it opens its sentence or follows a colon ("alone"), speaks
    in the first person, fills most of its paragraph, runs to eight words or more, to three
    or fewer, or is capitalised like a name."""
    block = reading.blocks[at.block]
    text = doc.text_of(block)
    starts = reading.starts[block]
    sentence_start = starts[reading.sentence(block, q_start)]
    # the few characters before the quotation (not the whole sentence: a run-on line is long)
    lead_from = max(sentence_start, q_start - 12)
    lead = text[lead_from:q_start].rstrip(" \u00a0\u202f«“\"„»‘'‹-–—")
    flags = []
    if not lead and lead_from == sentence_start or lead.endswith(":"):
        flags.append("alone")
    if _FIRST_PERSON.search(q.original):
        flags.append("first_person")
    if len(q.original) >= 0.6 * reading.length[block]:
        flags.append("paragraph")
    words = q.original.split()
    if len(words) >= 8:
        flags.append("long")
    elif len(words) <= 3:
        flags.append("short")  # "« symbole »", "« brutale et injuste »": a term as often as words said
    if len(words) <= 6 and all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        flags.append("capitalised")  # "Proyecto Atalaya", "NightSpider": a name, not speech
    return flags


def _evidence_pronoun(evidence: str | None, language: str | None) -> tuple[str | None, bool]:
    """(gender, plural) of the subject pronoun among a cue's words ("a-t-elle ajouté": f;
    "ont-ils souligné": plural), in the paragraph's language."""
    singular, plural = PRONOUNS_OF.get(language or "", (SINGULAR_PRONOUNS, PLURAL_PRONOUNS))
    for word in re.findall(r"\w+", (evidence or "").lower()):
        if word in plural:
            return None, True
        if word in singular:
            return singular[word], False
    return None, False


def plural_phrase(evidence: str | None, language: str | None) -> bool:
    """The speaker phrase of a cue names several people: its first determiner is a plural one
    ("ont dénoncé les syndicats", "según los vecinos"), or the noun after a definite article
    has a plural ending where the article does not tell ("the unions said")."""
    plural, endings, singular = PLURALS_OF.get(language or "", (frozenset(), (), ()))
    indefinite, definite = DETERMINERS_OF.get(language or "", (frozenset(), frozenset()))
    words = re.findall(r"[\w’']+", evidence or "")
    for k, word in enumerate(words):
        low = word.lower()
        if low in plural:
            return True
        if low in indefinite or low in definite:
            after = words[k + 1] if k + 1 < len(words) else ""
            return bool(endings) and after.islower() and after.endswith(endings) \
                and not after.endswith(singular) and not re.search(r"[’']", after)
    return False


def _after_unnamed(reading: _Reading, at: _Place, q_start: int, reports: set[tuple[int, int]]) -> bool:
    """The quotation's sentence, or the one before in its paragraph, reports speech by someone
    unnamed ("L'incendie s'est déclaré vers midi, explique une source policière.")."""
    block = reading.blocks[at.block]
    k = reading.sentence(block, q_start)
    return (block, k) in reports or (k > 0 and (block, k - 1) in reports)


def unnamed(evidence: str | None, language: str | None) -> bool:
    """The first determiner of a cue's words is an indefinite one ("indique un communiqué",
    "According to a senior NATO official"), or its words call the speaker a source ("сказал
    источник в отрасли", "según fuentes del club"): someone the text does not name."""
    indefinite, definite = DETERMINERS_OF.get(language or "", (frozenset(), frozenset()))
    words = re.findall(r"[\w’']+", (evidence or "").lower())
    if SOURCES_OF.get(language or "", frozenset()).intersection(words):
        return True
    for word in words:
        if word in indefinite:
            return True
        if word in definite:
            return False
    return False


def _nobody_features(rule: Attribution, kind: str, flags: list[str], at: _Place, reading: _Reading,
                     near: list[tuple[str, ...]]) -> dict[str, float]:
    f = {"nobody": 1.0}
    if not rule.speakers:
        f["nobody:rule"] = 1.0
        f[f"nobody:rule:{kind}"] = 1.0
    for flag in flags:
        f[f"nobody&{flag}"] = 1.0
    if not any(reading.mentions.get(who) and _named_since(reading.mentions[who], at.unit - 2, at)
               for who in near):
        f["nobody:none_near"] = 1.0
    return f


def _named_since(mentions, unit: int, at: _Place) -> bool:
    """Named in sentence ``unit`` or later, up to the quotation's sentence."""
    k = bisect.bisect_left(mentions, (unit, -1, -1))
    return k < len(mentions) and mentions[k][0] <= at.unit


def guessed(found: Attribution) -> bool:
    """The speaker of ``found`` is the ranking's likeliest in context, not the rules' reading."""
    return bool(found.speakers) and (found.evidence or "").startswith(LIKELIEST)


def score(features: dict[str, float], w: dict[str, float]) -> float:
    return sum(value * w.get(name, 0.0) for name, value in features.items())


def rank(doc: Document, ctx: Context, found: list[tuple[Quote, Attribution]], sentence_spans,
         w: dict[str, float] | None = None) -> list[tuple[Quote, Attribution]]:
    """``found`` with a speaker for the quotations the rules gave nobody: the best-scoring
    candidate, when it scores above nobody (with no weights installed, ``found`` as it is).
    A speaker the rules found stands: cross-validated on the development articles, letting
    the ranking overrule them gained nothing there (see ``benchmarks/train_ranking.py``)."""
    w = weights() if w is None else w
    if not w or not any(not a.speakers for _, a in found):
        return found
    out = []
    wanted = {k for k, (_, rule) in enumerate(found) if not rule.speakers}
    for (q, rule), row in zip(found, candidates(doc, ctx, found, sentence_spans, wanted), strict=True):
        if rule.speakers:
            out.append((q, rule))
            continue
        best = max(row, key=lambda c: (score(c.features, w), not c.speakers))
        if not best.speakers:
            out.append((q, rule))
        else:
            role = ctx.cast.roles.get(best.speakers[0]) if len(best.speakers) == 1 else None
            out.append((q, Attribution(best.speakers, role, _why(best, w))))
    return out


# what a learnt choice is shown with: its strongest reasons, as a reader would say them
_REASONS = {
    "named:here_before": "named earlier in the sentence",
    "named:here_after": "named later in the sentence",
    "named:gap1": "named in the sentence before",
    "named:gap2": "named two sentences before",
    "named:paragraph": "named earlier in the paragraph",
    "named:next_sentence": "named in the next sentence",
    "spoke:last": "the last speaker",
    "spoke:last_here": "spoke earlier in the paragraph",
    "spoke:next_here": "speaks next in the paragraph",
    "named:most": "the person the text names most",
    "named:first": "the first person the text names",
}


def _why(best: Candidate, w: dict[str, float]) -> str:
    reasons = sorted(((value * w.get(name, 0.0), name) for name, value in best.features.items()
                      if name in _REASONS and value * w.get(name, 0.0) > 0), reverse=True)
    text = "; ".join(_REASONS[name] for _, name in reasons[:2])
    return LIKELIEST + (f" ({text})" if text else "")
