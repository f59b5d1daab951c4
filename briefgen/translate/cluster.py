"""An engine whose work is spread over the executor's workers (a Dask cluster): the
sentences are cut into chunks, each worker translates its chunks with its own copy of
the engine, loaded once per worker process. The translation memory stays with the
coordinator, in front of this engine, so workers only get what is not known yet."""

from __future__ import annotations

import functools

from .base import Engine, WrappingEngine

CHUNK = 64  # sentences a task: big enough to batch well, small enough to spread


class ClusterEngine(WrappingEngine):
    """The inner engine answers here (routes, model ids); the workers build their own."""

    def __init__(self, inner: Engine, factory: tuple, executor):
        super().__init__(inner)
        self.factory = factory  # (engine name, argos decoding options): what workers build
        self.executor = executor

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        chunks = [sentences[i:i + CHUNK] for i in range(0, len(sentences), CHUNK)]
        results = self.executor.map(_translate_chunk, [(self.factory, chunk, source, target) for chunk in chunks])
        return [text for chunk in results for text in chunk]


def _translate_chunk(task: tuple) -> list[str]:
    factory, chunk, source, target = task
    return _engine(factory).translate(chunk, source, target)


@functools.lru_cache(maxsize=4)
def _engine(factory: tuple) -> Engine:
    """One engine per worker process and kind, kept for the worker's life (model loads once)."""
    name, options = factory
    if name == "argos":
        from .argos import ArgosEngine

        return ArgosEngine(options)
    from .apertium import ApertiumEngine

    return ApertiumEngine()
