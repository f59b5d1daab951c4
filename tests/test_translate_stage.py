"""The translate stage around the engines: memory, glossary, typography, checks, routes."""

import sqlite3

import pytest

from briefgen.detect import detect
from briefgen.errors import BriefgenError, NoTranslationRoute
from briefgen.ingest import ingest
from briefgen.translate import Engines, PivotEngine, translate_documents
from briefgen.translate.base import Engine
from briefgen.translate.glossary import Glossary, read_glossary
from briefgen.translate.memory import CachedEngine, TranslationMemory
from briefgen.translate.postedit import lost_facts, typography
from conftest import needs_apertium


class FakeEngine(Engine):
    """A stand-in engine: ``rule`` turns each sentence into its 'translation'."""

    def __init__(self, pairs, rule=lambda s: s.upper(), name="fake", model="fake-1"):
        self.pairs, self.rule, self.name, self.model = set(pairs), rule, name, model
        self.calls: list[list[str]] = []

    def supports(self, source, target):
        return (source, target) in self.pairs

    def model_id(self, source, target):
        return f"{self.model}-{source}{target}" if self.supports(source, target) else None

    def translate(self, sentences, source, target):
        self.calls.append(list(sentences))
        return [self.rule(s) for s in sentences]


def engines_with(engine, requested="apertium", memory=None):
    engines = Engines(requested, memory=memory)
    engines._made[requested] = CachedEngine(engine, memory) if memory else engine
    return engines


def doc_from(tmp_path, text, name="source.txt"):
    path = tmp_path / name
    path.write_text(text)
    return detect(ingest(path))


FRENCH = ("Le secrétaire général de l'OTAN a rencontré les ministres de l'UE à Bruxelles mardi.\n\n"
          "« Nous devons investir 2 % du PIB dans la défense », a déclaré M. Jens Stoltenberg le 5 décembre 2017.\n")


# ---------------------------------------------------------------- translation memory
def test_memory_hit_and_miss(tmp_path, no_network):
    memory = TranslationMemory(tmp_path / "tm.sqlite3")
    fake = FakeEngine({("fr", "en")})
    cached = CachedEngine(fake, memory)
    assert cached.translate(["un", "deux", "un"], "fr", "en") == ["UN", "DEUX", "UN"]
    assert fake.calls == [["un", "deux"]] and (cached.hits, cached.misses) == (0, 2)
    assert cached.translate(["deux", "trois"], "fr", "en") == ["DEUX", "TROIS"]
    assert fake.calls[-1] == ["trois"] and cached.hits == 1
    # another model never reuses this model's output
    other = CachedEngine(FakeEngine({("fr", "en")}, rule=str.lower, model="fake-2"), memory)
    assert other.translate(["un"], "fr", "en") == ["un"]
    stats = memory.stats()
    assert stats["entries"] == 4 and len(stats["groups"]) == 2
    assert {g["model"] for g in stats["groups"]} == {"fake-1-fren", "fake-2-fren"}


def test_corrupt_memory_is_bypassed(tmp_path, caplog):
    path = tmp_path / "tm.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    memory = TranslationMemory(path)
    cached = CachedEngine(FakeEngine({("fr", "en")}), memory)
    assert cached.translate(["bonjour"], "fr", "en") == ["BONJOUR"]
    assert memory.problem and "not a database" in memory.problem
    assert "translation memory" in caplog.text and "unusable" in caplog.text
    assert memory.clear() > 0 and not path.exists()
    assert CachedEngine(FakeEngine({("fr", "en")}), TranslationMemory(path)).translate(["a"], "fr", "en") == ["A"]


def test_locked_memory_is_bypassed(tmp_path):
    path = tmp_path / "tm.sqlite3"
    first = TranslationMemory(path)
    first.store("fake", "fake-1-fren", "fr", "en", [("x", "X")])
    first.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process writing for a long time
    try:
        memory = TranslationMemory(path, timeout=0.1)
        cached = CachedEngine(FakeEngine({("fr", "en")}), memory)
        assert cached.translate(["x", "y"], "fr", "en") == ["X", "Y"]
        assert memory.problem and "locked" in memory.problem
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@needs_apertium
def test_warm_run_translates_nothing(tmp_path, monkeypatch):
    from briefgen.config import Config
    from briefgen.pipeline import make_brief
    from briefgen.translate.apertium import ApertiumEngine

    runs = []
    real = ApertiumEngine._pipe
    monkeypatch.setattr(ApertiumEngine, "_pipe", lambda self, mode, text: runs.append(mode) or real(self, mode, text))
    config = Config(out_dir=tmp_path / "out", engine="apertium", cache_path=tmp_path / "tm.sqlite3",
                    formats=("json",))
    cold = make_brief(config, "2026-11-24")
    assert runs == ["fr-es", "spa-eng"]
    warm = make_brief(config, "2026-11-24")
    assert runs == ["fr-es", "spa-eng"]  # nothing more went to apertium
    assert warm.brief.sources[0].document == cold.brief.sources[0].document


def test_log_counts_agree_per_language_pair(tmp_path, caplog):
    """"translating N segments" for a pair, then N = from memory + translated now, for
    that pair alone (glossary terms included; nothing carried over from another pair)."""
    import re

    french = doc_from(tmp_path, FRENCH, "fr.txt")
    german = doc_from(tmp_path, "Die Außenminister der NATO-Staaten haben sich am Dienstag in Brüssel getroffen, "
                                "um über die Zusammenarbeit mit der Europäischen Union zu sprechen.\n", "de.txt")
    memory = TranslationMemory(tmp_path / "tm.sqlite3")

    def counts():
        text = caplog.text
        wanted = {m[1]: int(m[0]) for m in re.findall(r"translating (\d+) segments (\w+→\w+)", text)}
        done = {m[0]: (int(m[1]), int(m[2])) for m in
                re.findall(r"translation memory (\w+→\w+): (\d+) from memory, (\d+) translated now", text)}
        caplog.clear()
        return wanted, done

    with caplog.at_level("INFO", logger="briefgen"):
        engine = FakeEngine({("fr", "en"), ("de", "en")})
        translate_documents([french, german], "en", engines_with(engine, memory=memory), Glossary.load())
        wanted, done = counts()
        assert set(wanted) == set(done) == {"fr→en", "de→en"}
        assert wanted["fr→en"] > len(french.sentences())  # the glossary's terms go in the same batch
        for pair, total in wanted.items():
            assert done[pair] == (0, total)
        # one new French sentence: the French pair has it translated now, the rest from memory
        changed = doc_from(tmp_path, FRENCH + "\nLes ministres se retrouveront à Bruxelles en juin prochain.\n",
                           "fr2.txt")
        translate_documents([changed, german], "en", engines_with(engine, memory=memory), Glossary.load())
        again, done = counts()
        assert done["fr→en"] == (again["fr→en"] - 1, 1) and done["de→en"] == (again["de→en"], 0)


# ---------------------------------------------------------------- glossary
def test_glossary_on_an_engine_that_copies_terms(tmp_path):
    """An engine that leaves "OTAN" as it is (as NMT models do with unknown acronyms)."""
    doc = doc_from(tmp_path, FRENCH)
    engines = engines_with(FakeEngine({("fr", "en")}, rule=lambda s: s))
    (out,) = translate_documents([doc], "en", engines, Glossary.load())
    first = out.paragraphs[0].sentences[0]
    assert "NATO Secretary General" in first.text and "OTAN" not in first.text
    assert "EU" in first.text


@needs_apertium
def test_glossary_on_apertium(tmp_path):
    doc = doc_from(tmp_path, FRENCH)
    (out,) = translate_documents([doc], "en", Engines("apertium"), Glossary.load())
    first = out.paragraphs[0].sentences[0].text
    assert "NATO Secretary General" in first
    assert "Nato" not in first and "general secretary" not in first.lower()


@needs_apertium
def test_user_glossary_overrides_the_default(tmp_path):
    user = tmp_path / "terms.toml"
    user.write_text('[fr-en]\n"OTAN" = "Atlantic Alliance"\n"ministres" = "cabinet members"\n')
    doc = doc_from(tmp_path, "Les ministres de l'OTAN se réunissent à Bruxelles pour parler de défense.\n")
    (out,) = translate_documents([doc], "en", Engines("apertium"), Glossary.load(user))
    text = out.paragraphs[0].sentences[0].text
    assert "cabinet members" in text and "Atlantic Alliance" in text


def test_glossary_on_argos_is_enforced_or_flagged(tmp_path, argos_dirs, tiny_package_file, no_network):
    """The tiny model writes nonsense: each sentence either carries "NATO" or is flagged."""
    from briefgen.translate.packages import install_from_file

    install_from_file(tiny_package_file)
    doc = doc_from(tmp_path, FRENCH)
    (out,) = translate_documents([doc], "en", Engines("argos"), Glossary.load())
    for para in out.paragraphs:
        for seg in para.sentences:
            if "OTAN" in seg.original:
                assert "NATO" in seg.text or seg.check


@pytest.mark.parametrize("content, message", [
    ('"OTAN" = "NATO"\n', "not a language pair section"),
    ('[fr-en]\n"OTAN" = 3\n', "non-empty string"),
    ("[fr-en\n", "not valid TOML"),
])
def test_bad_glossary_files(tmp_path, content, message):
    from briefgen.errors import UsageError

    path = tmp_path / "g.toml"
    path.write_text(content)
    with pytest.raises(UsageError, match=message):
        read_glossary(path)


# ---------------------------------------------------------------- typography and checks
@pytest.mark.parametrize("output, source, target, expected", [
    ("He said « no ».", "Il a dit « non ».", "en", "He said “no”."),
    ("Statement of the Secretary General : the Alliance", "Déclaration du secrétaire général : l'Alliance",
     "en", "Statement of the Secretary General: the Alliance"),
    ("Really ?", "Vraiment ?", "en", "Really?"),
    ("Promote a closer cooperation", "promouvoir une coopération plus étroite", "en", "promote a closer cooperation"),
    ("NATO is here", "l'OTAN est là", "en", "NATO is here"),
    ("M. Stoltenberg and MM. Blinken and Borrell met Mme Kallas", "…", "en",
     "Mr Stoltenberg and Messrs Blinken and Borrell met Ms Kallas"),
    ("Il a dit “non”: fin", "He said “no”: end", "fr", "Il a dit «\u202fnon\u202f»\u202f: fin"),
], ids=["guillemets", "colon", "question", "fragment-case", "acronym-case", "honorifics", "to-french"])
def test_typography(output, source, target, expected):
    assert typography(output, source, target) == expected


def test_lost_facts_finds_numbers_and_names():
    src = "Jens Stoltenberg a parlé de 2 % et de 70 ans le 5 décembre 2017 avec Vladimir Poutine."
    assert lost_facts(src, "Jens Stoltenberg spoke of 2 % and 70 years on 5 December 2017 with Vladimir Putin.",
                      {"Poutine": "Putin"}) == []
    assert lost_facts(src, "Stoltenberg spoke of 2 % and 70 years on 5 December with Putin.",
                      {"Poutine": "Putin"}) == ["2017"]
    assert lost_facts(src, "He spoke of 2 % and 70 years on 5 December 2017 with Putin.",
                      {"Poutine": "Putin"}) == ["Jens Stoltenberg"]


def test_lost_number_is_flagged_in_the_json(tmp_path):
    from briefgen.extract import extract
    from briefgen.render import source_json

    doc = doc_from(tmp_path, FRENCH)
    engine = FakeEngine({("fr", "en")}, rule=lambda s: s.replace("2017", "").replace("2 %", "two percent"))
    (out,) = translate_documents([doc], "en", engines_with(engine), Glossary())
    data = source_json(extract(out))
    quote = next(p for p in data["paragraphs"] if "Stoltenberg" in p["text_original"])
    assert quote["check"] is True
    assert data["paragraphs"][0]["check"] is False
    flagged = [s for s in data["statements"] if s["check"]]
    assert flagged and all("2017" in s["original"] or "2 %" in s["original"] for s in flagged)


# ---------------------------------------------------------------- quotes, routes, provenance
def test_quotes_are_translated_as_units(tmp_path):
    doc = doc_from(tmp_path, FRENCH)
    engine = FakeEngine({("fr", "en")}, rule=lambda s: f"<{s}>")
    (out,) = translate_documents([doc], "en", engines_with(engine), Glossary())
    (quote,) = out.quotes
    assert quote.original == "Nous devons investir 2 % du PIB dans la défense"
    assert quote.segment.text == "<Nous devons investir 2 % du PIB dans la défense>"
    assert quote.original in out.paragraphs[quote.paragraph].text_original


def test_pivot_through_english(tmp_path):
    de_en = FakeEngine({("de", "en"), ("en", "fr")}, rule=lambda s: s + "!")
    engines = engines_with(de_en, requested="argos")
    route = engines.route("de", "fr")
    assert isinstance(route, PivotEngine)
    assert route.model_id("de", "fr") == "fake-1-deen + fake-1-enfr"
    assert route.translate(["Guten Tag"], "de", "fr") == ["Guten Tag!!"]
    assert engines.route("de", "it") is None


def test_argos_pivot_with_two_real_packages(tmp_path, argos_dirs, no_network):
    from briefgen.testing.tiny_argos import make_package
    from briefgen.translate.packages import install_from_file
    from conftest import seed_texts

    for source, target in (("de", "en"), ("en", "fr")):
        install_from_file(make_package(tmp_path / f"{source}{target}.argosmodel", seed_texts(), source, target))
    engines = Engines("argos")
    route = engines.route("de", "fr")
    assert route.model_id("de", "fr") == "translate-de_en-0.0.1 + translate-en_fr-0.0.1"
    assert len(route.translate(["Die NATO trifft sich.", "Zweiter Satz."], "de", "fr")) == 2


def test_language_without_route_is_kept_and_flagged(tmp_path):
    french = doc_from(tmp_path, FRENCH, "fr.txt")
    german = doc_from(tmp_path, "Die Außenminister der NATO-Staaten haben sich am Dienstag in Brüssel getroffen, "
                                "um über die Zusammenarbeit mit der Europäischen Union zu sprechen.\n", "de.txt")
    assert german.language == "de"
    engine = FakeEngine({("fr", "en")})
    out_fr, out_de = translate_documents([french, german], "en", engines_with(engine), Glossary())
    assert out_fr.translation == {"engine": "fake", "model": "fake-1-fren"}
    assert out_de.translation == {"engine": "none", "model": None, "untranslated": ["de"]}
    assert out_de.paragraphs[0].text == out_de.paragraphs[0].text_original
    with pytest.raises(NoTranslationRoute, match="de→en"):
        translate_documents([german], "en", engines_with(engine), Glossary())


def test_models_install_from_index_offline_says_so(argos_dirs, no_network):
    from briefgen.translate.packages import install_from_index

    with pytest.raises(BriefgenError, match="cannot reach Argos's package index.*--file"):
        install_from_index("fr", "en")


def test_untranslated_source_is_said_so_in_the_brief(tmp_path):
    from briefgen.extract import extract
    from briefgen.model import Brief
    from briefgen.render import render_html

    german = doc_from(tmp_path, "Die Außenminister der NATO-Staaten haben sich am Dienstag in Brüssel getroffen, "
                                "um über die Zusammenarbeit mit der Europäischen Union zu sprechen.\n", "de.txt")
    french = doc_from(tmp_path, FRENCH, "fr.txt")
    docs = translate_documents([french, german], "en", engines_with(FakeEngine({("fr", "en")})), Glossary())
    brief = Brief(date="2026-11-24", lang="en", generated_at="2026-11-24T07:00:00+00:00",
                  translation={"engine": "fake", "model": "fake-1-fren"}, sources=tuple(extract(d) for d in docs))
    html = render_html(brief)
    assert "Text in German is shown as written: no translation to English is installed." in html


# ---------------------------------------------------------------- words the engine could not translate
def marking(*unknown):
    """An engine that 'translates' by upper-casing, and marks these words as unknown (kept)."""
    import re

    from briefgen.translate.base import mark_unknown

    def rule(sentence):
        pattern = "|".join(re.escape(w) for w in unknown)
        parts = re.split(rf"(?<!\w)({pattern})(?!\w)", sentence)
        return "".join(mark_unknown(p) if n % 2 else p.upper() for n, p in enumerate(parts))
    return FakeEngine({("fr", "en")}, rule=rule)


UNKNOWN = ("Les systèmes interopérables sont un soutien indéfectible, a dit Jens Stoltenberg.\n\n"
           "Stoltenberg a rencontré Borrell et le SEAE à Bruxelles pour parler de systèmes.\n\n"
           "Interopérables, les armées de l'Union européenne travaillent ensemble depuis longtemps.\n")


def test_untranslated_words_flag_their_sentence_and_are_listed(tmp_path):
    doc = doc_from(tmp_path, UNKNOWN)
    engine = marking("interopérables", "indéfectible", "Jens", "Stoltenberg", "Borrell", "SEAE", "Interopérables")
    (out,) = translate_documents([doc], "en", engines_with(engine), Glossary())
    first, second, third = (p.sentences[0] for p in out.paragraphs)
    assert first.untranslated_words == ("interopérables", "indéfectible") and first.check
    assert "interopérables" in first.text and "\ue000" not in first.text  # plain text, marks taken out
    # names (at the start too) and acronyms are kept as written by any translation: not listed
    assert second.untranslated_words == () and not second.check
    assert third.untranslated_words == ("Interopérables",) and third.check
    assert out.paragraphs[0].untranslated_words == ("interopérables", "indéfectible")


def test_a_glossary_term_the_engine_did_not_know_is_rendered_not_listed(tmp_path):
    user = tmp_path / "terms.toml"
    user.write_text('[fr-en]\n"interopérables" = "interoperable"\n')
    doc = doc_from(tmp_path, UNKNOWN)
    (out,) = translate_documents([doc], "en", engines_with(marking("interopérables", "indéfectible")),
                                 Glossary.load(user))
    first = out.paragraphs[0].sentences[0]
    assert "interoperable" in first.text and first.untranslated_words == ("indéfectible",)


def test_untranslated_words_come_back_from_the_memory(tmp_path):
    memory = TranslationMemory(tmp_path / "tm.sqlite3")
    doc = doc_from(tmp_path, UNKNOWN)
    engine = marking("interopérables", "indéfectible")
    (cold,) = translate_documents([doc], "en", engines_with(engine, memory=memory), Glossary())
    calls = len(engine.calls)
    (warm,) = translate_documents([doc], "en", engines_with(engine, memory=memory), Glossary())
    assert len(engine.calls) == calls  # all from the memory
    assert warm.paragraphs == cold.paragraphs
    assert warm.paragraphs[0].sentences[0].untranslated_words == ("interopérables", "indéfectible")


def test_untranslated_words_in_the_json_and_in_italics_on_the_page(tmp_path):
    from briefgen.extract import extract
    from briefgen.model import Brief
    from briefgen.render import brief_json, render_html

    doc = doc_from(tmp_path, "« Les systèmes interopérables <b>comptent</b> », a déclaré Jens Stoltenberg "
                             "à Bruxelles mardi devant les ministres.\n\n" + UNKNOWN)
    (out,) = translate_documents([doc], "en", engines_with(marking("interopérables", "indéfectible")), Glossary())
    brief = Brief(date="2026-11-24", lang="en", generated_at="2026-11-24T07:00:00+00:00",
                  translation={"engine": "fake", "model": "fake-1-fren"}, sources=(extract(out),))
    data = brief_json(brief)["sources"][0]
    assert data["paragraphs"][1]["untranslated_words"] == ["interopérables", "indéfectible"]
    assert data["paragraphs"][2]["untranslated_words"] == []
    quote = next(s for s in data["statements"] if s["kind"] == "quote")
    assert quote["untranslated_words"] == ["interopérables"] and quote["check"] is True
    assert "interopérables" in quote["text"] and "<i" not in quote["text"]
    html = render_html(brief)
    word = '<i class="untranslated" title="Not translated: the word is kept as the source writes it.">'
    assert f"LES SYSTÈMES {word}interopérables</i> &lt;B&gt;COMPTENT&lt;/B&gt;" in html  # the rest still escaped
    assert "<b>comptent" not in html.lower()
    assert html.count(word) >= 2 and 'class="check"' in html
    french = render_html(Brief(**{**brief.__dict__, "lang": "fr"}))
    # the French label is set the French way: a narrow no-break space before the colon
    assert '<i class="untranslated" title="Non traduit\u202f: le mot est laissé tel que la source l’écrit.">' in french
