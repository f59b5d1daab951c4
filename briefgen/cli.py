"""The ``briefgen`` command: maps options to the library API and errors to exit codes.

Only click is imported at start-up; everything heavy is imported by the command that
needs it, so ``briefgen --help`` answers at once.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from pathlib import Path

import click

from . import __version__
from .errors import BriefgenError

log = logging.getLogger("briefgen")


def one_line(text: str) -> str:
    """``text`` as one line of stderr (which cron mails): what is not printable, such as
    a newline or a right-to-left override in a file name, is shown escaped ("\\n"), so a
    file name cannot forge a line of its own."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        prefix = "briefgen: " if record.levelno < logging.WARNING else f"briefgen: {record.levelname.lower()}: "
        return prefix + one_line(record.getMessage())


def _only_briefgen_below_warnings(record: logging.LogRecord) -> bool:
    """Other libraries' information (Dask logs some 25 lines a run) is not the run's news:
    only their warnings and errors are shown (everything under --verbose)."""
    return record.levelno >= logging.WARNING or record.name == "briefgen" or record.name.startswith("briefgen.")


def _setup_logging(verbose: bool, quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    if not verbose:
        handler.addFilter(_only_briefgen_below_warnings)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    level = logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO
    logging.getLogger("briefgen").setLevel(level)
    logging.getLogger("argostranslate").setLevel(logging.WARNING)  # it logs source text at INFO
    for noisy in ("weasyprint", "fontTools", "trafilatura", "htmldate", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(logging.ERROR)


class _Group(click.Group):
    """Turns expected errors into one line on stderr and the exit code of DESIGN.md."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BriefgenError as exc:
            click.echo(f"briefgen: error: {one_line(str(exc))}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except OSError as exc:  # the system's refusal (a full disk, …): what and where, not a traceback
            if ctx.obj and ctx.obj.get("verbose"):
                raise
            where = f": {one_line(str(exc.filename))}" if exc.filename else ""
            click.echo(f"briefgen: error: {exc.strerror or type(exc).__name__}{where}", err=True)
            ctx.exit(1)
        except Exception as exc:  # unexpected: one line, the traceback under --verbose
            if ctx.obj and ctx.obj.get("verbose"):
                raise
            click.echo(f"briefgen: unexpected error: {type(exc).__name__}: {one_line(str(exc))} "
                       f"(run with --verbose for details)", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
@click.option("-v", "--verbose", is_flag=True, help="Log details, and show tracebacks of unexpected errors.")
@click.option("--config", "config_file", type=click.Path(path_type=Path),
              help="Settings file (default: ./briefgen.toml when there is one).")
@click.pass_context
def main(ctx: click.Context, verbose: bool, config_file: Path | None) -> None:
    """Offline multilingual press briefs: sources in other languages in, a dated English
    (or other language) brief out, as HTML, PDF and JSON."""
    ctx.obj = {"verbose": verbose, "config_file": config_file}
    _setup_logging(verbose, quiet=False)
    _stop_cleanly_on_sigterm()


def _stop_cleanly_on_sigterm() -> None:
    """SIGTERM (systemd, cron timeouts, kill) unwinds like an error: temporary files are
    removed, the lock is released, and nothing half-written is left."""
    import signal

    from .errors import Stopped

    def stop(signum, frame):
        raise Stopped()  # the stage it interrupts says what had been done (errors.when_stopped)

    signal.signal(signal.SIGTERM, stop)


def _config(ctx: click.Context, **options):
    """Defaults, then the settings file, then the options given on the command line."""
    from .config import find_config, load_config, merged

    return merged(load_config(find_config(ctx.obj["config_file"])), **options)


@main.command()
@click.option("--lang", help="Language of the brief (en, fr, …); default: the settings' languages, else en.")
@click.option("--sources", "sources_dir", type=click.Path(path_type=Path),
              help="Folder of source files (.txt, .md, .html); default: seeds/.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Output folder (default: out/).")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="Date of the brief (default: today).")
@click.option("--engine", type=click.Choice(["auto", "argos", "apertium", "none"]),
              help="Translation engine (default: auto: an installed Argos model, else apertium).")
@click.option("--format", "formats", help="Comma-separated output formats (default: html,pdf,json).")
@click.option("--glossary", type=click.Path(path_type=Path),
              help="A TOML glossary ([fr-en] \"OTAN\" = \"NATO\") on top of the default one.")
@click.option("--no-cache", is_flag=True, default=None, help="Do not use the translation memory.")
@click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]),
              help="Where Argos models run (default: auto, cuda when CTranslate2 sees a GPU).")
@click.option("--pdf-variant", type=click.Choice(["pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u",
                                                  "pdf/ua-1"]),
              help="Every PDF is tagged for screen readers (PDF/UA-1, the default); pdf/a-* writes PDF/A for "
                   "archives, tagged too (PDF/A-2 and -3 also declare PDF/UA-1).")
@click.option("--since-last", is_flag=True, default=None,
              help="Only sources that are not in an earlier brief of this output folder.")
@click.option("--absolute-paths", is_flag=True, default=None,
              help="Give sources' absolute paths in the JSON (the HTML and PDF always show them relative "
                   "to the sources folder).")
@click.option("--workers", type=int, help="Local worker processes for reading and extraction (default: one a core).")
@click.option("--cluster", metavar="ADDRESS",
              help="Spread translation and extraction over a Dask cluster: tcp://host:8786, or local:N.")
@click.option("--send", is_flag=True, help="E-mail the brief to the configured recipients afterwards.")
@click.option("--fetch", "fetch_first", is_flag=True,
              help="Run 'briefgen fetch' first (the settings' feeds into the sources folder).")
@click.option("-q", "--quiet", is_flag=True, help="Print only warnings and errors (for cron).")
@click.pass_context
def make(ctx, lang, sources_dir, out_dir, date, engine, formats, glossary, no_cache, device, pdf_variant,
         since_last, absolute_paths, workers, cluster, send, fetch_first, quiet):
    """Make the brief from every source in the sources folder (one brief per language)."""
    from .errors import when_stopped
    from .pipeline import check_date, make_brief

    _setup_logging(ctx.obj["verbose"], quiet)
    config = _config(ctx, lang=lang.lower() if lang else None, sources_dir=sources_dir, out_dir=out_dir,
                     engine=engine, glossary=glossary, device=device, pdf_variant=pdf_variant,
                     since_last=since_last, absolute_paths=absolute_paths, cache=False if no_cache else None,
                     workers=workers, cluster=cluster,
                     formats=tuple(f.strip().lower() for f in formats.split(",") if f.strip()) if formats else None)
    day = check_date(date)
    fetched = _fetch(config, None, sources_given=sources_dir is not None) if fetch_first else None
    for language in config.languages:
        outcome = make_brief(replace(config, lang=language), day)
        with when_stopped(f"after the brief of {day} in {language} was written"):
            brief = outcome.brief
            kept = brief.translation.get("untranslated")
            log.info("brief for %s in %s: %d source(s), %d skipped, translated by %s%s%s",
                     brief.date, brief.lang, len(brief.sources), len(brief.skipped), brief.translation["engine"],
                     f" ({brief.translation['model']})" if brief.translation.get("model") else "",
                     f"; not translated (no route): {', '.join(kept)}" if kept else "")
            if send:
                _send(replace(config, lang=language), day, language, force=False)
    if fetched is not None:
        _fetch_outcome(fetched)


@main.command("fetch")
@click.option("--sources", "sources_dir", type=click.Path(path_type=Path),
              help="Folder the fetched sources are written to (default: the settings' sources, else seeds/).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path),
              help="Output folder whose lock and state the fetch shares with make (default: out/).")
@click.option("--since", metavar="YYYY-MM-DD[THH:MM]", help="Only items published since then (local time).")
@click.option("-q", "--quiet", is_flag=True, help="Print only warnings and errors (for cron).")
@click.pass_context
def fetch_command(ctx, sources_dir, out_dir, since, quiet):
    """Fetch the new items of the settings' feeds ([[feeds]] in briefgen.toml) into the
    sources folder: the only command that uses the network. Exit code 6 when some feeds
    or pages could not be read (each is named on stderr; the others were written)."""
    _setup_logging(ctx.obj["verbose"], quiet)
    config = _config(ctx, sources_dir=sources_dir, out_dir=out_dir)
    _fetch_outcome(_fetch(config, _since(since), sources_given=sources_dir is not None))


def _since(value: str | None):
    from datetime import datetime

    from .errors import UsageError

    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--since must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, not {value!r}") from None
    return moment if moment.tzinfo else moment.astimezone()


def _fetch(config, since, sources_given: bool):
    from .config import Config
    from .errors import UsageError
    from .fetch import fetch_sources

    if not sources_given and config.sources_dir == Config.sources_dir:
        # never into the shipped seeds/ by accident
        raise UsageError("briefgen fetch needs a sources folder: --sources DIR, or sources = \"…\" in briefgen.toml")
    report = fetch_sources(config, since)
    skipped = ", ".join(f"{count} {why}" for why, count in sorted(report.skipped.items()))
    log.info("fetched %d new source(s) into %s%s%s", len(report.written), config.sources_dir,
             f"; skipped {skipped}" if skipped else "",
             f"; {len(report.unchanged_feeds)} feed(s) unchanged" if report.unchanged_feeds else "")
    return report


def _fetch_outcome(report) -> None:
    from .errors import FetchFailed

    if report.failures:
        raise FetchFailed(f"{len(report.failures)} feed(s) or page(s) could not be fetched (named above); "
                          f"{len(report.written)} new source(s) were written")


@main.command("send")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="Date of the brief (default: today).")
@click.option("--lang", help="Language of the brief (default: the settings' languages, else en).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Output folder (default: out/).")
@click.option("--force", is_flag=True, help="Send again to recipients who already had this brief.")
@click.option("-q", "--quiet", is_flag=True, help="Print only warnings and errors (for cron).")
@click.pass_context
def send_command(ctx, date, lang, out_dir, force, quiet):
    """E-mail a brief (PDF attached, key points in the body) to the configured recipients."""
    from .pipeline import check_date

    _setup_logging(ctx.obj["verbose"], quiet)
    config = _config(ctx, lang=lang.lower() if lang else None, out_dir=out_dir)
    day = check_date(date)
    for language in config.languages:
        _send(config, day, language, force)


def _send(config, day: str, lang: str, force: bool) -> None:
    from .mail import send_brief

    report = send_brief(config, day, lang, force=force)
    if report.already:
        log.info("already sent to %s (use --force to send again)", ", ".join(report.already))
    log.info("brief of %s in %s sent to %d recipient(s)", day, lang, len(report.sent))


@main.command("inspect")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list of source objects).")
def inspect_command(paths, as_json):
    """Show what the pipeline sees in each source, without translating."""
    import json

    from .errors import NoUsableSource
    from .pipeline import inspect
    from .render import source_json

    briefs, skipped = inspect(list(paths))
    for entry in skipped:
        log.warning("skipped %s: %s", entry.path, entry.reason)
    if as_json:
        click.echo(json.dumps([source_json(b) for b in briefs], ensure_ascii=False, indent=2))
    else:
        for item in briefs:
            click.echo(_describe(item))
    if not briefs:
        raise NoUsableSource("no usable source among the given paths")


def _describe(item) -> str:
    doc = item.document
    lines = [
        f"== {one_line(doc.path)}",
        f"   language   {doc.language}  (paragraphs: {' '.join(p.language or '?' for p in doc.paragraphs)})",
        f"   title      {doc.title.original if doc.title else '—'}",
        f"   outlet     {doc.outlet or '—'}",
        f"   published  {doc.published or '—'}",
    ]
    for q in item.quotes:
        who = q.speaker or "unknown"
        if q.role:
            who += f", {q.role}"
        lines.append(f"   quote      [{who}] «{_short(q.original)}»")
        if q.evidence:
            lines.append(f"              from: {_short(q.evidence, 80)}")
    for n, s in enumerate(item.summary, 1):
        lines.append(f"   key {n}      ({s.score:.2f}) {_short(s.original)}")
    return "\n".join(lines)


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@main.group()
def models():
    """List or install translation models."""


@models.command("list")
@click.option("--to", "target", metavar="LANG", help="Only the routes to this language (default: every language "
                                                     "a brief has labels in).")
def models_list(target):
    """Installed Argos packages and apertium directions, then every route: source → target,
    with its engine, direct or through which languages, and what would fill each gap."""
    import re

    from . import i18n
    from .errors import UsageError
    from .translate import Engines
    from .translate.apertium import ApertiumEngine
    from .translate.packages import installed_packages, package_dirs
    from .translate.routes import LANGUAGES, route_table

    if target is not None and not re.fullmatch(r"[a-z]{2,3}", target.lower()):
        raise UsageError(f"--to must be a language code such as en, not {target!r}")
    good, broken = installed_packages()
    click.echo(f"Argos packages in {', '.join(str(d) for d in package_dirs())}:")
    if not good and not broken:
        click.echo("  (none installed)")
    for p in good:
        click.echo(f"  {p.from_code}→{p.to_code}  {p.name}  {p.version or '?'}  "
                   f"{p.size_bytes / 1024 / 1024:.1f} MB  {p.path}")
    for b in broken:
        click.echo(f"  broken  {b.path}: {b.reason}")
    apertium = ApertiumEngine()
    if apertium.executable:
        pairs = ", ".join(f"{s}→{t}" for s, t in sorted(apertium.modes)) or "none"
        click.echo(f"apertium ({apertium.executable}): {pairs}")
        for mode, programs in apertium.unusable_modes(apertium.listed).items():
            click.echo(f"  {mode} cannot run: {', '.join(programs)} not installed")
    else:
        click.echo("apertium: not installed")
    sources = list(dict.fromkeys([*LANGUAGES, *(code for p in good for code in (p.from_code, p.to_code))]))
    targets = [target.lower()] if target else i18n.available()
    engines = Engines("auto")
    try:
        rows = route_table(engines, sources, targets)
    finally:
        engines.close()
    for language in targets:
        click.echo(f"\nRoutes to {language}:")
        for route in (r for r in rows if r.target == language):
            pair = f"{route.source} → {route.target}"
            if route.engine is None:
                click.echo(f"  {pair}  {'gap':9} {'':7} {route.hint}")
            else:
                kind = "direct" if route.direct else "pivot"
                click.echo(f"  {pair}  {route.engine:9} {kind:7} {' → '.join(route.chain)}  ({route.model})")


@models.command("install")
@click.argument("from_code")
@click.argument("to_code")
@click.option("--file", "package_file", type=click.Path(path_type=Path),
              help="Install this .argosmodel file instead of downloading (air-gapped hosts).")
def models_install(from_code, to_code, package_file):
    """Install the Argos package for FROM_CODE → TO_CODE."""
    from .translate.packages import install_from_file, install_from_index

    if package_file:
        pkg = install_from_file(package_file)
        if (pkg.from_code, pkg.to_code) != (from_code, to_code):
            log.warning("%s translates %s→%s, not %s→%s", package_file, pkg.from_code, pkg.to_code,
                        from_code, to_code)
    else:
        pkg = install_from_index(from_code, to_code)
    click.echo(f"installed {pkg.name} {pkg.version} ({pkg.from_code}→{pkg.to_code}) in {pkg.path}")


@main.group()
def cache():
    """The translation memory: what it holds, or empty it."""


@cache.command("stats")
def cache_stats():
    """Entries per engine, model and language pair."""
    from .translate.memory import TranslationMemory

    stats = TranslationMemory().stats()
    click.echo(f"translation memory: {stats['path']}")
    if stats.get("problem"):
        click.echo(f"  unusable: {stats['problem']} (run 'briefgen cache clear' to start afresh)")
        return
    click.echo(f"  {stats['entries']} entries, {stats['size_bytes'] / 1024:.0f} KB")
    for group in stats["groups"]:
        click.echo(f"  {group['engine']:9} {group['source']}→{group['target']}  {group['entries']:6}  {group['model']}")


@cache.command("clear")
def cache_clear():
    """Delete the translation memory."""
    from .translate.memory import TranslationMemory

    memory = TranslationMemory()
    freed = memory.clear()
    click.echo(f"cleared {memory.path} ({freed / 1024:.0f} KB)")


if __name__ == "__main__":  # pragma: no cover
    main()
