"""The extract stage: a source's key statements — every direct quote with its speaker, and
its ranked key sentences — found on the original text, shown in the translation."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..model import TITLE, Document, Quote, SourceBrief, Statement
from ..text import split_sentences, words
from .keysentences import rank_sentences
from .lexicon import AND_WORDS, DETERMINERS_OF, LANGUAGES, ORGANISATION_COMPLEMENTS
from .people import build_cast, find_mentions, find_role
from .quotes import is_incise
from .ranking import guessed, rank, unnamed
from .speakers import (
    NAME_JOIN,
    PROPER_RUN,
    WINDOW,
    Attribution,
    Context,
    attribute,
    continued,
    demonstrative_antecedent,
    first_named_organisation,
    known_organisations,
    named_later,
    only_described,
    opening_body,
    outside_quotes,
    reporting_subjects,
    resolve_phrase,
    subject_document,
    subject_organisation,
)
from .syntax import subject_of

SUMMARY_LENGTH = 3
# words before a quoted name of a plan, document or operation: "la « Boussole stratégique »"
_NAMING = re.compile(
    r"(?:\b(?:le|la|les|l['’]|du|des|au|aux|un|une|son|sa|ses|leur|notre|plan|programme|opération|"
    r"document|initiative|projet|stratégie|mission|baptisée?s?|intitulée?s?|nommée?s?|appelée?s?|"
    r"dite?s?|the|a|an|its|his|her|their|plan|called|named|dubbed|so-called))\s*$",
    re.IGNORECASE,
)


def extract(doc: Document, summary_length: int = SUMMARY_LENGTH) -> SourceBrief:
    """Quotes (in reading order) and key sentences (best first) of one document."""
    quotes, sentence_speakers, ctx = _read(doc)
    shown = {name: role.text if role.text is not None else role.original for name, role in doc.roles}
    statements = [_with_role(st, ctx, shown) for st in quotes]
    summary = [_with_role(st, ctx, shown) for st in _summary(doc, ctx, sentence_speakers, summary_length)]
    return SourceBrief(document=doc, summary=tuple(summary), quotes=tuple(statements),
                       roles={name: shown.get(name, role) for name, role in ctx.cast.roles.items()})


def reported_sentences(doc: Document) -> frozenset[tuple[int, int]]:
    """(paragraph, sentence) of every sentence of ``doc`` that reports a named speaker, as
    ``extract`` reads them (what the key sentences' ``speaker`` feature sees)."""
    return frozenset(_read(doc)[1])


def _read(doc: Document) -> tuple[list[Statement], dict[tuple[int, int], Attribution], Context]:
    """Every quote with its speaker (one statement per quoted text, in reading order), the
    speaker each body sentence reports, by (paragraph, sentence), and the context read."""
    texts = ([doc.title.original] if doc.title else []) + [p.text_original for p in doc.paragraphs]
    ctx = Context(cast=build_cast(texts, title=bool(doc.title)), organisations=known_organisations(texts),
                  proper_words=_written_inside(texts))
    quotes: list = []
    sentence_speakers: dict[tuple[int, int], Attribution] = {}
    blocks = ([TITLE] if doc.title else []) + list(range(len(doc.paragraphs)))
    # who spoke last, carried over sentences and paragraphs until someone else is named: the
    # quotes of a portrait or an interview that carry no cue of their own are theirs
    reporter: Attribution | None = None
    reporter_block = None
    anchors = _anchors(doc)
    uncued: list[tuple[int, int, int]] = []  # quotes that open a sentence and nothing named a speaker for
    for block in blocks:
        text = doc.text_of(block)
        ctx.language = doc.language_of(block)
        for s, (start, end) in enumerate(_sentence_spans(doc, block)):
            sentence = text[start:end]
            named_body = first_named_organisation(sentence, ctx)
            if named_body:  # what "le rapport", "ce document" of this sentence or a later one speaks for
                ctx.last_named_body = named_body
                ctx.named_bodies.add(named_body)
            in_sentence = list(_anchored(anchors.get(block, []), start, end))
            # whom the sentence's quotations name is not who speaks them
            ctx.quoted = " ".join(text[max(q.start, start) if q.last_paragraph == q.paragraph else start:q.end]
                                  for q in in_sentence)[:2 * WINDOW]
            report = reporting_subjects(sentence, ctx)
            if report.evidence and not report.speakers and unnamed(report.evidence, ctx.language):
                ctx.unnamed_reports.add((block, s))
            by_surname = _surname_mention(sentence, ctx)
            alone = _nobody_else(sentence) and not by_surname
            reported = report.speakers
            previous = None
            spoke: list[Attribution] = []
            for q in in_sentence:
                q_start = max(q.start - start, 0) if q.last_paragraph == q.paragraph else 0
                if previous is not None and previous[1].speakers and is_incise(sentence[previous[0]:q_start]):
                    # «A, — заявил X. — B», "A - ha spiegato X - B": B is A's speaker's
                    found = replace(previous[1], evidence="the same quotation, after its cue")
                else:
                    found = attribute(sentence, q_start, q.end - start, ctx)
                if not found.speakers and previous is not None:
                    found = continued(sentence, previous, q_start, found)
                if not found.speakers and not found.evidence:
                    found = _from_context(sentence, q_start, q.original, reported,
                                          reporter if alone else None, reporter_block == block, ctx)
                if not found.speakers and not found.phrase:
                    found = _from_syntax(sentence, q_start, q.end - start, doc.language_of(block), ctx) or found
                if not found.speakers and block != TITLE and doc.language_of(block) not in LANGUAGES:
                    found = _from_translation(doc.paragraphs[block].sentences, s, ctx) or found
                previous = (q.end - start, found)
                ctx.remember(found.speakers)
                spoke.append(found)
                if not found.speakers and not found.evidence and block != TITLE and _opens(sentence, q_start):
                    uncued.append((len(quotes), block, s))
                quotes.append((q, found))
            ctx.quoted = ""
            if reported:
                ctx.remember(reported)
                if block != TITLE:
                    sentence_speakers[(block, s)] = Attribution(reported)
            named = [a for a in spoke if a.speakers] + ([Attribution(reported)] if reported else [])
            if named:
                reporter, reporter_block = named[-1], block
            elif report.evidence or not alone:
                reporter = None  # someone else (perhaps unnamed) speaks from here on
            subject = _subject_mention(sentence)
            subject = ctx.cast.add_name(subject) if subject else by_surname
            if subject:  # "Kowalczyk doesn't back away …": him
                ctx.subject(subject)
                if not named and not report.evidence and _opens_with(sentence, subject):
                    # the person a sentence is about, who then speaks with no cue: « … »
                    reporter, reporter_block = Attribution((subject,), ctx.cast.roles.get(subject),
                                                           "the person the sentence before is about"), block
            people = tuple(ctx.cast.add_name(p) for p in _people_named(sentence))
            if len(people) > 1:  # "X, coauteur du rapport avec Y et Z": "ils", next
                ctx.last_group = people
            ctx.named(people)
            ctx.sentence_no += 1
    for at, block, s in uncued:  # « … » Ainsi a réagi X: the next sentence says who spoke
        after = sentence_speakers.get((block, s + 1))
        if after and after.speakers:
            quotes[at] = (quotes[at][0], replace(after, evidence="reported in the next sentence"))
    first = 1 if doc.title else 0  # the cast's texts: the title, then the paragraphs
    quotes = [(q, named_later(found, ctx, 0 if q.paragraph == TITLE else q.paragraph + first, q.start,
                              doc.language_of(q.paragraph)))
              for q, found in quotes]
    quotes = rank(doc, ctx, quotes, _sentence_spans)
    quotes = _fullest_body_names(quotes, ctx, texts)
    return _one_per_text(doc, quotes), sentence_speakers, ctx


def _fullest_body_names(quotes: list, ctx: Context, texts: list[str]) -> list:
    """A body named by part of its name ("Ministerio de Agricultura", "Zentralverband") is
    the one body the text names in full that holds those words ("Ministerio de Agricultura,
    Pesca y Alimentación", "Zentralverband der deutschen Seehafenbetriebe")."""
    people = set(ctx.cast.full_names)
    spoke = {s for _, found in quotes for s in found.speakers if s in ctx.bodies or s not in people}
    names = set(ctx.named_bodies) | set(ctx.organisations.values()) | spoke
    for name in spoke:  # "Junta Electoral de Castilla" where the text says "… de Castilla y León"
        if _DOMAIN_NAME.search(name):
            listed = re.compile(re.escape(name) + _LISTED_DOMAINS)
            names.update(m.group(0) for text in texts for m in listed.finditer(text))
    fuller: dict[str, str] = {}  # each name looked up once, however many quotations it has
    out = []
    for q, found in quotes:
        if found.speakers and any(s in ctx.bodies or s not in people for s in found.speakers):
            for s in found.speakers:
                if s not in people and s not in fuller:
                    fuller[s] = _fuller(s, names)
            speakers = tuple(fuller.get(s, s) for s in found.speakers)
            found = replace(found, speakers=speakers) if speakers != found.speakers else found
        out.append((q, found))
    return out


# a body's name that ends in its domain ("Ministerio de Agricultura", "ministerie van Klimaat"),
# and the domains listed after it, the last one after "and" (", Pesca y Alimentación")
_DOMAIN_NAME = re.compile(r"\s(?:" + "|".join(re.escape(c) for c in ORGANISATION_COMPLEMENTS)
                          + r")\s*[A-ZÀ-Ý][\w’'-]*$")
_CAPITALISED = r"[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)?"
_LISTED_DOMAINS = (rf"(?:,\s+{_CAPITALISED}){{0,4}}\s+(?:" + "|".join(AND_WORDS)
                   + rf")\s+{_CAPITALISED}(?![\w’'-])")


def _fuller(name: str, names: set[str]) -> str:
    """The one longer body name holding ``name``; a common noun alone ("tribunal") stands
    for a body the context gives, and a longer name must be a proper one (not "association
    mandatée")."""
    if " " not in name and name.islower():
        return name
    padded = re.compile(r"(?<![\w’'-])" + re.escape(name) + r"(?![\w’'-])", re.IGNORECASE)
    longer = set()
    for n in names:
        extra = padded.sub(" ", n).split() if len(n) > len(name) else []
        if (padded.search(n) and any(w.lower() not in _DETERMINERS for w in extra)
                and (n[:1].isupper() or any(w[:1].isupper() for w in extra))):
            longer.add(n)
    return longer.pop() if len(longer) == 1 else name


CARRIED = "speaker of the sentences before"
# every language's articles and determiners: "A Agência …" is no longer name than "Agência …"
_DETERMINERS = frozenset(w.lower() for pair in DETERMINERS_OF.values() for words in pair for w in words)
# a clause whose subject is a demonstrative description: "Ce scientifique …", "…, cette élue …"
_DEMONSTRATIVE_SUBJECT = re.compile(
    r"(?:^|,\s+)((?:ce|cet|cette)\s+[a-zàâçéèêëîïôûùüÿœ-]{4,})\b(?![^,]*,\s+(?:ce|cet|cette)\s)", re.IGNORECASE)


def _from_syntax(sentence: str, q_start: int, q_end: int, language: str | None, ctx: Context) -> Attribution | None:
    """Where no cue and no context names a speaker: the subject of the clause that holds
    the quotation, from a dependency parse, when a parser for the language is installed
    (``syntax``); resolved like any speaker phrase ("la ministre", "elle", a name)."""
    np = subject_of(sentence, q_start, q_end, language or "")
    if not np or only_described(np):  # "L'attaque de la mosquée": a thing, not the person just spoken of
        return None
    if re.search(r"[«“\"„‹]\s*" + re.escape(np.strip()) + r"\s*[»”\"“›]", sentence[:q_start]):
        return None  # 'Le "Patroller" s'est crashé': a name in quotation marks, a thing's
    found = resolve_phrase(np, ctx, f"subject of the clause (parsed): {np}")
    return found if found.speakers else None


def _from_translation(sentences, index: int, ctx: Context) -> Attribution | None:
    """For a language briefgen has no data file for: the speaker its translated sentence
    reports, read with the rules of the brief's language (names survive translation)."""
    if index >= len(sentences) or not sentences[index].text:
        return None
    found = reporting_subjects(sentences[index].text, ctx)
    if not found.speakers:
        return None
    return Attribution(found.speakers, found.role, f"from the translation: {found.evidence or ''}".strip())


# a run of capitalised words after a word in lower case: a name written inside a sentence
_INSIDE_CAPITAL = re.compile(r"(?<=[a-zà-ÿ] )" + PROPER_RUN.pattern)


def _written_inside(texts: list[str]) -> frozenset[str]:
    """The names the texts write inside their sentences, whole ("sede de Renfe en Madrid":
    "Renfe en Madrid", as the words joining them may be a name's) and in their parts
    ("Renfe", "Madrid"); not the first words of a longer run ("Grand" of "du Grand Palais
    de Lille")."""
    found = set()
    for text in texts:
        for m in _INSIDE_CAPITAL.finditer(text):
            if re.match(r"\s+[A-ZÀ-ÝÄÖÜ]", text[m.end():m.end() + 2]):
                continue
            run = m.group(0).rstrip(".")
            found.add(run)
            found.update(part.strip(" .") for part in NAME_JOIN.split(run) if part.strip(" ."))
    return frozenset(found)


def _from_context(sentence: str, q_start: int, quote: str, reported: tuple[str, ...],
                  reporter: Attribution | None, same_paragraph: bool, ctx: Context) -> Attribution:
    """The speaker of a quotation with no cue of its own: the one the sentence reports
    ("La lutte est une « préoccupation majeure », a rappelé X"), else the person the
    sentence is about when named before the quotation ("X a qualifié la loi de « … »"), else
    ``reporter``, the speaker of the sentences before, if the sentence names nobody else (in a later
    paragraph, only for words that stand alone as speech)."""
    if reported:
        return Attribution(reported, ctx.cast.roles.get(reported[0]) if len(reported) == 1 else None,
                           "reported in the same sentence")
    subject = _subject_mention(sentence[max(0, q_start - WINDOW):q_start])
    if not subject:  # "Etxebarria, de 47 años, acusó a la dirección de querer « … »"
        opening = re.match(r"\s*(?:(?:Y|E|Et|And|I|Und|En)\s+)?([A-ZÀ-Ý][\w’'-]+)(?=[\s,])", sentence[:q_start])
        subject = ctx.cast.known_surname(opening.group(1)) if opening else None
    if subject:
        name = ctx.cast.add_name(subject)
        return Attribution((name,), ctx.cast.roles.get(name), "subject of the sentence")
    body = subject_organisation(sentence[:q_start]) if q_start <= WINDOW else None
    if body:
        return Attribution((ctx.organisations.get(body.lower(), body),), None, "subject of the sentence")
    body = opening_body(sentence[:q_start], ctx) if q_start <= WINDOW else None
    if body:  # "Renfe, por su parte, lamentó …", "la organización agraria Asaja-Sevilla ha calificado de « … »"
        return Attribution((body,), None, "subject of the sentence")
    document = subject_document(sentence[:q_start], ctx) if q_start <= WINDOW else None
    if document:  # "Le rapport présente 24 recommandations pour « … »": the body that wrote it
        return document
    pronoun = _SUBJECT_PRONOUN.match(sentence[:q_start])
    if pronoun:  # "Ils proposent des « concertations départementales »"
        found = resolve_phrase(pronoun.group(1), ctx, "subject of the sentence")
        if found.speakers:
            return found
    demonstrative = _DEMONSTRATIVE_SUBJECT.search(sentence[:q_start])
    if demonstrative:  # "…, ce scientifique qui se présente comme « anti-système »": the one the text is about
        person = demonstrative_antecedent(demonstrative.group(1), ctx)
        if person:
            return Attribution((person,), ctx.cast.roles.get(person), "subject of the sentence")
    if reporter and reporter.speakers and (same_paragraph or _stands_alone(sentence, q_start, quote)):
        return replace(reporter, evidence=CARRIED)
    return Attribution()


# a sentence that opens with a pronoun (its subject): "Il", "Elle", "Ils", "Elles", "They"
_SUBJECT_PRONOUN = re.compile(
    r"^\s*(il|elle|ils|elles|he|she|they)\s+(?!(?:y\s+)?(?:a|avait|aura|est|était|faut|fallait)\b)\w", re.IGNORECASE)


_FIRST_PERSON = re.compile(
    r"(?<![\w’'])(?:je|j['’]|nous|mon|ma|mes|notre|nos|me|m['’]|moi|i|we|my|our|us)(?![\w’'])", re.IGNORECASE)


def _opens(sentence: str, q_start: int) -> bool:
    """The quotation opens its sentence."""
    return not sentence[:q_start].strip(" \u00a0\u202f«“\"„»-–—")


def _stands_alone(sentence: str, q_start: int, quote: str) -> bool:
    """A quotation that is speech on its own, not words inside narration: it opens its
    sentence or follows a colon, or speaks in the first person."""
    k = q_start
    while k > 0 and sentence[k - 1] in " \u00a0\u202f«“\"-–—":
        k -= 1
    return k == 0 or sentence[k - 1] == ":" or bool(_FIRST_PERSON.search(quote))


def _one_per_text(doc: Document, found: list) -> list[Statement]:
    """One statement per quoted text (a subheading or title often repeats a quote of the
    body: the attributed occurrence gives the speaker); quoted names of plans are left out."""
    best: dict[str, Attribution] = {}
    for q, attribution in found:
        key = " ".join(q.original.lower().split())
        held = best.get(key, Attribution())
        if attribution.speakers and (not held.speakers or _weak(held) and not _weak(attribution)):
            best[key] = attribution  # a cue of its own rather than a carried speaker
    statements, seen = [], set()
    lookups = _HEADLINE_LOOKUPS
    bodies: list[tuple[str, str, Attribution]] | None = None
    for q, attribution in found:
        key = " ".join(q.original.lower().split())
        if key in seen or _is_a_name(doc.text_of(q.paragraph), q):
            continue
        seen.add(key)
        attribution = best.get(key, attribution)
        if lookups and (attribution.evidence is None or guessed(attribution)
                        or _headline(doc, q) and attribution.evidence == CARRIED):
            # a headline or subheading that quotes part of a body quote ("- « grand
            # scientifique » -" for "Je suis un grand scientifique, …"): that quote's speaker
            lookups -= 1
            if bodies is None:
                bodies = [(other, _spaced_words(other), a) for other, a in best.items()]
            attribution = _repeated(key, bodies) or attribution
        statements.append(_quote_statement(q, attribution))
    return statements


def _weak(found: Attribution) -> bool:
    """A speaker found from context (carried, or the ranking's likeliest) rather than from a
    cue of the quotation's own."""
    return found.evidence == CARRIED or guessed(found)


# headline quotes a source may look up in its body quotes (a title and its subheadings are a
# handful; thousands of quoted one-line paragraphs must not cost their square)
_HEADLINE_LOOKUPS = 50


def _spaced_words(text: str) -> str:
    """The words of ``text`` between single spaces, with a space at each end."""
    return " " + " ".join(re.findall(r"\w+", text)) + " "


def _repeated(key: str, bodies: list[tuple[str, str, Attribution]]) -> Attribution | None:
    """The attribution of the first other quote of ``bodies`` (text, its words between
    spaces, attribution) whose words hold the words of ``key`` in a row (a single word only
    if it has four letters or more)."""
    wanted = re.findall(r"\w+", key)
    if not wanted or len(wanted) == 1 and len(wanted[0]) < 4:
        return None
    run = _spaced_words(key)
    found = next((a for other, spaced, a in bodies if other != key and run in spaced), None)
    return replace(found, evidence="the body quote it repeats") if found else None


def _headline(doc: Document, q: Quote) -> bool:
    """The quote is in the title or in a subheading ("- « Écosystème » -", a short paragraph)."""
    if q.paragraph == TITLE:
        return True
    text = doc.text_of(q.paragraph).strip()
    return text.startswith("- ") or len(text.split()) <= 12


def _with_role(statement: Statement, ctx: Context, shown: dict[str, str]) -> Statement:
    """The speaker's role as the brief shows it (translated), for a single speaker."""
    if not statement.speaker or ", " in statement.speaker:
        return replace(statement, role=None)
    original = statement.role or ctx.cast.roles.get(statement.speaker)
    return replace(statement, role=shown.get(statement.speaker, original))


def _sentence_spans(doc: Document, block: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph (the title is one sentence)."""
    text = doc.text_of(block)
    pieces = [s.original for s in doc.paragraphs[block].sentences] if block != TITLE else split_sentences(text)
    spans, offset = [], 0
    for piece in pieces:
        start = text.find(piece, offset)
        start = offset if start < 0 else start
        spans.append((start, start + len(piece)))
        offset = start + len(piece)
    return spans


def _anchors(doc: Document) -> dict[int, list[tuple[int, Quote]]]:
    """The quotes of each block by the offset where their attribution is read: where a quote
    ends when it runs over several paragraphs, else where it starts."""
    found: dict[int, list[tuple[int, Quote]]] = {}
    for q in doc.quotes:
        block, anchor = (q.last_paragraph, q.end) if q.paragraph_end is not None else (q.paragraph, q.start)
        found.setdefault(block, []).append((anchor, q))
    for quotes in found.values():
        quotes.sort(key=lambda item: item[0])
    return found


def _anchored(anchors: list[tuple[int, Quote]], start: int, end: int) -> list[Quote]:
    """The quotes anchored in [start, end] of their block (``anchors`` sorted by offset)."""
    first = bisect.bisect_left(anchors, start, key=lambda item: item[0])
    last = bisect.bisect_left(anchors, end + 1, key=lambda item: item[0])
    return sorted((q for _, q in anchors[first:last]), key=lambda q: q.end)


_COMPLEMENT = re.compile(
    r"(?:\b(?:de|du|des|à|au|aux|avec|contre|pour|par|sur|chez|entre|envers|of|to|with|against|by)\s+|\bd['’]\s*)"
    r"(?:(?:le|la|les|l['’]|the)\s*)?(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)


def _subject_mention(sentence: str) -> str | None:
    """The person a sentence is about: its first person named outside quotation marks and
    not as a complement ("la démission de François de Rugy" is not about him speaking)."""
    outside = outside_quotes(sentence)
    for m in find_mentions(outside):
        before = outside[max(0, m.start - 60):m.start]
        if len(m.names) == 1 and (not _COMPLEMENT.search(before) or _role_then_name(before)):
            return m.names[0]
    return None


# a role and its complement right before a name: "la ministre de la Santé Agnès Buzyn" names
# her, it is no complement of something else
_ROLE_THEN_NAME = re.compile(r"\b(?:le|la|l['’])\s*[\w’'-]+(?:\s+(?:de la|de l['’]|du|des|de|d['’])\s*"
                             r"[A-ZÀ-Ý][\w’'-]*(?:\s+[a-zà-ÿ]+)?){1,2}\s+$")


def _role_then_name(before: str) -> bool:
    m = _ROLE_THEN_NAME.search(before)
    role = find_role(m.group(0)) if m else None
    return bool(role) and role.start() == 0


def _people_named(sentence: str) -> list[str]:
    """The people a sentence names outside its quotations, each once, in order."""
    outside = outside_quotes(sentence)
    return list(dict.fromkeys(n for m in find_mentions(outside) for n in m.names))


def _opens_with(sentence: str, person: str) -> bool:
    """The sentence's first words name ``person`` (its subject): "Kowalczyk doesn't …",
    "Dale Kowalczyk plans …", "Le maire Jean Dupont a …"."""
    surname = person.split()[-1]
    at = sentence.find(surname)
    return 0 <= at <= 40 and not re.search(r"[,;:«“\"]", sentence[:at])


def _surname_mention(sentence: str, ctx: Context) -> str | None:
    """The first known person a sentence names by surname alone, outside its quotations and
    not as a complement ("that Kowalczyk had", not "for Kowalczyk")."""
    outside = outside_quotes(sentence)
    for m in re.finditer(r"(?<![\w’'-])[A-ZÀ-Ý][\w’'-]{2,}", outside[:WINDOW * 2]):
        person = ctx.cast.known_surname(m.group())
        if person and not _COMPLEMENT.search(outside[max(0, m.start() - 60):m.start()]):
            return person
    return None


def _nobody_else(sentence: str) -> bool:
    """No person and no role is named in the sentence outside its quotations."""
    outside = outside_quotes(sentence)
    return not find_mentions(outside) and not find_role(outside)


def _is_a_name(text: str, q: Quote) -> bool:
    """A short capitalised quoted name after a determiner ("la « Boussole stratégique »",
    "son plan « ReArm Europe »"): what a plan or document is called, not a statement."""
    n = len(words(q.original))
    if q.paragraph_end is not None or n == 0 or n > 5 or not q.original[0].isupper():
        return False
    if q.original.rstrip()[-1:] in ".!?…":
        return False
    before = text[: q.start].rstrip(" \u00a0\u202f«“\"")
    return bool(_NAMING.search(before))


def _summary(doc: Document, ctx: Context, speakers: dict, limit: int) -> list[Statement]:
    quoted_share = _quoted_share(doc)
    out = []
    for ranked in rank_sentences(doc, quoted_share, limit, speakers=frozenset(speakers)):
        seg = doc.paragraphs[ranked.paragraph].sentences[ranked.index]
        who = speakers.get((ranked.paragraph, ranked.index), Attribution())
        out.append(Statement(
            kind="sentence", text=seg.text if seg.text is not None else seg.original,
            original=seg.original, speaker=who.speaker, score=ranked.score, check=seg.check,
        ))
    return out


def _quoted_share(doc: Document) -> dict[tuple[int, int], float]:
    """For each sentence, the share of its characters inside quotation marks."""
    ranges: dict[int, list[tuple[int, int]]] = {}
    for q in doc.quotes:
        if q.paragraph == TITLE:
            continue
        last = q.last_paragraph
        for p in range(q.paragraph, last + 1):
            text_len = len(doc.paragraphs[p].text_original)
            ranges.setdefault(p, []).append((q.start if p == q.paragraph else 0, q.end if p == last else text_len))
    share = {}
    for p in range(len(doc.paragraphs)):
        spans = sorted(ranges.get(p, []))
        first = 0  # sentences come in order: ranges that end before one are done with
        for s, (start, end) in enumerate(_sentence_spans(doc, p)):
            while first < len(spans) and spans[first][1] <= start:
                first += 1
            inside = 0
            for a, b in spans[first:]:
                if a >= end:
                    break
                inside += max(0, min(end, b) - max(start, a))
            share[(p, s)] = inside / max(1, end - start)
    return share


def _quote_statement(q: Quote, found: Attribution) -> Statement:
    n = len(words(q.original))
    # a one- or two-word quotation is usually a quoted term, not a statement
    score = (0.1 if n < 3 else 0.4) + (0.3 if found.speakers else 0.0) + 0.3 * min(1.0, n / 25)
    return Statement(
        kind="quote",
        text=q.segment.text if q.segment.text is not None else q.original,
        original=q.original,
        speaker=found.speaker,
        role=found.role,
        evidence=found.evidence,
        score=round(score, 4),
        check=q.segment.check,
        inferred=guessed(found),
    )
