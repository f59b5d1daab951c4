"""The Argos engine on tiny random-weights packages: plumbing and invariants, never wording."""

import json
import shutil

import pytest

from briefgen.errors import NoTranslationRoute
from briefgen.translate.argos import ArgosEngine, DecodingOptions
from briefgen.translate.packages import find_package, install_from_file, installed_packages
from conftest import NetworkAttempt

SENTENCES = [
    "Les ministres des Affaires étrangères des pays de l'OTAN ont convenu de renforcer leur coopération.",
    "Notre but est de faire de la mobilité des forces un nouveau chantier-phare.",
    "L'OTAN a assuré la paix.",
    "",
    "« La présence militaire est importante. Parce que nous travaillons ensemble. »",
]


def test_install_with_argostranslate_installer_and_list(argos_dirs, tiny_package_file):
    pkg = install_from_file(tiny_package_file)
    assert (pkg.from_code, pkg.to_code) == ("fr", "en")
    assert pkg.path.parent == argos_dirs
    assert (pkg.path / "metadata.json").is_file()
    good, broken = installed_packages()
    assert [p.model_id for p in good] == ["translate-fr_en-0.0.1"]
    assert broken == []
    assert pkg.size_bytes > 10_000
    assert pkg.sentence_splitter == "minisbd"


def test_engine_translates_every_sentence_in_order(argos_dirs, tiny_package_file):
    install_from_file(tiny_package_file)
    engine = ArgosEngine(DecodingOptions(beam_size=1))
    assert engine.supports("fr", "en") and not engine.supports("en", "fr")
    assert engine.model_id("fr", "en") == "translate-fr_en-0.0.1"
    out = engine.translate(SENTENCES, "fr", "en")
    assert len(out) == len(SENTENCES)
    assert all(isinstance(t, str) for t in out)
    assert all(t.strip() for i, t in enumerate(out) if SENTENCES[i])  # the model always says something
    # deterministic: same input, same output; and batching does not change a sentence's result
    assert engine.translate(SENTENCES, "fr", "en") == out
    assert engine.translate(SENTENCES[1:2], "fr", "en") == out[1:2]


def test_output_length_is_capped(argos_dirs, tiny_package_file):
    """A random model never ends a sentence: the cap must stop it."""
    install_from_file(tiny_package_file)
    engine = ArgosEngine(DecodingOptions(beam_size=1, length_ratio=1.0, length_extra=3))
    pkg = find_package("fr", "en")
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(pkg.path / "sentencepiece.model"))
    (out,) = engine.translate([SENTENCES[0]], "fr", "en")
    assert len(sp.encode(out)) <= len(sp.encode(SENTENCES[0])) + 3 + 2


def test_package_with_sbd_folder_translates_without_network(argos_dirs, tiny_package_with_sbd_folder,
                                                            no_network):
    pkg = install_from_file(tiny_package_with_sbd_folder)
    assert pkg.sentence_splitter == "stanza" and (pkg.path / "stanza").is_dir()
    out = ArgosEngine(DecodingOptions(beam_size=2)).translate(SENTENCES, "fr", "en")
    assert len(out) == len(SENTENCES) and out[0]
    assert no_network == []


def test_argostranslate_itself_wants_the_network_for_such_a_package(argos_dirs, tiny_package_with_sbd_folder,
                                                                   no_network):
    """Why briefgen runs the model itself: argostranslate's translate() fetches Stanza."""
    install_from_file(tiny_package_with_sbd_folder)
    from argostranslate import translate

    translate.get_installed_languages.cache_clear()
    with pytest.raises((NetworkAttempt, OSError)):
        translate.translate("Bonjour à tous.", "fr", "en")
    assert no_network, "argostranslate was expected to try the network"


def test_broken_package_folder_is_reported_not_fatal(argos_dirs, tiny_package_file):
    install_from_file(tiny_package_file)
    (argos_dirs / "half-copied").mkdir()
    (argos_dirs / "bad-json").mkdir()
    (argos_dirs / "bad-json" / "metadata.json").write_text("{not json")
    good, broken = installed_packages()
    assert [p.from_code for p in good] == ["fr"]
    reasons = {b.path.name: b.reason for b in broken}
    assert reasons["half-copied"] == "no metadata.json (not an Argos package folder)"
    assert reasons["bad-json"].startswith("unreadable metadata.json")


def test_package_without_model_is_broken(argos_dirs, tiny_package_file):
    pkg = install_from_file(tiny_package_file)
    shutil.rmtree(pkg.path / "model")
    good, broken = installed_packages()
    assert good == [] and broken[0].reason == "no CTranslate2 model (model/model.bin missing)"
    assert find_package("fr", "en") is None


def test_newest_version_wins(argos_dirs, tiny_package_file):
    pkg = install_from_file(tiny_package_file)
    newer = argos_dirs / "translate-fr_en-newer"
    shutil.copytree(pkg.path, newer)
    meta = json.loads((newer / "metadata.json").read_text())
    meta["package_version"] = "1.10"
    (newer / "metadata.json").write_text(json.dumps(meta))
    assert find_package("fr", "en").path == newer


def test_missing_pair_names_the_install_command(argos_dirs):
    with pytest.raises(NoTranslationRoute, match="briefgen models install fr en"):
        ArgosEngine().translate(["Bonjour."], "fr", "en")


def test_not_a_package_file(tmp_path, argos_dirs):
    from briefgen.errors import BriefgenError

    bogus = tmp_path / "model.argosmodel"
    bogus.write_text("hello")
    with pytest.raises(BriefgenError, match="not an Argos package"):
        install_from_file(bogus)


def test_batches_respect_size_and_token_limits():
    engine = ArgosEngine(DecodingOptions(max_batch_size=3, max_batch_tokens=40))
    tokens = [["t"] * n for n in (5, 30, 2, 8, 9, 10, 11, 1)]
    batches = engine._batches(tokens)
    assert sorted(i for b in batches for i in b) == list(range(len(tokens)))
    for batch in batches:
        lengths = [len(tokens[i]) for i in batch]
        assert lengths == sorted(lengths)
        assert len(batch) <= 3 and (len(batch) == 1 or len(batch) * max(lengths) <= 40)
