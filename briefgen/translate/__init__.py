"""The translate stage: every sentence, title and quotation not already in the target
language goes through one engine per language pair, all sources of a run together.

Engines (one module each) share the small interface of ``base.Engine``; ``choose``
picks one per pair. Heavy libraries are imported by the engines only when they run.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from ..errors import NoTranslationRoute, UsageError
from ..model import Document, Segment
from .base import Engine, NoopEngine

log = logging.getLogger(__name__)

ENGINE_NAMES = ("auto", "argos", "apertium", "none")
__all__ = ["ENGINE_NAMES", "Engine", "Engines", "translate_documents", "install_hint"]


def install_hint(source: str, target: str) -> str:
    return f"briefgen models install {source} {target}"


class Engines:
    """The engines of one run, created on first use and closed together."""

    def __init__(self, requested: str = "auto", argos_options=None):
        if requested not in ENGINE_NAMES:
            raise UsageError(f"unknown engine {requested!r}: choose one of {', '.join(ENGINE_NAMES)}")
        self.requested = requested
        self._argos_options = argos_options
        self._made: dict[str, Engine] = {}

    def get(self, name: str) -> Engine:
        if name not in self._made:
            if name == "argos":
                from .argos import ArgosEngine

                self._made[name] = ArgosEngine(self._argos_options)
            elif name == "apertium":
                from .apertium import ApertiumEngine

                self._made[name] = ApertiumEngine()
            else:
                self._made[name] = NoopEngine()
        return self._made[name]

    def choose(self, source: str, target: str) -> Engine:
        """The engine for a pair; raises NoTranslationRoute with the command to fix it."""
        if source == target:
            return self.get("none")
        order = {"auto": ["argos", "apertium"], "none": []}.get(self.requested, [self.requested])
        for name in order:
            engine = self.get(name)
            if engine.supports(source, target):
                return engine
        raise NoTranslationRoute(self._no_route_message(source, target))

    def _no_route_message(self, source: str, target: str) -> str:
        hint = install_hint(source, target)
        if self.requested == "none":
            return (f"--engine none cannot translate {source}→{target}: choose another engine, "
                    f"or install a model with '{hint}'")
        if self.requested == "argos":
            return (f"no Argos package for {source}→{target} is installed: run '{hint}' "
                    f"(or '{hint} --file PKG.argosmodel' on a machine without internet)")
        if self.requested == "apertium":
            return (f"apertium cannot translate {source}→{target} here: install apertium and its "
                    f"language data (for fr→en: apt-get install apertium apertium-fr-es apertium-eng-spa)")
        return (f"no translation engine for {source}→{target}: install a model with '{hint}' "
                f"(or '{hint} --file PKG.argosmodel'), or install apertium "
                f"(apt-get install apertium apertium-fr-es apertium-eng-spa)")

    def close(self) -> None:
        for engine in self._made.values():
            engine.close()


def _units(doc: Document) -> list[tuple[str, str]]:
    """(language, text) of every unit in a document that the brief shows translated."""
    units = []
    if doc.title is not None:
        units.append((doc.language, doc.title.original))
    for para in doc.paragraphs:
        units.extend((para.language, s.original) for s in para.sentences)
    units.extend((doc.paragraphs[q.paragraph].language, q.original) for q in doc.quotes)
    return units


def translate_documents(docs: list[Document], target: str, engines: Engines) -> list[Document]:
    """Translate all documents to ``target`` in one pass per language pair."""
    wanted: dict[str, list[str]] = {}
    for doc in docs:
        for lang, text in _units(doc):
            if lang != target:
                wanted.setdefault(lang, [])
                wanted[lang].append(text)
    chosen = {lang: engines.choose(lang, target) for lang in sorted(wanted)}
    table: dict[tuple[str, str], str] = {}
    for lang, texts in sorted(wanted.items()):
        unique = list(dict.fromkeys(texts))
        engine = chosen[lang]
        log.info("translating %d segments %s→%s with %s (%s)",
                 len(unique), lang, target, engine.name, engine.model_id(lang, target))
        outputs = engine.translate(unique, lang, target)
        if len(outputs) != len(unique):
            raise RuntimeError(f"{engine.name} returned {len(outputs)} translations for {len(unique)} inputs")
        table.update(((lang, src), out) for src, out in zip(unique, outputs, strict=True))
    return [_apply(doc, target, table, chosen) for doc in docs]


def _apply(doc: Document, target: str, table: dict, chosen: dict[str, Engine]) -> Document:
    def seg(segment: Segment, lang: str | None) -> Segment:
        text = segment.original if lang == target else table[(lang, segment.original)]
        return replace(segment, text=text)

    paragraphs = tuple(
        replace(p, sentences=tuple(seg(s, p.language) for s in p.sentences)) for p in doc.paragraphs
    )
    quotes = tuple(
        replace(q, segment=seg(q.segment, doc.paragraphs[q.paragraph].language)) for q in doc.quotes
    )
    title = seg(doc.title, doc.language) if doc.title is not None else None
    used = sorted({lang for lang, _ in _units(doc) if lang != target})
    return replace(doc, paragraphs=paragraphs, quotes=quotes, title=title,
                   translation=provenance([(chosen[lang], lang, target) for lang in used]))


def provenance(uses: list[tuple[Engine, str, str]]) -> dict:
    """{"engine", "model"} for what translated a source (or a whole brief)."""
    names = sorted({engine.name for engine, _, _ in uses})
    models = sorted({m for engine, s, t in uses if (m := engine.model_id(s, t))})
    return {
        "engine": "+".join(names) if names else "none",
        "model": ", ".join(models) if models else None,
    }
