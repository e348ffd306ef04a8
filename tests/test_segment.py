from pipeline.normalize import normalize
from pipeline.segment import segment

PLAN = """BCH ĐOÀN TỈNH KIÊN GIANG
***
Số:  95 -KH/TĐTN-BTCKT
ĐOÀN TNCS HỒ CHÍ MINH
Rạch Giá, ngày 28 tháng 5 năm 2014

KẾ HOẠCH
Thực hiện Nghị quyết số 03-NQ/TWĐTN-BTC ngày 05/3/2014
của Ban Chấp hành TW Đoàn
----------
Thực hiện Nghị quyết số 03-NQ-TWĐTN-BTC, Ban Thường vụ xây dựng kế hoạch như sau:
I/ MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Tiếp tục củng cố tổ chức Đoàn.
- Tham mưu về cơ chế, chính sách.
2. Yêu cầu
- Tập trung phát triển tổ chức Đoàn.
IV/ TỔ CHỨC THỰC HIỆN
1. Tỉnh Đoàn
1.1- Ban Tổ chức - Kiểm tra Tỉnh Đoàn
- Làm cơ quan Thường trực.
+ Cấp Phường: 02 chi đoàn.
1.2- Ban Đoàn kết Tập hợp Thanh niên
- Tham mưu xây dựng kế hoạch.
Nơi nhận:
- Ban Bí thư TW Đoàn (b/c);
- Lưu: VP, Ban TC-KT.
TM. BAN THƯỜNG VỤ TỈNH ĐOÀN
BÍ THƯ
Đã ký
Lê Hồng Thắm
"""


def test_zones():
    doc = segment(normalize(PLAN))
    assert doc.header.text.splitlines()[0] == "BCH ĐOÀN TỈNH KIÊN GIANG"
    assert doc.type_line.text == "KẾ HOẠCH"
    assert doc.title.text == "Thực hiện Nghị quyết số 03-NQ/TWĐTN-BTC ngày 05/3/2014 của Ban Chấp hành TW Đoàn"
    assert doc.body.lines[0].text.startswith("Thực hiện Nghị quyết số 03-NQ-TWĐTN-BTC")
    assert doc.recipients.lines[0].text == "Nơi nhận:"
    assert [ln.text for ln in doc.signature.lines] == ["TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", "BÍ THƯ", "Đã ký", "Lê Hồng Thắm"]


def test_section_tree():
    doc = segment(normalize(PLAN))
    paths = [(s.kind, s.path, s.level) for s in doc.sections]
    assert ("roman", "I", 0) in paths
    assert ("arabic", "I/1", 1) in paths
    assert ("dash", "I/1/-1", 2) in paths and ("dash", "I/1/-2", 2) in paths
    assert ("arabic", "I/2", 1) in paths
    assert ("decimal", "IV/1/1.1", 2) in paths
    assert ("plus", "IV/1/1.1/-1/+1", 4) in paths
    assert ("decimal", "IV/1/1.2", 2) in paths
    one_one = next(s for s in doc.sections if s.path == "IV/1/1.1")
    assert one_one.heading == "Ban Tổ chức - Kiểm tra Tỉnh Đoàn"
    body = doc.text[one_one.start:one_one.end]
    assert "Cấp Phường" in body and "1.2-" not in body


def test_no_type_line_cong_van_header():
    text = ("UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 12/SCT-CN\nV/v cập nhật công tác quản lý\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLào Cai, ngày 05 tháng 6 năm 2026\n\nKính gửi: Cục Hóa chất\n")
    doc = segment(normalize(text))
    assert doc.type_line is None
    assert "Lào Cai, ngày" in doc.header.text


def test_empty_and_blank():
    for text in ("", "\n\n  \n"):
        doc = segment(normalize(text))
        assert doc.header is None and doc.sections == []
