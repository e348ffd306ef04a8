"""Readers that misbehave, for the supervision tests: the work a supervised child runs on a batch,
crashing the child with SIGSEGV on `segv-*` files and hanging where the alarm cannot reach it (as a
reader stuck in C code does) on `hang-*` files."""
import os
import signal
import time

from pipeline.run import process_batch


def segv_or_hang(items):
    for path, _ in items:
        if path.name.startswith("segv"):
            os.kill(os.getpid(), signal.SIGSEGV)
        if path.name.startswith("hang"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(600)
    return process_batch(items)


def with_pid(items):
    """The batch as read, each document with an `info` errors row naming the child that read it
    (the tests of children kept across shard tasks)."""
    from pipeline.api import error_row

    result = process_batch(items)
    for doc in result.docs:
        doc.errors.append(error_row(doc.source_path, doc.doc_id, "test", f"pid {os.getpid()}", "info"))
    return result
