"""Scoring extraction against hand labels: quotes (precision, recall), speakers, dates.

Labels (benchmarks/labelled/labels.json) map a file to its publication date and its
quotations, each [text between the marks, speaker or null]. A predicted quote matches a
label when their texts agree once spaces, case and continuation marks are normalised.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("’", "'")
    text = re.sub(r"[«»“”\"]", " ", text)
    return re.sub(r"\s+", " ", text).strip(" ,.").lower()


def same_speaker(predicted: str | None, expected: str | None) -> bool:
    def names(value):
        return sorted(speaker_key(n) for n in value.split(",")) if value else []

    return names(predicted) == names(expected)


@dataclass
class Score:
    predicted: int = 0
    expected: int = 0
    matched: int = 0
    speakers_right: int = 0
    dates: int = 0
    dates_right: int = 0
    metadata: int = 0  # labelled outlets and places
    metadata_right: int = 0
    # spans labelled not speech (terms, titles, scare quotes) the extractor found, and how many
    # it gave a speaker: a name a reader sees beside words nobody said
    terms: int = 0
    terms_named: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.matched if self.matched else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.dates if self.dates else 1.0

    def summary(self) -> str:
        return (f"quotes: precision {self.precision:.3f} ({self.matched}/{self.predicted}), "
                f"recall {self.recall:.3f} ({self.matched}/{self.expected}); "
                f"speakers {self.speaker_accuracy:.3f} ({self.speakers_right}/{self.matched}); "
                f"dates {self.date_accuracy:.3f} ({self.dates_right}/{self.dates})"
                + (f"; outlets and places {self.metadata_right}/{self.metadata}" if self.metadata else ""))


def score_labelled(folder: Path, seeds: Path) -> Score:
    """Run ingest, detect and extract on every labelled file and compare."""
    score = Score()
    for name, label, item in _labelled_items(folder, seeds):
        _score_file(score, name, label, item)
    return score


def score_by_language(folder: Path) -> dict[str, Score]:
    """The same, one Score per ``language`` of the labels (benchmarks/multilingual)."""
    scores: dict[str, Score] = {}
    for name, label, item in _labelled_items(folder, folder):
        _score_file(scores.setdefault(label.get("language", "?"), Score()), name, label, item)
    return dict(sorted(scores.items()))


def _labelled_items(folder: Path, seeds: Path):
    from ..detect import detect
    from ..extract import extract
    from ..ingest import ingest

    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    for name, label in labels.items():
        if name.startswith("_"):
            continue
        path = seeds / name.split("/", 1)[1] if name.startswith("seeds/") else folder / name
        yield name, label, extract(detect(ingest(path)))


def _score_file(score: Score, name: str, label: dict, item) -> None:
    """Add one file's quotes, speakers, date (and outlet and place, when labelled) to ``score``.
    Spans labelled ``not_speech`` (scare quotes, terms) are neither right nor wrong."""
    doc = item.document
    score.dates += 1
    if doc.published == label["published"]:
        score.dates_right += 1
    else:
        score.errors.append(f"{name}: date {doc.published} != {label['published']}")
    for field_name in ("outlet", "place"):
        if field_name in label:
            score.metadata += 1
            got, want = getattr(doc, field_name), label[field_name]
            if got is None and want is None or got is not None and speaker_key(got) == speaker_key(want or ""):
                score.metadata_right += 1
            else:
                score.errors.append(f"{name}: {field_name} {got!r} != {label[field_name]!r}")
    ignored = {normalise(text) for text in label.get("not_speech", [])}
    expected = {normalise(text): speaker for text, speaker in label["quotes"]}
    predicted, terms = {}, {}
    for quote in item.quotes:
        (terms if normalise(quote.original) in ignored else predicted).setdefault(normalise(quote.original),
                                                                                quote.speaker)
    score.terms += len(terms)
    score.terms_named += sum(speaker is not None for speaker in terms.values())
    score.expected += len(expected)
    score.predicted += len(predicted)
    for text, speaker in predicted.items():
        if text not in expected:
            score.errors.append(f"{name}: not a labelled quote: {text[:70]!r} ({speaker})")
            continue
        score.matched += 1
        if same_speaker(speaker, expected[text]):
            score.speakers_right += 1
        else:
            score.errors.append(f"{name}: {text[:50]!r}: speaker {speaker!r}, expected {expected[text]!r}")
    for text in expected.keys() - predicted.keys():
        score.errors.append(f"{name}: missed {text[:70]!r}")


# ---------------------------------------------------------------- real articles
# benchmarks/real/labels.json: articles nobody here wrote, labelled before any rule was
# changed for them. Each span between quote marks is labelled: its exact text, whether it
# reports speech, the speaker a careful reader names (or null), and how that reader finds
# the speaker ("how": after, before, colon, incise, fragment, carry, title, none; "ref":
# name, short, role, pronoun, org, none). A predicted span that matches a "not speech"
# label (a scare quote, a title, a slogan) is neither right nor wrong.
_ARTICLE = re.compile(r"^(?:(?:le|la|les)\s+|l'\s*)|^(?:m|mme|mm|mlle|mr|mrs|ms|dr)\.?\s+")


def speaker_key(name: str) -> str:
    """A speaker's name compared without case, accents, a leading article or title, or an
    acronym in brackets ("Agence régionale de santé (ARS)" is the agency)."""
    name = re.sub(r"\s*\([A-Z0-9]{2,10}\)", "", name)
    text = unicodedata.normalize("NFD", name.replace("’", "'"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower().strip()
    text = _ARTICLE.sub("", text)
    return re.sub(r"[\s-]+", " ", text).strip(" .")


def speaker_right(predicted: str | None, label: dict) -> bool:
    """The predicted speaker is the labelled one (or one of its aliases); several speakers
    are compared as sets."""
    expected = label.get("speaker")
    if expected is None:
        return predicted is None
    if predicted is None:
        return False
    wanted = [expected] + list(label.get("aliases") or [])
    got = sorted(speaker_key(n) for n in predicted.split(", "))
    return any(got == sorted(speaker_key(n) for n in w.split(", ")) for w in wanted)


def spans_match(a: str, b: str) -> bool:
    """Two quotation texts are the same span: equal once normalised, or nearly so (a
    trailing word or mark more or less, as continuation marks and unclosed marks leave)."""
    from difflib import SequenceMatcher

    a, b = normalise(a), normalise(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 12:
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9


@dataclass
class RealScore(Score):
    """Score on real articles, with counts by the way a reader finds the speaker."""

    by_how: dict = field(default_factory=dict)  # how -> [matched, speaker right]
    by_ref: dict = field(default_factory=dict)
    by_article: dict = field(default_factory=dict)  # label key -> [matched, speaker right]
    articles: int = 0
    ignored: int = 0  # predicted spans that match a "not speech" label

    def batch_accuracy(self, ids: list[int]) -> float:
        """Speaker accuracy over the articles whose file number is in ``ids``."""
        wanted = set(ids)
        cells = [cell for key, cell in self.by_article.items() if int(Path(key).stem) in wanted]
        matched = sum(c[0] for c in cells)
        return sum(c[1] for c in cells) / matched if matched else 0.0

    def classes(self) -> str:
        rows = []
        for name, table in (("how", self.by_how), ("ref", self.by_ref)):
            cells = [f"{k} {right}/{n}" for k, (n, right) in sorted(table.items(), key=lambda kv: -kv[1][0])]
            rows.append(f"speaker by {name}: " + ", ".join(cells))
        return "\n".join(rows)


def score_real(labels: dict, documents: dict, extract_fn) -> RealScore:
    """Compare ``extract_fn(document)`` (a SourceBrief) with the labels of every article;
    ``documents`` maps a label key to its ingested Document."""
    score = RealScore()
    for key, label in labels.items():
        item = extract_fn(documents[key])
        score.articles += 1
        # the same words quoted twice are one statement (the brief shows them once): one label
        gold, seen = [], set()
        for q in sorted(label["quotes"], key=lambda q: not q["speech"]):
            if normalise(q["text"]) not in seen:
                seen.add(normalise(q["text"]))
                gold.append(q)
        speech = [q for q in gold if q["speech"]]
        score.expected += len(speech)
        used: set[int] = set()
        for quote in item.quotes:
            hit = next((i for i, q in enumerate(gold) if i not in used and spans_match(quote.original, q["text"])),
                       None)
            if hit is None:
                score.predicted += 1
                score.errors.append(f"{key}: not a labelled span: {quote.original[:70]!r} ({quote.speaker})")
                continue
            used.add(hit)
            label_q = gold[hit]
            if not label_q["speech"]:
                score.ignored += 1
                score.terms += 1
                score.terms_named += quote.speaker is not None
                continue
            score.predicted += 1
            score.matched += 1
            right = speaker_right(quote.speaker, label_q)
            score.speakers_right += right
            article = score.by_article.setdefault(key, [0, 0])
            article[0] += 1
            article[1] += right
            for table, field_name in ((score.by_how, "how"), (score.by_ref, "ref")):
                cell = table.setdefault(label_q.get(field_name, "?"), [0, 0])
                cell[0] += 1
                cell[1] += right
            if not right:
                score.errors.append(f"{key}: {label_q['text'][:50]!r}: speaker {quote.speaker!r} [{quote.evidence}], "
                                    f"expected {label_q['speaker']!r} ({label_q.get('how')}/{label_q.get('ref')})")
        for i, q in enumerate(gold):
            if q["speech"] and i not in used:
                score.errors.append(f"{key}: missed {q['text'][:70]!r} ({q.get('how')})")
    return score
