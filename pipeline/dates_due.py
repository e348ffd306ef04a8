"""What a `deadlines.due` code stands for on a calendar.

The code stays the table's key (it is what the extractor read); this module gives the interval it
covers (`due_start`, `due_end`, both inclusive), its granularity, and for recurring codes the day,
month or weekday they repeat on, so that dates can be put on a calendar and compared in SQL.
The codes are those of the output contract: `2024-04-15T16:00`, `2024-04-15`, `2018-01`,
`2024-Q3`, `2017`, and the recurring `--10-30` (every year on a day), `--03` (every year in a
month), `---10` (every month on a day), `W5T16:00` (every week on a weekday).
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex


@dataclass(frozen=True)
class DueInterval:
    start: Optional[dt.date] = None        # first day the code covers (null when recurring)
    end: Optional[dt.date] = None          # last day it covers
    granularity: Optional[str] = None      # day | month | quarter | year | weekday
    month: Optional[int] = None            # recurring: the month (`--10-30` → 10)
    day: Optional[int] = None              # recurring: the day of the month (`---10` → 10)
    weekday: Optional[int] = None          # recurring weekly: ISO weekday, 1 = Monday
    time: Optional[str] = None             # `HH:MM` when the code gives a time


# One alternative per code family; each with its example.
DUE_CODE = regex.compile(r"""
    ^(?:
      (?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})      # a day: 2024-04-15 (time below)
    | (?P<ym_y>\d{4})-(?P<ym_m>\d{2})             # a month: 2018-01
    | (?P<q_y>\d{4})-Q(?P<q>[1-4])                # a quarter: 2024-Q3
    | (?P<yy>\d{4})                               # a year: 2017
    | --(?P<a_m>\d{2})-(?P<a_d>\d{2})             # every year on a day: --10-30
    | --(?P<am>\d{2})                             # every year in a month: --03
    | ---(?P<md>\d{2})                            # every month on a day: ---10
    | W(?P<w>[1-7])                               # every week on a weekday: W5
    )
    (?:T(?P<t>\d{2}:\d{2}))?$                     # an optional time: T16:00
""", regex.VERBOSE)

EXAMPLES = {     # code → (start, end, granularity, month, day, weekday, time); run by the tests
    "2024-04-15T16:00": ("2024-04-15", "2024-04-15", "day", None, None, None, "16:00"),
    "2024-04-15": ("2024-04-15", "2024-04-15", "day", None, None, None, None),
    "2024-02": ("2024-02-01", "2024-02-29", "month", None, None, None, None),
    "2024-Q3": ("2024-07-01", "2024-09-30", "quarter", None, None, None, None),
    "2017": ("2017-01-01", "2017-12-31", "year", None, None, None, None),
    "--10-30": (None, None, "day", 10, 30, None, None),
    "--03": (None, None, "month", 3, None, None, None),
    "---10": (None, None, "day", None, 10, None, None),
    "W5T16:00": (None, None, "weekday", None, None, 5, "16:00"),
}
NOT_CODES = ["", "2024-13", "2024-02-30", "--13-01", "---32", "W8", "Q3/2024", "2024-Q5", "tháng 3"]


def _date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


@lru_cache(maxsize=4096)      # an archive repeats few codes
def due_interval(code: Optional[str]) -> DueInterval:
    """The interval and recurrence parts of a due code; all null for no code or a malformed one."""
    m = DUE_CODE.match(code) if code else None
    if m is None:
        return DueInterval()
    g = {k: (int(v) if v and k != "t" else v) for k, v in m.groupdict().items()}
    t = g["t"]
    if g["y"]:
        day = _date(g["y"], g["m"], g["d"])
        return DueInterval(day, day, "day", time=t) if day else DueInterval()
    if g["ym_y"]:
        if not 1 <= g["ym_m"] <= 12:
            return DueInterval()
        return DueInterval(dt.date(g["ym_y"], g["ym_m"], 1), _month_end(g["ym_y"], g["ym_m"]), "month", time=t)
    if g["q_y"]:
        first = 3 * g["q"] - 2
        return DueInterval(dt.date(g["q_y"], first, 1), _month_end(g["q_y"], first + 2), "quarter", time=t)
    if g["yy"]:
        return DueInterval(dt.date(g["yy"], 1, 1), dt.date(g["yy"], 12, 31), "year", time=t)
    if g["a_m"]:     # a leap year admits every day of the calendar
        ok = _date(2024, g["a_m"], g["a_d"]) is not None
        return DueInterval(granularity="day", month=g["a_m"], day=g["a_d"], time=t) if ok else DueInterval()
    if g["am"]:
        return DueInterval(granularity="month", month=g["am"], time=t) if 1 <= g["am"] <= 12 else DueInterval()
    if g["md"]:
        return DueInterval(granularity="day", day=g["md"], time=t) if 1 <= g["md"] <= 31 else DueInterval()
    return DueInterval(granularity="weekday", weekday=g["w"], time=t)


def due_columns(row: dict) -> None:
    """Fill a deadlines row's calendar columns from its `due` code (dates as ISO text: the table
    casts them). A start or end the record already gives, as a date or a due code (a range read by
    the extractor: `tháng 3 - 4/2024` → due `2024-04`, start `2024-03`), is kept: the interval
    then runs from the start of the one to the end of the other."""
    iv = due_interval(row.get("due"))
    given_start, given_end = row.get("due_start"), row.get("due_end")
    start = due_interval(str(given_start)).start if given_start else iv.start
    end = due_interval(str(given_end)).end if given_end else iv.end
    row["due_start"], row["due_end"] = start and start.isoformat(), end and end.isoformat()
    row["due_granularity"] = iv.granularity
    row["due_month"], row["due_day"], row["due_weekday"], row["due_time"] = iv.month, iv.day, iv.weekday, iv.time
