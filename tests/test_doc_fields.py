"""Document fields on real layouts: every number form, titles of every type, dates only from the
place-and-date line, clean issuers, and warnings for zones whose value could not be read.
Inputs are written for these tests; each case compares the whole `documents` record."""
import pytest

from pipeline.casing import sentence_case
from pipeline.extract import document_fields, document_problems
from tests.conftest import analyze_text

FIELDS = ("so_hieu", "doc_type", "issue_date", "place", "issuing_body", "parent_body", "title",
          "signer_name", "signer_title", "signing_authority")


def record(**values) -> dict:
    return {f: values.get(f) for f in FIELDS}


def fields(text: str) -> dict:
    _, found = analyze_text(text)
    return {k: (v.value if v else None) for k, v in document_fields(found["fields"]).items()}


def problems(text: str) -> list[str]:
    doc, found = analyze_text(text)
    return [p.message for p in document_problems(doc, found)]


STATE = "UBND TỈNH BẾN TRE\nSỞ Y TẾ\n{so}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBến Tre, ngày 02 tháng 3 năm 2024\n\nKẾ HOẠCH\nKhám sức khỏe\n\nNội dung.\n"
STATE_ROW = dict(doc_type="Kế hoạch", issue_date="2024-03-02", place="Bến Tre", issuing_body="Sở Y tế",
                 parent_body="UBND tỉnh Bến Tre", title="Khám sức khỏe")

NUMBERS = [
    ("Số: 15-KH/HU", "15-KH/HU"),
    ("Số 15-KH-HU", "15-KH/HU"),                 # a dash for the slash before a Party issuer
    ("Số: 1105KH-ĐKT", "1105-KH/ĐKT"),           # the number glued to its type code
    ("Số: 20/KH-SYT", "20/KH-SYT"),
    ("Số:        20 /KH-SYT", "20/KH-SYT"),
    ("Số: 36/2025/NQ-HĐND", "36/2025/NQ-HĐND"),
    ("SỐ: 95 -KH/TĐTN-BTCKT", "95-KH/TĐTN-BTCKT"),
    ("Số:4oKH/SYT", "40-KH/SYT"),                # OCR: a handwritten 0 read as 'o'
    ("Số:    /KH-SYT", None),                    # a draft: blank number
    ("Số:      - KH/ĐTN", None),
    ("Số -HD/BTCTU", None),
]


@pytest.mark.parametrize("so, expected", NUMBERS, ids=[n[0] for n in NUMBERS])
def test_number_forms(so, expected):
    assert fields(STATE.format(so=so)) == record(**STATE_ROW, so_hieu=expected)


def test_number_on_the_next_line_of_its_cell():
    text = "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\nSố:\n7360/KH-UBND\nBến Tre, ngày\n19 tháng 11 năm 2025\n\nKẾ HOẠCH\nKhám sức khỏe\n"
    assert fields(text) == record(so_hieu="7360/KH-UBND", doc_type="Kế hoạch", issue_date="2025-11-19",
                                  place="Bến Tre", issuing_body="Ủy ban nhân dân tỉnh Bến Tre", title="Khám sức khỏe")


def test_another_documents_number_in_the_header_is_not_the_number():
    text = ("SỞ CÔNG THƯƠNG\nĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT\nSố: 12/BC-ĐKT\n"
            "Lào Cai, ngày 05 tháng 6 năm 2026\n\nBÁO CÁO\nKết quả kiểm tra\n")
    assert fields(text)["so_hieu"] == "12/BC-ĐKT"
    assert fields(text.replace("Số: 12/BC-ĐKT\n", ""))["so_hieu"] is None


DOC_TYPES = [
    ("CÔNG ĐIỆN", "Công điện"), ("TỜ TRÌNH", "Tờ trình"), ("KẾT LUẬN", "Kết luận"), ("ĐỀ ÁN", "Đề án"),
    ("QUY CHẾ", "Quy chế"), ("CHƯƠNG TRÌNH PHỐI HỢP", "Chương trình"), ("KẾ HOẠCH LIÊN TỊCH", "Kế hoạch"),
    ("HƯỚNG DẪN", "Hướng dẫn"), ("BÁO CÁO", "Báo cáo"), ("QUYẾT ĐỊNH", "Quyết định"), ("CHỈ THỊ", "Chỉ thị"),
    ("NGHỊ QUYẾT", "Nghị quyết"), ("DỰ TOÁN KINH PHÍ", "Dự toán"), ("QUYÉT ĐỊNH", "Quyết định"),  # OCR marks
]


@pytest.mark.parametrize("line, expected", DOC_TYPES, ids=[d[0] for d in DOC_TYPES])
def test_doc_type_of_every_type_line(line, expected):
    text = STATE.format(so="Số: 20/SYT").replace("KẾ HOẠCH", line)
    assert fields(text) == record(**{**STATE_ROW, "doc_type": expected})


def test_a_type_word_in_the_body_is_not_a_type_line():
    text = "UBND TỈNH BẾN TRE\nSỞ Y TẾ\n\nDự toán kinh phí được duyệt theo quy định.\n"
    assert fields(text)["doc_type"] is None


def test_thong_bao_ket_luan_keeps_ket_luan_in_the_title():
    text = STATE.format(so="Số: 20/TB-SYT").replace("KẾ HOẠCH\nKhám sức khỏe", "THÔNG BÁO\nKẾT LUẬN CỦA GIÁM ĐỐC SỞ Y TẾ")
    assert fields(text) == record(**{**STATE_ROW, "so_hieu": "20/TB-SYT", "doc_type": "Thông báo",
                                     "title": "Kết luận của giám đốc sở y tế"})


CONG_VAN = ("UBND TỈNH BẾN TRE\nSỞ Y TẾ\nSố: 88/SYT-NV\nV/v tăng cường phòng, chống\ndịch bệnh mùa mưa\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBến Tre, ngày 02 tháng 3 năm 2024\n\n"
            "Kính gửi: Các bệnh viện\nCăn cứ Công văn số 12/BYT ngày 15 tháng 1 năm 2024 của Bộ Y tế.\n")


def test_cong_van_title_from_its_v_v_lines():
    assert fields(CONG_VAN) == record(so_hieu="88/SYT-NV", doc_type="Công văn", issue_date="2024-03-02",
                                      place="Bến Tre", issuing_body="Sở Y tế", parent_body="UBND tỉnh Bến Tre",
                                      title="tăng cường phòng, chống dịch bệnh mùa mưa")


def test_v_v_after_a_type_line_and_all_capitals():
    text = STATE.format(so="Số: 217/CĐ-TTg").replace("KẾ HOẠCH\nKhám sức khỏe",
                                                    "CÔNG ĐIỆN\n\nV/V CHỦ ĐỘNG PHÒNG, CHỐNG MƯA LŨ TẠI TỈNH BẾN TRE")
    assert fields(text)["title"] == "Chủ động phòng, chống mưa lũ tại tỉnh Bến Tre"


def test_title_stops_before_a_mixed_line_after_a_blank():
    text = STATE.format(so="Số: 217/CĐ-TTg").replace(
        "KẾ HOẠCH\nKhám sức khỏe", "CÔNG ĐIỆN\n\nCHỦ ĐỘNG PHÒNG, CHỐNG MƯA LŨ\n\nTHỦ TƯỚNG CHÍNH PHỦ điện:")
    assert fields(text)["title"] == "Chủ động phòng, chống mưa lũ"


def test_title_in_capitals_ends_at_a_line_in_lower_case():
    text = STATE.format(so="Số: 20/KH-SYT").replace(
        "KẾ HOẠCH\nKhám sức khỏe\n", "QUYẾT ĐỊNH\nQUY ĐỊNH GIỜ MỞ CỬA\nỦy ban nhân dân tỉnh quyết định ban hành quy định này;\n")
    assert fields(text)["title"] == "Quy định giờ mở cửa"


def test_all_capitals_title_over_blank_lines():
    text = STATE.format(so="Số: 20/KH-SYT").replace(
        "KẾ HOẠCH\nKhám sức khỏe\n", "KẾ HOẠCH\n\nTRIỂN KHAI CHỈ THỊ SỐ 13/CT-TTg\n\nTRÊN ĐỊA BÀN TỈNH BẾN TRE NĂM 2024\n\nI. MỤC ĐÍCH\n")
    assert fields(text)["title"] == "Triển khai Chỉ thị số 13/CT-TTg trên địa bàn tỉnh Bến Tre năm 2024"


CASING = [
    ("TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 13/CT-TTg NGÀY 05/6/2024 CỦA THỦ TƯỚNG CHÍNH PHỦ",
     "Triển khai thực hiện Chỉ thị số 13/CT-TTg ngày 05/6/2024 của Thủ tướng Chính phủ"),
    ("TỔ CHỨC CÁC HOẠT ĐỘNG KỶ NIỆM NGÀY THÀNH LẬP ĐOÀN TNCS HỒ CHÍ MINH",
     "Tổ chức các hoạt động kỷ niệm ngày thành lập Đoàn TNCS Hồ Chí Minh"),
    ("GIẢM NGHÈO TRÊN ĐỊA BÀN THÀNH PHỐ CẦN THƠ NĂM 2025", "Giảm nghèo trên địa bàn thành phố Cần Thơ năm 2025"),
    ("PHÒNG CHỐNG DỊCH TẠI XÃ PHÚ AN VÀ XÃ TÂN HÒA", "Phòng chống dịch tại xã Phú An và xã Tân Hòa"),
    ("SỬA ĐỔI THÔNG TƯ SỐ 67/2024/TT-BQP", "Sửa đổi Thông tư số 67/2024/TT-BQP"),   # 'TƯ' is no acronym here
    ("Tổ chức hội thi tin học trẻ", "Tổ chức hội thi tin học trẻ"),       # mixed case: kept
]


@pytest.mark.parametrize("text, expected", CASING)
def test_sentence_case(text, expected):
    assert sentence_case(text) == expected


def test_place_stop_word_is_not_taken_into_the_place():
    assert sentence_case("HỌP TẠI TỈNH HUẾ NĂM 2025") == "Họp tại tỉnh Huế năm 2025"


DATES = [
    ("Bến Tre, ngày 02 tháng 3 năm 2024", "2024-03-02", "Bến Tre"),
    ("Bến Tre, ngày     tháng 3 năm 2024", None, "Bến Tre"),                    # a draft: day blank
    ("TP.Hồ Chí Minh, ngày …. tháng ….. năm 2018", None, "TP.Hồ Chí Minh"),    # dotted blanks
    ("Thành phố Hồ Chí\nMinh, ngày 18 tháng 11 năm 2025", "2025-11-18", "Thành phố Hồ Chí Minh"),
]


@pytest.mark.parametrize("line, iso, place", DATES, ids=[d[0][:24] for d in DATES])
def test_date_from_the_place_and_date_line(line, iso, place):
    text = STATE.format(so="Số: 20/KH-SYT").replace("Bến Tre, ngày 02 tháng 3 năm 2024", line)
    assert fields(text) == record(**{**STATE_ROW, "so_hieu": "20/KH-SYT", "issue_date": iso, "place": place})


def test_a_date_in_the_body_is_never_the_issue_date():
    text = STATE.format(so="Số: 20/KH-SYT").replace("Bến Tre, ngày 02 tháng 3 năm 2024\n", "").replace(
        "Nội dung.", "Hội nghị diễn ra ngày 15 tháng 3 năm 2024 tại Bến Tre, ngày 16 tháng 3 năm 2024.")
    got = fields(text)
    assert (got["issue_date"], got["place"]) == (None, None)


ISSUERS = [
    ("markup and scan specks around the lines",
     "| **UBND TỈNH BẾN TRE** |\n___ SỞ Y TẾ ___\n--------\nSố: 5/SYT\n", "Sở Y tế", "UBND tỉnh Bến Tre"),
    ("a scan's specks beside the issuer",
     "BỘ Y TẾ\nTRƯỜNG ĐẠI HỌC Y ˆ — Thi\nTHÀNH PHỐ CẦN THƠ\nSố: 5/KH-ĐHY\n", "Trường Đại học Y thành phố Cần Thơ", "Bộ Y tế"),
    ("motto broken over the lines of its cell",
     "SỞ Y TẾ\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do\n- Hạnh phúc\nSố: 5/SYT\n", "Sở Y tế", None),
    ("organisation title broken over two lines",
     "TỈNH ỦY BẾN TRE\nBAN TUYÊN GIÁO\nSố 5-HD/BTGTU\nĐẢNG CỘNG SẢN\nVIỆT NAM\n", "Ban Tuyên giáo", "Tỉnh ủy Bến Tre"),
    ("organisation title with a place after it is a parent",
     "ĐOÀN TNCS HỒ CHÍ MINH TỈNH BẾN TRE\nBCH ĐOÀN TRƯỜNG CAO ĐẲNG Y TẾ\nSố: 5-KH/ĐTN\n",
     "BCH Đoàn Trường Cao đẳng Y tế", "Đoàn TNCS Hồ Chí Minh tỉnh Bến Tre"),
    ("name continued after a conjunction",
     "VĂN PHÒNG ĐOÀN ĐBQH\nVÀ HĐND TỈNH BẾN TRE\nSố: 5/VP\n", "Văn phòng Đoàn ĐBQH và HĐND tỉnh Bến Tre", None),
    ("organisation title printed twice: inside the issuer's lines it is part of the name",
     "HỘI NGHỊ ĐẠI BIỂU\nĐOÀN TNCS HỒ CHÍ MINH\nTRƯỜNG CAO ĐẲNG Y TẾ\nLẦN THỨ V\n***\nĐOÀN TNCS HỒ CHÍ MINH\n",
     "Hội nghị Đại biểu Đoàn TNCS Hồ Chí Minh Trường Cao đẳng Y tế Lần Thứ V", "Đoàn TNCS Hồ Chí Minh"),
    ("organisation title printed once, between the columns: not part of a name",
     "THÀNH ĐOÀN CẦN THƠ\nĐOÀN TNCS HỒ CHÍ MINH\nBCH ĐOÀN QUẬN NINH KIỀU\nSố: 5-KH/QĐTN\n",
     "BCH Đoàn quận Ninh Kiều", "Thành Đoàn Cần Thơ"),
    ("the organisation's title is no parent of its top organ",
     "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 9-KL/TW\nĐẢNG CỘNG SẢN VIỆT NAM\n", "Ban Chấp hành Trung ương", None),
    ("the organisation's title is the parent of a lower committee",
     "TỈNH ỦY BẾN TRE\n*\nSố 9-KL/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n", "Tỉnh ủy Bến Tre", "Đảng Cộng sản Việt Nam"),
    ("a place line whose name looks like a body's",
     "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: 5/KH-UBND\n", "Ủy ban nhân dân thành phố Hải Phòng", None),
    ("a name broken after 'VÀ'",
     "BỘ NÔNG NGHIỆP VÀ\nMÔI TRƯỜNG\nSố: 5/QĐ-BNNMT\n", "Bộ Nông nghiệp và Môi trường", None),
    ("a level noun that names a committee opens a body",
     "ĐẢNG BỘ TỈNH BẾN TRE\nHUYỆN ỦY CHÂU THÀNH\nSố 5-KH/HU\n", "Huyện ủy Châu Thành", "Đảng bộ tỉnh Bến Tre"),
    ("a fixed phrase broken across lines",
     "VĂN PHÒNG CHÍNH\nPHỦ\nSố: 5/TB-VPCP\n", "Văn phòng Chính phủ", None),
]


@pytest.mark.parametrize("name, header, issuer, parent", ISSUERS, ids=[i[0] for i in ISSUERS])
def test_issuing_and_parent_body(name, header, issuer, parent):
    got = fields(header + "\nKẾ HOẠCH\nKhám sức khỏe\n")
    assert (got["issuing_body"], got["parent_body"]) == (issuer, parent)


WARNINGS = [
    ("all read", STATE.format(so="Số: 20/KH-SYT") + "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn Bình\n", []),
    ("draft: blank number and day, no warning",
     STATE.format(so="Số:    /KH-SYT").replace("ngày 02 tháng", "ngày    tháng"), []),
    ("number unreadable", STATE.format(so="Số: Zo -KH/SYT"), ["number line found but no number read"]),
    ("date unreadable", STATE.format(so="Số: 20/KH-SYT").replace("ngày 02 tháng 3 năm 2024", "ngàyA| tháng.| năm"),
     ["date line found but no date read"]),
    ("signature without a name", STATE.format(so="Số: 20/KH-SYT") + "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n",
     ["signature block found but no name read"]),
    ("header without an issuer", "Số: 20/KH-SYT\nBến Tre, ngày 02 tháng 3 năm 2024\nKẾ HOẠCH\nKhám\n",
     ["header found but no issuing body read"]),
]


@pytest.mark.parametrize("name, text, expected", WARNINGS, ids=[w[0] for w in WARNINGS])
def test_warnings_for_zones_with_nothing_read(name, text, expected):
    assert problems(text) == expected


def test_confidence_tells_the_zone():
    def confidence(text, field):
        _, found = analyze_text(text)
        return document_fields(found["fields"])[field].confidence
    assert confidence(STATE.format(so="Số: 20/KH-SYT"), "so_hieu") == 1.0
    assert confidence(STATE.format(so="Số:\n20/KH-SYT"), "so_hieu") < 1.0           # next line of its cell
    assert confidence(STATE.format(so="Số:4oKH/SYT"), "so_hieu") < 1.0              # OCR digits
    # no issuer in the header: the body signed for (TM.) stands in, with less confidence
    tm = "Số: 5/KH\nKẾ HOẠCH\nKhám\n\nNội dung.\nTM. BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn Tám\n"
    assert confidence(tm, "issuing_body") < 1.0


def test_header_below_a_web_pages_menus():
    menus = "".join(f"Mục {i} của trang\n" for i in range(45))
    page = (menus + "CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI\nSố hiệu:\n20/KH-SYT\nLoại văn bản:\nKế hoạch\n"
            + STATE.format(so="Số: 20/KH-SYT"))
    assert fields(page) == record(**STATE_ROW, so_hieu="20/KH-SYT")


@pytest.mark.parametrize("line", ["Số hiệu: 20/KH-SYT", "Số lượng: 20 người", "SỐ ĐIỆN THOẠI: 0291"])
def test_not_a_number_line(line):
    text = f"UBND TỈNH BẾN TRE\n{line}\nKẾ HOẠCH\nKhám sức khỏe\n"
    assert fields(text)["so_hieu"] is None and problems(text) == []


def test_cong_van_header_below_a_web_pages_menus():
    menus = "".join(f"Mục {i} của trang\n|\n" for i in range(30))
    assert fields(menus + "|\nTRANG TIN PHÁP LUẬT\n|\nTình trạng:\nĐã biết\n" + CONG_VAN) == record(
        so_hieu="88/SYT-NV", doc_type="Công văn", issue_date="2024-03-02", place="Bến Tre", issuing_body="Sở Y tế",
        parent_body="UBND tỉnh Bến Tre", title="tăng cường phòng, chống dịch bệnh mùa mưa")


def test_type_word_broken_over_two_lines():
    text = STATE.format(so="Số: 36/2025/NQ-HĐND").replace("KẾ HOẠCH\n", "NGHỊ\nQUYẾT\n")
    assert fields(text) == record(**{**STATE_ROW, "so_hieu": "36/2025/NQ-HĐND", "doc_type": "Nghị quyết"})


def test_a_capital_word_over_another_line_is_no_type_line():
    text = "SỞ Y TẾ\nSố: 5/SYT\nNGHỊ\nLỰC SỐNG\n"
    assert fields(text)["doc_type"] is None


def test_place_of_a_date_line_whose_date_a_scan_garbled():
    text = STATE.format(so="Số: 20/KH-SYT").replace("Bến Tre, ngày 02 tháng 3 năm 2024", "„ Bến Tre, ngàyA| tháng.| năm 2024")
    assert fields(text) == record(**{**STATE_ROW, "so_hieu": "20/KH-SYT", "issue_date": None})
    assert problems(text) == ["date line found but no date read"]


def test_type_from_the_code_of_a_number_a_scan_could_not_read():
    text = "UBND TỈNH BẾN TRE\nSỞ Y TẾ\nSố:Zo - CV/SYT\nBến Tre, ngày 02 tháng 3 năm 2024\n\nKính gửi: Các bệnh viện\n"
    got = fields(text)
    assert (got["so_hieu"], got["doc_type"]) == (None, "Công văn")
    assert fields(text.replace("Zo - CV/SYT", "Zo - XYZ/SYT"))["doc_type"] is None


PARTY_CV = ("TỈNH ỦY BẾN TRE\nBÁO VÀ PHÁT THANH, TRUYỀN HÌNH\nSố 113-CV/BPTTH\nBến Tre, ngày 03 tháng 9 năm 2025\n"
            "Về việc cử cán bộ tham gia ban chỉ đạo\nKính gửi: Sở Nội vụ\n"
            "Thực hiện Công văn số 1189/SNV ngày 29 tháng 8 năm 2025 của Sở Nội vụ.\n")


def test_cong_van_with_a_spelled_out_subject_line():
    assert fields(PARTY_CV) == record(
        so_hieu="113-CV/BPTTH", doc_type="Công văn", issue_date="2025-09-03", place="Bến Tre",
        issuing_body="Báo và Phát Thanh, Truyền Hình", parent_body="Tỉnh ủy Bến Tre",
        title="Về việc cử cán bộ tham gia ban chỉ đạo")


def test_a_body_date_under_a_header_without_date_is_not_the_issue_date():
    text = PARTY_CV.replace("Bến Tre, ngày 03 tháng 9 năm 2025\n", "")
    got = fields(text)
    assert (got["issue_date"], got["place"]) == (None, None)


def test_specks_in_the_day_of_a_scanned_date_line():
    text = PARTY_CV.replace("ngày 03 tháng", "ngàyÚ®tháng")
    got = fields(text)
    assert (got["issue_date"], got["place"]) == (None, "Bến Tre")
    assert problems(text) == []       # a day left to be written by hand, as in a draft


def test_warnings_are_rows_of_stage_fields():
    doc, found = analyze_text(STATE.format(so="Số: Zo -KH/SYT"))
    assert [(p.stage, p.severity, p.message) for p in document_problems(doc, found)] == [
        ("fields", "warning", "number line found but no number read")]


def test_v_v_makes_a_cong_van_whatever_the_first_code_of_its_number():
    text = "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 5529/CT-CS\nV/v chính sách thuế\nHà Nội, ngày 25 tháng 11 năm 2025\n\nKính gửi: Thuế tỉnh\n"
    assert fields(text)["doc_type"] == "Công văn"


def test_under_a_spelled_out_subject_the_numbers_code_names_the_type():
    text = "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nSố: 1670/NQ-UBTVQH15\nVề việc sắp xếp các đơn vị hành chính\n\nCăn cứ Hiến pháp.\n"
    assert (fields(text)["doc_type"], fields(text)["title"]) == ("Nghị quyết", "Về việc sắp xếp các đơn vị hành chính")
