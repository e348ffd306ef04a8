"""The output set: all tables of a run appear in `--out` together, or not at all.

Readers (score.py, DuckDB, a notebook) open `<out>/<table>.parquet` directly, so `<out>` stays a
plain folder of plain files. A run writes its tables into a fresh folder beside it,
`<parent>/.<name>.new-<pid>`, and switches it in with one `renameat2(RENAME_EXCHANGE)`: the new
folder and `<out>` trade places in a single step, so a reader sees the old set or the new one,
never a mix, and a `kill -9` at any moment leaves a whole `<out>`. The old set, now in the run's
folder, is then deleted; what `<out>` held besides tables (a user's notes, not `*.parquet` or
`*.csv`) is moved into the new set first.

Where the exchange does not exist (not Linux, or a file system without it) two renames are made:
`<out>` → `.<name>.old-<pid>`, then the new folder → `<out>`. A run killed between the two leaves
no `<out>` but a whole old set, which the next run puts back before it starts.

A lock (`fcntl.flock` on `<parent>/.<name>.lock`, kept beside `<out>` since `<out>` itself is
replaced) makes a second run on the same `--out` stop at once with a clear message.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
from pathlib import Path
from typing import Optional

from pipeline.incremental import MANIFEST

TABLE_SUFFIXES = (".parquet", ".csv", ".duckdb")     # what a set is made of: never carried from an old set
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class OutputBusy(Exception):
    """Another run holds the lock on this output folder."""


def _renameat2():
    try:
        fn = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True).renameat2
    except (AttributeError, OSError):      # glibc < 2.28, musl, not Linux
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return fn


_RENAMEAT2 = _renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system cannot (then nothing was changed)."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a))


class OutputSet:
    """`with OutputSet(out) as s:` write the tables into `s.dir`, then `s.publish()`; leaving the
    block without publishing discards them and leaves `<out>` as it was."""

    def __init__(self, out: Path):
        # a symlinked --out: the folder it names is replaced, the link stays
        self.out = Path(os.path.realpath(out))
        self.parent, name = self.out.parent, self.out.name
        self._new_prefix, self._old_prefix = f".{name}.new-", f".{name}.old-"
        self.lock_path = self.parent / f".{name}.lock"
        self.dir = self.parent / f"{self._new_prefix}{os.getpid()}"
        self._lock: Optional[int] = None
        self.published = False

    def __enter__(self) -> "OutputSet":
        if self.out.exists() and not self.out.is_dir():
            raise NotADirectoryError(f"{self.out} exists and is not a folder")
        self.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputBusy(f"another vanban run is writing to {self.out} (it holds {self.lock_path}); "
                             f"wait for it to finish or choose another --out") from None
        self._lock = fd
        try:
            self._recover()
            self.dir.mkdir()
        except BaseException:
            self._unlock()
            raise
        return self

    def _recover(self) -> None:
        """Left by a killed run: a set being written (discarded), or an old set moved aside just
        before the new one took its place (put back when `<out>` is missing, else discarded)."""
        old = sorted(p for p in self.parent.glob(f"{self._old_prefix}*") if p.is_dir())
        if old and not self.out.exists():
            os.rename(old.pop(), self.out)
        for stale in [*old, *(p for p in self.parent.glob(f"{self._new_prefix}*") if p.is_dir())]:
            shutil.rmtree(stale, ignore_errors=True)

    def publish(self) -> None:
        """Switch the written set in: one exchange (or two renames, see the module's docstring)."""
        if not self.out.exists():
            os.rename(self.dir, self.out)
        else:
            self._carry_over()
            if exchange(self.dir, self.out):
                shutil.rmtree(self.dir, ignore_errors=True)     # the old set, now here
            else:
                aside = self.parent / f"{self._old_prefix}{os.getpid()}"
                os.rename(self.out, aside)
                os.rename(self.dir, self.out)
                shutil.rmtree(aside, ignore_errors=True)
        self.published = True

    def _carry_over(self) -> None:
        """Files of `<out>` that are not tables (and not in the new set) are kept: hard links for
        files, so the old set stays whole until the switch; folders are moved."""
        for entry in os.scandir(self.out):
            target = self.dir / entry.name
            if entry.name.endswith(TABLE_SUFFIXES) or entry.name == MANIFEST or ".tmp-" in entry.name \
                    or os.path.lexists(target):
                continue
            if entry.is_dir(follow_symlinks=False):
                os.rename(entry.path, target)
                continue
            try:
                os.link(entry.path, target, follow_symlinks=False)
            except OSError:        # a file system without hard links
                shutil.copy2(entry.path, target, follow_symlinks=False)

    def _unlock(self) -> None:
        if self._lock is not None:
            os.close(self._lock)       # closing the descriptor releases the flock
            self._lock = None

    def __exit__(self, *exc) -> None:
        try:
            if not self.published:
                shutil.rmtree(self.dir, ignore_errors=True)
        finally:
            self._unlock()
