"""Extraction on material nobody here wrote the rules for: real French news
(benchmarks/real, OrangeSum articles labelled by hand, read from ../shared/eval/orangesum)
and the multilingual inbox (benchmarks/multilingual, and its held-out half in
benchmarks/multilingual/test). The floors sit just under the
figures the README reports, so a change that loses ground fails here; the targets of the
issues are higher and not met yet (see the README)."""

import sys

import pytest

from briefgen.testing.evaluate import score_by_language
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import extract as bench  # noqa: E402  (benchmarks/extract.py)
import orangesum  # noqa: E402


@pytest.fixture(scope="module")
def halves():
    if not (orangesum.DATA / "parsed").is_dir():
        pytest.skip(f"the OrangeSum sample is not at {orangesum.DATA}")
    return bench.score_halves()


@pytest.mark.parametrize("half, articles, speakers", [("dev", 160, 0.82), ("test", 101, 0.68)])
def test_real_french_news(halves, half, articles, speakers):
    score = halves[half]
    assert score.articles == articles
    assert score.precision >= 0.97 and score.recall >= 0.95, score.errors[:10]
    assert score.speaker_accuracy >= speakers, score.errors[:10]


def test_multilingual_inbox_development_half():
    """Twenty-two articles a language: two, then ten more pairs written later (each pair measured
    before the rules were tuned on it; see the README)."""
    scores = score_by_language(ROOT / "benchmarks" / "multilingual")
    assert set(scores) == {"ca", "de", "en", "es", "fr", "it", "nl", "pt", "ro", "ru"}
    for language, score in scores.items():
        assert score.precision >= 0.9 and score.recall >= 0.9, (language, score.errors)
        # es_23 ("VALLADOLID, 20 dic." with "este viernes" and "para 2025") is labelled without
        # a year, as the labels read weekdays; briefgen infers 2024 from them (dates.infer_year)
        assert score.date_accuracy >= 0.9 and score.metadata_right == score.metadata, (language, score.errors)
        assert score.speaker_accuracy >= 0.75, (language, score.errors)
    assert sum(s.speakers_right for s in scores.values()) / sum(s.matched for s in scores.values()) >= 0.83


def test_multilingual_inbox_test_half():
    """Never tuned on (twenty articles a language): the floors only keep what the rules and the
    learnt ranking reach on articles they were not fitted to (speakers 0.77 overall now)."""
    scores = score_by_language(ROOT / "benchmarks" / "multilingual" / "test")
    assert set(scores) == {"ca", "de", "en", "es", "fr", "it", "nl", "pt", "ro", "ru"}
    for language, score in scores.items():
        assert score.precision >= 0.85 and score.recall >= 0.85, language
        assert score.speaker_accuracy >= 0.65, language
    assert sum(s.dates_right for s in scores.values()) / sum(s.dates for s in scores.values()) >= 0.95
    assert sum(s.speakers_right for s in scores.values()) / sum(s.matched for s in scores.values()) >= 0.76


@pytest.mark.parametrize("article, expected", [
    # a subheading glued to the next paragraph by the dataset's parser
    ("La Ligue a eu \"peur\" de la polémiqueEn parallèle, une pétition a été lancée.",
     ["La Ligue a eu \"peur\" de la polémique", "En parallèle, une pétition a été lancée."]),
    ("\"Une expression artistique\" pour le maire de StainsLundi 22 juin, 200 policiers ont manifesté.",
     ["\"Une expression artistique\" pour le maire de Stains", "Lundi 22 juin, 200 policiers ont manifesté."]),
    # a title's stop is no sentence's end
    ("\"Pas au rendez-vous\", a regretté M.Pepy. Le train est parti.",
     ["\"Pas au rendez-vous\", a regretté M.Pepy. Le train est parti."]),
    # brands, tags, hyphenated places and elisions stay whole
    ("YouTube et AstraZeneca à Romans-Sur-Isère, qu'Anne défend sur #libertéPresse.",
     ["YouTube et AstraZeneca à Romans-Sur-Isère, qu'Anne défend sur #libertéPresse."]),
])
def test_orangesum_paragraphs_split_glued_subheadings(article, expected):
    assert orangesum.paragraphs(article) == expected
