"""The brief as a reader sees it: what goes where on the page, in the brief's language.

``render_html`` turns a Brief into the self-contained HTML page (jinja2, autoescaped,
stylesheets inlined) that is also the input of the PDF.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from markupsafe import Markup

from . import i18n
from .model import Brief, Document, Segment, SourceBrief, Statement
from .typography import typeset

log = logging.getLogger(__name__)
TEMPLATE = "brief.html.j2"
STYLESHEET = "brief.css"
NARROW_STYLESHEET = "brief-narrow.css"
KEY_POINTS = 6
MIN_QUOTE_WORDS = 3  # shorter quotations ("« salué »") stay in the JSON, not on the page
# above this many sources the PDF keeps one line and one key sentence a source (the HTML
# keeps everything): a 500-source PDF stays readable, and quick to make
COMPACT_FROM = 40
COMPACT_PEOPLE = 30  # people in a compact people index, two statements each


def templates_dir() -> Path:
    """Where the templates are: inside the installed package, or the checkout's templates/."""
    packaged = Path(__file__).parent / "templates"
    if (packaged / TEMPLATE).is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class Ref:
    number: int
    anchor: str


@dataclass
class Item:
    """One source on the page."""

    brief: SourceBrief
    number: int
    anchor: str
    heading: str
    published_long: str | None
    language_name: str
    file_name: str
    quotes: list[Statement]
    provenance: str
    refs_by_id: dict[str, Ref] = field(default_factory=dict)

    def also_refs(self, statement: Statement) -> list[Ref]:
        return [self.refs_by_id[i] for i in statement.also_in if i in self.refs_by_id]


@dataclass(frozen=True)
class KeyPoint:
    statement: Statement
    refs: list[Ref]


@dataclass(frozen=True)
class Section:
    items: list[Item]


ANCHOR_CHARS = 60  # of the id in an anchor; longer ids are cut (and made unique)


def anchors(docs: list[Document]) -> list[Markup]:
    """One link target a source, unique on the page: "src-" and the id with anything but
    letters and digits as "-", cut to ANCHOR_CHARS, then -2, -3 … where two ids give the
    same ("b c" and "b-c"). Markup: made of letters, digits and dashes only, it is not
    text to escape or break."""
    taken: set[str] = set()
    result = []
    for doc in docs:
        wanted = "src-" + "".join(c if c.isalnum() else "-" for c in doc.id)[:ANCHOR_CHARS]
        unique, n = wanted, 1
        while unique in taken:
            n += 1
            unique = f"{wanted}-{n}"
        taken.add(unique)
        result.append(Markup(unique))
    return result


def heading(doc: Document) -> str:
    """The translated title, or the first words of the text when the source has none."""
    if doc.title is not None:
        return doc.title.text if doc.title.text is not None else doc.title.original
    first = doc.paragraphs[0]
    cut = (first.text or first.text_original).split()
    return " ".join(cut[:14]) + ("…" if len(cut) > 14 else "")


def key_points(brief: Brief, refs: dict[str, Ref], limit: int = KEY_POINTS) -> list[KeyPoint]:
    """The strongest statements across sources: attributed quotes first, at most two a
    source, a quotation several sources report once (citing them all)."""
    ranked = []
    for n, item in enumerate(brief.sources):
        candidates = [q for q in item.quotes if q.speaker and len(q.original.split()) >= 5]
        candidates = sorted(candidates, key=lambda q: -q.score)[:2] or list(item.summary[:1])
        ranked.extend((s.score + (0.5 if s.kind == "quote" else 0.0) + 0.2 * len(s.also_in), n, s)
                      for s in candidates)
    ranked.sort(key=lambda r: (-r[0], r[1]))
    points: list[KeyPoint] = []
    cited: set[tuple[str, str]] = set()
    for _, n, statement in ranked:
        doc_id = brief.sources[n].document.id
        if (doc_id, statement.original) in cited:
            continue
        for other in statement.also_in:  # the other sources' copies of these words
            cited.update((other, q.original) for s in brief.sources if s.document.id == other for q in s.quotes
                         if q.also_in and doc_id in q.also_in)
        points.append(KeyPoint(statement, [refs[doc_id]] + [refs[i] for i in statement.also_in if i in refs]))
        if len(points) == limit:
            break
    return points


# the reasons a source is skipped (ingest.py, detect.py), as message templates, so that a
# French brief says them in French; a reason of another shape is shown as it is
SKIP_REASONS = [
    (r"empty file", "empty file"),
    (r"empty file \(only whitespace\)", "empty file (only whitespace)"),
    (r"not text \(binary content: (?P<kind>.+)\)", "not text (binary content: %(kind)s)"),
    (r"not text \(binary content\)", "not text (binary content)"),
    (r"not text \(unknown character encoding or binary content\)",
     "not text (unknown character encoding or binary content)"),
    (r"too large \((?P<size>[\d.]+ MB), limit (?P<limit>[\d.]+ MB)\)", "too large (%(size)s, limit %(limit)s)"),
    (r"language could not be detected \(too little text\)", "language could not be detected (too little text)"),
    (r"broken symbolic link", "broken symbolic link"),
    (r"symbolic link to a file outside the sources folder", "symbolic link to a file outside the sources folder"),
    (r"not a regular file \(a named pipe\)", "not a regular file (a named pipe)"),
    (r"not a regular file \(a device\)", "not a regular file (a device)"),
    (r"not a regular file \(a socket\)", "not a regular file (a socket)"),
    (r"changed while being read", "changed while being read"),
    (r"made by briefgen \(a brief or its index\), not a source",
     "made by briefgen (a brief or its index), not a source"),
    (r"is a directory, not a file", "is a directory, not a file"),
    (r"cannot be read \(permission denied\)", "cannot be read (permission denied)"),
    (r"no article text found \(only page furniture\)", "no article text found (only page furniture)"),
    (r"no article text found in the HTML page", "no article text found in the HTML page"),
    (r"unsupported file type '(?P<kind>[^']*)' \(briefgen reads (?P<known>.+)\)",
     "unsupported file type '%(kind)s' (briefgen reads %(known)s)"),
    # PDF, Word and e-mail files (briefgen/formats/)
    (r"not a PDF document \(damaged, or another kind of file\)",
     "not a PDF document (damaged, or another kind of file)"),
    (r"encrypted PDF \(it needs a password\)", "encrypted PDF (it needs a password)"),
    (r"damaged PDF \((?P<kind>\w+)\)", "damaged PDF (%(kind)s)"),
    (r"no text in the PDF \(scanned pages need OCR\)", "no text in the PDF (scanned pages need OCR)"),
    (r"not a Word document \(\.docx files are ZIP archives; this is not one\)",
     "not a Word document (.docx files are ZIP archives; this is not one)"),
    (r"not a Word document \(a ZIP archive without a Word document in it\)",
     "not a Word document (a ZIP archive without a Word document in it)"),
    (r"damaged Word document \(not a readable ZIP archive\)", "damaged Word document (not a readable ZIP archive)"),
    (r"damaged Word document \(unpacks to (?P<size>\d+) MB\)", "damaged Word document (unpacks to %(size)s MB)"),
    (r"damaged Word document \((?P<kind>\w+)\)", "damaged Word document (%(kind)s)"),
    (r"not a mailbox \(no message starts with a 'From ' line\)",
     "not a mailbox (no message starts with a 'From ' line)"),
    (r"not an e-mail message \(no Subject, From or Date header\)",
     "not an e-mail message (no Subject, From or Date header)"),
    (r"no text in the e-mail", "no text in the e-mail"),
    (r"no text found", "no text found"),
]


class Labels:
    """The sentences of the page that depend on the brief's language."""

    def __init__(self, lang: str):
        self.lang = lang
        self.t = i18n.translations(lang)

    def gettext(self, message: str) -> str:
        """A label in the brief's language, spaced as that language writes (French: « »)."""
        return typeset(self.t.gettext(message), self.lang)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return typeset(self.t.ngettext(singular, plural, n), self.lang)

    def _(self, message: str, **values) -> str:
        return self.gettext(message) % values if values else self.gettext(message)

    def install(self, env) -> None:
        """Give a jinja2 environment these labels, for ``_()`` and ``ngettext()`` in templates."""
        env.install_gettext_callables(self.gettext, self.ngettext, newstyle=True)

    def language(self, code: str | None) -> str:
        return i18n.language_name(code, self.lang)

    def reason(self, reason: str) -> str:
        """Why a source was skipped, in the brief's language."""
        for pattern, message in SKIP_REASONS:
            m = re.fullmatch(pattern, reason)
            if m:
                return self._(message, **m.groupdict())
        return reason

    def languages(self, codes: list[str]) -> str:
        return ", ".join(self.language(c) for c in codes)

    def sources_line(self, brief: Brief) -> str:
        n = len(brief.sources)
        languages = sorted({s.document.language or "?" for s in brief.sources})
        line = self.ngettext("%(num)d source in %(languages)s", "%(num)d sources in %(languages)s", n) % {
            "num": n, "languages": self.languages(languages)}
        if brief.skipped:
            line += " · " + self.ngettext("%(num)d file skipped", "%(num)d files skipped",
                                          len(brief.skipped)) % {"num": len(brief.skipped)}
        return line

    def provenance(self, doc: Document) -> str:
        t = doc.translation or {}
        kept = t.get("untranslated") or []
        note = self._("Text in %(languages)s is shown as written: no translation to %(target)s is installed.",
                      languages=self.languages(kept), target=self.language(self.lang)) if kept else ""
        if t.get("engine") in (None, "none"):
            return note or self._("Written in %(language)s; not translated.", language=self.language(doc.language))
        line = self._("Machine-translated from %(source)s to %(target)s by %(engine)s.",
                      source=self.languages(translated_languages([doc], self.lang)),
                      target=self.language(self.lang), engine=_engine(t))
        return f"{line} {note}".strip()

    def untranslated_line(self, brief: Brief) -> str:
        """"Not translated: German, Dutch — no translation route to English", or ""."""
        kept = brief.translation.get("untranslated") or []
        if not kept:
            return ""
        return self._("Not translated: %(languages)s — no translation route to %(target)s",
                      languages=self.languages(kept), target=self.language(self.lang))

    def footer(self, brief: Brief) -> str:
        t = brief.translation
        if t.get("engine") in (None, "none"):
            return self._("No machine translation was needed.")
        languages = translated_languages([s.document for s in brief.sources], brief.lang)
        return self._("Machine-translated from %(languages)s by %(engine)s.",
                      languages=self.languages(languages), engine=_engine(t))


def translated_languages(docs: list[Document], target: str) -> list[str]:
    """Languages of the text that was translated (a French source may hold an English line)."""
    found = {p.language for d in docs for p in d.paragraphs if p.language and p.language != target}
    found |= {d.language for d in docs if d.title and d.language and d.language != target}
    untranslated = {lang for d in docs for lang in (d.translation or {}).get("untranslated", [])}
    return sorted(found - untranslated)


def _engine(translation: dict) -> str:
    return translation["engine"] + (f" ({translation['model']})" if translation.get("model") else "")


def build_items(brief: Brief, labels: Labels) -> list[Item]:
    items = []
    targets = anchors([item.document for item in brief.sources])
    for number, (item, target) in enumerate(zip(brief.sources, targets, strict=True), 1):
        doc = item.document
        items.append(Item(
            brief=item, number=number, anchor=target, heading=heading(doc),
            published_long=i18n.long_date(doc.published, brief.lang) if doc.published else None,
            language_name=labels.language(doc.language), file_name=Path(doc.path).name,
            quotes=[q for q in item.quotes if len(q.original.split()) >= MIN_QUOTE_WORDS],
            provenance=labels.provenance(doc),
        ))
    refs = {i.brief.document.id: Ref(i.number, i.anchor) for i in items}
    for i in items:
        i.refs_by_id = refs
    return items


def typeset_brief(brief: Brief) -> Brief:
    """The brief as the page shows it: every text spaced as its own language writes it (a
    French text with narrow no-break spaces in « » and before ; : ! ?). The JSON keeps the
    text as it came."""
    language = {item.document.id: item.document.language for item in brief.sources}

    def segment(seg: Segment, source_lang: str | None) -> Segment:
        text_lang = source_lang if seg.text == seg.original else brief.lang
        return replace(seg, text=typeset(seg.text, text_lang), original=typeset(seg.original, source_lang))

    def statement(st: Statement, source_lang: str | None) -> Statement:
        text_lang = source_lang if st.text == st.original else brief.lang
        return replace(st, text=typeset(st.text, text_lang), original=typeset(st.original, source_lang),
                       role=typeset(st.role, brief.lang))

    sources = []
    for item in brief.sources:
        doc = item.document
        shown = replace(doc, title=segment(doc.title, doc.language) if doc.title else None, paragraphs=tuple(
            replace(p, sentences=tuple(segment(s, p.language) for s in p.sentences)) for p in doc.paragraphs))
        sources.append(replace(item, document=shown, summary=tuple(statement(s, doc.language) for s in item.summary),
                               quotes=tuple(statement(q, doc.language) for q in item.quotes)))
    people = tuple(replace(person, role=typeset(person.role, brief.lang), statements=tuple(
        (source, statement(st, language.get(source))) for source, st in person.statements)) for person in brief.people)
    return replace(brief, sources=tuple(sources), people=people)


def mark_untranslated(brief: Brief, labels: Labels) -> Brief:
    """The brief as the page shows it: in every translated text (statements, titles), the
    words the engine could not translate as ``<i class="untranslated">``, so that they are
    never read as words of the brief's language. The JSON keeps plain text and lists them."""
    from markupsafe import Markup, escape

    note = labels._("Not translated: the word is kept as the source writes it.")
    marked: dict[str, Markup] = {}
    for item in brief.sources:
        for raw, words in item.document.untranslated_by_text().items():
            text = typeset(raw, brief.lang)  # as typeset_brief left it
            pattern = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            parts = re.split(rf"(?<!\w)({pattern})(?!\w)", text)
            marked[text] = Markup("").join(
                Markup('<i class="untranslated" title="{}">{}</i>').format(note, part) if n % 2 else escape(part)
                for n, part in enumerate(parts))
    if not marked:
        return brief

    def shown(statement: Statement) -> Statement:
        return replace(statement, text=marked[statement.text]) if statement.text in marked else statement

    def document(doc: Document) -> Document:
        if doc.title is None or doc.title.text not in marked:
            return doc
        return replace(doc, title=replace(doc.title, text=marked[doc.title.text]))

    sources = tuple(replace(item, document=document(item.document), summary=tuple(map(shown, item.summary)),
                            quotes=tuple(map(shown, item.quotes))) for item in brief.sources)
    people = tuple(replace(person, statements=tuple((source, shown(st)) for source, st in person.statements))
                   for person in brief.people)
    return replace(brief, sources=sources, people=people)


def mark_kept_languages(brief: Brief, labels: Labels) -> Brief:
    """Every title, key sentence and quote left in its own language (no route to the
    brief's) opens with a marker naming that language, so it is never read as a
    translation: "[Dutch, not translated] …"."""
    from markupsafe import Markup, escape

    kept = set(brief.translation.get("untranslated") or [])
    if not kept:
        return brief
    marked: dict[str, Markup] = {}

    def mark(text, language: str | None):
        if language not in kept or not text:
            return text
        marker = Markup('<span class="kept-language" lang="{}">[{}]</span> ').format(
            brief.lang, labels._("%(language)s, not translated", language=labels.language(language)))
        marked[str(text)] = marker + (text if isinstance(text, Markup) else escape(text))
        return marked[str(text)]

    # the original gets the same marker, so the page still sees text and original as one
    # (no "Original:" line repeating the same words)
    def statement(st: Statement, language: str | None) -> Statement:
        if str(st.text) != str(st.original) or language not in kept:
            return st
        shown = mark(st.text, language)
        return replace(st, text=shown, original=shown)

    sources = []
    for item in brief.sources:
        doc = item.document
        language = doc.language
        title = doc.title
        if title is not None and title.text is not None and str(title.text) == str(title.original):
            shown = mark(title.text, language)
            title = replace(title, text=shown, original=shown)
        sources.append(replace(item, document=replace(doc, title=title),
                               summary=tuple(statement(st, language) for st in item.summary),
                               quotes=tuple(statement(st, language) for st in item.quotes)))
    people = tuple(replace(person, statements=tuple(
        (source, replace(st, text=marked.get(str(st.text), st.text), original=marked.get(str(st.text), st.original)))
        for source, st in person.statements))
        for person in brief.people)
    return replace(brief, sources=tuple(sources), people=people)


# What the PDF gets of a "word" (a run without spaces): weasyprint's line breaking takes
# time that grows much faster than the length of an unbreakable word (a 30,000-character
# one took 55 s). A longer word than PDF_WORD_CHARS gets a place to break every
# PDF_WORD_CHUNK characters, a soft hyphen in letters, a zero-width space in anything else
# (a link, a run of quote marks); a word longer than PDF_MAX_WORD is cut, and the cut is
# logged. The HTML and the JSON keep every word whole.
PDF_WORD_CHARS = 40
PDF_WORD_CHUNK = 20
PDF_MAX_WORD = 500
_LONG_WORD = re.compile(rf"\S{{{PDF_WORD_CHARS + 1},}}")


class PrintableWords:
    """The ``finalize`` of the PDF's template: every value the page shows, with its long
    words made breakable and its absurd ones cut. Markup (our own CSS, link targets) is
    left as it is."""

    def __init__(self) -> None:
        self.cut = 0

    def __call__(self, value):
        if isinstance(value, str) and not isinstance(value, Markup):
            return _LONG_WORD.sub(self._breakable, value)
        return value

    def _breakable(self, match: re.Match) -> str:
        word = match.group()
        if len(word) > PDF_MAX_WORD:
            self.cut += 1
            word = word[:PDF_MAX_WORD] + "…"
        mark = "\u00ad" if word.isalpha() else "\u200b"
        return mark.join(word[i:i + PDF_WORD_CHUNK] for i in range(0, len(word), PDF_WORD_CHUNK))


def render_html(brief: Brief, compact: bool = False, printable: bool = False) -> str:
    """The brief as one self-contained HTML page; ``compact`` for the PDF of a big brief,
    ``printable`` for the PDF (see PrintableWords)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    folder = templates_dir()
    labels = Labels(brief.lang)
    words = PrintableWords() if printable else None
    env = Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"],
                      finalize=words)
    labels.install(env)
    # typeset first (it works on plain text), then mark the untranslated words in the result
    brief = mark_kept_languages(mark_untranslated(typeset_brief(brief), labels), labels)
    items = build_items(brief, labels)
    refs = {i.brief.document.id: Ref(i.number, i.anchor) for i in items}
    grouped = brief.groups or tuple((n,) for n in range(len(items)))
    people = [
        {"name": p.name, "role": p.role,
         "statements": [(refs[source], st) for source, st in p.statements][: 2 if compact else None]}
        for p in (brief.people[:COMPACT_PEOPLE] if compact else brief.people)
    ]
    page = env.get_template(TEMPLATE).render(
        brief=brief, title=labels._("Press brief"), long_date=i18n.long_date(brief.date, brief.lang),
        sources_line=labels.sources_line(brief), key_points=key_points(brief, refs),
        sections=[Section([items[n] for n in group]) for group in grouped], items=items, people=people,
        compact=compact, skipped=[(entry.path, labels.reason(entry.reason)) for entry in brief.skipped],
        footer_line=labels.footer(brief), untranslated_line=labels.untranslated_line(brief),
        generated=i18n.moment(brief.generated_at, brief.lang),
        check_help=labels._("The translation may have lost a number or a name, or left words untranslated (in italics): compare with the original."),  # noqa: E501
        inferred_help=labels._("Not named beside the quotation: the speaker the text around it most likely means."),
        # our own files, not source text: inlined as they are
        css=Markup((folder / STYLESHEET).read_text(encoding="utf-8")),
        css_narrow=Markup((folder / NARROW_STYLESHEET).read_text(encoding="utf-8")),
    )
    if words is not None and words.cut:
        log.warning("the PDF of %s in %s shows %d word(s) of more than %d characters cut short "
                    "(the HTML and JSON keep them whole)", brief.date, brief.lang, words.cut, PDF_MAX_WORD)
    return page
