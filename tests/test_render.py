"""Rendering: escaping, no external resources, a clean stylesheet, atomic files."""

import logging
import re
import subprocess

import pytest

from briefgen.config import Config
from briefgen.pipeline import make_brief
from briefgen.render import render_html, render_pdf

HOSTILE = (
    "Les ministres de l'OTAN ont discuté de sécurité <script>alert('x')</script> pendant deux jours "
    "à Bruxelles, a déclaré le porte-parole de l'Alliance.\n\n"
    "« Nous n'accepterons jamais <img src=\"http://127.0.0.1:9/track.png\"> ni file:///etc/passwd », "
    "a déclaré Jens Stoltenberg lors d'une conférence de presse au siège de l'organisation.\n\n"
    "Le texte <link rel=\"stylesheet\" href=\"file:///etc/passwd\"> reste un texte ordinaire pour le lecteur.\n"
)


@pytest.fixture
def hostile_brief(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "hostile.txt").write_text(HOSTILE)
    outcome = make_brief(Config(sources_dir=src, out_dir=tmp_path / "out", lang="fr", engine="none"),
                         date="2026-11-24")
    return outcome


def test_source_text_is_escaped(hostile_brief):
    html = render_html(hostile_brief.brief)
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert '<img src="http://127.0.0.1' not in html
    assert '<link rel="stylesheet" href="file:///etc/passwd">' not in html


def test_html_has_no_external_references(hostile_brief):
    html = render_html(hostile_brief.brief)
    refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)["']""", html)
    assert refs and all(r.startswith("#") or r.startswith("data:") for r in refs), refs
    assert "@import" not in html and "url(http" not in html


def test_pdf_fetcher_refuses_everything_external(tmp_path, caplog):
    """Even HTML that asks for them directly: the PDF renderer loads no outside resource."""
    import http.server
    import threading

    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    page = (f'<html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/style.css"></head><body>'
            f'<img src="http://127.0.0.1:{port}/pixel.png"><img src="file:///etc/passwd">'
            f'<p>Bonjour</p></body></html>')
    with caplog.at_level(logging.WARNING, logger="briefgen.pdf"):
        pdf = render_pdf(page)
    server.shutdown()
    assert pdf.startswith(b"%PDF-")
    assert hits == []
    refused = " ".join(r.getMessage() for r in caplog.records)
    assert "127.0.0.1" in refused and "/etc/passwd" in refused


def test_stylesheet_has_no_errors_for_weasyprint(hostile_brief, caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_pdf(render_html(hostile_brief.brief))
    problems = [r.getMessage() for r in caplog.records
                if "HarfBuzz" not in r.getMessage()]  # a packaging notice, not a CSS problem
    assert problems == []


def test_pdf_text_of_a_french_brief(hostile_brief):
    pdf = next(p for p in hostile_brief.paths if p.suffix == ".pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Jens Stoltenberg" in text
    assert "<script>alert('x')</script>" in " ".join(text.split())  # shown as text, not run
    assert re.search(r"Page 1 sur \d", text)  # a French brief, French labels


def test_rerun_keeps_an_unchanged_brief_and_replaces_a_changed_one(hostile_brief, tmp_path):
    html_path = next(p for p in hostile_brief.paths if p.suffix == ".html")
    first = html_path.read_bytes()
    config = Config(sources_dir=tmp_path / "src", out_dir=tmp_path / "out", lang="fr", engine="none")
    again = make_brief(config, date="2026-11-24")
    # same sources, same brief: its files are kept as they were; the archive is refreshed
    assert sorted(p.name for p in again.paths) == ["feed-fr.xml", "index.html", "latest-fr.html", "latest-fr.pdf"]
    assert html_path.read_bytes() == first
    # a changed source: all three files are replaced, whole
    with open(tmp_path / "src" / "hostile.txt", "a") as handle:
        handle.write("\nUn dernier paragraphe ajouté pour la réunion des ministres de la Défense à Bruxelles.\n")
    third = make_brief(config, date="2026-11-24")
    assert sorted(p.name for p in third.paths)[:3] == ["brief-fr.html", "brief-fr.json", "brief-fr.pdf"]
    assert html_path.read_bytes() != first
    assert "dernier paragraphe" in (html_path.parent / "brief-fr.json").read_text()
    assert not list(html_path.parent.glob(".*tmp"))


def test_edited_output_file_is_rendered_again(hostile_brief, tmp_path):
    pdf = next(p for p in hostile_brief.paths if p.suffix == ".pdf")
    pdf.write_bytes(b"damaged")
    make_brief(Config(sources_dir=tmp_path / "src", out_dir=tmp_path / "out", lang="fr", engine="none"),
               date="2026-11-24")
    assert pdf.read_bytes().startswith(b"%PDF")
