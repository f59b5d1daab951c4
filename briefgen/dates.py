"""Dates as French and English news pages write them, to ISO ``YYYY-MM-DD``.

"26 juin 2020", "lundi 03 février 2020", "1er décembre 2017", "04 Dec. 2017",
"December 4, 2017", "2017-12-04", "04/12/2017", and the partial forms "3 déc." and
"le 06/12" (day and month only: the year is left unknown, never guessed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date

from .text import strip_accents

_MONTHS = {
    # French (accents stripped, lower case) and English, full and abbreviated
    "janvier": 1, "janv": 1, "jan": 1, "january": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "february": 2, "feb": 2,
    "mars": 3, "march": 3, "mar": 3,
    "avril": 4, "avr": 4, "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "juil": 7, "july": 7, "jul": 7,
    "aout": 8, "august": 8, "aug": 8,
    "septembre": 9, "sept": 9, "sep": 9, "september": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>[A-Za-zéèûÉÈÛ]{3,9})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(rf"\b{_DAY}\s+{_MONTH}(?:\s+{_YEAR}\b)?", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"(?<![\d/])(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)(?:/(?P<year>(?:19|20)?\d\d))?(?![\d/])"),
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
        month = _MONTHS.get(strip_accents(groups["month"]).lower())
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


_WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
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
    weekday = _WEEKDAY.search(body)
    if weekday is None:
        return None
    wanted = _WEEKDAYS[weekday.group(1).lower()]
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
