"""The Atom feeds: one a language, the HTML brief as each entry's page, ids that never
change, an author; and the feed checker that stands in for the W3C validator in CI."""

import logging
from xml.etree import ElementTree as ET

import feedparser
import pytest

from briefgen.config import Config, FeedSettings, load_config
from briefgen.errors import UsageError
from briefgen.pipeline import make_brief
from briefgen.testing.feedcheck import check_feed

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://intranet.example/briefs/"

# ---------------------------------------------------------------- the checker against the W3C validator
# Each feed below was checked with the W3C Feed Validation Service's own code (its public
# source, commit 43dabeb2, validateString with the location given, "AA" filter, every
# occurrence); ``expected`` is the errors and warnings it reported.
HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n'
META = ('<id>tag:example.org,2026:briefs/en</id><title>Press briefs</title>'
        '<updated>2026-11-24T09:00:00+00:00</updated><author><name>Press desk</name></author>'
        '<link href="https://example.org/briefs/feed-en.xml" rel="self" type="application/atom+xml"/>'
        '<link href="https://example.org/briefs/index.html" rel="alternate" type="text/html"/>\n')
HERE = "https://example.org/briefs/feed-en.xml"
LINKS = ('<link href="https://example.org/briefs/2026-11-24/brief-en.html" rel="alternate" type="text/html" '
         'hreflang="en"/><link href="https://example.org/briefs/2026-11-24/brief-en.pdf" rel="enclosure" '
         'type="application/pdf" length="84300"/>')
SUMMARY = '<summary type="html">&lt;ul&gt;&lt;li&gt;point&lt;/li&gt;&lt;/ul&gt;</summary>'


def entry(id="tag:example.org,2026:brief/2026-11-24/en", updated="2026-11-24T09:00:00+00:00", links=LINKS,
          summary=SUMMARY, extra="", title="<title>Press brief — 24 November 2026</title>"):
    return f"<entry><id>{id}</id>{title}<updated>{updated}</updated>{links}{summary}{extra}</entry>\n"


def feed(meta=META, entries=None):
    return HEAD + meta + "".join(entry() if entries is None else entries) + "</feed>\n"


SECOND = entry(id="tag:example.org,2026:brief/2026-11-23/en", updated="2026-11-23T09:00:00+00:00")
NO_AUTHOR = META.replace("<author><name>Press desk</name></author>", "")
SELF = '<link href="https://example.org/briefs/feed-en.xml" rel="self" type="application/atom+xml"/>'
CASES = [  # (name, feed, location, what the W3C validator reported)
    ("good", feed(), HERE, []),
    ("two good entries", feed(entries=[entry(), SECOND]), HERE, []),
    ("no author", feed(NO_AUTHOR, [entry(), SECOND]), HERE, [("error", "MissingElement")] * 2),
    ("links without rel or type", feed(entries=[entry(links='<link href="a.html"/><link href="a.pdf"/>'
                                                            '<link href="a.json"/>')]), HERE,
     [("error", "DuplicateAtomLink")] * 2),
    ("no self", feed(META.replace(SELF, "")), HERE, [("warning", "MissingSelf")]),
    ("relative self", feed(META.replace(HERE, "feed-en.xml")), HERE, [("warning", "RelativeSelf")]),
    ("file self", feed(META.replace(HERE, "file:///srv/out/feed-en.xml")), "file:///srv/out/feed-en.xml",
     [("warning", "RelativeSelf")]),
    ("self elsewhere", feed(), "https://other.example/feed.xml", [("warning", "SelfDoesntMatchLocation")]),
    ("duplicate updated", feed(entries=[entry(), entry(id="tag:example.org,2026:brief/2026-11-23/en")]), HERE,
     [("warning", "DuplicateUpdated")]),
    ("duplicate id", feed(entries=[entry(), entry(updated="2026-11-23T09:00:00+00:00")]), HERE,
     [("warning", "DuplicateEntries")]),
    ("bad tag", feed(entries=[entry(id="tag:Example.org,26:brief")]), HERE, [("error", "InvalidTAG")]),
    ("file id", feed(entries=[entry(id="file:///srv/out/2026-11-24/brief-en")]), HERE, []),
    ("bad date", feed(entries=[entry(updated="2026-11-24 09:00")]), HERE, [("error", "InvalidRFC3339Date")]),
    ("future date", feed(entries=[entry(updated="2099-11-24T09:00:00+00:00")]), HERE,
     [("warning", "ImplausibleDate")]),
    ("bad media type", feed(entries=[entry(links='<link href="https://example.org/a.html" rel="alternate" '
                                                 'type="html"/>')]), HERE, [("error", "InvalidMIMEType")]),
    ("bad length", feed(entries=[entry(links='<link href="https://example.org/a.html" rel="alternate" '
                                             'type="text/html"/><link href="https://example.org/a.pdf" '
                                             'rel="enclosure" type="application/pdf" length="big"/>')]), HERE,
     [("error", "InvalidNonNegativeInteger")]),
    ("bad hreflang", feed(entries=[entry(links='<link href="https://example.org/a.html" rel="alternate" '
                                               'type="text/html" hreflang="english!"/>')]), HERE,
     [("error", "InvalidLanguage")]),
    ("unregistered rel", feed(entries=[entry(links='<link href="https://example.org/a.html" rel="alternate" '
                                                   'type="text/html"/><link href="https://example.org/a.json" '
                                                   'rel="data" type="application/json"/>')]), HERE,
     [("warning", "UnregisteredAtomLinkRel")]),
    ("no summary, no alternate", feed(entries=[entry(links='<link href="https://example.org/a.pdf" '
                                                           'rel="enclosure" type="application/pdf"/>', summary="")]),
     HERE, [("error", "MissingContentOrAlternate"), ("warning", "MissingTextualContent")]),
    ("markup in a text summary", feed(entries=[entry(summary="<summary>ministers of &lt;b&gt;NATO&lt;/b&gt;</summary>")]),
     HERE, [("warning", "ContainsUndeclaredHTML")]),
    ("e-mail as the author's name", feed(META.replace("<name>Press desk</name>", "<name>desk@example.org</name>")),
     HERE, []),
    ("bad e-mail", feed(META.replace("<name>Press desk</name>", "<name>Press desk</name><email>desk at x</email>")),
     HERE, [("error", "InvalidAddrSpec")]),
    ("entry without title", feed(entries=[entry(title="")]), HERE, [("error", "MissingElement")]),
    ("two titles", feed(META + "<title>Again</title>\n"), HERE, [("error", "DuplicateElement")]),
    ("unknown element", feed(entries=[entry(extra="<category2 term='x'/>")]), HERE, [("error", "UndefinedElement")]),
    ("bad xml:lang", feed().replace('xml:lang="en"', 'xml:lang="english language"'), HERE,
     [("error", "InvalidLanguage")]),
    ("spaces around an id", feed(entries=[entry(id=" tag:example.org,2026:brief/2026-11-24/en ")]), HERE,
     [("error", "UnexpectedWhitespace")]),
    ("non-canonical id", feed(entries=[entry(id="HTTP://Example.org:80/briefs/1")]), HERE,
     [("warning", "NonCanonicalURI")]),
    ("metadata after an entry", feed(entries=[entry(), "<subtitle>late</subtitle>\n"]), HERE,
     [("error", "MisplacedMetadata")]),
    ("link with text", feed(entries=[entry(links='<link href="https://example.org/a.html" rel="alternate" '
                                                 'type="text/html">here</link>')]), HERE,
     [("warning", "AtomLinkNotEmpty")]),
    ("self link not a feed", feed(META.replace('rel="self" type="application/atom+xml"', 'rel="self" type="text/html"')),
     HERE, [("warning", "SelfNotAtom")]),
]

# the feed.xml of the seeds' briefs before issue 12 (summaries shortened): the W3C
# validator reported 6 errors and 2 warnings
BEFORE = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <id>file:///tmp/base/out/feed.xml</id>
  <title>Revues de presse</title>
  <updated>2026-11-24T09:00:00+00:00</updated>
  <link href="file:///tmp/base/out/feed.xml" rel="self"/>
  <link href="file:///tmp/base/out/index.html" rel="alternate"/>
  <generator version="0.1.0">briefgen</generator>
  <entry>
    <id>file:///tmp/base/out/2026-11-24/brief-fr</id>
    <title>Revue de presse — 24 novembre 2026</title>
    <updated>2026-11-24T09:00:00+00:00</updated>
    <link href="file:///tmp/base/out/2026-11-24/brief-fr.html"/>
    <link href="file:///tmp/base/out/2026-11-24/brief-fr.pdf"/>
    <link href="file:///tmp/base/out/2026-11-24/brief-fr.json"/>
    <summary>• les engagements partagés en faveur de la sécurité transatlantique — Antony Blinken</summary>
    <published>2026-11-24T00:00:00+00:00</published>
  </entry>
  <entry>
    <id>file:///tmp/base/out/2026-11-24/brief-en</id>
    <title>Press brief — 24 November 2026</title>
    <updated>2026-11-24T09:00:00+00:00</updated>
    <link href="file:///tmp/base/out/2026-11-24/brief-en.html"/>
    <link href="file:///tmp/base/out/2026-11-24/brief-en.pdf"/>
    <link href="file:///tmp/base/out/2026-11-24/brief-en.json"/>
    <summary>• the commitments shared in favour of the transatlantic security — Antony Blinken</summary>
    <published>2026-11-24T00:00:00+00:00</published>
  </entry>
</feed>
"""


@pytest.mark.parametrize("name, xml, location, expected", CASES, ids=[c[0] for c in CASES])
def test_checker_reports_what_the_w3c_validator_reported(name, xml, location, expected):
    assert [(e.level, e.name) for e in check_feed(xml.encode(), location)] == sorted(expected)


def test_checker_on_the_feed_before_this_issue():
    found = [(e.level, e.name) for e in check_feed(BEFORE.encode(), "file:///tmp/base/out/feed.xml")]
    assert sorted(found) == sorted([("error", "MissingElement")] * 2 + [("error", "DuplicateAtomLink")] * 4
                                   + [("warning", "DuplicateUpdated"), ("warning", "RelativeSelf")])


# ---------------------------------------------------------------- briefgen's feeds
FRENCH = ("Les ministres de l'OTAN se réunissent à Bruxelles pour parler de défense commune et de "
          "sécurité, a indiqué le porte-parole de l'Alliance mardi.\n\n« Nous devons investir davantage "
          "dans notre défense commune », a déclaré Jens Stoltenberg devant les journalistes.\n")
ENGLISH = ("NATO ministers meet in Brussels to discuss common defence and security, the Alliance's "
           "spokesperson said on Tuesday.\n\n\"We must invest more in our common defence & <b>security</b>,\" "
           "Jens Stoltenberg told reporters at the headquarters.\n")


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "fr.txt").write_text(FRENCH)
    (folder / "en.txt").write_text(ENGLISH)
    return folder


def make(sources, out, lang, day, epoch, monkeypatch, **settings):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    return make_brief(Config(sources_dir=sources, out_dir=out, lang=lang, engine="none", **settings), day)


def parse(path):
    return ET.parse(path).getroot()


def test_one_feed_a_language_valid_and_read_right(sources, tmp_path, monkeypatch):
    out = tmp_path / "out"
    settings = dict(base_url=BASE, feed=FeedSettings(author="Press desk", email="desk@example.org",
                                                    tag="intranet.example,2026"))
    for day, epoch in (("2026-11-23", 1795424400), ("2026-11-24", 1795510800)):
        for lang in ("en", "fr"):
            make(sources, out, lang, day, epoch + (60 if lang == "fr" else 0), monkeypatch, **settings)
    assert not (out / "feed.xml").exists()
    for lang, title in (("en", "Press brief — 24 November 2026"), ("fr", "Revue de presse — 24 novembre 2026")):
        path = out / f"feed-{lang}.xml"
        assert check_feed(path.read_bytes(), BASE + f"feed-{lang}.xml") == []
        root = parse(path)
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        assert root.findtext(f"{ATOM}id") == f"tag:intranet.example,2026:briefs/{lang}"
        assert root.findtext(f"{ATOM}author/{ATOM}name") == "Press desk"
        entries = root.findall(f"{ATOM}entry")
        assert [e.findtext(f"{ATOM}id") for e in entries] == [f"tag:intranet.example,2026:brief/2026-11-24/{lang}",
                                                             f"tag:intranet.example,2026:brief/2026-11-23/{lang}"]
        assert entries[0].findtext(f"{ATOM}title") == title
        # feedparser, as feed readers do: the entry's link is the page, the PDF its enclosure
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo and parsed.feed.language == lang and parsed.feed.author == "Press desk (desk@example.org)"
        first = parsed.entries[0]
        assert first.link == f"{BASE}2026-11-24/brief-{lang}.html"
        pdf = out / "2026-11-24" / f"brief-{lang}.pdf"
        assert first.enclosures == [{"href": f"{BASE}2026-11-24/brief-{lang}.pdf", "type": "application/pdf",
                                     "hreflang": lang, "title": "PDF", "length": str(pdf.stat().st_size)}]
        assert {(link.rel, link.type) for link in first.links} == {
            ("alternate", "text/html"), ("enclosure", "application/pdf"), ("related", "application/json")}
        assert first.summary_detail.type == "text/html" and "Stoltenberg" in first.summary
    # markup in a source stays text in the summary
    assert "&lt;b&gt;security&lt;/b&gt;" in feedparser.parse((out / "feed-en.xml").read_bytes()).entries[0].summary


def test_ids_never_change_and_nothing_local_without_base_url(sources, tmp_path, monkeypatch, caplog):
    out = tmp_path / "out"
    with caplog.at_level(logging.WARNING, logger="briefgen"):
        make(sources, out, "fr", "2026-11-24", 1795510800, monkeypatch)
    assert "feed-fr.xml has relative links and no self link, since no base_url is set" in caplog.text
    before = parse(out / "feed-fr.xml")
    links = [link.get("href") for link in before.iter(f"{ATOM}link")]
    assert links == ["index.html", "2026-11-24/brief-fr.html", "2026-11-24/brief-fr.pdf", "2026-11-24/brief-fr.json"]
    feed_text = (out / "feed-fr.xml").read_text()
    assert str(tmp_path) not in feed_text and "file:" not in feed_text
    assert [(e.level, e.name) for e in check_feed((out / "feed-fr.xml").read_bytes())] == [("warning", "MissingSelf")]
    caplog.clear()
    # later: a base_url is set, then the site moves; the ids stay, the links follow
    ids = [e.text for e in before.iter(f"{ATOM}id")]
    for base in (BASE, "https://briefs.example.org/archive/"):
        with caplog.at_level(logging.WARNING, logger="briefgen"):
            make(sources, out, "fr", "2026-11-24", 1795510800, monkeypatch, base_url=base)
        after = parse(out / "feed-fr.xml")
        assert [e.text for e in after.iter(f"{ATOM}id")] == ids
        assert after.find(f"{ATOM}entry/{ATOM}link").get("href") == f"{base}2026-11-24/brief-fr.html"
    assert [r for r in caplog.records if r.name == "briefgen.archive"] == []  # said once, when the feed was made


def test_file_base_url_is_warned_about(sources, tmp_path, monkeypatch, caplog):
    with caplog.at_level(logging.WARNING, logger="briefgen"):
        make(sources, tmp_path / "out", "fr", "2026-11-24", 1795510800, monkeypatch,
             base_url=(tmp_path / "out").as_uri())
    assert "base_url is a file:// URL: the feeds' links open only on this machine" in caplog.text


def test_a_feed_is_rewritten_the_same_by_another_language_run(sources, tmp_path, monkeypatch):
    out = tmp_path / "out"
    make(sources, out, "en", "2026-11-24", 1795510800, monkeypatch, base_url=BASE)
    english = (out / "feed-en.xml").read_bytes()
    make(sources, out, "fr", "2026-11-24", 1795514400, monkeypatch, base_url=BASE)
    assert (out / "feed-en.xml").read_bytes() == english
    index = (out / "index.html").read_text()
    assert '<link rel="alternate" type="application/atom+xml" href="feed-en.xml" hreflang="en"' in index
    assert 'href="feed-fr.xml"' in index


def test_the_feed_of_earlier_versions_is_removed(sources, tmp_path, monkeypatch, caplog):
    out = tmp_path / "out"
    out.mkdir()
    (out / "feed.xml").write_text(BEFORE)
    with caplog.at_level(logging.WARNING, logger="briefgen"):
        make(sources, out, "fr", "2026-11-24", 1795510800, monkeypatch, base_url=BASE)
    assert not (out / "feed.xml").exists() and (out / "feed-fr.xml").is_file()
    assert "the feeds are one a language now (feed-fr.xml)" in caplog.text


def test_feed_settings(tmp_path):
    path = tmp_path / "briefgen.toml"
    path.write_text('[feed]\nauthor = "Press desk"\nemail = "desk@example.org"\ntag = "desk@example.org,2026-01"\n')
    assert load_config(path).feed == FeedSettings("Press desk", "desk@example.org", "desk@example.org,2026-01")
    for text, message in (('[feed]\ntag = "Example.org"\n', r"briefgen.toml: feed.tag must be a domain"),
                          ('[feed]\nauthor = "desk@example.org"\n', r"feed.author must be a name"),
                          ('[feed]\nurl = "x"\n', r"briefgen.toml:2: unknown key 'feed.url'")):
        path.write_text(text)
        with pytest.raises(UsageError, match=message):
            load_config(path)
