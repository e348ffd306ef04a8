"""A very large document analyzed in pieces, so that its memory stays linear with a small constant.

Past `LARGE_CHARS` of text, the zones are found on a line index (pipeline/segment.py:LineIndex,
no object per line), then the body is cut into pieces of about `PIECE_CHARS`, each before a line
that opens a top-level section (a heading, not a bullet): there the section tree starts afresh,
so each piece builds the same sections as the whole body would, and its sections' ends are the
same. Each piece is a document of its own text (a slice) for the extractors: the first piece
holds everything above the body and is read by every extractor (header, signature, recipients
too — the closing zone's blocks are given to it); the others only by the body extractors, with the
first piece's fields, and the last one holds the closing zone and the appendix. Records are
shifted back to offsets into the whole normalized text, and each piece's rows are given out
before the next piece is read, so that rows never all live at once.

What differs from reading the document whole: a citation takes its missing date or issuer only
from mentions of its own piece, and a body without a top-level heading every `PIECE_CHARS` makes
larger pieces (a piece is never cut inside a top-level section).
"""
from __future__ import annotations

from typing import Iterator, Optional

from pipeline.extract import FRAME_TABLES, document_problems, extract_all
from pipeline.models import Block, Line, NormText, Problem, RawDocument, SegmentedDoc
from pipeline.segment import BULLET_KINDS, LineIndex, SectionTree, find_zones
from pipeline.tables import record_rows

LARGE_CHARS = 8 * 2**20      # text past this is read in pieces (the seeds are 7–24 K characters)
PIECE_CHARS = 2**20


def pieces(lines: LineIndex, lo: int, hi: int, size: Optional[int] = None) -> Iterator[tuple[int, int]]:
    """Line ranges [a, b) covering lines[lo:hi], each cut before a line that opens a top-level
    heading once it holds `size` characters."""
    size, tree, a = size or PIECE_CHARS, SectionTree(), lo
    for i in range(lo, hi):
        ln = lines[i]
        opens = tree.level_of(ln.text)
        if opens is not None and opens[1] == 0 and opens[0] not in BULLET_KINDS \
                and i > a and ln.start - lines[a].start >= size:
            yield a, i
            a, tree = i, SectionTree()
        tree.add(ln)
    if hi > a:
        yield a, hi


def _shifted(block: Optional[Block], by: int) -> Optional[Block]:
    """A block of the whole text placed in a piece's offsets (negative when above the piece:
    the extractors still read its lines, and no span of the piece falls inside it)."""
    if block is None:
        return None
    lines = [Line(ln.start + by, ln.end + by, ln.text) for ln in block.lines]
    return Block(block.start + by, block.end + by, lines)


def _block(lines: list[Line]) -> Optional[Block]:
    return Block(lines[0].start, lines[-1].end, lines) if lines else None


def table_parts(raw: RawDocument, norm: NormText, doc_id: str,
                source_path: str) -> Iterator[tuple[dict[str, list[dict]], list, list[Problem]]]:
    """The rows of the document's tables piece by piece: each piece's table → rows, then the
    `fields` records and the problems (the reader's and the header's with the first piece)."""
    text = norm.text
    index = LineIndex(text)
    z = find_zones(text, index)
    ranges = list(pieces(index, z.body_start, z.body_end))
    if not ranges:
        ranges = [(z.body_start, z.body_start)]
    first_lo, last_hi = ranges[0][0], ranges[-1][1]
    ranges[0] = (0, ranges[0][1])                       # everything above the body
    ranges[-1] = (ranges[-1][0], len(index))            # the closing zone and the appendix
    frame: dict[str, list] = {}
    section_base = 0
    for n, (a, b) in enumerate(ranges):
        c0 = index.starts[a]
        c1 = index.starts[b] - 1 if b < len(index) else len(text)
        piece = NormText(text[c0:c1], "", [])
        lines = [Line(ln.start - c0, ln.end - c0, ln.text) for ln in index[a:b]]
        local = dict(zip(range(a, b), lines))
        body_lo, body_hi = (first_lo if n == 0 else a), (last_hi if n == len(ranges) - 1 else b)
        body_lines = [local[i] for i in range(body_lo, min(body_hi, z.body_end))]
        appendix = [local[i] for i in range(max(z.appendix_start, a), b)] if z.appendix_start < len(index) else []
        tree = SectionTree()
        for ln in body_lines:
            tree.add(ln)
        sections = tree.close(body_lines[-1].end if body_lines else 0)
        if appendix:
            extra = SectionTree()
            for ln in appendix:
                extra.add(ln)
            shift = len(sections)
            for sec in extra.close(appendix[-1].end):
                sec.index += shift
                sec.parent = None if sec.parent is None else sec.parent + shift
                sections.append(sec)
        last = n == len(ranges) - 1
        doc = SegmentedDoc(
            doc_id=doc_id, source_path=source_path, norm=piece, lines=lines,
            header=_shifted(z.header, -c0),
            type_line=Line(z.type_line.start - c0, z.type_line.end - c0, z.type_line.text) if z.type_line else None,
            title=_shifted(z.title, -c0), body=_block(body_lines),
            signature=_shifted(z.signature, -c0) if last else None,
            recipients=_shifted(z.recipients, -c0) if last else None,
            sections=sections, appendix=_block(appendix))
        problems: list[Problem] = []
        if n == 0:
            frame_doc = _frame(norm, index, z, doc, b)
            frame = {t: v for t, v in extract_all(frame_doc, problems).items() if t in FRAME_TABLES}
            frame_tables = {t: record_rows(t, doc_id, frame[t], norm) for t in FRAME_TABLES}
            problems += document_problems(frame_doc, frame)
        records = extract_all(doc, problems, seed=frame)
        for t in FRAME_TABLES:
            records.pop(t, None)
        tables = {name: record_rows(name, doc_id, recs, piece) for name, recs in records.items()}
        tables["sections"] = record_rows("sections", doc_id, [
            {**vars(s), "section_index": s.index, "parent_index": s.parent} for s in sections], None)
        for name, rows in tables.items():
            for row in rows:
                if row.get("start") is not None:
                    row["start"] += c0
                    row["end"] += c0
                    if "source_start" in row:
                        row["source_start"], row["source_end"] = norm.to_source(row["start"], row["end"])
                if name == "sections":
                    row["section_index"] += section_base
                    if row["parent_index"] is not None:
                        row["parent_index"] += section_base
        section_base += len(sections)
        if n == 0:
            tables.update(frame_tables)
            problems = list(raw.problems) + problems
        yield tables, frame["fields"] if n == 0 else [], problems


def _frame(norm: NormText, index: LineIndex, z, first: SegmentedDoc, b: int) -> SegmentedDoc:
    """The document as the header, signature and recipient extractors see it: the whole text, the
    lines above the end of the first piece and those of the closing zone, the first piece's body
    and sections (the first piece starts the text, so its offsets are the whole text's)."""
    lines = index[0:b] + index[max(b, z.body_end):z.appendix_start]
    return SegmentedDoc(doc_id=first.doc_id, source_path=first.source_path, norm=norm, lines=lines,
                        header=z.header, type_line=z.type_line, title=z.title, body=first.body,
                        signature=z.signature, recipients=z.recipients, sections=first.sections,
                        appendix=None)
