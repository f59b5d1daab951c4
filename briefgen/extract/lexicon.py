"""Word lists for French and English news text: stop words, reporting verbs, titles,
roles, and capitalised words that are not people."""

from __future__ import annotations

STOPWORDS = frozenset(
    """
    a à afin ai aie ainsi alors après au aucun auprès aura auront aussi autre autres aux
    avait avaient avant avec avoir ayant bien c ça car ce ceci cela celle celles celui cependant
    ces cet cette ceux chaque chez ci comme comment contre d dans de depuis des deux doit donc dont
    du elle elles en encore entre est et été être eu eux fait faire fois font hors il ils j je
    jusqu l la le les leur leurs lors lui m ma mais me même mêmes mes moi moins mon n ne ni non
    nos notre nous on ont ou où par parce parmi pas pendant peu peut plus plusieurs pour pourquoi
    qu quand que quel quelle quelles quels qui quoi s sa sans se selon ses si sien son sont sous
    sur t ta tandis te tes toi ton tous tout toute toutes très tu un une vers vos votre vous y
    ces cette été sera seront serait seraient également notamment déjà ainsi mardi lundi mercredi
    jeudi vendredi samedi dimanche m mm mme
    the of and to in a is that for on it with as was at by be this have from or an are not
    which but has had were will their its they been would who more also can there than said says
    he she his her him them we our us you your i my me so if about after over into up out no
    could should may might do does did these those other some any such only new one two
    """.split()
)

# Reporting verbs: French past participles (after "a", "ont", "a-t-il"), French present
# tense forms (third person), and English forms.
REPORTING_PARTICIPLES = frozenset(
    """
    déclaré affirmé souligné indiqué ajouté précisé expliqué estimé assuré martelé rappelé
    insisté poursuivi lancé dit confié averti prévenu jugé relevé noté annoncé répondu réagi
    commenté déploré reconnu signalé conclu plaidé tweeté écrit résumé observé dénoncé regretté
    salué réaffirmé soutenu promis appelé exhorté demandé mentionné admis avoué confirmé
    démenti réclamé proclamé prédit martelé répété détaillé raconté témoigné fustigé critiqué
    accusé revendiqué considéré qualifié invité assuré garanti rassuré argué argumenté objecté
    renchéri tranché concédé nuancé résumé ironisé lâché glissé ajoutée déclarée affirmée
    félicité félicitée réjoui réjouie inquiété inquiétée montré montrée voulu voulue exprimé
    exprimée alarmé alarmée insurgé insurgée étonné étonnée indigné indignée défendu engagé
    engagée prononcé prononcée interrogé interrogée dit dite élevé élevée adressé détaillé
    expliquée précisée souligné soulignée estimée indiquée assurée jugée promise prévenue
    martelée insisté lancée reconnue
    """.split()
)
# reflexive present tense: "se félicite X", "s'inquiète-t-il"
REFLEXIVE_PRESENT = (
    "se félicite", "se réjouit", "se dit", "se montre", "se veut", "s'inquiète", "s’inquiète",
    "s'alarme", "s’alarme", "s'interroge", "s’interroge", "s'insurge", "s’insurge", "s'indigne",
    "s’indigne", "se défend", "s'engage", "s’engage", "se prononce",
)
# words that may stand between the auxiliary and the participle ("a toutefois précisé")
ADVERBIALS = (
    "aussi", "également", "encore", "ensuite", "notamment", "alors", "déjà", "en outre",
    "par ailleurs", "d'ailleurs", "d’ailleurs", "toutefois", "cependant", "néanmoins", "pourtant",
    "de nouveau", "à nouveau", "ainsi", "pour sa part", "de son côté", "quant à lui",
    "quant à elle", "lui aussi", "elle aussi", "plus tard", "enfin", "hier", "aujourd'hui",
    "aujourd’hui", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "soir", "matin", "plus tôt", "bien", "même", "tout de suite", "immédiatement", "très",
)
REPORTING_PRESENT = frozenset(
    """
    déclare affirme souligne indique ajoute précise explique estime assure martèle rappelle
    insiste poursuit lance dit confie avertit prévient juge relève note annonce répond réagit
    commente déplore reconnaît signale conclut plaide tweete écrit résume observe dénonce regrette
    salue réaffirme soutient promet appelle exhorte demande confirme répète raconte témoigne
    fustige critique accuse revendique considère tranche concède nuance ironise lâche glisse
    déclarent affirment soulignent indiquent ajoutent précisent expliquent estiment assurent
    rappellent insistent disent jugent annoncent réaffirment soutiennent détaille poursuit
    plaide prévient renchérit analyse avance argue tempère souligne dénonce martèlent
    """.split()
)
ENGLISH_REPORTING = frozenset(
    """
    said says say added adds told tells stated states declared declares stressed stresses
    noted notes explained explains warned warns insisted insists argued argues wrote writes
    announced announces confirmed confirms acknowledged acknowledges claimed claims asked asks
    replied replies continued continues concluded concludes emphasised emphasized underlined
    recalled reaffirmed tweeted posted urged urges welcomed welcomes cautioned predicted vowed
    promised admitted added argued observed remarked reiterated pledged called calls described
    describes termed dubbed
    """.split()
)

TITLES = {
    # abbreviation -> (gender, plural)
    "M.": ("m", False), "M": ("m", False), "Mme": ("f", False), "Mme.": ("f", False),
    "Mlle": ("f", False), "MM.": (None, True), "Mmes": ("f", True), "Dr": (None, False),
    "Dr.": (None, False), "Pr": (None, False), "Mr": ("m", False), "Mr.": ("m", False),
    "Mrs": ("f", False), "Mrs.": ("f", False), "Ms": ("f", False), "Ms.": ("f", False),
    "Me": (None, False),
}

# Head nouns of roles a speaker is introduced with ("le secrétaire général de l'OTAN").
ROLE_HEADS = (
    "secrétaire général adjoint", "secrétaire générale adjointe", "secrétaire général",
    "secrétaire générale", "secrétaire d'état", "secrétaire d’état", "secrétaire",
    "haut représentant", "haute représentante", "premier ministre", "première ministre",
    "ministre", "président", "présidente", "vice-président", "vice-présidente", "chancelier",
    "chancelière", "commissaire", "porte-parole", "directeur", "directrice", "chef",
    "ambassadeur", "ambassadrice", "général", "cheffe", "chef de la diplomatie",
    "cheffe de la diplomatie", "amiral", "député", "députée", "sénateur",
    "sénatrice", "maire", "procureur", "procureure", "juge", "roi", "reine", "pape",
    "gouverneur", "gouverneure", "conseiller", "conseillère", "représentant", "représentante",
    "négociateur", "négociatrice", "envoyé spécial", "envoyée spéciale", "dirigeant",
    "dirigeante", "responsable", "expert", "experte", "analyste", "chercheur", "chercheuse",
    "préfet", "préfète", "édile", "élu", "élue", "patron", "patronne", "propriétaire", "fondateur",
    "fondatrice", "syndicaliste", "avocat général", "bâtonnier", "recteur", "rectrice", "évêque",
    "secretary general", "secretary-general", "secretary of state", "secretary", "president",
    "prime minister", "minister", "chancellor", "commissioner", "spokesman", "spokeswoman",
    "spokesperson", "director", "ambassador", "general", "admiral", "senator", "governor",
    "high representative", "chief", "head", "leader", "envoy", "adviser", "advisor",
)
# roles that name the same office in other words ("la cheffe de la diplomatie allemande" is
# the German foreign minister)
ROLE_SYNONYMS = {
    "chef de la diplomatie": ("ministre des affaires étrangères", "haut représentant",
                              "secrétaire d'état", "secrétaire d’état", "chef de la diplomatie"),
    "cheffe de la diplomatie": ("ministre des affaires étrangères", "haute représentante",
                                "cheffe de la diplomatie"),
}
FEMININE_ROLE_WORDS = frozenset(
    "secrétaire générale première présidente vice-présidente chancelière haute représentante "
    "directrice ambassadrice députée sénatrice procureure reine gouverneure conseillère "
    "représentante négociatrice envoyée dirigeante experte chercheuse spokeswoman cheffe".split()
)

SINGULAR_PRONOUNS = {"il": "m", "elle": "f", "he": "m", "she": "f", "lui": "m", "lui-même": "m",
                     "elle-même": "f", "him": "m", "her": "f"}
PLURAL_PRONOUNS = frozenset("ils elles eux they them".split())
PLURAL_PHRASES = ("tous deux", "toutes deux", "tous les deux", "toutes les deux", "les deux hommes",
                  "les deux femmes", "les deux responsables", "les deux dirigeants", "both", "the two")

# Capitalised words that start sentences or name places and bodies, never a person's name.
NOT_NAMES = frozenset(
    """
    Le La Les L L' L’ Un Une Des Du De D D' D’ Au Aux À A Ce Cet Cette Ces Cela Il Elle Ils Elles On
    Nous Vous Je Tu En Dans Selon Pour Par Sur Sous Avec Sans Après Avant Depuis Pendant Lors
    Enfin Mais Et Ou Or Donc Ni Car Si Quand Comme Alors Ainsi Puis Tout Tous Toute Toutes
    Son Sa Ses Leur Leurs Notre Nos Votre Vos Mon Ma Mes Ton Ta Tes Qui Que Quoi Où Dont
    Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier Février Mars Avril Mai Juin
    Juillet Août Septembre Octobre Novembre Décembre Reconnaissant Rappelant S'exprimant
    The A An In On At For But And Or Of To By With From As It He She They We This That These
    Those His Her Their Our Its Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    OTAN NATO UE EU ONU UN USA US UK Union Commission Conseil Parlement Agence Alliance Alliés
    États Etats Unis Unies Nations Europe Amérique Corée Nord Sud Est Ouest Maison Blanche
    Afrique Asie Moyen-Orient Orient Occident Russie Chine Ukraine France Allemagne Espagne
    Italie Pologne Roumanie Norvège Iraq Irak Afghanistan Syrie Iran Israël Turquie Géorgie
    Jordanie Tunisie Balkans Washington Bruxelles Paris Londres Berlin Moscou Kiev Kyiv
    Pékin Madrid Rome Varsovie Genève Ligue Bayern Barcelone Service Département Ministère
    Etat État Sommet Assemblée Cour Banque Fonds Organisation Comité Agency Council Parliament
    Commission Alliance House White Department Ministry Office Court Bank Fund Organisation
    Organization Committee Summit States United Kingdom Republic République Fédération
    Federation Forces Armée Army Navy Pentagone Pentagon Kremlin Élysée Elysée Matignon
    Premier Ministre Président Présidente Secrétaire Général Haut Représentant Affaires
    Défense Sécurité Politique Press Secretary General Minister President Prime
    Foreign Affairs Ministers Defence Defense Conference Affaires Étrangères Etrangères
    Minister Ministers Secretary Secretaries Office Spokesman Spokesperson Chief Head
    COVID-19 Covid Coronavirus Internet Twitter Facebook X Atlantique Pacifique Méditerranée
    """.split()
)
NAME_PARTICLES = frozenset("de du des d' d’ von van der den di da dos bin ben al el la le".split())

# Head nouns of bodies that speak as one ("a indiqué la préfecture", "selon le ministère de
# l'Intérieur"): the speaker is then the organisation, named as the text names it.
ORGANISATION_HEADS = (
    "ministère", "préfecture", "gendarmerie", "police", "parquet", "mairie", "municipalité", "gouvernement",
    "présidence", "syndicat", "association", "fédération", "confédération", "entreprise", "groupe",
    "société", "compagnie", "direction", "conseil", "commission", "agence", "institut", "service",
    "services", "hôpital", "ambassade", "armée", "état-major", "tribunal", "cour", "fondation", "ONG",
    "organisation", "parti", "ville", "région", "département", "office", "autorité", "autorités",
    "caisse", "banque", "observatoire", "collectif", "club", "chancellerie", "diplomatie", "opposition",
    "majorité", "exécutif", "rectorat", "académie", "université", "laboratoire", "justice", "douane",
    "douanes", "pompiers", "secours", "Elysée", "Élysée", "Matignon", "Kremlin", "Pentagone",
    "Maison Blanche", "Quai d'Orsay", "Quai d’Orsay", "ministry", "police", "government", "embassy",
    "union", "party", "company", "office", "agency", "department", "spokesman's office", "court",
)
# Words after which an organisation's name stops ("la préfecture dans un communiqué")
ORGANISATION_END = (
    "dans", "lors", "sur", "auprès", "selon", "qui", "dont", "mais", "ce", "cette", "mardi", "lundi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "vendredi", "in", "on", "during", "who",
    "which", "when",
)
