"""The brief as people read it: content, PDF structure, localisation, archive."""

import re
import subprocess
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from briefgen import i18n
from briefgen.config import Config
from briefgen.pipeline import make_brief
from conftest import ROOT, SEEDS, needs_apertium

DAY = "2026-11-24"


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    out = tmp_path_factory.mktemp("design")
    outcome = make_brief(Config(sources_dir=SEEDS, out_dir=out, engine="apertium",
                                cache_path=out / "tm.sqlite3"), DAY)
    return outcome, out


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@needs_apertium
def test_pdf_has_date_toc_pages_titles_and_speakers(english):
    outcome, out = english
    pdf = out / DAY / "brief-en.pdf"
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    assert "24 November 2026" in text
    pages = len(PdfReader(pdf).pages)
    assert f"Page 1 of {pages}" in text and pages >= 3
    # the table of contents: each entry ends with its page number
    toc = text[text.index("CONTENTS"):text.index("Key points\n", text.index("CONTENTS") + 20)]
    assert re.search(r"Key points[ .]+\d+", toc) and re.search(r"People[ .]+\d+", toc)
    for item in outcome.brief.sources:
        title = item.document.title
        if title is not None:
            assert " ".join(title.text.split())[:40] in flat, title.text
    for person in outcome.brief.people:
        assert person.name in flat


@needs_apertium
def test_pdf_metadata_bookmarks_links_and_fonts(english):
    outcome, out = english
    pdf = out / DAY / "brief-en.pdf"
    info = subprocess.run(["pdfinfo", "-custom", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Title:           Press brief — 24 November 2026" in info
    assert re.search(r"^language:\s+en$", info, re.M)
    reader = PdfReader(pdf)
    assert reader.trailer["/Root"]["/Lang"] == "en"
    bookmarks = [b.title for b in reader.outline if not isinstance(b, list)]
    assert bookmarks[0] == "Key points" and bookmarks[-2:] == ["People", "Sources"]
    assert len(bookmarks) == len(outcome.brief.sources) + 3
    internal = [a.get_object()["/Dest"] for page in reader.pages for a in page.get("/Annots") or []
                if "/Dest" in a.get_object()]
    assert "key-points" in internal and "people" in internal
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes yes yes " in row for row in rows)  # embedded, subset, with Unicode
    assert any("Noto-Serif" in row for row in rows)


@needs_apertium
def test_html_is_self_contained_and_marks_original_language(english):
    _, out = english
    html = (out / DAY / "brief-en.html").read_text()
    refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)["']""", html)
    assert refs and all(r.startswith(("#", "data:")) for r in refs)
    assert "<script" not in html and "@import" not in html
    assert '<html lang="en">' in html
    assert re.search(r'<p class="original-title" lang="fr">', html)
    assert re.search(r'<p class="original" lang="fr">', html)
    assert "<details>" in html and 'id="people"' in html and 'id="key-points"' in html


@needs_apertium
def test_french_brief_has_no_english_labels(tmp_path):
    outcome = make_brief(Config(sources_dir=SEEDS, out_dir=tmp_path, engine="apertium", lang="fr",
                                cache_path=tmp_path / "tm.sqlite3"), DAY)
    html = (tmp_path / DAY / "brief-fr.html").read_text()
    visible = re.sub(r"<style.*?</style>|<[^>]+>", " ", html, flags=re.S)
    assert "24 novembre 2026" in visible
    for label in ("Press brief", "Key points", "Key sentences", "Quotes", "Original wording", "People",
                  "Skipped", "date not given", "speaker not stated", "Machine-translated", "Generated", "Contents"):
        assert label not in visible, label
    assert "Points clés" in visible and "Revue de presse" in visible
    # French sources are not translated; only the English line of seed 002 is
    assert outcome.brief.translation["model"] == "eng-spa > es-fr"
    assert "Page 1 sur" in pdf_text(tmp_path / DAY / "brief-fr.pdf")


def test_every_label_has_a_french_translation():
    template = (ROOT / "templates" / "brief.html.j2").read_text() + (ROOT / "templates" / "index.html.j2").read_text()
    code = (ROOT / "briefgen" / "view.py").read_text()
    labels = set(re.findall(r"""_\(["']([^"']+)["']""", template + code))
    labels |= set(re.findall(r'ngettext\("([^"]+)"', template + code))
    french = i18n.translations("fr")
    missing = [label for label in labels if french.gettext(label) == label and label not in ("Sources", "Source %(num)d", "Page", "Date")]
    assert not missing, missing


@pytest.mark.parametrize("lang, expected", [("en", "24 November 2026"), ("fr", "24 novembre 2026"), ("de", "24. November 2026")])
def test_dates_are_written_out_in_the_brief_language(lang, expected):
    assert i18n.long_date(DAY, lang) == expected


@needs_apertium
def test_archive_index_and_latest_copies(tmp_path):
    config = Config(sources_dir=SEEDS, out_dir=tmp_path, engine="apertium", formats=("html", "json"),
                    cache_path=tmp_path / "tm.sqlite3")
    make_brief(config, "2026-11-23")
    make_brief(config, "2026-11-24")
    index = (tmp_path / "index.html").read_text()
    assert index.index("24 November 2026") < index.index("23 November 2026")  # newest first
    assert 'href="2026-11-24/brief-en.html"' in index and 'href="2026-11-24/brief-en.json"' in index
    latest = (tmp_path / "latest-en.html").read_bytes()
    assert latest == (tmp_path / "2026-11-24" / "brief-en.html").read_bytes()
    # a later run for an earlier date does not make that date the latest
    make_brief(config, "2026-11-22")
    assert (tmp_path / "latest-en.html").read_bytes() == latest


@needs_apertium
def test_pdf_a_variant(tmp_path):
    make_brief(Config(sources_dir=SEEDS, out_dir=tmp_path, engine="apertium", formats=("pdf",),
                      pdf_variant="pdf/a-3b", cache_path=tmp_path / "tm.sqlite3"), DAY)
    reader = PdfReader(tmp_path / DAY / "brief-en.pdf")
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3"' in xmp and b'pdfaid:conformance="B"' in xmp
    assert "/OutputIntents" in reader.trailer["/Root"]
    # tagged as every brief is, and declared PDF/UA-1 too, with the schema PDF/A asks for
    assert "/StructTreeRoot" in reader.trailer["/Root"] and reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    assert b'pdfuaid:part="1"' in xmp and b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in xmp
    ElementTree.fromstring(xmp[xmp.index(b"<x:xmpmeta"):xmp.index(b"</x:xmpmeta>") + 12])  # well-formed


def test_skipped_reasons_in_the_brief_language(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Les ministres de l'OTAN se réunissent à Bruxelles pour parler de défense commune.\n")
    (src / "vide.txt").write_text("")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(200)))
    (src / "notes.odt").write_bytes(b"PK\x03\x04")
    (src / "notes.docx").write_bytes(b"PK\x03\x04")
    make_brief(Config(sources_dir=src, out_dir=tmp_path / "out", lang="fr", engine="none", formats=("html",)), DAY)
    html = (tmp_path / "out" / DAY / "brief-fr.html").read_text()
    # French typography: narrow no-break spaces before ":" and inside « »
    assert "vide.txt</span>\u202f: fichier vide" in html
    assert "pas du texte (contenu binaire\u202f: PNG image)" in html
    assert "type de fichier non pris en charge «\u202f.odt\u202f»" in html
    assert "notes.docx</span>\u202f: document Word endommagé (archive ZIP illisible)" in html
