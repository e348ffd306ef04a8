"""Closing zones in every layout: the signature beside, above or below `Nơi nhận`, stacked
TM./KT. lines, posts without a prefix, several signers, appendices after the signature.
Inputs are written for these tests; each case compares the whole list of signers and recipients."""
import pytest

from pipeline.models import Signer
from tests.conftest import analyze_text

HEAD = "UBND TỈNH AN GIANG\nSỞ NỘI VỤ\nSố: 12/KH-SNV\nAn Giang, ngày 3 tháng 4 năm 2025\n\nKẾ HOẠCH\nTổ chức hội thi\n\n"
BODY = "I. MỤC ĐÍCH\n1. Nâng cao chất lượng.\nII. TỔ CHỨC THỰC HIỆN\nCác phòng triển khai./.\n"


def _signer(order, name, title, authority, confidence=0.9):
    return (order, name, title, authority, confidence)


def _signers(found) -> list[tuple]:
    return [(s.order, s.signer_name, s.signer_title, s.signing_authority, s.confidence) for s in found["signers"]]


CASES = [
    ("signature below Nơi nhận",
     "Nơi nhận:\n- Sở Tài chính;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\nTrần Văn Bình\n",
     [_signer(1, "Trần Văn Bình", "Phó Giám đốc", "KT. Giám đốc")], ["Sở Tài chính", "Lưu: VT"]),
    ("signature above Nơi nhận",
     "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Văn Bình\nNơi nhận:\n- Sở Tài chính;\n- Lưu: VT.\n",
     [_signer(1, "Trần Văn Bình", "Phó Giám đốc", "KT. Giám đốc")], ["Sở Tài chính", "Lưu: VT"]),
    ("signature beside Nơi nhận, laid out with spaces",
     "Nơi nhận:                                   KT. GIÁM ĐỐC\n"
     "- Sở Tài chính;                             PHÓ GIÁM ĐỐC\n"
     "- Lưu: VT.\n"
     "                                            [daky]\n"
     "                                            Trần Văn Bình\n",
     [_signer(1, "Trần Văn Bình", "Phó Giám đốc", "KT. Giám đốc")], ["Sở Tài chính", "Lưu: VT"]),
    ("stacked TM. and KT.",
     "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Thị Hoa\n",
     [_signer(1, "Lê Thị Hoa", "Phó Chủ tịch", "TM. Ủy ban nhân dân KT. Chủ tịch")], ["Như trên", "Lưu: VT"]),
    ("stacked TL. and KT., no space after the dot",
     "TL. CỤC TRƯỞNG\nKT.TRƯỞNG BAN CHÍNH SÁCH\nPHÓ TRƯỞNG BAN\nMạc Thị Thu\n",
     [_signer(1, "Mạc Thị Thu", "Phó Trưởng ban", "TL. Cục trưởng KT. Trưởng Ban Chính Sách")], []),
    ("a prefix alone on its line",
     "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTL.\nCỤC TRƯỞNG\nKT. TRƯỞNG BAN NGHIỆP VỤ\nTHUẾ XUẤT NHẬP KHẨU\nPHÓ TRƯỞNG BAN\n"
     "Thiếu tướng Đào Văn Hải\n",
     [_signer(1, "Đào Văn Hải", "Phó Trưởng ban", "TL. Cục trưởng KT. Trưởng Ban Nghiệp Vụ Thuế Xuất Nhập Khẩu")],
     ["Như trên", "Lưu: VT"]),
    ("authority broken over the lines of its cell",
     "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN\nNHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Thị Hoa\n",
     [_signer(1, "Lê Thị Hoa", "Phó Chủ tịch", "TM. Ủy ban nhân dân KT. Chủ tịch")], ["Như trên", "Lưu: VT"]),
    ("two posts after KT., comma-broken",
     "KT. BỘ TRƯỞNG,\nCHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nĐỗ Văn Minh\n",
     [_signer(1, "Đỗ Văn Minh", "Phó Chủ nhiệm", "KT. Bộ trưởng, Chủ nhiệm")], []),
    ("a post with no prefix, after Nơi nhận",
     "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHÁNH VĂN PHÒNG\nPhạm Quốc Huy\n",
     [_signer(1, "Phạm Quốc Huy", "Chánh Văn phòng", None)], ["Như trên", "Lưu: VT"]),
    ("a post with no prefix and a misread mark, indented with tabs",
     "\t\tGIÁM ĐÓC\n\t\tNguyễn Văn An\n",
     [_signer(1, "Nguyễn Văn An", "Giám đốc", None)], []),
    ("a post with no prefix and a misread mark, indented with spaces, last in the text",
     "                    PHÓ GIÁM ĐÓC\n                    Trần Văn Bình",
     [_signer(1, "Trần Văn Bình", "Phó Giám đốc", None)], []),
    ("a post with no prefix, no Nơi nhận",
     "TRƯỞNG ĐOÀN\n\n(đã ký)\n\nVũ Minh Tâm\n",
     [_signer(1, "Vũ Minh Tâm", "Trưởng đoàn", None)], []),
    ("joint plan, two signers side by side",
     "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN            TM. HỘI ĐỒNG ĐỘI TỈNH AN GIANG\n"
     "BÍ THƯ                                 CHỦ TỊCH\n\n"
     "Nguyễn Thị Lan                         Hồ Văn Sơn\n",
     [_signer(1, "Nguyễn Thị Lan", "Bí thư", "TM. Ban Thường vụ Tỉnh Đoàn"),
      _signer(2, "Hồ Văn Sơn", "Chủ tịch", "TM. Hội đồng Đội tỉnh An Giang")], []),
    ("joint plan, columns one after the other (a Word table read column by column)",
     "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN\nBÍ THƯ\nNguyễn Thị Lan\nKT. GIÁM ĐỐC SỞ GIÁO DỤC\nPHÓ GIÁM ĐỐC\nHồ Văn Sơn\n",
     [_signer(1, "Nguyễn Thị Lan", "Bí thư", "TM. Ban Thường vụ Tỉnh Đoàn"),
      _signer(2, "Hồ Văn Sơn", "Phó Giám đốc", "KT. Giám đốc Sở Giáo dục")], []),
    ("authority in one column, post and name under another (a converted Word table)",
     "     Ý KIẾN LÃNH ĐẠO KHOA      TM. BCH ĐOÀN KHOA\n  Phó Bí thư\n\n        Lý Thanh Tùng\n",
     [_signer(1, "Lý Thanh Tùng", "Phó Bí thư", "TM. BCH Đoàn Khoa")], []),
    ("page text under the signature opens no second signer",
     "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn Bình\nThủ Tục Hành Chính\nVăn Bản Liên Quan\n",
     [_signer(1, "Trần Văn Bình", "Phó Giám đốc", "KT. Giám đốc")], []),
    ("a recipient's line that starts like a prefix",
     "Nơi nhận:\n- Bộ Tư pháp;\nKT VB&QLXLVPHC (BỘ TP);\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn Bình\n",
     [_signer(1, "Trần Văn Bình", "Phó Giám đốc", "KT. Giám đốc")],
     ["Bộ Tư pháp", "KT VB&QLXLVPHC (BỘ TP)", "Lưu: VT"]),
    ("a name without post or prefix",
     "Nơi nhận:\n- Lưu VP.\nNgười lập kế hoạch\n\nĐinh Thu Trang\n",
     [_signer(1, "Đinh Thu Trang", None, None, 0.6)], ["Lưu VP"]),
]


@pytest.mark.parametrize("name, closing, signers, recipients", CASES, ids=[c[0] for c in CASES])
def test_closing_zone(name, closing, signers, recipients):
    doc, found = analyze_text(HEAD + BODY + closing)
    assert _signers(found) == signers
    assert [r.recipient for r in found["recipients"]] == recipients
    for s in found["signers"]:          # each signer's span covers its name as printed
        if s.signer_name:
            assert s.signer_name in " ".join(doc.text[s.start:s.end].split())
    assert doc.body.text.rstrip().endswith("Các phòng triển khai./.")


def test_first_signer_fills_the_document_row():
    joint = next(c for c in CASES if c[0] == "joint plan, two signers side by side")
    _, found = analyze_text(HEAD + BODY + joint[1])
    fields = {f.field: f.value for f in found["fields"] if f.field.startswith(("signer", "signing"))}
    assert fields == {"signing_authority": "TM. Ban Thường vụ Tỉnh Đoàn", "signer_title": "Bí thư",
                      "signer_name": "Nguyễn Thị Lan"}


APPENDIX = ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn Bình\n\n"
            "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 12/KH-SNV)\n1. Rà soát quy trình.\n"
            "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\nHà Văn Tư\n")


def test_appendix_after_the_signature_is_its_own_zone():
    doc, found = analyze_text(HEAD + BODY + APPENDIX)
    assert _signers(found) == [_signer(1, "Trần Văn Bình", "Phó Giám đốc", "KT. Giám đốc")]
    assert doc.appendix.lines[0].text == "PHỤ LỤC I"
    assert "Hà Văn Tư" in doc.appendix.text and "Hà Văn Tư" not in doc.signature.text
    assert [(s.path, s.heading) for s in doc.sections] == [
        ("I", "MỤC ĐÍCH"), ("I/1", "Nâng cao chất lượng."), ("II", "TỔ CHỨC THỰC HIỆN"), ("1", "Rà soát quy trình.")]


@pytest.mark.parametrize("heading", ["Phụ lục 2", "BIỂU MẪU", "Mẫu số 01", "DANH SÁCH\n(Kèm theo Kế hoạch này)"])
def test_appendix_headings(heading):
    doc, _ = analyze_text(HEAD + BODY + "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn Bình\n" + heading + "\nNội dung.\n")
    assert doc.appendix.lines[0].text == heading.split("\n")[0]


@pytest.mark.parametrize("line", ["Phụ lục kèm theo gồm 3 trang.", "Mẫu sốt xuất huyết"])
def test_not_an_appendix_heading(line):
    doc, _ = analyze_text(HEAD + BODY + "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn Bình\n" + line + "\n")
    assert doc.appendix is None or not doc.appendix.lines[0].text.startswith(line[:6])


def test_no_closing_zone():
    doc, found = analyze_text(HEAD + BODY)
    assert doc.signature is None and doc.recipients is None and doc.appendix is None
    assert found["signers"] == []


def test_a_body_line_that_starts_like_a_prefix_is_not_a_signature():
    doc, found = analyze_text(HEAD + "Q. Bình Thạnh tổ chức tập huấn.\n" + BODY)
    assert doc.signature is None and found["signers"] == []


def test_signer_records_are_plain_rows():
    _, found = analyze_text(HEAD + BODY + CASES[0][1])
    [s] = found["signers"]
    assert isinstance(s, Signer) and s.start < s.end


def test_a_scans_speck_after_noi_nhan_is_no_recipient():
    _, found = analyze_text(HEAD + BODY + "Nơi nhận: í\n- Như trên;\n- Lưu VT.\nTM. BAN GIÁM ĐỐC\nGIÁM ĐỐC\nLê Văn Tám\n")
    assert [r.recipient for r in found["recipients"]] == ["Như trên", "Lưu VT"]


def test_signature_flattened_onto_the_noi_nhan_line():
    _, found = analyze_text(HEAD + BODY + "Nơi nhận: TM. BAN THƯỜNG VỤ\n- Như trên;\n- Lưu VT.\nLê Văn Tám\n")
    assert _signers(found) == [_signer(1, "Lê Văn Tám", None, "TM. Ban Thường vụ")]
    assert [r.recipient for r in found["recipients"]] == ["Như trên", "Lưu VT"]


def test_noi_nhan_in_a_sentence_opens_no_closing_zone():
    doc, found = analyze_text(HEAD + "I. THỂ LỆ\nNơi nhận hồ sơ: Văn phòng Sở, tầng 2.\n2. Thời gian nhận: tháng 5.\n"
                              + "Nơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nTrần Văn Bình\n")
    assert "2. Thời gian nhận: tháng 5." in doc.body.text
    assert _signers(found) == [_signer(1, "Trần Văn Bình", "Giám đốc", None)]


def test_every_closing_cue_of_the_vocabulary_is_found():
    from pipeline.segment import CLOSING_CUE
    from pipeline.vocab import POSITIONS, SIGNING_PREFIXES

    lines = ["Nơi nhận:", "  nơi nhận", "NƠI NHẬN:"]
    lines += [f"{k}. GIÁM ĐỐC" for k in SIGNING_PREFIXES] + [f"\t{k} BAN THƯỜNG VỤ" for k in SIGNING_PREFIXES]
    lines += [k for k in POSITIONS] + [f"PHÓ {k}" for k in POSITIONS]
    assert [ln for ln in lines if not CLOSING_CUE.match(f"\n{ln}\n")] == []
    assert [m.start() for m in CLOSING_CUE.finditer("Các phòng triển khai.\n- Lưu VT.\n3. BÍ THƯ\n")] == []
