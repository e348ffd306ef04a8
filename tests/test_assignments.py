"""Assignments from real TỔ CHỨC THỰC HIỆN parts: input lines → expected (assignee, role[, deadline])."""
import pytest

from tests.plans import plan

CASES = [
    ("IV/ TỔ CHỨC THỰC HIỆN\n1. Tỉnh Đoàn\n1.1- Ban Tổ chức - Kiểm tra Tỉnh Đoàn\n"
     "- Làm cơ quan Thường trực, phối hợp với các phòng, ban theo dõi việc thực hiện Kế hoạch này.\n"
     "1.2- Ban Đoàn kết Tập hợp Thanh niên\n- Phối hợp với Ban TNCN-ĐT&LLVT tiến hành khảo sát thực trạng.\n"
     "2. Các huyện, thị, thành Đoàn, Đoàn khối Doanh nghiệp tỉnh\n"
     "- Hàng năm, báo cáo kết quả gửi về BTV Tỉnh Đoàn (chậm nhất là ngày 30/10).",
     [("Ban Tổ chức - Kiểm tra Tỉnh Đoàn", "lead", None), ("Ban Đoàn kết Tập hợp Thanh niên", "support", None),
      ("Các huyện, thị, thành Đoàn, Đoàn khối Doanh nghiệp tỉnh", "execute", "--10-30")]),
    ("III. TỔ CHỨC THỰC HIỆN\n\nBan Thường vụ Tỉnh đoàn giao Ban Tổ chức – Kiểm tra tham mưu triển khai thực hiện.\n\n"
     "Giao Văn phòng Tỉnh đoàn phối hợp với Ban Tổ chức Kiểm tra hàng năm tổng hợp báo cáo.\n\n"
     "Các Đồng chí Ủy viên Ban Thường vụ Tỉnh đoàn phối hợp trong theo dõi, chỉ đạo.",
     [("Ban Tổ chức – Kiểm tra", "lead", None), ("Văn phòng Tỉnh đoàn", "support", None),
      ("Các Đồng chí Ủy viên Ban Thường vụ Tỉnh đoàn", "support", None)]),
    ("III/ TỔ CHỨC THỰC HIỆN\n1. Tỉnh Đoàn\n- Giao Ban Tuyên giáo Tỉnh Đoàn là bộ phận thường trực phối hợp Văn phòng theo dõi.\n"
     "- Ban Đoàn kết Tập hợp Thanh niên Tỉnh Đoàn thường xuyên thống kê số lượng TN.",
     [("Ban Tuyên giáo Tỉnh Đoàn", "lead", None), ("Ban Đoàn kết Tập hợp Thanh niên Tỉnh Đoàn", "execute", None)]),
    ("III. TỔ CHỨC THỰC HIỆN:\n2. Phân công thực hiện:\n2.2. Đối với cơ sở Đoàn 10 phường:\n"
     "- Xây dựng Kế hoạch gửi văn bản về Ban công nhân lao động Quận Đoàn trước 16g00, ngày 15/04/2024 (thứ Hai).\n"
     "- Mỗi cơ sở Đoàn phường đảm bảo thành lập ít nhất 02 Chi đoàn và hoàn tất trước Quý III/2024.",
     [("Cơ sở Đoàn 10 phường", "execute", "2024-04-15T16:00"), ("Cơ sở Đoàn 10 phường", "execute", "2024-Q3")]),
    # a unit heading outside the assignment part, and a bullet label naming a unit
    ("II. NỘI DUNG THỰC HIỆN:\n1. Đẩy mạnh công tác giáo dục.\n1.1. Cấp Quận:\n- Tổ chức phổ biến pháp luật cho thanh niên.\n"
     "- Quý I: Thành lập 08 Chi đoàn trong đó:\n+ Cấp Phường: phấn đấu 07 Chi đoàn.",
     [("Cấp Quận", "execute", None), ("Cấp Quận", "execute", "2024-Q1"), ("Cấp Phường", "execute", None)]),
    # negatives: work described outside the assignment part names nobody; a closing formula is no duty
    ("II. NỘI DUNG\n- Tỉnh đoàn phối hợp với Trung tâm Công nghệ Thông tin xây dựng phần mềm.\n"
     "III. TỔ CHỨC THỰC HIỆN\nTrên đây là Kế hoạch của Ban Thường vụ Tỉnh đoàn.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_assignments(text, expected):
    _, found = plan(text, None, title="Thực hiện công tác Đoàn năm 2024")
    got = [(a.assignee, a.role, a.deadline) for a in found["assignments"]]
    assert got == expected


def test_working_group_members():
    text = ("III. TỔ CHỨC THỰC HIỆN:\n1. Thành lập tổ công tác cấp Khối:\n1.1. Tổ công tác số 1:\n"
            "· Đ/c Phạm Văn Linh\n- Bí thư Đoàn Khối\n- Tổ trưởng\n"
            "· Đ/c Nguyễn Thanh Duy   - UVBTV, Trưởng Ban Phong trào\n- Thành viên\n"
            "* Phân công: phụ trách chỉ đạo, hỗ trợ Đoàn Luật sư Thành phố.\n")
    _, found = plan(text, "2018-02-09")
    got = [(a.assignee, a.role, a.person_name, a.position, a.task) for a in found["assignments"]]
    assert got == [
        ("Phạm Văn Linh", "member", "Phạm Văn Linh", "Bí thư Đoàn Khối", "Tổ trưởng Tổ công tác số 1"),
        ("Nguyễn Thanh Duy", "member", "Nguyễn Thanh Duy", "UVBTV, Trưởng Ban Phong trào", "Thành viên Tổ công tác số 1"),
        ("Tổ công tác số 1", "execute", None, None, "phụ trách chỉ đạo, hỗ trợ Đoàn Luật sư Thành phố."),
    ]


def test_head_of_committee_from_label():
    text = ("III. TỔ CHỨC THỰC HIỆN:\n1. Thành lập Ban Tổ chức:\n"
            "* **Trưởng ban:** Đồng chí Huỳnh Văn Phẩm - Phó Bí thư Quận Đoàn.\n* **Nhiệm vụ:**\n"
            "- Tham mưu cho Ban Thường vụ Quận Đoàn triển khai thực hiện.\n")
    _, found = plan(text, None)
    got = [(a.assignee, a.role, a.position, a.task) for a in found["assignments"]]
    assert got == [("Huỳnh Văn Phẩm", "member", "Phó Bí thư Quận Đoàn", "Trưởng ban Ban Tổ chức"),
                   ("Ban Tổ chức", "lead", None, "Tham mưu cho Ban Thường vụ Quận Đoàn triển khai thực hiện.")]
