"""Speakers in languages other than French, read by the same engine from the language data
files: declined surnames, bodies that speak impersonally, addressees between verb and
speaker, bare roles in languages without articles."""

import pytest

from conftest import speakers_of

RUSSIAN = """Верфь получила крупнейший заказ

САНКТ-ПЕТЕРБУРГ, 16 апреля — РИА Новости. Верфь получила заказ на строительство шести газовозов, сообщил заместитель министра промышленности Игорь Мезенцев.

По словам замминистра, контракт будет подписан «до конца года».

«Мы не ставим никаких условий», — заявил замминистра.

Ведущий аналитик Института экономики транспорта Марина Кольцова считает сроки слишком оптимистичными. По словам Кольцовой, «первые суда реально увидеть на воде не раньше чем через четыре года».

В МИД России отметили, что Москва «высоко ценит посредническую роль Анкары».

Объединенная судостроительная корпорация (ОСК) в своем заявлении подчеркнула, что «все сроки по контракту будут соблюдены».

Вице-губернатор Санкт-Петербурга Денис Карпенко заявил: «Город готов предоставить рабочим жилье».

«Без импортных компонентов никто эти газовозы в срок не построит», — сказал РИА Новости источник в отрасли.
"""


def test_russian_speakers(tmp_path):
    found = speakers_of(tmp_path, RUSSIAN)
    assert found["до конца года"][0] == "Игорь Мезенцев"  # a role's short form
    assert found["Мы не ставим никаких условий"][0] == "Игорь Мезенцев"  # a bare role
    assert found["первые суда реально увидеть на воде не раньше чем через четыре года"][0] == "Марина Кольцова"
    assert found["высоко ценит посредническую роль Анкары"][0] == "МИД России"
    assert found["все сроки по контракту будут соблюдены"][0].startswith("Объединенная судостроительная корпорация")
    assert found["Город готов предоставить рабочим жилье"][0] == "Денис Карпенко"
    # an unnamed source, the agency it spoke to skipped
    assert found["Без импортных компонентов никто эти газовозы в срок не построит"][0] is None


GERMAN = """Opposition kritisiert Bundeswehrpläne

Berlin (dpa) - Die Wehrbeauftragte Sabine Kirchhoff hält die Pläne für unzureichend.

„Neue Brigaden auf dem Papier helfen niemandem“, sagte Kirchhoff der Deutschen Presse-Agentur.

Die Kommissionspräsidentin Ursula von der Leyen sagte: „Europa muss mehr tun.“
"""


def test_german_surname_before_the_addressee_and_name_particles(tmp_path):
    found = speakers_of(tmp_path, GERMAN)
    assert found["Neue Brigaden auf dem Papier helfen niemandem"][0] == "Sabine Kirchhoff"
    assert found["Europa muss mehr tun."][0] == "Ursula von der Leyen"


CATALAN = """La cooperativa recupera els diners

Girona, 8 de juny (ACN).- La Cooperativa Fruitera de l'Empordà ha anunciat que recuperarà els diners després de la sentència del Tribunal Superior de Justícia de Catalunya.

La cooperativa ha celebrat la decisió en un comunicat: «Avui és un dia per mirar endavant».

El conseller d'Economia, Albert Roigé i Pons, ha defensat els comptes. «Són uns comptes pensats per a la gent», va dir el conseller.

La Cambra de Comerç de Barcelona, per la seva banda, considera que els pressupostos «van en la bona direcció».
"""


def test_catalan_bodies_and_names(tmp_path):
    found = speakers_of(tmp_path, CATALAN)
    # "la cooperativa" is the cooperative the text named
    assert found["Avui és un dia per mirar endavant"][0] == "Cooperativa Fruitera de l'Empordà"
    assert found["Són uns comptes pensats per a la gent"][0] == "Albert Roigé i Pons"
    assert found["van en la bona direcció"][0] == "Cambra de Comerç de Barcelona"


def test_an_english_indefinite_source_is_not_a_body(tmp_path):
    found = speakers_of(tmp_path, 'Allies wait for London\n\n"Everyone is watching what London does," a NATO diplomat said.\n')
    assert found["Everyone is watching what London does,"][0] is None


PRO_DROP = """Governo garante estabilidade fiscal

Lisboa, 5 jun 2026 (Lusa) - O ministro da Economia, Álvaro Nogueira, visitou ontem a fábrica de Braga.

Em declarações aos jornalistas em Braga, garantiu: «Não haverá aumento de impostos sobre o trabalho».
"""

ITALIAN = """Il ministro annuncia i rimpatri

ROMA, 21 gennaio (ANSA) - Il ministro dell'Interno, Stefano Colombini, ha risposto alle opposizioni.

Il ministro ha annunciato inoltre un nuovo piano. «Entro giugno porteremo a dieci i centri», ha aggiunto, precisando le date.
"""


def test_a_subject_left_out_is_the_person_just_spoken_of(tmp_path):
    assert speakers_of(tmp_path, PRO_DROP)["Não haverá aumento de impostos sobre o trabalho"][0] == "Álvaro Nogueira"
    assert speakers_of(tmp_path, ITALIAN)["Entro giugno porteremo a dieci i centri"][0] == "Stefano Colombini"


def test_german_compound_roles(tmp_path):
    text = ("Sparpaket in Wien\n\nWIEN (APA) - Das bestätigte Finanzminister Clemens Hofstätter am Montag.\n\n"
            "Die Opposition protestierte. »Wir werden Brüssel mit Zahlen überzeugen«, sagte der Finanzminister.\n")
    assert speakers_of(tmp_path, text)["Wir werden Brüssel mit Zahlen überzeugen"][0] == "Clemens Hofstätter"


GERMAN_BODIES = """Sparpaket in Wien

WIEN (APA) - Laut Wifo-Chefin Birgit Leitner-Haas ist das Ziel erreichbar. »Sparen in einer Rezession ist immer ein Drahtseilakt«, warnte die Ökonomin.

Die Europäische Kommission erklärte in Brüssel, man werde die Pläne »sorgfältig prüfen«.

Ein hoher Beamter, der nicht genannt werden wollte, sagte: »Das reicht nicht.«
"""


def test_german_descriptions_bodies_and_unnamed_sources(tmp_path):
    found = speakers_of(tmp_path, GERMAN_BODIES)
    assert found["Sparen in einer Rezession ist immer ein Drahtseilakt"][0] == "Birgit Leitner-Haas"
    assert found["sorgfältig prüfen"][0] == "Europäische Kommission"
    # German states its subjects: an unnamed official is nobody known
    assert found["Das reicht nicht."][0] is None


def test_a_role_after_a_meeting_is_not_the_person_met(tmp_path):
    text = ("Mercosul e UE\n\nBrasília - O ministro das Relações Exteriores, Ricardo Vilhena Prado, recebeu ontem "
            "o embaixador.\n\n“Negociamos durante mais de vinte anos”, disse o chanceler após reunião com o "
            "embaixador da França em Brasília, Laurent Mercier-Dubois.\n")
    assert speakers_of(tmp_path, text)["Negociamos durante mais de vinte anos"][0] == "Ricardo Vilhena Prado"


def test_bodies_named_with_words_before_their_head(tmp_path):
    english = ("Probe closes\n\nWASHINGTON (AP) - The Commerce Department said it had \u201ccooperated fully with "
               "investigators.\u201d\n\nThe Estonian Ministry of Defence said it \"warmly welcomes\" the decision.\n")
    found = speakers_of(tmp_path, english)
    assert found["cooperated fully with investigators."][0] == "Commerce Department"
    assert found["warmly welcomes"][0] == "Estonian Ministry of Defence"
    # "El" is the Spanish article here, not the Romanian pronoun
    spanish = ("Defensa\n\nMadrid, 14 oct (EFE).- El Ministerio de Defensa precisó en un comunicado que "
               "«ninguna partida social se verá afectada».\n")
    assert speakers_of(tmp_path, spanish)["ninguna partida social se verá afectada"][0] == "Ministerio de Defensa"


def test_dutch_according_to_without_a_comma_and_body_names(tmp_path):
    text = ("Kabinet wil energietoeslag\n\nDEN HAAG (ANP) - Fractievoorzitter Sanne de Wit is kritisch.\n\n"
            "Volgens De Wit raakt het plan \"ruim een miljoen huishoudens\". Zij wil uitstel.\n\n"
            "Het ministerie van Financiën liet 's avonds weten dat er \"geen sprake is van een nieuwe ronde\".\n")
    found = speakers_of(tmp_path, text)
    assert found["ruim een miljoen huishoudens"][0] == "Sanne de Wit"
    assert found["geen sprake is van een nieuwe ronde"][0] == "ministerie van Financiën"


def test_an_aside_between_a_body_and_its_verb(tmp_path):
    text = ("Conti pubblici\n\nROMA, 12 maggio (ANSA) - La Commissione europea, in una nota diffusa in serata, "
            "ha ribadito che \"ogni flessibilità dovrà restare temporanea\".\n")
    assert speakers_of(tmp_path, text)["ogni flessibilità dovrà restare temporanea"][0] == "Commissione europea"


ITALIAN_CHURCH = """Riapre la cappella restaurata, polemica sul biglietto

(ANSA) - VERONA, 4 GIU - Torna visibile da oggi la cappella restaurata della chiesa di San Zeno. "Nessun biglietto per entrare in chiesa", ha detto questa mattina il parroco, padre Aurelio Franzoni, durante la presentazione.

"Il cantiere - ha spiegato la restauratrice Paola Benedetti, che ha guidato i lavori - ha restituito colori dimenticati".

L'assessore al turismo, Carlo Menegatti, ha ribadito che il Comune sta valutando un contributo. "Nessuno vuole far pagare la messa - ha precisato -. Parliamo dei gruppi organizzati".

Una proposta che padre Franzoni ha respinto senza giri di parole: "Qui la gente entra per pregare".

Contrario anche il Comitato Borgo Vivo, che da anni si batte per il quartiere. In una nota il comitato sostiene che "un quartiere non è un museo".
"""


def test_italian_dash_incises_honorifics_and_colon_lead_ins(tmp_path):
    found = speakers_of(tmp_path, ITALIAN_CHURCH)
    # "ha detto questa mattina il parroco, padre X": a time between verb and subject, an honorific
    assert found["Nessun biglietto per entrare in chiesa"][0] == "Aurelio Franzoni"
    # "A - ha spiegato X - B": one quotation cut by its cue, both parts X's
    assert found["Il cantiere"][0] == "Paola Benedetti"
    assert found["ha restituito colori dimenticati"][0] == "Paola Benedetti"
    assert "ha spiegato" not in " ".join(found)
    # "- ha precisato -.": the subject left out, the person just spoken of
    assert found["Nessuno vuole far pagare la messa"][0] == "Carlo Menegatti"
    assert found["Parliamo dei gruppi organizzati"][0] == "Carlo Menegatti"
    # a colon after a clause that names one person, with no verb of saying
    assert found["Qui la gente entra per pregare"][0] == "Aurelio Franzoni"
    # a body with a name of its own, then described: "il comitato"
    assert found["un quartiere non è un museo"][0] == "Comitato Borgo Vivo"


IBERIAN = """Los estibadores mantienen la huelga

BILBAO, 27 nov (EFE).- «No vamos a ceder», resumió Iker Etxebarria Uriarte, portavoz del comité. El consejero de Empleo, Ander Solozabal Etxeberria, pidió calma.

Desde la concentración, Etxebarria le respondió minutos después: «Que hable quien lleva años amenazando».

Etxebarria, de 47 años, acusó a la dirección de querer «externalizar por la puerta de atrás» la carga.

Arrieta Bilbao recordó la huelga de 1987: «Entonces también nos dijeron que era el futuro».
"""


def test_the_first_of_two_surnames_and_no_description_in_an_object(tmp_path):
    found = speakers_of(tmp_path, IBERIAN)
    # Spanish usage: the first surname alone names the person
    assert found["Que hable quien lleva años amenazando"][0] == "Iker Etxebarria Uriarte"
    assert found["externalizar por la puerta de atrás"][0] == "Iker Etxebarria Uriarte"
    # "recordó la huelga": an object after the verb, not a person described
    assert found["Entonces también nos dijeron que era el futuro"][0] != "Ander Solozabal Etxeberria"


def test_descriptions_of_people_in_other_languages(tmp_path):
    portuguese = ("Pescadores contra nova quota\n\nMatosinhos, 14 mar 2025 (Lusa) - O mestre José Manuel Vieira "
                  "falou hoje aos jornalistas no porto.\n\n“Não é justo”, acrescentou o mestre.\n")
    assert speakers_of(tmp_path, portuguese)["Não é justo"][0] == "José Manuel Vieira"
    romanian = ("Noul antrenor al echipei\n\nTimișoara, 17 februarie 2025 – Marius Oprea a fost prezentat luni.\n\n"
                "„Vreau stadionul plin”, a spus antrenorul la finalul conferinței.\n")
    assert speakers_of(tmp_path, romanian)["Vreau stadionul plin"][0] == "Marius Oprea"
    english = ("Steel rescue talks\n\nLONDON, Nov 3 (Reuters) - Alan Fairbairn spoke on Monday.\n\n"
               "\"Every week costs jobs,\" the unions said.\n")
    assert speakers_of(tmp_path, english)["Every week costs jobs,"][0] != "Alan Fairbairn"  # a plural


def test_german_compound_roles_places_after_a_name_and_agency_statements(tmp_path):
    text = ("Hafenstreik in Hamburg\n\nHamburg, 14. März 2025 – Verdi-Verhandlungsführerin Maren Tiedemann von der "
            "Ladefläche eines Lastwagens rief zum Streik auf.\n\n„Wir lassen uns nicht abspeisen“, sagte sie.\n\n"
            "„Wir stehen zu unserer Verantwortung“, hieß es in einer Aussendung des ASK Weinviertel.\n")
    found = speakers_of(tmp_path, text)
    assert found["Wir lassen uns nicht abspeisen"][0] == "Maren Tiedemann"
    assert found["Wir stehen zu unserer Verantwortung"][0] == "ASK Weinviertel"


def test_a_name_after_a_short_description_in_an_apposition(tmp_path):
    text = ("Жители против застройки\n\nЕКАТЕРИНБУРГ, 14 мая — РИА Новости. Жители вышли на акцию.\n\n"
            "«Это наш лес», — сказала РИА Новости одна из организаторов акции, учительница биологии Ольга Лаптева.\n")
    assert speakers_of(tmp_path, text)["Это наш лес"][0] == "Ольга Лаптева"


def test_the_subject_left_out_after_whom_it_was_said_to(tmp_path):
    text = ("Pescadores contra nova quota\n\nMatosinhos, 14 mar 2025 (Lusa) - Dezenas de pescadores protestaram.\n\n"
            "A investigadora do IPMA Inês Sampaio Costa contraria esta leitura. “Há mais sardinha juvenil”, "
            "afirmou à Lusa.\n")
    assert speakers_of(tmp_path, text)["Há mais sardinha juvenil"][0] == "Inês Sampaio Costa"


def test_a_body_whose_name_joins_two_parts_with_and(tmp_path):
    text = ("Metroul din Cluj\n\nCluj-Napoca, 14 mar /AGERPRES/ - Consilierii au amânat votul.\n\n"
            "Ministerul Investițiilor și Proiectelor Europene a transmis că proiectul „respectă calendarul asumat”.\n")
    found = speakers_of(tmp_path, text)
    assert found["respectă calendarul asumat"][0] == "Ministerul Investițiilor și Proiectelor Europene"


@pytest.mark.parametrize("text, quote, speaker", [
    # a first name briefgen does not know, before one it does, after a role
    ("Metroul din Cluj\n\nPrimarul Horațiu Bogdan Crișan a declarat că „proiectul merge înainte”.\n",
     "proiectul merge înainte", "Horațiu Bogdan Crișan"),
    ("Metroul din Cluj\n\n„Există și sunt publice”, a spus viceprimarul municipiului, Horațiu Bogdan Crișan.\n",
     "Există și sunt publice", "Horațiu Bogdan Crișan"),
    # not after any other word: a German noun is capitalised too
    ("Streik im Hafen\n\nHafenarbeiter Jan Petersen sagte: „Wir lassen uns nicht abspeisen.“\n",
     "Wir lassen uns nicht abspeisen.", "Jan Petersen"),
    # Spanish surnames with "de la", "del"
    ("Juicio en Sevilla\n\nEl abogado de Cabello, Fernando Ruiz de la Torre, recordó que la testigo «informó "
     "favorablemente».\n", "informó favorablemente", "Fernando Ruiz de la Torre"),
    # after a preposition, the capitalised word is a place
    ("Juicio en Sevilla\n\nEl exalcalde de Villaverde del Guadalquivir Rafael Luque Montaño dijo: «Confío en la "
     "justicia».\n", "Confío en la justicia", "Rafael Luque Montaño"),
    # whom it was said to ("à agência Lusa"), an honorific, a role: none is a first name
    ("Pesca em crise\n\n“Estão a matar a frota”, disse à agência Lusa José Manuel Ribeiro Vieira.\n",
     "Estão a matar a frota", "José Manuel Ribeiro Vieira"),
    ("Notre-Dame\n\nL'archevêque de Paris, Mgr Michel Aupetit, a vu « un signe extraordinaire ».\n",
     "un signe extraordinaire", "Michel Aupetit"),
    ('School board\n\n"We offered him everything," Superintendent Angela Reyes-Morrow said.\n',
     "We offered him everything,", "Angela Reyes-Morrow"),
])
def test_names_with_a_first_name_not_on_the_list(tmp_path, text, quote, speaker):
    found = speakers_of(tmp_path, text)
    assert found[quote][0] == speaker


def test_german_nouns_of_time_are_no_names():
    from briefgen.extract.people import find_mentions

    text = "Der 34-Jährige fährt seit elf Jahren Van Carrier, sagt Jannik Petersen."
    assert [m.names for m in find_mentions(text)] == [("Jannik Petersen",)]


def test_russian_bare_descriptions_and_short_addressees(tmp_path):
    text = ("МИД РФ: консультации продолжатся\n\nМОСКВА, 23 сентября. /ТАСС/. Об этом сообщил заместитель министра "
            "иностранных дел РФ Игорь Мезенцев.\n\n«Мы не ставим никаких условий», — заявил дипломат.\n\n"
            "Представитель застройщика Артем Гусев попытался поговорить с протестующими. «Мы здесь уже живем!» — "
            "ответила ему Ольга Лаптева.\n")
    found = speakers_of(tmp_path, text)
    # "дипломат" describes the deputy minister just named, whatever his post is called
    assert found["Мы не ставим никаких условий"][0] == "Игорь Мезенцев"
    assert found["Мы здесь уже живем!"][0] == "Ольга Лаптева"  # "ему": whom she answered


def test_spanish_dashes_set_against_the_words_cut_a_quotation(tmp_path):
    text = ("Huelga de autobuses en Zaragoza\n\nZaragoza, 5 mar (EFE).- El comité de empresa convocó la huelga. "
            "«No queremos dejar a nadie tirado en la parada —advirtió Jorge Lacasa—, pero no nos han dejado otra "
            "salida», añadió.\n")
    found = speakers_of(tmp_path, text)
    # "—advirtió Lacasa—," cuts one quotation in two, both parts his
    assert found["No queremos dejar a nadie tirado en la parada"][0] == "Jorge Lacasa"
    assert found["pero no nos han dejado otra salida"][0] == "Jorge Lacasa"


def test_a_surname_two_people_share_is_the_one_just_named(tmp_path):
    text = ("Tanca la Llibreria Casals\n\nBarcelona, 7 març (EUROPA PRESS) - La llibreria que va fundar Josep Casals "
            "i Riera el 1931 tancarà. La propietària, Núria Casals Ferrer, néta del fundador, ha explicat que el "
            "lloguer es triplica. “No hi ha cap llibreria que se'n pugui sortir”, ha lamentat Casals.\n")
    found = speakers_of(tmp_path, text)
    assert found["No hi ha cap llibreria que se'n pugui sortir"][0] == "Núria Casals Ferrer"


def test_german_compound_roles_before_a_name_are_not_part_of_it():
    from briefgen.extract.people import find_mentions

    assert [m.names for m in find_mentions("sagte Oberstaatsanwältin Petra Wiegand")] == [("Petra Wiegand",)]
    assert [m.names for m in find_mentions("Landessekretär Manfred Aigner sagte")] == [("Manfred Aigner",)]


def test_common_iberian_first_names_start_the_name():
    from briefgen.extract.people import find_mentions

    # "Francisco Javier": both first names, not a surname and a first name
    assert [m.names for m in find_mentions("el exalcalde Francisco Javier Moreno Castillo ha negado")] == [
        ("Francisco Javier Moreno Castillo",)]
    assert [(m.names, m.gender) for m in find_mentions("dijo María Pérez Gil")] == [(("María Pérez Gil",), "f")]


def test_a_body_named_in_another_case_is_no_person(tmp_path):
    text = ("Gripa umple spitalele din Iași\n\nIAȘI, 15 ian /Agerpres/ - DSP a solicitat Ministerului Sănătății încă "
            "10.000 de doze de vaccin. Ministerul Sănătății a transmis că dozele vor fi distribuite „în cursul "
            "săptămânii viitoare”.\n")
    # "Ministerului Sănătății" (the dative) is the ministry, not a man whose surname is Sănătății
    assert speakers_of(tmp_path, text)["în cursul săptămânii viitoare"][0] == "Ministerul Sănătății"


def test_a_pronoun_is_read_as_its_paragraph_language_uses_it(tmp_path):
    text = ("Dengue no Rio\n\nRIO DE JANEIRO, 9 de abril de 2024 (Agência Brasil) – \"Estamos diante do pior cenário\", "
            "disse o secretário municipal de Saúde, Henrique Bastos Figueiredo, em entrevista coletiva no Centro de "
            "Operações Rio. Segundo ele, os polos funcionarão \"inclusive nos fins de semana e feriados\".\n")
    # Portuguese "ele" is "he" (Romanian "ele" is "they"); a "Centro" is a body, no person
    found = speakers_of(tmp_path, text)
    assert found["inclusive nos fins de semana e feriados"] == ("Henrique Bastos Figueiredo", "Segundo ele")


RUSSIAN_DECLINED = """Хоккейный клуб сменил тренера

ЕКАТЕРИНБУРГ, 12 января. /ТАСС/. Клуб расторг контракт с главным тренером Олегом Сурковым после восьми поражений подряд.

«Мы почти месяц играли без двух центральных нападающих», — сказал Сурков журналистам.

Пожар на заводе произошел ночью. Прокуратура Челябинской области сообщила о начале проверки. «По результатам проверки будет дана правовая оценка», — сообщили в надзорном ведомстве.

В министерстве экологии Челябинской области заявили, что «превышений концентраций не зафиксировано».

Воду проверили в Копейске Челябинской области. «Пробы взяты в понедельник», — сказали в Управлении Роспотребнадзора по Челябинской области.

В пресс-службе Российской федерации баскетбола агентству сообщили, что «внимательно изучают ситуацию».
"""


def test_russian_names_and_bodies_in_the_nominative(tmp_path):
    pytest.importorskip("pymorphy3")
    found = speakers_of(tmp_path, RUSSIAN_DECLINED)
    # named only in the instrumental ("с … Олегом Сурковым"): the reader's "Олег Сурков"
    assert found["Мы почти месяц играли без двух центральных нападающих"][0] == "Олег Сурков"
    # "в надзорном ведомстве": the body that spoke last; "в министерстве …": its name in the nominative
    assert found["По результатам проверки будет дана правовая оценка"][0] == "Прокуратура Челябинской области"
    assert found["превышений концентраций не зафиксировано"][0].lower() == "министерство экологии челябинской области"
    # a body's declined head is no person's name ("в Управлении …"), nor is a place after "в"
    assert found["Пробы взяты в понедельник"][0] == "Управление Роспотребнадзора по Челябинской области"
    # the body a press office speaks for, in the nominative, without whom it told ("агентству")
    assert found["внимательно изучают ситуацию"][0] == "Российская федерация баскетбола"


def test_nominative_forms_from_the_analyser():
    pytest.importorskip("pymorphy3")
    from briefgen.extract.morphology import nominative_head, nominative_name

    assert nominative_name("Натальи Гурьевой") == "Наталья Гурьева"
    assert nominative_name("Андрея Колесникова") == "Андрей Колесников"  # his genitive, not her nominative
    assert nominative_name("Ирина Белоусова") == "Ирина Белоусова"
    # "Ерлан" might be the plural genitive of "Ерлана"; the surname's nominative says it is not
    assert nominative_name("Ерлан Сатыбалдиев") == "Ерлан Сатыбалдиев"
    assert nominative_name("Jean Dupont") == "Jean Dupont"
    assert nominative_head("Объединенной судостроительной корпорации", "ru") == "Объединенная судостроительная корпорация"
    assert nominative_head("МИД России", "ru") == "МИД России"  # an acronym is not declined
    assert nominative_head("Ministerului Sănătății", "ro") == "Ministerului Sănătății"  # no analyser


def test_german_nouns_articles_and_pronouns_before_an_addressee(tmp_path):
    text = ("Oberbürgermeister tritt zurück\n\nQuedlinburg (dpa) - Der Oberbürgermeister Matthias Kühnel hat in einer "
            "Sondersitzung des Stadtrats seinen Rücktritt angekündigt. „Dieses Kapitel ist für mich abgeschlossen“, "
            "sagte er der Deutschen Presse-Agentur. Steigende Sozialausgaben ließen „kaum Spielraum“.\n\n"
            "Der Hamburger Hafen meldet Verluste. Zwei Arbeiter sagten: „Wir wissen nichts.“\n")
    found = speakers_of(tmp_path, text)
    assert found["Dieses Kapitel ist für mich abgeschlossen"][0] == "Matthias Kühnel"  # he, to the agency
    # capitalised German nouns are no people: nobody named says these
    assert found["kaum Spielraum"][0] != "Steigende Sozialausgaben"
    assert found["Wir wissen nichts."][0] not in ("Zwei Arbeiter", "Hamburger Hafen")


def test_an_italian_article_is_no_pronoun_and_a_month_may_be_a_surname(tmp_path):
    text = ("Incendio nel Montiferru\n\n(ANSA) - ORISTANO, 24 LUG - Seicento persone evacuate tra Cuglieri e Santu "
            "Lussurgiu. Il Corpo forestale ha spiegato che il vento soffiava \"fino a 70 chilometri orari\".\n\n"
            "\"Invasi mai così vuoti\", ha detto la presidente dell'azienda, Giovanna Di Marzo.\n")
    found = speakers_of(tmp_path, text)
    assert found["fino a 70 chilometri orari"][0] == "Corpo forestale"
    assert found["Invasi mai così vuoti"][0] == "Giovanna Di Marzo"


def test_a_body_named_by_part_of_its_name_is_the_one_named_in_full(tmp_path):
    text = ("Streik im Hafen\n\nHamburg (dpa) - Der Zentralverband der deutschen Seehafenbetriebe (ZDS) hat ein neues "
            "Angebot vorgelegt. Es sei „ein faires Angebot“, erklärte der Zentralverband am Abend.\n")
    found = speakers_of(tmp_path, text)
    assert found["ein faires Angebot"][0] == "Zentralverband der deutschen Seehafenbetriebe"


def test_a_name_after_a_long_run_of_capitalised_words_is_whole():
    from briefgen.extract.people import find_mentions

    # the post's words and the name make one run of nine capitalised words: the name keeps its end
    text = "Según la catedrática de Derecho Mercantil de la Universidad de Alicante Marta Esquerdo Ibáñez, la"
    assert [m.names for m in find_mentions(text)] == [("Marta Esquerdo Ibáñez",)]


def test_a_ministry_cut_before_its_listed_domains_gets_them_back(tmp_path):
    text = ("Multa al banco\n\nMADRID, 3 mar (EFE).- El Ministerio de Economía, Comercio y Empresa ha multado a la "
            "entidad. Según el Ministerio de Economía, el banco \"no aplicó medidas reforzadas\".\n\n"
            "Het ministerie van Klimaat en Groene Groei laat weten dat het \"de ontwikkeling nauwlettend volgt\".\n")
    found = speakers_of(tmp_path, text)
    assert found["no aplicó medidas reforzadas"][0] == "Ministerio de Economía, Comercio y Empresa"
    assert found["de ontwikkeling nauwlettend volgt"][0] == "ministerie van Klimaat en Groene Groei"


def test_a_group_named_by_where_it_is_from_is_no_person(tmp_path):
    from briefgen.extract.people import find_mentions

    assert find_mentions("Inquilinos de Lisboa denunciam") == []
    assert find_mentions("Metges de Catalunya alerta") == []
    assert [m.names for m in find_mentions("disse Maria de Lurdes Rodrigues")] == [("Maria de Lurdes Rodrigues",)]
    text = ("Inquilinos de Lisboa denunciam \"rendas impossíveis\"\n\nLisboa, 12 mai (Lusa) - \"Estamos perante rendas "
            "impossíveis\", afirmou o presidente da AIL, Rui Manuel Carvalhais. Segundo o dirigente, as rendas "
            "levam \"mais de metade do rendimento\".\n")
    assert speakers_of(tmp_path, text)["mais de metade do rendimento"][0] == "Rui Manuel Carvalhais"


def test_a_romanian_body_in_the_genitive_is_no_person(tmp_path):
    from briefgen.extract.people import find_mentions

    assert find_mentions("directorul Direcției Supraveghere din BNR") == []
    text = ("Amendă pentru bancă\n\nBUCUREȘTI, 3 martie /Agerpres/ - „Nu vorbim despre o eroare izolată”, a declarat "
            "directorul Direcției Supraveghere din BNR, Adrian Vlădescu, într-o conferință de presă.\n")
    assert speakers_of(tmp_path, text)["Nu vorbim despre o eroare izolată"][0] == "Adrian Vlădescu"


def test_a_capitalised_run_after_a_preposition_of_any_language_is_a_place():
    from briefgen.extract.people import find_mentions

    # each language's words.before_places: no known first name, no title, so a place or a body
    assert find_mentions("nella palestra comunale di Santu Lussurgiu") == []
    assert find_mentions("os autocarros dos Transportes Urbanos") == []
    assert find_mentions("sur France Bleu Azur") == []
    # a known first name still opens a person's name after them
    assert [m.names for m in find_mentions("la moglie di Mario Rossi")] == [("Mario Rossi",)]


def test_catalan_surnames_joined_by_i_and_the_middle_dot():
    from briefgen.extract.people import find_mentions

    # "Alimentació i Agenda Rural" is the end of a department's name, not a person
    text = "El conseller d'Acció Climàtica, Alimentació i Agenda Rural, Jordi Vilaseca i Roura, ha defensat"
    assert [m.names for m in find_mentions(text)] == [("Jordi Vilaseca i Roura",)]
    assert [m.names for m in find_mentions("Marcel·lí Vidal i Puig diu")] == [("Marcel·lí Vidal i Puig",)]


def test_the_group_is_the_body_just_named_with_its_head_last(tmp_path):
    text = ("Rail strike\n\nLONDON (Reuters) - \"We have been at the table for months,\" said Gareth Pryce, ASLEF's lead "
            "negotiator. The union said talks had failed.\n\nThe Rail Delivery Group, which represents train companies, "
            "said it was disappointed. \"This strike will hurt passengers,\" the group said in a statement.\n")
    assert speakers_of(tmp_path, text)["This strike will hurt passengers,"][0] == "Rail Delivery Group"


def test_dutch_compound_nouns_are_no_names_but_a_title_keeps_one():
    from briefgen.extract.people import find_mentions

    assert find_mentions("Kledingketen Lemmens sluit twaalf winkels") == []
    assert find_mentions("Spoorstaking Legt") == []
    assert [m.names for m in find_mentions("said Mr Browning")] == [("Browning",)]  # a title: a person


def test_italian_surnames_with_an_article_and_local_government_roles(tmp_path):
    text = ("Siccità a Palermo\n\n(ANSA) - PALERMO, 18 LUG - L'assessore regionale all'Energia, Salvatore Lo Presti, "
            "ha parlato di una crisi. Il capogruppo del Pd Marco Cusimano attacca la giunta. L'assessore ha replicato "
            "che le risorse sono \"tutte impegnate\".\n")
    assert speakers_of(tmp_path, text)["tutte impegnate"][0] == "Salvatore Lo Presti"


@pytest.mark.parametrize("text, name, title", [
    # Flemish writes a surname's first particle with a capital
    ("zei BBTK-secretaris Inge Van den Broeck bij een stakingspost", "Inge Van den Broeck", None),
    # an academic or honorary title is no word of the name
    ("Professor Martin Hale said the strike would go ahead.", "Martin Hale", "Professor"),
    ("sagte Prof. Anna Berg der Deutschen Presse-Agentur", "Anna Berg", "Prof."),
])
def test_particles_and_titles_around_a_name(text, name, title):
    from briefgen.extract.people import find_mentions
    mention = find_mentions(text)[0]
    assert (mention.names[-1], mention.title) == (name, title)


def test_romanian_genitive_nouns_of_a_post_are_no_name(tmp_path):
    text = ("Ministrul Muncii: „Nu e un cadou”\n\nBUCUREȘTI, 11 decembrie /Agerpres/ - Guvernul a aprobat "
            "creșterea salariului minim.\n\n„Nu este un cadou, este o recuperare”, a declarat ministrul Muncii și "
            "Solidarității Sociale, Mihaela Stoica, la finalul ședinței.\n")
    found = speakers_of(tmp_path, text)
    # "Solidarității Sociale" is no person, and "Ministrul Muncii" is the Minister of Labour, not
    # a minister called Muncii
    assert found["Nu este un cadou, este o recuperare"][0] == "Mihaela Stoica"
    assert found["Nu e un cadou"][0] == "Mihaela Stoica"


def test_a_pronoun_that_is_she_or_they_takes_its_number_from_the_verb(tmp_path):
    text = ("Energie\n\nDEN HAAG (ANP) - \"Het net moet twee keer zo groot worden\", zegt Annelies Verbrugge, "
            "directeur van Netbeheer Nederland.\n\nKamerlid Mirjam de Wit wil dat de belasting omlaag gaat. "
            "\"Het kabinet kan dit niet afdoen\", zei ze dinsdag.\n")
    found = speakers_of(tmp_path, text)
    # Dutch "ze" after a singular verb is "she", not the last group of people
    assert found["Het kabinet kan dit niet afdoen"][0] == "Mirjam de Wit"
    from briefgen.extract.speakers import Context, _pronoun_kind
    ctx = Context(cast=None, language="de")
    assert _pronoun_kind("sie", ctx, "sagte") == ("f", False)
    assert _pronoun_kind("sie", ctx, "sagten") == (None, True)


@pytest.mark.parametrize("sentence, quote, body", [
    ("Die Landeswahlleitung teilte mit, die Wahlbeteiligung habe „deutlich über dem Wert von 2021“ gelegen.",
     "deutlich über dem Wert von 2021", "Landeswahlleitung"),
    ("Die Tarifgemeinschaft deutscher Länder (TdL) wies die Forderungen als „nicht finanzierbar“ zurück.",
     "nicht finanzierbar", "Tarifgemeinschaft deutscher Länder"),
])
def test_german_bodies_named_by_a_compound(tmp_path, sentence, quote, body):
    # "-leitung", "-gemeinschaft", "-aufsicht" … end a body's name (de compound_suffixes)
    found = speakers_of(tmp_path, f"Wahl\n\nBERLIN (dpa) - {sentence}\n")
    assert found[quote][0] == body


@pytest.mark.parametrize("text, names", [
    ("said Marcus T. Bell, the treasurer", [("Marcus T. Bell",)]),  # a middle initial
    ("De rechtbank heeft de 23-jarige Dennis V. veroordeeld", [("Dennis V.",)]),  # a suspect's surname cut
    ("Selon M. Lin, la coopération", [("Lin",)]),  # "M." is a title, no initial
    ("Mme A. Dupont a dit", [("Dupont",)]),
])
def test_names_with_initials(text, names):
    from briefgen.extract.people import find_mentions

    assert [m.names for m in find_mentions(text)] == names
