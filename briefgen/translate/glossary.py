"""The glossary: fixed renderings of names and terms ("OTAN" → "NATO"), enforced on the
output of any engine.

An engine is not told about the glossary. After translating, for each glossary term in
a source sentence, the engine's own rendering of the term (the term translated on its
own, through the same engine and memory) and the untranslated term are replaced in the
output by the glossary's rendering. ``missing`` then says which required renderings are
still absent, so the sentence can be flagged for a human to check.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..extract.lexicon import STOPWORDS

DEFAULT = Path(__file__).resolve().parent.parent / "data" / "glossary.toml"


@dataclass(frozen=True)
class Term:
    source: str
    target: str
    pattern: re.Pattern


def _pattern(term: str) -> re.Pattern:
    escaped = "".join("['’]" if c in "'’" else re.escape(c) for c in term)
    flags = 0 if term.isupper() else re.IGNORECASE  # acronyms match exactly ("UE", not "ue")
    return re.compile(rf"(?<![\w-]){escaped}(?![\w-])", flags)


@dataclass
class Glossary:
    pairs: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, *paths: Path | None) -> Glossary:
        """The default glossary, then each file in order (later entries win)."""
        glossary = cls()
        for path in (DEFAULT, *paths):
            if path is not None:
                glossary.merge(read_glossary(Path(path)))
        return glossary

    def merge(self, pairs: dict[tuple[str, str], dict[str, str]]) -> None:
        for pair, entries in pairs.items():
            self.pairs.setdefault(pair, {}).update(entries)

    def terms(self, source: str, target: str) -> list[Term]:
        """Terms for a pair, longest first (so "secrétaire général de l'OTAN" wins over "OTAN")."""
        entries = self.pairs.get((source, target), {})
        return [Term(s, t, _pattern(s)) for s, t in sorted(entries.items(), key=lambda e: -len(e[0]))]


def read_glossary(path: Path) -> dict[tuple[str, str], dict[str, str]]:
    """A glossary file: ``[fr-en]`` sections of ``"term" = "rendering"``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"glossary {path} not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"glossary {path} is not valid TOML: {exc}") from None
    pairs: dict[tuple[str, str], dict[str, str]] = {}
    for section, entries in data.items():
        match = re.fullmatch(r"([a-z]{2,3})-([a-z]{2,3})", section)
        if not match or not isinstance(entries, dict):
            raise UsageError(f"glossary {path}: [{section}] is not a language pair section like [fr-en]")
        for term, rendering in entries.items():
            if not isinstance(rendering, str) or not term.strip() or not rendering.strip():
                raise UsageError(f"glossary {path}: [{section}] {term!r} must map to a non-empty string")
        pairs[(match.group(1), match.group(2))] = dict(entries)
    return pairs


def found_terms(terms: list[Term], text: str) -> list[Term]:
    """Terms occurring in a source text, without those inside a longer term that occurs."""
    spans: list[tuple[int, int]] = []
    found = []
    for term in terms:  # longest first
        hits = [m.span() for m in term.pattern.finditer(text)
                if not any(s <= m.start() and m.end() <= e for s, e in spans)]
        if hits:
            spans.extend(hits)
            found.append(term)
    return found


def apply(output: str, terms: list[Term], renderings: dict[str, str]) -> str:
    """Put each term's glossary rendering in place of the engine's rendering (or of the
    untranslated term) in ``output``."""
    for term in terms:
        for variant in (renderings.get(term.source, ""), term.source):
            if _usable(variant):
                output = re.sub(_loose(variant), lambda _m, t=term.target: t, output, flags=re.IGNORECASE)
    return output


def missing(output: str, terms: list[Term]) -> list[Term]:
    return [t for t in terms if not _present(t.target, output)]


def _usable(variant: str) -> bool:
    words = re.findall(r"\w+", variant.lower())
    return len(variant.strip()) >= 2 and bool(words) and not all(w in STOPWORDS for w in words)


def _loose(text: str) -> str:
    words = ["".join("['’]" if c in "'’" else re.escape(c) for c in w) for w in text.strip().split()]
    return r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])"


def _present(text: str, output: str) -> bool:
    return re.search(_loose(text), output, re.IGNORECASE if not text.isupper() else 0) is not None
