"""The notebook, executed by a real kernel (nbclient) on the sample archive's tables, answers the
four questions as the README's SQL does."""
import json

import pytest

from tests.conftest import ROOT
from tests.test_sql import CASE_FOLDED_Q1, CASE_FOLDED_Q3, case_variants, fold, readme_queries, run_sql

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

# appended to the executed notebook: its answers in a comparable form
DUMP = """import json
print(json.dumps({
    "q1": {(a.casefold() if isinstance(a, str) else ""): int(n) for a, n in zip(q1.assignee, q1.deadlines)},
    "q2_implements": sorted([p, k] for p, k in zip(q2_implements.source_path, q2_implements.cited_key)),
    "q2_most_cited": [[k, int(n)] for k, n in zip(q2_most_cited.cited_key, q2_most_cited.cited_by)],
    "q3": sorted([b.casefold(), u.casefold(), int(n), lo, hi] for b, u, n, lo, hi
                 in zip(q3.issuing_body, q3.percent_of, q3.targets, q3.lowest, q3.highest)),
    "q4": list(q4.source_path),
}, ensure_ascii=False))"""


def test_notebook_answers_the_four_questions(sample_tables, monkeypatch, tmp_path):
    monkeypatch.setenv("VANBAN_TABLES", str(sample_tables))
    monkeypatch.setenv("VANBAN_YEAR", "2024")       # the sample plans end in 2024
    nb = nbformat.read(ROOT / "notebooks" / "explore_tables.ipynb", as_version=4)
    assert "parameters" in nb.cells[1].metadata.get("tags", [])
    nb.cells.append(nbformat.v4.new_code_cell(DUMP))
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    got = json.loads(nb.cells[-1].outputs[0]["text"])

    q = readme_queries()
    assert got["q1"] == {fold(r["assignee"]) or "": r["deadlines"]
                         for r in run_sql(sample_tables, q[0].replace("2026", "2024"))}
    assert got["q2_implements"] == sorted([r["source_path"], r["cited_key"]] for r in run_sql(sample_tables, q[1]))
    assert got["q2_most_cited"] == [[r["cited_key"], r["citing_documents"]] for r in run_sql(sample_tables, q[2])]
    assert got["q3"] == sorted([fold(r["issuing_body"]), fold(r["percent_of"]), r["targets"], r["lowest"], r["highest"]]
                               for r in run_sql(sample_tables, q[3]))
    assert got["q4"] == [r["source_path"] for r in run_sql(sample_tables, q[4])]


def test_notebook_groups_case_folded(tmp_path, monkeypatch):
    """The notebook's cells, run in this process on tables written in mixed case."""
    monkeypatch.setenv("VANBAN_TABLES", str(case_variants(tmp_path)))
    monkeypatch.setenv("VANBAN_YEAR", "2026")
    scope: dict = {}
    for cell in nbformat.read(ROOT / "notebooks" / "explore_tables.ipynb", as_version=4).cells:
        if cell.cell_type == "code":
            exec(cell.source, scope)    # noqa: S102 - our own notebook
    assert [(a.casefold(), n) for a, n in zip(scope["q1"].assignee, scope["q1"].deadlines)] == CASE_FOLDED_Q1
    assert sorted((u.casefold(), n, lo, hi) for u, n, lo, hi in zip(
        scope["q3"].percent_of, scope["q3"].targets, scope["q3"].lowest, scope["q3"].highest)) == CASE_FOLDED_Q3
