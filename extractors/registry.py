"""The extractors, one module per concern, in the order they run.

Each takes a segmented document and the records found so far (table → list, read-only) and
returns records with offsets into the normalized text. A new extractor plugs in by adding an
`Extractor` here and, if it fills a new table, a schema in `pipeline/tables.py`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from extractors import assignments, citations, deadlines, header, recipients, signature, targets
from pipeline.models import SegmentedDoc


@dataclass(frozen=True)
class Extractor:
    name: str
    table: str    # 'fields' feeds the one `documents` row; others are tables of their own
    run: Callable[[SegmentedDoc, Mapping[str, list]], list]


EXTRACTORS: list[Extractor] = [
    Extractor("header", "fields", header.extract),
    Extractor("signers", "signers", signature.extract_signers),
    Extractor("signature", "fields", signature.extract),          # after signers: the first one's fields
    Extractor("recipients", "recipients", recipients.extract),
    Extractor("citations", "citations", citations.extract),
    Extractor("targets", "targets", targets.extract),
    Extractor("assignments", "assignments", assignments.extract),
    Extractor("deadlines", "deadlines", deadlines.extract),     # after assignments: links each to its assignee
]
