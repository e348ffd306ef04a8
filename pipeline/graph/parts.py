"""The citation-graph pass over parts of the merged tables, for an executor that runs tasks on
other machines (`pipeline/executors`): the same tables as `build.build_tables`, byte for byte.

A part is a run of whole documents: a row range of the merged `citations` and the matching range
of `documents` (a shard's documents, or the rows an incremental run kept). The steps of
`build.Graph`, split where they can run apart:

1. the key join learnt per part (`learn_part`; a shard task learns it from its own citations as it
   writes them, `join_json`), merged on the driver in part order (`merge_joins`: the last alias
   written wins, as in one pass) and settled there;
2. each cited key described per part with the settled join given to every task
   (`describe_part`), the descriptions merged on the driver in part order (`Cited.merge`); the
   archive documents that the cited numbers may name found per part (`numbered_part`), merged in
   part order; from both the driver makes `cited_documents` (it never reads `documents` whole);
3. the edges per part with the join and the cited keys given to every task (`edges_part`), each
   part's edges and its rows' archive-wide keys written to files that the driver concatenates in
   part order into `citation_edges` and, when a key changed, into `citations`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.citekeys import KeyJoin
from pipeline.graph.build import (BATCH, CITATION_COLUMNS, Cited, cited_rows, cited_symbols, describe, edges, key_of,
                                  learn, numbered, sorted_cited)
from pipeline.output import iso_dates
from pipeline.tables import ARROW_SCHEMAS, TableWriter, arrow_table, write_table


@dataclass(frozen=True)
class Part:
    citations: tuple[int, int]           # [start, stop) rows of the merged citations
    documents: tuple[int, int]           # [start, stop) rows of the merged documents
    join: Optional[dict] = None          # the join learnt from these rows already (join_json)


# Runs fn(item, **shared) for each item, on an engine's workers, and gives the results in order;
# `shared` goes to every task once (an engine's broadcast)
Map = Callable[..., Iterator[Any]]


def in_turn(fn: Callable, items: list, **shared) -> Iterator[Any]:
    """The Map of no engine: each item in turn, here."""
    return (fn(item, **shared) for item in items)


def citation_rows(table: pa.Table) -> list[dict]:
    """Citation rows as the graph reads them (its columns, dates as ISO text)."""
    return iso_dates(table.select(CITATION_COLUMNS), "citations").to_pylist()


def join_json(join: KeyJoin) -> dict:
    """A learnt join as JSON (a shard's done marker carries it)."""
    return {"quals": {s: sorted(qs) for s, qs in join.quals.items()},
            "alias": [[s, term, q] for (s, term), q in join.alias.items()]}


def _join_of(data: dict) -> KeyJoin:
    return KeyJoin({s: set(qs) for s, qs in data["quals"].items()},
                   {(s, term): q for s, term, q in data["alias"]})


def merge_joins(joins: list[dict]) -> KeyJoin:
    """The joins learnt from consecutive parts as the one learnt from all their rows in order,
    settled."""
    join = KeyJoin()
    for part in map(_join_of, joins):
        for s, qs in part.quals.items():
            join.quals.setdefault(s, set()).update(qs)
        join.alias.update(part.alias)
    join.settle()
    return join


def _rows(path: Path, start: int, stop: int, columns: list[str]) -> pa.Table:
    """Rows [start, stop) of a Parquet file, reading only the row groups they are in."""
    pf = pq.ParquetFile(path)
    groups, at, first = [], 0, None
    for i in range(pf.metadata.num_row_groups):
        n = pf.metadata.row_group(i).num_rows
        if at < stop and at + n > start:
            groups.append(i)
            first = at if first is None else first
        at += n
    if not groups:
        return pf.schema_arrow.empty_table().select(columns)
    return pf.read_row_groups(groups, columns=columns).slice(start - first, stop - start)


def read_range(out_dir: Path, name: str, rows: tuple[int, int], columns: list[str]) -> list[dict]:
    """Rows [start, stop) of a written table as the passes read them (dates as ISO text)."""
    return iso_dates(_rows(out_dir / f"{name}.parquet", *rows, columns), name).to_pylist()


def _part_citations(out_dir: str, part: Part) -> list[dict]:
    return citation_rows(_rows(Path(out_dir) / "citations.parquet", *part.citations, CITATION_COLUMNS))


def learn_part(part: Part, out_dir: str) -> dict:
    """Task: the join learnt from a part's citations."""
    return join_json(learn(_part_citations(out_dir, part)))


def describe_part(part: Part, out_dir: str, join: KeyJoin) -> tuple[dict[str, Cited], bool]:
    """Task: each cited key of a part described (see build.describe)."""
    return describe(_part_citations(out_dir, part), join)


def numbered_part(part: Part, out_dir: str, wanted: set[str]) -> dict[str, list[dict]]:
    """Task: a part's documents whose numbers are `wanted` (see build.numbered)."""
    return numbered(read_range(Path(out_dir), "documents", part.documents, ["doc_id", "so_hieu", "issue_date"]),
                    wanted)


def _files(folder: str, index: int) -> tuple[Path, Path]:
    return Path(folder) / f"edges-{index:05d}.parquet", Path(folder) / f"keys-{index:05d}.parquet"


def edges_part(item: tuple[int, Part], out_dir: str, folder: str, join: KeyJoin, cited: dict[str, dict],
               rekeyed: bool) -> None:
    """Task: a part's edges, and its rows' archive-wide keys when some changed, each to a file."""
    index, part = item
    rows = _part_citations(out_dir, part)
    docs = read_range(Path(out_dir), "documents", part.documents, ["doc_id", "source_path", "so_hieu"])
    edges_file, keys_file = _files(folder, index)
    pq.write_table(arrow_table("citation_edges", list(edges(rows, join, cited, {d["doc_id"]: d for d in docs}))),
                   edges_file)
    if rekeyed:
        pq.write_table(pa.table({"cited_key": pa.array([key_of(join, r) for r in rows], pa.string())}), keys_file)


def _rekey(out_dir: Path, key_files: list[Path]) -> None:
    """Rewrite `citations` with the archive-wide keys of its rows, read part after part."""
    keys = (batch.column(0) for f in key_files for batch in pq.ParquetFile(f).iter_batches(batch_size=BATCH))
    pending = pa.chunked_array([], pa.string())
    writer = TableWriter(out_dir, "citations")
    try:
        for batch in pq.ParquetFile(out_dir / "citations.parquet").iter_batches(batch_size=BATCH):
            while len(pending) < batch.num_rows:
                pending = pa.chunked_array([*pending.chunks, next(keys)], pa.string())
            table = pa.Table.from_batches([batch])
            at = table.schema.get_field_index("cited_key")
            writer.write(table.set_column(at, "cited_key", pending.slice(0, batch.num_rows)))
            pending = pending.slice(batch.num_rows)
        writer.commit()
    except BaseException:
        writer.abort()
        raise


def build_tables(out_dir: Path, parts: list[Part], folder: Path, run: Map = in_turn) -> dict[str, int]:
    """`build.build_tables` over the parts (in table order, covering every citation row), their
    per-part steps run by `run`; `folder` holds the parts' edge and key files meanwhile."""
    all_parts, parts = parts, [p for p in parts if p.citations[1] > p.citations[0]]
    shared = {"out_dir": str(out_dir)}
    unlearnt = [p for p in parts if p.join is None]
    learnt = iter(run(learn_part, unlearnt, **shared))
    join = merge_joins([p.join if p.join is not None else next(learnt) for p in parts])
    described: dict[str, Cited] = {}
    rekeyed = False
    for part_described, part_rekeyed in run(describe_part, parts, join=join, **shared):
        rekeyed = rekeyed or part_rekeyed
        for key, c in part_described.items():
            if key in described:
                described[key].merge(c)
            else:
                described[key] = c
    # the archive documents the cited keys name, found part by part (every part: a part without
    # citations still has documents), so that the driver never holds the documents table
    by_symbol: dict[str, list[dict]] = {}
    for found in run(numbered_part, all_parts, wanted=cited_symbols(described), **shared):
        for symbol, docs in found.items():
            by_symbol.setdefault(symbol, []).extend(docs)
    cited = cited_rows(described, by_symbol)
    folder.mkdir(parents=True, exist_ok=True)
    for _ in run(edges_part, list(enumerate(parts)), folder=str(folder), join=join, cited=cited, rekeyed=rekeyed,
                 **shared):
        pass
    writer = TableWriter(out_dir, "citation_edges")
    try:
        for index in range(len(parts)):
            writer.write(pq.read_table(_files(str(folder), index)[0], schema=ARROW_SCHEMAS["citation_edges"]))
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    counts = {"citation_edges": writer.count,
              "cited_documents": write_table(out_dir, "cited_documents", sorted_cited(cited))}
    if rekeyed:
        _rekey(out_dir, [_files(str(folder), index)[1] for index in range(len(parts))])
    return counts
