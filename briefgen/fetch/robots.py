"""robots.txt, read once per site and run, through the same polite client.

A missing robots.txt (404, 410) allows everything, and 401/403 forbid everything (the
convention of the standard library's parser). One that cannot be read (a server error,
a timeout) forbids the site for this run: when in doubt, do not crawl. A Crawl-delay
longer than the configured delay is honoured, up to ``MAX_CRAWL_DELAY``.
"""

from __future__ import annotations

import threading
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .http import Client, FetchError

MAX_CRAWL_DELAY = 30.0  # seconds; a robots.txt asking for more would stall the run
MAX_ROBOTS_BYTES = 512 * 1024


class Robots:
    def __init__(self, client: Client):
        self.client = client
        self._sites: dict[str, RobotFileParser | str] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> None:
        """Raise FetchError when the site's robots.txt forbids ``url`` to this user agent."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        rules = self._rules(site, parts.hostname.lower())
        if isinstance(rules, str):
            raise FetchError(rules)
        if not rules.can_fetch(self.client.limits.user_agent, url):
            raise FetchError("robots.txt forbids it")

    def _rules(self, site: str, host: str) -> RobotFileParser | str:
        with self._lock:
            lock = self._locks.setdefault(site, threading.Lock())
        with lock:  # one read per site, however many threads ask at once
            if site not in self._sites:
                self._sites[site] = self._read(site, host)
            return self._sites[site]

    def _read(self, site: str, host: str) -> RobotFileParser | str:
        parser = RobotFileParser(f"{site}/robots.txt")
        try:
            response = self.client.get(f"{site}/robots.txt", allowed=frozenset({host}), max_bytes=MAX_ROBOTS_BYTES)
        except FetchError as exc:
            status = exc.reason.split()[1] if exc.reason.startswith("HTTP ") else ""
            if status in ("404", "410"):
                parser.allow_all = True
            elif status in ("401", "403"):
                parser.disallow_all = True
            else:
                return f"robots.txt could not be read ({exc.reason}), so the site is left alone"
            return parser
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(self.client.limits.user_agent)
        if delay:
            self.client.gate.set_delay(host, min(float(delay), MAX_CRAWL_DELAY))
        return parser
