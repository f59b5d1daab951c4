"""Across sources: one statement reported twice, sources on one event, the people index."""

from briefgen.crossref import group_sources, link_statements, people_index
from briefgen.detect import detect
from briefgen.extract import extract
from briefgen.ingest import ingest

AFP = """Sommet de l'OTAN à Vilnius : les Alliés promettent plus de dépenses militaires

Vilnius, 11 juillet 2023 (AFP) - Les dirigeants des pays de l'Alliance atlantique réunis à Vilnius se sont engagés mardi à consacrer au moins 2 % de leur produit intérieur brut à la défense, une promesse saluée par l'Ukraine.

« Deux pour cent doit être un plancher, pas un plafond », a déclaré le secrétaire général de l'OTAN, Jens Stoltenberg, lors d'une conférence de presse à Vilnius.
"""
REUTERS = """Les Alliés de l'OTAN s'engagent à Vilnius sur les dépenses de défense

Vilnius, 12 juillet 2023 (Reuters) - Réunis en sommet à Vilnius, les pays de l'Alliance atlantique ont promis de consacrer au moins 2 % de leur produit intérieur brut à leur défense.

Le secrétaire général de l'OTAN, Jens Stoltenberg, a insisté : « Deux pour cent doit être un plancher, pas un plafond. »
"""
OTHER = """La Suède organise des exercices navals en mer Baltique

Stockholm, 11 juillet 2023 - La marine suédoise a lancé mardi des manœuvres de grande ampleur en mer Baltique, avec des navires finlandais et danois.

« Nos marins sont prêts à toute éventualité », a assuré le chef de la marine, l'amiral Ewa Skoog Haslum.
"""


def briefs_of(tmp_path, *texts):
    out = []
    for n, text in enumerate(texts):
        path = tmp_path / f"{n}.txt"
        path.write_text(text)
        out.append(extract(detect(ingest(path))))
    return link_statements(out)


def test_same_quote_in_two_sources_is_linked(tmp_path):
    afp, reuters, other = briefs_of(tmp_path, AFP, REUTERS, OTHER)
    (q1,) = [q for q in afp.quotes if q.original.startswith("Deux pour cent")]
    (q2,) = [q for q in reuters.quotes if q.original.startswith("Deux pour cent")]
    assert q1.also_in == ("1",) and q2.also_in == ("0",)
    assert all(q.also_in == () for q in other.quotes)


def test_sources_on_one_event_are_grouped(tmp_path):
    briefs = briefs_of(tmp_path, AFP, OTHER, REUTERS)
    assert group_sources(briefs) == [(0, 2), (1,)]


def test_far_apart_dates_are_not_one_event(tmp_path):
    later = REUTERS.replace("12 juillet 2023", "12 juillet 2024")
    briefs = briefs_of(tmp_path, AFP, later)
    assert group_sources(briefs) == [(0,), (1,)]


def test_people_index(tmp_path):
    briefs = briefs_of(tmp_path, AFP, REUTERS, OTHER)
    people = {p.name: p for p in people_index(briefs)}
    stoltenberg = people["Jens Stoltenberg"]
    assert stoltenberg.role == "secrétaire général de l'OTAN"
    # the same words from two sources: listed once, and that statement cites the other source
    assert len(stoltenberg.statements) == 1
    source, statement = stoltenberg.statements[0]
    assert source == "0" and statement.also_in == ("1",)
    assert "Ewa Skoog Haslum" in people


def test_roles_are_translated_with_the_rest(tmp_path):
    from test_translate_stage import FakeEngine, engines_with

    from briefgen.translate import translate_documents
    from briefgen.translate.glossary import Glossary

    path = tmp_path / "a.txt"
    path.write_text(AFP)
    doc = detect(ingest(path))
    assert dict(doc.roles)["Jens Stoltenberg"].original == "secrétaire général de l'OTAN"
    (translated,) = translate_documents([doc], "en", engines_with(FakeEngine({("fr", "en")}, rule=str.upper)),
                                        Glossary())
    item = extract(translated)
    (quote,) = [q for q in item.quotes if q.speaker == "Jens Stoltenberg"]
    assert quote.role == "SECRÉTAIRE GÉNÉRAL DE L'OTAN"
