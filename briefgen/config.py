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
    base_url = "https://intranet.example/briefs/"   # for links in the Atom feed

    [mail]
    recipients = ["desk@example.org"]
    sender = "briefgen@example.org"
    host = "smtp.example.org"
    port = 587
    security = "starttls"          # starttls | ssl | none
    username = "briefgen"
    password_env = "BRIEFGEN_SMTP_PASSWORD"   # the password itself is never in a file

Paths are relative to the file's folder. An unknown key or a value of the wrong type is
an error that names the file and the line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

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


@dataclass(frozen=True)
class Config:
    sources_dir: Path = Path("seeds")
    out_dir: Path = Path("out")
    lang: str = "en"
    languages: tuple[str, ...] = ("en",)
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
    base_url: str | None = None
    cluster: str | None = None  # a Dask scheduler address, or "local:N"; None: local processes
    workers: int | None = None  # local worker processes (default: one per core)
    mail: MailSettings = field(default_factory=MailSettings)
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
        if key == "mail":
            if not isinstance(value, dict):
                raise UsageError(f"{path}:{lines.get(('', key), '?')}: 'mail' must be a table ([mail])")
            mail = {}
            for mail_key, mail_value in value.items():
                target, converted = _convert(path, lines.get(("mail", mail_key), "?"), f"mail.{mail_key}",
                                             _MAIL, mail_key, mail_value, folder)
                mail[target] = converted
            values["mail"] = replace(config.mail, **mail)
            continue
        target, converted = _convert(path, lines.get(("", key), "?"), key, _TOP, key, value, folder)
        values[target] = converted
    if "languages" in values:
        values["lang"] = values["languages"][0]
    config = replace(config, **values)
    check(config, path)
    return config


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
        items = [value] if isinstance(value, str) else value
        if not items or not all(isinstance(v, str) and re.fullmatch(r"[a-z]{2,3}", v) for v in items):
            raise UsageError(f"{path}:{line}: '{shown}' must be language codes such as \"en\"")
        return target, tuple(items)
    if how == "megabytes":
        return target, int(value * 1024 * 1024)
    if how == "float":
        return target, float(value)
    return target, value


def _key_lines(text: str) -> dict[tuple[str, str], int]:
    """(section, key) -> line number, for messages (tomllib does not say where a key is)."""
    lines: dict[tuple[str, str], int] = {}
    section = ""
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            section = header.group(1)
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
    return config


def merged(config: Config, **options) -> Config:
    """``config`` with every option that was given (not None) applied on top."""
    names = {f.name for f in fields(Config)}
    given = {k: v for k, v in options.items() if v is not None and k in names}
    if "lang" in given:
        given.setdefault("languages", (given["lang"],))
    return replace(config, **given)
