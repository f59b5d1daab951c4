"""The OrangeSum sample in ../shared/eval/orangesum, read the same way by every benchmark.

The dataset's parser joined paragraphs without a space ("Pyrénées.Alors") and kept AFP
subheadings inline ("… position.- "Pas d'autre choix" -Très impliqué"). ``paragraphs``
puts the breaks back: after a sentence end or a *closing* quote mark that is directly
followed by a capital or an *opening* mark. Straight quotes are told apart by their parity
within the article, so an opening '"' before a capital never cuts a quotation in two.

The data is not part of the repository (CC BY-SA 4.0, Kamal Eddine, Tixier and
Vazirgiannis, 2020); benchmarks say so when it is missing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "orangesum"

_UPPER = "A-ZÀ-ÝŒ"
_SUBHEADING = re.compile(rf"(?<=[.!?»\"])\s*-\s+([^-\n]{{2,90}}?)\s+-\s*(?=[{_UPPER}«\"])")


# a subheading glued to the paragraph after it with no stop ("…de la polémiqueEn parallèle",
# "…pour le maire de StainsLundi 22 juin"): a word in lower case, or a capitalised one before a
# word that opens sentences, then a capital; not a brand ("YouTube", "AstraZeneca") nor a tag
# ("#libertéPresse")
_OPENERS = ("Le|La|Les|Un|Une|Ce|Cette|Ces|Il|Elle|Ils|Elles|Dans|En|Pour|Par|Parmi|Selon|Si|Mais|"
            "Sur|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|À|A|Au|Aux|Fin|Début|Concernant|Afin|Enfin|"
            "Pourtant|Ailleurs|Autre|Chaque|Depuis|Après|Avant|Alors|Lors|Face|Outre|Quant|Cependant|Pendant")
_GLUED = re.compile(rf"(?<![#@\w’'-])(?:[a-zà-ÿ][a-zà-ÿ’'-]+[a-zà-ÿ](?=[{_UPPER}][a-zà-ÿ’'\s])"
                    rf"|[{_UPPER}][a-zà-ÿ’'-]+[a-zà-ÿ](?=(?:{_OPENERS})(?![a-zà-ÿ])|[LCD][’']))")


def paragraphs(article: str) -> list[str]:
    """The paragraphs of an OrangeSum ``article`` field (see the module docstring)."""
    text = _GLUED.sub(lambda m: m.group(0) + "\n\n", article)
    text = _SUBHEADING.sub(lambda m: f"\n\n- {m.group(1)} -\n\n", text)
    straight = 0  # straight quote marks seen so far: odd means one is open
    breaks = []
    for i, ch in enumerate(text[:-1]):
        if ch == '"':
            straight += 1
        nxt = text[i + 1]
        if ch not in '.!?»")':
            continue
        if ch == '"' and straight % 2 == 1:
            continue  # an opening mark
        if ch in ".!?)" and straight % 2 == 1:
            continue  # inside a quotation
        if ch == "." and re.search(r"(?:^|[\s(])(?:M|MM|Mme|Mmes|Mlle|Me|Mgr|Dr|Pr|St|Ste)$", text[max(0, i - 6):i]):
            continue  # "a regretté M.Pepy": a title, not a sentence's end
        if re.match(rf"[{_UPPER}«]", nxt) or (nxt == '"' and straight % 2 == 0):
            breaks.append(i + 1)
    pieces, start = [], 0
    for at in breaks + [len(text)]:
        pieces.append(text[start:at])
        start = at
    return [p.strip() for piece in pieces for p in piece.split("\n\n") if p.strip()]


def load(data: Path = DATA) -> list[dict]:
    """Every article: id, title, paragraphs, body (paragraphs joined by a blank line),
    reference abstract and date."""
    articles = []
    for path in sorted((data / "parsed").glob("*.json"), key=lambda p: int(p.stem)):
        record = json.loads(path.read_text(encoding="utf-8"))
        paras = paragraphs(record["article"])
        articles.append({"id": int(path.stem), "file": f"parsed/{path.name}", "title": record["title"],
                         "paragraphs": paras, "body": "\n\n".join(paras), "reference": record["heading"],
                         "date": record.get("date")})
    return articles


def as_text(article: dict) -> str:
    """The article as a briefgen source file: its title, a blank line, its paragraphs."""
    return f"{article['title']}\n\n{article['body']}\n"
