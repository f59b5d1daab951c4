"""The one small interface every translation engine implements."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod

# An engine that knows which words it could not translate (apertium does) returns each
# such word as it left it, between these two characters (Unicode private use: never in
# the engines' own output); ``unmark`` takes them out again
UNKNOWN_OPEN, UNKNOWN_CLOSE = "\ue000", "\ue001"
_MARKED = re.compile(f"{UNKNOWN_OPEN}([^{UNKNOWN_OPEN}{UNKNOWN_CLOSE}]*){UNKNOWN_CLOSE}")


def mark_unknown(word: str) -> str:
    return f"{UNKNOWN_OPEN}{word}{UNKNOWN_CLOSE}"


def unmark(text: str) -> tuple[str, list[str]]:
    """An engine's output without its unknown-word marks, and the words it marked."""
    words = [m.group(1) for m in _MARKED.finditer(text)]
    plain = _MARKED.sub(lambda m: m.group(1), text)
    return plain.replace(UNKNOWN_OPEN, "").replace(UNKNOWN_CLOSE, ""), words


class Engine(ABC):
    """Translates lists of sentences between two languages.

    ``translate`` returns exactly one output per input, in order, with any word the
    engine could not translate marked (``mark_unknown``). ``name`` and ``model_id`` say,
    for the brief's provenance line, what did the work.
    """

    name: str = "engine"

    @abstractmethod
    def supports(self, source: str, target: str) -> bool:
        """Whether this engine can translate ``source`` to ``target`` on this machine."""

    @abstractmethod
    def model_id(self, source: str, target: str) -> str | None:
        """What translates ``source`` to ``target`` (e.g. "translate-fr_en-1.9"); None if nothing."""

    @abstractmethod
    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        """One translation per sentence, in the same order."""

    def cache_key(self, source: str, target: str) -> str:
        """What the translation memory keys on: the model, and anything else that changes
        the output for the same input (decoding options, data versions)."""
        return self.model_id(source, target) or ""

    def close(self) -> None:  # noqa: B027 - most engines hold nothing to release
        """Release models and processes (engines are reused for a whole run)."""


class NoopEngine(Engine):
    """For text already in the target language: returns it unchanged."""

    name = "none"

    def supports(self, source: str, target: str) -> bool:
        return source == target

    def model_id(self, source: str, target: str) -> str | None:
        return None

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        return list(sentences)


class WrappingEngine(Engine):
    """Something around another engine (the translation memory, a cluster): it answers
    for the inner engine, and only ``translate`` does something of its own."""

    def __init__(self, inner: Engine):
        self.inner = inner
        self.name = inner.name

    def supports(self, source: str, target: str) -> bool:
        return self.inner.supports(source, target)

    def model_id(self, source: str, target: str) -> str | None:
        return self.inner.model_id(source, target)

    def cache_key(self, source: str, target: str) -> str:
        return self.inner.cache_key(source, target)

    def close(self) -> None:
        self.inner.close()
