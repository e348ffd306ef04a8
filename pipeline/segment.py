"""Segment a normalized document into zones: header, type line, title, body (its section tree is
`pipeline.sections`), the closing zone (signature block and `Nơi nhận` block, in either order or
side by side) and appendices after it. Zones are lines with offsets into the text; the line
patterns they are found by are `pipeline.patterns`."""
from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from pipeline.casing import mostly_capitals
from pipeline.models import Block, Line, NormText, SegmentedDoc
from pipeline.patterns import (AFTER_PREFIX, BARE_PREFIX, BODY_OPENER, DATE_HINT, POST_CHARS, PREFIX_ALT, RECIPIENTS,
                               RECIPIENTS_HEAD, SEPARATOR, SIGN_PREFIX, SIGNED, SO_LINE, SUBJECT_LINE, TITLE_LINES,
                               fold_marks, is_position, match_name, match_type_line, split_lines)
from pipeline.sections import MARKERS, sections_of
from pipeline.vocab import POSITIONS, SIGNING_PREFIXES

HEADER_LINES = 40            # the type line is looked for among the first non-blank lines …
PAGE_LINES = 150             # … or, below a web page's menus, under a `Số` line this far down
HEADER_CUE_LINES = 12        # a `Số` line this close above a type line marks a real header
HEADER_SPAN = 20             # non-blank lines of a header at most (above its type line)
TYPE_WORD_CHARS = 6          # a type word broken after its first syllable: 'NGHỊ' / 'QUYẾT'

LIST_ITEM = regex.compile(r"^[ ]{0,40}[-+*][ ]{0,6}\S")





class LineIndex(Sequence):
    """The lines of a text as an array of their starts, each Line made when asked for: what a very
    large document is segmented with (a Line object per line would cost some 300 bytes a line)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = array("q", [0])
        self.starts.extend(m.end() for m in _NEWLINE.finditer(text))

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self.starts)
        start = self.starts[i]
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return Line(start, end, self.text[start:end])


_NEWLINE = regex.compile(r"\n")


def line_block(lines: list[Line]) -> Optional[Block]:
    return Block(lines[0].start, lines[-1].end, lines) if lines else None














def find_type_line(lines: list[Line]) -> Optional[tuple[int, Line]]:
    """The type line (its index and the line): the first one under a `Số` line, else the first
    one near the top (a page saved from a website prints menus and metadata before the
    document's own header)."""
    first, seen, cue = None, 0, -HEADER_CUE_LINES - 1
    for i, ln in enumerate(lines):
        if not ln.text.strip():
            continue
        seen += 1
        if seen > PAGE_LINES or (seen > HEADER_LINES and first is not None):
            break
        typed = _type_line_at(lines, i)
        if typed is not None and not RECIPIENTS.match(ln.text):
            if seen - cue <= HEADER_CUE_LINES:
                return typed
            if first is None and seen <= HEADER_LINES:
                first = typed
        elif SO_LINE.match(ln.text):
            cue = seen
    return first


def _type_line_at(lines: list[Line], i: int) -> Optional[tuple[int, Line]]:
    """The type line at line i, or a type word broken over lines i and i+1 ('NGHỊ' / 'QUYẾT'):
    then one line of both, the break read as a space (offsets unchanged). Returns the index of
    the type line's last line and the line."""
    ln = lines[i]
    if match_type_line(ln.text):
        return i, ln
    word = ln.text.strip()
    if i + 1 < len(lines) and word.isupper() and " " not in word and len(word) <= TYPE_WORD_CHARS:
        joined = Line(ln.start, lines[i + 1].end, f"{ln.text} {lines[i + 1].text}")
        if match_type_line(joined.text):
            return i + 1, joined
    return None


def _worded(text: str) -> bool:
    """A line with a letter or digit (not a table bar, a rule or a star)."""
    return any(c.isalnum() for c in text)


def _header_start(lines: list[Line], t: int, span: int = HEADER_SPAN) -> int:
    """The first line of the header above line t: at most `span` lines with words (table bars
    and rules do not count)."""
    seen = 0
    for i in range(t - 1, -1, -1):
        seen += _worded(lines[i].text)
        if seen > span:
            return i + 1
    return 0


def _title_end(lines: list[Line], start: int) -> int:
    """Index after the title: the non-blank lines after the type line; an all-capitals title
    also runs on across blank lines (a Word document puts each title line in its own paragraph)."""
    i = start
    while i < len(lines) and not lines[i].text.strip():
        i += 1
    end, taken = i, 0
    first_caps = i < len(lines) and _caps(lines[i].text)     # read once: each line is compared with it
    while end < len(lines) and taken < TITLE_LINES:
        text = lines[end].text
        if not text.strip():
            nxt = end + 1
            while nxt < len(lines) and not lines[nxt].text.strip():
                nxt += 1
            if nxt < len(lines) and _caps(lines[end - 1].text) and _caps(lines[nxt].text) \
                    and not _ends_title(lines[nxt].text):
                end = nxt
                continue
            break
        if _ends_title(text) or (end > i and (BODY_OPENER.match(text) or _caps(text) != first_caps
                                              and (first_caps or not mostly_capitals(lines[i].text)))):
            break       # a title in capitals goes on in capitals; one in lower case not in capitals
        end += 1
        taken += 1
    while end > i and not lines[end - 1].text.strip():
        end -= 1
    return end


def _ends_title(text: str) -> bool:
    """A separator, a section heading or a closing cue: the title is over."""
    return bool(SEPARATOR.match(text) or any(rx.match(text) for _, rx in MARKERS[:4])
                or RECIPIENTS.match(text) or SIGN_PREFIX.match(text))


def _caps(text: str) -> bool:
    """A line in capitals of two words or more (a heading, an authority line); the lower-case
    letters of a symbol do not count ('CHỈ THỊ SỐ 13/CT-TTg')."""
    words = text.split()
    if len(words) < 2:
        return False
    # str methods over the words joined: no Python frame per character (title lines are long); a
    # word of letters only has no digit (most words), nor needs filtering
    joined = "".join([w for w in words if "/" not in w and (w.isalpha() or not any(map(str.isdigit, w)))])
    letters = joined if joined.isalpha() else "".join(filter(str.isalpha, joined))
    return bool(letters) and all(map(str.isupper, letters))


# Appendices after the signature, each with an example: the keyword, a label, then nothing, an
# all-capitals name or a colon ('Phụ lục kèm theo gồm 3 trang.' is a sentence, not a heading).
APPENDIX = regex.compile(r"""^[ ]{0,40}(?:
      PH[ỤU][ ]{1,2}L[ỤU]C | Phụ[ ]{1,2}lục     # 'PHỤ LỤC II', 'Phụ lục số 1'
    | BIỂU[ ]{1,2}MẪU | Biểu[ ]{1,2}mẫu         # 'BIỂU MẪU', 'Biểu mẫu 01'
    | MẪU[ ]{1,2}SỐ | Mẫu[ ]{1,2}số             # 'Mẫu số 02'
    )
    (?:[ ]{1,2}(?:[Ss]ố|SỐ)?[ ]{0,2}(?:[IVXLC]{1,6}|\d{1,3}[a-z]?|[A-Z])(?![\p{L}\d]))?   # its label
    (?:[ ]{0,3}$ | [ ]{1,3}[^\p{Ll}\n]{1,160}$ | [ ]{0,2}[.:–—-][^\n]{0,160}$)      # then its name
    """, regex.VERBOSE)
# '(Kèm theo Kế hoạch số …)', '(Ban hành kèm theo Quyết định …)': the headings just above open an appendix.
ATTACHED = regex.compile(r"^[ ]{0,40}\(?[ ]{0,2}(?:Ban[ ]hành[ ])?[Kk]èm[ ]theo[ ]")
# Where a line of the closing zone splits into columns: a run of 3+ spaces or a tab.
COLUMN_GAP = regex.compile(r"[ ]{3,200}|\t[ \t]{0,20}")
# A signature flattened onto the Nơi nhận line by OCR: 'Nơi nhận: TM. BAN THƯỜNG VỤ'.
INNER_PREFIX = regex.compile(r"(?<=[\p{L}\p{P}][ ]{1,2})(?:" + PREFIX_ALT + r")\.?[ ]{1,3}(?=\p{Lu}{2})")
_POSTS_ALT = "|".join(r"[ ]{1,3}".join(map(regex.escape, k.split())) for k in sorted(POSITIONS, key=len, reverse=True))
# Where the closing zone may begin, found in one pass over the text (a line break first: a
# literal is scanned for fast); each hit is then checked. Every cue opens with one of a few letters:
# a lookahead for them fails at once on other lines (trying the alternation of posts costs more).
_CUE_OPENERS = "".join(map(regex.escape, sorted({"N", "n", "P"} | {k[0] for k in SIGNING_PREFIXES}
                                                 | {k[0] for k in POSITIONS})))
CLOSING_CUE = regex.compile(
    r"\n[ \t]{0,60}(?=[" + _CUE_OPENERS + "])"
    r"(?:(?i:N[ơo]i[ ]{1,3}nh[ậa]n)(?:[ ]{0,3}:|[ ]{0,20}(?=\n))"                         # 'Nơi nhận:'
    r"|(?:" + PREFIX_ALT + r")" + AFTER_PREFIX +                          # 'TM. BAN THƯỜNG VỤ'
    r"|(?:PHÓ[ ]{1,3})?(?:" + _POSTS_ALT + r")[ ]{0,20}(?=\n))")           # 'CHÁNH VĂN PHÒNG' alone
# The same cues on a line without marks: a post OCR printed with a wrong mark ('GIÁM ĐÓC').
_FOLDED_CUE = regex.compile(fold_marks(CLOSING_CUE.pattern))
INNER_LOOKBACK = 8          # lines above the first closing cue where a column may hold an authority
CLOSING_LINES = 40          # non-blank lines of the closing zone read at most
COLUMN_SLACK = 6            # characters a column's lines may stray to the left of where it starts




def _authority(text: str) -> bool:
    """'TM. BAN THƯỜNG VỤ', 'KT. CHỦ TỊCH' — a signing prefix before a body or post in capitals
    (not a recipient's line that starts alike: 'KT VB&QLXLVPHC (BỘ TP);')."""
    return bool(SIGN_PREFIX.match(text)) and mostly_capitals(text) and not text.rstrip().endswith(";")


def _post_then_name(lines: list[Line], i: int) -> bool:
    """A bare post ('CHÁNH VĂN PHÒNG') with a name below it: a signature without a prefix."""
    text = lines[i].text
    if len(text) > POST_CHARS or not text.isupper() or not is_position(text):     # cheap tests first
        return False
    for ln in lines[i + 1:i + 8]:
        text = ln.text.strip()
        if text and not SIGNED.match(text):
            return bool(match_name(text))
    return False


def _closing_start(text: str, lines: list[Line], lo: int) -> Optional[int]:
    """The first line of the closing zone: `Nơi nhận`, an authority line or a post over a name;
    or a line laid out with spaces that holds an authority in a column ('Ý KIẾN …   TM. BCH …')."""
    if lo >= len(lines):
        return None
    found = lo if _closing_line(lines, lo) else None
    if found is None:
        found = _first_cue(CLOSING_CUE, text, lines, lo)
    if found is None:       # only then marks are folded: most documents close with a clean cue
        found = _first_folded_cue(lines, lo)
    first = lo if found is None else max(lo, found - INNER_LOOKBACK)
    for i in range(first, len(lines) if found is None else found):
        line = lines[i].text
        if ("   " in line or "\t" in line) and any(_authority(p.text) for _, p in _pieces(lines[i])[1:]):
            return i
    return found


def _first_cue(cue, text: str, lines: list[Line], lo: int) -> Optional[int]:
    """The first line after line `lo` where `cue` finds a closing line."""
    for m in cue.finditer(text, lines[lo].end):
        i = bisect.bisect_right(lines, m.start() + 1, key=_start) - 1
        if _closing_line(lines, i):
            return i
    return None


def _first_folded_cue(lines: Sequence[Line], lo: int) -> Optional[int]:
    """`_first_cue(_FOLDED_CUE, fold_marks(text), lines, lo)` without folding the whole text
    (str.translate costs some 50 ns a character): the cue reads one line, from the break before it
    to the one after it, so each line is matched on its own, and folded only when its first
    characters may open a cue."""
    last = len(lines) - 1
    for i in range(lo + 1, len(lines)):
        text = lines[i].text
        opening = text[:len(text) - len(text.lstrip(" \t")) + 2]
        if _may_open_folded_cue(opening) and _closing_line(lines, i) \
                and _FOLDED_CUE.match("\n" + fold_marks(text) + ("\n" if i < last else "")):
            return i
    return None


@lru_cache(maxsize=4096)
def _may_open_folded_cue(opening: str) -> bool:
    """Whether a line that opens so (its indent and two characters) may be a closing cue once
    its marks are folded: whether the cue could match a line break followed by it."""
    return _FOLDED_CUE.match("\n" + fold_marks(opening), partial=True) is not None


def _closing_line(lines: list[Line], i: int) -> bool:
    text = lines[i].text
    return bool(RECIPIENTS_HEAD.match(text)) or _authority(text) or _post_then_name(lines, i)


def _start(ln: Line) -> int:
    return ln.start


def _appendix_start(lines: list[Line], lo: int) -> Optional[int]:
    """An appendix heading after the closing zone's first line, or the headings above a
    `(Kèm theo …)` line."""
    for i in range(lo + 1, len(lines)):
        text = lines[i].text
        if APPENDIX.match(text):
            return i
        if ATTACHED.match(text):
            top = i
            while top - 1 > lo and lines[top - 1].text.strip() and mostly_capitals(lines[top - 1].text) \
                    and i - top < 4:
                top -= 1
            return top
    return None


def _pieces(ln: Line) -> list[tuple[int, Line]]:
    """A line cut at its column gaps (and before a signing prefix flattened onto a Nơi nhận or
    list line): (column x, piece) pairs."""
    text = ln.text
    core = text.strip()
    listed = bool(core) and (core[0] in "-+*" or bool(RECIPIENTS.match(core)))
    if not core or ("   " not in core and "\t" not in core and not (listed and INNER_PREFIX.search(core))):
        lead = len(text) - len(text.lstrip())          # most lines: one piece, no pattern run
        return [(lead, Line(ln.start + lead, ln.start + lead + len(core), core))] if core else []
    cuts = [(m.start(), m.end()) for m in COLUMN_GAP.finditer(text)]
    if listed:
        cuts += [(m.start(), m.start()) for m in INNER_PREFIX.finditer(text)]
    out, pos = [], 0
    for a, b in sorted(cuts) + [(len(ln.text), len(ln.text))]:
        part = ln.text[pos:a]
        if part.strip():
            lead = len(part) - len(part.lstrip())
            core = part.strip()
            out.append((pos + lead, Line(ln.start + pos + lead, ln.start + pos + lead + len(core), core)))
        pos = max(pos, b)
    return out


def column_lines(lines: list[Line]) -> list[Line]:
    """The zone's lines read column by column: pieces that follow a gap mark where a column
    starts; each piece goes to the column it starts in, left column first, top to bottom."""
    cut = [[*_pieces(ln)] for ln in lines]
    starts = sorted(x for row in cut for x, _ in row[1:])
    bounds: list[int] = []
    for x in starts:
        if not bounds or x - bounds[-1] > 2 * COLUMN_SLACK:
            bounds.append(x)
    placed = []
    for n, row in enumerate(cut):
        for x, piece in row:
            col = sum(1 for b in bounds if x >= b - COLUMN_SLACK)
            placed.append((col, n, piece))
    return [piece for _, _, piece in sorted(placed, key=lambda t: (t[0], t[1]))]


def _recipient_lines(lines: list[Line]) -> list[Line]:
    """The `Nơi nhận` line and the list under it (in the column-ordered lines)."""
    for i, ln in enumerate(lines):
        if RECIPIENTS_HEAD.match(ln.text):
            end = i + 1
            while end < len(lines):
                text = lines[end].text
                if LIST_ITEM.match(text) or (len(text.strip()) < 90 and text.rstrip().endswith((";", ".", ","))
                                             and not _authority(text) and not BARE_PREFIX.match(text)):
                    end += 1
                    continue
                break
            return lines[i:end]
    return []


def split_closing(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(recipient lines, signature lines) of the closing zone, whatever their order or layout."""
    ordered = column_lines(lines)
    rec = _recipient_lines(ordered)
    taken = {id(ln) for ln in rec}
    return rec, [ln for ln in ordered if id(ln) not in taken]


def _nonblank_limit(lines: list[Line], lo: int, hi: int, count: int) -> int:
    """Index after the first `count` non-blank lines of lines[lo:hi]."""
    seen = 0
    for i in range(lo, hi):
        seen += bool(lines[i].text.strip())
        if seen > count:
            return i
    return hi






@dataclass
class Zones:
    """Where the zones of a document are: blocks for the small ones, line indexes for the body
    [body_start, body_end) and the appendix [appendix_start, end)."""

    header: Optional[Block]
    type_line: Optional[Line]
    title: Optional[Block]
    signature: Optional[Block]
    recipients: Optional[Block]
    body_start: int
    body_end: int
    appendix_start: int


def find_zones(text: str, lines: Sequence[Line]) -> Zones:
    typed = find_type_line(lines)
    header = type_line = title = None
    body_start = 0
    if typed is not None:
        t, type_line = typed
        header = line_block([ln for ln in lines[_header_start(lines, t):t] if ln.start < type_line.start])
        title_end = _title_end(lines, t + 1)
        title = line_block([ln for ln in lines[t + 1:title_end] if ln.text.strip()])
        body_start = title_end
        while body_start < len(lines) and SEPARATOR.match(lines[body_start].text):
            body_start += 1
    else:
        head_start, head_end = _headerless_zone(lines)
        if head_end > head_start:
            header = line_block(lines[head_start:head_end])
            body_start = head_end
    close = _closing_start(text, lines, body_start)
    body_end = appendix_start = len(lines)
    rec: list[Line] = []
    sig: list[Line] = []
    if close is not None:
        body_end = close
        appendix_start = _appendix_start(lines, close) or len(lines)
        rec, sig = split_closing(lines[close:_nonblank_limit(lines, close, appendix_start, CLOSING_LINES)])
    return Zones(header, type_line, title, _zone(sig), _zone(rec), body_start, body_end, appendix_start)


def segment(norm: NormText, doc_id: str = "", source_path: str = "") -> SegmentedDoc:
    lines = split_lines(norm.text)
    z = find_zones(norm.text, lines)
    body_lines = lines[z.body_start:z.body_end]
    appendix_lines = lines[z.appendix_start:]
    return SegmentedDoc(
        doc_id=doc_id, source_path=source_path, norm=norm, lines=lines, header=z.header,
        type_line=z.type_line, title=z.title, body=line_block(body_lines),
        signature=z.signature, recipients=z.recipients,
        sections=sections_of(body_lines, appendix_lines), appendix=line_block(appendix_lines))


def _zone(lines: list[Line]) -> Optional[Block]:
    """A block of column lines (not contiguous in the text): from its first to its last offset."""
    return Block(min(ln.start for ln in lines), max(ln.end for ln in lines), lines) if lines else None




HEADERLESS_LINES = 15       # a header without a type line: its Số/date/V/v lines among these
ISSUER_SPAN = 8             # non-blank lines above a `Số` line that may print the issuer


def _headerless_zone(lines: list[Line]) -> tuple[int, int]:
    """Without a type line (công văn), the header runs to its last `Số:`/date/`V/v` line before
    the body opens; it starts at the top, or a few lines above a `Số` line printed under a web
    page's menus."""
    start = seen = 0
    for i, ln in enumerate(lines):
        if not ln.text.strip():
            continue
        seen += 1
        if seen > PAGE_LINES:
            break
        if SO_LINE.match(ln.text):
            start = _header_start(lines, i, ISSUER_SPAN) if seen > HEADERLESS_LINES else 0
            break
    end, seen = start, 0
    for i in range(start, len(lines)):
        ln = lines[i]
        if not _worded(ln.text):
            continue
        seen += 1
        if seen > HEADERLESS_LINES or (end > start and BODY_OPENER.match(ln.text)):
            break       # 'Kính gửi', 'Căn cứ': the body, whose dates are not the document's
        if DATE_HINT.search(ln.text) or SO_LINE.match(ln.text) or SUBJECT_LINE.match(ln.text):
            end = i + 1
            if SUBJECT_LINE.match(ln.text):
                while end < len(lines) and lines[end].text.strip() and not MARKERS[4][1].match(lines[end].text) \
                        and not BODY_OPENER.match(lines[end].text):
                    end += 1
    return start, end
