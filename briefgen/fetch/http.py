"""A polite, careful HTTP client for feeds and pages (the standard library's http.client).

- only http and https; at most ``max_redirects`` redirects, a loop is caught at once;
- only hosts the caller allows (checked again on every redirect);
- one request at a time per host, and at least ``delay`` seconds from the end of one
  request to a host to the start of the next (more if its robots.txt asks for a
  Crawl-delay): so the server, too, sees its requests at least ``delay`` apart;
- a connect timeout, a read timeout for each wait on the server, and a limit on the
  whole exchange (a server that trickles bytes is cut off);
- at most ``max_bytes`` of body, counted as the server sends it and again as gzip or
  deflate unpacks it: reading stops there, nothing beyond is read or kept;
- a ``User-Agent`` that says who is asking, and conditional headers when asked.

Every failure is a ``FetchError`` whose ``reason`` is one short phrase for the operator.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

CHUNK = 64 * 1024
REDIRECTS = (301, 302, 303, 307, 308)


class FetchError(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    headers: Message
    body: bytes

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


@dataclass(frozen=True)
class Limits:
    user_agent: str
    delay: float = 1.0
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def host_allowed(host: str, allowed: frozenset[str] | set[str] | None) -> bool:
    """``allowed`` None allows every host; "example.org" also allows www.example.org."""
    return allowed is None or any(host == name or host.endswith("." + name) for name in allowed)


class HostGate:
    """One request at a time per host, each starting at least ``delay`` seconds after the
    previous one ended."""

    def __init__(self, delay: float):
        self.delay = delay
        self._lock = threading.Lock()
        self._hosts: dict[str, tuple[threading.Lock, list[float]]] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        with self._lock:
            self._delays[host] = max(self.delay, seconds)

    def _slot(self, host: str) -> tuple[threading.Lock, list[float]]:
        with self._lock:
            return self._hosts.setdefault(host, (threading.Lock(), [float("-inf")]))

    def turn(self, host: str) -> _Turn:
        return _Turn(self, host)


class _Turn:
    def __init__(self, gate: HostGate, host: str):
        self.gate, self.host = gate, host

    def __enter__(self) -> None:
        lock, last = self.gate._slot(self.host)
        lock.acquire()
        wait = last[0] + self.gate._delays.get(self.host, self.gate.delay) - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def __exit__(self, *exc_info) -> None:
        lock, last = self.gate._slot(self.host)
        last[0] = time.monotonic()  # the end of this request: the next waits from here
        lock.release()


class Client:
    def __init__(self, limits: Limits):
        self.limits = limits
        self.gate = HostGate(limits.delay)
        self._tls = ssl.create_default_context()

    def get(self, url: str, *, allowed: frozenset[str] | None = None, headers: dict[str, str] | None = None,
            before_each: Callable[[str], None] | None = None, max_bytes: int | None = None) -> Response:
        """GET ``url``, following redirects. ``before_each(url)`` may raise FetchError to
        refuse a URL (robots.txt) before it is requested, the first and every redirect."""
        seen: list[str] = []
        current = url
        while True:
            _check_url(current, allowed)
            if current in seen:
                raise FetchError(f"redirect loop ({' → '.join(seen + [current])})"[:300])
            seen.append(current)
            if before_each is not None:
                before_each(current)
            response = self._once(current, headers or {}, max_bytes or self.limits.max_bytes)
            if response.status not in REDIRECTS:
                return response
            location = response.header("Location")
            if not location:
                raise FetchError(f"HTTP {response.status} without a Location to go to")
            if len(seen) > self.limits.max_redirects:
                raise FetchError(f"too many redirects (more than {self.limits.max_redirects})")
            current = urljoin(current, location.strip())

    def _once(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        parts = urlsplit(url)
        host = parts.hostname.lower()
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request_headers = {"User-Agent": self.limits.user_agent, "Accept-Encoding": "gzip, deflate",
                           "Connection": "close", **headers}
        with self.gate.turn(host):
            connection = self._connection(parts)
            watchdog = _Watchdog(connection, self.limits.total_timeout)
            response = None
            try:
                try:
                    connection.connect()
                except TimeoutError:
                    raise FetchError(f"no connection within {self.limits.connect_timeout:g} s") from None
                connection.sock.settimeout(self.limits.read_timeout)
                watchdog.watch(connection.sock)
                connection.request("GET", target, headers=request_headers)
                response = connection.getresponse()
                body = b"" if response.status in REDIRECTS or response.status == 304 else \
                    _read_body(response, max_bytes)
                if watchdog.fired:  # the body may look complete: the watchdog ended it
                    raise FetchError(f"took longer than {self.limits.total_timeout:g} s")
            except FetchError:
                raise
            except TimeoutError:
                raise FetchError(f"no answer within {self.limits.read_timeout:g} s") from None
            except ssl.SSLError as exc:
                raise FetchError(f"TLS failed ({exc.reason or exc})") from None
            except (OSError, http.client.HTTPException) as exc:
                if watchdog.fired:
                    raise FetchError(f"took longer than {self.limits.total_timeout:g} s") from None
                raise FetchError(_network_reason(exc)) from None
            finally:
                watchdog.cancel()
                if response is not None:
                    response.close()  # it holds the socket once the connection has let go of it
                connection.close()
        if response.status >= 400:
            raise FetchError(f"HTTP {response.status} {response.reason}".strip())
        return Response(url=url, status=response.status, headers=response.msg, body=body)

    def _connection(self, parts) -> http.client.HTTPConnection:
        if parts.scheme == "https":
            return http.client.HTTPSConnection(parts.hostname, parts.port, timeout=self.limits.connect_timeout,
                                               context=self._tls)
        return http.client.HTTPConnection(parts.hostname, parts.port, timeout=self.limits.connect_timeout)


def _check_url(url: str, allowed: frozenset[str] | None) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"not an http or https address ({url[:100]})")
    if not parts.hostname:
        raise FetchError(f"no host in the address ({url[:100]})")
    try:
        parts.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError:
        raise FetchError(f"bad port in the address ({url[:100]})") from None
    if not host_allowed(parts.hostname.lower(), allowed):
        raise FetchError(f"host {parts.hostname} is not among the allowed hosts")


class _Watchdog:
    """Closes the connection when the whole exchange takes too long: a read timeout alone
    never ends a server that sends one byte every few seconds."""

    def __init__(self, connection: http.client.HTTPConnection, seconds: float):
        self.fired = False
        self._connection = connection
        # the response keeps the socket when the connection lets go of it (Connection: close)
        self._socket: socket.socket | None = None
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        self._socket = sock

    def _fire(self) -> None:
        self.fired = True
        sock = self._socket or self._connection.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        self._timer.cancel()


def _read_body(response: http.client.HTTPResponse, max_bytes: int) -> bytes:
    """The body, unpacked, refusing more than ``max_bytes`` sent or unpacked."""
    limit = f"{max_bytes / 1024 / 1024:.1f} MB"
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise FetchError(f"too large ({int(declared) / 1024 / 1024:.1f} MB announced, limit {limit})")
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        unpacker = _Deflate()
    elif encoding == "identity":
        unpacker = None
    else:
        raise FetchError(f"unknown content encoding '{encoding[:30]}'")
    received = 0
    out = bytearray()
    while True:
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        received += len(chunk)
        if received > max_bytes:
            raise FetchError(f"too large (over {limit})")
        if unpacker is None:
            out += chunk
            continue
        try:
            out += unpacker.decompress(chunk, max_bytes + 1 - len(out))
        except zlib.error:
            raise FetchError(f"damaged {encoding} content") from None
        if len(out) > max_bytes or unpacker.unconsumed_tail:
            raise FetchError(f"too large (over {limit} unpacked)")
    if unpacker is not None and not unpacker.eof:
        raise FetchError(f"damaged {encoding} content (cut short)")
    return bytes(out)


class _Deflate:
    """HTTP's "deflate" is zlib-wrapped by the standard, raw deflate by some servers."""

    def __init__(self):
        self._inner = None
        self.unconsumed_tail = b""

    @property
    def eof(self) -> bool:
        return self._inner is not None and self._inner.eof

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if self._inner is None:
            raw = not (len(data) >= 2 and data[0] & 0x0F == 8 and int.from_bytes(data[:2], "big") % 31 == 0)
            self._inner = zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
        result = self._inner.decompress(data, max_length)
        self.unconsumed_tail = self._inner.unconsumed_tail
        return result


def _network_reason(exc: Exception) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "host name not found"
    if isinstance(exc, http.client.HTTPException):
        return f"bad HTTP answer ({type(exc).__name__})"
    return f"network error ({getattr(exc, 'strerror', None) or exc})"[:200]
