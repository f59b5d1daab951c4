"""Key sentences of a source: a ranked extractive summary.

Each sentence gets features, and its score is a weighted sum of them (``FEATURES``, in
that order; k is the sentence's place among all sentences, from 0):

- place: ``first_rank`` 1/(1+k), ``rank_sqrt`` 1/√(1+k), ``first_sentence`` (k = 0),
  ``first_paragraph``, ``opens_paragraph`` (first sentence of its paragraph);
- what it shares with the text: ``centrality``, the cosine of its TF-IDF content words with
  the whole text's, and ``lede_cosine``, the cosine of its content words with those of the
  first two sentences (0 for those two: a later sentence that restates the lede);
- what it shares with the title: ``title_cosine`` (TF-IDF content words), ``title_recall``
  (share of the title's content words it holds), ``title_words`` and ``title_bigrams`` (share
  of the title's words, and of its pairs of adjacent words, stop words included: the
  title's own phrasing);
- its form: ``length`` (words, up to 60, /60), ``long`` (words beyond 25, /50), ``quoted``
  (share inside quotation marks), ``leans_back`` (it opens with a pronoun, demonstrative or
  connective of the language data's ``leaning_openers``, "Il", "Mais", "Par ailleurs": it
  reads badly alone);
- a fact and an actor: ``figure`` (a digit), ``calendar`` (a month or weekday name, CLDR),
  ``capitalised`` (capitalised words other than the first, up to 5, /5: names of people,
  places, bodies) and ``speaker`` (the extract stage found it reports a named speaker).

The weights were fitted by ridge regression on the development third of the OrangeSum
sample (``benchmarks/summaries.py --fit``; ``--cv`` reports the whole procedure, nested
cross-validated there): the target is how high the sentence ranks in its article by
ROUGE-1 + ROUGE-2 + ROUGE-L against the professionally written abstract, as 1/(1 + rank),
less the article's mean (what matters is which sentence of an article is best). The other
two thirds are the test set. The best sentences are taken until they hold
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
from .lexicon import CALENDAR, LEANING_OPENERS, STOPWORDS

MIN_WORDS = 6  # fewer words: a fragment
MAX_QUOTED = 0.9  # a sentence more quoted than this is left to the quotes
REDUNDANCY = 0.5  # cosine above which a candidate repeats a chosen sentence
# sentences are taken, best first, until they hold this many words (cross-validated on the
# development third by benchmarks/summaries.py --fit)
WORD_BUDGET = 30
FEATURES = ("bias", "first_rank", "rank_sqrt", "first_sentence", "first_paragraph", "opens_paragraph",
            "centrality", "lede_cosine", "title_cosine", "title_recall", "title_words", "title_bigrams",
            "length", "long", "quoted", "leans_back", "figure", "calendar", "capitalised", "speaker")
# fitted by benchmarks/summaries.py --fit on the development third of the OrangeSum sample
# (ridge penalty 40, chosen there by cross-validation)
WEIGHTS = (-0.114, 0.037, 0.043, -0.034, 0.035, 0.011, 0.007, -0.020, 0.068, 0.096, 0.100, 0.072, 0.054, -0.012,
           -0.042, -0.011, 0.016, 0.030, 0.024, 0.022)
_LEANING = re.compile(r"(?:" + "|".join(re.escape(w) for w in sorted(LEANING_OPENERS, key=len, reverse=True))
                      + r")(?![\w’'-])", re.IGNORECASE)
_OPENING_MARKS = " \u00a0\u202f«“„\"'-–—"


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


def norm(a: Counter) -> float:
    return math.sqrt(sum(v * v for v in a.values()))


def cosine(a: Counter, b: Counter, b_norm: float | None = None) -> float:
    """The cosine of two bags; ``b_norm``, ``b``'s norm computed once for a bag compared with
    every sentence (a source's centroid holds all its words: summing it again at each of
    thousands of sentences would cost their square)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(v * large.get(k, 0.0) for k, v in small.items())
    na = norm(a)
    nb = norm(b) if b_norm is None else b_norm
    return dot / (na * nb) if na and nb else 0.0


def sentence_features(doc: Document, quoted_share: dict[tuple[int, int], float],
                      speakers: frozenset[tuple[int, int]] = frozenset()) -> list[tuple[float, ...]]:
    """The FEATURES of every sentence of ``doc``, in reading order. ``speakers``: the
    (paragraph, sentence) of the sentences that report a named speaker."""
    sentences = doc.sentences()
    bags = [Counter(terms(seg.original)) for _, _, seg in sentences]
    df = Counter(t for bag in bags for t in set(bag))
    idf = {t: math.log(1 + len(bags) / c) for t, c in df.items()}

    def weigh(bag: Counter) -> Counter:
        return Counter({t: c * idf.get(t, 1.0) for t, c in bag.items()})

    total: Counter = Counter()
    for bag in bags:  # in place: adding Counters one to another copies the sum each time
        total.update(bag)
    centroid = weigh(total)
    centroid_norm = norm(centroid)
    lede = bags[0] + bags[1] if len(bags) > 1 else Counter(bags[0] if bags else ())
    title_text = doc.title.original if doc.title else ""
    title_terms = Counter(terms(title_text))
    title = weigh(title_terms)
    title_tokens = _tokens(title_text)
    title_pairs = set(zip(title_tokens, title_tokens[1:], strict=False))
    rows = []
    for k, ((p, s, seg), bag) in enumerate(zip(sentences, bags, strict=True)):
        text = seg.original
        found = words(text)
        count = len(found)
        vec = weigh(bag)
        tokens = _tokens(text)
        rows.append((
            1.0, 1 / (1 + k), 1 / (1 + k) ** 0.5, float(k == 0), float(p == 0), float(s == 0),
            cosine(vec, centroid, centroid_norm), cosine(bag, lede) if k > 1 else 0.0,
            cosine(vec, title), len(set(title_terms) & set(bag)) / max(1, len(title_terms)),
            len(set(title_tokens) & set(tokens)) / max(1, len(set(title_tokens))),
            len(title_pairs & set(zip(tokens, tokens[1:], strict=False))) / max(1, len(title_pairs)),
            min(count, 60) / 60, max(0, count - 25) / 50, quoted_share.get((p, s), 0.0),
            float(bool(_LEANING.match(text.lstrip(_OPENING_MARKS)))),
            float(any(c.isdigit() for c in text)), float(any(w in CALENDAR for w in found)),
            min(5, sum(w[0].isupper() for w in found[1:])) / 5, float((p, s) in speakers),
        ))
    return rows


def _tokens(text: str) -> list[str]:
    """Every word, lower case, as ROUGE counts them (stop words included)."""
    return re.findall(r"\w+", text.lower())


def rank_sentences(doc: Document, quoted_share: dict[tuple[int, int], float], limit: int = 3,
                   weights: tuple[float, ...] = WEIGHTS, budget: float = WORD_BUDGET,
                   speakers: frozenset[tuple[int, int]] = frozenset(),
                   features: list[tuple[float, ...]] | None = None) -> list[Ranked]:
    """The best sentences of ``doc``, best first: at most ``limit``, and no more once the
    chosen ones hold ``budget`` words (``math.inf``: exactly ``limit`` when there are).

    ``quoted_share`` gives, per (paragraph, sentence), the share of its characters inside
    quotation marks; a sentence that is almost all quotation is left to the quotes.
    ``speakers``: the sentences the extract stage found to report a named speaker.
    ``features``: ``sentence_features`` of ``doc`` when already computed (a benchmark
    trying several weights).
    """
    sentences = doc.sentences()
    rows = features if features is not None else sentence_features(doc, quoted_share, speakers)
    candidates = []
    for (p, s, seg), row in zip(sentences, rows, strict=True):
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
