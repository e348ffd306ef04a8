"""The body as a section tree: numbered headings (I., 1., 1.1., a)) and bullet items (-, +, *).

A node's level follows the order in which marker kinds first appear under its parent, as a reader
reads a plan: whatever the document numbers with first is the outer level.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

import regex

from pipeline.models import Line, Section

# Section markers at the start of a line, with an example each.
MARKERS = [
    ("roman", regex.compile(r"^[ ]{0,12}(?P<label>[IVX]{1,5})[ ]{0,2}(?:[.\-)]|/(?![vV]\b))[ ]{0,6}(?=\S)")),  # 'I/ MỤC ĐÍCH', not 'V/v'
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
# The indent they all open with is read once (no marker starts with a space: the same fits).
_INDENT = "^[ ]{0,12}"
assert all(rx.pattern.startswith(_INDENT) for _, rx in MARKERS)
MARKER = regex.compile(_INDENT + "(?:" + "|".join(rx.pattern[len(_INDENT):].replace("(?P<label>", f"(?P<{kind}>")
                                                for kind, rx in MARKERS) + ")")


class SectionTree:
    """Builds the tree of numbered headings and bullet items line by line (a very large document
    feeds it piece by piece); levels follow the order markers appear in."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.keys: list[str] = []           # the open headings, outermost first: marker kind (decimals by depth)
        self.stack: list[int] = []          # … and their section indexes
        self.counters: dict[Optional[int], int] = {}

    def add(self, ln: Line) -> None:
        m = MARKER.match(ln.text) if ln.text else None      # a blank line (many are) holds none
        if m is None:
            return
        kind, label = m.lastgroup, m[m.lastindex]
        key = f"decimal{label.count('.')}" if kind == "decimal" else kind
        keys, stack, sections = self.keys, self.stack, self.sections
        if kind == "roman":
            keys.clear()
            stack.clear()
        elif key in keys:
            i = keys.index(key)
            del keys[i:], stack[i:]
        parent = stack[-1] if stack else None
        if kind in BULLET_KINDS:
            self.counters[parent] = n = self.counters.get(parent, 0) + 1
            label = f"{label}{n}"
        index = len(sections)
        path = sections[parent].path + "/" + label if parent is not None else label
        # positional: a dataclass __init__ takes them about twice as fast as keywords (one per line)
        sections.append(Section(index, parent, len(stack), kind, label, path,   # index … path,
                                ln.text[m.end():].strip(), ln.start, ln.end, ln.end))   # heading, start, end, heading_end
        keys.append(key)
        stack.append(index)

    def close(self, last_end: int) -> list[Section]:
        """The sections, each running until the next node at its level or above (and ending
        before that one's line); the last ones until `last_end`."""
        sections = self.sections
        open_nodes: list[int] = []
        for sec in sections:
            while open_nodes and sections[open_nodes[-1]].level >= sec.level:
                sections[open_nodes.pop()].end = max(0, sec.start - 1)
            open_nodes.append(sec.index)
        for idx in open_nodes:
            sections[idx].end = last_end
        return sections


def build_sections(lines: Sequence[Line]) -> list[Section]:
    """Tree of numbered headings and bullet items (see SectionTree)."""
    tree = SectionTree()
    for ln in lines:
        tree.add(ln)
    return tree.close(lines[-1].end if lines else 0)


def sections_of(*zones: list[Line]) -> list[Section]:
    """The section trees of several zones (body, appendix) as one list, indexes renumbered."""
    out: list[Section] = []
    for lines in zones:
        shift = len(out)
        sections = build_sections(lines)
        if shift:           # the first zone's indexes stand
            for sec in sections:
                sec.index += shift
                sec.parent = None if sec.parent is None else sec.parent + shift
        out += sections
    return out

