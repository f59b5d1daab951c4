"""The brief's HTML as a PDF (weasyprint): A4, the shipped fonts embedded, nothing loaded
but briefgen's own template folder, and tagged for screen readers.

Every PDF is tagged (PDF/UA-1): headings, lists, tables, quotations and links are in its
structure tree, with the document's language and the language of every passage in another
one (a French original in an English brief). A PDF/A variant, for archives, is tagged too
and, when it is PDF/A-2 or -3 (PDF 1.7, as PDF/UA-1 is), also declares PDF/UA-1.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .view import templates_dir

log = logging.getLogger(__name__)

PDF_STYLESHEET = "pdf.css"  # fonts shipped with briefgen, and paged-media rules: for the PDF only
PDF_VARIANTS = ("pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/ua-1")
ACCESSIBLE = "pdf/ua-1"  # what a PDF is when no variant is asked for
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


def render_pdf(html: str, variant: str | None = None) -> bytes:
    """HTML to PDF; ``variant``: a PDF/A flavour for archiving, e.g. "pdf/a-3b" (default:
    PDF/UA-1). weasyprint may read nothing but the project's own template folder."""
    document = layout_pdf(html)
    variant = variant or ACCESSIBLE
    # custom_metadata: <meta name="language"> goes into the PDF's information dictionary
    options = {"custom_metadata": True, "pdf_variant": variant, "pdf_tags": True}
    declare_ua = variant.startswith(("pdf/a-2", "pdf/a-3"))
    return document.write_pdf(finisher=_declare_pdf_ua if declare_ua else None, **options)


def layout_pdf(html: str):
    """The pages of the PDF, laid out (a weasyprint Document): what ``render_pdf`` writes,
    and what the tests measure page breaks on."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    folder = templates_dir()
    fetcher = _assets_only_fetcher(folder)
    # the shipped fonts' @font-face rules take effect only through a FontConfiguration
    # given both to the stylesheet and to the layout (weasyprint 70 has no implicit one)
    font_config = FontConfiguration()
    stylesheet = CSS(filename=str(folder / PDF_STYLESHEET), base_url=str(folder) + "/", url_fetcher=fetcher,
                     font_config=font_config)
    _tag_languages()
    html = html.replace(VIEWPORT, "")  # a screen setting, not the PDF's metadata
    return HTML(string=html, base_url=str(folder) + "/", url_fetcher=fetcher).render(
        stylesheets=[stylesheet], font_config=font_config)


def preload_pdf_renderer() -> None:
    """Import weasyprint (about a second) in the background while the other stages run."""
    import threading

    def load():
        try:
            import weasyprint  # noqa: F401
        except Exception:  # the PDF stage reports any real problem itself
            pass

    threading.Thread(target=load, name="preload-weasyprint", daemon=True).start()


def _tag_languages() -> None:
    """Have weasyprint's tagger give each structure element of an HTML element with a
    ``lang`` attribute that language (/Lang), so that a screen reader reads a French
    original in French. weasyprint sets only the document's language; this wraps its
    (private) tree builder, and does nothing if a later weasyprint has none — the tests
    would say so."""
    import pydyf
    from weasyprint.pdf import tags

    build = getattr(tags, "_build_box_tree", None)
    if build is None or getattr(build, "briefgen_lang", False):
        return

    def build_with_lang(box, *args):
        elements = list(build(box, *args))
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None and getattr(box, "element_tag", None) != "html" else None
        if lang and elements and elements[-1].get("Type") == "/StructElem":
            elements[-1]["Lang"] = pydyf.String(lang)
        yield from elements

    build_with_lang.briefgen_lang = True
    tags._build_box_tree = build_with_lang


# The XMP that declares PDF/UA-1 in a PDF/A file: PDF/A accepts only the metadata
# properties it knows or that the file describes, so the pdfuaid schema is described too.
_PDF_UA_XMP = b"""<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1"/>
"""


def _declare_pdf_ua(document, pdf) -> None:
    """weasyprint's finisher hook: add the PDF/UA-1 declaration to the PDF/A metadata."""
    reference = pdf.catalog["Metadata"]
    number = int(str(reference.decode() if isinstance(reference, bytes) else reference).split()[0])
    stream = pdf.objects[number]
    xmp = b"".join(part if isinstance(part, bytes) else str(part).encode() for part in stream.stream)
    if b"</rdf:RDF>" not in xmp:
        raise RuntimeError("weasyprint wrote PDF/A metadata without rdf:RDF; cannot declare PDF/UA")
    stream.stream = [xmp.replace(b"</rdf:RDF>", _PDF_UA_XMP + b"</rdf:RDF>", 1)]


def _assets_only_fetcher(folder: Path):
    from weasyprint.urls import URLFetcher

    allowed = folder.resolve()

    class AssetsOnlyFetcher(URLFetcher):
        """Refuses every URL but data: URIs and files inside the template folder."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file://"):
                from urllib.request import url2pathname

                path = Path(url2pathname(url[len("file://"):].split("?")[0])).resolve()
                if path.is_relative_to(allowed):
                    return super().fetch(url, headers)
            log.warning("PDF: refused to load %s (only the brief's own assets may be used)", url[:200])
            raise ValueError(f"briefgen does not load external resources: {url[:200]}")

    return AssetsOnlyFetcher(allowed_protocols=("data", "file"))
