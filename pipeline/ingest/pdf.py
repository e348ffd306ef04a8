"""`.pdf` reader: the text layer page by page.

pypdfium2 reads the text (0.86 ms/page against pdfplumber's 61 ms, measured here); its character
boxes let us split a two-column header (`Số: … | Rạch Giá, ngày …`) that shares one baseline.
pdfplumber is the fallback for files pdfium refuses. Pages with no text layer, or with a text
layer in a broken font encoding, are reported, never turned into rows.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import regex

from pipeline.models import Problem, RawDocument, StageError

HEADER_CHARS = 1500          # the two-column header sits in the first characters of page 1
COLUMN_GAP = 0.07            # a gap wider than 7 % of the page width separates two columns
_VI_LETTERS = regex.compile(
    r"[A-Za-zÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]")
_LETTER = regex.compile(r"\p{L}")
_DIGIT_IN_WORD = regex.compile(r"\b\p{L}+\d+\p{L}*\b|\b\d+\p{L}+\d*\b")


def text_layer_quality(text: str) -> float:
    """Share of letters that belong to the Vietnamese alphabet (1.0 for good text).

    A broken ToUnicode map yields Cyrillic, symbols and letter-digit mixes
    (`UBND 7ӌ1+ L¿O CAI` for `UBND TỈNH LÀO CAI`).
    """
    letters = _LETTER.findall(text)
    if not letters:
        return 0.0
    good = len(_VI_LETTERS.findall(text)) / len(letters)
    words = max(1, len(text.split()))
    mixed = len(_DIGIT_IN_WORD.findall(text)) / words
    return max(0.0, good - mixed)


def _split_columns(textpage, text: str, page_width: float) -> str:
    """Put a newline where one baseline jumps a wide gap (two header columns flattened)."""
    chars = list(text)
    prev = None
    limit = min(len(chars), HEADER_CHARS, textpage.count_chars())
    for i in range(limit):
        ch = chars[i]
        if ch in "\r\n":
            prev = None
            continue
        if ch.isspace():
            continue
        left, bottom, right, _ = textpage.get_charbox(i)
        if prev is not None and abs(bottom - prev[1]) < 3 and left - prev[0] > COLUMN_GAP * page_width:
            j = i - 1
            while j >= 0 and chars[j] == " ":
                chars[j] = ""
                j -= 1
            chars[i] = "\n" + ch
        prev = (right, bottom)
    return "".join(chars)


def _strip_running_lines(pages: list[str]) -> list[str]:
    """Drop page headers/footers: a first or last line repeated on most pages (digits ignored)."""
    if len(pages) < 2:
        return pages
    key = lambda s: regex.sub(r"\d+", "#", s.strip())  # noqa: E731
    edges = Counter()
    for page in pages:
        lines = [ln for ln in page.split("\n") if ln.strip()]
        for ln in {key(x) for x in lines[:1] + lines[-1:]}:
            edges[ln] += 1
    running = {k for k, n in edges.items() if n >= max(2, (len(pages) + 1) // 2) and k}
    if not running:
        return pages
    out = []
    for page in pages:
        lines = page.split("\n")
        nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
        drop = {i for i in nonblank[:1] + nonblank[-1:] if key(lines[i]) in running}
        out.append("\n".join(ln for i, ln in enumerate(lines) if i not in drop))
    return out


def _read_pdfium(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise StageError("ingest", "encrypted PDF (password protected)") from exc
        raise
    pages = []
    try:
        for n in range(len(pdf)):
            page = pdf[n]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            if n == 0:
                text = _split_columns(textpage, text, page.get_width())
            pages.append(text.replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return pages


def _read_pdfplumber(path: Path) -> list[str]:
    import pdfplumber

    try:
        with pdfplumber.open(str(path)) as pdf:
            return [(page.extract_text(layout=False) or "") for page in pdf.pages]
    except Exception as exc:  # pdfminer raises many types on broken files
        raise StageError("ingest", f"unreadable PDF: {type(exc).__name__}: {exc}") from exc


def read_pdf(path) -> RawDocument:
    path = Path(path)
    try:
        pages = _read_pdfium(path)
    except StageError:
        raise
    except Exception:  # pdfium rejects some damaged files that pdfminer still reads
        pages = _read_pdfplumber(path)
    problems: list[Problem] = []
    kept = []
    for n, text in enumerate(_strip_running_lines(pages), start=1):
        if not text.strip():
            problems.append(Problem("ingest", "page has no text layer (scanned image); "
                                    "install Tesseract (tesseract-ocr, tesseract-ocr-vie) for OCR", page=n))
            continue
        quality = text_layer_quality(text)
        if quality < 0.9:
            problems.append(Problem("ingest", f"text layer in a broken font encoding "
                                    f"(quality {quality:.2f}); page left out", page=n))
            continue
        kept.append(text)
    if not kept:
        reasons = "; ".join(sorted({p.message for p in problems})) or "no pages"
        raise StageError("ingest", f"no usable text in {len(pages)} page(s): {reasons}")
    return RawDocument(text="\n".join(kept), source_format="pdf", encoding="utf-8",
                       encoding_confidence=1.0, pages=len(pages), problems=problems)
