"""vanban's own processes: the fork server its workers start from, tying their lives to the run's,
and keeping pandas out of them.

pyarrow imports pandas (0.4 s) the first time it builds an array, only to check whether it was
handed pandas objects (apache/arrow#34994); vanban never hands it one. The hook is installed only
in processes that vanban owns (workers, the command line), never in a library user's: pyarrow
remembers that pandas was not there.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import sys
import threading
import time

# Loaded once by the fork server, so each worker starts with them. Pure Python: a process that
# forks must not hold threads (pyarrow starts some on import, so workers import it themselves).
# pipeline.tether first: the server is tied to the run before it spends time importing.
WORKER_PRELOAD = ["pipeline.tether", "pipeline.extract", "pipeline.ingest", "pipeline.normalize", "pipeline.segment"]


def forkserver_context():
    """The context workers start from: forkserver, so that they are copies of a small clean
    process rather than of the writer with its pyarrow threads."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(WORKER_PRELOAD)
    return ctx


def start_forkserver() -> None:
    """Start the fork server now: it loads the extractors while this process loads the writer."""
    forkserver_context()        # what the server preloads is set before it starts
    multiprocessing.forkserver.ensure_running()


_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Have the kernel kill this process when its parent dies (Linux; elsewhere a no-op)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (AttributeError, OSError):
        pass


def tie_to_parent(run_pid: int, every: float = 0.5) -> None:
    """A worker dies with its fork server (its parent, by the kernel) and with the run itself
    (`run_pid`, watched by a thread: it also covers a fork server that was not tied in time, and
    systems without PR_SET_PDEATHSIG)."""
    die_with_parent()

    def watch() -> None:
        while True:
            time.sleep(every)
            try:
                os.kill(run_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:     # alive, owned by someone else (the pid was reused)
                os._exit(1)

    threading.Thread(target=watch, name="vanban-watchdog", daemon=True).start()


class _NoPandas:
    """An import hook that refuses pandas."""

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "pandas":
            raise ImportError("pandas is not imported by vanban's own processes")
        return None


def without_pandas() -> None:
    if "pandas" not in sys.modules and not any(isinstance(f, _NoPandas) for f in sys.meta_path):
        sys.meta_path.insert(0, _NoPandas())
