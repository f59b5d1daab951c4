"""The subject of the clause that holds a quotation, read from a dependency parse.

Used only where the cue rules find nothing. spaCy and its French model
(``fr_core_news_md``) are optional: without them ``subject_of`` returns None and the rules
stand alone. The model is loaded once per process, on first use, with only the parts the
subject needs (tokens and parser); only the sentences that need it are parsed. Measured on
the development half of benchmarks/real (``make bench-extract``), it names the right
speaker for 6 more of 333 quotations than the rules alone.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

MODELS = {"fr": "fr_core_news_md"}
_SUBJECTS = ("nsubj", "nsubj:pass", "expl:subj")
_CUT = ("acl:relcl", "acl", "punct", "appos", "parataxis", "ccomp", "advcl", "conj", "cc", "dep")


# Hyphenated words the tokenizer keeps whole ("porte-parole", "état-major"), unless the tail
# is an inverted subject or object pronoun ("estime-t-il", "dit-elle"), which is split off.
# It stands in for spaCy's own French token_match, a pattern of thousands of listed prefixes
# that takes Python's regular-expression compiler about 3 s (twice: on import and on load).
_CLITIC = r"(?:t[-‐])?(?:il|elle|on|ils|elles|je|tu|nous|vous|moi|toi|le|la|les|lui|leur|y|en|ce|ci|là)"
_TOKEN_MATCH = re.compile(rf"(?i)^(?!.*[-‐](?:{_CLITIC}|t)$)[^\W\d_]+(?:[-‐][^\W\d_]+)+$").match


def _light_language(code: str):
    """A language class for ``code`` with spaCy's base defaults: the model's own tokenizer
    rules are then read from its files, without importing ``spacy.lang.<code>``."""
    from spacy.language import BaseDefaults, Language

    class Light(Language):
        lang = code
        Defaults = BaseDefaults

    return Light


@cache
def _pipeline(language: str):
    name = MODELS.get(language)
    if name is None:
        return None
    try:
        import spacy
        from spacy.util import get_package_path, registry
    except ImportError:
        return None
    try:
        path = get_package_path(name)
    except ImportError:  # the model is not installed
        return None
    drop = ["morphologizer", "attribute_ruler", "lemmatizer", "ner"]
    if language in registry.languages or f"spacy.lang.{language}" in sys.modules:
        return spacy.load(name, exclude=drop)  # spaCy's own class is loaded already
    registry.languages.register(language, func=_light_language(language))
    nlp = spacy.load(name, exclude=[*drop, "tokenizer"])
    folder = next(p for p in sorted(path.iterdir()) if (p / "tokenizer").is_file())
    nlp.tokenizer.from_disk(folder / "tokenizer", exclude=["vocab", "token_match"])
    nlp.tokenizer.token_match = _TOKEN_MATCH
    return nlp


_off = False


def available(language: str) -> bool:
    return not _off and _pipeline(language) is not None


@contextmanager
def rules_only() -> Iterator[None]:
    """Within this block no parse is used: the cue rules alone (to measure what the parser
    adds)."""
    global _off
    saved, _off = _off, True
    try:
        yield
    finally:
        _off = saved


def _phrase(token) -> str:
    """The words of a subject: the token and its modifiers, without relative clauses,
    appositions or punctuation."""
    keep = [token]
    stack = [c for c in token.children if c.dep_ not in _CUT]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CUT)
    keep.sort(key=lambda t: t.i)
    # a contiguous run around the head only
    lo = hi = keep.index(token)
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    while hi + 1 < len(keep) and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    run = keep[lo:hi + 1]
    return token.doc.text[run[0].idx:run[-1].idx + len(run[-1].text)]


def _subject(verb, inside):
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.i not in inside:
            if child.dep_ == "nsubj" and child.lower_ in ("qui", "who") and verb.dep_ == "acl:relcl":
                return verb.head  # "X, qui a dénoncé « … »": X
            return child
    return None


def subject_of(sentence: str, q_start: int, q_end: int, language: str) -> str | None:
    """The subject of the verb the quotation at [q_start, q_end) of ``sentence`` depends on
    (the nearest one up the tree with a subject outside the quotation), or of a verb the
    quotation governs ("« … », a-t-il dit": the quote is the root); None when there is
    none, or no parser for ``language``."""
    if not available(language):
        return None
    doc = _pipeline(language)(sentence)
    inside = {t.i for t in doc if q_start <= t.idx < q_end}
    if not inside:
        return None
    tops = [doc[i] for i in sorted(inside) if doc[i].head.i not in inside or doc[i].head.i == i]
    for top in tops:
        node = top
        while node.head.i != node.i:
            node = node.head
            if node.i in inside:
                continue
            found = _subject(node, inside)
            if found is not None:
                return _phrase(found)
        # the quotation is the main clause: a reporting verb hanging from it
        for child in top.children:
            if child.i not in inside and child.dep_ in ("parataxis", "ccomp", "advcl", "conj"):
                found = _subject(child, inside)
                if found is not None:
                    return _phrase(found)
    return None
