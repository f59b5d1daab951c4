"""The brief's own words in its language: labels from gettext catalogs (``locale/<lang>.po``,
read with Babel, so no compiled files are needed), dates and language names from Babel's
locale data.

A language with no catalog gets English labels, and one warning a process saying so;
a language Babel does not know gets English dates and language names too."""

from __future__ import annotations

import functools
import gettext
import logging
import re
from datetime import date as Date
from datetime import datetime
from io import BytesIO
from pathlib import Path

log = logging.getLogger(__name__)
LOCALE_DIR = Path(__file__).parent / "locale"
# English briefs write dates the British way ("24 November 2026"), as the EU and NATO do
_BABEL_LOCALES = {"en": "en_GB"}


@functools.cache
def babel_locale(lang: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(_BABEL_LOCALES.get(lang, lang))
    except (UnknownLocaleError, ValueError, TypeError):
        return _BABEL_LOCALES["en"]
    return _BABEL_LOCALES.get(lang, lang)


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog for ``lang``; English (the source language of the labels) needs none.
    Another language without one gets English labels, and a warning (once a process)."""
    po = LOCALE_DIR / f"{lang}.po"
    if not po.exists():
        if lang != "en":
            dates = language_name(babel_locale(lang).split("_")[0], "en")
            log.warning("no labels in %s (no briefgen/locale/%s.po): the brief's labels are in English, "
                        "its dates in %s", language_name(lang, "en"), lang, dates)
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer)


def known_language(code: str) -> bool:
    """A language code (ISO 639, lower case) that Babel has locale data for: "en", "fr", "de", …"""
    from babel import localedata

    return re.fullmatch(r"[a-z]{2,3}", code) is not None and localedata.exists(code)


def available() -> list[str]:
    return ["en"] + sorted(p.stem for p in LOCALE_DIR.glob("*.po"))


def long_date(iso: str, lang: str) -> str:
    """"24 November 2026" / "24 novembre 2026"."""
    from babel.dates import format_date

    return format_date(Date.fromisoformat(iso), format="long", locale=babel_locale(lang))


def moment(iso: str, lang: str) -> str:
    """A timestamp with its date written out: "24 November 2026, 07:00 UTC"."""
    from babel.dates import format_datetime

    when = datetime.fromisoformat(iso)
    return format_datetime(when, "d MMMM y, HH:mm", locale=babel_locale(lang)) + " " + (when.tzname() or "")


def language_name(code: str | None, lang: str) -> str:
    """The name of language ``code`` in language ``lang`` ("French", "français")."""
    from babel import Locale

    if not code:
        return "?"
    try:
        return Locale.parse(babel_locale(lang)).languages.get(code, code)
    except (ValueError, TypeError):
        return code
