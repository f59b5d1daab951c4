"""An Atom feed checked by the rules of the W3C Feed Validation Service, for the tests.

The W3C validator (feedvalidator.org, Python, public source) is not published on any
package registry, so CI cannot install it. This is an independent implementation of its
rules that apply to Atom 1.0 (RFC 4287) feeds such as briefgen's, reporting the same
message names at the same levels ("MissingElement" error, "MissingSelf" warning, …) and
ignoring its information messages. tests/test_feed.py holds feeds on which the real
validator was run, with what it reported, and checks that this reports the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html.entities import name2codepoint
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, order=True)
class Event:
    level: str  # "error" or "warning"
    name: str  # the W3C validator's name for the message
    where: str = ""

    def __str__(self) -> str:
        return f"{self.level}: {self.name} ({self.where})"


# link relations of the IANA registry that the validator knows
REGISTERED_RELS = {"alternate", "current", "describedby", "edit", "edit-media", "enclosure", "first", "hub", "last",
                   "license", "next", "next-archive", "payment", "prev-archive", "previous", "related", "replies",
                   "search", "self", "service", "up", "via"}
FEED_CHILDREN = {"author", "category", "contributor", "generator", "icon", "id", "link", "logo", "rights", "subtitle",
                 "title", "updated", "entry"}
ENTRY_CHILDREN = {"author", "category", "content", "contributor", "id", "link", "published", "rights", "source",
                  "summary", "title", "updated"}
ONCE = {"id", "title", "updated", "generator", "icon", "logo", "rights", "subtitle", "summary", "content",
        "published"}
HTML_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i",
             "img", "li", "ol", "p", "pre", "q", "script", "span", "strong", "style", "table", "td", "tr", "u", "ul"}

RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*)?(Z|[+-]\d\d:\d\d)")
TAG_URI = re.compile(r"tag:([a-z0-9\-._]+?@)?[a-z0-9.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:"
                     r"[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*(#[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*)?")
ABSOLUTE_IRI = re.compile(r"[a-zA-Z][0-9a-zA-Z+\-.]*:(//)?[^\s<>\"{}|\\^`]+")
IRI_REFERENCE = re.compile(r"[^\s<>\"{}|\\^`]*")
MIME = re.compile(r"[a-zA-Z0-9!#$&.+\-^_]+/[a-zA-Z0-9!#$&.+\-^_]+(\s*;\s*[^;]+)*")
LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
ADDR_SPEC = re.compile(r"[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+")
NON_NEGATIVE = re.compile(r"\d+")
DEFAULT_PORTS = {"http": 80, "https": 443}


def check_feed(data: bytes, location: str | None = None, now: datetime | None = None) -> list[Event]:
    """Every error and warning the W3C validator's rules give for the feed at ``location``
    (the URL it is served from; without one, the self link is not compared with it)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [Event("error", "SAXError", str(exc))]
    if root.tag != f"{{{ATOM}}}feed":
        return [Event("error", "UndefinedElement", root.tag)]
    checker = _Checker(location, now or datetime.now(UTC))
    checker.feed(root)
    return sorted(checker.events)


class _Checker:
    def __init__(self, location: str | None, now: datetime):
        self.location = location
        self.now = now
        self.events: list[Event] = []

    def log(self, level: str, name: str, where: str) -> None:
        self.events.append(Event(level, name, where))

    # ------------------------------------------------------------ feed and entries
    def feed(self, feed: ET.Element) -> None:
        children = list(feed)
        self.languages(feed)
        self.known_children(feed, FEED_CHILDREN)
        self.counts(feed, ("id", "title", "updated"))
        seen_entry = False
        for child in children:
            name = _local(child)
            if name == "entry":
                seen_entry = True
            elif seen_entry and child.tag.startswith(f"{{{ATOM}}}"):
                self.log("error", "MisplacedMetadata", f"feed/{name}")
        self.common(feed, "feed")
        links = feed.findall(f"{{{ATOM}}}link")
        self_links = [link for link in links if link.get("rel") == "self"]
        if not self_links:
            self.log("warning", "MissingSelf", "feed")
        for link in self_links:
            href = link.get("href", "")
            if not urlsplit(href).netloc:
                self.log("warning", "RelativeSelf", href)
            elif self.location and urljoin(self.location, href) != self.location:
                self.log("warning", "SelfDoesntMatchLocation", href)
        feed_has_author = feed.find(f"{{{ATOM}}}author") is not None
        ids, updated = set(), set()
        for number, entry in enumerate(feed.findall(f"{{{ATOM}}}entry"), 1):
            where = f"entry {number}"
            self.known_children(entry, ENTRY_CHILDREN, where)
            self.counts(entry, ("id", "title", "updated"), where)
            self.common(entry, where)
            if not feed_has_author and entry.find(f"{{{ATOM}}}author") is None:
                self.log("error", "MissingElement", f"{where}/author")
            entry_id = (entry.findtext(f"{{{ATOM}}}id") or "").strip()
            if entry_id in ids:
                self.log("warning", "DuplicateEntries", entry_id)
            ids.add(entry_id)
            when = entry.findtext(f"{{{ATOM}}}updated")
            if when in updated:
                self.log("warning", "DuplicateUpdated", f"{where}: {when}")
            updated.add(when)
            for name in ("published",):
                for element in entry.findall(f"{{{ATOM}}}{name}"):
                    self.date(element, f"{where}/{name}")
            has_content = entry.find(f"{{{ATOM}}}content") is not None
            if not has_content:
                if entry.find(f"{{{ATOM}}}summary") is None:
                    self.log("warning", "MissingTextualContent", where)
                if not any(link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{{{ATOM}}}link")):
                    self.log("error", "MissingContentOrAlternate", where)

    def common(self, element: ET.Element, where: str) -> None:
        """What a feed and an entry share: id, updated, authors, links, text constructs."""
        for child in element.findall(f"{{{ATOM}}}id"):
            self.identifier(child.text or "", f"{where}/id")
        for child in element.findall(f"{{{ATOM}}}updated"):
            self.date(child, f"{where}/updated")
        for author in element.findall(f"{{{ATOM}}}author") + element.findall(f"{{{ATOM}}}contributor"):
            self.person(author, f"{where}/{_local(author)}")
        for name in ("title", "subtitle", "rights", "summary"):
            for child in element.findall(f"{{{ATOM}}}{name}"):
                self.text_construct(child, f"{where}/{name}")
        generator = element.find(f"{{{ATOM}}}generator")
        if generator is not None and generator.get("uri") and not IRI_REFERENCE.fullmatch(generator.get("uri")):
            self.log("error", "InvalidURIAttribute", f"{where}/generator")
        alternates = set()
        for link in element.findall(f"{{{ATOM}}}link"):
            self.link(link, where)
            if link.get("rel", "alternate") == "alternate":
                key = (link.get("type", ""), link.get("hreflang", ""))
                if key in alternates:
                    self.log("error", "DuplicateAtomLink", f"{where}/link {key}")
                alternates.add(key)

    # ------------------------------------------------------------ parts
    def known_children(self, element: ET.Element, allowed: set[str], where: str = "feed") -> None:
        for child in element:
            if child.tag.startswith(f"{{{ATOM}}}") and _local(child) not in allowed:
                self.log("error", "UndefinedElement", f"{where}/{_local(child)}")

    def counts(self, element: ET.Element, required: tuple[str, ...], where: str = "feed") -> None:
        for name in required:
            if element.find(f"{{{ATOM}}}{name}") is None:
                self.log("error", "MissingElement", f"{where}/{name}")
        for name in ONCE:
            if len(element.findall(f"{{{ATOM}}}{name}")) > 1:
                self.log("error", "DuplicateElement", f"{where}/{name}")

    def languages(self, root: ET.Element) -> None:
        for element in root.iter():
            lang = element.get(XML_LANG)
            if lang is not None and lang and not LANGUAGE.fullmatch(lang):
                self.log("error", "InvalidLanguage", f"xml:lang {lang!r}")

    def identifier(self, value: str, where: str) -> None:
        if value != value.strip():
            self.log("error", "UnexpectedWhitespace", where)
            value = value.strip()
        scheme = value.split(":", 1)[0].lower()
        if scheme == "tag":
            if not TAG_URI.fullmatch(value):
                self.log("error", "InvalidTAG", f"{where}: {value}")
            return
        if not ABSOLUTE_IRI.fullmatch(value):
            self.log("error", "InvalidFullLink", f"{where}: {value}")
            return
        if _canonical(value) != value:
            self.log("warning", "NonCanonicalURI", f"{where}: {value}")

    def date(self, element: ET.Element, where: str) -> None:
        value = element.text or ""
        if value != value.strip():
            self.log("error", "UnexpectedWhitespace", where)
        if not RFC3339.fullmatch(value.strip()):
            self.log("error", "InvalidRFC3339Date", f"{where}: {value}")
            return
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if when < datetime(1990, 1, 1, tzinfo=UTC) or when > self.now + timedelta(minutes=10):
            self.log("warning", "ImplausibleDate", f"{where}: {value}")

    def person(self, person: ET.Element, where: str) -> None:
        if not (person.findtext(f"{{{ATOM}}}name") or "").strip():
            self.log("error", "MissingElement", f"{where}/name")
        email = person.findtext(f"{{{ATOM}}}email")
        if email is not None and not ADDR_SPEC.fullmatch(email.strip()):
            self.log("error", "InvalidAddrSpec", f"{where}/email: {email}")
        uri = person.findtext(f"{{{ATOM}}}uri")
        if uri is not None and not IRI_REFERENCE.fullmatch(uri.strip()):
            self.log("error", "InvalidIRI", f"{where}/uri")

    def text_construct(self, element: ET.Element, where: str) -> None:
        kind = element.get("type", "text")
        if kind not in ("text", "html", "xhtml"):
            self.log("error", "InvalidTextType", f"{where}: {kind}")
        if kind == "text":
            value = element.text or ""
            end_tags = [t for t in re.findall(r"</(\w+)>", value) if t.lower() in HTML_TAGS]
            entities = [e for e in re.findall(r"&(#?\w+);", value) if e in name2codepoint or not e.isalpha()]
            if end_tags or entities:
                self.log("warning", "ContainsUndeclaredHTML", where)

    def link(self, link: ET.Element, where: str) -> None:
        here = f"{where}/link"
        if (link.text or "").strip():
            self.log("warning", "AtomLinkNotEmpty", here)
        href = link.get("href")
        if href is None:
            self.log("error", "MissingHref", here)
        elif not IRI_REFERENCE.fullmatch(href):
            self.log("error", "InvalidIRI", f"{here}: {href}")
        rel = link.get("rel", "alternate")
        if rel not in REGISTERED_RELS and not ABSOLUTE_IRI.fullmatch(rel):
            self.log("warning", "UnregisteredAtomLinkRel", f"{here}: {rel}")
        media_type = link.get("type")
        if media_type is not None:
            if not MIME.fullmatch(media_type):
                self.log("error", "InvalidMIMEType", f"{here}: {media_type}")
            elif rel == "self" and media_type.split(";")[0] not in (
                    "application/atom+xml", "application/rss+xml", "application/rdf+xml"):
                self.log("warning", "SelfNotAtom", f"{here}: {media_type}")
        length = link.get("length")
        if length is not None and not NON_NEGATIVE.fullmatch(length):
            self.log("error", "InvalidNonNegativeInteger", f"{here}: length {length!r}")
        hreflang = link.get("hreflang")
        if hreflang is not None and not LANGUAGE.fullmatch(hreflang):
            self.log("error", "InvalidLanguage", f"{here}: hreflang {hreflang!r}")


def _local(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _canonical(uri: str) -> str:
    """RFC 3986's normal form, as far as the validator asks: lower-case scheme and host,
    no default port, "/" for an empty path, upper-case percent escapes."""
    parts = urlsplit(uri)
    scheme = parts.scheme.lower()
    netloc = parts.netloc
    if netloc:
        host = (parts.hostname or "").lower()
        port = f":{parts.port}" if parts.port and parts.port != DEFAULT_PORTS.get(scheme) else ""
        userinfo = netloc.rsplit("@", 1)[0] + "@" if "@" in netloc else ""
        netloc = userinfo + host + port
    has_authority = uri[len(parts.scheme) + 1:].startswith("//")
    path = parts.path or ("/" if netloc else "")
    canonical = f"{scheme}:{'//' + netloc if has_authority else ''}{path}"
    if parts.query:
        canonical += "?" + parts.query
    if parts.fragment:
        canonical += "#" + parts.fragment
    return re.sub(r"%[0-9a-f]{2}", lambda m: m.group().upper(), canonical)
