"""Settings: defaults here, overridden by ``briefgen.toml``, overridden by command-line options.

``briefgen.toml`` (in the current folder, or given with ``--config``)::

    sources = "inbox"              # folder of source files
    out = "/srv/briefs"            # output folder
    languages = ["en", "fr"]       # one brief per language
    engine = "auto"                # auto | argos | apertium | none
    formats = ["html", "pdf", "json"]
    glossary = "terms.toml"
    max_source_mb = 2              # larger source files are skipped
    allow_symlinks_into = ["/srv/wire"]   # links in the sources folder may point here
    pdf_variant = "pdf/a-3b"
    since_last = false             # only sources not in an earlier brief
    absolute_paths = false         # true: the JSON gives sources' absolute paths (never the HTML or PDF)
    base_url = "https://intranet.example/briefs/"   # where out/ is served: links in the Atom feeds

    [feed]
    author = "Press desk"          # the feeds' author (default: briefgen)
    email = "desk@example.org"
    tag = "example.org,2026"       # a domain of yours and a date: in every entry's id, never change it

    [mail]
    recipients = ["desk@example.org"]
    sender = "briefgen@example.org"
    host = "smtp.example.org"
    port = 587
    security = "starttls"          # starttls | ssl | none
    username = "briefgen"
    password_env = "BRIEFGEN_SMTP_PASSWORD"   # the password itself is never in a file
    retries = 3                    # 0 to 10, with retry_delay (seconds) doubled each time
    timeout = 30                   # seconds for one connection or one reply
    deadline = 300                 # seconds for a whole send, every recipient and retry

    [fetch]                        # briefgen fetch: how feeds and pages are read
    user_agent = "briefgen/0.1.0 (press desk of example.org; desk@example.org)"
    delay = 1.0                    # seconds between two requests to the same host
    connect_timeout = 10
    read_timeout = 20
    total_timeout = 60             # the whole exchange of one request
    max_page_mb = 5
    max_redirects = 5
    workers = 4                    # requests to different hosts at the same time
    allow_hosts = ["cdn.example.org"]   # pages may be here too, for every feed

    [[feeds]]
    url = "https://www.example.org/rss.xml"
    name = "Example"               # default: the feed's own title
    language = "fr"                # recorded in each source file
    max_items = 20                 # the newest new items of a run
    hosts = ["news.example.org"]   # other hosts its items may be on

Paths are relative to the file's folder. An unknown key, a value of the wrong type or out
of its range is an error that names the file, the line and what is allowed. The file
must be UTF-8 without a byte-order mark.
"""

from __future__ import annotations

import codecs
import math
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from . import __version__
from .errors import UsageError
from .render import FORMATS, PDF_VARIANTS
from .sources import DEFAULT_MAX_BYTES

CONFIG_NAME = "briefgen.toml"


@dataclass(frozen=True)
class MailSettings:
    recipients: tuple[str, ...] = ()
    sender: str | None = None
    host: str = "localhost"
    port: int | None = None  # default: 587 for starttls, 465 for ssl, 25 for none
    security: str = "starttls"
    username: str | None = None
    password_env: str | None = None  # name of the environment variable holding the password
    retries: int = 3
    retry_delay: float = 5.0  # seconds before the first retry; doubled each time
    timeout: float = 30.0  # seconds for one connection or one reply
    deadline: float = 300.0  # seconds for a whole send: every recipient, every retry
    ca_file: Path | None = None  # extra certificate authority to trust (an internal CA)

    @property
    def effective_port(self) -> int:
        return self.port or {"ssl": 465, "none": 25}.get(self.security, 587)


# RFC 4151's tagging entity in the feed's ids when the settings give none: ".invalid" is
# reserved, so it can belong to no one (set [feed] tag to a domain of yours)
DEFAULT_FEED_TAG = "briefgen.invalid,2026"
_FEED_TAG = re.compile(r"([a-z0-9.-]+|[a-z0-9._+-]+@[a-z0-9.-]+),\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class FeedSettings:
    """The Atom feeds (feed-<lang>.xml): who publishes them, and what their ids are made of."""

    author: str = "briefgen"
    email: str | None = None
    # a domain or e-mail address of the publisher and a date it was theirs: the same for
    # the feed's whole life, so entry ids never change (tag:<tag>:brief/<date>/<lang>)
    tag: str = DEFAULT_FEED_TAG


@dataclass(frozen=True)
class SourceFeed:
    """A feed briefgen fetch reads ([[feeds]] in briefgen.toml)."""

    url: str
    name: str | None = None  # default: the feed's own title, else its address
    language: str | None = None
    max_items: int | None = None
    hosts: tuple[str, ...] = ()  # hosts besides the feed's own where its items may be

    @property
    def label(self) -> str:
        return self.name or self.url


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = f"briefgen/{__version__} (offline press briefs; fetches listed feeds once a day)"
    delay: float = 1.0  # seconds from the end of one request to a host to the start of the next
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # the longest wait for the server's next bytes
    total_timeout: float = 60.0  # the longest one request may take, all in
    max_bytes: int = 5 * 1024 * 1024  # per response, after gzip
    max_redirects: int = 5
    workers: int = 4
    allow_hosts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    sources_dir: Path = Path("seeds")
    out_dir: Path = Path("out")
    lang: str = "en"
    languages: tuple[str, ...] = ("en",)
    # the language of out/index.html and out/feed.xml: the first of the settings file's
    # languages; --lang does not change it, so they do not switch with the last run
    archive_lang: str = "en"
    engine: str = "auto"
    formats: tuple[str, ...] = FORMATS
    max_bytes: int = DEFAULT_MAX_BYTES
    # folders outside the sources folder that symbolic links in it may point into
    symlinks_into: tuple[Path, ...] = ()
    summary_length: int = 3
    glossary: Path | None = None  # a user glossary, on top of the default one
    cache: bool = True  # the translation memory
    cache_path: Path | None = None  # default: the user's cache folder
    pdf_variant: str | None = None  # e.g. "pdf/a-3b" for archiving
    device: str = "auto"  # for Argos models: cpu, cuda, or auto (cuda when CTranslate2 sees a GPU)
    since_last: bool = False
    absolute_paths: bool = False  # the JSON names sources by absolute path (for operators' scripts)
    base_url: str | None = None
    cluster: str | None = None  # a Dask scheduler address, or "local:N"; None: local processes
    workers: int | None = None  # local worker processes (default: one per core)
    mail: MailSettings = field(default_factory=MailSettings)
    feed: FeedSettings = field(default_factory=FeedSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    feeds: tuple[SourceFeed, ...] = ()
    config_file: Path | None = None  # where the settings came from, for messages


# key in the file -> (Config field, type, converter)
_TOP = {
    "sources": ("sources_dir", str, "path"),
    "out": ("out_dir", str, "path"),
    "languages": ("languages", (list, str), "languages"),
    "lang": ("languages", str, "languages"),
    "engine": ("engine", str, None),
    "formats": ("formats", list, "tuple"),
    "glossary": ("glossary", str, "path"),
    "max_source_mb": ("max_bytes", (int, float), "megabytes"),
    "allow_symlinks_into": ("symlinks_into", list, "paths"),
    "summary_length": ("summary_length", int, None),
    "pdf_variant": ("pdf_variant", str, None),
    "device": ("device", str, None),
    "cache": ("cache", bool, None),
    "since_last": ("since_last", bool, None),
    "absolute_paths": ("absolute_paths", bool, None),
    "base_url": ("base_url", str, None),
    "cluster": ("cluster", str, None),
    "workers": ("workers", int, None),
}
_MAIL = {
    "recipients": ("recipients", list, "tuple"),
    "sender": ("sender", str, None),
    "host": ("host", str, None),
    "port": ("port", int, None),
    "security": ("security", str, None),
    "username": ("username", str, None),
    "password_env": ("password_env", str, None),
    "retries": ("retries", int, None),
    "retry_delay": ("retry_delay", (int, float), "float"),
    "timeout": ("timeout", (int, float), "float"),
    "deadline": ("deadline", (int, float), "float"),
    "ca_file": ("ca_file", str, "path"),
}
_FEED = {
    "author": ("author", str, None),
    "email": ("email", str, None),
    "tag": ("tag", str, None),
}
_FETCH = {
    "user_agent": ("user_agent", str, None),
    "delay": ("delay", (int, float), "float"),
    "connect_timeout": ("connect_timeout", (int, float), "float"),
    "read_timeout": ("read_timeout", (int, float), "float"),
    "total_timeout": ("total_timeout", (int, float), "float"),
    "max_page_mb": ("max_bytes", (int, float), "megabytes"),
    "max_redirects": ("max_redirects", int, None),
    "workers": ("workers", int, None),
    "allow_hosts": ("allow_hosts", list, "hosts"),
}
_SOURCE_FEED = {
    "url": ("url", str, None),
    "name": ("name", str, None),
    "language": ("language", str, None),
    "max_items": ("max_items", int, None),
    "hosts": ("hosts", list, "hosts"),
}
_TABLES = {"mail": _MAIL, "feed": _FEED}
_TYPE_NAMES = {str: "a string", int: "an integer", bool: "true or false", list: "a list",
               (int, float): "a number", dict: "a table", (list, str): "a list of language codes"}
MEGABYTE = 1024 * 1024


def find_config(explicit: Path | None, cwd: Path | None = None) -> Path | None:
    if explicit is not None:
        if not Path(explicit).is_file():
            raise UsageError(f"configuration file {explicit} not found")
        return Path(explicit)
    candidate = (cwd or Path.cwd()) / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_config(path: Path | None, base: Config | None = None) -> Config:
    """``base`` (the defaults) with the settings of the file at ``path`` applied."""
    config = base or Config()
    if path is None:
        return config
    text = _read_settings(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: {exc}") from None
    lines = _key_lines(text)
    folder = path.resolve().parent
    values: dict = {"config_file": path}
    given: dict[str, tuple[str, object, object]] = {}  # Config field -> (key, line, value as written)
    for key, value in data.items():
        if key in _TABLES:
            if not isinstance(value, dict):
                raise UsageError(f"{path}:{lines.get(('', key), '?')}: '{key}' must be a table ([{key}])")
            table = {}
            for sub_key, sub_value in value.items():
                line = lines.get((key, sub_key), "?")
                target, converted = _convert(path, line, f"{key}.{sub_key}", _TABLES[key], sub_key, sub_value,
                                             folder)
                table[target] = converted
                given[f"{key}.{target}"] = (f"{key}.{sub_key}", line, sub_value)
            values[key] = replace(getattr(config, key), **table)
            continue
        if key == "fetch":
            values["fetch"] = _fetch_settings(path, lines, value, config.fetch)
            continue
        if key == "feeds":
            values["feeds"] = _feeds(path, lines, value)
            continue
        line = lines.get(("", key), "?")
        target, converted = _convert(path, line, key, _TOP, key, value, folder)
        values[target] = converted
        given[target] = (key, line, value)
    if "languages" in values:
        values["lang"] = values["archive_lang"] = values["languages"][0]
    config = replace(config, **values)
    check(config, path, given)
    return config


def _fetch_settings(path: Path, lines: dict, value, base: FetchSettings) -> FetchSettings:
    if not isinstance(value, dict):
        raise UsageError(f"{path}:{lines.get(('', 'fetch'), '?')}: 'fetch' must be a table ([fetch])")
    given = dict(_convert(path, lines.get(("fetch", key), "?"), f"fetch.{key}", _FETCH, key, item, path.parent)
                 for key, item in value.items())
    return replace(base, **given)


def _feeds(path: Path, lines: dict, value) -> tuple[SourceFeed, ...]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise UsageError(f"{path}:{lines.get(('', 'feeds'), '?')}: 'feeds' must be tables ([[feeds]] with url = …)")
    feeds = []
    for number, table in enumerate(value, 1):
        section = f"feeds#{number}"
        given = dict(_convert(path, lines.get((section, key), "?"), f"feeds.{key}", _SOURCE_FEED, key, item,
                              path.parent) for key, item in table.items())
        where = f"{path}:{lines.get(('', section), '?')}"
        if not re.match(r"https?://[^/\s]+", given.get("url", "")):
            raise UsageError(f"{where}: each [[feeds]] needs a url starting with http:// or https://")
        if given.get("max_items") is not None and given["max_items"] < 1:
            raise UsageError(f"{where}: 'feeds.max_items' must be at least 1")
        feeds.append(SourceFeed(**given))
    return tuple(feeds)


def _read_settings(path: Path) -> str:
    """The settings file's text: UTF-8, as TOML requires, without a byte-order mark."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if data.startswith(codecs.BOM_UTF8):
        raise UsageError(f"{path}:1: starts with a byte-order mark (BOM); save it as UTF-8 without one")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UsageError(f"{path}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                         f"save the file as UTF-8") from None


def _convert(path: Path, line, shown: str, table: dict, key: str, value, folder: Path):
    if key not in table:
        known = ", ".join(sorted(table))
        raise UsageError(f"{path}:{line}: unknown key '{shown}' (known: {known})")
    target, kind, how = table[key]
    if kind is int and isinstance(value, bool) or not isinstance(value, kind):
        raise UsageError(f"{path}:{line}: '{shown}' must be {_TYPE_NAMES[kind]}, not {value!r}")
    if how == "path":
        return target, (folder / value)
    if how == "paths":
        if not all(isinstance(v, str) for v in value):
            raise UsageError(f"{path}:{line}: '{shown}' must be a list of folders")
        return target, tuple(folder / v for v in value)
    if how == "tuple":
        if not all(isinstance(v, str) for v in value):
            raise UsageError(f"{path}:{line}: '{shown}' must be a list of strings")
        return target, tuple(value)
    if how == "languages":
        return target, tuple([value] if isinstance(value, str) else value)
    if how == "hosts":
        if not all(isinstance(v, str) and re.fullmatch(r"[A-Za-z0-9.-]+", v) for v in value):
            raise UsageError(f"{path}:{line}: '{shown}' must be a list of host names such as \"example.org\"")
        return target, tuple(v.lower() for v in value)
    if how == "megabytes":  # inf and nan stay as they are, for check() to refuse
        return target, round(value * MEGABYTE) if math.isfinite(value) else value
    if how == "float":
        return target, float(value)
    return target, value


def _key_lines(text: str) -> dict[tuple[str, str], int]:
    """(section, key) -> line number, for messages (tomllib does not say where a key is)."""
    lines: dict[tuple[str, str], int] = {}
    tables: dict[str, int] = {}
    section = ""
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*(\[\[?)\s*([^\]]+?)\s*\]", line)
        if header:
            section = header.group(2)
            if header.group(1) == "[[":  # an array of tables: each one is told apart by its number
                tables[section] = tables.get(section, 0) + 1
                lines.setdefault(("", section), number)
                section = f"{section}#{tables[section]}"
            lines.setdefault(("", section), number)
            continue
        key = re.match(r"""\s*["']?([\w.-]+)["']?\s*=""", line)
        if key:
            lines.setdefault((section, key.group(1)), number)
    return lines


# ---------------------------------------------------------------- allowed values
@dataclass(frozen=True)
class Allowed:
    """What a setting may be: a test, and the words that say it in a message."""

    words: str
    test: Callable[[Any], bool]


def _one_of(*choices: str) -> Allowed:
    return Allowed(f"one of {', '.join(choices)}", lambda v: v in choices)


def _whole(low: int, high: int, unit: str = "") -> Allowed:
    return Allowed(f"a whole number{unit} from {low} to {high}",
                   lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high)


def _seconds(low: float, high: float, above: bool = False) -> Allowed:
    words = f"a number of seconds {'above' if above else 'from'} {low:g} {'and at most' if above else 'to'} {high:g}"
    return Allowed(words, lambda v: isinstance(v, (int, float)) and math.isfinite(v)
                   and (low < v if above else low <= v) and v <= high)


def _language(code) -> bool:
    from .i18n import known_language

    return isinstance(code, str) and known_language(code)


_ADDRESS = re.compile(r"[^\s@<>,;\"]+@[^\s@<>,;\"]+")
MAX_SOURCE_MB = 1024
_CHOICES = {
    "device": ("auto", "cpu", "cuda"),
    "mail.security": ("starttls", "ssl", "none"),
}
# Config field -> (its name in the settings file, what it may be)
_RULES: dict[str, tuple[str, Allowed]] = {
    "languages": ("languages", Allowed('language codes such as "en" or "fr"',
                                       lambda v: bool(v) and all(_language(c) for c in v))),
    "lang": ("lang", Allowed('a language code such as "en" or "fr"', _language)),
    "formats": ("formats", Allowed(f"one or more of {', '.join(FORMATS)}",
                                   lambda v: bool(v) and set(v) <= set(FORMATS))),
    "max_bytes": ("max_source_mb", Allowed(f"a number of megabytes above 0 and at most {MAX_SOURCE_MB}",
                                           lambda v: isinstance(v, int) and 0 < v <= MAX_SOURCE_MB * MEGABYTE)),
    "summary_length": ("summary_length", _whole(1, 10)),
    "pdf_variant": ("pdf_variant", Allowed(f"one of {', '.join(PDF_VARIANTS)}",
                                           lambda v: v is None or v in PDF_VARIANTS)),
    "device": ("device", _one_of(*_CHOICES["device"])),
    "base_url": ("base_url", Allowed("an http://, https:// or file:// address",
                                     lambda v: v is None or re.match(r"(https?|file)://\S+$", v) is not None)),
    "cluster": ("cluster", Allowed("local:N with N from 1 to 64, or a Dask scheduler address such as "
                                   "tcp://host:8786", lambda v: v is None or _cluster_ok(v))),
    "workers": ("workers", Allowed("a whole number from 1 to 256",
                                   lambda v: v is None or _whole(1, 256).test(v))),
    "mail.recipients": ("mail.recipients", Allowed("a list of e-mail addresses (name@example.org)",
                                                   lambda v: all(_ADDRESS.fullmatch(a) for a in v))),
    "mail.sender": ("mail.sender", Allowed("an e-mail address (name@example.org)",
                                           lambda v: v is None or _ADDRESS.fullmatch(v) is not None)),
    "mail.port": ("mail.port", Allowed("a whole number from 1 to 65535",
                                       lambda v: v is None or _whole(1, 65535).test(v))),
    "mail.security": ("mail.security", _one_of(*_CHOICES["mail.security"])),
    "mail.password_env": ("mail.password_env", Allowed(
        "the name of an environment variable (letters, digits and _)",
        lambda v: v is None or re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", v) is not None)),
    "mail.retries": ("mail.retries", _whole(0, 10)),
    "mail.retry_delay": ("mail.retry_delay", _seconds(0, 3600)),
    "mail.timeout": ("mail.timeout", _seconds(0, 3600, above=True)),
    "mail.deadline": ("mail.deadline", _seconds(0, 86400, above=True)),
}
# fields that a command-line option sets, for messages about what was given there
OPTIONS = {"lang": "--lang", "languages": "--lang", "formats": "--format", "device": "--device",
           "pdf_variant": "--pdf-variant", "cluster": "--cluster", "workers": "--workers", "engine": "--engine"}


def _cluster_ok(address: str) -> bool:
    local = re.fullmatch(r"local:(\d+)", address)
    if local:
        return 1 <= int(local.group(1)) <= 64
    return re.fullmatch(r"[a-z][a-z0-9+]*://\S+", address) is not None


def check(config: Config, origin: Path | str | None = None,
          given: dict[str, tuple[str, object, object]] | None = None) -> Config:
    """Refuse a value of the right type that is not allowed, saying where it came from
    (``file:line`` for what ``given`` lists from the settings file) and what is allowed."""
    from .translate import ENGINE_NAMES

    rules = {"engine": ("engine", _one_of(*ENGINE_NAMES)), **_RULES}
    given = given or {}
    for name, (key, allowed) in rules.items():
        holder, attribute = (config.mail, name[5:]) if name.startswith("mail.") else (config, name)
        value = getattr(holder, attribute)
        if allowed.test(value):
            continue
        if name in given:
            key, line, written = given[name]
            where = f"{origin}:{line}: '{key}'"
        else:
            written = value
            where = OPTIONS.get(name) or (f"{origin}: '{key}'" if origin else f"'{key}'")
            if name == "languages" and value:  # given as --lang: say it of the one code
                allowed, written = _RULES["lang"][1], next(c for c in value if not _language(c))
        raise UsageError(f"{where} must be {allowed.words}, not {_shown(written)}")
    if not _FEED_TAG.fullmatch(config.feed.tag):
        raise UsageError(f"{origin}: feed.tag must be a domain (or e-mail address) in lower case and a date, "
                         f"such as \"example.org,2026\", not {config.feed.tag!r}")
    if not config.feed.author.strip() or "@" in config.feed.author:
        raise UsageError(f"{origin}: feed.author must be a name (an e-mail address goes in feed.email)")
    if config.feed.email is not None and not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", config.feed.email):
        raise UsageError(f"{origin}: feed.email must be an e-mail address, not {config.feed.email!r}")
    return config


def _shown(value) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # inf, nan: as TOML writes them
    if isinstance(value, tuple):
        value = list(value)
    return repr(value)


def merged(config: Config, **options) -> Config:
    """``config`` with every option that was given (not None) applied on top."""
    names = {f.name for f in fields(Config)}
    given = {k: v for k, v in options.items() if v is not None and k in names}
    if "lang" in given:
        given.setdefault("languages", (given["lang"],))
    return replace(config, **given)
