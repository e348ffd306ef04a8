"""A very large document analyzed in pieces, so that its memory stays linear with a small constant.

Past `LARGE_CHARS` of text, the zones are found on a line index (pipeline/segment.py:LineIndex,
no object per line), then the body is cut into pieces of about `PIECE_CHARS`, each before a line
that opens a section. Each piece is a document of its own small text for the extractors: the
headings still open at the cut (its ancestors) are printed above its lines and the section tree
goes on from where the previous piece left it (levels, labels, bullet counts), so that a piece
builds the sections the whole body would. The header, signature and recipient extractors read the
document once, with the first piece as its body (`_frame`); the others read each piece, with those
fields. Records are shifted back to offsets into the whole normalized text (those of the
ancestors' lines are the previous pieces' and dropped), and each piece's rows are given out before
the next piece is read, so that rows never all live at once.

What differs from reading the document whole: a citation takes a missing date or issuer only from
mentions of its own piece; a heading's row in `sections` comes when its section closes (so rows
are not in index order); the appendix after the closing zone is read in one piece with the last.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Iterator, Optional

from pipeline.extract import FRAME_TABLES, document_problems, extract_all, mark_stamped
from pipeline.models import Block, Line, NormText, Problem, RawDocument, SegmentedDoc, Section
from pipeline.sections import MARKER, SectionTree, build_sections
from pipeline.segment import LineIndex, Zones, find_zones, line_block
from pipeline.tables import record_rows

LARGE_CHARS = 8 * 2**20      # text past this is read in pieces (a long plan is some 100 K characters)
PIECE_CHARS = 2**18


def pieces(lines: LineIndex, lo: int, hi: int, size: Optional[int] = None) -> Iterator[tuple[int, int]]:
    """Line ranges [a, b) covering lines[lo:hi], each cut before a line that opens a section
    once it holds `size` characters."""
    size, a = size or PIECE_CHARS, lo
    for i in range(lo + 1, hi):
        if lines.starts[i] - lines.starts[a] >= size and MARKER.match(lines[i].text):
            yield a, i
            a = i
    if hi > a:
        yield a, hi


@dataclass
class _Carry:
    """The section tree at a cut: the headings still open (outermost first, whole-text offsets and
    indexes) with their lines, their marker keys and the bullets counted under each and at the top."""

    ancestors: list[Section] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    top: Optional[int] = None


def _shifted(block: Optional[Block], by: int) -> Optional[Block]:
    """A block of the whole text placed in a piece's offsets (negative when above the piece:
    the extractors still read its lines, and no span of the piece falls inside it)."""
    if block is None:
        return None
    return Block(block.start + by, block.end + by, [Line(ln.start + by, ln.end + by, ln.text) for ln in block.lines])


class _Sections:
    """The rows of the body's sections in whole-text offsets, each given once its end is known
    (the next heading at its level or above, as SectionTree.close does for a whole body)."""

    def __init__(self, doc_id: str):
        self.doc_id, self.count, self.open = doc_id, 0, []

    def add(self, sec: Section) -> list[dict]:
        self.count += 1
        closed = []
        while self.open and self.open[-1].level >= sec.level:
            closed.append(self.open.pop())
            closed[-1].end = max(0, sec.start - 1)
        self.open.append(sec)
        return self.rows(closed)

    def close(self, end: int) -> list[dict]:
        closed, self.open = self.open[::-1], []
        for sec in closed:
            sec.end = end
        return self.rows(closed)

    def rows(self, sections: list[Section]) -> list[dict]:
        return record_rows("sections", self.doc_id, sections, None)


def table_parts(raw: RawDocument, norm: NormText, doc_id: str,
                source_path: str) -> Iterator[tuple[dict[str, list[dict]], list, list[Problem]]]:
    """The rows of the document's tables piece by piece: each piece's table → rows, then the
    `fields` records and the problems (the reader's and the header's with the first piece)."""
    text = norm.text
    index = LineIndex(text)
    z = find_zones(text, index)
    ranges = list(pieces(index, z.body_start, z.body_end)) or [(z.body_start, z.body_start)]
    first_lo, last_hi = ranges[0][0], ranges[-1][1]
    ranges[0] = (0, ranges[0][1])                       # everything above the body
    ranges[-1] = (ranges[-1][0], len(index))            # the closing zone and the appendix
    carry, body = _Carry(), _Sections(doc_id)
    frame: dict[str, list] = {}
    frame_tables: dict[str, list[dict]] = {}
    for n, (a, b) in enumerate(ranges):
        last = n == len(ranges) - 1
        c0 = index.starts[a]
        c1 = index.starts[b] - 1 if b < len(index) else len(text)
        prefix = "".join(line + "\n" for line in carry.lines)
        shift = len(prefix) - c0                        # a piece offset is a whole-text one + shift
        piece = NormText(prefix + text[c0:c1], "", [])
        above, pos = [], 0
        for line in carry.lines:
            above.append(Line(pos, pos + len(line), line))
            pos += len(line) + 1
        own = [Line(ln.start + shift, ln.end + shift, ln.text) for ln in index[a:b]]
        body_lo = (first_lo if n == 0 else a) - a
        body_lines = above + own[body_lo:max(body_lo, min(last_hi if last else b, z.body_end) - a)]
        appendix = own[z.appendix_start - a:] if last and z.appendix_start < len(index) else []

        # the section tree, on from the previous piece's
        k, base = len(above), body.count
        tree = _continued(carry, above)
        for ln in body_lines[k:]:
            tree.add(ln)
        whole = carry.ancestors + [_placed(sec, sec.index - k + base, None if sec.parent is None else
                                           (carry.ancestors[sec.parent].index if sec.parent < k else sec.parent - k + base),
                                           -shift) for sec in tree.sections[k:]]
        carry = _Carry([whole[i] for i in tree.stack], [piece.text[tree.sections[i].start:tree.sections[i].heading_end]
                                                        for i in tree.stack],
                       list(tree.keys), [tree.counters.get(i, 0) for i in tree.stack], tree.counters.get(None))
        section_rows = [row for sec in whole[k:] for row in body.add(sec)]
        sections = tree.close(body_lines[-1].end if body_lines else 0)
        extra = build_sections(appendix)
        for sec in extra:
            sec.index += len(sections)
            sec.parent = None if sec.parent is None else sec.parent + len(sections)

        doc = SegmentedDoc(
            doc_id=doc_id, source_path=source_path, norm=piece, lines=above + own,
            header=_shifted(z.header, shift),
            type_line=Line(z.type_line.start + shift, z.type_line.end + shift, z.type_line.text) if z.type_line else None,
            title=_shifted(z.title, shift), body=line_block(body_lines),
            signature=_shifted(z.signature, shift) if last else None,
            recipients=_shifted(z.recipients, shift) if last else None,
            sections=sections + extra, appendix=line_block(appendix))
        problems: list[Problem] = []
        if n == 0:
            frame_doc = _frame(norm, index, z, doc, b)
            frame = {t: v for t, v in extract_all(frame_doc, problems, only=FRAME_TABLES).items() if t in FRAME_TABLES}
            mark_stamped(frame_doc, frame, raw.stamped)
            frame_tables = {t: record_rows(t, doc_id, frame[t], norm) for t in FRAME_TABLES}
            problems += document_problems(frame_doc, frame)
        records = extract_all(doc, problems, seed=frame)
        tables = {name: record_rows(name, doc_id, [r for r in recs if r.start is None or r.start >= len(prefix)], piece)
                  for name, recs in records.items() if name not in FRAME_TABLES}
        for rows in tables.values():
            for row in rows:
                if row["start"] is not None:
                    row["start"] -= shift
                    row["end"] -= shift
                    row["source_start"], row["source_end"] = norm.to_source(row["start"], row["end"])
        if last:
            section_rows += body.close(index[z.body_end - 1].end if z.body_end > z.body_start else 0)
            section_rows += body.rows([_placed(sec, sec.index - len(sections) + body.count,
                                               None if sec.parent is None else sec.parent - len(sections) + body.count,
                                               -shift) for sec in extra])
        tables["sections"] = section_rows
        if n == 0:
            tables.update(frame_tables)
            problems = list(raw.problems) + problems
        yield tables, frame["fields"] if n == 0 else [], problems


def _placed(sec: Section, index: int, parent: Optional[int], by: int) -> Section:
    """The section with another index and parent, its offsets moved by `by`."""
    return dataclasses.replace(sec, index=index, parent=parent, start=sec.start + by, end=sec.end + by,
                               heading_end=sec.heading_end + by)


def _continued(carry: _Carry, above: list[Line]) -> SectionTree:
    """A section tree in the state the carry describes, its open headings on the lines above."""
    tree = SectionTree()
    for j, (sec, ln) in enumerate(zip(carry.ancestors, above)):
        tree.sections.append(_placed(sec, j, j - 1 if j else None, ln.start - sec.start))
    tree.keys = list(carry.keys)
    tree.stack = list(range(len(above)))
    tree.counters = {j: c for j, c in enumerate(carry.counts) if c}
    if carry.top is not None:
        tree.counters[None] = carry.top
    return tree


def _frame(norm: NormText, index: LineIndex, z: Zones, first: SegmentedDoc, b: int) -> SegmentedDoc:
    """The document as the header, signature and recipient extractors see it: the whole text, the
    lines above the end of the first piece and those of the closing zone, the first piece's body
    and sections (the first piece starts the text, so its offsets are the whole text's)."""
    lines = index[0:b] + index[max(b, z.body_end):z.appendix_start]
    return SegmentedDoc(doc_id=first.doc_id, source_path=first.source_path, norm=norm, lines=lines,
                        header=z.header, type_line=z.type_line, title=z.title, body=first.body,
                        signature=z.signature, recipients=z.recipients, sections=first.sections,
                        appendix=None)
