"""Table schemas and the atomic, streaming writer (Parquet + CSV).

Rows are written as documents finish, so memory does not grow with the archive; each table goes
to a temporary file that replaces the old one only when the run completes, so an interrupted run
never leaves a half-written table.
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any, Iterable, Optional

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from pipeline.models import NormText

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
SPAN = [("start", I), ("end", I), ("source_start", I), ("source_end", I)]

SCHEMAS: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [
        ("doc_id", S), ("source_path", S), ("source_format", S), ("text_source", S), ("encoding", S),
        ("encoding_confidence", F), ("text_confidence", F), ("pages", I), ("n_chars", I),
        ("so_hieu", S), ("doc_type", S), ("issue_date", S), ("place", S), ("issuing_body", S),
        ("parent_body", S), ("title", S), ("signer_name", S), ("signer_title", S), ("signing_authority", S),
    ],
    "fields": [("doc_id", S), ("field", S), ("value", S), *SPAN, ("confidence", F), ("method", S),
               ("source_text", S)],
    "sections": [("doc_id", S), ("section_index", I), ("parent_index", I), ("level", I), ("kind", S),
                 ("label", S), ("path", S), ("heading", S), ("start", I), ("end", I)],
    "recipients": [("doc_id", S), ("recipient", S), ("purpose", S), *SPAN],
    "citations": [("doc_id", S), ("cited_type", S), ("cited_number", S), ("cited_symbol", S),
                  ("cited_date", S), ("cited_issuer", S), ("relation", S), ("cited_key", S), ("mention", S),
                  *SPAN, ("source_text", S), ("evidence", S)],
    "targets": [("doc_id", S), ("value", F), ("value_max", F), ("unit", S), ("is_percent", B),
                ("comparator", S), ("scope", S), ("period", S), ("section", S), ("text", S), *SPAN,
                ("denominator", F)],
    "deadlines": [("doc_id", S), ("due", S), ("recurrence", S), ("raw", S), ("task", S), ("assignee", S),
                  ("section", S), *SPAN],
    "assignments": [("doc_id", S), ("assignee", S), ("role", S), ("task", S), ("deadline", S),
                    ("section", S), ("person_name", S), ("position", S), *SPAN],
    "citation_edges": [("doc_id", S), ("cited_key", S), ("relation", S), ("count", I), ("first_start", I),
                       ("cited_doc_id", S)],
    "cited_documents": [("cited_key", S), ("cited_type", S), ("cited_number", S), ("cited_symbol", S),
                        ("cited_date", S), ("cited_issuer", S), ("cited_by", I), ("doc_id", S)],
    "errors": [("source_path", S), ("doc_id", S), ("stage", S), ("severity", S), ("message", S), ("page", I)],
}
SNIPPET = 300


def record_rows(table: str, doc_id: str, records: Iterable[Any], norm: Optional[NormText]) -> list[dict]:
    """Plain rows for a table from extractor records (dataclasses or dicts)."""
    cols = [c for c, _ in SCHEMAS[table]]
    rows = []
    for rec in records:
        row = dict(vars(rec)) if dataclasses.is_dataclass(rec) else dict(rec)   # shallow: fields are plain
        row["doc_id"] = doc_id
        start, end = row.get("start"), row.get("end")
        if norm is not None and start is not None and end is not None:
            row["source_start"], row["source_end"] = norm.to_source(start, end)
            if "source_text" in cols and not row.get("source_text"):
                row["source_text"] = norm.text[start:end][:SNIPPET]
        rows.append({c: row.get(c) for c in cols})
    return rows


CSV_OPTIONS = pacsv.WriteOptions(include_header=True, quoting_style="needed")


def columns(table: str, rows: list[dict]) -> dict[str, list]:
    """Rows as columns: what workers send, so the writer does no per-row work."""
    return {c: [r.get(c) for r in rows] for c, _ in SCHEMAS[table]}


class TableWriter:
    """Streams one table to `<name>.csv` and `<name>.parquet` through temporary files."""

    def __init__(self, out_dir: Path, name: str, batch_rows: int = 5000):
        self.name, self.out_dir = name, out_dir
        self.schema = pa.schema(SCHEMAS[name])
        self.tmp_csv = out_dir / f".{name}.csv.tmp-{os.getpid()}"
        self.tmp_pq = out_dir / f".{name}.parquet.tmp-{os.getpid()}"
        self._pq = pq.ParquetWriter(str(self.tmp_pq), self.schema)
        self._csv = pacsv.CSVWriter(str(self.tmp_csv), self.schema, write_options=CSV_OPTIONS)
        self._batch: dict[str, list] = {c: [] for c in self.schema.names}
        self._pending = 0
        self.batch_rows = batch_rows
        self.count = 0

    def write(self, cols: dict[str, list]) -> None:
        """Append rows given as columns (see `columns`)."""
        n = len(next(iter(cols.values()), []))
        for c, values in cols.items():
            self._batch[c].extend(values)
        self._pending += n
        self.count += n
        if self._pending >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            table = pa.Table.from_pydict(self._batch, schema=self.schema)
            self._pq.write_table(table)
            self._csv.write_table(table)
            self._batch = {c: [] for c in self.schema.names}
            self._pending = 0

    def commit(self) -> None:
        self._flush()
        self._pq.close()      # an empty table still gets its schema (and the CSV its header)
        self._csv.close()
        os.replace(self.tmp_pq, self.out_dir / f"{self.name}.parquet")
        os.replace(self.tmp_csv, self.out_dir / f"{self.name}.csv")

    def abort(self) -> None:
        for closer in (self._pq.close, self._csv.close):
            try:
                closer()
            except Exception:  # noqa: BLE001 - best effort while already failing
                pass
        for tmp in (self.tmp_pq, self.tmp_csv):
            tmp.unlink(missing_ok=True)


def write_table(out_dir: Path, name: str, rows: list[dict]) -> None:
    """Write a whole (small) table atomically — used by passes that run after the batch."""
    writer = TableWriter(out_dir, name)
    try:
        writer.write(columns(name, rows))
        writer.commit()
    except BaseException:
        writer.abort()
        raise
