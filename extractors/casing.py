"""Header lines are printed in capitals; values are stored in the case a reader expects."""
from __future__ import annotations

import regex

from extractors.vocab import ACRONYMS, LEVEL_NOUNS, POSITIONS

# Common nouns of several syllables whose later syllables stay lower case ('Ban Thường vụ').
FIXED_CASE = ("Ủy ban nhân dân", "Hội đồng nhân dân", "Ngân hàng", "Nhà nước", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy",
              "Đảng ủy", "Đảng bộ", "Thường vụ", "Chấp hành", "Bí thư", "Chủ tịch", "Giám đốc", "Tổ chức", "Trung ương",
              "Nhân dân", "Tuyên giáo", "Dân vận", "Kiểm tra", "Văn phòng", "Thường trực")
_FIXED = [(regex.compile(r"\b" + regex.escape(p.title()) + r"\b"), p) for p in FIXED_CASE]
_TOKEN = regex.compile(r"\S+")
_KEEP_AFTER_LEVEL = {"Đoàn", "Ủy", "Uỷ", "Đội", "Hội", "Đảng"}


def _word(token: str) -> str:
    bare = token.strip(",;:()")
    if bare in ACRONYMS or token in ACRONYMS:
        return token
    if any(ch.isdigit() for ch in bare) or "/" in bare or "&" in bare:
        return token
    return token[:1].upper() + token[1:].lower()


CAPITALS_SHARE = 0.8


def mostly_capitals(text: str) -> bool:
    """Printed in capitals (a header line): at least 80 % of its letters are upper case."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= CAPITALS_SHARE


def proper_case(text: str) -> str:
    """'BCH ĐOÀN TỈNH KIÊN GIANG' → 'BCH Đoàn tỉnh Kiên Giang'; mixed-case text is kept."""
    text = " ".join(text.split())
    if not mostly_capitals(text):
        return text
    words = [_word(t) for t in _TOKEN.findall(text)]
    for i in range(1, len(words) - 1):
        w = words[i].lower()
        two = f"{w} {words[i + 1].lower()}"
        nxt = words[i + 2] if two in LEVEL_NOUNS and i + 2 < len(words) else words[i + 1]
        if (w in LEVEL_NOUNS or two in LEVEL_NOUNS) and nxt[:1].isupper() and nxt not in _KEEP_AFTER_LEVEL \
                and words[i - 1].lower() not in LEVEL_NOUNS:
            words[i] = w
            if two in LEVEL_NOUNS:
                words[i + 1] = words[i + 1].lower()
    out = " ".join(words)
    for rx, phrase in _FIXED:
        out = rx.sub(phrase, out)
    return out


_POSITIONS = {k: e.value for k, e in POSITIONS.items()}


def position_case(text: str) -> str:
    """'PHÓ BÍ THƯ' → 'Phó Bí thư'; unknown posts in sentence case after 'Phó'."""
    key = " ".join(text.split()).upper()
    if key in _POSITIONS:
        return _POSITIONS[key]
    low = " ".join(text.split()).lower()
    if low.startswith("phó "):
        return "Phó " + low[4:5].upper() + low[5:]
    return low[:1].upper() + low[1:]
