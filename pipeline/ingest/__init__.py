"""Ingest: find input files, sniff their real format from the bytes, read them to text."""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline.models import Problem, RawDocument, StageError

EXTENSIONS = {".txt": "txt", ".md": "markdown", ".markdown": "markdown", ".docx": "docx", ".pdf": "pdf", ".doc": "doc", ".rtf": "rtf",
              ".htm": "html", ".html": "html"}
MAX_FILE_BYTES = 200 * 1024 * 1024     # larger inputs are refused before they are read


@dataclass(frozen=True)
class InputFile:
    path: Path          # where to read it
    rel: str            # source_path: relative to the input root, '/'-separated


def discover(inputs: list[Path]) -> tuple[list[InputFile], list[tuple[str, str]]]:
    """Files to read (sorted, deduplicated) and (path, reason) for what was skipped.

    Folders are walked without following symlinks (no loops); FIFOs, sockets and devices are
    skipped, so a run never blocks on one. Files given explicitly are read whatever their name.
    """
    found: dict[tuple[int, int], InputFile] = {}     # by (device, inode): a file met twice is read once
    skipped: list[tuple[str, str]] = []
    for root in inputs:
        root = Path(root)
        if root.is_dir():
            top = str(root)
            for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
                dirnames.sort()
                for name in sorted(filenames):
                    full = os.path.join(dirpath, name)
                    rel = _printable(os.path.relpath(full, top).replace(os.sep, "/"))
                    if os.path.splitext(name)[1].lower() not in EXTENSIONS:
                        skipped.append((rel, "unsupported file type"))
                        continue
                    key, reason = _regular(full)
                    if reason:
                        skipped.append((rel, reason))
                        continue
                    found.setdefault(key, InputFile(Path(full), rel))
        else:
            key, reason = _regular(root) if os.path.lexists(root) else (None, "not found")
            if reason:
                skipped.append((str(root), reason))
                continue
            found.setdefault(key, InputFile(root, _printable(root.name)))
    return sorted(found.values(), key=lambda f: f.rel), skipped


def _printable(name: str) -> str:
    """File names with bytes that are not UTF-8, or with control characters, still get a text
    source_path (U+FFFD in their place)."""
    return CONTROLS.sub("\ufffd", name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def _regular(path) -> tuple[tuple[int, int] | None, str | None]:
    """(device, inode) of a regular file, or why it is not one."""
    try:
        st = os.stat(path)  # follows a symlink to a file; a dangling or looping one fails
    except OSError as exc:
        return None, f"unreadable: {exc.strerror or exc}"
    if not stat.S_ISREG(st.st_mode):
        return None, "not a regular file"
    return (st.st_dev, st.st_ino), None


PDF_HEADER_WITHIN = 1024       # where readers look for `%PDF` (junk before it: a saved HTTP response)


def sniff(head: bytes) -> str:
    """The real format from the first bytes, whatever the extension says."""
    if b"%PDF-" in head[:PDF_HEADER_WITHIN]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf"):
        return "rtf"
    lowered = head[:512].lower()
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return "html"
    return "txt"


def doc_id_for(data_hash: str) -> str:
    return data_hash[:16]


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read(path: Path) -> RawDocument:
    """Read one file to text with the reader its bytes call for, its control characters cleaned;
    a document with no visible character is a StageError."""
    return clean_controls(_read_by_format(Path(path)))


def _read_by_format(path: Path) -> RawDocument:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise StageError("ingest", f"file of {size} bytes is over the {MAX_FILE_BYTES} byte limit; skipped")
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    if not head:
        raise StageError("ingest", "empty file")
    fmt = sniff(head)
    if fmt == "doc" and "EncryptedPackage".encode("utf-16-le") in head:
        raise StageError("ingest", "encrypted Office document (password protected)")
    claimed = EXTENSIONS.get(path.suffix.lower())
    if fmt == "txt" and claimed in ("docx", "pdf", "doc"):
        raise StageError("ingest", f"named .{claimed} but its bytes are not a {claimed.upper()} file "
                                   f"(corrupt or mislabelled)")
    if fmt == "pdf":
        from pipeline.ingest.pdf import read_pdf
        return read_pdf(path)
    if fmt == "docx":
        from pipeline.ingest.docx import read_docx
        return read_docx(path)
    if fmt == "doc":
        from pipeline.ingest.doc import read_doc
        return read_doc(path)
    if fmt == "rtf":
        from pipeline.ingest.rtf import read_rtf
        return read_rtf(path)
    if fmt == "html":
        from pipeline.ingest.html import read_html
        return read_html(path.read_bytes())
    if claimed == "markdown":
        from pipeline.ingest.markdown import read_markdown
        return read_markdown(path)
    from pipeline.ingest.txt import read_txt
    return read_txt(path)


# ------------------------------------------------------------ control characters (no cell holds one)
# C0 but tab and line feed, DEL, C1, and the Unicode line and paragraph separators.
CONTROLS = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# These separate lines (VT, FF, CR, NEL, U+2028/2029): they become line breaks, before segmentation.
LINE_SEPARATORS = frozenset("\v\f\r\x85\u2028\u2029")
_VISIBLE = regex.compile(r"[^\s\p{Z}\p{Cc}\p{Cf}]")
# Characters that str.isprintable refuses but clean text is full of (no control among them).
_COMMON_UNPRINTABLE = ("\n", "\t", "\xa0")
_BLOCK_CHARS = 1 << 20      # a very large text is looked at a block at a time: no copy of all of it


def may_hold_controls(text: str) -> bool:
    """Whether the text may hold one of CONTROLS: all of them are unprintable, and str.isprintable
    scans far faster than a regex class (which is then searched only when this says yes)."""
    for lo in range(0, len(text), _BLOCK_CHARS):
        block = text[lo:lo + _BLOCK_CHARS]
        for char in _COMMON_UNPRINTABLE:
            block = block.replace(char, "")
        if not block.isprintable():
            return True
    return False


def clean_controls(raw: RawDocument) -> RawDocument:
    """Line separators become `\\n`; other controls (noise, a DOS ^Z end mark, stray NULs) are
    removed with a warning that counts them."""
    text = raw.text
    if may_hold_controls(text) and CONTROLS.search(text):
        removed: dict[str, int] = {}

        def fix(m) -> str:
            char = m.group()
            if char in LINE_SEPARATORS:
                return "\n"
            removed[char] = removed.get(char, 0) + 1
            return ""

        text = CONTROLS.sub(fix, text.replace("\r\n", "\n"))
        if removed:
            counts = ", ".join(f"U+{ord(c):04X} ×{n}" for c, n in sorted(removed.items()))
            raw.problems.append(Problem("ingest", f"{sum(removed.values())} control character(s) removed ({counts})"))
        raw.text = text
    if not _VISIBLE.search(text):
        raise StageError("ingest", "no text: the document is empty or holds only white space")
    return raw
