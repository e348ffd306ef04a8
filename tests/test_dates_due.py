"""What each due code stands for on a calendar (pipeline/dates_due.py), table-driven from the
module's own examples, and how a deadlines row gets its calendar columns."""
import datetime as dt

import pytest

from pipeline.dates_due import EXAMPLES, NOT_CODES, DueInterval, due_columns, due_interval
from pipeline.tables import record_rows


def _iso(d):
    return d and dt.date.fromisoformat(d)


@pytest.mark.parametrize("code", sorted(EXAMPLES))
def test_every_code_example(code):
    start, end, gran, month, day, weekday, time = EXAMPLES[code]
    assert due_interval(code) == DueInterval(_iso(start), _iso(end), gran, month, day, weekday, time)


@pytest.mark.parametrize("code", NOT_CODES + [None])
def test_what_is_not_a_code_gives_nothing(code):
    assert due_interval(code) == DueInterval()


@pytest.mark.parametrize("code,start,end", [
    ("2023-02", "2023-02-01", "2023-02-28"),       # not a leap year
    ("2024-Q1", "2024-01-01", "2024-03-31"),
    ("2024-Q4", "2024-10-01", "2024-12-31"),
    ("2025-12-31T08:30", "2025-12-31", "2025-12-31"),
])
def test_interval_edges(code, start, end):
    iv = due_interval(code)
    assert (iv.start, iv.end) == (_iso(start), _iso(end))


@pytest.mark.parametrize("due,given,start,end", [
    ("2024-04", "2024-03", "2024-03-01", "2024-04-30"),              # 'tháng 3 - 4/2024': a start code
    ("2026-02-15", "2026-02-02", "2026-02-02", "2026-02-15"),        # 'từ ngày 02/02 – 15/02/2026': a start day
    ("2024-04", None, "2024-04-01", "2024-04-30"),
])
def test_a_start_given_by_the_record_is_kept(due, given, start, end):
    row = {"due": due, "due_start": given}
    due_columns(row)
    assert (row["due_start"], row["due_end"]) == (start, end)


def test_deadline_rows_carry_the_calendar_columns():
    rec = {"due": "--10-30", "recurrence": "annual", "raw": "trước ngày 30/10 hằng năm", "task": "báo cáo",
           "assignee": None, "section": None, "start": 0, "end": 10}
    [row] = record_rows("deadlines", "d1", [rec], None)
    assert {k: row[k] for k in ("due_start", "due_end", "due_granularity", "due_month", "due_day", "evidence")} == {
        "due_start": None, "due_end": None, "due_granularity": "day", "due_month": 10, "due_day": 30,
        "evidence": "trước ngày 30/10 hằng năm"}
