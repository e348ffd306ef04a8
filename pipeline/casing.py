"""Header lines are printed in capitals; values are stored in the case a reader expects."""
from __future__ import annotations

import regex

from pipeline.vocab import (ACRONYMS, LEVEL_COMPOUNDS, LEVEL_NOUNS, PLACE_STOP_WORDS, PLACE_WORDS, POSITIONS,
                              PROPER_PHRASES, SYLLABLE_ACRONYMS, TYPE_WORDS)

# Common nouns of several syllables whose later syllables stay lower case ('Ban Thường vụ').
FIXED_CASE = ("Ủy ban nhân dân", "Hội đồng nhân dân", "Ngân hàng", "Nhà nước", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy",
              "Đảng ủy", "Đảng bộ", "Thường vụ", "Chấp hành", "Bí thư", "Chủ tịch", "Giám đốc", "Tổ chức", "Trung ương",
              "Nhân dân", "Tuyên giáo", "Dân vận", "Kiểm tra", "Văn phòng", "Thường trực",
              "Hội đồng", "Giáo dục", "Đào tạo", "Y tế", "Nội vụ", "Tư pháp", "Tài chính", "Xây dựng",
              "Khoa học", "Công nghệ", "Văn hóa", "Thể thao", "Du lịch", "Lao động", "Thông tin", "Truyền thông",
              "Đại hội", "Hội nghị", "Chính trị", "Chính phủ", "Thủ tướng", "Quốc phòng", "Nông nghiệp",
              "Môi trường", "Hải quan", "Công an", "Ngoại giao", "Kế hoạch", "Đầu tư", "Đại biểu", "Đại học", "Cao đẳng", "Sư phạm", "Kỹ thuật")
_FIXED = [(p.title(), regex.compile(r"\b" + regex.escape(p.title()) + r"\b"), p) for p in FIXED_CASE]
_TOKEN = regex.compile(r"\S+")
_KEEP_AFTER_LEVEL = {"Đoàn", "Ủy", "Uỷ", "Đội", "Hội", "Đảng"}


_LOWER_WORDS = {"VÀ": "và", "CỦA": "của"}     # joining words inside a name: 'Tuyên giáo và Dân vận'


def _word(token: str) -> str:
    bare = token.strip(",;:()")
    if (bare in ACRONYMS or token in ACRONYMS) and bare not in SYLLABLE_ACRONYMS:
        return token
    if any(ch.isdigit() for ch in bare) or "/" in bare or "&" in bare:
        return token
    return _LOWER_WORDS.get(token) or token[:1].upper() + token[1:].lower()


CAPITALS_SHARE = 0.8
_UPPER = regex.compile(r"\p{Lu}")
_LOWER = regex.compile(r"\p{Ll}")


def mostly_capitals(text: str) -> bool:
    """Printed in capitals (a header line): at least 80 % of its letters are upper case."""
    if text.isupper():          # str methods first: this runs on every header and closing line
        return True
    if text.islower():
        return False
    upper, lower = len(_UPPER.findall(text)), len(_LOWER.findall(text))
    return upper + lower > 0 and upper / (upper + lower) >= CAPITALS_SHARE


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
    for titled, rx, phrase in _FIXED:
        if titled in out:       # a str scan first: a name holds few of these phrases
            out = rx.sub(phrase, out)
    return out


_POSITIONS = {k: e.value for k, e in POSITIONS.items()}


def position_case(text: str) -> str:
    """'PHÓ BÍ THƯ' → 'Phó Bí thư'; 'PHÓ TỔNG BIÊN TẬP' → 'Phó Tổng Biên tập'; unknown posts in
    sentence case after 'Phó'."""
    key = " ".join(text.split()).upper()
    if key in _POSITIONS:
        return _POSITIONS[key]
    if key.startswith("PHÓ ") and key[4:] in _POSITIONS:
        return "Phó " + _POSITIONS[key[4:]]
    low = " ".join(text.split()).lower()
    if low.startswith("phó "):
        return "Phó " + low[4:5].upper() + low[5:]
    return low[:1].upper() + low[1:]


_PROPER = sorted(((p.lower().split(), p.split()) for p in PROPER_PHRASES), key=lambda t: -len(t[0]))
_TYPE_KEYS = sorted((k.split() for k in TYPE_WORDS if " " in k or len(k) > 3), key=len, reverse=True)
_EDGE = ",;:()“”\"'."


def _kept(token: str) -> bool:
    """Acronyms, symbols and numbers keep their case ('UBND', '13/CT-TTg', 'GD&ĐT')."""
    bare = token.strip(_EDGE)
    return ((bare in ACRONYMS or token in ACRONYMS) and bare not in SYLLABLE_ACRONYMS) \
        or any(c.isdigit() for c in bare) or "/" in bare or "&" in bare


def _cap(token: str) -> str:
    lead = len(token) - len(token.lstrip(_EDGE))
    return token[:lead] + token[lead:lead + 1].upper() + token[lead + 1:]


def sentence_case(text: str) -> str:
    """An all-capitals title in sentence case, keeping acronyms, symbols and proper names:
    'TRIỂN KHAI CHỈ THỊ SỐ 13/CT-TTg TRÊN ĐỊA BÀN TỈNH LAI CHÂU' →
    'Triển khai Chỉ thị số 13/CT-TTg trên địa bàn tỉnh Lai Châu'. Mixed-case text is kept."""
    text = " ".join(text.split())
    if not mostly_capitals(text):
        return text
    tokens = _TOKEN.findall(text)
    out = [t if _kept(t) else t.lower() for t in tokens]
    bare = [t.strip(_EDGE) for t in out]
    i = 0
    while i < len(out):
        step = 1
        for low, proper in _PROPER:                       # a proper name: its own capitals
            if bare[i:i + len(low)] == low:
                for k, word in enumerate(proper):
                    out[i + k] = out[i + k].replace(bare[i + k], word, 1)
                step = len(low)
                break
        else:
            for key in _TYPE_KEYS:                          # a document cited by number: 'Chỉ thị số 13'
                n = len(key)
                if [b.lower() for b in bare[i:i + n]] == key and i + n < len(out) \
                        and (bare[i + n] == "số" or _kept(out[i + n])):
                    out[i:i + n] = [_cap(out[i].lower()), *(w.lower() for w in out[i + 1:i + n])]
                    step = n
                    break
            else:
                two = " ".join(bare[i:i + 2])
                n = 2 if two in LEVEL_NOUNS else 1 if bare[i] in LEVEL_NOUNS and two not in LEVEL_COMPOUNDS else 0
                if n and i + n < len(out) and not _kept(out[i + n]):       # a place after its level noun
                    k = i + n
                    while k < len(out) and k - i - n < PLACE_WORDS and bare[k] not in PLACE_STOP_WORDS \
                            and bare[k].isalpha() and not any(bare[k:k + len(lw)] == lw for lw, _ in _PROPER):
                        out[k] = _cap(out[k])
                        if out[k] != out[k].rstrip(_EDGE):             # a comma ends the name
                            k += 1
                            break
                        k += 1
                    step = max(1, k - i)
        i += step
    out[0] = _cap(out[0])
    return " ".join(out)


_PHRASES = frozenset(" ".join(p.upper().split()) for p in (*FIXED_CASE, *PROPER_PHRASES, *POSITIONS)
                     if " " in p)
_PHRASE_WORDS = max(len(p.split()) for p in _PHRASES)


def broken_phrase(before: str, after: str) -> bool:
    """A known phrase (a post, a fixed common noun, a proper name) runs across the break between
    two lines in capitals: 'TM. ỦY BAN' / 'NHÂN DÂN', 'PHÓ CHÁNH VĂN' / 'PHÒNG', 'VĂN PHÒNG CHÍNH' / 'PHỦ'."""
    head = before.upper().replace("UỶ", "ỦY").split()[-(_PHRASE_WORDS - 1):]
    tail = after.upper().replace("UỶ", "ỦY").split()[:_PHRASE_WORDS - 1]
    for a in range(len(head)):
        for b in range(1, len(tail) + 1):
            if " ".join(head[a:] + tail[:b]) in _PHRASES:
                return True
    return False
