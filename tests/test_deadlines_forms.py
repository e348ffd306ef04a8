"""Deadline forms of Party and State documents (issue 11): input lines (+ issue date) → every deadline
as (due, due_start, recurrence), the whole list compared. Inputs written for these tests."""
import pytest

from extractors import deadlines, links
from extractors.assignments import Assignment
from pipeline.vocab import (DEADLINE_LABELS, DESCRIBED_PERIOD_WORDS, HORIZON_WORDS, RELATIVE_YEARS, STATEMENT_WORDS,
                              STATUS_WORDS, WEEKDAYS)
from pipeline.models import FieldValue
from pipeline.normalize import normalize
from pipeline.segment import segment
from tests.plans import plan

NONE = "none"
CASES = [
    # labelled dates: the label says the value is this document's date
    ("- Thời gian thực hiện: Quý III/2024.", "2024-03-01", [("2024-Q3", None, NONE)]),
    ("- Hạn nộp báo cáo: 15/11/2024.", "2024-03-01", [("2024-11-15", None, NONE)]),
    ("- Thời hạn hoàn thành: trong tháng 9/2025.", "2025-03-01", [("2025-09", None, NONE)]),
    ("- Thời gian thực hiện: Năm 2026 và các năm tiếp theo.", "2025-10-01", [("2026", None, NONE)]),
    ("- Thời gian: Dự kiến 19h30 ngày 24 tháng 01 năm 2026 (thứ Bảy).", "2026-01-05", [("2026-01-24T19:30", None, NONE)]),
    ("- Thời gian tổ chức: Từ ngày 10/01/2026 – 05/02/2026.", "2026-01-02", [("2026-02-05", "2026-01-10", NONE)]),
    # negative: another label, a year in running text
    ("- Nội dung: tổng kết công tác năm 2024 và triển khai nhiệm vụ.", "2025-01-10", []),
    # the whole value of a line or of its label
    ("- Phiên khai mạc: Từ 8g00 - 11g00, ngày 20/5/2025 (thứ Ba).", "2025-04-01", [("2025-05-20T08:00", None, NONE)]),
    ("I. Thời điểm: 14 giờ 30 phút, ngày 12 tháng 01 năm 2026 (Thứ Hai).", "2026-01-05", [("2026-01-12T14:30", None, NONE)]),
    ("Quý IV/2025", "2025-06-01", [("2025-Q4", None, NONE)]),
    ("Quí I-2026", "2025-06-01", [("2026-Q1", None, NONE)]),
    ("10/7/2026 - 13/7/2026", "2026-06-01", [("2026-07-13", "2026-07-10", NONE)]),
    # negative: a year alone is a table's column heading; a date alone on or before the issue date
    ("Năm 2025", "2025-06-01", []),
    ("18/11/2025", "2025-11-18", []),
    # ranges: due = the end, due_start = the start (its year taken from the end when not written)
    ("- Tuyên truyền cao điểm từ ngày 02/3/2025 – 20/3/2025.", "2025-02-01", [("2025-03-20", "2025-03-02", NONE)]),
    ("- Phát động từ 20/12/2025 đến 04/4/2026, nhận bài đến hết ngày 04/4/2026.", "2025-12-01",
     [("2026-04-04", "2025-12-20", NONE), ("2026-04-04", None, NONE)]),
    ("- Truyền thông trên mạng xã hội từ ngày 15/01 - 24/01/2026.", "2026-01-05", [("2026-01-24", "2026-01-15", NONE)]),
    ("- Tháng 3 - 4/2024: tổ chức hội thi cấp cơ sở.", "2024-01-15", [("2024-04", "2024-03", NONE)]),
    ("- Thời gian thực hiện: trong chiến dịch tình nguyện hè (tháng 6-8).", "2025-03-01", [("2025-08", "2025-06", NONE)]),
    # negative: a programme period, a ratio
    ("- Triển khai các nhiệm vụ giai đoạn 2021 - 2025 theo kế hoạch.", "2024-01-15", []),
    ("- Đạt tỷ lệ 15 - 20% số hộ được hỗ trợ.", "2024-01-15", []),
    # lists: an item shares the cue of the one before it; a recurring date, of the one after it
    ("- Định kỳ trước ngày 01/6 và 15/11 hằng năm báo cáo kết quả về Sở.", "2025-03-01",
     [("--06-01", None, "annual"), ("--11-15", None, "annual")]),
    ("- Tổ chức trao tặng vào dịp các ngày lễ 3/2, 19/5, 2/9 và 7/11 hàng năm.", "2025-03-01",
     [("--02-03", None, "annual"), ("--05-19", None, "annual"), ("--09-02", None, "annual"), ("--11-07", None, "annual")]),
    # negative: a ratio and a list without cue
    ("- Kết quả có 3/4 đơn vị và 5/7 xã hoàn thành.", "2025-03-01", []),
    # a day of every month
    ("- Bảo đảm tài liệu cho chi bộ sinh hoạt đúng ngày mồng 3 hằng tháng.", "2025-03-01", [("---03", None, "monthly")]),
    ("- Bản tin phát hành vào ngày 15 của tháng trước đó.", "2025-03-01", [("---15", None, "monthly")]),
    # weekly: the weekday (ISO number) and time
    ("- Giao Văn phòng định kỳ hằng tuần trước 16 giờ ngày thứ Sáu báo cáo tình hình.", "2025-03-01",
     [("W5T16:00", None, "weekly")]),
    ("- Các phòng gửi số liệu trước 9 giờ thứ Hai hằng tuần.", "2025-03-01", [("W1T09:00", None, "weekly")]),
    # negative: a weekday that does not recur; a weekday in brackets after a date
    ("- Hội nghị họp vào thứ Sáu để thống nhất.", "2025-03-01", []),
    ("- Gửi đăng ký trước ngày 07/02/2026 (thứ Sáu).", "2026-01-05", [("2026-02-07", None, NONE)]),
    # quarterly and semiannual from 'định kỳ' phrases (a bare 'định kỳ' stays annual)
    ("- Định kỳ hằng quý, báo cáo trước ngày 20/3.", "2025-01-10", [("--03-20", None, "quarterly")]),
    ("- Định kỳ 6 tháng, gửi báo cáo trước ngày 15/6.", "2025-01-10", [("--06-15", None, "semiannual")]),
    ("- Định kỳ trước ngày 15/5 gửi báo cáo.", "2025-01-10", [("--05-15", None, "annual")]),
    # relative years, read against the issue date; without one, null (never invented)
    ("- Hoàn thành trước ngày 31 tháng 12 cùng năm.", "2025-03-01", [("2025-12-31", None, NONE)]),
    ("- Tổng kết trong tháng 01 năm sau.", "2025-03-01", [("2026-01", None, NONE)]),
    ("- Hoàn thành trước ngày 31 tháng 12 cùng năm.", None, [(None, None, NONE)]),
    ("- Gửi báo cáo đến ngày 15/5.", None, [(None, None, NONE)]),
    # negative: without a year, a stray day or month opening a line is no deadline (a history, a news item)
    ("Tháng 7, ông được cử làm Chính ủy.", None, []),
    ("10 tháng 2", None, []),
    # horizons are not deadlines; a target year is
    ("- Triển khai theo Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050.", "2025-03-01", []),
    ("- Thực hiện Chiến lược phát triển thanh niên đến năm 2030.", "2025-03-01", []),
    ("- Phấn đấu đến năm 2030, 100% xã đạt chuẩn nông thôn mới.", "2025-03-01", [("2030", None, NONE)]),
    # reporting points: reached before the issue date; after it, a deadline
    ("- Tính đến ngày 31/10/2025, giải ngân đạt 70% kế hoạch.", "2025-11-20", []),
    ("- Phong trào thi đua tính đến hết ngày 31/12/2026.", "2026-01-10", [("2026-12-31", None, NONE)]),
    ("Theo dự báo, từ nay đến ngày 20/10/2025 khu vực có mưa lớn.", "2025-10-15", []),
    ("Đến nay, tỉnh mới tổ chức 02 cuộc đối thoại trong năm 2025.", "2025-11-20", []),
    # a year that a clause describes is no deadline; one it commits to is
    ("- Rà soát 11 hoạt động dự kiến thực hiện trong năm 2026.", "2025-11-20", []),
    ("- Thành lập ít nhất 02 chi đoàn trong năm 2026.", "2025-11-20", [("2026", None, NONE)]),
    # a bare 'trong năm' after a month or day only qualifies it; alone it is the plan's year
    ("- Kết nạp đoàn viên đủ tuổi từ ngày 01/3 đến hết tháng 6 trong năm.", "2025-03-01",
     [("2025-06", "2025-03-01", NONE)]),
    ("- Nhận hồ sơ nộp đến ngày 15/10 trong năm.", "2025-03-01", [("2025-10-15", None, NONE)]),
    ("- Tổ chức 02 đợt tập huấn trong năm.", "2025-03-01", [("2025", None, NONE)]),
    # a month or quarter opening its sentence; a day there often tells history
    ("b) Quý I/2027, các cơ quan đánh giá kết quả thực hiện.", "2026-01-10", [("2027-Q1", None, NONE)]),
    ("Ngày 20/4/2026, UBND tỉnh làm việc với đoàn công tác.", "2026-04-25", []),
    # a cue before a day named by its event
    ("- Tuyên truyền từ tháng 01 đến ngày bầu cử 15/3/2026.", "2025-12-10", [("2026-03-15", "2026-01", NONE)]),
]


def _rows(found):
    return [(d.due, d.due_start, d.recurrence) for d in found["deadlines"]]


@pytest.mark.parametrize("line,issued,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_deadline_forms(line, issued, expected):
    _, found = plan(line, issued)
    assert _rows(found) == expected


def test_appendix_after_the_signature():
    text = ("KẾ HOẠCH\nTriển khai chuyển đổi số\n\nI. NHIỆM VỤ\n1. Các sở thực hiện nhiệm vụ tại Phụ lục.\n"
            "Nơi nhận:\n- Các sở;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n\n"
            "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n|\nXây dựng bộ tiêu chí\n|\nQuý IV/2025\n|\n")
    doc = segment(normalize(text), "t", "t.txt")
    found = deadlines.extract(doc, {"fields": [FieldValue("issue_date", "2025-06-01")]})
    assert [(d.due, d.recurrence) for d in found] == [("2025-Q4", NONE)]


def _all_inputs():
    inputs = [c[0] for c in CASES]
    inputs += [f.example for f in (*deadlines.DATE_FORMS, *deadlines.WEEKDAY_FORMS)]
    for table in (DEADLINE_LABELS, STATUS_WORDS, HORIZON_WORDS, DESCRIBED_PERIOD_WORDS, RELATIVE_YEARS):
        inputs += [e.example for e in table.values()]
    inputs += ["Kế hoạch số 125/KH-UBND ngày 05/3/2025", "16g00, ngày 15/04/2024; 8 giờ ngày 3/5", "năm học 2024 - 2025",
               "trước 16 giờ thứ Sáu hằng tuần, Chủ nhật", "lần thứ 3 năm 2025 và tháng 12"]
    return inputs


@pytest.mark.parametrize("scan", [deadlines.DATES, deadlines.WEEKDAYS_SCAN], ids=["dates", "weekdays"])
def test_prefilter_finds_every_match(scan):
    """The prefilter built from the forms misses no match: prefiltered = plain matching."""
    for text in _all_inputs():
        plain = [m.span() for m in scan.pattern.finditer(text)]
        assert [m.span() for m in scan.matches(text)] == plain, text


def _assignment(who, role, start, end):
    return Assignment(assignee=who, role=role, task="", deadline=None, section=None, person_name=None,
                      position=None, start=start, end=end)


def _deadline(start):
    return deadlines.Deadline(due="2025-09-30", recurrence=NONE, raw="", task="", assignee=None, section=None,
                              start=start, end=start + 10)


def test_links_innermost_lead_assignment():
    found = {
        "assignments": [_assignment("Sở Tài chính", "lead", 0, 500), _assignment("Sở Nội vụ", "support", 100, 200),
                        _assignment("Bộ Công Thương", "lead", 100, 200), _assignment("Tổ giúp việc", "member", 100, 150)],
        "deadlines": [_deadline(120), _deadline(300), _deadline(600)],
    }
    assert [d.assignee for d in links.deadline_assignees(None, found)] == ["Bộ Công Thương", "Sở Tài chính", None]
    assert [d.assignee for d in found["deadlines"]] == [None, None, None]      # the records found stay as they were


def test_links_unit_heading_through_assignments():
    text = ("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\n- Chủ trì tổng hợp, báo cáo UBND tỉnh trước ngày 15/11/2025.\n")
    _, found = plan(text, "2025-03-01")
    assert [(d.due, d.assignee) for d in found["deadlines"]] == [("2025-11-15", "Sở Tư pháp")]


# every vocabulary entry's example, through the extractor: what it does to the date in it
@pytest.mark.parametrize("entry", DEADLINE_LABELS.values(), ids=lambda e: e.key)
def test_label_examples_are_deadlines(entry):
    assert len(_rows(plan(f"- {entry.example}.", "2024-01-02")[1])) == 1


@pytest.mark.parametrize("entry", STATUS_WORDS.values(), ids=lambda e: e.key)
def test_status_examples_before_the_issue_date_are_not(entry):
    assert _rows(plan(f"- {entry.example}.", "2025-12-20")[1]) == []
    assert len(_rows(plan(f"- {entry.example}.", "2024-01-02")[1])) == 1      # after it, a deadline


@pytest.mark.parametrize("entry", [*STATEMENT_WORDS.values(), *HORIZON_WORDS.values(), *DESCRIBED_PERIOD_WORDS.values()],
                         ids=lambda e: e.key)
def test_statement_horizon_and_described_examples_are_not(entry):
    assert _rows(plan(f"- {entry.example}.", "2024-01-02")[1]) == []


@pytest.mark.parametrize("entry", RELATIVE_YEARS.values(), ids=lambda e: e.key)
def test_relative_year_examples(entry):
    (due, _, _), = _rows(plan(f"- Hoàn thành {entry.example}.", "2024-03-01")[1])
    assert due.startswith(str(2024 + int(entry.value)))
    assert _rows(plan(f"- Hoàn thành {entry.example}.", None)[1]) == [(None, None, NONE)]


@pytest.mark.parametrize("entry", WEEKDAYS.values(), ids=lambda e: e.key)
def test_weekday_entries(entry):
    assert _rows(plan(f"- Báo cáo trước 9 giờ {entry.key} hằng tuần.", "2024-03-01")[1]) == [
        (f"W{entry.value}T09:00", None, "weekly")]
    assert _rows(plan(f"- Báo cáo vào {entry.key}.", "2024-03-01")[1]) == []
