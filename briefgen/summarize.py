"""Key sentences of a source: a ranked extractive summary.

Each sentence is scored by how central it is to the source (cosine similarity of its
content words to the whole text, TF-IDF weighted within the source), how close it is to
the start, and how much it shares with the title. Fragments, boilerplate-like lines and
sentences that are mostly a quotation (shown as quotes instead) are left out, and a
sentence too similar to one already chosen is skipped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .lexicon import STOPWORDS
from .model import Document
from .text import strip_accents, words

MIN_WORDS = 8
MAX_WORDS = 90
REDUNDANCY = 0.5  # cosine above which a candidate repeats a chosen sentence


@dataclass(frozen=True)
class Ranked:
    paragraph: int
    index: int  # sentence index in the paragraph
    score: float


def terms(text: str) -> list[str]:
    """Content words, lower case, accents kept apart from case, light French/English stemming."""
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


def rank_sentences(doc: Document, quoted_share: dict[tuple[int, int], float], limit: int = 3) -> list[Ranked]:
    """The ``limit`` best sentences of ``doc``, best first.

    ``quoted_share`` gives, per (paragraph, sentence), the share of its characters inside
    quotation marks; a sentence that is mostly quotation is left to the quotes.
    """
    sentences = doc.sentences()
    if not sentences:
        return []
    bags = [Counter(terms(seg.original)) for _, _, seg in sentences]
    df = Counter(t for bag in bags for t in set(bag))
    n = len(bags)
    idf = {t: math.log(1 + n / c) for t, c in df.items()}

    def weigh(bag: Counter) -> Counter:
        return Counter({t: c * idf.get(t, 1.0) for t, c in bag.items()})

    centroid = weigh(sum(bags, Counter()))
    title = weigh(Counter(terms(doc.title.original))) if doc.title else Counter()
    candidates = []
    for k, ((p, s, seg), bag) in enumerate(zip(sentences, bags, strict=True)):
        count = len(words(seg.original))
        if count < MIN_WORDS or count > MAX_WORDS or quoted_share.get((p, s), 0.0) > 0.6:
            continue
        vec = weigh(bag)
        position = 1.0 / (1.0 + k) ** 0.5
        score = 0.55 * cosine(vec, centroid) + 0.25 * position + 0.20 * cosine(vec, title)
        candidates.append((score, p, s, vec))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    chosen: list[tuple[float, int, int, Counter]] = []
    for cand in candidates:
        if all(cosine(cand[3], other[3]) < REDUNDANCY for other in chosen):
            chosen.append(cand)
        if len(chosen) == limit:
            break
    return [Ranked(p, s, round(score, 4)) for score, p, s, _ in chosen]
