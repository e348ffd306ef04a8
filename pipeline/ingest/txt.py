"""Plain-text reader: decode bytes from any encoding a Vietnamese office produced."""
from __future__ import annotations

import codecs

import regex

from pipeline.models import Problem, RawDocument, StageError

# Windows-1258 writes tones as combining marks after the vowel; these are what make a cp1258
# decode look Vietnamese (a cp1252 decode of the same bytes shows Ì Ò Þ ò ó instead).
_CP1258_TONES = regex.compile(r"[aeiouyâêôơưăAEIOUYÂÊÔƠƯĂ][\u0300\u0301\u0303\u0309\u0323]")
# C0 controls except tab and the line separators (LF, VT, FF, CR), and DEL: the marks of binary
# content. NUL is not one of them: stray NULs in good text (a damaged copy) are dropped later with a
# warning (ingest.clean_controls); binary content has plenty of the others.
_CONTROL = bytes([*range(0x01, 0x09), *range(0x0e, 0x20), 0x7f])


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no BOM shows as NUL in every other byte of ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 4 or 0 not in sample:      # no NUL at all: UTF-8 or 8-bit, decided by memchr
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.3 and even_nul < 0.05:
        enc = "utf-16-le"
    elif even_nul > 0.3 and odd_nul < 0.05:
        enc = "utf-16-be"
    else:
        return None
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def decode_bytes(data: bytes) -> RawDocument:
    """Decode a text file: BOM, then UTF-8, UTF-16 without BOM, then Windows-1258.

    Legacy TCVN3/VNI bytes decode as cp1252-looking text and are repaired by the legacy module.
    Raises StageError for binary content.
    """
    problems: list[Problem] = []
    if not data.strip():
        raise StageError("ingest", "empty file")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text, encoding, conf = data.decode(enc, errors="replace"), enc.replace("-sig", ""), 1.0
            break
    else:
        text16 = _utf16_without_bom(data)
        if text16 is not None:
            text, encoding, conf = text16, "utf-16", 0.9
        else:
            try:
                text, encoding, conf = data.decode("utf-8"), "utf-8", 1.0
            except UnicodeDecodeError as exc:
                text, encoding, conf = _decode_8bit_or_damaged_utf8(data, exc, problems)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    head = text[:20000]
    # A control character needs its byte in the data (UTF-16/32 too: U+00XX holds it), and bytes
    # are searched with memchr: only the controls whose byte is there are counted in the text.
    controls = sum(head.count(chr(b)) for b in _CONTROL if b in data)
    if controls > max(8, len(head) // 50):
        raise StageError("ingest", f"binary content, not text ({controls} control characters in the first 20 000)")
    raw = RawDocument(text=text, source_format="txt", encoding=encoding, encoding_confidence=conf,
                      problems=problems)
    return _repair_legacy(raw)


def _decode_8bit_or_damaged_utf8(data: bytes, exc: UnicodeDecodeError, problems: list[Problem]):
    bad = len(regex.findall(rb"[\x80-\xff]", data))
    damaged = data.decode("utf-8", errors="replace")
    n_bad = damaged.count("\ufffd")
    # Mostly valid UTF-8 with a few broken bytes: keep UTF-8 and say where it broke.
    if bad and n_bad / bad < 0.1:
        problems.append(Problem("ingest", f"{n_bad} undecodable byte(s) replaced; first at byte {exc.start}"))
        return damaged, "utf-8", 0.8
    text = data.decode("cp1258", errors="replace")
    if len(_CP1258_TONES.findall(text)) >= 3:
        return text, "cp1258", 0.9
    # Neither UTF-8 nor Windows-1258: an 8-bit legacy font encoding read as cp1252.
    return data.decode("cp1252", errors="replace"), "cp1252", 0.5


def _repair_legacy(raw: RawDocument) -> RawDocument:
    from pipeline.ingest import legacy  # lazily: only 8-bit inputs can be legacy-encoded

    if raw.encoding not in ("cp1252", "cp1258", "utf-8"):
        return raw
    fixed, det = legacy.repair(raw.text)
    if det.encoding:
        raw.text = fixed
        raw.text_source = f"legacy-{det.encoding}"
        raw.encoding = det.encoding
        raw.encoding_confidence = det.confidence
    return raw


def read_txt(path) -> RawDocument:
    """A plain-text file: decoded; page numbers, and the running headers and footers of pages
    parted by form feeds (`pdftotext` output), dropped; two-column zones typed with spaces or
    tabs split into columns (`layout.reflow_spaced`)."""
    from pipeline.ingest.layout import drop_page_numbers, may_hold_page_numbers, reflow_spaced, strip_running_lines

    with open(path, "rb") as fh:
        raw = decode_bytes(fh.read())
    text = "\n".join(strip_running_lines(raw.text.split("\f"))) if "\f" in raw.text else raw.text
    if may_hold_page_numbers(text):      # else no list of the lines (a large text's would cost more than it)
        text = "\n".join(drop_page_numbers(text.split("\n")))
    raw.text = reflow_spaced(text)
    return raw
