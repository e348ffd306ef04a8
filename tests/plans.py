"""Build a segmented plan from a few real lines, for the commitment extractor tests."""
from __future__ import annotations

from extractors import assignments, deadlines, links, targets
from pipeline.models import FieldValue
from pipeline.normalize import normalize
from pipeline.segment import segment


def plan(text: str, issue_date: str | None = "2014-05-28", title: str = "Thực hiện công tác Đoàn"):
    """The lines as the body of a plan with a type line and a title (so none is read as a header)."""
    doc = segment(normalize(f"KẾ HOẠCH\n{title}\n\n{text}"), "t", "t.txt")
    found = {"fields": [FieldValue("issue_date", issue_date)] if issue_date else []}
    found["targets"] = targets.extract(doc, found)
    found["deadlines"] = deadlines.extract(doc, found)
    found["assignments"] = assignments.extract(doc, found)
    found["deadlines"] = links.deadline_assignees(doc, found)
    return doc, found
