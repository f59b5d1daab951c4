"""The render stage: a Brief as JSON (the contract of DESIGN.md), HTML (jinja2, view.py)
and PDF (weasyprint, pdf.py), each written atomically into the brief's dated folder."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from .fsutil import publish
from .model import Brief, SourceBrief, Statement
from .pdf import PDF_VARIANTS, preload_pdf_renderer, render_pdf
from .timing import Stopwatch
from .view import COMPACT_FROM, render_html, templates_dir

__all__ = ["FORMATS", "PDF_VARIANTS", "brief_json", "preload_pdf_renderer", "render_html", "render_pdf", "source_json",
           "write_brief"]

log = logging.getLogger(__name__)
FORMATS = ("html", "pdf", "json")

# ---------------------------------------------------------------- JSON
def statement_json(s: Statement, untranslated_words: tuple[str, ...] = ()) -> dict:
    return {
        "kind": s.kind, "speaker": s.speaker, "role": s.role, "text": s.text,
        "original": s.original, "evidence": s.evidence, "score": s.score, "check": s.check,
        "untranslated_words": list(untranslated_words), "also_in": list(s.also_in), "inferred": s.inferred,
    }


def source_json(item: SourceBrief, paths_below: Path | None = None) -> dict:
    """A source in the JSON; its paths are relative to the sources folder, or absolute
    (below ``paths_below``, the sources folder) when an operator asks for that."""
    doc = item.document
    untranslated = doc.untranslated_by_text()
    return {
        "id": doc.id,
        "path": _path(doc.path, paths_below),
        "url": doc.url,
        "duplicates": [_path(p, paths_below) for p in doc.duplicates],
        "sha256": doc.sha256,
        "language": doc.language,
        "title": _text(doc.title.text, doc.title.original) if doc.title else None,
        "title_original": doc.title.original if doc.title else None,
        "outlet": doc.outlet,
        "place": doc.place,
        "published": doc.published,
        "translation": doc.translation,
        "paragraphs": [
            {"text_original": p.text_original, "language": p.language, "text": p.text, "check": p.check,
             "untranslated_words": list(p.untranslated_words)}
            for p in doc.paragraphs
        ],
        "summary": [s.text for s in item.summary],
        "statements": [statement_json(s, untranslated.get(s.text, ())) for s in item.statements],
    }


def _path(path: str, below: Path | None) -> str:
    return str(below / path) if below is not None else path


def _text(text: str | None, original: str) -> str:
    return text if text is not None else original


def brief_json(brief: Brief, paths_below: Path | None = None) -> dict:
    """The brief as the JSON contract says; ``paths_below``: see ``source_json``."""
    return {
        "briefgen_version": brief.version,
        "date": brief.date,
        "lang": brief.lang,
        "generated_at": brief.generated_at,
        "translation": brief.translation,
        "key_points": key_points_json(brief),
        "sources": [source_json(s, paths_below) for s in brief.sources],
        "groups": [[brief.sources[i].document.id for i in group] for group in brief.groups],
        "people": [
            {"name": person.name, "role": person.role,
             "statements": [{"source": source, "kind": st.kind, "text": st.text, "original": st.original}
                            for source, st in person.statements]}
            for person in brief.people
        ],
        "skipped": [{"path": _path(s.path, paths_below), "reason": s.reason} for s in brief.skipped],
    }


# ---------------------------------------------------------------- what the files are made from
def fingerprint(brief: Brief, formats: tuple[str, ...], pdf_variant: str | None,
                paths_below: Path | None = None) -> str:
    """What the files of a brief are made from: its content (not the time it was made),
    the formats asked for, and briefgen's own templates, fonts and version."""
    content = brief_json(brief, paths_below)
    content.pop("generated_at")
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode())
    digest.update(json.dumps([sorted(formats), pdf_variant, brief.version]).encode())
    for path in sorted(templates_dir().rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def key_points_json(brief: Brief) -> list[dict]:
    """The brief's key points, as the page shows them, with the ids of their sources."""
    from .view import Ref, key_points

    refs = {s.document.id: Ref(n, s.document.id) for n, s in enumerate(brief.sources, 1)}
    numbers = {ref.number: doc_id for doc_id, ref in refs.items()}
    return [{"kind": p.statement.kind, "text": p.statement.text, "speaker": p.statement.speaker,
             "role": p.statement.role, "sources": [numbers[r.number] for r in p.refs]}
            for p in key_points(brief, refs)]


# ---------------------------------------------------------------- writing
def write_brief(brief: Brief, formats: tuple[str, ...], out_dir: Path, clock: Stopwatch | None = None,
                pdf_variant: str | None = None, paths_below: Path | None = None) -> list[Path]:
    """Render the requested formats into ``out_dir/<date>/`` atomically; return the paths.
    ``paths_below``: the sources folder, to give the JSON absolute paths (for operators)."""
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
            rendered["json"] = (json.dumps(brief_json(brief, paths_below), ensure_ascii=False, indent=2)
                                + "\n").encode()
    if "pdf" in formats:
        with clock.stage("pdf"):
            printed = render_html(brief, compact=len(brief.sources) >= COMPACT_FROM, printable=True)
            rendered["pdf"] = render_pdf(printed, pdf_variant)
    # everything is rendered before anything is written, and the brief's files are put in
    # place as one: a failure or a kill leaves the old brief whole, never half old, half new.
    # Its formats not made this time go (a brief is the files of one run).
    return publish(folder, {f"{stem}.{fmt}": rendered[fmt] for fmt in FORMATS if fmt in formats},
                   replaces=lambda name: name.startswith(f"{stem}."))
