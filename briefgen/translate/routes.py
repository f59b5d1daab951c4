"""Which language pairs this machine can translate, how, and what would fill the gaps.

A route is what ``Engines.route`` picks for a pair (so ``briefgen models list`` shows
what ``make`` will do): the engine, and the languages it goes through. For a pair with
no route, the hint names what would fill it: the Debian apertium package(s) that give
apertium a route with what is installed (``data/apertium_packages.toml``, read as data:
apt is never asked at run time), or an Argos model when no Debian package can.
"""

from __future__ import annotations

import functools
import itertools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .apertium import ApertiumEngine, find_route, parse_modes
from .base import Engine, WrappingEngine

PACKAGES_FILE = Path(__file__).resolve().parent.parent / "data" / "apertium_packages.toml"
# the languages briefgen is asked about most (issue 11's inbox); models list shows them
# all, with those of any installed Argos package
LANGUAGES = ("fr", "en", "es", "it", "pt", "ca", "ro", "de", "nl", "ru")
PIVOT = "en"
# when several packages would fill a gap equally, the one through the better-developed
# apertium pairs is named first
_PIVOT_PREFERENCE = ("es", "en", "ca", "fr", "pt", "it", "gl")


@dataclass(frozen=True)
class Route:
    source: str
    target: str
    engine: str | None  # "argos", "apertium"; None: no route (a gap)
    chain: tuple[str, ...] = ()  # languages from source to target, ("fr", "es", "en")
    model: str | None = None  # what translates it (Argos packages, apertium modes)
    hint: str | None = None  # for a gap: what would fill it

    @property
    def direct(self) -> bool:
        return len(self.chain) == 2


@dataclass(frozen=True)
class Fill:
    """Debian packages that would give apertium a route for a pair, and that route."""

    packages: tuple[str, ...]
    chain: tuple[str, ...]

    @property
    def command(self) -> str:
        return "apt-get install " + " ".join(self.packages)


@functools.cache
def _package_data() -> dict:
    return tomllib.loads(PACKAGES_FILE.read_text(encoding="utf-8"))


@functools.cache
def debian_packages() -> dict[str, dict[tuple[str, str], str]]:
    """Debian's apertium data packages: package name -> {(source, target): mode}."""
    return {package: parse_modes(modes) for package, modes in _package_data()["modes"].items()}


def package_needs(package: str) -> list[str]:
    """Other packages a data package needs but does not depend on (cg3)."""
    return list(_package_data().get("needs", {}).get(package, []))


def apertium_chain(modes: dict[tuple[str, str], str], source: str, target: str) -> tuple[str, ...]:
    """The languages apertium alone would go through with these modes, as ``Engines.route``
    chooses (its own route of at most two steps, else through English); () if none."""
    def languages(a: str, b: str) -> tuple[str, ...] | None:
        route = find_route(modes, a, b)
        if not route:
            return None
        by_mode = {mode: pair for pair, mode in modes.items()}
        return (a, *(by_mode[mode][1] for mode in route))

    direct = languages(source, target)
    if direct:
        return direct
    if PIVOT not in (source, target):
        first, second = languages(source, PIVOT), languages(PIVOT, target)
        if first and second:
            return first + second[1:]
    return ()


def fill_with_apertium(source: str, target: str, installed: dict[tuple[str, str], str],
                       have_apertium: bool = True) -> Fill | None:
    """The fewest Debian packages (then the shortest route) that give apertium a route for
    the pair on top of the ``installed`` modes; None when no package can."""
    table = debian_packages()
    candidates = [name for name, modes in table.items() if not set(modes.items()) <= set(installed.items())]
    every = dict(installed)
    for modes in table.values():
        every.update(modes)
    if not apertium_chain(every, source, target):
        return None  # not even every package together
    useful = _on_some_path(candidates, table, every, source, target)
    for count in (1, 2, 3, 4):
        found = []
        for combination in itertools.combinations(useful, count):
            modes = dict(installed)
            for name in combination:
                modes.update(table[name])
            chain = apertium_chain(modes, source, target)
            if chain:
                found.append((len(chain), [_rank(lang) for lang in chain[1:-1]], combination, chain))
        if found:
            _, _, combination, chain = min(found)
            prefix = () if have_apertium else ("apertium",)
            needs = tuple(dict.fromkeys(n for name in combination for n in package_needs(name)))
            return Fill(prefix + tuple(combination) + needs, chain)
    return None


def _on_some_path(candidates: list[str], table: dict, every: dict, source: str, target: str) -> list[str]:
    """Packages with a mode that can lie on a route from source to target (at most four
    steps, through English): the others never help, and are left out of the search."""
    forward = _reachable(every, source, forward=True)
    backward = _reachable(every, target, forward=False)
    return [name for name in candidates if any(a in forward and b in backward for a, b in table[name])]


def _reachable(modes: dict, start: str, forward: bool, steps: int = 4) -> set[str]:
    seen = {start}
    frontier = {start}
    for _ in range(steps):
        frontier = {b if forward else a for a, b in modes if (a if forward else b) in frontier} - seen
        seen |= frontier
    return seen


def _rank(lang: str) -> int:
    return _PIVOT_PREFERENCE.index(lang) if lang in _PIVOT_PREFERENCE else len(_PIVOT_PREFERENCE)


def argos_command(source: str, target: str) -> str:
    return f"briefgen models install {source} {target}"


def gap_hint(source: str, target: str, requested: str, installed: dict[tuple[str, str], str],
             have_apertium: bool) -> str:
    """What would fill the gap source→target, for the engine(s) ``requested`` may use."""
    argos = f"`{argos_command(source, target)}`"
    if requested == "argos":
        return f"no Argos package: {argos} (or {argos[:-1]} --file PKG.argosmodel` without internet)"
    fill = fill_with_apertium(source, target, installed, have_apertium)
    if fill is None:
        if requested == "apertium":
            return f"no apertium data for {source}→{target} in Debian: use an Argos model ({argos})"
        return f"no apertium data: {argos}"
    apertium = f"`{fill.command}` (apertium {'→'.join(fill.chain)})"
    return apertium if requested == "apertium" else f"{apertium}, or an Argos model: {argos}"


def bare(engine: Engine) -> Engine:
    """The engine inside any wrapping (translation memory, cluster)."""
    while isinstance(engine, WrappingEngine):
        engine = engine.inner
    return engine


def chain_of(engine: Engine, source: str, target: str) -> tuple[str, ...]:
    """The languages an engine's route goes through."""
    from . import PivotEngine

    if isinstance(engine, PivotEngine):
        return chain_of(engine.first, source, engine.via) + chain_of(engine.second, engine.via, target)[1:]
    inner = bare(engine)
    if isinstance(inner, ApertiumEngine):
        return inner.chain(source, target)
    return (source, target)


def route_table(engines, sources: list[str], targets: list[str]) -> list[Route]:
    """Every source → target pair (not a language to itself), as ``make`` would route it."""
    table = []
    for target in targets:
        for source in sources:
            if source == target:
                continue
            engine = engines.route(source, target)
            if engine is None:
                table.append(Route(source, target, None, hint=engines.gap_hint(source, target)))
            else:
                table.append(Route(source, target, engine.name, chain_of(engine, source, target),
                                   engine.model_id(source, target)))
    return table
