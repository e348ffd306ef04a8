"""Numbers and dates stamped as pictures into the blank slots of a signed PDF's header."""
import ctypes
from pathlib import Path

import pytest

from pipeline.ingest import ocr, stamps
from pipeline.ingest.stamps import blank_slots, fill

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.parametrize("text, expected", [
    # blank number and day: both slots, and each gap
    ("SỞ NỘI VỤ\nSố:      /BC-SNV\nLâm Đồng, ngày    tháng 11 năm 2025\n",
     [("number", "      "), ("day", "    ")]),
    ("Số     -HD/BTCTU   Hà Nội, ngày … tháng … năm 2025", [("number", "     "), ("day", " … "), ("month", " … ")]),
    ("SỐ: ……/TB-VP", [("number", " ……")]),
    # numbered and dated: no slot; a month left blank is one
    ("Số: 15/KH-UBND\nHà Nội, ngày 05 tháng 3 năm 2025", []),
    ("Số: 15-KH/TĐTN\nHà Nội, ngày 05 tháng   năm 2025", [("month", "   ")]),
    # a body's 'ngày tháng' (no place before it) and 'Số hiệu' are no slots
    ("Số hiệu văn bản\nghi rõ ngày  tháng năm sinh", []),
])
def test_blank_slots(text, expected):
    assert [(s.kind, text[s.start:s.end]) for s in blank_slots(text)] == expected


def test_slots_are_looked_for_in_the_header_lines_only():
    assert blank_slots("x\n" * 60 + "Số:    /KH-UBND") == []


@pytest.mark.parametrize("text, values, expected", [
    ("Số:      /BC-SNV\nLâm Đồng, ngày    tháng 11 năm 2025", {"number": "228", "day": "28"},
     ("Số: 228/BC-SNV\nLâm Đồng, ngày 28 tháng 11 năm 2025", ["228", "28"])),
    ("Số     -HD/BTCTU", {"number": "21"}, ("Số 21-HD/BTCTU", ["21"])),
    ("Số     -HD/BTCTU, ngày  tháng 8 năm 2025", {"day": "21"}, ("Số     -HD/BTCTU, ngày 21 tháng 8 năm 2025", ["21"])),
    ("Số     -HD/BTCTU", {}, ("Số     -HD/BTCTU", [])),
])
def test_fill_writes_values_and_gives_their_spans(text, values, expected):
    filled, spans = fill(text, values)
    assert (filled, [filled[s:e] for s, e in spans]) == expected


# ------------------------------------------------------------ a signed PDF written for the test

def _text(pdf, page, font, x, y, s):
    import pypdfium2.raw as c

    obj = c.FPDFPageObj_CreateTextObj(pdf.raw, font, ctypes.c_float(12))
    buf = (s + "\0").encode("utf-16-le")
    c.FPDFText_SetText(obj, ctypes.cast(ctypes.create_string_buffer(buf, len(buf)), ctypes.POINTER(ctypes.c_ushort)))
    c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
    c.FPDFPage_InsertObject(page.raw, obj)


def _stamp(pdf, page, digits, x, y):
    """A picture of the digits, 36 x 16 points, at (x, y): what a signing tool stamps."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw, ImageFont

    pic = Image.new("RGB", (180, 80), "white")
    ImageDraw.Draw(pic).text((10, 5), digits, fill="black", font=ImageFont.truetype(str(FONT), 60))
    img = pdfium.PdfImage.new(pdf)
    img.set_bitmap(pdfium.PdfBitmap.from_pil(pic))
    img.set_matrix(pdfium.PdfMatrix().scale(36, 16).translate(x, y))
    page.insert_obj(img)


def _signed_pdf(path, stamped: bool):
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    data = FONT.read_bytes()
    font = c.FPDFText_LoadFont(pdf.raw, ctypes.cast(ctypes.create_string_buffer(data, len(data)),
                                                    ctypes.POINTER(ctypes.c_uint8)), len(data), c.FPDF_FONT_TRUETYPE, 1)
    lines = [(70, 780, "ỦY BAN NHÂN DÂN"), (330, 780, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
             (80, 760, "PHƯỜNG AN BÌNH"), (350, 760, "Độc lập - Tự do - Hạnh phúc"),
             (80, 735, "Số:"), (150, 735, "/KH-UBND"), (330, 735, "An Bình, ngày"),
             (450, 735, "tháng 7 năm 2025"), (270, 690, "KẾ HOẠCH"), (200, 670, "Tổ chức ngày hội đọc sách"),
             (60, 630, "Ủy ban nhân dân phường ban hành kế hoạch như sau:"), (60, 610, "I. MỤC ĐÍCH")]
    for x, y, s in lines:
        _text(pdf, page, font, x, y, s)
    if stamped:
        _stamp(pdf, page, "35", 108, 733)
        _stamp(pdf, page, "14", 418, 733)
    page.gen_content()
    pdf.save(str(path))


needs_ocr = pytest.mark.skipif(not ocr.available() or not FONT.exists(), reason="Tesseract (vie) or the font missing")


@needs_ocr
def test_a_stamped_number_and_day_are_read_into_their_slots(tmp_path):
    from pipeline.api import analyze_file

    _signed_pdf(tmp_path / "signed.pdf", stamped=True)
    a = analyze_file(tmp_path / "signed.pdf")
    fields = {f.field: f for f in a.records["fields"]}
    assert (fields["so_hieu"].value, fields["so_hieu"].method, fields["so_hieu"].confidence) == \
        ("35/KH-UBND", "ocr-stamp", stamps_confidence())
    assert (fields["issue_date"].value, fields["issue_date"].method) == ("2025-07-14", "ocr-stamp")


@needs_ocr
def test_a_draft_with_nothing_stamped_stays_blank_without_a_warning(tmp_path, monkeypatch):
    from pipeline.api import analyze_file

    _signed_pdf(tmp_path / "draft.pdf", stamped=False)
    calls = []
    monkeypatch.setattr(stamps, "read_digits", lambda image: calls.append(image) or "")
    a = analyze_file(tmp_path / "draft.pdf")
    fields = {f.field: f for f in a.records["fields"]}
    assert "so_hieu" not in fields and calls == []        # no picture in the gap: no OCR at all
    assert not any("number" in p.message for p in a.problems)


def stamps_confidence():
    from pipeline.extract import STAMP_CONFIDENCE

    return STAMP_CONFIDENCE
