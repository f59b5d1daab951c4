"""briefgen fetch against a local HTTP server (127.0.0.1, started here): feeds and pages
that work and every way they can fail, what briefgen asked for, and the brief made from
what it fetched, offline."""

import functools
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from briefgen.config import Config, FetchSettings, SourceFeed, find_config, load_config
from briefgen.errors import LockHeld, UsageError
from briefgen.fetch import fetch_sources
from briefgen.fsutil import OutputLock
from briefgen.pipeline import make_brief
from briefgen.testing.feedserver import FeedServer, article_page, atom, rss
from conftest import ROOT, run_briefgen

pytestmark = pytest.mark.timeout(120)  # pytest-timeout: a test that hangs fails instead
DAY = "2026-11-24"
NOW = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
MB = 1024 * 1024
BODY = ["Les ministres des Affaires étrangères de l'OTAN se sont réunis mardi à Bruxelles pour discuter du "
        "soutien à l'Ukraine et du renforcement du flanc est de l'Alliance.",
        "« Nous devons aller plus loin et plus vite », a déclaré le secrétaire général Mark Rutte lors d'une "
        "conférence de presse à l'issue de la réunion.",
        "Les Alliés ont également évoqué la coopération avec l'Union européenne et les dépenses de défense."]
QUOTE = "Nous devons aller plus loin et plus vite"


def page(title, extra="", **options):
    return article_page(title, [BODY[0] + extra, BODY[1], BODY[2]], published="2026-11-23T08:00:00+01:00",
                        author="Marie Dupont", **options)


def settings(**changes):
    base = FetchSettings(user_agent="briefgen-test/1.0 (tests)", delay=0.0, connect_timeout=2.0, read_timeout=1.0,
                         total_timeout=3.0, max_bytes=1 * MB, max_redirects=3, workers=4)
    return replace(base, **changes)


@functools.cache
def gzip_bomb():
    """100 MB of text packed into about 100 KB."""
    return gzip.compress(b"<p>" + b"a" * (100 * MB))


def stream_of(total, chunk=64 * 1024):
    def chunks():
        for _ in range(total // chunk):
            yield b"a" * chunk
    return chunks


@pytest.fixture
def site():
    """Feeds and pages on 127.0.0.1, good and bad; items dated the day before ``NOW``."""
    with FeedServer() as server:
        server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        day = NOW - timedelta(hours=20)
        good = {"/article/otan": page("L'OTAN renforce son flanc est"),
                "/article/copie": page("L'OTAN renforce son flanc est"),  # the same text at another address
                "/article/latin": page("L'Union européenne et l'OTAN", " Première réunion de l'année.")}
        for path, html in good.items():
            server.add(path, html, content_type="text/html; charset=utf-8")
        server.routes[(None, "/article/latin")].headers["Content-Type"] = "text/html; charset=iso-8859-1"
        server.add("/article/gzip", gzip.compress(page("La défense européenne avance").encode()),
                   content_type="text/html", headers={"Content-Encoding": "gzip"})
        server.add("/missing", "gone", status=404)
        server.add("/error", "oops", status=500)
        server.add("/slow", page("Trop lent"), delay=5.0, content_type="text/html")
        server.add("/loop/a", status=302, headers={"Location": "/loop/b"})
        server.add("/loop/b", status=302, headers={"Location": "/loop/a"})
        server.add("/huge", stream=stream_of(50 * MB), content_type="text/html")
        server.add("/huge-declared", headers={"Content-Length": str(50 * MB)}, stream=stream_of(50 * MB),
                   content_type="text/html")
        server.add("/bomb", gzip_bomb(), content_type="text/html",
                   headers={"Content-Encoding": "gzip"})
        server.add("/private/secret", page("Secret"), content_type="text/html")
        items = [{"title": f"Item {path}", "link": server.url(path), "published": day, "author": "Rédaction"}
                 for path in ["/article/otan", "/article/latin", "/article/copie", "/missing", "/error", "/slow",
                              "/loop/a", "/huge", "/huge-declared", "/bomb", "/private/secret"]]
        items += [{"title": "Même article, suivi", "link": server.url("/article/otan") + "?utm_source=rss",
                   "published": day},
                  {"title": "Ailleurs", "link": "http://elsewhere.invalid/article", "published": day},
                  {"title": "Autre hôte", "link": server.url("/article/otan", host="localhost"), "published": day},
                  {"title": "FTP", "link": "ftp://127.0.0.1/file.txt", "published": day},
                  {"title": "Ancien", "link": server.url("/article/ancien"), "published": NOW - timedelta(days=30)}]
        server.add("/rss.xml", rss("Le Quotidien", items), content_type="application/rss+xml",
                   last_modified="Mon, 23 Nov 2026 10:00:00 GMT")
        server.add("/atom.xml", atom("Agence", [{"title": "La défense européenne avance",
                                                  "link": server.url("/article/gzip"), "published": day}]),
                   content_type="application/atom+xml", etag='"atom-v1"')
        server.add("/broken.xml", "<rss><channel><item><title>cassé", content_type="application/rss+xml")
        yield server


def config_for(site, tmp_path, feeds=None, **fetch):
    feeds = feeds or (SourceFeed(url=site.url("/rss.xml"), name="Le Quotidien", language="fr"),
                      SourceFeed(url=site.url("/atom.xml"), name="Agence"),
                      SourceFeed(url=site.url("/broken.xml"), name="Cassé"))
    return Config(sources_dir=tmp_path / "inbox", out_dir=tmp_path / "out", lang="fr", engine="none",
                  formats=("json", "html"), feeds=feeds, fetch=settings(**fetch))


def reasons(report):
    return {f.what.split()[1]: f.reason for f in report.failures}


def test_fetch_writes_good_pages_and_names_every_failure(site, tmp_path, offline):
    report = fetch_sources(config_for(site, tmp_path), since=NOW - timedelta(days=2))
    written = sorted(url.rsplit(":", 1)[-1].split("/", 1)[-1] for url, _ in report.written)
    assert written == ["article/gzip", "article/latin", "article/otan"]
    failures = reasons(report)
    assert failures[site.url("/missing")] == "HTTP 404 Not Found"
    assert failures[site.url("/error")] == "HTTP 500 Internal Server Error"
    assert failures[site.url("/slow")] == "no answer within 1 s"
    assert failures[site.url("/loop/a")].startswith("redirect loop")
    assert failures[site.url("/huge")] == "too large (over 1.0 MB)"
    assert failures[site.url("/huge-declared")] == "too large (50.0 MB announced, limit 1.0 MB)"
    assert failures[site.url("/bomb")] == "too large (over 1.0 MB unpacked)"
    assert failures["ftp://127.0.0.1/file.txt"].startswith("not an http or https address")
    assert failures["Cassé"].startswith("not a readable feed (")
    assert len(report.failures) == 9
    refused = dict(report.refused)
    assert refused[site.url("/private/secret")] == "robots.txt forbids it"
    assert "not allowed" in refused["http://elsewhere.invalid/article"]
    assert "not allowed" in refused[site.url("/article/otan", host="localhost")]
    assert report.skipped == {"fetched before": 1, "older than --since": 1, "same text as a page fetched before": 1}
    # what briefgen asked for: never a forbidden path, another host, or anything off this machine
    assert "/private/secret" not in site.paths() and "/article/ancien" not in site.paths()
    assert {r.host for r in site.requests} == {"127.0.0.1"}
    assert offline == []
    assert all(r.headers["User-Agent"] == "briefgen-test/1.0 (tests)" for r in site.requests)
    assert site.paths().count("/robots.txt") == 1


def test_source_files_carry_their_metadata(site, tmp_path):
    report = fetch_sources(config_for(site, tmp_path))
    files = {url.rsplit("/", 1)[-1]: path for url, path in report.written}
    text = files["otan"].read_text()
    head = dict(line.split(": ", 1) for line in text.split("---\n")[1].splitlines())
    assert head["url"] == site.url("/article/otan")
    assert (head["title"], head["outlet"], head["published"]) == ("L'OTAN renforce son flanc est", "Le Quotidien",
                                                                   "2026-11-23")
    assert (head["author"], head["feed"], head["language"]) == ("Marie Dupont", "Le Quotidien", "fr")
    assert datetime.fromisoformat(head["fetched_at"]).tzinfo is not None
    assert files["otan"].name.startswith("2026-11-23_l-otan-renforce-son-flanc-est_")
    assert "Accueil" not in text and "Mentions légales" not in text  # trafilatura kept the article only
    # a wrong charset header does not garble the page
    assert "L'Union européenne et l'OTAN" in files["latin"].read_text()
    assert not list((tmp_path / "inbox").glob(".*"))  # no temporary file left


def test_second_fetch_is_conditional_and_fetches_nothing_twice(site, tmp_path):
    config = config_for(site, tmp_path)
    first = fetch_sources(config)
    assert len(first.written) == 3
    site.routes[(None, "/error")].status = 200  # the server is repaired
    site.routes[(None, "/error")].body = page("Réparé", " Une phrase de plus.").encode()
    second = fetch_sources(config)
    atom_requests = [r for r in site.requests if r.path == "/atom.xml"]
    assert "If-None-Match" not in atom_requests[0].headers
    assert atom_requests[1].headers["If-None-Match"] == '"atom-v1"'
    assert second.unchanged_feeds == ["Agence"]
    # the RSS feed had failed pages, so it is read again in full, and only they are retried
    rss_requests = [r for r in site.requests if r.path == "/rss.xml"]
    assert "If-Modified-Since" not in rss_requests[1].headers
    assert [url.rsplit("/", 1)[-1] for url, _ in second.written] == ["error"]
    for path in ("/article/otan", "/article/latin", "/article/gzip", "/article/copie"):
        assert site.paths().count(path) == 1, path
    assert site.paths().count("/error") == 2 and site.paths().count("/private/secret") == 0
    # once every new item of it was handled, the feed's validators are kept and sent back
    site.routes[(None, "/rss.xml")].body = rss("Le Quotidien", []).encode()
    fetch_sources(replace(config, feeds=config.feeds[:1]))
    third = fetch_sources(replace(config, feeds=config.feeds[:1]))
    rss_requests = [r for r in site.requests if r.path == "/rss.xml"]
    assert rss_requests[-1].headers["If-Modified-Since"] == "Mon, 23 Nov 2026 10:00:00 GMT"
    assert third.unchanged_feeds == ["Le Quotidien"]


def test_per_host_delay_is_honoured(tmp_path):
    delay = 0.1
    with FeedServer() as server:
        links = []
        for n in range(5):
            links.append({"title": f"Article {n}", "link": server.add(f"/a/{n}", page(f"Article numéro {n}",
                                                                                       f" Numéro {n}."),
                                                                       content_type="text/html"),
                          "published": NOW})
        server.add("/feed.xml", rss("Flux", links), content_type="application/rss+xml")
        config = Config(sources_dir=tmp_path / "inbox", out_dir=tmp_path / "out",
                        feeds=(SourceFeed(url=server.url("/feed.xml")),), fetch=settings(delay=delay, workers=4))
        started = time.monotonic()
        report = fetch_sources(config)
        elapsed = time.monotonic() - started
    assert len(report.written) == 5
    times = [r.at for r in server.requests]
    assert len(times) == 7  # the feed, robots.txt, five pages
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= delay - 0.01, gaps
    assert elapsed >= 6 * delay


def test_a_server_that_trickles_is_cut_off(tmp_path):
    """One byte every 0.2 s never trips the read timeout; the limit on the whole request does."""
    def trickle():
        yield b"<html><body><p>"
        for _ in range(30):
            time.sleep(0.2)
            yield b"a"

    with FeedServer() as server:
        link = server.add("/trickle", stream=trickle, content_type="text/html")
        server.add("/feed.xml", rss("Flux", [{"title": "Lent", "link": link, "published": NOW}]),
                   content_type="application/rss+xml")
        config = Config(sources_dir=tmp_path / "inbox", out_dir=tmp_path / "out",
                        feeds=(SourceFeed(url=server.url("/feed.xml")),),
                        fetch=settings(read_timeout=0.5, total_timeout=1.0))
        started = time.monotonic()
        report = fetch_sources(config)
    assert [f.reason for f in report.failures] == ["took longer than 1 s"]
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("case, expected", [
    ("deflate-zlib", "ok"),
    ("deflate-raw", "ok"),
    ("redirect-chain", "too many redirects (more than 3)"),
    ("redirect-elsewhere", "host elsewhere.invalid is not among the allowed hosts"),
    ("redirect-ftp", "not an http or https address (ftp://127.0.0.1/x)"),
    ("bad-gzip", "damaged gzip content"),
    ("brotli", "unknown content encoding 'br'"),
    ("cut-gzip", "damaged gzip content (cut short)"),
], ids=["deflate-zlib", "deflate-raw", "redirect-chain", "redirect-elsewhere", "redirect-ftp", "bad-gzip", "brotli",
        "cut-gzip"])
def test_client_encodings_and_redirects(case, expected, offline):
    import zlib

    from briefgen.fetch.http import Client, FetchError, Limits

    text = b"<p>" + "défense européenne ".encode() * 50 + b"</p>"
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    with FeedServer() as server:
        server.add("/deflate-zlib", zlib.compress(text), headers={"Content-Encoding": "deflate"})
        server.add("/deflate-raw", raw.compress(text) + raw.flush(), headers={"Content-Encoding": "deflate"})
        for n in range(5):
            server.add(f"/redirect-chain{n or ''}", status=301, headers={"Location": f"/redirect-chain{n + 1}"})
        server.add("/redirect-elsewhere", status=302, headers={"Location": "http://elsewhere.invalid/"})
        server.add("/redirect-ftp", status=302, headers={"Location": "ftp://127.0.0.1/x"})
        server.add("/bad-gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage", headers={"Content-Encoding": "gzip"})
        server.add("/cut-gzip", gzip.compress(text)[:40], headers={"Content-Encoding": "gzip"})
        server.add("/brotli", b"...", headers={"Content-Encoding": "br"})
        client = Client(Limits(user_agent="t", delay=0, max_redirects=3, read_timeout=1, total_timeout=3))
        try:
            outcome = "ok" if client.get(server.url(f"/{case}"), allowed=frozenset({"127.0.0.1"})).body == text \
                else "wrong body"
        except FetchError as exc:
            outcome = exc.reason
    assert outcome == expected
    assert offline == []


def test_crawl_delay_of_robots_txt(tmp_path):
    with FeedServer() as server:
        server.add("/robots.txt", "User-agent: briefgen-test\nCrawl-delay: 1\n", content_type="text/plain")
        links = [{"title": f"A{n}", "link": server.add(f"/a/{n}", page(f"Article numéro {n}", f" Numéro {n}."),
                                                       content_type="text/html"), "published": NOW}
                 for n in range(2)]
        server.add("/feed.xml", rss("Flux", links), content_type="application/rss+xml")
        config = Config(sources_dir=tmp_path / "inbox", out_dir=tmp_path / "out",
                        feeds=(SourceFeed(url=server.url("/feed.xml")),), fetch=settings(delay=0.0))
        fetch_sources(config)
    pages = [r.at for r in server.requests if r.path.startswith("/a/")]
    assert len(pages) == 2 and pages[1] - pages[0] >= 0.99


def test_max_items_and_lock(site, tmp_path):
    config = config_for(site, tmp_path, feeds=(SourceFeed(url=site.url("/rss.xml"), max_items=1),))
    report = fetch_sources(config)
    assert [url.rsplit("/", 1)[-1] for url, _ in report.written] == ["otan"]
    assert report.skipped["beyond the feed's max_items"] >= 10
    with OutputLock(config.out_dir), pytest.raises(LockHeld):
        fetch_sources(config)


def test_fetch_without_feeds_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match=r"\[\[feeds\]\]"):
        fetch_sources(Config(sources_dir=tmp_path / "inbox", out_dir=tmp_path / "out"))


@pytest.mark.parametrize("text, message", [
    ('[[feeds]]\nname = "x"\n', "briefgen.toml:1: each [[feeds]] needs a url"),
    ('[[feeds]]\nurl = "https://a.example/rss"\n\n[[feeds]]\nurl = "https://b.example/rss"\nmax_items = "ten"\n',
     "briefgen.toml:6: 'feeds.max_items' must be an integer"),
    ('[fetch]\ndelay = "slow"\n', "briefgen.toml:2: 'fetch.delay' must be a number"),
    ('[fetch]\nallow_hosts = ["http://x"]\n', "'fetch.allow_hosts' must be a list of host names"),
], ids=["no-url", "second-feed-bad-type", "bad-delay", "bad-host"])
def test_feed_settings_errors(tmp_path, text, message):
    (tmp_path / "briefgen.toml").write_text(text)
    with pytest.raises(UsageError) as error:
        load_config(find_config(None, cwd=tmp_path))
    assert message in str(error.value)


def test_feed_settings(tmp_path):
    (tmp_path / "briefgen.toml").write_text(
        'sources = "inbox"\n[fetch]\nuser_agent = "desk/1"\ndelay = 2\nmax_page_mb = 1.5\nallow_hosts = ["cdn.example.org"]\n'
        '[[feeds]]\nurl = "https://a.example/rss"\nname = "A"\nlanguage = "fr"\nmax_items = 5\nhosts = ["News.A.example"]\n'
        '[[feeds]]\nurl = "https://b.example/atom"\n')
    config = load_config(find_config(None, cwd=tmp_path))
    assert config.feeds == (SourceFeed("https://a.example/rss", "A", "fr", 5, ("news.a.example",)),
                            SourceFeed("https://b.example/atom"))
    assert (config.fetch.user_agent, config.fetch.delay, config.fetch.max_bytes) == ("desk/1", 2.0, int(1.5 * MB))
    assert config.fetch.allow_hosts == ("cdn.example.org",)


# ---------------------------------------------------------------- the commands
def write_settings(folder, feeds):
    text = 'sources = "inbox"\nout = "out"\nengine = "none"\nlanguages = ["fr"]\nformats = ["json", "html"]\n' \
           '[fetch]\ndelay = 0\nread_timeout = 1\ntotal_timeout = 3\nuser_agent = "briefgen-test/1.0"\n'
    for name, url in feeds:
        text += f'[[feeds]]\nurl = "{url}"\nname = "{name}"\n'
    (folder / "briefgen.toml").write_text(text)


def test_fetch_then_make_lists_every_fetched_source_with_its_url(site, tmp_path, no_network):
    write_settings(tmp_path, [("Agence", site.url("/atom.xml")), ("Le Quotidien", site.url("/rss.xml"))])
    site.routes[(None, "/rss.xml")].body = rss("Le Quotidien", [
        {"title": "OTAN", "link": site.url("/article/otan"), "published": NOW},
        {"title": "UE", "link": site.url("/article/latin"), "published": NOW}]).encode()
    done = run_briefgen("fetch", "--quiet", cwd=tmp_path, timeout=60)  # a child process: on 127.0.0.1 only
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # --quiet: a good run prints nothing
    config = load_config(find_config(None, cwd=tmp_path))
    make_brief(config, DAY)  # in this process, with every connection refused and recorded
    assert no_network == []
    brief = json.loads((tmp_path / "out" / DAY / "brief-fr.json").read_text())
    urls = sorted(s["url"] for s in brief["sources"])
    assert urls == sorted([site.url("/article/gzip"), site.url("/article/otan"), site.url("/article/latin")])
    otan = next(s for s in brief["sources"] if s["url"].endswith("/otan"))
    assert (otan["title"], otan["outlet"], otan["published"]) == ("L'OTAN renforce son flanc est", "Le Quotidien",
                                                                  "2026-11-23")
    assert QUOTE in [s["original"] for s in otan["statements"] if s["kind"] == "quote"]
    html = (tmp_path / "out" / DAY / "brief-fr.html").read_text()
    for url in urls:
        assert f'href="{url}"' in html


def test_exit_code_6_names_what_failed_and_make_fetch(site, tmp_path):
    write_settings(tmp_path, [("Cassé", site.url("/broken.xml")), ("Agence", site.url("/atom.xml"))])
    done = run_briefgen("fetch", cwd=tmp_path, timeout=60)
    assert done.returncode == 6, done.stderr
    assert f"could not fetch feed Cassé ({site.url('/broken.xml')}): not a" in done.stderr
    assert "1 feed(s) or page(s) could not be fetched" in done.stderr and "Traceback" not in done.stderr
    assert len(list((tmp_path / "inbox").glob("*.md"))) == 1
    # make --fetch: the brief is still made from what arrived, and the exit code says what failed
    done = run_briefgen("make", "--fetch", "--date", DAY, cwd=tmp_path, timeout=120)
    assert done.returncode == 6, done.stderr
    assert (tmp_path / "out" / DAY / "brief-fr.json").is_file()


def test_fetch_needs_a_sources_folder(tmp_path):
    (tmp_path / "briefgen.toml").write_text('[[feeds]]\nurl = "http://127.0.0.1:9/rss"\n')
    done = run_briefgen("fetch", cwd=tmp_path)
    assert done.returncode == 2 and "needs a sources folder" in done.stderr


def test_killed_fetch_leaves_no_half_file(site, tmp_path):
    write_settings(tmp_path, [("Agence", site.url("/atom.xml"))])
    env = dict(os.environ, BRIEFGEN_PAUSE_AT="rename")
    process = subprocess.Popen([sys.executable, "-m", "briefgen", "fetch"], cwd=tmp_path, env=env,
                               stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        line = ""
        while "paused at rename" not in line:
            line = process.stderr.readline()
            assert line or process.poll() is None, "briefgen ended before the pause"
            assert time.time() < deadline
        # a fetch holds the same lock as make
        second = run_briefgen("make", "--date", DAY, cwd=tmp_path, timeout=60)
        assert second.returncode == 5 and f"PID {process.pid}" in second.stderr
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        process.stderr.close()
    inbox = tmp_path / "inbox"
    assert [p.name for p in inbox.iterdir() if not p.name.startswith(".")] == []
    assert list(inbox.glob(".*briefgen-tmp"))  # written, never renamed into place
    done = run_briefgen("fetch", cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "left by a fetch that was stopped" in done.stderr
    assert not list(inbox.glob(".*briefgen-tmp")) and len(list(inbox.glob("*.md"))) == 1


def test_sigterm_stops_a_fetch_at_once_and_cleanly(tmp_path):
    """SIGTERM while pages are still queued: no half file, the lock released, no wait for
    the other pages (each would take the 1 s delay)."""
    with FeedServer() as server:
        links = [{"title": f"A{n}", "link": server.add(f"/a/{n}", page(f"Article numéro {n}", f" Numéro {n}."),
                                                       content_type="text/html"), "published": NOW}
                 for n in range(20)]
        server.add("/feed.xml", rss("Flux", links), content_type="application/rss+xml")
        write_settings(tmp_path, [("Flux", server.url("/feed.xml"))])
        settings_file = tmp_path / "briefgen.toml"
        settings_file.write_text(settings_file.read_text().replace("delay = 0", "delay = 1"))
        env = dict(os.environ, BRIEFGEN_PAUSE_AT="rename")
        process = subprocess.Popen([sys.executable, "-m", "briefgen", "fetch"], cwd=tmp_path, env=env,
                                   stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        line = ""
        while "paused at rename" not in line:
            line = process.stderr.readline()
            assert (line or process.poll() is None) and time.time() < deadline
        stopped_at = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
        took = time.monotonic() - stopped_at
        pages = len([r for r in server.requests if r.path.startswith("/a/")])
    assert process.returncode == 1 and "stopped by SIGTERM" in err and "Traceback" not in err
    assert took < 5 and pages < 5
    assert not [p for p in (tmp_path / "inbox").iterdir()]  # not even a temporary file
    assert run_briefgen("make", "--date", DAY, cwd=tmp_path, timeout=60).returncode == 4  # the lock is free


def test_briefgen_help_still_imports_nothing_heavy():
    code = ("import sys\nfrom briefgen.cli import main\n"
            "try:\n    main(['fetch', '--help'])\nexcept SystemExit:\n    pass\n"
            "print('HEAVY', [m for m in ('feedparser', 'trafilatura', 'pdfminer', 'docx', 'http.client')"
            " if m in sys.modules])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr
