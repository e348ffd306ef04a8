"""Word 97–2003 `.doc` → text with Debian `antiword` (subprocess), LibreOffice as a fallback.

antiword cannot report fonts, so TCVN3/VNI text is found by content (`legacy.repair`).
"""
from __future__ import annotations

import regex
import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.ingest import legacy
from pipeline.ingest.layout import reflow_spaced, render_table
from pipeline.models import Problem, RawDocument, StageError

TIMEOUT = 60
INSTALL_HINT = "install it with `apt-get install -y antiword`"
_TABLE_ROW = regex.compile(r"^[ \t]*\|.*\|[ \t]*$")


def read_doc(path: Path) -> RawDocument:
    """Read a Word 97 `.doc`; legacy-font text is converted to Unicode."""
    path = Path(path)
    problems: list[Problem] = []
    try:
        text = _linearize_tables(reflow_spaced(_antiword(path)))   # tables are columned by their cells
    except StageError as exc:
        if not shutil.which("soffice"):
            raise
        text = _soffice(path)
        problems.append(Problem("ingest", f"antiword failed ({exc.message}); read with LibreOffice"))
    fixed, det = legacy.repair(text)
    raw = RawDocument(text=fixed, source_format="doc", problems=problems)
    if det.encoding:
        raw.text_source, raw.encoding, raw.encoding_confidence = f"legacy-{det.encoding}", det.encoding, det.confidence
    return raw


def _antiword(path: Path) -> str:
    exe = shutil.which("antiword")
    if exe is None:
        raise StageError("ingest", f".doc needs the `antiword` program, which is not installed: {INSTALL_HINT}")
    try:
        # -w 0: one line per paragraph (no wrapping); UTF-8 output whatever the document's code page.
        proc = subprocess.run([exe, "-w", "0", "-m", "UTF-8.txt", str(path)], capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise StageError("ingest", f"antiword timed out after {TIMEOUT} s") from None
    if proc.returncode != 0:
        why = proc.stderr.decode("utf-8", "replace").strip() or f"exit status {proc.returncode}"
        raise StageError("ingest", f"antiword cannot read this .doc (not Word 97–2003, encrypted or damaged): {why}")
    return proc.stdout.decode("utf-8", "replace")


def _soffice(path: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
               "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, str(path)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT * 2)
            return (Path(tmp) / (path.stem + ".txt")).read_text("utf-8-sig")
        except (subprocess.TimeoutExpired, OSError) as exc:
            raise StageError("ingest", f"neither antiword nor LibreOffice could read this .doc: {exc}") from None


def _linearize_tables(text: str) -> str:
    """antiword draws a table row as `|cell|cell|` lines, the cells' paragraphs side by side.

    Each drawn line is a row of one-line cells for `layout.render_table`, which reads layout
    tables (issuer | motto, recipients | signature) column by column as every reader does.
    """
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _TABLE_ROW.match(lines[j]):
            j += 1
        if j == i:
            out.append(lines[i])
            i += 1
            continue
        out += render_table([[[c.strip()] if c.strip() else [] for c in ln.strip().strip("|").split("|")]
                             for ln in lines[i:j]])
        i = j
    return "\n".join(out)
