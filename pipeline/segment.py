"""Segment a normalized document: header, type line, title, body (as a section tree),
signature block and `Nơi nhận` block. Zones are line ranges with offsets into the text."""
from __future__ import annotations

from typing import Optional

import regex

from extractors.vocab import BODY_OPENERS, POSITIONS, SIGNING_PREFIXES, TYPE_WORDS
from pipeline.models import Block, Line, NormText, SegmentedDoc, Section

HEADER_LINES = 40            # the type line is looked for among the first non-blank lines
TITLE_LINES = 6

_TYPE_NAMES = sorted({k.upper() for k in TYPE_WORDS if len(k) > 3}, key=len, reverse=True)
TYPE_LINE = regex.compile(
    r"^[ ]{0,40}(?P<type>" + "|".join(map(regex.escape, _TYPE_NAMES)) + r")(?P<rest>(?:[ ,]{1,3}[\p{Lu}\d][\p{Lu}\d,.\-–/()]*){0,20})[ ]{0,20}$")
SEPARATOR = regex.compile(r"^[ ]{0,40}(?:[-_=–—.*]{3,}|\*[ ]?\*[ ]?\*)[ ]{0,40}$")
RECIPIENTS = regex.compile(r"^[ ]{0,40}(?:N[ơo]i[ ]{1,3}nh[ậa]n)[ ]{0,3}:?", regex.IGNORECASE)
_PREFIX_ALT = "|".join(regex.escape(k) for k in sorted(SIGNING_PREFIXES, key=len, reverse=True))
SIGN_PREFIX = regex.compile(r"^[ ]{0,60}(?:" + _PREFIX_ALT + r")(?:\.|[ ]{0,2}\.)?[ ]{1,4}\p{Lu}")
BODY_OPENER = regex.compile(r"^[ ]{0,40}(?:" + "|".join(map(regex.escape, BODY_OPENERS)) + r")\b")
LIST_ITEM = regex.compile(r"^[ ]{0,40}[-+*][ ]{0,6}\S")

# Section markers at the start of a line, with an example each.
MARKERS = [
    ("roman", regex.compile(r"^[ ]{0,12}(?P<label>[IVX]{1,5})[ ]{0,2}[./\-)][ ]{0,6}(?=\S)")),           # 'I/ MỤC ĐÍCH'
    ("decimal", regex.compile(r"^[ ]{0,12}(?P<label>\d{1,2}(?:\.\d{1,2}){1,3})\.?[ ]{0,2}[\-)]?[ ]{1,6}(?=\S)")),  # '1.1- Ban'
    ("arabic", regex.compile(r"^[ ]{0,12}(?P<label>\d{1,2})[ ]{0,2}[.)/\-][ ]{1,6}(?=\S)")),            # '2. Yêu cầu'
    ("letter", regex.compile(r"^[ ]{0,12}(?P<label>[a-zđ])[ ]{0,1}[).][ ]{1,6}(?=\S)")),               # 'a) Cấp Quận'
    ("dash", regex.compile(r"^[ ]{0,12}(?P<label>-)(?!-)[ ]{0,6}(?=\S)")),                             # '- Tập trung'
    ("plus", regex.compile(r"^[ ]{0,12}(?P<label>\+)[ ]{0,6}(?=\S)")),                                 # '+ Cấp Phường'
    ("star", regex.compile(r"^[ ]{0,12}(?P<label>\*)(?!\*)[ ]{1,6}(?=\S)")),                          # '* BTV Tỉnh Đoàn'
]
BULLET_KINDS = {"dash", "plus", "star"}
# All markers in one pattern, tried once per line in the order above (the first that fits wins);
# each one's label is captured in a group named after its kind, so `lastgroup` tells which fit.
MARKER = regex.compile("|".join(rx.pattern[1:].replace("(?P<label>", f"(?P<{kind}>") for kind, rx in MARKERS))


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for part in text.split("\n"):
        lines.append(Line(pos, pos + len(part), part))
        pos += len(part) + 1
    return lines


def _block(lines: list[Line]) -> Optional[Block]:
    return Block(lines[0].start, lines[-1].end, lines) if lines else None


def find_type_line(lines: list[Line]) -> Optional[int]:
    seen = 0
    for i, ln in enumerate(lines):
        if not ln.text.strip():
            continue
        seen += 1
        if seen > HEADER_LINES:
            return None
        if TYPE_LINE.match(ln.text) and not RECIPIENTS.match(ln.text):
            return i
    return None


def _title_end(lines: list[Line], start: int) -> int:
    """Index after the title: consecutive non-blank lines after the type line."""
    i = start
    while i < len(lines) and not lines[i].text.strip():
        i += 1
    end = i
    while end < len(lines) and end - i < TITLE_LINES:
        text = lines[end].text
        if not text.strip() or SEPARATOR.match(text) or any(rx.match(text) for _, rx in MARKERS[:4]) \
                or (end > i and (BODY_OPENER.match(text) or (_caps(text) and not _caps(lines[i].text)))):
            break
        end += 1
    return end


def _caps(text: str) -> bool:
    """An all-capitals line of two words or more (a heading, an authority line)."""
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 2 and bool(letters) and all(c.isupper() for c in letters)


def _recipients_range(lines: list[Line], lo: int) -> Optional[tuple[int, int]]:
    for i in range(len(lines) - 1, lo - 1, -1):
        if RECIPIENTS.match(lines[i].text):
            end = i + 1
            last = end
            while end < len(lines):
                text = lines[end].text
                if not text.strip():
                    end += 1
                    continue
                if LIST_ITEM.match(text) or (len(text.strip()) < 90 and text.rstrip().endswith((";", ".", ","))
                                             and not SIGN_PREFIX.match(text)):
                    end += 1
                    last = end
                    continue
                break
            return i, last
    return None


def _signature_range(lines: list[Line], lo: int, avoid: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The signature block: a TM./KT./… line and what follows, up to the name (≤ 8 lines)."""
    for i in range(len(lines) - 1, lo - 1, -1):
        if avoid and avoid[0] <= i < avoid[1]:
            continue
        if SIGN_PREFIX.match(lines[i].text):
            end, kept = i + 1, 0
            while end < len(lines) and kept < 8:
                text = lines[end].text
                if RECIPIENTS.match(text) or LIST_ITEM.match(text):
                    break
                kept += bool(text.strip())
                end += 1
            while end > i + 1 and not lines[end - 1].text.strip():
                end -= 1
            return i, end
    return _position_signature(lines, lo, avoid)


_POSITION_LINES = {k for k in POSITIONS}


def _position_signature(lines: list[Line], lo: int, avoid) -> Optional[tuple[int, int]]:
    """A block headed by a bare post ('GIÁM ĐỐC' / name), signed in one's own right."""
    for i in range(len(lines) - 1, max(lo, len(lines) - 40) - 1, -1):
        if avoid and avoid[0] <= i < avoid[1]:
            continue
        if " ".join(lines[i].text.split()) in _POSITION_LINES:
            end = i + 1
            while end < len(lines) and end - i <= 8 and not RECIPIENTS.match(lines[end].text) \
                    and not LIST_ITEM.match(lines[end].text):
                end += 1
            while end > i + 1 and not lines[end - 1].text.strip():
                end -= 1
            return i, end
    return None


def build_sections(lines: list[Line]) -> list[Section]:
    """Tree of numbered headings and bullet items; levels follow the order markers appear in."""
    sections: list[Section] = []
    keys: list[str] = []            # the open headings, outermost first: marker kind (decimals by depth)
    stack: list[int] = []           # … and their section indexes
    counters: dict[Optional[int], int] = {}
    for ln in lines:
        m = MARKER.match(ln.text)
        if m:
            kind, label = m.lastgroup, m[m.lastindex]
            key = f"decimal{label.count('.')}" if kind == "decimal" else kind
            if kind == "roman":
                keys.clear()
                stack.clear()
            elif key in keys:
                i = keys.index(key)
                del keys[i:], stack[i:]
            parent = stack[-1] if stack else None
            if kind in BULLET_KINDS:
                counters[parent] = n = counters.get(parent, 0) + 1
                label = f"{label}{n}"
            index = len(sections)
            sections.append(Section(
                index=index, parent=parent, level=len(stack), kind=kind, label=label,
                path=sections[parent].path + "/" + label if parent is not None else label,
                heading=ln.text[m.end():].strip(), start=ln.start, end=ln.end, heading_end=ln.end))
            keys.append(key)
            stack.append(index)
    # a node runs until the next node at its level or above (and ends before that one's line)
    open_nodes: list[int] = []
    for sec in sections:
        while open_nodes and sections[open_nodes[-1]].level >= sec.level:
            sections[open_nodes.pop()].end = max(0, sec.start - 1)
        open_nodes.append(sec.index)
    last_end = lines[-1].end if lines else 0
    for idx in open_nodes:
        sections[idx].end = last_end
    return sections


def segment(norm: NormText, doc_id: str = "", source_path: str = "") -> SegmentedDoc:
    lines = split_lines(norm.text)
    t = find_type_line(lines)
    header = type_line = title = None
    body_start = 0
    if t is not None:
        header = _block(lines[:t])
        type_line = lines[t]
        title_end = _title_end(lines, t + 1)
        title = _block([ln for ln in lines[t + 1:title_end] if ln.text.strip()])
        body_start = title_end
        while body_start < len(lines) and SEPARATOR.match(lines[body_start].text):
            body_start += 1
    else:
        head_end = _headerless_end(lines)
        if head_end:
            header = _block(lines[:head_end])
            body_start = head_end
    rec = _recipients_range(lines, body_start)
    sig = _signature_range(lines, body_start, rec)
    body_end = min([r[0] for r in (rec, sig) if r] + [len(lines)])
    body_lines = lines[body_start:body_end]
    return SegmentedDoc(
        doc_id=doc_id, source_path=source_path, norm=norm, lines=lines, header=header,
        type_line=type_line, title=title, body=_block(body_lines),
        signature=_block(lines[sig[0]:sig[1]]) if sig else None,
        recipients=_block(lines[rec[0]:rec[1]]) if rec else None,
        sections=build_sections(body_lines))


# The subject line of a công văn: 'V/v tổ chức hội nghị', also quoted or bracketed.
VV_LINE = regex.compile(r"^[ ]{0,40}[\"“(]?V/v[ ]{0,3}:?[ ]{0,3}", regex.IGNORECASE)
# 'Số:' opens a line of the header ('Số 127-QĐ/HU' in Party texts; 'SỐ:' in capitals); a 'số'
# inside a sentence ('Nghị định số 161/2024/NĐ-CP') is a citation, not the document's number.
SO_LINE = regex.compile(r"^[ \t]{0,40}(?:Số|SỐ|Sô)[ ]{0,3}:?[ ]{0,8}")
_DATELINE_HINT = regex.compile(r"ngày[ ]{0,4}\d{0,2}[ ]{1,6}tháng", regex.IGNORECASE)


def _headerless_end(lines: list[Line]) -> int:
    """Without a type line (công văn), the header runs to its last `Số:`/date/`V/v` line."""
    end, seen = 0, 0
    for i, ln in enumerate(lines):
        if not ln.text.strip():
            continue
        seen += 1
        if seen > 15:
            break
        if _DATELINE_HINT.search(ln.text) or SO_LINE.match(ln.text) or VV_LINE.match(ln.text):
            end = i + 1
            if VV_LINE.match(ln.text):
                while end < len(lines) and lines[end].text.strip() and not MARKERS[4][1].match(lines[end].text):
                    end += 1
    return end
