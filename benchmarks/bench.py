"""Where briefgen's time and memory go, and how they grow with the number of sources.

    .venv/bin/python benchmarks/bench.py [--quick] [--sizes 5,50,500,2000]   (or: make bench)

Prints a table and writes out/bench/bench.json. Every figure is the median of several
runs (the count is printed beside it), each make in a fresh process (so peak memory is
its own):

- ``briefgen --help`` start-up, and ``briefgen inspect`` of the seeds;
- ``make`` of the seeds, cold (empty translation memory) and warm, with apertium and with
  a base-size random Argos package (the architecture of Argos's fr→en model), with the
  seconds of each stage and the peak memory;
- a scaling curve: ``make`` for 5, 50, 500 and 2,000 sources of a synthetic corpus built
  from the seeds and the OrangeSum sample (benchmarks/corpus.py; never committed), with
  apertium, cold; and the same without translation (French brief of French sources), to
  show the stages around it.

Targets (issue 7): --help <= 0.25 s; inspect <= 1.5 s; warm make <= 10 % of cold; PDF of
the seeds <= 1.5 s, of 500 sources <= 15 s; time per source at 2,000 within 1.3x of 50;
peak memory at 2,000 <= 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
BRIEFGEN = [sys.executable, "-m", "briefgen"]
DAY = "2026-11-24"

MAKE = """
import json, resource, sys, time
from pathlib import Path
from briefgen.config import Config
from briefgen.pipeline import make_brief
if __name__ == "__main__":
    args = json.loads(sys.argv[1])
    start = time.perf_counter()
    outcome = make_brief(Config(sources_dir=Path(args["sources"]), out_dir=Path(args["out"]), lang=args["lang"],
                                engine=args["engine"], cache_path=Path(args["cache"])), args["date"])
    print("RESULT " + json.dumps({"seconds": time.perf_counter() - start, "stages": outcome.seconds,
                                  "sources": len(outcome.brief.sources),
                                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def timed(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
    return time.perf_counter() - start


def median_of(runs: int, measure) -> tuple[float, list[float]]:
    values = [measure() for _ in range(runs)]
    return statistics.median(values), values


def make_once(sources: Path, work: Path, engine: str, lang: str = "en", cache: Path | None = None,
              env: dict | None = None, out: Path | None = None) -> dict:
    out = out or Path(tempfile.mkdtemp(dir=work))
    args = {"sources": str(sources), "out": str(out), "lang": lang, "engine": engine, "date": DAY,
            "cache": str(cache or Path(tempfile.mkdtemp(dir=work)) / "tm.sqlite3")}
    done = subprocess.run([sys.executable, "-c", MAKE, json.dumps(args)], capture_output=True, text=True,
                          env=env, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode or not lines:
        raise SystemExit(f"make failed:\n{done.stderr[-3000:]}")
    return json.loads(lines[-1][len("RESULT "):])


def summarise(results: list[dict]) -> dict:
    stages = sorted({k for r in results for k in r["stages"]})
    return {
        "runs": len(results),
        "seconds": statistics.median(r["seconds"] for r in results),
        "stages": {k: statistics.median(r["stages"].get(k, 0.0) for r in results) for k in stages},
        "peak_rss_mb": statistics.median(r["peak_rss_mb"] for r in results),
        "sources": results[0]["sources"],
    }


def cold_and_warm(sources: Path, work: Path, engine: str, runs: int, env: dict | None = None) -> dict:
    """Cold: empty translation memory, new output folder. Warm: the same make again on
    unchanged sources (same memory, same folder: the brief is found unchanged). Warm
    memory, new folder: only translation is saved (the brief is rendered)."""
    cold = [make_once(sources, work, engine, env=env) for _ in range(runs)]
    cache, out = Path(tempfile.mkdtemp(dir=work)) / "tm.sqlite3", Path(tempfile.mkdtemp(dir=work))
    make_once(sources, work, engine, cache=cache, env=env, out=out)  # fill the memory, write the brief
    warm = [make_once(sources, work, engine, cache=cache, env=env, out=out) for _ in range(runs)]
    new_folder = [make_once(sources, work, engine, cache=cache, env=env) for _ in range(runs)]
    return {"cold": summarise(cold), "warm": summarise(warm), "warm_memory_new_folder": summarise(new_folder)}


def argos_env(work: Path) -> dict:
    from briefgen.testing.tiny_argos import make_package

    package = ROOT / "out" / "bench" / "base-fr_en.argosmodel"
    if not package.exists():
        print("building the base-size random Argos package (about 65 MB)…", flush=True)
        package.parent.mkdir(parents=True, exist_ok=True)
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
        make_package(package, texts, size="base", seed=0)
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(work / "argos"), XDG_DATA_HOME=str(work / "data"),
               XDG_CONFIG_HOME=str(work / "config"), ORT_DISABLE_TELEMETRY="1")
    subprocess.run(BRIEFGEN + ["models", "install", "fr", "en", "--file", str(package)], env=env, check=True,
                   capture_output=True, cwd=ROOT)
    return env


def line(label: str, value: str, target: str = "") -> None:
    print(f"  {label:52} {value:>26}  {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, sizes 5,50,500")
    parser.add_argument("--sizes", default=None, help="comma-separated corpus sizes ('' for none)")
    args = parser.parse_args()
    runs = 2 if args.quick else 3
    default = "5,50,500" if args.quick else "5,50,500,2000"
    sizes = [int(s) for s in (default if args.sizes is None else args.sizes).split(",") if s]
    from corpus import build_corpus

    report: dict = {"cores": os.cpu_count(), "runs": runs}
    with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp:
        work = Path(tmp)
        print("start-up and inspect")
        report["help"], _ = median_of(7, lambda: timed(BRIEFGEN + ["--help"]))
        line("briefgen --help", f"{report['help']:.3f} s (7 runs)", "target <= 0.25 s")
        seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
        report["inspect"], _ = median_of(5, lambda: timed(BRIEFGEN + ["inspect", *seeds, "--json"]))
        line("briefgen inspect seeds/*.txt --json", f"{report['inspect']:.3f} s (5 runs)", "target <= 1.5 s")

        print("make of the seeds, cold and warm")
        for engine, env in (("apertium", None), ("argos", argos_env(work))):
            result = cold_and_warm(ROOT / "seeds", work, engine, runs, env)
            report[f"seeds_{engine}"] = result
            cold, warm = result["cold"], result["warm"]
            line(f"{engine}: cold make", f"{cold['seconds']:.2f} s ({runs} runs)")
            line(f"{engine}: warm make (same folder)",
                 f"{warm['seconds']:.2f} s = {100 * warm['seconds'] / cold['seconds']:.0f} %", "target <= 10 % of cold")
            other = result["warm_memory_new_folder"]
            line(f"{engine}: warm memory, new folder",
                 f"{other['seconds']:.2f} s = {100 * other['seconds'] / cold['seconds']:.0f} %",
                 f"translate {other['stages'].get('translate', 0):.2f} s")
            line(f"{engine}: cold stages", ", ".join(f"{k} {v:.2f}" for k, v in cold["stages"].items()))
            line(f"{engine}: peak memory", f"{cold['peak_rss_mb']:.0f} MB")
        line("PDF of the seeds' brief", f"{report['seeds_apertium']['cold']['stages']['pdf']:.2f} s",
             "target <= 1.5 s")

        print("scaling (synthetic corpus)")
        report["scaling"] = {}
        for lang, engine, label in (("en", "apertium", "translated"), ("fr", "none", "not translated")):
            for size in sizes:
                corpus = build_corpus(size, work / f"corpus-{size}")
                n = runs if size <= 500 else 1
                result = summarise([make_once(corpus, work, engine, lang) for _ in range(n)])
                report["scaling"][f"{label}/{size}"] = result
                per = 1000 * result["seconds"] / size
                line(f"{size:5} sources, {label}",
                     f"{result['seconds']:7.1f} s, {per:6.1f} ms/source, {result['peak_rss_mb']:5.0f} MB",
                     f"pdf {result['stages'].get('pdf', 0):.1f} s ({n} run{'s' if n > 1 else ''})")
        for label in ("translated", "not translated"):
            if sizes and f"{label}/50" in report["scaling"] and f"{label}/{sizes[-1]}" in report["scaling"]:
                small, big = report["scaling"][f"{label}/50"], report["scaling"][f"{label}/{sizes[-1]}"]
                ratio = (big["seconds"] / sizes[-1]) / (small["seconds"] / 50)
                report[f"per_source_ratio_{label}"] = ratio
                line(f"time per source at {sizes[-1]} / at 50, {label}", f"{ratio:.2f}x", "target <= 1.3x")
    out = ROOT / "out" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(report, indent=2))
    print(f"wrote {out / 'bench.json'}")


if __name__ == "__main__":
    main()
