"""HTML reader, for web pages saved with a `.doc` or `.txt` name (common in old archives)."""
from __future__ import annotations

from html.parser import HTMLParser

from pipeline.models import RawDocument

_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "title"}
_SKIP = {"script", "style", "head"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP and self.skipping:
            self.skipping -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(" ".join(data.split()) if "\n" in data else data)


def read_html(data: bytes) -> RawDocument:
    from pipeline.ingest.txt import decode_bytes

    decoded = decode_bytes(data)
    parser = _Text()
    parser.feed(decoded.text)
    parser.close()
    lines = [ln.strip() for ln in "".join(parser.parts).split("\n")]
    text = "\n".join(ln for ln in lines if ln)
    return RawDocument(text=text, source_format="html", encoding=decoded.encoding,
                       encoding_confidence=decoded.encoding_confidence, text_source=decoded.text_source,
                       problems=decoded.problems)
