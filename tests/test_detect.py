import pytest

from briefgen.detect import detect, detect_language
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


# ---------------------------------------------------------------- langdetect's profiles, cached
SAMPLES = [
    "El secretario general de la OTAN se reunió el martes con los ministros de Defensa en Bruselas.",
    "Il segretario generale della NATO ha incontrato martedì i ministri della Difesa a Bruxelles.",
    "O secretário-geral da NATO reuniu-se na terça-feira com os ministros da Defesa em Bruxelas.",
    "El secretari general de l'OTAN es va reunir dimarts amb els ministres de Defensa a Brussel·les.",
    "Secretarul general al NATO s-a întâlnit marți cu miniștrii apărării la Bruxelles.",
    "Der NATO-Generalsekretär traf sich am Dienstag in Brüssel mit den Verteidigungsministern.",
    "De secretaris-generaal van de NAVO heeft dinsdag in Brussel de ministers van Defensie ontmoet.",
    "Генеральный секретарь НАТО во вторник встретился в Брюсселе с министрами обороны.",
    "The NATO Secretary General met the defence ministers in Brussels on Tuesday.",
    "Le secrétaire général de l'OTAN a rencontré mardi les ministres de la Défense à Bruxelles.",
    "Merci beaucoup.", "OK", "Bruxelles, Brussel, Bruselas", "2 % du PIB", "NATO EU UN",
    "Press conference by NATO Secretary General Jens Stoltenberg — « nous devons agir »",
]


def _probabilities(factory, text):
    from langdetect.lang_detect_exception import LangDetectException

    from briefgen import detect as detect_module

    detector = factory.create()
    detector.n_trial = detect_module.TRIALS
    detector.set_max_text_length(detect_module.MAX_CHARACTERS)
    detector.append(text)
    try:
        return [(p.lang, p.prob) for p in detector.get_probabilities()]
    except LangDetectException as exc:
        return str(exc)


def test_cached_profiles_give_langdetect_s_own_answers(tmp_path, seeds_dir):
    """Every probability, to the last bit, as langdetect's own loading gives it."""
    from langdetect import detector_factory

    from briefgen import langprofiles

    detector_factory.init_factory()
    own = detector_factory._factory
    own.seed = 0
    built = langprofiles.load_factory(tmp_path / "profiles.marshal")  # built now, and written
    read = langprofiles.load_factory(tmp_path / "profiles.marshal")  # read from the file
    for factory in (built, read):
        factory.seed = 0
        assert factory.langlist == own.langlist
    articles = sorted(seeds_dir.glob("*.txt")) + sorted((seeds_dir.parent / "benchmarks" / "heldout").glob("*.txt"))
    texts = SAMPLES + [p.text_original for path in articles for p in ingest(path).paragraphs]
    assert len(texts) > 70
    for text in texts:
        expected = _probabilities(own, text)
        assert _probabilities(built, text) == expected, text
        assert _probabilities(read, text) == expected, text
    detected = {text: detect_language(text)[0] for text in SAMPLES[:10]}
    assert list(detected.values()) == ["es", "it", "pt", "ca", "ro", "de", "nl", "ru", "en", "fr"]


def test_profile_cache_is_read_not_rebuilt(tmp_path, monkeypatch):
    from langdetect.detector_factory import DetectorFactory

    from briefgen import langprofiles

    cache = tmp_path / "cache" / "profiles.marshal"
    langprofiles.load_factory(cache)
    assert cache.is_file()

    def no_loading(self, folder):
        raise AssertionError("profiles loaded from langdetect's JSON although the cache is there")

    monkeypatch.setattr(DetectorFactory, "load_profile", no_loading)
    factory = langprofiles.load_factory(cache)
    factory.seed = 0
    assert _probabilities(factory, SAMPLES[0])[0][0] == "es"


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other key"])
def test_damaged_profile_cache_is_rebuilt(tmp_path, damage):
    import marshal

    from briefgen import langprofiles

    cache = tmp_path / "profiles.marshal"
    langprofiles.load_factory(cache)
    good = cache.read_bytes()
    if damage == "garbage":
        cache.write_bytes(b"\x00not marshal" * 50)
    elif damage == "truncated":
        cache.write_bytes(good[: len(good) // 2])
    else:
        data = list(marshal.loads(good))
        data[0] = "another langdetect"
        cache.write_bytes(marshal.dumps(tuple(data)))
    factory = langprofiles.load_factory(cache)
    factory.seed = 0
    assert _probabilities(factory, SAMPLES[1])[0][0] == "it"
    assert cache.read_bytes() == good  # written again, whole


def test_profile_cache_in_a_folder_that_cannot_be_written(tmp_path):
    from briefgen import langprofiles

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    factory = langprofiles.load_factory(blocker / "profiles.marshal")
    factory.seed = 0
    assert _probabilities(factory, SAMPLES[7])[0][0] == "ru"
