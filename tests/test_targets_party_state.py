"""Targets as Government and Party documents phrase them (issue 11): input lines written for the
tests → whole record lists (value, value_max, unit, is_percent, comparator, kind)."""
import pytest

from extractors import numerals, periods, targets
from extractors.structure import matches_at
from tests.plans import plan


def _rows(text, doc_type=None, **kw):
    if doc_type is not None:
        kw.update(doc_type=doc_type, issue_date=None, title="Về tình hình thực hiện")
    _, found = plan(text, **kw)
    return [(t.value, t.value_max, t.unit, t.is_percent, t.comparator, t.kind) for t in found["targets"]]


T, L = "target", "limit"
CASES = [
    # goal label with a colon and a bare percentage: the unit is the label's subject
    ("- Mục tiêu tăng trưởng tổng sản phẩm: 7,5%.", [(7.5, None, "tăng trưởng tổng sản phẩm", True, "exact", T)]),
    ("- Quy mô: 250 đại biểu chính thức.", [(250, None, "đại biểu chính thức", False, "exact", T)]),
    ("Các nội dung; số lượng đội thi: 12 đội thi.", [(12, None, "đội thi", False, "exact", T)]),
    # comparators of the State style
    ("- Tỷ lệ thất nghiệp ở khu vực thành thị dưới 4%.", [(4, None, "thất nghiệp", True, "at_most", T)]),
    ("- Giữ tỷ lệ thất nghiệp thành thị ở mức 3%.", [(3, None, "thất nghiệp thành thị", True, "exact", T)]),
    ("- Phấn đấu giảm tỷ lệ hộ nghèo xuống còn dưới 1,5%.", [(1.5, None, "hộ nghèo", True, "at_most", T)]),
    ("- Đến năm 2030, 100% xã, phường có nhà văn hóa.", [(100, None, "xã, phường", True, "exact", T)]),
    ("- Đến năm 2030, có ≥ 70% hộ gia đình dùng nước sạch.", [(70, None, "hộ gia đình dùng nước sạch", True, "at_least", T)]),
    ("- Tốc độ tăng năng suất lao động bình quân 1,0 - 1,5%/năm.", []),   # no cue: a description
    ("- Phấn đấu tăng năng suất lao động bình quân 1,0 - 1,5%/năm.",
     [(1.0, 1.5, "tăng năng suất lao động bình quân", True, "range", T)]),
    ("- Giải quyết việc làm cho khoảng 30.000 lao động.", [(30000, None, "lao động", False, "exact", T)]),
    ("- Phấn đấu tăng tỷ lệ lao động qua đào tạo lên 75%.", [(75, None, "lao động qua đào tạo", True, "exact", T)]),
    # lists of short nouns after a percentage
    ("- 100% các sở, ngành bố trí cán bộ pháp chế.", [(100, None, "sở, ngành", True, "exact", T)]),
    ("- 100% cán bộ, công chức cấp xã được bồi dưỡng.", [(100, None, "cán bộ, công chức", True, "exact", T)]),
    # a bullet an OCR rendered as '_~', emphasis around a numbering
    ("_~ 100% Chi hội có sổ theo dõi hội viên.", [(100, None, "Chi hội", True, "exact", T)]),
    ("**2. **100% trường học có tủ sách pháp luật.", [(100, None, "trường học", True, "exact", T)]),
    # a wrapped line: the cue stays on the line before
    ("a) Đến hết năm 2027: Có ≥\n40% hợp tác xã bán hàng trực tuyến.",
     [(40, None, "hợp tác xã bán hàng trực tuyến", True, "at_least", T)]),
    # the noun on the next line; a page number opens nothing
    ("c) Đến hết năm 2030: 100%\nhợp tác xã dùng chữ ký số.", [(100, None, "hợp tác xã dùng chữ ký số", True, "exact", T)]),
    ("- Nội dung tuyên truyền pháp luật.\n2\nem học sinh và phụ huynh tham gia.", []),
    # limits: ceilings, conditions, fees
    ("- Mỗi đơn vị đăng ký không quá 02 đội thi.", [(2, None, "đội thi", False, "at_most", L)]),
    ("- Hội nghị chỉ hợp lệ khi có ít nhất 2/3 số thành viên tham dự.", [(2, None, "số thành viên", False, "at_least", L)]),
    ("- Hồ sơ được xử lý không quá chín ngày, kể từ ngày nhận.", []),       # a duration, even in a list
    ("- Nơi có điều kiện thì thành lập 01 câu lạc bộ.", [(1, None, "câu lạc bộ", False, "exact", T)]),
    ("- 5.000 đồng/học sinh/tháng.", [(5000, None, "đồng", False, "exact", L)]),
    # not quantities: a pair of years, a row number, 'trong đó có' with no target before it
    ("- Thực hiện trong 2026 - 2030 các nội dung.", []),
    ("1 Ban hành kế hoạch triển khai", []),
    ("- Hồ sơ gồm 03 bản (trong đó có 01 bản chính).", []),
    ("- Tổ chức 05 lớp bồi dưỡng, trong đó có 02 lớp cho cán bộ cơ sở.",
     [(5, None, "lớp bồi dưỡng", False, "exact", T), (2, None, "lớp", False, "exact", T)]),
    # 'có' after 'và' or opening its clause commits; after a noun it is a condition
    ("- Ký cam kết và có 100% hội viên tham gia bảo hiểm.", [(100, None, "hội viên", True, "exact", T)]),
    ("- Vận động các hợp tác xã có trên 50 thành viên.", []),
    # 'mục tiêu' in a list of nouns states no goal
    ("- Rà soát sự cần thiết, mục tiêu, nội dung của 11 hoạt động.", []),
    # a parenthesis closed before the number opens no clause
    ("- Tỷ lệ doanh nghiệp dùng hóa đơn điện tử (HĐĐT) đạt 95%.",
     [(95, None, "doanh nghiệp dùng hóa đơn điện tử (HĐĐT)", True, "exact", T)]),
    # formulas, points of a document, results after the number
    ("| 0,05 x b", []),
    ("- Thực hiện các chỉ tiêu tại điểm 2 Mục IV.", []),
    ("- Phấn đấu thu hút 120 ý kiến góp ý.", [(120, None, "ý kiến góp ý", False, "exact", T)]),
    ("- Thống kê có 35 xã đã được công nhận đạt chuẩn.", []),
    # 'một' is an article unless committed to; 'một phần' is 'partly'
    ("- Hỗ trợ chi phí ăn ở cho một học viên.", []),
    ("- Thành lập ít nhất một tổ tư vấn pháp luật.", [(1, None, "tổ tư vấn pháp luật", False, "at_least", T)]),
    ("- Ngân sách tỉnh hỗ trợ một phần kinh phí tổ chức.", []),
    # reported results, not commitments
    ("- Đến nay, đã tổ chức 12 hội nghị đối thoại.", []),
    ("- Thu ngân sách ước đạt 12.500 tỷ đồng, tăng 8% so với cùng kỳ.", []),
    ("- Mùa mưa năm nay toàn huyện ghi nhận hơn 1.200 nhà bị hư hại.", []),
    ("- Chương trình mục tiêu quốc gia đã hỗ trợ 300 hộ.", []),
]


@pytest.mark.parametrize("line,expected", CASES)
def test_party_state_targets(line, expected):
    assert _rows(line) == [(float(v), None if m is None else float(m), u, p, c, k) for v, m, u, p, c, k in expected]


REPORT = [
    # in a report, results are not targets; a stated goal and the tasks ahead are
    ("1. Kết quả\nTỷ lệ hồ sơ trực tuyến đạt 61,5% (chỉ tiêu đề ra là tối thiểu 75%).",
     [(75, None, "hồ sơ trực tuyến", True, "at_least", T)]),
    ("1. Kết quả\n- 100% xã tổ chức hội nghị.", []),
    ("1. Kết quả\nTỷ lệ hồ sơ đúng hẹn chưa đạt (chỉ tiêu tối thiểu 95%, hiện đạt 91,5%).",
     [(95, None, "hồ sơ đúng hẹn", True, "at_least", T)]),
    ("1. Kết quả\nĐã thẩm định 45 hồ sơ dự án hợp lệ, đạt tỷ lệ 75% (4/6 huyện, chỉ tiêu đề ra là tối thiểu 60%).",
     [(60, None, "hồ sơ dự án hợp lệ", True, "at_least", T)]),
    ("a) Có 05/40 kiến nghị chưa được giải quyết.", []),       # a sentence, not a heading of proposals
    ("2. Nhiệm vụ, giải pháp thời gian tới\n- 100% xã tổ chức hội nghị.", [(100, None, "xã tổ chức hội nghị", True, "exact", T)]),
]


@pytest.mark.parametrize("text,expected", REPORT)
def test_report_results_are_not_targets(text, expected):
    assert _rows(text, "Báo cáo") == [(float(v), m, u, p, c, k) for v, m, u, p, c, k in expected]


def test_results_heading_in_a_plan():
    text = "I. THỰC TRẠNG\n- 120 hộ dân được hỗ trợ nhà ở.\nII. MỤC TIÊU\n- Hỗ trợ 200 hộ dân sửa chữa nhà."
    assert _rows(text) == [(200.0, None, "hộ dân sửa chữa nhà", False, "exact", T)]


def test_rule_bound_is_a_limit():
    assert _rows("- Mỗi chi bộ có tối thiểu 03 đảng viên.", "Quy định") == [(3.0, None, "đảng viên", False, "at_least", L)]


PERIOD_SCOPE = [
    ("II. CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026 - 2030\n- Phấn đấu 100% xã đạt chuẩn nông thôn mới.",
     "GIAI ĐOẠN 2026 - 2030", None),
    ("- Đến năm 2028, 95% hộ dân trên địa bàn tỉnh được dùng nước sạch.", "Đến năm 2028", "trên địa bàn tỉnh"),
    ("- Phấn đấu 100% công chức cấp xã được tập huấn trong năm 2026.", "trong năm 2026", "cấp xã"),
    ("- Phấn đấu kết nạp 500 hội viên toàn quốc.", None, "toàn quốc"),
]


@pytest.mark.parametrize("text,period,scope", PERIOD_SCOPE)
def test_period_and_scope(text, period, scope):
    _, found = plan(text)
    assert [(t.period, t.scope) for t in found["targets"]] == [(period, scope)]


# Prefiltered matching (matches_at over the starts a prefilter gives) equals a plain finditer.
PREFILTER_TEXTS = [
    "Phấn đấu đến năm 2030, 100% xã; 1.000 hội viên, 2/3 chi đoàn, 12,5% ngân sách, một trăm đoàn viên.",
    "Hằng quý báo cáo; định kỳ 6 tháng; Quý III/2024 hoàn thành; trong năm 2025; giai đoạn 2026 - 2030.",
    "chính quyền 02 cấp, mười lăm đội, hai mươi lăm lớp, chín phường, ban 3, ngày 15/01/2026, số 12/KH-UBND.",
    "Nghị quyết 25, cụm 8, Điều 5 khoản 2, ngày 15 tháng 3 năm 2024, năm năm, MỘT TRĂM, Năm mươi, 1.000.000,5 %, 12345678.",
    "-5 đội; 3-4 lớp; 3,5/10; x5 y; 5a; 20/KH; tư vấn 7 người; không 9 năm 2026 tư 4 một số 3",
    "[31] (1962) 2005, tr. 12; 4–5 lớp; 6 - 7; 8 %; 9%) 10\n11.\n12",
    *[line for line, _ in CASES], *[text for text, _ in REPORT], *[text for text, _, _ in PERIOD_SCOPE],
]


@pytest.mark.parametrize("text", PREFILTER_TEXTS)
def test_number_prefilter_equals_plain_matching(text):
    starts = sorted(numerals.word_starts(text) + [m.start() for m in numerals.digit_numbers(text)])
    fast = [m.span() for m in matches_at(numerals.NUMBER, text, starts)]
    assert fast == [m.span() for m in numerals.NUMBER.finditer(text)]
    lo, hi = len(text) // 3, 2 * len(text) // 3      # within bounds: the matches that start there
    assert [m.span() for m in numerals.digit_numbers(text, lo, hi)] == [
        m.span() for m in numerals.NUMBER.finditer(text, lo) if m.start() < hi and text[m.start()].isdigit()]


def _plain_counting(text, s):
    m = numerals.NUMBER.match(text, s)
    if not m:
        return False
    if m.group("words"):
        return m.group("words").lower() not in targets._WORD_NUMERAL_NOT and not targets._SOME.match(text, s)
    bare = not m.group("pct") and text[m.end():m.end() + 1] not in (" ", "-", "–", "\n")
    return not bare and not (text[s - 1:s] == " " and targets._NAMED.match(text, 0, s))


@pytest.mark.parametrize("text", PREFILTER_TEXTS)
def test_counting_starts_equal_plain_matching(text):
    assert targets._counting_starts(text, 0, len(text)) == [s for s in range(len(text)) if _plain_counting(text, s)]


@pytest.mark.parametrize("text", PREFILTER_TEXTS)
def test_period_and_recurrence_equal_plain_matching(text):
    first = periods.PERIOD.search(text)
    assert periods.period_in(text) == (first.group().strip() if first else None)
    rec = periods.RECURRENCE_RX.search(text)
    assert periods.recurrence_of(text) == (periods.RECURRENCE[rec.group().lower()].value if rec else None)
    plain = [m.span() for m in periods._PROGRAMME.finditer(text)] if periods._YEARS_RX.search(text) else []
    assert periods.programme_spans(text) == plain
