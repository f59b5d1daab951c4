"""The render stage: a Brief as JSON (the contract of DESIGN.md), HTML (jinja2) and PDF
(weasyprint), each written atomically into the brief's dated folder."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from .fsutil import atomic_write
from .model import Brief, Document, SourceBrief, Statement
from .timing import Stopwatch

log = logging.getLogger(__name__)
FORMATS = ("html", "pdf", "json")
TEMPLATE = "brief.html.j2"
STYLESHEET = "brief.css"
NARROW_STYLESHEET = "brief-narrow.css"
KEY_POINTS = 6

LANGUAGE_NAMES = {
    "fr": "French", "en": "English", "de": "German", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ru": "Russian", "uk": "Ukrainian",
    "ar": "Arabic", "zh": "Chinese", "ca": "Catalan", "ro": "Romanian", "sv": "Swedish",
}
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def templates_dir() -> Path:
    """Where the templates are: inside the installed package, or the checkout's templates/."""
    packaged = Path(__file__).parent / "templates"
    if (packaged / TEMPLATE).is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


def language_name(code: str | None) -> str:
    return LANGUAGE_NAMES.get(code or "", code or "unknown language")


def long_date(iso: str) -> str:
    day = Date.fromisoformat(iso)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


# ---------------------------------------------------------------- JSON
def statement_json(s: Statement) -> dict:
    return {
        "kind": s.kind, "speaker": s.speaker, "role": s.role, "text": s.text,
        "original": s.original, "evidence": s.evidence, "score": s.score, "check": s.check,
        "also_in": list(s.also_in),
    }


def source_json(item: SourceBrief) -> dict:
    doc = item.document
    return {
        "id": doc.id,
        "path": doc.path,
        "sha256": doc.sha256,
        "language": doc.language,
        "title": _text(doc.title.text, doc.title.original) if doc.title else None,
        "title_original": doc.title.original if doc.title else None,
        "outlet": doc.outlet,
        "published": doc.published,
        "translation": doc.translation,
        "paragraphs": [
            {"text_original": p.text_original, "language": p.language, "text": p.text, "check": p.check}
            for p in doc.paragraphs
        ],
        "summary": [s.text for s in item.summary],
        "statements": [statement_json(s) for s in item.statements],
    }


def _text(text: str | None, original: str) -> str:
    return text if text is not None else original


def brief_json(brief: Brief) -> dict:
    return {
        "briefgen_version": brief.version,
        "date": brief.date,
        "lang": brief.lang,
        "generated_at": brief.generated_at,
        "translation": brief.translation,
        "sources": [source_json(s) for s in brief.sources],
        "groups": [[brief.sources[i].document.id for i in group] for group in brief.groups],
        "people": [
            {"name": person.name, "role": person.role,
             "statements": [{"source": source, "kind": st.kind, "text": st.text, "original": st.original}
                            for source, st in person.statements]}
            for person in brief.people
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in brief.skipped],
    }


# ---------------------------------------------------------------- HTML
@dataclass(frozen=True)
class KeyPoint:
    statement: Statement
    anchor: str
    source_label: str


def key_points(brief: Brief, limit: int = KEY_POINTS) -> list[KeyPoint]:
    """The strongest statements across sources: attributed quotes first, at most two a source."""
    ranked = []
    for n, item in enumerate(brief.sources, 1):
        candidates = [q for q in item.quotes if q.speaker and len(q.original.split()) >= 5]
        candidates = sorted(candidates, key=lambda q: -q.score)[:2] or list(item.summary[:1])
        ranked.extend((s.score + (0.5 if s.kind == "quote" else 0.0), n, s) for s in candidates)
    ranked.sort(key=lambda r: (-r[0], r[1]))
    return [KeyPoint(s, _anchor(brief.sources[n - 1].document), f"[{n}]") for _, n, s in ranked[:limit]]


def _anchor(doc: Document) -> str:
    return "src-" + "".join(c if c.isalnum() else "-" for c in doc.id)


def _heading(doc: Document) -> str:
    if doc.title is not None:
        return _text(doc.title.text, doc.title.original)
    first = doc.paragraphs[0]
    text = first.text or first.text_original
    cut = text.split()
    return " ".join(cut[:14]) + ("…" if len(cut) > 14 else "")


def _provenance(doc: Document, target: str) -> str:
    t = doc.translation or {}
    kept = t.get("untranslated") or []
    note = (f" Text in {', '.join(language_name(c) for c in kept)} is shown as written: "
            f"no translation to {language_name(target)} is installed." if kept else "")
    if t.get("engine") in (None, "none"):
        return (f"Written in {language_name(doc.language)}; not translated." if not kept else note.strip())
    return (f"Machine-translated from {language_name(doc.language)} to {language_name(target)} "
            f"by {t['engine']}{' (' + t['model'] + ')' if t.get('model') else ''}.{note}")


def _footer(brief: Brief) -> str:
    languages = sorted({s.document.language for s in brief.sources if s.document.language != brief.lang})
    t = brief.translation
    if t.get("engine") in (None, "none"):
        return "No machine translation was needed."
    model = f" ({t['model']})" if t.get("model") else ""
    names = ", ".join(language_name(code) for code in languages)
    return (f"Machine-translated from {names} by {t['engine']}{model}. "
            "Check quotations against the original wording before citing them.")


def render_html(brief: Brief) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    folder = templates_dir()
    env = Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    languages = sorted({s.document.language or "?" for s in brief.sources})
    n = len(brief.sources)
    sources_line = (f"{n} source{'s' if n != 1 else ''} in "
                    f"{', '.join(language_name(c) for c in languages)}"
                    + (f" · {len(brief.skipped)} skipped" if brief.skipped else ""))
    items = [
        {
            "brief": item,
            "anchor": _anchor(item.document),
            "heading": _heading(item.document),
            "published_long": long_date(item.document.published) if item.document.published else None,
            "language_name": language_name(item.document.language),
            "file_name": Path(item.document.path).name,
            "quotes": [q for q in item.quotes if len(q.original.split()) >= 3],
            "provenance": _provenance(item.document, brief.lang),
        }
        for item in brief.sources
    ]
    return env.get_template(TEMPLATE).render(
        brief=brief, title="Press brief", long_date=long_date(brief.date), sources_line=sources_line,
        key_points=key_points(brief), sources=items, footer_line=_footer(brief),
        # our own files, not source text: inlined as they are
        css=Markup((folder / STYLESHEET).read_text(encoding="utf-8")),
        css_narrow=Markup((folder / NARROW_STYLESHEET).read_text(encoding="utf-8")),
    )


# ---------------------------------------------------------------- PDF
def render_pdf(html: str) -> bytes:
    """HTML to PDF; weasyprint may read nothing but the project's own template folder."""
    from weasyprint import HTML

    folder = templates_dir()
    return HTML(string=html, base_url=str(folder) + "/", url_fetcher=_assets_only_fetcher(folder)).write_pdf()


def _assets_only_fetcher(folder: Path):
    from weasyprint.urls import URLFetcher

    allowed = folder.resolve()

    class AssetsOnlyFetcher(URLFetcher):
        """Refuses every URL but data: URIs and files inside the template folder."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file://"):
                from urllib.request import url2pathname

                path = Path(url2pathname(url[len("file://"):].split("?")[0])).resolve()
                if path.is_relative_to(allowed):
                    return super().fetch(url, headers)
            log.warning("PDF: refused to load %s (only the brief's own assets may be used)", url[:200])
            raise ValueError(f"briefgen does not load external resources: {url[:200]}")

    return AssetsOnlyFetcher(allowed_protocols=("data", "file"))


# ---------------------------------------------------------------- writing
def write_brief(brief: Brief, formats: tuple[str, ...], out_dir: Path, clock: Stopwatch | None = None) -> list[Path]:
    """Render the requested formats into ``out_dir/<date>/`` atomically; return the paths."""
    clock = clock or Stopwatch()
    folder = Path(out_dir) / brief.date
    stem = f"brief-{brief.lang}"
    rendered: dict[str, bytes] = {}
    html = None
    if "html" in formats or "pdf" in formats:
        with clock.stage("html"):
            html = render_html(brief)
            rendered["html"] = html.encode("utf-8")
    if "json" in formats:
        with clock.stage("json"):
            rendered["json"] = (json.dumps(brief_json(brief), ensure_ascii=False, indent=2) + "\n").encode()
    if "pdf" in formats:
        with clock.stage("pdf"):
            rendered["pdf"] = render_pdf(html)
    # everything is rendered before anything is written: a failure leaves the old brief whole
    return [atomic_write(folder / f"{stem}.{fmt}", rendered[fmt]) for fmt in FORMATS if fmt in formats]
