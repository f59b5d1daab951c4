"""Extraction time against input size, in two shapes: one run-on line (no sentence end) of
news text with quotations and reporting clauses, at 50 KB, 200 KB and 1.9 MB (under the 2 MB
limit); and thousands of short paragraphs that are each a quoted subheading with words of
their own (every one is a headline quote looked up in the body, a sentence to rank, a clause
to parse).

    .venv/bin/python benchmarks/extract_scale.py [--sizes 50000,200000,1900000] [--paragraphs 1000,2000,4000,8000]

Prints seconds and microseconds per byte; linear growth keeps the last column flat.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

UNIT = ("le ministre a déclaré que « la situation est grave », a-t-il ajouté, tandis que M. Jean Dupont, "
        "secrétaire général, a estimé « nécessaire » une réforme, selon la préfecture, « tout va bien » ")


def main() -> None:
    from briefgen.detect import detect
    from briefgen.extract import extract
    from briefgen.ingest import ingest

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50000,200000,1900000")
    parser.add_argument("--paragraphs", default="1000,2000,4000,8000")
    args = parser.parse_args()
    print(f"{'bytes':>9} {'ingest s':>9} {'extract s':>10} {'µs/byte':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(n) for n in args.sizes.split(",")):
            path = Path(tmp) / f"line-{size}.txt"
            path.write_text("Titre\n\n" + (UNIT * (size // len(UNIT) + 1))[:size] + "\n", encoding="utf-8")
            started = time.perf_counter()
            doc = detect(ingest(path))
            ingested = time.perf_counter()
            extract(doc)
            done = time.perf_counter()
            print(f"{size:9} {ingested - started:9.2f} {done - ingested:10.2f} {1e6 * (done - ingested) / size:8.1f}")
        print(f"\n{'paragraphs':>10} {'bytes':>9} {'extract s':>10} {'µs/byte':>8}")
        for count in (int(n) for n in args.paragraphs.split(",")):
            path = Path(tmp) / f"paragraphs-{count}.txt"
            body = "\n\n".join(f"- « Parole numéro {i} et suite{i} » -" for i in range(count))
            path.write_text(f"Titre\n\n{body}\n", encoding="utf-8")
            size = path.stat().st_size
            doc = detect(ingest(path))
            started = time.perf_counter()
            extract(doc)
            took = time.perf_counter() - started
            print(f"{count:10} {size:9} {took:10.2f} {1e6 * took / size:8.1f}")


if __name__ == "__main__":
    main()
