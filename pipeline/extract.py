"""Run the extractors over one segmented document and assemble its `documents` row."""
from __future__ import annotations

from typing import Optional

from extractors.registry import EXTRACTORS
from pipeline.models import FieldValue, SegmentedDoc

DOC_FIELDS = ("so_hieu", "doc_type", "issue_date", "place", "issuing_body", "parent_body", "title",
              "signer_name", "signer_title", "signing_authority")


def extract_all(doc: SegmentedDoc) -> dict[str, list]:
    found: dict[str, list] = {}
    for ex in EXTRACTORS:
        records = ex.run(doc, found)
        if ex.replaces:
            found[ex.table] = records
        else:
            found.setdefault(ex.table, []).extend(records)
    return found


def document_fields(fields: list[FieldValue]) -> dict[str, Optional[FieldValue]]:
    """First value found per field; the issuing body falls back to the body signed for (TM.), then
    to the one the opening sentence names."""
    chosen: dict[str, Optional[FieldValue]] = {}
    for f in fields:
        if f.value and f.field not in chosen:
            chosen[f.field] = f
    fallback = chosen.get("signed_for_body") or chosen.get("opening_body")
    if "issuing_body" not in chosen and fallback:
        chosen["issuing_body"] = fallback
    return {name: chosen.get(name) for name in DOC_FIELDS}
