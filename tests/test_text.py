import pytest

from briefgen.extract.quotes import find_quotes, quotations
from briefgen.text import split_sentences


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("M. Stoltenberg a parlé. Il a ajouté une chose.", ["M. Stoltenberg a parlé.", "Il a ajouté une chose."]),
        ("MM. Blinken et Borrell ont parlé. Puis ils sont partis.",
         ["MM. Blinken et Borrell ont parlé.", "Puis ils sont partis."]),
        ("Le 3 déc. 2021 à Paris. Ensuite rien.", ["Le 3 déc. 2021 à Paris.", "Ensuite rien."]),
        ("Published 04 Dec. 2017 in Brussels. Then more.", ["Published 04 Dec. 2017 in Brussels.", "Then more."]),
        ("J. Biden a parlé. Fin.", ["J. Biden a parlé.", "Fin."]),
        ("Les U.S.A. sont loin. Fin.", ["Les U.S.A. sont loin.", "Fin."]),
        # a quotation of two sentences, then its attribution: one sentence
        ("« La présence est importante. Parce que nous travaillons ensemble. », a déclaré M. Stoltenberg. Fin.",
         ["« La présence est importante. Parce que nous travaillons ensemble. », a déclaré M. Stoltenberg.",
          "Fin."]),
        ('"Nous allons avancer. Vite", a-t-il ajouté. Ensuite?', ['"Nous allons avancer. Vite", a-t-il ajouté.',
                                                               "Ensuite?"]),
        ("Une question ? Une réponse !", ["Une question ?", "Une réponse !"]),
        ("Sans point final", ["Sans point final"]),
    ],
    ids=["title-M", "title-MM", "month-abbrev-fr", "month-abbrev-en", "initial", "acronym",
         "quote-with-two-sentences", "straight-quotes", "french-spacing", "no-final-stop"],
)
def test_split_sentences(paragraph, expected):
    assert split_sentences(paragraph) == expected


def test_split_sentences_keeps_every_character():
    text = "Il a dit « oui. Non. » hier. Puis M. X est venu ! Et le 5 déc. rien."
    assert "".join(split_sentences(text)).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("dans le but de « promouvoir une coopération plus étroite ».", ["promouvoir une coopération plus étroite"]),
        ('"Notre but est clair", a-t-il ajouté.', ["Notre but est clair"]),
        ("Il a dit “ceci” et “cela”.", ["ceci", "cela"]),
        ("« Il a cité “un mot” ici », a dit X.", ["Il a cité “un mot” ici"]),
        ("„Wir schaffen das“, sagte sie.", ["Wir schaffen das"]),
        ("Un « » vide et un « ! » seul.", []),
        ("Une « ouverte sans fin.", []),
    ],
    ids=["guillemets", "straight", "curly-two", "nested", "german", "empty-or-punctuation", "unclosed"],
)
def test_find_quotes(text, quoted):
    found = find_quotes(text)
    assert [text[s:e] for s, e, _ in found] == quoted


def test_find_quotes_original_is_exact_substring_without_inner_spaces():
    text = "le « partenariat durable » entre"
    (start, end, marks), = find_quotes(text)
    assert text[start:end] == "partenariat durable"
    assert marks == "«»"


@pytest.mark.parametrize("text, quoted", [
    ("Er sagte: „Wir sind bereit.“ Dann ging er.", ["Wir sind bereit."]),
    ("Sie sagte: »Wir kommen«, so Müller.", ["Wir kommen"]),
    ("Ministrul a spus: „Suntem pregătiți”.", ["Suntem pregătiți"]),
    ("De minister zei: ‘We zijn er klaar voor’, aldus De Jonge.", ["We zijn er klaar voor"]),
    ("«Мы готовы», — заявил Лавров.", ["Мы готовы"]),
    ("Il a dit « oui » et l’Europe a répondu « non ».", ["oui", "non"]),
    # a stray straight mark does not turn the narration between two quotes into a quote
    ('"Nous irons", a déclaré Mme Dupont, déléguée" syndicale. Elle insiste : "pas de recul".',
     ["Nous irons", "pas de recul"]),
])
def test_quote_marks_of_every_language(text, quoted):
    assert [text[start:end] for start, end, _ in find_quotes(text)] == quoted


def test_german_quotation_marks_open_and_close_sentences():
    from briefgen.text import split_sentences

    assert split_sentences("Das Ziel ist erreichbar. »Sparen ist gut«, warnte sie.") == [
        "Das Ziel ist erreichbar.", "»Sparen ist gut«, warnte sie."]
    assert split_sentences("Er sagte: »Gut.« Dann ging er.") == ["Er sagte: »Gut.«", "Dann ging er."]
    assert split_sentences("Er sagte: „Gut.“ Dann ging er.") == ["Er sagte: „Gut.“", "Dann ging er."]
    # French closing marks after a space stay with their sentence
    assert split_sentences("« Bonjour. » Puis il part.") == ["« Bonjour. »", "Puis il part."]


def test_a_dash_and_a_verb_after_a_quote_ending_in_a_stop_go_on_with_its_sentence():
    from briefgen.text import split_sentences

    text = "Гусев попытался поговорить. «Мы здесь уже живем!» — ответила ему Лаптева. «Нет?» — Новая тема."
    assert split_sentences(text) == ["Гусев попытался поговорить.", "«Мы здесь уже живем!» — ответила ему Лаптева.",
                                     "«Нет?»", "— Новая тема."]


def test_a_quotation_over_three_paragraphs_is_one():
    paras = ["Elle raconte.", "« Le premier dimanche, ma mère était au lit.", "« Alors je suis revenue, un mardi.",
             "« Je ne reproche rien aux soignantes. »", "Fin."]
    # the middle paragraph's « continues the quotation: it opens no second one
    (quote,) = quotations(paras, None)
    assert (quote.paragraph, quote.paragraph_end) == (1, 3)
    assert quote.original.startswith("Le premier dimanche") and quote.original.endswith("soignantes.")
