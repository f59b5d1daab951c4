"""Page breaks on paper: the layout checker finds each kind of bad break, and the brief's
stylesheet prevents all of them. Each case slides a block down the page (more filler
lines above it) until, without the brief's rules, the bad break happens; with them, it
must happen at no position."""

import pytest

from briefgen.pdf import layout_pdf
from briefgen.testing import layoutcheck
from briefgen.view import STYLESHEET, templates_dir

BRIEF_CSS = (templates_dir() / STYLESHEET).read_text(encoding="utf-8")
WORDS = ("security defence alliance ministers partners Brussels meeting summit capabilities council "
         "cooperation mobility investment").split()


def text(words: int, start: int = 0) -> str:
    return " ".join(WORDS[(start + i) % len(WORDS)] for i in range(words))


def page(body: str, css: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
            f"<style>{css}</style></head><body>{body}</body></html>")


def filler(lines: int) -> str:
    return "".join(f"<p style='margin:0'>{text(4, n)}</p>" for n in range(lines))


CASES = {
    "heading": ("ends with a heading",
                lambda: "<h2>Key points of the meeting</h2>" + f"<p>{text(120)}</p>"),
    "source header": ("ends with a heading",
                      lambda: '<article class="source"><header><p class="source-number">Source 2</p>'
                              "<h2>Ministers meet in Brussels</h2><p class=\"meta\">Outlet · 3 December 2021</p>"
                              f"</header><h3>Key sentences</h3><ul><li>{text(60)}</li></ul></article>"),
    "orphans and widows": ("a paragraph is split", lambda: f"<p>{text(70)}</p>"),
    "quote and speaker": ("speaker line is on page",
                          lambda: f'<div class="quote"><figure><blockquote>{text(40)}</blockquote>'
                                  "<figcaption><strong>Jens Stoltenberg</strong>, Secretary General</figcaption>"
                                  "</figure></div>"),
    "person": ("a person's statements are split",
               lambda: '<section class="people"><dl><div class="person"><dt><strong>Jens Stoltenberg</strong></dt>'
                       + "".join(f"<dd><q>{text(12, n)}</q></dd>" for n in range(3)) + "</dl></section>"),
}
# the rules a page would have without the brief's: any break allowed anywhere
LOOSE = ("* { break-before: auto; break-after: auto; break-inside: auto; orphans: 1; widows: 1; }"
         "@page { size: A4; margin: 22mm 18mm 20mm; }")
# filler lines above the block (a page holds about 42): its place slides over the page's end
POSITIONS = range(32, 46)


def layouts(block, css: str) -> list[str]:
    """The checker's findings for the block at every position, all in one document (each
    position starts a new page)."""
    body = "".join(f'<div style="break-before: page">{filler(lines)}{block()}</div>' for lines in POSITIONS)
    return layoutcheck.problems(layout_pdf(page(body, css)))


@pytest.mark.parametrize("case", CASES)
def test_checker_finds_the_bad_break_and_the_stylesheet_prevents_it(case):
    expected, block = CASES[case]
    loose = layouts(block, LOOSE)
    assert any(expected in problem for problem in loose), f"no position gave the bad break: {loose}"
    assert layouts(block, BRIEF_CSS) == []


def test_contents_number_never_alone():
    """Titles of every length across a line's end (narrow words added one by one): the
    page number always shares its line with words of the title (the old rule, a plain space
    before the leader, left it alone)."""
    old = ('.toc a::after { content: leader(". ") " " target-counter(attr(href), page); white-space: normal; }'
           '@page { size: A4; margin: 22mm 18mm 20mm; }')
    body = "".join(f'<nav class="toc"><ol><li><a href="#s">{text(12)}{" i" * narrow}</a></li></ol></nav>'
                   for narrow in range(10, 60)) + '<h2 id="s">Section</h2>'
    assert any("page number is alone" in p for p in layoutcheck.problems(layout_pdf(page(body, old))))
    assert layoutcheck.problems(layout_pdf(page(body, BRIEF_CSS))) == []
