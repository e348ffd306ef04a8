"""The manifest: one row per input file of a run, keyed by its content hash.

It is what a later run needs to know what an earlier one did with each file, without reading the
tables: where the file was (`source_path`), how it looked on disk (`size`, `mtime_ns`: when both
are unchanged the content is taken as unchanged and need not be hashed again), what it was
(`doc_id`, the content hash the tables are keyed by), which shard of a sharded run held it and how
it ended (`status`). `--resume` of a sharded run and incremental runs read the same file.

It is written last into the output set (`_manifest.parquet`; the leading underscore keeps it out of
dataset readers that glob `*.parquet` the Hive way), so its presence says the set is complete.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional

import pyarrow as pa
import pyarrow.parquet as pq

NAME = "_manifest.parquet"
SCHEMA = pa.schema([("source_path", pa.string()), ("size", pa.int64()), ("mtime_ns", pa.int64()),
                    ("doc_id", pa.string()), ("shard", pa.int64()), ("status", pa.string())])

OK, FAILED, DUPLICATE = "ok", "failed", "duplicate"     # read; refused (see errors); same bytes as another


def entry(source_path: str, size: int, mtime_ns: int, doc_id: Optional[str], shard: Optional[int],
          status: str) -> dict:
    return {"source_path": source_path, "size": size, "mtime_ns": mtime_ns, "doc_id": doc_id,
            "shard": shard, "status": status}


def write(out_dir: Path, rows: Iterable[dict]) -> Path:
    """Write the manifest atomically (a temporary name, then a rename)."""
    path = out_dir / NAME
    tmp = out_dir / f".{NAME}.tmp-{os.getpid()}"
    pq.write_table(pa.Table.from_pylist(list(rows), schema=SCHEMA), tmp)
    os.replace(tmp, path)
    return path


def read(out_dir: Path) -> list[dict]:
    """The manifest of a finished run, or [] when the folder has none."""
    path = out_dir / NAME
    return pq.read_table(path).to_pylist() if path.exists() else []

