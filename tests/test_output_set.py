"""The output set is one unit (typo run, concurrent run, kill -9 while writing), and supervision
that blames only the culprit and leaves no process behind. Every input is generated here."""
import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline import ingest, outset
from pipeline.incremental import MANIFEST
from pipeline.cli import app
from pipeline.tables import SCHEMAS
from tests.conftest import ROOT

runner = CliRunner()
VANBAN = [sys.executable, "-c", "from pipeline.cli import main; main()"]


def plan(n: int) -> str:
    return (f"ĐOÀN TNCS HỒ CHÍ MINH\nBCH TỈNH ĐOÀN\nSố: {n}-KH/TĐTN\n\nKẾ HOẠCH\nvề công tác năm 2024\n"
            f"I. MỤC ĐÍCH\n1. Tổ chức {n} buổi sinh hoạt.\n- Đạt 90% đoàn viên tham gia.\n")


def archive(folder: Path, count: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        (folder / f"plan-{n:04d}.txt").write_text(plan(n), encoding="utf-8")
    return folder


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def doc_ids(out: Path) -> set[str]:
    return set(pq.read_table(out / "documents.parquet").column("source_path").to_pylist())


@pytest.fixture
def previous(tmp_path) -> Path:
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(archive(tmp_path / "old", 3)), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_a_typo_leaves_the_previous_set_untouched(tmp_path, previous):
    before = snapshot(previous)
    result = runner.invoke(app, ["run", str(tmp_path / "typo"), "--out", str(previous)])
    assert result.exit_code == 1
    assert "no input documents found" in result.output and "left as they were" in result.output
    assert snapshot(previous) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "old", "out"]   # nothing left over


def test_a_second_run_on_the_same_out_stops(tmp_path, previous):
    before = snapshot(previous)
    with open(tmp_path / ".out.lock", "w") as held:          # what a running `vanban run` holds
        fcntl.flock(held, fcntl.LOCK_EX)
        result = runner.invoke(app, ["run", str(archive(tmp_path / "new", 2)), "--out", str(previous)])
    assert result.exit_code == 1 and "another vanban run is writing to" in result.output
    assert snapshot(previous) == before


def test_every_table_comes_from_the_same_run_and_other_files_stay(tmp_path, previous):
    (previous / "notes.md").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["run", str(archive(tmp_path / "new", 2, start=100)), "--out", str(previous), "-q"])
    assert result.exit_code == 0, result.output
    assert doc_ids(previous) == {"plan-0100.txt", "plan-0101.txt"}
    tables = {f"{n}.{ext}" for n in SCHEMAS for ext in ("parquet", "csv")}
    assert {p.name for p in previous.iterdir()} == tables | {"vanban.duckdb", MANIFEST, "notes.md"}
    assert (previous / "notes.md").read_text(encoding="utf-8") == "mine"


def test_without_the_atomic_exchange_two_renames_and_a_recovery(tmp_path, previous, monkeypatch):
    monkeypatch.setattr(outset, "exchange", lambda a, b: False)
    assert runner.invoke(app, ["run", str(archive(tmp_path / "new", 2, start=100)), "--out", str(previous), "-q"]).exit_code == 0
    assert doc_ids(previous) == {"plan-0100.txt", "plan-0101.txt"}
    # killed between the two renames: no <out>, the old set aside; the next run puts it back first
    previous.rename(tmp_path / ".out.old-4242")
    (tmp_path / ".out.new-4243").mkdir()
    with outset.OutputSet(previous):
        assert doc_ids(previous) == {"plan-0100.txt", "plan-0101.txt"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "new", "old", "out"]


def test_kill_9_while_writing_keeps_the_previous_set(tmp_path, previous):
    before = snapshot(previous)
    src = archive(tmp_path / "new", 400, start=1000)
    proc = subprocess.Popen([*VANBAN, "run", str(src), "--out", str(previous), "-q", "--jobs", "1"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not any(".tmp-" in p.name for d in tmp_path.glob(".out.new-*") for p in d.iterdir()):
            assert proc.poll() is None and time.monotonic() < deadline, "the run ended before it wrote"
            time.sleep(0.02)
        time.sleep(0.3)                      # some batches written into the new set
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert snapshot(previous) == before
    assert list(tmp_path.glob(".out.new-*"))         # the half-written set, which the next run removes
    assert runner.invoke(app, ["run", str(src), "--out", str(previous), "-q"]).exit_code == 0
    assert len(doc_ids(previous)) == 400 and not list(tmp_path.glob(".out.new-*"))


def segfault_on_crash(items):
    """A reader that crashes its worker (SIGSEGV) on `crash-*`."""
    from pipeline.run import process_batch
    for path, _ in items:
        if path.name.startswith("crash"):
            os.kill(os.getpid(), signal.SIGSEGV)
    return process_batch(items)


def test_a_segfault_costs_only_its_own_document(tmp_path):
    from pipeline.run import Limits, _results
    archive(tmp_path, 50)
    (tmp_path / "crash-0025.txt").write_text(plan(9999), encoding="utf-8")
    files, _ = ingest.discover([tmp_path])
    for _ in range(10):
        docs = [d for batch in _results(files, 2, Limits(seconds=5), work=segfault_on_crash) for d in batch.docs]
        assert [d.source_path for d in docs] == [f.rel for f in files]
        assert [(d.source_path, d.errors[0]["message"]) for d in docs if not d.ok] == [
            ("crash-0025.txt", "the reader crashed the worker process (signal SIGSEGV); skipped")]
        assert sum(d.ok for d in docs) == 50


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    children.setdefault(int(fh.read().rsplit(")", 1)[1].split()[1]), []).append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    found, stack = set(), [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.add(child)
            stack.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_nothing_outlives_a_killed_run(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "long.txt").write_text(plan(1) * 40000, encoding="utf-8")      # keeps a worker busy
    archive(src, 40)
    proc = subprocess.Popen([*VANBAN, "run", str(src), "--out", str(tmp_path / "out"), "-q", "--jobs", "2"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while len(procs := _descendants(proc.pid)) < 3:         # the fork server and two workers
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        proc.kill()
    finally:
        proc.wait()
    time.sleep(2)
    left = {p: open(f"/proc/{p}/cmdline", "rb").read()[:200] for p in procs if _alive(p)}
    assert left == {}


def hang_inside_a_document(items):
    """A reader that hangs (where the alarm cannot reach) inside the document `hang-*`, after the
    worker said it started it."""
    import pipeline.api as api
    import pipeline.run as run
    parts = api.table_parts

    def stuck(path, rel):
        if path.name.startswith("hang"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(600)
        return parts(path, rel)
    api.table_parts = stuck
    return run.process_batch(items)


def test_a_hang_inside_a_document_is_blamed_on_it_alone(tmp_path):
    from pipeline.run import Limits, _batches, _results
    archive(tmp_path, 40)
    (tmp_path / "hang-0005.txt").write_text(plan(5555), encoding="utf-8")
    files, _ = ingest.discover([tmp_path])
    assert len(_batches(files, 1)[0]) > 1
    docs = [d for batch in _results(files, 1, Limits(seconds=1), work=hang_inside_a_document) for d in batch.docs]
    assert [d.source_path for d in docs] == [f.rel for f in files]
    assert [(d.source_path, d.errors[0]["message"]) for d in docs if not d.ok] == [
        ("hang-0005.txt", "the reader hung past 1 s; worker stopped")]


def test_a_write_that_fails_midway_leaves_the_previous_set_and_no_temporary_file(tmp_path, previous, monkeypatch):
    """Batches are written in a thread of their own (run._write_batch): its failure reaches the
    run, which aborts every table and publishes nothing."""
    from pipeline import run
    before = snapshot(previous)
    written = []

    def failing(writers, batch, errors):
        if written:
            raise OSError("disk full")
        written.append(batch)
        plain(writers, batch, errors)
    plain = run._write_batch
    monkeypatch.setattr(run, "_write_batch", failing)
    with pytest.raises(OSError, match="disk full"):
        run.run([archive(tmp_path / "new", 40)], previous, jobs=2)
    assert snapshot(previous) == before
    assert not [p for p in tmp_path.rglob("*") if ".tmp" in p.name or p.name.startswith(".spill")]


def test_a_graph_pass_that_fails_while_tables_are_committed_publishes_nothing(tmp_path, previous, monkeypatch):
    """The graph pass runs while the last tables are still being committed (run._commit_all): its
    failure reaches the run, which publishes nothing and leaves no temporary file."""
    from pipeline import run
    before = snapshot(previous)

    def broken(folder):
        raise RuntimeError("graph pass failed")
    monkeypatch.setattr(run.graph, "build_tables", broken)
    with pytest.raises(RuntimeError, match="graph pass failed"):
        run.run([archive(tmp_path / "new", 40)], previous, jobs=2)
    assert snapshot(previous) == before
    assert not [p for p in tmp_path.rglob("*") if ".tmp" in p.name or p.name.startswith(".spill")]


def test_commit_all_runs_its_pass_once_the_tables_it_reads_are_published(tmp_path):
    from pipeline.run import _commit_all
    from pipeline.tables import TableWriter
    writers = {name: TableWriter(tmp_path, name) for name in SCHEMAS}
    for name in ("sections", "assignments"):
        writers[name].write_rows([{"doc_id": f"d{i}", "source_path": "x"} for i in range(3)])

    def graph_pass():
        return sorted(p.name for p in tmp_path.glob("*.parquet"))
    seen = _commit_all(writers, ("citations", "documents"), graph_pass)
    assert {"citations.parquet", "documents.parquet"} <= set(seen)
    assert sorted(p.name for p in tmp_path.glob("*.parquet")) == sorted(f"{n}.parquet" for n in SCHEMAS)
    assert not list(tmp_path.glob(".*tmp*"))


def test_a_worker_result_pipe_holds_a_batch():
    """A worker's results go through a pipe widened to PIPE_BYTES (Linux), so that it starts its
    next batch while the writer is busy."""
    from pipeline.processes import forkserver_context
    from pipeline.run import PIPE_BYTES, _widen
    reader, writer = forkserver_context().Pipe(duplex=False)
    _widen(writer)
    if not hasattr(fcntl, "F_GETPIPE_SZ") or int(Path("/proc/sys/fs/pipe-max-size").read_text()) < PIPE_BYTES:
        pytest.skip("this system does not let a process widen a pipe that far")
    assert fcntl.fcntl(writer.fileno(), fcntl.F_GETPIPE_SZ) >= PIPE_BYTES
    writer.send_bytes(b"x" * (PIPE_BYTES - 1024))       # no reader yet: it would block in a default pipe
    assert len(reader.recv_bytes()) == PIPE_BYTES - 1024
