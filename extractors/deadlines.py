"""Deadlines: every dated obligation and schedule entry of the plan, normalized as CONTRACT.md says.

A date is a deadline of this document when a deadline cue stands right before it (`trước`,
`chậm nhất là`, `trong`, `vào`, `từ nay đến`, …) or when it labels a schedule line
('- Tháng 01/2018: Triển khai …'). Dates of cited documents and history ('Ngày 02/02/2018, Chính phủ
đã ban hành') have neither; named programme periods ('giai đoạn 2011 - 2020') are masked.
A date without a year takes the plan's year, or recurs when the sentence says so ('hàng năm').
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping, Optional

import regex

from extractors import periods, structure
from extractors.dates import QUARTER, TIME, quarter_number, valid_day_month, iso
from extractors.vocab import DEADLINE_CUES
from pipeline.models import SegmentedDoc


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


_Y = r"(?:19|20)\d{2}"
# The date part. Examples: '16g00, ngày 15/04/2024', 'ngày 30/10', 'ngày 10 hàng tháng', 'Tháng 01/2018',
# 'tháng 3', 'Quý III/2024', 'năm 2017', and 'năm' alone after 'trong' (the plan's year).
WHEN = regex.compile(
    rf"(?:{TIME}[ ]{{0,2}},?[ ]{{0,2}})?(?:"
    rf"(?:ngày[ ]{{1,3}})?(?P<d>\d{{1,2}})[ ]{{0,1}}(?P<sep>[/.\-])[ ]{{0,1}}(?P<m>\d{{1,2}})(?:(?P=sep)(?P<y>{_Y}))?(?![\d/]|[.\-]\d)"
    rf"|ngày[ ]{{1,3}}(?P<d2>\d{{1,2}})[ ]{{1,3}}tháng[ ]{{1,3}}(?P<m2>\d{{1,2}})(?:[ ]{{1,3}}năm[ ]{{1,3}}(?P<y2>{_Y}))?"
    r"|ngày[ ]{1,3}(?P<dd>\d{1,2})[ ]{1,3}(?:hàng|hằng)[ ]tháng"
    rf"|tháng[ ]{{1,3}}(?P<m3>\d{{1,2}})(?:[ ]{{0,1}}/[ ]{{0,1}}(?P<y3>{_Y})|[ ]{{1,3}}năm[ ]{{1,3}}(?P<y3b>{_Y}))?"
    rf"|{QUARTER}"
    rf"|năm[ ]{{1,3}}(?P<y4>{_Y})(?![ ]{{0,3}}[-–][ ]{{0,3}}\d)"
    r"|(?P<thisyear>năm)(?![ ]{0,3}(?:\d|học))"
    r")(?![\p{L}\d])", regex.IGNORECASE)
_WHEN_WORDS = ("ngày", "tháng", "quý", "năm")        # what a WHEN match starts with, when not a digit
# Where a WHEN match may start with a digit: a TIME's hour ('16g00', '8 giờ') or a day before its
# separator ('15/04', '30.10'). Example: in 'Kế hoạch số 125/KH' only '2' and '5' (the '1' stands 3 digits before '/').
_WHEN_DIGIT = regex.compile(r"\d(?=\d?[ ]?[/.\-gh])", regex.IGNORECASE)
_CUE = regex.compile(
    r"(?<![\p{L}])(?:" + "|".join(regex.escape(c) for c in sorted(DEADLINE_CUES, key=len, reverse=True))
    + r")[ ]{1,3}\(?$", regex.IGNORECASE | regex.REVERSE)     # matched backwards from the date: one try
_SCHEDULE_END = regex.compile(r"[ ]{0,3}(?:\([^()\n]{0,40}\)[ ]{0,2})?:[ ]{0,4}")
_SCHEDULE_REACH = 48      # a _SCHEDULE_END's colon is among its first 3 + 42 + 2 + 1 characters
# a past event: 'Trong năm 2023, toàn tỉnh đã thành lập…' (tried with match() at the date's end: a
# '^' there would only ever match at the line's start)
_PAST = regex.compile(r"[^.;:\n]{0,40}?(?<![\p{L}])đã(?![\p{L}])")
_TASK_CHARS = 240
_CUE_WINDOW = 40


def _due(m: regex.Match, year: Optional[int], recurrence: Optional[str]) -> tuple[Optional[str], str]:
    """(normalized due, recurrence) for a WHEN match, or (None, …) when it is not a real date."""
    if m["dd"]:
        return f"---{int(m['dd']):02d}", "monthly"
    d, mo, y = (m["d"], m["m"], m["y"]) if m["d"] else (m["d2"], m["m2"], m["y2"])
    if d:
        if not valid_day_month(d, mo):
            return None, "none"
        if y:
            day = iso(d, mo, y)
            if day and m["hh"] is not None and int(m["hh"]) < 24:
                return f"{day}T{int(m['hh']):02d}:{int(m['mi'] or 0):02d}", "none"
            return day, "none"
        if recurrence:
            return f"--{int(mo):02d}-{int(d):02d}", recurrence
        return (iso(d, mo, year) if year else None), "none"
    if m["m3"]:
        mo, y = int(m["m3"]), m["y3"] or m["y3b"]
        if not 1 <= mo <= 12:
            return None, "none"
        if y:
            return f"{y}-{mo:02d}", "none"
        if recurrence:
            return f"--{mo:02d}", "annual"
        return (f"{year}-{mo:02d}" if year else None), "none"
    if m["q"]:
        y = m["qy"] or m["qy2"] or year
        return (f"{y}-Q{quarter_number(m['q'])}" if y else None), "none"
    if m["y4"]:
        return m["y4"], "none"
    return (str(year) if year else None), "none"


def scan(doc: SegmentedDoc, year: Optional[int]) -> list[Deadline]:
    """Deadlines in the body, line by line (no assignee: the extractor links it)."""
    out = []
    if not doc.body:
        return out
    starts = structure.starts_of(doc.text, _WHEN_WORDS, doc.body.start, doc.body.end, _WHEN_DIGIT)
    # most lines have no date: only those that hold a place where one may start are visited
    for ln, here in structure.lines_holding(structure.body_lines(doc), starts):
        out.extend(_in_line(doc, ln.start, ln.text, year, here))
    return out


def _in_line(doc: SegmentedDoc, start: int, line: str, year: Optional[int], starts: list[int]) -> list[Deadline]:
    out = []
    found = list(structure.matches_at(WHEN, line, starts))
    if not found:
        return out
    skip = None             # where the text after the marker starts: read only for a date a ':' follows
    masked = spans = None   # read only for a line that has a cued date (most dates have no cue)
    recurrences = {}        # sentence start → its recurrence word, read once
    for m in found:
        before = line[max(0, m.start() - _CUE_WINDOW):m.start()]
        schedule = line.find(":", m.end(), m.end() + _SCHEDULE_REACH) >= 0
        if schedule:
            if skip is None:
                skip = structure.strip_marker(line)[0]
            schedule = m.start() == skip and _SCHEDULE_END.match(line, m.end()) is not None
        cue = _CUE.match(before)
        if not schedule and (not cue or _PAST.match(line, m.end())):
            continue
        if m.group("thisyear") and not (cue and cue.group().lower().startswith("trong")):
            continue
        if masked is None:
            masked = periods.programme_spans(line)
            spans = structure.sentences(line, 0, len(line))
        if any(a <= m.start() < b for a, b in masked):
            continue
        s0, s1 = structure.containing(spans, m.start())
        sentence = line[s0:s1]
        if s0 not in recurrences:
            recurrences[s0] = periods.recurrence_of(sentence)
        rec = recurrences[s0]
        due, recurrence = _due(m, year, rec if rec in ("annual", "semiannual", "quarterly") else None)
        if schedule:
            task = line[_SCHEDULE_END.match(line, m.end()).end():]
        else:
            task = structure.strip_marker(sentence)[1]
            task = task[structure.label_at(task)[1]:]
        sec = structure.section_at(doc, start + m.start())
        raw_start = m.start() - len(before) + cue.start() if cue else m.start()
        out.append(Deadline(due=due, recurrence=recurrence, raw=line[raw_start:m.end()].strip(" ("),
                            task=task.strip()[:_TASK_CHARS], assignee=None, section=sec.path if sec else None,
                            start=start + raw_start, end=start + m.end()))
    return out


def in_body(doc: SegmentedDoc, year: Optional[int]) -> list[Deadline]:
    """The deadlines of the body (read-only: shared). Scanned once per document and year, since
    assignments reads them too (the first due of each assigned line)."""
    cached = doc.__dict__.get("_body_deadlines")
    if cached is None or cached[0] is not doc.body or cached[1] != year:
        found = scan(doc, year)
        cached = doc.__dict__["_body_deadlines"] = (doc.body, year, found)
    return cached[2]


def _innermost(starts: list[int], spans: list) -> list:
    """For each offset (in any order), the shortest span holding it, or None: one sweep over both
    sorted, keeping only the spans still open, so a long plan costs n log n, not deadlines × spans."""
    spans = sorted(spans, key=lambda a: a.start)
    out: list = [None] * len(starts)
    open_: list = []
    i = 0
    for k in sorted(range(len(starts)), key=starts.__getitem__):
        at = starts[k]
        while i < len(spans) and spans[i].start <= at:
            open_.append(spans[i])
            i += 1
        open_ = [a for a in open_ if a.end > at]
        if open_:
            out[k] = min(open_, key=lambda a: a.end - a.start)
    return out


def extract(doc: SegmentedDoc, found: Mapping[str, list]) -> list[Deadline]:
    body = in_body(doc, structure.doc_year(doc, found))
    # the innermost assignment around the deadline is whose it is; a copy keeps the shared scan intact
    owners = _innermost([dl.start for dl in body], [a for a in found.get("assignments", []) if a.role != "member"])
    return [replace(dl, assignee=owner.assignee if owner else None) for dl, owner in zip(body, owners)]
