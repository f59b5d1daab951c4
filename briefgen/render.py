"""The render stage: a Brief as JSON (the contract of DESIGN.md), HTML (jinja2) and PDF
(weasyprint), each written atomically into the brief's dated folder."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from .fsutil import publish
from .model import Brief, SourceBrief, Statement
from .timing import Stopwatch
from .view import COMPACT_FROM, render_html, templates_dir

__all__ = ["FORMATS", "PDF_VARIANTS", "brief_json", "render_html", "render_pdf", "source_json", "write_brief"]

log = logging.getLogger(__name__)
FORMATS = ("html", "pdf", "json")
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
PDF_STYLESHEET = "pdf.css"  # fonts shipped with briefgen, for the PDF only
PDF_VARIANTS = ("pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/ua-1")

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
        "duplicates": list(doc.duplicates),
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
        "key_points": key_points_json(brief),
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


# ---------------------------------------------------------------- PDF
def fingerprint(brief: Brief, formats: tuple[str, ...], pdf_variant: str | None) -> str:
    """What the files of a brief are made from: its content (not the time it was made),
    the formats asked for, and briefgen's own templates, fonts and version."""
    content = brief_json(brief)
    content.pop("generated_at")
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode())
    digest.update(json.dumps([sorted(formats), pdf_variant, brief.version]).encode())
    for path in sorted(templates_dir().rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def preload_pdf_renderer() -> None:
    """Import weasyprint (about a second) in the background while the other stages run."""
    import threading

    def load():
        try:
            import weasyprint  # noqa: F401
        except Exception:  # the PDF stage reports any real problem itself
            pass

    threading.Thread(target=load, name="preload-weasyprint", daemon=True).start()


def key_points_json(brief: Brief) -> list[dict]:
    """The brief's key points, as the page shows them, with the ids of their sources."""
    from .view import Ref, key_points

    refs = {s.document.id: Ref(n, s.document.id) for n, s in enumerate(brief.sources, 1)}
    numbers = {ref.number: doc_id for doc_id, ref in refs.items()}
    return [{"kind": p.statement.kind, "text": p.statement.text, "speaker": p.statement.speaker,
             "role": p.statement.role, "sources": [numbers[r.number] for r in p.refs]}
            for p in key_points(brief, refs)]


def render_pdf(html: str, variant: str | None = None) -> bytes:
    """HTML to PDF (A4, fonts embedded); weasyprint may read nothing but the project's own
    template folder. ``variant``: a PDF/A or PDF/UA flavour for archiving, e.g. "pdf/a-3b"."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    folder = templates_dir()
    fetcher = _assets_only_fetcher(folder)
    # the @font-face rules of pdf.css count only with the same FontConfiguration given to
    # the stylesheet and to write_pdf; without it the PDF silently falls back to system fonts
    font_config = FontConfiguration()
    fonts = CSS(filename=str(folder / PDF_STYLESHEET), base_url=str(folder) + "/", url_fetcher=fetcher,
                font_config=font_config)
    # custom_metadata: <meta name="language"> goes into the PDF's information dictionary
    options = {"custom_metadata": True, **({"pdf_variant": variant} if variant else {})}
    html = html.replace(VIEWPORT, "")  # a screen setting, not the PDF's metadata
    return HTML(string=html, base_url=str(folder) + "/", url_fetcher=fetcher).write_pdf(
        stylesheets=[fonts], font_config=font_config, **options)


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
def write_brief(brief: Brief, formats: tuple[str, ...], out_dir: Path, clock: Stopwatch | None = None,
                pdf_variant: str | None = None) -> list[Path]:
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
            printed = render_html(brief, compact=len(brief.sources) >= COMPACT_FROM, printable=True)
            rendered["pdf"] = render_pdf(printed, pdf_variant)
    # everything is rendered before anything is written, and the brief's files are put in
    # place as one: a failure or a kill leaves the old brief whole, never half old, half new.
    # Its formats not made this time go (a brief is the files of one run).
    return publish(folder, {f"{stem}.{fmt}": rendered[fmt] for fmt in FORMATS if fmt in formats},
                   replaces=lambda name: name.startswith(f"{stem}."))
