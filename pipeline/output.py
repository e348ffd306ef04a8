"""Reading the tables that `vanban run` wrote (Parquet, else CSV), for the commands that work on
a finished run: the graph queries and exports, the database, the report, the spreadsheet."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Optional

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.tables import DATE_COLUMNS


def read_rows(tables: Path, name: str, columns: Optional[list[str]] = None) -> list[dict]:
    """A written table as dicts, all its columns or only `columns`. Dates come as ISO text, as
    the extractors give them, whichever file is read; empty CSV cells as None."""
    if (tables / f"{name}.parquet").exists():
        table = pq.read_table(tables / f"{name}.parquet", columns=columns)
        for col in DATE_COLUMNS.get(name, ()):
            if col in table.column_names:
                table = table.set_column(table.schema.get_field_index(col), col, table[col].cast(pa.string()))
        return table.to_pylist()
    if (tables / f"{name}.csv").exists():
        with (tables / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            return [{k: (v if v != "" else None) for k, v in r.items() if columns is None or k in columns}
                    for r in csv.DictReader(f)]
    return []
