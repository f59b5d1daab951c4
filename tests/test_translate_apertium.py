"""The apertium engine, for real (make test installs apertium when it runs as root)."""

from briefgen.translate.apertium import ApertiumEngine, parse_modes
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
