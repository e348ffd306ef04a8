"""The citation graph: its tables (`build`), the queries behind `vanban cites` / `vanban
cited-by` (`queries`), and its exports to GraphML, DOT and a self-contained page (`exports`)."""
from pipeline.graph.build import READS, WRITES, build, build_tables
from pipeline.graph.exports import export, model
from pipeline.graph.queries import cited_by, cites, find_document

__all__ = ["READS", "WRITES", "build", "build_tables", "cited_by", "cites", "export", "find_document", "model"]
