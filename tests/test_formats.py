"""PDF press releases, Word files and e-mail newsletters as sources: made here (weasyprint,
python-docx, the standard library), then read into a brief with their titles, dates and
quotes; damaged ones skipped with a reason."""

import datetime
import email.message
import email.utils
import json
import mailbox

import pytest

from briefgen.config import Config
from briefgen.errors import SourceError
from briefgen.ingest import ingest, ingest_all
from briefgen.pipeline import make_brief

DAY = "2026-11-24"
LINE = ("les ministres ont discuté longuement de la défense européenne et du soutien à l'Ukraine, "
        "a indiqué le ministère dans un communiqué publié lundi soir.")
QUOTE_PDF = "Nous devons aller plus loin ensemble"
QUOTE_DOCX = "C'est un jour important pour l'Europe"
QUOTE_EML = "Nous devons faire davantage"


def make_pdf(path, *, columns=2, paragraphs=24, title_meta="Communiqué de presse n° 12"):
    from weasyprint import HTML

    body = "".join(f"<p>Point {i} : {LINE}</p>" for i in range(1, paragraphs + 1))
    html = f"""<html><head><title>{title_meta}</title>
<style>@page {{ size: A4; margin: 2.5cm 2cm;
  @top-center {{ content: "Ministère des Armées — Communiqué de presse"; font-size: 9pt }}
  @bottom-center {{ content: "Page " counter(page) " sur " counter(pages); font-size: 9pt }} }}
body {{ font-family: DejaVu Serif; font-size: 11pt }} h1 {{ font-size: 20pt }}
.cols {{ columns: {columns}; column-gap: 1cm }}</style></head>
<body><h1>L'OTAN renforce sa présence sur le flanc est</h1><p>Paris, le 23 novembre 2026</p>
<div class="cols">{body}<p>« {QUOTE_PDF} », a déclaré la ministre Catherine Vautrin.</p></div></body></html>"""
    HTML(string=html).write_pdf(path)
    return path


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory):
    return make_pdf(tmp_path_factory.mktemp("pdf") / "communique.pdf")


def make_docx(path):
    from docx import Document

    document = Document()
    document.core_properties.title = "La France et l'Allemagne signent un accord"
    document.core_properties.created = datetime.datetime(2026, 11, 20, 9, 0)
    document.add_heading("La France et l'Allemagne signent un accord", 0)
    document.add_paragraph("Berlin, le 22 novembre 2026")
    document.add_paragraph("Les deux pays ont signé mercredi un accord sur la défense aérienne, "
                           "a annoncé le ministère allemand de la Défense dans un communiqué.")
    document.add_heading("Une coopération renforcée", 1)
    document.add_paragraph(f"« {QUOTE_DOCX} », a déclaré le ministre Boris Pistorius devant la presse.")
    document.sections[0].footer.paragraphs[0].text = "Ministère — 14 rue Saint-Dominique — Page 1"
    document.sections[0].header.paragraphs[0].text = "COMMUNIQUÉ DE PRESSE"
    document.save(path)
    return path


def newsletter(subject="La lettre de la défense : l'OTAN se réunit", sender="La Lettre Défense <lettre@defense.example>",
               when=datetime.datetime(2026, 11, 21, 7, 30, tzinfo=datetime.UTC), html=True):
    message = email.message.EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = "desk@example.org"
    message["Date"] = email.utils.format_datetime(when)
    message.set_content("Les ministres de la défense de l'OTAN se réuniront jeudi à Bruxelles pour le soutien à "
                        f"l'Ukraine.\n\n« {QUOTE_EML} », a déclaré Mark Rutte.\n\n"
                        "Pour vous désinscrire, répondez STOP.\n")
    if html:
        message.add_alternative(f"""<html><body><p><a href="https://x.example/web">Voir la version en ligne</a></p>
<p>Les ministres de la défense de l'OTAN se réuniront jeudi à Bruxelles pour discuter du soutien à l'Ukraine.</p>
<p>« {QUOTE_EML} », a déclaré le secrétaire général Mark Rutte lors d'une conférence de presse.</p>
<p>Les discussions porteront aussi sur les dépenses militaires des Alliés européens cette année.</p>
<p>Vous recevez cet e-mail car vous êtes abonné à La Lettre Défense.</p>
<p><a href="https://x.example/unsub">Se désinscrire</a> | Gérer vos préférences</p>
<p>La Lettre Défense, 1 rue de Paris, 75000 Paris</p></body></html>""", subtype="html")
    return message


def body(doc):
    return "\n".join(p.text_original for p in doc.paragraphs)


# ---------------------------------------------------------------- PDF
def test_pdf_reading_order_furniture_title_date(pdf_file):
    doc = ingest(pdf_file)
    assert doc.title.original == "L'OTAN renforce sa présence sur le flanc est"  # the headline, not the metadata
    assert doc.published == "2026-11-23"  # from the first page's date line
    text = body(doc)
    assert "Ministère des Armées" not in text and "Page 1 sur" not in text and "Page 2 sur" not in text
    # both columns and both pages, in order, each point whole (breaks mended)
    points = [p.text_original for p in doc.paragraphs if p.text_original.startswith("Point ")]
    assert [p.split(" :")[0] for p in points] == [f"Point {i}" for i in range(1, 25)]
    assert all(p.endswith("lundi soir.") for p in points)
    assert [q.original for q in doc.quotes] == [QUOTE_PDF]


def test_pdf_columns_between_full_width_paragraphs(tmp_path):
    """pdfminer's own order reads this page across the columns, line by line."""
    from weasyprint import HTML

    path = tmp_path / "blocs.pdf"
    HTML(string="<html><body style='font-family: DejaVu Serif'><h1>Le sommet de l'OTAN en trois temps</h1>"
                f"<p>Introduction en pleine largeur : {LINE} {LINE}</p><div style='columns: 2'>"
                + "".join(f"<p>Colonne {i} : {LINE}</p>" for i in range(1, 9))
                + f"</div><p>Transition en pleine largeur : « {QUOTE_PDF} », a déclaré la ministre.</p>"
                + "<div style='columns: 2'>" + "".join(f"<p>Suite {i} : {LINE}</p>" for i in range(1, 5))
                + "</div></body></html>").write_pdf(path)
    starts = [p.text_original.split(" :")[0] for p in ingest(path).paragraphs]
    assert starts == (["Introduction en pleine largeur"] + [f"Colonne {i}" for i in range(1, 9)]
                      + ["Transition en pleine largeur"] + [f"Suite {i}" for i in range(1, 5)])


def test_pdf_single_column_creation_date_and_metadata_title(tmp_path):
    from weasyprint import HTML

    path = tmp_path / "note.pdf"
    HTML(string="<html><head><title>Note sur la Boussole stratégique</title>"
                "<meta name=dcterms.created content=2026-10-02T08:00:00Z></head><body>"
                + "".join(f"<p>Paragraphe {i} : {LINE}</p>" for i in range(3)) + "</body></html>").write_pdf(path)
    doc = ingest(path)
    assert doc.title.original == "Note sur la Boussole stratégique"  # no headline: the document's title
    assert doc.published == "2026-10-02"  # no date in the text: the creation date


@pytest.mark.parametrize("damage, reason", [
    (lambda data: data[: len(data) // 3], "damaged PDF"),
    (lambda data: b"%PDF-1.7\n" + b"\x00garbage" * 50, "damaged PDF"),
    (lambda data: b"<html>not a pdf</html>", "not a PDF document"),
], ids=["truncated", "garbage", "html-named-pdf"])
def test_damaged_pdf_is_skipped_with_reason(pdf_file, tmp_path, damage, reason):
    path = tmp_path / "broken.pdf"
    path.write_bytes(damage(pdf_file.read_bytes()))
    with pytest.raises(SourceError) as error:
        ingest(path)
    assert error.value.reason.startswith(reason)


def test_pdf_without_text(tmp_path):
    from weasyprint import HTML

    path = tmp_path / "scan.pdf"
    HTML(string="<html><body><div style='width:5cm;height:5cm;background:black'></div></body></html>").write_pdf(path)
    with pytest.raises(SourceError, match="scanned pages need OCR"):
        ingest(path)


# ---------------------------------------------------------------- Word
def test_docx_paragraphs_headings_title_date(tmp_path):
    doc = ingest(make_docx(tmp_path / "accord.docx"))
    assert doc.title.original == "La France et l'Allemagne signent un accord"
    assert doc.published == "2026-11-22"  # the dateline in the text before the creation date
    text = body(doc)
    assert "Une coopération renforcée" in text  # headings are kept as paragraphs
    assert "COMMUNIQUÉ" not in text and "Saint-Dominique" not in text  # header and footer are not body
    assert [q.original for q in doc.quotes] == [QUOTE_DOCX]


def test_docx_creation_date_when_text_has_none(tmp_path):
    from docx import Document

    document = Document()
    document.core_properties.created = datetime.datetime(2026, 9, 1, 12, 0)
    document.add_paragraph("Bilan de la présidence : une note interne")
    document.add_paragraph(LINE.capitalize())
    document.save(tmp_path / "bilan.docx")
    doc = ingest(tmp_path / "bilan.docx")
    assert doc.published == "2026-09-01" and doc.title.original == "Bilan de la présidence : une note interne"


def test_zip_that_is_not_a_docx(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "photos.docx", "w") as archive:
        archive.writestr("photo.txt", "not a word file")
    with pytest.raises(SourceError, match="without a Word document in it"):
        ingest(tmp_path / "photos.docx")


def test_docx_zip_bomb_is_refused(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (200 * 1024 * 1024))
    assert (tmp_path / "bomb.docx").stat().st_size < 1024 * 1024
    with pytest.raises(SourceError, match="unpacks to"):
        ingest(tmp_path / "bomb.docx")


# ---------------------------------------------------------------- e-mail
def test_eml_subject_sender_date_html_part_and_footer(tmp_path):
    path = tmp_path / "lettre.eml"
    path.write_bytes(bytes(newsletter()))
    doc = ingest(path)
    assert doc.title.original == "La lettre de la défense : l'OTAN se réunit"
    assert (doc.outlet, doc.published) == ("La Lettre Défense", "2026-11-21")
    text = body(doc)
    assert "dépenses militaires" in text  # from the HTML part, which has more than the text part
    for furniture in ("version en ligne", "Vous recevez", "désinscrire", "75000 Paris"):
        assert furniture not in text
    assert [q.original for q in doc.quotes] == [QUOTE_EML]


def test_eml_plain_text_only(tmp_path):
    path = tmp_path / "plain.eml"
    path.write_bytes(bytes(newsletter(html=False, sender="desk@agence.example")))
    doc = ingest(path)
    assert doc.outlet == "desk@agence.example"
    assert "désinscrire" not in body(doc) and [q.original for q in doc.quotes] == [QUOTE_EML]


def test_mbox_one_source_per_message_and_a_bad_one_skipped(tmp_path):
    box = mailbox.mbox(tmp_path / "lettres.mbox")
    box.add(newsletter())
    box.add(newsletter(subject="Second numéro", when=datetime.datetime(2026, 11, 22, 7, 0, tzinfo=datetime.UTC)))
    empty = email.message.EmailMessage()
    empty["Subject"], empty["From"], empty["Date"] = "Vide", "x@example.org", "Sun, 23 Nov 2026 07:00:00 +0000"
    box.add(empty)
    box.flush()
    box.close()
    results = ingest_all(tmp_path / "lettres.mbox")
    assert [r.path.rsplit("/", 1)[-1] for r in results] == ["lettres.mbox#1", "lettres.mbox#2", "lettres.mbox#3"]
    first, second, bad = results
    assert (first.title.original, first.published) == ("La lettre de la défense : l'OTAN se réunit", "2026-11-21")
    assert (second.title.original, second.published, second.id) == ("Second numéro", "2026-11-22", "lettres-002")
    assert first.sha256 != second.sha256
    assert isinstance(bad, SourceError) and bad.reason == "no text in the e-mail"


def test_file_that_is_no_mailbox(tmp_path):
    (tmp_path / "notes.mbox").write_text("Juste une ligne de texte, sans message.\n")
    (result,) = ingest_all(tmp_path / "notes.mbox")
    assert isinstance(result, SourceError) and result.reason.startswith("not a mailbox")


# ---------------------------------------------------------------- into a brief
def test_each_kind_ends_up_in_the_brief(pdf_file, tmp_path):
    sources = tmp_path / "inbox"
    sources.mkdir()
    (sources / "communique.pdf").write_bytes(pdf_file.read_bytes())
    make_docx(sources / "accord.docx")
    (sources / "lettre.eml").write_bytes(bytes(newsletter()))
    box = mailbox.mbox(sources / "revue.mbox")
    box.add(newsletter(subject="Revue du matin : l'OTAN et l'Ukraine"))
    box.add(newsletter(subject="Revue du soir : la défense européenne",
                       when=datetime.datetime(2026, 11, 22, 18, 0, tzinfo=datetime.UTC)))
    box.flush()
    box.close()
    (sources / "tronque.pdf").write_bytes(pdf_file.read_bytes()[:2000])
    make_brief(Config(sources_dir=sources, out_dir=tmp_path / "out", lang="fr", engine="none",
                      formats=("json", "html")), DAY)
    brief = json.loads((tmp_path / "out" / DAY / "brief-fr.json").read_text())
    found = {s["path"].rsplit("/", 1)[-1]: s for s in brief["sources"]}
    assert set(found) == {"communique.pdf", "accord.docx", "lettre.eml", "revue.mbox#1", "revue.mbox#2"}
    assert found["communique.pdf"]["title"] == "L'OTAN renforce sa présence sur le flanc est"
    assert found["communique.pdf"]["published"] == "2026-11-23"
    assert found["accord.docx"]["published"] == "2026-11-22"
    assert found["revue.mbox#2"]["title"] == "Revue du soir : la défense européenne"
    assert found["revue.mbox#2"]["outlet"] == "La Lettre Défense"
    quotes = {s["original"] for source in brief["sources"] for s in source["statements"] if s["kind"] == "quote"}
    assert {QUOTE_PDF, QUOTE_DOCX, QUOTE_EML} <= quotes
    ((name, reason),) = [(s["path"].rsplit("/", 1)[-1], s["reason"]) for s in brief["skipped"]]
    assert name == "tronque.pdf" and reason.startswith("damaged PDF")
    html = (tmp_path / "out" / DAY / "brief-fr.html").read_text()
    assert "Revue du soir\u202f: la défense européenne" in html and "revue.mbox#2" in html  # French typography
