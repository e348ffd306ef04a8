import pytest

from tests.conftest import analyze_text, fields_of

SIGNATURES = [
    ("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN\n\nBÍ THƯ\nĐã ký\nLê Hồng Thắm\n",
     {"signing_authority": "TM. Ban Thường vụ Tỉnh Đoàn", "signer_title": "Bí thư", "signer_name": "Lê Hồng Thắm",
      "issuing_body": "Ban Thường vụ Tỉnh Đoàn"}),
    ("TM. BAN THƯỜNG VỤ QUẬN ĐOÀN\nPHÓ BÍ THƯ\n\n\n\nHuỳnh Văn Phẩm\n",
     {"signer_title": "Phó Bí thư", "signer_name": "Huỳnh Văn Phẩm"}),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n(Đã ký)\n\nHoàng Văn Thuân\n",
     {"signing_authority": "KT. Giám đốc", "signer_title": "Phó Giám đốc", "signer_name": "Hoàng Văn Thuân",
      "issuing_body": None}),
    ("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNGUYỄN VĂN AN\n",
     {"signing_authority": "T/M Ban Thường vụ", "signer_name": "Nguyễn Văn An"}),
    ("GIÁM ĐỐC\n\nGiám Sát Trưởng\n",
     {"signer_title": "Giám đốc", "signer_name": None}),
    ("GIÁM ĐỐC\n\n\nHoàng Chí Hiền\n",
     {"signing_authority": None, "signer_title": "Giám đốc", "signer_name": "Hoàng Chí Hiền"}),
    # a post word among the given names of a name that opens with a family name
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Chức\n",
     {"signer_title": "Phó Chủ tịch", "signer_name": "Trần Văn Chức"}),
    ("KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nĐỖ THỊ THƯỜNG\n",
     {"signer_title": "Phó Trưởng ban", "signer_name": "Đỗ Thị Thường"}),
    ("GIÁM ĐỐC\n\nPhùng Minh Giám\n",
     {"signer_title": "Giám đốc", "signer_name": "Phùng Minh Giám"}),
    # not a family name: the post words still say it is no person
    ("GIÁM ĐỐC\n\nTrưởng Ban Thường Trực\n",
     {"signer_title": "Giám đốc", "signer_name": None}),
]


@pytest.mark.parametrize("block, expected", SIGNATURES)
def test_signature(block, expected):
    got = fields_of("KẾ HOẠCH\nTổ chức hội thi\n\nNội dung kế hoạch.\n" + block)
    assert {k: got[k] for k in expected} == expected


def test_no_signature_is_null():
    got = fields_of("KẾ HOẠCH\nTổ chức hội thi\n\nTrên đây là kế hoạch./.\n")
    assert got["signer_name"] is None and got["signing_authority"] is None


def test_recipients_rows_with_purpose_codes():
    text = ("KẾ HOẠCH\nA\n\nB.\n\tNơi nhận:\n\n- Ban Bí thư TW Đoàn (b/c);\n- VP Tỉnh ủy, VP UBND tỉnh (để b/c);\n\n"
            "- Đảng ủy Khối DN;\n- Huyện, thị, thành Đoàn, Đoàn trực thuộc (t/h);\n- Lưu VP (T).\n"
            "- Lưu: VP, BCNLD. (D/2024/BCNLD/KH)\n\tTM. BAN THƯỜNG VỤ TỈNH ĐOÀN\nBÍ THƯ\n")
    doc, found = analyze_text(text)
    rows = [(r.recipient, r.purpose) for r in found["recipients"]]
    assert rows == [("Ban Bí thư TW Đoàn", "b/c"), ("VP Tỉnh ủy, VP UBND tỉnh", "b/c"), ("Đảng ủy Khối DN", None),
                    ("Huyện, thị, thành Đoàn, Đoàn trực thuộc", "t/h"), ("Lưu VP (T)", None),
                    ("Lưu: VP, BCNLD. (D/2024/BCNLD/KH)", None)]
    first = found["recipients"][0]
    assert doc.text[first.start:first.end] == "Ban Bí thư TW Đoàn"


def test_recipients_on_the_same_line_as_the_heading():
    _, found = analyze_text("KẾ HOẠCH\nA\n\nB.\nNơi nhận: - Như trên;\n- Lưu: VT, CN.\nKT. GIÁM ĐỐC\n")
    assert [r.recipient for r in found["recipients"]] == ["Như trên", "Lưu: VT, CN"]
