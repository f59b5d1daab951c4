"""Typed values passed between the pipeline stages.

ingest -> Document (paragraphs, sentences and quote spans, untranslated)
detect -> Document (languages filled in)
translate -> Document (``text`` of every Segment filled in)
extract -> SourceBrief (statements) ; the pipeline gathers them into a Brief.

All dataclasses are frozen: a stage returns new values (``dataclasses.replace``),
so it is always clear which stage set what.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Segment:
    """One unit of translation: a sentence, a title or a quotation.

    ``text`` is ``None`` until the translate stage has run; then it holds the text in
    the brief's language (the original itself when no translation was needed).
    """

    original: str
    text: str | None = None
    # the translation may have lost a number or a name of the original, or kept words it
    # could not translate: a human should look
    check: bool = False
    # words of ``text`` the engine could not translate, kept as written (never passed off
    # as words of the brief's language)
    untranslated_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    text_original: str
    sentences: tuple[Segment, ...]
    language: str | None = None

    @property
    def text(self) -> str | None:
        if any(s.text is None for s in self.sentences):
            return None
        return " ".join(s.text for s in self.sentences if s.text)

    @property
    def check(self) -> bool:
        return any(s.check for s in self.sentences)

    @property
    def untranslated_words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w for s in self.sentences for w in s.untranslated_words))


TITLE = -1  # the "paragraph" index of a quotation in the title


@dataclass(frozen=True)
class Quote:
    """A direct quotation: the exact text between an opening and a closing quote mark.

    ``start`` is a character offset in the text of ``paragraph`` (``TITLE`` for the
    title), ``end`` one in the text of ``paragraph_end``: a quotation may run over several
    paragraphs, each continued one opening with « as French does. ``original`` is then the
    paragraphs' text joined by a blank line, as in ``Document.body``. ``marks`` is the
    opening and closing mark, e.g. ``"«»"``.
    """

    paragraph: int
    start: int
    end: int
    marks: str
    segment: Segment
    paragraph_end: int | None = None  # None: the same as ``paragraph``

    @property
    def original(self) -> str:
        return self.segment.original

    @property
    def last_paragraph(self) -> int:
        return self.paragraph if self.paragraph_end is None else self.paragraph_end


@dataclass(frozen=True)
class Document:
    """One source after ingestion, as the later stages see it."""

    id: str
    path: str
    sha256: str
    paragraphs: tuple[Paragraph, ...]
    title: Segment | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    quotes: tuple[Quote, ...] = ()
    place: str | None = None  # where a dateline says the story was filed ("Madrid")
    # lines removed from the body that said something about the date ("Mis à jour le …")
    date_evidence: tuple[str, ...] = ()
    # other files with exactly the same bytes (one source, several names)
    duplicates: tuple[str, ...] = ()
    # people the text introduces with a role: (full name, role as written, and translated)
    roles: tuple[tuple[str, Segment], ...] = ()
    # how this source was translated: {"engine": ..., "model": ...}; None before translate
    translation: dict | None = None
    # the web address the source was fetched from (``briefgen fetch``), when known
    url: str | None = None

    @property
    def body(self) -> str:
        """The text of the source as the brief sees it: paragraphs joined by a blank line."""
        return "\n\n".join(p.text_original for p in self.paragraphs)

    def text_of(self, index: int) -> str:
        """The original text of a paragraph, or of the title for ``TITLE``."""
        if index == TITLE:
            return self.title.original if self.title else ""
        return self.paragraphs[index].text_original

    def language_of(self, index: int) -> str | None:
        return self.language if index == TITLE else self.paragraphs[index].language

    def untranslated_by_text(self) -> dict[str, tuple[str, ...]]:
        """Translated text -> the words in it the engine could not translate (a
        statement's text is its segment's text, so this finds a statement's words too)."""
        segments = [s for p in self.paragraphs for s in p.sentences] + [q.segment for q in self.quotes]
        segments += [self.title] if self.title is not None else []
        return {s.text: s.untranslated_words for s in segments if s.text and s.untranslated_words}

    def sentences(self) -> list[tuple[int, int, Segment]]:
        """Every sentence as (paragraph index, sentence index, segment), in reading order."""
        return [
            (p, s, seg)
            for p, para in enumerate(self.paragraphs)
            for s, seg in enumerate(para.sentences)
        ]


@dataclass(frozen=True)
class Statement:
    """A key statement of a source: a direct quote or an informative sentence."""

    kind: str  # "quote" | "sentence"
    text: str  # in the brief's language
    original: str  # verbatim source text (for a quote: exactly what is between the marks)
    speaker: str | None = None
    role: str | None = None
    evidence: str | None = None  # the attribution words the speaker was found from
    score: float = 0.0
    check: bool = False  # see Segment.check
    also_in: tuple[str, ...] = ()  # ids of other sources that report the same quotation
    # the speaker is the likeliest one in context (extract.ranking), not read from a cue of
    # the quotation's own: the brief says "likely" beside it
    inferred: bool = False


@dataclass(frozen=True)
class SourceBrief:
    """What the brief says about one source."""

    document: Document
    summary: tuple[Statement, ...]  # ranked key sentences
    quotes: tuple[Statement, ...]  # every direct quote, in reading order
    roles: dict[str, str] = field(default_factory=dict)  # person -> role, as the brief shows it

    @property
    def statements(self) -> tuple[Statement, ...]:
        return self.quotes + self.summary


@dataclass(frozen=True)
class Skipped:
    """A source that could not be used, and why (one line a user can act on)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Brief:
    date: str  # ISO date the brief is for
    lang: str
    generated_at: str  # ISO timestamp with timezone
    translation: dict  # {"engine": ..., "model": ...} for the run as a whole
    sources: tuple[SourceBrief, ...]
    skipped: tuple[Skipped, ...] = ()
    version: str = field(default="")
    groups: tuple[tuple[int, ...], ...] = ()  # indices of sources that report the same event
    people: tuple = ()  # crossref.PersonEntry: who said what, where
