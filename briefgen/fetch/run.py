"""``briefgen fetch``: the feeds of the settings, their new items' pages, one source file
each in the sources folder.

Feeds and pages are requested by a few threads (``fetch.workers``) through one polite
client (see ``http.py``), one thread per host at a time; everything else (the state database, writing files) happens in
the calling thread. The run holds the output folder's lock, as ``briefgen make`` does, so
the two never overlap; every file is written atomically, so a killed fetch leaves no half
file (its hidden temporary files are removed by the next run).

An item is new when its address (without tracking parameters) was never fetched, its
text was not already written from another address, and it is not older than ``since``.
A feed's ETag and Last-Modified are kept only once every new item of it was handled, so
a page that failed is tried again on the next run instead of hiding behind a 304.
"""

from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..config import Config, SourceFeed
from ..errors import BriefgenError, UsageError
from ..fsutil import OutputLock, atomic_write, remove_leftovers
from ..ingest import display_path
from ..state import State
from .article import Article, decode_page, extract_article, file_name, source_file
from .feeds import Item, parse_feed
from .http import Client, FetchError, Limits, Response, host_allowed, host_of
from .robots import Robots

log = logging.getLogger(__name__)
FEED_TYPES = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
PAGE_TYPES = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


class Refused(FetchError):
    """Not fetched on purpose (robots.txt, a host that is not allowed): not a failure."""


@dataclass(frozen=True)
class Failure:
    what: str  # "feed Le Monde (https://…)" or "page https://… (feed Le Monde)"
    reason: str


@dataclass
class FetchReport:
    written: list[tuple[str, Path]] = field(default_factory=list)  # (address, source file)
    failures: list[Failure] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (address, why)
    unchanged_feeds: list[str] = field(default_factory=list)  # answered 304 Not Modified
    skipped: dict[str, int] = field(default_factory=dict)  # why -> how many items

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1

    @property
    def requests_failed(self) -> bool:
        return bool(self.failures)


def limits_of(config: Config) -> Limits:
    settings = config.fetch
    return Limits(user_agent=settings.user_agent, delay=settings.delay, connect_timeout=settings.connect_timeout,
                  read_timeout=settings.read_timeout, total_timeout=settings.total_timeout,
                  max_bytes=settings.max_bytes, max_redirects=settings.max_redirects)


def fetch_sources(config: Config, since: datetime | None = None, client: Client | None = None) -> FetchReport:
    """Fetch every feed of ``config.feeds`` and write its new items into the sources folder."""
    if not config.feeds:
        raise UsageError("no feeds to fetch: add [[feeds]] tables with a url to briefgen.toml")
    sources_dir = Path(config.sources_dir)
    try:
        sources_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefgenError(f"cannot create the sources folder {sources_dir}: {exc.strerror or exc}") from None
    client = client or Client(limits_of(config))
    report = FetchReport()
    with OutputLock(config.out_dir):
        for leftover in remove_leftovers(sources_dir):
            log.warning("removed %s, left by a fetch that was stopped", display_path(leftover))
        stop = threading.Event()
        with State(config.out_dir) as state, ThreadPoolExecutor(config.fetch.workers, "fetch") as pool:
            try:
                _run(config, since, client, state, pool, report, stop)
            except BaseException:  # SIGTERM or an error: the workers finish their request and stop
                stop.set()
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    return report


def _run(config: Config, since: datetime | None, client: Client, state: State, pool: ThreadPoolExecutor,
         report: FetchReport, stop: threading.Event) -> None:
    robots = Robots(client)
    feeds: dict[Future, SourceFeed] = {
        pool.submit(_read_feed, client, feed, state.feed_validators(feed.url)): feed for feed in config.feeds}
    by_host: dict[str, list[tuple[SourceFeed, Item]]] = {}
    open_items: dict[str, int] = {}  # feed url -> items of it still being fetched
    validators: dict[str, tuple[str | None, str | None]] = {}
    failed_feeds: set[str] = set()
    queued: set[str] = set()
    for job in as_completed(feeds):
        feed = feeds[job]
        try:
            response, items = job.result()
        except FetchError as exc:
            _fail(report, f"feed {feed.label} ({feed.url})", exc.reason)
            continue
        if response.not_modified:
            log.info("feed %s: not modified since the last fetch", feed.label)
            report.unchanged_feeds.append(feed.label)
            continue
        validators[feed.url] = (response.header("ETag"), response.header("Last-Modified"))
        new = _new_items(items, feed, state, since, queued, report)
        log.info("feed %s: %d item(s), %d new", feed.label, len(items), len(new))
        open_items[feed.url] = len(new)
        for item in new:
            by_host.setdefault(host_of(item.url), []).append((feed, item))
    for feed_url in [url for url, count in open_items.items() if count == 0]:
        state.record_feed(feed_url, *validators[feed_url])
    # one job per host, which reads that host's pages in turn: a worker never waits for a
    # host that another worker is already reading while other hosts have pages to give
    done: queue.Queue = queue.Queue()
    for pages in by_host.values():
        pool.submit(_read_pages, client, robots, config, pages, done, stop)
    for _ in range(sum(len(pages) for pages in by_host.values())):
        feed, item, outcome = done.get()
        if isinstance(outcome, BaseException) and not isinstance(outcome, FetchError):
            raise outcome
        if not _handle_page(outcome, feed, item, config, since, state, report):
            failed_feeds.add(feed.url)
        open_items[feed.url] -= 1
        if open_items[feed.url] == 0 and feed.url not in failed_feeds:
            state.record_feed(feed.url, *validators[feed.url])


def _read_pages(client: Client, robots: Robots, config: Config, pages: list[tuple[SourceFeed, Item]],
                done: queue.Queue, stop: threading.Event) -> None:
    """Runs in a worker thread: the pages of one host, in turn; each outcome (an Article or
    the exception) goes to ``done``. Stops between two pages when ``stop`` is set."""
    for feed, item in pages:
        if stop.is_set():
            return
        try:
            outcome = _read_page(client, robots, item, _allowed_hosts(config, feed))
        except BaseException as exc:  # handed to the main thread, which decides
            outcome = exc
        done.put((feed, item, outcome))


def _handle_page(outcome: Article | BaseException, feed: SourceFeed, item: Item, config: Config,
                 since: datetime | None, state: State, report: FetchReport) -> bool:
    """Write the page's article (or note why not); False when fetching it failed."""
    try:
        if isinstance(outcome, BaseException):
            raise outcome
        article: Article = outcome
    except Refused as exc:
        log.warning("not fetched: %s (feed %s): %s", item.url, feed.label, exc.reason)
        report.refused.append((item.url, exc.reason))
        state.record_fetched(item.url, feed.label, f"refused: {exc.reason}")
        return True
    except FetchError as exc:
        _fail(report, f"page {item.url} (feed {feed.label})", exc.reason)
        return False
    if since and article.published and article.published < since.date().isoformat():
        report.skip("older than --since")
        return True
    earlier = state.url_with_text(article.content_hash)
    if earlier and earlier != article.url:
        log.info("%s has the same text as %s, fetched before: not written again", article.url, earlier)
        report.skip("same text as a page fetched before")
        state.record_fetched(article.url, feed.label, f"same text as {earlier}", article.content_hash)
        return True
    fetched_at = datetime.now(UTC)
    path = Path(config.sources_dir) / file_name(article, fetched_at)
    atomic_write(path, source_file(article, feed.name or item.feed_title or feed.url, feed.language, fetched_at))
    state.record_fetched(article.url, feed.label, "written", article.content_hash, display_path(path))
    report.written.append((article.url, path))
    log.info("wrote %s (%s)", display_path(path), article.url)
    return True


def _fail(report: FetchReport, what: str, reason: str) -> None:
    log.warning("could not fetch %s: %s", what, reason)
    report.failures.append(Failure(what, reason))


def _allowed_hosts(config: Config, feed: SourceFeed) -> frozenset[str]:
    return frozenset({host_of(feed.url), *feed.hosts, *config.fetch.allow_hosts})


def _read_feed(client: Client, feed: SourceFeed,
               validators: tuple[str | None, str | None]) -> tuple[Response, list[Item]]:
    """The feed's answer and items (none when it answered 304 Not Modified)."""
    etag, last_modified = validators
    headers = {"Accept": FEED_TYPES}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    allowed = frozenset({host_of(feed.url), *feed.hosts})
    response = client.get(feed.url, allowed=allowed, headers=headers)
    if response.not_modified:
        return response, []
    return response, parse_feed(response.body, response.url, response.header("Content-Type"))


def _new_items(items: list[Item], feed: SourceFeed, state: State, since: datetime | None, queued: set[str],
               report: FetchReport) -> list[Item]:
    new = []
    for item in items:
        if item.url in queued or state.fetched(item.url):
            report.skip("fetched before")
        elif since and item.published and item.published < since:
            report.skip("older than --since")
        elif feed.max_items is not None and len(new) >= feed.max_items:
            report.skip("beyond the feed's max_items")
        else:
            new.append(item)
            queued.add(item.url)
    return new


def _read_page(client: Client, robots: Robots, item: Item, allowed: frozenset[str]) -> Article:
    """Runs in a worker thread: the page of an item, fetched and its article extracted."""
    def permitted(url: str) -> None:
        if not host_allowed(host_of(url), allowed):
            raise Refused(f"host {host_of(url)} is not allowed for this feed (add it to the feed's hosts)")
        try:
            robots.check(url)
        except FetchError as exc:
            if exc.reason == "robots.txt forbids it":
                raise Refused(exc.reason) from None
            raise

    response = client.get(item.url, allowed=None, headers={"Accept": PAGE_TYPES}, before_each=permitted)
    html = decode_page(response.body, response.header("Content-Type"))
    return extract_article(html, item)
