"""Citation forms of Party and State documents (issue 11): text → every citation as (type, number,
symbol, date, issuer, relation), the whole list compared. Inputs written for these tests."""
import pytest

from extractors import citations
from pipeline.vocab import CITATION_TYPE_WORDS, FORM_WORDS
from pipeline.models import FieldValue, SegmentedDoc
from pipeline.normalize import normalize
from pipeline.segment import segment


def _rows(doc, so_hieu=None):
    fields = [FieldValue("so_hieu", so_hieu, 0, 0)] if so_hieu else []
    return [(c.cited_type, c.cited_number, c.cited_symbol, c.cited_date, c.cited_issuer, c.relation)
            for c in citations.extract(doc, {"fields": fields})]


def cite(text, so_hieu=None):
    """Citations of an unsegmented text (every sentence may open it)."""
    doc = SegmentedDoc("d", "d.txt", normalize(text), [], None, None, None, None, None, None, [])
    return _rows(doc, so_hieu)


CASES = [
    # Văn bản / Công văn / Tờ trình / Thông báo with their number and symbol
    ("Thực hiện Văn bản số 1234/BXD-QLN ngày 02/4/2025 của Bộ Xây dựng về việc rà soát nhà ở.",
     [("Văn bản", "1234", "1234/BXD-QLN", "2025-04-02", "Bộ Xây dựng", "implements")]),
    ("Theo Công văn số 5678/UBND-KT ngày 3/6/2025 của Ủy ban nhân dân tỉnh, các sở báo cáo.",
     [("Công văn", "5678", "5678/UBND-KT", "2025-06-03", "Ủy ban nhân dân tỉnh", "mentions")]),
    ("Căn cứ Tờ trình số 45/TTr-SNV ngày 2/3/2025 của Sở Nội vụ; Thông báo số 12/TB-UBND ngày 9/3/2025.",
     [("Tờ trình", "45", "45/TTr-SNV", "2025-03-02", "Sở Nội vụ", "based_on"),
      ("Thông báo", "12", "12/TB-UBND", "2025-03-09", None, "based_on")]),
    # a bare `số N/SYMBOL` with no type word and no type code: a công văn
    ("Các đơn vị thực hiện như đã hướng dẫn tại số 321/UBND-VX ngày 4/5/2025 của UBND tỉnh.",
     [("Công văn", "321", "321/UBND-VX", "2025-05-04", "UBND tỉnh", "mentions")]),
    # negative: a number with an unknown code and no `số` is an archive code
    ("Hồ sơ lưu tại 321/UBND-VX và các tài liệu liên quan.", []),
    # implements: the opening clause and the chain it states; a reference later in it only mentions
    ("Thực hiện Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy về triển khai Nghị quyết số "
     "57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, các cơ quan thực hiện theo quy định tại khoản 4 Điều 23 "
     "Nghị định số 32/2024/NĐ-CP.",
     [("Kế hoạch", "14", "14-KH/TU", "2025-07-29", "Ban Thường vụ Tỉnh ủy", "implements"),
      ("Nghị quyết", "57", "57-NQ/TW", "2024-12-22", "Bộ Chính trị", "implements"),
      ("Nghị định", "32", "32/2024/NĐ-CP", None, None, "mentions")]),
    # negative: a task that names a document is no opening
    ("Các sở tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.",
     [("Chỉ thị", "05", "05-CT/TW", "2016-05-15", "Bộ Chính trị", "mentions")]),
    # the issuer read to the end of its noun phrase, across a line break
    ("Căn cứ Quyết định số 12/QĐ-BGDĐT ngày 5/3/2025 của Bộ Giáo dục và Đào tạo về việc ban hành quy chế.",
     [("Quyết định", "12", "12/QĐ-BGDĐT", "2025-03-05", "Bộ Giáo dục và Đào tạo", "based_on")]),
    ("Căn cứ Thông tư số 07/2025/TT-BLĐTBXH ngày 1/4/2025 của Bộ Lao động - Thương binh\nvà Xã hội về định mức.",
     [("Thông tư", "07", "07/2025/TT-BLĐTBXH", "2025-04-01", "Bộ Lao động - Thương binh và Xã hội", "based_on")]),
    ("Căn cứ Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ phê duyệt Bộ chỉ số.",
     [("Quyết định", "766", "766/QĐ-TTg", "2022-06-23", "Thủ tướng Chính phủ", "based_on")]),
    ("Căn cứ Kế hoạch số 9/KH-SYT ngày 3/1/2025 của Sở Y tế ngày càng được thực hiện tốt.",
     [("Kế hoạch", "9", "9/KH-SYT", "2025-01-03", "Sở Y tế", "based_on")]),
    # negative: a lower-case line after the issuer that is no part of its name
    ("Căn cứ Kế hoạch số 77/KH-UBND ngày 17/9/2025 của UBND tỉnh\nvề việc giảm nghèo.",
     [("Kế hoạch", "77", "77/KH-UBND", "2025-09-17", "UBND tỉnh", "based_on")]),
    # a symbol and a date cut by a line break
    ("Các đơn vị thực hiện theo Nghị định số 217/2025/NĐ-\nCP ngày 4/8/2025 của Chính phủ.",
     [("Nghị định", "217", "217/2025/NĐ-CP", "2025-08-04", "Chính phủ", "mentions")]),
    ("Căn cứ Kế hoạch số 134-KH/TU ngày\n29/12/2023 của Tỉnh ủy.",
     [("Kế hoạch", "134", "134-KH/TU", "2023-12-29", "Tỉnh ủy", "based_on")]),
    ("Căn cứ Luật Tổ chức chính quyền địa phương số\n72/2025/QH15;",
     [("Luật", "72", "72/2025/QH15", None, None, "based_on")]),
    # negative: a capitalized next line is no rest of the symbol
    ("Căn cứ Quyết định số 15/QĐ-UBND-\nTriển khai các nội dung.",
     [("Quyết định", "15", "15/QĐ-UBND", None, None, "based_on")]),
    # negative: forms to fill
    ("Báo cáo theo Mẫu báo cáo số 05 và Biểu mẫu báo cáo số 02/BC kèm theo.", []),
    # negative: a verb before `số` is no type word
    ("Nội dung đã được hướng dẫn tại số 55/HD-BTG ngày 1/2/2025.",
     [("Hướng dẫn", "55", "55/HD-BTG", "2025-02-01", None, "mentions")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_citation_forms(text, expected):
    assert cite(text) == expected


def test_no_self_citation():
    text = "Kế hoạch số 20/KH-UBND ngày 5/3/2025 được triển khai. Căn cứ Kế hoạch số 15/KH-UBND."
    assert [r[2] for r in cite(text, so_hieu="20/KH-UBND")] == ["15/KH-UBND"]


def test_header_number_is_the_documents_own():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 7360/KH-UBND\nLâm Đồng, ngày 3 tháng 4 năm 2025\n\nKẾ HOẠCH\n"
            "Triển khai Luật Tiêu chuẩn\n\nCăn cứ Quyết định số 12/QĐ-UBND ngày 2/1/2025 của UBND tỉnh;\n"
            "I. MỤC ĐÍCH\n1. Bảo đảm thống nhất.\n")
    doc = segment(normalize(text), "t", "t.txt")
    assert [r[2] for r in _rows(doc)] == ["12/QĐ-UBND"]


def test_opening_is_before_the_first_section():
    text = ("KẾ HOẠCH\nTriển khai công tác năm 2025\n\nThực hiện Kế hoạch số 14-KH/TU ngày 29/7/2025 của Tỉnh ủy, "
            "UBND tỉnh ban hành Kế hoạch như sau:\nI. NHIỆM VỤ\n1. Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.\n")
    doc = segment(normalize(text), "t", "t.txt")
    assert [(r[2], r[5]) for r in _rows(doc)] == [("14-KH/TU", "implements"), ("05-CT/TW", "mentions")]


@pytest.mark.parametrize("entry", [*CITATION_TYPE_WORDS.values(), *FORM_WORDS.values()], ids=lambda e: e.key)
def test_vocabulary_examples(entry):
    """Each type word's example is cited; each form word's example is not."""
    got = cite(entry.example)
    assert (len(got) == 1 and got[0][0] == entry.value) if entry in CITATION_TYPE_WORDS.values() else got == []
