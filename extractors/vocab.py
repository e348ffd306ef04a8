"""Vocabularies shared by the segmenter and the extractors — one place, each entry with an example.

Sources: Nghị định 30/2020/NĐ-CP Phụ lục III (State type codes), Hướng dẫn 36-HD/VPTW (Party),
Quyết định 367-QĐ/TWĐTN-VP and Hướng dẫn 29-HD/TWĐTN-VP (Đoàn); see
`shared/reference/vn-admin-documents.md`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    key: str
    value: str
    example: str


def _table(*rows: tuple[str, str, str]) -> dict[str, Entry]:
    return {k: Entry(k, v, ex) for k, v, ex in rows}


# Document types: type code → name (sentence case). Party `QĐ` is also Quy định: the type word
# in the text wins over the code.
DOC_TYPES = _table(
    ("NQ", "Nghị quyết", "Nghị quyết số 25-NQ/TW"),
    ("QĐ", "Quyết định", "Quyết định số 09-QĐ/TU"),
    ("QyĐ", "Quy định", "Quy định số 12/QyĐ-UBND"),
    ("CT", "Chỉ thị", "Chỉ thị số 05-CT/TW"),
    ("KL", "Kết luận", "Kết luận số 19 – KL/TU"),
    ("KH", "Kế hoạch", "Kế hoạch số 95-KH/TĐTN-BTCKT"),
    ("CTr", "Chương trình", "Chương trình hành động số 16-CTr/TWĐTN-ĐKTHTN"),
    ("Ctr", "Chương trình", "Chương trình số 3-Ctr/TU"),
    ("ĐA", "Đề án", "Đề án số 08-ĐA/TU"),
    ("DA", "Dự án", "Dự án số 2/DA-UBND"),
    ("PA", "Phương án", "Phương án số 7/PA-UBND"),
    ("QC", "Quy chế", "Quy chế số 09-QC/TW"),
    ("QCPH", "Quy chế phối hợp", "Quy chế phối hợp số 1348/QCPH-UBND-TĐTN"),
    ("HD", "Hướng dẫn", "Hướng dẫn số 29-HD/TWĐTN-VP"),
    ("TB", "Thông báo", "Thông báo số 2245/TB-SCT"),
    ("TT", "Thông tư", "Thông tư số 27/2020/TT-BTC"),
    ("TTLT", "Thông tư liên tịch", "Thông tư liên tịch số 02/2011/TTLT-VPCP-BNV"),
    ("BC", "Báo cáo", "Báo cáo số 12-BC/TU"),
    ("TTr", "Tờ trình", "Tờ trình số 01/TTr-CT05"),
    ("BB", "Biên bản", "Biên bản số 5/BB-SCT"),
    ("CV", "Công văn", "Công văn số 8011-CV/BTCTW"),
    ("NĐ", "Nghị định", "Nghị định số 98/2014/NĐ-CP"),
    ("CĐ", "Công điện", "Công điện số 1/CĐ-TTg"),
    ("GM", "Giấy mời", "Giấy mời số 3/GM-TCCB"),
    ("PC", "Phiếu chuyển", "Phiếu chuyển số 466/PC-VPUBND"),
    ("TC", "Thông cáo", "Thông cáo số 2/TC-BCĐ"),
    ("HĐ", "Hợp đồng", "Hợp đồng số 12/HĐ-SCT"),
    ("VBHN", "Văn bản hợp nhất", "03/VBHN-VPQH"),
    ("L", "Luật", "Luật số 72/2025/QH15"),
)

# Type words as they head a document (type line) or a citation, longest first when matching.
# Value: canonical type name. Example: 'KẾ HOẠCH' (type line), 'NQ số 25-NQ/TW' (abbreviation).
TYPE_WORDS = _table(
    ("chương trình hành động", "Chương trình", "Chương trình hành động số 16-CTr/TWĐTN-ĐKTHTN"),
    ("chương trình", "Chương trình", "Chương trình số 40-CTr/TU"),
    ("quy chế phối hợp", "Quy chế", "Quy chế phối hợp số 1348/QCPH-UBND-TĐTN"),
    ("quy chế", "Quy chế", "Quy chế công tác dân vận"),
    ("nghị quyết liên tịch", "Nghị quyết liên tịch", "Nghị quyết liên tịch số 01/NQLT"),
    ("nghị quyết", "Nghị quyết", "Nghị quyết số 03-NQ/TWĐTN-BTC"),
    ("nghị định", "Nghị định", "Nghị định số 98/2014/NĐ-CP"),
    ("quyết định", "Quyết định", "Quyết định số 09-QĐ/TU"),
    ("quy định", "Quy định", "Quy định số 66-QĐ/TW"),
    ("chỉ thị", "Chỉ thị", "Chỉ thị số 05-CT/TW"),
    ("kết luận", "Kết luận", "Kết luận số 01-KL/TW"),
    ("kế hoạch liên tịch", "Kế hoạch", "KẾ HOẠCH LIÊN TỊCH"),
    ("chương trình phối hợp", "Chương trình", "CHƯƠNG TRÌNH PHỐI HỢP"),
    ("dự toán kinh phí", "Dự toán", "DỰ TOÁN KINH PHÍ"),
    ("dự toán", "Dự toán", "Dự toán số 02/DT-ĐTN"),
    ("kế hoạch", "Kế hoạch", "Kế hoạch số 15-KH/TU"),
    ("đề án", "Đề án", "Đề án số 10-ĐA/TU"),
    ("dự án", "Dự án", "Dự án số 2/DA-UBND"),
    ("phương án", "Phương án", "PHƯƠNG ÁN"),
    ("hướng dẫn", "Hướng dẫn", "Hướng dẫn số 29-HD/TWĐTN-VP"),
    ("thông báo", "Thông báo", "THÔNG BÁO"),
    ("thông tư liên tịch", "Thông tư liên tịch", "Thông tư liên tịch số 02/2011/TTLT-VPCP-BNV"),
    ("thông tư", "Thông tư", "Thông tư số 27/2020/TT-BTC"),
    ("thông tri", "Thông tri", "Thông tri số 05-TT/TW"),
    ("báo cáo", "Báo cáo", "BÁO CÁO"),
    ("tờ trình", "Tờ trình", "TỜ TRÌNH"),
    ("biên bản", "Biên bản", "BIÊN BẢN NGHIỆM THU"),
    ("công văn", "Công văn", "Công văn số 8011-CV/BTCTW"),
    ("công điện", "Công điện", "CÔNG ĐIỆN"),
    ("giấy mời", "Giấy mời", "GIẤY MỜI"),
    ("phiếu chuyển", "Phiếu chuyển", "PHIẾU CHUYỂN"),
    ("luật", "Luật", "Luật số 72/2025/QH15"),
    ("hiến pháp", "Hiến pháp", "Hiến pháp năm 2013"),
    ("điều lệ", "Điều lệ", "Điều lệ Đoàn"),
    ("chiến lược", "Chiến lược", "Chiến lược phát triển thanh niên"),
    ("thông cáo", "Thông cáo", "THÔNG CÁO"),
    ("hợp đồng", "Hợp đồng", "HỢP ĐỒNG"),
    ("nq", "Nghị quyết", "NQ số 25-NQ/TW"),
    ("qđ", "Quyết định", "QĐ số 09-QĐ/TU"),
    ("ct", "Chỉ thị", "CT số 03-CT/TW"),
    ("kh", "Kế hoạch", "KH số 20/KH-UBND"),
)

# Header lines that name a system, not an issuing body: the Đoàn and Party ones are the
# organisation the issuer belongs to (`parent_body` when no other parent line is printed);
# the State motto never is.
ORG_TITLES = _table(
    ("ĐOÀN TNCS HỒ CHÍ MINH", "Đoàn TNCS Hồ Chí Minh", "ĐOÀN TNCS HỒ CHÍ MINH"),
    ("ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH", "Đoàn TNCS Hồ Chí Minh", "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH"),
    ("ĐẢNG CỘNG SẢN VIỆT NAM", "Đảng Cộng sản Việt Nam", "ĐẢNG CỘNG SẢN VIỆT NAM"),
)
MOTTO_LINES = _table(
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "", "Độc lập - Tự do - Hạnh phúc"),
)

# Signing prefixes (ND30 Điều 13; Party uses slashes). Example: 'TM. BAN THƯỜNG VỤ TỈNH ĐOÀN'.
SIGNING_PREFIXES = _table(
    ("TM", "TM.", "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN"),
    ("T/M", "T/M", "T/M BAN THƯỜNG VỤ"),
    ("KT", "KT.", "KT. GIÁM ĐỐC"),
    ("K/T", "K/T", "K/T BÍ THƯ"),
    ("TL", "TL.", "TL. BỘ TRƯỞNG"),
    ("T/L", "T/L", "T/L BAN THƯỜNG VỤ"),
    ("TUQ", "TUQ.", "TUQ. GIÁM ĐỐC"),
    ("Q", "Q.", "Q. GIÁM ĐỐC"),
)

# The organisation's own top organs: its title printed beside them is no parent body.
# Example: 'BAN CHẤP HÀNH TRUNG ƯƠNG' beside 'ĐẢNG CỘNG SẢN VIỆT NAM' (parent null).
TOP_ORGANS = frozenset({"BAN CHẤP HÀNH TRUNG ƯƠNG", "BỘ CHÍNH TRỊ", "BAN BÍ THƯ", "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG",
                        "BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN", "BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN"})

# Positions that head a signature (upper case on the page). Example: 'PHÓ BÍ THƯ'.
POSITIONS = _table(
    ("BÍ THƯ", "Bí thư", "BÍ THƯ"),
    ("PHÓ BÍ THƯ", "Phó Bí thư", "PHÓ BÍ THƯ"),
    ("BÍ THƯ THƯỜNG TRỰC", "Bí thư thường trực", "BÍ THƯ THƯỜNG TRỰC"),
    ("CHỦ TỊCH", "Chủ tịch", "CHỦ TỊCH"),
    ("PHÓ CHỦ TỊCH", "Phó Chủ tịch", "PHÓ CHỦ TỊCH"),
    ("GIÁM ĐỐC", "Giám đốc", "GIÁM ĐỐC"),
    ("PHÓ GIÁM ĐỐC", "Phó Giám đốc", "PHÓ GIÁM ĐỐC"),
    ("TRƯỞNG BAN", "Trưởng ban", "TRƯỞNG BAN"),
    ("PHÓ TRƯỞNG BAN", "Phó Trưởng ban", "PHÓ TRƯỞNG BAN"),
    ("CHÁNH VĂN PHÒNG", "Chánh Văn phòng", "CHÁNH VĂN PHÒNG"),
    ("PHÓ CHÁNH VĂN PHÒNG", "Phó Chánh Văn phòng", "PHÓ CHÁNH VĂN PHÒNG"),
    ("TRƯỞNG PHÒNG", "Trưởng phòng", "TRƯỞNG PHÒNG"),
    ("PHÓ TRƯỞNG PHÒNG", "Phó Trưởng phòng", "PHÓ TRƯỞNG PHÒNG"),
    ("BỘ TRƯỞNG", "Bộ trưởng", "BỘ TRƯỞNG"),
    ("THỨ TRƯỞNG", "Thứ trưởng", "THỨ TRƯỞNG"),
    ("HIỆU TRƯỞNG", "Hiệu trưởng", "HIỆU TRƯỞNG"),
    ("TỔNG GIÁM ĐỐC", "Tổng Giám đốc", "TỔNG GIÁM ĐỐC"),
    ("THỦ TRƯỞNG", "Thủ trưởng", "THỦ TRƯỞNG"),
    ("TRƯỞNG ĐOÀN", "Trưởng đoàn", "TRƯỞNG ĐOÀN"),
    ("VỤ TRƯỞNG", "Vụ trưởng", "VỤ TRƯỞNG"),
    ("CỤC TRƯỞNG", "Cục trưởng", "CỤC TRƯỞNG"),
    ("CHI CỤC TRƯỞNG", "Chi cục trưởng", "CHI CỤC TRƯỞNG"),
    ("THỦ TƯỚNG", "Thủ tướng", "THỦ TƯỚNG"),
    ("PHÓ THỦ TƯỚNG", "Phó Thủ tướng", "PHÓ THỦ TƯỚNG"),
    # posts that sign without a prefix or under KT. (a 'PHÓ …' of each is a post too: see segment.is_position)
    ("CHỦ NHIỆM", "Chủ nhiệm", "CHỦ NHIỆM"),
    ("TỔNG BIÊN TẬP", "Tổng Biên tập", "TỔNG BIÊN TẬP"),
    ("TRƯỞNG TIỂU BAN", "Trưởng Tiểu ban", "TRƯỞNG TIỂU BAN"),
    ("VIỆN TRƯỞNG", "Viện trưởng", "VIỆN TRƯỞNG"),
    ("CHÁNH THANH TRA", "Chánh Thanh tra", "CHÁNH THANH TRA"),
    ("TRƯỞNG KHOA", "Trưởng khoa", "TRƯỞNG KHOA"),
    ("TỔ TRƯỞNG", "Tổ trưởng", "TỔ TRƯỞNG"),
    ("ỦY VIÊN", "Ủy viên", "ỦY VIÊN"),
    ("TRƯỞNG BAN TỔ CHỨC", "Trưởng Ban Tổ chức", "TRƯỞNG BAN TỔ CHỨC"),
)

# What may stand before a signer's name: address, military rank, academic title. The value is
# kept out of `signer_name`. Example: 'Thiếu tướng Trương Minh Hải', 'PGS.TS. Lê Văn An'.
NAME_PREFIXES = frozenset({"Đ/c", "Ông", "Bà", "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá",
                           "Thượng tá", "Trung tá", "Thiếu tá", "GS.TS.", "PGS.TS.", "GS.", "PGS.", "TS.", "ThS.",
                           "BS.", "KS."})

# Words that make a header line the name of a body ('SỞ CÔNG THƯƠNG', 'TỈNH ỦY'); a line with none
# of them ('VIỆT NAM', 'TỈNH CÀ MAU') continues the name above it ('NGÂN HÀNG NHÀ NƯỚC' / 'VIỆT NAM').
BODY_WORDS = frozenset({"BAN", "SỞ", "ĐOÀN", "ỦY", "UỶ", "HỘI", "PHÒNG", "VỤ", "CỤC", "BỘ", "TRƯỜNG", "CÔNG",
                        "ĐẢNG", "CHI", "TỔNG", "VIỆN", "TÂM", "BCH", "UBND", "HĐND", "ĐỘI", "TRẬN", "TRA",
                        "TÒA", "HÀNG", "PHỦ", "KHỐI", "BTV", "ĐTN", "TNCS",
                        "BÁO", "ĐÀI"})      # a newspaper, a radio station: 'BÁO VÀ PHÁT THANH, TRUYỀN HÌNH'


# Words of posts that never occur in a personal name: 'Giám Sát Trưởng' is a post, not a signer.
NOT_NAME_WORDS = frozenset({"giám", "đốc", "trưởng", "phó", "tịch", "sát", "ủy", "viên", "ký", "dấu", "chức",
                            "vụ", "ban", "thường", "trực", "nhiệm", "tập", "lục", "mục", "biểu", "mẫu"})

# Purpose codes after a recipient. Example: '- Ban Bí thư TW Đoàn (b/c);' → 'b/c'.
PURPOSES = _table(
    ("b/c", "b/c", "(b/c)"),
    ("để b/c", "b/c", "(để b/c)"),
    ("t/h", "t/h", "(t/h)"),
    ("để t/h", "t/h", "(để t/h)"),
    ("th", "t/h", "(th)"),
    ("p/h", "p/h", "(p/h)"),
    ("để p/h", "p/h", "(để p/h)"),
    ("đ/b", "đ/b", "(đ/b)"),
    ("để biết", "để biết", "(để biết)"),
    ("biết", "để biết", "(biết)"),
    ("chỉ đạo", "chỉ đạo", "(chỉ đạo)"),
    ("để chỉ đạo", "chỉ đạo", "(để chỉ đạo)"),
    ("thực hiện", "t/h", "(thực hiện)"),
    ("để thực hiện", "t/h", "(để thực hiện)"),
    ("báo cáo", "b/c", "(báo cáo)"),
    ("để báo cáo", "b/c", "(để báo cáo)"),
    ("phối hợp", "p/h", "(phối hợp)"),
    ("để phối hợp", "p/h", "(để phối hợp)"),
    ("b/cáo", "b/c", "(b/cáo)"),
    ("t/hiện", "t/h", "(t/hiện)"),
)

# Abbreviations kept upper case when a header line is put into proper case.
# Example: 'BCH ĐOÀN TỈNH KIÊN GIANG' → 'BCH Đoàn tỉnh Kiên Giang'.
ACRONYMS = frozenset({
    "BCH", "BTV", "BBT", "TNCS", "UBND", "HĐND", "MTTQ", "UBMTTQ", "TW", "TƯ", "T.Ư", "TP", "TP.",
    "TX.", "TT.", "HLHTN", "LHTN", "HSV", "TNXP", "LLVT", "CAND", "QĐND", "CLB", "BCĐ", "VP",
    "DN", "TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M", "K/T", "T/L", "CNLĐ", "TNCN", "ĐVTN", "THPT",
    "THCS", "BQL", "KCN", "KCX", "CP", "TNHH", "GD&ĐT", "KT-XH", "ĐH", "CĐ", "II", "III", "IV",
    "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV",
    "ĐBQH", "CNTT", "HSSV", "TTN",
})
# Administrative level nouns written in lower case before a proper name ('tỉnh Kiên Giang').
LEVEL_NOUNS = frozenset({"tỉnh", "huyện", "quận", "xã", "phường", "thị trấn", "thị xã", "thành phố"})

# Words that open the body of a plan right after its title (the relation a cue gives is in
# RELATION_CUES); a title line never starts with one after its first line. Example: 'Căn cứ Kế hoạch số 269-KH/QU …', 'Thực hiện Nghị quyết …'.
BODY_OPENERS = _table(
    ("Căn cứ", "", "Căn cứ Kế hoạch số 269-KH/QU ngày 15 tháng 3 năm 2024"),
    ("Thực hiện", "", "Thực hiện Kế hoạch số 15-KH/TU, ngày 24/3/2021"),
    ("Triển khai", "", "Triển khai Kế hoạch số 183-KH/TWĐTN-TNNT"),
    ("Theo", "", "Theo đề nghị của Ban Tổ chức"),
    ("Nhằm", "", "Nhằm đẩy mạnh hoạt động phong trào"),
    ("Để", "", "Để triển khai hiệu quả"),
    ("Trên cơ sở", "", "Trên cơ sở kết quả khảo sát"),
    ("Kính gửi", "", "Kính gửi: Sở Công Thương"),
    ("Hôm nay", "", "Hôm nay, ngày 13 tháng 3 năm 2026"),
    ("Xét", "", "Xét đề nghị của Ủy ban Kiểm tra Quận Đoàn"),
)

# ---------------------------------------------------------------- fields: title casing
# Proper names kept capitalised when an all-capitals title is put in sentence case.
# Example: 'TRIỂN KHAI CHỈ THỊ SỐ 13/CT-TTg CỦA THỦ TƯỚNG CHÍNH PHỦ' → '… của Thủ tướng Chính phủ'.
PROPER_PHRASES = frozenset({
    "Đảng Cộng sản Việt Nam",                  # ĐẢNG CỘNG SẢN VIỆT NAM
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",    # ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH
    "Hội Liên hiệp Thanh niên Việt Nam",       # HỘI LIÊN HIỆP THANH NIÊN VIỆT NAM
    "Mặt trận Tổ quốc Việt Nam",               # MẶT TRẬN TỔ QUỐC VIỆT NAM
    "Thủ tướng Chính phủ",                     # CỦA THỦ TƯỚNG CHÍNH PHỦ
    "Ban Chấp hành Trung ương",                # CỦA BAN CHẤP HÀNH TRUNG ƯƠNG
    "Bộ Chính trị",                            # CỦA BỘ CHÍNH TRỊ
    "Ban Bí thư",                              # CỦA BAN BÍ THƯ
    "Hồ Chí Minh",                             # THÀNH PHỐ HỒ CHÍ MINH
    "Việt Nam",                                # THANH NIÊN VIỆT NAM
    "Chính phủ",                               # NGHỊ ĐỊNH CỦA CHÍNH PHỦ
    "Quốc hội",                                # NGHỊ QUYẾT CỦA QUỐC HỘI
    "Trung ương",                              # HỘI NGHỊ TRUNG ƯƠNG
    "Nhà nước",                                # QUẢN LÝ NHÀ NƯỚC
    "Tết Nguyên đán",                          # TẾT NGUYÊN ĐÁN
    "Trung Bộ",                                # MƯA LŨ TẠI KHU VỰC TRUNG BỘ
    "Bắc Bộ",                                  # CÁC TỈNH BẮC BỘ
    "Nam Bộ",                                  # ĐỒNG BẰNG NAM BỘ
    "Đảng",                                    # CÔNG TÁC XÂY DỰNG ĐẢNG
    "Đoàn",                                    # CÔNG TÁC ĐOÀN
})
# Words that end a place name after a level noun ('TỈNH CẦN THƠ NĂM 2025' → 'tỉnh Cần Thơ năm 2025').
PLACE_STOP_WORDS = frozenset({"năm", "về", "và", "trên", "của", "giai", "đoạn", "theo", "tại", "trong", "với",
                              "đến", "từ", "cho", "nhằm", "lần", "thứ", "khóa", "khoá", "nhiệm", "kỳ", "đợt"})
PLACE_WORDS = 2     # syllables of a place name after a level noun ('Lai Châu'); longer ones are PROPER_PHRASES
# A level noun that opens a common word, not a place: 'NHÀ Ở XÃ HỘI' → 'nhà ở xã hội'.
LEVEL_COMPOUNDS = frozenset({"xã hội"})
# Acronyms that are also syllables: in text in capitals they are read as words ('TƯ PHÁP', 'ĐẦU TƯ').
SYLLABLE_ACRONYMS = frozenset({"TƯ"})


# Lower-case words that occur inside the name of an issuing body cited after `của`; an issuer is
# capitalized words and acronyms plus these. Example: 'của Ban Thường vụ Tỉnh ủy' (vụ, ủy).
ISSUER_WORDS = _table(
    ("vụ", "", "Ban Thường vụ Tỉnh ủy"),
    ("ủy", "", "Ban Thường vụ Tỉnh ủy"),
    ("uỷ", "", "Tỉnh uỷ Kiên Giang"),
    ("trị", "", "Bộ Chính trị"),
    ("hành", "", "Ban Chấp hành Trung ương Đoàn"),
    ("thư", "", "Ban Bí thư Trung ương Đoàn"),
    ("phủ", "", "Chính phủ"),
    ("tướng", "", "Thủ tướng Chính phủ"),
    ("ương", "", "Ban Chấp hành Trung ương"),
    ("tỉnh", "", "UBND tỉnh Kiên Giang"),
    ("huyện", "", "UBND huyện Châu Thành"),
    ("quận", "", "Ban Thường vụ Đoàn quận Bình Tân"),
    ("thành", "", "UBND thành phố Rạch Giá"),
    ("phố", "", "UBND thành phố Rạch Giá"),
    ("xã", "", "UBND xã Vĩnh Hòa"),
    ("phường", "", "Đảng ủy phường 5"),
    ("thị", "", "UBND thị xã Hà Tiên"),
    ("ban", "", "Ủy ban nhân dân tỉnh"),
    ("nhân", "", "Ủy ban nhân dân tỉnh"),
    ("dân", "", "Hội đồng nhân dân tỉnh"),
    ("đồng", "", "Hội đồng nhân dân tỉnh"),
    ("hội", "", "Quốc hội"),
    ("đoàn", "", "Tỉnh đoàn Kiên Giang"),
    ("đảng", "", "Ban Chấp hành Trung ương đảng"),
    ("niên", "", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ("sản", "", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ("phòng", "", "Văn phòng Trung ương Đảng"),
    ("chức", "", "Ban Tổ chức Trung ương"),
    ("giáo", "", "Ban Tuyên giáo Tỉnh ủy"),
    ("vận", "", "Ban Dân vận Tỉnh ủy"),
    ("tra", "", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("quốc", "", "Ủy ban Mặt trận Tổ quốc"),
    ("trận", "", "Ủy ban Mặt trận Tổ quốc"),
    ("đạo", "", "Ban Chỉ đạo Trung ương"),
    ("động", "", "Liên đoàn Lao động tỉnh"),
    ("hiệp", "", "Hội Liên hiệp Thanh niên Việt Nam"),
    ("trưởng", "", "Bộ trưởng Bộ Nội vụ"),
)

# Words that give a citation's relation: the nearest one before it in its sentence; a `mentions`
# cue counts only right before the citation (they are common words). Example: 'Căn cứ Kế hoạch số 269-KH/QU …' → based_on; 'khắc phục … theo Kế hoạch số 15-KH/TU' → mentions.
RELATION_CUES = _table(
    ("căn cứ", "based_on", "Căn cứ Kế hoạch số 269-KH/QU ngày 15 tháng 3 năm 2024"),
    ("thực hiện", "implements", "Thực hiện Nghị quyết số 03-NQ/TWĐTN-BTC ngày 05/3/2014"),
    ("triển khai", "implements", "triển khai Đề án số 08-ĐA/TU"),
    ("quán triệt", "implements", "quán triệt Nghị quyết 25"),
    ("cụ thể hóa", "implements", "cụ thể hóa Nghị quyết số 25-NQ/TW"),
    ("theo", "mentions", "đã được chỉ ra theo Kế hoạch số 15-KH/TU"),
    ("trong", "mentions", "chỉ tiêu trong Kế hoạch 280-KH/TĐTN-TCKT"),
)


# ---------------------------------------------------------------- commitments (targets, deadlines, assignments)
# Comparators before a quantity. Example: 'kết nạp ít nhất 600 đoàn viên' → at_least.
COMPARATORS = _table(
    ("ít nhất", "at_least", "thành lập ít nhất 02 chi đoàn"),
    ("tối thiểu", "at_least", "tối thiểu 05 thành viên"),
    ("không dưới", "at_least", "không dưới 80% đoàn viên"),
    ("không ít hơn", "at_least", "không ít hơn 3 hoạt động"),
    ("trên", "at_least", "trên 35% đơn vị kinh tế tư nhân"),
    ("hơn", "at_least", "hơn 200 thanh niên"),
    ("tối đa", "at_most", "tối đa 30 học viên"),
    ("không quá", "at_most", "không quá 5% đoàn viên"),
    ("dưới", "at_most", "dưới 10% chi đoàn yếu"),
    ("nhiều nhất", "at_most", "nhiều nhất 2 đợt"),
)
# Words that commit to a quantity when they stand right before it (verbs of achievement and the
# prepositions that follow them). Example: 'kết nạp 80 đoàn viên', 'tập huấn cho 100% cán bộ'.
TARGET_CUES = _table(*((w, "cue", ex) for w, ex in (
    ("thành lập", "thành lập 01 Chi đoàn"), ("thành lập mới", "thành lập mới 27 chi đoàn"),
    ("kết nạp", "kết nạp 10 đoàn viên mới"), ("kết nạp mới", "kết nạp mới ít nhất 100 đoàn viên"),
    ("phát triển", "phát triển ít nhất 600 đoàn viên"), ("tổ chức", "tổ chức 02 chương trình"),
    ("xây dựng", "Xây dựng từ 01 đến 02 mô hình"), ("đạt", "đạt 100%"), ("phấn đấu", "phấn đấu 07 Chi đoàn"),
    ("bồi dưỡng", "bồi dưỡng 5% đoàn viên ưu tú"), ("giới thiệu", "giới thiệu 5% đoàn viên ưu tú"),
    ("tập huấn", "tập huấn 200 cán bộ"), ("vận động", "vận động 50 doanh nghiệp"),
    ("chỉ đạo", "Chỉ đạo 100% các huyện"), ("hoàn thành", "hoàn thành 3 công trình"),
    ("cho", "tập huấn nghiệp vụ cho 100% cán bộ"), ("được", "kết nạp đảng được 10%"),
    ("mở", "mở 2 lớp"), ("hỗ trợ", "hỗ trợ 50 thanh niên"), ("trao tặng", "trao tặng 100 suất quà"),
    ("tuyên dương", "tuyên dương 20 gương"),
    ("thu hút", "thu hút 500 lượt"), ("duy trì", "duy trì 10 câu lạc bộ"), ("nhân rộng", "nhân rộng 5 mô hình"),
    ("đào tạo", "đào tạo 300 lao động"), ("giải quyết việc làm cho", "giải quyết việc làm cho 500 thanh niên"),
    ("thực hiện", "thực hiện 10 công trình"), ("triển khai", "triển khai 3 mô hình"),
    ("tham gia", "100 thanh niên tham gia"), ("đảm bảo", "đảm bảo 100% chi đoàn"),
    ("trong đó có", "trong đó có từ 01 đến 02 cơ sở Đoàn"), ("trong đó", "trong đó 50 đoàn viên nữ"),
    # frequent misspellings of 'phấn đấu' in the archives
    ("phân đầu", "Phân đầu 100% các đơn vị"), ("phần đầu", "phần đầu kết nạp đảng được 10%"),
    ("phân đấu", "phân đấu 30 đoàn viên"), ("phần đấu", "phần đấu 5 chi đoàn"),
)))
# Nouns of time: a number before them is a duration or a date, not a quantity. Example: '6 tháng'.
TIME_NOUNS = frozenset({"ngày", "tháng", "năm", "tuần", "quý", "giờ", "phút", "buổi", "đợt", "kỳ", "lần"})
# Words that make the number before/after them a name, rank or reference, not a quantity.
# Example: 'Nghị quyết 25', 'cụm 8', 'khóa XI', 'lần thứ 7', 'số 03'.
NUMBER_NAMERS = frozenset({"số", "cụm", "khóa", "khoá", "thứ", "quý", "năm", "tháng", "ngày", "giờ", "kỳ",
                           "đợt", "điều", "khoản", "mục", "phụ lục", "giai đoạn", "nhiệm kỳ", "tuần", "trung ương"})
# Numbers written in words. Example: 'một trăm đoàn viên' → 100.
NUMBER_WORDS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
                "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mươi": 10, "trăm": 100,
                "nghìn": 1000, "ngàn": 1000, "triệu": 1000000}
# Recurrence words → CONTRACT `recurrence`. Example: 'trong tháng 3 hàng năm' → annual.
RECURRENCE = _table(
    ("hàng năm", "annual", "trong tháng 3 hàng năm"), ("hằng năm", "annual", "báo cáo hằng năm"),
    ("định kỳ", "annual", "định kỳ trước ngày 15/5"),
    ("hàng tháng", "monthly", "trước ngày 10 hàng tháng"), ("hằng tháng", "monthly", "ngày 5 hằng tháng"),
    ("hàng quý", "quarterly", "báo cáo hàng quý"), ("hằng quý", "quarterly", "hằng quý"),
    ("6 tháng", "semiannual", "báo cáo 6 tháng"), ("sáu tháng", "semiannual", "sơ kết sáu tháng"),
)
# Cues that make the date after them a deadline of this document. Example: 'chậm nhất là ngày 30/10'.
DEADLINE_CUES = _table(*((w, "cue", ex) for w, ex in (
    ("chậm nhất là vào", "chậm nhất là vào ngày 30/10"), ("chậm nhất là", "chậm nhất là ngày 30/10"),
    ("chậm nhất vào", "chậm nhất vào ngày 5/12"), ("chậm nhất", "chậm nhất ngày 15/11"),
    ("hạn chót là", "hạn chót là ngày 1/6"), ("hạn chót", "hạn chót 1/6"), ("trước", "trước ngày 15/5"),
    ("từ nay đến", "Từ nay đến năm 2017"), ("đến hết", "đến hết năm 2025"), ("đến", "đến ngày 30/4/2024"),
    ("trong", "trong tháng 3 hàng năm"), ("vào", "vào năm 2015"), ("xong", "xong trong quý II"),
)))
# Programme periods that are named, not committed to. Example: 'giai đoạn 2011 - 2020', 'nhiệm kỳ 2022 - 2027'.
PROGRAMME_PERIODS = frozenset({"giai đoạn", "nhiệm kỳ", "năm học", "tầm nhìn", "định hướng", "khóa", "khoá"})
# Role cues in an assignment → CONTRACT `role`. Example: 'Làm cơ quan Thường trực' → lead.
ROLE_CUES = _table(
    ("chủ trì", "lead", "Ban Tổ chức chủ trì, phối hợp"), ("thường trực", "lead", "là bộ phận thường trực"),
    ("tham mưu", "lead", "giao Ban Tổ chức – Kiểm tra tham mưu"), ("đầu mối", "lead", "là đầu mối"),
    ("chịu trách nhiệm chính", "lead", "chịu trách nhiệm chính"), ("phối hợp", "support", "phối hợp với Ban"),
)
# Verbs that end a unit's name when it is the subject of a duty. Example: 'Ban Tuyên giáo Tỉnh Đoàn | là …'.
DUTY_VERBS = frozenset({
    "là", "làm", "chủ trì", "phối hợp", "tham mưu", "thường xuyên", "theo dõi", "tổ chức", "triển khai",
    "xây dựng", "hướng dẫn", "chỉ đạo", "kiểm tra", "báo cáo", "tổng hợp", "thực hiện", "căn cứ", "chủ động",
    "chịu trách nhiệm", "có trách nhiệm", "phụ trách", "đôn đốc", "nghiên cứu", "tiếp tục", "đẩy mạnh",
    "tăng cường", "tập trung", "rà soát", "đảm bảo", "tham gia", "lựa chọn", "chọn", "giúp", "hỗ trợ",
    "định kỳ", "cần", "phải", "nghiêm túc", "thống kê", "giao", "quán triệt", "vận động", "đề xuất", "cử",
    "lên", "thành lập", "kết nạp", "phát triển", "quản lý", "duy trì", "nắm", "nắm bắt", "gửi", "trình",
})
# First words of a phrase that names a unit or person. Example: 'Ban Tổ chức Đoàn Khối', 'Cấp Quận'.
UNIT_HEADS = frozenset({
    "ban", "văn phòng", "tỉnh đoàn", "thành đoàn", "quận đoàn", "huyện đoàn", "thị đoàn", "đoàn", "hội",
    "cơ sở đoàn", "cơ sở hội", "cấp", "tổ công tác", "tổ giúp việc", "nhóm", "chi đoàn", "chi hội", "chi bộ",
    "ủy ban", "uỷ ban", "ubnd", "sở", "phòng", "trung tâm", "thường trực", "đồng chí", "đ/c", "btv", "bch",
    "liên đoàn", "công đoàn", "hội đồng", "đội", "trường", "đảng ủy", "đảng uỷ", "cấp ủy", "cấp uỷ",
    "huyện", "quận", "phường", "xã", "thị xã", "thành phố", "ủy viên", "uỷ viên", "tiểu ban", "bộ phận",
    "đoàn khối", "đoàn trường", "mặt trận", "hội liên hiệp", "liên chi đoàn", "ubkt", "ủy ban kiểm tra",
})
# Section headings over the parts that assign work. Example: 'III. TỔ CHỨC THỰC HIỆN'.
ASSIGN_HEADINGS = frozenset({"tổ chức thực hiện", "phân công", "trách nhiệm thực hiện", "phân công nhiệm vụ",
                             "phân công thực hiện", "nhiệm vụ của các đơn vị"})
# Membership roles inside a working group. Example: '- Tổ trưởng', 'Trưởng ban: Đồng chí …'.
MEMBERSHIP = frozenset({"tổ trưởng", "tổ phó", "thành viên", "trưởng ban", "phó trưởng ban", "phó ban",
                        "thư ký", "ủy viên", "uỷ viên", "trưởng nhóm", "phó nhóm"})
