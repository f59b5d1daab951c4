"""Quotes, speakers and dates against hand labels.

    .venv/bin/python benchmarks/extract.py

benchmarks/labelled/ is the set the extractor was tuned on; benchmarks/heldout/ was
written afterwards (its first score is in the project notes: quotes 1.00/1.00, speakers
0.79, dates 1.00). Prints precision and recall of quotes, accuracy of speakers and
dates, and every disagreement.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from briefgen.testing.evaluate import score_labelled

    for name in ("labelled", "heldout"):
        score = score_labelled(ROOT / "benchmarks" / name, ROOT / "seeds")
        print(f"{name:9} {score.summary()}")
        for error in score.errors:
            print(f"    {error}")


if __name__ == "__main__":
    main()
