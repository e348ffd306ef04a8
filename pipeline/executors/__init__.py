"""Executors: what runs the documents of `vanban run`.

An executor is called like `pipeline.run.run` (inputs, out_dir, jobs, limits, on_progress,
on_error) and writes the same tables. `local` is that function itself: the embedded runner, worker
processes on this machine, nothing more to install. `dask` runs shards of documents as tasks on a
Dask cluster (`pip install vanban[dask]`), each shard in vanban's own supervised child
(`executors.shards`); Dask is imported only when it is chosen.
"""
from __future__ import annotations

from typing import Callable, Optional

from pipeline.run import Summary

Executor = Callable[..., Summary]

NAMES = ("local", "dask")


class MissingEngine(Exception):
    """The chosen executor's engine is not installed."""


def make(name: str, workers: Optional[int] = None, address: Optional[str] = None,
         shard_size: int = 500, resume: bool = False) -> Executor:
    if name == "local":
        if workers or address or resume:
            raise ValueError("--workers, --address and --resume go with --executor dask")
        from pipeline.run import run
        return run
    if name == "dask":
        if workers and address:
            raise ValueError("--workers starts a cluster on this machine, --address uses a running one: not both")
        try:
            from pipeline.executors.dask_engine import DaskExecutor
        except ImportError as exc:
            raise MissingEngine(f"--executor dask needs Dask: pip install 'vanban[dask]' ({exc})") from None
        return DaskExecutor(workers=workers, address=address, shard_size=shard_size, resume=resume)
    raise ValueError(f"unknown executor {name!r}: one of {', '.join(NAMES)}")
