"""The fork server's first preload: it ties the server's life to the run that started it (Linux
PR_SET_PDEATHSIG), and each worker's to the server's from the moment it is forked (before it
spends a second importing its modules), so that nothing outlives a killed `vanban run`; workers
also watch the run itself (`processes.tie_to_parent`). It also keeps pandas out of the server and
so of every worker from its start: a worker imports its modules (pyarrow among them) before it
runs a line of its own. And it makes the system allocator Arrow's default in every worker, before
pyarrow is loaded: mimalloc reserves address space by the gigabyte, past a worker's cap
(run._init_worker), and Arrow's C++ (the IPC writer) allocates from that default, not from the
pool pyarrow is given. Imported anywhere else (a test walking the package), it does nothing."""
import os
import sys

from pipeline.processes import die_with_parent, without_pandas


def _in_fork_server() -> bool:
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_name == "main" and frame.f_globals.get("__name__") == "multiprocessing.forkserver":
            return True
        frame = frame.f_back
    return False


def _tie_child(server: int) -> None:
    die_with_parent()
    if os.getppid() != server:      # the server died before the tie was made
        os._exit(1)


if _in_fork_server():
    die_with_parent()
    without_pandas()
    os.environ["ARROW_DEFAULT_MEMORY_POOL"] = "system"
    os.register_at_fork(after_in_child=lambda server=os.getpid(): _tie_child(server))
