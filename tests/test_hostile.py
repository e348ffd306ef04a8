"""Hostile and broken files, generated here: each gets a precise `errors` row, the batch goes on,
and per-document limits hold. (Zip bombs and DTDs in .docx: see test_ingest.py.)"""
import os
import shutil
import time

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline import ingest
from pipeline.cli import app
from pipeline.models import StageError
from tests.conftest import FIXTURES, RAW

runner = CliRunner()


def _pdf(objects: list[str], trailer: str = "") -> bytes:
    """A minimal PDF with a correct cross-reference table."""
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


CATALOG = "<< /Type /Catalog /Pages 2 0 R >>"
PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"
ENCRYPTED_PDF = _pdf([CATALOG, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE,
                      f"<< /Filter /Standard /V 1 /R 2 /O <{'11' * 32}> /U <{'22' * 32}> /P -4 >>"],
                     "/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ")
LOOPING_PDF = _pdf([CATALOG, "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", PAGE])
# An encrypted .docx is an OLE compound file holding an 'EncryptedPackage' stream.
ENCRYPTED_OFFICE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
                    + "EncryptedPackage".encode("utf-16-le") + bytes(2000))


@pytest.mark.parametrize("name, data, message", [
    ("locked.pdf", ENCRYPTED_PDF, "encrypted PDF"),
    ("loop.pdf", LOOPING_PDF, "damaged page tree"),
    ("locked.docx", ENCRYPTED_OFFICE, "encrypted Office"),
    ("half.pdf", (FIXTURES / "000_98bcf7eb60a7a694.pdf").read_bytes()[:9000], "unreadable PDF"),
    ("half.docx", (FIXTURES / "header_2col.docx").read_bytes()[:9000], "not a valid .docx"),
    ("fake.pdf", b"%PDF-1.7\n" + os.urandom(3000), "unreadable PDF"),
])
def test_broken_file_is_a_stage_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(StageError, match=message) as err:
        ingest.read(path)
    assert err.value.stage == "ingest"


def test_huge_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(ingest.MAX_FILE_BYTES + 1)        # sparse: costs no disk
    with pytest.raises(StageError, match="limit"):
        ingest.read(big)


def test_a_batch_of_hostile_files_goes_on(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(RAW / "003_b41eb5832e784929.txt", src / "kế hoạch số 15.txt")      # spaces, diacritics
    shutil.copy(RAW / "000_98bcf7eb60a7a694.txt", src / "-leading-dash.txt")
    shutil.copy(RAW / "001_03bc90b34ed02236.txt", os.fsencode(src / "sub") + b"/latin1-\xe9t\xe9.txt")
    (src / "locked.pdf").write_bytes(ENCRYPTED_PDF)
    (src / "loop.pdf").write_bytes(LOOPING_PDF)
    (src / "locked.doc").write_bytes(ENCRYPTED_OFFICE)
    with open(src / "huge.txt", "wb") as fh:
        fh.truncate(ingest.MAX_FILE_BYTES + 1)
    os.mkfifo(src / "pipe.txt")
    (src / "sub" / "loop").symlink_to(src, target_is_directory=True)
    (src / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(src), "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    docs = sorted(r["source_path"] for r in pq.read_table(out / "documents.parquet").to_pylist())
    assert docs == ["-leading-dash.txt", "kế hoạch số 15.txt", "sub/latin1-\ufffdt\ufffd.txt"]
    errors = {r["source_path"]: r for r in pq.read_table(out / "errors.parquet").to_pylist()}
    assert "encrypted PDF" in errors["locked.pdf"]["message"]
    assert "damaged page tree" in errors["loop.pdf"]["message"]
    assert "encrypted Office" in errors["locked.doc"]["message"]
    assert "limit" in errors["huge.txt"]["message"]
    assert errors["pipe.txt"]["stage"] == "discover" and errors["dangling.txt"]["stage"] == "discover"
    assert "skipped: 2" in result.output and "failed: 4" in result.output


def test_per_document_limits(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(RAW / "003_b41eb5832e784929.txt", src / "small.txt")
    seed = (RAW / "004_cbdf8992689afbea.txt").read_text(encoding="utf-8")
    body, closing = seed.split("Nơi nhận:", 1)     # one plan whose body runs on: ~10 MB to read
    (src / "slow.txt").write_text(body * 400 + "Nơi nhận:" + closing, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(src), "--out", str(out), "--time-limit", "1", "--memory-limit", "300"])
    assert result.exit_code == 0, result.output
    errors = {r["source_path"]: r for r in pq.read_table(out / "errors.parquet").to_pylist()}
    assert errors["slow.txt"]["stage"] == "limits"
    assert pq.read_table(out / "documents.parquet").num_rows == 1


def crash_or_hang(items):
    """A worker that dies on `crash-*`, hangs past the alarm (as a C reader can) on `hang-*` and
    fails outside a document's own error handling on `boom-*`."""
    import signal
    import time

    from pipeline.run import process_batch
    for path, _ in items:
        if path.name.startswith("crash"):
            os._exit(3)
        if path.name.startswith("boom"):
            raise RuntimeError("out of memory in Arrow")
        if path.name.startswith("hang"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(600)
    return process_batch(items)


def test_a_crashing_hanging_or_failing_worker_costs_only_its_document(tmp_path):
    from pipeline.run import Limits, _batches, _results
    names = [f"{'crash' if n == 7 else 'hang' if n == 12 else 'boom' if n == 3 else 'plan'}-{n:02d}.txt"
             for n in range(16)]
    files = []
    for n, name in enumerate(names):
        (tmp_path / name).write_text(f"KẾ HOẠCH\nSố: {n}-KH/ĐTN\n", encoding="utf-8")
        files.append(ingest.InputFile(tmp_path / name, name))
    assert len(_batches(files, 1)[0]) > 1           # the culprits share a batch with good documents
    docs = [d for batch in _results(files, 1, Limits(seconds=1), work=crash_or_hang) for d in batch.docs]
    assert [d.source_path for d in docs] == names                      # every document, in order
    failed = {d.source_path: d.errors[0]["message"] for d in docs if not d.ok}
    assert failed == {"boom-03.txt": "internal error in the worker: RuntimeError: out of memory in Arrow",
                      "crash-07.txt": "the reader crashed the worker process (exit code 3); skipped",
                      "hang-12.txt": "the reader hung past 1 s; worker stopped"}


def hang_once_started(items):
    """Posts each document's start as process_batch does, and hangs past the alarm on `hang-*`
    (noting each attempt in `attempts` beside it)."""
    import signal
    import time

    from pipeline import run
    for i, (path, _) in enumerate(items):
        run._started(i)
        if path.name.startswith("hang"):
            with open(path.parent / "attempts", "a") as fh:
                fh.write(path.name + "\n")
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(600)
    return run.process_batch(items)


def test_the_document_a_worker_posted_as_started_is_the_one_reported_hung(tmp_path):
    """The parent reads which document runs from the worker's start board: the hung one is reported
    at once, never retried (it would hang again), and only the others are read again alone."""
    from pipeline.run import Limits, _results
    names = ["plan-0.txt", "plan-1.txt", "hang-2.txt", "plan-3.txt"]
    files = []
    for n, name in enumerate(names):
        (tmp_path / name).write_text(f"KẾ HOẠCH\nSố: {n}-KH/ĐTN\n", encoding="utf-8")
        files.append(ingest.InputFile(tmp_path / name, name))
    docs = [d for batch in _results(files, 1, Limits(seconds=1), work=hang_once_started) for d in batch.docs]
    assert [(d.source_path, d.ok) for d in docs] == [(n, not n.startswith("hang")) for n in names]
    assert docs[2].errors[0]["message"] == "the reader hung past 1 s; worker stopped"
    assert (tmp_path / "attempts").read_text() == "hang-2.txt\n"


def test_start_board_words():
    import multiprocessing

    from pipeline.run import StartBoard
    board = StartBoard(multiprocessing.get_context("spawn"))
    assert board.started(1) is None                     # nothing posted: task 0 is nobody's
    before = time.monotonic()
    board.post(3, 5)
    doc, since = board.started(3)
    assert doc == 5 and before - 0.002 <= since <= time.monotonic()
    assert board.started(2) is None and board.started(3 + 4096) is not None   # task numbers wrap at 2**12
    board.post(4097, 1 << 20 | 7)                        # so do document indexes, at 2**20
    assert board.started(1)[0] == 7


def test_a_task_given_to_a_worker_that_just_died_is_not_lost(tmp_path):
    """A worker that dies between being chosen and being sent its task (its pipe is closed): the
    send fails quietly, the dead idle worker is replaced, and the task runs on the new one."""
    from pipeline.run import Limits, _Supervisor, _Task, process_batch

    (tmp_path / "plan.txt").write_text("KẾ HOẠCH\nSố: 1-KH/ĐTN\n", encoding="utf-8")
    sup = _Supervisor(1, Limits(seconds=5), process_batch, None)
    try:
        sup.queue.append(_Task(0, 0, [ingest.InputFile(tmp_path / "plan.txt", "plan.txt")]))
        first = sup._worker_for(sup.queue[0])
        first.proc.kill()
        first.proc.join()
        assert first.give(sup.queue[0]) is False and first.task is None
        while (result := sup.batch(0, 1)) is None:
            sup.dispatch()
            sup.poll(1.0)
        assert first not in sup.workers
        assert [(d.source_path, d.ok) for d in result.docs] == [("plan.txt", True)]
    finally:
        sup.close()


def test_a_batch_crosses_the_pipe_whole():
    """BatchResult through pickle (the pipe): each table as its own Arrow IPC stream, read back
    equal, dates still dates; documents and spilled files as they were."""
    import pickle

    from pipeline.run import BatchResult, DocResult, process_batch
    batch = process_batch([(RAW / name, name) for name in sorted(p.name for p in RAW.glob("*.txt"))[:2]])
    assert {"documents", "sections", "citations"} <= set(batch.tables)
    back = pickle.loads(pickle.dumps(batch))
    assert back.docs == batch.docs and back.spilled == batch.spilled == {}
    assert set(back.tables) == set(batch.tables)
    for name, table in batch.tables.items():
        assert back.tables[name].equals(table), name
    assert str(back.tables["documents"].schema.field("issue_date").type) == "date32[day]"
    empty = pickle.loads(pickle.dumps(BatchResult([DocResult("x", None)], {})))
    assert empty.tables == {} and empty.docs == [DocResult("x", None)]
