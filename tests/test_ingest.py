
import pytest

from briefgen.errors import SourceError
from briefgen.ingest import discover, ingest

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
FRENCH = ("Les ministres des Affaires étrangères de l’OTAN ont convenu de renforcer leur coopération "
          "avec l’Union européenne, a déclaré mardi le secrétaire général.\n\n"
          "« Nous allons franchir une nouvelle étape », a-t-il ajouté.\n")


def body(doc) -> str:
    return "\n".join(p.text_original for p in doc.paragraphs)


def test_seed_000_boilerplate_removed_and_metadata_kept(seeds_dir):
    doc = ingest(seeds_dir / "000_624c5570f2c94b4c.txt")
    text = body(doc)
    for furniture in ("Accueil", "Lire aussi", "Article précédent", "Article suivant", "Cinktank.com"):
        assert furniture not in text
    assert all(p.text_original.strip() != "0" for p in doc.paragraphs)  # share counter
    assert doc.title.original.startswith("Les États-Unis et l’UE lancent un dialogue")
    assert doc.outlet == "Cinktank.com"
    # "3 déc." has no year, but "ont annoncé vendredi" and "aura lieu en 2022" pin it down:
    # 3 December was a Friday in 2021, not in 2022
    assert doc.published == "2021-12-03"
    assert "3 déc." in doc.date_evidence
    assert text.startswith("Washington et Bruxelles ont annoncé vendredi")


@pytest.mark.parametrize("body, published", [
    ("Les ministres ont annoncé vendredi un accord. Le sommet aura lieu en 2022.", "2021-12-03"),
    ("Les ministres ont annoncé un accord. Le sommet aura lieu en 2022.", None),  # no weekday
    ("Les ministres ont annoncé vendredi un accord.", None),  # no year
    ("Les ministres ont annoncé samedi un accord. Le sommet aura lieu en 2022.", "2022-12-03"),
    ("Les ministres ont annoncé mardi un accord sur la crise de 2014.", None),  # no year fits
], ids=["weekday-and-future-year", "no-weekday", "no-year", "year-itself", "no-fit"])
def test_year_of_a_dateline_without_one(tmp_path, body, published):
    path = tmp_path / "depeche.txt"
    path.write_text(f"Paris, 3 déc. (Agence) –\n\n{body}\n")
    assert ingest(path).published == published


def test_seed_001_update_line_is_evidence_not_text(seeds_dir):
    doc = ingest(seeds_dir / "001_08897cc2a1369cc8.txt")
    assert "Dernière mise à jour" not in body(doc)
    assert doc.date_evidence == ("Dernière mise à jour à 08h38 le 06/12",)
    assert doc.published is None
    assert doc.title is None  # the first line is a long sentence, not a headline


@pytest.mark.parametrize("name, published, title_start", [
    ("002_ef8944e6bb02e4a7.txt", "2017-12-04", "Déclaration du secrétaire général"),
    ("003_80dbe67e56024610.txt", "2020-06-26", "Le secrétaire général reçoit"),
    ("004_c54faaf288eec495.txt", None, "Le secrétaire général de l’OTAN et les commissaires"),
])
def test_seed_titles_and_dates(seeds_dir, name, published, title_start):
    doc = ingest(seeds_dir / name)
    assert doc.published == published
    assert doc.title.original.startswith(title_start)
    assert "Mis à jour" not in body(doc)
    assert "•" not in body(doc)


def test_quotes_are_exact_substrings_of_their_paragraph(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = ingest(path)
        for q in doc.quotes:
            para = doc.paragraphs[q.paragraph].text_original
            assert para[q.start:q.end] == q.original


def test_dateline_with_outlet_and_text_on_one_line(tmp_path):
    path = tmp_path / "depeche.txt"
    path.write_text("Un titre court pour la dépêche du jour\n\nBRUXELLES, 5 décembre 2017 (AFP) - "
                    "Les ministres se réunissent aujourd'hui au siège de l'Alliance pour deux jours.\n")
    doc = ingest(path)
    assert doc.outlet == "AFP"
    assert doc.published == "2017-12-05"
    assert body(doc).startswith("Les ministres se réunissent")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig", "utf-16-le"])
def test_legacy_and_unicode_encodings_are_decoded(tmp_path, encoding):
    path = tmp_path / f"source-{encoding}.txt"
    text = FRENCH if encoding != "latin-1" else FRENCH.replace("’", "'")
    path.write_bytes(text.encode(encoding))
    doc = ingest(path)
    assert "étrangères" in body(doc)
    assert "« Nous allons franchir une nouvelle étape »" in body(doc)


def test_cp1252_curly_apostrophe(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    assert "l’OTAN" in body(ingest(path))


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"  \n\t\n  ", "empty file (only whitespace)"),
    (PNG, "not text (binary content: PNG image)"),
    (b"%PDF-1.7\n" + bytes(range(256)), "not text (binary content: PDF document)"),
    (b"\x00\x01\x02\x03binary\x00data" * 20, "not text (binary content)"),
    (b"Accueil\n\n0\n\nLire aussi: autre chose\n", "no article text found (only page furniture)"),
], ids=["empty", "whitespace", "png", "pdf", "nul-bytes", "only-furniture"])
def test_bad_sources_raise_with_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        ingest(path)
    assert caught.value.reason == reason
    assert "bad.txt" in str(caught.value)


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(FRENCH * 50)
    with pytest.raises(SourceError, match="too large"):
        ingest(path, max_bytes=1000)


def test_markdown_title_and_markup(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# L'OTAN renforce sa coopération avec l'UE\n\n"
                    "Les **ministres** ont convenu de [renforcer](http://x.example) leur coopération "
                    "avec l'Union européenne, a déclaré le secrétaire général.\n\n"
                    "- « Nous allons franchir une nouvelle étape », a-t-il ajouté.\n")
    doc = ingest(path)
    assert doc.title.original == "L'OTAN renforce sa coopération avec l'UE"
    assert body(doc).startswith("Les ministres ont convenu de renforcer leur coopération")
    assert "http" not in body(doc) and "**" not in body(doc)
    assert [q.original for q in doc.quotes] == ["Nous allons franchir une nouvelle étape"]


HTML_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>L'OTAN et l'UE renforcent leur coopération | Le Journal</title>
<meta property="og:title" content="L'OTAN et l'UE renforcent leur coopération">
<meta property="og:site_name" content="Le Journal">
<meta property="article:published_time" content="2017-12-05T10:00:00+01:00">
<script>var tracking = "should not appear";</script></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>L'OTAN et l'UE renforcent leur coopération</h1>
<p>Les ministres des Affaires étrangères des pays de l'OTAN ont convenu mardi de renforcer leur
coopération avec l'Union européenne, a déclaré le secrétaire général de l'Alliance, Jens Stoltenberg.</p>
<p>« Nous allons faire franchir une nouvelle étape à la coopération entre l'OTAN et l'UE », a-t-il
ajouté lors d'une conférence de presse donnée au siège de l'organisation à Bruxelles.</p>
<p>Les deux organisations ont signé une déclaration conjointe et ont convenu de prendre une série de
mesures concrètes dans des domaines comme la lutte contre les menaces hybrides et la cyber-défense.</p>
</article><footer>Mentions légales</footer></body></html>"""


def test_html_page_through_trafilatura(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE)
    doc = ingest(path)
    assert doc.title.original == "L'OTAN et l'UE renforcent leur coopération"
    assert doc.published == "2017-12-05"
    assert doc.outlet == "Le Journal"
    assert "tracking" not in body(doc) and "Mentions légales" not in body(doc)
    assert body(doc).startswith("Les ministres des Affaires étrangères")


def test_html_saved_as_txt_is_recognised(tmp_path):
    path = tmp_path / "saved from browser.txt"
    path.write_text(HTML_PAGE)
    doc = ingest(path)
    assert "<p>" not in body(doc)
    assert doc.published == "2017-12-05"


def test_discover_lists_bad_entries(tmp_path):
    (tmp_path / "good.txt").write_text(FRENCH)
    (tmp_path / "notes.odt").write_bytes(b"PK\x03\x04")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / ".hidden.txt").write_text(FRENCH)
    usable, rejected = discover(tmp_path)
    assert [p.name for p in usable] == ["good.txt"]
    reasons = {p.name: r for p, r in rejected}
    assert reasons["folder.txt"] == "is a directory, not a file"
    assert reasons["dangling.txt"] == "broken symbolic link"
    assert reasons["notes.odt"].startswith("unsupported file type '.odt'")
    assert ".hidden.txt" not in reasons


def test_markdown_front_matter(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: \"L'OTAN et l'UE\"\ndate: 2023-07-11\nsource: Le Journal\n---\n\n"
                    "Les ministres ont convenu de renforcer leur coopération avec l'Union européenne mardi.\n")
    doc = ingest(path)
    assert (doc.title.original, doc.published, doc.outlet) == ("L'OTAN et l'UE", "2023-07-11", "Le Journal")
    assert "---" not in body(doc)


@pytest.mark.parametrize("dateline, place, outlet, when", [
    ("MADRID, 27 nov (EFE) – La ministra de Defensa habló ayer en el Congreso.", "Madrid", "EFE", "27 nov"),
    ("BUCUREȘTI, 27 noiembrie (Agerpres) - Ministrul a vorbit ieri.", "București", "Agerpres", "27 noiembrie"),
    ("BERLIN, 27. November (dpa) - Der Kanzler sprach am Mittwoch.", "Berlin", "dpa", "27. November"),
    ("МОСКВА, 27 ноября. /ТАСС/. Министр выступил в среду.", "Москва", "ТАСС", "27 ноября."),
    ("DEN HAAG (ANP) - De minister sprak woensdag in de Kamer.", "Den Haag", "ANP", None),
    ("LONDON, Nov 27 (Reuters) - The minister spoke on Wednesday.", "London", "Reuters", "Nov 27"),
    ("(ANSA) - FIRENZE, 12 MAG - Dopo quattro anni di cantiere torna visibile l'affresco.", "Firenze", "ANSA",
     "12 MAG"),
    ("Bologna, 3 marzo 2025 – Dodici anni di turni, gli ultimi tre in pronto soccorso.", "Bologna", None,
     "3 marzo 2025"),
    ("SEVILLA, 14 (EUROPA PRESS) El exalcalde ha negado este viernes ante la jueza los hechos.", "Sevilla",
     "EUROPA PRESS", "14"),
    ("BRASÍLIA – A Câmara dos Deputados adiou mais uma vez a votação do projeto.", "Brasília", None, None),
    ("ZANESVILLE, Ohio — For 31 years, the wrestling room smelled of sweat and bleach.", "Zanesville", None, None),
    # the place's state with an agency; a month cut to three letters as RIA Novosti writes it
    ("COLUMBUS, Ohio (AP) — A former village treasurer was accused on Monday.", "Columbus", "AP", None),
    ("ALBANY, N.Y. (AP) — The mayor said Thursday she will not resign.", "Albany", "AP", None),
    # a place of several words in capitals alone; an agency with its correspondent's byline
    ("SÃO PAULO – O Vasco da Gama anunciou na manhã desta segunda-feira a demissão do técnico.", "São Paulo", None,
     None),
    ("ЕКАТЕРИНБУРГ, 9 сентября. /Корр. ТАСС Дарья Ковалева/. «Единая Россия» набирает 52,4% голосов.", "Екатеринбург",
     "ТАСС", "9 сентября."),
    ("ЕКАТЕРИНБУРГ, 3 фев — РИА Новости. Хоккейный клуб отправил тренера в отставку.", "Екатеринбург",
     "РИА Новости", "3 фев"),
    # the place's department or state in brackets; a place with a short particle
    ("LA LONDE-LES-MAURES (Var), 14 août (AFP) - Le feu a repris dans la nuit.", "La Londe-Les-Maures", "AFP",
     "14 août"),
    ("São José dos Campos (SP), 3 de março de 2026 (Agência Brasil) – O satélite entrou em órbita.",
     "São José dos Campos", "Agência Brasil", "3 de março de 2026"),
    ("Ronda (Málaga), 2 de junio de 2025.- La alcaldesa anunció este lunes su dimisión.", "Ronda", None,
     "2 de junio de 2025."),
    # Russian agencies' other shapes: Interfax's full stops, an agency after a hyphen with its
    # correspondent, a correspondent's slashes, a local paper in guillemets, a whole date alone
    ("Нальчик. 18 января. ИНТЕРФАКС - Лавина сошла на склоне.", "Нальчик", "ИНТЕРФАКС", "18 января"),
    ("Москва. 5 марта. INTERFAX.RU - Министерство сообщило о проверке.", "Москва", "INTERFAX.RU", "5 марта"),
    ("МОСКВА, 5 мар - РИА Новости, Иван Петров. Министерство сообщило о проверке.", "Москва", "РИА Новости",
     "5 мар"),
    ("САНКТ-ПЕТЕРБУРГ, 5 марта. /Корр. ТАСС/. Губернатор подписал указ.", "Санкт-Петербург", "ТАСС", "5 марта."),
    ("Санкт-Петербург, 5 марта — «Фонтанка». Губернатор подписал указ.", "Санкт-Петербург", "Фонтанка",
     "5 марта"),
    ("Пермь, 14 ноября 2024 года. В школе проходит проверка.", "Пермь", None, "14 ноября 2024 года"),
    # a Brazilian state in brackets is no outlet (pt data, [datelines] regions); the Associated
    # Press in the same shape is
    ("PARANAGUÁ (PR) – A Receita Federal apreendeu 40 mil peças.", "Paranaguá", None, None),
    ("PHOENIX (AP) — Officials said the count would go on.", "Phoenix", "AP", None),
])
def test_datelines_of_other_presses(dateline, place, outlet, when):
    from briefgen import boilerplate

    cleaned = boilerplate.clean([dateline])
    assert (cleaned.place, cleaned.outlet, cleaned.dateline_date) == (place, outlet, when)
    assert not cleaned.paragraphs[0].startswith(dateline.split()[0])  # the dateline left the body


@pytest.mark.parametrize("paragraphs", [
    ["Le ministre, 3 mai 2025 – voilà ce qu'il a dit ce matin devant la presse."],  # not a place
    ["Paris – la ville est calme ce matin et les rues sont vides."],  # neither a date nor capitals
    ["Les ministres se sont réunis mardi à Bruxelles pour parler de défense.",
     "NATO – The alliance said on Tuesday that it would send more troops."],  # capitals, not first
])
def test_sentences_that_only_look_like_datelines_stay_body_text(paragraphs):
    from briefgen import boilerplate

    cleaned = boilerplate.clean(paragraphs, title="Un titre")
    assert cleaned.paragraphs == paragraphs and cleaned.place is None
