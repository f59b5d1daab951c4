"""A local HTTP server (127.0.0.1 only) that serves feeds and pages to ``briefgen fetch`` in
the tests and the benchmark, misbehaving on request, and records every request it gets.

    with FeedServer() as server:
        server.add("/feed.xml", rss(...), content_type="application/rss+xml", etag='"v1"')
        server.url("/feed.xml")            # http://127.0.0.1:<port>/feed.xml
        server.requests                    # [Request(host, path, headers, at), ...]
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answer 304 to a request that sends it back
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering
    stream: Callable[[], Iterator[bytes]] | None = None  # a body sent chunk by chunk, no length given


@dataclass(frozen=True)
class Request:
    host: str  # the Host header, without the port
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic() when it arrived


class FeedServer:
    def __init__(self, address: str = "127.0.0.1"):
        self.routes: dict[tuple[str | None, str], Route] = {}
        self.requests: list[Request] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer((address, 0), self._handler())
        self._server.daemon_threads = True
        self.address = address
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="feedserver", daemon=True)

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.address}:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", *, host: str | None = None, content_type: str | None = None,
            **options) -> str:
        """Serve ``body`` at ``path`` (for the Host ``host`` only, when given); returns its URL."""
        route = Route(body=body.encode() if isinstance(body, str) else body, **options)
        if content_type:
            route.headers.setdefault("Content-Type", content_type)
        self.routes[(host, path)] = route
        return self.url(path, host)

    def paths(self, host: str | None = None) -> list[str]:
        with self._lock:
            return [r.path for r in self.requests if host is None or r.host == host]

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the name http.server calls)
                host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
                with server._lock:
                    server.requests.append(Request(host, self.path, dict(self.headers), time.monotonic()))
                route = server.routes.get((host, self.path)) or server.routes.get((None, self.path))
                if route is None:
                    route = Route(body=b"not found", status=404)
                if route.delay and server._stop.wait(route.delay):
                    return
                try:
                    self._answer(route)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: what a size limit does

            def _answer(self, route: Route) -> None:
                if route.etag and self.headers.get("If-None-Match") == route.etag or \
                        route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                if route.stream is None:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if route.stream is None:
                    self.wfile.write(route.body)
                    return
                for chunk in route.stream():
                    if server._stop.is_set():
                        return
                    self.wfile.write(chunk)

            def log_message(self, *args):  # quiet
                pass

        return Handler


# ---------------------------------------------------------------- content
def rss(title: str, items: list[dict], link: str = "http://127.0.0.1/") -> str:
    """An RSS 2.0 feed; each item a dict with title, link, published (datetime), author."""
    entries = "".join(
        f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
        f"<guid>{escape(i['link'])}</guid>"
        + (f"<pubDate>{format_datetime(i['published'])}</pubDate>" if i.get("published") else "")
        + (f"<author>{escape(i['author'])}</author>" if i.get("author") else "")
        + "</item>"
        for i in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>{escape(link)}</link><description>{escape(title)}</description>{entries}</channel></rss>")


def atom(title: str, items: list[dict], feed_id: str = "urn:briefgen:test") -> str:
    """An Atom 1.0 feed with the same kind of items as ``rss``."""
    entries = "".join(
        f"<entry><title>{escape(i['title'])}</title><link rel=\"alternate\" href=\"{escape(i['link'])}\"/>"
        f"<id>{escape(i['link'])}</id><updated>{i['published'].isoformat()}</updated>"
        + (f"<author><name>{escape(i['author'])}</name></author>" if i.get("author") else "")
        + "</entry>"
        for i in items)
    updated = max((i["published"] for i in items), default=None)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>{feed_id}</id>"
            f"<updated>{updated.isoformat() if updated else '2026-01-01T00:00:00Z'}</updated>{entries}</feed>")


def article_page(title: str, paragraphs: list[str], *, outlet: str = "Le Quotidien", published: str | None = None,
                 author: str | None = None, charset: str | None = "utf-8") -> str:
    """A news page as sites make them: navigation, the article, a footer."""
    meta = f'<meta charset="{charset}">' if charset else ""
    meta += f'<meta property="og:site_name" content="{escape(outlet)}">'
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    if author:
        meta += f'<meta name="author" content="{escape(author)}">'
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=\"fr\"><head>{meta}<title>{escape(title)} | {escape(outlet)}</title></head>"
            f"<body><nav><a href=\"/\">Accueil</a> &gt; <a href=\"/monde\">Monde</a></nav>"
            f"<article><h1>{escape(title)}</h1>{body}</article>"
            f"<footer><p>© 2026 {escape(outlet)} — Mentions légales — Contact</p></footer></body></html>")
