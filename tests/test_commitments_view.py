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
