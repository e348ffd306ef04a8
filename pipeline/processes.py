"""vanban's own processes: the fork server its workers start from, and keeping pandas out of them.

pyarrow imports pandas (0.4 s) the first time it builds an array, only to check whether it was
handed pandas objects (apache/arrow#34994); vanban never hands it one. The hook is installed only
in processes that vanban owns (workers, the command line), never in a library user's: pyarrow
remembers that pandas was not there.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import sys

# Loaded once by the fork server, so each worker starts with them. Pure Python: a process that
# forks must not hold threads (pyarrow starts some on import, so workers import it themselves).
WORKER_PRELOAD = ["pipeline.extract", "pipeline.ingest", "pipeline.normalize", "pipeline.segment"]


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


class _NoPandas:
    """An import hook that refuses pandas."""

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "pandas":
            raise ImportError("pandas is not imported by vanban's own processes")
        return None


def without_pandas() -> None:
    if "pandas" not in sys.modules and not any(isinstance(f, _NoPandas) for f in sys.meta_path):
        sys.meta_path.insert(0, _NoPandas())
