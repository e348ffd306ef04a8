"""Header fields: so_hieu, doc_type, issue_date, place, issuing_body, parent_body, title.

Only what the header prints is taken; a field it does not state is null (no guessing). The
issuing body falls back to the collective named in the signature (`TM. BAN THƯỜNG VỤ …`).
"""
from __future__ import annotations

from typing import Optional

import regex

from pipeline.casing import broken_phrase, mostly_capitals, proper_case, sentence_case
from extractors.dates import ADOPTION_DATE, DATELINE, DATELINE_WRAPPED, PLACE_DAY, iso
from pipeline.symbols import SYMBOL, parse
from pipeline.vocab import (BODY_WORDS, DOC_TYPES, LEVEL_NOUNS, MOTTO_LINES, ORG_TITLES, PLACE_PREFIXES, PROVINCES,
                           TOP_ORGANS)
from pipeline.models import FieldValue, Line, SegmentedDoc
from pipeline.patterns import (BODY_OPENER, SEPARATOR, SO_LINE, SUBJECT_LINE, VV_LINE, fold_marks, match_type_line,
                              type_entry)

PLACE_BEFORE = regex.compile(r"(?:^|(?<=[ ]{2}))[ ]{0,40}(?P<place>\p{Lu}\p{Ll}{0,10}(?:[ ]\p{L}{1,10}){0,3})[ ]{0,3},[ ]{0,3}$",
                            regex.MULTILINE)
# Lines in a header that are neither issuer nor parent. Example: 'MẬT', 'HỎA TỐC', 'DỰ THẢO'.
NOT_ISSUER = regex.compile(r"^(?:MẬT|TỐI MẬT|TUYỆT MẬT|KHẨN|THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC|DỰ THẢO)\b")
def _loose(phrase: str) -> str:
    """A header phrase as a pattern that tolerates its spacing and dash variants."""
    return r"[ ]{1,3}".join(regex.escape(w) for w in phrase.split()).replace(r"\-", "[-–—]")


# Where a flattened header line splits: a gap of 3+ spaces, a table bar or specks, a motto, or an
# organisation title that ends its name ('ĐOÀN TNCS HỒ CHÍ MINH TP ĐÀ NẴNG' is one name, a parent).
# Matched on the line without marks, so that OCR's 'HÒ CHÍ MINH' splits too.
_SPLITTERS = regex.compile(
    r"[ ]{3,200}|[ ]{0,3}\|[ ]{0,3}|[ ]{1,3}[ˆ^~_=•·¬«»]{1,3}(?=[ ])|"      # gaps, bars, a scan's specks
    + "|".join(_loose(fold_marks(k)) for k in MOTTO_LINES)
    + "|(?:" + "|".join(_loose(fold_marks(k)) for k in ORG_TITLES) + r")(?![ ]{1,2}\p{Lu})", regex.IGNORECASE)
# Markup and scan specks around a header piece: '**', '|', '---', '_', '~', '^'.
_NOISE = " \t|*_#=~^ˆ`'\"•·-–—"


def _fold(s: str) -> str:
    """A header line as a key: capitals, one space, no marks (OCR drops or swaps them)."""
    return fold_marks(" ".join(s.replace("–", "-").split()).upper())


_ORG = {_fold(k): e.value for k, e in ORG_TITLES.items()}
_MOTTO = {_fold(k) for k in MOTTO_LINES}
_TITLES = {**{k: "motto" for k in _MOTTO}, **_ORG}
# The first words of each title, as a broken line starts it: 'ĐANG CONG SAN' of 'ĐẢNG CỘNG SẢN VIỆT NAM'.
_TITLE_HEADS = {" ".join(k.split()[:n]) for k in _TITLES for n in range(1, len(k.split()))}


def _pieces(ln: Line):
    """Split a header line at motto/organisation titles (two columns flattened onto one line)."""
    text, pos = ln.text, 0
    for m in _SPLITTERS.finditer(fold_marks(text)):
        if text[pos:m.start()].strip():
            yield ln.start + pos, text[pos:m.start()]
        if m.group().strip():
            yield ln.start + m.start(), m.group()
        pos = m.end()
    if text[pos:].strip():
        yield ln.start + pos, text[pos:]


def _field(name, value, start=None, end=None, confidence=1.0, method="") -> FieldValue:
    return FieldValue(name, value, start, end, confidence, method)


def _strip_span(start: int, text: str, chars: Optional[str] = None) -> tuple[int, int, str]:
    lead = len(text) - len(text.lstrip(chars))
    core = text.strip(chars)
    return start + lead, start + lead + len(core), core


def header_lines(doc: SegmentedDoc) -> list[Line]:
    if doc.header:
        return doc.header.lines
    return []


# After `Số:` a draft leaves the number blank: 'Số:      /GM-TCCB', 'Số:    - KH/ĐTN', 'Số -HD/BTCTU'.
BLANK_NUMBER = regex.compile(r"^[ .…_]{0,20}(?:[-–/][ ]{0,3})?\p{Lu}[\p{L}\d&-]{0,30}(?:/[\p{L}\d&-]{1,30})?[ ]{0,20}$")


def number_line(doc: SegmentedDoc) -> Optional[tuple[Line, int]]:
    """The header's `Số` line and where its number starts."""
    for ln in header_lines(doc):
        so = SO_LINE.match(ln.text)
        if so:
            return ln, ln.start + so.end()
    return None


def blank_number(doc: SegmentedDoc) -> bool:
    """The `Số` line of a draft: a symbol with no number before it."""
    found = number_line(doc)
    return bool(found) and bool(BLANK_NUMBER.fullmatch(doc.text[found[1]:found[0].end]))


# OCR reads a handwritten or stamped digit as a look-alike letter: 'Số:4oKH/ĐTN' is 40-KH/ĐTN.
_OCR_NUMBER = regex.compile(r"[\doOlI]{1,5}")
_OCR_DIGITS = str.maketrans("oOlI", "0011")


def _symbol_at(text: str, start: int, end: int) -> Optional[FieldValue]:
    """The document's number at the start of text[start:end]: as printed, else with look-alike
    letters of the number read as digits (lower confidence)."""
    m = SYMBOL.match(text, start, end)
    if m:
        return _field("so_hieu", parse(m).canonical, m.start(), m.end(), 1.0, "header Số")
    run = _OCR_NUMBER.match(text, start, end)
    if run and any(c.isdigit() for c in run.group()) and not run.group().isdigit():
        fixed = run.group().translate(_OCR_DIGITS) + text[run.end():end]
        m = SYMBOL.match(fixed)
        if m:
            return _field("so_hieu", parse(m).canonical, start, start + m.end(), 0.6, "header Số, OCR digits")
    return None


def extract_number(doc: SegmentedDoc) -> Optional[FieldValue]:
    """`Số: 95 -KH/TĐTN-BTCKT` → 95-KH/TĐTN-BTCKT (in the header only); the number may stand on
    the next line of its table cell ('Số:' / '7360/KH-UBND'). A draft's blank number is null."""
    found = number_line(doc)
    if not found:
        return None
    ln, at = found
    text = doc.text
    at += len(text[at:ln.end]) - len(text[at:ln.end].lstrip())
    if text[at:ln.end].strip():
        return _symbol_at(text, at, ln.end)
    lines = header_lines(doc)
    nxt = next((n for n in lines[lines.index(ln) + 1:] if n.text.strip()), None)
    if nxt is not None:
        lead = len(nxt.text) - len(nxt.text.lstrip())
        m = SYMBOL.match(text, nxt.start + lead, nxt.end)
        if m and not text[m.end():nxt.end].strip():
            return _field("so_hieu", parse(m).canonical, m.start(), m.end(), 0.9, "header Số, next line")
    return None


def _folded(text: str) -> str:
    """The key a vocabulary entry and its OCR misprints share: no marks, no case."""
    return fold_marks(text).casefold()


_PROVINCE_OF_FOLDED = {_folded(p): p for p in PROVINCES}
_PROVINCE_WORDS = max(len(p.split()) for p in PROVINCES)


def _province_marks(name: str, whole: bool = False) -> str:
    """The name with the province that closes it (`whole`: that it is) in the province's marks, when
    OCR printed them wrong; its letters and their case as printed, which must agree:
    'Công an tỉnh Lâm Đòng' → 'Công an tỉnh Lâm Đồng', 'Lâm Đông' → 'Lâm Đồng'."""
    words = name.split(" ")
    for n in ([len(words)] if whole else range(min(_PROVINCE_WORDS, len(words) - 1), 0, -1)):
        printed = " ".join(words[-n:])
        known = _PROVINCE_OF_FOLDED.get(_folded(printed))
        if known:       # folding keeps every character where it is: the two are as long
            marked = "".join(k.upper() if p.isupper() else k.lower() for p, k in zip(printed, known))
            return " ".join([*words[:-n], marked])
    return name


# the prefixes of two words: OCR misreading one ('Thành phó') leaves a phrase that is no name; one of
# a word is left as printed ('Quan Hóa' is a district, not a misread 'Quận')
_PREFIX_OF_FOLDED = {_folded(p): p for p in PLACE_PREFIXES if " " in p}


def _misprinted_prefix(text: str, start: int, value: str) -> tuple[int, str]:
    """The place with its administrative prefix printed with wrong marks (OCR) written as the
    vocabulary writes it, whether the date line's pattern read the prefix as part of the name
    ('Thị Trân Đông Anh') or left it before ('Thành phó Hô Chí Minh': 'phó' is not capitalised):
    its start and value."""
    words = value.split(" ", 2)
    known = _PREFIX_OF_FOLDED.get(_folded(" ".join(words[:2]))) if len(words) > 2 else None
    if known:
        return start, f"{known} {words[2]}"
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].split()
    if text[start - 1:start] == " " and len(before) >= 2:
        known = _PREFIX_OF_FOLDED.get(_folded(" ".join(before[-2:])))
        if known and before[-2][0].isupper():
            at = text.rfind(before[-1], line_start, start)
            return text.rfind(before[-2], line_start, at), f"{known} {value}"
    return start, value


def _place(text: str, value: str, start: int, end: int, confidence: float, method: str) -> FieldValue:
    """The place of a date line; a province, or its prefix, printed with wrong marks (OCR) gets
    its own, at a lower confidence."""
    fixed_start, fixed = _misprinted_prefix(text, start, value)
    if fixed != value:
        start, value, confidence, method = fixed_start, fixed, min(confidence, 0.8), method + ", marks of its prefix"
    known = _province_marks(value, whole=True)
    if known != value:
        return _field("place", known, start, end, min(confidence, 0.8), method + ", marks of a province")
    return _field("place", value, start, end, confidence, method)


DATELINE_BELOW_CHARS = 400     # how far under the header its date line may have been moved


def _dateline_below(doc: SegmentedDoc):
    """A place-and-date line that a flattened table put just under the header (after a công văn's
    'Kính gửi:' cell, say): a line of its own, holding nothing but the place and the date."""
    if not doc.body:
        return None
    text, lo = doc.text, doc.body.start
    for m in DATELINE.finditer(text, lo, min(doc.body.end, lo + DATELINE_BELOW_CHARS)):
        line_start = text.rfind("\n", lo, m.start()) + 1
        line_end = text.find("\n", m.end())
        if m.group("place") and m.group("d") and not text[line_start:m.start()].strip() \
                and not text[m.end():len(text) if line_end < 0 else line_end].strip(" .*"):
            return m
    return None


def extract_dateline(doc: SegmentedDoc) -> list[FieldValue]:
    """The place-and-date line of the header (possibly broken over two lines of its cell)."""
    if not doc.header:
        return []
    text = doc.text
    m = DATELINE_WRAPPED.search(text, doc.header.start, doc.header.end) or _dateline_below(doc)
    if not m:       # a date a scan garbled: its place still stands before 'ngày'
        p = PLACE_DAY.search(text, doc.header.start, doc.header.end)
        return [_place(text, p.group("place"), p.start("place"), p.end("place"), 0.6, "date line, no date")] if p else []
    out = [_field("issue_date", iso(m.group("d"), m.group("m"), m.group("y")), m.start(), m.end(),
                  1.0 if m.group("d") else 0.3, "date line")]
    if m.group("place"):
        out.append(_place(text, " ".join(m.group("place").split()), m.start("place"), m.end("place"), 0.95, "date line"))
    else:   # a place written in lower case after its first word ('Hà nội, ngày …')
        ln_start = text.rfind("\n", doc.header.start, m.start()) + 1
        before = PLACE_BEFORE.search(text, ln_start, m.start())
        if before:
            out.append(_place(text, before.group("place"), before.start("place"), before.end("place"), 0.7, "date line"))
    return out


ADOPTION_CHARS = 3000     # the adoption statement closes the text, before the signature


def extract_adoption_date(doc: SegmentedDoc) -> list[FieldValue]:
    """The date a law or a resolution of an elected body was adopted ('Nghị quyết này được … thông
    qua ngày 10 tháng 7 năm 2024'), read from the end of its text: the date of a copy whose header
    (and its date line) was not kept, a lower confidence than the date line's; and the body that
    adopted it (the issuer when nothing else names one)."""
    end = doc.signature.start if doc.signature else len(doc.text)
    found = list(ADOPTION_DATE.finditer(doc.text, max(0, end - ADOPTION_CHARS), end))
    m = found[-1] if found else None        # the last one: a text may quote another's
    date = m and iso(m.group("d"), m.group("m"), m.group("y"))
    if not date:
        return []
    return [_field("issue_date", date, m.start(), m.end(), 0.8, "adoption statement"),
            _field("adopting_body", m.group("body"), m.start("body"), m.end("body"), 0.7, "adoption statement")]


def _split_titles(lines: list[Line]) -> dict[int, str]:
    """Header lines that together print one motto or organisation title broken over the lines of
    its cell ('ĐẢNG CỘNG SẢN' / 'VIỆT NAM', 'CỘNG HÒA XÃ' / 'HỘI CHỦ NGHĨA VIỆT NAM'):
    index → 'motto' or the organisation's name."""
    marked: dict[int, str] = {}
    folded = [_fold(ln.text.strip(_NOISE)) for ln in lines]
    for i in range(len(lines)):
        joined = folded[i]
        for j in range(i + 1, min(i + 3, len(lines))):
            if joined not in _TITLE_HEADS:
                break
            joined = f"{joined} {folded[j]}".strip()
            if joined in _TITLES:
                marked.update({k: _TITLES[joined] for k in range(i, j + 1)})
                break
    return marked


def _header_pieces(doc: SegmentedDoc) -> list[tuple[bool, int, int, str]]:
    """The header's pieces that may name a body, in order: (after `Số`, start, end, text);
    mottos and organisation titles broken over lines come as one piece."""
    out = []
    after_number = False   # below `Số` only the organisation title may still appear
    lines = header_lines(doc)
    split = _split_titles(lines)
    for n, ln in enumerate(lines):
        after_number = after_number or bool(SO_LINE.match(ln.text.strip()))
        if n in split:
            if split[n] != "motto" and (n == 0 or split.get(n - 1) != split[n]):
                out.append((after_number, ln.start, ln.end, split[n].upper()))
            continue
        if DATELINE.search(ln.text) or SUBJECT_LINE.match(ln.text):
            continue
        for start, piece in _pieces(ln):
            s, e, core = _strip_span(start, piece, _NOISE)
            core = core.replace("*", "")
            if any(c.isalpha() for c in core) and not SEPARATOR.match(core) and not match_type_line(core):
                out.append((after_number, s, e, core))
    return out


def extract_bodies(doc: SegmentedDoc) -> list[FieldValue]:
    """Issuer lines are the capitalised lines above `Số`; the one above the issuer is its parent,
    else the Đoàn/Party title printed in the header. An organisation title printed twice is the
    header's title once and, inside the issuer's lines, part of its name ('ĐẠI HỘI ĐẠI BIỂU' /
    'ĐOÀN TNCS HỒ CHÍ MINH' / 'TRƯỜNG …' / 'LẦN THỨ XXII')."""
    pieces = _header_pieces(doc)
    keys = [_fold(p[3]) for p in pieces]
    titles = sum(key in _ORG for key in keys)
    issuers: list[tuple[int, int, str]] = []
    org: Optional[tuple[int, int, str]] = None
    joining = False        # the name runs on through an organisation title inside it
    for i, (after_number, s, e, core) in enumerate(pieces):
        key = keys[i]
        inside = titles > 1 and issuers and i + 1 < len(pieces) and not pieces[i + 1][0] \
            and mostly_capitals(pieces[i + 1][3]) and keys[i + 1] not in _ORG and keys[i + 1] not in _MOTTO
        if key in _ORG and not after_number and inside:
            ps, _, ptext = issuers[-1]
            issuers[-1] = (ps, e, f"{ptext} {_ORG[key]}")
            joining = True
        elif key in _ORG:
            org = org or (s, e, _ORG[key])
        elif after_number or key in _MOTTO or NOT_ISSUER.match(key) or not mostly_capitals(core):
            joining = False
        elif issuers and (joining or _continues(issuers[-1][2], core)):
            ps, _, ptext = issuers[-1]
            issuers[-1] = (ps, e, f"{ptext} {core}")
        else:
            issuers.append((s, e, core))
    out = []
    if issuers:
        s, e, name = issuers[-1]
        out.append(_header_body("issuing_body", name, s, e))
        if len(issuers) > 1:
            ps, pe, pname = issuers[-2]
            out.append(_header_body("parent_body", pname, ps, pe))
    if org and not any(f.field == "parent_body" for f in out) and issuers \
            and " ".join(issuers[-1][2].upper().split()) not in TOP_ORGANS:
        out.append(_field("parent_body", org[2], org[0], org[1], 0.8, "organisation title"))
    return out


def _header_body(field: str, name: str, start: int, end: int) -> FieldValue:
    """A body named in the header's capitals, in proper case; a closing province whose marks OCR
    misread gets its own, at a lower confidence."""
    cased = proper_case(name)
    marked = _province_marks(cased)
    if marked != cased:
        return _field(field, marked, start, end, 0.8, "header, marks of a province")
    return _field(field, cased, start, end, 0.9, "header")


# An issuer line that only continues the one above: 'VÀ HĐND TỈNH THANH HÓA', '& ĐÀO TẠO'.
_CONJUNCTION = regex.compile(r"^(?:VÀ|&|,)[ ]")
# A line that names a place continues the body above it: 'ỦY BAN NHÂN DÂN' / 'THÀNH PHỐ HẢI PHÒNG'
# (the place's own words may look like a body's: 'PHÒNG'); 'HUYỆN ỦY …', 'TỈNH ĐOÀN …' are bodies.
_PLACE_LINE = regex.compile(r"^(?:" + "|".join(sorted((n.upper() for n in LEVEL_NOUNS), key=len, reverse=True))
                            + r")[ ](?!(?:ỦY|UỶ|ĐOÀN|ĐỘI|HỘI|ĐẢNG)(?![\p{L}]))")


_WORDS = regex.compile(r"[\p{L}]+")


def _continues(above: str, line: str) -> bool:
    """An issuer name wrapped onto a second line ('NGÂN HÀNG NHÀ NƯỚC' / 'VIỆT NAM',
    'ỦY BAN NHÂN DÂN' / 'TỈNH CÀ MAU', 'VĂN PHÒNG ĐOÀN ĐBQH' / 'VÀ HĐND TỈNH', 'BỘ NÔNG NGHIỆP VÀ' /
    'MÔI TRƯỜNG'): the second line names a place or no body of its own, a conjunction joins the
    two, or a known phrase runs across the break."""
    up = line.upper()
    return bool(_CONJUNCTION.match(up) or _PLACE_LINE.match(up)) or above.rstrip().upper().endswith((" VÀ", "&", ",")) \
        or not any(w in BODY_WORDS for w in _WORDS.findall(up)) or broken_phrase(above, line)


# The type code of a symbol whose number a scan could not read: 'Số:Zo - CV/ĐTN' → CV.
UNREAD_NUMBER_CODE = regex.compile(r"[-–][ ]{0,2}(?P<code>\p{Lu}[\p{Lu}\p{Ll}]{0,4})[ ]{0,2}/")


def _type_of_number(doc: SegmentedDoc, so_hieu: Optional[FieldValue]) -> Optional[FieldValue]:
    """The type its number's code names: of the number read, else of a number a scan garbled."""
    if so_hieu and so_hieu.value:
        m = SYMBOL.match(doc.text, so_hieu.start, so_hieu.end)
        code = parse(m).type_code if m else None
        return _field("doc_type", DOC_TYPES[code].value, so_hieu.start, so_hieu.end, 0.7, "symbol type code") \
            if code in DOC_TYPES else None
    found = number_line(doc)
    m = found and UNREAD_NUMBER_CODE.search(doc.text, found[1], found[0].end)
    if not m or m.group("code") not in DOC_TYPES:
        return None
    return _field("doc_type", DOC_TYPES[m.group("code")].value, m.start("code"), m.end("code"), 0.5,
                  "symbol type code, number unread")


def _title_value(parts: list[tuple[int, int, str]]) -> str:
    """The title lines as one line, in sentence case, without a `V/v` and the closing quote
    or stop of a quoted subject."""
    title = " ".join(" ".join(p[2] for p in parts).split())
    vv = VV_LINE.match(title)
    if vv:
        title = title[vv.end():]
    title = title.rstrip(" .;:")
    if title.count("”") > title.count("“"):       # the closing quote of a quoted V/v line
        title = title.rstrip("”").rstrip()
    return sentence_case(title)


def extract_type_and_title(doc: SegmentedDoc, so_hieu: Optional[FieldValue]) -> list[FieldValue]:
    out = []
    title_parts: list[tuple[int, int, str]] = []
    if doc.type_line is not None:
        m = match_type_line(doc.type_line.text)
        word = m.group("type")
        entry = type_entry(word)
        out.append(_field("doc_type", entry.value if entry else word.capitalize(),
                          doc.type_line.start + m.start("type"), doc.type_line.start + m.end("type"), 1.0,
                          "type line"))
        if m.group("rest").strip(" ,"):
            title_parts.append(_strip_span(doc.type_line.start + m.start("rest"), m.group("rest")))
        for ln in doc.title.lines if doc.title else []:
            title_parts.append(_strip_span(ln.start, ln.text))
    else:
        subject, abbreviated = None, False
        for ln in header_lines(doc):
            vv = SUBJECT_LINE.match(ln.text)
            if vv and not title_parts:
                subject = _field("doc_type", "Công văn", ln.start, ln.start + vv.end(), 0.8, "V/v line")
                abbreviated = bool(VV_LINE.match(ln.text))
                title_parts.append(_strip_span(ln.start, ln.text))
            elif title_parts and ln.text.strip():
                if mostly_capitals(ln.text) or DATELINE.search(ln.text) or SO_LINE.match(ln.text.strip()) \
                        or BODY_OPENER.match(ln.text):
                    break     # the right column (motto, date) or the body follows the subject line
                title_parts.append(_strip_span(ln.start, ln.text))
        # 'V/v' heads only a công văn's subject (whose number has no type code: '5529/CT-CS' is the
        # Cục Thuế's); under a spelled-out 'Về việc' the number's code names the type ('…/NQ-…')
        coded = _type_of_number(doc, so_hieu)
        if subject and (coded is None or abbreviated):
            out.append(subject)
        elif coded:
            out.append(coded)
    if title_parts:
        out.append(_field("title", _title_value(title_parts), title_parts[0][0], title_parts[-1][1], 0.9,
                          "title lines"))
    return out


# 'Ban Thường vụ (BTV) Tỉnh Đoàn Kiên Giang xây dựng kế hoạch …': who issues a plan, as its opening
# sentence says (used when neither the header nor a TM. signature names it).
OPENING_BODY = regex.compile(
    r"(?P<body>(?:Ban[ ]Thường[ ]vụ|Ban[ ]Chấp[ ]hành|Thường[ ]trực|BTV|BCH)(?:[ ]\([\p{Lu}]{2,8}\))?"
    r"(?:[ ](?:\p{Lu}[\p{L}.]{0,12}|đoàn|ủy)(?:[ ]?-[ ]?\p{Lu}[\p{L}.]{0,12}){0,3}){1,6})"   # 'Tỉnh đoàn' too
    r"[ ](?:xây[ ]dựng|ban[ ]hành|triển[ ]khai|có)[ ](?:[Kk]ế[ ]hoạch|[Cc]hương[ ]trình)")
_ABBREVIATION = regex.compile(r"[ ]\([\p{Lu}]{2,8}\)")
OPENING_CHARS = 1500


def extract_opening_body(doc: SegmentedDoc) -> list[FieldValue]:
    if not doc.body:
        return []
    m = OPENING_BODY.search(doc.text, doc.body.start, min(doc.body.end, doc.body.start + OPENING_CHARS))
    if not m:
        return []
    return [_field("opening_body", _ABBREVIATION.sub("", m.group("body")), m.start("body"), m.end("body"),
                   0.6, "opening sentence")]


def extract(doc: SegmentedDoc, found) -> list[FieldValue]:
    number = extract_number(doc)
    fields = [number] if number else []
    dateline = extract_dateline(doc)
    fields += dateline
    if not any(f.field == "issue_date" for f in dateline):
        fields += extract_adoption_date(doc)
    fields += extract_bodies(doc)
    fields += extract_type_and_title(doc, number)
    fields += extract_opening_body(doc)
    return fields
