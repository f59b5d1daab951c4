"""Settings: defaults here, overridden by ``briefgen.toml``, overridden by command-line options.

``briefgen.toml`` (in the current folder, or given with ``--config``)::

    sources = "inbox"              # folder of source files
    out = "/srv/briefs"            # output folder
    languages = ["en", "fr"]       # one brief per language
    engine = "auto"                # auto | argos | apertium | none
    formats = ["html", "pdf", "json"]
    glossary = "terms.toml"
    max_source_mb = 2              # larger source files are skipped
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

Paths are relative to the file's folder. An unknown key or a value of the wrong type is
an error that names the file and the line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from . import __version__
from .errors import UsageError
from .ingest import DEFAULT_MAX_BYTES
from .render import FORMATS

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
    timeout: float = 30.0
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
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: {exc}") from None
    lines = _key_lines(text)
    folder = path.resolve().parent
    values: dict = {"config_file": path}
    for key, value in data.items():
        if key in _TABLES:
            if not isinstance(value, dict):
                raise UsageError(f"{path}:{lines.get(('', key), '?')}: '{key}' must be a table ([{key}])")
            table = {}
            for sub_key, sub_value in value.items():
                target, converted = _convert(path, lines.get((key, sub_key), "?"), f"{key}.{sub_key}",
                                             _TABLES[key], sub_key, sub_value, folder)
                table[target] = converted
            values[key] = replace(getattr(config, key), **table)
            continue
        if key == "fetch":
            values["fetch"] = _fetch_settings(path, lines, value, config.fetch)
            continue
        if key == "feeds":
            values["feeds"] = _feeds(path, lines, value)
            continue
        target, converted = _convert(path, lines.get(("", key), "?"), key, _TOP, key, value, folder)
        values[target] = converted
    if "languages" in values:
        values["lang"] = values["archive_lang"] = values["languages"][0]
    config = replace(config, **values)
    check(config, path)
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


def _convert(path: Path, line, shown: str, table: dict, key: str, value, folder: Path):
    if key not in table:
        known = ", ".join(sorted(table))
        raise UsageError(f"{path}:{line}: unknown key '{shown}' (known: {known})")
    target, kind, how = table[key]
    if kind is int and isinstance(value, bool) or not isinstance(value, kind):
        raise UsageError(f"{path}:{line}: '{shown}' must be {_TYPE_NAMES[kind]}, not {value!r}")
    if how == "path":
        return target, (folder / value)
    if how == "tuple":
        if not all(isinstance(v, str) for v in value):
            raise UsageError(f"{path}:{line}: '{shown}' must be a list of strings")
        return target, tuple(value)
    if how == "languages":
        items = [value] if isinstance(value, str) else value
        if not items or not all(isinstance(v, str) and re.fullmatch(r"[a-z]{2,3}", v) for v in items):
            raise UsageError(f"{path}:{line}: '{shown}' must be language codes such as \"en\"")
        return target, tuple(items)
    if how == "hosts":
        if not all(isinstance(v, str) and re.fullmatch(r"[A-Za-z0-9.-]+", v) for v in value):
            raise UsageError(f"{path}:{line}: '{shown}' must be a list of host names such as \"example.org\"")
        return target, tuple(v.lower() for v in value)
    if how == "megabytes":
        return target, int(value * 1024 * 1024)
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


def check(config: Config, origin: Path | str = "options") -> Config:
    """Values that are of the right type but not allowed."""
    from .translate import ENGINE_NAMES

    if config.engine not in ENGINE_NAMES:
        raise UsageError(f"{origin}: engine must be one of {', '.join(ENGINE_NAMES)}, not {config.engine!r}")
    unknown = set(config.formats) - set(FORMATS)
    if unknown or not config.formats:
        raise UsageError(f"{origin}: formats are {', '.join(FORMATS)}, not {', '.join(config.formats) or 'none'}")
    if config.mail.security not in ("starttls", "ssl", "none"):
        raise UsageError(f"{origin}: mail.security must be starttls, ssl or none, not {config.mail.security!r}")
    if not _FEED_TAG.fullmatch(config.feed.tag):
        raise UsageError(f"{origin}: feed.tag must be a domain (or e-mail address) in lower case and a date, "
                         f"such as \"example.org,2026\", not {config.feed.tag!r}")
    if not config.feed.author.strip() or "@" in config.feed.author:
        raise UsageError(f"{origin}: feed.author must be a name (an e-mail address goes in feed.email)")
    if config.feed.email is not None and not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", config.feed.email):
        raise UsageError(f"{origin}: feed.email must be an e-mail address, not {config.feed.email!r}")
    return config


def merged(config: Config, **options) -> Config:
    """``config`` with every option that was given (not None) applied on top."""
    names = {f.name for f in fields(Config)}
    given = {k: v for k, v in options.items() if v is not None and k in names}
    if "lang" in given:
        given.setdefault("languages", (given["lang"],))
    return replace(config, **given)
