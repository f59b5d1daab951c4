"""The output folder as an archive: ``index.html`` lists every brief, newest first, and
``latest-<lang>.html`` / ``.pdf`` are copies of the newest brief in each language, for
people and scripts that always want "today's". Regenerated after every run."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
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
    if path is None:
        return None
    try:
        return len(json.loads(path.read_text(encoding="utf-8")).get("sources", []))
    except (OSError, ValueError, AttributeError):
        return None


def update_archive(out_dir: Path, lang: str, generated_at: str) -> list[Path]:
    """Rewrite index.html and the latest-<lang> copies; return the files written."""
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
    return written


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
