"""A fetched page to the article in it (trafilatura), and the source file written for it:
Markdown with front matter that ``ingest`` reads (title, url, outlet, published), plus
author, feed, language and fetched_at for the record."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from .feeds import Item
from .http import FetchError

MIN_WORDS = 20  # less text than this is a teaser or an error page, not an article


@dataclass(frozen=True)
class Article:
    url: str
    title: str | None
    paragraphs: tuple[str, ...]
    author: str | None
    published: str | None  # ISO date
    outlet: str | None

    @property
    def content_hash(self) -> str:
        """The same text reached at another address is the same article."""
        return hashlib.sha256(" ".join(" ".join(self.paragraphs).split()).lower().encode()).hexdigest()


def decode_page(body: bytes, content_type: str | None) -> str:
    """The page as text. Valid UTF-8 is taken as UTF-8 whatever the headers claim (a
    wrong charset header is common, a Latin-1 page that is also valid UTF-8 is not);
    otherwise the declared charset (header, then <meta>), else charset detection."""
    from ..ingest import decode

    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for charset in (_charset(content_type or ""), _meta_charset(body)):
        if charset:
            try:
                text = body.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
            if not re.search("[\x80-\x9f]", text):  # C1 controls: the charset was wrong
                return text
    from ..errors import SourceError

    try:
        return decode(body, "page")
    except SourceError as exc:
        raise FetchError(exc.reason) from None


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return m.group(1) if m else None


def _meta_charset(body: bytes) -> str | None:
    m = re.search(rb"<meta[^>]+charset=[\"']?([\w.:-]+)", body[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii") if m else None


def extract_article(html: str, item: Item) -> Article:
    """The article of a page; the feed's item fills in what the page does not say."""
    import trafilatura

    found = trafilatura.bare_extraction(html, url=item.url, with_metadata=True, include_comments=False,
                                        include_tables=False, favor_precision=True)
    text = (found.text if found is not None else None) or ""
    paragraphs = tuple(line.strip() for line in text.split("\n") if line.strip())
    if len(" ".join(paragraphs).split()) < MIN_WORDS:
        raise FetchError("no article text found on the page")
    date = found.date if found.date and re.fullmatch(r"\d{4}-\d\d-\d\d", found.date) else None
    return Article(
        url=item.url,
        title=_one_line(found.title) or item.title,
        paragraphs=paragraphs,
        author=_one_line(found.author) or item.author,
        published=date or (item.published.date().isoformat() if item.published else None),
        outlet=_one_line(found.sitename) or item.feed_title,
    )


def source_file(article: Article, feed_name: str, language: str | None, fetched_at: datetime) -> str:
    """The text of the source file: front matter, then one paragraph per block."""
    fields = [("title", article.title), ("url", article.url), ("outlet", article.outlet),
              ("published", article.published), ("author", article.author), ("feed", feed_name),
              ("language", language), ("fetched_at", fetched_at.isoformat(timespec="seconds"))]
    head = "".join(f"{key}: {_one_line(value)}\n" for key, value in fields if value)
    return f"---\n{head}---\n\n" + "\n\n".join(article.paragraphs) + "\n"


def file_name(article: Article, fetched_at: datetime) -> str:
    """``<date>_<words of the title>_<hash of the address>.md``: readable, sorted by date,
    and the same for the same address (a second fetch replaces, never duplicates)."""
    day = article.published or fetched_at.date().isoformat()
    words = unicodedata.normalize("NFKD", article.title or "article").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:60].rstrip("-") or "article"
    return f"{day}_{slug}_{hashlib.sha256(article.url.encode()).hexdigest()[:10]}.md"


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None
