"""RSS and Atom feeds (feedparser) to the items they list, newest first.

feedparser is only ever given bytes that briefgen fetched itself: given a string, it would
open URLs or local files on its own.
"""

from __future__ import annotations

import calendar
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from .http import FetchError

_TRACKING = re.compile(r"^(utm_\w+|xtor|at_medium|at_campaign|fbclid|gclid|mc_cid|mc_eid)$", re.IGNORECASE)


@dataclass(frozen=True)
class Item:
    url: str
    title: str | None
    published: datetime | None  # UTC
    author: str | None
    feed_title: str | None


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> list[Item]:
    """The items of a feed, newest first (undated ones last). Raises FetchError when the
    body is not a feed."""
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    feed_title = (parsed.feed.get("title") or "").strip() or None
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or _link_of(entry)
        if not link:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(when), UTC) if when else None
        items.append(Item(url=normalize_url(urljoin(url, link.strip())), title=_clean(entry.get("title")),
                          published=published, author=_clean(entry.get("author")), feed_title=feed_title))
    if not items:
        # a feed with errors is still read when its items can be; one with nothing usable is not a feed
        problem = parsed.get("bozo_exception")
        if parsed.get("bozo") and problem is not None:
            raise FetchError(f"not a readable feed ({_short(problem)})")
        if not parsed.get("version"):
            raise FetchError("not an RSS or Atom feed")
    return sorted(items, key=lambda item: (item.published is None, -(item.published.timestamp()
                                                                     if item.published else 0)))


def _link_of(entry) -> str | None:
    for link in entry.get("links") or []:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return None


def normalize_url(url: str) -> str:
    """The address without its fragment and tracking parameters (utm_…), so the same
    article reached through two campaigns is one."""
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def _short(problem: object) -> str:
    return " ".join(str(problem).split())[:120]
