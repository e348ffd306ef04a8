"""Markdown reader (`.md`, `.markdown`): documents converted from web pages.

The text is rendered as a person reads it, in the shape the Word reader gives: tables — `| a | b |`
rows, and the web conversions that put every cell on its own lines between lone `|` lines — are
laid out by `layout.render_table`; emphasis, rules, escapes, links, images and footnotes go; a
line break inside an emphasis span or a wrapped body paragraph is a space. Website boilerplate
around the document (menus, a metadata table, related documents) is cut: the document starts at
the header row that holds the national motto (or the Party's name) and ends with its signature
table, or with the appendices after it.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Optional

import regex

from pipeline.ingest.layout import drop_page_numbers, render_table
from pipeline.models import RawDocument

MAX_TABLE_WIDTH = 12
MAX_CELL_LINES = 30          # a longer run of lines between two pipes is body text between tables
MAX_PIPES = 200              # pipes looked ahead at once: a longer table goes on in the next block

# The right-hand header of a State or Party document: where the document proper starts. It may
# follow a cell's pipe and be broken over lines inside emphasis ('**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA**').
MOTTO = regex.compile(r"""(?xm)(?:^|\|)[ *_#]{0,8}(?:
      CỘNG[\s*_]{1,6}HÒA[\s*_]{1,6}XÃ[\s*_]{1,6}HỘI          # 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    | ĐẢNG[\s*_]{1,6}CỘNG[\s*_]{1,6}SẢN[\s*_]{1,6}VIỆT[\s*_]{1,6}NAM   # 'ĐẢNG CỘNG SẢN VIỆT NAM'
    | ĐOÀN[\s*_]{1,6}TNCS[\s*_]{1,6}HỒ[\s*_]{1,6}CHÍ[\s*_]{1,6}MINH   # 'ĐOÀN TNCS HỒ CHÍ MINH'
    )""")
# What may follow the signature and still belong to the document: an appendix, or a text issued
# with it ('QUY CHẾ … (Ban hành kèm theo Quyết định số …)').
APPENDIX = regex.compile(r"""(?ix)
      ^[ ]{0,8}(?:phụ[ ]{1,3}lục|biểu[ ]{1,3}mẫu|mẫu[ ]{1,3}số|danh[ ]{1,3}sách|danh[ ]{1,3}mục)\b  # 'PHỤ LỤC I'
    | \bkèm[ ]{1,3}theo\b                                     # '(Kèm theo Quyết định số 12/QĐ-UBND …)'
    """)
# A part of a text issued with the document: 'Chương I', 'Phần II', 'Điều 1.', 'I. MỤC ĐÍCH'.
PART = regex.compile(r"^[ ]{0,8}(?:(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU)[ ]{1,3}[\dIVXLC]|[IVXLC]{1,6}[.)][ ]{1,3}\p{Lu})")

_LONE_PIPE = "|"
_RULE = regex.compile(r"^[ ]{0,8}(?:[-*_=][ ]{0,2}){3,}$")                   # '---', '***', '- - -', '==='
_TABLE_RULE = regex.compile(r"^[ ]{0,3}\|?[ ]{0,3}:?-{1,200}:?[ ]{0,3}(?:\|[ ]{0,3}:?-{1,200}:?[ ]{0,3}){0,40}\|?[ ]{0,3}$")
_GLUED_RULE = regex.compile(r"(?<=\S)[ ]{0,2}(?:-{3,}|_{3,}|={3,})[ ]{0,4}$")  # 'CHÍNH PHỦ-------'
_ONLY_STARS = regex.compile(r"^[ *_]{1,40}$")                                  # '* *', '** **'
_ATX = regex.compile(r"^[ ]{0,3}#{1,6}(?:[ ]|$)")
_BULLET = regex.compile(r"^([ ]{0,6})[*+][ ]{1,4}(?=\S)")                      # '* item' → '- item'
_LONE_BULLET = regex.compile(r"(?m)^([ ]{0,6}[-+•])[ ]{0,4}\n(?=[ ]{0,6}\S)")         # '-\nNhư Điều 3;'
_FOOTNOTE_DEF = regex.compile(r"^[ ]{0,3}\[\^[^\]\n]{1,20}\]:")
_ENTITY = regex.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# An emphasis span, whose line breaks are soft: '**UỶ BAN NHÂN\nDÂN**', '*Hà Nội, ngày\n19 …*'.
_SPAN = regex.compile(r"(?P<m>\*\*|\*|__)(?=\S)(?:[^*\n]|\n(?!\n)){1,400}?(?<=\S)[ ]{0,3}(?P=m)")
# Markup inside a line, removed in one pass (the order of the branches matters at one position).
_INLINE = regex.compile(r"""(?x)
      \\(?P<esc>[\\`*_{}\[\]()#+\-.!|<>~])               # backslash escape: '\.' → '.'
    | !\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)               # image: dropped
    | \[(?P<link>[^\]\n]{1,300})\]\([^)\n]{0,500}\)      # link: its text
    | \[\^[^\]\n]{1,20}\]                                # footnote reference: dropped
    | (?P<note>\(\*{1,3}\))                              # '(*)' note mark: kept
    | \*{1,3}                                            # emphasis stars: dropped
    | (?<![\p{L}\p{N}_])_{1,2}(?=[\p{L}\p{N}])           # opening '_' / '__' of emphasis
    | (?<=[\p{L}\p{N}.,:;)])_{1,2}(?![\p{L}\p{N}_])      # closing '_' / '__'
    | <br[ ]{0,2}/?>                                     # HTML line break
    """)
# A body line that starts a block of its own, never the tail of a wrapped paragraph.
_BLOCK_START = regex.compile(r"""(?x)^[ ]{0,8}(?:
      [-+•][ ]                                 # bullet
    | \d{1,3}(?:\.\d{1,3}){0,3}[.)][ ]?        # '1.', '2.3.', '4)'
    | [a-zđ]\)                                 # 'a)'
    | [IVXLC]{1,6}[./)]                        # 'IV.'
    | (?:Điều|Chương|Mục)[ ]\d                 # 'Điều 3'
    | [*_]                                     # an emphasised line
    )""")
_SENTENCE_END = regex.compile(r"[.:;!?][*_ ]{0,4}$")
_EMPHASIS_END = regex.compile(r"(?:\*|__)[ ]{0,2}$")


@dataclass
class _Block:
    lines: list[str] = field(default_factory=list)             # a paragraph's lines
    rows: Optional[list[list[str]]] = None                     # a table's rows of cells (raw text)

    def cells(self) -> list[str]:
        return [c for r in self.rows for c in r] if self.rows is not None else ["\n".join(self.lines)]


# ---------------------------------------------------------------- parsing into blocks

def _fit_rows(slots: list[str], width: int) -> list[list[str]]:
    """Rows of `width` cells from the texts between lone pipes: rows are joined by an empty slot
    (the row's closing pipe and the next row's opening one); the table ends where none follows."""
    rows, k = [], 0
    while k + width <= len(slots):
        rows.append(slots[k:k + width])
        k += width
        if k + 1 + width > len(slots) or slots[k].strip():
            break
        k += 1
    return rows


def _cell_table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """The table of cells on their own lines that opens at lone pipe i: its rows and the index of
    its closing pipe. The width is the one giving most rows (then the narrowest of at least two
    columns): a wider guess would swallow the body between two tables as one more cell. A header
    or a signature table has two columns: a row that opens like one fixes the width."""
    for window in (3 * MAX_TABLE_WIDTH, MAX_PIPES):     # most tables end within the small window
        pipes = _pipes(lines, i, window)
        slots = ["\n".join(lines[a + 1:b]) for a, b in zip(pipes, pipes[1:])]
        best: list[list[str]] = []
        widths = [2] if _layout_row(slots[:2]) else range(1, MAX_TABLE_WIDTH + 1)
        for width in widths:
            rows = _fit_rows(slots, width)
            if rows and (len(rows) > len(best) or len(rows) == len(best) and len(best[0]) == 1):
                best = rows
        if not best:
            return [], i
        used = sum(len(r) for r in best) + len(best) - 1
        if used + MAX_TABLE_WIDTH < len(slots) or len(pipes) <= window:
            break                  # the table ended inside the window, or the run did
    return best, pipes[used]


def _pipes(lines: list[str], i: int, most: int) -> list[int]:
    """The lone pipes of the run that opens at line i, at most `most` + 1 of them."""
    pipes = [i]
    j = i + 1
    while j < len(lines) and j - pipes[-1] <= MAX_CELL_LINES and len(pipes) <= most:
        s = lines[j].strip()
        if s == _LONE_PIPE:
            pipes.append(j)
        elif not s and lines[j - 1].strip() == _LONE_PIPE or _ATX.match(lines[j]):
            break                  # a blank line after a pipe, or a heading, closes the run
        j += 1
    return pipes


def _layout_row(cells: list[str]) -> bool:
    """Whether two cells open a header (issuer | motto) or a foot (Nơi nhận | signature) row."""
    from pipeline.patterns import RECIPIENTS, SIGN_PREFIX

    if len(cells) < 2:
        return False
    left, right = (_plain(c)[:4] for c in cells)
    return any(MOTTO.match(ln) or SIGN_PREFIX.match(ln) for ln in right) or any(RECIPIENTS.match(ln) for ln in left)


def _pipe_row(line: str) -> bool:
    s = line.strip()
    return len(s) > 1 and "|" in s and (s[0] == "|" or s[-1] == "|")


def _split_row(line: str) -> list[str]:
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    return [c.strip() for c in regex.split(r"(?<!\\)\|", s)]


def _blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if s == _LONE_PIPE:
            rows, end = _cell_table(lines, i)
            if rows:
                blocks.append(_Block(rows=rows))
            i = end + 1
        elif _pipe_row(lines[i]):
            j = i
            rows = []
            while j < len(lines) and _pipe_row(lines[j]):
                if not _TABLE_RULE.match(lines[j]):
                    rows.append(_split_row(lines[j]))
                j += 1
            blocks.append(_Block(rows=rows))
            i = j
        elif not s or _RULE.match(s) or _FOOTNOTE_DEF.match(s):
            i += 1
        else:
            j = i + 1           # a paragraph; a heading is one of its own
            while j < len(lines) and not _ATX.match(lines[i]) and lines[j].strip() and lines[j].strip() != _LONE_PIPE \
                    and not _pipe_row(lines[j]) and not _RULE.match(lines[j].strip()) and not _ATX.match(lines[j]):
                j += 1
            blocks.append(_Block(lines=lines[i:j]))
            i = j
    return blocks


# ---------------------------------------------------------------- inline rendering

def _inline(line: str) -> str:
    def repl(m: regex.Match) -> str:
        if m.group("esc") is not None:
            return m.group("esc")
        if m.group("link") is not None:
            return m.group("link")
        if m.group("note") is not None:
            return m.group("note")
        return "\n" if m.group().startswith("<") else ""

    line = _INLINE.sub(repl, line)
    if "&" in line:
        line = _ENTITY.sub(lambda m: html.unescape(m.group()), line)
    return _GLUED_RULE.sub("", line).rstrip()


def _soft_breaks(text: str) -> str:
    """Line breaks inside an emphasis span or after a lone bullet are spaces; lines of only
    stars are empty."""
    text = "\n".join("" if _ONLY_STARS.match(ln) else _BULLET.sub(r"\1- ", ln) for ln in text.split("\n"))
    text = _LONE_BULLET.sub(r"\1 ", text)
    return _SPAN.sub(lambda m: m.group().replace("\n", " "), text)


def _cell_lines(text: str) -> list[str]:
    """A cell's lines. A line that opens with a digit or a small letter goes on the line before
    ('Số:\n7360/KH-UBND', '(để báo\ncáo)'); a capital opens a line of its own (the issuer's
    lines, a signer's title and name)."""
    out: list[str] = []
    for line in _soft_breaks(text).split("\n"):
        if _RULE.match(line) or _FOOTNOTE_DEF.match(line):
            continue
        for part in (p.strip() for p in _inline(line).split("\n")):
            if out and (part[:1].isdigit() or part[:1].islower()) and not _BLOCK_START.match(part):
                out[-1] = f"{out[-1]} {part}"
            elif part:
                out.append(part)
    return out


def _wrapped(prev: str, line: str) -> bool:
    """Whether `line` continues the paragraph line `prev` that the web page wrapped: not after a
    sentence end or the end of an emphasis, not before a list marker; an all-caps line goes on
    in capitals only (a wrapped title: 'VỀ\nVIỆC TĂNG CƯỜNG …', not 'PHÓ CHỦ TỊCH\nTrần Văn A')."""
    if _SENTENCE_END.search(prev) or _EMPHASIS_END.search(prev) or _BLOCK_START.match(line):
        return False
    if not any(c.islower() for c in prev):
        return not any(c.islower() for c in line)
    return line[:1].islower() or line[:1].isdigit() or len(prev.strip()) >= 40


def _paragraph_lines(lines: list[str]) -> list[str]:
    raw = _soft_breaks("\n".join(lines)).split("\n")
    joined: list[str] = []
    prev = ""
    for line in raw:
        if joined and line.strip() and prev.strip() and _wrapped(prev, line.strip()):
            joined[-1] = joined[-1].rstrip() + " " + line.strip()
        else:
            joined.append(line)
        prev = line
    out = []
    for line in joined:
        if _ATX.match(line):
            line = _ATX.sub("", line)
        out += [p.strip() for p in _inline(line).split("\n") if p.strip()]
    return out


def _render(block: _Block) -> list[str]:
    if block.rows is None:
        return drop_page_numbers(_paragraph_lines(block.lines))
    return render_table([[_cell_lines(c) for c in row] for row in block.rows])


# ---------------------------------------------------------------- the document proper

def _plain(text: str) -> list[str]:
    return [_inline(ln).strip() for ln in _soft_breaks(text).split("\n")]


def _start(lines: list[str]) -> int:
    """Index of the line where the document proper starts: the header row that holds the motto
    (in a table of cells on their own lines, the issuer's cell before the motto's), or the
    all-caps issuer lines above a motto set as plain text; 0 when there is no motto."""
    text = "\n".join(lines)
    m = MOTTO.search(text)
    if not m:
        return 0
    at = text.count("\n", 0, m.start())
    pipes = [i for i in range(max(0, at - 2 * MAX_CELL_LINES), at) if lines[i].strip() == _LONE_PIPE]
    if pipes and all(ln.strip() for ln in lines[pipes[-1]:at]):
        if len(pipes) >= 2 and any(ln.strip() for ln in lines[pipes[-2] + 1:pipes[-1]]) \
                and all(ln.strip() for ln in lines[pipes[-2]:pipes[-1]]):
            return pipes[-2]         # the issuer's cell
        return pipes[-1]
    start = at
    while start > 0 and at - start < 6 and lines[start - 1].strip() and not any(
            c.islower() for c in lines[start - 1]) and not _pipe_row(lines[start - 1]):
        start -= 1
    return start


def _is_foot(block: _Block) -> bool:
    from pipeline.patterns import RECIPIENTS, SIGN_PREFIX

    return block.rows is not None and any(RECIPIENTS.match(ln) or SIGN_PREFIX.match(ln)
                                          for cell in block.cells() for ln in _plain(cell))


def _belongs(line: str) -> bool:
    """Whether a line after the signature opens something the document carries with it."""
    from pipeline.patterns import TYPE_LINE

    return bool(APPENDIX.search(line) or MOTTO.match(line) or TYPE_LINE.match(line) or PART.match(line))


def _site_heading(block: _Block) -> bool:
    """A Markdown heading of the web page ('## Văn bản liên quan'), not one of an appendix."""
    if block.rows is not None or not _ATX.match(block.lines[0]):
        return False
    text = _plain(_ATX.sub("", block.lines[0]))[0]
    return bool(text) and not _belongs(text)


def _end(blocks: list[_Block]) -> int:
    """Index after the last block of the document: its last signature table, or, when an
    appendix or a text issued with it follows, the first heading of the web page after that."""
    feet = [b for b in range(len(blocks)) if _is_foot(blocks[b])]
    if not feet:
        return len(blocks)
    after = feet[-1] + 1
    site = next((b for b in range(after, len(blocks)) if _site_heading(blocks[b])), len(blocks))
    for b in range(after, site):
        lines = _plain(_ATX.sub("", blocks[b].lines[0])) if blocks[b].rows is None else []
        if any(_belongs(ln) for cell in blocks[b].cells() for ln in _plain(cell)[:3]) \
                or any(_belongs(ln) for ln in lines):
            return site
    return after


def render(text: str) -> str:
    """The document in a Markdown text, as plain lines (see the module docstring)."""
    lines = text.replace("\r\n", "\n").split("\n")
    blocks = _blocks(lines[_start(lines):])
    out: list[str] = []
    for block in blocks[:_end(blocks)]:
        lines = _render(block)
        if lines:
            if out:
                out.append("")
            out += lines
    return "\n".join(out)


def read_markdown(path) -> RawDocument:
    from pipeline.ingest.txt import decode_bytes

    with open(path, "rb") as fh:
        raw = decode_bytes(fh.read())
    raw.text = render(raw.text)
    raw.source_format = "markdown"
    return raw
