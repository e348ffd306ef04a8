"""`.docx` reader: the body in document order, tables and text boxes included.

`Document.paragraphs` drops every table, and real headers put issuer, `Số:`, place and date in a
borderless two-column table, so we walk the body XML ourselves. Page headers and footers are
not part of the body and are left out. List numbers that Word computes (w:numPr) are rendered,
because section markers (I., 1., -) are what the segmenter reads.
"""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

import regex

from pipeline.ingest.layout import drop_page_numbers, render_table
from pipeline.models import Problem, RawDocument, StageError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # a zip bomb is refused before any XML is parsed
MAX_RATIO = 200


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def _fmt(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(n)


class _Numbering:
    """Renders list labels from numbering.xml the way Word counts them."""

    def __init__(self, part):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        if part is None:
            return
        root = part.element
        for absn in root.iter(f"{W}abstractNum"):
            lv = {}
            for lvl in absn.iter(f"{W}lvl"):
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                start = lvl.find(f"{W}start")
                lv[int(lvl.get(f"{W}ilvl", "0"))] = (
                    fmt.get(f"{W}val") if fmt is not None else "decimal",
                    text.get(f"{W}val") if text is not None else "",
                    int(start.get(f"{W}val")) if start is not None else 1,
                )
            self.levels[absn.get(f"{W}abstractNumId")] = lv
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                self.abstract_of[num.get(f"{W}numId")] = ref.get(f"{W}val")

    def label(self, num_id: str, ilvl: int) -> str:
        absid = self.abstract_of.get(num_id)
        levels = self.levels.get(absid or "", {})
        if ilvl not in levels:
            return ""
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet" or fmt == "none":
            return "-" if fmt == "bullet" else ""
        counts = self.counters.setdefault(absid, [0] * 9)
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else levels[ilvl][2]
        for k in range(9):
            if f"%{k + 1}" in text:
                kfmt, _, kstart = levels.get(k, ("decimal", "", 1))
                text = text.replace(f"%{k + 1}", _fmt(counts[k] or kstart, kfmt))
        return text


def _paragraph_text(p, encode_run) -> tuple[str, list]:
    """Text of one w:p (runs joined: `Số:` is often split across runs) and its text boxes,
    which are returned apart so they become lines of their own."""
    boxes = [b for b in p.iter(f"{W}txbxContent")
             if not any(a.tag == f"{W}txbxContent" for a in b.iterancestors() if a is not p)]
    boxed = {r for b in boxes for r in b.iter(f"{W}r")}   # holding the proxies keeps identity stable
    parts = []
    for run in p.iter(f"{W}r"):
        if run in boxed:
            continue
        chunk = []
        for child in run:
            if child.tag == f"{W}t":
                chunk.append(child.text or "")
            elif child.tag == f"{W}tab":
                chunk.append("\t")
            elif child.tag in (f"{W}br", f"{W}cr"):
                chunk.append("\n")
        if chunk:
            parts.append(encode_run(run, "".join(chunk)))
    return "".join(parts), boxes


def _walk(container, numbering: _Numbering, out: list[str], encode_run) -> None:
    for el in container:
        tag = el.tag
        if tag == f"{W}p":
            text, boxes = _paragraph_text(el, encode_run)
            num = el.find(f"{W}pPr/{W}numPr")
            if num is not None and text.strip():
                ilvl, nid = num.find(f"{W}ilvl"), num.find(f"{W}numId")
                label = numbering.label(nid.get(f"{W}val") if nid is not None else "",
                                        int(ilvl.get(f"{W}val")) if ilvl is not None else 0)
                if label:
                    text = f"{label} {text}"
            out.append(text)
            for box in boxes:
                _walk(box, numbering, out, encode_run)
        elif tag == f"{W}tbl":
            _table(el, numbering, out, encode_run)
        elif tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent"):
            _walk(el if tag != f"{W}sdt" else (el.find(f"{W}sdtContent") or []), numbering, out, encode_run)


def _table(tbl, numbering, out, encode_run) -> None:
    """A table, read by `layout.render_table` (layout tables column by column)."""
    grid: list[list[list[str]]] = []
    for row in tbl.findall(f"{W}tr"):
        cells = []
        for cell in row.findall(f"{W}tc"):
            sub: list[str] = []
            _walk(cell, numbering, sub, encode_run)
            cells.append(sub)
        grid.append(cells)
    out.extend(render_table(grid))


_OFFICE_DOCUMENT = regex.compile(
    r"""<Relationship\b[^>]{0,2000}?\bType="[^"]{0,200}/officeDocument"[^>]{0,2000}?>""")
_TARGET = regex.compile(r"""\bTarget="([^"]{1,1000})\"""")
_MAIN_OVERRIDE = regex.compile(      # the Override whose content type is a wordprocessing main part
    r"""<Override\b[^>]{0,2000}?\bPartName="/?([^"]{1,1000})"[^>]{0,2000}?ContentType="[^"]{0,200}"""
    r"""(?:wordprocessingml|ms-word)[^"]{0,100}main\+xml"|<Override\b[^>]{0,2000}?ContentType="[^"]{0,200}"""
    r"""(?:wordprocessingml|ms-word)[^"]{0,100}main\+xml"[^>]{0,2000}?\bPartName="/?([^"]{1,1000})\"""")


def _refuse_dtd(head: bytes) -> None:
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise StageError("ingest", "refused: XML with a DTD (OOXML never needs one)")


def main_part(zf: zipfile.ZipFile, names: set[str]) -> str:
    """The document's main part as the package names it: the officeDocument relationship of
    `_rels/.rels`, else the main-part Override of `[Content_Types].xml`, else the usual name."""
    for name, find in (("_rels/.rels", _rels_main), ("[Content_Types].xml", _override_main)):
        if name in names:
            data = zf.read(name)
            _refuse_dtd(data[:2048])
            found = find(data.decode("utf-8", "replace"))
            if found:
                return found
    return "word/document.xml"


def _rels_main(xml: str) -> str | None:
    rel = _OFFICE_DOCUMENT.search(xml)
    target = rel and _TARGET.search(rel.group())
    return posixpath.normpath(target.group(1)).lstrip("/") if target else None


def _override_main(xml: str) -> str | None:
    m = _MAIN_OVERRIDE.search(xml)
    return (m.group(1) or m.group(2)) if m else None


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
            packed = sum(i.compress_size for i in zf.infolist()) or 1
            names = set(zf.namelist())
            if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO and total > 20 * 1024 * 1024:
                raise StageError("ingest", f"refused: zip expands to {total} bytes (zip bomb guard)")
            main = main_part(zf, names)
            if main not in names:
                raise StageError("ingest", f"not a Word document: its main part {main} is missing")
            _refuse_dtd(zf.read(main)[:2048])
    except zipfile.BadZipFile as exc:
        raise StageError("ingest", f"not a valid .docx (zip): {exc}") from exc


def read_docx(path) -> RawDocument:
    path = Path(path)
    _check_zip(path)
    import docx  # heavy: imported only when a .docx is met

    from pipeline.ingest import legacy

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for broken packages
        raise StageError("ingest", f"unreadable .docx: {type(exc).__name__}: {exc}") from exc
    try:
        numbering = _Numbering(document.part.numbering_part)
    except (KeyError, NotImplementedError):
        numbering = _Numbering(None)
    problems: list[Problem] = []
    seen: dict[str, int] = {}

    def encode_run(run, text: str) -> str:
        fonts = run.find(f"{W}rPr/{W}rFonts")
        font = None if fonts is None else (fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi"))
        enc = legacy.docx_run_encoding(font)
        if not enc:
            return text
        seen[enc] = seen.get(enc, 0) + len(text)
        return legacy.convert(text, enc, upper=legacy.is_upper_font(font))

    lines: list[str] = []
    _walk(document.element.body, numbering, lines, encode_run)
    raw = RawDocument(text="\n".join(drop_page_numbers(lines)), source_format="docx", encoding="utf-8",
                      encoding_confidence=1.0, problems=problems)
    if seen:
        enc = max(seen, key=seen.get)
        raw.text_source, raw.encoding = f"legacy-{enc}", enc
    return raw
