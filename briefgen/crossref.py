"""Across sources: the same quotation reported twice is one statement citing both, sources
on the same event are grouped, and a people index lists who said what, where.

Grouping compares only sources that share distinctive words (an inverted index on each
source's top terms), never every pair, so it stays near-linear in the number of sources.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date as Date

from .model import SourceBrief, Statement
from .summarize import cosine, terms

SAME_EVENT = 0.30  # cosine of two sources' term vectors above which they report one event
SAME_EVENT_UNDATED = 0.45  # when one of the dates is unknown, ask for more
MAX_DAYS_APART = 3
TOP_TERMS = 25  # terms a source is indexed by
SAME_QUOTE = 0.8  # word overlap (Jaccard) above which two quotations are the same words


@dataclass(frozen=True)
class PersonEntry:
    name: str
    role: str | None
    statements: tuple[tuple[str, Statement], ...]  # (source id, statement)


def link_statements(briefs: list[SourceBrief]) -> list[SourceBrief]:
    """Mark each quotation that another source also reports (``Statement.also_in``)."""
    index: dict[str, list[tuple[int, int]]] = defaultdict(list)  # word -> (source, quote)
    shingles = []
    for s, item in enumerate(briefs):
        for q, quote in enumerate(item.quotes):
            words = frozenset(_quote_words(quote.original))
            shingles.append(((s, q), words))
            for word in words:
                index[word].append((s, q))
    words_of = dict(shingles)
    also: dict[tuple[int, int], set[str]] = defaultdict(set)
    for (s, q), words in shingles:
        if len(words) < 4:  # a quoted term ("sans précédent") is not a statement to match
            continue
        candidates = Counter(other for w in words for other in index[w] if other[0] != s)
        for (s2, q2), shared in candidates.items():
            other = words_of[(s2, q2)]
            if shared / len(words | other) >= SAME_QUOTE:
                also[(s, q)].add(briefs[s2].document.id)
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
    a source alone is a group of one."""
    bags = [Counter(terms(" ".join([b.document.title.original if b.document.title else ""]
                                   + [p.text_original for p in b.document.paragraphs]))) for b in briefs]
    df = Counter(t for bag in bags for t in bag)
    n = len(bags)
    idf = {t: math.log(1 + n / c) for t, c in df.items()}
    vectors = [Counter({t: c * idf[t] for t, c in bag.items()}) for bag in bags]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for term, _ in vec.most_common(TOP_TERMS):
            index[term].append(i)
    common = max(10, n // 5)  # a term in a fifth of all sources says nothing about an event
    for i, vec in enumerate(vectors):
        candidates = {j for term, _ in vec.most_common(TOP_TERMS) if len(index[term]) <= common
                      for j in index[term] if j > i}
        for j in candidates:
            if find(i) != find(j) and _same_event(briefs[i], briefs[j], cosine(vec, vectors[j])):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return sorted((tuple(g) for g in groups.values()), key=lambda g: g[0])


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
