"""Which entries of a sources folder are sources, and reading one without blocking or
leaving the folder.

A source is read only when it is a regular file inside the sources folder (or a symbolic
link to one), or a link into a folder that the settings name in ``allow_symlinks_into``.
Anything else is listed as skipped with the reason and never read: opening a named pipe
blocks until someone writes to it, a device such as /dev/zero never ends, and a link to
/etc/passwd would put that file into the brief, its JSON and the e-mail.

Listing only looks (``lstat``/``stat``). Reading checks again on what it opened: the
resolved path is opened with ``O_NONBLOCK | O_NOFOLLOW`` and ``fstat`` must show the
same regular file, so an entry swapped for a pipe or a link in between is caught too.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from . import formats
from .errors import SourceError

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm") + formats.SUFFIXES
DEFAULT_MAX_BYTES = 2 * 1024 * 1024

OUTSIDE = "symbolic link to a file outside the sources folder"
BROKEN_LINK = "broken symbolic link"
_NOT_REGULAR = [
    (stat.S_ISFIFO, "not a regular file (a named pipe)"),
    (stat.S_ISCHR, "not a regular file (a device)"),
    (stat.S_ISBLK, "not a regular file (a device)"),
    (stat.S_ISSOCK, "not a regular file (a socket)"),
]


@dataclass(frozen=True)
class Access:
    """Where the files of a run may be read from: the sources folder, and the folders
    that symbolic links in it may point into. ``folder`` None: files named one by one
    (``briefgen inspect FILE``), which may be anywhere but must still be regular files."""

    folder: Path | None = None
    links_into: tuple[Path, ...] = ()

    def allows(self, real: Path) -> bool:
        if self.folder is None:
            return True
        return any(real.is_relative_to(Path(root).resolve()) for root in (self.folder, *self.links_into))


def display_path(path: Path) -> str:
    """The path relative to the current directory when it is below it, else absolute."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path.absolute())


def discover(sources_dir: Path, access: Access | None = None) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Source files in a folder (sorted by name), and the entries that cannot be sources.

    Hidden files are ignored, and so are folders unless named like a source; anything
    else that cannot be read as a source is returned with the reason, so the brief can
    list it. Nothing is opened.
    """
    access = access or Access(Path(sources_dir))
    usable: list[Path] = []
    rejected: list[tuple[Path, str]] = []
    for entry in sorted(Path(sources_dir).iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        try:
            reason = _refusal(entry, access)
        except OSError as exc:
            reason = f"cannot be read ({exc.strerror or exc})"
        if reason == "":  # a folder that does not pretend to be a source
            continue
        if reason is None and entry.suffix.lower() not in SUPPORTED_SUFFIXES:
            reason = (f"unsupported file type '{entry.suffix or entry.name}' "
                      f"(briefgen reads {', '.join(SUPPORTED_SUFFIXES)})")
        if reason is None:
            usable.append(entry)
        else:
            rejected.append((entry, reason))
    return usable, rejected


def _refusal(entry: Path, access: Access) -> str | None:
    """Why ``entry`` cannot be a source ("" for a plain folder), or None."""
    info = entry.lstat()
    if stat.S_ISLNK(info.st_mode):
        try:
            real = entry.resolve(strict=True)
            info = real.stat()
        except (OSError, RuntimeError):  # a dangling link, or a loop of links
            return BROKEN_LINK
        if not stat.S_ISDIR(info.st_mode) and _kind(info) is None and not access.allows(real):
            return OUTSIDE
    if stat.S_ISDIR(info.st_mode):
        return "is a directory, not a file" if entry.suffix.lower() in SUPPORTED_SUFFIXES else ""
    return _kind(info)


def _kind(info: os.stat_result) -> str | None:
    """Why a file of this type is not read (None for a regular file)."""
    for test, reason in _NOT_REGULAR:
        if test(info.st_mode):
            return reason
    return None if stat.S_ISREG(info.st_mode) else "not a regular file"


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, access: Access | None = None) -> bytes:
    """The bytes of a source file, at most ``max_bytes``; SourceError for anything that is
    not a regular file ``access`` allows, or is too large."""
    path = Path(path)
    shown = display_path(path)
    access = access or Access()
    try:
        real = path.resolve(strict=True)
        before = real.stat()
        if stat.S_ISDIR(before.st_mode):
            raise SourceError(shown, "is a directory, not a file")
        if _kind(before):
            raise SourceError(shown, _kind(before))
        if not access.allows(real):
            raise SourceError(shown, OUTSIDE)
        if before.st_size > max_bytes:
            raise SourceError(shown, f"too large ({_megabytes(before.st_size)}, limit {_megabytes(max_bytes)})")
        fd = _open(real)
        try:
            info = os.fstat(fd)
            if (info.st_dev, info.st_ino) != (before.st_dev, before.st_ino) or _kind(info):
                raise SourceError(shown, "changed while being read")
            data = _read_at_most(fd, max_bytes + 1)
        finally:
            os.close(fd)
    except PermissionError:
        raise SourceError(shown, "cannot be read (permission denied)") from None
    except (FileNotFoundError, RuntimeError):
        raise SourceError(shown, "file not found (or a broken symbolic link)") from None
    except OSError as exc:
        raise SourceError(shown, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise SourceError(shown, f"too large (over {_megabytes(max_bytes)})")
    return data


def _open(real: Path) -> int:
    # O_NONBLOCK: a pipe put in the file's place cannot make the open wait; O_NOFOLLOW:
    # nor can a link put there after the path was resolved; O_NOCTTY: a terminal is never
    # adopted. For a regular file none of them changes anything.
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_NOCTTY | os.O_CLOEXEC
    return os.open(real, flags)


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks = []
    left = limit
    while left > 0:
        chunk = os.read(fd, min(left, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"
