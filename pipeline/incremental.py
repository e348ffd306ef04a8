"""Incremental runs: a run into a folder that already holds a run's tables reads only the files
that are new or changed, keeps the rows of the others, drops those of removed files, and gives
tables that equal a full run's once sorted (the archive-wide graph and the database are rebuilt
from all rows).

The manifest (`.vanban-manifest.json` beside the tables) lists each document read: its source
path, size, modification time and doc_id (the content hash). A file whose size and time are
unchanged is taken as unchanged; otherwise its content hash decides. The manifest also holds a
fingerprint of the code and the table schemas: after an upgrade, every file is read again.
Files that failed are not in the manifest, so they are tried again on every run.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import ingest
from pipeline.tables import ARROW_SCHEMAS, TableWriter

MANIFEST = ".vanban-manifest.json"
REBUILT = {"citation_edges", "cited_documents"}      # archive-wide: built again after every run
ROOT = Path(__file__).resolve().parent.parent


def code_fingerprint() -> str:
    """A hash of the pipeline's and extractors' sources and of the table schemas: rows written by
    other code are not reused."""
    h = hashlib.sha256(repr(sorted((k, str(v)) for k, v in ARROW_SCHEMAS.items())).encode())
    for folder in ("pipeline", "extractors"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            h.update(path.relative_to(ROOT).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _stat(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


@dataclass
class Plan:
    """What an incremental run reads, and which earlier documents it keeps."""

    to_read: list            # ingest.InputFile: new and changed files
    kept: dict = field(default_factory=dict)      # doc_id → source_path of the unchanged documents


def plan(out_dir: Path, files: list, fingerprint: str) -> Plan:
    """Split the discovered files into those to read and the earlier documents to keep."""
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Plan(files)
    if manifest.get("fingerprint") != fingerprint or not all(
            (out_dir / f"{name}.parquet").exists() for name in ARROW_SCHEMAS if name not in REBUILT):
        return Plan(files)
    before = manifest.get("files", {})
    out = Plan([])
    for f in files:
        old = before.get(f.rel)
        try:
            same = old is not None and (_stat(f.path) == old[:2]
                                        or ingest.doc_id_for(ingest.file_digest(f.path)) == old[2])
        except OSError:
            same = False
        if same and old[2] not in out.kept:
            out.kept[old[2]] = f.rel
        else:
            out.to_read.append(f)
    return out


def copy_kept(out_dir: Path, kept: dict, writers: dict[str, TableWriter]) -> None:
    """The earlier rows of the kept documents into the new tables: a row is kept when both its
    doc_id and its source path are a kept document's (a file skipped as a copy of a kept one has
    the same doc_id; it is read again, like failed files, and its errors row made again)."""
    if not kept:
        return
    ids = pa.array(sorted(kept), pa.string())
    paths = pa.array(sorted(kept.values()), pa.string())
    for name, writer in writers.items():
        if name in REBUILT:
            continue
        for batch in pq.ParquetFile(out_dir / f"{name}.parquet").iter_batches(batch_size=20000):
            table = pa.Table.from_batches([batch])
            mask = pc.and_(pc.is_in(table["doc_id"], value_set=ids), pc.is_in(table["source_path"], value_set=paths))
            writer.write(table if pc.all(mask).as_py() else table.filter(mask))


def write_manifest(out_dir: Path, read: dict[str, str], files: list, fingerprint: str) -> None:
    """Record the documents of the tables just written (source path → doc_id), atomically."""
    paths = {f.rel: f.path for f in files}
    entries = {}
    for rel, doc_id in sorted(read.items()):
        try:
            entries[rel] = [*_stat(paths[rel]), doc_id]
        except (OSError, KeyError):
            continue
    tmp = out_dir / f".{MANIFEST}.tmp-{os.getpid()}"
    tmp.write_text(json.dumps({"fingerprint": fingerprint, "files": entries}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, out_dir / MANIFEST)
