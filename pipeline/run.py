"""The batch: every input file through ingest → normalize → segment → extract, into the tables.

Documents run in worker processes in small batches, results taken in input order, a bounded
number in flight; a worker sends each batch's rows as Arrow tables, so the writer does no per-row
work. A document that fails gets a row in `errors` and the batch goes on. A worker that dies (a
crash in a C reader), hangs or fails is replaced and the documents of its batch are retried one by
one, so that only the one that fails alone is reported. The tables are one set, switched in whole
(pipeline/outset.py).
"""
from __future__ import annotations

import os
import resource
import signal
import time
import traceback
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from multiprocessing.connection import wait
from typing import Any, Callable, Iterator, Optional

import pyarrow as pa

from pipeline import graph, incremental, ingest, processes, sql
from pipeline.models import StageError
from pipeline.outset import OutputSet
from pipeline.processes import forkserver_context, without_pandas
from pipeline.tables import SCHEMAS, TableWriter, arrow_table, error_row


@dataclass
class DocResult:
    source_path: str
    doc_id: Optional[str]
    ok: bool = False
    errors: list = field(default_factory=list)     # `errors` rows (few: the parent prints them)
    rows: dict = field(default_factory=dict)       # table → rows this document has in its batch


@dataclass
class BatchResult:
    docs: list      # DocResult, in input order
    tables: dict    # table → pyarrow.Table of all the batch's rows, document by document (no errors)
    spilled: dict = field(default_factory=dict)     # table → Arrow IPC file holding them instead

    def take_tables(self) -> Iterator[tuple[str, pa.Table]]:
        """The tables, those spilled to a file read back a chunk at a time (and the file removed)."""
        yield from self.tables.items()
        for name, path in self.spilled.items():
            try:
                with pa.OSFile(str(path)) as src:
                    reader = pa.ipc.open_file(src)
                    for i in range(reader.num_record_batches):
                        yield name, pa.Table.from_batches([reader.get_batch(i)])
            finally:
                path.unlink(missing_ok=True)

    def __getstate__(self) -> dict:
        """Through the pipe each table goes as an Arrow IPC stream, read back without a copy:
        pickling a table column by column cost the worker five times as much (2.5 ms against 0.5 ms
        for a batch of 16 plans) and the writer ten times as much. One buffer per table, as a table
        read back holds its whole buffer: the writer keeps a small table's rows until the end, and
        they would keep every batch's large ones alive with them (120 MB for 2,000 plans)."""
        return {"docs": self.docs, "spilled": self.spilled,
                "ipc": {name: _ipc_bytes(table) for name, table in self.tables.items()}}

    def __setstate__(self, state: dict) -> None:
        self.docs, self.spilled = state["docs"], state["spilled"]
        self.tables = {name: pa.ipc.open_stream(pa.py_buffer(data)).read_all() for name, data in state["ipc"].items()}

    def load_spilled(self) -> None:
        for name, path in self.spilled.items():
            with pa.OSFile(str(path)) as src:
                self.tables[name] = pa.ipc.open_file(src).read_all()
            path.unlink(missing_ok=True)
        self.spilled = {}


def _ipc_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


SPILL_BYTES = 32 * 1024 * 1024   # a batch's tables past this go through a file: pickled through the pipe,
SPILL_CHUNK = 65536              # they would be held twice in the worker and twice in the writer


def _spill(result: BatchResult, folder: Optional[Path]) -> BatchResult:
    if folder is None or sum(t.nbytes for t in result.tables.values()) < SPILL_BYTES:
        return result
    for n, (name, table) in enumerate(result.tables.items()):
        path = folder / f".spill-{os.getpid()}-{time.monotonic_ns()}-{n}.arrow"
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table, max_chunksize=SPILL_CHUNK)
        result.spilled[name] = path
    result.tables = {}
    return result


@dataclass(frozen=True)
class Limits:
    """Per-document limits, enforced in the worker (alarm, address-space cap) and, for a reader
    stuck in C code where the alarm cannot reach, by the parent killing the worker."""

    seconds: int = 60
    memory_mb: int = 1024


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that no stage's error handling can swallow it."""


def _on_alarm(signum, frame):
    raise _Timeout()


def _address_space() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * resource.getpagesize()


_limits = Limits()


def _init_worker(limits: Limits) -> None:
    global _limits
    _limits = limits
    without_pandas()
    # pyarrow's default allocator (mimalloc) reserves address space by the gigabyte, which the cap
    # below would refuse at random; the system allocator takes what it needs. (This sets pyarrow's
    # default; what Arrow's C++ allocates on its own, as the IPC writer does, takes the one that
    # ARROW_DEFAULT_MEMORY_POOL names: the fork server sets it for every worker, pipeline.tether.)
    pa.set_memory_pool(pa.system_memory_pool())
    signal.signal(signal.SIGALRM, _on_alarm)
    try:
        # the cap is on top of what the interpreter and its libraries already map
        cap = _address_space() + limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ValueError, OSError):
        pass


def _failed(rel: str, stage: str, message: str, doc_id: Optional[str] = None, severity: str = "error") -> DocResult:
    return DocResult(rel, doc_id, errors=[error_row(rel, doc_id, stage, message, severity)])


def process_file(path: Path, rel: str, take: Callable[[dict[str, list[dict]]], None]) -> DocResult:
    """One document under the per-document alarm, its rows given to `take` part by part (one part
    but for a very large document): never raises; failures become `errors` rows (a document that
    fails after some of its parts were taken is the batch's to drop: see process_batch)."""
    # here, not at the top: the writer process never reads a document, so it never loads the
    # extractors (0.2 s of compiling patterns); a worker has them from its fork server
    from pipeline.api import table_parts

    signal.alarm(_limits.seconds)
    res = DocResult(rel, None, ok=True)
    try:
        for tables in table_parts(path, rel):
            res.errors += tables.pop("errors")
            res.doc_id = res.doc_id or tables["documents"][0]["doc_id"]
            for name, rows in tables.items():
                res.rows[name] = res.rows.get(name, 0) + len(rows)
            take(tables)
        return res
    except StageError as exc:
        return _failed(rel, exc.stage, exc.message)
    except _Timeout:
        return _failed(rel, "limits", f"took longer than {_limits.seconds} s; skipped")
    except MemoryError:
        return _failed(rel, "limits", f"needed more than {_limits.memory_mb} MB; skipped")
    except Exception as exc:  # a bug must not stop the batch: report it with its place
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return _failed(rel, "internal", f"internal error {type(exc).__name__}: {exc} "
                                        f"({Path(where.filename).name}:{where.lineno})")
    finally:
        signal.alarm(0)


def _no_report(index: int) -> None:
    pass


_started: Callable[[int], None] = _no_report     # in a worker: tells the parent a document starts
_spill_dir: Optional[Path] = None                 # in a worker: where a very large document's rows go


class _Rows:
    """A batch's rows, table by table. They are held as dicts and become Arrow once the batch is
    done (measured on a 6 MiB plan, converting while a document's analysis is alive raises the
    worker's peak); once a document comes in several parts (a very large one), every part is made
    Arrow at once and appended to a spill file, so its rows never all live at once."""

    def __init__(self, spill: Optional[Path]):
        self.spill, self.rows, self.files, self.paths = spill, {}, {}, {}
        self.mark: dict[str, int] = {}     # rows of each table before the current document

    def take(self, tables: dict[str, list[dict]]) -> None:
        for name, rows in tables.items():
            self.rows.setdefault(name, []).extend(rows)
        if self.files or (self.spill is not None and self._parted()):
            self._flush()

    def _parted(self) -> bool:
        return sum(len(r) for r in self.rows.values()) > SPILL_ROWS

    def _flush(self) -> None:
        for name in list(self.rows):
            rows = self.rows.pop(name)
            if not rows:
                continue
            table = arrow_table(name, rows)
            if name not in self.files:
                path = self.spill / f".spill-{os.getpid()}-{time.monotonic_ns()}-{name}.arrow"
                sink = pa.OSFile(str(path), "wb")
                self.files[name], self.paths[name] = (sink, pa.ipc.new_file(sink, table.schema)), path
            self.files[name][1].write_table(table, max_chunksize=SPILL_CHUNK)

    def result(self, docs: list) -> BatchResult:
        if self.files:
            self._flush()
            for sink, writer in self.files.values():
                writer.close()
                sink.close()
            return BatchResult(docs, {}, dict(self.paths))
        tables = {}
        for name in list(self.rows):            # each table's dicts freed as soon as it is Arrow
            table_rows = self.rows.pop(name)
            if table_rows:
                tables[name] = arrow_table(name, table_rows)
        return BatchResult(docs, tables)


SPILL_ROWS = 20_000       # rows held in a batch past which they go to spill files part by part (a
                          # batch of 16 plans holds some 5,000; a large document's piece 25,000)


def process_batch(items: list[tuple[Path, str]]) -> BatchResult:
    """Worker entry point: the documents of a batch, their rows gathered into one Arrow table per
    table (or spill files, see _Rows)."""
    docs, rows = [], _Rows(_spill_dir)
    for i, (path, rel) in enumerate(items):
        _started(i)
        res = process_file(path, rel, rows.take)
        if not res.ok and res.rows:
            raise RuntimeError(f"{rel} failed after {sum(res.rows.values())} of its rows were written")
        docs.append(res)
    return rows.result(docs)


BATCH_MAX = 16     # documents per task: amortizes the hand-over, small enough to keep both cores busy
GRACE = 2          # seconds past a document's own alarm before the parent stops its worker
STARTUP = 60       # seconds a new worker may take to start (imports, on a busy machine)


def _batches(files: list[ingest.InputFile], jobs: int) -> list[list[ingest.InputFile]]:
    size = max(1, min(BATCH_MAX, len(files) // (8 * jobs)))
    return [files[i:i + size] for i in range(0, len(files), size)]


Work = Callable[[list[tuple[Path, str]]], BatchResult]


class StartBoard:
    """Where a worker posts which document of which of its tasks it has started, and when; the
    parent reads it when it weighs deadlines (`_Worker.read_board`). One shared 64-bit word, written
    and read whole: the task's number (mod 2**12), the document's index in it (2**20) and the start
    in milliseconds of the monotonic clock (mod 2**32, 49 days), which is the same in every process.
    A message per document would wake the parent for each: a tenth of its CPU and a pipe write each.
    Example: task 3, document 5, started at 1,000.5 s → (3 << 52) | (5 << 32) | 1000500."""

    def __init__(self, ctx):
        self.word = ctx.RawValue("Q", 0)     # task 0 is none: a worker numbers its tasks from 1

    def post(self, task: int, doc: int) -> None:
        self.word.value = (task & 0xFFF) << 52 | (doc & 0xFFFFF) << 32 | int(time.monotonic() * 1000) & 0xFFFFFFFF

    def started(self, task: int) -> Optional[tuple[int, float]]:
        """(document index, monotonic start) of the document last started in this task, if any."""
        word = self.word.value
        if word >> 52 != task & 0xFFF:
            return None
        now = time.monotonic()
        ago = (int(now * 1000) - word) & 0xFFFFFFFF
        return (word >> 32) & 0xFFFFF, now - ago / 1000


def _worker_main(tasks, results, limits: Limits, work: Work, parent: int, spill: Optional[Path],
                 board: StartBoard) -> None:
    """A worker: batches in (`tasks`), results out (`results`), one at a time, so that a worker's
    death or hang names its batch exactly; before each document it posts which one starts on
    `board` (the per-document deadline)."""
    global _started, _spill_dir
    _spill_dir = spill
    processes.tie_to_parent(parent)
    _init_worker(limits)
    results.send(("ready", None))
    task = 0
    while True:
        try:
            items = tasks.recv()
        except EOFError:
            return
        if items is None:
            return
        task += 1
        _started = partial(board.post, task)
        try:
            reply = ("done", _spill(work(items), spill))
        except Exception as exc:     # outside a document's own handling (building the Arrow tables)
            reply = ("failed", f"{type(exc).__name__}: {exc}")
        results.send(reply)


PIPE_BYTES = 1 << 20     # Linux lets any process make a pipe this large (/proc/sys/fs/pipe-max-size)


def _widen(conn) -> None:
    """Make the pipe under `conn` hold PIPE_BYTES, where the system allows (Linux: F_SETPIPE_SZ)."""
    try:
        import fcntl
        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


@dataclass
class _Task:
    seq: int               # the batch it belongs to (results are given in batch order)
    first: int             # position of items[0] in that batch
    items: list            # InputFile
    retry: bool = False    # a single document retried alone: a failure now is its own


class _Worker:
    def __init__(self, ctx, limits: Limits, work: Work, spill: Optional[Path]):
        # two one-way pipes: the results' one can be made large enough for a batch's tables, so that
        # a worker goes on with its next batch while the writer is busy (a full pipe kept each
        # worker waiting 0.5 s in all for 2,000 plans)
        tasks_in, self.tasks_out = ctx.Pipe(duplex=False)
        self.results_in, results_out = ctx.Pipe(duplex=False)
        _widen(results_out)
        self.board = StartBoard(ctx)
        self.proc = ctx.Process(target=_worker_main, daemon=True,
                                args=(tasks_in, results_out, limits, work, os.getpid(), spill, self.board))
        self.proc.start()
        tasks_in.close()
        results_out.close()
        # the task running, then at most one more sent ahead (so that the worker does not wait
        # for the writer between batches); a retry is only ever sent to an idle worker
        self.tasks: deque[_Task] = deque()
        self.doc: Optional[int] = None     # index in the running task of the document running
        self.since = 0.0                   # when it (or the task) started
        self.ready = False                 # started: its deadlines are the documents' own
        self.finished_tasks = 0            # the running task is the worker's finished_tasks + 1st

    @property
    def task(self) -> Optional[_Task]:
        return self.tasks[0] if self.tasks else None

    def takes(self, task: _Task) -> bool:
        return not self.tasks or len(self.tasks) == 1 and not task.retry and not self.tasks[0].retry

    def deadline(self, limits: Limits) -> float:
        return self.since + limits.seconds + GRACE + (0 if self.ready else STARTUP)

    def give(self, task: _Task) -> bool:
        """Send the task; False (and nothing changed) when the worker has died since it was chosen:
        its pipe is closed."""
        try:
            self.tasks_out.send([(f.path, f.rel) for f in task.items])
        except OSError:        # BrokenPipeError: it crashed on the task it runs, or died idle
            return False
        if not self.tasks:
            self.doc, self.since = None, time.monotonic()
        self.tasks.append(task)
        return True

    def finished(self) -> _Task:
        """The running task is over: the next one (sent ahead) starts now."""
        task = self.tasks.popleft()
        self.finished_tasks += 1
        self.doc, self.since = None, time.monotonic()
        return task

    def read_board(self) -> None:
        """The document of the running task that the worker last said it started, and when."""
        started = self.board.started(self.finished_tasks + 1) if self.tasks else None
        if started:
            self.doc, self.since = started

    def stop(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.results_in.close()
        self.tasks_out.close()


def _death(proc) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


class _Supervisor:
    """Runs tasks on `jobs` workers and gathers each batch's documents back in order.

    A worker that dies, hangs or fails outside a document's handling with a batch of several
    documents costs nobody: each document of that batch is retried alone (`retry`), and only a
    document that fails alone is reported. A document the worker said it had started and that
    runs past its limit is reported at once (its deadline is its own, not its batch's)."""

    def __init__(self, jobs: int, limits: Limits, work: Work, spill: Optional[Path]):
        self.ctx, self.jobs, self.limits, self.work, self.spill = forkserver_context(), jobs, limits, work, spill
        self.workers: list[_Worker] = []
        self.queue: deque[_Task] = deque()        # retries go to the front: they hold up the order
        self.parts: dict[int, dict[int, BatchResult]] = {}

    def _worker_for(self, task: _Task) -> Optional[_Worker]:
        """An idle worker, a new one, or one that can take this task ahead."""
        for w in [w for w in self.workers if w.task is None and not w.proc.is_alive()]:
            self._replace(w)      # died idle (killed from outside): nothing of it to retry
        idle = [w for w in self.workers if w.task is None]
        if idle:
            return idle[0]
        if len(self.workers) < self.jobs:
            w = _Worker(self.ctx, self.limits, self.work, self.spill)
            self.workers.append(w)
            return w
        return next((w for w in self.workers if w.takes(task)), None)

    def dispatch(self) -> None:
        while self.queue and (w := self._worker_for(self.queue[0])) is not None:
            if not w.give(self.queue[0]):
                # died since it was chosen: an idle one is replaced now; a busy one's death is read
                # by poll(), which retries or reports the task it was running
                if w.task is None:
                    self._replace(w)
                    continue
                return
            self.queue.popleft()

    def _done(self, task: _Task, result: BatchResult) -> None:
        self.parts.setdefault(task.seq, {})[task.first] = result

    def _fail_or_retry(self, task: _Task, stage: str, message: str) -> None:
        if task.retry:
            self._done(task, BatchResult([_failed(task.items[0].rel, stage, message)], {}))
        else:
            self.queue.extendleft(reversed([_Task(task.seq, task.first + i, [f], retry=True)
                                            for i, f in enumerate(task.items)]))

    def _replace(self, w: _Worker) -> Optional[_Task]:
        """Stop a worker; the task sent ahead, not started, is queued again as it was. Returns
        the task that was running."""
        w.stop()
        self.workers.remove(w)
        self.queue.extendleft(reversed(list(w.tasks)[1:]))
        return w.task

    def poll(self, timeout: float) -> None:
        """Wait for messages, deaths and deadlines, for at most `timeout` seconds."""
        busy = [w for w in self.workers if w.task is not None]
        if not busy:
            return
        for w in busy:
            w.read_board()
        deadline = min(w.deadline(self.limits) for w in busy)
        ready = wait([w.results_in for w in busy] + [w.proc.sentinel for w in busy],
                     max(0.0, min(timeout, deadline - time.monotonic())))
        for w in busy:
            if w.results_in in ready or w.proc.sentinel in ready:
                self._read(w)
            w.read_board()
        now = time.monotonic()
        for w in [w for w in self.workers if w.task is not None and now > w.deadline(self.limits)]:
            doc = w.doc
            task = self._replace(w)
            message = f"the reader hung past {self.limits.seconds} s; worker stopped"
            if doc is None:
                self._fail_or_retry(task, "limits", message)
                continue
            # the document that was running is known: reported now; the others are retried alone
            self._done(_Task(task.seq, task.first + doc, [task.items[doc]]),
                       BatchResult([_failed(task.items[doc].rel, "limits", message)], {}))
            self.queue.extendleft(reversed([_Task(task.seq, task.first + i, [f], retry=True)
                                            for i, f in enumerate(task.items) if i != doc]))

    def _read(self, w: _Worker) -> None:
        try:
            while w.results_in.poll():
                kind, value = w.results_in.recv()
                if kind == "ready":
                    w.ready, w.since = True, time.monotonic()
                    continue
                task = w.finished()
                if kind == "done":
                    self._done(task, value)
                else:
                    self._fail_or_retry(task, "internal", f"internal error in the worker: {value}")
                if not w.tasks:
                    return
        except (EOFError, OSError):
            pass
        if w.proc.is_alive() or not w.tasks:
            return
        task = self._replace(w)
        self._fail_or_retry(task, "limits", f"the reader crashed the worker process ({_death(w.proc)}); skipped")

    def batch(self, seq: int, size: int) -> Optional[BatchResult]:
        """The whole batch once all its documents are back, in order."""
        parts = self.parts.get(seq, {})
        if sum(len(p.docs) for p in parts.values()) < size:
            return None
        del self.parts[seq]
        if len(parts) == 1:
            return next(iter(parts.values()))
        ordered = [parts[k] for k in sorted(parts)]
        names = {name for p in ordered for name in p.tables}
        return BatchResult([d for p in ordered for d in p.docs],
                           {name: pa.concat_tables([p.tables[name] for p in ordered if name in p.tables])
                            for name in names})

    def close(self) -> None:
        """Idle workers are told to stop; busy ones (the run is failing) are killed. What was
        queued or gathered goes too: a supervisor kept for more runs starts the next one clean."""
        self.queue.clear()
        self.parts.clear()
        for w in self.workers:
            if w.task is None:
                try:
                    w.tasks_out.send(None)
                except OSError:
                    pass
        for w in self.workers:
            if w.task is None:
                w.proc.join(1)
            w.stop()
        self.workers = []


def _results(files: list[ingest.InputFile], jobs: int, limits: Limits, work: Work = process_batch,
             spill: Optional[Path] = None, sup: Optional[_Supervisor] = None) -> Iterator[BatchResult]:
    """Batch results in input order, at most 3 × jobs batches in flight (see _Supervisor); large
    ones come through files in `spill`. A supervisor given (`sup`, of these jobs, limits and work)
    is left open with its workers idle when every batch was taken, and closed otherwise (its
    workers may still be busy with batches nobody takes)."""
    batches = _batches(files, jobs)
    own = sup is None
    sup = sup or _Supervisor(jobs, limits, work, spill)
    window = 3 * jobs
    sent = 0
    taken = False
    try:
        for seq, batch in enumerate(batches):
            while sent < len(batches) and sent < seq + window:
                sup.queue.append(_Task(sent, 0, batches[sent]))
                sent += 1
            while (result := sup.batch(seq, len(batch))) is None:
                sup.dispatch()
                sup.poll(1.0)
            yield result
        taken = True
    finally:
        if own or not taken:
            sup.close()


def _without(batch: BatchResult, left_out: set[int]) -> dict[str, pa.Table]:
    """The batch's tables without the rows of the documents at these positions."""
    if not left_out:
        return batch.tables
    tables = {}
    for name, table in batch.tables.items():
        parts, at = [], 0
        for i, res in enumerate(batch.docs):
            count = res.rows.get(name, 0)
            if i not in left_out:
                parts.append(table.slice(at, count))
            at += count
        tables[name] = pa.concat_tables(parts) if parts else table.slice(0, 0)
    return tables


def skipped_rows(skipped: list[tuple[str, str]]) -> list[dict]:
    """`errors` rows for what discovery skipped (files of an unsupported type silently)."""
    return [error_row(rel, None, "discover", f"skipped: {reason}", "warning")
            for rel, reason in skipped if reason != "unsupported file type"]


def write_errors(writer: TableWriter, rows: list[dict], on_error: Optional[Callable[[dict], None]]) -> None:
    if rows:
        writer.write_rows(rows)
        for row in rows:
            on_error and on_error(row)


def supervisor(limits: Limits, work: Work = process_batch) -> _Supervisor:
    """A supervisor of one worker process, to keep across `supervised` calls (an engine's worker
    runs shard after shard in the same child); `close()` stops its child, and a later call starts
    another."""
    return _Supervisor(1, limits, work, None)


def supervised(files: list[ingest.InputFile], limits: Limits, work: Work = process_batch,
               sup: Optional[_Supervisor] = None) -> Iterator[BatchResult]:
    """The documents of `files` in one supervised worker process (`_results`), batch results in
    input order: what the task of a sharded run does with its shard. With `sup` (from
    `supervisor`, same limits and work), its child is used and kept for the next call."""
    return _results(files, 1, limits, work, sup=sup)


def account(batch: BatchResult, seen: dict[str, str], summary: Summary) -> list[DocResult]:
    """The batch's documents as reported, counted in `summary`; a second file with the same bytes
    becomes a warning and its rows are cut from the batch (`seen`: doc_id → first source_path, the
    first in input order wins). Shared by the local runner and the executors that merge shards."""
    reported, duplicates = [], set()
    for i, res in enumerate(batch.docs):
        if res.ok and res.doc_id in seen:
            duplicates.add(i)
            res = _failed(res.source_path, "ingest", f"same bytes as {seen[res.doc_id]}; not repeated",
                          res.doc_id, "warning")
            summary.skipped += 1
        elif res.ok:
            seen[res.doc_id] = res.source_path
            summary.documents += 1
        else:
            summary.failed += 1
        reported.append(res)
    if duplicates:
        batch.load_spilled()
        batch.tables = _without(batch, duplicates)
    return reported


@dataclass
class Summary:
    documents: int = 0
    failed: int = 0
    skipped: int = 0
    reused: int = 0         # unchanged documents whose rows were kept (incremental run)
    rows: dict = field(default_factory=dict)
    published: bool = False     # the tables replaced the previous set


def archive_passes(folder: Path, build_graph: Optional[Callable[[Path], dict[str, int]]] = None) -> dict[str, int]:
    """The passes over a whole set written elsewhere (the Dask executor's shards): the citation
    graph's tables (`build_graph`, else graph.build_tables; the Dask executor builds them in parts),
    then `vanban.duckdb` over every table. DuckDB copies in the tables the graph leaves alone while
    the graph is built (in a thread: DuckDB works outside the GIL), then the graph's. Rows written
    per table. (The local run copies its tables as it writes them and builds the graph while it
    commits them: run._commit_all.)"""
    with sql.DatabaseBuild(folder) as db, ThreadPoolExecutor(1) as pool:
        loading = pool.submit(db.load, [name for name in SCHEMAS if name not in graph.WRITES])
        try:
            rows = (build_graph or graph.build_tables)(folder)
        finally:
            loading.result()
        db.load(graph.WRITES)
        db.finish()
    return rows


def run(inputs: list[Path], out_dir: Path, jobs: int = 1, limits: Limits = Limits(),
        on_progress: Optional[Callable[[int, int, DocResult], None]] = None,
        on_error: Optional[Callable[[dict], None]] = None, full: bool = False) -> Summary:
    """Write the tables of every document under `inputs` into `out_dir`, all of them or none: they
    replace the previous set only when at least one document was read or kept
    (`Summary.published`). Into a folder that holds an earlier run, only new and changed files are
    read, unless `full` (pipeline/incremental.py). Raises OutputBusy when another run is writing to
    `out_dir`."""
    files, skipped = ingest.discover(inputs)
    fingerprint = incremental.code_fingerprint()
    with OutputSet(out_dir) as out, sql.DatabaseBuild(out.dir) as db:
        # the plan reads the published set's manifest; the new set is written beside it
        work = incremental.Plan(files) if full else incremental.plan(out_dir, files, fingerprint)
        summary = Summary(skipped=len(skipped), documents=len(work.kept), reused=len(work.kept))
        seen, graph_rows = _write_tables(work, out_dir, skipped, out.dir, jobs, limits, summary, on_progress,
                                         on_error, db)
        if summary.documents:
            for lost in out.dir.glob(".spill-*"):     # from a worker stopped after it spilled
                lost.unlink()
            summary.rows.update(graph_rows)
            db.complete()
            incremental.write_manifest(out.dir, {path: doc_id for doc_id, path in seen.items()}, files,
                                       fingerprint)
            out.publish()
            summary.published = True
    return summary


WRITES_AHEAD = 2      # batches read while earlier ones are being written (their tables held meanwhile)


def _write_batch(writers: dict[str, TableWriter], batch: BatchResult, errors: list[dict]) -> None:
    if errors:
        writers["errors"].write_rows(errors)
    for name, table in batch.take_tables():
        writers[name].write(table)


def _write_tables(work: incremental.Plan, published: Path, skipped, out_dir: Path, jobs: int, limits: Limits,
                  summary: Summary, on_progress, on_error, db: sql.DatabaseBuild
                  ) -> tuple[dict[str, str], dict[str, int]]:
    """Write the tables into `out_dir`, and those the graph pass leaves as they are into `db`, then
    the citation graph's tables; the documents written (doc_id → source path) and the graph's rows
    per table."""
    writers = {name: TableWriter(out_dir, name, copy_to=None if name in graph.WRITES else db.append)
               for name in SCHEMAS}
    seen: dict[str, str] = dict(work.kept)
    try:
        write_errors(writers["errors"], skipped_rows(skipped), on_error)
        incremental.copy_kept(published, work.kept, writers)
        n = 0
        # Batches are written in a thread of their own, in order, so that this one reads the next
        # result at once: a worker cannot go on until its result has left the pipe, and flushing a
        # table (Parquet, CSV, the database) kept each worker waiting 0.5 s in all for 2,000 plans.
        with ThreadPoolExecutor(1) as writing:
            queued: deque = deque()
            for batch in _results(work.to_read, max(1, jobs), limits, spill=out_dir):
                errors = []
                for res in account(batch, seen, summary):
                    errors += res.errors
                    for row in res.errors:
                        on_error and on_error(row)
                    n += 1
                    on_progress and on_progress(n, len(work.to_read), res)
                queued.append(writing.submit(_write_batch, writers, batch, errors))
                while len(queued) > WRITES_AHEAD:
                    queued.popleft().result()
            while queued:
                queued.popleft().result()
        graph_rows = _commit_all(writers, graph.READS + graph.WRITES, lambda: graph.build_tables(out_dir))
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    summary.rows = {name: w.count for name, w in writers.items()}
    return seen, graph_rows


def _commit_all(writers: dict[str, TableWriter], first: tuple[str, ...], then: Callable[[], Any]) -> Any:
    """Write the last rows of every table and publish it, two tables at a time (Arrow writes
    Parquet and CSV outside the GIL; DuckDB takes the tables one at a time, DatabaseBuild.append),
    those named in `first` first (what `then` reads or replaces); `then` runs in this thread as
    soon as those are committed, while the others are still being written (the graph pass: after
    the last document, the workers have left both cores free). Returns what `then` returns."""
    with ThreadPoolExecutor(2) as pool:
        commits = {name: pool.submit(writers[name].commit)
                   for name in sorted(writers, key=lambda name: name not in first)}
        try:
            for name in first:
                commits[name].result()
            return then()
        finally:
            for done in commits.values():
                done.result()
