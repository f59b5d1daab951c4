"""Speakers that a reader finds beyond the quotation's own reporting clause: the sentence's
report, its subject, the speaker carried over paragraphs, roles with no named holder, and
organisations. Articles are written here in the shapes real news takes (see
benchmarks/real for the measure on real articles)."""

import json

import pytest

from briefgen.detect import detect
from briefgen.extract import extract
from briefgen.extract.speakers import organisation_name
from briefgen.ingest import ingest
from briefgen.testing.evaluate import score_by_language, spans_match, speaker_right
from conftest import speakers_of

ARTICLE = """Jean Castex veut combattre le "séparatisme"

La lutte contre l'islamisme radical est une "préoccupation majeure" de l'exécutif, a rappelé Jean Castex mardi à Paris. Le Premier ministre a tenu à rappeler qu'"aucune religion ne peut s'approprier l'espace public".

Devant les députés, il a ensuite détaillé son projet de loi pour la rentrée prochaine.

"Nous serons intransigeants. Nous irons jusqu'au bout."

L'incendie s'est déclaré vers midi dans l'entrepôt, explique une source policière. "Il y avait énormément de monde sur place et personne n'a rien vu venir."

"Le feu est maîtrisé et aucune victime n'est à déplorer", a indiqué la préfecture du Nord dans un communiqué.
"""


def test_speakers_from_context(tmp_path):
    found = speakers_of(tmp_path, ARTICLE)
    # the title's quote: the person the title is about
    assert found["séparatisme"][0] == "Jean Castex"
    # no cue right after the quote, but the sentence reports Jean Castex
    assert found["préoccupation majeure"] == ("Jean Castex", "reported in the same sentence")
    # a role the text never tied to a name: the person just spoken of
    assert found["aucune religion ne peut s'approprier l'espace public"][0] == "Jean Castex"
    # a paragraph of first-person speech with no cue: the speaker goes on
    quote = "Nous serons intransigeants. Nous irons jusqu'au bout."
    assert found[quote] == ("Jean Castex", "speaker of the sentences before")
    # an unnamed source speaks: nobody is carried over, nobody is guessed
    assert found["Il y avait énormément de monde sur place et personne n'a rien vu venir."][0] is None
    # an organisation that speaks is the speaker, named as the text names it
    assert found["Le feu est maîtrisé et aucune victime n'est à déplorer"][0] == "préfecture du Nord"


def test_words_inside_narration_are_not_carried_into_a_new_paragraph(tmp_path):
    found = speakers_of(tmp_path, "Titre\n\nM. Paul Martin a déclaré que la réforme était prête, a-t-il dit.\n\n"
                                  "Un rapport publié en décembre qualifiait la situation de \"préoccupante\".\n")
    assert found["préoccupante"][0] is None


@pytest.mark.parametrize("phrase, name", [
    ("la préfecture du Nord dans un communiqué", "préfecture du Nord"),
    ("le ministère turc des Affaires étrangères", "ministère turc des Affaires étrangères"),
    ("l'Elysée", "Elysée"),
    ("la CGT, qui appelle à la grève", "CGT"),
    ("le GPSR (Groupe de protection des réseaux RATP) qu'on aperçoit", "GPSR (Groupe de protection des réseaux RATP)"),
    ("le service d'incendie et de secours (SDIS) du Nord", "service d'incendie et de secours (SDIS) du Nord"),
    ("un porte-parole", None),
    ("le ministre", None),
    ("Jean Castex", None),
])
def test_organisation_names(phrase, name):
    assert organisation_name(phrase) == name


def test_real_set_scoring_helpers():
    label = {"speaker": "Elysée", "aliases": ["présidence française"]}
    assert speaker_right("l'Élysée", label) and speaker_right("présidence française", label)
    assert not speaker_right(None, label) and not speaker_right("Emmanuel Macron", label)
    assert speaker_right(None, {"speaker": None})
    assert speaker_right("Michel Raison, Jean-Luc Fichet", {"speaker": "Jean-Luc Fichet, Michel Raison"})
    assert spans_match("Nous irons jusqu'au bout.", "nous irons jusqu’au bout")
    assert spans_match("une phrase assez longue pour comparer", "une phrase assez longue pour comparer,")
    assert not spans_match("oui", "non")
    from briefgen.testing.evaluate import RealScore

    score = RealScore(by_article={"parsed/1.json": [4, 3], "parsed/2.json": [6, 0], "parsed/3.json": [0, 0]})
    assert score.batch_accuracy([1]) == 0.75 and score.batch_accuracy([1, 2]) == 0.3
    assert score.batch_accuracy([3]) == 0.0 and score.batch_accuracy([]) == 0.0


def test_a_language_without_a_data_file_gets_its_speaker_from_the_translation(tmp_path):
    from dataclasses import replace

    path = tmp_path / "pl.txt"
    path.write_text("Minister obrony zapowiada nowe zakupy\n\nMinister obrony narodowej Tomasz Nowicki przedstawił "
                    "w środę plan zakupów. „Nie mamy czasu do stracenia”, powiedział Nowicki dziennikarzom.\n",
                    encoding="utf-8")
    doc = detect(ingest(path))
    assert doc.language == "pl" and [q.original for q in doc.quotes] == ["Nie mamy czasu do stracenia"]
    # no Polish data: no cue is read in the original; only the ranking's guess from who is named around it
    (guess,) = extract(doc).quotes
    assert guess.speaker == "Tomasz Nowicki" and guess.evidence.startswith("likeliest speaker in context")
    para = doc.paragraphs[0]
    english = ["Defence Minister Tomasz Nowicki presented the purchase plan on Wednesday.",
               "\u201cWe have no time to lose,\u201d Nowicki told journalists."]
    translated = replace(para, sentences=tuple(replace(seg, text=english[i]) for i, seg in enumerate(para.sentences)))
    (quote,) = extract(replace(doc, paragraphs=(translated,))).quotes
    assert quote.speaker == "Tomasz Nowicki"
    assert quote.evidence.startswith("from the translation")


BODY = """Crues : trois départements en vigilance orange

« Les niveaux continuent de monter sur la Dives », indique Vigicrues, le service d'information sur les crues.

« Des débordements dommageables peuvent se produire », précise l'institut de surveillance.
"""


def test_a_body_described_after_its_name_is_that_body(tmp_path):
    found = speakers_of(tmp_path, BODY)
    assert found["Les niveaux continuent de monter sur la Dives"][0] == "Vigicrues"
    assert found["Des débordements dommageables peuvent se produire"][0] == "Vigicrues"


PORTRAIT = """Le diagnostic sévère du Pr Martin

Devant la commission d'enquête, le professeur Paul Martin a critiqué l'organisation des tests.

Le chercheur a également mis en cause le recours aux modélisations, une « croyance qui finit par être de la religion ».

« Vous avez porté des accusations graves », a résumé Eric Ciotti, rapporteur de la commission.

Au cours de son audition, le chercheur marseillais, qui portait une veste grise, a regretté que des « décisions médicales » aient été prises par le politique.

« Je suis un grand scientifique », s'est récrié le chercheur.
"""


def test_a_description_names_the_same_person_each_time(tmp_path):
    found = speakers_of(tmp_path, PORTRAIT)
    assert found["croyance qui finit par être de la religion"][0] == "Paul Martin"
    assert found["Vous avez porté des accusations graves"][0] == "Eric Ciotti"
    # "le chercheur" named Paul Martin: so does "le chercheur marseillais", after Ciotti spoke
    assert found["décisions médicales"][0] == "Paul Martin"
    assert found["Je suis un grand scientifique"][0] == "Paul Martin"


CATAPHORA = """Céline Dion : un nouveau proche sur le départ

« J'ai deux jeunes enfants. Pour moi, c'est important de passer du temps avec eux », explique le gérant dans le Journal de Montréal, alors que la chanteuse vient de redémarrer ses concerts. Aldo Giampaolo rend son tablier.

« C'était difficile », précise le père de famille.

« J'apprécie ce qu'il a fait pour ma carrière », a commenté Céline Dion dans un communiqué.

« Son entourage est là pour l'aider », précise l'ancien manager.
"""


def test_a_description_before_the_name_is_the_person_named_next(tmp_path):
    found = speakers_of(tmp_path, CATAPHORA)
    first = found["J'ai deux jeunes enfants. Pour moi, c'est important de passer du temps avec eux"]
    assert first[0] == "Aldo Giampaolo" and first[1].endswith("(named later)")
    assert found["C'était difficile"][0] == "Aldo Giampaolo"
    assert found["J'apprécie ce qu'il a fait pour ma carrière"][0] == "Céline Dion"
    # "l'ancien manager" is no woman: the man the other descriptions named
    assert found["Son entourage est là pour l'aider"][0] == "Aldo Giampaolo"


SUBHEADING = """Le diagnostic du professeur

Devant la commission, le professeur Paul Martin a défendu ses travaux.

- « grand scientifique » -

Plusieurs députés l'ont interrogé sur ses essais. « Je suis un grand scientifique, je sais ce qu'est un essai », s'est récrié Paul Martin.
"""


def test_a_subheading_quoting_part_of_a_body_quote_takes_its_speaker(tmp_path):
    found = speakers_of(tmp_path, SUBHEADING)
    assert found["grand scientifique"][0] == "Paul Martin"


REPEATS = """Un « symbole » : le parvis de Notre-Dame rouvert

Le parvis est rouvert, a salué le ministre Jean Riviera, venu marquer ce « très beau symbole ».

« C'est la première étape », a insisté Jean Riviera.

- « Un petit pas » -

Le chantier reprendra lundi. Selon le général Paul Georges, la réouverture est « un petit pas ».

- « Psychose » -

Les guides ne s'inquiètent pas. « Le glacier bouge, c'est normal », estime Marc Dutronc, qui fustige la « psychose » des administrations.
"""


def test_headlines_repeating_words_of_a_body_quote_take_its_speaker_not_the_one_carried(tmp_path):
    found = speakers_of(tmp_path, REPEATS)
    # one word of a body quote, in the title
    assert found["symbole"] == ("Jean Riviera", "the body quote it repeats")
    # the subheading would carry the speaker before it; the body's own cue wins
    assert found["Un petit pas"][0] == "Paul Georges"
    assert found["Psychose"][0] == "Marc Dutronc"


def test_a_role_with_its_own_qualifier_is_not_the_next_person_named(tmp_path):
    text = ("Agression à Paris\n\nLa maire du 10e arrondissement de Paris s'est dite « très choquée ». "
            "Marlène Schiappa a dénoncé des violences.\n")
    assert speakers_of(tmp_path, text)["très choquée"][0] is None


GROUP = """Routes à 80 km/h : les sénateurs proposent du cas par cas

Le projet « a un souci d'acceptabilité », a déclaré jeudi Jean-Luc Fichet, sénateur PS du Finistère, coauteur du rapport avec Michel Raison et Michèle Vullien. Ils proposent de mettre en place des « concertations départementales » entre juin et décembre.
"""


def test_they_after_a_sentence_naming_several_people_is_all_of_them(tmp_path):
    found = speakers_of(tmp_path, GROUP)
    assert found["a un souci d'acceptabilité"][0] == "Jean-Luc Fichet"
    assert found["concertations départementales"][0] == "Jean-Luc Fichet, Michel Raison, Michèle Vullien"


def test_a_person_with_one_name_and_a_role(tmp_path):
    text = ("Le glacier menace\n\n« C'est une blague cette histoire », grimace Rocco, patron d'un hôtel de la "
            "Palud. « Chaque année, ils nous refont le même coup. »\n")
    found = speakers_of(tmp_path, text)
    assert found["C'est une blague cette histoire"][0] == "Rocco"
    assert found["Chaque année, ils nous refont le même coup."][0] == "Rocco"


def test_a_name_given_surname_first_or_a_first_name_alone(tmp_path):
    text = ("La peste de Mandchourie\n\nLe médecin Wu Lien Teh a imposé le masque en 1910. « Tout le monde en "
            "portait dans la rue », raconte Wu dans son autobiographie.\n\nLa diplomate Lin Haoran était à Paris. "
            "Selon M. Lin, « la coopération a bien plus à offrir ».\n")
    found = speakers_of(tmp_path, text)
    assert found["Tout le monde en portait dans la rue"][0] == "Wu Lien Teh"
    assert found["la coopération a bien plus à offrir"][0] == "Lin Haoran"


ONE_NAME = """Collision d'hélicoptères au Mali

La ministre des Armées, Florence Parly, et le chef d'état-major étaient à Gao mardi.

Les appareils volaient « en dispositif serré », a ajouté le général Lecointre, devant la presse.

« Trois cas positifs ont été confirmés », explique l'ARS à l'AFP, sans autre détail.

Le trafic restera « très perturbé », selon la RATP avec toutefois des améliorations attendues.
"""


def test_a_surname_after_a_role_and_a_body_without_whom_it_spoke_to(tmp_path):
    found = speakers_of(tmp_path, ONE_NAME)
    assert found["en dispositif serré"][0] == "Lecointre"  # the text never gives his first name
    assert found["Trois cas positifs ont été confirmés"][0] == "ARS"  # not "ARS à l'AFP"
    assert found["très perturbé"][0] == "RATP"


def test_a_post_after_a_dutch_name_is_not_part_of_it(tmp_path):
    text = ("Kuipers: ‘Het doel is niet haalbaar’\n\nDEN HAAG (ANP) - Minister Annelies Kuipers van Volkshuisvesting "
            "sprak dinsdag in de Kamer. Kees van Leeuwen was er ook.\n")
    found = speakers_of(tmp_path, text)
    assert found["Het doel is niet haalbaar"][0] == "Annelies Kuipers"


FRENCH_CUES = """Masques et plages

"Je fais ce que j'ai dit", tel est le credo d'Emmanuel Macron depuis son élection.

"J'avais envie de pleurer de joie", s'enthousiasme auprès de l'AFP Marc Isaacson, un habitant.

"La défiscalisation coûte cher", estimait-il alors.

Ce serait même "du délire" pour le numéro un de la CFDT Laurent Berger.

Le ministre, Bjørn Arild Gram, a évoqué « une nouvelle ère » pour la défense nordique.

Un « symbole » pour le parvis de la cathédrale.
"""


def test_idioms_reflexive_verbs_and_any_inverted_verb_after_a_quote(tmp_path):
    found = speakers_of(tmp_path, FRENCH_CUES)
    assert found["Je fais ce que j'ai dit"][0] == "Emmanuel Macron"
    assert found["J'avais envie de pleurer de joie"][0] == "Marc Isaacson"  # past "auprès de l'AFP"
    assert found["La défiscalisation coûte cher"][0] == "Marc Isaacson"  # "estimait-il": the person just quoted
    assert found["du délire"][0] == "Laurent Berger"
    # "pour" that names nobody is not a cue: the sentence's subject spoke
    assert found["une nouvelle ère"][0] == "Bjørn Arild Gram"
    # nor does "pour" with a thing that could describe a person ("le parvis")
    assert found["symbole"][0] is None


REPORT = """Santé : "au moins un enfant sur deux connaîtra le cancer"

Le généticien Axel Kahn l'affirme : "au moins un enfant sur deux connaîtra le cancer", a-t-il dit.

Ce jeudi, un rapport émanant du Conseil d'analyse économique (CAE), rattaché à Matignon, est publié. Le document appelle à créer une « autorité administrative indépendante ».
"""


def test_a_rubric_is_no_speaker_and_a_document_speaks_for_its_body(tmp_path):
    found = speakers_of(tmp_path, REPORT)
    assert found["au moins un enfant sur deux connaîtra le cancer"][0] == "Axel Kahn"  # not "Santé"
    assert found["autorité administrative indépendante"][0] == "Conseil d'analyse économique"


BODIES = """Ouragan : alerte maximale en Louisiane

L'ouragan a touché terre près de Cameron, a annoncé le Centre national des ouragans (NHC). C'est une « onde de tempête catastrophique », a alerté le centre basé en Floride.

La ministre Nicole Martin avait commandé un rapport à l'Inspection générale de la justice. Le rapport présente 24 recommandations pour « mieux prendre en charge les victimes ». Parmi elles, « signaler les faits même en cas de refus ».
"""


def test_a_body_named_with_a_lower_case_complement_and_the_report_it_wrote(tmp_path):
    found = speakers_of(tmp_path, BODIES)
    # "le centre basé en Floride" describes the centre just named: its full name, with "des ouragans"
    assert found["onde de tempête catastrophique"][0] == "Centre national des ouragans"
    # the report opening the sentence speaks for the body that wrote it, and goes on speaking
    assert found["mieux prendre en charge les victimes"] == ("Inspection générale de la justice",
                                                             "subject of the sentence")
    assert found["signaler les faits même en cas de refus"][0] == "Inspection générale de la justice"


COUPLE = """Jean Dumas et Paul Verdier renouent

En froid depuis un an, Jean Dumas et Paul Verdier ont-ils enterré la hache de guerre ? « C'est un grand mot » pour le maire de Meaux, qui a confirmé vendredi avoir rencontré la veille le président du parti. « Il y a des convergences fortes entre Paul Verdier et moi », a observé l'élu. Paul Verdier, lui, n'a rien dit. Paul Verdier est en campagne.
"""


def test_a_role_after_two_people_named_together_is_the_first_of_them(tmp_path):
    # nobody was the subject of one sentence; Paul Verdier is named more often, but the role
    # follows a sentence about "Jean Dumas et Paul Verdier": its first person
    found = speakers_of(tmp_path, COUPLE)
    assert found["C'est un grand mot"][0] == "Jean Dumas"
    assert found["Il y a des convergences fortes entre Paul Verdier et moi"][0] == "Jean Dumas"


def test_a_headline_name_right_before_its_quote(tmp_path):
    text = ("Migrations : Moscovici \"peu emballé par la proposition\"\n\nLe commissaire européen Pierre Moscovici "
            "a parlé mardi à Bruxelles devant la presse.\n")
    assert speakers_of(tmp_path, text)["peu emballé par la proposition"][0] == "Pierre Moscovici"


def test_a_party_named_with_its_article(tmp_path):
    text = ("Retraites : le débat s'enlise\n\nLa majorité veut aller vite. \"Totalement impensable\", ont prévenu "
            "Les Républicains.\n")
    found = speakers_of(tmp_path, text)
    assert found["Totalement impensable"][0] == "Les Républicains"


COACH = """Wrestling coach retires after 38 seasons

ZANESVILLE, Ohio — Dale Kowalczyk ran his last practice on Thursday. "He cost my son a scholarship," said Renee Albright, whose son was benched in 2009. Kowalczyk doesn't back away from the decision even now. "Rules are rules. If I bend them for the good kids, I've got nothing to say to the others."

The school district said in a statement that Kowalczyk had "shaped generations of young people".

He would have preferred it didn't. "I never wanted a statue," he said.
"""


def test_a_person_named_by_surname_is_the_subject_and_he_is_no_body(tmp_path):
    found = speakers_of(tmp_path, COACH)
    assert found["He cost my son a scholarship,"][0] == "Renee Albright"
    # the sentence before is about him (by surname alone): his words follow without a cue
    rules = "Rules are rules. If I bend them for the good kids, I've got nothing to say to the others."
    assert found[rules][0] == "Dale Kowalczyk"
    # "he" after a body spoke is the person last spoken of, not the district
    assert found["I never wanted a statue,"][0] == "Dale Kowalczyk"


def test_a_name_after_a_role_and_its_complement_is_the_sentence_subject(tmp_path):
    text = ("Tabac : le paquet à 10 euros\n\nLe gouvernement d'Édouard Philippe a confirmé « la hausse ». "
            "Fin mai, la ministre de la Santé Agnès Buzyn avait attribué le recul du tabac aux prix. "
            "Elle s'était réjouie de la baisse parmi les « plus défavorisés ».\n")
    # "de la Santé" is the role's complement: the sentence is about Agnès Buzyn, whom "elle" means
    assert speakers_of(tmp_path, text)["plus défavorisés"][0] == "Agnès Buzyn"


def test_words_inside_what_someone_says_that_are_theirs(tmp_path):
    text = ("Rumeurs : la réaction de son compagnon\n\nMarion Cotillard s'était exprimée sur les réseaux sociaux. "
            "Dans un magazine, l'actrice révèle que Guillaume Canet a très mal vécu cette affaire et l'avait rendu "
            "« fou ».\n")
    # "révèle que": what follows is what she said, its subject is not the speaker
    assert speakers_of(tmp_path, text)["fou"][0] == "Marion Cotillard"


def test_newspapers_named_with_their_article_and_described_later(tmp_path):
    text = ("Primaire : comment se passe le dépouillement\n\n"
            "« Certains se sont vu refuser le droit de vote », rapporte Le Parisien. "
            "« Les assesseurs doivent contacter la commission », explique le quotidien. "
            "« Les comptes seront publiés », assure l'organisation sur le site.\n\n"
            "« Le Medef ne signera pas », selon L'Express.\n")
    found = speakers_of(tmp_path, text)
    assert found["Certains se sont vu refuser le droit de vote"][0] == "Le Parisien"
    assert found["Les assesseurs doivent contacter la commission"][0] == "Le Parisien"  # "le quotidien"
    assert found["Les comptes seront publiés"][0] == "organisation"  # not the newspaper
    assert found["Le Medef ne signera pas"][0] == "L'Express"


def test_a_document_named_after_its_maker_speaks_for_it(tmp_path):
    text = ("Circulation : les Français satisfaits\n\nLes Français se montrent satisfaits de la circulation, révèle "
            "une étude Odoxa-CGI réalisée pour Franceinfo. Sur la chaussée, seuls 4% des Français estiment que les "
            "vélos circulent « très mal », révèle également l'étude.\n")
    assert speakers_of(tmp_path, text)["très mal"][0] == "Odoxa-CGI"


def test_a_body_named_with_an_adjective_of_place(tmp_path):
    text = ("Les cyclistes manifestent\n\nL'appel a été publié sur Facebook par l'association bretonne Vélo-Utile. "
            "L'association, qui revendique 500 adhérents, appelle à venir « seul ou en famille ».\n")
    assert speakers_of(tmp_path, text)["seul ou en famille"][0] == "association bretonne Vélo-Utile"


def test_a_quote_opening_its_sentence_with_no_cue_is_the_next_sentence_speakers(tmp_path):
    text = ("Militaires tués au Mali\n\n« Nous nous sentons chargés d'âme ». Florence Parly a commenté ce mardi la mort "
            "des treize militaires.\n")
    found = speakers_of(tmp_path, text)
    assert found["Nous nous sentons chargés d'âme"] == ("Florence Parly", "reported in the next sentence")


def test_a_demonstrative_description_is_the_person_the_text_is_about(tmp_path):
    text = ("Didier Raoult devant les députés\n\nDidier Raoult a défendu ses essais. Didier Raoult a cité ses "
            "travaux. « Vous avez porté des accusations graves », a conclu Eric Ciotti, rapporteur de la commission. "
            "Inconnu du grand public il y a quelques mois, ce scientifique qui se présente comme « anti-système » "
            "est devenu omniprésent.\n")
    # "ce scientifique" is the man the article is about, not the last speaker
    assert speakers_of(tmp_path, text)["anti-système"][0] == "Didier Raoult"


def test_an_inverted_pronoun_written_without_its_first_hyphen(tmp_path):
    text = ("Féminicides : la garde des Sceaux réagit\n\n« Ça ne va pas », a déclaré Nicole Belloubet dimanche. "
            "Le rapport a été publié lundi.\n\n« Il faut dépasser le secret médical », estime t-elle.\n")
    assert speakers_of(tmp_path, text)["Il faut dépasser le secret médical"] == ("Nicole Belloubet", "estime t-elle")


def test_a_person_with_one_name_and_an_indefinite_description(tmp_path):
    text = ("Ramadan sous couvre-feu\n\n« Le corona a rendu le mois sacré insipide ! », regrette Maïssa, une "
            "enseignante algéroise de 46 ans. « J'ai peur pour mes parents », témoigne cette mère de quatre enfants.\n")
    found = speakers_of(tmp_path, text)
    assert found["Le corona a rendu le mois sacré insipide !"][0] == "Maïssa"
    # Maïssa is a woman, no body: "cette mère" is her
    assert found["J'ai peur pour mes parents"][0] == "Maïssa"


def test_headlines_are_looked_up_in_the_body_a_bounded_number_of_times(tmp_path):
    from briefgen.extract.statements import _HEADLINE_LOOKUPS

    count = _HEADLINE_LOOKUPS + 10
    paras = [f"- « mot{i} » -" for i in range(count)]
    paras += [f"« Voici le mot{i} et la suite », a dit Jean Dupont." for i in range(count)]
    found = speakers_of(tmp_path, "Titre\n\n" + "\n\n".join(paras) + "\n")
    assert found["mot0"] == ("Jean Dupont", "the body quote it repeats")
    # past the bound (a title and its subheadings are a handful), a headline is not looked up
    # (the ranking may still guess its speaker from who is named around it)
    assert found[f"mot{count - 1}"][1] != "the body quote it repeats"


def test_a_body_named_after_where_it_spoke_is_the_speaker(tmp_path):
    text = ("Décès d'un médecin urgentiste\n\n« Il avait rejoint en 2008 le service des urgences de l'hôpital "
            "de Lons », a souligné dans un communiqué le Centre hospitalier Jura Sud.\n")
    # "dans un communiqué" says where; the body after it spoke, not the hospital named before
    found = speakers_of(tmp_path, text)
    assert found["Il avait rejoint en 2008 le service des urgences de l'hôpital de Lons"][0] == "Centre hospitalier Jura Sud"


def test_a_body_described_by_its_head_is_the_one_the_text_called_by_name(tmp_path):
    text = ("Une agression transphobe à Paris\n\nL'association SOS Homophobie a relayé une vidéo de l'agression, "
            "filmée place de la République. La préfecture de police a ouvert une enquête.\n\n"
            "L'association de défense des personnes LGBT dénonce un « effet de meute insupportable ». "
            "\n")
    found = speakers_of(tmp_path, text)
    # "l'association de défense des …" is no name of its own: the association named before
    assert found["effet de meute insupportable"][0] == "SOS Homophobie"


def test_uncued_words_that_a_later_attributed_quote_repeats_take_its_speaker(tmp_path):
    text = ("Carburant : pas de pénurie\n\nDes dépôts pétroliers sont bloqués dans l'ouest du pays. Le niveau des "
            "stocks « ne donne lieu à aucune inquiétude ». Les professionnels du BTP protestent depuis jeudi.\n\n"
            "Le ministère de la Transition écologique a assuré que « la situation ne donne lieu à aucune "
            "inquiétude ».\n")
    found = speakers_of(tmp_path, text)
    assert found["ne donne lieu à aucune inquiétude"] == ("ministère de la Transition écologique",
                                                           "the body quote it repeats")


def test_cues_with_an_object_pronoun_or_a_missing_hyphen(tmp_path):
    text = ("Bernard Tapie et Emmanuel Macron\n\nBernard Tapie a livré jeudi son opinion sur l'élection. "
            "« Prends ton temps mon gars ! », lui a t-il lancé. « C'est un candidat crédible », nous confie-t-il.\n\n"
            "« La loi est insuffisante », a abondé le président de la Safer, Jacques Chazalet.\n")
    found = speakers_of(tmp_path, text)
    assert found["Prends ton temps mon gars !"] == ("Bernard Tapie", "lui a t-il lancé")
    assert found["C'est un candidat crédible"] == ("Bernard Tapie", "nous confie-t-il")
    assert found["La loi est insuffisante"][0] == "Jacques Chazalet"


def test_a_role_of_someone_named_is_not_that_person(tmp_path):
    text = ("Bernard Tapie et la politique\n\nBernard Tapie était jeudi à Marseille. « Je ne suis pas dans un "
            "casting idéologique », a lancé l'ancien ministre de François Mitterrand. Il a livré son opinion "
            "vis-à-vis d'Emmanuel Macron. « Prends ton temps », a-t-il lancé.\n")
    found = speakers_of(tmp_path, text)
    # the minister of François Mitterrand is not François Mitterrand; "vis-à-vis d'Emmanuel
    # Macron" is a complement, not the subject "il" stands for
    assert found["Je ne suis pas dans un casting idéologique"][0] == "Bernard Tapie"
    assert found["Prends ton temps"][0] == "Bernard Tapie"


def test_a_pronoun_finds_a_person_of_its_gender_named_in_passing(tmp_path):
    text = ("Primaire : François Fillon engrange les ralliements\n\nL'ancien Premier ministre peut compter sur la "
            "voix de Rachida Dati. Invitée de Thomas Sotto sur Europe 1, l'ancienne garde des Sceaux a affirmé son "
            "soutien à François Fillon. « Je voterai François Fillon », a-t-elle déclaré.\n")
    # nobody spoke before and the subjects are men: "elle" is the woman named a sentence before
    assert speakers_of(tmp_path, text)["Je voterai François Fillon"] == ("Rachida Dati", "a-t-elle déclaré")


def test_a_role_written_as_an_acronym_is_a_person(tmp_path):
    text = ("SNCF : « Il n'y a pas de plan de fermeture », assure Guillaume Pepy\n\nLe dirigeant de la SNCF a "
            "accordé un entretien au Journal du dimanche. Concernant l'avenir du réseau, le PDG a assuré que « le "
            "statu quo pourrait nous mener droit dans le mur ». « Je ne crois pas au tout-TGV », a-t-il déclaré.\n")
    found = speakers_of(tmp_path, text)
    # "le PDG" is Guillaume Pepy, not a body called PDG
    assert found["le statu quo pourrait nous mener droit dans le mur"][0] == "Guillaume Pepy"
    assert found["Je ne crois pas au tout-TGV"][0] == "Guillaume Pepy"


def test_a_name_stops_before_a_particle_and_a_body():
    from briefgen.extract.people import find_mentions

    names = [m.names for m in find_mentions("selon Louis Hallonet du Bureau Export, structure de soutien")]
    assert names == [("Louis Hallonet",)]  # he works for the Bureau Export, it is no part of his name
    assert [m.names for m in find_mentions("Fernando Ruiz de la Torre a dit")] == [("Fernando Ruiz de la Torre",)]


def test_titles_come_from_the_language_data():
    from briefgen.extract.people import find_mentions

    # "Me" (maître, for a lawyer) is a title of the French data, as "M." is
    assert [(m.names, m.title) for m in find_mentions("a déclaré Me Randall Schwerdorffer, devant")] == [
        (("Randall Schwerdorffer",), "Me")]
    assert [(m.names, m.title) for m in find_mentions("Herr Müller sagte")] == [(("Müller",), "Herr")]
    assert [(m.names, m.title, m.gender) for m in find_mentions("Vous m'avez déçue, Monsieur Macron")] == [
        (("Macron",), "Monsieur", "m")]


def test_a_pronoun_cue_is_the_person_its_own_sentence_opens_with(tmp_path):
    text = ("Second tour des municipales\n\n« Le second tour devra attendre », a estimé l'Association des maires "
            "de France (AMF).\n\nGérard Larcher (LR), président du Sénat, joue également la prudence : « Les "
            "conditions sanitaires décideront », a-t-il fait valoir mardi sur Europe 1.\n")
    # "il" is the man the sentence opens with, not the body that spoke last
    assert speakers_of(tmp_path, text)["Les conditions sanitaires décideront"][0] == "Gérard Larcher"


def test_a_description_after_cette_is_read_whole():
    from briefgen.extract.speakers import describe

    # "cette" is not "ce" and a noun "tte"
    assert describe("cette lycéenne de 17 ans").group("noun") == "lycéenne"
    assert describe("cet employé du BTP").group("noun") == "employé"
    assert describe("ce scientifique").group("noun") == "scientifique"


def test_an_apposition_about_someone_else_is_not_the_subject(tmp_path):
    text = ("Européennes : les Gilets jaunes déçus\n\nJean-François Barnaba, qui avait rallié la liste de Florian "
            "Philippot, ancien bras droit de Marine Le Pen, avance que « l'électorat mécontent a voté utile ».\n")
    found = speakers_of(tmp_path, text)
    assert found["l'électorat mécontent a voté utile"][0] == "Jean-François Barnaba"


def test_a_description_cue_is_the_person_its_sentence_opens_with(tmp_path):
    text = ("L'Espagne rouvre ses frontières\n\nDonald Trump a fermé les frontières américaines. La touriste française "
            "Sylvia Faust a passé la frontière dès samedi : « On avait envie d'être en Espagne », s'amuse cette "
            "gestionnaire de 43 ans. « Les frontières restent fermées », a répété le président américain.\n")
    found = speakers_of(tmp_path, text)
    assert found["On avait envie d'être en Espagne"][0] == "Sylvia Faust"


def test_a_qualified_role_before_the_name_is_who_the_bare_role_names_later(tmp_path):
    text = ("Coronavirus : les événements sportifs au cas par cas\n\nLa ministre des sports souhaite « qu'on puisse "
            "étudier la tenue des événements ». Les préfets décideront.\n\n« La consigne est claire », a rappelé "
            "Roxana Maracineanu mardi. La ministre a annoncé le maintien de la course. « Les équipes sont testées », "
            "a précisé la ministre.\n")
    found = speakers_of(tmp_path, text)
    assert found["qu'on puisse étudier la tenue des événements"][0] == "Roxana Maracineanu"


def test_a_determiner_that_opens_a_sentence_is_nobody(tmp_path):
    text = ("Réforme des retraites\n\nChaque enfant donnera droit à « une majoration en points de 5 % », "
            "attribuée par défaut à la mère. Côté syndicats, on parle d'une « avancée ».\n")
    found = speakers_of(tmp_path, text)
    # "Chaque", "Côté" are no names of bodies that could speak
    assert found["une majoration en points de 5 %"][0] is None
    assert found["avancée"][0] is None


def test_the_scorer_counts_quoted_terms_given_a_speaker(tmp_path):
    # a term labelled not speech, which the rules give to the subject of its sentence: neither
    # right nor wrong as a quotation, but counted as a term given a speaker
    (tmp_path / "fr_1.txt").write_text(
        "Le projet avance\n\nPARIS (AFP) - Jean Dupont a qualifié la situation de « préoccupante ».\n\n"
        "« Nous sommes prêts », a déclaré Jean Dupont, le ministre.\n", encoding="utf-8")
    (tmp_path / "labels.json").write_text(json.dumps({"fr_1.txt": {
        "language": "fr", "published": None, "quotes": [["Nous sommes prêts", "Jean Dupont"]],
        "not_speech": ["préoccupante"]}}), encoding="utf-8")
    score = score_by_language(tmp_path)["fr"]
    assert (score.predicted, score.matched, score.speakers_right) == (1, 1, 1)
    assert (score.terms, score.terms_named) == (1, 1)


@pytest.mark.parametrize("text, speaker", [
    # a body's own name after words that only say what it is
    ("« Nous allons prendre ces faits très au sérieux », a assuré le groupe Vermeil Santé.", "Vermeil Santé"),
    ("«Daría oxígeno a los precios», señaló la organización agraria COAG Jaén.", "COAG Jaén"),
    # a head of the name, and a genitive, stay
    ("« Nous ne céderons pas », a déclaré le syndicat de police Alliance.", "syndicat de police Alliance"),
    ("« Le virus circule », a indiqué l'Institut Pasteur.", "Institut Pasteur"),
])
def test_a_body_is_named_without_what_it_is(tmp_path, text, speaker):
    found = speakers_of(tmp_path, "Titre\n\n" + text + "\n")
    assert next(iter(found.values()))[0] == speaker


def test_a_name_after_an_elided_de_is_a_person_without_that_role(tmp_path):
    text = ("César 2026\n\nPARIS (AFP) - « Les Fantômes de Sète », premier long métrage d'Hélène Marchetti, "
            "a remporté cinq César.\n\nInterrogée en coulisses, Mme Marchetti est restée évasive. "
            "« J'ai besoin de dormir », a-t-elle dit.\n")
    path = tmp_path / "fr.txt"
    path.write_text(text, encoding="utf-8")
    quote = extract(detect(ingest(path))).quotes[-1]
    # the film's words before her name ("premier long métrage d'") are no role of hers
    assert (quote.speaker, quote.role) == ("Hélène Marchetti", None)


@pytest.mark.parametrize("cue", ["confie le sportif à Ouest France", "confie-t-il", "confie le triathlète"])
def test_whom_a_quotation_names_is_not_who_says_it(tmp_path, cue):
    # the man just named is the one the quotation talks of; "le sportif", "il" is the man the
    # article is about
    text = ("Un triathlète breton veut courir avec Mark Zuckerberg\n\n"
            "Nicolas Lemonnier, 34 ans, prépare son douzième Ironman. Depuis trois ans, Nicolas Lemonnier "
            "s'entraîne chaque matin. Ce Rennais a écrit au patron de Facebook, Mark Zuckerberg, pour lui "
            "proposer une course.\n\n"
            f"« Mon rêve, ce serait de courir aux côtés de Zuckerberg », {cue}.\n")
    found = speakers_of(tmp_path, text)
    assert found["Mon rêve, ce serait de courir aux côtés de Zuckerberg"][0] == "Nicolas Lemonnier"


@pytest.mark.parametrize("text, speaker", [
    # a body named by a name alone that the text also writes inside its sentences, then a comma
    ("Huelga de maquinistas\n\nMADRID, 3 mar (EFE).- El sindicato convocó paros ante la sede de Renfe en Madrid.\n\n"
     "Renfe, por su parte, lamentó la convocatoria y aseguró en un comunicado que la oferta de empleo "
     "«está en marcha».\n", "Renfe"),
    # an acronym that opens the sentence, past an aside
    ("Vaga de docents\n\nGirona, 5 de març (ACN).- Els sindicats es reuneixen avui.\n\n"
     "USTEC·STEs, en canvi, ha qualificat el text d'«acord de mínims».\n", "USTEC·STEs"),
    # a body whose name holds a proper name, up to its verb
    ("Pensionsreform\n\nWIEN (APA) - Der Nationalrat hat die Reform beschlossen.\n\n"
     "Der Gewerkschaftsbund ÖGB zeigte sich in einer Aussendung „vorsichtig zufrieden“.\n", "Gewerkschaftsbund ÖGB"),
    ("Sequía\n\nSEVILLA, 4 abr (EFE).- La Junta aprobó el recorte.\n\n"
     "En el campo, la organización agraria Asaja-Sevilla ha calificado de «inasumible» el recorte.\n",
     "Asaja-Sevilla"),
])
def test_a_body_that_opens_the_sentence_says_its_quoted_words(tmp_path, text, speaker):
    found = speakers_of(tmp_path, text)
    assert next(iter(found.values()))[0] == speaker


@pytest.mark.parametrize("text", [
    # a word capitalised because it opens the sentence, before words in lower case of its name
    "Croisières\n\nMARSEILLE (AFP) - Les navires du Grand port de Marseille restent à quai.\n\n"
    "Le Grand port maritime de Marseille a « pris acte » de l'annonce.\n",
    # someone named after the body, nearer the quotation
    "PF faz buscas no Bandeirante e presidente do clube fala em “perseguição”\n\n"
    "SÃO PAULO (Reuters) - A PF cumpriu mandados no clube.\n",
])
def test_a_word_that_opens_the_sentence_is_no_body_that_speaks(tmp_path, text):
    found = speakers_of(tmp_path, text)
    assert next(iter(found.values()))[0] not in ("Grand", "PF")


def test_an_acronym_stands_for_its_body_without_the_article():
    from briefgen.extract.speakers import known_organisations
    found = known_organisations(["A Associação do Alojamento Local em Portugal (ALEP) reagiu com dureza."])
    assert found["alep"] == "Associação do Alojamento Local em Portugal"


@pytest.mark.parametrize("text, quote, speaker", [
    # "cette" is no "ce": a woman, not the man who spoke before
    ("Réouverture\n\nEn Slovénie, « les gens reviennent lentement », lance Vladimir Mickovic, propriétaire "
     "d'un bistro.\n\nMasque sur le visage, Beatriz Kellen était parmi les élèves de retour au lycée. « Je suis "
     "contente de revenir », a témoigné cette lycéenne de 17 ans.\n", "Je suis contente de revenir", "Beatriz Kellen"),
    # "l'homme" ends in "e" and is a man
    ("Thoiry rouvre\n\nLe comte Paul de la Panouse a créé le parc en 1968. « Le maire a été attentif », "
     "s'exclame Paul de la Panouse.\n\n« Tout est prêt », commente Christelle Berchewy, la directrice du parc. "
     "« Les gens sont en immersion », explique l'homme de 76 ans.\n", "Les gens sont en immersion",
     "Paul de la Panouse"),
])
def test_a_description_s_gender_picks_its_person(tmp_path, text, quote, speaker):
    assert speakers_of(tmp_path, text)[quote][0] == speaker


def test_a_paper_named_with_its_article_is_a_body_and_the_mayor_is_the_edile(tmp_path):
    text = ("Après la visite d'Emmanuel Macron, le maire de Saint-Gervais insulté\n\n"
            "Le maire de Saint-Gervais-les-Bains, Jean-Marc Peillex, dit être victime de « hackers ». "
            "Selon Le Dauphiné Libéré, il aurait sollicité le soutien d'En Marche « à titre personnel ».\n\n"
            "Enfin, l'édile avait dénoncé sur Twitter les « insultes » peintes dans sa ville.\n")
    found = speakers_of(tmp_path, text)
    # a newspaper whose name opens with "Le" is no person called "Dauphiné Libéré"
    assert "Dauphiné Libéré" not in {speaker for speaker, *_ in found.values()}
    # "l'édile" is the mayor the body named, not the president the headline's apposition
    # seemed to make one
    assert found["insultes"][0] == "Jean-Marc Peillex"


def test_a_title_with_its_article_in_lower_case_speaks_but_is_no_he(tmp_path):
    text = ("Canicule\n\n« Une nouvelle alerte canicule plus durable est attendue », indique la Chaine Météo.\n\n"
            "Selon le Parisien, l'ancien chef de l'Etat François Hollande va démarrer une offensive. "
            "« Les leçons doivent être entendues », confie-t-il au Parisien.\n")
    found = speakers_of(tmp_path, text)
    assert found["Une nouvelle alerte canicule plus durable est attendue"][0] == "La Chaine Météo"
    # "il" after "Selon le Parisien, l'ancien chef de l'Etat …" is the man, not the paper
    assert found["Les leçons doivent être entendues"][0] == "François Hollande"


def test_a_name_in_apposition_after_pour_and_a_name_in_quote_marks_is_no_person(tmp_path):
    text = ("Ferry\n\nCHERBOURG (AFP) - Le ferry « Galway Star » a heurté une digue.\n\n"
            "Pour le délégué CGT des marins du port, Yannick Le Goff, l’accident pose la question des "
            "cadences. « Les équipages enchaînent des rotations de quatorze heures », a-t-il affirmé.\n\n"
            "Le « Galway Star » devra subir une inspection.\n")
    found = speakers_of(tmp_path, text)
    assert found["Les équipages enchaînent des rotations de quatorze heures"][0] == "Yannick Le Goff"


def test_a_post_of_several_words_before_the_name(tmp_path):
    text = ("Prisons\n\nLONDON (Reuters) - Prisons are full, the chief inspector of prisons said.\n\n"
            "\"We are now running a system in which there is no slack at all,\" Chief Inspector of Prisons "
            "Martin Ashworth told reporters.\n\nAshworth described the estate as \"at breaking point\".\n")
    found = speakers_of(tmp_path, text)
    assert found["We are now running a system in which there is no slack at all,"][0] == "Martin Ashworth"
    assert found["at breaking point"][0] == "Martin Ashworth"


def test_the_staff_of_a_person_speaks_as_a_body(tmp_path):
    text = ("Cannabis\n\nPARIS (AFP) - « Le gouvernement reste opposé à la légalisation », a répondu le cabinet "
            "du Premier ministre Édouard Philippe à l'AFP.\n\n« Il y aura une réouverture ce week-end », a indiqué "
            "l'entourage du préfet Bernard Gonzalez.\n")
    found = speakers_of(tmp_path, text)
    assert found["Le gouvernement reste opposé à la légalisation"][0] == "cabinet du Premier ministre Édouard Philippe"
    assert found["Il y aura une réouverture ce week-end"][0] != "Bernard Gonzalez"


def test_an_unnamed_spokesperson_of_a_body_is_the_body_speaking(tmp_path):
    text = ("Attaque\n\nLONDRES (AFP) - « La personne interpellée est le suspect », a indiqué un porte-parole "
            "de la police locale.\n")
    found = speakers_of(tmp_path, text)
    assert found["La personne interpellée est le suspect"][0] == "police locale"


@pytest.mark.parametrize("phrase, name", [
    ("l'ONG Human Right Watch de défense des droits de l'Homme dans un communiqué", "ONG Human Right Watch"),
    ("le Haut Conseil de la santé publique", "Haut Conseil de la santé publique"),  # two capitals: a head
    ("la Fédération Française de football", "Fédération Française de football"),
])
def test_what_a_body_is_after_its_proper_name_is_not_its_name(phrase, name):
    assert organisation_name(phrase, "fr") == name


def test_a_verb_between_commas_has_its_subject_after_it(tmp_path):
    text = ("Syrie\n\nParis (AFP) - Me Emmanuel Daoud a porté plainte.\n\nLors des dernières rencontres avec les "
            "autorités françaises, a expliqué Me Daoud, « il nous avait été répondu que le dossier serait "
            "traité au cas par cas ».\n")
    found = speakers_of(tmp_path, text)
    assert found["il nous avait été répondu que le dossier serait traité au cas par cas"][0] == "Emmanuel Daoud"
