"""Key sentences against professionally written abstracts (OrangeSum), and dates of raw pages.

    .venv/bin/python benchmarks/summaries.py [--data ../shared/eval/orangesum] [--fit | --cv]

1. ROUGE-1/2/L (F1) of three extractive summarisers against each article's reference
   abstract ("heading"), at 1, 2 and 3 sentences: lead-k (the first k sentences), sumy's
   LexRank, and briefgen's ranking (exactly k sentences, in reading order); and the key
   sentences as the brief emits them (``extract``: at most k, best first; "brief-read" is
   the same sentences in reading order). The sample is split by a hash of the id: "dev" (a
   third, where briefgen's weights were fitted) and "test" (the rest, never looked at while
   tuning); both are reported.
2. Publication date, title and outlet of the raw HTML pages (html/), against the dates the
   dataset's own parser found (parsed/).

``--fit`` refits the key sentences' weights, ridge penalty and word budget on the dev third
(cross-validated there) and prints them; ``--cv`` judges that whole procedure by nested
cross-validation on the dev third alone (the figures to decide changes by: the test third
is not read).

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
    """briefgen's k best sentences (no word budget: exactly k, as lead-k), in reading order."""
    from briefgen.extract.keysentences import rank_sentences
    from briefgen.extract.statements import _quoted_share, reported_sentences

    chosen = rank_sentences(doc, _quoted_share(doc), k, budget=budget, speakers=reported_sentences(doc))
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
    """The key sentences as the brief emits them: at most k (within the word budget), best first."""
    from briefgen.extract.statements import extract

    return [s.original for s in extract(doc, k).summary]


def briefgen_brief_reading(doc, k: int) -> list[str]:
    """The same sentences in reading order (ROUGE-L depends on the order)."""
    from briefgen.extract.keysentences import WORD_BUDGET

    return briefgen_summary(doc, k, WORD_BUDGET)


SYSTEMS = {"lead": lead, "lexrank": lexrank, "briefgen": briefgen_summary, "brief": briefgen_brief,
           "brief-read": briefgen_brief_reading}


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
RIDGES = (5, 10, 20, 40, 80)
FOLDS = 5


class Development:
    """The development third, read once: each article's document, sentence features and
    target, and the ROUGE of every set of sentences tried (cached).

    A sentence's target is how high it ranks in its article by ROUGE-1 + ROUGE-2 + ROUGE-L
    against the abstract, as 1/(1 + rank), less the article's mean: what matters is which
    sentence of an article is best."""

    def __init__(self, articles: list[dict]):
        import numpy as np

        from briefgen.extract.keysentences import sentence_features
        from briefgen.extract.statements import _quoted_share, reported_sentences

        dev = [a for a in articles if split_of(a["id"]) == "dev"]
        self.references = {a["id"]: a["reference"] for a in dev}
        with tempfile.TemporaryDirectory() as tmp:
            self.docs = {a["id"]: as_document(a, Path(tmp)) for a in dev}
        self.ids = sorted(self.docs)
        self.shares, self.speakers, self.rows, self.targets = {}, {}, {}, {}
        for i in self.ids:
            doc, reference = self.docs[i], tokens(self.references[i])
            self.shares[i], self.speakers[i] = _quoted_share(doc), reported_sentences(doc)
            self.rows[i] = sentence_features(doc, self.shares[i], self.speakers[i])
            gains = []
            for _, _, seg in doc.sentences():
                candidate = tokens(seg.original)
                gains.append(rouge_n(candidate, reference, 1) + rouge_n(candidate, reference, 2)
                             + rouge_l(candidate, reference))
            order = np.argsort(-np.array(gains), kind="stable")
            reciprocal = np.empty(len(gains))
            reciprocal[order] = 1 / (1 + np.arange(len(gains)))
            self.targets[i] = reciprocal - reciprocal.mean()
        self._scores: dict = {}

    def solve(self, ids: list[int], ridge: float) -> tuple[float, ...]:
        """Ridge regression of the targets on the features (the bias is not penalised)."""
        import numpy as np

        x = np.vstack([np.array(self.rows[i]) for i in ids])
        y = np.concatenate([self.targets[i] for i in ids])
        penalty = ridge * np.eye(x.shape[1])
        penalty[0, 0] = 0.0
        return tuple(float(w) for w in np.linalg.solve(x.T @ x + penalty, x.T @ y))

    def chosen(self, i: int, weights: tuple[float, ...], limit: int, budget: float) -> tuple[tuple[int, int], ...]:
        """The sentences briefgen takes, best first, as (paragraph, sentence)."""
        from briefgen.extract.keysentences import rank_sentences

        return tuple((r.paragraph, r.index) for r in rank_sentences(
            self.docs[i], self.shares[i], limit, weights=weights, budget=budget, speakers=self.speakers[i],
            features=self.rows[i]))

    def score(self, i: int, chosen: tuple[tuple[int, int], ...]) -> tuple[float, float, float]:
        """ROUGE-1/2/L F1 of these sentences, in this order, against the abstract."""
        if (i, chosen) not in self._scores:
            doc = self.docs[i]
            text = " ".join(doc.paragraphs[p].sentences[s].original for p, s in chosen)
            self._scores[(i, chosen)] = rouge(text, self.references[i])
        return self._scores[(i, chosen)]

    @staticmethod
    def folds(ids: list[int], seed: int) -> list[list[int]]:
        import random

        shuffled = sorted(ids)
        random.Random(seed).shuffle(shuffled)
        return [shuffled[k::FOLDS] for k in range(FOLDS)]

    def tune(self, ids: list[int], seeds: tuple[int, ...] = (0,), show: bool = False) -> tuple[float, int]:
        """The ridge penalty and word budget with the best mean ROUGE-1 + ROUGE-L of the key
        sentences as emitted, over ``FOLDS``-fold cross-validation within ``ids`` (repeated
        with each of ``seeds``)."""
        table = {}
        for ridge in RIDGES:
            weights = {(seed, k): self.solve([i for j, fold in enumerate(self.folds(ids, seed)) if j != k
                                              for i in fold], ridge)
                       for seed in seeds for k in range(FOLDS)}
            for budget in BUDGETS:
                scores = [self.score(i, self.chosen(i, weights[(seed, k)], 3, budget))
                          for seed in seeds for k, held in enumerate(self.folds(ids, seed)) for i in held]
                means = table[(ridge, budget)] = [statistics.mean(s[m] for s in scores) for m in range(3)]
                if show:
                    print(f"cross-validated on dev, ridge {ridge:3}, budget {budget:3} words: "
                          f"R-1 {means[0]:.4f} R-2 {means[1]:.4f} R-L {means[2]:.4f}")
        return max(table, key=lambda key: (table[key][0] + table[key][2], -key[0], -key[1]))


def fit(articles: list[dict]) -> tuple[list[float], int, float]:
    """Weights of briefgen's sentence features, the word budget and the ridge penalty, on
    the development third only: the penalty and budget with the best mean ROUGE-1 + ROUGE-L
    over five repetitions of a 5-fold cross-validation (whose table is printed), then the
    weights on the whole third."""
    dev = Development(articles)
    ridge, budget = dev.tune(dev.ids, seeds=(0, 1, 2, 3, 4), show=True)
    return [round(w, 3) for w in dev.solve(dev.ids, ridge)], budget, ridge


def nested_cv(articles: list[dict], seeds: tuple[int, ...] = (0, 1, 2)) -> dict:
    """The whole fitting procedure judged on the development third alone: in each fold of a
    5-fold cross-validation (repeated with each of ``seeds``), the penalty and budget are
    tuned and the weights fitted on the other folds, then the held-out articles are
    summarised — exactly k sentences (reading order), and as the brief emits them (best
    first) — beside lead-k on the same articles."""
    dev = Development(articles)
    results: dict[str, list] = {}
    for seed in seeds:
        folds = dev.folds(dev.ids, seed)
        for k, held in enumerate(folds):
            train = [i for j, fold in enumerate(folds) if j != k for i in fold]
            ridge, budget = dev.tune(train)
            weights = dev.solve(train, ridge)
            for i in held:
                sentences = [(p, s) for p, s, _ in dev.docs[i].sentences()]
                for n in (1, 2, 3):
                    results.setdefault(f"{n}/lead", []).append(dev.score(i, tuple(sentences[:n])))
                    results.setdefault(f"{n}/briefgen", []).append(
                        dev.score(i, tuple(sorted(dev.chosen(i, weights, n, math.inf)))))
                emitted = dev.chosen(i, weights, 3, budget)
                results.setdefault("3/brief", []).append(dev.score(i, emitted))
                results.setdefault("3/brief-read", []).append(dev.score(i, tuple(sorted(emitted))))
                results.setdefault("sentences", []).append((len(emitted),) * 3)
    return {name: [statistics.mean(s[m] for s in scores) for m in range(3)] for name, scores in results.items()}


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
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--fit", action="store_true", help="refit the sentence weights on the dev third")
    what.add_argument("--cv", action="store_true", help="judge the fitting by nested cross-validation on the dev third")
    args = parser.parse_args()
    if not (args.data / "parsed").is_dir():
        raise SystemExit(f"the OrangeSum sample is not at {args.data}: nothing to measure")
    articles = load_articles(args.data)
    if args.fit:
        from briefgen.extract.keysentences import FEATURES

        weights, budget, ridge = fit(articles)
        print(f"ridge penalty {ridge}")
        print("WEIGHTS = (" + ", ".join(f"{w:.3f}" for w in weights) + ")")
        print("  for " + ", ".join(FEATURES))
        print(f"WORD_BUDGET = {budget}")
        return
    if args.cv:
        results = nested_cv(articles)
        print("dev third, nested 5-fold cross-validation (3 repetitions): ROUGE F1 of held-out articles")
        print(f"{'k':>2} {'system':10} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
        for key, (r1, r2, rl) in results.items():
            if key != "sentences":
                k, name = key.split("/")
                print(f"{k:>2} {name:10} {r1:6.4f} {r2:6.4f} {rl:6.4f}")
        ours, lead3 = results["3/brief"], results["3/lead"]
        print(f"the brief's key sentences ({results['sentences'][0]:.2f} a source) vs lead-3: "
              f"R-1 {100 * (ours[0] - lead3[0]):+.2f}, R-2 {100 * (ours[1] - lead3[1]):+.2f}, "
              f"R-L {100 * (ours[2] - lead3[2]):+.2f} points")
        return
    summaries = evaluate_summaries(articles)
    print(f"OrangeSum sample: {len(articles)} articles; ROUGE F1 against the reference abstracts")
    print("k: sentences for lead, LexRank and briefgen; at most k for 'brief' (what the brief emits, best first)"
          " and 'brief-read' (the same in reading order)")
    print(f"{'split':5} {'k':>2} {'system':10} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'sentences':>9}")
    for key, value in summaries.items():
        split, k, name = key.split("/")
        print(f"{split:5} {k:>2} {name:10} {value['rouge1']:6.4f} {value['rouge2']:6.4f} {value['rougeL']:6.4f}"
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
