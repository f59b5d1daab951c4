"""Key sentences of a source: a ranked extractive summary.

Each sentence gets features — its place in the text, how central it is to the source
(cosine of TF-IDF content words with the whole text), how much it shares with the title,
its length, how much of it is quotation, whether it holds a figure — and its score is a
weighted sum of them. The weights were fitted by least squares, predicting how much better
than its article's average a sentence's ROUGE-1 + ROUGE-2 + ROUGE-L against the
professionally written abstract is, on the development third of the OrangeSum sample
(``benchmarks/summaries.py --fit`` refits them and cross-validates the word budget); the
other two thirds are the test set. The best sentences are taken until they hold
``WORD_BUDGET`` words (a news abstract is two short sentences): a long lede alone, or two
or three shorter sentences. Fragments and sentences that are almost all quotation (shown as
quotes instead) are left out, and a sentence too similar to one already chosen is skipped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from ..model import Document
from ..text import strip_accents, words
from .lexicon import STOPWORDS

MIN_WORDS = 6  # fewer words: a fragment
MAX_QUOTED = 0.9  # a sentence more quoted than this is left to the quotes
REDUNDANCY = 0.5  # cosine above which a candidate repeats a chosen sentence
# sentences are taken, best first, until they hold this many words (cross-validated on the
# development third by benchmarks/summaries.py --fit)
WORD_BUDGET = 30
FEATURES = ("bias", "first_rank", "rank_sqrt", "first_sentence", "first_paragraph", "centrality",
            "title_cosine", "title_recall", "length", "long", "quoted", "figure")
# fitted by benchmarks/summaries.py --fit on the development third of the OrangeSum sample
WEIGHTS = (-0.191, 0.329, -0.084, -0.188, 0.010, -0.150, 0.260, 0.166, 0.521, -0.306, -0.065, -0.003)


@dataclass(frozen=True)
class Ranked:
    paragraph: int
    index: int  # sentence index in the paragraph
    score: float


def terms(text: str) -> list[str]:
    """Content words, lower case, without accents, lightly stemmed (French and English)."""
    out = []
    for w in words(text.lower()):
        w = re.sub(r"^[ldjmnstcq]['’]", "", w)
        if w in STOPWORDS or len(w) < 3 or w.isdigit():
            continue
        out.append(_stem(strip_accents(w)))
    return out


def _stem(word: str) -> str:
    for suffix in ("ements", "ement", "ations", "ation", "ités", "ité", "ies", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def sentence_features(doc: Document, quoted_share: dict[tuple[int, int], float]) -> list[tuple[float, ...]]:
    """The FEATURES of every sentence of ``doc``, in reading order."""
    sentences = doc.sentences()
    bags = [Counter(terms(seg.original)) for _, _, seg in sentences]
    df = Counter(t for bag in bags for t in set(bag))
    idf = {t: math.log(1 + len(bags) / c) for t, c in df.items()}

    def weigh(bag: Counter) -> Counter:
        return Counter({t: c * idf.get(t, 1.0) for t, c in bag.items()})

    centroid = weigh(sum(bags, Counter()))
    title_terms = Counter(terms(doc.title.original)) if doc.title else Counter()
    title = weigh(title_terms)
    rows = []
    for k, ((p, s, seg), bag) in enumerate(zip(sentences, bags, strict=True)):
        count = len(words(seg.original))
        vec = weigh(bag)
        rows.append((
            1.0, 1 / (1 + k), 1 / (1 + k) ** 0.5, float(k == 0), float(p == 0), cosine(vec, centroid),
            cosine(vec, title), len(set(title_terms) & set(bag)) / max(1, len(title_terms)),
            min(count, 60) / 60, max(0, count - 25) / 50, quoted_share.get((p, s), 0.0),
            float(any(c.isdigit() for c in seg.original)),
        ))
    return rows


def rank_sentences(doc: Document, quoted_share: dict[tuple[int, int], float], limit: int = 3,
                   weights: tuple[float, ...] = WEIGHTS, budget: float = WORD_BUDGET) -> list[Ranked]:
    """The best sentences of ``doc``, best first: at most ``limit``, and no more once the
    chosen ones hold ``budget`` words (``math.inf``: exactly ``limit`` when there are).

    ``quoted_share`` gives, per (paragraph, sentence), the share of its characters inside
    quotation marks; a sentence that is almost all quotation is left to the quotes.
    """
    sentences = doc.sentences()
    candidates = []
    for (p, s, seg), row in zip(sentences, sentence_features(doc, quoted_share), strict=True):
        count = len(words(seg.original))
        if count < MIN_WORDS or quoted_share.get((p, s), 0.0) > MAX_QUOTED:
            continue
        score = sum(w * f for w, f in zip(weights, row, strict=True))
        candidates.append((score, p, s, count, Counter(terms(seg.original))))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    chosen: list[tuple[float, int, int, int, Counter]] = []
    for cand in candidates:
        if len(chosen) == limit or sum(c[3] for c in chosen) >= budget:
            break
        if all(cosine(cand[4], other[4]) < REDUNDANCY for other in chosen):
            chosen.append(cand)
    return [Ranked(p, s, round(score, 4)) for score, p, s, _, _ in chosen]
