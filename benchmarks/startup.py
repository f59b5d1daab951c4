"""Start-up of ``briefgen inspect seeds/*.txt``: langdetect's profiles loaded by langdetect
itself in every process (before) against briefgen's profile cache (after).

    .venv/bin/python benchmarks/startup.py [--runs 15] [--no-bytecode]

Each run is the real command in a new process. Runs of the two kinds alternate, so a
machine whose load changes during the benchmark treats both alike; the table gives the
median and the fastest wall time, and the median CPU time (user + system) of the
process, which the load of other work on the machine disturbs less. "Before" is the same
code with ``briefgen.detect.PROFILE_CACHE = False``. The profile cache is built by a
first, unmeasured run.

Python's compiled bytecode is allowed (as for an installed briefgen: pip compiles it), even
when PYTHONDONTWRITEBYTECODE is set; --no-bytecode keeps that setting, and then every run
also compiles briefgen's sources.

Target (issue 11): inspect of the seeds <= 0.6 s on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt"))
RUN = """
import sys
import briefgen.detect
briefgen.detect.PROFILE_CACHE = {cache}
from briefgen.cli import main
sys.argv[0] = "briefgen"
main()
"""
KINDS = {"before (langdetect loads its profiles)": "False", "after (profile cache)": "True"}


def run_once(cache: str, env: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ``briefgen inspect`` of the seeds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", RUN.format(cache=cache), "inspect", *SEEDS], check=True,
                   stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE if it is set")
    args = parser.parse_args()
    env = dict(os.environ)
    if not args.no_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    for cache in KINDS.values():  # warm: bytecode, the profile cache, the page cache
        run_once(cache, env)
    times: dict[str, list[tuple[float, float]]] = {kind: [] for kind in KINDS}
    for _ in range(args.runs):
        for kind, cache in KINDS.items():
            times[kind].append(run_once(cache, env))
    print(f"briefgen inspect seeds/*.txt ({len(SEEDS)} files), {args.runs} runs each, alternating; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"bytecode {'off' if env.get('PYTHONDONTWRITEBYTECODE') else 'on'}")
    print(f"{'':40} {'median wall':>12} {'fastest':>9} {'median CPU':>11}")
    for kind, runs in times.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(f"{kind:40} {statistics.median(walls):10.3f} s {min(walls):7.3f} s {statistics.median(cpus):9.3f} s")


if __name__ == "__main__":
    main()
