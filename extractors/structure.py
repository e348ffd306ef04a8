"""Where a span sits in a plan: its section, its sentence, the labels above it, the plan's year.

Shared by the commitment extractors (targets, deadlines, assignments) so that they read the
document's structure the same way.
"""
from __future__ import annotations

import bisect
import operator
from functools import lru_cache
from typing import Iterable, Iterator, Mapping, Optional

import regex

from pipeline.patterns import trie_alternation
from pipeline.vocab import NOT_UNIT_STARTS, PLURAL_UNIT_NOUNS, UNIT_HEADS, UNIT_NAMES
from pipeline.models import Line, SegmentedDoc, Section

# A bullet or numbering marker at a line start, and a short 'Label:' after it.
# Example: '+ Cấp Quận: thành lập …' → label 'Cấp Quận'; '2.2. Đối với cơ sở Đoàn 10 phường:'.
BULLETS = "-+*•·"
MARKER = regex.compile(rf"^[ ]{{0,12}}(?:[IVX]{{1,5}}[ ]{{0,2}}[./\-)]|\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}\.?[ ]{{0,2}}[\-)/.]?|[a-zđ][).]|[{BULLETS}])[ ]{{0,6}}")
# A label: 2–80 characters with none of ':;.()' nor a newline, at most 2 spaces, its colon (not a
# time's, '7:30'), at most 4 spaces; read by label_span with str methods (the grammar is the
# pattern tests/test_assignments_shapes.LABEL, which label_span is tested against).
LABEL_LONGEST = 80
# Sentence ends inside a line: '. ' before a capital letter (not after a one-letter initial or 'TP').
SENTENCE_END = regex.compile(r"(?<=[^\s.]{2}[.!?])[ ]{1,4}(?=[\p{Lu}\d\"“(])")
YEAR_IN_TITLE = regex.compile(r"năm[ ]{1,3}((?:19|20)\d{2})(?![\d/])", regex.IGNORECASE)
# Prefixes that introduce a unit in a heading. Example: 'Đối với cơ sở Đoàn 10 phường', 'Thành lập Ban Tổ chức'.
UNIT_INTRO = regex.compile(r"^(?:đối[ ]với|thành[ ]lập(?:[ ]mới)?)[ ]{1,3}", regex.IGNORECASE)


# The start of a unit's name: a head word ('Ban', 'Sở', 'Bộ', 'Tỉnh ủy'), or a generic unit noun
# after 'các' ('Các cơ quan, đơn vị'); not a head word that starts another phrase ('Báo cáo', 'Bộ máy').
UNIT_HEAD_WORDS = ("các", "những", "mỗi", *UNIT_HEADS, *UNIT_NAMES)      # every word a UNIT_START match opens with


def lower_words(words: Iterable[str]) -> set[str]:
    """The words in lower case, for (suffix_)trie_alternation under IGNORECASE: folding keeps each one's
    length (and so matches what the word matches)."""
    assert all(len(w.casefold()) == len(w) for w in words)
    return {w.casefold() for w in words}


def suffix_trie_alternation(words: Iterable[str]) -> str:
    r"""An alternation of the words for a REVERSE pattern, their shared ends factored out ('nghị định|
    quy định' → '(?:(?:nghị\ |quy\ )định)'): a REVERSE match reads each branch from its end, and tries
    only those that go on with the character before. A word that another one ends (a suffix of it) is
    tried after it, as alternation() tries the longest first. Under IGNORECASE give the words in one
    case (lower_words)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in reversed(word):
            node = node.setdefault(ch, {})
        node[""] = {}           # a word starts here: tried after the words that go on
    def group(node: dict) -> str:
        branches = "|".join(group(child) + regex.escape(ch) for ch, child in node.items() if ch)
        if not branches:
            return ""
        return f"(?:{branches})?" if "" in node else f"(?:{branches})"
    return group(root)


UNIT_START = regex.compile(
    rf"""^(?:
        (?:các|những|mỗi)[ ]{{1,3}}{trie_alternation(lower_words(PLURAL_UNIT_NOUNS))}    # 'các cơ quan, đơn vị'
      | (?:(?:các|những|mỗi)[ ]{{1,3}})?(?!{trie_alternation(lower_words(NOT_UNIT_STARTS))}(?!\p{{L}}))
        {trie_alternation(lower_words(UNIT_HEADS | set(UNIT_NAMES)))}                    # 'Sở Tài chính', 'các Bộ'
    )(?![\p{{L}}])""",
    regex.IGNORECASE | regex.VERBOSE)
MAX_UNIT_WORDS = 20          # 'Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa' is 15
_START = operator.itemgetter(0)     # a span's start
LABEL_REACH = LABEL_LONGEST + 3      # a label's colon stands within its label and the spaces before it


# Decimal digits of other scripts ('٣', '۲', '３') are digits to `\d` too. All of them stand in these two
# ranges (tests/test_extract_speed.py checks every code point): a text with no character there has
# ASCII digits only, and a pattern may open with '[0-9]', which `regex` scans for fast (a pattern that
# opens with `\d` or a look-behind is tried at every character). Each range is its own pattern: a
# class of one range is scanned fast, one of two is not.
_OTHER_DIGITS_LOW, _OTHER_DIGITS_HIGH = regex.compile(r"[\u0660-\u1dff]"), regex.compile(r"[\u2070-\U0010ffff]")


def ascii_digits_only(text: str, lo: int = 0, hi: Optional[int] = None) -> bool:
    r"""Whether every character of text[lo:hi] that `\d` matches is an ASCII digit (most texts: a
    Vietnamese letter, a dash or a quote mark stands outside the ranges)."""
    hi = len(text) if hi is None else hi
    return not (_OTHER_DIGITS_LOW.search(text, lo, hi) or _OTHER_DIGITS_HIGH.search(text, lo, hi))


def doc_ascii_digits(doc: SegmentedDoc) -> bool:
    """ascii_digits_only of the whole text, scanned once per document (citations and deadlines both
    ask; a part of a text of ASCII digits holds ASCII digits only)."""
    if doc.ascii_digits is None:
        doc.ascii_digits = ascii_digits_only(doc.text)
    return doc.ascii_digits


def body_lines(doc: SegmentedDoc) -> list[Line]:
    return list(doc.body.lines) if doc.body else []


_LETTER_MARKERS = frozenset("abcdefghijklmnopqrstuvwxyzđ")     # MARKER's '[a-zđ][).]'


def strip_marker(text: str) -> tuple[int, str]:
    """(characters removed, text) without the bullet or numbering marker."""
    first = text[:1]
    # a line that opens with a letter (a paragraph) has no marker, unless 'I.', 'V)' or 'a)' opens it:
    # no need to try MARKER (every line of every extractor comes here)
    if first.isalpha() and first not in "IVX" and (first not in _LETTER_MARKERS or text[1:2] not in (")", ".")):
        return 0, text
    if first and first in BULLETS:      # '- ', '+ ': MARKER's bullet, and the spaces after it (at most 6)
        after = text[1:8]
        n = 1 + min(6, len(after) - len(after.lstrip(" ")))
        return n, text[n:]
    m = MARKER.match(text)
    n = m.end() if m else len(text) - len(text.lstrip())
    return n, text[n:]


def label_span(text: str) -> Optional[tuple[int, int]]:
    """(where the label ends, where the text after it starts), or None, read with str methods: a
    lazy pattern would try its colon after each character of the label (up to 80). The label holds
    none of ':;.()' nor a newline, so its colon is the first of them."""
    colon = text.find(":", 0, LABEL_REACH)
    if colon < 2 or text[colon + 1:colon + 2].isdecimal():      # '(?!\d)': not a time '7:30'
        return None
    label = text[:colon]
    if ";" in label or "." in label or "(" in label or ")" in label or "\n" in label:
        return None
    end = colon           # the label stops before at most 2 spaces, keeping at least 2 characters
    while end > 2 and colon - end < 2 and text[end - 1] == " ":
        end -= 1
    if end > LABEL_LONGEST:
        return None
    after = colon + 1     # and the text after it, after at most 4 spaces
    while after < colon + 5 and text[after:after + 1] == " ":
        after += 1
    return end, after


def label_at(text: str, max_words: int = 8) -> tuple[Optional[str], int]:
    """(label, where the text after it starts), or (None, 0). See label_of. A label has at most
    `max_words` words (a unit's name with a person's post may be longer than a topic's)."""
    span = label_span(text)
    if span is None or len(text[:span[0]].split()) > max_words:
        return None, 0
    return text[:span[0]].strip(), span[1]


def label_of(text: str) -> Optional[str]:
    """'Cấp Quận: thành lập …' → 'Cấp Quận' (text already without its marker)."""
    return label_at(text)[0]


def section_at(doc: SegmentedDoc, offset: int) -> Optional[Section]:
    """The innermost section whose span holds the offset: the last one to start before it, or
    the nearest of its ancestors that still holds it (sections nest)."""
    i = bisect.bisect_right(doc.section_starts, offset) - 1
    sec = doc.sections[i] if i >= 0 else None
    while sec is not None and not (sec.start <= offset and (offset <= sec.end or offset <= sec.heading_end)):
        sec = doc.sections[sec.parent] if sec.parent is not None else None
    return sec


def lineage(doc: SegmentedDoc, sec: Optional[Section]) -> Iterator[Section]:
    """The section and its ancestors, innermost first."""
    while sec is not None:
        yield sec
        sec = doc.sections[sec.parent] if sec.parent is not None else None


def labels_above(doc: SegmentedDoc, at: Optional[Section]) -> list[str]:
    """The 'Label:' or short heading of the section and of its ancestors, innermost first.
    Example: a target in '+ Cấp Quận: …' under '- Quý I: …' → ['Cấp Quận', 'Quý I', …]."""
    return [lab for lab in map(section_label, lineage(doc, at)) if lab]


def section_label(sec: Section) -> Optional[str]:
    """The 'Label:' of the section's heading, or its short heading (not a bullet's), or None."""
    lab = label_of(sec.heading)
    if lab is None and sec.kind not in ("dash", "plus", "star") and len(sec.heading.split()) <= 8:
        lab = sec.heading.rstrip(" :.")
    return lab or None


def sentences(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentences of text[lo:hi] (one line), as absolute spans."""
    # SENTENCE_END starts right after '. ', '! ' or '? ': try it only there (a pattern that opens
    # with a lookbehind is otherwise tried at every character)
    a = max(lo - 1, 0)
    marks = sorted(_find_all(text, ". ", a, hi) + _find_all(text, "! ", a, hi) + _find_all(text, "? ", a, hi))
    spans, start = [], lo
    for mark in marks:
        at = mark + 1
        if at < start:
            continue
        m = SENTENCE_END.match(text, at, hi) if at >= lo else None
        if m:
            spans.append((start, m.start()))
            start = m.end()
    spans.append((start, hi))
    return spans


def _find_all(text: str, sub: str, lo: int, hi: int) -> list[int]:
    out = []
    i = text.find(sub, lo, hi)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + 1, hi)
    return out


def containing(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span of a sorted, contiguous list that holds the offset."""
    i = bisect.bisect_right(spans, offset, key=_START) - 1
    return spans[max(i, 0)]


@lru_cache(maxsize=64)
def _casefolded(text: str, lo: int, hi: int) -> str:
    # targets and deadlines both scan the same body: it is folded once (a str caches its hash)
    return text[lo:hi].casefold()


def starts_of(text: str, words: Iterable[str], lo: int = 0, hi: Optional[int] = None,
              digits: Optional[regex.Pattern] = None, whole: bool = False,
              followed: Optional[Mapping[str, str]] = None) -> list[int]:
    """Sorted offsets in text[lo:hi] where one of the lower-case `words`, in any case, or a match of
    `digits` starts: the only places where a pattern that opens with one of them can match (see
    matches_at). `digits` finds where a match that opens with a digit may start (most digits are
    none: trying each would cost more than this scan).
    With `whole`, a word counts only with no letter right before or after it ('ba' in 'ban' does not),
    and a word that `followed` maps to a pattern only where that pattern follows it in the case-folded
    text (a space there, not a letter: 'năm' only before ' mươi')."""
    hi = len(text) if hi is None else hi
    folded = _casefolded(text, lo, hi)
    if len(folded) != hi - lo:      # a character folds to several ('ß' → 'ss'): offsets would shift
        return list(range(lo, hi))
    out = [m.start() for m in digits.finditer(text, lo, hi)] if digits else []
    for w in words:
        if whole and followed and w in followed:    # most places of such a word are not before the pattern: refused in C
            out += [lo + m.start() for m in _followed_word(w, followed[w]).finditer(folded)
                    if not text[lo + m.start() - 1:lo + m.start()].isalpha()]
            continue
        i = folded.find(w)
        while i >= 0:
            at = lo + i
            if not whole or not (text[at - 1:at].isalpha() or text[at + len(w):at + len(w) + 1].isalpha()):
                out.append(at)
            i = folded.find(w, i + 1)
    return sorted(out)


# Latin letters, case-folded: every character that folds to one of them is a letter (str.isalpha),
# as tests/test_targets_fast_paths.py checks over every code point.
_FOLDED_LATIN = r"[a-zß-öø-ÿ\u0100-\u024f\u1e00-\u1eff]"


@lru_cache(maxsize=256)
def _followed_word(word: str, followed: str) -> regex.Pattern:
    """Where `word` stands in a case-folded text with no Latin letter right before it and `followed`
    after it: a superset of its whole-word places before `followed` (a letter of another script is left
    to the caller). It opens with the word, which `regex` scans for; the look-behind is read behind it."""
    w = regex.escape(word)
    return regex.compile(rf"{w}(?<!{_FOLDED_LATIN}{w})(?={followed})")


def matches_at(pattern: regex.Pattern, text: str, starts: Iterable[int], pos: int = 0) -> Iterator[regex.Match]:
    """pattern.finditer(text, pos) for a pattern whose every match is non-empty and starts at one of
    the sorted offsets `starts` (from starts_of). `regex` has no fast scan for a pattern that opens
    with a lookbehind or a case-insensitive alternation: it would try it at every character."""
    end = pos
    for s in starts:
        if s >= end:
            m = pattern.match(text, s)
            if m:
                yield m
                end = m.end()


def lines_holding(lines: list[Line], offsets: list[int]) -> Iterator[tuple[Line, list[int]]]:
    """The lines (sorted, disjoint) that hold one of the sorted offsets, each with its offsets
    relative to its start: a walk over the offsets, not every line."""
    firsts = [ln.start for ln in lines]
    i = bisect.bisect_left(offsets, firsts[0]) if lines else len(offsets)
    while i < len(offsets):
        k = bisect.bisect_right(firsts, offsets[i]) - 1
        ln = lines[k]
        j = bisect.bisect_left(offsets, ln.end, i)
        if j > i:
            yield ln, [s - ln.start for s in offsets[i:j]]
            i = j
        else:               # between two lines: on to the next one
            i = bisect.bisect_left(offsets, firsts[k + 1], i) if k + 1 < len(lines) else len(offsets)


def unit_name(text: str) -> Optional[str]:
    """The unit a heading or label names, or None. 'Đối với cơ sở Đoàn 10 phường:' → 'cơ sở Đoàn 10 phường'."""
    text = text.strip().rstrip(" :.;")
    intro = UNIT_INTRO.match(text)
    name = text[intro.end():] if intro else text
    if not name or not UNIT_START.match(name) or len(name.split()) > MAX_UNIT_WORDS:
        return None
    return name[0].upper() + name[1:] if name != text else name   # 'Đối với cơ sở …' → 'Cơ sở …'


def doc_year(doc: SegmentedDoc, found: Mapping[str, list]) -> Optional[int]:
    """The plan's year: from its issue date; without a date line, from 'năm 2024' in the title.
    Otherwise None (a yearless date then stays without a year)."""
    for f in found.get("fields", []):
        if f.field == "issue_date" and f.value:
            return int(f.value[:4])
    if doc.title:
        years = YEAR_IN_TITLE.findall(doc.title.text)
        if years:
            return int(years[-1])
    return None


# Table rows as the readers render them: docx gives a data table one line per row with its cells
# joined by ' | ' (pipeline/ingest/docx.py::_table); a Markdown pipe table has the same cells between
# an outer pair of pipes ('| a | b |'), and its '|---|---|' rule line is no row.
CELL_SEP = " | "
_RULE_ROW = regex.compile(r"^[ ]{0,3}\|?(?:[ ]{0,3}:?-{3,}:?[ ]{0,3}\|){1,40}[ ]{0,3}(?::?-{3,}:?[ ]{0,3})?$")


def table_cells(text: str) -> Optional[list[str]]:
    """The cells of a table row line, or None for a line that is no row.
    'Nội dung | Cơ quan chủ trì | Thời gian' and '| Nội dung | Cơ quan chủ trì | Thời gian |' → the same 3 cells."""
    s = text.strip()
    if s.startswith("|") and s.endswith("|") and len(s) > 1:
        s = s[1:-1].strip()
    elif CELL_SEP not in s:
        return None
    if "|" not in s or _RULE_ROW.match(text):
        return None
    return [c.strip() for c in s.split("|")]


def _lone_pipe(ln: Line) -> bool:
    return "|" in ln.text and ln.text.strip() == "|"


def table_rows(lines: list[Line]) -> Iterator[tuple[list[str], int, int]]:
    """The rows of the tables in `lines`, as (cells, start, end): the one-line rows of table_cells, and
    the rows of a pipe table whose every pipe stands on a line of its own (a converted Markdown
    table: '|', 'Nội dung', '|', 'Sở Y tế', '|', '|', …, two pipes in a row ending a row; a cell may
    run over several lines). An empty cell of that form cannot be told from a row's end."""
    i = 0
    while i < len(lines):
        ln = lines[i]
        if "|" not in ln.text:          # most lines: no table's
            i += 1
            continue
        if not _lone_pipe(ln):
            cells = table_cells(ln.text)
            if cells:
                yield cells, ln.start, ln.end
            i += 1
            continue
        row: list[str] = []
        cell: list[str] = []
        start = ln.start
        i += 1
        while i < len(lines) and lines[i].text.strip():      # the table runs to a blank line
            cur = lines[i]
            if not _lone_pipe(cur):
                cell.append(cur.text.strip())
            elif cell:
                row.append(" ".join(cell))
                cell = []
            elif row:                       # a second pipe in a row: the row ends
                yield row, start, lines[i - 1].end
                row, start = [], cur.start
            i += 1
        if row:
            yield row, start, lines[i - 1].end
