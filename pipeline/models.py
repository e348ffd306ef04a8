"""Plain dataclasses that flow through the stages: ingest → normalize → segment → extract."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional


class StageError(Exception):
    """A document-level failure: the document gets a row in `errors` and the batch goes on."""

    def __init__(self, stage: str, message: str):
        super().__init__(message)
        self.stage = stage
        self.message = message


@dataclass
class Problem:
    """A non-fatal finding about one document (an `errors` row with severity `warning`),
    or a fatal one when the document could not be read at all (severity `error`)."""

    stage: str
    message: str
    severity: str = "warning"
    page: Optional[int] = None


@dataclass
class RawDocument:
    """What a reader returns: text before normalization, plus how it was obtained."""

    text: str
    source_format: str                      # txt, docx, pdf, doc, rtf
    text_source: str = "text"               # text | ocr | legacy-tcvn3 | legacy-vni ...
    encoding: Optional[str] = None          # utf-8, utf-16, cp1258, tcvn3, vni …
    encoding_confidence: Optional[float] = None
    pages: Optional[int] = None
    text_confidence: Optional[float] = None     # OCR: mean word confidence
    problems: list[Problem] = field(default_factory=list)
    stamped: list[tuple[int, int]] = field(default_factory=list)   # spans OCR read from stamped pictures


@dataclass(frozen=True)
class Edits:
    """One normalization step's replacements, in order: new text [new_start, new_end) was raw
    text [old_start, old_end). Everything between edits is unchanged, shifted."""

    new_start: list[int]
    new_end: list[int]
    old_start: list[int]
    old_end: list[int]

    def back(self, n: int) -> int:
        """Offset before this step of the character at offset n after it."""
        i = bisect.bisect_right(self.new_start, n) - 1
        if i < 0:
            return n
        if n < self.new_end[i]:      # inside a replacement: its chars map one to one, then to its last
            return self.old_start[i] + min(n - self.new_start[i], max(self.old_end[i] - self.old_start[i] - 1, 0))
        return n - self.new_end[i] + self.old_end[i]


@dataclass
class NormText:
    """Normalized text plus the edits of each normalization step, to map offsets back to `raw`.

    The map costs nothing per character: an offset is carried back through each step's edits.
    """

    text: str
    raw: str
    steps: list[Edits] = field(default_factory=list)

    def source_offset(self, n: int) -> int:
        for edits in reversed(self.steps):
            n = edits.back(n)
        return n

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text span for a normalized span (end exclusive). Every record's span is mapped: both
        ends go back through the steps in one walk."""
        if end <= start:
            s = self.source_offset(start)
            return s, s
        last = end - 1
        for edits in reversed(self.steps):
            start, last = edits.back(start), edits.back(last)
        return start, last + 1


@dataclass
class Line:
    start: int          # offsets into NormText.text, end exclusive, without the newline
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass
class Section:
    """A node of the body tree: a heading (I., 1., 1.1., a)) or a bullet item (-, +)."""

    index: int
    parent: Optional[int]
    level: int
    kind: str            # roman | arabic | decimal | letter | dash | plus | star
    label: str           # "IV", "1.2", "a", "-"
    path: str            # "IV/1/1.2" — labels of the ancestors and itself
    heading: str         # the heading line without its marker
    start: int           # heading line start
    end: int             # end of the node's content (before the next sibling or ancestor)
    heading_end: int     # end of the heading line


@dataclass
class Block:
    """A contiguous zone of the document (header, type line, title, body, signature, recipients)."""

    start: int
    end: int
    lines: list[Line]

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


@dataclass
class SegmentedDoc:
    doc_id: str
    source_path: str
    norm: NormText
    lines: list[Line]
    header: Optional[Block]
    type_line: Optional[Line]
    title: Optional[Block]
    body: Optional[Block]
    signature: Optional[Block]
    recipients: Optional[Block]
    sections: list[Section]
    appendix: Optional[Block] = None     # PHỤ LỤC / Biểu mẫu after the signature: read, never signature or header
    # where each section starts, in order: the index `section_at` bisects (built once, with the doc)
    section_starts: list[int] = field(init=False, repr=False, compare=False)
    # whether the text's digits are all ASCII, once an extractor has asked (extractors.structure.doc_ascii_digits)
    ascii_digits: Optional[bool] = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.section_starts = [sec.start for sec in self.sections]

    @property
    def text(self) -> str:
        return self.norm.text


@dataclass
class FieldValue:
    """One `documents` field with its evidence span in the normalized text."""

    field: str
    value: Optional[str]
    start: Optional[int] = None
    end: Optional[int] = None
    confidence: float = 1.0
    method: str = ""


@dataclass
class Signer:
    """One signer of the signature block (joint plans have several, side by side)."""

    order: int                          # 1 = first (the one in `documents`)
    signer_name: Optional[str]
    signer_title: Optional[str]
    signing_authority: Optional[str]
    start: int
    end: int
    confidence: float = 0.9
    # where each value was read: field → (start, end) of its line(s); not a column of the table
    spans: dict = field(default_factory=dict, repr=False)


@dataclass
class Recipient:
    recipient: str
    purpose: Optional[str]
    start: int
    end: int
