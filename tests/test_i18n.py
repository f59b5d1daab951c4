"""The brief's labels in English, French, Spanish, German, Italian and Portuguese; a
language without labels; the archive's language."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from babel.messages.pofile import read_po

from briefgen import i18n
from briefgen.config import Config, load_config, merged
from briefgen.pipeline import make_brief
from conftest import ROOT, run_briefgen

LANGUAGES = ["fr", "es", "de", "it", "pt"]
# labels that are the same word in English and in the language
SAME = {"fr": {"Sources", "Source %(num)d", "Page", "Date"}, "es": {"Original:", ": "},
        "de": {"Original:", ": "}, "it": {"File", ": "}, "pt": {"Original:", ": "}}
MSGIDS = [m.id for m in read_po(open(ROOT / "briefgen" / "locale" / "fr.po", "rb")) if m.id]


def used_labels() -> set[str]:
    """Every label the templates and the code ask for."""
    code = "".join((ROOT / "templates" / name).read_text() for name in ("brief.html.j2", "index.html.j2"))
    code += "".join((ROOT / "briefgen" / name).read_text() for name in ("view.py", "archive.py", "mail.py"))
    labels = set(re.findall(r"""(?<![\w.])_\(["']([^"']+)["']""", code))
    labels |= set(re.findall(r"""gettext\(["']([^"']+)["']""", code))
    labels |= set(re.findall(r'ngettext\("([^"]+)"', code))
    labels |= {message for _, message in __import__("briefgen.view", fromlist=["SKIP_REASONS"]).SKIP_REASONS}
    return labels


def test_the_catalogues_know_every_label_used():
    singular = {m if isinstance(m, str) else m[0] for m in MSGIDS}
    assert used_labels() <= singular, used_labels() - singular
    assert i18n.available() == ["en", "de", "es", "fr", "it", "pt"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_label_is_translated_with_its_placeholders(lang):
    catalog = read_po(open(ROOT / "briefgen" / "locale" / f"{lang}.po", "rb"), locale=lang)
    assert {m.id for m in catalog if m.id} == set(MSGIDS)
    t = i18n.translations(lang)
    for msgid in MSGIDS:
        if isinstance(msgid, tuple):
            one, many = t.ngettext(msgid[0], msgid[1], 1), t.ngettext(msgid[0], msgid[1], 2)
            assert one != msgid[0] and many != msgid[1], (lang, msgid)
            assert one != many or (lang, msgid[0]) == ("de", "%(num)d brief"), (lang, msgid)  # der Pressespiegel
            assert _placeholders(one) == _placeholders(msgid[0]) and _placeholders(many) == _placeholders(msgid[1])
        else:
            shown = t.gettext(msgid)
            assert shown != msgid or msgid in SAME[lang], (lang, msgid)
            assert _placeholders(shown) == _placeholders(msgid), (lang, msgid)


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)[sd]", text))


@pytest.mark.parametrize("lang, title, key_points, day", [
    ("en", "Press brief", "Key points", "24 November 2026"),
    ("fr", "Revue de presse", "Points clés", "24 novembre 2026"),
    ("es", "Resumen de prensa", "Puntos clave", "24 de noviembre de 2026"),
    ("de", "Pressespiegel", "Kernpunkte", "24. November 2026"),
    ("it", "Rassegna stampa", "Punti chiave", "24 novembre 2026"),
    ("pt", "Revista de imprensa", "Pontos-chave", "24 de novembro de 2026"),
])
def test_brief_labels_and_dates_in_its_language(tmp_path, lang, title, key_points, day, caplog):
    from test_translate_stage import FRENCH, FakeEngine, doc_from, engines_with

    from briefgen.extract import extract
    from briefgen.model import Brief
    from briefgen.render import render_html
    from briefgen.translate import translate_documents
    from briefgen.translate.glossary import Glossary

    doc = doc_from(tmp_path, FRENCH)
    (out,) = translate_documents([doc], lang, engines_with(FakeEngine({("fr", lang)})), Glossary())
    brief = Brief(date="2026-11-24", lang=lang, generated_at="2026-11-24T07:00:00+00:00",
                  translation={"engine": "fake", "model": "fake"}, sources=(extract(out),))
    html = render_html(brief)
    assert f'<p class="kicker">{title}</p>' in html
    assert f">{key_points}</h2>" in html or f">{key_points}</a>" in html
    assert f">{day}</time>" in html
    assert "no labels" not in caplog.text


def test_a_language_without_labels_warns_once_and_uses_english(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "nl.txt").write_text(
        "De ministers van Defensie van de NAVO zijn dinsdag in Brussel bijeengekomen om te praten over de "
        "samenwerking met de Europese Unie.\n\n„We moeten meer investeren in onze gezamenlijke veiligheid”, zei "
        "secretaris-generaal Jens Stoltenberg na afloop van de vergadering in het hoofdkwartier.\n")
    done = run_briefgen("make", "--lang", "nl", "--sources", str(sources), "--out", str(tmp_path / "out"),
                        "--date", "2026-11-24", "--format", "html,json", "--engine", "none",
                        env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr
    # (the feed's own warning about base_url is another matter)
    warnings = [line for line in done.stderr.splitlines() if "warning" in line and "base_url" not in line]
    assert warnings == ["briefgen: warning: no labels in Dutch (no briefgen/locale/nl.po): the brief's labels are "
                        "in English, its dates in Dutch"]
    html = (tmp_path / "out" / "2026-11-24" / "brief-nl.html").read_text()
    assert '<p class="kicker">Press brief</p>' in html and ">24 november 2026</time>" in html


def test_unknown_locale_gets_english_dates():
    assert i18n.long_date("2026-11-24", "xx") == "24 November 2026"
    assert i18n.language_name("fr", "xx") == "French"


def _archive_language(out):
    """The language of index.html, and whether every feed-<lang>.xml is in its own language."""
    index = (out / "index.html").read_text()
    feeds = sorted(out.glob("feed-*.xml"))
    own = bool(feeds) and all(
        ET.parse(f).getroot().get("{http://www.w3.org/XML/1998/namespace}lang") == f.stem.split("-", 1)[1]
        for f in feeds)
    return re.search(r'<html lang="([^"]+)"', index).group(1), own


def test_index_and_feed_keep_their_language_whatever_the_last_run(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "fr.txt").write_text("Les ministres de l'OTAN se réunissent à Bruxelles pour parler de défense.\n")
    (sources / "en.txt").write_text("The foreign ministers of the Alliance are meeting in Brussels this week to discuss "
                                        "how the allies should share the cost of their common defence.\n")
    out = tmp_path / "out"
    base = Config(sources_dir=sources, out_dir=out, engine="none", formats=("html", "json"))
    for lang in ("fr", "en", "fr"):
        make_brief(merged(base, lang=lang), "2026-11-24")
        assert _archive_language(out) == ("en", True)
    assert "Press briefs" in (out / "index.html").read_text()
    # the settings file's first language is the archive's, and --lang does not change it
    settings = tmp_path / "briefgen.toml"
    settings.write_text('languages = ["fr", "en"]\nengine = "none"\nformats = ["html", "json"]\n')
    config = merged(load_config(settings), sources_dir=sources, out_dir=out)
    for lang in ("en", "fr"):
        make_brief(merged(config, lang=lang), "2026-11-24")
        assert _archive_language(out) == ("fr", True)
    assert "Revues de presse" in (out / "index.html").read_text()


def test_text_left_in_its_language_is_said_plainly(tmp_path):
    """No route for German: the header says so, every German title, key sentence and quote
    opens with a marker, the stderr summary names the language, and the JSON lists it."""
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "de.txt").write_text(
        "Kanzler will mehr Geld für die Bundeswehr\n\nBERLIN, 27. November 2026 (dpa) - Die Bundesregierung will "
        "die Ausgaben für die Verteidigung im kommenden Jahr deutlich erhöhen. „Wir müssen schneller werden“, "
        "sagte Verteidigungsminister Thomas Hellweg am Mittwoch in Berlin vor Journalisten.\n", encoding="utf-8")
    (sources / "en.txt").write_text("Allies meet in Brussels\n\nNATO defence ministers met in Brussels on Thursday "
                                    "to agree on new air defence plans for the eastern flank.\n", encoding="utf-8")
    done = run_briefgen("make", "--lang", "en", "--sources", str(sources), "--out", str(tmp_path / "out"),
                        "--date", "2026-11-28", "--format", "html,json", "--engine", "none",
                        env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr
    assert "not translated (no route): de" in done.stderr
    html = (tmp_path / "out" / "2026-11-28" / "brief-en.html").read_text()
    assert '<p class="untranslated-line">Not translated: German — no translation route to English</p>' in html
    marker = '<span class="kept-language" lang="en">[German, not translated]</span> '
    assert f"{marker}Kanzler will mehr Geld" in html  # the title
    assert f"{marker}Wir müssen schneller werden" in html  # the quote
    data = json.loads((tmp_path / "out" / "2026-11-28" / "brief-en.json").read_text())
    assert data["translation"]["untranslated"] == ["de"]
    german = next(source for source in data["sources"] if source["language"] == "de")
    assert german["title"] == "Kanzler will mehr Geld für die Bundeswehr"  # the JSON keeps plain text
