import unicodedata

import pytest

from pipeline.normalize import normalize


@pytest.mark.parametrize("raw, expected", [
    # decomposed marks (seed 002) → NFC
    (unicodedata.normalize("NFD", "Tăng cường và đổi mới"), "Tăng cường và đổi mới"),
    # Eth look-alike from a cp1252 misread of cp1258
    ("\u00d0oàn TNCS", "Đoàn TNCS"),
    ("\u00f0oàn viên", "đoàn viên"),
    # new tone placement → old, in open syllables only; 'quý' and 'hoàn' untouched
    ("Tỉnh uỷ, hoà bình, khoá XI, quý I, hoàn thành", "Tỉnh ủy, hòa bình, khóa XI, quý I, hoàn thành"),
    ("HUYỆN UỶ ĐỊNH HOÁ", "HUYỆN ỦY ĐỊNH HÓA"),
    # invisibles and no-break spaces
    ("Số:\u00a095-KH\u200b/TĐTN", "Số: 95-KH/TĐTN"),
    # markdown emphasis; the Đoàn '***' marker stays
    ("ít nhất **02** Chi đoàn", "ít nhất 02 Chi đoàn"),
    ("*(Duy trì thực hiện trong tháng 3 hàng năm).*", "(Duy trì thực hiện trong tháng 3 hàng năm)."),
    ("***", "***"),
    ("**Khắc phục những hạn chế theo\nKế hoạch số 15-KH/TU**", "Khắc phục những hạn chế theo\nKế hoạch số 15-KH/TU"),
    # emphasis closes at the next star only: not over a blank line, not after a space, not into a word
    ("**Khắc phục\n\nKế hoạch** và **02** đơn vị", "**Khắc phục\n\nKế hoạch** và 02 đơn vị"),
    ("**02 ** và *03 * đơn vị", "**02 ** và *03 * đơn vị"),
    ("*Đồng hành*, *Sáng tạo*x và *Tình nguyện*", "Đồng hành, *Sáng tạo*x và Tình nguyện"),
    ("**" + "x" * 600 + "** và **" + "y" * 601 + "**", "x" * 600 + " và **" + "y" * 601 + "**"),
    # bullets
    ("· Nhận định, làm rõ vấn đề", "- Nhận định, làm rõ vấn đề"),
    ("\uf0b7 Tiếp tục củng cố", "- Tiếp tục củng cố"),
    # … on every line, the first one too, at most 12 spaces in and with text at most 4 spaces after
    ("  · Một\n· Hai\n             · Ba\n·     Bốn\n·", "  - Một\n- Hai\n             · Ba\n·     Bốn\n·"),
    ("\n\uf0b7 Tiếp\n– 5 đơn vị\n  —    x\nA · b\n▪", "\n- Tiếp\n- 5 đơn vị\n  -    x\nA · b\n▪"),
    ("            ·x", "            -x"),
    # a line that starts with a lower-case word continues the previous one
    ("của Ban Chấp hành TW Đoàn, về việc Hội \n\ntrong các doanh nghiệp", "của Ban Chấp hành TW Đoàn, về việc Hội trong các doanh nghiệp"),
    # but a letter marker 'a)' starts a new line
    ("1. Nội dung\na) Cấp Quận", "1. Nội dung\na) Cấp Quận"),
])
def test_normalize(raw, expected):
    assert normalize(raw).text == expected


def test_crlf_and_offsets_point_back_to_the_source():
    raw = "Số:  95 -KH\r\n\u00d0oàn **02** chi đoàn\r\n"
    norm = normalize(raw)
    assert norm.text == "Số:  95 -KH\nĐoàn 02 chi đoàn\n"
    i = norm.text.index("02")
    s, e = norm.to_source(i, i + 2)
    assert raw[s:e] == "02"
    j = norm.text.index("Đoàn")
    s, e = norm.to_source(j, j + 4)
    assert raw[s:e] == "\u00d0oàn"


def test_pdf_wrapped_lines_and_broken_symbols():
    raw = ("Thực hiện Nghị quyết số 03-NQ-TWĐTN-BTC ngày 05/3/2014 của Ban Chấp hành\n"
           "Trung ương Đoàn về việc phát triển tổ chức theo Kế hoạch 280-KH/TĐTN-\nTCKT.")
    text = normalize(raw, wrapped=True).text
    assert "Chấp hành Trung ương" in text
    assert "280-KH/TĐTN-TCKT" in text


def test_wrapped_join_stops_before_a_body_opener():
    raw = ("Khắc phục những hạn chế, khuyết điểm theo Kế hoạch số 15-KH/TU của Tỉnh ủy\n"
           "Thực hiện Kế hoạch số 15-KH/TU")
    assert normalize(raw, wrapped=True).text.count("\n") == 1
