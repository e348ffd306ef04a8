"""Build a segmented plan from a few real lines, for the commitment extractor tests."""
from __future__ import annotations

from typing import Optional

from pipeline.extract import extract_all
from pipeline.models import FieldValue
from pipeline.normalize import normalize
from pipeline.segment import segment


def plan(text: str, issue_date: Optional[str] = "2014-05-28", title: str = "Thực hiện công tác Đoàn",
         doc_type: Optional[str] = None):
    """The lines as the body of a plan (or of a document of `doc_type`) with a type line and a title
    (so none is read as a header), dated `issue_date`; the registry's extractors after the header's
    run on it, in their order."""
    doc = segment(normalize(f"{(doc_type or 'Kế hoạch').upper()}\n{title}\n\n{text}"), "t", "t.txt")
    fields = [FieldValue("issue_date", issue_date)] if issue_date else []
    fields += [FieldValue("doc_type", doc_type)] if doc_type else []
    return doc, extract_all(doc, seed={"fields": fields, "signers": [], "recipients": []})
