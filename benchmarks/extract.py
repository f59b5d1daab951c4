"""Quotes, speakers and dates against hand labels.

    .venv/bin/python benchmarks/extract.py [--errors dev|test|all] [--data ../shared/eval/orangesum]

1. ``benchmarks/real/``: real French news (OrangeSum, read from ../shared/eval/orangesum),
   every span between quote marks labelled by hand before any rule was changed for them,
   split once at random into a development half (rules may be tuned on it) and a test half
   (never looked at while tuning). Both halves are reported: quote precision and recall,
   speaker accuracy, and speaker accuracy by the way a reader finds the speaker; with
   spaCy's French parser (briefgen/extract/syntax.py) and with the cue rules alone, and the
   extract stage's time per article both ways.
2. ``benchmarks/multilingual``: ten languages, six articles each to tune on, and four more
   each in ``benchmarks/multilingual/test`` (never looked at while tuning), both written and
   labelled by helpers who had not read the rules; scored by language.
3. ``benchmarks/labelled`` and ``benchmarks/heldout``: articles written here with the
   rules in mind; regression sets, not a measure.

Disagreements are printed for the development halves only (``--errors test`` shows the test
halves', for a final report; do not tune on them).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import orangesum  # noqa: E402

REAL = ROOT / "benchmarks" / "real" / "labels.json"


def real_documents(labels: dict, data: Path) -> dict:
    """Ingested (and language-detected) documents of the labelled articles."""
    from briefgen.detect import detect
    from briefgen.ingest import ingest

    by_file = {a["file"]: a for a in orangesum.load(data)}
    docs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for key in labels:
            article = by_file[key]
            path = Path(tmp) / f"{article['id']}.txt"
            path.write_text(orangesum.as_text(article), encoding="utf-8")
            docs[key] = detect(ingest(path))
    return docs


def score_halves(data: Path = orangesum.DATA, which: tuple[str, ...] = ("dev", "test"),
                 docs: dict | None = None) -> dict:
    """{"dev": RealScore, "test": RealScore} of the current extractor on benchmarks/real."""
    from briefgen.extract import extract
    from briefgen.testing.evaluate import score_real

    labels = json.loads(REAL.read_text(encoding="utf-8"))
    split = labels["_split"]
    articles = {k: v for k, v in labels.items() if not k.startswith("_")}
    docs = docs or real_documents(articles, data)
    halves = {}
    for half in which:
        chosen = {k: v for k, v in articles.items() if int(Path(k).stem) in split[half]}
        halves[half] = score_real(chosen, docs, extract)
    return halves


def time_extract(docs: dict) -> tuple[float, float, float]:
    """Seconds to load the parser, and milliseconds per article of the extract stage with
    the parser and with the rules alone (best of three passes over ``docs``)."""
    from briefgen.extract import extract, syntax

    probe = ("import time; start = time.perf_counter(); from briefgen.extract import syntax; "
             "syntax.available('fr'); print(time.perf_counter() - start)")
    load = float(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                                cwd=ROOT).stdout)

    def per_article() -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for doc in docs.values():
                extract(doc)
            best = min(best, time.perf_counter() - start)
        return best / len(docs) * 1000

    with_parser = per_article()
    with syntax.rules_only():
        rules = per_article()
    return load, with_parser, rules


def main() -> None:
    from briefgen.testing.evaluate import score_by_language, score_labelled

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=orangesum.DATA)
    parser.add_argument("--errors", choices=("dev", "test", "all", "none"), default="dev")
    parser.add_argument("--dev-only", action="store_true", help="while tuning: do not even score the test half")
    args = parser.parse_args()
    if (args.data / "parsed").is_dir():
        from briefgen.extract import syntax

        labels = json.loads(REAL.read_text(encoding="utf-8"))
        docs = real_documents({k: v for k, v in labels.items() if not k.startswith("_")}, args.data)
        which = ("dev",) if args.dev_only else ("dev", "test")
        with syntax.rules_only():
            rules = score_halves(args.data, which, docs)
        halves = score_halves(args.data, which, docs)
        parser_state = "with spaCy's parser" if syntax.available("fr") else "spaCy's French model not installed:"
        for half, score in halves.items():
            print(f"real/{half:4} ({score.articles} articles) {score.summary().split('; dates')[0]}; "
                  f"{score.ignored} spans labelled not speech, {score.terms_named} of them given a speaker")
            print(f"    {parser_state} speakers {score.speaker_accuracy:.3f}; cue rules alone "
                  f"{rules[half].speaker_accuracy:.3f}")
            print("    " + score.classes().replace("\n", "\n    "))
            batches = labels["_split"].get("batches", {}).get(half, {})
            if len(batches) > 1:  # each batch labelled at its own time: how far the rules carry
                print("    speakers by batch: " + ", ".join(
                    f"{name} {score.batch_accuracy(ids):.3f}" for name, ids in batches.items()))
        load, with_parser, alone = time_extract(docs)
        print(f"extract stage, {len(docs)} real articles: {with_parser:.1f} ms an article with the parser "
              f"(loaded once a process in {load:.1f} s), {alone:.1f} ms with the rules alone")
        for half, score in halves.items():
            if args.errors in (half, "all"):
                print(f"-- disagreements, {half} half")
                for error in score.errors:
                    print(f"    {error}")
    else:
        print(f"real: the OrangeSum sample is not at {args.data}; skipped")
    print("multilingual (written and labelled by helpers who had not read the rules; targets P >= 0.95, "
          "R >= 0.90, speakers >= 0.85, dates >= 0.90)")
    halves = {"dev": ROOT / "benchmarks" / "multilingual", "test": ROOT / "benchmarks" / "multilingual" / "test"}
    for half, folder in halves.items():
        if half == "test" and args.dev_only:
            continue
        count = len(list(folder.glob("*.txt")))
        print(f"  {half} half ({folder.relative_to(ROOT)}: {count} articles"
              + (", rules tuned on it)" if half == "dev" else ", never looked at while tuning)"))
        scores = score_by_language(folder)
        for language, score in scores.items():
            print(f"    {language}  {score.summary()}")
            if args.errors in (half, "all"):
                for error in score.errors:
                    print(f"        {error}")
        right, matched = sum(s.speakers_right for s in scores.values()), sum(s.matched for s in scores.values())
        print(f"    all speakers {right / matched:.3f} ({right}/{matched}); quoted terms given a speaker "
              f"{sum(s.terms_named for s in scores.values())}/{sum(s.terms for s in scores.values())}")
    for name in ("labelled", "heldout"):
        score = score_labelled(ROOT / "benchmarks" / name, ROOT / "seeds")
        print(f"{name:9} {score.summary()}")
        for error in score.errors:
            print(f"    {error}")


if __name__ == "__main__":
    main()
