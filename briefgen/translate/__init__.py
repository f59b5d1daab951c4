"""The translate stage: every sentence, title and quotation not already in the target
language goes through one engine per language pair, all sources of a run together.

Engines (one module each) share the small interface of ``base.Engine``. ``Engines``
picks one per pair (direct, or through English), puts the translation memory in front of
it, and ``translate_documents`` applies the glossary, the target's typography and the
number/name check to what comes out. A language with no route at all is kept as it is
and said so; only when no source is in the target language and no needed pair has a
route does the stage fail (a brief of untranslated text is no brief).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from ..errors import NoTranslationRoute, UsageError
from ..model import Document, Segment
from . import glossary as glossary_terms
from .base import Engine, NoopEngine
from .glossary import Glossary
from .memory import CachedEngine, TranslationMemory
from .postedit import lost_facts, typography

log = logging.getLogger(__name__)

ENGINE_NAMES = ("auto", "argos", "apertium", "none")
PIVOT = "en"
__all__ = ["ENGINE_NAMES", "Engine", "Engines", "translate_documents", "install_hint", "provenance"]


def install_hint(source: str, target: str) -> str:
    return f"briefgen models install {source} {target}"


class PivotEngine(Engine):
    """Two engines chained through a third language (de→en→fr)."""

    def __init__(self, first: Engine, second: Engine, via: str):
        self.first, self.second, self.via = first, second, via
        self.name = first.name if first.name == second.name else f"{first.name}+{second.name}"

    def supports(self, source: str, target: str) -> bool:
        return self.first.supports(source, self.via) and self.second.supports(self.via, target)

    def model_id(self, source: str, target: str) -> str | None:
        return f"{self.first.model_id(source, self.via)} + {self.second.model_id(self.via, target)}"

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        return self.second.translate(self.first.translate(sentences, source, self.via), self.via, target)


class Engines:
    """The engines of one run, created on first use, cached, and closed together."""

    def __init__(self, requested: str = "auto", argos_options=None, memory: TranslationMemory | None = None,
                 executor=None):
        if requested not in ENGINE_NAMES:
            raise UsageError(f"unknown engine {requested!r}: choose one of {', '.join(ENGINE_NAMES)}")
        self.requested = requested
        self.memory = memory
        self.executor = executor  # a cluster to spread translation over (None: here)
        self._argos_options = argos_options
        self._made: dict[str, Engine] = {}

    def get(self, name: str) -> Engine:
        if name not in self._made:
            if name == "argos":
                from .argos import ArgosEngine

                engine: Engine = ArgosEngine(self._argos_options)
            elif name == "apertium":
                from .apertium import ApertiumEngine

                engine = ApertiumEngine()
            else:
                engine = NoopEngine()
            if self.executor is not None and name != "none":
                from .cluster import ClusterEngine

                engine = ClusterEngine(engine, (name, self._argos_options), self.executor)
            if self.memory is not None and name != "none":
                engine = CachedEngine(engine, self.memory)
            self._made[name] = engine
        return self._made[name]

    def route(self, source: str, target: str) -> Engine | None:
        """The engine for a pair, or None: direct first, then through English."""
        if source == target:
            return self.get("none")
        names = {"auto": ["argos", "apertium"], "none": []}.get(self.requested, [self.requested])
        for name in names:
            engine = self.get(name)
            if engine.supports(source, target):
                return engine
        for name in names:
            engine = self.get(name)
            if PIVOT not in (source, target) and engine.supports(source, PIVOT) and engine.supports(PIVOT, target):
                return PivotEngine(engine, engine, PIVOT)
        return None

    def no_route_message(self, source: str, target: str) -> str:
        hint = install_hint(source, target)
        if self.requested == "none":
            return (f"--engine none cannot translate {source}→{target}: choose another engine, "
                    f"or install a model with '{hint}'")
        if self.requested == "argos":
            return (f"no Argos package for {source}→{target} is installed: run '{hint}' "
                    f"(or '{hint} --file PKG.argosmodel' on a machine without internet)")
        if self.requested == "apertium":
            return f"apertium cannot translate {source}→{target} here: {_apertium_hint(source, target)}"
        return (f"no translation engine for {source}→{target}: install a model with '{hint}' "
                f"(or '{hint} --file PKG.argosmodel'), or {_apertium_hint(source, target)}")

    def close(self) -> None:
        for engine in self._made.values():
            engine.close()
        if self.memory is not None:
            self.memory.close()


def _apertium_hint(source: str, target: str) -> str:
    """What to install for apertium to translate a pair: apertium itself only if it is missing."""
    from .apertium import ApertiumEngine

    if ApertiumEngine().executable is None:
        return "install apertium and its language data (for fr→en: apt-get install apertium apertium-fr-es " \
               "apertium-eng-spa)"
    return (f"apertium is installed but has no {source}→{target} route: install its language data for "
            f"the pair if there is any ('apt-cache search apertium-{source}')")


@dataclass(frozen=True)
class Translated:
    text: str
    check: bool


def _units(doc: Document) -> list[tuple[str, str]]:
    """(language, text) of every unit in a document that the brief shows translated."""
    units = []
    if doc.title is not None:
        units.append((doc.language, doc.title.original))
    for para in doc.paragraphs:
        units.extend((para.language, s.original) for s in para.sentences)
    units.extend((doc.language_of(q.paragraph), q.original) for q in doc.quotes)
    units.extend((doc.language, role.original) for _, role in doc.roles)
    return units


def translate_documents(docs: list[Document], target: str, engines: Engines,
                        glossary: Glossary | None = None) -> list[Document]:
    """Translate all documents to ``target`` in one pass per language pair."""
    glossary = glossary or Glossary()
    wanted: dict[str, list[str]] = {}
    for doc in docs:
        for lang, text in _units(doc):
            if lang != target:
                wanted.setdefault(lang, []).append(text)
    routes = {lang: engines.route(lang, target) for lang in sorted(wanted)}
    in_target = any(doc.language == target for doc in docs)
    if wanted and not in_target and all(engine is None for engine in routes.values()):
        raise NoTranslationRoute(" ; ".join(engines.no_route_message(lang, target) for lang in routes))
    table: dict[tuple[str, str], Translated] = {}
    for lang, engine in routes.items():
        if engine is None:
            log.warning("%s", engines.no_route_message(lang, target) + f"; text in {lang} is kept untranslated")
            continue
        table.update(((lang, k), v) for k, v in
                     _translate_pair(engine, list(dict.fromkeys(wanted[lang])), lang, target, glossary).items())
    return [_apply(doc, target, table, routes) for doc in docs]


def _translate_pair(engine: Engine, unique: list[str], source: str, target: str,
                    glossary: Glossary) -> dict[str, Translated]:
    terms = glossary.terms(source, target)
    found = {text: glossary_terms.found_terms(terms, text) for text in unique}
    term_sources = sorted({t.source for ts in found.values() for t in ts})
    # the terms alone go in the same batch: the engine's own rendering of each, to replace
    batch = unique + [t for t in term_sources if t not in found]
    log.info("translating %d segments %s→%s with %s (%s)",
             len(unique), source, target, engine.name, engine.model_id(source, target))
    outputs = engine.translate(batch, source, target)
    if len(outputs) != len(batch):
        raise RuntimeError(f"{engine.name} returned {len(outputs)} translations for {len(batch)} inputs")
    by_input = dict(zip(batch, outputs, strict=True))
    renderings = {t: by_input[t] for t in term_sources}
    names = {t.source: t.target for t in terms}
    result = {}
    for text in unique:
        out = glossary_terms.apply(by_input[text], found[text], renderings)
        out = typography(out, text, target, tuple(t.target for t in found[text]))
        lost = lost_facts(text, out, names) + [t.source for t in glossary_terms.missing(out, found[text])]
        if lost:
            log.debug("check %r: %s lost in %r", text[:60], ", ".join(lost), out[:60])
        result[text] = Translated(out, bool(lost))
    if isinstance(engine, CachedEngine):
        log.info("translation memory: %d from memory, %d translated now", engine.hits, engine.misses)
    return result


def _apply(doc: Document, target: str, table: dict, routes: dict[str, Engine | None]) -> Document:
    def seg(segment: Segment, lang: str | None) -> Segment:
        done = table.get((lang, segment.original))
        if lang == target or done is None:  # same language, or no route: kept as written
            return replace(segment, text=segment.original, check=False)
        return replace(segment, text=done.text, check=done.check)

    paragraphs = tuple(
        replace(p, sentences=tuple(seg(s, p.language) for s in p.sentences)) for p in doc.paragraphs
    )
    quotes = tuple(
        replace(q, segment=seg(q.segment, doc.language_of(q.paragraph))) for q in doc.quotes
    )
    title = seg(doc.title, doc.language) if doc.title is not None else None
    roles = tuple((name, seg(role, doc.language)) for name, role in doc.roles)
    used = sorted({lang for lang, _ in _units(doc) if lang != target})
    info = provenance([(routes[lang], lang, target) for lang in used if routes.get(lang)])
    untranslated = [lang for lang in used if routes.get(lang) is None]
    if untranslated:
        info["untranslated"] = untranslated
    return replace(doc, paragraphs=paragraphs, quotes=quotes, title=title, roles=roles, translation=info)


def provenance(uses: list[tuple[Engine, str, str]]) -> dict:
    """{"engine", "model"} for what translated a source (or a whole brief)."""
    names = sorted({engine.name for engine, _, _ in uses})
    models = sorted({m for engine, s, t in uses if (m := engine.model_id(s, t))})
    return {
        "engine": "+".join(names) if names else "none",
        "model": ", ".join(models) if models else None,
    }
