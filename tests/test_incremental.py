"""Incremental runs: only new and changed files are read, removed files' rows go, and the tables
equal a full run's once sorted."""
import json
import os
import shutil

import pyarrow.parquet as pq
import pytest

from pipeline import incremental, ingest
from pipeline.run import run
from pipeline.tables import SCHEMAS
from tests.conftest import RAW

SEEDS = sorted(RAW.glob("*.txt"))


def sorted_tables(out):
    return {name: sorted(json.dumps(r, sort_keys=True, default=str, ensure_ascii=False)
                         for r in pq.read_table(out / f"{name}.parquet").to_pylist()) for name in SCHEMAS}


@pytest.fixture
def archive(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for p in SEEDS[:3]:
        shutil.copy(p, src / p.name)
    return src


def test_grown_and_changed_archive_equals_a_full_run(archive, tmp_path):
    out = tmp_path / "out"
    assert run([archive], out).documents == 3
    (archive / SEEDS[0].name).unlink()                                       # removed
    changed = archive / SEEDS[1].name
    changed.write_text(changed.read_text(encoding="utf-8").replace("2021", "2022"), encoding="utf-8")
    shutil.copy(SEEDS[3], archive / SEEDS[3].name)                           # added
    shutil.copy(SEEDS[2], archive / "copy.txt")                             # same bytes as a kept one
    os.utime(archive / SEEDS[2].name, ns=(1, 1))                             # touched, same bytes: kept
    summary = run([archive], out)
    assert (summary.reused, summary.documents, summary.skipped) == (1, 3, 1)
    fresh = tmp_path / "fresh"
    run([archive], fresh)
    assert sorted_tables(out) == sorted_tables(fresh)
    assert SEEDS[0].name not in {d["source_path"] for d in pq.read_table(out / "documents.parquet").to_pylist()}


def test_nothing_changed_reads_nothing(archive, tmp_path):
    out = tmp_path / "out"
    (archive / "fifo").mkdir()
    os.mkfifo(archive / "fifo" / "pipe.txt")             # a discovery warning in errors
    run([archive], out)
    before = {name: (out / f"{name}.csv").read_bytes() for name in SCHEMAS}
    assert run([archive], out).reused == 3
    assert {name: (out / f"{name}.csv").read_bytes() for name in SCHEMAS} == before     # byte-identical


def test_full_rebuild_and_other_code_read_everything(archive, tmp_path):
    out = tmp_path / "out"
    run([archive], out)
    assert run([archive], out, full=True).reused == 0
    files, _ = ingest.discover([archive])
    assert len(incremental.plan(out, files, incremental.code_fingerprint()).to_read) == 0
    assert len(incremental.plan(out, files, "other code").to_read) == 3
    (out / "targets.parquet").unlink()                  # an incomplete folder is not trusted
    assert len(incremental.plan(out, files, incremental.code_fingerprint()).to_read) == 3
