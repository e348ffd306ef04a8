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
    """The public API on a text, strict: an extractor's exception fails the test. Returns (doc, found)."""
    from pipeline import analyze_text as analyze

    a = analyze(text, name, doc_id="test")
    assert not [p for p in a.problems if p.stage.startswith("extract")], a.problems
    return a.doc, a.records


def fields_of(text: str) -> dict:
    from pipeline import analyze_text as analyze

    return analyze(text).fields



@pytest.fixture(scope="session")
def sample_tables(tmp_path_factory) -> Path:
    """The tables (and vanban.duckdb) of the bundled sample archive, written once per session."""
    from pipeline.run import run

    out = tmp_path_factory.mktemp("sample_tables")
    assert run([RAW], out).documents == len(list(RAW.glob("*.txt")))
    return out
