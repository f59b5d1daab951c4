"""The output folder as an archive: ``index.html`` lists every brief, newest first,
``feed-<lang>.xml`` are Atom feeds of them (one a language, feed.py), and
``latest-<lang>.html`` / ``.pdf`` are copies of the newest brief in each language, for
people and scripts that always want "today's". Regenerated after every run."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from . import __version__, i18n
from .config import FeedSettings
from .fsutil import atomic_write

log = logging.getLogger(__name__)

INDEX_TEMPLATE = "index.html.j2"
_BRIEF = re.compile(r"brief-(?P<lang>[a-z]{2,3})\.(?P<fmt>html|pdf|json)$")


@dataclass(frozen=True)
class Entry:
    date: str
    lang: str
    files: dict[str, Path]  # format -> file
    sources: int | None


def find_briefs(out_dir: Path) -> list[Entry]:
    """Every brief in ``out_dir``, newest date first (then by language)."""
    found: dict[tuple[str, str], dict[str, Path]] = {}
    for folder in Path(out_dir).iterdir() if Path(out_dir).is_dir() else []:
        if not (folder.is_dir() and re.fullmatch(r"\d{4}-\d{2}-\d{2}", folder.name)):
            continue
        for path in folder.iterdir():
            m = _BRIEF.match(path.name)
            if m and path.is_file():
                found.setdefault((folder.name, m.group("lang")), {})[m.group("fmt")] = path
    entries = [Entry(date, lang, files, _count_sources(files.get("json"))) for (date, lang), files in found.items()]
    return sorted(entries, key=lambda e: (e.date, e.lang), reverse=True)


def _count_sources(path: Path | None) -> int | None:
    sources = _brief_data(path).get("sources") if path else None
    return len(sources) if isinstance(sources, list) else None


def update_archive(out_dir: Path, lang: str, generated_at: str, base_url: str | None = None,
                   feed: FeedSettings | None = None) -> list[Path]:
    """Rewrite index.html, the feed-<lang>.xml feeds and the latest-<lang> copies; return
    the files written.

    ``lang`` is the language of index.html, the same for every run into a folder
    (``Config.archive_lang``); each feed is in its own language."""
    from .feed import feed_name, render_feed

    out_dir = Path(out_dir)
    feed = feed or FeedSettings()
    entries = find_briefs(out_dir)
    written = []
    newest: dict[str, Entry] = {}
    for entry in entries:
        newest.setdefault(entry.lang, entry)
    for language, entry in sorted(newest.items()):
        for fmt in ("html", "pdf"):
            if fmt in entry.files:
                written.append(atomic_write(out_dir / f"latest-{language}.{fmt}", entry.files[fmt].read_bytes()))
    written.append(atomic_write(out_dir / "index.html", render_index(out_dir, entries, newest, lang, generated_at)))
    _check_base_url(out_dir, base_url, sorted(newest))
    for language in sorted(newest):
        written.append(atomic_write(out_dir / feed_name(language),
                                    render_feed(out_dir, entries, language, feed, base_url)))
    if (out_dir / LEGACY_FEED).is_file():
        (out_dir / LEGACY_FEED).unlink()
        log.warning("removed %s: the feeds are one a language now (%s)", out_dir / LEGACY_FEED,
                    ", ".join(feed_name(language) for language in sorted(newest)))
    return written


LEGACY_FEED = "feed.xml"  # the one feed of all languages that earlier versions wrote


def _check_base_url(out_dir: Path, base_url: str | None, languages) -> None:
    """Say when a feed's links would only work on this machine, or need base_url to work
    for feed readers (once, when a feed is first made, so cron does not mail it daily)."""
    from .feed import feed_name

    if base_url and base_url.lower().startswith("file:"):
        log.warning("base_url is a file:// URL: the feeds' links open only on this machine; "
                    "set base_url to the address where %s is served", out_dir)
        return
    for lang in languages:
        if not base_url and not (out_dir / feed_name(lang)).exists():
            log.warning("%s has relative links and no self link, since no base_url is set: feed readers need "
                        "base_url = \"https://…/\" (where %s is served) in briefgen.toml",
                        out_dir / feed_name(lang), out_dir)


def _brief_data(path: Path | None) -> dict:
    if path is None:
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def render_index(out_dir: Path, entries: list[Entry], newest: dict[str, Entry], lang: str,
                 generated_at: str) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    from .feed import feed_name
    from .view import STYLESHEET, Labels, templates_dir

    folder = templates_dir()
    env = Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"])
    Labels(lang).install(env)
    rows = [
        {"date": e.date, "long_date": i18n.long_date(e.date, lang), "language": i18n.language_name(e.lang, lang),
         "sources": e.sources,
         "files": [(fmt, e.files[fmt].relative_to(out_dir).as_posix()) for fmt in ("html", "pdf", "json")
                   if fmt in e.files]}
        for e in entries
    ]
    latest = [{"href": f"latest-{code}.{fmt}", "label": f"{i18n.language_name(code, lang)} ({fmt.upper()})"}
              for code, entry in sorted(newest.items()) for fmt in ("html", "pdf") if fmt in entry.files]
    feeds = [{"href": feed_name(code), "lang": code, "label": i18n.language_name(code, lang)}
             for code in sorted(newest)]
    return env.get_template(INDEX_TEMPLATE).render(
        lang=lang, entries=rows, latest=latest, feeds=feeds, updated=i18n.moment(generated_at, lang),
        version=__version__,
        css=Markup((folder / STYLESHEET).read_text(encoding="utf-8")),
    )
