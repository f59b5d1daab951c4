"""A synthetic corpus of N French news sources for scaling measurements, built from the
seeds and (when present) the OrangeSum sample. Never committed: benchmarks build it in a
temporary folder.

Each source is a real article (its title, a dateline with a date within one week, its
paragraphs) with one paragraph of another article appended, so no two sources are
byte-identical and related stories overlap as they do on a news desk.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORANGESUM = ROOT.parent / "shared" / "eval" / "orangesum"
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
OUTLETS = ["AFP", "Reuters", "Europe Info", "Cinktank.com", "Le Journal"]


def articles() -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every article available."""
    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if len(line.split()) > 8]
        found.append((lines[0], lines[1:]))
    if (ORANGESUM / "parsed").is_dir():
        for path in sorted((ORANGESUM / "parsed").glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            body = re.sub(r"([.!?»\")])(?=[A-ZÀ-Ý«\"])", r"\1\n", record["article"])
            paragraphs = [p.strip() for p in body.splitlines() if len(p.split()) > 5]
            if paragraphs:
                found.append((record["title"], paragraphs))
    return found


def build_corpus(n: int, folder: Path, seed: int = 0) -> Path:
    """Write ``n`` sources into ``folder`` (created); return it."""
    rng = random.Random(seed)
    pool = articles()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        title, paragraphs = pool[i % len(pool)]
        _, extra = pool[rng.randrange(len(pool))]
        day = 16 + rng.randrange(7)
        dateline = f"Bruxelles, {day} {MONTHS[10]} 2026 ({OUTLETS[i % len(OUTLETS)]}) –"
        body = "\n\n".join([title, dateline, *paragraphs[:12], rng.choice(extra)])
        (folder / f"source-{i:05d}.txt").write_text(body + "\n", encoding="utf-8")
    return folder


if __name__ == "__main__":
    import sys

    print(build_corpus(int(sys.argv[1]), Path(sys.argv[2])))
