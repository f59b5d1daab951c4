"""Across sources: the same quotation reported twice is one statement citing both, sources
on the same event are grouped, and a people index lists who said what, where.

Both use inverted indexes (quotations by word trigrams, sources by their most distinctive
terms) and compare only candidates that share enough of them, never every pair, so they
stay near-linear in the number of sources.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date as Date

from .extract.keysentences import cosine, terms
from .model import SourceBrief, Statement

SAME_EVENT = 0.30  # cosine of two sources' term vectors above which they report one event
SAME_EVENT_UNDATED = 0.45  # when one of the dates is unknown, ask for more
MAX_DAYS_APART = 3
TOP_TERMS = 25  # terms a source is indexed by
SAME_QUOTE = 0.8  # word overlap (Jaccard) above which two quotations are the same words
MAX_POSTINGS = 50  # a word trigram in more quotations than this is a stock phrase
MIN_SHARED_TERMS = 3  # distinctive terms two sources must share to be compared at all


@dataclass(frozen=True)
class PersonEntry:
    name: str
    role: str | None
    statements: tuple[tuple[str, Statement], ...]  # (source id, statement)


def link_statements(briefs: list[SourceBrief]) -> list[SourceBrief]:
    """Mark each quotation that another source also reports (``Statement.also_in``).

    Quotations are indexed by their word trigrams; only quotations sharing two trigrams
    are compared, and a trigram found in very many quotations (a stock phrase) is not
    used to find candidates, so the work grows with the number of quotations, not its
    square.
    """
    words_of: dict[tuple[int, int], frozenset[str]] = {}
    index: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for s, item in enumerate(briefs):
        for q, quote in enumerate(item.quotes):
            tokens = _quote_words(quote.original)
            if len(tokens) < 4:  # a quoted term ("sans précédent") is not a statement to match
                continue
            words_of[(s, q)] = frozenset(tokens)
            for gram in {tuple(tokens[i:i + 3]) for i in range(len(tokens) - 2)}:
                index[gram].append((s, q))
    shared: Counter[tuple[tuple[int, int], tuple[int, int]]] = Counter()
    for postings in index.values():
        if len(postings) > MAX_POSTINGS:
            continue
        for a in range(len(postings)):
            for b in range(a + 1, len(postings)):
                if postings[a][0] != postings[b][0]:
                    shared[(postings[a], postings[b])] += 1
    also: dict[tuple[int, int], set[str]] = defaultdict(set)
    for (x, y), count in shared.items():
        if count < 2 and min(len(words_of[x]), len(words_of[y])) > 5:
            continue
        if len(words_of[x] & words_of[y]) / len(words_of[x] | words_of[y]) >= SAME_QUOTE:
            also[x].add(briefs[y[0]].document.id)
            also[y].add(briefs[x[0]].document.id)
    out = []
    for s, item in enumerate(briefs):
        quotes = tuple(replace(quote, also_in=tuple(sorted(also.get((s, q), ()))))
                       for q, quote in enumerate(item.quotes))
        out.append(replace(item, quotes=quotes))
    return out


def _quote_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def group_sources(briefs: list[SourceBrief]) -> list[tuple[int, ...]]:
    """Groups of sources (indices) that report the same event, in first-source order;
    a source alone is a group of one.

    Leader clustering: each source joins the group whose first source it is most similar
    to (above the threshold, dates close), or starts a group. Comparing with the leader,
    not with any member, keeps a chain of loosely related stories from becoming one
    group; and only leaders sharing distinctive terms are compared (an inverted index).
    """
    bags = [Counter(terms(" ".join([b.document.title.original if b.document.title else ""]
                                   + [p.text_original for p in b.document.paragraphs]))) for b in briefs]
    df = Counter(t for bag in bags for t in bag)
    n = len(bags)
    idf = {t: math.log(1 + n / c) for t, c in df.items()}
    vectors = [Counter({t: c * idf[t] for t, c in bag.items()}) for bag in bags]
    common = max(10, n // 5)  # a term in a fifth of all sources says nothing about an event
    index: dict[str, list[int]] = defaultdict(list)  # term -> groups whose leader has it
    groups: list[list[int]] = []
    for i, vec in enumerate(vectors):
        top = [t for t, _ in vec.most_common(TOP_TERMS) if df[t] <= common]
        candidates = Counter(g for t in top for g in index[t])
        best, best_similarity = None, 0.0
        for g, count in candidates.items():
            if count < MIN_SHARED_TERMS:
                continue
            leader = groups[g][0]
            similarity = cosine(vec, vectors[leader])
            if similarity > best_similarity and _same_event(briefs[i], briefs[leader], similarity):
                best, best_similarity = g, similarity
        if best is None:
            for t in top:
                index[t].append(len(groups))
            groups.append([i])
        else:
            groups[best].append(i)
    return [tuple(g) for g in groups]


def _same_event(a: SourceBrief, b: SourceBrief, similarity: float) -> bool:
    da, db = a.document.published, b.document.published
    if da and db:
        apart = abs((Date.fromisoformat(da) - Date.fromisoformat(db)).days)
        return apart <= MAX_DAYS_APART and similarity >= SAME_EVENT
    return similarity >= SAME_EVENT_UNDATED


def people_index(briefs: list[SourceBrief]) -> list[PersonEntry]:
    """Everyone a statement is attributed to, most quoted first; a statement that several
    sources report is listed once."""
    said: dict[str, list[tuple[str, Statement]]] = defaultdict(list)
    roles: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for item in briefs:
        quoted = [q.original for q in item.quotes]
        for statement in item.statements:
            if not statement.speaker or statement.kind == "quote" and len(statement.original.split()) < 3:
                continue
            if statement.kind == "sentence" and any(q in statement.original for q in quoted):
                continue  # a key sentence around a quotation: the quotation says it
            for name in statement.speaker.split(", "):
                key = (name, " ".join(_quote_words(statement.original)))
                if key in seen:
                    continue
                seen.add(key)
                said[name].append((item.document.id, statement))
                if item.roles.get(name):
                    roles.setdefault(name, item.roles[name])
    entries = [PersonEntry(name, roles.get(name), tuple(items)) for name, items in said.items()]
    return sorted(entries, key=lambda e: (-len(e.statements), e.name))
