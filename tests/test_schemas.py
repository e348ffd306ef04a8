"""One schema source: each table's columns agree with its record dataclass, so that a field
renamed on one side fails here instead of becoming a column of nulls."""
from dataclasses import dataclass

import pytest

from extractors.registry import EXTRACTORS
from pipeline.models import Section
from pipeline.tables import COLUMNS, schema_mismatches

# the registry declares each extractor's record type; sections come from the segmenter
RECORDS = {**{e.table: e.record for e in EXTRACTORS}, "sections": Section}


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
