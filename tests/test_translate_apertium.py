"""The apertium engine, for real (make test installs apertium when it runs as root)."""

from briefgen.translate.apertium import ApertiumEngine, parse_modes
from briefgen.translate.base import mark_unknown, unmark
from conftest import needs_apertium


def test_parse_modes_prefers_plain_modes_and_maps_codes():
    modes = parse_modes(["eco-fr-es", "fr-es", "spa-eng_US", "spa-eng", "es-fr", "eng-spa"])
    assert modes == {("fr", "es"): "fr-es", ("es", "en"): "spa-eng", ("es", "fr"): "es-fr",
                     ("en", "es"): "eng-spa"}


def test_route_pivots_through_one_language():
    engine = ApertiumEngine()
    engine.__dict__["modes"] = parse_modes(["fr-es", "spa-eng", "es-fr", "eng-spa"])
    assert engine.route("fr", "en") == ["fr-es", "spa-eng"]
    assert engine.route("en", "fr") == ["eng-spa", "es-fr"]
    assert engine.route("fr", "de") is None
    assert engine.model_id("fr", "en") == "fr-es > spa-eng"


@needs_apertium
def test_french_to_english_keeps_one_line_per_unit():
    engine = ApertiumEngine()
    assert engine.supports("fr", "en")
    units = ["Washington et Bruxelles ont annoncé vendredi le lancement d’un dialogue.",
             "« Notre but est de faire de la mobilité des forces un nouveau chantier-phare », a-t-il ajouté.",
             "promouvoir une coopération plus étroite",
             "Le 5 décembre 2017,\nà Bruxelles",
             ""]
    out = engine.translate(units, "fr", "en")
    assert len(out) == len(units)
    assert "Washington and Brussels" in out[0]
    assert "cooperation" in out[2]
    assert "5 December 2017" in out[3] and "\n" not in out[3]
    assert out[4] == ""
    assert all("*" not in t and "#" not in t for t in out)


@needs_apertium
def test_many_units_one_process_each_step(monkeypatch):
    import subprocess

    calls = []
    real_run = subprocess.run

    def counting_run(cmd, *args, **kwargs):
        calls.append(cmd)
        return real_run(cmd, *args, **kwargs)

    engine = ApertiumEngine()
    assert engine.modes  # listed once, before counting
    monkeypatch.setattr(subprocess, "run", counting_run)
    units = [f"Le ministre numéro {i} a parlé de la sécurité." for i in range(60)]
    out = engine.translate(units, "fr", "en")
    assert len(out) == 60 and all(f"{i}" in out[i] for i in range(60))
    assert [c[-1] for c in calls] == ["fr-es", "spa-eng"]


# ---------------------------------------------------------------- words apertium could not translate
class ScriptedApertium(ApertiumEngine):
    """apertium's behaviour on two steps, scripted: what each step marks unknown, and what
    each step was given (to see that a word kept at the first step is not re-translated)."""

    def __init__(self, steps):
        super().__init__()
        self.__dict__["modes"] = parse_modes(["fr-es", "spa-eng"])
        self.steps = steps  # mode -> function(unit) -> output unit
        self.given = {}

    def _pipe(self, mode, text):
        self.given[mode] = text
        return "\n\n".join(self.steps[mode](unit) for unit in text.strip("\n").split("\n\n")) + "\n"


def _step_fr_es(unit):
    return (unit.replace("Les systèmes", "Los sistemas").replace(" et la désinformation", " y la desinformación")
            .replace("interopérables", "*interopérables").replace("sont", "son"))


def _step_es_en(unit):
    import re

    unit = unit.replace("Los sistemas", "The systems").replace(" y la ", " and the ").replace("son", "are")
    return re.sub(r"\b(desinformación|zzqv[a-z]+)\b", r"*\1", unit)


def test_unknown_words_are_marked_protected_between_steps_and_mapped_back():
    engine = ScriptedApertium({"fr-es": _step_fr_es, "spa-eng": _step_es_en})
    (out,) = engine.translate(["Les systèmes interopérables et la désinformation sont là."], "fr", "en")
    text, words = unmark(out)
    # the French word went through the second step as a made-up word, never as itself
    assert "interopérables" not in engine.given["spa-eng"] and "zzqva" in engine.given["spa-eng"]
    assert text == "The systems interopérables and the désinformation are là."
    assert words == ["interopérables", "désinformation"]  # the Spanish word mapped back to the source's


def test_a_pivot_word_unlike_any_source_word_is_kept_as_it_is():
    steps = {"fr-es": lambda u: "Un espaldarazo.", "spa-eng": lambda u: "A *espaldarazo."}
    (out,) = ScriptedApertium(steps).translate(["Un soutien."], "fr", "en")
    assert unmark(out) == ("A espaldarazo.", ["espaldarazo"])


def test_literal_asterisks_at_signs_and_hashes_are_not_marks():
    steps = {"fr-es": lambda u: u, "spa-eng": lambda u: u}
    engine = ScriptedApertium(steps)
    source = "Le compte @OTAN, le mot-clé #Ukraine, 3*4 et *note en bas."
    (out,) = engine.translate([source], "fr", "en")
    assert "@" not in engine.given["fr-es"] and "*" not in engine.given["fr-es"]
    assert unmark(out) == (source, [])


def test_already_marked_input_stays_marked():
    """The second engine of a pivot gets the first one's marks: those words stay as they are."""
    steps = {"fr-es": lambda u: u.replace("le", "el"), "spa-eng": lambda u: __import__("re").sub(
        r"\b(zzqv[a-z]+)\b", r"*\1", u.replace("el", "the"))}
    (out,) = ScriptedApertium(steps).translate([f"le {mark_unknown('Wehrpflicht')} le"], "fr", "en")
    assert unmark(out) == ("the Wehrpflicht the", ["Wehrpflicht"])


@needs_apertium
def test_real_apertium_marks_unknown_words_and_maps_pivot_words_back():
    engine = ApertiumEngine()
    units = ["Les systèmes interopérables et la désinformation sont un défi indéfectible.",
             "Le compte @OTAN et le mot-clé #Ukraine."]
    first, second = (unmark(t) for t in engine.translate(units, "fr", "en"))
    assert {"interopérables", "indéfectible", "désinformation"} <= set(first[1])
    assert "*" not in first[0] and "desinformación" not in first[0] and "systems" in first[0]
    assert "@" in second[0] and "#Ukraine" in second[0]


@needs_apertium
def test_cache_key_changed_with_the_marks():
    assert ApertiumEngine().cache_key("fr", "en").endswith("|unknown=marked")
