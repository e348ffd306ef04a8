"""The dask executor against the local runner: the same tables, one errors row per bad document,
resume after a kill, no process left; and the local runner without dask installed."""
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import incremental
from pipeline.run import Limits, run
from pipeline.tables import SCHEMAS
from tests.conftest import RAW, ROOT

VANBAN = Path(sys.executable).parent / "vanban"


def _load_bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = bench          # its dataclass looks its module up
    spec.loader.exec_module(bench)
    return bench


def assert_same_tables(a: Path, b: Path) -> None:
    """Every table byte for byte (CSV), so rows and their order too."""
    for name in SCHEMAS:
        assert (a / f"{name}.csv").read_bytes() == (b / f"{name}.csv").read_bytes(), name
        assert pq.read_table(a / f"{name}.parquet").equals(pq.read_table(b / f"{name}.parquet")), name


# ---------------------------------------------------------------- without a cluster
def test_the_local_default_needs_no_dask(tmp_path):
    """Every process of the run (the command, the fork server, its workers) refuses dask."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import sys\n"
        "class NoDask:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.partition('.')[0] in ('dask', 'distributed'):\n"
        "            raise ImportError('dask is blocked in this test')\n"
        "sys.meta_path.insert(0, NoDask())\n")
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{ROOT}"}
    out = tmp_path / "out"
    done = subprocess.run([str(VANBAN), "run", str(RAW), "--out", str(out), "--quiet"],
                          env=env, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert pq.read_table(out / "documents.parquet").num_rows == 5
    done = subprocess.run([str(VANBAN), "run", str(RAW), "--out", str(tmp_path / "x"), "--executor", "dask"],
                          env=env, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2 and "pip install 'vanban[dask]'" in done.stderr


@pytest.mark.parametrize("args, message", [
    (["--executor", "spark"], "unknown executor 'spark'"),
    (["--resume"], "go with --executor dask"),
    (["--executor", "dask", "--workers", "2", "--address", "tcp://127.0.0.1:8786"], "not both"),
])
def test_executor_options_that_do_not_fit(tmp_path, args, message):
    from typer.testing import CliRunner

    from pipeline.cli import app
    result = CliRunner().invoke(app, ["run", str(RAW), "--out", str(tmp_path / "out"), *args])
    assert result.exit_code == 2 and message in result.output and not (tmp_path / "out").exists()


def test_shards_are_consecutive_and_keyed_by_their_files(tmp_path):
    from pipeline import ingest
    from pipeline.executors import shards as sh
    for n in range(5):
        (tmp_path / f"{n}.txt").write_text(f"văn bản {n}", encoding="utf-8")
    files, _ = ingest.discover([tmp_path])
    plan = sh.plan(files, 2, Limits())
    assert [[f.rel for f in s.files] for s in plan] == [["0.txt", "1.txt"], ["2.txt", "3.txt"], ["4.txt"]]
    assert [s.name for s in plan] == ["part-00000", "part-00001", "part-00002"]
    (tmp_path / "3.txt").write_text("đổi nội dung", encoding="utf-8")
    again = sh.plan(files, 2, Limits())
    assert [s.key == t.key for s, t in zip(plan, again)] == [True, False, True]
    assert sh.plan(files, 2, Limits(seconds=5))[0].key != plan[0].key


def test_the_swap_replaces_the_tables_and_keeps_other_files(tmp_path):
    from pipeline.executors.shards import swap_in
    out, staging = tmp_path / "out", tmp_path / ".out.new-1"
    out.mkdir()
    staging.mkdir()
    (out / "documents.csv").write_text("old")
    (out / "stale.parquet").write_text("old")
    (out / "notes.md").write_text("mine")
    (staging / "documents.csv").write_text("new")
    swap_in(staging, out)
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv", "notes.md"]
    assert (out / "documents.csv").read_text() == "new" and (out / "notes.md").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


# ---------------------------------------------------------------- on a cluster
needs_dask = pytest.mark.skipif(importlib.util.find_spec("distributed") is None,
                                reason="dask is not installed (pip install 'vanban[dask]')")


@pytest.fixture(scope="module")
def cluster():
    from pipeline.executors.dask_engine import local_cluster
    with local_cluster(2) as c:
        yield c.scheduler_address


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """40 perturbed copies of the seeds, a file with the same bytes as one of another shard, one
    with the same bytes as its neighbour, and an empty file; with the local runner's tables."""
    root = tmp_path_factory.mktemp("archive")
    _load_bench().make_archive(root / "in", 40, 0)
    txt = root / "in" / "txt" / "000"
    shutil.copy(txt / "plan_00003.txt", txt / "plan_00036_copy.txt")
    shutil.copy(txt / "plan_00020.txt", txt / "plan_00020_copy.txt")
    (txt / "plan_00011_empty.txt").write_bytes(b"")
    local = root / "local"
    summary = run([root / "in"], local, 2, Limits())
    assert (summary.documents, summary.failed, summary.skipped) == (40, 1, 2)
    return root / "in", local


def dask_executor(cluster, shard_size=7, **kw):
    from pipeline.executors.dask_engine import DaskExecutor
    return DaskExecutor(address=cluster, shard_size=shard_size, **kw)


def dask_run(cluster, inputs, out, shard_size=7, limits=Limits(), **kw):
    return dask_executor(cluster, shard_size, **kw)(inputs, out, limits=limits)


@needs_dask
def test_same_tables_as_the_local_runner(cluster, archive, tmp_path):
    inputs, local = archive
    out = tmp_path / "out"
    summary = dask_run(cluster, [inputs], out)
    assert (summary.documents, summary.failed, summary.skipped) == (40, 1, 2)
    assert_same_tables(local, out)
    # the manifest incremental runs start from: every document read, with its content hash
    listed = json.loads((out / incremental.MANIFEST).read_text(encoding="utf-8"))
    assert listed["fingerprint"] == incremental.code_fingerprint()
    docs = pq.read_table(local / "documents.parquet").to_pylist()
    assert {rel: entry[2] for rel, entry in listed["files"].items()} == {d["source_path"]: d["doc_id"] for d in docs}
    # no staging folder, no shard parts left: only the lock file stays beside the output
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


@needs_dask
def test_same_tables_on_the_sample_archive(cluster, tmp_path):
    local, out = tmp_path / "local", tmp_path / "dask"
    run([RAW], local, 1, Limits())
    dask_run(cluster, [RAW], out, shard_size=2)
    assert_same_tables(local, out)
    # run again: nothing to read, every document kept, no shard; the graph's tasks only
    again = dask_executor(cluster, 2)
    assert (again([RAW], out).reused, again.shards) == (5, 0)
    assert_same_tables(local, out)


@needs_dask
def test_a_segfault_and_a_hang_cost_one_errors_row_each(cluster, tmp_path):
    seed = (RAW / "003_b41eb5832e784929.txt").read_text(encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    names = [f"{'segv' if n == 5 else 'hang' if n == 9 else 'plan'}-{n:02d}.txt" for n in range(12)]
    for n, name in enumerate(names):
        (src / name).write_text(f"{seed}\n{n}\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = dask_run(cluster, [src], out, shard_size=4, limits=Limits(seconds=1), work=_faults().segv_or_hang)
    assert (summary.documents, summary.failed) == (10, 2)
    errors = pq.read_table(out / "errors.parquet").to_pylist()
    # in input order (discovery sorts by name), as the local runner writes them
    assert [(e["source_path"], e["stage"]) for e in errors] == [("hang-09.txt", "limits"), ("segv-05.txt", "limits")]
    written = pq.read_table(out / "documents.parquet").column("source_path").to_pylist()
    assert written == [n for n in names if n.startswith("plan")]
    # the children that replaced the crashed and the hung one are kept, and serve the next run
    # (same limits, same work) as well
    kept = sorted(p for pids in _idle_children(cluster).values() for p in pids)
    assert kept and all(Path(f"/proc/{p}").exists() for p in kept)
    again = dask_run(cluster, [src], tmp_path / "again", shard_size=4, limits=Limits(seconds=1),
                     work=_faults().segv_or_hang)
    assert (again.documents, again.failed) == (10, 2)
    assert_same_tables(out, tmp_path / "again")


@needs_dask
def test_the_graph_steps_run_as_tasks_results_in_order(cluster):
    from distributed import Client

    from pipeline.executors.dask_engine import tasks_on
    with Client(cluster) as client:
        got = list(tasks_on(client)(lambda v, offset: (v + offset, os.getpid()), [3, 1, 2], offset=10))
    assert [v for v, _ in got] == [13, 11, 12]
    assert os.getpid() not in {pid for _, pid in got}


def _sorted_rows(out: Path, name: str) -> list:
    return sorted(pq.read_table(out / f"{name}.parquet").to_pylist(), key=repr)


def _grow(archive: Path) -> None:
    """An archive changed since its last run: a file added, one changed, one removed."""
    txt = archive / "txt" / "000"
    changed = (txt / "plan_00007.txt").read_text(encoding="utf-8")
    (txt / "plan_00007.txt").write_text(changed.replace("2", "3", 3), encoding="utf-8")
    (txt / "plan_00099_added.txt").write_text(
        (txt / "plan_00008.txt").read_text(encoding="utf-8") + "\nPhụ lục kèm theo.\n", encoding="utf-8")
    (txt / "plan_00015.txt").unlink()


@needs_dask
@pytest.mark.parametrize("first", ["local", "dask"])
def test_incremental_runs_continue_a_set_of_either_executor(cluster, archive, tmp_path, first):
    """A set written by one executor, the archive grown, then an incremental run of each executor
    from a copy of that set: the same tables, byte for byte, and a full local run's once sorted."""
    inputs = tmp_path / "in"
    shutil.copytree(archive[0], inputs)
    before = tmp_path / "before"
    if first == "local":
        run([inputs], before, 2, Limits())
    else:
        dask_run(cluster, [inputs], before)
    _grow(inputs)
    for name in ("local", "dask"):
        shutil.copytree(before, tmp_path / name)
    kept_by_local = run([inputs], tmp_path / "local", 1, Limits())
    kept_by_dask = dask_run(cluster, [inputs], tmp_path / "dask")
    assert kept_by_dask == kept_by_local
    assert (kept_by_dask.documents, kept_by_dask.reused, kept_by_dask.failed, kept_by_dask.skipped) == (40, 38, 1, 2)
    assert_same_tables(tmp_path / "local", tmp_path / "dask")
    assert (json.loads((tmp_path / "dask" / incremental.MANIFEST).read_text(encoding="utf-8"))
            == json.loads((tmp_path / "local" / incremental.MANIFEST).read_text(encoding="utf-8")))
    # nothing changed since: every document kept; only the empty file and the two copies are read
    # again (not in the manifest), as by the local runner
    unchanged = dask_executor(cluster)
    assert (unchanged([inputs], tmp_path / "dask").reused, unchanged.shards) == (40, 1)
    assert_same_tables(tmp_path / "local", tmp_path / "dask")
    run([inputs], tmp_path / "full", 1, Limits())
    for name in SCHEMAS:
        assert _sorted_rows(tmp_path / "dask", name) == _sorted_rows(tmp_path / "full", name), name


def _children_of(out: Path) -> dict[str, int]:
    """source path → pid of the child that read it (`faults.with_pid`)."""
    return {e["source_path"]: int(e["message"].split()[1])
            for e in pq.read_table(out / "errors.parquet").to_pylist() if e["stage"] == "test"}


def _idle_children(cluster) -> dict[str, list[int]]:
    from distributed import Client

    with Client(cluster) as client:
        return client.run(lambda dask_worker: dask_worker.plugins["vanban"].children.pids())


@needs_dask
def test_a_worker_keeps_its_child_across_shard_tasks_and_runs(cluster, archive, tmp_path):
    inputs, _ = archive
    first = dask_executor(cluster, 4, work=_faults().with_pid)
    first([inputs], tmp_path / "a")
    read_by = _children_of(tmp_path / "a")
    assert len(read_by) == 41 and first.shards == 11      # the two copies are warnings instead
    # 11 shards on 2 workers, each worker's shards in one child, still there after the run
    idle = sorted(p for pids in _idle_children(cluster).values() for p in pids)
    assert sorted(set(read_by.values())) == idle and 1 <= len(idle) <= 2
    # the next run (same limits, same work) reads with the same children
    dask_executor(cluster, 4, work=_faults().with_pid)([inputs], tmp_path / "b")
    assert set(_children_of(tmp_path / "b").values()) <= set(idle)
    # other limits: new children, the earlier ones stopped
    dask_run(cluster, [inputs], tmp_path / "c", shard_size=4, limits=Limits(seconds=30), work=_faults().with_pid)
    again = set(_children_of(tmp_path / "c").values())
    assert again and not again & set(idle)
    assert not [p for p in idle if Path(f"/proc/{p}").exists()]


def _faults():
    from tests import faults
    return faults


@needs_dask
def test_a_second_run_into_the_same_folder_stops_at_once(tmp_path):
    """Before any cluster starts: it would clear or take the first run's shards."""
    import fcntl

    from pipeline.executors.shards import Busy
    out = tmp_path / "out"
    with open(tmp_path / ".out.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(Busy, match="another vanban run is writing to"):
            dask_run("tcp://127.0.0.1:1", [RAW], out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock"]


@needs_dask
def test_a_killed_run_resumes_with_only_the_undone_shards(cluster, archive, tmp_path):
    inputs, local = archive
    out = tmp_path / "out"
    done = tmp_path / ".out.shards" / "done"
    proc = subprocess.Popen([str(VANBAN), "run", str(inputs), "--out", str(out), "--executor", "dask",
                             "--address", cluster, "--shard-size", "4", "--quiet"], cwd=ROOT)
    try:
        while len(list(done.glob("*.json"))) < 3 and proc.poll() is None:
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    before = len(list(done.glob("*.json")))
    assert 3 <= before < 11 and not out.exists()
    resumed = dask_executor(cluster, 4, resume=True)
    summary = resumed([inputs], out)
    assert summary.documents == 40
    assert_same_tables(local, out)
    # only the shards without a marker ran (the killed run's last tasks may have finished since)
    assert resumed.shards == 11 and resumed.shards_run <= 11 - before
    assert not (tmp_path / ".out.shards").exists()


@needs_dask
def test_no_process_is_left_after_a_run_on_its_own_cluster(tmp_path):
    """Every process the run starts carries the tag in its environment: none may remain."""
    tag = f"vanban-test-{uuid.uuid4()}"
    out = tmp_path / "out"
    done = subprocess.run([str(VANBAN), "run", str(RAW), "--out", str(out), "--executor", "dask",
                           "--workers", "2", "--shard-size", "2", "--quiet"],
                          env={**os.environ, "VANBAN_TEST_TAG": tag}, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert pq.read_table(out / "documents.parquet").num_rows == 5
    left = []
    for entry in os.listdir("/proc"):
        try:
            if entry.isdigit() and tag.encode() in Path(f"/proc/{entry}/environ").read_bytes():
                left.append(Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ")[:200])
        except OSError:
            continue
    assert left == []
