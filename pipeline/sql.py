"""One SQL surface over a run's tables: `vanban.duckdb`, written next to the tables by `vanban run`
(the tables copied in, so the file stands alone wherever it is moved), with the views an analyst
starts from; and `vanban query`, which runs SQL there.

Without the database file (tables from an older run, or CSV only), `connect` builds the same
tables and views in memory from the folder.
"""
from __future__ import annotations

import csv
import io
import json
import os
import threading
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipeline.tables import SCHEMAS

DB_NAME = "vanban.duckdb"

# The fields of `documents` that an extractor fills (the others describe the file).
DOCUMENT_FIELDS = ["so_hieu", "doc_type", "issue_date", "place", "issuing_body", "parent_body", "title",
                   "signer_name", "signer_title", "signing_authority"]

VIEWS = {
    # One row per target (chỉ tiêu; limits — ceilings and conditions — are not commitments), in the order an analyst reads a commitment: target → scope →
    # period → assignee → deadline → section → document. The assignee is the assignment whose
    # span holds the target (a lead first), else the deadline's of the same item; the deadline is
    # every due code of the item (the innermost section) the target is in.
    "commitments": """
        WITH item_deadlines AS (
            SELECT doc_id, section, string_agg(DISTINCT due, ', ' ORDER BY due) AS deadline,
                   min(due_start) AS due_start, max(due_end) AS due_end,
                   min(assignee) FILTER (WHERE assignee IS NOT NULL) AS assignee
            FROM deadlines WHERE section IS NOT NULL AND due IS NOT NULL GROUP BY doc_id, section),
        holders AS (
            SELECT t.doc_id, t.start,
                   arg_min(a.assignee, (CASE a.role WHEN 'lead' THEN 0 WHEN 'execute' THEN 1 ELSE 2 END, a.start))
                       AS assignee,
                   arg_min(a.role, (CASE a.role WHEN 'lead' THEN 0 WHEN 'execute' THEN 1 ELSE 2 END, a.start))
                       AS assignee_role
            FROM targets t JOIN assignments a
              ON a.doc_id = t.doc_id AND a.start <= t.start AND t.start < a."end" AND a.role <> 'member'
            GROUP BY t.doc_id, t.start)
        SELECT t.value, t.value_max, t.denominator, t.is_percent, t.comparator, t.unit,
               t.scope, t.period,
               coalesce(h.assignee, d.assignee) AS assignee, h.assignee_role,
               d.deadline, d.due_start, d.due_end,
               t.section, t.evidence,
               t.doc_id, t.source_path, t.so_hieu, doc.doc_type, doc.issuing_body, doc.issue_date, t.start
        FROM targets t
        JOIN documents doc USING (doc_id)
        LEFT JOIN holders h ON h.doc_id = t.doc_id AND h.start = t.start
        LEFT JOIN item_deadlines d ON d.doc_id = t.doc_id AND d.section = t.section
        WHERE t.kind IS DISTINCT FROM 'limit'
        ORDER BY t.source_path, t.start""",
    # One row per (document, document it implements), with both documents' numbers and dates and
    # the sentence of the first mention as evidence.
    "implements": """
        SELECT e.doc_id, e.source_path, e.so_hieu, doc.doc_type, doc.issue_date, doc.issuing_body,
               e.cited_key, c.cited_type, c.cited_symbol, c.cited_number, c.cited_date, c.cited_issuer,
               c.cited_system, c.cited_by, e.count AS mentions, e.cited_doc_id,
               cd.source_path AS cited_source_path, first.evidence
        FROM citation_edges e
        JOIN documents doc USING (doc_id)
        JOIN cited_documents c USING (cited_key)
        LEFT JOIN documents cd ON cd.doc_id = e.cited_doc_id
        LEFT JOIN citations first
          ON first.doc_id = e.doc_id AND first.cited_key = e.cited_key AND first.start = e.first_start
        WHERE e.relation = 'implements'
        ORDER BY e.source_path, e.first_start""",
    # One row per document: which extracted fields are null, and its warnings.
    "quality": """
        WITH problems AS (
            SELECT doc_id, count(*) FILTER (WHERE severity = 'warning') AS warnings,
                   count(*) FILTER (WHERE severity = 'error') AS errors,
                   string_agg(DISTINCT stage || ': ' || message, ' | ') AS messages
            FROM errors WHERE doc_id IS NOT NULL GROUP BY doc_id)
        SELECT d.doc_id, d.source_path, d.so_hieu, d.doc_type, d.issuing_body, d.issue_date,
               list_filter([{missing}], lambda x: x IS NOT NULL) AS missing_fields,
               len(list_filter([{missing}], lambda x: x IS NOT NULL)) AS n_missing,
               coalesce(p.warnings, 0) AS warnings, coalesce(p.errors, 0) AS errors, p.messages
        FROM documents d LEFT JOIN problems p USING (doc_id)
        ORDER BY d.source_path""".replace(
        "{missing}", ", ".join(f"CASE WHEN d.{f} IS NULL THEN '{f}' END" for f in DOCUMENT_FIELDS)),
}


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _load(con: Any, tables: Path) -> None:
    """The run's tables (Parquet, else CSV read with the table's types) and the views."""
    _load_tables(con, tables, SCHEMAS)
    _create_views(con)


def _create_views(con: Any) -> None:
    for name, sql in VIEWS.items():
        con.execute(f'CREATE VIEW "{name}" AS {sql}')


def _load_tables(con: Any, tables: Path, names) -> None:
    for name in names:
        cols = SCHEMAS[name]
        pq_path, csv_path = tables / f"{name}.parquet", tables / f"{name}.csv"
        if pq_path.exists():
            source = f"read_parquet({_literal(pq_path)})"
        elif csv_path.exists():
            types = "{" + ", ".join(f"'{c}': '{_sql_type(t)}'" for c, t in cols) + "}"
            source = f"read_csv({_literal(csv_path)}, header=true, columns={types})"
        else:     # a table the run did not write: empty, with its columns
            source = _empty(cols)
        con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM {source}')


def _empty(cols) -> str:
    """A query of no rows with these (name, Arrow type) columns."""
    return "(SELECT " + ", ".join(f"NULL::{_sql_type(t)} AS \"{c}\"" for c, t in cols) + " LIMIT 0)"


def _sql_type(t: pa.DataType) -> str:
    return {pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN",
            pa.date32(): "DATE"}[t]


class DatabaseBuild:
    """`vanban.duckdb` being written beside the tables: tables copied in as they are ready (from
    their files, `load`, or from their rows as the writer flushes them, `append`), then the views;
    the file takes its name only at `finish` (written to a temporary name first, like the tables).
    It is opened at first use. Tables may be appended from several threads; the rest is for one
    thread at a time.

        with DatabaseBuild(out_dir) as db:
            db.append("documents", rows)        # an Arrow table of the table's schema
            db.load(["citations", …])           # from the written files: those not appended to
            db.finish()
    """

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.tmp = out_dir / f".{DB_NAME}.tmp-{os.getpid()}"
        self._con: Any = None
        self.appended: set[str] = set()      # tables made from their rows, not from their files
        self._appending = threading.Lock()

    @property
    def con(self) -> Any:
        if self._con is None:
            import duckdb

            self.tmp.unlink(missing_ok=True)
            # one thread and a small buffer: the run's memory stays flat (DuckDB spills beyond it)
            self._con = duckdb.connect(str(self.tmp), config={"threads": 1, "memory_limit": "64MB"})
        return self._con

    def append(self, name: str, rows: pa.Table) -> None:
        """Rows of a table, in the order they are written to its files. The run copies its tables
        this way while the documents are read: copied from the written files, they were most of
        the wait after the last document."""
        with self._appending:
            if name not in self.appended:
                self.con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM {_empty(SCHEMAS[name])}')
                self.appended.add(name)
            self.con.register("_rows", rows)
            try:
                self.con.execute(f'INSERT INTO "{name}" SELECT * FROM _rows')
            finally:
                self.con.unregister("_rows")

    def load(self, names) -> None:
        _load_tables(self.con, self.out_dir, [name for name in names if name not in self.appended])

    def complete(self) -> None:
        """The tables no flush appended (empty ones, those later passes wrote), then `finish`."""
        self.load(SCHEMAS)
        self.finish()

    def finish(self) -> None:
        _create_views(self.con)
        self.con.execute("CHECKPOINT")
        self.con.close()
        os.replace(self.tmp, self.out_dir / DB_NAME)

    def __enter__(self) -> "DatabaseBuild":
        return self

    def __exit__(self, *exc) -> None:
        if self._con is not None:
            self._con.close()         # closing twice is harmless
        self.tmp.unlink(missing_ok=True)
        Path(f"{self.tmp}.wal").unlink(missing_ok=True)


def build_database(out_dir: Path) -> dict:
    """Post-pass of `vanban run`: `vanban.duckdb` in the tables' folder, every table and the views."""
    with DatabaseBuild(out_dir) as db:
        db.complete()
    return {}


def connect(tables: Path) -> Any:
    """A read-only connection to the folder's database, or an in-memory one built from its tables."""
    import duckdb

    if (tables / DB_NAME).exists():
        return duckdb.connect(str(tables / DB_NAME), read_only=True)
    con = duckdb.connect()
    _load(con, tables)
    return con


def query(tables: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of a query on the folder's tables and views."""
    con = connect(tables)
    try:
        cur = con.execute(sql)
        return [d[0] for d in cur.description or []], cur.fetchall()
    finally:
        con.close()


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return ", ".join(_text(x) for x in v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _json_value(v: Any) -> Any:
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, list):
        return [_json_value(x) for x in v]
    return str(v)      # dates, decimals


def render(columns: list[str], rows: list[tuple], fmt: str) -> str:
    """Rows as csv, json (one object per row), markdown, or a plain text table."""
    if fmt == "json":
        return json.dumps([{c: _json_value(v) for c, v in zip(columns, r)} for r in rows],
                          ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_text(v) for v in r] for r in rows)
        return buf.getvalue()
    cells = [[_text(v).replace("\n", " ") for v in r] for r in rows]
    if fmt == "markdown":
        esc = [[c.replace("|", "\\|") for c in r] for r in cells]
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in esc]) + "\n"
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(r: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *map(line, cells)]) + "\n"


FORMATS = ("table", "csv", "json", "markdown")
