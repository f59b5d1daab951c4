"""Shared fixtures: the seeds, the tiny Argos packages (built once a session), a
network guard, and environments for running the real ``briefgen`` command.

argostranslate reads ARGOS_PACKAGES_DIR and the XDG folders when it is first imported,
so they are set here, before any test imports it, to folders of this session.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# A session home for argostranslate, apertium-free PATHs, etc. Its name must not contain
# "stanza" or "spacy": argostranslate picks a sentence splitter by searching paths for them.
_SESSION = Path(tempfile.mkdtemp(prefix="briefgen-tests-"))
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_SESSION / _name.lower())
os.environ["ARGOS_PACKAGES_DIR"] = str(_SESSION / "argos-packages")
os.environ["ORT_DISABLE_TELEMETRY"] = "1"
os.environ.pop("SOURCE_DATE_EPOCH", None)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSION, ignore_errors=True)


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def sources(tmp_path) -> Path:
    """A writable copy of the seeds."""
    folder = tmp_path / "sources"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture(scope="session")
def tiny_package_file() -> Path:
    """The tiny random-weights fr→en package (.argosmodel), built once a session."""
    from briefgen.testing.tiny_argos import make_package

    return make_package(_SESSION / "tiny-fr_en.argosmodel", seed_texts(), size="tiny", seed=0)


@pytest.fixture(scope="session")
def tiny_package_with_sbd_folder() -> Path:
    """The same model shipped like the real fr→en package: an (empty) stanza/ folder and no
    minisbd/, which makes argostranslate's own translate() go to the network."""
    from briefgen.testing.tiny_argos import make_package

    return make_package(_SESSION / "tiny-sbd-fr_en.argosmodel", seed_texts(), size="tiny", seed=1,
                        splitter="stanza")


@pytest.fixture(scope="session")
def installed_tiny_package(tiny_package_file) -> Path:
    """The tiny package installed with argostranslate's own installer into the session's
    ARGOS_PACKAGES_DIR; returns that folder."""
    from argostranslate import package

    package.install_from_path(tiny_package_file)
    return Path(os.environ["ARGOS_PACKAGES_DIR"])


@pytest.fixture
def argos_dirs(monkeypatch, tmp_path):
    """Point argostranslate at an empty packages folder of this test's own; returns it."""
    from argostranslate import settings

    folder = tmp_path / "packages"
    folder.mkdir()
    monkeypatch.setattr(settings, "package_data_dir", folder)
    monkeypatch.setattr(settings, "package_dirs", [folder])
    return folder


class NetworkAttempt(ConnectionRefusedError):
    """Raised (and recorded) instead of any connection: what a closed network does."""
    pass


_LOOPBACK = ("127.0.0.1", "::1", "localhost")
_LOCAL = object()


def _refuse_connections(monkeypatch, allow_loopback: bool = False) -> list:
    attempts: list[object] = []

    def guard(real, where):
        def call(*args, **kwargs):
            target = where(args)
            if target is _LOCAL or allow_loopback and target in _LOOPBACK:
                return real(*args, **kwargs)
            attempts.append(args[1:] if len(args) > 1 else args)
            raise NetworkAttempt(f"network access attempted: {args[1:] or args}")
        return call

    def first_host(args):
        if args and isinstance(args[0], (str, bytes)):
            return _LOCAL  # an AF_UNIX socket path (multiprocessing's forkserver): not network
        return args[0][0] if args and isinstance(args[0], tuple) else None

    monkeypatch.setattr(socket.socket, "connect", guard(socket.socket.connect, lambda a: first_host(a[1:])))
    monkeypatch.setattr(socket.socket, "connect_ex", guard(socket.socket.connect_ex, lambda a: first_host(a[1:])))
    monkeypatch.setattr(socket, "create_connection", guard(socket.create_connection, first_host))
    monkeypatch.setattr(socket, "getaddrinfo", guard(socket.getaddrinfo, lambda a: a[0] if a else None))
    return attempts


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """Every test runs with connections off this machine refused (child processes
    excepted); loopback stays open for the test's own servers (SMTP)."""
    return _refuse_connections(monkeypatch, allow_loopback=True)


@pytest.fixture
def no_network(monkeypatch):
    """Outgoing connections refused and recorded: for tests that assert none was tried."""
    return _refuse_connections(monkeypatch)


def apertium_available() -> bool:
    return shutil.which("apertium") is not None and Path("/usr/share/apertium/modes/fr-es.mode").exists()


needs_apertium = pytest.mark.skipif(
    not apertium_available(),
    reason="apertium with fr-es and eng-spa is not installed (make test installs it when run as root)",
)


def apertium_route(source: str, target: str) -> bool:
    """Whether apertium here translates source→target (directly or through a pivot)."""
    if shutil.which("apertium") is None:
        return False
    from briefgen.translate.apertium import ApertiumEngine

    return ApertiumEngine().supports(source, target)


def run_briefgen(*args: str, env: dict | None = None, cwd: Path | None = None,
                 timeout: int = 300) -> subprocess.CompletedProcess:
    """The real command, in a child process (for exit codes, imports and environments)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd or ROOT, timeout=timeout)


def path_without_apertium(tmp_path: Path) -> str:
    """A PATH with the current Python but no apertium on it."""
    keep = tmp_path / "bin-no-apertium"
    keep.mkdir(exist_ok=True)
    for tool in ("pdftotext",):
        if shutil.which(tool):
            (keep / tool).symlink_to(shutil.which(tool))
    return str(keep)


def speakers_of(tmp_path: Path, text: str) -> dict[str, tuple[str | None, str | None]]:
    """{quote: (speaker, evidence)} of an article written into ``tmp_path`` and read by the
    whole front of the pipeline (ingest, detect, extract)."""
    from briefgen.detect import detect
    from briefgen.extract import extract
    from briefgen.ingest import ingest

    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return {q.original: (q.speaker, q.evidence) for q in extract(detect(ingest(path))).quotes}
