"""Key sentences of a source: a ranked extractive summary.

Each sentence gets features — its place in the text, how central it is to the source
(cosine of TF-IDF content words with the whole text), how much it shares with the title,
its length, how much of it is quotation, whether it holds a figure — and its score is a
weighted sum of them. The weights were fitted (least squares, predicting each sentence's
ROUGE-1 + ROUGE-2 against the professionally written abstract) on half of the OrangeSum
sample and checked on the other half: ``benchmarks/summaries.py --fit`` refits them.
Fragments and sentences that are almost all quotation (shown as quotes instead) are left
out, and a sentence too similar to one already chosen is skipped.
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
# a sentence is kept only if it scores within this share of the best one: a source with one
# clear lede gets one key sentence, a richer one up to ``limit`` (chosen on the dev half)
KEEP_RATIO = 0.9
FEATURES = ("bias", "first_rank", "rank_sqrt", "first_sentence", "first_paragraph", "centrality",
            "title_cosine", "title_recall", "length", "long", "quoted", "figure")
# fitted by benchmarks/summaries.py --fit on the even ids of the OrangeSum sample
WEIGHTS = (-0.008, -0.123, 0.165, 0.040, 0.020, 0.218, 0.051, 0.173, 0.260, -0.201, 0.025, 0.006)


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
                   weights: tuple[float, ...] = WEIGHTS, keep_ratio: float = KEEP_RATIO) -> list[Ranked]:
    """The best sentences of ``doc`` (at most ``limit``, and only those scoring within
    ``keep_ratio`` of the best), best first.

    ``quoted_share`` gives, per (paragraph, sentence), the share of its characters inside
    quotation marks; a sentence that is almost all quotation is left to the quotes.
    """
    sentences = doc.sentences()
    candidates = []
    for (p, s, seg), row in zip(sentences, sentence_features(doc, quoted_share), strict=True):
        if len(words(seg.original)) < MIN_WORDS or quoted_share.get((p, s), 0.0) > MAX_QUOTED:
            continue
        score = sum(w * f for w, f in zip(weights, row, strict=True))
        candidates.append((score, p, s, Counter(terms(seg.original))))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    chosen: list[tuple[float, int, int, Counter]] = []
    floor = candidates[0][0] - (1 - keep_ratio) * abs(candidates[0][0]) if candidates else 0.0
    for cand in candidates:
        if len(chosen) == limit or cand[0] < floor:
            break
        if all(cosine(cand[3], other[3]) < REDUNDANCY for other in chosen):
            chosen.append(cand)
    return [Ranked(p, s, round(score, 4)) for score, p, s, _ in chosen]
