"""The extract stage: a source's key statements — every direct quote with its speaker, and
its ranked key sentences — found on the original text, shown in the translation."""

from __future__ import annotations

from .attribution import Attribution, Context, attribute, continued, reporting_subjects
from .model import Document, SourceBrief, Statement
from .people import build_cast, find_mentions
from .summarize import rank_sentences
from .text import words

SUMMARY_LENGTH = 3


def extract(doc: Document, summary_length: int = SUMMARY_LENGTH) -> SourceBrief:
    """Quotes (in reading order) and key sentences (best first) of one document."""
    texts = ([doc.title.original] if doc.title else []) + [p.text_original for p in doc.paragraphs]
    ctx = Context(cast=build_cast(texts))
    quotes: list[Statement] = []
    sentence_speakers: dict[tuple[int, int], Attribution] = {}
    quoted_share: dict[tuple[int, int], float] = {}
    seen_quotes: set[str] = set()
    for p, para in enumerate(doc.paragraphs):
        offset = 0
        for s, seg in enumerate(para.sentences):
            start = para.text_original.find(seg.original, offset)
            start = offset if start < 0 else start
            end = start + len(seg.original)
            offset = end
            inside = [q for q in doc.quotes if q.paragraph == p and start <= q.start < end]
            quoted_share[(p, s)] = sum(q.end - q.start for q in inside) / max(1, len(seg.original))
            previous = None
            for q in inside:
                found = attribute(seg.original, q.start - start, q.end - start, ctx)
                if not found.speakers and previous is not None:
                    found = continued(seg.original, previous, q.start - start, found)
                previous = (q.end - start, found)
                ctx.remember(found.speakers)
                if q.original in seen_quotes:
                    continue  # the same words quoted twice: one statement
                seen_quotes.add(q.original)
                quotes.append(_quote_statement(q, found))
            reported = reporting_subjects(seg.original, ctx)
            if reported:
                ctx.remember(reported)
                sentence_speakers[(p, s)] = Attribution(reported)
            for m in find_mentions(seg.original):
                ctx.last_person = ctx.cast.add_name(m.names[-1])
    summary = []
    for ranked in rank_sentences(doc, quoted_share, summary_length):
        seg = doc.paragraphs[ranked.paragraph].sentences[ranked.index]
        who = sentence_speakers.get((ranked.paragraph, ranked.index), Attribution())
        summary.append(Statement(
            kind="sentence", text=seg.text if seg.text is not None else seg.original,
            original=seg.original, speaker=who.speaker,
            role=ctx.cast.roles.get(who.speakers[0]) if len(who.speakers) == 1 else None,
            score=ranked.score, check=seg.check,
        ))
    return SourceBrief(document=doc, summary=tuple(summary), quotes=tuple(quotes))


def _quote_statement(q, found: Attribution) -> Statement:
    n = len(words(q.original))
    # a one- or two-word quotation is usually a quoted term, not a statement
    score = (0.1 if n < 3 else 0.4) + (0.3 if found.speakers else 0.0) + 0.3 * min(1.0, n / 25)
    return Statement(
        kind="quote",
        text=q.segment.text if q.segment.text is not None else q.original,
        original=q.original,
        speaker=found.speaker,
        role=found.role,
        evidence=found.evidence,
        score=round(score, 4),
        check=q.segment.check,
    )
