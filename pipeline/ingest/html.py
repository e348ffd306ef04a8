"""HTML reader, for web pages saved with a `.doc` or `.txt` name (common in old archives) and
Word's "Save as Web Page" `.htm`.

Tables are rendered by `layout.render_table`, like the Word reader's: a header or signature
table reads column by column. Word's footnote marks (`[1]`) are left out of the sentences.
"""
from __future__ import annotations

from html.parser import HTMLParser

from pipeline.ingest.layout import drop_page_numbers, render_table
from pipeline.models import RawDocument

_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "title"}
_SKIP = {"script", "style", "head"}


def _is_footnote_mark(tag: str, attrs: dict) -> bool:
    """A footnote mark in the text (`<a href="#_ftn1">[1]</a>`); the notes themselves stay at
    the end, after the signature, where Word puts them: they cite documents."""
    return tag == "a" and (attrs.get("href") or "").startswith(("#_ftn", "#_edn"))


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []      # tags whose content is left out, innermost last
        self.depth: dict[str, int] = {}    # open tags of the same name inside a skipped one
        self.tables: list[list[list[list[str]]]] = []     # open tables: rows of cells of parts

    def _out(self) -> list[str]:
        """Where text goes: the innermost open cell, else the document."""
        if self.tables and self.tables[-1] and self.tables[-1][-1]:
            return self.tables[-1][-1][-1]
        return self.parts

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            if tag == self.skipping[-1]:
                self.depth[tag] = self.depth.get(tag, 0) + 1
            return
        if tag in _SKIP or _is_footnote_mark(tag, dict(attrs)):
            self.skipping.append(tag)
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.tables[-1][-1].append([])
        elif tag in _BLOCKS:
            self._out().append("\n")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[-1]:
                if self.depth.get(tag):
                    self.depth[tag] -= 1
                else:
                    self.skipping.pop()
            return
        if tag == "table" and self.tables:
            grid = [[_lines("".join(cell)) for cell in row] for row in self.tables.pop()]
            self._out().append("\n" + "\n".join(render_table(grid)) + "\n")
        elif tag in _BLOCKS:
            self._out().append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self._out().append(" ".join(data.split()) if "\n" in data else data)


def _lines(text: str) -> list[str]:
    return [ln for ln in (s.strip() for s in text.split("\n")) if ln]


def read_html(data: bytes) -> RawDocument:
    from pipeline.ingest.txt import decode_bytes

    decoded = decode_bytes(data)
    parser = _Text()
    parser.feed(decoded.text)
    parser.close()
    text = "\n".join(drop_page_numbers(_lines("".join(parser.parts))))
    return RawDocument(text=text, source_format="html", encoding=decoded.encoding,
                       encoding_confidence=decoded.encoding_confidence, text_source=decoded.text_source,
                       problems=decoded.problems)
