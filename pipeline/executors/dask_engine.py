"""The `dask` executor: shards of documents as tasks on a Dask cluster.

Dask schedules, moves the work to where workers are and replaces lost workers; it has no
per-task time limit or memory cap, and a document that crashes its reader would kill the worker
and, after a few tries, fail the whole run (`KilledWorker`). So a task never reads a document
itself: it hands its shard to vanban's supervised child (`shards.run_shard`), which reports such a
document as one `errors` row. Tasks are not retried on their own errors (`retries=0`); Dask
reruns a task only when its worker is lost, and the shard's files make that rerun harmless.
"""
from __future__ import annotations

import multiprocessing.forkserver
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from pipeline import incremental, ingest
from pipeline.executors import shards as sh
from pipeline.graph.parts import Map
from pipeline.processes import start_forkserver
from pipeline.run import DocResult, Limits, Summary, Work, process_batch


class VanbanWorker(WorkerPlugin):
    """On each Dask worker: starts the fork server that vanban's supervised children come from
    (it holds the extractors already loaded, so a child starts in about 0.1 s) and holds the
    supervised children that the worker's shard tasks reuse one after the other (`children`);
    stops both when the worker closes."""

    name = "vanban"
    # registered once per worker: registering again would tear it down under the tasks of another
    # run sharing the cluster (or of a killed run, still finishing)
    idempotent = True

    def setup(self, worker) -> None:
        self.children = sh.Children()
        start_forkserver()

    def teardown(self, worker) -> None:
        self.children.close()
        # private, but the only way to stop the server before the worker's interpreter exits
        stop = getattr(multiprocessing.forkserver._forkserver, "_stop", None)
        if stop is not None:
            stop()


def shard_task(shard: sh.Shard, folder: str, limits: Limits, work: Work) -> dict:
    """`shards.run_shard` with the children its worker keeps (`VanbanWorker`)."""
    plugin = get_worker().plugins.get(VanbanWorker.name)
    return sh.run_shard(shard, folder, limits, work, plugin.children if plugin else None)


def _stop_children(dask_worker) -> None:
    plugin = dask_worker.plugins.get(VanbanWorker.name)
    if plugin is not None:
        plugin.children.close()


def local_cluster(workers: Optional[int] = None) -> LocalCluster:
    """A cluster on this machine: one process per worker, one thread each (a shard's documents
    run in its child: more threads would only add children), on 127.0.0.1, no dashboard."""
    # workers start children (the fork server and the supervised child), which daemonic
    # processes may not; set for good, not for the call: a nanny reads it again each time it
    # restarts a lost worker
    dask.config.set({"distributed.worker.daemon": False})
    return LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                        processes=True, host="127.0.0.1", dashboard_address=None)


@dataclass
class DaskExecutor:
    workers: Optional[int] = None      # of the local cluster started when there is no address
    address: Optional[str] = None      # a running scheduler, tcp://HOST:8786
    shard_size: int = 500
    resume: bool = False
    work: Work = field(default=process_batch)     # what the child runs on a batch (tests swap it)
    shards: int = 0                    # of the last run: all of them, and those run (not resumed)
    shards_run: int = 0

    def __call__(self, inputs: list[Path], out: Path, jobs: int = 1, limits: Limits = Limits(),
                 on_progress: Optional[Callable[[int, int, DocResult], None]] = None,
                 on_error: Optional[Callable[[dict], None]] = None, full: bool = False) -> Summary:
        """As `pipeline.run.run`, incremental runs included (the same manifest: a set written by
        either executor is continued by the other). `jobs` is the local runner's: a shard runs in
        one child, and a cluster's parallelism is its workers."""
        with sh.locked(out):
            return self._run(inputs, out, limits, on_progress, on_error, full)

    def _run(self, inputs: list[Path], out: Path, limits: Limits,
             on_progress: Optional[Callable[[int, int, DocResult], None]],
             on_error: Optional[Callable[[dict], None]], full: bool) -> Summary:
        files, skipped = ingest.discover(inputs)
        # the plan reads the published set's manifest; only the files to read are sharded
        work = incremental.Plan(files) if full else incremental.plan(out, files, incremental.code_fingerprint())
        shards = sh.plan(work.to_read, max(1, self.shard_size), limits)
        folder = sh.folder_of(out)
        sh.prepare(folder, self.resume)
        markers = [sh.load_marker(folder, s) for s in shards]
        todo = [s for s, m in zip(shards, markers) if m is None]
        self.shards, self.shards_run = len(shards), len(todo)
        n = 0
        with sh.Commit(shards, files, skipped, work.kept, folder, out, on_error) as commit:
            for marker in filter(None, markers):
                commit.done(marker)
                n += len(marker["docs"])
            if not shards and not work.kept:       # nothing read or kept: the previous set stays
                return commit.finish()
            with self._client() as client:
                if todo:
                    client.register_plugin(VanbanWorker())
                    futures = [client.submit(shard_task, s, str(folder), limits, self.work, pure=False, retries=0)
                               for s in todo]
                    try:
                        for fut in as_completed(futures):
                            marker = fut.result()
                            commit.done(marker)       # merges every shard now complete in input order
                            for d in marker["docs"]:
                                n += 1
                                on_progress and on_progress(n, len(work.to_read), DocResult(**d))
                    except BaseException:
                        client.cancel(futures)
                        raise
                    if not self.address:
                        # the run's own cluster ends with the run: its children need not stay
                        # through the graph pass and the database (their memory adds to the driver's)
                        client.run(_stop_children)
                return commit.finish(tasks_on(client))     # the graph pass's parts as tasks too

    @contextmanager
    def _client(self) -> Iterator[Client]:
        """A client of the cluster at `address`, or of a local cluster started for the run."""
        cluster = None if self.address else local_cluster(self.workers)
        try:
            with Client(self.address or cluster) as client:
                yield client
        finally:
            if cluster is not None:
                cluster.close()


def tasks_on(client: Client) -> Map:
    """The graph pass's Map (`pipeline.graph.parts`): one task per item on the cluster, what every
    task shares sent to each worker once, the results taken in order (each let go once taken)."""
    def run(fn: Callable, items: list, **shared) -> Iterator:
        sent = {name: client.scatter([value], broadcast=True, hash=False)[0] for name, value in shared.items()}
        futures = client.map(fn, items, pure=False, retries=0, **sent)
        futures.reverse()
        try:
            while futures:
                yield futures.pop().result()
        except BaseException:
            client.cancel(futures)
            raise
    return run
