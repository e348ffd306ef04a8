"""The public API, the extractor registry's contract, and per-extractor isolation."""
from __future__ import annotations

import dataclasses

import pytest

import pipeline
from extractors import registry
from extractors.registry import EXTRACTORS, Extractor, check_order

PLAN = """ĐOÀN TNCS HỒ CHÍ MINH
BCH ĐOÀN TỈNH KIÊN GIANG
Số: 12-KH/TĐTN
Rạch Giá, ngày 03 tháng 4 năm 2024

KẾ HOẠCH
Tổ chức Tháng Thanh niên năm 2024

Thực hiện Nghị quyết số 03-NQ/TWĐTN-BTC ngày 05/3/2014 của Ban Chấp hành Trung ương Đoàn.
1. Phấn đấu kết nạp ít nhất 500 đoàn viên mới.
2. Ban Tổ chức Tỉnh Đoàn chủ trì, báo cáo trước ngày 30/6/2024.

Nơi nhận:
- Trung ương Đoàn (b/c);
- Lưu VP.
TM. BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn An
"""

def test_analyze_text_gives_records_and_rows():
    a = pipeline.analyze_text(PLAN, "plan.txt")
    assert a.fields["so_hieu"] == "12-KH/TĐTN" and a.fields["issue_date"] == "2024-04-03"
    assert [c.cited_symbol for c in a.records["citations"]] == ["03-NQ/TWĐTN-BTC"]
    rows = a.tables()
    assert rows["documents"][0]["source_path"] == "plan.txt"
    assert rows["documents"][0]["signer_name"] == "Nguyễn Văn An"
    assert [r["recipient"] for r in rows["recipients"]][:1] == ["Trung ương Đoàn"]
    assert rows["errors"] == []


def test_analyze_file_reads_by_the_bytes(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    a = pipeline.analyze_file(path)
    assert a.source_path == "plan.txt" and a.raw.source_format == "txt"
    assert a.tables()["documents"][0]["so_hieu"] == "12-KH/TĐTN"


def test_registry_order_is_checked():
    def nothing(doc, found):
        return []

    a = Extractor("a", "alpha", nothing, object, requires=("beta",))
    b = Extractor("b", "beta", nothing, object)
    with pytest.raises(ValueError, match="'a' requires 'beta', which b still fill"):
        check_order([a, b])
    with pytest.raises(ValueError, match="nothing fills before it"):
        check_order([a])
    check_order([b, a])


def test_a_failing_extractor_loses_only_its_own_rows(monkeypatch):
    def broken(doc, found):
        raise RuntimeError("boom")

    at = next(i for i, ex in enumerate(EXTRACTORS) if ex.name == "targets")
    patched = list(EXTRACTORS)
    patched[at] = dataclasses.replace(EXTRACTORS[at], run=broken)
    monkeypatch.setattr("pipeline.extract.EXTRACTORS", patched)
    a = pipeline.analyze_text(PLAN, "plan.txt")
    rows = a.tables()
    assert rows["targets"] == []
    assert rows["documents"][0]["so_hieu"] == "12-KH/TĐTN" and rows["citations"] and rows["deadlines"]
    [error] = rows["errors"]
    assert (error["stage"], error["severity"], error["source_path"]) == ("extract:targets", "error", "plan.txt")
    assert error["message"].startswith("extractor targets failed: RuntimeError: boom (test_api.py:")
    assert registry.EXTRACTORS is not patched        # the real registry is untouched
