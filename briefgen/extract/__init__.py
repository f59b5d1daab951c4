"""The extract stage: a source's key statements, found on the original text and shown in
the translation.

Its steps, one module each:

1. ``quotes``       quotation spans: marks paired within a paragraph, or over several
                    (found at ingest, since every quotation is its own translation unit);
2. ``people``       who the source names: people, titles, the roles they are given;
3. ``cues``/``speakers``  the reporting words around each quotation, resolved to a speaker;
4. ``ranking``      where the rules name nobody, the likeliest speaker in context, scored
                    with weights learnt from hand-labelled development articles;
5. ``keysentences`` the most informative sentences, ranked;
6. ``statements``   all of it read in order over one document → ``SourceBrief``.

Knowledge about a language (reporting verbs, titles, role words) is in ``lexicon``.
"""

from .statements import SUMMARY_LENGTH, extract

__all__ = ["SUMMARY_LENGTH", "extract"]
