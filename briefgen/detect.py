"""Language of each paragraph and of the whole document (langdetect, seeded).

langdetect is randomised; a fixed seed makes the same text give the same answer on
every run. Short paragraphs say little about their language, so a paragraph is given
its own language only when it is long enough and langdetect is confident; otherwise it
takes the document's.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import replace

from .errors import SourceError
from .model import Document
from .text import words

SEED = 0
MIN_WORDS = 5  # fewer words than this: too little to tell a paragraph's language
MIN_CONFIDENCE = 0.80


# langdetect's defaults (7 random trials over up to 10,000 characters) cost twice the
# time of 3 trials over 500 characters, which agreed on all 575 paragraphs of a test
# corpus: the lighter setting is used, detection being most of the cost of reading a source
TRIALS = 3
MAX_CHARACTERS = 500


# langdetect's profiles from briefgen's cache (langprofiles.py); False: langdetect's own
# loading, as before the cache (benchmarks/startup.py compares the two)
PROFILE_CACHE = True


@functools.cache
def _factory():
    """langdetect's detector factory, loaded once per process."""
    if PROFILE_CACHE:
        from .langprofiles import load_factory

        factory = load_factory()
    else:
        from langdetect import detector_factory

        detector_factory.init_factory()
        factory = detector_factory._factory
    factory.seed = SEED
    return factory


def detect_language(text: str) -> tuple[str | None, float]:
    """(language code, probability) for ``text``, or (None, 0.0) when it cannot tell."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.n_trial = TRIALS
    detector.set_max_text_length(MAX_CHARACTERS)
    try:
        detector.append(text)
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, 0.0
    return _normalise(best.lang), best.prob


def _normalise(code: str) -> str:
    # langdetect reports Chinese as zh-cn / zh-tw; the rest are ISO 639-1 already
    return code.split("-")[0]


def detect(doc: Document) -> Document:
    """Fill in the language of every paragraph and of the document.

    Raises SourceError when no paragraph has enough text to tell its language.
    """
    guesses = []
    weight: Counter[str] = Counter()
    for para in doc.paragraphs:
        lang, prob = (None, 0.0)
        if len(words(para.text_original)) >= MIN_WORDS:
            lang, prob = detect_language(para.text_original)
        confident = lang if prob >= MIN_CONFIDENCE else None
        guesses.append(confident)
        if confident:
            weight[confident] += len(para.text_original)
    if not weight:
        whole = " ".join(p.text_original for p in doc.paragraphs)
        lang, prob = detect_language(whole) if len(words(whole)) >= 3 else (None, 0.0)
        if not lang or prob < 0.5:
            raise SourceError(doc.path, "language could not be detected (too little text)")
        weight[lang] = 1
    doc_lang = weight.most_common(1)[0][0]
    paragraphs = tuple(
        replace(para, language=guess or doc_lang) for para, guess in zip(doc.paragraphs, guesses, strict=True)
    )
    return replace(doc, paragraphs=paragraphs, language=doc_lang)
