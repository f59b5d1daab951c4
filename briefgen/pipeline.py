"""Runs the stages: the library API behind the CLI.

    make_brief(config, date)  -> Outcome (the Brief and the files written)
    inspect(paths)            -> (list[SourceBrief], list[Skipped]), nothing translated
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from datetime import date as Date
from pathlib import Path

from . import __version__
from .archive import update_archive
from .config import Config, check
from .crossref import group_sources, link_statements, people_index
from .detect import detect
from .errors import NoUsableSource, SourceError, UsageError, when_stopped
from .extract import SUMMARY_LENGTH, extract
from .faults import checkpoint
from .fsutil import OutputLock, remove_leftovers
from .ingest import Access, discover, display_path, ingest_all
from .model import Brief, Document, Skipped, SourceBrief
from .parallel import Executor, make_executor
from .render import fingerprint, preload_pdf_renderer, write_brief
from .state import State
from .timing import Stopwatch
from .translate import Engines, translate_documents
from .translate.argos import DecodingOptions
from .translate.glossary import Glossary
from .translate.memory import TranslationMemory

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    brief: Brief
    paths: list[Path]
    seconds: dict[str, float]  # per stage: ingest, translate, extract, html, pdf, json


def read_sources(paths: list[Path], max_bytes: int, executor: Executor | None = None,
                 access: Access | list[Access | None] | None = None) -> tuple[list[Document], list[Skipped]]:
    """Ingest and detect each file (in parallel when an executor is given); a bad file
    becomes a Skipped entry, never an abort. Files with the same bytes are one source
    that lists every name. ``access``: where the files may be (one for all, or one a file)."""
    accesses = access if isinstance(access, list) else [access] * len(paths)
    per_file = (executor or Executor()).map(_read_one, [(path, max_bytes, where)
                                                        for path, where in zip(paths, accesses, strict=True)])
    results = [result for file_results in per_file for result in file_results]
    docs: list[Document] = []
    skipped: list[Skipped] = []
    by_hash: dict[str, int] = {}
    for result in results:
        if isinstance(result, Skipped):
            log.warning("skipped %s: %s", result.path, result.reason)
            skipped.append(result)
            continue
        doc = result
        if doc.sha256 in by_hash:
            first = by_hash[doc.sha256]
            log.info("%s has the same content as %s: one source", doc.path, docs[first].path)
            docs[first] = replace(docs[first], duplicates=docs[first].duplicates + (doc.path,))
            continue
        by_hash[doc.sha256] = len(docs)
        docs.append(doc)
    return unique_ids(docs), skipped


def unique_ids(docs: list[Document]) -> list[Document]:
    """Every source's id unique in the run, since citations and links go by id: the file's
    stem ("a"), its whole name when another source has the same stem ("a.txt", "a.md"),
    and -2, -3 … when even that is taken (the same name in two folders)."""
    stems = Counter(doc.id for doc in docs)
    taken: set[str] = set()
    result = []
    for doc in docs:
        wanted = doc.id if stems[doc.id] == 1 else Path(doc.path).name
        unique, n = wanted, 1
        while unique in taken:
            n += 1
            unique = f"{wanted}-{n}"
        taken.add(unique)
        result.append(doc if unique == doc.id else replace(doc, id=unique))
    return result


def _read_one(task: tuple[Path, int, Access | None]) -> list[Document | Skipped]:
    """Every source in one file (a mailbox holds several), read and detected."""
    path, max_bytes, access = task
    results: list[Document | Skipped] = []
    for found in ingest_all(path, max_bytes, access):
        try:
            if isinstance(found, SourceError):
                raise found
            results.append(detect(found))
        except SourceError as exc:
            results.append(Skipped(exc.path, exc.reason))
    return results


def _extract_one(task: tuple[Document, int]) -> SourceBrief:
    doc, summary_length = task
    return extract(doc, summary_length)


def check_date(value: str | None) -> str:
    """The brief's date as ISO: today (local time) by default."""
    if value is None:
        return Date.today().isoformat()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise UsageError(f"--date must be YYYY-MM-DD, not {value!r}")
    try:
        return Date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--date {value!r} is not a real date") from None


def generated_at() -> str:
    """Now, in UTC; SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.replace(microsecond=0).isoformat()


def make_brief(config: Config, date: str | None = None) -> Outcome:
    """Read every source in ``config.sources_dir``, translate, extract, and write the brief."""
    day = check_date(date)
    check(config)
    check_folders(Path(config.sources_dir), Path(config.out_dir))
    clock = Stopwatch()
    if "pdf" in config.formats:
        preload_pdf_renderer()
    unwritten = f"before the brief of {day} in {config.lang} was written; earlier briefs are untouched"
    published = (f"after the brief of {day} in {config.lang} was written; the index and the latest copies "
                 f"are brought up to date by the next run")
    with OutputLock(config.out_dir):
        with when_stopped(unwritten):
            for leftover in remove_leftovers(config.out_dir):
                log.warning("removed %s, left by a run that was stopped", leftover)
            with make_executor(config.cluster, config.workers) as executor:
                docs, skipped = gather(config, day, clock, executor)
                checkpoint("translate")
                with clock.stage("translate"):
                    translated = translate_all(config, docs, executor if config.cluster else None)
                with clock.stage("extract"):
                    brief = assemble(config, day, translated, skipped, executor)
            checkpoint("render")
        with State(config.out_dir) as state:
            with when_stopped(unwritten):
                written = render_unless_unchanged(config, brief, state, clock)
            with when_stopped(published):
                state.record_sources(day, config.lang, [(d.sha256, d.path) for d in docs])
                with clock.stage("archive"):
                    written += update_archive(config.out_dir, config.archive_lang, brief.generated_at,
                                              config.base_url, config.feed)
    for path in written:
        log.info("wrote %s", path)
    log.debug("seconds per stage: %s", ", ".join(f"{k} {v:.2f}" for k, v in clock.seconds.items()))
    return Outcome(brief, written, clock.seconds)


def check_folders(sources_dir: Path, out_dir: Path) -> None:
    """The sources folder must be a folder, the output folder one or not yet there, and
    not inside the sources folder: the next brief would read this one's pages as news."""
    if not sources_dir.exists():
        raise NoUsableSource(f"the sources folder {sources_dir} does not exist")
    if not sources_dir.is_dir():
        raise UsageError(f"the sources folder {sources_dir} is a file, not a folder: give the folder that holds "
                         f"the sources")
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"the output folder {out_dir} is a file, not a folder: give a folder (it is made if need be)")
    if out_dir.resolve().is_relative_to(sources_dir.resolve()):
        raise UsageError(f"the output folder {out_dir} is inside the sources folder {sources_dir}: the next brief "
                         f"would read this one's pages as sources; choose an output folder outside it")


def render_unless_unchanged(config: Config, brief: Brief, state: State, clock: Stopwatch) -> list[Path]:
    """Write the brief's files, unless the same brief (same content, formats, templates)
    was already written and its files are still there, untouched."""
    folder = Path(config.out_dir) / brief.date
    paths_below = Path(config.sources_dir).absolute() if config.absolute_paths else None
    made_from = fingerprint(brief, config.formats, config.pdf_variant, paths_below)
    previous = state.rendered(brief.date, brief.lang)
    if previous and previous[0] == made_from and all(
            (folder / name).is_file() and _sha256(folder / name) == digest for name, digest in previous[1].items()):
        log.info("the brief of %s in %s is unchanged: its files are kept", brief.date, brief.lang)
        return []
    written = write_brief(brief, config.formats, config.out_dir, clock, config.pdf_variant, paths_below)
    state.record_rendered(brief.date, brief.lang, made_from, {p.name: _sha256(p) for p in written})
    return written


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def gather(config: Config, day: str, clock: Stopwatch,
           executor: Executor | None = None) -> tuple[list[Document], list[Skipped]]:
    """The usable sources of the run, and the files that could not be used."""
    access = Access(Path(config.sources_dir), config.symlinks_into)
    paths, rejected = discover(Path(config.sources_dir), access)
    for path, reason in rejected:
        log.warning("skipped %s: %s", display_path(path), reason)
    with clock.stage("ingest"):
        docs, skipped = read_sources(paths, config.max_bytes, executor, access)
    skipped = [Skipped(display_path(p), reason) for p, reason in rejected] + skipped
    # from here on, a source is named as readers see it: never where it lives on this machine
    sources_dir = Path(config.sources_dir)
    docs = [replace(d, path=source_name(d.path, sources_dir),
                    duplicates=tuple(source_name(p, sources_dir) for p in d.duplicates)) for d in docs]
    skipped = [Skipped(source_name(s.path, sources_dir), s.reason) for s in skipped]
    if not docs:
        detail = f" ({len(skipped)} file(s) skipped)" if skipped else ""
        raise NoUsableSource(f"no usable source in {config.sources_dir}{detail}")
    if config.since_last:
        with State(config.out_dir) as state:
            earlier, last = state.earlier_sources(day, config.lang), state.last_brief_before(day, config.lang)
        new = [d for d in docs if d.sha256 not in earlier]
        log.info("%d source(s) already in an earlier brief, %d new", len(docs) - len(new), len(new))
        if not new:
            raise NoUsableSource(f"no new source in {config.sources_dir} since the brief of {last}")
        docs = new
    return docs, skipped


def source_name(path: str, sources_dir: Path) -> str:
    """A source's path as the brief shows it: relative to the sources folder."""
    try:
        return Path(path).absolute().relative_to(sources_dir.absolute()).as_posix()
    except ValueError:  # not below it (cannot happen for files the folder lists)
        return Path(path).name


def translate_all(config: Config, docs: list[Document], cluster: Executor | None = None) -> list[Document]:
    glossary = Glossary.load(config.glossary)
    memory = TranslationMemory(config.cache_path) if config.cache else None
    engines = Engines(config.engine, DecodingOptions(device=config.device), memory, cluster)
    try:
        return translate_documents(docs, config.lang, engines, glossary)
    finally:
        engines.close()


def assemble(config: Config, day: str, translated: list[Document], skipped: list[Skipped],
             executor: Executor | None = None) -> Brief:
    extracted = (executor or Executor()).map(_extract_one, [(doc, config.summary_length) for doc in translated])
    briefs = link_statements(extracted)
    return Brief(
        date=day, lang=config.lang, generated_at=generated_at(), translation=run_provenance(translated),
        sources=tuple(briefs), skipped=tuple(sorted(skipped, key=lambda s: s.path)), version=__version__,
        groups=tuple(group_sources(briefs)), people=tuple(people_index(briefs)),
    )


def run_provenance(docs: list[Document]) -> dict:
    """The brief-level {"engine", "model"}: everything that translated any of its sources."""
    engines = sorted({part for d in docs for part in (d.translation or {}).get("engine", "none").split("+")
                      if part != "none"})
    models = sorted({m for d in docs for m in ((d.translation or {}).get("model") or "").split(", ") if m})
    info = {"engine": "+".join(engines) or "none", "model": ", ".join(models) or None}
    untranslated = sorted({lang for d in docs for lang in (d.translation or {}).get("untranslated", [])})
    if untranslated:
        info["untranslated"] = untranslated
    return info


def inspect(paths: list[Path], max_bytes: int | None = None) -> tuple[list[SourceBrief], list[Skipped]]:
    """What the pipeline sees in each file, without translating anything."""
    files: list[Path] = []
    accesses: list[Access | None] = []
    rejected: list[Skipped] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found, bad = discover(path)
            files.extend(found)
            accesses.extend([Access(path)] * len(found))
            rejected.extend(Skipped(display_path(p), r) for p, r in bad)
        else:  # named on the command line: read wherever it is, if it is a regular file
            files.append(path)
            accesses.append(None)
    with make_executor(None) as executor:
        docs, skipped = read_sources(files, max_bytes or Config().max_bytes, executor, accesses)
        briefs = executor.map(_extract_one, [(doc, SUMMARY_LENGTH) for doc in docs])
    return briefs, rejected + skipped
