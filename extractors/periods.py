"""Periods and recurrence in plain words, shared by targets (`period`) and deadlines (`recurrence`)."""
from __future__ import annotations

from typing import Optional

import regex

from extractors.dates import QUARTER, QUARTER_WORDS
from extractors.structure import matches_at, starts_of
from pipeline.patterns import alternation
from pipeline.vocab import PROGRAMME_PERIODS, RECURRENCE

_REC = sorted(RECURRENCE, key=len, reverse=True)
# not the "6 tháng" of "26 tháng 6"
RECURRENCE_RX = regex.compile(r"(?<![\p{L}\d])(?:" + "|".join(map(regex.escape, _REC)) + r")(?![\p{L}])",
                              regex.IGNORECASE)
_YEAR = r"(?:19|20)\d{2}"
_YEARS = rf"{_YEAR}[ ]{{0,3}}[-–][ ]{{0,3}}{_YEAR}"        # a range of years: '2011 - 2020'
_YEARS_RX = regex.compile(_YEARS)
# The period a target is for, as written: its forms, each with the words it may open with (a
# search of the alternation would try it at every character; it is tried only where one stands).
_PERIOD_FORMS = (
    (("từ nay",), rf"từ[ ]nay[ ]đến(?:[ ]hết)?[ ]năm[ ]{{1,3}}{_YEAR}"),        # 'Từ nay đến năm 2017'
    (("đến",), rf"đến(?:[ ]hết)?[ ]năm[ ]{{1,3}}{_YEAR}"),                       # 'đến hết năm 2025'
    (("trong", "giai đoạn", "nhiệm kỳ"),
     rf"(?:trong[ ])?(?:giai[ ]đoạn|nhiệm[ ]kỳ)[ ]{{1,3}}{_YEARS}"),            # 'giai đoạn 2026 - 2030'
    (("trong", "năm"), rf"(?:trong[ ])?năm[ ]{{1,3}}{_YEAR}(?![\d/ ]{{0,3}}[-–])"),  # 'trong năm 2021', 'năm 2024'
    (("hàng", "hằng"), r"(?:hàng|hằng)[ ](?:năm|quý|tháng)"),                   # 'Hàng năm'
    (("6",), r"6[ ]tháng[ ](?:đầu|cuối)[ ]năm"),                                # '6 tháng đầu năm'
    (("trong",), r"trong[ ]năm(?![ ]{0,3}\d)"),                                 # 'trong năm'
    (QUARTER_WORDS, QUARTER),                                                   # 'Quý I/2024'
)
PERIOD = regex.compile(r"(?<![\p{L}])(?:" + "|".join(form for _, form in _PERIOD_FORMS) + r")(?![\p{L}\d])",
                       regex.IGNORECASE)
PERIOD_OPENERS = tuple(sorted({w for words, _ in _PERIOD_FORMS for w in words}))
_PROGRAMME = regex.compile(
    r"(?:" + alternation(PROGRAMME_PERIODS) + r")"
    rf"[ ]{{0,3}}\(?[ ]{{0,2}}{_YEARS}", regex.IGNORECASE)


def recurrence_words(text: str) -> list[str]:
    """The recurrence words of the text, lower case, in order ('định kỳ', 'hằng quý')."""
    return [m.group().lower() for m in matches_at(RECURRENCE_RX, text, starts_of(text, RECURRENCE))]


def recurrence_of(text: str) -> Optional[str]:
    """CONTRACT recurrence named first in the text ('hàng năm' → annual), or None."""
    words = recurrence_words(text)
    return RECURRENCE[words[0]].value if words else None


def period_in(text: str) -> Optional[str]:
    """The first period phrase of the text, as written."""
    m = next(matches_at(PERIOD, text, starts_of(text, PERIOD_OPENERS)), None)
    return m.group().strip() if m else None


def programme_spans(text: str) -> list[tuple[int, int]]:
    """Spans of named programme periods ('giai đoạn 2011 - 2020'): never a deadline or a target."""
    # most lines: no range of years (bullet lines hold a dash: the range itself is looked for then)
    if ("-" not in text and "–" not in text) or not _YEARS_RX.search(text):
        return []
    return [m.span() for m in matches_at(_PROGRAMME, text, starts_of(text, PROGRAMME_PERIODS))]
