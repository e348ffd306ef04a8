"""End to end: `vanban run` over the bundled archive, bad input, atomic and repeatable output."""
import datetime
import json
import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.tables import SCHEMAS
from tests.conftest import FIXTURES, RAW, ROOT

runner = CliRunner()


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("structured")
    result = runner.invoke(app, ["run", str(RAW), "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    return out


def test_every_table_with_its_schema(seeds_out):
    for name, cols in SCHEMAS.items():
        table = pq.read_table(seeds_out / f"{name}.parquet")
        assert table.column_names == [c for c, _ in cols]
        header = (seeds_out / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(f'"{c}"' for c, _ in cols)


def test_documents_of_the_sample_archive(seeds_out):
    docs = {r["source_path"]: r for r in pq.read_table(seeds_out / "documents.parquet").to_pylist()}
    assert sorted(docs) == sorted(p.name for p in RAW.glob("*.txt"))
    d = docs["000_98bcf7eb60a7a694.txt"]
    assert (d["so_hieu"], d["issue_date"], d["place"], d["signer_name"]) == (
        "95-KH/TĐTN-BTCKT", datetime.date(2014, 5, 28), "Rạch Giá", "Lê Hồng Thắm")
    assert docs["004_cbdf8992689afbea.txt"]["so_hieu"] is None
    assert len({d["doc_id"] for d in docs.values()}) == 5


def test_evidence_offsets_point_at_the_source(seeds_out):
    fields = pq.read_table(seeds_out / "fields.parquet").to_pylist()
    docs = {r["doc_id"]: r["source_path"] for r in pq.read_table(seeds_out / "documents.parquet").to_pylist()}
    numbers = [f for f in fields if f["field"] == "so_hieu"]
    assert len(numbers) == 4
    for f in numbers:
        raw = (RAW / docs[f["doc_id"]]).read_text(encoding="utf-8")
        assert raw[f["source_start"]:f["source_end"]].replace(" ", "") == f["value"]
    assert {f["field"] for f in fields} >= {"so_hieu", "issue_date", "place", "title", "signer_name"}


def test_score_on_the_seeds(seeds_out, shared):
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold",
                          str(shared / "eval" / "gold" / "seeds"), "--tables", str(seeds_out), "--json"],
                         capture_output=True, text=True, check=True)
    scores = json.loads(res.stdout)
    assert all(v == 1.0 for k, v in scores.items() if k.startswith("doc."))
    assert scores["recipients.f1"] >= 0.95


def test_rerun_gives_byte_identical_csv(seeds_out, tmp_path):
    result = runner.invoke(app, ["run", str(RAW), "--out", str(tmp_path), "--jobs", "1", "--quiet"])
    assert result.exit_code == 0
    for name in SCHEMAS:
        assert (tmp_path / f"{name}.csv").read_bytes() == (seeds_out / f"{name}.csv").read_bytes()


def test_bad_input_never_stops_the_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(RAW / "003_b41eb5832e784929.txt", src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "junk.txt").write_bytes(bytes(range(256)) * 50)
    (src / "notzip.docx").write_bytes(b"plain text in a docx name")
    (src / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nendobj\n%%EOF")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(src), "--out", str(out)])
    assert result.exit_code == 0
    errors = {r["source_path"]: r for r in pq.read_table(out / "errors.parquet").to_pylist()}
    assert set(errors) == {"empty.txt", "junk.txt", "notzip.docx", "broken.pdf"}
    assert "empty" in errors["empty.txt"]["message"] and "binary" in errors["junk.txt"]["message"]
    assert pq.read_table(out / "documents.parquet").num_rows == 1
    assert "error: junk.txt" in result.output      # a clear line on stderr (mixed in by CliRunner)


def test_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "no document could be read" in result.output


def test_an_interrupted_run_keeps_the_old_tables(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(RAW), "--out", str(out), "-q"]).exit_code == 0
    before = (out / "documents.csv").read_bytes()

    import pipeline.run as run_module

    def boom(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(run_module, "_results", boom)
    with pytest.raises(KeyboardInterrupt):
        run_module.run([RAW], out)
    assert (out / "documents.csv").read_bytes() == before
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]


def test_text_and_show():
    result = runner.invoke(app, ["text", str(RAW / "002_787e1a27f921d241.txt")])
    assert result.exit_code == 0 and "Tăng cường và đổi mới" in result.output   # NFC
    result = runner.invoke(app, ["show", str(FIXTURES / "header_2col.docx")])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert rows["documents"][0]["so_hieu"] == "95-KH/TĐTN-BTCKT"
    assert rows["documents"][0]["place"] == "Rạch Giá"


@pytest.mark.parametrize("name", ["header_2col.docx", "header_2col.pdf", "003_b41eb5832e784929.docx",
                                  "000_98bcf7eb60a7a694.pdf"])
def test_other_formats_give_the_header(name):
    from pipeline import analyze_file

    row = analyze_file(FIXTURES / name).tables()['documents'][0]
    expected = {"header_2col": ("95-KH/TĐTN-BTCKT", "Rạch Giá", "2014-05-28"),
                "003_b41eb5832e784929": ("15-KH/ĐTN", "TP. Hồ Chí Minh", "2018-02-09"),
                "000_98bcf7eb60a7a694": ("95-KH/TĐTN-BTCKT", "Rạch Giá", "2014-05-28")}[name.rsplit(".", 1)[0]]
    assert (row["so_hieu"], row["place"], row["issue_date"]) == expected


def test_every_command_is_documented():
    readme = (RAW.parent.parent / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__.replace("_", "-")
        assert f"vanban {name}" in readme, name
        assert runner.invoke(app, [name, "--help"]).exit_code == 0


def test_vanban_processes_keep_pandas_out():
    """pyarrow would import pandas (0.4 s per process) the first time it builds an array."""
    code = ("import sys; from pipeline.processes import without_pandas; without_pandas(); "
            "from pipeline.tables import arrow_table; arrow_table('errors', [{'source_path': 'a'}]); "
            "assert 'pandas' not in sys.modules; print('ok')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "ok", result.stderr


def test_a_file_with_the_same_bytes_is_read_once(tmp_path):
    """The copy shares a batch with its original: its rows are cut out of the batch's tables."""
    seed = (RAW / "003_b41eb5832e784929.txt").read_text(encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    for n in range(16):
        (src / f"plan-{n:02d}.txt").write_text(f"{seed}\n{n}\n", encoding="utf-8")
    once, twice = tmp_path / "once", tmp_path / "twice"
    assert runner.invoke(app, ["run", str(src), "--out", str(once), "-q"]).exit_code == 0
    shutil.copy(src / "plan-04.txt", src / "plan-04b.txt")
    from pipeline import ingest
    from pipeline.run import _batches
    assert [f.rel for f in _batches(ingest.discover([src])[0], 1)[2]] == ["plan-04.txt", "plan-04b.txt"]
    result = runner.invoke(app, ["run", str(src), "--out", str(twice)])
    assert result.exit_code == 0 and "skipped: 1" in result.output
    for name in SCHEMAS:
        if name != "errors":
            assert (once / f"{name}.csv").read_bytes() == (twice / f"{name}.csv").read_bytes(), name
    [error] = pq.read_table(twice / "errors.parquet").to_pylist()
    assert error["source_path"] == "plan-04b.txt" and error["message"] == "same bytes as plan-04.txt; not repeated"


def test_rows_of_left_out_documents_are_cut_from_a_batch():
    from pipeline.run import BatchResult, DocResult, _without
    from pipeline.tables import arrow_table
    docs = [DocResult(f"{n}.txt", str(n), ok=True, rows={"recipients": n}) for n in (2, 1, 3)]
    rows = [{"doc_id": str(n), "recipient": f"{n}-{i}"} for n in (2, 1, 3) for i in range(n)]
    batch = BatchResult(docs, {"recipients": arrow_table("recipients", rows)})
    assert _without(batch, set())["recipients"] is batch.tables["recipients"]
    kept = _without(batch, {1})["recipients"].column("recipient").to_pylist()
    assert kept == ["2-0", "2-1", "3-0", "3-1", "3-2"]
    assert _without(batch, {0, 1, 2})["recipients"].num_rows == 0


def test_workers_never_import_pandas():
    """Not even while they import their modules, before their own code runs (the fork server
    keeps it out: pipeline.tether)."""
    from pipeline.processes import forkserver_context
    ctx = forkserver_context()
    with ctx.Pool(1) as pool:
        assert pool.apply(_pandas_imported) is False


def test_workers_allocate_with_the_system_allocator():
    """Arrow's C++ default allocator in a worker is the system's (mimalloc would reserve a gigabyte
    of address space at its first IPC write, past the worker's cap: pipeline.tether)."""
    from pipeline.processes import forkserver_context
    with forkserver_context().Pool(1) as pool:
        assert pool.apply(_arrow_default_pool) == "system"


def _arrow_default_pool() -> str:
    import pyarrow as pa
    return pa.default_memory_pool().backend_name


def _pandas_imported() -> bool:
    import pyarrow as pa

    import pipeline.run  # noqa: F401 - what a worker imports first
    pa.array(["x"])
    return "pandas" in sys.modules
