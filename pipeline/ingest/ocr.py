"""OCR of PDF pages without a usable text layer, with Tesseract and its Vietnamese data.

Optional: when `tesseract` (Debian `tesseract-ocr`, `tesseract-ocr-vie`) is missing, the page is
reported in `errors` with how to enable it. Every OCR'd document is marked `text_source = ocr`
with the mean word confidence.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.layout import NEAR_FOOT, Piece, columns, is_page_number, zone_bounds

DPI = 200                 # the better of 200 and 300 dpi on the dev scans (README, Formats; scripts/ocr_eval.py)
PSM = 4                   # one column of lines of varying size: lines span both columns, cut by x position
TIMEOUT_S = 45
OCR_GAP = 0.03            # share of the page width: a wider gap between two words parts the columns
BLANK_INK = 0.0005        # a page with a smaller share of dark pixels holds no text worth reading
MIN_PIECE_CONF = 50       # mean word confidence (0–100) under which a piece of a line is noise
HOW_TO_ENABLE = "install Tesseract with Vietnamese data (apt-get install tesseract-ocr tesseract-ocr-vie) for OCR"


@functools.lru_cache(maxsize=1)
def languages() -> frozenset[str]:
    """The languages the installed Tesseract reads (none without Tesseract)."""
    exe = shutil.which("tesseract")
    if not exe:
        return frozenset()
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(langs.split())


def available() -> bool:
    return "vie" in languages()


@dataclass(frozen=True)
class Word:
    line: tuple[int, int, int]      # Tesseract's (block, paragraph, line)
    left: int
    top: int
    width: int
    text: str
    conf: float


def words_from_tsv(tsv: str) -> list[Word]:
    """The recognised words of Tesseract's TSV output, in its reading order."""
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        words.append(Word((int(cols[2]), int(cols[3]), int(cols[4])), int(cols[6]), int(cols[7]), int(cols[8]),
                          cols[11].strip(), float(cols[10])))
    return words


def _line_pieces(words: list[Word], page_width: float) -> list[list[Piece]]:
    """Each Tesseract line as its pieces: it is cut where a gap wider than OCR_GAP opens onto the
    right part of the page (right of `pdf.MIDDLE`, the text-layer reader's test)."""
    from pipeline.ingest.pdf import MIDDLE

    by_line: dict[tuple, list[Word]] = {}
    for w in words:
        by_line.setdefault(w.line, []).append(w)
    out = []
    for line in by_line.values():
        line.sort(key=lambda w: w.left)
        runs, run = [], [line[0]]
        for prev, w in zip(line, line[1:]):
            if w.left - (prev.left + prev.width) > OCR_GAP * page_width and w.left >= MIDDLE * page_width:
                runs.append(run)
                run = []
            run.append(w)
        runs.append(run)
        out.append([_piece(r) for r in runs])
    return out


def _piece(run: list[Word]) -> Piece:
    return Piece(run[0].left, min(w.top for w in run), " ".join(w.text for w in run),
                 sum(w.conf for w in run) / len(run))


def _clean(pieces: list[Piece]) -> list[Piece]:
    """The foot zone without what Tesseract makes of a seal or a signature over it: pieces read
    with low confidence, or with hardly a letter. (Not in the header: a handwritten number there
    is read with low confidence too, and it is the document's number.)"""
    return [p for p in pieces if p.conf >= MIN_PIECE_CONF and sum(c.isalnum() for c in p.text) >= 2]


def lines_from_tsv(tsv: str, page_width: float = 0, first_page: bool = True) -> tuple[str, float]:
    """Text and the mean word confidence (0–1) from Tesseract's TSV output. The header and the
    Nơi nhận/signature zones are split into columns by the words' x positions (left column
    first), as the PDF text-layer reader does; the rest keeps Tesseract's lines and order."""
    from pipeline.ingest.pdf import MIDDLE

    words = words_from_tsv(tsv)
    if not words:
        return "", 0.0
    width = page_width or max(w.left + w.width for w in words)
    lines = _line_pieces(words, width)
    edges = (min(ln[0].top for ln in lines), max(ln[0].top for ln in lines))
    lines = [ln for ln in lines if not (len(ln) == 1 and ln[0].top in edges and is_page_number(ln[0].text))]
    if not lines:
        return "", 0.0
    # zones are found on the lines as plain text would type them, columns apart by spaces
    head_end, foot_start = zone_bounds(["   ".join(p.text for p in ln) for ln in lines], first_page)
    if foot_start is not None:
        foot_start = _foot_top(lines, foot_start, MIDDLE * width)
    head = columns([p for ln in lines[:head_end] for p in ln], MIDDLE * width) if head_end else []
    body = [" ".join(p.text for p in ln) for ln in lines[head_end or 0:foot_start]]
    foot = columns(_clean([p for ln in lines[foot_start:] for p in ln]), MIDDLE * width) if foot_start is not None else []
    confs = [w.conf for w in words]
    return "\n".join([*head, *body, *foot]), sum(confs) / len(confs) / 100


def _foot_top(lines: list[list[Piece]], mark: int, middle: float) -> int:
    """First line of the foot zone: the signing lines set beside and a little above the
    Nơi nhận line (right column only, within a few lines of it) belong to it."""
    tops = [ln[0].top for ln in lines]
    steps = sorted(b - a for a, b in zip(tops, tops[1:]) if b > a)
    step = steps[len(steps) // 2] if steps else 0
    start = mark
    while start > 0 and all(p.x >= middle for p in lines[start - 1]) \
            and lines[start - 1][0].top >= lines[mark][0].top - NEAR_FOOT * step:
        start -= 1
    return start


def page_image(page, dpi: int = DPI):
    """The page as Tesseract reads it best: the red channel of the rendering, in which red seals
    and signatures stamped over the signing block vanish while black text stays."""
    return page.render(scale=dpi / 72).to_pil().convert("RGB").getchannel("R")


def tesseract_tsv(png, psm: int = PSM) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}   # one core per worker: --jobs decides
    return subprocess.run(["tesseract", str(png), "stdout", "-l", "vie", "--psm", str(psm), "tsv"],
                          capture_output=True, text=True, timeout=TIMEOUT_S, env=env).stdout


def ocr_page(page, first_page: bool = True) -> tuple[str, float]:
    """OCR one pypdfium2 page; returns (text, confidence). A page with next to no ink (blank, or
    a page number alone) is not sent to Tesseract."""
    image = page_image(page)
    histogram = image.histogram()
    if sum(histogram[:128]) < BLANK_INK * image.width * image.height:
        return "", 0.0
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        tsv = tesseract_tsv(png)
    return lines_from_tsv(tsv, image.width, first_page)
