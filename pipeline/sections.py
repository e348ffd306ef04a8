"""The body as a section tree: numbered headings (I., 1., 1.1., a)) and bullet items (-, +, *).

A node's level follows the order in which marker kinds first appear under its parent, as a reader
reads a plan: whatever the document numbers with first is the outer level.
"""
from __future__ import annotations

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
MARKER = regex.compile("|".join(rx.pattern[1:].replace("(?P<label>", f"(?P<{kind}>") for kind, rx in MARKERS))


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



def sections_of(*zones: list[Line]) -> list[Section]:
    """The section trees of several zones (body, appendix) as one list, indexes renumbered."""
    out: list[Section] = []
    for lines in zones:
        shift = len(out)
        for sec in build_sections(lines):
            sec.index += shift
            sec.parent = None if sec.parent is None else sec.parent + shift
            out.append(sec)
    return out

