"""The citation-graph pass in parts (pipeline/graph/parts.py) against the one-pass build: the same
tables byte for byte, however the documents are cut into parts and whichever parts come with
their join learnt already. Runs without any engine (the parts' steps in turn)."""
import shutil
from pathlib import Path

import pytest

from pipeline.graph import parts
from pipeline.graph.build import Cited, build_tables, learn
from pipeline.tables import TableWriter

TW = "Ban Chấp hành Trung ương Đảng khóa XI"

# (doc_id, so_hieu, issue_date, [(cited_type, cited_number, cited_symbol, cited_date, cited_issuer, relation,
#   cited_key)]) — each row is written with the doc-level key the extractor would have given
DOCS = [
    # 25-NQ/TW of khóa XI dated 2013: the term pins to 2013 ...
    ("a", "10-KH/TU", "2014-02-01", [("Nghị quyết", "25", "25-NQ/TW", "2013-06-03", TW, "implements", "25-NQ/TW@2013"),
                                     ("Chỉ thị", "03", None, None, "Tỉnh ủy", "mentions", "Chỉ thị 3")]),
    # ... an undated mention by term only: its key follows the term's year
    ("b", "11-KH/TU", "2014-03-01", [("Nghị quyết", "25", "25-NQ/TW", None, TW, "based_on", "25-NQ/TW@K11"),
                                     ("Nghị quyết", "25", "25-NQ/TW", None, TW, "implements", "25-NQ/TW@K11")]),
    # ... until a later document pins the same term to 2014 (the last one learnt wins)
    ("c", "12-KH/TU", "2015-01-01", [("Nghị quyết", "25", "25-NQ/TW", "2014-01-01", TW, "mentions", "25-NQ/TW@2014")]),
    # a bare number: one qualifier known for it in the archive, so it takes that year (rekeyed)
    ("d", "13-KH/TU", None, [("Chỉ thị", "12", "12-CT/TW", None, None, "mentions", "12-CT/TW")]),
    ("e", "12-CT/TW", "2017-05-05", [("Chỉ thị", "12", "12-CT/TW", "2017-05-05", "Bộ Chính trị", "implements",
                                      "12-CT/TW@2017"),
                                     ("Chỉ thị", "03", None, None, "Huyện ủy", "mentions", "Chỉ thị 3")]),
    # a document citing nothing, named by a citation of a later one (its part has no citations)
    ("f", "14-KH/TU", None, []),
    # two issuers given once each for `Chỉ thị 3`: the first seen stands for it
    ("g", "15-KH/TU", None, [("Chỉ thị", "3", None, None, "Thành ủy", "based_on", "Chỉ thị 3"),
                             ("Kế hoạch", "14", "14-KH/TU", None, None, "implements", "14-KH/TU")]),
]


def _write(out: Path) -> None:
    docs, cites = TableWriter(out, "documents"), TableWriter(out, "citations")
    for doc_id, so_hieu, date, rows in DOCS:
        docs.write_rows([{"doc_id": doc_id, "source_path": f"{doc_id}.txt", "so_hieu": so_hieu, "issue_date": date}])
        cites.write_rows([{"doc_id": doc_id, "source_path": f"{doc_id}.txt", "so_hieu": so_hieu,
                           **dict(zip(("cited_type", "cited_number", "cited_symbol", "cited_date", "cited_issuer",
                                       "relation", "cited_key"), r)), "start": 10 * i, "end": 10 * i + 5}
                          for i, r in enumerate(rows)])
    docs.commit()
    cites.commit()


def _parts(cuts: list[int], learnt: bool) -> list[parts.Part]:
    """Parts of the documents cut before each index of `cuts`; `learnt`: every second part comes
    with its join, as a shard's marker gives it."""
    bounds = [0, *cuts, len(DOCS)]
    out, cit = [], 0
    for n, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        rows = [dict(zip(("cited_type", "cited_number", "cited_symbol", "cited_date", "cited_issuer"), r))
                for d in DOCS[lo:hi] for r in d[3]]
        join = parts.join_json(learn(rows)) if learnt and n % 2 else None
        out.append(parts.Part((cit, cit + len(rows)), (lo, hi), join))
        cit += len(rows)
    return out


@pytest.mark.parametrize("cuts", [[], [1], [2, 3], [1, 2, 3, 4, 5, 6], [3, 5]])
@pytest.mark.parametrize("learnt", [False, True])
def test_parts_give_the_tables_of_one_pass(tmp_path, cuts, learnt):
    one, split = tmp_path / "one", tmp_path / "split"
    one.mkdir()
    _write(one)
    shutil.copytree(one, split)
    build_tables(one)
    counts = parts.build_tables(split, _parts(cuts, learnt), tmp_path / "graph")
    assert counts == {"citation_edges": 9, "cited_documents": 5}
    for name in ("citation_edges", "cited_documents", "citations"):
        assert (split / f"{name}.csv").read_bytes() == (one / f"{name}.csv").read_bytes(), name


def test_the_example_exercises_the_join_and_the_descriptions(tmp_path):
    """What the comparison above rests on: the key of `b` moves with `c`, `d` is rekeyed, and the
    first issuer seen stands for `Chỉ thị 3`."""
    _write(tmp_path)
    build_tables(tmp_path)
    from pipeline.output import read_rows
    keys = [(r["doc_id"], r["cited_key"]) for r in read_rows(tmp_path, "citations", ["doc_id", "cited_key"])]
    assert keys == [("a", "25-NQ/TW@2013"), ("a", "Chỉ thị 3"), ("b", "25-NQ/TW@2014"), ("b", "25-NQ/TW@2014"),
                    ("c", "25-NQ/TW@2014"), ("d", "12-CT/TW@2017"), ("e", "12-CT/TW@2017"), ("e", "Chỉ thị 3"),
                    ("g", "Chỉ thị 3"), ("g", "14-KH/TU")]
    cited = {r["cited_key"]: r for r in read_rows(tmp_path, "cited_documents")}
    assert (cited["Chỉ thị 3"]["cited_issuer"], cited["Chỉ thị 3"]["cited_by"]) == ("Tỉnh ủy", 3)
    assert (cited["12-CT/TW@2017"]["doc_id"], cited["14-KH/TU"]["doc_id"]) == ("e", "f")


def test_a_description_merged_counts_a_document_across_the_cut_once():
    first, second, whole = Cited(), Cited(), Cited()
    rows = [{"doc_id": d, "cited_issuer": i} for d, i in [("x", "A"), ("y", "B"), ("y", "A"), ("z", "B")]]
    for r in rows[:2]:
        first.add(r)
    for r in rows[2:]:
        second.add(r)
    for r in rows:
        whole.add(r)
    first.merge(second)
    assert (first.cited_by, first.most_common("cited_issuer")) == (whole.cited_by, "A") == (3, "A")
    assert (first.first_doc, first.last_doc) == ("x", "z")
