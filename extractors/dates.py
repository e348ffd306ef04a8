"""Date forms shared by the extractors, each with an example."""
from __future__ import annotations

import datetime
from typing import Optional

import regex

from pipeline.vocab import PLACE_PREFIXES

_PREFIXES = "|".join(PLACE_PREFIXES)


# 'Rạch Giá, ngày 28 tháng 5 năm 2014', 'TP. Hồ Chí Minh, ngày 09 tháng 02 năm 2018',
# 'Thành phố Hồ Chí Minh, ngày 12 tháng 4 năm 2023'; a draft leaves the day blank or dotted:
# 'Đà Nẵng, ngày …. tháng ….. năm 2018' (no date then).
def _place(sp: str) -> str:
    """A place name before the date, `sp` being the characters that may stand between words."""
    return (rf"(?:(?:TP|Tp|TX|Tx|TT|Tt)\.[{sp}]{{0,1}}|(?:{_PREFIXES})[{sp}])?"
            rf"\p{{Lu}}\p{{Ll}}+(?:(?:[{sp}]{{1,2}}|[{sp}]?-[{sp}]?)\p{{Lu}}\p{{Ll}}+){{0,5}}")


def _dateline(sp: str) -> str:
    """The place-and-date pattern, `sp` being the characters that may stand between words."""
    place = _place(sp)
    gap = rf"[{sp}.…_]{{0,16}}"          # spaces, or the dots of a blank left to fill in
    return (rf"(?:(?P<place>{place})[ ]{{0,3}},[{sp}]{{0,3}})?"
            rf"[Nn]gày(?:{gap}(?P<d>\d{{1,2}})?{gap}|[^\d\n]{{1,8}}?)"     # the day, blank, or a scan's specks
            rf"tháng{gap}(?P<m>\d{{1,2}})?{gap}năm[{sp}]{{0,3}}(?P<y>\d{{4}})")


DATELINE = regex.compile(_dateline(" "))
# The same line broken across the lines of a table cell: 'Lai Châu, ngày' / '19 tháng 11 năm 2025'.
DATELINE_WRAPPED = regex.compile(_dateline(r" \n"))
# The place of a date line whose date a scan garbled: 'Ngũ Hành Sơn, ngàyA| tháng.| năm 2019'.
PLACE_DAY = regex.compile(rf"(?P<place>{_place(' ')})[ ]{{0,3}},[ ]{{0,3}}[Nn]gày")
# The statement that dates a law, an ordinance or a resolution of an elected body (Quốc hội, its
# Standing Committee, a HĐND): the day it was adopted, its date when the copy has no date line.
# 'này' (this one) only: a cited law's adoption is not this document's date.
# Example: 'Nghị quyết này đã được Hội đồng nhân dân tỉnh Lâm Đồng khóa X, Kỳ họp thứ 9 thông qua
# ngày 10 tháng 7 năm 2024.' (body: 'Hội đồng nhân dân tỉnh Lâm Đồng')
ADOPTION_DATE = regex.compile(
    r"(?:[Bb]ộ[ ]luật|[Ll]uật|[Pp]háp[ ]lệnh|[Nn]ghị[ ]quyết)[ ]này[ ](?:đã[ ])?được[ ]"
    # the adopting body: up to its term ('khóa XV'), its sitting, or the name of the State
    r"(?P<body>\p{Lu}[^\n,]{2,100}?)(?=[ ]nước[ ]Cộng|[ ]kh[oó]a[ ]|,|[ ]tại[ ]|[ ]thông[ ]qua)[^\n]{0,300}?"
    r"thông[ ]qua[ ]{1,2}ngày[ ]{1,3}(?P<d>\d{1,2})[ ]{1,3}tháng[ ]{1,3}(?P<m>\d{1,2})[ ]{1,3}năm[ ]{1,3}(?P<y>\d{4})")
# '05/3/2014', '01-10-1997', '15.4.2024'
NUMDATE = regex.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})[ ]{0,1}(?P<sep>[/.-])[ ]{0,1}(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?![\d/])")
# 'ngày 15 tháng 3 năm 2024' (in running text, no place)
WORDDATE = regex.compile(r"(?P<d>\d{1,2})[ ]{1,3}tháng[ ]{1,3}(?P<m>\d{1,2})[ ]{1,3}năm[ ]{1,3}(?P<y>\d{4})")


def iso(d, m, y) -> Optional[str]:
    """ISO date, or None when a part is missing or the date does not exist."""
    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------- deadline parts (commitments)
# '16g00', '16h00', '7h30', '14 giờ 00'
TIME = r"(?P<hh>\d{1,2})[ ]{0,1}(?:g|h|giờ)[ ]{0,1}(?P<mi>\d{2})?(?![\p{L}\d])"
# 'Quý III/2024', 'quý I năm 2025', 'Quý 2', 'Quí IV-2025' (QUARTER_REST: what follows the word)
QUARTER_WORDS = ("quý", "quí")
QUARTER_REST = r"[ ]{1,3}(?P<q>IV|I{1,3}|[1-4])(?![\p{L}\d])(?:[ ]{0,1}[/\-][ ]{0,1}(?P<qy>(?:19|20)\d{2})|[ ]{1,3}năm[ ]{1,3}(?P<qy2>(?:19|20)\d{2}))?"
QUARTER = r"[Qq]u[ýí]" + QUARTER_REST
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def quarter_number(q: str) -> int:
    """'III', 'iii' or '3' → 3."""
    return _ROMAN.get(q.upper()) or int(q)


def valid_day_month(d, m) -> bool:
    """True for a day and month that exist in a leap year ('30/10' yes, '31/4' no)."""
    return iso(d, m, 2000) is not None
