"""The batch: every input file through ingest → normalize → segment → extract, into the tables.

Documents run in worker processes, in order, a bounded number in flight; one that fails gets a
row in `errors` and the batch goes on. A worker that dies (a crash in a C reader) is replaced and
only the documents it held are reported.
"""
from __future__ import annotations

import multiprocessing
import resource
import signal
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from pipeline import graph, ingest
from pipeline.extract import document_fields, extract_all
from pipeline.models import StageError
from pipeline.normalize import normalize
from pipeline.segment import segment
from pipeline.tables import SCHEMAS, TableWriter, columns, record_rows



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
    tables: dict = field(default_factory=dict)     # table → columns (see tables.columns)
    ok: bool = False


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
    signal.signal(signal.SIGALRM, _on_alarm)
    try:
        # the cap is on top of what the interpreter and its libraries already map
        cap = _address_space() + limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ValueError, OSError):
        pass


def _pool(jobs: int, limits: Limits) -> ProcessPoolExecutor:
    # forkserver: workers start from a small clean process, not a copy of the writer's pyarrow state
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(limits,),
                               mp_context=multiprocessing.get_context("forkserver"))


def _failed(rel: str, stage: str, message: str, doc_id: Optional[str] = None, severity: str = "error") -> DocResult:
    return DocResult(rel, doc_id, {"errors": columns("errors", [error_row(rel, doc_id, stage, message, severity)])})


def process_file(path: Path, rel: str) -> DocResult:
    """Worker entry point: never raises; failures become `errors` rows."""
    signal.alarm(_limits.seconds)
    try:
        a = analyze(path, rel)
        return DocResult(rel, a.doc_id, {name: columns(name, rows) for name, rows in to_rows(a).items()}, ok=True)
    except StageError as exc:
        return _failed(rel, exc.stage, exc.message)
    except _Timeout:
        return _failed(rel, "limits", f"took longer than {_limits.seconds} s; skipped")
    except MemoryError:
        return _failed(rel, "limits", f"needed more than {_limits.memory_mb} MB; skipped")
    except Exception as exc:  # a bug must not stop the batch: report it with its place
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return _failed(rel, "internal", f"internal error {type(exc).__name__}: {exc} "
                                        f"({Path(where.filename).name}:{where.lineno})")
    finally:
        signal.alarm(0)


def _results(files: list[ingest.InputFile], jobs: int, limits: Limits) -> Iterator[DocResult]:
    """Results in input order; at most 4 × jobs documents in flight. A worker that dies or hangs
    is replaced; the document it held is reported and the others in flight are retried."""
    window = max(2, 4 * jobs)
    pending: list = []
    pool = _pool(jobs, limits)
    it = iter(files)
    try:
        while True:
            while len(pending) < window:
                f = next(it, None)
                if f is None:
                    break
                pending.append((f, pool.submit(process_file, f.path, f.rel)))
            if not pending:
                return
            f, fut = pending.pop(0)
            try:
                # a document waits behind at most `window` others, each bounded by the alarm
                yield fut.result(timeout=(limits.seconds + 5) * (window // jobs + 1))
                continue
            except BrokenProcessPool:
                yield _failed(f.rel, "limits", "the reader crashed the worker process; skipped")
            except FutureTimeout:
                yield _failed(f.rel, "limits", f"the reader hung past {limits.seconds} s; worker stopped")
                for proc in list(getattr(pool, "_processes", {}).values()):
                    proc.kill()
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _pool(jobs, limits)
            pending = [(g, pool.submit(process_file, g.path, g.rel)) for g, _ in pending]
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


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
                writers["errors"].write(columns("errors", [row]))
                on_error and on_error(row)
        for n, res in enumerate(_results(files, max(1, jobs), limits), start=1):
            if res.ok and res.doc_id in seen:
                res = _failed(res.source_path, "ingest", f"same bytes as {seen[res.doc_id]}; not repeated",
                              res.doc_id, "warning")
                summary.skipped += 1
            elif res.ok:
                seen[res.doc_id] = res.source_path
                summary.documents += 1
            else:
                summary.failed += 1
            for name, cols in res.tables.items():
                writers[name].write(cols)
            errors = res.tables.get("errors")
            if errors and on_error:
                for values in zip(*errors.values()):
                    on_error(dict(zip(errors, values)))
            on_progress and on_progress(n, len(files), res)
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

