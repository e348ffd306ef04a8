"""Layout patterns shared by the readers, the segmenter and the extractors: the lines a Vietnamese
administrative document is built of (type line, `Số` line, `V/v`, place-and-date, `Nơi nhận`,
signing prefixes, a signer's name), each with an example. One place, so that a reader that finds
columns, the segmenter that finds zones and an extractor that reads a field agree on what a line is.
"""
from __future__ import annotations

import unicodedata
from typing import Optional

import regex

from pipeline.models import Line
from pipeline.vocab import BODY_OPENERS, NAME_PREFIXES, POSITIONS, SIGNING_PREFIXES, TYPE_WORDS

TITLE_LINES = 6
def alternation(words, space: str = r"\ ") -> str:
    """Words as regex alternatives, escaped, longest first (so 'kế hoạch liên tịch' wins over
    'kế hoạch'); a space inside a word matches `space` (a literal space by default)."""
    return "|".join(regex.escape(w).replace(r"\ ", space) for w in sorted(words, key=len, reverse=True))


def trie_alternation(words, space: str = r"\ ") -> str:
    r"""alternation(words, space) as one group with the words' shared beginnings factored out
    ('báo cáo|bộ máy|ban' → '(?:b(?:áo\ cáo|ộ\ máy|an))'), matching the same: `regex` tries the
    branches of an alternation one after the other, here only those that go on with the next
    character. A word that another one continues is tried after it, as alternation() tries the
    longest first; words of which neither begins the other never match at the same place, so the
    order of the rest does not matter. (For a forward match: a REVERSE pattern matches words ending
    at the same place, which share their ends.) Under IGNORECASE give the words in one case, so
    that 'Ban' and 'ban tổ chức' share a path."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}           # a word ends here: tried after the words that go on
    def group(node: dict) -> str:
        branches = "|".join((space if ch == " " else regex.escape(ch)) + group(child) for ch, child in node.items() if ch)
        if not branches:
            return ""
        return f"(?:{branches})?" if "" in node else f"(?:{branches})"
    return group(root)


_TYPE_NAMES = sorted({k.upper() for k in TYPE_WORDS if len(k) > 3}, key=len, reverse=True)
TYPE_LINE = regex.compile(
    r"^[ ]{0,40}(?P<type>" + "|".join(map(regex.escape, _TYPE_NAMES)) + r")(?P<rest>(?:[ ,]{1,3}[\p{Lu}\d][\p{Lu}\d,.\-–/()]*){0,20})[ ]{0,20}$")
SEPARATOR = regex.compile(r"^[ ]{0,40}(?:[-_=–—.*]{3,}|\*[ ]?\*[ ]?\*)[ ]{0,40}$")
RECIPIENTS = regex.compile(r"^[ ]{0,40}(?:N[ơo]i[ ]{1,3}nh[ậa]n)[ ]{0,3}:?", regex.IGNORECASE)
# … as the heading of the list: a colon or nothing after it ('Nơi nhận hồ sơ: …' is a sentence).
RECIPIENTS_HEAD = regex.compile(r"^[ ]{0,40}(?:N[ơo]i[ ]{1,3}nh[ậa]n)[ ]{0,3}(?::|[ ]{0,20}$)", regex.IGNORECASE)
PREFIX_ALT = alternation(SIGNING_PREFIXES)
# 'TM. BAN …', 'T/M BAN …', 'KT.TRƯỞNG BAN' (no space after the dot)
AFTER_PREFIX = r"(?:[ ]{0,2}\.[ ]{0,4}|[ ]{1,4})\p{Lu}"
SIGN_PREFIX = regex.compile(r"^[ ]{0,60}(?:" + PREFIX_ALT + r")" + AFTER_PREFIX)
# A prefix alone on its line, its body or post on the next: 'TL.' / 'CỤC TRƯỞNG'.
BARE_PREFIX = regex.compile(r"^[ ]{0,60}(?:" + "|".join(regex.escape(k) for k in SIGNING_PREFIXES if len(k) > 1)
                            + r")[ ]{0,2}\.?[ ]{0,20}$")
BODY_OPENER = regex.compile(r"^[ ]{0,40}(?:" + "|".join(map(regex.escape, BODY_OPENERS)) + r")\b")


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for part in text.split("\n"):
        lines.append(Line(pos, pos + len(part), part))
        pos += len(part) + 1
    return lines



def _base_letters() -> dict[int, str]:
    """Vietnamese letters → their base letter, one char for one ('Ế' → 'E'); Đ/đ kept."""
    table = {}
    for cp in range(0xC0, 0x1EFA):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if ch not in "Đđ" and base != ch and base.isalpha():
            table[cp] = base
    return table

_BASE = _base_letters()


def fold_marks(text: str) -> str:
    """The text without tone and vowel marks, offsets unchanged: OCR misreads marks
    ('QUYÉT ĐỊNH' for 'QUYẾT ĐỊNH') far more often than letters."""
    return text.translate(_BASE)

_FOLDED_TYPE_LINE = regex.compile(fold_marks(TYPE_LINE.pattern))
_TYPE_OF_FOLDED = {fold_marks(k.upper()): e for k, e in TYPE_WORDS.items()}


def match_type_line(text: str):
    """TYPE_LINE on the line, else on the line without marks (same offsets); a type line is in
    capitals, so only such a line is folded."""
    return TYPE_LINE.match(text) or (text.isupper() and _FOLDED_TYPE_LINE.match(fold_marks(text)))



def type_entry(word: str):
    """The TYPE_WORDS entry of a type word as printed (marks misread or not)."""
    return TYPE_WORDS.get(word.lower()) or _TYPE_OF_FOLDED.get(fold_marks(word.upper()))

# ---------------------------------------------------------------- the closing zone
# A personal name: 2–6 capitalised syllables, no digits ('Hoàng Thị Thanh Thúy', 'NGUYỄN VĂN A').
_NAME_PREFIX = "|".join(r"[ ]{1,2}".join(map(regex.escape, k.split()))
                        for k in sorted(NAME_PREFIXES, key=len, reverse=True))
NAME = regex.compile(r"^[ ]{0,60}(?:(?:" + _NAME_PREFIX + r")[ ]{0,2})?"
                     r"(\p{Lu}[\p{Ll}\p{Lu}]{0,7}(?:[ ]{1,2}\p{Lu}[\p{Ll}\p{Lu}]{0,7}){1,5})[ ]{0,20}$")
_FOLDED_NAME = regex.compile(fold_marks(NAME.pattern))


def match_name(text: str):
    """NAME on the line, else on the line without marks (same offsets): a rank or title before
    the name that OCR printed with a wrong mark ('Thiêu tướng Trương Minh Đương') is still one."""
    return NAME.match(text) or _FOLDED_NAME.match(fold_marks(text))


# Marks of the signing act, not text: '(Đã ký)', 'Đã ký', '(ký, đóng dấu)', '(Ký tên, đóng dấu)', '[daky]'.
SIGNED = regex.compile(r"^[ (\[]{0,3}(?:đã[ ]{1,2}ký|ký[ ,]{1,2}(?:tên|đóng dấu|ghi rõ)|daky|ký)[^\n]{0,30}$",
                       regex.IGNORECASE)
POST_CHARS = 60             # a post printed alone on its line is no longer
_POSITION_LINES = {k for k in POSITIONS}


def _loose(text: str) -> str:
    """A post as OCR may print it, reduced to a key: capitals without marks, spaces and dots
    ('BíTHƯ', 'GIÁM ĐÓC', 'PHÓ TÔNG BIÊN TẬP' → 'BITHU', 'GIAMĐOC', 'PHOTONGBIENTAP')."""
    return fold_marks("".join(text.upper().split()).replace(".", ""))


_LOOSE_POSITIONS = {_loose(k): k for k in POSITIONS}
# keys two posts share ('THỨ TRƯỞNG', 'THỦ TRƯỞNG'): a post, but which one only its printed marks say
_AMBIGUOUS = {key for key in _LOOSE_POSITIONS if sum(_loose(k) == key for k in POSITIONS) > 1}
_LOOSE_DEPUTY = _loose("PHÓ ")


def known_position(text: str) -> Optional[str]:
    """The post of the closed vocabulary that a line prints ('PHÓ CHỦ NHIỆM' for 'Phó Chủ nhiệm'),
    as printed or as OCR reads it: marks lost or swapped, a space lost ('BíTHƯ' → 'BÍ THƯ');
    the deputy ('PHÓ …') of each post too. None for any other line."""
    key = " ".join(text.split()).upper()
    if key in _POSITION_LINES or (key.startswith("PHÓ ") and key[4:] in _POSITION_LINES):
        return key
    loose = _loose(text) if len(text) <= POST_CHARS else ""
    if loose in _AMBIGUOUS:
        return key
    if loose in _LOOSE_POSITIONS:
        return _LOOSE_POSITIONS[loose]
    if loose.startswith(_LOOSE_DEPUTY) and loose[len(_LOOSE_DEPUTY):] in _LOOSE_POSITIONS:
        return "PHÓ " + _LOOSE_POSITIONS[loose[len(_LOOSE_DEPUTY):]]
    return None


def is_position(text: str) -> bool:
    """A post printed on its own line ('GIÁM ĐỐC', 'Phó Chủ tịch', 'PHÓ CHỦ NHIỆM', OCR's 'GIÁM ĐÓC')."""
    return known_position(text) is not None

# The subject line of a công văn: 'V/v tổ chức hội nghị', also quoted or bracketed.
VV_LINE = regex.compile(r"^[ ]{0,40}[\"“(]?V/v[ ]{0,3}:?[ ]{0,3}", regex.IGNORECASE)
# … or spelled out in the header: 'Về việc cử lãnh đạo tham gia …' (the words stay in the title).
SUBJECT_LINE = regex.compile(r"^[ ]{0,40}[\"“(]?(?:(?i:V/v)|Về[ ]việc|VỀ[ ]VIỆC)(?![\p{L}])")
# 'Số:' opens a line of the header ('Số 127-QĐ/HU' in Party texts; 'SỐ:' in capitals); a 'số'
# inside a sentence ('Nghị định số 161/2024/NĐ-CP') is a citation, not the document's number.
SO_LINE = regex.compile(
    r"^[ \t]{0,40}(?:Số|SỐ|Sô)[ ]{0,3}:?[ ]{0,8}"
    r"(?=[ ]{0,30}(?:[\d/.…_\-–]|$|\p{Lu}\p{L}{0,3}[ ]{0,2}[-–/]))")   # a number, a blank, OCR'd digits: not 'Số hiệu:'
# A date line, even one that OCR garbled or a draft left blank: 'ngày A| tháng 02', 'ngày … tháng'.
DATE_HINT = regex.compile(r"ngày[^\n]{0,16}?tháng", regex.IGNORECASE)
