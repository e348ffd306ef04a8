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
    # posts that sign without a prefix or under KT. (a 'PHÓ …' of each is a post too: see patterns.is_position)
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
                        "BÁO", "ĐÀI",       # a newspaper, a radio station: 'BÁO VÀ PHÁT THANH, TRUYỀN HÌNH'
                        "THUẾ", "BẠC"})     # 'CỤC THUẾ' / 'THUẾ TỈNH TÂY NINH', 'KHO BẠC NHÀ NƯỚC KHU VỰC X'


# Words of posts that never occur in a personal name: 'Giám Sát Trưởng' is a post, not a signer.
NOT_NAME_WORDS = frozenset({"giám", "đốc", "trưởng", "phó", "tịch", "sát", "ủy", "viên", "ký", "dấu", "chức",
                            "vụ", "ban", "thường", "trực", "nhiệm", "tập", "lục", "mục", "biểu", "mẫu"})

# The administrative prefixes a date line's place may carry, as printed: 'Thành phố Hồ Chí Minh, ngày
# 12 tháng 4 năm 2023', 'Thị xã Sơn Tây, ngày …', 'Quận Ba Đình, ngày …'. A scan that misreads their
# marks ('Thành phó Hô Chí Minh') still gives the prefix (extractors.header._misprinted_prefix).
PLACE_PREFIXES = ("Thành phố", "Thị xã", "Thị trấn", "Huyện", "Quận", "Xã", "Phường")

# Provinces and centrally-run cities, as a date line prints them (before and after the 2025
# merger), for a place whose marks OCR misread: 'Lâm Đông, ngày 24 tháng 10 năm 2025' is printed
# 'Lâm Đồng'. Only the marks are corrected: the letters must be the same.
PROVINCES = frozenset({
    "Hà Nội", "Hồ Chí Minh", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế",
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn",
    "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
})

# Vietnamese family names (lower case), the first word of most signers' names. A name that opens
# with one may hold a word of NOT_NAME_WORDS among its given names: 'Nguyễn Anh Chức', 'Huỳnh
# Minh Giám', 'Nguyễn Thị Thường' are people; 'Giám Sát Trưởng' is not.
SURNAMES = frozenset({
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
    "dương", "lý", "đào", "đoàn", "vương", "trịnh", "trương", "đinh", "lâm", "phùng", "mai", "tô", "hà",
    "tạ", "lương", "cao", "quách", "lưu", "châu", "thái", "từ", "tăng", "kiều", "âu", "chu", "triệu",
    "hứa", "khúc", "mạc", "nông", "thân", "giáp", "lại", "tống", "diệp", "lã", "lạc", "ninh", "đàm",
    "đồng", "khổng", "khương", "nghiêm", "phí", "thạch", "tiêu", "trình", "ung", "hầu", "cù", "hàn",
    "bạch", "bế", "biện", "cấn", "chế", "chúc", "doãn", "lò", "lữ", "mã", "nhữ", "sầm", "tào", "tiết",
})

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
    ("tại", "mentions", "theo quy định tại khoản 4 Điều 23 Nghị định 32/2024/NĐ-CP"),
    ("trong", "mentions", "chỉ tiêu trong Kế hoạch 280-KH/TĐTN-TCKT"),
)

# ---- citations (issue 11)
# Type words read only before a cited document's number (not type lines of this document).
# Example: 'Văn bản số 4250/BNNMT-ĐCKS' → Văn bản.
CITATION_TYPE_WORDS = _table(("văn bản", "Văn bản", "Văn bản số 4250/BNNMT-ĐCKS ngày 12/5/2025"))
# A number after `số` with a State symbol whose code is no type code is a công văn (NĐ 30/2020/NĐ-CP:
# a công văn's symbol is the issuer's and the drafting unit's abbreviations). Example: 'tại số 123/UBND-VX'.
CONG_VAN = "Công văn"
# Words before a type word that make it a form to fill, not a document. Example: 'Mẫu báo cáo số 05'.
FORM_WORDS = _table(("mẫu", "form", "theo Mẫu báo cáo số 05"), ("biểu mẫu", "form", "Biểu mẫu báo cáo số 02"))
# Words that end a cited issuer's noun phrase (lower-case words after a capitalized one are read as the
# rest of its name: 'Bộ Giáo dục và Đào tạo', 'Sở Y tế'). Example: 'của UBND tỉnh | về việc …'.
ISSUER_STOP_WORDS = frozenset({
    "về", "ngày", "số", "tại", "đã", "theo", "năm", "để", "và", "của", "khóa", "khoá", "trong", "với", "nhằm",
    "được", "là", "có", "cho", "từ", "đến", "các", "những", "ban hành", "quy định", "phê duyệt", "hướng dẫn",
})


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
    ("nhiều nhất", "at_most", "giới thiệu nhiều nhất 3 đoàn viên"),
    ("không vượt quá", "at_most", "không vượt quá 3% tổng số"),
    ("không thấp hơn", "at_least", "không thấp hơn 90% kế hoạch"),
    ("≥", "at_least", "Có ≥ 30% doanh nghiệp"),
    ("≤", "at_most", "≤ 5% hộ nghèo"),
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
    ("trong đó có", "thành lập 05 chi đoàn, trong đó có từ 01 đến 02 cơ sở Đoàn"),
    ("trong đó", "kết nạp 200 đoàn viên, trong đó 50 đoàn viên nữ"),
    # frequent misspellings of 'phấn đấu' in the archives
    ("phân đầu", "Phân đầu 100% các đơn vị"), ("phần đầu", "phần đầu kết nạp đảng được 10%"),
    ("phân đấu", "phân đấu 30 đoàn viên"), ("phần đấu", "phần đấu 5 chi đoàn"),
    # as Government and Party documents phrase a target (targets helper, issue 11)
    ("lên", "tăng tỷ lệ tập hợp thanh niên lên 60%"), ("xuống", "giảm tỷ lệ hộ nghèo xuống 2%"),
    ("còn", "giảm còn dưới 2%"), ("ở mức", "duy trì ở mức 60%"), ("cam kết", "ký cam kết 100% đơn vị"),
    ("có", "và có 100% đoàn viên đội mũ bảo hiểm"), ("khoảng", "giải quyết việc làm khoảng 30.000 lao động"),
    ("tăng", "tăng 15% số hội viên"), ("giảm", "giảm 10% số vụ tai nạn"), ("giải ngân", "giải ngân 100% kế hoạch"),
    ("tuyển dụng", "tuyển dụng 20 công chức"),
)))
# ---- targets as Government and Party documents phrase them (targets helper, issue 11)
# Words that state a goal anywhere before the number in its clause (not only right before it).
# Example: 'Phấn đấu đến hết năm 2026, mức độ hài lòng … đạt 90%', 'chỉ tiêu đề ra là tối thiểu 70%'.
GOAL_WORDS = _table(*((w, "goal", ex) for w, ex in (
    ("phấn đấu", "Phấn đấu đến năm 2030, 100% xã có …"), ("chỉ tiêu", "chỉ tiêu đề ra là tối thiểu 70%"),
    ("mục tiêu", "Mục tiêu tăng trưởng kinh tế: 8%"), ("phân đầu", "Phân đầu 100% các đơn vị"),
    ("phần đầu", "phần đầu kết nạp 10%"), ("phân đấu", "phân đấu 30 đoàn viên"), ("phần đấu", "phần đấu 5 chi đoàn"),
)))
# A label or clause before a colon that announces a quantity: the number right after it is a target.
# Example: 'số lượng tiết mục: 15 tiết mục', 'Quy mô: 200 đại biểu'.
QUANTITY_LABELS = _table(*((w, "quantity", ex) for w, ex in (
    ("số lượng", "số lượng tiết mục: 15 tiết mục"), ("quy mô", "Quy mô: 200 đại biểu"),
    ("chỉ tiêu", "Chỉ tiêu: 50 đoàn viên"), ("mục tiêu", "Mục tiêu tăng trưởng: 8%"),
)))
# Words that make a number before them in its clause a reported result, not a commitment.
# Example: 'lũy kế 10 tháng … tăng 14,38%', 'Đến nay, đã tổ chức 09 cuộc', 'hiện đạt 97,28%'.
RESULT_WORDS = _table(*((w, "result", ex) for w, ex in (
    ("đã", "đã tổ chức kiểm tra 42 cơ quan"), ("ước đạt", "ước đạt 47,5 nghìn tỷ đồng"),
    ("hiện đạt", "hiện đạt 97,28%"), ("chỉ đạt", "chỉ đạt 94%"), ("mới đạt", "mới đạt 60%"),
    ("lũy kế", "lũy kế 10 tháng tăng 14%"), ("luỹ kế", "luỹ kế 10 tháng tăng 14%"),
    ("đến nay", "Đến nay, tỉnh chỉ mới tổ chức 02 cuộc"), ("tính đến", "Tính đến ngày 27/11, tỷ lệ … đạt 82%"),
    ("so với cùng kỳ", "tăng 26,94% so với cùng kỳ"), ("chỉ mới", "chỉ mới tổ chức 02 cuộc"),
    ("ghi nhận", "toàn tỉnh ghi nhận hơn 200 nhà bị ngập"),
)))
# Ceilings: a number after them is a limit set by a rule, unless a goal or a verb of achievement
# commits to it. Example: 'Mỗi tác giả dự thi không quá 03 tác phẩm'.
LIMIT_WORDS = _table(*((w, "limit", ex) for w, ex in (
    ("không quá", "vốn vay không quá 5 tỷ đồng"), ("tối đa", "xây dựng tối đa 01 tầng"),
    ("nhiều nhất", "diện tích xây dựng nhiều nhất 200 mét vuông"), ("không vượt quá", "không vượt quá 3% tổng số hộ"),
    ("≤", "tỷ lệ hộ nghèo ≤ 5%"),
)))
# A clause opened by these states a condition: the number in it is a limit.
# Example: 'Đại hội chỉ có giá trị khi có ít nhất 2/3 số đại biểu', 'trường hợp dưới 70% thì …'.
CONDITION_WORDS = _table(*((w, "condition", ex) for w, ex in (
    ("khi", "chỉ có giá trị khi có ít nhất 2/3 số đại biểu"), ("nếu", "nếu đạt dưới 50% số phiếu"),
    ("trường hợp", "trường hợp dưới 95% thì tiêu chí này đạt 0 điểm"), ("điều kiện", "điều kiện có ít nhất 05 thành viên"),
)))
# Document types that report results: a number is a target there only with a goal word or under a
# heading of tasks to come. Example: a Báo cáo's 'tỷ lệ … đạt 51,79% (chỉ tiêu đề ra là tối thiểu 70%)'.
REPORT_TYPES = frozenset({"Báo cáo", "Thông báo", "Kết luận", "Tờ trình", "Biên bản"})
# Document types that set rules: a bound in them (tối thiểu, không quá) is a limit.
# Example: a Quy chế's 'có ít nhất 2/3 số đại biểu'.
RULE_TYPES = frozenset({"Quy chế", "Quy chế phối hợp", "Quy định", "Nghị định", "Thông tư", "Thông tư liên tịch",
                        "Luật", "Điều lệ", "Giấy phép"})
# Headings over the tasks to come in a report (and not over its results).
# Example: 'IV. ĐỀ XUẤT NHIỆM VỤ, GIẢI PHÁP', 'Giải pháp khắc phục:'; not 'Kết quả thực hiện các chỉ tiêu'.
FORWARD_HEADINGS = frozenset({"nhiệm vụ", "giải pháp", "phương hướng", "mục tiêu", "chỉ tiêu", "đề xuất",
                              "kiến nghị", "kế hoạch"})
RESULT_HEADINGS = frozenset({"kết quả", "tình hình", "đánh giá", "tồn tại", "hạn chế", "thực trạng"})
# Money: a price or an amount in a table is no commitment without a verb that commits to it.
# Example: '1.000 đồng/trẻ/tháng' (a fee) is a limit; 'thu ngân sách đạt 50.000 tỷ đồng' a target.
CURRENCY = frozenset({"đồng", "nghìn đồng", "ngàn đồng", "triệu đồng", "tỷ đồng", "nghìn tỷ đồng", "usd",
                      "triệu usd", "tỷ usd"})
# Nouns that are items of a list after a counted noun (besides LEVEL_NOUNS). Example: '100% các sở, ngành'.
LIST_NOUNS = _table(*((w, "list", ex) for w, ex in (
    ("sở", "100% các ban, sở, ngành"), ("ngành", "100% các sở, ngành"), ("cơ quan", "100% đơn vị, cơ quan"),
    ("đơn vị", "100% cơ quan, đơn vị, địa phương"), ("địa phương", "100% cơ quan, đơn vị, địa phương"),
)))
# Where a target holds, as the text states it (`scope`). Example: 'trên địa bàn tỉnh', 'toàn quốc', 'cấp xã'.
SCOPE_HEADS = _table(*((w, "scope", ex) for w, ex in (
    ("trên địa bàn", "100% xã trên địa bàn tỉnh"), ("toàn quốc", "100% trường học trên phạm vi toàn quốc"),
    ("cả nước", "80% hộ gia đình cả nước"), ("toàn tỉnh", "100% hồ sơ được giải quyết đúng hẹn toàn tỉnh"),
    ("toàn thành phố", "100% phường toàn thành phố"), ("toàn huyện", "95% hộ dân toàn huyện"),
    ("toàn quận", "100% phường toàn quận"), ("toàn ngành", "100% đơn vị toàn ngành"),
    ("cấp tỉnh", "90% hồ sơ giải quyết đúng hẹn cấp tỉnh"), ("cấp huyện", "100% hồ sơ cấp huyện"),
    ("cấp xã", "100% công chức cấp xã"), ("cấp cơ sở", "100% tổ chức Đảng cấp cơ sở"),
)))
# Nouns of time: a number before them is a duration or a date, not a quantity. Example: '6 tháng'.
TIME_NOUNS = frozenset({"ngày", "tháng", "năm", "tuần", "quý", "giờ", "phút", "buổi", "đợt", "kỳ", "lần"})
# Words that make the number before/after them a name, rank or reference, not a quantity.
# Example: 'Nghị quyết 25', 'cụm 8', 'khóa XI', 'lần thứ 7', 'số 03', 'tại điểm 1 Mục III', 'Chương 2'.
NUMBER_NAMERS = frozenset({"số", "cụm", "khóa", "khoá", "thứ", "quý", "năm", "tháng", "ngày", "giờ", "kỳ",
                           "đợt", "điều", "khoản", "mục", "phụ lục", "giai đoạn", "nhiệm kỳ", "tuần", "trung ương",
                           "điểm", "chương"})
# Numbers written in words. Example: 'một trăm đoàn viên' → 100.
NUMBER_WORDS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
                "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mươi": 10, "trăm": 100,
                "nghìn": 1000, "ngàn": 1000, "triệu": 1000000}
# Recurrence words → CONTRACT `recurrence`. Example: 'trong tháng 3 hàng năm' → annual.
RECURRENCE = _table(
    ("hàng năm", "annual", "trong tháng 3 hàng năm"), ("hằng năm", "annual", "báo cáo trước ngày 15/12 hằng năm"),
    ("định kỳ", "annual", "định kỳ trước ngày 15/5"),
    ("hàng tháng", "monthly", "trước ngày 10 hàng tháng"), ("hằng tháng", "monthly", "ngày 5 hằng tháng"),
    ("hàng quý", "quarterly", "gửi báo cáo hàng quý trước ngày 25/3"),
    ("hằng quý", "quarterly", "gửi báo cáo hằng quý trước ngày 25/3"),
    ("6 tháng", "semiannual", "báo cáo 6 tháng trước ngày 15/6"),
    ("sáu tháng", "semiannual", "sơ kết sáu tháng trước ngày 20/6"),
    ("hàng tuần", "weekly", "trước 16 giờ thứ Sáu hàng tuần"), ("hằng tuần", "weekly", "báo cáo trước 16 giờ thứ Sáu hằng tuần"),
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
# ---- deadlines (issue 11): what makes a date a deadline of this document, and what does not.
# Line labels whose value is this document's date or time frame. Example: 'Thời gian thực hiện: Quý III/2024'.
DEADLINE_LABELS = _table(*((w, "label", ex) for w, ex in (
    ("thời gian", "Thời gian thực hiện: Quý III/2024"), ("thời hạn", "Thời hạn: trước ngày 30/6/2025"),
    ("hạn nộp", "Hạn nộp báo cáo: 15/11/2024"), ("hạn chót", "Hạn chót: 01/6/2025"),
    ("thời điểm", "Thời điểm hoàn thành: tháng 9/2025"), ("tiến độ", "Tiến độ: Quý IV/2025"),
)))
# Words right before a cue that make the date a reporting point, not an obligation.
# Example: 'tính đến ngày 31/10/2025 đã giải ngân 70%'.
STATUS_WORDS = _table(*((w, "status", ex) for w, ex in (
    ("tính", "tính đến ngày 31/10/2025"), ("cập nhật", "cập nhật đến ngày 27/11/2025"),
    ("cập nhật kết quả", "cập nhật kết quả đến ngày 27/11/2025"), ("lũy kế", "lũy kế đến tháng 9/2025"),
    ("số liệu", "số liệu đến hết quý III/2025"),
)))
# Words of a sentence that states a forecast or a status, not a duty. Example: 'Theo dự báo, mưa lớn từ nay đến ngày 18/11'.
STATEMENT_WORDS = _table(("dự báo", "forecast", "Theo dự báo, từ đêm nay đến ngày 20/10/2025 mưa lớn"),
                         ("đến nay", "status", "Đến nay, tỉnh tổ chức 02 cuộc đối thoại trong năm 2025"))
# Before a 'đến năm …' these name a horizon (of a plan, or in a cited title): never a deadline.
# Example: 'Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050', 'Chiến lược … đến năm 2030'.
HORIZON_WORDS = _table(*((w, "horizon", ex) for w, ex in (
    ("tầm nhìn", "tầm nhìn đến năm 2045"), ("định hướng", "định hướng đến năm 2035"),
    ("quy hoạch", "Quy hoạch phát triển điện lực đến năm 2030"), ("chiến lược", "Chiến lược phát triển thanh niên đến năm 2030"),
    ("đề án", "Đề án phát triển đô thị thông minh đến năm 2030"),
)))
# Words that make a later 'trong năm 2025' in their clause the period it describes, not a date it
# commits to. Example: 'báo cáo tình hình thực hiện các chỉ số trong năm 2025', 'các hoạt động dự kiến
# thực hiện trong năm 2026' (but: 'thành lập ít nhất 02 chi đoàn trong năm 2021' is a deadline).
DESCRIBED_PERIOD_WORDS = _table(*((w, "described", ex) for w, ex in (
    ("tình hình", "tình hình thực hiện các chỉ số trong năm 2025"),
    ("dự kiến", "11 hoạt động dự kiến thực hiện trong năm 2026"),
    ("đang", "các nhiệm vụ còn lại đang triển khai trong năm 2025"),
)))
# Relative years → offset from the document's own year. Example: 'trước ngày 31 tháng 12 cùng năm'.
RELATIVE_YEARS = _table(
    ("cùng năm", "0", "trước ngày 31 tháng 12 cùng năm"), ("năm nay", "0", "trước ngày 15/12 năm nay"),
    ("năm sau", "1", "trong tháng 01 năm sau"), ("năm tới", "1", "trong tháng 3 năm tới"),
)
# Weekdays → ISO number (1 = Monday). Example: 'trước 16 giờ thứ Sáu hằng tuần' → 5.
WEEKDAYS = _table(
    ("thứ hai", "1", "thứ Hai hằng tuần"), ("thứ ba", "2", "thứ Ba"), ("thứ tư", "3", "thứ Tư"),
    ("thứ năm", "4", "thứ Năm"), ("thứ sáu", "5", "thứ Sáu hằng tuần"), ("thứ bảy", "6", "thứ Bảy"),
    ("chủ nhật", "7", "Chủ nhật hằng tuần"), ("thứ 2", "1", "thứ 2"), ("thứ 3", "2", "thứ 3"), ("thứ 4", "3", "thứ 4"),
    ("thứ 5", "4", "thứ 5"), ("thứ 6", "5", "thứ 6 hằng tuần"), ("thứ 7", "6", "thứ 7"),
)
# A recurrence word that names no period: it says annual only when no other word names one.
# Example: 'Định kỳ hằng quý, báo cáo …' → quarterly; 'định kỳ trước ngày 15/5' → annual.
GENERIC_RECURRENCE = frozenset({"định kỳ"})
# ---- end of the deadlines block
# Role cues in an assignment → CONTRACT `role`. Example: 'Làm cơ quan Thường trực' → lead.
ROLE_CUES = _table(
    ("chủ trì", "lead", "Ban Tổ chức chủ trì, phối hợp"), ("thường trực", "lead", "Ban Tổ chức là bộ phận thường trực"),
    ("tham mưu", "lead", "giao Ban Tổ chức – Kiểm tra tham mưu"), ("đầu mối", "lead", "Văn phòng là đầu mối tổng hợp"),
    ("chịu trách nhiệm chính", "lead", "Ban Tổ chức chịu trách nhiệm chính"),
    ("phối hợp", "support", "Văn phòng phối hợp với Ban Tổ chức thực hiện"),
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

# ---------------------------------------------------------------- assignments (State, Party, Mặt trận units)
# First words of the names of State, Party, Mặt trận and mass-organisation units, beyond UNIT_HEADS
# (key → kind, example). structure.UNIT_START reads both.
UNIT_NAMES = _table(
    ("bộ", "state", "Bộ Tài nguyên và Môi trường"), ("cục", "state", "Cục Thuế tỉnh"),
    ("chi cục", "state", "Chi cục Kiểm lâm tỉnh"), ("tổng cục", "state", "Tổng cục Thống kê"),
    ("công an", "state", "Công an tỉnh"), ("thanh tra", "state", "Thanh tra tỉnh"),
    ("thuế", "state", "Thuế tỉnh Lâm Đồng"), ("kho bạc", "state", "Kho bạc Nhà nước tỉnh"),
    ("bảo hiểm xã hội", "state", "Bảo hiểm xã hội Thành phố"), ("ngân hàng", "state", "Ngân hàng Nhà nước chi nhánh tỉnh"),
    ("chi nhánh", "state", "Chi nhánh Ngân hàng Chính sách xã hội Thành phố"),
    ("đài", "state", "Đài Phát thanh và Truyền hình tỉnh"), ("báo", "state", "Báo và Phát thanh, Truyền hình Lai Châu"),
    ("thông tấn xã", "state", "Thông tấn xã Việt Nam"), ("viện", "state", "Viện Kiểm sát nhân dân tỉnh"),
    ("tòa án", "state", "Tòa án nhân dân tỉnh"), ("toà án", "state", "Toà án nhân dân tỉnh"),
    ("bộ chỉ huy", "state", "Bộ Chỉ huy Quân sự tỉnh"), ("bộ đội", "state", "Bộ đội Biên phòng tỉnh"),
    ("chủ tịch", "state", "Chủ tịch Ủy ban nhân dân các tỉnh"), ("giám đốc", "state", "Giám đốc Sở Y tế"),
    ("thủ trưởng", "state", "Thủ trưởng các sở, ban, ngành"), ("hđnd", "state", "HĐND tỉnh"),
    ("tỉnh ủy", "party", "Tỉnh ủy Lâm Đồng"), ("tỉnh uỷ", "party", "các tỉnh uỷ, thành uỷ"),
    ("thành ủy", "party", "Thành ủy Hà Nội"), ("thành uỷ", "party", "Thành uỷ Huế"),
    ("huyện ủy", "party", "Huyện ủy Đông Anh"), ("huyện uỷ", "party", "Huyện uỷ Đông Anh"),
    ("quận ủy", "party", "Quận ủy Ba Đình"), ("quận uỷ", "party", "Quận uỷ Ba Đình"),
    ("thị ủy", "party", "Thị ủy Sơn Tây"), ("thị uỷ", "party", "Thị uỷ Sơn Tây"),
    ("đảng đoàn", "party", "Đảng đoàn Quốc hội"), ("đảng bộ", "party", "Đảng bộ các xã"),
    ("mttq", "front", "MTTQ tỉnh"), ("đoàn thể", "front", "các đoàn thể chính trị - xã hội"),
    ("liên minh", "mass", "Liên minh Hợp tác xã tỉnh"), ("hiệp hội", "mass", "Hiệp hội Doanh nghiệp tỉnh"),
    ("học viện", "school", "Học viện Chính trị khu vực"), ("khoa", "school", "Khoa Công nghệ Thông tin"),
    ("ban quản lý", "state", "Ban Quản lý các khu công nghiệp"),
)
# Generic unit nouns, a unit only after 'các'/'những'/'mỗi'. Example: 'Các cơ quan, đơn vị liên quan'.
PLURAL_UNIT_NOUNS = _table(
    ("cơ quan", "generic", "Các cơ quan, đơn vị liên quan"), ("đơn vị", "generic", "các đơn vị trực thuộc"),
    ("địa phương", "generic", "các địa phương"), ("ngành", "generic", "các ngành"),
)
# Words after a unit's first word that make it no unit. Example: 'Báo cáo kết quả' is no 'Báo …',
# 'Bộ tiêu chí' no 'Bộ …', 'Khoa học' no 'Khoa …'.
NOT_UNIT_STARTS = _table(
    ("báo cáo", "", "Báo cáo kết quả về Sở"), ("bộ máy", "", "Bộ máy tổ chức"), ("bộ tiêu chí", "", "Bộ tiêu chí"),
    ("bộ công cụ", "", "Bộ công cụ đánh giá"), ("bộ chỉ số", "", "Bộ chỉ số"), ("bộ hồ sơ", "", "Bộ hồ sơ"),
    ("khoa học", "", "Khoa học và công nghệ"), ("đài tưởng niệm", "", "Đài tưởng niệm"),
    ("đoàn kết", "", "Đoàn kết các lực lượng"), ("hội nghị", "", "Hội nghị sơ kết"), ("hội thi", "", "Hội thi"),
    ("hội thảo", "", "Hội thảo khoa học"), ("hội diễn", "", "Hội diễn văn nghệ"), ("hội trại", "", "Hội trại"),
    ("hội nhập", "", "Hội nhập quốc tế"), ("phòng chống", "", "Phòng chống tham nhũng"),
    ("phòng, chống", "", "Phòng, chống tham nhũng"), ("phòng ngừa", "", "Phòng ngừa rủi ro"),
    ("trường hợp", "", "Trường hợp cần thiết"), ("cấp độ", "", "cấp độ 3"), ("thanh tra,", "", "thanh tra, kiểm tra"),
    ("thanh tra việc", "", "thanh tra việc thực hiện"), ("chủ tịch hồ chí minh", "", "Chủ tịch Hồ Chí Minh"),
    ("thuế suất", "", "thuế suất"), ("ban hành", "", "ban hành Kế hoạch"), ("viện trợ", "", "Viện trợ đột xuất"),
    ("viện phí", "", "viện phí"), ("thuế giá trị", "", "Thuế giá trị gia tăng"), ("thuế thu nhập", "", "Thuế thu nhập cá nhân"),
    ("thuế tiêu thụ", "", "Thuế tiêu thụ đặc biệt"), ("thuế xuất", "", "Thuế xuất khẩu"), ("thuế nhập", "", "Thuế nhập khẩu"),
    ("cấp lại", "", "Cấp lại Giấy chứng nhận"), ("cấp mới", "", "Cấp mới chứng chỉ"), ("cấp đổi", "", "Cấp đổi thẻ"),
    ("cấp phép", "", "Cấp phép xây dựng"), ("cấp phát", "", "Cấp phát tài liệu"), ("cấp kinh phí", "", "Cấp kinh phí"),
    ("cấp giấy", "", "Cấp giấy phép"), ("cấp bù", "", "Cấp bù thủy lợi phí"),
    ("thuế sử dụng", "", "Thuế sử dụng đất"), ("thuế bảo vệ", "", "Thuế bảo vệ môi trường"), ("thuế tài nguyên", "", "Thuế tài nguyên"), ("ngân hàng dữ liệu", "", "ngân hàng dữ liệu"),
)
# 'Label:' lines that name the units of a task by their role (label → role). Example:
# '- Cơ quan chủ trì: Sở Khoa học và Công nghệ.'
ROLE_LABELS = _table(
    ("cơ quan chủ trì", "lead", "Cơ quan chủ trì: Sở Tư pháp"), ("đơn vị chủ trì", "lead", "Đơn vị chủ trì: Sở Y tế"),
    ("chủ trì", "lead", "Chủ trì: Sở Nội vụ"), ("cơ quan tham mưu", "lead", "Cơ quan tham mưu: Sở Nội vụ"),
    ("cơ quan thường trực", "lead", "Cơ quan thường trực: Công an tỉnh"),
    ("cơ quan phối hợp", "support", "Cơ quan phối hợp: Các sở, ngành"),
    ("đơn vị phối hợp", "support", "Đơn vị phối hợp: UBND các xã"), ("phối hợp", "support", "Phối hợp: Sở Tài chính"),
    ("cơ quan thực hiện", "execute", "Cơ quan thực hiện: Sở Nội vụ chủ trì; Sở Tư pháp phối hợp"),
    ("đơn vị thực hiện", "execute", "Đơn vị thực hiện: Sở Y tế"), ("trách nhiệm thực hiện", "execute", "Trách nhiệm thực hiện: Sở Y tế"),
    ("cơ quan, đơn vị thực hiện", "execute", "Cơ quan, đơn vị thực hiện: Sở Y tế"),
)
# Column headers of a task table (header words → column kind). Example:
# 'Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành'.
TABLE_COLUMNS = _table(
    ("chủ trì", "lead", "Cơ quan chủ trì"), ("phối hợp", "support", "Cơ quan phối hợp"),
    ("thực hiện", "execute", "Đơn vị thực hiện"), ("phụ trách", "execute", "Người phụ trách"),
    ("nội dung", "task", "Nội dung công việc"), ("nhiệm vụ", "task", "Tên nhiệm vụ"), ("công việc", "task", "Công việc"),
    ("hoạt động", "task", "Hoạt động"), ("thời gian", "time", "Thời gian hoàn thành"), ("thời hạn", "time", "Thời hạn"),
    ("tiến độ", "time", "Tiến độ"),
)
# Verbs that hand work to the unit named after them (the giver is not the assignee). Example:
# 'Giao Sở Tài chính chủ trì …', 'Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh phối hợp …'.
GIVE_VERBS = _table(
    ("giao", "give", "Giao Sở Tài chính chủ trì"), ("giao cho", "give", "giao cho Văn phòng theo dõi"),
    ("đề nghị", "ask", "Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh phối hợp"),
    ("yêu cầu", "ask", "Yêu cầu Công an tỉnh chỉ đạo"),
)
# Titles before a person's name in a list of duties. Example: 'Ông Hoàng Văn An – Trưởng đoàn: phụ trách chung'.
PERSON_TITLES = _table(
    ("Đ/c", "", "Đ/c Phạm Văn Linh"), ("Đ/C", "", "Đ/C Phạm Văn Linh"), ("Đồng chí", "", "Đồng chí Huỳnh Văn Phẩm"),
    ("Ông", "", "Ông Hoàng Văn An – Trưởng đoàn"), ("Bà", "", "Bà Nguyễn Thị Hoa - Thành viên"),
)
# Duty verbs of State and Party documents, beyond DUTY_VERBS: they end the unit that is their subject.
# Example: 'Bộ Nội vụ | theo chức năng …', 'UBKT Quận Đoàn | lồng ghép …'.
MORE_DUTY_VERBS = frozenset({
    "theo chức năng", "khẩn trương", "lồng ghép", "ban hành", "bố trí", "phổ biến", "tuyên truyền", "cung cấp",
    "hoàn thành", "tích cực", "sẵn sàng", "đề nghị", "yêu cầu", "trên cơ sở",
    "căn cứ", "hướng dẫn", "giám sát", "tổ chức", "nghiêm", "kịp thời", "thẩm định", "cân đối", "bảo đảm",
    "tiếp nhận", "chuẩn bị", "theo dõi", "đôn đốc", "tham dự", "điều hành", "điều phối", "ưu tiên", "huy động",
    "cập nhật", "xử lý", "thông tin", "đăng tải", "mở", "dành", "biên tập", "tổng kết", "sơ kết", "đánh giá",
    "hỗ trợ", "khảo sát", "tập huấn", "bồi dưỡng", "lập", "công bố", "chấp hành", "tăng", "thường xuyên",
    "tiến hành", "quy định", "quyết định", "tập hợp", "niêm yết", "bao gồm", "gồm", "lãnh đạo", "trân trọng", "trong phạm vi", "kiểm soát", "rà soát", "tiếp tục", "nghiên cứu", "thông báo", "trực tiếp", "phân công",
})
# Words that open a clause after a unit's name and a comma: the name ended before the comma.
CLAUSE_OPENERS = _table(*((w, "", ex) for w, ex in (
    ("trên", "Sở Tài chính, trên cơ sở đề xuất của các đơn vị, chủ trì tổng hợp"),
    ("theo", "Sở Y tế, theo chức năng được giao, chủ trì kiểm tra"),
    ("căn", "Sở Nội vụ, căn cứ kết quả rà soát, chủ trì tổng hợp"),
    ("trong", "Sở Công Thương, trong phạm vi quản lý, chủ trì kiểm tra"),
    ("sau", "Sở Xây dựng, sau khi có ý kiến, chủ trì hoàn thiện"),
    ("khi", "Công an tỉnh, khi phát hiện vi phạm, chủ trì xử lý"),
    ("tùy", "Sở Y tế, tùy tình hình thực tế, chủ trì điều chỉnh"),
    ("tuỳ", "Sở Y tế, tuỳ tình hình thực tế, chủ trì điều chỉnh"),
    ("với", "Sở Tư pháp, với vai trò thường trực, chủ trì tổng hợp"),
    ("ngoài", "Sở Y tế, ngoài nhiệm vụ trên, chủ trì kiểm tra"),
    ("bên", "Sở Y tế, bên cạnh đó, chủ trì kiểm tra"),
    ("nhằm", "Sở Y tế, nhằm bảo đảm tiến độ, chủ trì đôn đốc"),
    ("để", "Sở Y tế, để bảo đảm tiến độ, chủ trì đôn đốc"),
    ("đồng", "Sở Y tế, đồng thời, chủ trì kiểm tra"),
    ("thông", "Sở Y tế, thông qua các kênh, chủ trì tuyên truyền"),
    ("qua", "Sở Y tế, qua kiểm tra, chủ trì xử lý"),
    ("từ", "Sở Y tế, từ năm 2025, chủ trì tổng hợp"),
    ("tại", "Sở Y tế, tại cuộc họp, chủ trì báo cáo"),
    ("nếu", "Sở Y tế, nếu có vướng mắc, chủ trì báo cáo"),
    ("hằng", "Sở Y tế, hằng quý, chủ trì tổng hợp"),
    ("hàng", "Sở Y tế, hàng quý, chủ trì tổng hợp"),
    ("định", "Sở Y tế, định kỳ, chủ trì tổng hợp"),
)))
# Words no unit's name holds: a subject that reaches one is no unit (a view, a statement).
NOT_IN_NAMES = _table(*((w, "", ex) for w, ex in (
    ("với", "Bộ Chính trị, Ban Bí thư cơ bản nhất trí với đề xuất"),
    ("đã", "Sở Y tế đã hoàn thành kế hoạch"), ("sẽ", "Sở Y tế sẽ báo cáo sau"),
    ("đang", "Sở Nội vụ đang phối hợp lập danh sách"), ("cũng", "Sở Y tế cũng báo cáo"),
    ("nhất", "Ban Bí thư nhất trí thông qua"), ("cho", "Hội đồng cho ý kiến"),
    ("được", "Phường Tân An được chia thành 10 khu phố"), ("như", "Nhóm nhiệm vụ hợp tác quốc tế như sau"),
)))
# Abbreviations in units' names (lower case → spelled out): two spellings of one unit are one assignee.
# Example: 'UBND các xã' = 'Ủy ban nhân dân các xã', 'Sở KH&CN' = 'Sở Khoa học và Công nghệ'.
UNIT_ABBREVIATIONS = _table(
    ("ubnd", "ủy ban nhân dân", "UBND các xã, phường"), ("hđnd", "hội đồng nhân dân", "Thường trực HĐND"),
    ("mttq", "mặt trận tổ quốc", "Ủy ban MTTQ tỉnh"), ("kh&cn", "khoa học và công nghệ", "Sở KH&CN"),
    ("lhpn", "liên hiệp phụ nữ", "Hội LHPN tỉnh"), ("ccb", "cựu chiến binh", "Hội CCB huyện"),
    ("ubkt", "ủy ban kiểm tra", "UBKT Quận Đoàn"), ("btv", "ban thường vụ", "BTV Tỉnh Đoàn"),
    ("bch", "ban chấp hành", "BCH Đoàn xã"), ("tncs", "thanh niên cộng sản", "Đoàn TNCS Hồ Chí Minh"),
    ("gd&đt", "giáo dục và đào tạo", "Sở GD&ĐT"), ("vhttdl", "văn hóa, thể thao và du lịch", "Sở VHTTDL"),
)
# Titles that name the unit whose duties follow. Example: 'Điều 13: Nhiệm vụ của Đoàn Chủ tịch',
# '2. Trách nhiệm của Sở Y tế'.
DUTY_OF = _table(
    ("nhiệm vụ của", "", "Nhiệm vụ của Đoàn Thư ký"), ("trách nhiệm của", "", "Trách nhiệm của Sở Y tế"),
    ("nhiệm vụ và quyền hạn của", "", "Nhiệm vụ và quyền hạn của Ban Kiểm phiếu"),
    ("nhiệm vụ, quyền hạn của", "", "Nhiệm vụ, quyền hạn của Tổ giúp việc"),
    ("chức năng, nhiệm vụ của", "", "Chức năng, nhiệm vụ của Ban Chỉ đạo"),
)
