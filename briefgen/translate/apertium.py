"""Apertium, the rule-based engine, through its ``apertium`` command.

Apertium has no direct French→English pair in Debian, so routes may pivot
(fr-es then spa-eng). Each step of a route is one ``apertium`` process for the whole
batch: one unit per paragraph, and the count is checked on the way out.
"""

from __future__ import annotations

import functools
import logging
import re
import shutil
import subprocess
from collections import deque
from pathlib import Path

from ..errors import BriefgenError
from .base import Engine

log = logging.getLogger(__name__)

# Apertium names languages by ISO 639-1 or 639-3 codes; briefgen uses 639-1.
_ISO3 = {
    "fra": "fr", "eng": "en", "spa": "es", "cat": "ca", "por": "pt", "ita": "it",
    "deu": "de", "nld": "nl", "oci": "oc", "glg": "gl", "ron": "ro", "eus": "eu",
    "arg": "an", "ast": "ast", "epo": "eo", "nob": "nb", "nno": "nn", "swe": "sv",
    "dan": "da", "isl": "is", "pol": "pl", "ces": "cs", "slk": "sk", "rus": "ru",
    "ukr": "uk", "bel": "be", "bul": "bg", "mkd": "mk", "hbs": "sh", "slv": "sl",
    "ell": "el", "tur": "tr", "kaz": "kk", "tat": "tt", "ara": "ar", "mlt": "mt",
    "cym": "cy", "bre": "br", "gle": "ga", "afr": "af", "hin": "hi", "urd": "ur",
    "ind": "id", "srd": "sc",
}
TIMEOUT_SECONDS = 600


class ApertiumEngine(Engine):
    name = "apertium"

    def __init__(self, command: str = "apertium"):
        self.command = command

    @functools.cached_property
    def executable(self) -> str | None:
        return shutil.which(self.command)

    @functools.cached_property
    def modes(self) -> dict[tuple[str, str], str]:
        """Installed translation directions: (source, target) -> mode name."""
        if not self.executable:
            return {}
        try:
            listing = subprocess.run(
                [self.executable, "-l"], capture_output=True, text=True, timeout=30, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("apertium -l failed: %s", exc)
            return {}
        return parse_modes(listing.split())

    def route(self, source: str, target: str) -> list[str] | None:
        """The shortest chain of modes from source to target (at most one pivot)."""
        return find_route(self.modes, source, target)

    def chain(self, source: str, target: str) -> tuple[str, ...]:
        """The languages a route goes through, source and target included: ("fr", "es", "en")."""
        by_mode = {mode: pair for pair, mode in self.modes.items()}
        route = self.route(source, target) or []
        return (source, *(by_mode[mode][1] for mode in route)) if route else ()

    def supports(self, source: str, target: str) -> bool:
        return source != target and bool(self.route(source, target))

    def model_id(self, source: str, target: str) -> str | None:
        route = self.route(source, target)
        return " > ".join(route) if route else None

    def cache_key(self, source: str, target: str) -> str:
        # the language data's install time stands for its version; "units" names how
        # briefgen separates units (a change there changes the output)
        stamps = []
        for mode in self.route(source, target) or []:
            mode_file = Path(self.executable or "").resolve().parent.parent / "share/apertium/modes" / f"{mode}.mode"
            stamps.append(str(int(mode_file.stat().st_mtime)) if mode_file.exists() else "?")
        return f"{self.model_id(source, target)}|data={','.join(stamps)}|units=paragraphs"

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        route = self.route(source, target)
        if not route:
            raise BriefgenError(f"apertium cannot translate {source}→{target} on this machine")
        lines = [_one_line(s) for s in sentences]
        todo = [i for i, line in enumerate(lines) if line]
        units = [lines[i] for i in todo]
        for mode in route:
            units = self._run(mode, units)
        out = [""] * len(sentences)
        for i, text in zip(todo, units, strict=True):
            out[i] = _clean_output(text)
        return out

    def _run(self, mode: str, units: list[str]) -> list[str]:
        """One process for all units. A blank line between units keeps them apart: without
        it, transfer rules read across lines ("ministres\nOTAN" → "Minister\nNATO")."""
        if not units:
            return []
        out = self._pipe(mode, "\n\n".join(units) + "\n")
        result = [part.strip() for part in out.strip("\n").split("\n\n")]
        if len(result) == len(units):
            return result
        # some rule joined or split units: redo one at a time so none is misaligned
        log.warning("apertium %s changed the number of units (%d -> %d); translating one by one",
                    mode, len(units), len(result))
        return [self._pipe(mode, unit + "\n").replace("\n", " ").strip() for unit in units]

    def _pipe(self, mode: str, text: str) -> str:
        try:
            done = subprocess.run(
                [self.executable, "-u", "-f", "txt", mode],
                input=text, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise BriefgenError(f"apertium {mode} failed: {exc}") from None
        if done.returncode != 0:
            raise BriefgenError(f"apertium {mode} failed: {done.stderr.strip()[:300]}")
        return done.stdout


def find_route(modes: dict[tuple[str, str], str], source: str, target: str, steps: int = 2) -> list[str] | None:
    """The shortest chain of at most ``steps`` modes from source to target, or None."""
    graph: dict[str, list[tuple[str, str]]] = {}
    for (a, b), mode in sorted(modes.items()):
        graph.setdefault(a, []).append((b, mode))
    queue = deque([(source, [])])
    seen = {source}
    while queue:
        lang, path = queue.popleft()
        if lang == target:
            return path
        if len(path) >= steps:
            continue
        for nxt, mode in graph.get(lang, []):
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, path + [mode]))
    return None


def parse_modes(names: list[str]) -> dict[tuple[str, str], str]:
    """Mode names such as "fr-es" or "spa-eng_US" -> {(source, target): mode}.

    Plain modes win over regional variants ("spa-eng" over "spa-eng_US"); modes with
    more than two parts ("eco-fr-es", debugging chains) are not translation directions.
    """
    modes: dict[tuple[str, str], str] = {}
    for name in sorted(names, key=lambda n: ("_" in n, n)):
        parts = name.split("-")
        if len(parts) != 2:
            continue
        source, target = (_iso1(p.split("_")[0]) for p in parts)
        if source and target and source != target:
            modes.setdefault((source, target), name)
    return modes


def _iso1(code: str) -> str | None:
    code = code.lower()
    if len(code) == 2:
        return code
    return _ISO3.get(code)


def _one_line(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text).strip()


def _clean_output(text: str) -> str:
    # "#" and "@" mark words Apertium could not generate or transfer: keep the word
    return re.sub(r"(?<![\w#@])[#@](?=\w)", "", text).strip()
