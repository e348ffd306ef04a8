"""One schema source: each table's columns agree with its record dataclass, so that a field
renamed on one side fails here instead of becoming a column of nulls."""
from dataclasses import dataclass

import pytest

from extractors.assignments import Assignment
from extractors.citations import Citation
from extractors.deadlines import Deadline
from extractors.registry import EXTRACTORS
from extractors.targets import Target
from pipeline.models import FieldValue, Recipient, Section
from pipeline.tables import COLUMNS, schema_mismatches

RECORDS = {"fields": FieldValue, "sections": Section, "recipients": Recipient, "citations": Citation,
           "targets": Target, "deadlines": Deadline, "assignments": Assignment}


def test_every_extractor_table_has_its_record_type():
    assert {e.table for e in EXTRACTORS} <= set(RECORDS)


@pytest.mark.parametrize("table", sorted(RECORDS))
def test_table_matches_its_record(table):
    assert schema_mismatches(table, RECORDS[table]) == []


def test_a_renamed_field_is_caught():
    @dataclass
    class Renamed:          # `recipient` renamed to `name`
        name: str
        purpose: str
        start: int
        end: int

    assert schema_mismatches("recipients", Renamed) == [
        "recipients: field 'name' of Renamed has no column",
        "recipients: column 'recipient' is filled by nothing"]


@pytest.mark.parametrize("table", sorted(set(COLUMNS) - {"documents", "cited_documents"}))
def test_every_child_table_names_its_document(table):
    assert {"doc_id", "source_path", "so_hieu"} <= set(COLUMNS[table])


@pytest.mark.parametrize("table", sorted(RECORDS.keys() - {"sections"}))
def test_one_name_for_the_evidence(table):
    assert "evidence" in COLUMNS[table] and "source_text" not in COLUMNS[table]
