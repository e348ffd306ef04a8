"""`vanban show FILE --commitments` prints the plan's targets with scope, period/deadline and assignee."""
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

PLAN = """KẾ HOẠCH
Phát triển tổ chức Đoàn năm 2024

II. CHỈ TIÊU
- Hàng năm, vận động thành lập mới ít nhất 02 tổ chức Đoàn.
III. TỔ CHỨC THỰC HIỆN
1. Các huyện, thị, thành Đoàn
- Đảm bảo mỗi đơn vị thành lập ít nhất 03 chi hội (chậm nhất là ngày 30/10).
IV. TIẾN ĐỘ THỰC HIỆN
- Tháng 10/2024: Tổng kết.
"""


def test_show_commitments(tmp_path: Path):
    f = tmp_path / "plan.txt"
    f.write_text(PLAN, encoding="utf-8")
    res = CliRunner().invoke(app, ["show", str(f), "--commitments"])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "≥ 2 tổ chức Đoàn" in out and "Hàng năm" in out
    assert "≥ 3 chi hội" in out and "mỗi đơn vị" in out and "2024-10-30" in out and "Các huyện, thị, thành Đoàn" in out
    assert "2024-10" in out and "Tổng kết" in out


DIRECTIVE = """CHỈ THỊ
Về tăng cường quản lý đất lâm nghiệp

1. Ủy ban nhân dân các xã, phường:
a) Rà soát toàn bộ diện tích đất lâm nghiệp bị lấn chiếm, báo cáo trước ngày 30/6/2025.
2. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí thực hiện.
"""

TASK_TABLE = """KẾ HOẠCH
Chuyển đổi số năm 2025

III. TỔ CHỨC THỰC HIỆN
STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
1 | Xây dựng cơ sở dữ liệu cán bộ | Sở Nội vụ | Sở Tài chính | Quý III/2025
"""


def _show(tmp_path: Path, text: str) -> str:
    f = tmp_path / "doc.txt"
    f.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(app, ["show", str(f), "--commitments"])
    assert res.exit_code == 0, res.output
    return res.output


def test_show_commitments_of_a_directive(tmp_path: Path):
    out = _show(tmp_path, DIRECTIVE)
    assert "who does what" in out
    assert "Ủy ban nhân dân các xã, phường" in out and "Rà soát toàn bộ diện tích" in out and "2025-06-30" in out
    assert "Sở Tài chính" in out and "lead" in out and "Sở Nội vụ" in out and "support" in out


def test_show_commitments_of_a_task_table(tmp_path: Path):
    from pipeline import analyze_text
    from pipeline.commitments import assignment_rows

    rows = assignment_rows(analyze_text(TASK_TABLE).records)
    assert [(r["assignee"], r["role"]) for r in rows] == [("Sở Nội vụ", "lead"), ("Sở Tài chính", "support")]
    assert all(r["task"].startswith("Xây dựng cơ sở dữ liệu cán bộ") for r in rows)
    out = _show(tmp_path, TASK_TABLE)
    assert "Sở Nội vụ" in out and "Sở Tài chính" in out
