"""Table schemas and the atomic, streaming writer (Parquet + CSV).

Rows are written as documents finish, so memory does not grow with the archive; each table goes
to a temporary file that replaces the old one only when the run completes, so an interrupted run
never leaves a half-written table (and a run's tables are switched in together: pipeline/outset.py).
No cell holds a control character (readers clean the text; `cells_without_controls` the free-text
tables), and no CSV cell is a formula a spreadsheet would evaluate (`spreadsheet_safe`).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from pipeline.dates_due import due_columns
from pipeline.models import NormText

S, I, F, B, D = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
SPAN = [("start", I), ("end", I), ("source_start", I), ("source_end", I)]
# every table of a document's records starts with these, so that no question needs a join to
# name the document
DOC = [("doc_id", S), ("source_path", S), ("so_hieu", S)]

SCHEMAS: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [
        ("doc_id", S), ("source_path", S), ("source_format", S), ("text_source", S), ("encoding", S),
        ("encoding_confidence", F), ("text_confidence", F), ("pages", I), ("n_chars", I),
        ("so_hieu", S), ("doc_type", S), ("issue_date", D), ("place", S), ("issuing_body", S),
        ("parent_body", S), ("title", S), ("signer_name", S), ("signer_title", S), ("signing_authority", S),
    ],
    "fields": [*DOC, ("field", S), ("value", S), *SPAN, ("confidence", F), ("method", S), ("evidence", S)],
    "sections": [*DOC, ("section_index", I), ("parent_index", I), ("level", I), ("kind", S),
                 ("label", S), ("path", S), ("heading", S), ("start", I), ("end", I)],
    "recipients": [*DOC, ("recipient", S), ("purpose", S), *SPAN, ("evidence", S)],
    "signers": [*DOC, ("order", I), ("signer_name", S), ("signer_title", S), ("signing_authority", S),
                *SPAN, ("confidence", F), ("evidence", S)],
    "citations": [*DOC, ("cited_type", S), ("cited_number", S), ("cited_symbol", S),
                  ("cited_date", D), ("cited_issuer", S), ("relation", S), ("cited_key", S), ("mention", S),
                  *SPAN, ("evidence", S)],
    "targets": [*DOC, ("value", F), ("value_max", F), ("unit", S), ("is_percent", B),
                ("comparator", S), ("scope", S), ("period", S), ("section", S), ("text", S), *SPAN,
                ("denominator", F), ("kind", S), ("evidence", S)],
    "deadlines": [*DOC, ("due", S), ("due_start", D), ("due_end", D), ("due_granularity", S),
                  ("due_month", I), ("due_day", I), ("due_weekday", I), ("due_time", S),
                  ("recurrence", S), ("raw", S), ("task", S), ("assignee", S), ("section", S), *SPAN,
                  ("evidence", S)],
    "assignments": [*DOC, ("assignee", S), ("role", S), ("task", S), ("deadline", S),
                    ("section", S), ("person_name", S), ("position", S), *SPAN, ("evidence", S)],
    "citation_edges": [*DOC, ("cited_key", S), ("cited_type", S), ("cited_symbol", S), ("relation", S),
                       ("count", I), ("first_start", I), ("cited_doc_id", S)],
    "cited_documents": [("cited_key", S), ("cited_type", S), ("cited_number", S), ("cited_symbol", S),
                        ("cited_date", D), ("cited_issuer", S), ("cited_system", S), ("cited_by", I),
                        ("doc_id", S)],
    "errors": [("source_path", S), ("doc_id", S), ("so_hieu", S), ("stage", S), ("severity", S),
               ("message", S), ("page", I)],
}
COLUMNS = {name: tuple(c for c, _ in cols) for name, cols in SCHEMAS.items()}
ARROW_SCHEMAS = {name: pa.schema(cols) for name, cols in SCHEMAS.items()}
# rows carry dates as ISO text; `arrow_table` casts them once per batch
_WIRE_SCHEMAS = {name: pa.schema([(c, S if t == D else t) for c, t in cols]) for name, cols in SCHEMAS.items()}
DATE_COLUMNS = {name: [c for c, t in cols if t == D] for name, cols in SCHEMAS.items()}
SNIPPET = 300

# Columns that no record field gives: the document's keys, the span in the source text, the
# evidence, and what is computed from other columns. The schema test checks every other column
# against its record type, so that a renamed field cannot silently become null.
DOCUMENT_KEYS = ("doc_id", "source_path", "so_hieu")      # record_rows puts them in first: no field may bear one
CONTEXT_COLUMNS = {*DOCUMENT_KEYS, "source_start", "source_end", "evidence"}
DERIVED_COLUMNS = {"deadlines": {"due_start", "due_end", "due_granularity", "due_month", "due_day",
                                 "due_weekday", "due_time"}}
# record fields stored under another name, or not stored (a section's span is start..end)
RECORD_RENAMES = {"sections": {"index": "section_index", "parent": "parent_index"}}
RECORD_UNSTORED = {"sections": {"heading_end"}, "signers": {"spans"}}   # kept for the extractors, not stored


def schema_mismatches(table: str, record_type: type) -> list[str]:
    """How a table's columns and its record dataclass disagree (empty when they agree): a record
    field with no column would be dropped, a column that no field, context or derivation fills
    would always be null."""
    renames = RECORD_RENAMES.get(table, {})
    fields = {renames.get(f.name, f.name) for f in dataclasses.fields(record_type)} - RECORD_UNSTORED.get(table, set())
    cols = set(COLUMNS[table])
    filled = fields | CONTEXT_COLUMNS | DERIVED_COLUMNS.get(table, set())
    return ([f"{table}: field {f!r} of {record_type.__name__} has no column" for f in sorted(fields - cols)]
            + [f"{table}: field {f!r} of {record_type.__name__} would hide the document's key"
               for f in sorted(fields & set(DOCUMENT_KEYS))]
            + [f"{table}: column {c!r} is filled by nothing" for c in sorted(cols - filled)])


# the record's own evidence field, where it has one (the others: the text of the record's span)
EVIDENCE_FROM = {"citations": "evidence", "targets": "text", "deadlines": "raw"}
_DERIVE = {"deadlines": due_columns}


def record_rows(table: str, doc_id: str, records: Iterable[Any], norm: Optional[NormText],
                keys: Optional[dict] = None) -> list[dict]:
    """Plain rows for a table from extractor records (dataclasses, or dicts of their fields: every
    field is a column but the renamed and the unstored ones, as the schema test checks). `keys`:
    the document's source path and number (`document_keys`), when known, in every row."""
    cols = COLUMNS[table]
    mapped, evidence = norm is not None and "source_start" in cols, "evidence" in cols
    own_evidence, derive = EVIDENCE_FROM.get(table), _DERIVE.get(table)
    renames, unstored = RECORD_RENAMES.get(table, {}).items(), RECORD_UNSTORED.get(table, ())
    blank = dict.fromkeys(cols)
    blank.update(doc_id=doc_id, **(keys or {}))     # no record field bears a document key (schema test)
    rows = []
    for rec in records:
        fields = rec if isinstance(rec, dict) else vars(rec)
        row = blank.copy()      # the columns in order, then the record's fields copied in at C speed
        row.update(fields)
        if renames or unstored:     # (the tests of what most tables do not need cost more than the rest)
            for old, new in renames:
                row[new] = row.pop(old, None)
            for name in unstored:
                row.pop(name, None)
        if evidence:
            row["evidence"] = fields.get(own_evidence) if own_evidence else None
        if mapped:
            start, end = fields.get("start"), fields.get("end")
            if start is not None and end is not None:
                row["source_start"], row["source_end"] = norm.to_source(start, end)
                if evidence and not row["evidence"]:
                    row["evidence"] = norm.text[start:end][:SNIPPET]
        if derive:
            derive(row)
        rows.append(row)
    return rows


def error_row(path, doc_id, stage, message, severity="error", page=None) -> dict:
    return {"source_path": path, "doc_id": doc_id, "stage": stage, "severity": severity,
            "message": message, "page": page}


def document_keys(doc_row: dict) -> dict:
    """What every row of a document's tables carries of its `documents` row: its source path and
    number."""
    return {"source_path": doc_row["source_path"], "so_hieu": doc_row.get("so_hieu")}


def _dates(values: pa.ChunkedArray) -> pa.ChunkedArray:
    """ISO text as dates; a value that is not a calendar date (a bug upstream) becomes null
    rather than failing the batch."""
    try:
        return values.cast(D)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return pa.chunked_array([pa.array([_iso_date(v) for v in values.to_pylist()], D)])


def _iso_date(v: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(v) if v else None
    except ValueError:
        return None


CSV_OPTIONS = pacsv.WriteOptions(include_header=True, quoting_style="needed")


def arrow_table(table: str, rows: list[dict]) -> pa.Table:
    """Rows as an Arrow table of the table's schema: what workers send, so the writer does no
    per-row work."""
    out = pa.Table.from_pylist(rows, schema=_WIRE_SCHEMAS[table])
    for col in DATE_COLUMNS[table]:
        out = out.set_column(out.schema.get_field_index(col), col, _dates(out[col]))
    return out


# C0 but tab and line feed, DEL, C1, U+2028/2029 (RE2 syntax, Arrow's). Readers remove them from
# the text (ingest.clean_controls), so the tables drawn from it hold none; the tables of free text
# (messages quoting file names and library errors) are cleaned here.
_CONTROLS = r"[\x00-\x08\x0b-\x1f\x7f-\x{9f}\x{2028}\x{2029}]"
FREE_TEXT_TABLES = frozenset({"errors"})


def cells_without_controls(table: pa.Table) -> pa.Table:
    for i, f in enumerate(table.schema):
        if pa.types.is_string(f.type):
            table = table.set_column(i, f, pc.replace_substring_regex(table.column(i), _CONTROLS, ""))
    return table


# A spreadsheet opening a CSV evaluates a cell that starts with `=`, `@` (Excel), tab or CR, or
# `+`/`-` (Excel). Those cells get a leading apostrophe (OWASP's advice), except a `+`/`-` cell that
# holds none of `(`, `|`, `!`: without them a formula can call no function (HYPERLINK, WEBSERVICE),
# open no DDE link (`+cmd|…`) and reach no other sheet or file — so `-1`, `--12-31` and `- Tổ chức …`
# stay exactly as they are for pandas and DuckDB. One pass of Arrow's RE2 (linear) per column.
# Examples: '=SUM(A1)', '@x', '+cmd|x' and '- a(b)' are risky; '-1', '--12-31' and '- Tổ chức …' are not.
RISKY_CELL = r"(?s)^(?:[=@\t\r]|[+\-].*[(|!])"
# the first characters a risky cell opens with: a column none of whose cells opens with one is safe,
# told by its cells' first characters alone (a third of the cost of the pattern over whole cells)
RISKY_FIRST = ["=", "@", "\t", "\r", "+", "-"]


def spreadsheet_safe(table: pa.Table) -> pa.Table:
    """The table as written to CSV: cells a spreadsheet would run get a leading apostrophe."""
    for i, f in enumerate(table.schema):
        if not pa.types.is_string(f.type):
            continue
        col = table.column(i)
        if not pc.any(pc.is_in(pc.utf8_slice_codeunits(col, 0, 1), value_set=pa.array(RISKY_FIRST))).as_py():
            continue
        risky = pc.fill_null(pc.match_substring_regex(col, RISKY_CELL), False)
        if pc.any(risky).as_py():
            table = table.set_column(i, f, pc.if_else(risky, pc.binary_join_element_wise("'", col, ""), col))
    return table


class TableWriter:
    """Streams one table to `<name>.csv` and `<name>.parquet` through temporary files, and the same
    rows to `copy_to` (the run's database) when given."""

    def __init__(self, out_dir: Path, name: str, batch_rows: int = 20000,
                 copy_to: Optional[Callable[[str, pa.Table], None]] = None):
        self.name, self.out_dir, self.copy_to = name, out_dir, copy_to
        self.schema = ARROW_SCHEMAS[name]
        self.tmp_csv = out_dir / f".{name}.csv.tmp-{os.getpid()}"
        self.tmp_pq = out_dir / f".{name}.parquet.tmp-{os.getpid()}"
        self._pq = pq.ParquetWriter(str(self.tmp_pq), self.schema)
        self._csv = pacsv.CSVWriter(str(self.tmp_csv), self.schema, write_options=CSV_OPTIONS)
        self._batch: list[pa.Table] = []
        self._pending = 0
        self.batch_rows = batch_rows
        self.count = 0

    def write(self, table: pa.Table) -> None:
        """Append the rows of an Arrow table of this table's schema (see `arrow_table`)."""
        if table.num_rows:
            self._batch.append(table)
            self._pending += table.num_rows
            self.count += table.num_rows
        if self._pending >= self.batch_rows:
            self._flush()

    def write_rows(self, rows: list[dict]) -> None:
        self.write(arrow_table(self.name, rows))

    def _flush(self) -> None:
        if self._pending:
            table = pa.concat_tables(self._batch)
            if self.name in FREE_TEXT_TABLES:
                table = cells_without_controls(table)
            self._pq.write_table(table)
            self._csv.write_table(spreadsheet_safe(table))
            if self.copy_to:
                self.copy_to(self.name, table)
            self._batch = []
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


def write_table(out_dir: Path, name: str, rows: Iterable[dict], chunk: int = 5000) -> int:
    """Write a table atomically from rows given in any number (used by passes that run after the
    batch); returns how many."""
    writer = TableWriter(out_dir, name)
    try:
        batch: list[dict] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= chunk:
                writer.write_rows(batch)
                batch = []
        writer.write_rows(batch)
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    return writer.count
