"""Files written so that a crash never leaves half a brief, and one run per output folder."""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile
from pathlib import Path

from .errors import BriefgenError, LockHeld
from .faults import checkpoint

TEMP_SUFFIX = ".briefgen-tmp"


def remove_leftovers(out_dir: Path) -> list[Path]:
    """Temporary files of a run that was killed before it could rename them (only ever
    called with the output folder's lock held, so no live run owns them)."""
    out_dir = Path(out_dir)
    found = list(out_dir.glob(f".*{TEMP_SUFFIX}")) + list(out_dir.glob(f"*/.*{TEMP_SUFFIX}"))
    for path in found:
        path.unlink(missing_ok=True)
    return found


def atomic_write(path: Path, data: bytes | str) -> Path:
    """Write to a temporary file in the same folder, fsync, then rename over ``path``."""
    return atomic_write_all({Path(path): data})[0]


def atomic_write_all(files: dict[Path, bytes | str]) -> list[Path]:
    """Write several files so that either all are replaced or none is: every temporary
    file is written and synced first, and only then renamed into place."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
        checkpoint("rename")
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException as exc:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            target = next(iter(files)).parent
            raise BriefgenError(f"cannot write to {target}: {exc.strerror or exc}") from None
        raise
    for folder in {path.parent for path in files}:
        _fsync_dir(folder)
    return list(files)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class OutputLock:
    """An exclusive lock on an output folder, held for a whole ``briefgen make``.

    It is an ``flock`` on ``<out>/.briefgen.lock``: the kernel releases it when the
    process ends, however it ends, so a dead run never blocks the next one. The file
    holds the PID of the holder, for the message a second run prints.
    """

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / ".briefgen.lock"
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not os.access(self.path.parent, os.W_OK):
                os.close(fd)
                raise PermissionError(errno.EACCES, "permission denied")
        except OSError as exc:
            raise BriefgenError(f"cannot write to the output folder {self.path.parent}: "
                                f"{exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise LockHeld(f"another briefgen make (PID {holder}) is writing to "
                               f"{self.path.parent}; try again when it has finished") from None
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc_info) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
