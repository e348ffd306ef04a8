"""Targets from real plan sentences: input line → expected (value, value_max, unit, is_percent, comparator)."""
import pytest

from tests.plans import plan

CASES = [
    ("- Từ nay đến năm 2017 phát triển ít nhất 600 đoàn viên, 1.000 hội viên mới từ thanh niên.",
     [(600, None, "đoàn viên", False, "at_least"), (1000, None, "hội viên", False, "at_least")]),
    ("- Hàng năm, vận động thành lập mới ít nhất 02 tổ chức Đoàn, 03 tổ chức Hội trong các doanh nghiệp "
     "ngoài nhà nước, trong đó có từ 01 đến 02 cơ sở Đoàn, Hội trong đơn vị thành viên.",
     [(2, None, "tổ chức Đoàn", False, "at_least"), (3, None, "tổ chức Hội", False, "at_least"),
      (1, 2, "cơ sở Đoàn, Hội", False, "range")]),
    ("- Hàng năm, bồi dưỡng, tập huấn nghiệp vụ cho 100% cán bộ Đoàn, Hội trong doanh nghiệp ngoài nhà nước.",
     [(100, None, "cán bộ Đoàn, Hội", True, "exact")]),
    ("- Xây dựng từ 01 đến 02 mô hình điểm về công tác dân vận khéo.", [(1, 2, "mô hình điểm", False, "range")]),
    ("- Tổ chức **01** lớp tập huấn cho cán bộ Đoàn, Hội tại các đơn vị và **01** lớp tập huấn cán bộ Đoàn, Hội 10 phường.",
     [(1, None, "lớp tập huấn", False, "exact"), (1, None, "lớp tập huấn cán bộ Đoàn", False, "exact")]),
    ("- duy trì và đảm bảo tỉ lệ tổ chức Đoàn trong doanh nghiệp có từ 500 lao động trở lên đạt 100%.",
     [(100, None, "tổ chức Đoàn", True, "exact")]),
    ("- Phân đầu 100% các đơn vị kinh tế tư nhân có trên 500 lao động có tổ chức Đoàn; trên 35% đơn vị kinh tế tư nhân đủ điều kiện.",
     [(100, None, "đơn vị kinh tế tư nhân", True, "exact"), (35, None, "đơn vị kinh tế tư nhân", True, "at_least")]),
    ("- Việc giới thiệu (bồi dưỡng, giới thiệu 5% đoàn viên ưu tú là công nhân; phần đầu kết nạp đảng được 10% "
     "trong tổng số đoàn viên công nhân được giới thiệu).",
     [(5, None, "đoàn viên ưu tú", True, "exact"), (10, None, "đoàn viên công nhân", True, "exact")]),
    ("- Các huyện chỉ đạo 2/3 xã, phường, thị trấn tổ chức được hoạt động. Đảm bảo đạt 02 hoạt động/huyện, thị, thành đoàn.",
     [(2, None, "xã, phường, thị trấn", False, "exact"), (2, None, "hoạt động", False, "exact")]),
    ("- Phấn đấu kết nạp một trăm đoàn viên mới.", [(100, None, "đoàn viên", False, "exact")]),
    # negatives: conditions, programme names, references, durations, dates, scopes
    ("- Rà soát, vận động thành lập các tổ chức Đoàn trong các doanh nghiệp có từ **300** lao động trở lên.", []),
    ("+ Dự kiến tiếp xúc, thành lập các doanh nghiệp có từ 100 lao động đến dưới 500 lao động.", []),
    ("- bồi dưỡng các kiến thức về Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, 06 bài học lý luận chính trị của Đoàn.", []),
    ("- Phát động phong trào “Sinh viên 5 tốt”, “Học sinh 3 rèn luyện”.", []),
    ("- Định kỳ báo cáo kết quả thực hiện Nghị quyết 25 theo 6 tháng và hàng năm.", []),
    ("- Tăng cường tuyên truyền Nghị định 98/2014/NĐ-CP ngày 24/10/2014 của Chính phủ.", []),
    ("- Tổ chức lớp tập huấn cán bộ Đoàn, Hội 10 phường.", []),
    ("II/ MỘT SỐ CHỈ TIÊU CƠ BẢN", []),
]


@pytest.mark.parametrize("line,expected", CASES)
def test_targets(line, expected):
    _, found = plan(line)
    got = [(t.value, t.value_max, t.unit, t.is_percent, t.comparator) for t in found["targets"]]
    assert got == [(float(v), None if m is None else float(m), u, p, c) for v, m, u, p, c in expected]


def test_ratio_keeps_its_denominator():
    _, found = plan("- chỉ đạo 2/3 xã, phường tổ chức hoạt động.")
    assert found["targets"][0].denominator == 3


SCOPE_PERIOD = [
    ("- Đảm bảo mỗi huyện, thị, thành đoàn kết nạp mới ít nhất 100 đoàn viên, hội viên.", "mỗi huyện, thị, thành đoàn", None),
    ("- Đảm bảo đạt 02 hoạt động/huyện, thị, thành đoàn (chỉ tiêu).", "mỗi huyện, thị, thành đoàn", None),
    ("- Đảm bảo mỗi đơn vị thành lập ít nhất 02 chi đoàn trong năm 2021.", "mỗi đơn vị", "trong năm 2021"),
    ("- Hàng năm, vận động thành lập mới ít nhất 02 tổ chức Đoàn.", None, "Hàng năm"),
]


@pytest.mark.parametrize("line,scope,period", SCOPE_PERIOD)
def test_scope_and_period(line, scope, period):
    _, found = plan(line)
    assert (found["targets"][0].scope, found["targets"][0].period) == (scope, period)


def test_nested_breakdown_keeps_parent_period_and_child_scope():
    text = ("4.1 Lộ trình phấn đấu thành lập mới 27 Chi đoàn:\n"
            "- **Quý I:** Thành lập **08** Chi đoàn (*trước Tháng 03/2024*) trong đó:\n"
            "+ **Cấp Quận:** thành lập **01** Chi đoàn, kết nạp **10** đoàn viên mới.\n"
            "+ **Cấp Phường:** phấn đấu **07** Chi đoàn.\n")
    _, found = plan(text, None)
    got = [(t.value, t.scope, t.period) for t in found["targets"]]
    assert got == [(27.0, None, None), (8.0, None, "Quý I"), (1.0, "Cấp Quận", "Quý I"),
                   (10.0, "Cấp Quận", "Quý I"), (7.0, "Cấp Phường", "Quý I")]


def test_an_item_under_a_heading_does_not_run_on_from_it():
    """'1. Tỷ lệ …' right under 'I. MỤC TIÊU' opens an item of its own: the heading is no part of
    its subject (a wrapped line runs on; a numbered line does not)."""
    _, found = plan("I. MỤC TIÊU CỤ THỂ\n1. Tỷ lệ hộ nghèo đa chiều ≤ 5%.\n")
    assert [(t.value, t.unit) for t in found["targets"]] == [(5.0, "hộ nghèo đa chiều")]
