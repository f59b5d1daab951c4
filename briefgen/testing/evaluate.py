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
        return sorted(n.strip() for n in value.split(",")) if value else []

    return names(predicted) == names(expected)


@dataclass
class Score:
    predicted: int = 0
    expected: int = 0
    matched: int = 0
    speakers_right: int = 0
    dates: int = 0
    dates_right: int = 0
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
                f"dates {self.date_accuracy:.3f} ({self.dates_right}/{self.dates})")


def score_labelled(folder: Path, seeds: Path) -> Score:
    """Run ingest, detect and extract on every labelled file and compare."""
    from ..detect import detect
    from ..extract import extract
    from ..ingest import ingest

    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    score = Score()
    for name, label in labels.items():
        if name.startswith("_"):
            continue
        path = seeds / name.split("/", 1)[1] if name.startswith("seeds/") else folder / name
        item = extract(detect(ingest(path)))
        score.dates += 1
        if item.document.published == label["published"]:
            score.dates_right += 1
        else:
            score.errors.append(f"{name}: date {item.document.published} != {label['published']}")
        expected = {normalise(text): speaker for text, speaker in label["quotes"]}
        predicted = {}
        for quote in item.quotes:
            predicted.setdefault(normalise(quote.original), quote.speaker)
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
    return score
