"""The Atom feeds of an output folder: ``feed-<lang>.xml``, one a language, each entry a
brief in that language (RFC 4287).

An entry's ``alternate`` link is the HTML brief, the PDF is its ``enclosure`` and the JSON
``related``, each with its media type (and size); so a feed reader opens the page, not the
JSON. Ids are ``tag:`` URIs (RFC 4151) made of the feed settings' tagging entity and the
brief's date and language: never of paths or of ``base_url``, so they stay the same when the
site moves and readers never show an old brief as new. Links are absolute under
``base_url``; without it they are relative to the feed (which sits in the output folder)
and the feed has no self link: it works where the folder is served, and holds no local path.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from xml.etree import ElementTree as ET

from . import __version__, i18n
from .config import FeedSettings
from .typography import typeset

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_ENTRIES = 50
MEDIA_TYPES = {"html": "text/html", "pdf": "application/pdf", "json": "application/json"}
_EPOCH = "1970-01-01T00:00:00+00:00"  # a feed with no entry (never written)


def feed_name(lang: str) -> str:
    return f"feed-{lang}.xml"


def entry_id(settings: FeedSettings, date: str, lang: str) -> str:
    return f"tag:{settings.tag}:brief/{date}/{lang}"


def feed_id(settings: FeedSettings, lang: str) -> str:
    return f"tag:{settings.tag}:briefs/{lang}"


def render_feed(out_dir: Path, briefs: list, lang: str, settings: FeedSettings, base_url: str | None) -> bytes:
    """The feed of the briefs in ``lang`` (``archive.Entry`` values, newest first)."""
    ET.register_namespace("", ATOM)
    base = base_url.rstrip("/") + "/" if base_url else ""
    labels = i18n.translations(lang)
    mine = [b for b in briefs if b.lang == lang][:FEED_ENTRIES]
    made = [(brief, _brief_data(brief.files.get("json")), _generated_at(brief)) for brief in mine]

    feed = ET.Element(_atom("feed"), {XML_LANG: lang})
    _text(feed, "id", feed_id(settings, lang))
    _text(feed, "title", labels.gettext("Press briefs"))
    _text(feed, "updated", max((when for _, _, when in made), default=_EPOCH))
    author = ET.SubElement(feed, _atom("author"))
    _text(author, "name", settings.author)
    if settings.email:
        _text(author, "email", settings.email)
    if base:
        _link(feed, base + feed_name(lang), "self", "application/atom+xml")
    _link(feed, base + "index.html", "alternate", "text/html")
    ET.SubElement(feed, _atom("generator"), {"version": __version__}).text = "briefgen"
    for brief, data, when in made:
        feed.append(_entry(out_dir, brief, data, when, settings, base))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"



def _entry(out_dir: Path, brief, data: dict, when: str, settings: FeedSettings, base: str) -> ET.Element:
    entry = ET.Element(_atom("entry"))
    _text(entry, "id", entry_id(settings, brief.date, brief.lang))
    title = i18n.translations(brief.lang).gettext("Press brief")
    _text(entry, "title", f"{title} — {i18n.long_date(brief.date, brief.lang)}")
    _text(entry, "updated", when)
    # the page is the entry's alternate; without a page, the PDF is
    alternate = "html" if "html" in brief.files else "pdf" if "pdf" in brief.files else None
    for fmt in ("html", "pdf", "json"):
        if fmt not in brief.files:
            continue
        rel = "alternate" if fmt == alternate else "enclosure" if fmt == "pdf" else "related"
        path = brief.files[fmt]
        _link(entry, base + path.relative_to(out_dir).as_posix(), rel, MEDIA_TYPES[fmt], hreflang=brief.lang,
              title=fmt.upper(), length=path.stat().st_size if rel != "alternate" else None)
    # the key points as an HTML list: source text may hold "<b>" or "&", which in a plain
    # text summary feed readers (and the W3C validator) would take for markup
    points = [escape(typeset(point.get("text", ""), brief.lang))
              + (f" — {escape(point['speaker'])}" if point.get("speaker") else "")
              for point in data.get("key_points", [])]
    summary = _text(entry, "summary", "<ul>" + "".join(f"<li>{p}</li>" for p in points) + "</ul>" if points
                    else escape(title))
    summary.set("type", "html")
    return entry


def _atom(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, _atom(name))
    element.text = value
    return element


def _link(parent: ET.Element, href: str, rel: str, media_type: str, hreflang: str | None = None,
          title: str | None = None, length: int | None = None) -> None:
    attributes = {"href": href, "rel": rel, "type": media_type}
    if hreflang:
        attributes["hreflang"] = hreflang
    if title:
        attributes["title"] = title
    if length is not None:
        attributes["length"] = str(length)
    ET.SubElement(parent, _atom("link"), attributes)


def _brief_data(path: Path | None) -> dict:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _generated_at(brief) -> str:
    """When the brief was made: from its JSON, else from its page's metadata, else the start
    of its day (UTC)."""
    when = _brief_data(brief.files.get("json")).get("generated_at")
    if not when and "html" in brief.files:
        head = brief.files["html"].read_text(encoding="utf-8", errors="replace")[:4000]
        found = re.search(r'<meta name="dcterms.created" content="([^"]+)"', head)
        when = found.group(1) if found else None
    try:
        return datetime.fromisoformat(when).isoformat() if when else _start_of(brief.date)
    except ValueError:
        return _start_of(brief.date)


def _start_of(date: str) -> str:
    return datetime.fromisoformat(f"{date}T00:00:00").replace(tzinfo=UTC).isoformat()
