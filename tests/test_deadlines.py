"""Deadlines from real plan sentences: input line (+ plan date) → expected (due, recurrence)."""
import pytest

from tests.plans import plan

CASES = [
    ("- Hàng năm, báo cáo kết quả gửi về BTV Tỉnh Đoàn (chậm nhất là ngày 30/10).", "2014-05-28", [("--10-30", "annual")]),
    ("- Báo cáo năm gửi trước ngày 15/11 về BTV Tỉnh Đoàn.", "2014-04-04", [("2014-11-15", "none")]),
    ("- Xây dựng Kế hoạch gửi văn bản về Ban **trước 16g00, ngày 15/04/2024 (thứ Hai).**", None, [("2024-04-15T16:00", "none")]),
    ("- Mỗi cơ sở Đoàn phường hoàn tất **trước Quý III/2024**.", None, [("2024-Q3", "none")]),
    ("- Rà soát đoàn viên. *(Duy trì thực hiện trong tháng 3 hàng năm).*", None, [("--03", "annual")]),
    ("- Báo cáo kết quả về Ban Thường vụ Quận Đoàn định kỳ trước ngày 10 hàng tháng.", None, [("---10", "monthly")]),
    ("- Tháng 01/2018: Triển khai kế hoạch đến các cơ sở Đoàn.", "2018-02-09", [("2018-01", "none")]),
    ("- Ngày 02/4/2024: Triển khai kế hoạch và tổ chức thực hiện.", None, [("2024-04-02", "none")]),
    ("- Từ nay đến năm 2017 phát triển ít nhất 600 đoàn viên.", "2014-05-28", [("2017", "none")]),
    ("- Phấn đấu thành lập Văn phòng hỗ trợ thanh niên công nhân vào năm 2015.", "2014-05-28", [("2015", "none")]),
    ("- Thành lập 08 Chi đoàn (*trước Tháng 03/2024*) trong đó:", None, [("2024-03", "none")]),
    ("- Trong năm, mỗi Đoàn cơ sở thành lập ít nhất 02 Chi đoàn.", "2024-03-20", [("2024", "none")]),
    ("- Quý I: Thành lập 08 Chi đoàn.", "2024-03-20", [("2024-Q1", "none")]),
    ("- Chậm nhất là ngày 30 tháng 01 hàng năm, các đơn vị gửi báo cáo.", None, [("--01-30", "annual")]),
    # a yearless one-off date in a plan without any year keeps a null due
    ("- Báo cáo gửi trước ngày 15/5.", None, [(None, "none")]),
    # negatives: cited documents, history, programme periods, ratios
    ("Thực hiện Nghị quyết số 03-NQ/TWĐTN-BTC ngày 05/3/2014 của Ban Chấp hành TW Đoàn.", "2014-05-28", []),
    ("Ngày 02/02/2018, Chính phủ đã ban hành Nghị định số 15/2018/NĐ-CP.", "2018-05-01", []),
    ("Trong năm 2023, toàn tỉnh đã thành lập 15 Chi đoàn mới.", "2024-03-20", []),     # a cue, but past
    ("- Triển khai chương trình giai đoạn 2013 - 2017 và Chiến lược phát triển thanh niên giai đoạn 2011 - 2020.", "2014-04-04", []),
    ("Thực hiện Nghị quyết Đại hội nhiệm kỳ 2022 - 2027, Ban Thường vụ xây dựng kế hoạch.", "2024-03-20", []),
    ("- Chỉ đạo 21/25 đảng bộ tổ chức hoạt động.", "2024-03-20", []),
    ("- Đánh giá các đơn vị tiên tiến, khá, đặc thù năm 2017.", "2018-02-09", []),
]


@pytest.mark.parametrize("line,issued,expected", CASES)
def test_deadlines(line, issued, expected):
    _, found = plan(line, issued)
    assert [(d.due, d.recurrence) for d in found["deadlines"]] == expected


def test_year_from_title_when_no_date_line():
    _, found = plan("- Báo cáo gửi trước ngày 15/5.", None, title="Tổ chức các hoạt động năm 2024")
    assert [d.due for d in found["deadlines"]] == ["2024-05-15"]


def test_schedule_task_and_assignee():
    text = ("III. TỔ CHỨC THỰC HIỆN\n2. Các huyện, thị, thành Đoàn, Đoàn trực thuộc\n"
            "- Thời gian gửi báo cáo: Báo cáo 6 tháng gửi trước ngày 15/5 về BTV Tỉnh Đoàn.\n"
            "IV. TIẾN ĐỘ THỰC HIỆN\n- Tháng 10/2018: Tổng kết.\n")
    _, found = plan(text, "2018-02-09")
    first, last = found["deadlines"]
    assert (first.due, first.recurrence, first.assignee) == ("--05-15", "semiannual", "Các huyện, thị, thành Đoàn, Đoàn trực thuộc")
    assert (last.due, last.task, last.assignee) == ("2018-10", "Tổng kết.", None)
