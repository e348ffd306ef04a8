"""The cheap tests in front of the targets' patterns (word numerals that count nothing, vocabulary
looked for in the case-folded text, period forms tried where their words stand) change no record:
input lines written for the tests → whole record lists, in any letter case."""
import pytest

from extractors import periods, targets
from tests.plans import plan


def _rows(text):
    _, found = plan(text)
    return [(t.value, t.unit, t.comparator, t.kind, t.scope, t.period) for t in found["targets"]]


T, L = "target", "limit"
CASES = [
    # word numerals: a group that opens with 'năm' counts; 'năm', 'tư' alone and 'một số' do not
    ("- Thành lập năm mươi chi đoàn mới trong năm 2026.", [(50, "chi đoàn", "exact", T, None, "trong năm 2026")]),
    ("- NĂM MƯƠI đoàn viên được giới thiệu kết nạp Đảng.", [(50, "đoàn viên", "exact", T, None, None)]),
    ("- Phấn đấu TỔ CHỨC hai mươi lăm lớp tập huấn.", [(25, "lớp tập huấn", "exact", T, None, None)]),
    ("- Kết nạp năm đoàn viên ưu tú.", []),
    ("- Vận động đầu tư 03 công trình thanh niên.", []),
    ("- Một số đơn vị chưa thành lập được 02 chi hội.", [(2, "chi hội", "exact", T, None, None)]),
    ("- Không để xảy ra vụ việc; tổ chức 04 hội nghị.", [(4, "hội nghị", "exact", T, None, None)]),
    # periods in capitals and each form's first words
    ("- TỪ NAY ĐẾN HẾT NĂM 2030, 100% chi đoàn có sổ tay.", [(100, "chi đoàn", "exact", T, None, "TỪ NAY ĐẾN HẾT NĂM 2030")]),
    ("- Quí IV-2026: tổ chức 03 lớp bồi dưỡng.", [(3, "lớp bồi dưỡng", "exact", T, None, "Quí IV-2026")]),
    ("- Hằng năm, kết nạp 30 hội viên.", [(30, "hội viên", "exact", T, None, "Hằng năm")]),
    # scope, result and condition words in capitals
    ("- Phấn đấu 90% hộ dân TOÀN TỈNH có nước sạch.", [(90, "hộ dân TOÀN TỈNH", "exact", T, "TOÀN TỈNH", None)]),
    ("- ĐÃ tổ chức 12 hội nghị.", []),
    ("- KHI có ít nhất 2/3 số thành viên tham dự.", [(2, "số thành viên", "at_least", L, None, None)]),
    ("- Tổ chức 05 lớp, Trường hợp dưới 20 học viên thì ghép lớp.",
     [(5, "lớp", "exact", T, None, None), (20, "học viên thì ghép lớp", "at_most", L, None, None)]),
    # numbers dropped with the starts: after a reference word, or with nothing after them that could be
    # their noun; a range's dash, a percentage and a noun on the next line still count
    ("- Theo Nghị quyết 25 và Kế hoạch số 12, kết nạp 40 đoàn viên [3].", [(40, "đoàn viên", "exact", T, None, None)]),
    ("- Phấn đấu thành lập (2026) 10–15 câu lạc bộ, 2025, 08.", [(10, "câu lạc bộ", "range", T, None, None)]),
    ("- Phấn đấu 95% chi đoàn; tối thiểu 12 % hội viên; đạt 1,0 - 1,5% ngân sách.",
     [(95, "chi đoàn", "exact", T, None, None), (12, "hội viên", "at_least", T, None, None),
      (1, "ngân sách", "range", T, None, None)]),
    ("a) Đến hết năm 2030: kết nạp 120\nđoàn viên mới.", [(120, "đoàn viên", "exact", T, None, "Đến hết năm 2030")]),
    # the cheap tests before a condition ('có từ 500', 'trở lên'), a formula's letter and a range's dash
    ("- Phấn đấu thành lập Đoàn ở 10 doanh nghiệp có   từ   500 lao động.", [(10, "doanh nghiệp", "exact", T, None, None)]),
    ("- Phấn đấu thành lập 12 chi đoàn, và có 100% đoàn viên tham gia.",
     [(12, "chi đoàn", "exact", T, None, None), (100, "đoàn viên", "exact", T, None, None)]),
    ("- Phấn đấu kết nạp 50 đoàn viên trở lên, 60 hội viên trở   xuống.", []),
    ("- Phấn đấu mỗi xã có 0,006 x a hộ nghèo; kết nạp 5 x đoàn viên.", []),
    ("- Phấn đấu thành lập 3   -   5 câu lạc bộ; 6   –  8 đội hình.",
     [(3, "câu lạc bộ", "range", T, None, None), (6, "đội hình", "range", T, None, None)]),
]


@pytest.mark.parametrize("line,expected", CASES)
def test_targets_behind_prefilters(line, expected):
    assert _rows(line) == [(float(v), u, c, k, s, p) for v, u, c, k, s, p in expected]


TEXTS = [
    "TỪ NAY ĐẾN NĂM 2030; ĐẾN HẾT NĂM 2025; Trong Giai Đoạn 2021 - 2025; NHIỆM KỲ 2020-2025.",
    "HÀNG THÁNG, 6 THÁNG ĐẦU NĂM, QUÝ II/2025, quí 3 năm 2024, TRONG NĂM, năm 2026 - 2030, trong năm nay.",
    "Toàn Quốc, TRÊN ĐỊA BÀN huyện, cấp cơ sở; LŨY KẾ, luỹ kế, Hiện đạt, SO VỚI CÙNG KỲ, đã; "
    "NẾU, Điều kiện, khi; MỤC TIÊU, chương trình mục tiêu, Phấn đấu, phần đấu.",
    "Không có từ nào của các danh mục trong câu này.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_period_forms_are_found_where_their_words_stand(text):
    first = periods.PERIOD.search(text)
    assert periods.period_in(text) == (first.group().strip() if first else None)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("pattern,words", [(targets._SCOPE, targets._SCOPE_WORDS),
                                           (targets._RESULT, targets._RESULT_WORDS),
                                           (targets._GOAL, targets._GOAL_WORDS),
                                           (targets._CONDITION, targets._CONDITION_WORDS)])
def test_vocabulary_prefilter_equals_plain_matching(text, pattern, words):
    found = targets._found(pattern, words, text, text.casefold())
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]


# spans as the masks of a line gather them (quotes, programme periods, the second number of a range):
# overlapping, touching, nested, empty and out of order → the offsets they hold, as any() reads them
SPAN_CASES = [
    [],
    [(3, 3)],
    [(2, 5)],
    [(2, 5), (5, 8)],
    [(10, 14), (2, 5), (4, 11)],
    [(0, 20), (3, 6), (8, 9)],
    [(6, 9), (1, 2), (12, 15), (2, 6), (16, 17), (15, 16)],
    [(5, 7), (1, 3), (9, 11), (2, 10)],
]


@pytest.mark.parametrize("spans", SPAN_CASES)
def test_span_set_holds_what_its_spans_hold(spans):
    held = targets._SpanSet(spans)
    assert [i for i in range(-1, 22) if i in held] == [i for i in range(-1, 22) if any(a <= i < b for a, b in spans)]


def test_span_set_on_a_long_line_with_many_quotes():
    # a reference list on one line: quotes everywhere, numbers inside and outside them
    line = "- Tài liệu: " + ", ".join(f'"Tập {k}" tr. {k}' for k in range(1, 300)) + "; kết nạp 30 đoàn viên."
    assert _rows(line) == [(30, "đoàn viên", "exact", T, None, None)]
