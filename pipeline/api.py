"""The public API: one document through ingest → normalize → segment → extract.

    from pipeline import analyze_file, analyze_text
    a = analyze_text("KẾ HOẠCH\\n…")
    a.records["citations"]      # extractor records per table (dataclasses with offsets)
    a.tables()["documents"]     # the rows `vanban run` writes for this document

The batch runner (`pipeline.run`), the CLI and the tests all go through here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from pipeline import ingest, stream
from pipeline.extract import document_fields, document_problems, extract_all, mark_stamped
from pipeline.models import NormText, Problem, RawDocument, SegmentedDoc, StageError
from pipeline.normalize import normalize
from pipeline.segment import segment
from pipeline.tables import document_keys, error_row, record_rows


@dataclass
class Analysis:
    """Everything the pipeline knows about one document (what `vanban show` prints)."""

    doc_id: str
    source_path: str
    raw: RawDocument
    doc: SegmentedDoc
    records: dict[str, list]                # table → extractor records
    problems: list[Problem] = field(default_factory=list)   # the reader's, then the extractors'

    @property
    def found(self) -> dict[str, list]:     # the name the extractors use for the same mapping
        return self.records

    @property
    def fields(self) -> dict[str, Optional[str]]:
        """The `documents` fields, value only."""
        return {k: (v.value if v else None) for k, v in document_fields(self.records.get("fields", [])).items()}

    def tables(self) -> dict[str, list[dict]]:
        """The rows of every table for this document, as `vanban run` writes them."""
        doc, doc_row = self.doc, document_row(self)
        keys = document_keys(doc_row)
        tables = {"documents": [doc_row]}
        for name, records in self.records.items():
            tables[name] = record_rows(name, self.doc_id, records, doc.norm, keys)
        tables["sections"] = record_rows("sections", self.doc_id, doc.sections, None, keys)
        tables["errors"] = [error_row(self.source_path, self.doc_id, p.stage, p.message, p.severity, p.page) | keys
                            for p in self.problems]
        return tables


def normalized(raw: RawDocument) -> NormText:
    """The text the extractors see (`vanban text`)."""
    return normalize(raw.text, wrapped=raw.source_format == "pdf")


def _staged(step):
    """The step's result; its failure a StageError of the normalize/segment stage."""
    try:
        return step()
    except (StageError, MemoryError):
        raise
    except Exception as exc:
        raise StageError("normalize/segment", f"{type(exc).__name__}: {exc}") from exc


def analyze_raw(raw: RawDocument, doc_id: str, source_path: str) -> Analysis:
    """Normalize, segment and extract what a reader returned (raises StageError). An extractor
    that fails is isolated: a Problem names it and the other tables are kept."""
    doc = _staged(lambda: segment(normalized(raw), doc_id, source_path))
    problems = list(raw.problems)
    records = extract_all(doc, problems)
    mark_stamped(doc, records, raw.stamped)
    problems += document_problems(doc, records)
    return Analysis(doc_id, source_path, raw, doc, records, problems)


def _read(path: Path) -> tuple[str, RawDocument]:
    """The file's doc_id (its content hash) and what the reader its bytes call for returns."""
    return ingest.doc_id_for(ingest.file_digest(path)), ingest.read(path)


def analyze_file(path, source_path: Optional[str] = None) -> Analysis:
    """Read one file with the reader its bytes call for and analyze it (raises StageError)."""
    path = Path(path)
    doc_id, raw = _read(path)
    return analyze_raw(raw, doc_id, source_path or path.name)


def analyze_text(text: str, source_path: str = "text.txt", doc_id: str = "text") -> Analysis:
    """Analyze a text as if read from a UTF-8 `.txt` file."""
    return analyze_raw(RawDocument(text=text, source_format="txt", encoding="utf-8"), doc_id, source_path)


def document_row(a: Analysis) -> dict:
    return _document_row(a.doc_id, a.source_path, a.raw, len(a.doc.text), a.fields)


def _document_row(doc_id: str, source_path: str, raw: RawDocument, n_chars: int, fields: dict) -> dict:
    row = {"doc_id": doc_id, "source_path": source_path, "source_format": raw.source_format,
           "text_source": raw.text_source, "encoding": raw.encoding,
           "encoding_confidence": raw.encoding_confidence, "text_confidence": raw.text_confidence,
           "pages": raw.pages, "n_chars": n_chars}
    row.update(fields)
    return row


def table_parts(path, source_path: str) -> Iterator[dict[str, list[dict]]]:
    """The rows `vanban run` writes for one file (raises StageError), in parts: one for an ordinary
    document; for a very large one (past stream.LARGE_CHARS), one per piece of its body, each made
    only when the previous one has been taken (pipeline/stream.py), the `documents` row first."""
    doc_id, raw = _read(Path(path))
    if len(raw.text) <= stream.LARGE_CHARS:
        yield analyze_raw(raw, doc_id, source_path).tables()
        return
    norm = _staged(lambda: normalized(raw))
    raw.text = norm.raw = ""     # the normalized text and its edits are all that is read from here on
    keys: dict = {}
    for tables, fields, problems in stream.table_parts(raw, norm, doc_id, source_path):
        if fields:
            values = {k: (v.value if v else None) for k, v in document_fields(fields).items()}
            tables["documents"] = [_document_row(doc_id, source_path, raw, len(norm.text), values)]
            keys = {"source_path": source_path, "so_hieu": values.get("so_hieu")}
        tables["errors"] = [error_row(source_path, doc_id, p.stage, p.message, p.severity, p.page)
                            for p in problems]
        for rows in tables.values():
            for row in rows:
                row.update(keys)
        yield tables
