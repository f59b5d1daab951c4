"""Argos Translate packages, run directly with CTranslate2 and the package's tokenizer.

argostranslate's own ``translate()`` imports torch, splits sentences with Stanza (which
downloads resources from the internet when a package ships a ``stanza/`` folder, as the
real fr→en package does) and translates one paragraph at a time. This engine reads the
same package files but splits sentences itself, loads each model once per run and
translates every sentence of the run in length-sorted batches. Nothing here touches the
network.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from ..errors import NoTranslationRoute
from ..text import split_sentences
from .base import Engine
from .packages import ArgosPackage, find_package, quiet_argos_logging

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DecodingOptions:
    beam_size: int = 4
    # a batch holds at most this many sentences, and at most this many source tokens
    # counting padding (sentences × longest): memory grows with it, speed levels off
    # (benchmarks/translate.py: 1024 keeps peak memory below argostranslate's own)
    max_batch_size: int = 64
    max_batch_tokens: int = 1024
    # cap on output length, in tokens: ratio × longest input of the batch + extra
    length_ratio: float = 2.0
    length_extra: int = 10
    device: str = "auto"  # "cpu", "cuda", or "auto": cuda when CTranslate2 sees a GPU
    threads: int = 0  # 0: one per CPU core (measured best on 2 cores: benchmarks/translate.py)


class ArgosEngine(Engine):
    name = "argos"

    def __init__(self, options: DecodingOptions | None = None):
        self.options = options or DecodingOptions()
        self._packages: dict[tuple[str, str], ArgosPackage | None] = {}
        self._loaded: dict[tuple[str, str], tuple[object, object]] = {}
        self.generated_tokens = 0  # for benchmarks and logs

    def package(self, source: str, target: str) -> ArgosPackage | None:
        key = (source, target)
        if key not in self._packages:
            self._packages[key] = find_package(source, target)
        return self._packages[key]

    def supports(self, source: str, target: str) -> bool:
        return self.package(source, target) is not None

    def model_id(self, source: str, target: str) -> str | None:
        pkg = self.package(source, target)
        return pkg.model_id if pkg else None

    def cache_key(self, source: str, target: str) -> str:
        o = self.options
        return f"{self.model_id(source, target)}|beam={o.beam_size}|cap={o.length_ratio}x+{o.length_extra}"

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        if not sentences:
            return []
        pkg = self.package(source, target)
        if pkg is None:
            raise NoTranslationRoute(
                f"no Argos package for {source}→{target}: run 'briefgen models install {source} {target}'"
            )
        translator, tokenizer = self._load(pkg)
        # a unit may hold several sentences (a long quotation): the models are sentence-level
        pieces: list[str] = []
        owners: list[int] = []
        for i, unit in enumerate(sentences):
            for piece in split_sentences(unit) or [unit]:
                pieces.append(piece)
                owners.append(i)
        outputs = self._translate_pieces(pieces, pkg, translator, tokenizer)
        joined: list[list[str]] = [[] for _ in sentences]
        for owner, text in zip(owners, outputs, strict=True):
            joined[owner].append(text)
        return [" ".join(parts).strip() for parts in joined]

    def _load(self, pkg: ArgosPackage):
        key = (pkg.from_code, pkg.to_code)
        if key not in self._loaded:
            quiet_argos_logging()
            import ctranslate2
            from argostranslate.package import Package

            threads = self.options.threads or os.cpu_count() or 1
            device = self.options.device
            if device == "auto":
                device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
            translator = ctranslate2.Translator(
                str(pkg.path / "model"),
                device=device,
                inter_threads=1,
                intra_threads=threads,
                compute_type="auto",
            )
            tokenizer = Package(pkg.path).tokenizer
            self._loaded[key] = (translator, tokenizer)
            log.debug("loaded %s on %s with %d threads", pkg.model_id, device, threads)
        return self._loaded[key]

    def _translate_pieces(self, pieces, pkg: ArgosPackage, translator, tokenizer) -> list[str]:
        tokens = [tokenizer.encode(p) for p in pieces]
        outputs: list[str] = [""] * len(pieces)
        for batch in self._batches(tokens):
            longest = max(len(tokens[i]) for i in batch)
            results = translator.translate_batch(
                [tokens[i] for i in batch],
                target_prefix=[[pkg.target_prefix]] * len(batch) if pkg.target_prefix else None,
                beam_size=self.options.beam_size,
                max_batch_size=len(batch),
                replace_unknowns=True,
                max_decoding_length=int(longest * self.options.length_ratio) + self.options.length_extra,
            )
            for i, result in zip(batch, results, strict=True):
                self.generated_tokens += len(result.hypotheses[0])
                outputs[i] = _detokenize(tokenizer, result.hypotheses[0], pkg.target_prefix)
        return outputs

    def _batches(self, tokens: list[list[str]]) -> list[list[int]]:
        """Indices of sentences grouped by length, within the size and token limits."""
        batches: list[list[int]] = []
        current: list[int] = []
        for i in sorted(range(len(tokens)), key=lambda k: len(tokens[k])):
            longest = max(len(tokens[i]), 1)  # sorted: the newcomer is the longest
            if current and (len(current) >= self.options.max_batch_size
                            or (len(current) + 1) * longest > self.options.max_batch_tokens):
                batches.append(current)
                current = []
            current.append(i)
        if current:
            batches.append(current)
        return batches

    def close(self) -> None:
        self._loaded.clear()


def _detokenize(tokenizer, hypothesis: list[str], target_prefix: str) -> str:
    text = tokenizer.decode(hypothesis)
    if target_prefix and text.startswith(target_prefix):
        text = text[len(target_prefix) :]
    return text.strip()
