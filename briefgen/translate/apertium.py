"""Apertium, the rule-based engine, through its ``apertium`` command.

Apertium has no direct French→English pair in Debian, so routes may pivot
(fr-es then spa-eng). Each step of a route is one ``apertium`` process for the whole
batch: one unit per paragraph, and the count is checked on the way out.

Apertium marks the words it could not translate, and leaves them as written: these come
back marked (``base.mark_unknown``), as the word of the source they stand for. Between
two steps such a word is replaced by a made-up word that the next step cannot know
either, so that the next step never translates a French word as if it were Spanish; a
word the second step did not know (a Spanish word, "desinformación") is mapped back to
the source word it was made from by spelling ("désinformation"), else kept as it is.
"""

from __future__ import annotations

import functools
import logging
import re
import shutil
import subprocess
from collections import deque
from difflib import SequenceMatcher
from pathlib import Path

from ..errors import BriefgenError
from ..text import strip_accents
from .base import UNKNOWN_CLOSE, UNKNOWN_OPEN, Engine, mark_unknown

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
# "*word": not in apertium's dictionaries; "@word": no entry in the bilingual dictionary
# (the source lemma is shown). Both are words left untranslated. ("#word" is a translated
# word apertium could not inflect: still a translation, the mark is only removed.)
_UNKNOWN = re.compile(r"(?<!\w)([*@])(\w+)")
# the same characters in the source go through as look-alikes, so every mark is apertium's
_LITERAL = str.maketrans({"*": "∗", "@": "＠", "#": "＃"})
_LITERAL_BACK = str.maketrans({"∗": "*", "＠": "@", "＃": "#"})
# made-up words that stand for words kept as written, while later steps run
_PLACEHOLDER = re.compile(r"(?<!\w)zzqv([a-z]+)(?!\w)", re.IGNORECASE)
SPELLING_MATCH = 0.6  # how alike a pivot word and its source word are spelt, at least


class ApertiumEngine(Engine):
    name = "apertium"

    def __init__(self, command: str = "apertium"):
        self.command = command

    @functools.cached_property
    def executable(self) -> str | None:
        return shutil.which(self.command)

    @functools.cached_property
    def listed(self) -> list[str]:
        """The mode names ``apertium -l`` lists, whether they can run or not."""
        if not self.executable:
            return []
        try:
            return subprocess.run(
                [self.executable, "-l"], capture_output=True, text=True, timeout=30, check=False
            ).stdout.split()
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("apertium -l failed: %s", exc)
            return []

    @functools.cached_property
    def modes(self) -> dict[tuple[str, str], str]:
        """Installed translation directions that can run: (source, target) -> mode name."""
        unusable = self.unusable_modes(self.listed)
        for mode, programs in unusable.items():
            log.debug("apertium %s cannot run: %s not installed", mode, ", ".join(programs))
        return parse_modes([name for name in self.listed if name not in unusable])

    def unusable_modes(self, names: list[str]) -> dict[str, list[str]]:
        """Modes whose pipeline needs a program that is not installed: mode -> programs.
        (apertium-spa-ita runs cg-proc, from cg3, without depending on it: installed
        alone, its mode prints an error and translates nothing.)"""
        folder = Path(self.executable or "").resolve().parent.parent / "share" / "apertium" / "modes"
        unusable = {}
        for name in names:
            try:
                pipeline = (folder / f"{name}.mode").read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue  # not where this apertium keeps its modes: nothing to check
            programs = [step.split()[0] for step in pipeline.split("|") if step.split()]
            missing = [program for program in dict.fromkeys(programs) if shutil.which(program) is None]
            if missing:
                unusable[name] = missing
        return unusable

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
        return f"{self.model_id(source, target)}|data={','.join(stamps)}|units=paragraphs|unknown=marked"

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        route = self.route(source, target)
        if not route:
            raise BriefgenError(f"apertium cannot translate {source}→{target} on this machine")
        lines = [_one_line(s) for s in sentences]
        todo = [i for i, line in enumerate(lines) if line.replace(UNKNOWN_OPEN, "").replace(UNKNOWN_CLOSE, "")]
        kept: dict[str, str] = {}  # placeholder -> the word it stands for
        units = [_protect_marked(lines[i], kept) for i in todo]
        originals = [lines[i].replace(UNKNOWN_OPEN, "").replace(UNKNOWN_CLOSE, "") for i in todo]
        for step, mode in enumerate(route):
            units = self._run(mode, units)
            units = [_protect_unknown(unit, original, kept, first_step=step == 0)
                     for unit, original in zip(units, originals, strict=True)]
        out = [""] * len(sentences)
        for i, text in zip(todo, units, strict=True):
            out[i] = _finish(text, kept)
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
                [self.executable, "-f", "txt", mode],  # without -u: unknown words are marked
                input=text, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise BriefgenError(f"apertium {mode} failed: {exc}") from None
        if done.returncode != 0:
            raise BriefgenError(f"apertium {mode} failed: {done.stderr.strip()[:300]}")
        if text.strip() and not done.stdout.strip():  # a step of its pipeline failed: it still exits 0
            raise BriefgenError(f"apertium {mode} translated nothing: {done.stderr.strip()[:300] or 'no message'}")
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


def _placeholder(kept: dict[str, str], word: str) -> str:
    number, letters = len(kept), ""
    while True:
        letters = chr(ord("a") + number % 26) + letters
        number //= 26
        if not number:
            break
    kept["zzqv" + letters] = word
    return "zzqv" + letters


def _protect_marked(line: str, kept: dict[str, str]) -> str:
    """A unit as apertium gets it: words already marked unknown (by an earlier engine of a
    pivot) stand in as placeholders, and apertium's mark characters as look-alikes."""
    pattern = re.compile(f"{UNKNOWN_OPEN}([^{UNKNOWN_OPEN}{UNKNOWN_CLOSE}]*){UNKNOWN_CLOSE}")
    line = line.translate(_LITERAL)
    line = pattern.sub(lambda m: _placeholder(kept, m.group(1).translate(_LITERAL_BACK)), line)
    return line.replace(UNKNOWN_OPEN, "").replace(UNKNOWN_CLOSE, "")


def _protect_unknown(unit: str, original: str, kept: dict[str, str], first_step: bool) -> str:
    """Each word apertium marked in one step's output, replaced by a placeholder for the
    source word it stands for."""
    def keep(match: re.Match) -> str:
        mark, word = match.groups()
        if _PLACEHOLDER.fullmatch(word):
            return word  # kept from an earlier step, and unknown here as it should be
        if sum(c.isalpha() for c in word) < 2:
            return word  # a stray letter or number: nothing to show
        shown = word if first_step and mark == "*" else _source_word(word, original)
        return _placeholder(kept, shown)

    return _UNKNOWN.sub(keep, unit)


def _source_word(word: str, original: str) -> str:
    """The word of the source that ``word`` (a lemma, or a word of the pivot language)
    was made from, judged by spelling; ``word`` itself when none is alike enough."""
    folded = strip_accents(word).lower()
    best, score = word, SPELLING_MATCH
    for candidate in dict.fromkeys(re.findall(r"\w+", original)):
        other = strip_accents(candidate).lower()
        if other == folded:
            return candidate
        if other[:1] != folded[:1]:
            continue
        ratio = SequenceMatcher(None, folded, other).ratio()
        if ratio >= score:
            best, score = candidate, ratio
    return best


def _finish(text: str, kept: dict[str, str]) -> str:
    text = _PLACEHOLDER.sub(lambda m: mark_unknown(kept.get(m.group(0).lower(), m.group(0))), text)
    # "#" marks a word apertium translated but could not inflect: the word stays
    text = re.sub(r"(?<![\w#])#(?=\w)", "", text)
    return text.translate(_LITERAL_BACK).strip()
