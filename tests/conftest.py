"""Shared test fixtures. `../shared` (gold, real files) is optional: tests that need it skip."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
RAW = ROOT / "data" / "raw"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared is not here")
    return SHARED


def analyze_text(text: str, name: str = "t.txt"):
    """Normalize, segment and extract a text as the pipeline does; returns (doc, found)."""
    from pipeline.extract import extract_all
    from pipeline.normalize import normalize
    from pipeline.segment import segment

    doc = segment(normalize(text), "test", name)
    return doc, extract_all(doc)


def fields_of(text: str) -> dict:
    from pipeline.extract import document_fields

    _, found = analyze_text(text)
    return {k: (v.value if v else None) for k, v in document_fields(found.get("fields", [])).items()}


@pytest.fixture(scope="session")
def sample_tables(tmp_path_factory) -> Path:
    """The tables (and vanban.duckdb) of the bundled sample archive, written once per session."""
    from pipeline.run import run

    out = tmp_path_factory.mktemp("sample_tables")
    assert run([RAW], out).documents == len(list(RAW.glob("*.txt")))
    return out
