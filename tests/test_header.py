"""Header fields from real headers: input text → expected fields (None = not stated)."""
import pytest

from tests.conftest import fields_of

CASES = [
    ("Đoàn, two columns flattened (seed 000)",
     " \tBCH ĐOÀN TỈNH KIÊN GIANG\n***\nSố:  95 -KH/TĐTN-BTCKT\n\t      ĐOÀN TNCS HỒ CHÍ MINH\n"
     "       Rạch Giá, ngày 28 tháng 5 năm 2014\n\n\nKẾ HOẠCH\n Thực hiện Nghị quyết số 03-NQ/TWĐTN-BTC ngày 05/3/2014 \n\n"
     "của Ban Chấp hành TW Đoàn, về việc phát triển tổ chức Đoàn, Hội \ntrong các doanh nghiệp ngoài nhà nước.\n----------\n",
     {"so_hieu": "95-KH/TĐTN-BTCKT", "doc_type": "Kế hoạch", "issue_date": "2014-05-28", "place": "Rạch Giá",
      "issuing_body": "BCH Đoàn tỉnh Kiên Giang", "parent_body": "Đoàn TNCS Hồ Chí Minh",
      "title": "Thực hiện Nghị quyết số 03-NQ/TWĐTN-BTC ngày 05/3/2014 của Ban Chấp hành TW Đoàn, về việc phát "
               "triển tổ chức Đoàn, Hội trong các doanh nghiệp ngoài nhà nước"}),
    ("Đoàn with a parent line (seed 003)",
     "THÀNH ĐOÀN TP. HỒ CHÍ MINH\n\nBCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP\n\n***\n\nSố: 15-KH/ĐTN\n\tĐOÀN TNCS HỒ CHÍ MINH\n"
     "TP. Hồ Chí Minh, ngày 09 tháng 02 năm 2018\n\n\n\nKẾ HOẠCH\n\nHỗ trợ công tác Đoàn và phong trào thanh niên\n\n"
     "các cơ sở Đoàn khó khăn, đặc thù năm 2018\n---------\n",
     {"so_hieu": "15-KH/ĐTN", "issue_date": "2018-02-09", "place": "TP. Hồ Chí Minh",
      "issuing_body": "BCH Đoàn Khối Dân - Chính - Đảng TP", "parent_body": "Thành Đoàn TP. Hồ Chí Minh",
      "title": "Hỗ trợ công tác Đoàn và phong trào thanh niên các cơ sở Đoàn khó khăn, đặc thù năm 2018"}),
    ("number only, no date line (seed 001): no guessing",
     "\n\nSố: 350-KH/TĐTN-TCKT\n\nKẾ HOẠCH\n\n**Khắc phục những hạn chế, khuyết điểm theo\n"
     "Kế hoạch số 15-KH/TU, ngày 24/3/2021 của Ban Thường vụ Tỉnh ủy**\n\nThực hiện Kế hoạch số 15-KH/TU.\n",
     {"so_hieu": "350-KH/TĐTN-TCKT", "issue_date": None, "place": None, "parent_body": None,
      "title": "Khắc phục những hạn chế, khuyết điểm theo Kế hoạch số 15-KH/TU, ngày 24/3/2021 của Ban Thường vụ Tỉnh ủy"}),
    ("State header, Số on one line with the date (PDF)",
     "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 20/KH-SCT Lào Cai, ngày 13 tháng 8 năm 2021\nKẾ HOẠCH\nTổ chức kiểm tra an toàn\n\nCăn cứ …\n",
     {"so_hieu": "20/KH-SCT", "issue_date": "2021-08-13", "place": "Lào Cai", "issuing_body": "Sở Công Thương",
      "parent_body": "UBND tỉnh Lào Cai", "doc_type": "Kế hoạch", "title": "Tổ chức kiểm tra an toàn"}),
    ("Party header, Số without colon, new tone style",
     "ĐẢNG BỘ TỈNH THÁI NGUYÊN\nHUYỆN UỶ ĐỊNH HOÁ\n*\nSố 127-QĐ/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
     "Định Hóa, ngày 20 tháng 02 năm 2018\n\nQUYẾT ĐỊNH\nvề việc thành lập Tổ công tác\n",
     {"so_hieu": "127-QĐ/HU", "issue_date": "2018-02-20", "place": "Định Hóa", "doc_type": "Quyết định",
      "issuing_body": "Huyện ủy Định Hóa", "parent_body": "Đảng bộ tỉnh Thái Nguyên"}),
    ("công văn: no type line, subject after V/v",
     "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 1234/SCT-CN\nV/v cập nhật công tác quản lý hoạt động hóa chất\n"
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLào Cai, ngày 05 tháng 6 năm 2026\n\nKính gửi: Cục Hóa chất\n",
     {"so_hieu": "1234/SCT-CN", "doc_type": "Công văn", "issue_date": "2026-06-05",
      "title": "cập nhật công tác quản lý hoạt động hóa chất"}),
    ("draft: day left blank, number left blank",
     "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố:          /QĐ-SCT\nLào Cai, ngày        tháng 6 năm 2026\n\nQUYẾT ĐỊNH\nVề việc công nhận\n",
     {"so_hieu": None, "issue_date": None, "place": "Lào Cai"}),
    ("older Đoàn number without hyphen",
     "BAN CHẤP HÀNH TRUNG ƯƠNG\n***\nSố: 298 KH/TWĐTN\nĐOÀN TNCS HỒ CHÍ MINH\nHà Nội, ngày 14 tháng 7 năm 2011\n\nKẾ HOẠCH\nTổ chức Tháng Thanh niên\n",
     {"so_hieu": "298-KH/TWĐTN", "place": "Hà Nội", "issue_date": "2011-07-14"}),
    ("State header typed with spaces (Word 97), issuer on two lines, place in lower case",
     "ỦY BAN NHÂN DÂN         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n     TỈNH CÀ MAU              Độc lập – Tự do – Hạnh phúc\n"
     "Số:  144 /2002/QĐ/BTC\n                         Hà nội, ngày  22  tháng 11 năm 2002\n\nQUY ĐỊNH\nVỀ CHỨC NĂNG\n",
     {"so_hieu": "144/2002/QĐ/BTC", "issuing_body": "Ủy ban nhân dân tỉnh Cà Mau", "parent_body": None,
      "place": "Hà nội", "issue_date": "2002-11-22", "doc_type": "Quy định"}),
    ("Party: a Tỉnh ủy under its Đảng bộ; a lower-case title under the type line",
     "ĐẢNG BỘ TỈNH KIÊN GIANG\nTỈNH ỦY\n*\nSố 15-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nRạch Giá, ngày 24 tháng 3 năm 2021\n\n"
     "KẾ HOẠCH\nkhắc phục hạn chế, khuyết điểm\n",
     {"issuing_body": "Tỉnh ủy", "parent_body": "Đảng bộ tỉnh Kiên Giang", "title": "khắc phục hạn chế, khuyết điểm"}),
    ("State: the place 'Thành phố …' in full",
     "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 1234/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Thành phố Hồ Chí Minh, ngày 12 tháng 4 năm 2023\n\nQUYẾT ĐỊNH\nVề việc ban hành Quy chế\n",
     {"place": "Thành phố Hồ Chí Minh", "issuing_body": "Ủy ban nhân dân thành phố Hồ Chí Minh", "parent_body": None}),
    ("Đoàn công văn, columns on one line, quoted subject",
     "TỈNH ĐOÀN AN GIANG           ĐOÀN TNCS HỒ CHÍ MINH\n       ***\n"
     "Số: 45 -CV/TĐTN-VP          Long Xuyên, ngày 10 tháng 01 năm 2019\n“V/v tổ chức hội nghị”\n\nKính gửi: Các Đoàn\n",
     {"so_hieu": "45-CV/TĐTN-VP", "doc_type": "Công văn", "place": "Long Xuyên", "issuing_body": "Tỉnh Đoàn An Giang",
      "parent_body": "Đoàn TNCS Hồ Chí Minh", "title": "tổ chức hội nghị"}),
    ("a resolution copied without its header: dated by its adoption statement",
     "NGHỊ QUYẾT\nVề việc điều chỉnh mức phụ cấp\n\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n\nCăn cứ Hiến pháp;\n\n"
     "Điều 1. Điều chỉnh mức phụ cấp.\n\nĐiều 2. Nghị quyết này có hiệu lực từ ngày ký.\n\n"
     "Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV, phiên họp thứ 40 thông qua ngày 03 tháng 12 năm 2024.\n",
     {"issue_date": "2024-12-03", "doc_type": "Nghị quyết", "issuing_body": "Ủy ban Thường vụ Quốc hội"}),
    ("a resolution of the National Assembly: the State's name is not the body's",
     "NGHỊ QUYẾT\nVề kỳ họp\n\nQUỐC HỘI\n\nĐiều 1. Nội dung.\n\nNghị quyết này được Quốc hội nước Cộng hòa xã hội chủ nghĩa "
     "Việt Nam khóa XV, Kỳ họp thứ 9 thông qua ngày 16 tháng 6 năm 2025.\n",
     {"issue_date": "2025-06-16", "issuing_body": "Quốc hội"}),
    ("a council's resolution: 'đã được … thông qua', before the signature",
     "NGHỊ QUYẾT\nQuy định mức thu học phí\n\nĐiều 1. Mức thu.\n\nNghị quyết này đã được Hội đồng nhân dân tỉnh "
     "Bình Thuận khóa XI, Kỳ họp thứ 7 thông qua ngày 9 tháng 7 năm 2023 và có hiệu lực từ ngày 20 tháng 7 năm 2023./.\n"
     "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nCHỦ TỊCH\nTrần Văn Bình\n",
     {"issue_date": "2023-07-09", "issuing_body": "Hội đồng nhân dân tỉnh Bình Thuận"}),
    ("a law cited as adopted is not this document's date",
     "KẾ HOẠCH\nTriển khai Luật Đất đai\n\nLuật Đất đai được Quốc hội khóa XV thông qua ngày 18 tháng 01 năm 2024; "
     "Nghị quyết số 12 được thông qua ngày 5 tháng 3 năm 2024.\n",
     {"issue_date": None}),
    ("the date line wins over an adoption statement",
     "HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH THUẬN\nSố: 12/2023/NQ-HĐND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Bình Thuận, ngày 14 tháng 7 năm 2023\n\nNGHỊ QUYẾT\nQuy định mức thu\n\nĐiều 1. Mức thu.\n\n"
     "Nghị quyết này đã được Hội đồng nhân dân tỉnh Bình Thuận khóa XI, Kỳ họp thứ 7 thông qua ngày 9 tháng 7 năm 2023.\n",
     {"issue_date": "2023-07-14", "place": "Bình Thuận", "issuing_body": "Hội đồng nhân dân tỉnh Bình Thuận"}),
    ("công văn from a web table: the date line after the 'Kính gửi:' cell",
     "SỞ TÀI CHÍNH\nSố: 512/STC-QLG\nV/v giá dịch vụ\nKính gửi:\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 03 tháng 3 năm 2025\nCác huyện, thị xã;\n\n"
     "Thực hiện Công văn số 10/BTC ngày 5 tháng 1 năm 2025 của Bộ Tài chính.\n",
     {"so_hieu": "512/STC-QLG", "issue_date": "2025-03-03", "place": "Bắc Ninh"}),
    ("a date in the first sentence under the header is not its date line",
     "SỞ TÀI CHÍNH\nSố: 512/STC-QLG\nV/v giá dịch vụ\nKính gửi: Các huyện\n\n"
     "Bắc Ninh, ngày 03 tháng 3 năm 2025 Sở nhận được Công văn của Bộ Tài chính.\n",
     {"issue_date": None}),
    ("a province whose marks OCR misread gets its own; the letters must agree",
     "CÔNG AN TỈNH LÂM ĐỒNG\nSố: 298/TTr-CAT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLâm Đông, ngày 24 tháng 10 năm 2025\n\n"
     "TỜ TRÌNH\nVề việc A\n",
     {"place": "Lâm Đồng", "issue_date": "2025-10-24"}),
    ("a city's prefix whose marks OCR misread is part of its place",
     "TRƯỜNG CAO ĐẲNG KỸ THUẬT\nSố: 17/KH-CĐKT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Thành phó Hô Chí Minh, ngày 9 tháng 4 năm 2024\n\nKẾ HOẠCH\nTuyển sinh\n",
     {"place": "Thành phố Hồ Chí Minh", "issue_date": "2024-04-09"}),
    ("a town's prefix misread, its day garbled: the place still stands before 'ngày'",
     "UBND THỊ XÃ SƠN TÂY\nSố: 52/TB-UBND\nThị xà Sơn Tây, ngàyA tháng. năm 2023\n\nTHÔNG BÁO\nLịch tiếp dân\n",
     {"place": "Thị xã Sơn Tây"}),
    ("a misread prefix in capitals after the motto flattened onto the date line",
     "ĐOÀN THỊ TRẤN ĐÔNG ANH\nSố: 8-KH/ĐTN\nĐộc lập - Tự do - Hạnh phúc Thị Trân Đông Anh, ngày 3 tháng 5 năm 2022\n\n"
     "KẾ HOẠCH\nRa quân\n",
     {"place": "Thị trấn Đông Anh"}),
    ("a one-word name like a prefix is kept as printed ('Quan Hóa' is a district, not 'Quận')",
     "HUYỆN ĐOÀN QUAN HÓA\nSố: 4-KH/HĐ\nQuan Hóa, ngày 7 tháng 8 năm 2021\n\nKẾ HOẠCH\nHè\n",
     {"place": "Quan Hóa"}),
    ("lower-case words before the place are no prefix",
     "BCH ĐOÀN KHỐI CƠ QUAN\nSố: 3-KH/ĐK\nHạnh phúc Hà Nội, ngày 2 tháng 1 năm 2024\n\nKẾ HOẠCH\nHội thao\n",
     {"place": "Hà Nội"}),
    ("a body whose province OCR printed with wrong marks gets the province's marks, its case as printed",
     "CÔNG AN TỈNH LÂM ĐÒNG\nPHÒNG CẢNH SÁT GIAO THÔNG\nSố: 12/KH-PC08\nLâm Đòng, ngày 2 tháng 6 năm 2025\n\n"
     "KẾ HOẠCH\nTuần tra\n",
     {"parent_body": "Công an tỉnh Lâm Đồng", "place": "Lâm Đồng"}),
    ("a school named after its city, the city's marks misread",
     "BỘ CÔNG THƯƠNG\nTRƯỜNG ĐẠI HỌC KỸ NGHỆ\nTHÀNH PHÓ HÒ CHÍ MINH\nSố: 40/KH-ĐHKN\n"
     "Thành phố Hồ Chí Minh, ngày 1 tháng 2 năm 2026\n\nKẾ HOẠCH\nKhảo sát\n",
     {"issuing_body": "Trường Đại học Kỹ Nghệ Thành Phố Hồ Chí Minh", "parent_body": "Bộ Công Thương"}),
    ("a body whose last words are a province's, marks and all, is kept as printed",
     "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 5/KH-UBND\n\nKẾ HOẠCH\nA\n",
     {"issuing_body": "Ủy ban nhân dân thành phố Hồ Chí Minh"}),
    ("a place that is no province is kept as printed",
     "BCH ĐOÀN QUẬN NGŨ HÀNH SƠN\nSố: 38-HD/ĐTN\nNgũ Hành Sơn, ngày 20 tháng 02 năm 2019\n\nHƯỚNG DẪN\nThực hiện A\n",
     {"place": "Ngũ Hành Sơn"}),
    ("a tax office under its department: two bodies, not one name wrapped",
     "CỤC THUẾ\nTHUẾ TỈNH TÂY NINH\nSố: 3257/TNI-QLDN1\nV/v thuế suất thuế GTGT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Tây Ninh, ngày 01 tháng 12 năm 2025\n\nKính gửi: Công ty A\n",
     {"issuing_body": "Thuế tỉnh Tây Ninh", "parent_body": "Cục Thuế", "place": "Tây Ninh"}),
    ("no header at all (seed 004): type from the type line, other fields null",
     "\n\nKẾ HOẠCH\n\nTổ chức các hoạt động năm 2024\n\nCăn cứ Kế hoạch số 269-KH/QU ngày 15 tháng 3 năm 2024.\n",
     {"so_hieu": None, "doc_type": "Kế hoạch", "issue_date": None, "place": None, "parent_body": None,
      "title": "Tổ chức các hoạt động năm 2024"}),
]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_header_fields(name, text, expected):
    got = fields_of(text)
    assert {k: got[k] for k in expected} == expected


def test_issuing_body_from_the_opening_sentence_when_nothing_else_names_it():
    text = ("KẾ HOẠCH\nTổ chức hội thi năm 2024\n\nThực hiện Kế hoạch số 12-KH/TĐTN, Ban Thường vụ (BTV) "
            "Huyện Đoàn Châu Thành xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH\n- Nội dung.\n"
            "KT. BÍ THƯ\nPHÓ BÍ THƯ\n\nNguyễn Văn An\n")
    assert fields_of(text)["issuing_body"] == "Ban Thường vụ Huyện Đoàn Châu Thành"
    # a TM. signature names the collective first
    assert fields_of(text.replace("KT. BÍ THƯ", "TM. BAN THƯỜNG VỤ HUYỆN ĐOÀN"))["issuing_body"] == \
        "Ban Thường vụ Huyện Đoàn"


def test_a_corrected_value_says_so_and_is_less_sure():
    """Marks taken from the vocabulary (a province, a place's prefix) lower the confidence and are
    named in the method; a value read as printed keeps the header's."""
    from pipeline import analyze_text
    rows = analyze_text("CÔNG AN TỈNH LÂM ĐÒNG\nPHÒNG HẬU CẦN\nSố: 3/KH-PH\nThành phó Đà Lạt, ngày 2 tháng 6 năm 2025\n\n"
                        "KẾ HOẠCH\nA\n").tables()["fields"]
    got = {r["field"]: (r["value"], r["confidence"], r["method"]) for r in rows if r["field"] in ("parent_body", "place", "issuing_body")}
    assert got == {"parent_body": ("Công an tỉnh Lâm Đồng", 0.8, "header, marks of a province"),
                   "issuing_body": ("Phòng Hậu Cần", 0.9, "header"),
                   "place": ("Thành phố Đà Lạt", 0.8, "date line, marks of its prefix")}
