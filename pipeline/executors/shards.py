"""Sharded runs, whatever engine runs the shards: the plan, the shard task, and the commit.

A shard is a run of consecutive input files (input order is kept end to end). Its task runs the
documents in vanban's own supervised child process (`run.supervised`: per-document time and
memory limits, a crashed or hung child replaced and its batch retried one document at a time),
then writes one part file per table, `<folder>/<table>/part-<shard>.parquet`, and last a done
marker `<folder>/done/part-<shard>.json` holding each document's outcome; every file goes through a
temporary name and a rename, so a task run twice (an engine retrying on a lost worker, a resumed
run) writes the same files and a marker is never there without its parts. The marker carries the
shard's key (its files' names, sizes and modification times, and the limits), so `--resume` keeps
only shards whose files did not change.

The commit, on the driver, reads the shards in input order as they finish and merges them as the
local runner merges its batches (`run.account`: of files with the same bytes the first wins), writes
`errors`, runs the archive-wide passes (the citation graph), writes the manifest of incremental
runs last (`pipeline/incremental.py`), and swaps the finished set in place of `--out`.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import multiprocessing
import os
import shutil
import threading
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import incremental, ingest
from pipeline.graph import parts as gp
from pipeline.run import (BatchResult, DocResult, Limits, Summary, Work, account, archive_passes, process_batch,
                          skipped_rows, supervised, supervisor, write_errors)
from pipeline.outset import TABLE_SUFFIXES, exchange
from pipeline.tables import ARROW_SCHEMAS, SCHEMAS, TableWriter



@dataclass(frozen=True)
class ShardFile:
    path: str        # absolute: the engine's workers may not share the driver's working folder
    rel: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Shard:
    index: int
    files: tuple[ShardFile, ...]
    key: str         # what the shard's result depends on: a marker with another key is stale

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


def _stat(f: ingest.InputFile) -> ShardFile:
    path = os.path.abspath(f.path)
    try:
        st = os.stat(path)
        return ShardFile(path, f.rel, st.st_size, st.st_mtime_ns)
    except OSError:         # gone since discovery: its reader reports it
        return ShardFile(path, f.rel, -1, 0)


def plan(files: list[ingest.InputFile], size: int, limits: Limits) -> list[Shard]:
    """Consecutive runs of `size` files, in input order."""
    stated = [_stat(f) for f in files]
    shards = []
    for index, start in enumerate(range(0, len(stated), size)):
        chunk = tuple(stated[start:start + size])
        key = hashlib.sha256(json.dumps([[f.rel, f.size, f.mtime_ns] for f in chunk]
                                        + [limits.seconds, limits.memory_mb]).encode()).hexdigest()
        shards.append(Shard(index, chunk, key))
    return shards


def folder_of(out: Path) -> Path:
    """Where shards leave their parts and markers: beside `--out` (which is replaced whole), so
    that they outlive a killed run."""
    out = Path(os.path.realpath(out))
    return out.parent / f".{out.name}.shards"


class Busy(RuntimeError):
    """Another run is writing to the same --out."""


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """One run at a time into `out`: a second would clear or take the first's shards. The lock
    file sits beside `out` (which is replaced whole), where the local runner's output set puts its
    own, so that the two exclude each other too."""
    out = Path(os.path.realpath(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out.parent / f".{out.name}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(f"another vanban run is writing to {out}; wait for it or choose another --out") from None
        yield
    finally:
        os.close(fd)         # releases the lock


def prepare(folder: Path, resume: bool) -> None:
    if not resume:
        shutil.rmtree(folder, ignore_errors=True)
    (folder / "done").mkdir(parents=True, exist_ok=True)


def _marker_path(folder: Path, shard: Shard) -> Path:
    return folder / "done" / f"{shard.name}.json"


def load_marker(folder: Path, shard: Shard) -> Optional[dict]:
    """The shard's marker when it was done with the same files and limits."""
    try:
        marker = json.loads(_marker_path(folder, shard).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return marker if marker.get("key") == shard.key else None


def _atomically(path: Path, write: Callable[[Path], None]) -> None:
    # the temporary name is the writer's own: two runs of one shard may overlap (a resumed run
    # while the killed run's task still finishes); each rename puts a whole, identical file
    tmp = path.parent / f".{path.name}.tmp-{os.getpid()}-{threading.get_ident()}"
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


class Children:
    """The supervised children of one engine worker, kept from shard task to shard task (a child
    starts in about 0.1 s and warms its caches on the first documents) and closed with the worker.
    One per task running at once (a worker with several threads); a task with other limits or
    other work replaces the idle ones, which are of an earlier run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list = []          # run._Supervisor, each with its child started or not yet
        self._closed = False

    @contextmanager
    def lease(self, limits: Limits, work: Work) -> Iterator:
        with self._lock:
            same = [s for s in self._idle if s.limits == limits and s.work == work]
            for other in [s for s in self._idle if s not in same]:
                other.close()
            sup = same.pop() if same else supervisor(limits, work)
            self._idle = same
        try:
            yield sup
        finally:
            with self._lock:
                if self._closed:
                    sup.close()
                else:
                    self._idle.append(sup)

    def pids(self) -> list[int]:
        """The idle children's process ids."""
        with self._lock:
            return sorted(w.proc.pid for s in self._idle for w in s.workers)

    def close(self) -> None:
        """Stop the idle children; a task still running closes its own as it ends."""
        with self._lock:
            self._closed = True
            for sup in self._idle:
                sup.close()
            self._idle = []


def run_shard(shard: Shard, folder: str, limits: Limits, work: Work = process_batch,
              children: Optional[Children] = None) -> dict:
    """The shard task: its documents through the supervised child (one of `children`, kept for the
    next task; else one started for this task), its parts, then its marker. Returns the marker.
    Runs on an engine's worker thread: every signal-based limit is the child's."""
    folder_path = Path(folder)
    done = load_marker(folder_path, shard)
    if done is not None:         # the task ran before (an engine's retry after a lost worker)
        return done
    if multiprocessing.current_process().daemon:
        raise RuntimeError("vanban runs each shard's documents in child processes, which a daemonic "
                           "process cannot start: start the workers with "
                           "DASK_DISTRIBUTED__WORKER__DAEMON=False (distributed.worker.daemon: false)")
    files = [ingest.InputFile(Path(f.path), f.rel) for f in shard.files]
    docs: list[DocResult] = []
    tables: dict[str, list[pa.Table]] = {}
    with (children.lease(limits, work) if children else nullcontext()) as sup:
        for batch in supervised(files, limits, work, sup):
            docs.extend(batch.docs)
            for name, table in batch.tables.items():
                tables.setdefault(name, []).append(table)
    for name, parts in tables.items():
        (folder_path / name).mkdir(exist_ok=True)
        _atomically(folder_path / name / f"{shard.name}.parquet",
                    lambda tmp, t=pa.concat_tables(parts): pq.write_table(t, tmp))
    # the graph pass's first step for this part, while its citations are at hand (graph/parts.py)
    join = gp.learn(gp.citation_rows(pa.concat_tables(tables["citations"])) if "citations" in tables else [])
    marker = {"key": shard.key, "index": shard.index, "tables": sorted(tables),
              "docs": [asdict(d) for d in docs], "join": gp.join_json(join)}
    _atomically(_marker_path(folder_path, shard),
                lambda tmp: tmp.write_text(json.dumps(marker, ensure_ascii=False), encoding="utf-8"))
    return marker


def _shard_batch(folder: Path, shard: Shard, marker: dict) -> BatchResult:
    """A done shard read back as one batch of the local runner."""
    tables = {name: pq.read_table(folder / name / f"{shard.name}.parquet", schema=ARROW_SCHEMAS[name])
              for name in marker["tables"]}
    return BatchResult([DocResult(**d) for d in marker["docs"]], tables)


class Commit:
    """Merges done shards, in input order, into a new output set beside `out`, as they come (so
    the writing overlaps the shards still running), then switches the set in:

        with Commit(shards, files, skipped, kept, folder, out, on_error) as c:
            c.done(marker)          # each shard's marker, in any order
            summary = c.finish()    # every shard done

    `files` are all the files discovered, `kept` the documents of the published set that an
    incremental run keeps (`incremental.Plan.kept`; the shards are of its `to_read`): their rows
    come first, as in the local runner's set.
    """

    def __init__(self, shards: list[Shard], files: list[ingest.InputFile], skipped: list[tuple[str, str]],
                 kept: dict[str, str], folder: Path, out: Path, on_error: Optional[Callable[[dict], None]] = None):
        self.shards, self.files, self.kept, self.folder, self.on_error = shards, files, kept, folder, on_error
        self.out = Path(os.path.realpath(out))
        self.staging = self.out.parent / f".{self.out.name}.new-{os.getpid()}"
        self.summary = Summary(skipped=len(skipped), documents=len(kept), reused=len(kept))
        self.skipped = skipped
        self.markers: dict[int, dict] = {}
        self.merged = 0                       # shards merged so far: the first ones
        self.seen: dict[str, str] = dict(kept)
        self.parts: list[gp.Part] = []        # of the graph pass: the kept rows, then each shard's
        self.finished = False

    def __enter__(self) -> "Commit":
        self.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir()
        self.writers = {name: TableWriter(self.staging, name) for name in SCHEMAS}
        write_errors(self.writers["errors"], skipped_rows(self.skipped), self.on_error)
        incremental.copy_kept(self.out, self.kept, self.writers)
        self._part((0, 0))
        return self

    def done(self, marker: dict) -> None:
        self.markers[marker["index"]] = marker
        while self.merged < len(self.shards) and self.merged in self.markers:
            self._merge(self.shards[self.merged], self.markers.pop(self.merged))
            self.merged += 1

    def _part(self, since: tuple[int, int], join: Optional[dict] = None) -> None:
        """The rows written since `since` (citations, documents) as a part of the graph pass."""
        now = self._written()
        self.parts.append(gp.Part((since[0], now[0]), (since[1], now[1]), join))

    def _written(self) -> tuple[int, int]:
        return self.writers["citations"].count, self.writers["documents"].count

    def _merge(self, shard: Shard, marker: dict) -> None:
        since = self._written()
        batch = _shard_batch(self.folder, shard, marker)
        for res in account(batch, self.seen, self.summary):
            write_errors(self.writers["errors"], res.errors, self.on_error)
        for name, table in batch.take_tables():
            self.writers[name].write(table)
        # the shard's join holds when all its citations were written (none was of a copy)
        whole = self._written()[0] - since[0] == sum(d["rows"].get("citations", 0) for d in marker["docs"])
        self._part(since, marker.get("join") if whole else None)

    def finish(self, tasks: gp.Map = gp.in_turn) -> Summary:
        """Write the tables, the archive-wide passes and the manifest (last: the set is complete),
        and switch the set in, only when at least one document was read or kept: a run that read
        nothing leaves the previous set. The citation graph is built part by part, the parts' steps
        run by `tasks` (an engine's: pipeline/graph/parts.py)."""
        if self.merged < len(self.shards):
            raise RuntimeError(f"shard {self.shards[self.merged].name} is not done")
        for w in self.writers.values():
            w.commit()
        self.finished = True
        summary = self.summary
        summary.rows = {name: w.count for name, w in self.writers.items()}
        if summary.documents:
            summary.rows.update(archive_passes(
                self.staging, lambda folder: gp.build_tables(folder, self.parts, self.folder / "graph", tasks)))
            # last, as the local runner does: the file list incremental runs start from
            incremental.write_manifest(self.staging, {rel: doc_id for doc_id, rel in self.seen.items()},
                                       self.files, incremental.code_fingerprint())
            swap_in(self.staging, self.out)
            summary.published = True     # as the local runner says it (main's Summary.published)
            shutil.rmtree(self.folder, ignore_errors=True)
        return summary

    def __exit__(self, *exc) -> None:
        if not self.finished:
            for w in self.writers.values():
                w.abort()
        shutil.rmtree(self.staging, ignore_errors=True)     # gone once switched in


# ---------------------------------------------------------------- the swap
# The same contract as the local runner's output set (a staging folder beside `--out` switched in
# whole, with the same exchange: pipeline.outset).

def swap_in(staging: Path, out: Path) -> None:
    """Put the set written in `staging` in place of `out`: a reader of `<out>/<table>.parquet`
    sees the previous set or the new one, never a mix. What `out` held besides tables (a user's
    notes) moves into the new set first. Without an exchange (not Linux), two renames."""
    if not out.exists():
        os.rename(staging, out)
        return
    for entry in os.scandir(out):
        of_a_set = entry.name.endswith(TABLE_SUFFIXES) or entry.name == incremental.MANIFEST
        if not of_a_set and ".tmp-" not in entry.name and not os.path.lexists(staging / entry.name):
            os.rename(entry.path, staging / entry.name)
    if exchange(staging, out):
        shutil.rmtree(staging)                     # the previous set, now here
        return
    aside = out.parent / f".{out.name}.old-{os.getpid()}"
    os.rename(out, aside)
    os.rename(staging, out)
    shutil.rmtree(aside)
