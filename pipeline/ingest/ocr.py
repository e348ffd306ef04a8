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
from pathlib import Path

DPI = 200                 # enough for 12–14 pt body text; 300 dpi doubles the time for little gain
TIMEOUT_S = 45
HOW_TO_ENABLE = "install Tesseract with Vietnamese data (apt-get install tesseract-ocr tesseract-ocr-vie) for OCR"


@functools.lru_cache(maxsize=1)
def available() -> bool:
    exe = shutil.which("tesseract")
    if not exe:
        return False
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in langs.split()


def lines_from_tsv(tsv: str) -> tuple[str, float]:
    """Text (a line per Tesseract line) and the mean word confidence (0–1) from TSV output."""
    lines: dict[tuple, list[str]] = {}
    confs = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        lines.setdefault((int(cols[2]), int(cols[3]), int(cols[4])), []).append(cols[11].strip())
        confs.append(float(cols[10]))
    text = "\n".join(" ".join(words) for _, words in sorted(lines.items()))
    return text, (sum(confs) / len(confs) / 100 if confs else 0.0)


def ocr_page(page) -> tuple[str, float]:
    """OCR one pypdfium2 page; returns (text, confidence)."""
    image = page.render(scale=DPI / 72).to_pil().convert("L")
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}   # one core per worker: --jobs decides
        out = subprocess.run(["tesseract", str(png), "stdout", "-l", "vie", "tsv"], capture_output=True,
                             text=True, timeout=TIMEOUT_S, env=env)
    return lines_from_tsv(out.stdout)
