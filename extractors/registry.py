"""The extractors, one module per concern, in the order they run.

Each takes a segmented document and the records found so far (table → list, read-only) and
returns records with offsets into the normalized text. Each declares what it `requires` (tables
earlier extractors fill) and the table it `provides` and the record type it returns, so that the
order is checked when this module loads and the record's fields are checked against the table's
schema in a test. A new extractor plugs in by adding an `Extractor` here and, if it fills a new
table, a schema in `pipeline/tables.py`. A linking step (`replaces=True`) reads the records of
earlier extractors and returns its table's records anew.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from extractors import assignments, citations, deadlines, header, links, recipients, signature, targets
from pipeline.models import FieldValue, Recipient, SegmentedDoc, Signer


@dataclass(frozen=True)
class Extractor:
    name: str
    table: str          # what it provides: 'fields' feeds the one `documents` row; others are tables
    run: Callable[[SegmentedDoc, Mapping[str, list]], list]
    record: type        # the record type it returns (its fields are the table's columns)
    requires: tuple[str, ...] = ()    # tables that must be complete before it runs
    replaces: bool = False            # the records returned replace the table's records so far


EXTRACTORS: list[Extractor] = [
    Extractor("header", "fields", header.extract, FieldValue),
    Extractor("signers", "signers", signature.extract_signers, Signer),
    Extractor("signature", "fields", signature.extract, FieldValue, requires=("signers",)),    # the first signer's fields
    Extractor("recipients", "recipients", recipients.extract, Recipient),
    Extractor("citations", "citations", citations.extract, citations.Citation, requires=("fields",)),
    Extractor("targets", "targets", targets.extract, targets.Target, requires=("fields",)),
    Extractor("deadlines", "deadlines", deadlines.extract, deadlines.Deadline, requires=("fields",)),
    Extractor("assignments", "assignments", assignments.extract, assignments.Assignment,
              requires=("fields", "deadlines")),
    # after both: each deadline gets the assignee of the assignment around it
    Extractor("deadline assignees", "deadlines", links.deadline_assignees, deadlines.Deadline,
              requires=("deadlines", "assignments"), replaces=True),
]


def check_order(extractors: list[Extractor]) -> None:
    """Every table an extractor requires is filled completely by extractors that run before it. A
    linking step (`replaces`) after it may still rewrite the records (add a link), not add any."""
    for i, ex in enumerate(extractors):
        for table in ex.requires:
            later = [e.name for e in extractors[i + 1:] if e.table == table and not e.replaces]
            if later or not any(e.table == table for e in extractors[:i]):
                raise ValueError(f"extractor {ex.name!r} requires {table!r}, which "
                                 + (f"{', '.join(later)} still fill(s) after it" if later else "nothing fills before it"))


check_order(EXTRACTORS)
