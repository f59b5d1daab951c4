"""Dates as news pages write them, to ISO ``YYYY-MM-DD``.

"26 juin 2020", "lundi 03 février 2020", "1er décembre 2017", "04 Dec. 2017",
"December 4, 2017", "27 de noviembre de 2026", "27. November 2026", "27 ноября 2026",
"2017-12-04", "04/12/2017", and the partial forms "3 déc.", "Nov 27" and "le 06/12" (day
and month only: the year is left unknown, never guessed).

Month and weekday names, full and abbreviated, come from CLDR (through Babel) for every
language in ``LOCALES``; adding a language there is all it takes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date as _date

# languages whose month and weekday names are read (CLDR locale codes)
LOCALES = ("fr", "en", "es", "it", "pt", "ca", "ro", "de", "nl", "ru")


def _key(name: str) -> str:
    """A month or weekday name compared without case, accents, a trailing dot or the
    Catalan "de "/"d’" that CLDR's format forms carry."""
    name = re.sub(r"^(?:de |d['’])", "", name.lower()).strip(". ")
    return "".join(c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn")


@functools.cache
def month_numbers() -> dict[str, int]:
    """Every month name of ``LOCALES`` (wide and abbreviated, format and stand-alone) → 1–12."""
    from babel.dates import get_month_names

    table: dict[str, int] = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    if len(_key(name)) >= 3:
                        table.setdefault(_key(name), number)
        # the first three letters, where agencies cut shorter than CLDR ("3 фев — РИА Новости",
        # CLDR "февр."), when no other month of the language starts with them ("juin"/"juil")
        prefixes: dict[str, set[int]] = {}
        for number, name in get_month_names("wide", "format", locale).items():
            prefixes.setdefault(_key(name)[:3], set()).add(number)
        for prefix, numbers in prefixes.items():
            if len(numbers) == 1 and len(prefix) == 3:
                table.setdefault(prefix, numbers.pop())
    return table


@functools.cache
def weekday_numbers() -> dict[str, int]:
    """Every weekday name of ``LOCALES`` (wide) → 0 (Monday) – 6."""
    from babel.dates import get_day_names

    return {_key(name): number for locale in LOCALES for context in ("format", "stand-alone")
            for number, name in get_day_names("wide", context, locale).items()}


_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th|º|°)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    # "3 de marzo de 2025", "14 ноября 2024 года" (the year's own word, Russian "года", "г.")
    re.compile(rf"\b{_DAY}\.?\s+(?:de\s+|d['’]\s*)?{_MONTH}(?:,?\s+(?:de\s+|del\s+)?{_YEAR}\b"
               r"(?:\s+(?:года|г\.)(?!\w))?)?", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"(?<![\d/])(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)(?:/(?P<year>(?:19|20)?\d\d))?(?![\d/])"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![.,]?\d)", re.IGNORECASE),  # "Nov 27 (Reuters)"
]


@dataclass(frozen=True)
class FoundDate:
    year: int | None
    month: int
    day: int
    start: int
    end: int

    @property
    def iso(self) -> str | None:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.year else None


def find_dates(text: str) -> list[FoundDate]:
    """All dates in ``text``, in order, without overlaps; partial ones have ``year=None``."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            parsed = _parse(m)
            if parsed is not None:
                found.append(parsed)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _parse(m: re.Match) -> FoundDate | None:
    groups = m.groupdict()
    if groups.get("month"):
        month = month_numbers().get(_key(groups["month"]))
    else:
        month = int(groups["mnum"])
    if not month:
        return None
    day = int(groups["day"])
    year = groups.get("year")
    if year is not None:
        year = int(year) + (2000 if len(year) == 2 else 0)
    # a bare "06/12" could be a score or a fraction; "12:30" and "3.5" never reach here
    try:
        _date(year or 2000, month, day)
    except ValueError:
        return None
    return FoundDate(year, month, day, m.start(), m.end())


def first_full_date(text: str) -> str | None:
    """The first complete date (with a year) in ``text`` as ISO, else None."""
    for found in find_dates(text):
        if found.iso:
            return found.iso
    return None


_WEEKDAY = re.compile(r"(?<![\w-])([^\W\d_]{4,12}(?:-feira)?)(?![\w-])", re.IGNORECASE)
_YEAR_MENTION = re.compile(r"\b((?:19|20)\d\d)\b")
# words that put a year in the future of the writer: "aura lieu en 2022", "se prolongera en 2022"
_FUTURE = re.compile(
    r"\b(?:aura|auront|sera|seront|se tiendra|se tiendront|prolongera|commencera|débutera|"
    r"d['’]ici|à partir de|prochaine?s?|will|next)\b[^.]{0,40}$",
    re.IGNORECASE,
)


def infer_year(partial: FoundDate, body: str) -> int | None:
    """The year of a day and month without one, when the text pins it down.

    The text must name the weekday of the event ("ont annoncé vendredi") and a year: the
    year itself, or the next one as the future ("aura lieu en 2022"). Among those
    candidate years, exactly one may put that day and month on that weekday; otherwise
    the year stays unknown.
    """
    days = weekday_numbers()
    wanted = next((days[_key(m.group(1))] for m in _WEEKDAY.finditer(body) if _key(m.group(1)) in days), None)
    if wanted is None:
        return None
    candidates = set()
    for m in _YEAR_MENTION.finditer(body):
        year = int(m.group(1))
        candidates.add(year)
        if _FUTURE.search(body[max(0, m.start() - 60):m.start()]):
            candidates.add(year - 1)
    fitting = set()
    for year in candidates:
        try:
            if _date(year, partial.month, partial.day).weekday() == wanted:
                fitting.add(year)
        except ValueError:
            continue
    return fitting.pop() if len(fitting) == 1 else None
