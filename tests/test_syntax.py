"""The parsed subject of a quotation's clause (briefgen/extract/syntax.py), used where no
cue names a speaker, and the rules alone when no parser is installed."""

from briefgen.extract import syntax
from briefgen.extract.syntax import subject_of
from conftest import speakers_of


def _inside(sentence: str) -> tuple[int, int]:
    return sentence.index("«") + 2, sentence.index("»") - 1


def test_subject_of_the_clause_holding_a_fragment():
    cases = {
        "La ministre a qualifié cette réforme de « brutale et injuste » lors du débat.": "La ministre",
        "Le syndicat, qui a dénoncé une « mascarade », appelle à la grève.": "Le syndicat",
        "Les élus de l'opposition, eux, dénoncent « un passage en force ».": "Les élus de l'opposition",
    }
    for sentence, subject in cases.items():
        assert subject_of(sentence, *_inside(sentence), "fr") == subject, sentence


def test_no_parser_for_the_language_gives_none():
    sentence = "Die Ministerin nannte die Reform « brutal und ungerecht »."
    assert subject_of(sentence, *_inside(sentence), "de") is None
    assert not syntax.available("xx")


ROLE = """La réforme des retraites au Sénat

La ministre du Travail, Anne Durand, était mardi devant les sénateurs.

La ministre, elle, voit dans ce texte une réforme « juste et nécessaire ».
"""


def test_a_role_subject_found_by_the_parse_names_the_speaker(tmp_path, monkeypatch):
    speaker, evidence = speakers_of(tmp_path, ROLE)["juste et nécessaire"]
    assert speaker == "Anne Durand"
    assert evidence == "subject of the clause (parsed): La ministre"
    # without a parser (spaCy or its French model not installed) the rules stand alone
    monkeypatch.setattr(syntax, "_pipeline", lambda language: None)
    assert speakers_of(tmp_path, ROLE)["juste et nécessaire"][0] is None
    monkeypatch.undo()
    with syntax.rules_only():
        assert speakers_of(tmp_path, ROLE)["juste et nécessaire"][0] is None
    assert speakers_of(tmp_path, ROLE)["juste et nécessaire"][0] == "Anne Durand"


def test_the_tokenizer_keeps_compounds_and_splits_inverted_pronouns():
    """The model is loaded without spaCy's French language module (whose token pattern is
    slow to compile); its own tokenizer rules still apply, and hyphenated compounds stay one
    word while an inverted subject after a verb is split off."""
    words = [t.text for t in syntax._pipeline("fr")(
        "« Non », estime-t-il, répond-elle au porte-parole de l'état-major, peut-être aujourd'hui.")]
    for whole in ("porte-parole", "peut-être", "aujourd'hui"):
        assert whole in words, words
    for split in ("estime", "répond", "-il", "-elle"):
        assert split in words, words
    assert "estime-t-il" not in words and "répond-elle" not in words


def test_a_parsed_subject_that_is_a_thing_is_nobody(tmp_path, monkeypatch):
    from briefgen.extract import ranking

    # the rules' answer, before the learnt ranking guesses from who is named around
    # (it guesses the last speaker here: see the README on where it is weak)
    monkeypatch.setattr(ranking, "weights", lambda: {})
    text = ("Attaque à Bayonne\n\n« Je condamne cet acte », a déclaré Anne Durand, la maire.\n\n"
            "L'attaque de la mosquée de Bayonne, commise fin octobre par un ancien militant, a été qualifiée "
            "de « terroriste » par l'avocat des victimes.\n")
    # "L'attaque" only looks like a description of a person (as "la maire" does): nobody is guessed
    assert speakers_of(tmp_path, text)["terroriste"][0] is None


def test_a_parsed_subject_in_quotation_marks_is_a_thing_not_a_speaker(tmp_path):
    text = ("Drone\n\nUn drone s'est écrasé vendredi soir près de la base aérienne d'Istres, sans faire de "
            "victime, a annoncé son constructeur Safran. Le \"Patroller\" s'est crashé vendredi à "
            "Saint-Mitre-les-Remparts à 15 h 58 au cours d'un vol de \"réception industrielle\" mené à partir "
            "de la base aérienne 125 d'Istres.\n")
    speaker, _ = speakers_of(tmp_path, text)["réception industrielle"]
    assert speaker != "Patroller"
