import pytest

from briefgen.detect import detect
from briefgen.errors import SourceError
from briefgen.ingest import ingest


def test_seed_002_english_line_is_english(seeds_dir):
    doc = detect(ingest(seeds_dir / "002_ef8944e6bb02e4a7.txt"))
    assert doc.language == "fr"
    english = [p for p in doc.paragraphs if p.text_original.startswith("Press conference by NATO")]
    assert len(english) == 1 and english[0].language == "en"
    assert all(p.language == "fr" for p in doc.paragraphs if p not in english)


def test_all_seeds_are_french(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        assert detect(ingest(path)).language == "fr"


def test_detection_is_deterministic(seeds_dir):
    docs = [detect(ingest(seeds_dir / "002_ef8944e6bb02e4a7.txt")) for _ in range(3)]
    assert len({tuple(p.language for p in d.paragraphs) for d in docs}) == 1


def test_short_paragraph_takes_the_document_language(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text("Les ministres des Affaires étrangères se réunissent à Bruxelles pour deux jours.\n\n"
                    "Merci beaucoup.\n\n"
                    "La réunion portera sur la coopération entre l'OTAN et l'Union européenne.\n")
    doc = detect(ingest(path))
    assert [p.language for p in doc.paragraphs] == ["fr", "fr", "fr"]


def test_undetectable_language_is_a_source_error(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Oui.\n")
    with pytest.raises(SourceError, match="language could not be detected"):
        detect(ingest(path))
