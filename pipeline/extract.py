"""Run the extractors over one segmented document and assemble its `documents` row."""
from __future__ import annotations

import traceback
from pathlib import Path
from typing import Optional

from extractors.header import blank_number, number_line
from extractors.registry import EXTRACTORS
from pipeline.models import FieldValue, Problem, SegmentedDoc
from pipeline.patterns import DATE_HINT

DOC_FIELDS = ("so_hieu", "doc_type", "issue_date", "place", "issuing_body", "parent_body", "title",
              "signer_name", "signer_title", "signing_authority")


# the tables read from the zones around the body (what a large document's first piece gives the others)
FRAME_TABLES = ("fields", "signers", "recipients")


def extract_all(doc: SegmentedDoc, problems: Optional[list[Problem]] = None,
                seed: Optional[dict[str, list]] = None, only: Optional[tuple[str, ...]] = None) -> dict[str, list]:
    """Records per table. With a `seed` (table → records already read), the extractors of those
    tables do not run; with `only`, only those of these tables run (a very large document's pieces,
    pipeline/stream.py). With a `problems` list, an extractor that raises is isolated: its records
    for this document are dropped, a Problem naming it is added, and the others still run (what the
    batch wants); without one, the exception propagates (what a test wants to see)."""
    found: dict[str, list] = {ex.table: [] for ex in EXTRACTORS}
    found.update(seed or {})
    for ex in EXTRACTORS:
        if (seed is not None and ex.table in seed) or (only is not None and ex.table not in only):
            continue
        try:
            _keep(found, ex, ex.run(doc, found))
        except MemoryError:
            raise
        except Exception as exc:
            if problems is None:
                raise
            where = traceback.extract_tb(exc.__traceback__)[-1]
            problems.append(Problem(f"extract:{ex.name}", f"extractor {ex.name} failed: {type(exc).__name__}: "
                                    f"{exc} ({Path(where.filename).name}:{where.lineno}); its rows are left out",
                                    severity="error"))
    return found


def _keep(found: dict[str, list], ex, records: list) -> None:
    if ex.replaces:
        found[ex.table] = records
    else:
        found[ex.table].extend(records)


def document_fields(fields: list[FieldValue]) -> dict[str, Optional[FieldValue]]:
    """First value found per field; the issuing body falls back to the body signed for (TM.), then
    to the one that adopted a law or resolution, then to the one the opening sentence names."""
    chosen: dict[str, Optional[FieldValue]] = {}
    for f in fields:
        if f.value and f.field not in chosen:
            chosen[f.field] = f
    fallback = chosen.get("signed_for_body") or chosen.get("adopting_body") or chosen.get("opening_body")
    if "issuing_body" not in chosen and fallback:
        chosen["issuing_body"] = fallback
    return {name: chosen.get(name) for name in DOC_FIELDS}


STAMP_CONFIDENCE = 0.7     # a value OCR read from a picture stamped into the header's blank slot


def mark_stamped(doc: SegmentedDoc, found: dict[str, list], stamped: list[tuple[int, int]]) -> None:
    """A field whose evidence covers a value the reader filled in from a stamped picture (a signed
    PDF's number or date, read by OCR) says so: method `ocr-stamp`, lower confidence."""
    if not stamped:
        return
    for f in found.get("fields", []):
        if f.start is None or f.end is None:
            continue
        lo, hi = doc.norm.to_source(f.start, f.end)
        if any(lo < end and start < hi for start, end in stamped):
            f.confidence = min(f.confidence, STAMP_CONFIDENCE)
            f.method = "ocr-stamp"


def document_problems(doc: SegmentedDoc, found: dict[str, list]) -> list[Problem]:
    """Warnings for a zone that is there but whose value could not be read (a scan's number,
    a signature without a name). A draft's blank number or date is no problem; a header counts
    only when it is a document's (a type line or a `Số` line), not the top of any web page."""
    chosen = document_fields(found.get("fields", []))
    header = doc.header is not None and (doc.type_line is not None or number_line(doc) is not None)
    out = []
    if chosen["so_hieu"] is None and number_line(doc) and not blank_number(doc):
        out.append("number line found but no number read")
    dated = any(f.field == "issue_date" for f in found.get("fields", []))    # a blank day too
    if header and not dated and any(DATE_HINT.search(ln.text) for ln in doc.header.lines):
        out.append("date line found but no date read")
    if header and chosen["issuing_body"] is None:
        out.append("header found but no issuing body read")
    if doc.signature and chosen["signer_name"] is None:
        out.append("signature block found but no name read")
    return [Problem("fields", message) for message in out]
