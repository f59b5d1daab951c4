"""The seeds' brief, freshly made in English and French, checked with the tools auditors and
readers use: the Nu HTML Checker, Chromium at a phone's width, the Atom feed's rules,
feedparser, pdfinfo; and read for local paths.

A checker that is missing fails the test in CI (``make setup`` installs all of them) and
skips it elsewhere, saying what to install."""

import json
import os
import shutil
import subprocess

import pytest

from briefgen.config import Config
from briefgen.pipeline import make_brief
from briefgen.testing import pagecheck
from conftest import SEEDS, apertium_available

DAY = "2026-11-24"
BASE_URL = "https://intranet.example/briefs/"


def require(available, what: str) -> None:
    """A tool the check needs: in CI its absence is a failure, elsewhere a skip."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what}: 'make setup' should have installed it", pytrace=False)
    pytest.skip(f"{what} (run 'make setup' as root to install it)")


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The seeds plus a source full of markup and a file that is skipped, made into an
    English and a French brief with apertium, from a sources folder outside the current
    directory (so that nothing may fall back to an absolute path)."""
    require(apertium_available(), "apertium with its fr-es and eng-spa data is not installed")
    root = tmp_path_factory.mktemp("checked")
    sources = root / "inbox"
    shutil.copytree(SEEDS, sources)
    (sources / "markup.txt").write_text(
        "Les ministres de l'OTAN ont parlé de <b>sécurité</b> & de défense <script>alert(1)</script> "
        "pendant deux jours à Bruxelles, a indiqué le porte-parole de l'Alliance.\n\n"
        "« Nous n'accepterons jamais <img src=x> ni les menaces », a déclaré Jens Stoltenberg "
        "devant les journalistes réunis au siège de l'organisation à Bruxelles.\n")
    (sources / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(200)))
    out = root / "out"
    for lang in ("en", "fr"):
        make_brief(Config(sources_dir=sources, out_dir=out, lang=lang, engine="apertium",
                          cache_path=root / "tm.sqlite3", base_url=BASE_URL), DAY)
    return root, out


def pages(out):
    return [out / DAY / "brief-en.html", out / DAY / "brief-fr.html", out / "index.html"]


def test_html_passes_the_nu_html_checker(made):
    require(pagecheck.vnu_jar(), f"the Nu HTML Checker (vnu-jar {pagecheck.VNU_VERSION} and java) is not installed")
    _, out = made
    assert pagecheck.html_messages(pages(out)) == []


@pytest.mark.parametrize("page", ["brief-en.html", "brief-fr.html", "index.html"])
def test_pages_fit_a_phone(made, page):
    require(pagecheck.chromium(), "chromium is not installed")
    _, out = made
    path = out / page if page == "index.html" else out / DAY / page
    scroll_width, viewport = pagecheck.layout_width(path, 390)
    assert viewport == 390 and scroll_width <= viewport, f"{page} is {scroll_width} px wide at 390 px"


def pdf_strings(path) -> str:
    """Everything a PDF holds as text: the text on its pages (drawn with glyph numbers, so
    pdftotext reads it), its objects and their decoded streams (metadata, links)."""
    from pypdf import PdfReader
    from pypdf.generic import StreamObject

    reader = PdfReader(path)
    parts = [subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout]
    numbers = set(reader.xref_objStm) | {n for table in reader.xref.values() for n in table}
    for number in sorted(numbers):
        obj = reader.get_object(number)
        if isinstance(obj, StreamObject):
            parts.append(obj.get_data().decode("latin-1"))
        parts.append(repr(obj))
    return "\n".join(parts)


def reader_files(out):
    """What readers get: every file of the output folder but briefgen's own hidden state."""
    return [p for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith(".")]


def test_no_local_paths_in_what_readers_get(made):
    root, out = made
    local = [str(root), str(root.resolve()), os.getcwd()]
    files = reader_files(out)
    assert {p.suffix for p in files} >= {".html", ".pdf", ".json", ".xml"}
    for path in files:
        text = pdf_strings(path) if path.suffix == ".pdf" else path.read_text(encoding="utf-8")
        for where in local:
            assert where not in text, f"{path.relative_to(out)} holds the local path {where}"
    data = json.loads((out / DAY / "brief-en.json").read_text())
    assert [s["path"] for s in data["sources"]][:2] == ["000_624c5570f2c94b4c.txt", "001_08897cc2a1369cc8.txt"]
    assert {"path": "picture.txt", "reason": "not text (binary content: PNG image)"} in data["skipped"]
    html = (out / DAY / "brief-en.html").read_text()
    assert '<td class="file">000_624c5570f2c94b4c.txt</td>' in html


def test_absolute_paths_only_in_the_json_and_only_when_asked(made, tmp_path):
    root, _ = made
    out = tmp_path / "out"
    make_brief(Config(sources_dir=root / "inbox", out_dir=out, lang="fr", engine="apertium", absolute_paths=True,
                      cache_path=root / "tm.sqlite3"), DAY)
    data = json.loads((out / DAY / "brief-fr.json").read_text())
    assert data["sources"][0]["path"] == str((root / "inbox" / "000_624c5570f2c94b4c.txt").absolute())
    assert data["skipped"][0]["path"] == str((root / "inbox" / "picture.txt").absolute())
    assert str(root) not in (out / DAY / "brief-fr.html").read_text()
    assert str(root) not in pdf_strings(out / DAY / "brief-fr.pdf")


def structure(pdf_path) -> tuple[dict, list[tuple[str, str | None]]]:
    """The PDF's catalog, and every element of its structure tree as (type, /Lang)."""
    from pypdf import PdfReader

    catalog = PdfReader(pdf_path).trailer["/Root"]
    found = []

    def walk(node):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if "/S" in node:
            found.append((str(node["/S"]), node.get("/Lang")))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if hasattr(kid, "get_object"):
                walk(kid)

    walk(catalog["/StructTreeRoot"])
    return catalog, found


def test_pdf_is_tagged_for_screen_readers(made):
    _, out = made
    pdf = out / DAY / "brief-en.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info
    catalog, elements = structure(pdf)
    assert catalog["/Lang"] == "en" and catalog["/MarkInfo"]["/Marked"]
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]  # the title, not the file name
    assert b'pdfuaid:part="1"' in catalog["/Metadata"].get_object().get_data()
    kinds = {kind for kind, _ in elements}
    assert kinds >= {"/H1", "/H2", "/H3", "/L", "/LI", "/Table", "/TH", "/TD", "/BlockQuote", "/Caption", "/Link"}
    # the French original wording and titles are French in an English brief
    assert ("/P", "fr") in elements
    assert {lang for _, lang in elements} == {None, "fr"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_pdf_page_breaks(made, lang):
    """No heading ends a page, no contents number sits alone, no quotation is apart from
    its speaker, no paragraph or person is split with a single line on a page."""
    from briefgen.pdf import layout_pdf
    from briefgen.testing import layoutcheck

    _, out = made
    document = layout_pdf((out / DAY / f"brief-{lang}.html").read_text(encoding="utf-8"))
    assert len(document.pages) >= 5
    assert layoutcheck.problems(document) == []


def test_french_typography(made):
    """In the French brief, narrow no-break spaces inside « » and before ; : ! ?: in the
    page's text, its labels, the quotation marks the stylesheet adds, and the PDF."""
    import re
    from html import unescape

    from briefgen.pdf import layout_pdf
    from briefgen.testing import layoutcheck

    _, out = made
    html = (out / DAY / "brief-fr.html").read_text(encoding="utf-8")
    visible = unescape(re.sub(r"<[^>]+>", "", re.sub(r"<(style|head)\b.*?</\1>", "", html, flags=re.S)))
    wrong = re.compile(r"«(?!\u202f)|(?<!\u202f)»|[ \u00a0][;:!?](?=\s|$)|\w[;!?](?=\s)")
    assert wrong.findall(visible) == []
    assert visible.count("\u202f") > 10
    assert 'quotes: "«\\202F" "\\202F»"' in html and 'content: "\\202F»"' in html
    lines = [line.text for line in layoutcheck._lines(layout_pdf(html))]
    assert any("«\u202f" in line for line in lines) and any("\u202f»" in line for line in lines)
    assert [line for line in lines if wrong.search(line)] == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_feed_passes_the_feed_validators_rules_and_feedparser(made, lang):
    """0 errors and 0 warnings by the W3C validator's rules (briefgen.testing.feedcheck:
    the validator itself is on no package registry), and read right by feedparser."""
    import feedparser

    from briefgen.testing.feedcheck import check_feed

    _, out = made
    data = (out / f"feed-{lang}.xml").read_bytes()
    assert [str(event) for event in check_feed(data, BASE_URL + f"feed-{lang}.xml")] == []
    parsed = feedparser.parse(data)
    assert not parsed.bozo and parsed.feed.language == lang
    (entry,) = parsed.entries
    assert entry.link == f"{BASE_URL}{DAY}/brief-{lang}.html"
    assert entry.enclosures[0]["type"] == "application/pdf"
    assert int(entry.enclosures[0]["length"]) == (out / DAY / f"brief-{lang}.pdf").stat().st_size
