"""Translation speed on the seeds: argostranslate's own translate() against briefgen's engine.

    .venv/bin/python benchmarks/translate.py            (or: make bench-translate)

Builds a random-weights Argos package with the architecture of Argos's fr→en model
(6+6 layers, d_model 512, 8 heads, FFN 2048, 50 000-entry shared vocabulary, int8), installs
it with argostranslate's installer into a temporary package folder, and measures, each in
a fresh process (so peak memory is its own):

  (a)  argostranslate.translate.translate() per paragraph, its default settings
  (a′) the same with ARGOS_INTRA_THREADS at its best value (every value 1..cores is tried)
  (b)  briefgen's ArgosEngine: all sentences in one pass, length-sorted batches, with its
       default threads, and the other thread settings for comparison

A random model never emits an end token, so every variant caps output at 1.2 × the
longest source sentence of a batch + 5 tokens. Then the translation stage of
``briefgen make`` cold and warm (translation memory) on the same package.

Prints a table and the ratios; writes out/bench/translate.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CAP_RATIO, CAP_EXTRA = 1.2, 5


def seed_text() -> tuple[list[str], list[str]]:
    """Paragraphs and sentences of the seeds, as briefgen reads them."""
    from briefgen.ingest import ingest

    docs = [ingest(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    paragraphs = [p.text_original for d in docs for p in d.paragraphs]
    sentences = [s.original for d in docs for p in d.paragraphs for s in p.sentences]
    return paragraphs, sentences


# ---------------------------------------------------------------- variants (child processes)
def run_argostranslate() -> dict:
    """(a)/(a′): argostranslate's translate(), one call per paragraph."""
    import types

    import argostranslate.translate as argos_translate
    import ctranslate2

    generated = [0]

    class CappedTranslator:  # same cap rule as briefgen's engine, nothing else changed
        def __init__(self, *args, **kwargs):
            self._translator = ctranslate2.Translator(*args, **kwargs)

        def translate_batch(self, tokens, **kwargs):
            kwargs["max_decoding_length"] = int(CAP_RATIO * max(len(t) for t in tokens)) + CAP_EXTRA
            results = self._translator.translate_batch(tokens, **kwargs)
            generated[0] += sum(len(r.hypotheses[0]) for r in results)
            return results

    argos_translate.ctranslate2 = types.SimpleNamespace(Translator=CappedTranslator)
    paragraphs, sentences = seed_text()
    argos_translate.translate(paragraphs[0][:80], "fr", "en")  # load the model and splitter
    generated[0] = 0
    start = time.perf_counter()
    for paragraph in paragraphs:
        argos_translate.translate(paragraph, "fr", "en")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "sentences": len(sentences), "generated_tokens": generated[0]}


def run_briefgen(threads: int) -> dict:
    """(b): briefgen's engine, every sentence of the seeds in one call."""
    from briefgen.translate.argos import ArgosEngine, DecodingOptions

    _, sentences = seed_text()
    engine = ArgosEngine(DecodingOptions(device="cpu", threads=threads, length_ratio=CAP_RATIO,
                                         length_extra=CAP_EXTRA))
    engine.translate(sentences[:1], "fr", "en")  # load the model
    engine.generated_tokens = 0
    start = time.perf_counter()
    engine.translate(sentences, "fr", "en")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "sentences": len(sentences), "generated_tokens": engine.generated_tokens}


def child_main(variant: str, threads: int) -> None:
    result = run_argostranslate() if variant == "argostranslate" else run_briefgen(threads)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["torch_loaded"] = "torch" in sys.modules
    print("RESULT " + json.dumps(result))


# ---------------------------------------------------------------- driver
def measure(label: str, env: dict, variant: str, threads: int = 0) -> dict:
    command = [sys.executable, __file__, "--child", variant, "--threads", str(threads)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"{label} failed:\n{done.stderr[-3000:]}")
    result = json.loads(lines[-1][len("RESULT "):])
    result["label"] = label
    result["sentences_per_s"] = result["sentences"] / result["seconds"]
    result["tokens_per_s"] = result["generated_tokens"] / result["seconds"]
    print(f"  {label:38} {result['seconds']:7.2f} s  {result['sentences_per_s']:6.2f} sent/s  "
          f"{result['tokens_per_s']:7.1f} tok/s  {result['peak_rss_mb']:6.0f} MB", flush=True)
    return result


def warm_and_cold(env: dict, workdir: Path) -> dict:
    """The translation stage of briefgen make, first with an empty memory, then again."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from briefgen.config import Config\n"
        "from briefgen.pipeline import make_brief\n"
        f"c = Config(sources_dir=Path({str(ROOT / 'seeds')!r}), out_dir=Path({str(workdir / 'out')!r}),\n"
        f"           engine='argos', formats=('json',), cache_path=Path({str(workdir / 'tm.sqlite3')!r}))\n"
        "print('RESULT ' + json.dumps(make_brief(c, '2026-11-24').seconds))\n"
    )
    runs = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=3600)
        lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
        if not lines:
            raise SystemExit(f"briefgen make failed:\n{done.stderr[-3000:]}")
        runs.append(json.loads(lines[-1][len("RESULT "):]))
    cold, warm = runs[0]["translate"], runs[1]["translate"]
    print(f"  briefgen make, translation stage: cold {cold:.2f} s, warm {warm:.3f} s "
          f"({100 * warm / cold:.1f} % of cold)")
    return {"cold_seconds": cold, "warm_seconds": warm, "warm_share": warm / cold}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--threads", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child_main(args.child, args.threads)

    from briefgen.testing.tiny_argos import make_package

    cores = os.cpu_count() or 1
    cache = ROOT / "out" / "bench"
    cache.mkdir(parents=True, exist_ok=True)
    package = cache / "base-fr_en.argosmodel"
    if not package.exists():
        print("building the base-size random Argos package (about 65 MB)…", flush=True)
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
        make_package(package, texts, size="base", seed=0)
    with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp:
        work = Path(tmp)
        env = dict(os.environ, ARGOS_PACKAGES_DIR=str(work / "packages"), XDG_DATA_HOME=str(work / "data"),
                   XDG_CONFIG_HOME=str(work / "config"), XDG_CACHE_HOME=str(work / "cache"),
                   ORT_DISABLE_TELEMETRY="1", PYTHONPATH=str(ROOT))
        env.pop("ARGOS_INTRA_THREADS", None)
        subprocess.run([sys.executable, "-m", "briefgen", "models", "install", "fr", "en", "--file", str(package)],
                       env=env, check=True, capture_output=True)
        _, sentences = seed_text()
        print(f"seeds: {len(sentences)} sentences; {cores} cores; cap {CAP_RATIO} × longest + {CAP_EXTRA} tokens")
        a = measure("(a) argostranslate, defaults", env, "argostranslate")
        a_primes = [measure(f"(a′) argostranslate, INTRA_THREADS={n}", dict(env, ARGOS_INTRA_THREADS=str(n)),
                            "argostranslate") for n in range(1, cores + 1)]
        a_best = max(a_primes, key=lambda r: r["sentences_per_s"])
        b = measure("(b) briefgen engine (default threads)", env, "briefgen", 0)
        others = [measure(f"    briefgen engine, threads={n}", env, "briefgen", n)
                  for n in range(1, cores + 1) if n != cores]
        memory = warm_and_cold(env, work)
    ratios = {
        "b_over_a": b["sentences_per_s"] / a["sentences_per_s"],
        "b_over_a_prime": b["sentences_per_s"] / a_best["sentences_per_s"],
        "b_over_a_tokens": b["tokens_per_s"] / a["tokens_per_s"],
        "rss_b_over_a": b["peak_rss_mb"] / a["peak_rss_mb"],
    }
    print()
    print(f"(b) / (a)  sentences/s: {ratios['b_over_a']:.1f}×   (target ≥ 5×)")
    print(f"(b) / (a′) sentences/s: {ratios['b_over_a_prime']:.1f}×   (target ≥ 1.5×; a′ = {a_best['label']})")
    print(f"(b) / (a)  generated tokens/s: {ratios['b_over_a_tokens']:.1f}×")
    print(f"peak RSS (b) / (a): {ratios['rss_b_over_a']:.2f}   (target ≤ 1)")
    print(f"warm translation stage: {100 * memory['warm_share']:.1f} % of cold   (target ≤ 5 %)")
    report = {"cores": cores, "sentences": len(sentences), "cap": [CAP_RATIO, CAP_EXTRA],
              "a": a, "a_prime": a_primes, "b": b, "b_other_threads": others, "memory": memory, "ratios": ratios}
    (cache / "translate.json").write_text(json.dumps(report, indent=2))
    print(f"wrote {cache / 'translate.json'}")


if __name__ == "__main__":
    main()
