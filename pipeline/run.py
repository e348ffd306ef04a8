"""The batch: every input file through ingest → normalize → segment → extract, into the tables.

Documents run in worker processes in small batches, results taken in input order, a bounded
number in flight; a worker sends each batch's rows as Arrow tables, so the writer does no per-row
work. A document that fails gets a row in `errors` and the batch goes on. A worker that dies (a
crash in a C reader) is replaced and its documents are retried one by one, so that only the one
that crashes it is reported.
"""
from __future__ import annotations

import resource
import signal
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

import pyarrow as pa

from pipeline import graph, ingest
from pipeline.extract import document_fields, extract_all
from pipeline.models import StageError
from pipeline.normalize import normalize
from pipeline.processes import forkserver_context, without_pandas
from pipeline.segment import segment
from pipeline.tables import SCHEMAS, TableWriter, arrow_table, record_rows


@dataclass
class Analysis:
    """Everything the pipeline knows about one document (what `vanban show` prints)."""

    doc_id: str
    source_path: str
    raw: object
    doc: object
    found: dict


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


def analyze(path: Path, rel: str) -> Analysis:
    """Read, normalize, segment and extract one file (raises StageError)."""
    digest = ingest.file_digest(path)
    doc_id = ingest.doc_id_for(digest)
    raw = ingest.read(path)
    try:
        norm = normalize(raw.text, wrapped=raw.source_format == "pdf")
        doc = segment(norm, doc_id, rel)
    except (StageError, MemoryError):
        raise
    except Exception as exc:
        raise StageError("normalize/segment", f"{type(exc).__name__}: {exc}") from exc
    try:
        found = extract_all(doc)
    except MemoryError:
        raise
    except Exception as exc:
        raise StageError("extract", f"{type(exc).__name__}: {exc}") from exc
    return Analysis(doc_id, rel, raw, doc, found)


def document_row(a: Analysis) -> dict:
    raw, doc = a.raw, a.doc
    row = {"doc_id": a.doc_id, "source_path": a.source_path, "source_format": raw.source_format,
           "text_source": raw.text_source, "encoding": raw.encoding,
           "encoding_confidence": raw.encoding_confidence, "text_confidence": raw.text_confidence,
           "pages": raw.pages, "n_chars": len(doc.text)}
    for name, fv in document_fields(a.found.get("fields", [])).items():
        row[name] = fv.value if fv else None
    return row


def to_rows(a: Analysis) -> dict[str, list[dict]]:
    doc = a.doc
    tables = {"documents": [document_row(a)]}
    for name, records in a.found.items():
        tables[name] = record_rows(name, a.doc_id, records, doc.norm)
    tables["sections"] = record_rows("sections", a.doc_id, [
        {**vars(s), "section_index": s.index, "parent_index": s.parent} for s in doc.sections], None)
    tables["errors"] = [error_row(a.source_path, a.doc_id, p.stage, p.message, p.severity, p.page)
                        for p in a.raw.problems]
    return tables


def error_row(path, doc_id, stage, message, severity="error", page=None) -> dict:
    return {"source_path": path, "doc_id": doc_id, "stage": stage, "severity": severity,
            "message": message, "page": page}


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
    # below would refuse at random; the system allocator takes what it needs
    pa.set_memory_pool(pa.system_memory_pool())
    signal.signal(signal.SIGALRM, _on_alarm)
    try:
        # the cap is on top of what the interpreter and its libraries already map
        cap = _address_space() + limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ValueError, OSError):
        pass


def _pool(jobs: int, limits: Limits) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(limits,),
                               mp_context=forkserver_context())


def _failed(rel: str, stage: str, message: str, doc_id: Optional[str] = None, severity: str = "error") -> DocResult:
    return DocResult(rel, doc_id, errors=[error_row(rel, doc_id, stage, message, severity)])


def process_file(path: Path, rel: str) -> tuple[DocResult, dict[str, list[dict]]]:
    """One document under the per-document alarm: never raises; failures become `errors` rows."""
    signal.alarm(_limits.seconds)
    try:
        a = analyze(path, rel)
        tables = to_rows(a)
        return DocResult(rel, a.doc_id, ok=True, errors=tables.pop("errors")), tables
    except StageError as exc:
        return _failed(rel, exc.stage, exc.message), {}
    except _Timeout:
        return _failed(rel, "limits", f"took longer than {_limits.seconds} s; skipped"), {}
    except MemoryError:
        return _failed(rel, "limits", f"needed more than {_limits.memory_mb} MB; skipped"), {}
    except Exception as exc:  # a bug must not stop the batch: report it with its place
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return _failed(rel, "internal", f"internal error {type(exc).__name__}: {exc} "
                                        f"({Path(where.filename).name}:{where.lineno})"), {}
    finally:
        signal.alarm(0)


def process_batch(items: list[tuple[Path, str]]) -> BatchResult:
    """Worker entry point: the documents of a batch, their rows gathered into one Arrow table per
    table."""
    docs, rows = [], {}
    for path, rel in items:
        res, tables = process_file(path, rel)
        for name, table_rows in tables.items():
            rows.setdefault(name, []).extend(table_rows)
            res.rows[name] = len(table_rows)
        docs.append(res)
    return BatchResult(docs, {name: arrow_table(name, r) for name, r in rows.items() if r})


BATCH_MAX = 16     # documents per task: amortizes the hand-over, small enough to keep both cores busy


def _batches(files: list[ingest.InputFile], jobs: int) -> list[list[ingest.InputFile]]:
    size = max(1, min(BATCH_MAX, len(files) // (8 * jobs)))
    return [files[i:i + size] for i in range(0, len(files), size)]


Work = Callable[[list[tuple[Path, str]]], BatchResult]


def _results(files: list[ingest.InputFile], jobs: int, limits: Limits,
             work: Work = process_batch) -> Iterator[BatchResult]:
    """Batch results in input order, at most 3 × jobs batches in flight. When a worker dies or
    hangs, the pool is replaced and the batches in flight are retried; the failed batch one
    document at a time, so that a single document is reported."""
    queue = _batches(files, jobs)
    queue.reverse()        # popped from the end
    window = 3 * jobs
    pending: list = []
    pool = _pool(jobs, limits)
    try:
        while True:
            while len(pending) < window and queue:
                batch = queue.pop()
                pending.append((batch, pool.submit(work, [(f.path, f.rel) for f in batch])))
            if not pending:
                return
            batch, fut = pending.pop(0)
            try:
                # the head batch is running (dispatch is in order) and each document has its alarm:
                # past all their limits, the worker is stuck where the alarm cannot reach
                yield fut.result(timeout=limits.seconds * len(batch) + 3)
                continue
            except BrokenProcessPool:
                stage, failure = "limits", "the reader crashed the worker process; skipped"
            except FutureTimeout:
                stage, failure = "limits", f"the reader hung past {limits.seconds} s; worker stopped"
                for proc in list(getattr(pool, "_processes", {}).values()):
                    proc.kill()
            except Exception as exc:     # raised in the worker outside a document's own handling
                stage, failure = "internal", f"internal error in the worker: {type(exc).__name__}: {exc}"
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _pool(jobs, limits)
            # retried in order (the queue pops from its end): the failed batch first, one document
            # at a time, then the batches that were in flight
            queue.extend(b for b, _ in reversed(pending))
            pending = []
            if len(batch) > 1:
                queue.extend([f] for f in reversed(batch))
            else:
                yield BatchResult([_failed(batch[0].rel, stage, failure)], {})
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


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


def supervised(files: list[ingest.InputFile], limits: Limits, work: Work = process_batch) -> Iterator[BatchResult]:
    """The documents of `files` in one supervised worker process (`_results`), batch results in
    input order: what the task of a sharded run does with its shard."""
    return _results(files, 1, limits, work)


def account(batch: BatchResult, seen: dict[str, str],
            summary: Summary) -> tuple[list[DocResult], dict[str, pa.Table]]:
    """The batch's documents as reported, counted in `summary`, and its tables without the rows of
    a second file with the same bytes, which becomes a warning (`seen`: doc_id → first
    source_path, the first in input order wins). Shared with the executors that merge shards."""
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
    return reported, _without(batch, duplicates)


@dataclass
class Summary:
    documents: int = 0
    failed: int = 0
    skipped: int = 0
    rows: dict = field(default_factory=dict)


PostPass = Callable[[Path], dict]
POST_PASSES: list[PostPass] = [graph.build_tables]     # archive-wide tables built from the written ones


def run(inputs: list[Path], out_dir: Path, jobs: int = 1, limits: Limits = Limits(),
        on_progress: Optional[Callable[[int, int, DocResult], None]] = None,
        on_error: Optional[Callable[[dict], None]] = None) -> Summary:
    out_dir.mkdir(parents=True, exist_ok=True)
    files, skipped = ingest.discover(inputs)
    summary = Summary(skipped=len(skipped))
    writers = {name: TableWriter(out_dir, name) for name in SCHEMAS}
    seen: dict[str, str] = {}
    try:
        for rel, reason in skipped:
            if reason != "unsupported file type":
                row = error_row(rel, None, "discover", f"skipped: {reason}", "warning")
                writers["errors"].write_rows([row])
                on_error and on_error(row)
        n = 0
        for batch in _results(files, max(1, jobs), limits):
            duplicates = set()
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
                if res.errors:
                    writers["errors"].write_rows(res.errors)
                    for row in res.errors:
                        on_error and on_error(row)
                n += 1
                on_progress and on_progress(n, len(files), res)
            for name, table in _without(batch, duplicates).items():
                writers[name].write(table)
        for w in writers.values():
            w.commit()
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    summary.rows = {name: w.count for name, w in writers.items()}
    for post in POST_PASSES:
        summary.rows.update(post(out_dir))
    return summary

