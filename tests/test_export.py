"""`vanban export --format xlsx`: one sheet per table (and view), header frozen, text kept as text,
dates as dates, numbers as numbers."""
import datetime as dt

import pyarrow.parquet as pq
from openpyxl import load_workbook
from typer.testing import CliRunner

from pipeline import sql
from pipeline.cli import app
from pipeline.tables import SCHEMAS, write_table

runner = CliRunner()


def test_workbook_of_the_sample_archive(sample_tables, tmp_path):
    out = tmp_path / "vanban.xlsx"
    res = runner.invoke(app, ["export", "--format", "xlsx", "--tables", str(sample_tables), "--out", str(out)])
    assert res.exit_code == 0, res.output
    wb = load_workbook(out)
    assert wb.sheetnames == [*SCHEMAS, *sql.VIEWS]
    for name in SCHEMAS:
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        assert [c.value for c in ws[1]] == [c for c, _ in SCHEMAS[name]]
        assert ws.max_row - 1 == pq.read_metadata(sample_tables / f"{name}.parquet").num_rows
    docs = wb["documents"]
    header = [c.value for c in docs[1]]
    row = next(r for r in docs.iter_rows(min_row=2, values_only=True)
               if r[header.index("so_hieu")] == "95-KH/TĐTN-BTCKT")
    assert row[header.index("issue_date")] == dt.datetime(2014, 5, 28)        # a real date
    assert docs.cell(2, header.index("issue_date") + 1).number_format == "yyyy-mm-dd"
    cited = wb["citations"]
    col = [c.value for c in cited[1]].index("cited_number") + 1
    numbers = [cited.cell(r, col) for r in range(2, cited.max_row + 1) if cited.cell(r, col).value]
    assert "03" in [c.value for c in numbers] and all(c.data_type == "s" for c in numbers)   # text stays text
    targets = wb["targets"]
    col = [c.value for c in targets[1]].index("value") + 1
    assert isinstance(targets.cell(2, col).value, (int, float))


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    for name in SCHEMAS:
        write_table(tmp_path, name, [{"doc_id": "a", "source_path": "=HYPERLINK(\"x\")", "so_hieu": "001\x07"}]
                    if name == "documents" else [])
    sql.build_database(tmp_path)
    out = tmp_path / "x.xlsx"
    assert runner.invoke(app, ["export", "--tables", str(tmp_path), "--out", str(out)]).exit_code == 0
    ws = load_workbook(out)["documents"]
    header = [c.value for c in ws[1]]
    path, number = ws.cell(2, header.index("source_path") + 1), ws.cell(2, header.index("so_hieu") + 1)
    assert (path.value, path.data_type) == ('=HYPERLINK("x")', "s")
    assert (number.value, number.data_type) == ("001", "s")          # a control character Excel refuses, dropped


def test_only_xlsx(sample_tables, tmp_path):
    res = runner.invoke(app, ["export", "--format", "ods", "--tables", str(sample_tables),
                              "--out", str(tmp_path / "x")])
    assert res.exit_code == 2 and "xlsx" in res.output
