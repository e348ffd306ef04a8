"""One layout model: two-column zones come out left column first, whatever the format.

Inputs are written for these tests (an invented Sở Y tế and people).
"""
import pytest

from pipeline.ingest import read
from pipeline.ingest.html import read_html
from pipeline.ingest.layout import (drop_page_numbers, is_page_number, may_hold_page_numbers, render_table,
                                    spaced_columns, zone_bounds)
from pipeline.ingest.ocr import lines_from_tsv
from pipeline.normalize import normalize
from pipeline.segment import segment

LEFT_FIRST = ["SỞ Y TẾ TỈNH ĐÔNG HẢI", "Số: 12/KH-SYT",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Đông Hải, ngày 5 tháng 6 năm 2025"]


@pytest.mark.parametrize("grid, expected", [
    # header table: two columns, read column by column
    ([[["SỞ Y TẾ TỈNH ĐÔNG HẢI"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
      [["Số: 12/KH-SYT"], ["Đông Hải, ngày 5 tháng 6 năm 2025"]]], LEFT_FIRST),
    # an empty left cell: only the right column's lines
    ([[[], ["KT. GIÁM ĐỐC", "Lê Văn Bình"]]], ["KT. GIÁM ĐỐC", "Lê Văn Bình"]),
    # three columns: a data table, a line per row
    ([[["Đơn vị"], ["Chỉ tiêu"], ["Thời hạn"]], [["Phường 1"], ["100"], ["30/6"]]],
     ["Đơn vị | Chỉ tiêu | Thời hạn", "Phường 1 | 100 | 30/6"]),
    # two columns whose first numbers the rows: a data table too
    ([[["TT"], ["Đơn vị"]], [["1"], ["Phường 1"]], [["2"], ["Phường 2"]], [["3"], ["Phường 3"]]],
     ["TT | Đơn vị", "1 | Phường 1", "2 | Phường 2", "3 | Phường 3"]),
])
def test_render_table(grid, expected):
    assert render_table(grid) == expected


SPACED = """SỞ Y TẾ TỈNH ĐÔNG HẢI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                   Độc lập - Tự do - Hạnh phúc
Số: 12/KH-SYT\t\tĐông Hải, ngày 5 tháng 6 năm 2025

KẾ HOẠCH
Phòng chống dịch bệnh mùa hè

Các khoa, phòng thực hiện nghiêm túc kế hoạch này.
Nơi nhận:                               KT. GIÁM ĐỐC
- Các khoa, phòng;                      PHÓ GIÁM ĐỐC
- Lưu: VT.
                                        Lê Văn Bình
"""


def test_spaced_two_column_plain_text_is_split(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text(SPACED, encoding="utf-8")
    lines = read(path).text.rstrip("\n").split("\n")
    assert lines[:5] == LEFT_FIRST
    assert lines[-6:] == ["Nơi nhận:", "- Các khoa, phòng;", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Văn Bình"]
    doc = segment(normalize("\n".join(lines)))
    assert doc.header.text.split("\n")[:2] == LEFT_FIRST[:2]
    assert doc.signature.text.split("\n")[-1] == "Lê Văn Bình"


@pytest.mark.parametrize("lines, expected", [
    (["Mở   đầu và giữa hai cột", "thân bài"], None),          # a gap that opens left of the middle
    (["Trụ sở chính", "Hà Nội"], None),                        # no gap at all
    (["SỞ Y TẾ      CỘNG HÒA", "   BAN A          Độc lập"], ["SỞ Y TẾ", "BAN A", "CỘNG HÒA", "Độc lập"]),
    # blank places left for the number and the day stay inside their column
    (["SỞ Y TẾ                  CỘNG HÒA XÃ HỘI", "Số:     /KH-SYT          Hà Nội, ngày      tháng 5"],
     ["SỞ Y TẾ", "Số:     /KH-SYT", "CỘNG HÒA XÃ HỘI", "Hà Nội, ngày      tháng 5"]),
])
def test_spaced_columns(lines, expected):
    assert spaced_columns(lines) == expected


def _tsv(words):
    """Tesseract TSV rows (level 5) for (block, par, line, left, top, text[, conf]) words."""
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [f"5\t1\t{w[0]}\t{w[1]}\t{w[2]}\t{i}\t{w[3]}\t{w[4]}\t{20 * len(w[5])}\t30\t{w[6] if len(w) > 6 else 90}\t{w[5]}"
            for i, w in enumerate(words, 1)]
    return "\n".join([head, *rows])


def _line(b, ln, y, left_words, right_words=(), right_x=1300):
    words, x = [], 100
    for w in left_words:
        words.append((b, 1, ln, x, y, w))
        x += 20 * len(w) + 15
    x = right_x
    for w in right_words:
        words.append((b, 1, ln, x, y, w))
        x += 20 * len(w) + 15
    return words


def test_ocr_word_boxes_split_into_columns():
    words = (_line(1, 1, 100, ["SỞ", "Y", "TẾ"], ["CỘNG", "HÒA", "XÃ", "HỘI"])
             + _line(1, 2, 140, [], ["Độc", "lập"], right_x=1350)
             + _line(1, 3, 180, ["Số:", "12/KH-SYT"], ["Đông", "Hải,", "ngày", "5", "tháng", "6"])
             + _line(1, 4, 260, ["KẾ", "HOẠCH"], right_x=0)
             + _line(1, 5, 300, ["Các", "khoa", "thực", "hiện."])
             + _line(1, 6, 340, [], ["KT.", "GIÁM", "ĐỐC"])
             + _line(1, 7, 380, ["Nơi", "nhận:"], ["PHÓ", "GIÁM", "ĐỐC"])
             + _line(1, 8, 420, ["-", "Lưu:", "VT."])
             + _line(1, 9, 460, [], ["Lê", "Văn", "Bình"])
             + [(1, 1, 9, 2000, 460, "ĐŨ®", 12), (1, 1, 9, 2100, 460, "Ò", 30)]   # the seal, read as noise
             + _line(1, 10, 520, ["2"]))
    text, conf = lines_from_tsv(_tsv(words), page_width=2480)
    assert text.split("\n") == [
        "SỞ Y TẾ", "Số: 12/KH-SYT", "CỘNG HÒA XÃ HỘI", "Độc lập", "Đông Hải, ngày 5 tháng 6",
        "KẾ HOẠCH", "Các khoa thực hiện.",
        "Nơi nhận:", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Văn Bình"]
    assert conf == pytest.approx((90 * (len(words) - 2) + 12 + 30) / len(words) / 100)


def test_html_tables_read_like_word_tables_and_footnote_marks_dropped():
    page = ("<html><body><table><tr><td><p>SỞ Y TẾ TỈNH ĐÔNG HẢI</p></td>"
            "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>"
            "<tr><td>Số: 12/KH-SYT</td><td>Đông Hải, ngày 5 tháng 6 năm 2025</td></tr></table>"
            "<p>KẾ HOẠCH</p><p>Căn cứ Luật Phòng bệnh<a href='#_ftn1' name='_ftnref1'>[1]</a>;</p>"
            "<div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1>"
            "<p>[1] Luật số 5/2025/QH15.</p></div></div></body></html>").encode("utf-8")
    assert read_html(page).text.split("\n") == [*LEFT_FIRST, "KẾ HOẠCH", "Căn cứ Luật Phòng bệnh;",
                                                 "[1] Luật số 5/2025/QH15."]


@pytest.mark.parametrize("lines, expected", [
    (["Đoạn một.", "- 2 -", "Đoạn hai."], ["Đoạn một.", "Đoạn hai."]),
    (["Đoạn một.", "Trang 3/7", "Đoạn hai."], ["Đoạn một.", "Đoạn hai."]),
    (["Đoạn một.", "", "4", "", "Đoạn hai."], ["Đoạn một.", "", "", "Đoạn hai."]),
    (["Số lượng:", "4", "đơn vị"], ["Số lượng:", "4", "đơn vị"]),          # a number inside the text stays
    (["Trang trại 2 ha"], ["Trang trại 2 ha"]),
    (["- 2 đơn vị -"], ["- 2 đơn vị -"]),
])
def test_page_numbers_dropped(lines, expected):
    assert drop_page_numbers(lines) == expected


@pytest.mark.parametrize("text, expected", [
    ("- 2 -\nĐoạn một.", True),                 # the first line
    ("Đoạn một.\n  Trang 3/7  \nĐoạn hai.", True),
    ("Đoạn một.\n\t4", True),                   # the last line, no break after it
    ("Đoạn một.\n12\nĐoạn hai.", True),         # a bare number counts here (drop_page_numbers decides)
    ("Đoạn một có 12 đơn vị.\nTrang trại 2 ha", False),
    ("Đoạn một.\n1234\n- 2 đơn vị -", False),
    ("Đoạn một.\n\n", False),
])
def test_may_hold_page_numbers_says_whether_a_line_is_one(text, expected):
    assert may_hold_page_numbers(text) == expected == any(is_page_number(ln) for ln in text.split("\n"))


@pytest.mark.parametrize("lines, expected", [
    # the type line ends the header
    (["SỞ Y TẾ", "Số: 12/KH-SYT", "KẾ HOẠCH", "Nội dung."], (2, None)),
    # a công văn: the header ends after its V/v or date line ('ngày … tháng' left blank too)
    (["SỞ Y TẾ", "Số: 12/SYT-VP", "V/v tiêm chủng", "Đông Hải, ngày …. tháng 6 năm 2025", "Kính gửi: các khoa"],
     (4, None)),
    # neither a type line nor a number or a date among the first lines: no header zone
    (["Thông tin chung", "Nội dung."], (None, None)),
    # the foot: Nơi nhận with the signing line beside it, above it or below it
    (["Nội dung.", "Nơi nhận:       KT. GIÁM ĐỐC", "- Lưu: VT."], (None, 1)),
    (["Nội dung.", "KT. GIÁM ĐỐC", "Nơi nhận:", "- Lưu: VT."], (None, 2)),
    (["Nội dung.", "Nơi nhận:        GIÁM ĐỐC", "- Lưu: VT."], (None, 1)),
    # Nơi nhận with no signing line near it is not a foot zone
    (["Nơi nhận:", "- Lưu: VT."], (None, None)),
])
def test_zone_bounds(lines, expected):
    assert zone_bounds(lines) == expected


def test_plain_text_pages_lose_their_running_lines_and_numbers(tmp_path):
    page = "SỞ Y TẾ ĐÔNG HẢI - Kế hoạch 12/KH-SYT\n{body}\n\n- {n} -\n"
    bodies = ["Mục đích của kế hoạch.", "Các khoa thực hiện.", "Báo cáo trước ngày 30/6."]
    path = tmp_path / "kh.txt"
    path.write_text("\f".join(page.format(body=b, n=n) for n, b in enumerate(bodies, 1)), encoding="utf-8")
    assert [ln for ln in read(path).text.split("\n") if ln.strip()] == bodies
