"""The Markdown reader: tables shaped like the Word reader's, markup removed, site boilerplate cut.

Every input is written for these tests (an invented Sở and people), not copied from a corpus.
"""
import pytest

from pipeline.ingest import read
from pipeline.ingest.markdown import render
from pipeline.normalize import normalize
from pipeline.segment import segment

# A header table and a foot table as web converters write them: every cell on its own lines
# between lone pipes, rows joined by two pipes.
CELL_PER_LINE = """|
**SỞ GIÁO DỤC
VÀ ĐÀO TẠO**
TỈNH BẮC NAM
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
45/KH-SGDĐT
|
*Bắc Nam, ngày 03
tháng 4 năm 2025*
|


**KẾ HOẠCH**

TỔ CHỨC NGÀY HỘI ĐỌC SÁCH NĂM 2025

Thực hiện Quyết định số
12/QĐ-UBND ngày 02/01/2025 của Ủy ban nhân dân tỉnh, Sở ban hành kế hoạch
như sau:

**1.** Các phòng chuyên môn
chủ trì \\*tổ chức\\* ngày hội trước ngày 30/4/2025.

** **

|
*Nơi nhận:*
- Như trên (để
biết);
- Lưu: VT.
|
**KT. GIÁM ĐỐC**
**PHÓ GIÁM ĐỐC**
**Trần Văn Minh**
|
"""

EXPECTED = [
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "TỈNH BẮC NAM",
    "Số: 45/KH-SGDĐT",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Bắc Nam, ngày 03 tháng 4 năm 2025",
    "",
    "KẾ HOẠCH",
    "",
    "TỔ CHỨC NGÀY HỘI ĐỌC SÁCH NĂM 2025",
    "",
    "Thực hiện Quyết định số 12/QĐ-UBND ngày 02/01/2025 của Ủy ban nhân dân tỉnh, Sở ban hành kế hoạch"
    " như sau:",
    "",
    "1. Các phòng chuyên môn chủ trì *tổ chức* ngày hội trước ngày 30/4/2025.",
    "",
    "Nơi nhận:",
    "- Như trên (để biết);",
    "- Lưu: VT.",
    "KT. GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "Trần Văn Minh",
]


def test_cell_per_line_tables_read_column_by_column():
    assert render(CELL_PER_LINE).split("\n") == EXPECTED


def test_pipe_row_tables_give_the_same_lines():
    text = """| **SỞ GIÁO DỤC VÀ ĐÀO TẠO**<br>TỈNH BẮC NAM | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>Độc lập - Tự do - Hạnh phúc |
|---|---|
| Số: 45/KH-SGDĐT | *Bắc Nam, ngày 03 tháng 4 năm 2025* |

**KẾ HOẠCH**

| Nơi nhận:<br>- Như trên; | **KT. GIÁM ĐỐC**<br>PHÓ GIÁM ĐỐC<br>Trần Văn Minh |
"""
    assert render(text).split("\n") == [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TỈNH BẮC NAM", "Số: 45/KH-SGDĐT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bắc Nam, ngày 03 tháng 4 năm 2025",
        "", "KẾ HOẠCH", "",
        "Nơi nhận:", "- Như trên;", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Minh"]


def test_glued_rules_and_a_row_with_an_empty_cell():
    text = "SỞ Y TẾ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM--------------- |\nSố: 7/TB-SYT |  |\n"
    assert render(text).split("\n") == ["SỞ Y TẾ", "Số: 7/TB-SYT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


BOILERPLATE = """[Trang chủ](https://example.vn) | [Văn bản](https://example.vn/vb)
Tải về
|
|
Bản quyền thuộc về trang web.
|
|
#
**Số hiệu:**
|
45/KH-SGDĐT
|
|
**Loại văn bản:**
|
Kế hoạch
|
**Ngày ban hành:**
|
03/04/2025
|
"""
FOOTER = """Kế hoạch 45/KH-SGDĐT năm 2025 tổ chức ngày hội đọc sách
## Văn bản liên quan
Ban hành: 01/01/2025
"""


def test_site_menus_and_metadata_before_the_document_are_cut():
    assert render(BOILERPLATE + CELL_PER_LINE + FOOTER).split("\n") == EXPECTED


def test_an_appendix_after_the_signature_is_kept_up_to_the_next_site_heading():
    appendix = "\n**PHỤ LỤC**\n\nDanh mục trường tham gia\n\n"
    lines = render(CELL_PER_LINE + appendix + FOOTER).split("\n")
    assert lines[len(EXPECTED):] == ["", "PHỤ LỤC", "", "Danh mục trường tham gia",
                                     "", "Kế hoạch 45/KH-SGDĐT năm 2025 tổ chức ngày hội đọc sách"]


def test_a_text_issued_with_the_document_is_kept():
    issued = "\n**QUY CHẾ**\n\nTHI ĐUA KHEN THƯỞNG\n\n*(Ban hành kèm theo Kế hoạch số 45/KH-SGDĐT)*\n\n**Điều 1.** Phạm vi\n\n"
    lines = render(CELL_PER_LINE + issued + FOOTER).split("\n")
    assert lines[len(EXPECTED):len(EXPECTED) + 8] == [
        "", "QUY CHẾ", "", "THI ĐUA KHEN THƯỞNG", "", "(Ban hành kèm theo Kế hoạch số 45/KH-SGDĐT)", "", "Điều 1. Phạm vi"]


def test_the_motto_quoted_in_a_sentence_does_not_start_the_document():
    text = "Mở đầu của bài viết.\n\na) Dòng chữ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM in đậm.\n"
    assert render(text).split("\n") == ["Mở đầu của bài viết.", "", "a) Dòng chữ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM in đậm."]


@pytest.mark.parametrize("text, expected", [
    ("Xem [Quyết định 12](https://x.vn/a) và ![logo](https://x.vn/l.png) nhé", ["Xem Quyết định 12 và  nhé"]),
    ("Giá trị \\_không\\_ đổi; _nhấn mạnh_ và __đậm__", ["Giá trị _không_ đổi; nhấn mạnh và đậm"]),
    ("Ghi chú (*): chỉ tiêu bắt buộc[^1]\n\n[^1]: Chú thích cuối trang.", ["Ghi chú (*): chỉ tiêu bắt buộc"]),
    ("* Mục một\n* Mục hai", ["- Mục một", "- Mục hai"]),
    ("Nơi nhận:\n-\nNhư trên;\n- Lưu: VT.", ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]),
    ("Đoạn một.\n\n- 2 -\n\nĐoạn hai.\n\n3\n", ["Đoạn một.", "", "Đoạn hai."]),
    ("Có 3\nđơn vị tham gia", ["Có 3 đơn vị tham gia"]),
    ("Tổng số đơn vị tham gia năm nay của toàn tỉnh là\nBa mươi đơn vị.", ["Tổng số đơn vị tham gia năm nay của toàn tỉnh là Ba mươi đơn vị."]),
    ("TRƯỞNG PHÒNG\nNguyễn Văn An", ["TRƯỞNG PHÒNG", "Nguyễn Văn An"]),
    ("VỀ\nVIỆC TỔ CHỨC NGÀY HỘI ĐỌC\nSÁCH NĂM 2025", ["VỀ VIỆC TỔ CHỨC NGÀY HỘI ĐỌC SÁCH NĂM 2025"]),
    ("**KẾ HOẠCH**\nTỔ CHỨC NGÀY HỘI", ["KẾ HOẠCH", "TỔ CHỨC NGÀY HỘI"]),
    ("Các nội dung sau:\n1. Một\na) Hai", ["Các nội dung sau:", "1. Một", "a) Hai"]),
    ("# Tiêu đề\n\n---\n\nNội dung", ["Tiêu đề", "", "Nội dung"]),
])
def test_inline_markup_and_soft_breaks(text, expected):
    assert render(text).split("\n") == expected


def test_a_numbered_two_column_table_is_a_data_table():
    text = "|\n**STT**\n|\n**Đơn vị**\n|\n|\n1\n|\nXã An Phú\n|\n|\n2\n|\nXã Bình Minh\n|\n|\n3\n|\nXã Tân Lập\n|\n"
    assert render(text).split("\n") == ["STT | Đơn vị", "1 | Xã An Phú", "2 | Xã Bình Minh", "3 | Xã Tân Lập"]


def test_the_reader_and_the_zones_it_gives(tmp_path):
    path = tmp_path / "kh.md"
    path.write_text(BOILERPLATE + CELL_PER_LINE + FOOTER, encoding="utf-8")
    raw = read(path)
    assert raw.source_format == "markdown" and raw.text == "\n".join(EXPECTED)
    doc = segment(normalize(raw.text), "x", "kh.md")
    assert doc.type_line.text == "KẾ HOẠCH"
    assert "Tải về" not in doc.header.text and "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in doc.header.text
    assert doc.signature.text.split("\n")[-1] == "Trần Văn Minh"
