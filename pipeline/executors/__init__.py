"""Executors: what runs the documents of `vanban run`.

`local` is the embedded runner (`pipeline.run`: worker processes on this machine, nothing to
install). `dask` runs shards of documents as tasks on a Dask cluster (`pip install vanban[dask]`),
each shard in vanban's own supervised child (`executors.shards`); dask is imported only when it is
chosen. Both write the same tables.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Protocol

from pipeline.run import DocResult, Limits, Summary

Progress = Optional[Callable[[int, int, DocResult], None]]
OnError = Optional[Callable[[dict], None]]

NAMES = ("local", "dask")


class Executor(Protocol):
    def run(self, inputs: list[Path], out: Path, limits: Limits, on_progress: Progress = None,
            on_error: OnError = None) -> Summary: ...


@dataclass
class LocalExecutor:
    jobs: int = 1

    def run(self, inputs: list[Path], out: Path, limits: Limits, on_progress: Progress = None,
            on_error: OnError = None) -> Summary:
        from pipeline.run import run
        return run(inputs, out, self.jobs, limits, on_progress, on_error)


class MissingEngine(Exception):
    """The chosen executor's engine is not installed."""


def make(name: str, jobs: int = 1, workers: Optional[int] = None, address: Optional[str] = None,
         shard_size: int = 500, resume: bool = False) -> Executor:
    if name == "local":
        if workers or address or resume:
            raise ValueError("--workers, --address and --resume go with --executor dask")
        return LocalExecutor(jobs)
    if name == "dask":
        if workers and address:
            raise ValueError("--workers starts a cluster on this machine, --address uses a running one: not both")
        try:
            from pipeline.executors.dask_engine import DaskExecutor
        except ImportError as exc:
            raise MissingEngine(f"--executor dask needs Dask: pip install 'vanban[dask]' ({exc})") from None
        return DaskExecutor(workers=workers, address=address, shard_size=shard_size, resume=resume)
    raise ValueError(f"unknown executor {name!r}: one of {', '.join(NAMES)}")
