"""Routes you can see: what each pair goes through, and what would fill each gap."""

import logging
import subprocess

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.translate import Engines, translate_documents
from briefgen.translate.apertium import ApertiumEngine, parse_modes
from briefgen.translate.glossary import Glossary
from briefgen.translate.routes import debian_packages, fill_with_apertium, gap_hint, route_table
from conftest import needs_apertium

# what scripts/install-system-deps.sh installs
BASE = parse_modes(["fr-es", "es-fr", "eng-spa", "spa-eng"])


def fake_apertium(mode_names, executable="/usr/bin/apertium") -> ApertiumEngine:
    engine = ApertiumEngine()
    engine.__dict__["modes"] = parse_modes(mode_names)
    engine.__dict__["executable"] = executable
    return engine


def engines_with_apertium(engine: ApertiumEngine) -> Engines:
    engines = Engines("auto")
    engines._made["apertium"] = engine
    engines._made["argos"] = type("NoArgos", (), {"supports": lambda self, s, t: False, "name": "argos",
                                                  "close": lambda self: None})()
    return engines


@pytest.mark.parametrize("source, target, packages, chain", [
    ("it", "en", ("apertium-spa-ita", "cg3"), ("it", "es", "en")),  # it needs cg3 without depending on it
    ("pt", "en", ("apertium-es-pt",), ("pt", "es", "en")),
    ("ro", "en", ("apertium-es-ro",), ("ro", "es", "en")),
    ("ca", "en", ("apertium-eng-cat",), ("ca", "en")),
    ("it", "fr", ("apertium-spa-ita", "cg3"), ("it", "es", "fr")),
    ("ca", "it", ("apertium-cat-ita", "cg3"), ("ca", "it")),
    ("pt", "it", ("apertium-es-pt", "apertium-spa-ita", "cg3"), ("pt", "es", "it")),
])
def test_the_package_that_fills_a_gap(source, target, packages, chain):
    fill = fill_with_apertium(source, target, BASE)
    assert (fill.packages, fill.chain) == (packages, chain)
    assert fill.command == "apt-get install " + " ".join(packages)


@pytest.mark.parametrize("source", ["de", "nl", "ru"])
def test_no_debian_package_for_german_dutch_russian(source):
    assert fill_with_apertium(source, "en", BASE) is None
    assert gap_hint(source, "en", "auto", BASE, True) == f"no apertium data: `briefgen models install {source} en`"


def test_without_apertium_the_hint_installs_it_too():
    fill = fill_with_apertium("fr", "en", {}, have_apertium=False)
    assert fill.packages == ("apertium", "apertium-eng-spa", "apertium-fr-es")
    assert fill.chain == ("fr", "es", "en")


def test_hints_per_requested_engine():
    assert gap_hint("pt", "en", "apertium", BASE, True) == "`apt-get install apertium-es-pt` (apertium pt→es→en)"
    assert gap_hint("pt", "en", "auto", BASE, True) == ("`apt-get install apertium-es-pt` (apertium pt→es→en), "
                                                         "or an Argos model: `briefgen models install pt en`")
    assert "briefgen models install it en" in gap_hint("it", "en", "argos", BASE, True)
    assert "apertium-" not in gap_hint("it", "en", "argos", BASE, True)


def fake_apertium_install(tmp_path, modes: dict[str, str], stderr: str = "") -> str:
    """An apertium command with these modes (name -> pipeline), that translates nothing."""
    (tmp_path / "bin").mkdir()
    (tmp_path / "share" / "apertium" / "modes").mkdir(parents=True)
    for name, pipeline in modes.items():
        (tmp_path / "share" / "apertium" / "modes" / f"{name}.mode").write_text(pipeline)
    command = tmp_path / "bin" / "apertium"
    listing = "\n".join(modes)
    command.write_text(f"""#!/bin/sh
if [ "$1" = -l ]; then echo '{listing}'; exit 0; fi
cat >/dev/null
echo '{stderr}' >&2
""")
    command.chmod(0o755)
    return str(command)


def test_a_mode_missing_a_program_is_no_route(tmp_path):
    command = fake_apertium_install(tmp_path, {"fr-es": "cat | cat", "ita-spa": "cat | no-such-program-here -w x"})
    engine = ApertiumEngine(command)
    assert engine.modes == {("fr", "es"): "fr-es"}
    assert engine.unusable_modes(["fr-es", "ita-spa"]) == {"ita-spa": ["no-such-program-here"]}


def test_a_mode_that_translates_nothing_is_an_error_not_empty_text(tmp_path):
    from briefgen.errors import BriefgenError

    command = fake_apertium_install(tmp_path, {"fr-es": "cat"}, stderr="cg-proc: command not found")
    with pytest.raises(BriefgenError, match="apertium fr-es translated nothing: cg-proc: command not found"):
        ApertiumEngine(command).translate(["Bonjour tout le monde."], "fr", "es")


def test_package_data_is_well_formed():
    packages = debian_packages()
    assert len(packages) > 40
    assert all(name.startswith("apertium-") for name in packages)
    assert packages["apertium-fr-es"] == {("fr", "es"): "fr-es", ("es", "fr"): "es-fr"}
    assert packages["apertium-es-ro"] == {("ro", "es"): "ro-es"}  # one direction only
    assert not any(lang in ("de", "nl", "ru") and other == "en"
                   for modes in packages.values() for lang, other in modes)


@needs_apertium
def test_package_data_agrees_with_the_installed_packages():
    """Each installed apertium data package installs the directions the data says."""
    listing = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Status}\\n", "apertium-*"],
                             capture_output=True, text=True).stdout
    installed = [line.split()[0] for line in listing.splitlines() if line.endswith("install ok installed")]
    modes = ApertiumEngine().modes
    checked = [name for name in installed if name in debian_packages()]
    assert "apertium-fr-es" in checked and "apertium-eng-spa" in checked
    for name in checked:
        assert debian_packages()[name].items() <= modes.items(), name


def test_route_table_shows_engines_chains_and_gaps():
    engines = engines_with_apertium(fake_apertium(["fr-es", "es-fr", "eng-spa", "spa-eng"]))
    rows = {(r.source, r.target): r for r in route_table(engines, ["fr", "es", "it", "de", "en"], ["en"])}
    assert ("en", "en") not in rows
    fr, es, it, de = rows["fr", "en"], rows["es", "en"], rows["it", "en"], rows["de", "en"]
    assert (fr.engine, fr.chain, fr.direct, fr.model) == ("apertium", ("fr", "es", "en"), False, "fr-es > spa-eng")
    assert (es.engine, es.chain, es.direct) == ("apertium", ("es", "en"), True)
    assert it.engine is None and "apt-get install apertium-spa-ita cg3" in it.hint
    assert de.engine is None and de.hint == "no apertium data: `briefgen models install de en`"
    # once the package is there, the route is found by itself
    engines = engines_with_apertium(fake_apertium(["fr-es", "es-fr", "eng-spa", "spa-eng", "ita-spa", "spa-ita"]))
    it = route_table(engines, ["it"], ["en"])[0]
    assert (it.engine, it.chain, it.model) == ("apertium", ("it", "es", "en"), "ita-spa > spa-eng")


def test_make_warning_for_an_unroutable_language_names_what_would_fill_it(tmp_path, caplog):
    from test_translate_stage import FRENCH, FakeEngine, doc_from

    german = doc_from(tmp_path, "Die Außenminister der NATO-Staaten haben sich am Dienstag in Brüssel getroffen, "
                                "um über die Zusammenarbeit mit der Europäischen Union zu sprechen.\n", "de.txt")
    italian = doc_from(tmp_path, "I ministri degli Esteri della NATO si sono riuniti martedì a Bruxelles per "
                                 "discutere della cooperazione con l'Unione europea.\n", "it.txt")
    french = doc_from(tmp_path, FRENCH, "fr.txt")
    engines = engines_with_apertium(fake_apertium(["fr-es", "es-fr", "eng-spa", "spa-eng"]))
    engines._made["apertium"].translate = FakeEngine({("fr", "en")}).translate
    with caplog.at_level(logging.WARNING, logger="briefgen"):
        translate_documents([french, german, italian], "en", engines, Glossary())
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("de→en" in w and "no apertium data: `briefgen models install de en`" in w for w in warnings)
    assert any("it→en" in w and "`apt-get install apertium-spa-ita cg3`" in w for w in warnings)
    assert not any("apertium-fr-es" in w for w in warnings)


@needs_apertium
def test_models_list_command(monkeypatch, argos_dirs):
    done = CliRunner().invoke(main, ["models", "list", "--to", "en"])
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    assert "Routes to en:" in lines
    assert any(line.split() == ["fr", "→", "en", "apertium", "pivot", "fr", "→", "es", "→", "en",
                                "(fr-es", ">", "spa-eng)"] for line in lines)
    assert "  de → en  gap               no apertium data: `briefgen models install de en`" in lines
    for source in ("fr", "es", "it", "pt", "ca", "ro", "de", "nl", "ru"):
        assert sum(line.startswith(f"  {source} → en ") for line in lines) == 1, source
    assert "Routes to fr:" not in lines
    every = CliRunner().invoke(main, ["models", "list"])
    assert "Routes to en:" in every.output and "Routes to fr:" in every.output


def test_models_list_without_apertium(monkeypatch, tmp_path, argos_dirs):
    monkeypatch.setenv("PATH", str(tmp_path))
    done = CliRunner().invoke(main, ["models", "list", "--to", "en"])
    assert done.exit_code == 0, done.output
    assert "apertium: not installed" in done.output
    assert ("  fr → en  gap               `apt-get install apertium apertium-eng-spa apertium-fr-es` "
            "(apertium fr→es→en), or an Argos model: `briefgen models install fr en`") in done.output.splitlines()


def test_models_list_rejects_a_bad_language():
    done = CliRunner().invoke(main, ["models", "list", "--to", "e n"])
    assert done.exit_code == 2 and "--to must be a language code" in done.output



def test_route_table_with_an_argos_pivot():
    from test_translate_stage import FakeEngine

    engines = engines_with_apertium(fake_apertium(["fr-es", "es-fr", "eng-spa", "spa-eng"]))
    engines._made["argos"] = FakeEngine({("de", "en"), ("en", "fr")}, name="argos", model="translate")
    rows = {(r.source, r.target): r for r in route_table(engines, ["de", "fr"], ["fr", "en"])}
    de_fr, de_en, fr_en = rows["de", "fr"], rows["de", "en"], rows["fr", "en"]
    assert (de_fr.engine, de_fr.chain, de_fr.direct) == ("argos", ("de", "en", "fr"), False)
    assert de_fr.model == "translate-deen + translate-enfr"
    assert (de_en.engine, de_en.chain, de_en.direct) == ("argos", ("de", "en"), True)
    assert (fr_en.engine, fr_en.chain) == ("apertium", ("fr", "es", "en"))  # argos has no fr→en here
