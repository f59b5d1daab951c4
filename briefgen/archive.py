"""The output folder as an archive: ``index.html`` lists every brief, newest first,
``feed.xml`` is an Atom feed of them, and ``latest-<lang>.html`` / ``.pdf`` are copies of
the newest brief in each language, for people and scripts that always want "today's".
Regenerated after every run."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from . import __version__, i18n
from .fsutil import atomic_write

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


def update_archive(out_dir: Path, lang: str, generated_at: str, base_url: str | None = None) -> list[Path]:
    """Rewrite index.html, feed.xml and the latest-<lang> copies; return the files written.

    ``lang`` is the language of index.html and feed.xml, the same for every run into a
    folder (``Config.archive_lang``); each brief keeps its own language in them."""
    out_dir = Path(out_dir)
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
    written.append(atomic_write(out_dir / "feed.xml", render_feed(out_dir, entries, lang, generated_at, base_url)))
    return written


FEED_ENTRIES = 50


def render_feed(out_dir: Path, entries: list[Entry], lang: str, generated_at: str, base_url: str | None) -> bytes:
    """An Atom feed of the newest briefs (feedgen), for readers who subscribe."""
    from datetime import datetime

    from feedgen.feed import FeedGenerator

    base = (base_url or out_dir.resolve().as_uri()).rstrip("/") + "/"
    t = i18n.translations(lang)
    feed = FeedGenerator()
    feed.id(base + "feed.xml")
    feed.title(t.gettext("Press briefs"))
    feed.link(href=base + "feed.xml", rel="self")
    feed.link(href=base + "index.html", rel="alternate")
    feed.language(lang)
    feed.generator("briefgen", __version__)
    feed.updated(datetime.fromisoformat(generated_at))
    for entry in reversed(entries[:FEED_ENTRIES]):  # feedgen lists the last added first
        data = _brief_data(entry.files.get("json"))
        item = feed.add_entry()
        item.id(f"{base}{entry.date}/brief-{entry.lang}")
        item.title(f"{i18n.translations(entry.lang).gettext('Press brief')} — "
                   f"{i18n.long_date(entry.date, entry.lang)}")
        when = data.get("generated_at") or f"{entry.date}T00:00:00+00:00"
        item.updated(datetime.fromisoformat(when))
        item.published(datetime.fromisoformat(f"{entry.date}T00:00:00").replace(tzinfo=UTC))
        alternate = "html" if "html" in entry.files else next(iter(entry.files))
        for fmt, kind in (("html", "text/html"), ("pdf", "application/pdf"), ("json", "application/json")):
            if fmt in entry.files:
                item.link(href=base + entry.files[fmt].relative_to(out_dir).as_posix(), type=kind,
                          rel="alternate" if fmt == alternate else "enclosure" if fmt == "pdf" else "related")
        points = [p.get("text", "") + (f" — {p['speaker']}" if p.get("speaker") else "")
                  for p in data.get("key_points", [])]
        if points:
            item.summary("\n".join(f"• {p}" for p in points))
    return feed.atom_str(pretty=True)


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

    from .view import STYLESHEET, templates_dir

    folder = templates_dir()
    env = Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(i18n.translations(lang), newstyle=True)
    rows = [
        {"date": e.date, "long_date": i18n.long_date(e.date, lang), "language": i18n.language_name(e.lang, lang),
         "sources": e.sources,
         "files": [(fmt, e.files[fmt].relative_to(out_dir).as_posix()) for fmt in ("html", "pdf", "json")
                   if fmt in e.files]}
        for e in entries
    ]
    latest = [{"href": f"latest-{code}.{fmt}", "label": f"{i18n.language_name(code, lang)} ({fmt.upper()})"}
              for code, entry in sorted(newest.items()) for fmt in ("html", "pdf") if fmt in entry.files]
    return env.get_template(INDEX_TEMPLATE).render(
        lang=lang, entries=rows, latest=latest, updated=i18n.moment(generated_at, lang), version=__version__,
        css=Markup((folder / STYLESHEET).read_text(encoding="utf-8")),
    )
