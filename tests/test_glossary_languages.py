"""The default glossary from Spanish, Italian, Portuguese, German, Dutch and Russian: the
same institutions and offices as from French, applied on every pair, and on the pairs
apertium translates here."""

import pytest
from test_translate_stage import FakeEngine, doc_from, engines_with

from briefgen.translate import Engines, translate_documents
from briefgen.translate.glossary import Glossary
from conftest import apertium_route

# a sentence a news report could open with, and what the glossary must put in the brief
SENTENCES = {
    "es": ("El secretario general de la OTAN, Jens Stoltenberg, se reunió el martes en Bruselas con los "
           "ministros de Defensa de la Unión Europea y con el alto representante para hablar de movilidad militar.",
           ["NATO Secretary General", "European Union", "High Representative", "military mobility"]),
    "it": ("Il segretario generale della NATO, Jens Stoltenberg, ha incontrato martedì a Bruxelles i ministri "
           "della Difesa dell'Unione europea e l'alto rappresentante per parlare di mobilità militare.",
           ["NATO Secretary General", "European Union", "High Representative", "military mobility"]),
    "pt": ("O secretário-geral da NATO, Jens Stoltenberg, reuniu-se na terça-feira em Bruxelas com os ministros "
           "da Defesa da União Europeia e com o alto representante para falar de mobilidade militar.",
           ["NATO Secretary General", "European Union", "High Representative", "military mobility"]),
    "de": ("NATO-Generalsekretär Jens Stoltenberg hat sich am Dienstag in Brüssel mit den Verteidigungsministern "
           "der Europäischen Union und dem Hohen Vertreter getroffen, um über militärische Mobilität zu sprechen.",
           ["NATO Secretary General", "European Union", "High Representative", "military mobility"]),
    "nl": ("De secretaris-generaal van de NAVO, Jens Stoltenberg, heeft dinsdag in Brussel de ministers van "
           "Defensie van de Europese Unie en de hoge vertegenwoordiger ontmoet om over militaire mobiliteit te praten.",
           ["NATO Secretary General", "European Union", "High Representative", "military mobility"]),
    "ru": ("Генеральный секретарь НАТО Йенс Столтенберг во вторник встретился в Брюсселе с министрами обороны "
           "Евросоюза и верховным представителем, чтобы обсудить военную мобильность и помощь Киеву.",
           ["NATO Secretary General", "European Union", "Brussels", "Kyiv"]),
}
LANGUAGES = list(SENTENCES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_default_glossary_has_the_institutions(lang):
    terms = Glossary.load().pairs[(lang, "en")]
    assert {"NATO", "EU", "European Union", "Secretary General", "NATO Secretary General"} <= set(terms.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_renders_each_language_s_terms(tmp_path, lang):
    """An engine that copies what it does not know (as neural models do with names and
    acronyms): the glossary alone puts the English terms in."""
    text, expected = SENTENCES[lang]
    doc = doc_from(tmp_path, text + "\n", f"{lang}.txt")
    assert doc.language == lang
    engine = FakeEngine({(lang, "en")}, rule=lambda s: s)
    (out,) = translate_documents([doc], "en", engines_with(engine), Glossary.load())
    shown = out.paragraphs[0].text
    for rendering in expected:
        assert rendering in shown, (rendering, shown)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_on_each_apertium_route(tmp_path, lang):
    if not apertium_route(lang, "en"):
        pytest.skip(f"apertium has no {lang}→en route here (briefgen models list --to en says what would fill it)")
    text, expected = SENTENCES[lang]
    doc = doc_from(tmp_path, text + "\n", f"{lang}.txt")
    (out,) = translate_documents([doc], "en", Engines("apertium"), Glossary.load())
    shown = out.paragraphs[0].text
    assert "NATO Secretary General" in shown and "Nato" not in shown, shown
    assert "European Union" in shown, shown
    # without the glossary the engine's own words are not these
    (bare,) = translate_documents([doc], "en", Engines("apertium"), Glossary())
    assert "NATO Secretary General" not in bare.paragraphs[0].text


@pytest.mark.parametrize("lang", ["it", "pt"])
def test_pairs_the_project_installs_are_routed(lang):
    """scripts/install-system-deps.sh installs these, so a run as root (CI) has them."""
    import os

    if os.geteuid() != 0 and not apertium_route(lang, "en"):
        pytest.skip(f"no {lang}→en apertium route, and not root: make test could not install "
                    f"apertium-spa-ita, apertium-es-pt and cg3")
    assert apertium_route(lang, "en")
