"""vanban.duckdb and `vanban query`: typed tables, the analyst views, one cited_key everywhere, and
the README's four questions, each answer checked on the sample archive."""
import datetime as dt
import json
import re
from collections import Counter

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline import graph, sql
from pipeline.cli import app
from pipeline.dates_due import due_columns
from pipeline.tables import SCHEMAS, write_table
from tests.conftest import ROOT

runner = CliRunner()


def readme_queries() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Four questions in SQL"):]
    return re.findall(r"```sql\n(.*?)```", section, re.S)[:5]


def rows(tables, name):
    return pq.read_table(tables / f"{name}.parquet").to_pylist()


def run_sql(tables, query):
    columns, result = sql.query(tables, query)
    return [dict(zip(columns, r)) for r in result]


def fold(s):
    return s.casefold() if s else None


def test_the_database_holds_every_table_and_the_views(sample_tables):
    assert (sample_tables / "vanban.duckdb").exists()
    assert not list(sample_tables.glob(".*tmp*"))          # written through a temporary file
    con = duckdb.connect(str(sample_tables / "vanban.duckdb"), read_only=True)
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert names == set(SCHEMAS) | set(sql.VIEWS)
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'deadlines'").fetchall())
    assert (types["due_start"], types["due_end"], types["due"]) == ("DATE", "DATE", "VARCHAR")
    for name in SCHEMAS:
        assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(rows(sample_tables, name))
    # copied after the graph pass rewrote it with the joined keys (DatabaseBuild.complete)
    assert [r[0] for r in con.execute("SELECT cited_key FROM citations").fetchall()] == \
        [r["cited_key"] for r in rows(sample_tables, "citations")]
    con.close()


def test_a_failing_graph_pass_leaves_no_database(tmp_path, monkeypatch):
    from pipeline import run
    for name in SCHEMAS:
        write_table(tmp_path, name, [])

    def broken(folder):
        raise RuntimeError("graph pass failed")
    monkeypatch.setattr(run.graph, "build_tables", broken)
    with pytest.raises(RuntimeError, match="graph pass failed"):
        run.archive_passes(tmp_path)
    assert not (tmp_path / "vanban.duckdb").exists() and not list(tmp_path.glob(".*tmp*"))


def test_dates_are_dates_in_parquet_and_iso_text_in_csv(sample_tables):
    schema = pq.read_schema(sample_tables / "documents.parquet")
    assert str(schema.field("issue_date").type) == "date32[day]"
    assert str(pq.read_schema(sample_tables / "citations.parquet").field("cited_date").type) == "date32[day]"
    doc = next(r for r in rows(sample_tables, "documents") if r["so_hieu"] == "95-KH/TĐTN-BTCKT")
    assert doc["issue_date"] == dt.date(2014, 5, 28)
    assert ",2014-05-28," in (sample_tables / "documents.csv").read_text(encoding="utf-8")


def test_cited_key_is_the_same_in_the_three_tables(sample_tables):
    keys = {r["cited_key"] for r in rows(sample_tables, "cited_documents")}
    assert {r["cited_key"] for r in rows(sample_tables, "citations") if r["cited_key"]} == keys
    assert {r["cited_key"] for r in rows(sample_tables, "citation_edges")} == keys


def test_a_bare_key_joins_the_dated_key_in_citations(tmp_path):
    """The archive-wide key is written back into citations: a bare `57-NQ/TW` in one document
    becomes `57-NQ/TW@2024`, the only dated form, as in the edges."""
    base = {"cited_type": "Nghị quyết", "cited_number": "57", "cited_symbol": "57-NQ/TW", "cited_issuer": None,
            "relation": "implements", "mention": "Nghị quyết 57-NQ/TW", "start": 10, "end": 28}
    _tables(tmp_path, citations=[
        {**base, "doc_id": "a", "cited_date": "2024-12-22", "cited_key": "57-NQ/TW@2024"},
        {**base, "doc_id": "b", "cited_date": None, "cited_key": "57-NQ/TW"}])
    assert {r["cited_key"] for r in rows(tmp_path, "citations")} == {"57-NQ/TW@2024"}
    edges = rows(tmp_path, "citation_edges")
    assert [(e["doc_id"], e["cited_key"], e["cited_type"], e["cited_symbol"]) for e in edges] == [
        ("a", "57-NQ/TW@2024", "Nghị quyết", "57-NQ/TW"), ("b", "57-NQ/TW@2024", "Nghị quyết", "57-NQ/TW")]


def test_child_rows_name_their_document(sample_tables):
    docs = {d["doc_id"]: (d["source_path"], d["so_hieu"]) for d in rows(sample_tables, "documents")}
    for name in ("fields", "sections", "recipients", "citations", "targets", "deadlines", "assignments",
                 "citation_edges"):
        for r in rows(sample_tables, name):
            assert (r["source_path"], r["so_hieu"]) == docs[r["doc_id"]], name


def test_commitments_view(sample_tables):
    got = run_sql(sample_tables, "SELECT * FROM commitments")
    assert len(got) == len(rows(sample_tables, "targets"))
    first = next(r for r in got if r["so_hieu"] == "95-KH/TĐTN-BTCKT" and r["value"] == 600)
    assert (first["unit"], first["comparator"], first["deadline"], first["due_end"]) == (
        "đoàn viên", "at_least", "2017", dt.date(2017, 12, 31))
    assert any(r["assignee"] for r in got)


def test_implements_and_quality_views(sample_tables):
    impl = run_sql(sample_tables, "SELECT * FROM implements WHERE so_hieu = '95-KH/TĐTN-BTCKT'")
    assert [(r["cited_symbol"], r["cited_date"], r["cited_system"]) for r in impl] == [
        ("03-NQ/TWĐTN-BTC", dt.date(2014, 3, 5), "party")]
    assert "03-NQ/TWĐTN-BTC" in impl[0]["evidence"]
    quality = {r["source_path"]: r for r in run_sql(sample_tables, "SELECT * FROM quality")}
    assert "so_hieu" in quality["004_cbdf8992689afbea.txt"]["missing_fields"]
    assert quality["000_98bcf7eb60a7a694.txt"]["n_missing"] == 0


# ---------------------------------------------------------------- the README's four questions
def test_readme_has_the_four_questions():
    assert len(readme_queries()) == 5 and readme_queries()[0].count("2026") == 1


def test_question_1_deadlines_by_assignee(sample_tables):
    # the sample plans end in 2024: the same query for that year
    got = run_sql(sample_tables, readme_queries()[0].replace("2026", "2024"))
    want = Counter(fold(r["assignee"]) for r in rows(sample_tables, "deadlines")
                   if r["due_end"] and r["due_end"].year == 2024)
    assert {fold(r["assignee"]): r["deadlines"] for r in got} == want
    assert [r["deadlines"] for r in got] == sorted(want.values(), reverse=True)
    assert want[fold("Đoàn cơ sở 10 phường")] == 3


def test_question_2_party_resolutions(sample_tables):
    implemented = run_sql(sample_tables, readme_queries()[1])
    assert {(r["source_path"], r["cited_key"]) for r in implemented} >= {
        ("000_98bcf7eb60a7a694.txt", "03-NQ/TWĐTN-BTC@2014"), ("002_787e1a27f921d241.txt", "25-NQ/TW@2013")}
    assert all(r["cited_key"].split("@")[0].split("-")[1].startswith("NQ/") for r in implemented)
    most = run_sql(sample_tables, readme_queries()[2])
    cited = [c for c in rows(sample_tables, "cited_documents")
             if c["cited_system"] == "party" and c["cited_type"] == "Nghị quyết"]
    assert [r["citing_documents"] for r in most] == sorted((c["cited_by"] for c in cited), reverse=True)
    assert {r["cited_key"] for r in implemented} <= {r["cited_key"] for r in most}


def test_question_3_percentage_targets(sample_tables):
    got = run_sql(sample_tables, readme_queries()[3])
    body = {d["doc_id"]: d["issuing_body"] for d in rows(sample_tables, "documents")}
    want: dict = {}
    for t in rows(sample_tables, "targets"):
        if t["is_percent"]:
            want.setdefault((fold(body[t["doc_id"]]), fold(t["unit"])), []).append(t["value"])
    assert {(fold(r["issuing_body"]), fold(r["percent_of"])): (r["targets"], r["lowest"], r["highest"])
            for r in got} == {k: (len(v), min(v), max(v)) for k, v in want.items()}
    assert all(r["highest"] <= 100 for r in got)          # percentages, never summed


def test_question_4_documents_without_signer_or_number(sample_tables):
    got = run_sql(sample_tables, readme_queries()[4])
    assert [r["source_path"] for r in got] == ["002_787e1a27f921d241.txt", "004_cbdf8992689afbea.txt"]


def _tables(out, **given):
    """A tables folder written from the given rows (other tables empty), with its graph and DB."""
    for name in SCHEMAS:
        if name not in ("citation_edges", "cited_documents"):
            write_table(out, name, given.get(name, []))
    graph.build_tables(out)
    sql.build_database(out)
    return out


def case_variants(out):
    """Tables where one body, one unit and one assignee are written in different cases."""
    docs = [{"doc_id": "a", "source_path": "a.txt", "issuing_body": "Đoàn phường An Lạc"},
            {"doc_id": "b", "source_path": "b.txt", "issuing_body": "ĐOÀN PHƯỜNG AN LẠC"}]
    target = {"is_percent": True, "comparator": "exact", "text": "…", "start": 0, "end": 5}
    dl = {"recurrence": "none", "raw": "…", "task": "…", "start": 0, "end": 5}
    deadlines = [{**dl, "doc_id": "a", "source_path": "a.txt", "due": "2026-03", "assignee": "Chi hội Phụ nữ"},
                 {**dl, "doc_id": "b", "source_path": "b.txt", "due": "2026-Q2", "assignee": "chi hội phụ nữ"},
                 {**dl, "doc_id": "b", "source_path": "b.txt", "due": "2025-12", "assignee": "chi hội phụ nữ"}]
    for row in deadlines:
        due_columns(row)
    return _tables(out, documents=docs, deadlines=deadlines,
                   targets=[{**target, "doc_id": "a", "value": 80.0, "unit": "Chi hội"},
                            {**target, "doc_id": "b", "value": 100.0, "unit": "chi hội"},
                            {**target, "doc_id": "b", "value": 12.0, "unit": "chi đoàn"}])


CASE_FOLDED_Q1 = [("chi hội phụ nữ", 2)]
CASE_FOLDED_Q3 = [("chi hội", 2, 80.0, 100.0), ("chi đoàn", 1, 12.0, 12.0)]


def test_names_are_grouped_case_folded(tmp_path):
    case_variants(tmp_path)
    q1 = run_sql(tmp_path, readme_queries()[0])
    assert [(fold(r["assignee"]), r["deadlines"]) for r in q1] == CASE_FOLDED_Q1
    assert q1[0]["due_in"] == "2026-03 a.txt; 2026-Q2 b.txt"
    q3 = run_sql(tmp_path, readme_queries()[3])
    assert sorted((fold(r["percent_of"]), r["targets"], r["lowest"], r["highest"]) for r in q3) == CASE_FOLDED_Q3


# ---------------------------------------------------------------- vanban query
def test_query_formats(sample_tables):
    q = "SELECT so_hieu, issue_date FROM documents WHERE so_hieu LIKE '95-%'"
    out = {f: runner.invoke(app, ["query", q, "--tables", str(sample_tables), "--format", f]) for f in sql.FORMATS}
    assert all(r.exit_code == 0 for r in out.values())
    assert json.loads(out["json"].output) == [{"so_hieu": "95-KH/TĐTN-BTCKT", "issue_date": "2014-05-28"}]
    assert out["csv"].output == "so_hieu,issue_date\n95-KH/TĐTN-BTCKT,2014-05-28\n"
    assert out["markdown"].output.splitlines() == ["| so_hieu | issue_date |", "|---|---|",
                                                   "| 95-KH/TĐTN-BTCKT | 2014-05-28 |"]
    assert out["table"].output.splitlines()[2].split() == ["95-KH/TĐTN-BTCKT", "2014-05-28"]


def test_query_without_the_database_reads_the_files(sample_tables, tmp_path):
    for f in sample_tables.glob("*.csv"):            # CSV only: typed by the schemas
        (tmp_path / f.name).write_bytes(f.read_bytes())
    got = run_sql(tmp_path, "SELECT issue_date FROM documents WHERE so_hieu = '15-KH/ĐTN'")
    assert got == [{"issue_date": dt.date(2018, 2, 9)}]
    assert not (tmp_path / "vanban.duckdb").exists()


@pytest.mark.parametrize("args,message", [
    (["SELECT * FROM nowhere"], "nowhere"),
    (["SELECT 1", "--format", "xml"], "--format"),
])
def test_query_errors_are_plain(sample_tables, args, message):
    res = runner.invoke(app, ["query", *args, "--tables", str(sample_tables)])
    assert res.exit_code != 0 and message in res.output


def test_tables_copied_into_the_database_as_they_are_written_equal_their_files(tmp_path, monkeypatch):
    """The run copies each table the graph pass leaves alone into the database at every flush of
    its writer (sql.DatabaseBuild.append): many small flushes give the files' rows, in their order."""
    from pipeline import run, tables
    plain = tables.TableWriter.__init__
    monkeypatch.setattr(tables.TableWriter, "__init__",
                        lambda self, out_dir, name, batch_rows=20000, copy_to=None:
                        plain(self, out_dir, name, 7, copy_to))
    out = tmp_path / "out"
    run.run([ROOT / "data" / "raw"], out)
    con = duckdb.connect(str(out / "vanban.duckdb"), read_only=True)
    for name in SCHEMAS:
        cur = con.execute(f'SELECT * FROM "{name}"')
        got = [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]
        assert got == rows(out, name), name
    assert len(rows(out, "sections")) > 7 * 3           # several flushes
    con.close()
