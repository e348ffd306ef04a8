"""RTF → text, with per-font legacy decoding (`.Vn*` runs are TCVN3, `VNI-*` runs are VNI).

A single left-to-right tokenizer over the file (linear time; malformed input just ends early):
control words, groups, `\\'hh` bytes decoded with the font's code page, `\\uN` with `\\ucN` skips.
"""
from __future__ import annotations

import regex
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.ingest import legacy
from pipeline.models import RawDocument, StageError

_TOKEN = regex.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+|\\",
                    regex.S)
_SKIP = {b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"pn", b"listtable", b"listoverridetable",
         b"revtbl", b"rsidtbl", b"xmlnstbl", b"themedata", b"colorschememapping", b"datastore", b"latentstyles",
         b"generator", b"filetbl", b"pgdsctbl", b"fldinst", b"header", b"headerl", b"headerr", b"headerf",
         b"footer", b"footerl", b"footerr", b"footerf"}
_CHARS = {b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"cell": "\n", b"nestcell": "\n",
          b"tab": "\t", b"emdash": "—", b"endash": "–", b"bullet": "•", b"lquote": "‘", b"rquote": "’",
          b"ldblquote": "“", b"rdblquote": "”", b"~": "\xa0", b"_": "-", b"\\": "\\", b"{": "{", b"}": "}",
          b"\n": "\n", b"\r": "\n"}
_CHARSET_CP = {0: "cp1252", 2: "latin-1", 77: "mac_roman", 128: "cp932", 129: "cp949", 134: "gbk", 136: "cp950",
               161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257",
               204: "cp1251", 222: "cp874", 238: "cp1250"}


@dataclass(frozen=True)
class _State:
    font: int | None = None
    uc: int = 1
    skip: bool = False
    fonttbl: bool = False
    caps: bool = False


@dataclass
class _Font:
    name: str = ""
    codepage: str | None = None


def read_rtf(path: Path) -> RawDocument:
    """Read an `.rtf` file; legacy-font runs come back as Unicode."""
    data = Path(path).read_bytes()
    if not data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf"):
        raise StageError("ingest", "not an RTF file: it does not start with {\\rtf")
    runs, fonts, deff = _parse(data)
    out: list[str] = []
    seen: dict[str, int] = {}
    for font_id, caps, text in runs:
        name = fonts.get(font_id if font_id is not None else deff, _Font()).name
        enc = legacy.docx_run_encoding(name)
        if enc:
            seen[enc] = seen.get(enc, 0) + len(text)
            text = legacy.convert(text, enc, upper=caps or legacy.is_upper_font(name))
        elif caps:
            text = text.upper()
        out.append(text)
    # \uN gives UTF-16 units: pair the surrogates of characters beyond the BMP.
    text = "".join(out).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    raw = RawDocument(text=text, source_format="rtf")
    if seen:
        enc = max(seen, key=seen.get)
        raw.text_source, raw.encoding, raw.encoding_confidence = f"legacy-{enc}", enc, 0.99
    return raw


def _parse(data: bytes) -> tuple[list[tuple[int | None, bool, str]], dict[int, _Font], int | None]:
    """Runs of (font id, all caps, text) in reading order, the font table and the default font."""
    fonts: dict[int, _Font] = {}
    ansi_cp, deff = "cp1252", None
    stack: list[_State] = []
    st = _State()
    runs: list[tuple[int | None, bool, list[str]]] = []
    pending = bytearray()       # bytes awaiting decoding with the current font's code page
    font_def: _Font | None = None
    skip_chars = 0              # characters still to drop after a \uN

    def codepage() -> str:
        font = fonts.get(st.font if st.font is not None else deff)
        if font is None:
            return ansi_cp
        # Legacy fonts are keyed by their cp1252 reading, whatever charset the font claims.
        return "cp1252" if legacy.docx_run_encoding(font.name) else font.codepage or ansi_cp

    def emit(text: str) -> None:
        if not runs or runs[-1][:2] != (st.font, st.caps):
            runs.append((st.font, st.caps, []))
        runs[-1][2].append(text)

    def flush() -> None:
        if pending:
            text = bytes(pending).decode(codepage(), "replace")
            pending.clear()
            if font_def is not None and st.fonttbl:
                font_def.name += text
            elif not st.skip:
                emit(text)

    pos, end = 0, len(data)
    while pos < end:
        m = _TOKEN.match(data, pos)
        pos = m.end()
        word, arg, hexbyte, symbol, brace, text = m.groups()
        if hexbyte is not None or text is not None:
            chunk = bytes.fromhex(hexbyte.decode()) if hexbyte is not None else text
            if skip_chars:
                drop = min(skip_chars, len(chunk))
                chunk, skip_chars = chunk[drop:], skip_chars - drop
            if st.fonttbl and font_def is not None and b";" in chunk:
                head, _, tail = chunk.partition(b";")
                pending += head
                flush()
                font_def = None
                chunk = tail
            pending += chunk
            continue
        flush()
        if brace == b"{":
            stack.append(st)
            skip_chars = 0
        elif brace == b"}":
            st, skip_chars = (stack.pop() if stack else st), 0
            font_def = font_def if st.fonttbl else None
        elif symbol is not None:
            if skip_chars:
                skip_chars -= 1
            elif symbol == b"*":
                st = replace(st, skip=True, fonttbl=False)
            elif not st.skip and symbol in _CHARS:
                emit(_CHARS[symbol])
        elif word is not None:
            n = int(arg) if arg is not None else None
            if skip_chars and word != b"u":
                skip_chars -= 1
            elif word == b"bin":
                pos += max(n or 0, 0)
            elif word == b"fonttbl":
                st = replace(st, fonttbl=True, skip=True)
            elif word in _SKIP:
                st = replace(st, skip=True)
            elif st.fonttbl:
                if word == b"f" and n is not None:
                    font_def = fonts.setdefault(n, _Font())
                elif word in (b"fcharset", b"cpg") and font_def is not None and n is not None:
                    cp = _CHARSET_CP.get(n) if word == b"fcharset" else f"cp{n}"
                    font_def.codepage = cp or font_def.codepage
            elif word == b"ansicpg" and n:
                ansi_cp = f"cp{n}"
            elif word == b"deff":
                deff = n
            elif word == b"f":
                st = replace(st, font=n)
            elif word == b"plain":
                st = replace(st, font=None, caps=False)
            elif word in (b"caps", b"scaps"):
                st = replace(st, caps=n != 0)
            elif word == b"uc" and n is not None:
                st = replace(st, uc=max(n, 0))
            elif word == b"u" and n is not None:
                if not st.skip:
                    emit(chr((n + 65536) % 65536))
                skip_chars = st.uc
            elif not st.skip and word in _CHARS:
                emit(_CHARS[word])
    flush()
    return [(font, caps, "".join(parts)) for font, caps, parts in runs], fonts, deff
