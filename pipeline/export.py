"""`vanban export --format xlsx`: the tables (and the analyst views) as one workbook, for offices
that open data only in a spreadsheet. One sheet per table, header row frozen; text stays text (a
number such as `03` or a value starting with `=` is never turned into a number or a formula),
dates are real dates, numbers numbers."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline import sql
from pipeline.tables import SCHEMAS

EXCEL_MAX_ROWS = 1_048_576 - 1      # below the header
EXCEL_MAX_TEXT = 32_767
SHEETS = [*SCHEMAS, *sql.VIEWS]
FETCH = 5000


def _cell(ws, value):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        cell = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_MAX_TEXT])
        cell.data_type = "s"          # not a formula, not a number
        return cell
    if isinstance(value, list):        # the quality view's list of missing fields
        return _cell(ws, ", ".join(map(str, value)))
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def to_xlsx(tables: Path, out: Path) -> dict[str, int]:
    """Write the workbook (through a temporary file); returns rows per sheet. A sheet holds at
    most Excel's row limit: the count says when a table was cut."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    counts = {}
    con = sql.connect(tables)
    try:
        for name in SHEETS:
            ws = wb.create_sheet(name)
            ws.freeze_panes = "A2"
            cur = con.execute(f'SELECT * FROM "{name}"')
            header = []
            for d in cur.description:
                cell = _cell(ws, d[0])
                cell.font = Font(bold=True)
                header.append(cell)
            ws.append(header)
            n = 0
            while n < EXCEL_MAX_ROWS and (rows := cur.fetchmany(FETCH)):
                for r in rows[:EXCEL_MAX_ROWS - n]:
                    ws.append([_cell(ws, v) for v in r])
                n += min(len(rows), EXCEL_MAX_ROWS - n)
            counts[name] = n
    finally:
        con.close()
    tmp = out.with_name(f".{out.name}.tmp")
    wb.save(tmp)
    tmp.replace(out)
    return counts
