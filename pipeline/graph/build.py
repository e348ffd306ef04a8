"""The citation graph's tables, built after the batch from the written `citations` and
`documents`: `citation_edges`, `cited_documents`, and the archive-wide `cited_key` written back
into `citations`.

Keys are joined across documents (`pipeline.citekeys.KeyJoin`), so a bare `25-NQ/TW` in one
document meets `25-NQ/TW@2013` of another when that is the only dated form. The tables are built in
passes over the written citations, so memory grows with the cited keys, not with the archive.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.citekeys import RELATION_RANK, KeyJoin, symbol_key
from pipeline.symbols import find_symbols
from pipeline.output import iso_dates, read_rows
from pipeline.tables import TableWriter, write_table


def _archive_doc(symbol: Optional[str], key: str, by_symbol: dict[str, list[dict]]) -> Optional[str]:
    """doc_id of the archive document with this number (and the key's year, when both are known)."""
    if not symbol:
        return None
    year = key.rpartition("@")[2] if "@" in key and key.rpartition("@")[2].isdigit() else None
    docs = [d for d in by_symbol.get(symbol_key(symbol), [])
            if not (year and d.get("issue_date")) or d["issue_date"][:4] == year]
    return docs[0]["doc_id"] if len(docs) == 1 else None


def _system(symbol: Optional[str]) -> Optional[str]:
    """`party` (Party and Đoàn grammar, `25-NQ/TW`), `state` (`20/KH-UBND`) or `legal`
    (`98/2014/NĐ-CP`) by the form of the cited number."""
    found = next(find_symbols(symbol), None) if symbol else None
    return found[1].system if found else None


_DESCRIBED = ("cited_type", "cited_number", "cited_symbol", "cited_date", "cited_issuer")


class Cited:
    """One cited document as the archive's citations describe it: the counts of each value they
    give (the most common stands for it, the first seen on a tie) and how many documents cite it.
    Two descriptions of consecutive runs of rows merge into the one of both (`merge`)."""

    def __init__(self) -> None:
        self.values = {f: Counter() for f in _DESCRIBED}
        self.cited_by, self.first_doc, self.last_doc = 0, None, None

    def add(self, r: dict) -> None:
        for f, counts in self.values.items():
            if r.get(f):
                counts[r[f]] += 1
        if r["doc_id"] != self.last_doc:      # a document's rows come together
            self.first_doc = self.first_doc if self.cited_by else r["doc_id"]
            self.cited_by, self.last_doc = self.cited_by + 1, r["doc_id"]

    def merge(self, later: "Cited") -> None:
        """Add the description of the rows that come next: counts add up in order of first sight
        (so ties break as in one pass), a document across the boundary is counted once."""
        for f, counts in self.values.items():
            counts.update(later.values[f])
        across = bool(self.cited_by and later.cited_by and self.last_doc == later.first_doc)
        self.first_doc = self.first_doc if self.cited_by else later.first_doc
        self.cited_by += later.cited_by - across
        self.last_doc = later.last_doc if later.cited_by else self.last_doc

    def most_common(self, f: str) -> Optional[str]:
        return self.values[f].most_common(1)[0][0] if self.values[f] else None


Citations = Callable[[], Iterable[dict]]     # reads the citation rows anew on each call


# The pass in steps, each over citation rows in table order (a document's rows together), so that
# an executor can run them over parts of the table (pipeline/graph/parts.py): learn the key join,
# settle it, describe each cited key, make the cited documents, then the edges.

def learn(rows: Iterable[dict], join: Optional[KeyJoin] = None) -> KeyJoin:
    """The key join learnt from these rows (added to `join`), not settled."""
    join = join or KeyJoin()
    for r in rows:
        join.learn(r)
    return join


def key_of(join: KeyJoin, r: dict) -> Optional[str]:
    """The archive-wide key of a citation row (the join settled)."""
    key = join.key(r)
    return r.get("cited_key") if key is None else key


def describe(rows: Iterable[dict], join: KeyJoin) -> tuple[dict[str, Cited], bool]:
    """Each cited key's description, by first sight; and whether any row's archive-wide key
    differs from its own."""
    described: dict[str, Cited] = {}
    rekeyed = False
    for r in rows:
        key = key_of(join, r)
        rekeyed = rekeyed or key != r.get("cited_key")
        if key:
            if key not in described:
                described[key] = Cited()
            described[key].add(r)
    return described, rekeyed


def numbered(documents: Iterable[dict], wanted: Optional[set[str]] = None) -> dict[str, list[dict]]:
    """The archive's numbered documents by the comparable form of their number, in table order;
    only the numbers `wanted` when given (see `cited_symbols`)."""
    found: dict[str, list[dict]] = {}
    for d in documents:
        if d.get("so_hieu") and d["so_hieu"][:1].isdigit():
            s = symbol_key(d["so_hieu"])
            if wanted is None or s in wanted:
                found.setdefault(s, []).append(d)
    return found


def cited_symbols(described: dict[str, Cited]) -> set[str]:
    """The numbers of the archive documents that the described keys may name."""
    return {symbol_key(s) for s in (c.most_common("cited_symbol") for c in described.values()) if s}


def cited_rows(described: dict[str, Cited], by_symbol: dict[str, list[dict]]) -> dict[str, dict]:
    """The `cited_documents` row of each described key, with the archive document it names
    (`by_symbol`: see `numbered`)."""
    cited = {}
    for key, c in described.items():
        symbol = c.most_common("cited_symbol")
        cited[key] = {"cited_key": key, **{f: c.most_common(f) for f in _DESCRIBED},
                      "cited_system": _system(symbol), "cited_by": c.cited_by,
                      "doc_id": _archive_doc(symbol, key, by_symbol)}
    return cited


def sorted_cited(cited: dict[str, dict]) -> list[dict]:
    return sorted(cited.values(), key=lambda c: (-c["cited_by"], c["cited_key"]))


def edges(rows: Iterable[dict], join: KeyJoin, cited: dict[str, dict], docs: dict[str, dict]) -> Iterator[dict]:
    """One edge per (document, cited key), a document's edges as soon as its rows end. `docs`:
    doc_id → the citing document's row (source_path, so_hieu)."""
    found: dict[str, dict] = {}
    doc = None
    for r in rows:
        if r["doc_id"] != doc:
            yield from found.values()
            found, doc = {}, r["doc_id"]
        key = key_of(join, r)
        if not key:
            continue
        c, citing = cited[key], docs.get(r["doc_id"], {})
        e = found.setdefault(key, {
            "doc_id": r["doc_id"], "source_path": citing.get("source_path"), "so_hieu": citing.get("so_hieu"),
            "cited_key": key, "cited_type": c["cited_type"], "cited_symbol": c["cited_symbol"],
            "relation": r["relation"], "count": 0, "first_start": r["start"], "cited_doc_id": c["doc_id"]})
        e["count"] += 1
        e["first_start"] = min(e["first_start"], r["start"])
        if RELATION_RANK.get(r["relation"], 0) > RELATION_RANK.get(e["relation"], 0):
            e["relation"] = r["relation"]     # the strongest relation stands for the pair
    yield from found.values()


class Graph:
    """The key join and each cited document's description, learnt in two passes over the
    citations; then the edges (a third pass) and the archive-wide key of any citation row."""

    def __init__(self, citations: Citations, documents: list[dict]):
        self.citations = citations
        self.join = learn(citations())
        self.join.settle()
        described, self.rekeyed = describe(citations(), self.join)
        self.docs = {d["doc_id"]: d for d in documents}
        self.cited = cited_rows(described, numbered(documents))

    def key_of(self, r: dict) -> Optional[str]:
        return key_of(self.join, r)

    def cited_documents(self) -> list[dict]:
        return sorted_cited(self.cited)

    def edges(self) -> Iterator[dict]:
        return edges(self.citations(), self.join, self.cited, self.docs)


def build(citations: Citations, documents: list[dict]) -> tuple[Iterator[dict], list[dict]]:
    """(citation_edges, cited_documents) rows. `citations` gives the rows in table order, a
    document's rows together; it is read three times (the key join, each key's description, the
    edges document by document), so memory holds one entry per cited key, not per citation."""
    g = Graph(citations, documents)
    return g.edges(), g.cited_documents()


# what the graph reads of each citation: the mentions' text would cost memory
CITATION_COLUMNS = ["doc_id", "cited_type", "cited_number", "cited_symbol", "cited_date", "cited_issuer",
                    "relation", "cited_key", "start"]
BATCH = 4096


def _rekey(out_dir: Path, g: Graph) -> None:
    """Rewrite `citations` with the archive-wide keys, so that its `cited_key` is the one of
    `citation_edges` and `cited_documents` (a bare `57-NQ/TW` becomes `57-NQ/TW@2024` when that is
    the only dated form in the archive). Skipped when no key changes."""
    if not g.rekeyed:
        return
    writer = TableWriter(out_dir, "citations")
    try:
        for batch in pq.ParquetFile(out_dir / "citations.parquet").iter_batches(batch_size=BATCH):
            described = iso_dates(batch.select(CITATION_COLUMNS), "citations").to_pylist()
            keys = pa.array([g.key_of(r) for r in described], pa.string())
            table = pa.Table.from_batches([batch])
            writer.write(table.set_column(table.schema.get_field_index("cited_key"), "cited_key", keys))
        writer.commit()
    except BaseException:
        writer.abort()
        raise


# the tables build_tables reads, and those it writes (citations: rewritten with the joined keys)
READS = ("citations", "documents")
WRITES = ("citations", "citation_edges", "cited_documents")


def build_tables(out_dir: Path) -> dict[str, int]:
    """Post-pass of `vanban run`: writes citation_edges and cited_documents, and the joined keys
    into citations."""
    path = out_dir / "citations.parquet"

    def citations() -> Iterator[dict]:
        if path.exists():
            for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH, columns=CITATION_COLUMNS):
                yield from iso_dates(batch, "citations").to_pylist()

    g = Graph(citations, read_rows(out_dir, "documents", ["doc_id", "source_path", "so_hieu", "issue_date"]))
    counts = {"citation_edges": write_table(out_dir, "citation_edges", g.edges()),
              "cited_documents": write_table(out_dir, "cited_documents", g.cited_documents())}
    _rekey(out_dir, g)
    return counts
