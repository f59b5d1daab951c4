"""The learnt speaker ranking (briefgen/extract/ranking.py): where the rules name nobody, the
likeliest candidate in context; weights learnt from the development halves only."""

import json
import re
import sys
from pathlib import Path

from briefgen.detect import detect
from briefgen.extract import extract, ranking, statements
from briefgen.ingest import ingest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import train_ranking  # noqa: E402  (benchmarks/train_ranking.py)

# a headline quotes the one person the article is about; the body names her only after it
NURSE = """«Qui non ce la faccio più»: l'addio dell'infermiera che lascia Bologna per la Svizzera

BOLOGNA, 4 febbraio (ANSA) – Giulia Bertoni ha trentaquattro anni e da nove lavora al pronto soccorso del \
Sant'Orsola. A marzo partirà per Lugano, dove un ospedale privato le offre il doppio dello stipendio.

«Non è solo una questione di soldi. È che torni a casa dopo dodici ore e non ti ricordi nemmeno cosa hai \
mangiato», racconta seduta in un bar di via Irnerio.
"""

FARMERS = """Los agricultores de Jaén cortan la autovía por los precios del aceite

JAÉN, 12 mar (EFE) – Cientos de agricultores cortaron este martes la autovía A-44 a la altura de Jaén.

"Vendemos por debajo de lo que nos cuesta producir", dijo el portavoz de la plataforma, Manuel Quesada Ruiz.

"Llevamos tres campañas perdiendo dinero", añadió la alcaldesa de Jaén, Carmen Ortega Lara.
"""


def _read(tmp_path, text, name="a.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return detect(ingest(path))


def _rules_found(doc):
    """The rules' attributions, the context and what the ranking is given, before it."""
    caught = {}
    real = statements.rank

    def keep(doc, ctx, found, spans, w=None):
        caught["args"] = (doc, ctx, list(found), spans)
        return found

    statements.rank = keep
    try:
        statements._read(doc)
    finally:
        statements.rank = real
    return caught["args"]


def test_a_headline_quote_goes_to_the_person_the_article_is_about(tmp_path, monkeypatch):
    doc = _read(tmp_path, NURSE)
    quote = extract(doc).quotes[0]
    assert quote.original == "Qui non ce la faccio più"
    assert quote.speaker == "Giulia Bertoni"
    assert quote.evidence.startswith(ranking.LIKELIEST)
    monkeypatch.setattr(ranking, "weights", lambda: {})  # without the learnt weights: the rules alone
    assert extract(doc).quotes[0].speaker is None


def test_the_ranking_never_overrules_a_speaker_the_rules_found(tmp_path):
    doc = _read(tmp_path, FARMERS, "es.txt")
    found_doc, ctx, found, spans = _rules_found(doc)
    assert [a.speaker for _, a in found] == ["Manuel Quesada Ruiz", "Carmen Ortega Lara"]
    # weights that would prefer the first person named for every quotation
    ranked = ranking.rank(found_doc, ctx, found, spans, {"named:first": 50.0, "nobody": -50.0})
    assert [a.speaker for _, a in ranked] == ["Manuel Quesada Ruiz", "Carmen Ortega Lara"]


def test_candidates_are_few_however_many_people_are_named(tmp_path):
    names = [f"{first} {last}" for first in ("Marie", "Jean", "Paul", "Anne", "Louis", "Claire")
             for last in ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand")]
    text = "Une réunion à Paris\n\n" + " ".join(f"{n} était présent." for n in names) * 3 + \
        "\n\n« Nous reviendrons », a-t-on appris.\n"
    doc = _read(tmp_path, text)
    found_doc, ctx, found, spans = _rules_found(doc)
    assert len(ctx.cast.full_names) >= 40
    rows = ranking.candidates(found_doc, ctx, found, spans)
    assert rows and all(row[0].speakers == () for row in rows)  # nobody is always a candidate
    assert all(len(row) <= ranking.MAX_CANDIDATES + 2 for row in rows)
    # the nearest named come first: the last one named before the quotation is among them
    assert any(c.speakers == ("Claire Durand",) for c in rows[0])


def test_the_stored_weights_were_learnt_on_the_development_halves_only():
    stored = json.loads(ranking.WEIGHTS.read_text(encoding="utf-8"))
    split = json.loads((ROOT / "benchmarks" / "real" / "labels.json").read_text(encoding="utf-8"))["_split"]
    trained = stored["trained_on"]
    assert len(trained) >= 200 and stored["weights"]
    for key in trained:
        part, name = key.split("/", 1)
        if part == "real":
            assert int(Path(name).stem) in split["dev"] and int(Path(name).stem) not in split["test"]
        else:
            assert part == "multilingual" and "/" not in name
            assert (ROOT / "benchmarks" / "multilingual" / name).exists()


def test_fit_learns_what_marks_the_right_candidate():
    # nobody, then two people: the right one is the one named in the sentence before
    examples = []
    for k in range(40):
        right_one = 1 + k % 2
        features = [{"nobody": 1.0}] + [{"named:gap1": 1.0} if i == right_one else {"named:gap6_": 1.0}
                                        for i in (1, 2)]
        examples.append({"article": f"a{k % 4}", "features": features, "speech": True,
                         "right": [i == right_one for i in range(3)], "rule": 0})
    names = ["named:gap1", "named:gap6_", "nobody"]
    w = train_ranking.fit(examples, names, l2=0.01, steps=300)
    assert w[0] > max(w[1], w[2])
    assert train_ranking.accuracy(examples, names, w) == (40, 0, 40)


def test_quoted_terms_teach_the_ranking_to_name_nobody():
    # words said by the person named in the sentence before; short terms ("« symbole »")
    # said by nobody, though someone was named there too
    examples = []
    for k in range(40):
        term = k % 2 == 1
        flag = "&short" if term else "&long"
        examples.append({"article": f"a{k % 4}", "speech": not term, "rule": 0,
                         "features": [{"nobody": 1.0, "nobody" + flag: 1.0},
                                      {"named:gap1": 1.0, "named:gap1" + flag: 1.0}],
                         "right": [term, not term]})
    names = sorted({n for ex in examples for f in ex["features"] for n in f})
    learnt = train_ranking.fit(examples, names, l2=0.01, steps=300)
    assert train_ranking.accuracy(examples, names, learnt) == (20, 0, 20)  # speech only
    assert train_ranking.terms_named(examples, names, learnt) == (20, 0, 0)
    # learnt from speech alone, the ranking names the person for the terms too
    speech_only = train_ranking.fit(examples, names, l2=0.01, terms=0.0, steps=300)
    assert train_ranking.terms_named(examples, names, speech_only) == (20, 0, 20)


def test_a_cue_that_names_someone_unnamed_keeps_nobody(tmp_path):
    text = ("NATO ministers meet in Brussels\n\nBRUSSELS (Reuters) - \"We will stand together,\" NATO "
            "Secretary General Mark Rutte said on Tuesday.\n\nAccording to a senior alliance official, "
            "\"the decision was unanimous\".\n\n« Nous serons prêts », indique un communiqué du ministère, "
            "après que Jean-Noël Barrot a parlé.\n")
    quotes = {q.original: q for q in extract(_read(tmp_path, text, "en.txt")).quotes}
    assert quotes["We will stand together,"].speaker == "Mark Rutte"
    # "a senior alliance official", "un communiqué": someone the text does not name
    assert quotes["the decision was unanimous"].speaker is None
    assert ranking.unnamed("According to a senior alliance official", "en")
    assert ranking.unnamed("indique un communiqué du ministère", "fr")
    assert not ranking.unnamed("a déclaré le président des Etats-Unis", "fr")
    # a source, named as one in the language's words, with or without an article
    assert ranking.unnamed("сказал РИА Новости источник в отрасли", "ru")
    assert ranking.unnamed("según fuentes del club", "es")
    assert not ranking.unnamed("según el entrenador", "es")


def test_the_brief_says_likely_beside_a_speaker_the_ranking_chose(tmp_path):
    from briefgen.config import Config
    from briefgen.pipeline import make_brief
    from briefgen.render import render_html, statement_json

    src = tmp_path / "src"
    src.mkdir()
    (src / "nurse.txt").write_text(NURSE, encoding="utf-8")
    brief = make_brief(Config(sources_dir=src, out_dir=tmp_path / "out", lang="it", engine="none"),
                       date="2026-11-24").brief
    (item,) = brief.sources
    guessed = [q for q in item.quotes if q.inferred]
    assert [q.original for q in guessed] == ["Qui non ce la faccio più"] and guessed[0].speaker == "Giulia Bertoni"
    assert statement_json(guessed[0])["inferred"] is True
    html = render_html(brief)
    # the Italian brief's label, beside the guessed speaker and nowhere else
    marked = re.findall(r'<strong>([^<]*)</strong>(?:, [^<]*)? <span class="inferred"', html)
    # and in the people index, beside the words the guess gives her
    in_index = re.findall(r'<q>([^<]*)</q> <span class="inferred"', html)
    assert marked and set(marked) == {"Giulia Bertoni"} and in_index == ["Qui non ce la faccio più"]
    assert len(marked) + len(in_index) == html.count('class="inferred"')
    assert '<strong>Giulia Bertoni</strong> <span class="inferred" title="Non nominato' in html
    assert ">probabile</span>" in html
