"""Page furniture in text saved from news sites, found by general rules.

A line is one of: body text; navigation (breadcrumbs, menus, "Lire aussi", "Article
précédent"); a counter ("0", "12 commentaires"); date evidence ("Mis à jour le: …",
"• 04 Dec. 2017 -", "Dernière mise à jour à 08h38 le 06/12"); or a dateline
("Paris, 3 déc. (Cinktank.com) –") that names the place, date and outlet.
Only body text reaches the brief; date evidence and datelines feed the metadata.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .dates import find_dates
from .languages import language_data
from .text import words

_NAV_PREFIXES = re.compile(
    r"^\s*(?:[•·\-–—*>|]\s*)?("
    r"(?:à |a )?lire (?:aussi|également|la suite)|voir aussi|à voir|sur le même sujet|"
    r"article (?:précédent|suivant)|articles? (?:liés|similaires|associés)|"
    r"partager|partagez|imprimer|envoyer par (?:e-)?mail|réagir|commentaires?\b|"
    r"abonnez-vous|s'abonner|newsletter|publicité|suivez-nous|"
    r"read (?:also|more|next)|see also|related(?: articles?| stories)?|more on this|"
    r"previous (?:article|post|story)|next (?:article|post|story)|share(?: this)?\b|"
    r"advertisement|subscribe|sign up|follow us|tweet\b|"
    r"accueil\b|home\b|menu\b|tags?\s*:|mots[- ]clés\s*:"
    r")",
    re.IGNORECASE,
)
_UPDATE_WORDS = re.compile(
    r"(mis à jour|mise à jour|actualisé|modifié|updated|last modified)", re.IGNORECASE
)
_PUBLISHED_WORDS = re.compile(r"(publié|posted|published|créé le)", re.IGNORECASE)
# words that may stand next to a date on a date-only line
_DATE_FILLER = set(
    """le la à a at on du de the et - | • · : h mis jour mise dernière dernier actualisé
    modifié publié posted published updated last modified lundi mardi mercredi jeudi
    vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday
    par by créé""".split()
)
# a region in brackets after the place, before the comma: "LA LONDE-LES-MAURES (Var), 14 août
# (AFP) -", "São José dos Campos (SP), 3 de março de 2026 (Agência Brasil) –"
_REGION_IN_BRACKETS = r"(?:\s*\([^\W\d_][^()\d,]{0,24}\)(?=\s*,))?"
# "Paris, 3 déc. (Cinktank.com) –", "BRUXELLES (AFP) -", "BERLIN, 27. November (dpa) -",
# "МОСКВА, 27 ноября. /ТАСС/.", "САНКТ-ПЕТЕРБУРГ, 16 апреля 2026 — РИА Новости."
_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][^,()\d/]{0,39}?)" + _REGION_IN_BRACKETS +
    r"\s*(?:,\s*(?P<when>[^()/]{0,40}?\.?))?\s*"
    r"(?:\((?P<outlet>[^()]{2,60})\)|/(?P<slashed>[^/]{2,30})/"
    r"|[—–-]\s+«?(?P<dashed>[^\W\d_][^\W\d]*(?: [^\W\d]+){0,2})»?"
    # (an agency after a dash, perhaps with its correspondent: "— РИА Новости, Иван Петров.")
    r"(?:,\s+[^\W\d_][^,.()/]{1,40})?\.(?=\s))\s*[-–—:.]*\s*(?P<rest>.*)$"
)
# the place, the date and the agency each closed by a full stop or a dash, as Interfax writes
# them: "Москва. 5 марта. INTERFAX.RU -", "Нальчик. 18 января. ИНТЕРФАКС -"
_DOTTED = re.compile(
    r"^(?P<place>[^\W\d_][^,.()\d/]{0,39}?)\.\s+(?P<when>[^.()/]{3,30}?)\.\s+"
    r"(?P<outlet>[^\W\d_][\w.-]{1,25})\s+[-–—]\s+(?P<rest>.*)$")
# a state or region after the place: "Ohio", "Ky.", "N.Y.", "New South Wales"
_REGION = re.compile(r"(?:[A-Z][a-z]+\.?|(?:[A-Z]\.){2,3})(?:\s[A-Z][a-z]+\.?){0,2}")
# the agency first: "(ANSA) - FIRENZE, 12 MAG - Dopo quattro anni…"
_AGENCY_FIRST = re.compile(
    r"^\((?P<outlet>[^()]{2,30})\)\s*[-–—]\s*(?P<place>[^\W\d_][^,()\d/]{0,39}?)\s*,\s*"
    r"(?P<when>[^()/\-–—]{2,40}?)\s*[-–—]\s+(?P<rest>.*)$"
)
# no agency: "Bologna, 3 marzo 2025 – Dodici anni…" (a whole date; "Ronda (Málaga), 2 de junio
# de 2025.-" with its province), "BRASÍLIA – A Câmara…" (a place in capitals)
_PLACE_DATE = re.compile(
    r"^(?P<place>[^\W\d_][^,()\d/]{0,39}?)" + _REGION_IN_BRACKETS + r"\s*,\s*"
    # (then a dash, or a full stop: "Пермь, 14 ноября 2024 года. …")
    r"(?P<when>[^()/\-–—]{4,40}?)\s*(?:[-–—]|(?<=\w)\.(?=\s+[^\W\d_]))\s+(?P<rest>.*)$")
# (and its state or region: "ZANESVILLE, Ohio —"; a place of several words: "SÃO PAULO –")
_PLACE_ONLY = re.compile(r"^(?P<place>[^\W\d_a-zà-ÿ](?:[^\W\d_a-zà-ÿ]|['’ -]){2,30}?)"
                         r"(?:,\s*(?:[A-Z][a-z.]+|(?:[A-Z]\.){2,3})(?:\s[A-Z][a-z.]+)?)?"
                         r"\s*[-–—]\s+(?P<rest>[^\W\d_].*)$")
# "12 commentaires", "| 3 |", "0": a number with at most its counter word, among punctuation
_COUNTER_WORD = re.compile(r"(\d)\s*(?:commentaires?|comments?|partages?|shares?|likes?|vues|views)\b",
                           re.IGNORECASE)
_NO_WORDS = re.compile(r"[\W\d_]*")
_SENTENCE_END = tuple(".!?:;»”\"…)")
# a breadcrumb is one short line; longer lines are never compared with the others as one
BREADCRUMB_MAX_CHARS = 300


@dataclass
class Cleaned:
    paragraphs: list[str]
    title: str | None = None
    outlet: str | None = None
    published_lines: list[str] = field(default_factory=list)  # evidence of publication
    updated_lines: list[str] = field(default_factory=list)  # evidence of a later update
    dateline_date: str | None = None  # the date part of the dateline, as written
    place: str | None = None  # where the dateline says the story was filed


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs from plain text: blank lines separate them, and so does each line,
    except where a line was visibly wrapped (it does not end a sentence and the next
    line starts in lower case)."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current = ""
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            if current and not current.endswith(_SENTENCE_END) and line[0].islower():
                current += " " + line
            else:
                if current:
                    paragraphs.append(current)
                current = line
        if current:
            paragraphs.append(current)
    return paragraphs


def clean(paragraphs: list[str], *, title: str | None = None) -> Cleaned:
    """Separate body text from page furniture; pick the title when the page has one."""
    result = Cleaned(paragraphs=[], title=title)
    body: list[str] = []
    for para in paragraphs:
        # the body's first paragraph, or its second after a headline
        first = not body or result.title is None and len(body) == 1 and looks_like_title(body[0])
        kind = classify(para, first=first)
        if kind == "dateline":
            line = dateline(para, first=first)
            result.outlet = result.outlet or line.outlet
            result.place = result.place or line.place
            result.dateline_date = result.dateline_date or line.when
            if line.when and find_dates(line.when):
                result.published_lines.append(line.when)
            if line.rest:
                body.append(line.rest)
        elif kind == "date":
            (result.updated_lines if _UPDATE_WORDS.search(para) else result.published_lines).append(para)
        elif kind == "body":
            body.append(para)
    body = _drop_breadcrumbs(body)
    if result.title is None and body and looks_like_title(body[0]):
        result.title = body.pop(0)
    elif result.title is not None and body and _same_text(body[0], result.title):
        body.pop(0)
    result.paragraphs = _drop_repeats(body)
    return result


def classify(para: str, *, first: bool = False) -> str:
    """One of "body", "nav", "counter", "date", "dateline". ``first``: no body text came
    before (a dateline of a place alone is read only there)."""
    if _NO_WORDS.fullmatch(_COUNTER_WORD.sub(r"\1", para, count=1)):
        return "counter"
    if _NAV_PREFIXES.match(para) and not _is_sentence_like_nav(para):
        return "nav"
    if _is_date_line(para):
        return "date"
    if dateline(para, first=first) is not None:
        return "dateline"
    return "body"


@dataclass(frozen=True)
class Dateline:
    place: str | None
    when: str | None  # the date as written
    outlet: str | None
    rest: str  # the text after it: the story's first sentence


def dateline(para: str, *, first: bool = False) -> Dateline | None:
    """The dateline that opens ``para``, in any of the shapes news agencies use, or None.
    A place in capitals alone before a dash ("BRASÍLIA – A Câmara…") is a dateline only in
    the ``first`` paragraph of the body."""
    m = _DATELINE.match(para)
    if m and _standard_dateline(para, m):
        when = (m.group("when") or "").strip()
        outlet = _outlet_name(m.group("outlet") or m.group("slashed") or m.group("dashed"))
        return Dateline(_place_name(m.group("place")), None if _REGION.fullmatch(when) else when or None,
                        None if outlet in _regions() else outlet, m.group("rest").strip())
    m = _DOTTED.match(para)
    if (m and _plausible_outlet(m.group("outlet")) and _plausible_place(m.group("place"))
            and find_dates(m.group("when"))):
        return Dateline(_place_name(m.group("place")), m.group("when").strip(), _outlet_name(m.group("outlet")),
                        m.group("rest").strip())
    m = _AGENCY_FIRST.match(para)
    if (m and _plausible_outlet(m.group("outlet")) and _plausible_place(m.group("place"))
            and find_dates(m.group("when"))):
        return Dateline(_place_name(m.group("place")), m.group("when").strip(), _outlet_name(m.group("outlet")),
                        m.group("rest").strip())
    m = _PLACE_DATE.match(para)
    if m and _plausible_place(m.group("place")) and _whole_date(m.group("when")):
        return Dateline(_place_name(m.group("place")), m.group("when").strip(), None, m.group("rest").strip())
    m = _PLACE_ONLY.match(para)
    if first and m and m.group("place").isupper() and _plausible_place(m.group("place")) and len(m.group("rest")) > 20:
        return Dateline(_place_name(m.group("place")), None, None, m.group("rest").strip())
    return None


def _plausible_place(place: str) -> bool:
    words_ = place.split()  # capitalised but for short particles ("São José dos Campos")
    return 0 < len(words_) <= 4 and all(w[0].isupper() for w in words_ if len(w) > 3)


def _whole_date(when: str) -> bool:
    """The text is one date with its day, month and year, and nothing else ("3 marzo 2025")."""
    found = find_dates(when)
    return (len(found) == 1 and found[0].year is not None and found[0].day is not None
            and not re.search(r"[^\W\d_]{3,}", when[: found[0].start] + when[found[0].end:]))


@functools.cache
def _regions() -> frozenset[str]:
    """The regions datelines put in brackets after the place, from the languages' data
    (``[datelines] regions``: "PARANAGUÁ (PR) –" names Paraná, not an outlet)."""
    return frozenset(r for lang in language_data().values() for r in lang.get("datelines", {}).get("regions", []))


def _standard_dateline(para: str, m: re.Match) -> bool:
    if not _plausible_outlet(m.group("outlet") or m.group("slashed") or m.group("dashed")):
        return False
    if m.group("dashed") and not (m.group("when") or "").strip():
        return False  # "PARIS — Tout est calme." is a sentence; only "CITY, date — Agency." is a dateline
    if not _plausible_place(m.group("place")):
        return False
    when = (m.group("when") or "").strip()
    # a date, or the day of the month alone with an agency ("SEVILLA, 14 (EUROPA PRESS)"), or
    # the place's state or region with an agency ("COLUMBUS, Ohio (AP) —")
    if when and not find_dates(when) and not (re.fullmatch(r"\d{1,2}", when) and m.group("outlet")) \
            and not (_REGION.fullmatch(when) and m.group("outlet")):
        return False
    # the dateline is the whole line, or is followed by a dash and the first sentence, or an
    # agency's name in brackets after a place in capitals ("SEVILLA, 14 (EUROPA PRESS) El…")
    rest_after = para[m.start("rest"):]
    separated = m.group("dashed") is not None or re.search(r"[)/]\s*[-–—:.]", para[: m.start("rest")]) is not None
    in_capitals = m.group("outlet") is not None and m.group("place").isupper() and rest_after[:1].isupper()
    return not rest_after.strip() or separated or in_capitals


def _is_sentence_like_nav(para: str) -> bool:
    # "Accueil" starts many breadcrumbs, but "Home Office officials said ..." is a sentence
    first = para.split()[0].lower() if para.split() else ""
    return first in ("home", "menu") and len(words(para)) > 12 and para.rstrip()[-1:] in ".!?»”\""


def _is_date_line(para: str) -> bool:
    if len(para) > 120 or not find_dates(para) and not re.search(r"\d{1,2}[h:]\d\d", para):
        return False
    found = find_dates(para)
    if not found:
        return False
    rest = para
    for d in reversed(found):
        rest = rest[: d.start] + " " + rest[d.end :]
    leftover = [w for w in re.findall(r"[^\W\d_]+", rest.lower()) if w not in _DATE_FILLER]
    return len(leftover) <= 1


# an agency with its correspondent's byline: "/Корр. ТАСС Дарья Ковалева/" is TASS
_BYLINE = re.compile(r"[^\W\d_]+\.\s+(?P<agency>[^\W\d_a-zà-ÿа-яё]{2,}(?:-[^\W\d_]+)?)(?:\s+[^\W\d_][\w-]*){0,3}")


def _plausible_outlet(name: str) -> bool:
    name = _outlet_name(name)
    return bool(
        re.search(r"\.\w{2,4}$", name)  # a web address
        or re.fullmatch(r"[^\W\d_][^\W\d]*(?:[&\-\s][^\W\d]+)*", name) and len(name) <= 26
        and len(name.split()) <= 4 and (name[0].isupper() or name.isalpha())  # AFP, Reuters, dpa, ТАСС
    )


def _outlet_name(name: str) -> str:
    byline = _BYLINE.fullmatch(name.strip())
    return byline.group("agency") if byline else name.strip()


def _place_name(place: str) -> str:
    """"MADRID" → "Madrid", "DEN HAAG" → "Den Haag"; a place written in mixed case stays."""
    place = place.strip(" ,")
    return place.title() if place.isupper() else place


def looks_like_title(para: str) -> bool:
    n = len(words(para))
    return 3 <= n <= 30 and len(para) <= 250 and not para.rstrip().endswith((".", ",", ";", ":"))


def _drop_breadcrumbs(body: list[str]) -> list[str]:
    """Drop a line that ends with a truncated copy of another line ("… la sécurité et la...").

    The other lines are looked up by their first four words, so the cost stays linear
    in the number of lines."""
    heads = [words(para)[: BREADCRUMB_MAX_CHARS // 2] for para in body]  # enough to hold any breadcrumb
    starts: dict[tuple[str, ...], list[int]] = {}
    for j, head in enumerate(heads):
        starts.setdefault(tuple(head[:4]), []).append(j)
    out = []
    for i, para in enumerate(body):
        stripped = para.rstrip()
        m = None
        if len(stripped) <= BREADCRUMB_MAX_CHARS and stripped.endswith(("...", "…")):
            m = re.match(r"(.{15,}?)\s*(?:\.\.\.|…)$", stripped)
        if m and _truncated_copy(words(m.group(1)), i, heads, starts):
            continue
        out.append(para)
    return out


def _truncated_copy(tail_words: list[str], i: int, heads: list[list[str]],
                    starts: dict[tuple[str, ...], list[int]]) -> bool:
    # the breadcrumb holds some leading words, then the first part of another line
    for k in range(len(tail_words) - 3):
        suffix = tail_words[k:]
        if any(j != i and heads[j][: len(suffix)] == suffix for j in starts.get(tuple(suffix[:4]), ())):
            return True
    return False


def _same_text(a: str, b: str) -> bool:
    return words(a.lower()) == words(b.lower())


def _drop_repeats(body: list[str]) -> list[str]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for para in body:
        key = tuple(words(para.lower()))
        if key in seen:
            continue
        seen.add(key)
        out.append(para)
    return out
