"""Deadlines: every dated obligation and schedule entry of the plan, normalized as CONTRACT.md says.

A date is a deadline of this document when
- a deadline cue stands right before it (`trước`, `chậm nhất là`, `đến`, `trong`, …: vocab.DEADLINE_CUES);
- it labels a schedule line ('- Tháng 01/2018: Triển khai …');
- it stands under a time label ('Thời gian thực hiện: Quý III/2024': vocab.DEADLINE_LABELS), or is the
  whole value of a line or of its label ('Phiên thứ I: Từ 7g00 - 11g30, ngày 15/6/2024 (thứ Bảy).');
- it recurs ('dịp 7/11 hàng năm'), or is listed with one of the above ('trước ngày 01/6 và 15/11').
A range ('từ ngày 02/02 – 15/02/2026', 'tháng 6-8') is one deadline: due = its end, `due_start` = its start.
Not deadlines: dates of cited documents and history ('Ngày 02/02/2018, Chính phủ đã ban hành'), reporting
points ('tính đến ngày 31/10'), forecasts, named programme periods ('giai đoạn 2011 - 2020') and horizons
('tầm nhìn đến năm 2045', 'Quy hoạch … đến năm 2030'), and a year merely qualifying a noun ('các hoạt
động dự kiến thực hiện trong năm 2026').
A date without a year takes the plan's year, or recurs when the sentence says so ('hàng năm'); a relative
year ('cùng năm', 'năm sau') is read against the plan's year, or stays null without one.
The assignee is filled later, by extractors/links.py.
"""
from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass
from typing import Mapping, Optional

import regex

from extractors import periods, structure
from extractors.dates import QUARTER_REST, QUARTER_WORDS, TIME, iso, quarter_number, valid_day_month
from pipeline.patterns import alternation
from pipeline.vocab import (DEADLINE_CUES, DESCRIBED_PERIOD_WORDS, DEADLINE_LABELS, GENERIC_RECURRENCE, HORIZON_WORDS,
                              RECURRENCE, RELATIVE_YEARS, STATEMENT_WORDS, STATUS_WORDS, WEEKDAYS)
from pipeline.models import Line, SegmentedDoc


@dataclass
class Deadline:
    due: Optional[str]
    recurrence: str
    raw: str
    task: str
    assignee: Optional[str]
    section: Optional[str]
    start: int
    end: int
    due_start: Optional[str] = None     # the start of a range ('từ ngày 02/02 – 15/02/2026' → 2026-02-02)


@dataclass(frozen=True)
class Form:
    """One way a date is written. `leads`: the lower-case words it opens with, or, with `digit`, what
    follows its opening number ('\\d{1,2}'). The form's pattern opens with its lead, so the places
    where a match may start (the scan's prefilter, `Scan`) are derived from the forms, not kept by hand."""

    leads: tuple[str, ...]
    rest: str
    example: str
    digit: bool = False

    @property
    def pattern(self) -> str:
        if self.digit:
            return rf"(?<!\d)(?={_NUMBER}(?:{self.leads[0]}))" + self.rest
        return rf"(?:{alternation(self.leads, '[ ]{1,2}')})" + self.rest


_NUMBER = r"\d{1,2}"          # what a digit form opens with
_Y = r"(?:19|20)\d{2}"
_REL = alternation(RELATIVE_YEARS, '[ ]{1,2}')
_NOT_NUM = r"(?![\d/]|[.\-]\d)"
_MONG = r"[ ]{1,3}(?:(?:mồng|mùng)[ ]{1,2})?"        # 'ngày mồng 3'
# '15/04/2024', '30.10', '15/12 năm sau'
_DAY_NUM = (rf"(?P<d>\d{{1,2}})[ ]{{0,1}}(?P<sep>[/.\-])[ ]{{0,1}}(?P<m>\d{{1,2}})"
            rf"(?:(?P=sep)(?P<y>{_Y}){_NOT_NUM}|{_NOT_NUM}(?:[ ]{{1,3}}(?P<rel>{_REL}))?)")
# '15 tháng 3 năm 2024', '31 tháng 12 cùng năm'
_DAY_WORDS = (rf"(?P<d>\d{{1,2}})[ ]{{1,3}}tháng[ ]{{1,3}}(?P<m>\d{{1,2}})"
              rf"(?:[ ]{{1,3}}năm[ ]{{1,3}}(?P<y>{_Y})|[ ]{{1,3}}(?P<rel>{_REL}))?")
DATE_FORMS = (
    Form(("ngày",), _MONG + _DAY_NUM, "ngày 15/04/2024"),
    Form((r"[ ]{0,1}[/.\-]",), _DAY_NUM, "30.10", digit=True),
    Form(("ngày",), _MONG + _DAY_WORDS, "ngày 15 tháng 3 năm 2024"),
    Form((r"[ ]{1,3}tháng[ ]{1,3}\d",), _DAY_WORDS, "31 tháng 12 cùng năm", digit=True),
    # a day of every month: 'ngày 10 hằng tháng', 'ngày mồng 3 hàng tháng', 'ngày 15 của tháng trước đó'
    Form(("ngày",), _MONG + r"(?P<dd>\d{1,2})[ ]{1,3}(?:(?:hàng|hằng)[ ]{1,2}tháng|của[ ]{1,2}(?:mỗi[ ]{1,2}|các[ ]{1,2})?tháng)",
         "ngày 10 hằng tháng"),
    # a month, a range of months: 'Tháng 01/2018', 'tháng 3', 'tháng 6-8', 'Tháng 3 - 4/2024', 'tháng 01 năm sau'
    Form(("tháng",), rf"[ ]{{1,3}}(?:(?P<m0>\d{{1,2}})[ ]{{0,2}}[-–][ ]{{0,2}}(?:tháng[ ]{{1,3}})?)?(?P<m3>\d{{1,2}})"
         rf"(?:[ ]{{0,1}}[/\-][ ]{{0,1}}(?P<y3>{_Y})|[ ]{{1,3}}năm[ ]{{1,3}}(?P<y3>{_Y})|[ ]{{1,3}}(?P<rel>{_REL}))?",
         "Tháng 3 - 4/2024"),
    Form(QUARTER_WORDS, QUARTER_REST, "Quý III/2024"),
    Form(("năm",), rf"[ ]{{1,3}}(?P<y4>{_Y})(?![ ]{{0,3}}[-–][ ]{{0,3}}\d)", "năm 2017"),
    # 'năm' alone after 'trong' (the plan's year); not 'năm học', 'năm sau'
    Form(("năm",), r"(?P<thisyear>)(?![ ]{0,3}(?:\d|học|sau|tới|trước))", "trong năm"),
)
# A weekday: a deadline only in a weekly sentence ('trước 16 giờ thứ Sáu hằng tuần'). Its own
# pattern, tried only on lines that say 'tuần': 'thứ' is too common a word to look at everywhere.
_WEEKDAY = rf"[ ]{{1,2}}(?P<wd>{alternation((k[4:] for k in WEEKDAYS if k.startswith('thứ ')), '[ ]{1,2}')})"
WEEKDAY_FORMS = (
    Form(("thứ",), _WEEKDAY, "thứ Sáu"),
    Form(("ngày",), r"[ ]{1,3}thứ" + _WEEKDAY, "ngày thứ Sáu"),
    Form(("chủ nhật",), r"(?P<wd>)", "Chủ nhật"),
)
# A time before the date: '16g00, ngày 15/04/2024', '14 giờ 30 phút, ngày 12/01/2026', '18g00 - 20g30, ngày 11/6'
_TIME_LEAD = r"[ ]{0,1}(?:g|h|giờ)"
_CLOCK = r"\d{1,2}[ ]{0,1}(?:g|h|giờ)(?:[ ]{0,1}\d{2})?(?:[ ]{0,1}phút)?"
_TIME_PREFIX = (rf"(?:(?<!\d)(?={_NUMBER}{_TIME_LEAD}){TIME}(?:[ ]{{0,1}}phút)?"
                rf"(?:[ ]{{0,2}}[-–][ ]{{0,2}}{_CLOCK})?[ ]{{0,2}},?[ ]{{0,2}})?")


@dataclass(frozen=True)
class Scan:
    """A pattern of date forms (after an optional time) and its prefilter, both built from the forms:
    the words a match may open with, and where one may open with a number (a time or a day).
    Example: in 'Kế hoạch số 125/KH' no number may open one (the '1' opens '125', too long for a day)."""

    pattern: regex.Pattern
    words: tuple[str, ...]
    digits: regex.Pattern
    ascii_digits: regex.Pattern     # `digits` for a text of ASCII digits only: it opens with '[0-9]', scanned for fast

    @classmethod
    def of(cls, forms: tuple[Form, ...]) -> "Scan":
        pattern = regex.compile(rf"{_TIME_PREFIX}(?:{'|'.join(f.pattern for f in forms)})(?![\p{{L}}\d])", regex.IGNORECASE)
        leads = "|".join([_TIME_LEAD, *(f.leads[0] for f in forms if f.digit)])
        digits = regex.compile(rf"(?<!\d){_NUMBER}(?:{leads})", regex.IGNORECASE)
        # _NUMBER is 1-2 digits; the case is ignored inside only (IGNORECASE would turn the fast scan off)
        ascii_digits = regex.compile(rf"[0-9](?<!\d[0-9])\d?(?i:{leads})")
        return cls(pattern, tuple(sorted({w for f in forms if not f.digit for w in f.leads})), digits, ascii_digits)

    def starts(self, text: str, lo: int = 0, hi: Optional[int] = None, ascii_text: bool = False) -> list[int]:
        """`ascii_text`: the caller knows that the whole text's digits are ASCII (not looked for again)."""
        digits = self.ascii_digits if ascii_text or structure.ascii_digits_only(text, lo, hi) else self.digits
        return structure.starts_of(text, self.words, lo, hi, digits)

    def matches(self, text: str, lo: int = 0, hi: Optional[int] = None) -> list[regex.Match]:
        """pattern.finditer(text) within [lo, hi), tried only where the prefilter allows."""
        return list(structure.matches_at(self.pattern, text, self.starts(text, lo, hi)))


DATES = Scan.of(DATE_FORMS)
WEEKDAYS_SCAN = Scan.of(WEEKDAY_FORMS)
# module-level names for every compiled pattern: tests/test_regex_speed.py runs each on adversarial lines
WHEN, WHEN_STARTS, WHEN_ASCII_STARTS = DATES.pattern, DATES.digits, DATES.ascii_digits
WEEKDAY_WHEN, WEEKDAY_STARTS, WEEKDAY_ASCII_STARTS = WEEKDAYS_SCAN.pattern, WEEKDAYS_SCAN.digits, WEEKDAYS_SCAN.ascii_digits
_WEEKDAY_NUMBER = {" ".join(k.split()): int(e.value) for k, e in WEEKDAYS.items()}

_EVENT_DAY = r"(?:ngày(?:[ ]{1,2}\p{L}{1,10}){1,3}[ ]{1,2})?"     # 'ngày bầu cử 15/3/2026': a day named by its event
_CUE = regex.compile(
    rf"(?<![\p{{L}}])(?:{alternation(DEADLINE_CUES, '[ ]{1,2}')})[ ]{{1,3}}"
    rf"{_EVENT_DAY}\(?$", regex.IGNORECASE | regex.REVERSE)     # matched backwards from the date: one try
_STATUS = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(STATUS_WORDS, '[ ]{1,2}')})[ ]{{1,2}}$", regex.IGNORECASE | regex.REVERSE)
_STATEMENT = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(STATEMENT_WORDS, '[ ]{1,2}')})(?![\p{{L}}])", regex.IGNORECASE)
_HORIZON = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(HORIZON_WORDS, '[ ]{1,2}')})(?![\p{{L}}])", regex.IGNORECASE)
_DESCRIBED = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(DESCRIBED_PERIOD_WORDS, '[ ]{1,2}')})(?![\p{{L}}])", regex.IGNORECASE)
_LABEL = regex.compile(rf"(?:{alternation(DEADLINE_LABELS, '[ ]{1,2}')})(?![\p{{L}}])", regex.IGNORECASE)
_FROM = regex.compile(r"(?<![\p{L}])từ[ ]{1,3}$", regex.IGNORECASE | regex.REVERSE)
# A bare 'trong năm' right after a month or a day only qualifies it ('đến hết tháng 6 trong năm',
# 'ngày 15/3 trong năm'): it is no deadline of its own. Matched backwards from 'năm'.
_OF_THE_YEAR = regex.compile(r"(?:tháng[ ]{1,3}\d{1,2}|\d{1,2}/\d{1,2})[ ]{1,3}trong[ ]{1,3}$",
                             regex.IGNORECASE | regex.REVERSE)
# Between the two ends of a range: '02/02/2026 – 15/02/2026', '20/12/2018 đến 04/4/2019', 'đến hết ngày 9/7'
_RANGE_JOIN = regex.compile(rf"[ ]{{0,3}}(?:[-–—]|đến(?:[ ]{{1,2}}hết)?[ ]{{1,3}}{_EVENT_DAY})[ ]{{0,3}}", regex.IGNORECASE)
# Between two items of a list: 'trước ngày 01/6 và 15/11', '3/2, 19/5, 2/9 và 7/11 hàng năm'
_LIST_JOIN = regex.compile(r"[ ]{0,2}(?:,|;|và|hoặc)[ ]{0,2}", regex.IGNORECASE)
_YEARLY_AFTER = regex.compile(r"[ ]{0,2}\)?[ ]{0,2}(?:hàng|hằng)[ ]{1,2}năm(?![\p{L}])", regex.IGNORECASE)
_YEARLY_REACH = 14        # _YEARLY_AFTER's 'năm' ends within its first 2 + 1 + 2 + 4 + 2 + 3 characters
# What may stand around a date that is the whole value of a line or label: 'Từ', 'Dự kiến', 'Trước ngày',
# and after it a weekday in brackets. Example: 'Phiên thứ I: Từ 7g00 - 11g30, ngày 15/6/2024 (thứ Bảy).'
_VALUE_BEFORE = regex.compile(r"[ ]{0,2}(?:\p{L}{1,8}[ ]{1,2}){0,2}\(?", regex.IGNORECASE)
_VALUE_AFTER = regex.compile(r"[ ]{0,2}\)?[ ]{0,2}(?:\([^()\n]{0,30}\))?[ ]{0,2}[.;,]?[ ]{0,2}\*{0,4}$")
_VALUE_REACH = (23, 46)     # the most characters _VALUE_BEFORE and _VALUE_AFTER can match: most dates are farther
_SCHEDULE_END = regex.compile(r"[ ]{0,3}(?:\([^()\n]{0,40}\)[ ]{0,2})?:[ ]{0,4}")
_SCHEDULE_REACH = 48      # a _SCHEDULE_END's colon is among its first 3 + 42 + 2 + 1 characters
# a past event: 'Trong năm 2023, toàn tỉnh đã thành lập…' (tried with match() at the date's end: a
# '^' there would only ever match at the line's start)
_PAST = regex.compile(r"[^.;:\n]{0,40}?(?<![\p{L}])đã(?![\p{L}])")
_CLAUSE_BREAK = regex.compile(r"[,;(:]")
_START = operator.attrgetter("start")
_WEEKLY = tuple(k for k, e in RECURRENCE.items() if e.value == "weekly")     # 'hằng tuần', 'hàng tuần'
_APPENDIX = regex.compile(r"[ *#]{0,4}phụ[ ]lục(?![\p{L}])", regex.IGNORECASE)     # 'PHỤ LỤC', '**Phụ lục I**'
_TASK_CHARS = 240
_CUE_WINDOW = 64
_CLAUSE_REACH = 200       # how far back a clause (or a sentence's forecast word) is read: keeps long lines linear


def _year(m: regex.Match, year: Optional[int], *groups: str) -> tuple[Optional[int], bool]:
    """(year, stated): the year the match writes, or a relative one read against the plan's year,
    or the plan's year. A relative year without a plan year is None: never invented."""
    for g in groups:
        if m.group(g):
            return int(m.group(g)), True
    if m.group("rel"):
        return (year + int(RELATIVE_YEARS[" ".join(m.group("rel").lower().split())].value) if year else None), True
    return year, False


def _due(m: regex.Match, year: Optional[int], recurrence: Optional[str]) -> tuple[Optional[str], str, Optional[str]]:
    """(normalized due, recurrence, start of a month range) for a WHEN match; due None when it is not a real date."""
    if _is_weekday(m):
        day = _WEEKDAY_NUMBER.get(" ".join(m.group().lower().split()[-2:]), 7) if m.group("wd") else 7
        at = f"T{int(m['hh']):02d}:{int(m['mi'] or 0):02d}" if m["hh"] is not None and int(m["hh"]) < 24 else ""
        return f"W{day}{at}", "weekly", None
    if m["dd"]:
        return f"---{int(m['dd']):02d}", "monthly", None
    if m["d"]:
        d, mo = m["d"], m["m"]
        if not valid_day_month(d, mo):
            return None, "none", None
        y, stated = _year(m, year, "y")
        if not stated and recurrence:
            return f"--{int(mo):02d}-{int(d):02d}", recurrence, None
        day = iso(d, mo, y) if y else None
        if day and m["hh"] is not None and int(m["hh"]) < 24:
            return f"{day}T{int(m['hh']):02d}:{int(m['mi'] or 0):02d}", "none", None
        return day, "none", None
    if m["m3"]:
        mo, first = int(m["m3"]), int(m["m0"]) if m["m0"] else None
        if not 1 <= mo <= 12 or (first is not None and not 1 <= first < mo):
            return None, "none", None
        y, stated = _year(m, year, "y3")
        if not stated and recurrence:
            return f"--{mo:02d}", "annual", f"--{first:02d}" if first else None
        if not y:
            return None, "none", None
        return f"{y}-{mo:02d}", "none", f"{y}-{first:02d}" if first else None
    if m["q"]:
        y = _year(m, year, "qy", "qy2")[0]
        return (f"{y}-Q{quarter_number(m['q'])}" if y else None), "none", None
    if m["y4"]:
        return m["y4"], "none", None
    return (str(year) if year else None), "none", None


def _recurrence(sentence: str) -> Optional[str]:
    """The recurrence the sentence names: a specific word ('hằng quý') over a generic one ('định kỳ')."""
    words = periods.recurrence_words(sentence)
    specific = [w for w in words if w not in GENERIC_RECURRENCE]
    return RECURRENCE[(specific or words)[0]].value if words else None


def scan(doc: SegmentedDoc, year: Optional[int], issued: Optional[str] = None) -> list[Deadline]:
    """Deadlines in the body and the appendix, line by line (no assignee: links.py fills it). `issued`:
    the document's ISO date, when known (a date reached before it is a reporting point, not a deadline)."""
    out = []
    for lines in (structure.body_lines(doc), appendix_lines(doc)):
        if not lines:
            continue
        starts = DATES.starts(doc.text, lines[0].start, lines[-1].end, structure.doc_ascii_digits(doc))
        # most lines have no date: only those that hold a place where one may start are visited
        for ln, here in structure.lines_holding(lines, starts):
            found = _dates(ln.text, here)
            if found:       # a line is read (marker, label, sentences) only for the dates it holds
                out.extend(_Line(doc, ln.start, ln.text, year, issued).deadlines(found))
    return out


def _dates(line: str, starts: list[int]) -> list[regex.Match]:
    """The date forms of the line that start at one of `starts` and, in a weekly sentence, its weekdays."""
    found = list(structure.matches_at(DATES.pattern, line, starts))
    if ("tuần" in line or "TUẦN" in line) and any(w in line.lower() for w in _WEEKLY):     # 'hằng tuần': weekdays too
        weekdays = WEEKDAYS_SCAN.matches(line)      # over a date form inside one ('năm' of 'thứ Năm')
        found = sorted(weekdays + [m for m in found
                                   if not any(m.start() < w.end() and w.start() < m.end() for w in weekdays)],
                       key=lambda m: m.start())
    return found


def appendix_lines(doc: SegmentedDoc) -> list[Line]:
    """The lines of an appendix after the body ('PHỤ LỤC' and its task table), or []: the segmenter
    has no block for it (the signature block may run into its first lines)."""
    if not doc.body:
        return []
    first = bisect.bisect_left(doc.lines, doc.body.end, key=_START)
    for i in range(first, len(doc.lines)):
        if _APPENDIX.match(doc.lines[i].text):
            return doc.lines[i:]
    return []


class _Line:
    """One body line: its dates, and the parts of it (marker, label, sentences, masks) that tell
    which are deadlines — each read only when a date needs it."""

    def __init__(self, doc: SegmentedDoc, start: int, line: str, year: Optional[int], issued: Optional[str]):
        self.doc, self.start, self.line, self.year, self.issued = doc, start, line, year, issued
        self._skip = self._label = self._masked = self._spans = None
        self._recurrences: dict[int, Optional[str]] = {}
        self._cues: dict[int, tuple[str, Optional[regex.Match]]] = {}

    # ------------------------------------------------------------ lazily read parts
    def skip(self) -> int:
        """Where the text after the marker starts."""
        if self._skip is None:
            self._skip = structure.strip_marker(self.line)[0]
        return self._skip

    def label(self) -> tuple[Optional[str], int]:
        """(the line's 'Label:', where its value starts) or (None, where the text starts)."""
        if self._label is None:
            lab, after = structure.label_at(self.line[self.skip():])
            self._label = (lab, self.skip() + after)
        return self._label

    def sentence(self, at: int) -> tuple[int, int]:
        if self._spans is None:
            self._spans = structure.sentences(self.line, 0, len(self.line))
        return structure.containing(self._spans, at)

    def masked(self, at: int) -> bool:
        if self._masked is None:
            self._masked = periods.programme_spans(self.line)
        return any(a <= at < b for a, b in self._masked)

    def cue(self, at: int) -> tuple[str, Optional[regex.Match]]:
        """(the text before a date at `at`, within the cue's reach; the deadline cue ending it or None):
        read when the date is judged and again for its record."""
        if at not in self._cues:
            before = self.line[max(0, at - _CUE_WINDOW):at]
            self._cues[at] = before, _CUE.match(before)
        return self._cues[at]

    def recurrence(self, at: int) -> Optional[str]:
        s0, s1 = self.sentence(at)
        if s0 not in self._recurrences:
            self._recurrences[s0] = _recurrence(self.line[s0:s1])
        return self._recurrences[s0]

    def schedule_end(self, start: int, end: int) -> Optional[regex.Match]:
        """The ': ' after a date that opens the line ('- Tháng 01/2018: Triển khai …'), or None."""
        if start != self.skip() or self.line.find(":", end, end + _SCHEDULE_REACH) < 0:
            return None
        return _SCHEDULE_END.match(self.line, end)

    def is_value(self, first: regex.Match, last: regex.Match) -> bool:
        """Whether the date (or range first–last) is the whole value of the line or of its label; a
        year alone only under a label (a table's column heading 'Năm 2025' is none)."""
        lab, value = self.label()
        labelled = lab is not None and first.start() >= value
        lo = value if labelled else self.skip()
        if first.start() - lo > _VALUE_REACH[0] or len(self.line) - last.end() > _VALUE_REACH[1]:
            return False
        return bool((labelled or _is_weekday(first) or not first.group("y4"))
                    and _VALUE_BEFORE.fullmatch(self.line, lo, first.start())
                    and _VALUE_AFTER.match(self.line, last.end()))

    def after_issue(self, due: str, reason: str) -> bool:
        """Whether the due ends after the issue date (for a 'value', 'cell' or 'opening', not on it
        either). Without an issue date: a date after a cue, or a label's value, is kept; a cell or an
        opening date needs a year no earlier than the plan's (without one, the text may be no plan at
        all: a history, a news article)."""
        last = _last_day(due)
        if last is None:
            return True
        if self.issued:
            return last >= self.issued + _AFTER_ISSUE[reason]
        return reason in ("reached", "value") or (self.year is not None and int(last[:4]) >= self.year)

    def clause_before(self, at: int) -> str:
        """The text from the clause's start (the sentence, marker, label or last ',;(:') to `at`."""
        lo = max(self.sentence(at)[0], self.skip(), self.label()[1] if self.label()[1] <= at else 0, at - _CLAUSE_REACH)
        text = self.line[lo:at]
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text)]
        return text[breaks[-1]:] if breaks else text

    # ------------------------------------------------------------ which dates are deadlines
    def _why(self, m: regex.Match) -> Optional[str]:
        """Why the date is a deadline on its own ('cue', 'label', 'schedule', 'value', 'yearly'), or None."""
        line = self.line
        if _is_weekday(m):
            return "weekly"         # kept only in a weekly sentence (_record)
        if m.group("dd"):
            return "monthly"        # 'đúng ngày mồng 3 hằng tháng': a recurring date is always a schedule
        if m.group("thisyear") is not None and not line[max(0, m.start() - 8):m.start()].lower().endswith("trong "):
            return None
        lab, value = self.label()
        if lab and m.start() >= value and _LABEL.match(lab):
            return "label"
        if self.schedule_end(m.start(), m.end()):
            return "schedule"
        before, cue = self.cue(m.start())
        if cue:
            if _PAST.match(line, m.end()):
                return None
            if m.group("y4") and _HORIZON.search(self.clause_before(m.start())):
                return None     # 'tầm nhìn đến năm 2045', 'Quy hoạch … đến năm 2030'
            if _STATUS.match(before, 0, cue.start()) or cue.group().lower().startswith("đến"):
                return "reached"    # 'tính đến ngày 31/10/2025', 'đến ngày 27/11': a deadline only after the issue date
            if m.group("thisyear") is not None and _OF_THE_YEAR.search(before):
                return None
            if (m.group("y4") or m.group("thisyear") is not None) and cue.group().lower().startswith("trong"):
                # 'trong năm 2025' is a deadline unless the clause describes what happens in it
                return None if _DESCRIBED.search(self.clause_before(m.start())) else "cue"
            if m.group("thisyear") is not None:
                return None
            return "cue"
        if m.group("thisyear") is not None:
            return None
        if self.is_value(m, m):
            if self.label()[0] is not None and m.start() >= self.label()[1]:
                return "value"      # the value of its label
            if m.group("d") is None:
                return "cell"       # a line of its own (a table cell); a day there is as often the document's own date
        if line.startswith(",", m.end()) and (m.group("m3") or m.group("q")) and self.clause_before(m.start()) == "":
            return "opening"        # 'Quý I/2027, các cơ quan … đánh giá' (a day there often tells history)
        if "năm" in line[m.end():m.end() + _YEARLY_REACH] and not m.group("y4") and _YEARLY_AFTER.match(line, m.end()):
            return "yearly"
        return None

    def deadlines(self, found: list[regex.Match]) -> list[Deadline]:
        """The deadlines among the line's dates (from _dates, sorted)."""
        line = self.line
        why = [self._why(m) for m in found]
        # an item of a list shares the reason of the item before it ('trước ngày 01/6 và 15/11'); a
        # recurring date, also of the items before it ('3/2, 19/5, 2/9 và 7/11 hàng năm')
        for i in range(1, len(found)):
            if why[i] is None and why[i - 1] and _LIST_JOIN.fullmatch(line, found[i - 1].end(), found[i].start()):
                why[i] = why[i - 1]
        for i in range(len(found) - 2, -1, -1):
            if why[i] is None and why[i + 1] == "yearly" and _LIST_JOIN.fullmatch(line, found[i].end(), found[i + 1].start()):
                why[i] = "yearly"
        out, i = [], 0
        while i < len(found):
            m = found[i]
            end = found[i + 1] if i + 1 < len(found) and _RANGE_JOIN.fullmatch(line, m.end(), found[i + 1].start()) else None
            reason = why[i] or (why[i + 1] if end else None)
            if reason is None and end is not None:
                if _FROM.match(line, max(0, m.start() - 8), m.start()):
                    reason = "range"    # 'từ ngày 02/02/2026 – 15/02/2026'
                elif self.is_value(m, end):
                    reason = "cell"     # '10/7/2026 - 13/7/2026' on a line of its own
            i += 2 if end is not None and reason else 1
            if reason is None or self.masked(m.start()):
                continue
            rec = self._record(m, end, reason)
            if rec:
                out.append(rec)
        return out

    def _record(self, m: regex.Match, end: Optional[regex.Match], reason: str) -> Optional[Deadline]:
        line = self.line
        rec = self.recurrence(m.start())
        if _is_weekday(m) and rec != "weekly":
            return None     # a weekday in brackets after a date, or a one-off weekday
        if _STATEMENT.search(line, max(self.sentence(m.start())[0], m.start() - _CLAUSE_REACH), m.start()):
            return None     # 'Theo dự báo, … từ nay đến ngày 18/11'
        yearly = rec if rec in ("annual", "semiannual", "quarterly") else None
        due, recurrence, first = _due(end or m, self.year, yearly)
        if end is not None:
            first = _due(m, _stated_year(end) or self.year, yearly)[0] or first
        if due is None and reason not in _MAY_BE_YEARLESS:
            return None     # a stray day ('10 tháng 2' in a list of events) in a text without a year
        if due is not None and reason in _AFTER_ISSUE and not self.after_issue(due, reason):
            return None     # reached before the document was issued: a reporting point or a past event
        last = end or m
        schedule = self.schedule_end(m.start(), last.end())
        if schedule:
            task = line[schedule.end():]
        else:
            s0, s1 = self.sentence(m.start())
            task = structure.strip_marker(line[s0:s1])[1]
            task = task[structure.label_at(task)[1]:]
        sec = structure.section_at(self.doc, self.start + m.start())
        before, cue = self.cue(m.start())
        raw_start = m.start() - len(before) + cue.start() if cue else m.start()
        # positional: a dataclass __init__ takes them about twice as fast as keywords
        return Deadline(due, recurrence, line[raw_start:last.end()].strip(" ("),               # due, recurrence, raw,
                        task.strip()[:_TASK_CHARS], None, sec.path if sec else None,           # task, assignee, section,
                        self.start + raw_start, self.start + last.end(), first)                # start, end, due_start


# Reasons that hold only for a date after the issue date: ('', strictly before it is out; '~', on it too)
_AFTER_ISSUE = {"reached": "", "value": "~", "cell": "~", "opening": "~"}
# Reasons strong enough for a deadline whose year is unknown (a null due, as CONTRACT.md wants)
_MAY_BE_YEARLESS = {"cue", "label", "reached"}


def _last_day(due: str) -> Optional[str]:
    """The last ISO day a due covers ('2025-Q4' → '2025-12-31', '2025-11' → '2025-11-31': compared as
    text only), or None for a recurring due."""
    if not due[:1].isdigit():
        return None
    if "-Q" in due:
        return f"{due[:4]}-{3 * int(due[-1]):02d}-31"
    return {4: due + "-12-31", 7: due + "-31"}.get(len(due), due[:10])


def _is_weekday(m: regex.Match) -> bool:
    return m.re is WEEKDAYS_SCAN.pattern


def _stated_year(m: regex.Match) -> Optional[int]:
    """The year a match writes ('15/02/2026' → 2026): the start of a range takes it ('15/01 - 24/01/2026')."""
    for g in ("y", "y3", "qy", "qy2", "y4"):
        if m.groupdict().get(g):
            return int(m.group(g))
    return None


def extract(doc: SegmentedDoc, found: Mapping[str, list]) -> list[Deadline]:
    issued = next((f.value for f in found.get("fields", []) if f.field == "issue_date" and f.value), None)
    return scan(doc, structure.doc_year(doc, found), issued)
