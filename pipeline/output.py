"""Reading the tables that `vanban run` wrote (Parquet, else CSV), for the commands that work on
a finished run: the graph queries and exports, the database, the report, the spreadsheet."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Optional, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.tables import DATE_COLUMNS


Data = TypeVar("Data", pa.Table, pa.RecordBatch)


def iso_dates(data: Data, name: str) -> Data:
    """A table's (or batch's) date columns as ISO text, as the extractors give them."""
    for col in DATE_COLUMNS.get(name, ()):
        i = data.schema.get_field_index(col)
        if i >= 0:
            data = data.set_column(i, col, data.column(i).cast(pa.string()))
    return data


def read_rows(tables: Path, name: str, columns: Optional[list[str]] = None) -> list[dict]:
    """A written table as dicts, all its columns or only `columns`. Dates come as ISO text, as
    the extractors give them, whichever file is read; empty CSV cells as None."""
    if (tables / f"{name}.parquet").exists():
        # ParquetFile, not read_table: the latter imports pyarrow.dataset (30 ms of the run's tail)
        return iso_dates(pq.ParquetFile(tables / f"{name}.parquet").read(columns=columns), name).to_pylist()
    if (tables / f"{name}.csv").exists():
        with (tables / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            return [{k: (v if v != "" else None) for k, v in r.items() if columns is None or k in columns}
                    for r in csv.DictReader(f)]
    return []
