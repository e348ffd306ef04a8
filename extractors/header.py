"""Header fields: so_hieu, doc_type, issue_date, place, issuing_body, parent_body, title.

Only what the header prints is taken; a field it does not state is null (no guessing). The
issuing body falls back to the collective named in the signature (`TM. BAN THƯỜNG VỤ …`).
"""
from __future__ import annotations

from typing import Optional

import regex

from extractors.casing import mostly_capitals, proper_case
from extractors.dates import DATELINE, iso
from extractors.symbols import SYMBOL, parse
from extractors.vocab import BODY_WORDS, DOC_TYPES, MOTTO_LINES, ORG_TITLES, TYPE_WORDS
from pipeline.models import FieldValue, Line, SegmentedDoc
from pipeline.segment import SEPARATOR, SO_LINE, TYPE_LINE, VV_LINE

PLACE_BEFORE = regex.compile(r"(?:^|(?<=[ ]{2}))[ ]{0,40}(?P<place>\p{Lu}\p{Ll}{0,10}(?:[ ]\p{L}{1,10}){0,3})[ ]{0,3},[ ]{0,3}$",
                            regex.MULTILINE)
# Lines in a header that are neither issuer nor parent. Example: 'MẬT', 'HỎA TỐC', 'DỰ THẢO'.
NOT_ISSUER = regex.compile(r"^(?:MẬT|TỐI MẬT|TUYỆT MẬT|KHẨN|THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC|DỰ THẢO)\b")
def _loose(phrase: str) -> str:
    """A header phrase as a pattern that tolerates its spacing and dash variants."""
    return r"[ ]{1,3}".join(regex.escape(w) for w in phrase.split()).replace(r"\-", "[-–—]")


# Where a flattened header line splits: a gap of 3+ spaces, or a motto/organisation title.
_SPLITTERS = regex.compile(
    r"[ ]{3,}|" + "|".join(_loose(k) for k in list(ORG_TITLES) + list(MOTTO_LINES)), regex.IGNORECASE)


def _fold(s: str) -> str:
    return " ".join(s.replace("–", "-").split()).upper().replace("HOÀ", "HÒA")


_ORG = {_fold(k): e.value for k, e in ORG_TITLES.items()}
_MOTTO = {_fold(k) for k in MOTTO_LINES}


def _pieces(ln: Line):
    """Split a header line at motto/organisation titles (two columns flattened onto one line)."""
    text, pos = ln.text, 0
    for m in _SPLITTERS.finditer(text):
        if text[pos:m.start()].strip():
            yield ln.start + pos, text[pos:m.start()]
        if m.group().strip():
            yield ln.start + m.start(), m.group()
        pos = m.end()
    if text[pos:].strip():
        yield ln.start + pos, text[pos:]


def _field(name, value, start=None, end=None, confidence=1.0, method="") -> FieldValue:
    return FieldValue(name, value, start, end, confidence, method)


def _strip_span(start: int, text: str) -> tuple[int, int, str]:
    lead = len(text) - len(text.lstrip())
    core = text.strip()
    return start + lead, start + lead + len(core), core


def header_lines(doc: SegmentedDoc) -> list[Line]:
    if doc.header:
        return doc.header.lines
    return []


def extract_number(doc: SegmentedDoc) -> Optional[FieldValue]:
    """`Số: 95 -KH/TĐTN-BTCKT` → 95-KH/TĐTN-BTCKT (in the header only)."""
    text = doc.text
    for ln in header_lines(doc):
        so = SO_LINE.match(ln.text)
        if not so:
            continue
        m = SYMBOL.match(text, ln.start + so.end(), ln.end)
        if m:
            return _field("so_hieu", parse(m).canonical, m.start(), m.end(), 1.0, "header Số")
        # drafts leave the number blank: 'Số:      /GM-TCCB'
        blank = regex.match(r"[ ]{0,12}/[ ]{0,2}(\p{Lu}[\p{L}\d&-]{1,30})", text[ln.start + so.end():ln.end])
        if blank:
            return _field("so_hieu", "/" + blank.group(1), ln.start + so.end(), ln.end, 0.5, "header Số (no number)")
    return None


def extract_dateline(doc: SegmentedDoc) -> list[FieldValue]:
    text = doc.text
    for ln in header_lines(doc):
        m = DATELINE.search(text, ln.start, ln.end)
        if not m:
            continue
        out = [_field("issue_date", iso(m.group("d"), m.group("m"), m.group("y")), m.start(), m.end(),
                      1.0 if m.group("d") else 0.3, "date line")]
        if m.group("place"):
            out.append(_field("place", m.group("place"), m.start("place"), m.end("place"), 0.95, "date line"))
        else:   # a place written in lower case after its first word ('Hà nội, ngày …')
            before = PLACE_BEFORE.search(text, ln.start, m.start())
            if before:
                out.append(_field("place", before.group("place"), before.start("place"), before.end("place"),
                                  0.7, "date line"))
        return out
    return []


def extract_bodies(doc: SegmentedDoc) -> list[FieldValue]:
    """Issuer lines are the capitalised lines above `Số`; the one above the issuer is its parent,
    else the Đoàn/Party title printed in the header."""
    issuers: list[tuple[int, int, str]] = []
    org: Optional[tuple[int, int, str]] = None
    after_number = False   # below `Số` only the organisation title may still appear
    for ln in header_lines(doc):
        after_number = after_number or bool(SO_LINE.match(ln.text.strip()))
        if DATELINE.search(ln.text) or VV_LINE.match(ln.text):
            continue
        for start, piece in _pieces(ln):
            s, e, core = _strip_span(start, piece)
            if not core or SEPARATOR.match(core) or TYPE_LINE.match(core):
                continue
            key = _fold(core)
            if key in _ORG:
                org = org or (s, e, _ORG[key])
            elif after_number or key in _MOTTO or NOT_ISSUER.match(key) or not mostly_capitals(core):
                continue
            elif issuers and _continues(core):
                ps, _, ptext = issuers[-1]
                issuers[-1] = (ps, e, f"{ptext} {core}")
            else:
                issuers.append((s, e, core))
    out = []
    if issuers:
        s, e, name = issuers[-1]
        out.append(_field("issuing_body", proper_case(name), s, e, 0.9, "header"))
        if len(issuers) > 1:
            ps, pe, pname = issuers[-2]
            out.append(_field("parent_body", proper_case(pname), ps, pe, 0.9, "header"))
    if org and not any(f.field == "parent_body" for f in out) and issuers:
        out.append(_field("parent_body", org[2], org[0], org[1], 0.8, "organisation title"))
    return out


def _continues(line: str) -> bool:
    """An issuer name wrapped onto a second line ('NGÂN HÀNG NHÀ NƯỚC' / 'VIỆT NAM',
    'ỦY BAN NHÂN DÂN' / 'TỈNH CÀ MAU'): the second line names no body of its own."""
    return not any(w in BODY_WORDS for w in regex.findall(r"[\p{L}]+", line.upper()))


def extract_type_and_title(doc: SegmentedDoc, so_hieu: Optional[FieldValue]) -> list[FieldValue]:
    out = []
    text = doc.text
    title_parts: list[tuple[int, int, str]] = []
    if doc.type_line is not None:
        m = TYPE_LINE.match(doc.type_line.text)
        word = m.group("type")
        entry = TYPE_WORDS.get(word.lower())
        out.append(_field("doc_type", entry.value if entry else word.capitalize(),
                          doc.type_line.start + m.start("type"), doc.type_line.start + m.end("type"), 1.0,
                          "type line"))
        if m.group("rest").strip(" ,"):
            title_parts.append(_strip_span(doc.type_line.start + m.start("rest"), m.group("rest")))
        for ln in doc.title.lines if doc.title else []:
            title_parts.append(_strip_span(ln.start, ln.text))
    else:
        for ln in header_lines(doc):
            vv = VV_LINE.match(ln.text)
            if vv:
                out.append(_field("doc_type", "Công văn", ln.start, ln.start + vv.end(), 0.8, "V/v line"))
                title_parts.append(_strip_span(ln.start + vv.end(), ln.text[vv.end():]))
            elif title_parts and ln.text.strip():
                if mostly_capitals(ln.text) or DATELINE.search(ln.text) or SO_LINE.match(ln.text.strip()):
                    break     # the right column (motto, date) follows the subject line
                title_parts.append(_strip_span(ln.start, ln.text))
        if not title_parts and so_hieu and so_hieu.value:
            m = SYMBOL.match(text, so_hieu.start, so_hieu.end)
            code = parse(m).type_code if m else None
            if code in DOC_TYPES:
                out.append(_field("doc_type", DOC_TYPES[code].value, so_hieu.start, so_hieu.end, 0.7,
                                  "symbol type code"))
    if title_parts:
        title = " ".join(p[2] for p in title_parts)
        title = " ".join(title.split()).rstrip(" .;:")
        if title.count("”") > title.count("“"):       # the closing quote of a quoted V/v line
            title = title.rstrip("”").rstrip()
        out.append(_field("title", title, title_parts[0][0], title_parts[-1][1], 0.9, "title lines"))
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
    fields += extract_dateline(doc)
    fields += extract_bodies(doc)
    fields += extract_type_and_title(doc, number)
    fields += extract_opening_body(doc)
    return fields
