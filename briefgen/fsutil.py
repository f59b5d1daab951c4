"""Files written so that a crash never leaves half a brief, and one run per output folder."""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import BriefgenError, LockHeld, when_stopped
from .faults import checkpoint

TEMP_SUFFIX = ".briefgen-tmp"


OLD_SUFFIX = ".briefgen-old"


def remove_leftovers(out_dir: Path) -> list[Path]:
    """What a run killed while writing left behind (only ever called with the output
    folder's lock held, so no live run owns any of it): temporary files and folders are
    removed, and a dated folder that was set aside to be replaced and not replaced yet is
    put back, so the earlier brief is whole again."""
    out_dir = Path(out_dir)
    for old in out_dir.glob(f".*{OLD_SUFFIX}"):
        folder = out_dir / old.name[1:-len(OLD_SUFFIX)]
        if folder.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(old, folder)
    found = list(out_dir.glob(f".*{TEMP_SUFFIX}")) + list(out_dir.glob(f"*/.*{TEMP_SUFFIX}"))
    for path in found:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return found


def publish(folder: Path, files: dict[str, bytes], replaces: Callable[[str], bool]) -> list[Path]:
    """Put ``files`` (name -> content) into ``folder`` in one step, in place of the files
    that ``replaces`` selects; the folder's other files stay. Readers see the old set or
    the new set, never a mix, even if the process is killed at any moment.

    The new folder is built beside the old one (the other files hard-linked into it),
    synced, and swapped with it in one rename (Linux renameat2 RENAME_EXCHANGE). Where the
    system cannot swap, the old folder is renamed aside and the new one into place; a
    run killed between the two leaves the old folder aside, and the next run puts it back
    (remove_leftovers)."""
    folder = Path(folder)
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=TEMP_SUFFIX, dir=parent))
    except OSError as exc:
        raise BriefgenError(f"cannot write to {parent}: {exc.strerror or exc}") from None
    swapped = False
    try:
        if folder.is_dir():
            for entry in folder.iterdir():
                if not (entry.name in files or replaces(entry.name) or entry.name.endswith(TEMP_SUFFIX)):
                    _link_or_copy(entry, staging / entry.name)
            os.chmod(staging, stat.S_IMODE(folder.stat().st_mode))
        else:
            os.chmod(staging, 0o755)
        for name, data in files.items():
            try:
                _write_synced(staging / name, data)
            except OSError as exc:
                raise BriefgenError(f"cannot write {folder / name}: {exc.strerror or exc}") from None
        _fsync_dir(staging)
        checkpoint("rename")
        if not folder.exists():
            os.rename(staging, folder)
        elif not _exchange(staging, folder):
            _replace_by_two_renames(staging, folder)
        swapped = True  # staging is now the old folder (or gone)
    except BaseException as exc:
        if not swapped:
            shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise BriefgenError(f"cannot write to {folder}: {exc.strerror or exc}"
                                f"{f' ({exc.filename})' if exc.filename else ''}") from None
        raise
    with when_stopped(f"after the new files of {folder} were in place; the earlier ones are removed by the next run"):
        checkpoint("published")
        shutil.rmtree(staging, ignore_errors=True)
        _fsync_dir(parent)
    return [folder / name for name in files]


def _write_synced(path: Path, data: bytes | str) -> None:
    with open(path, "xb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o644)


def _link_or_copy(source: Path | str, target: Path | str) -> None:
    """A file of the old folder in the new one: a hard link (the files are never written
    in place, so sharing them is safe), a copy where links are not possible."""
    source, target = Path(source), Path(target)
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
    elif source.is_dir():
        shutil.copytree(source, target, symlinks=True, copy_function=_link_or_copy)
    else:
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step; False where the system cannot (not Linux, old kernel,
    a file system without RENAME_EXCHANGE)."""
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(second))


def _replace_by_two_renames(staging: Path, folder: Path) -> None:
    """The old folder aside, the new one in its place, the old one back on failure."""
    old = folder.parent / f".{folder.name}{OLD_SUFFIX}"
    shutil.rmtree(old, ignore_errors=True)
    os.rename(folder, old)
    try:
        checkpoint("between-renames")
        os.rename(staging, folder)
    except BaseException:
        os.rename(old, folder)
        raise
    os.rename(old, staging)  # removed with the staging folder's name, as after a swap


def atomic_write(path: Path, data: bytes | str) -> Path:
    """Write to a temporary file in the same folder, fsync, then rename over ``path``."""
    return atomic_write_all({Path(path): data})[0]


def atomic_write_all(files: dict[Path, bytes | str]) -> list[Path]:
    """Write several files so that either all are replaced or none is: every temporary
    file is written and synced first, and only then renamed into place."""
    staged: list[tuple[str, Path]] = []
    current = next(iter(files), None)
    try:
        for path, data in files.items():
            current = path
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
            raise BriefgenError(f"cannot write {current}: {exc.strerror or exc}") from None
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
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError as exc:  # a full disk, most likely
            os.close(fd)
            raise BriefgenError(f"cannot write to the output folder {self.path.parent} ({self.path.name}): "
                                f"{exc.strerror or exc}") from None
        self._fd = fd
        return self

    def __exit__(self, *exc_info) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
