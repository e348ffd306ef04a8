import codecs
import unicodedata

import pytest

from pipeline import ingest
from pipeline.ingest.txt import decode_bytes
from pipeline.models import StageError
from tests.conftest import FIXTURES

TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Windows-1258 keeps â ê ô ơ ư ă đ precomposed and writes the tone as a combining mark."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + tone)
    return "".join(out).encode("cp1258")


TEXT = "BCH ĐOÀN TỈNH KIÊN GIANG\nSố: 95-KH/TĐTN-BTCKT\nRạch Giá, ngày 28 tháng 5 năm 2014\n"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("utf-16-le"), "utf-16"),
    (_cp1258(TEXT), "cp1258"),
])
def test_txt_encodings(data, encoding):
    raw = decode_bytes(data)
    assert raw.encoding == encoding
    assert unicodedata.normalize("NFC", raw.text) == TEXT


def test_damaged_utf8_is_read_and_reported():
    data = TEXT.encode("utf-8") * 20 + b"\xff\xfe broken"
    raw = decode_bytes(data)
    assert raw.encoding == "utf-8" and "Rạch Giá" in raw.text
    assert raw.problems and "undecodable" in raw.problems[0].message


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (bytes(range(256)) * 40, "binary"),
])
def test_bad_text(data, message):
    with pytest.raises(StageError, match=message):
        decode_bytes(data)


def test_sniff_ignores_the_extension(tmp_path):
    fake = tmp_path / "plan.docx"
    fake.write_bytes(b"this is not a zip at all")
    with pytest.raises(StageError, match="not a DOCX"):
        ingest.read(fake)
    pdf_named_txt = tmp_path / "really.txt"
    pdf_named_txt.write_bytes((FIXTURES / "000_98bcf7eb60a7a694.pdf").read_bytes())
    assert ingest.read(pdf_named_txt).source_format == "pdf"


def test_docx_header_table_and_split_runs():
    raw = ingest.read(FIXTURES / "header_2col.docx")
    lines = raw.text.splitlines()
    assert "Số: 95-KH/TĐTN-BTCKT" in lines            # three runs joined
    assert lines.index("BCH ĐOÀN TỈNH KIÊN GIANG") < lines.index("Số: 95-KH/TĐTN-BTCKT")
    assert "Rạch Giá, ngày 28 tháng 5 năm 2014" in lines
    assert sum("HỘP VĂN BẢN" in ln for ln in lines) == 1    # the text box, once
    assert not any("ĐẦU TRANG" in ln or "CHÂN TRANG" in ln for ln in lines)   # page header/footer
    assert "1. MỤC ĐÍCH, YÊU CẦU" in lines and "- Tham mưu về cơ chế, chính sách củng cố, duy trì hoạt động." in lines
    assert "1 | Khảo sát doanh nghiệp ngoài nhà nước | Ban Tổ chức - Kiểm tra Tỉnh Đoàn" in lines


def test_docx_built_here(tmp_path):
    import docx

    d = docx.Document()
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "UBND TỈNH LÀO CAI"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    p = table.cell(1, 0).paragraphs[0]
    for run in ("Số:", " 20", "/KH-SCT"):
        p.add_run(run)
    table.cell(1, 1).text = "Lào Cai, ngày 13 tháng 8 năm 2021"
    d.add_paragraph("KẾ HOẠCH")
    path = tmp_path / "built.docx"
    d.save(path)
    lines = ingest.read(path).text.splitlines()
    assert lines[:4] == ["UBND TỈNH LÀO CAI", "Số: 20/KH-SCT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Lào Cai, ngày 13 tháng 8 năm 2021"]


def test_docx_zip_bomb_and_dtd_refused(tmp_path, monkeypatch):
    import zipfile

    from pipeline.ingest import docx as docx_reader

    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED", 1024 * 1024)   # the real cap is 200 MB
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<a>" + b" " * (2 * 1024 * 1024) + b"</a>")
    with pytest.raises(StageError, match="zip bomb"):
        ingest.read(bomb)
    dtd = tmp_path / "dtd.docx"
    with zipfile.ZipFile(dtd, "w") as zf:
        zf.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    with pytest.raises(StageError, match="DTD"):
        ingest.read(dtd)


def test_pdf_two_column_header_kept_apart():
    lines = ingest.read(FIXTURES / "header_2col.pdf").text.splitlines()
    assert "Số: 95-KH/TĐTN-BTCKT" in lines
    assert "Rạch Giá, ngày 28 tháng 5 năm 2014" in lines


def test_pdf_seed_reads_like_the_text():
    raw = ingest.read(FIXTURES / "000_98bcf7eb60a7a694.pdf")
    assert raw.pages == 3 and "Lê Hồng Thắm" in raw.text and "Số: 95 -KH/TĐTN-BTCKT" in raw.text


def test_pdf_text_layer_quality():
    from pipeline.ingest.pdf import text_layer_quality

    assert text_layer_quality("UBND TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc") > 0.95
    assert text_layer_quality("UBND 7ӌ1+ L¿O CAI &Ӝ1* HO¿ XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM Ĉӝ F OұS - 7ӵ do") < 0.9


def test_without_tesseract_unusable_pages_are_errors_that_say_how_to_enable_ocr(shared, monkeypatch):
    from pipeline.ingest import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    real = shared / "fixtures" / "real"
    for name, reason in (("PL8-mau-giay-phep", "no text layer"), ("466.-Phieu-chuyen", "broken font encoding")):
        path = next(real.glob(f"*{name}*.pdf"))
        with pytest.raises(StageError, match=reason) as err:
            ingest.read(path)
        assert "tesseract-ocr-vie" in err.value.message


def test_broken_text_layer_is_sent_to_ocr(shared):
    from pipeline.ingest import ocr
    from pipeline import analyze_file

    if not ocr.available():
        pytest.skip("tesseract with Vietnamese data is not installed")
    path = next((shared / "fixtures" / "real").glob("*466.-Phieu-chuyen*.pdf"))
    row = analyze_file(path).tables()['documents'][0]
    assert row["text_source"] == "ocr" and row["text_confidence"] > 0.8
    assert (row["so_hieu"], row["place"], row["issue_date"]) == ("466/PC-VPUBND", "Lào Cai", "2026-05-12")
    assert "7ӌ1" not in analyze_file(path).doc.text     # the garbage never reaches the tables


def test_discover_skips_what_it_cannot_read(tmp_path):
    import os

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"x")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    files, skipped = ingest.discover([tmp_path])
    assert [f.rel for f in files] == ["a.txt"]
    reasons = dict(skipped)
    assert reasons["pipe.txt"] == "not a regular file" and reasons["notes.xlsx"] == "unsupported file type"
    assert reasons["dangling.txt"].startswith("unreadable")


def test_legacy_pdf_converted_by_font_with_its_capitals(shared):
    from pipeline import analyze_file

    path = shared / "fixtures" / "legacy" / "2006-16EZE_TT01.06GopvonDNNVV.pdf"
    a = analyze_file(path)
    lines = a.doc.text.splitlines()
    assert lines[:3] == ["NGÂN HÀNG NHÀ NƯỚC", "VIỆT NAM", "Số : 01/2006/TT-NHNN"]    # .VnTimeH text upper-cased
    row = a.tables()['documents'][0]
    assert row["text_source"] == "legacy-tcvn3"
    assert (row["so_hieu"], row["doc_type"], row["issue_date"], row["place"]) == (
        "01/2006/TT-NHNN", "Thông tư", "2006-02-20", "Hà Nội")
    assert row["issuing_body"] == "Ngân hàng Nhà nước Việt Nam"
