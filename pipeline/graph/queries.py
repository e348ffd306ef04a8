"""The questions `vanban cites` and `vanban cited-by` ask of the graph tables."""
from __future__ import annotations

from pathlib import Path, PurePath
from typing import Optional

from pipeline.citekeys import RELATION_RANK, symbol_key
from pipeline.output import read_rows


def find_document(documents: list[dict], ref: str) -> Optional[dict]:
    """A document by doc_id, source path, or file stem."""
    for d in documents:
        path = d.get("source_path") or ""
        if ref in (d["doc_id"], path, PurePath(path).name, PurePath(path).stem) \
                or PurePath(ref).as_posix().endswith("/" + path):
            return d
    return None


def cites(tables: Path, ref: str) -> Optional[tuple[dict, list[dict]]]:
    """(document, its edges joined with the cited documents), strongest relation first."""
    docs = read_rows(tables, "documents")
    doc = find_document(docs, ref)
    if doc is None:
        return None
    cited = {c["cited_key"]: c for c in read_rows(tables, "cited_documents")}
    paths = {d["doc_id"]: d.get("source_path") for d in docs}
    out = [{**cited.get(e["cited_key"], {}), **e, "cited_path": paths.get(e.get("cited_doc_id"))}
           for e in read_rows(tables, "citation_edges") if e["doc_id"] == doc["doc_id"]]
    return doc, sorted(out, key=lambda e: (-RELATION_RANK.get(e["relation"], 0), e["first_start"]))


def cited_by(tables: Path, query: str) -> dict[str, list[dict]]:
    """cited_key → the citation rows citing the document named by `query` (a symbol in any
    spelling, or a key such as `25-NQ/TW@2013`, `Chỉ thị 3`); each row names its document."""
    by_symbol = query[:1].isdigit() and "@" not in query     # every key of that symbol
    want = symbol_key(query) if by_symbol else query
    out: dict[str, list[dict]] = {}
    for r in read_rows(tables, "citations"):
        key = r.get("cited_key") or ""
        if (symbol_key(r["cited_symbol"]) if by_symbol and r.get("cited_symbol") else key) == want:
            out.setdefault(key, []).append(r)
    return out
