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


def test_a_field_bearing_a_document_key_is_caught():
    @dataclass
    class Keyed:            # record_rows puts the document's keys in first: this field would hide one
        recipient: str
        purpose: str
        so_hieu: str
        start: int
        end: int

    assert schema_mismatches("recipients", Keyed) == [
        "recipients: field 'so_hieu' of Keyed would hide the document's key"]


def test_rows_carry_the_document_keys_and_map_spans():
    from pipeline.api import analyze_text
    from pipeline.models import Recipient
    from pipeline.tables import record_rows

    a = analyze_text("KẾ HOẠCH\n\u00a0Nơi nhận:\n- Như trên;\n")
    rec = Recipient("Như trên", None, 10, 14)
    [row] = record_rows("recipients", "d1", [rec], a.doc.norm, {"source_path": "p.txt", "so_hieu": "5/KH"})
    assert row == {"doc_id": "d1", "source_path": "p.txt", "so_hieu": "5/KH", "recipient": "Như trên",
                   "purpose": None, "start": 10, "end": 14, "source_start": a.doc.norm.to_source(10, 14)[0],
                   "source_end": a.doc.norm.to_source(10, 14)[1], "evidence": a.doc.text[10:14]}
    assert list(row) == list(COLUMNS["recipients"])


@pytest.mark.parametrize("table", sorted(set(COLUMNS) - {"documents", "cited_documents"}))
def test_every_child_table_names_its_document(table):
    assert {"doc_id", "source_path", "so_hieu"} <= set(COLUMNS[table])


@pytest.mark.parametrize("table", sorted(RECORDS.keys() - {"sections"}))
def test_one_name_for_the_evidence(table):
    assert "evidence" in COLUMNS[table] and "source_text" not in COLUMNS[table]
