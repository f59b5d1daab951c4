"""Key sentences against professionally written abstracts (OrangeSum), and dates of raw pages.

    .venv/bin/python benchmarks/summaries.py [--data ../shared/eval/orangesum]

1. ROUGE-1/2/L (F1) of three extractive summarisers against each article's reference
   abstract ("heading"), at 1, 2 and 3 sentences: lead-k (the first k sentences), sumy's
   LexRank, and briefgen's ranking. The sample is split in two by id parity: "dev" (even
   ids, where briefgen's weights were chosen) and "test" (odd ids, never looked at while
   tuning); both are reported.
2. Publication date, title and outlet of the raw HTML pages (html/), against the dates the
   dataset's own parser found (parsed/).

Needs the OrangeSum sample (not part of the repository) and sumy (pip install sumy).
Writes out/bench/summaries.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import orangesum  # noqa: E402

DEFAULT_DATA = orangesum.DATA


# ---------------------------------------------------------------- ROUGE
def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: list[str], reference: list[str], n: int) -> float:
    grams = lambda seq: Counter(tuple(seq[i:i + n]) for i in range(len(seq) - n + 1))  # noqa: E731
    c, r = grams(candidate), grams(reference)
    return _f1(sum((c & r).values()), max(1, sum(c.values())), max(1, sum(r.values())))


def rouge_l(candidate: list[str], reference: list[str]) -> float:
    if not candidate or not reference:
        return 0.0
    previous = [0] * (len(reference) + 1)
    for token in candidate:
        current = [0]
        for j, ref_token in enumerate(reference, 1):
            current.append(previous[j - 1] + 1 if token == ref_token else max(previous[j], current[j - 1]))
        previous = current
    return _f1(previous[-1], len(candidate), len(reference))


def rouge(candidate: str, reference: str) -> tuple[float, float, float]:
    c, r = tokens(candidate), tokens(reference)
    return rouge_n(c, r, 1), rouge_n(c, r, 2), rouge_l(c, r)


# ---------------------------------------------------------------- articles
def load_articles(data: Path) -> list[dict]:
    return orangesum.load(data)


def split_of(article_id: int) -> str:
    """"dev" for about a third of the sample (weights are fitted there, cross-validated),
    "test" for the rest (never looked at while tuning): fixed by a hash of the id."""
    digest = hashlib.sha256(f"orangesum-{article_id}".encode()).digest()
    return "dev" if digest[0] % 3 == 0 else "test"


def as_document(article: dict, folder: Path):
    from briefgen.detect import detect
    from briefgen.ingest import ingest

    path = folder / f"{article['id']}.txt"
    path.write_text(orangesum.as_text(article), encoding="utf-8")
    return detect(ingest(path))


def lead(doc, k: int) -> list[str]:
    return [seg.original for _, _, seg in doc.sentences()[:k]]


def briefgen_summary(doc, k: int, budget: float = math.inf) -> list[str]:
    """briefgen's k best sentences (no word budget: exactly k, as lead-k)."""
    from briefgen.extract.keysentences import rank_sentences
    from briefgen.extract.statements import _quoted_share

    chosen = rank_sentences(doc, _quoted_share(doc), k, budget=budget)
    chosen = sorted(chosen, key=lambda r: (r.paragraph, r.index))  # reading order
    return [doc.paragraphs[r.paragraph].sentences[r.index].original for r in chosen]


class _Tokenizer:
    """sumy's tokenizer interface, on briefgen's sentence splitter (sumy's own needs
    NLTK data downloaded from the internet)."""

    language = "french"

    def to_sentences(self, paragraph: str) -> list[str]:
        from briefgen.text import split_sentences

        return split_sentences(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"\w+", sentence)


def lexrank(doc, k: int) -> list[str]:
    from sumy.nlp.stemmers import null_stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from briefgen.extract.lexicon import STOPWORDS

    text = "\n\n".join(p.text_original for p in doc.paragraphs)
    parser = PlaintextParser.from_string(text, _Tokenizer())
    summarizer = LexRankSummarizer(null_stemmer)
    summarizer.stop_words = STOPWORDS
    return [str(s) for s in summarizer(parser.document, k)]


def briefgen_brief(doc, k: int) -> list[str]:
    """What the brief shows: up to k sentences, those scoring close to the best one."""
    from briefgen.extract.keysentences import WORD_BUDGET

    return briefgen_summary(doc, k, WORD_BUDGET)


SYSTEMS = {"lead": lead, "lexrank": lexrank, "briefgen": briefgen_summary, "brief": briefgen_brief}


def evaluate_summaries(articles: list[dict]) -> dict:
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        docs = [(a, as_document(a, Path(tmp))) for a in articles]
    for split in ("dev", "test", "all"):
        chosen = [(a, d) for a, d in docs if split in ("all", split_of(a["id"]))]
        for k in (1, 2, 3):
            for name, system in SYSTEMS.items():
                outputs = [system(d, k) for _, d in chosen]
                scores = [rouge(" ".join(out), a["reference"]) for out, (a, _) in zip(outputs, chosen, strict=True)]
                results[f"{split}/{k}/{name}"] = {
                    "sentences": statistics.mean(len(out) for out in outputs),
                    "rouge1": statistics.mean(s[0] for s in scores),
                    "rouge2": statistics.mean(s[1] for s in scores),
                    "rougeL": statistics.mean(s[2] for s in scores),
                    "articles": len(scores),
                }
    return results


BUDGETS = (15, 20, 25, 30, 35, 45)


def fit(articles: list[dict]) -> tuple[list[float], int]:
    """Least-squares weights of briefgen's sentence features and the word budget, on the
    development third only.

    Each sentence's target is its ROUGE-1 + ROUGE-2 + ROUGE-L against the abstract minus its
    article's average (what matters is which sentence of an article is best); the budget is
    the one with the best mean ROUGE-1 + ROUGE-L over a 5-fold cross-validation, whose table
    is printed."""
    import random

    import numpy as np

    from briefgen.extract.keysentences import rank_sentences, sentence_features
    from briefgen.extract.statements import _quoted_share

    dev = [a for a in articles if split_of(a["id"]) == "dev"]
    with tempfile.TemporaryDirectory() as tmp:
        docs = {a["id"]: as_document(a, Path(tmp)) for a in dev}
    rows, targets = {}, {}
    for article in dev:
        doc, reference = docs[article["id"]], tokens(article["reference"])
        rows[article["id"]] = np.array(sentence_features(doc, _quoted_share(doc)))
        gains = []
        for _, _, seg in doc.sentences():
            candidate = tokens(seg.original)
            gains.append(rouge_n(candidate, reference, 1) + rouge_n(candidate, reference, 2)
                         + rouge_l(candidate, reference))
        targets[article["id"]] = np.array(gains) - np.mean(gains)

    def solve(ids: list[int]) -> tuple[float, ...]:
        weights, *_ = np.linalg.lstsq(np.vstack([rows[i] for i in ids]),
                                      np.concatenate([targets[i] for i in ids]), rcond=None)
        return tuple(float(w) for w in weights)

    ids = sorted(docs)
    random.Random(0).shuffle(ids)
    folds = [ids[k::5] for k in range(5)]
    table = {}
    for budget in BUDGETS:
        scores = []
        for k, held in enumerate(folds):
            weights = solve([i for j, fold in enumerate(folds) if j != k for i in fold])
            for i in held:
                doc = docs[i]
                chosen = sorted((r.paragraph, r.index) for r in rank_sentences(
                    doc, _quoted_share(doc), 3, weights=weights, budget=budget))
                text = " ".join(doc.paragraphs[p].sentences[s].original for p, s in chosen)
                scores.append(rouge(text, next(a["reference"] for a in dev if a["id"] == i)))
        table[budget] = [statistics.mean(s[m] for s in scores) for m in range(3)]
        print(f"cross-validated on dev, budget {budget:3} words: R-1 {table[budget][0]:.4f} "
              f"R-2 {table[budget][1]:.4f} R-L {table[budget][2]:.4f}")
    best = max(BUDGETS, key=lambda b: table[b][0] + table[b][2])
    return [round(w, 3) for w in solve(ids)], best


def evaluate_pages(data: Path) -> dict:
    from briefgen.ingest import ingest

    right = titles = outlets = total = 0
    misses = []
    for page in sorted((data / "html").glob("*.html")):
        truth = json.loads((data / "parsed" / f"{page.stem}.json").read_text(encoding="utf-8"))
        doc = ingest(page)
        total += 1
        right += doc.published == truth["date"]
        titles += bool(doc.title) and doc.title.original.strip() == truth["title"].strip()
        outlets += bool(doc.outlet)
        if doc.published != truth["date"]:
            misses.append(f"{page.name}: {doc.published} != {truth['date']}")
    return {"pages": total, "date_accuracy": right / total, "title_exact": titles / total,
            "outlet_found": outlets / total, "date_misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--fit", action="store_true", help="refit the sentence weights on the dev half")
    args = parser.parse_args()
    if not (args.data / "parsed").is_dir():
        raise SystemExit(f"the OrangeSum sample is not at {args.data}: nothing to measure")
    articles = load_articles(args.data)
    if args.fit:
        from briefgen.extract.keysentences import FEATURES

        weights, budget = fit(articles)
        print("WEIGHTS = (" + ", ".join(f"{w:.3f}" for w in weights) + ")")
        print("  for " + ", ".join(FEATURES))
        print(f"WORD_BUDGET = {budget}")
        return
    summaries = evaluate_summaries(articles)
    print(f"OrangeSum sample: {len(articles)} articles; ROUGE F1 against the reference abstracts")
    print("k: sentences for lead, LexRank and briefgen; at most k for 'brief' (what the brief shows)")
    print(f"{'split':5} {'k':>2} {'system':9} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'sentences':>9}")
    for key, value in summaries.items():
        split, k, name = key.split("/")
        print(f"{split:5} {k:>2} {name:9} {value['rouge1']:6.4f} {value['rouge2']:6.4f} {value['rougeL']:6.4f}"
              f" {value['sentences']:9.2f}")
    for split in ("test", "all"):
        ours, lead3 = summaries[f"{split}/3/brief"], summaries[f"{split}/3/lead"]
        print(f"{split}: the brief's key sentences ({ours['sentences']:.2f} a source) vs lead-3: " + ", ".join(
            f"{m} {ours[m]:.4f} vs {lead3[m]:.4f}" for m in ("rouge1", "rouge2", "rougeL")))
    pages = evaluate_pages(args.data)
    print(f"\nraw HTML pages: {pages['pages']}; publication date right {pages['date_accuracy']:.3f}, "
          f"title as the dataset's {pages['title_exact']:.3f}, outlet found {pages['outlet_found']:.3f}")
    for miss in pages["date_misses"]:
        print("  " + miss)
    out = ROOT / "out" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "summaries.json").write_text(json.dumps({"rouge": summaries, "pages": pages}, indent=2))
    print(f"wrote {out / 'summaries.json'}")


if __name__ == "__main__":
    main()
