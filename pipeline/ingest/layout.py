"""One layout model for every reader: lines that know their column.

An administrative document sets two zones in two columns: the header (issuer | national motto,
`Số:` | place and date) and the foot (Nơi nhận | signature). Every reader hands them over the same
way, as a person reads them: the left column top to bottom, then the right column top to bottom.
Tables do the same when they are layout tables (at most two columns that hold text); data tables
give one line per row with cells joined by ` | `. Page furniture (page numbers) is dropped here
for every format.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

import regex

HEAD_LINES = 40          # the type line (KẾ HOẠCH, CHỈ THỊ …) stands within the first lines of page 1
SPACED_GAP = 3           # a run of this many spaces (or a tab) separates two columns in plain text
TAB = 8
RIGHT_HALF = 0.4         # a piece of a spaced line starting right of this share of the width is the right column
EDGE_LINES = 3           # page headers/footers are among the first/last lines of a page
NEAR_FOOT = 4            # a signing line this many lines above Nơi nhận still stands beside it


@dataclass(frozen=True)
class Piece:
    """A run of text on one visual line: left edge x, top (growing downwards) and its text
    (with OCR, the mean confidence of its words, 0–100)."""

    x: float
    top: float
    text: str
    conf: float = 100.0


def columns(pieces: Sequence[Piece], middle: float) -> list[str]:
    """Lines of a two-column zone: pieces left of `middle` top to bottom, then the right ones."""
    ordered = sorted(pieces, key=lambda p: (p.x >= middle, p.top, p.x))
    return [p.text for p in ordered]


# Where a line typed in two columns breaks: a tab or a run of spaces ('Nơi nhận:       KT. GIÁM ĐỐC').
_COLUMN_BREAK = regex.compile(r"\t|[ ]{%d,}" % SPACED_GAP)
# The place-and-date line of the header: 'Hà Nội, ngày 19 tháng 11 năm 2025', 'ngày …. tháng'.
_DATE_LINE = regex.compile(r"(?i)ngày[ .…]{0,8}\d{0,2}[ .…]{1,8}tháng")


def zone_bounds(lines: Sequence[str], first_page: bool = True) -> tuple[Optional[int], Optional[int]]:
    """(end of the header zone, start of the foot zone) as line indexes, either may be None.

    The header ends at the type line (KẾ HOẠCH, CHỈ THỊ …); a công văn has none, and its header
    ends after its last `Số:`, date or `V/v` line among the first lines. The foot starts at the
    last Nơi nhận line when a signing line stands near it (beside, above or below), or when
    something is typed beside it (a title with no prefix: 'Nơi nhận:      GIÁM ĐỐC')."""
    from pipeline.patterns import RECIPIENTS, SIGN_PREFIX, SO_LINE, TYPE_LINE, VV_LINE

    head_end = None
    if first_page:
        head = lines[:HEAD_LINES]
        head_end = next((i for i, ln in enumerate(head) if TYPE_LINE.match(ln)), None)
        if head_end is None:
            marks = [i + 1 for i, ln in enumerate(head[:HEAD_LINES // 2])
                     if SO_LINE.match(ln) or VV_LINE.match(ln) or _DATE_LINE.search(ln)]
            head_end = marks[-1] if marks else None
    # the last Nơi nhận line, looked for from the end (where it stands)
    last = next((i for i in range(len(lines) - 1, -1, -1) if RECIPIENTS.match(lines[i])), None)
    foot_start = None
    if last is not None and (len(_COLUMN_BREAK.split(lines[last].strip())) > 1    # a title typed beside it
                             or any(SIGN_PREFIX.match(part) for ln in lines[max(0, last - NEAR_FOOT):]
                                    for part in _COLUMN_BREAK.split(ln.strip()))):
        foot_start = last
    return head_end, foot_start


# ---------------------------------------------------------------- tables

# A cell that numbers a row of a data table: '1', '12', 'IV', 'a', '1.2'.
_ROW_NUMBER = regex.compile(r"^[ ]{0,4}(?:\d{1,4}(?:\.\d{1,3}){0,3}|[IVXLC]{1,6}|[a-zđ])[.)]?[ ]{0,4}$")


def _numbered(grid: list[list[list[str]]], col: int) -> bool:
    """A column numbering the rows (STT) marks a data table even when it has only two columns."""
    rows = [r for r in grid if col < len(r) and any(s.strip() for s in r[col])]
    numbered = sum(1 for r in rows if len([s for s in r[col] if s.strip()]) == 1
                   and _ROW_NUMBER.match(next(s for s in r[col] if s.strip())))
    return len(rows) >= 3 and numbered * 2 > len(rows)


def render_table(grid: list[list[list[str]]]) -> list[str]:
    """Lines of a table given as rows of cells, each cell a list of lines.

    Layout tables (at most two columns hold text: header, signature block) are read column by
    column, a line per cell line; data tables (more columns, or a numbered column) give one line
    per row with the cells joined by ` | `."""
    width = max((len(r) for r in grid), default=0)
    filled = [c for c in range(width) if any(c < len(r) and any(s.strip() for s in r[c]) for r in grid)]
    if len(filled) <= 2 and not (filled and _numbered(grid, filled[0])):
        return [s for c in filled for r in grid if c < len(r) for s in r[c]]
    return [" | ".join(" ".join(s.strip() for s in cell if s.strip()) for cell in r)
            for r in grid if any(s.strip() for cell in r for s in cell)]        # empty rows are left out


# ---------------------------------------------------------------- plain text laid out with spaces

# A run of words with at most two spaces inside: one column's piece of a line.
_RUN = regex.compile(r"\S+(?:[ ]{1,%d}\S+)*" % (SPACED_GAP - 1))


def spaced_columns(lines: Sequence[str]) -> Optional[list[str]]:
    """Lines of a zone typed in two columns with runs of spaces or tabs (`pdftotext -layout`,
    Word copies), left column first; None when no line holds two columns."""
    if not any("\t" in ln.strip() or " " * SPACED_GAP in ln.strip() for ln in lines) \
            or any(ln.lstrip().startswith("|") for ln in lines):
        return None         # no wide gap, or a drawn table (its cells are the columns)
    rows = [ln.replace("\t", " " * SPACED_GAP + "\t").expandtabs(TAB).rstrip() for ln in lines]  # a tab always parts
    runs = [list(_RUN.finditer(row)) for row in rows]
    width = max(len(row) for row in rows)
    # a later piece far enough right starts the right column ('Số:      /TB-UBND' is one column)
    right_starts = [next((m.start() for m in r[1:] if m.start() >= RIGHT_HALF * width), None) for r in runs]
    right_starts = [x for x in right_starts if x is not None]
    if not right_starts:
        return None
    middle = 0.75 * min(right_starts)   # a centred right-column line starts a little left of the rest
    pieces = []
    for top, (row, found) in enumerate(zip(rows, runs)):
        cut = next((m.start() for m in found if m.start() >= middle), len(row))
        pieces += [Piece(x, top, part.strip()) for x, part in ((0, row[:cut]), (cut, row[cut:])) if part.strip()]
    return columns(pieces, middle)


def reflow_spaced(text: str) -> str:
    """Plain text with its header and foot zones split into columns (see `spaced_columns`)."""
    if "\t" not in text and " " * SPACED_GAP not in text:
        return text         # no line can hold two columns (and a large text is not split for nothing)
    lines = text.split("\n")
    head_end, foot_start = zone_bounds(lines)
    if head_end is None and foot_start is None:
        return text
    head = lines[:head_end] if head_end else []
    foot = lines[foot_start:] if foot_start is not None else []
    middle = lines[len(head):foot_start if foot_start is not None else len(lines)]
    head = spaced_columns(head) or head
    foot = spaced_columns(foot) or foot
    return "\n".join([*head, *middle, *foot])


# ---------------------------------------------------------------- page furniture

# A line that is only a page number: '- 2 -', 'Trang 2', 'Trang 2/5', '2'.
_PAGE_NUMBER_BODY = r"""[ \t]{0,60}(?:
      -[ ]{0,2}\d{1,3}[ ]{0,2}-              # '- 2 -'
    | trang[ ]{1,3}\d{1,3}(?:[ ]{0,2}/[ ]{0,2}\d{1,3})?   # 'Trang 2', 'Trang 2/5'
    | (?P<bare>\d{1,3})                       # '2' — only between blank lines
    )[ \t]{0,60}$"""
_PAGE_NUMBER = regex.compile("^" + _PAGE_NUMBER_BODY, regex.IGNORECASE | regex.VERBOSE)


def is_page_number(line: str) -> bool:
    """Whether the line reads as a page number ('- 2 -', 'Trang 2', or a bare '2')."""
    return _PAGE_NUMBER.match(line) is not None


def page_number_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of the page-number lines: '- 2 -' and 'Trang 2' anywhere, a bare number only
    when it stands alone between blank lines (or the text's edges)."""
    found = set()
    for i, line in enumerate(lines):
        m = _PAGE_NUMBER.match(line)
        if m and m.group("bare"):
            before = i == 0 or not lines[i - 1].strip()
            after = i + 1 == len(lines) or not lines[i + 1].strip()
            if not (before and after):
                continue
        if m:
            found.add(i)
    return found


# The same line in a whole text: its first line, or one after a line break. The search opens with
# the break, a literal it scans for fast; a multiline `^` would be tried at every character.
_PAGE_NUMBER_LINE = regex.compile("^" + _PAGE_NUMBER_BODY, regex.IGNORECASE | regex.VERBOSE | regex.MULTILINE)
_PAGE_NUMBER_AFTER_BREAK = regex.compile(r"\n" + _PAGE_NUMBER_BODY, regex.IGNORECASE | regex.VERBOSE | regex.MULTILINE)


def may_hold_page_numbers(text: str) -> bool:
    """Whether a line of the text reads as a page number (then `drop_page_numbers` has work)."""
    return _PAGE_NUMBER_LINE.match(text) is not None or _PAGE_NUMBER_AFTER_BREAK.search(text) is not None


def drop_page_numbers(lines: list[str]) -> list[str]:
    drop = page_number_lines(lines)
    return [ln for i, ln in enumerate(lines) if i not in drop] if drop else lines


def strip_running_lines(pages: list[Optional[str]]) -> list[Optional[str]]:
    """Drop page headers/footers: a line near the top or bottom repeated on most pages
    (digits ignored, so 'Trang 1' and 'Trang 2' count as one)."""
    if len(pages) < 2:
        return pages
    key = lambda s: regex.sub(r"\d+", "#", " ".join(s.split()))  # noqa: E731
    edges = Counter()
    for page in pages:
        lines = [ln for ln in (page or "").split("\n") if ln.strip()]
        for ln in {key(x) for x in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}:
            edges[ln] += 1
    running = {k for k, n in edges.items() if n >= max(2, (len(pages) + 1) // 2) and k}
    if not running:
        return pages
    out = []
    for page in pages:
        if page is None:
            out.append(None)
            continue
        lines = page.split("\n")
        nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
        drop = {i for i in nonblank[:EDGE_LINES] + nonblank[-EDGE_LINES:] if key(lines[i]) in running}
        out.append("\n".join(ln for i, ln in enumerate(lines) if i not in drop))
    return out
