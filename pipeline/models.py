"""Plain dataclasses that flow through the stages: ingest → normalize → segment → extract."""
from __future__ import annotations

from array import array
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


@dataclass
class NormText:
    """Normalized text plus, for every normalized character, its offset in the raw text.

    `src[i]` is the raw offset of normalized char i; `src[len(text)]` is the raw end.
    """

    text: str
    raw: str
    src: array

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text span for a normalized span (end exclusive)."""
        if end <= start:
            s = self.src[start]
            return s, s
        return self.src[start], self.src[end - 1] + 1


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
class Recipient:
    recipient: str
    purpose: Optional[str]
    start: int
    end: int
