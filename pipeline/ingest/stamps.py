"""Numbers and dates stamped as images into the blank slots of a signed PDF's header.

A document signed digitally (VGCA / Ban Cơ yếu signing tools) keeps its text layer as drafted
(`Số:      /BC-SNV`, `ngày    tháng 11 năm 2025`) and stamps the number and the date into those
slots as pictures: a signature widget's appearance, or an image in the page. When page 1's header
has such a blank slot and a picture stands in its gap, the picture alone is read by OCR (digits
only) and written into the slot; the filled spans are returned so that the fields read from them
carry a lower confidence (method `ocr-stamp`). A draft's slot with nothing stamped stays blank.
"""
from __future__ import annotations

import ctypes
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline.ingest.layout import HEAD_LINES

# The blank slots of a header, each: the label before the gap, the gap, what must follow it.
SLOTS = {
    # 'Số:      /KH-UBND', 'Số     -HD/BTCTU', 'SỐ: …/TB-VP' (not 'Số: 15/KH-…': the gap holds no digit)
    "number": regex.compile(r"(?m)^[ \t]{0,40}(?P<label>(?:Số|SỐ|Sô)(?:[ ]{0,3}:)?)(?P<gap>[ .…_]{1,30})"
                            r"(?P<after>[-–/][ ]{0,3}\p{Lu}[\p{L}\d&/-]{0,40})"),
    # 'Lâm Đồng, ngày    tháng 11 năm 2025' (the place's comma: not a body's 'ngày tháng')
    "day": regex.compile(r",[ ]{0,3}(?P<label>ngày)(?P<gap>[ .…_]{1,30})(?P<after>tháng)"),
    # 'ngày 05 tháng     năm 2025'
    "month": regex.compile(r",[ ]{0,3}ngày[ .…_\d]{1,30}(?P<label>tháng)(?P<gap>[ .…_]{1,30})(?P<after>năm)"),
}
# What a stamp in each slot may read: a number of up to five digits, a day, a month.
VALID = {"number": lambda v: 1 <= len(v) <= 5 and int(v) > 0, "day": lambda v: 1 <= int(v) <= 31,
         "month": lambda v: 1 <= int(v) <= 12}
_DIGITS = regex.compile(r"\d{1,5}")
STAMP_DPI = 300
PAD = 3                  # points around a stamp's box, so its edge strokes are kept
INK = 200                # grey level under which a pixel of the stamp layer is ink
TIMEOUT_S = 20


@dataclass(frozen=True)
class Slot:
    kind: str
    start: int           # the gap, offsets into the text
    end: int


def blank_slots(text: str) -> list[Slot]:
    """The blank slots among the first lines of a page (the header), the first of each kind."""
    cut = -1
    for _ in range(HEAD_LINES):
        cut = text.find("\n", cut + 1)
        if cut < 0:
            cut = len(text)
            break
    out = []
    for kind, pattern in SLOTS.items():
        m = pattern.search(text, 0, cut)
        if m:
            out.append(Slot(kind, m.start("gap"), m.end("gap")))
    return out


def fill(text: str, values: dict[str, str]) -> tuple[str, list[tuple[int, int]]]:
    """Write the values read from stamps into their slots: the text and the values' spans."""
    slots = sorted((s for s in blank_slots(text) if s.kind in values), key=lambda s: s.start)
    out, spans, pos, shift = [], [], 0, 0
    for s in slots:
        value = values[s.kind]
        # the number joins its symbol ('Số: 228/BC-SNV'); a day or month stands between words
        piece = f" {value}" if s.kind == "number" else f" {value} "
        out += [text[pos:s.start], piece]
        lead = s.start + shift + 1
        spans.append((lead, lead + len(value)))
        shift += len(piece) - (s.end - s.start)
        pos = s.end
    out.append(text[pos:])
    return "".join(out), spans


def _boxes(textpage, lo: int, hi: int) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) around chars lo..hi of the page's text."""
    boxes = [textpage.get_charbox(i) for i in range(lo, hi)]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _gaps(textpage, kinds: set[str]) -> dict[str, tuple[float, float, float, float]]:
    """Where each blank slot's gap lies on the page: from the label's right edge to the next
    word's left edge, as high as the label (PDF points, y upwards)."""
    text = textpage.get_text_range()
    out = {}
    for kind in kinds:
        m = SLOTS[kind].search(text)
        if m:
            label = _boxes(textpage, m.start("label"), m.end("label"))
            after = _boxes(textpage, m.start("after"), m.start("after") + 1)
            out[kind] = (label[2], label[1], after[0], label[3])
    return out


def _stamp_boxes(page) -> list[tuple[str, object, tuple[float, float, float, float]]]:
    """The pictures on the page: ('annot', index, box) for annotations with an appearance (a
    signature widget, a stamp), ('image', object, box) for image objects."""
    import pypdfium2.raw as pdfium_c

    out = []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        rect = pdfium_c.FS_RECTF()
        ok = pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect))
        pdfium_c.FPDFPage_CloseAnnot(annot)
        if ok:
            out.append(("annot", i, (rect.left, rect.bottom, rect.right, rect.top)))
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        out.append(("image", obj, tuple(obj.get_bounds())))
    return out


def _overlaps(box, gap) -> bool:
    """A stamp covers part of a slot's gap: it spans some of its width and its line's height."""
    left, bottom, right, top = box
    g_left, g_bottom, g_right, g_top = gap
    height = g_top - g_bottom
    return left < g_right and right > g_left and bottom < g_top + height and top > g_bottom - height


def _stamp_image(page, kind: str, ref, box):
    """The stamp alone, black on white: an annotation is what rendering it adds to the page (the
    slot's own label is printed under it); an image object is its own bitmap."""
    from PIL import ImageChops, ImageOps

    if kind == "image":
        return ref.get_bitmap(render=True).to_pil().convert("L")
    width, height = page.get_width(), page.get_height()
    left, bottom, right, top = box
    crop = (max(0, left - PAD), max(0, bottom - PAD), max(0, width - right - PAD), max(0, height - top - PAD))
    scale = STAMP_DPI / 72
    stamped = page.render(scale=scale, crop=crop, may_draw_forms=True).to_pil().convert("L")
    plain = page.render(scale=scale, crop=crop, may_draw_forms=False, draw_annots=False).to_pil().convert("L")
    return ImageOps.invert(ImageChops.difference(stamped, plain)).point(lambda v: 0 if v < INK else 255)


def read_digits(image) -> str:
    """The digits Tesseract reads in a one-line picture. The English model reads stamped digits
    better than the Vietnamese one (italic '28' read as '2' by `vie`, on the dev corpus's stamps)."""
    from pipeline.ingest.ocr import languages

    lang = "eng" if "eng" in languages() else "vie"
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "stamp.png"
        image.save(png)
        try:
            return subprocess.run(["tesseract", str(png), "stdout", "-l", lang, "--psm", "7",
                                   "-c", "tessedit_char_whitelist=0123456789"],
                                  capture_output=True, text=True, timeout=TIMEOUT_S).stdout
        except (OSError, subprocess.SubprocessError):
            return ""


def read_stamps(path: Path, kinds: set[str]) -> dict[str, str]:
    """The values stamped into page 1's blank slots of these kinds (a slot with no picture in
    its gap is left out: a true draft)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        pdf.init_forms()                    # before the page loads: widget appearances are drawn
        page = pdf[0]
        textpage = page.get_textpage()
        gaps = _gaps(textpage, kinds)
        stamps = _stamp_boxes(page) if gaps else []
        out = {}
        for slot, gap in gaps.items():
            for kind, ref, box in stamps:
                if not _overlaps(box, gap):
                    continue
                m = _DIGITS.search(read_digits(_stamp_image(page, kind, ref, box)))
                if m and VALID[slot](m.group()):
                    out[slot] = m.group()
                    break
        return out
    except pdfium.PdfiumError:
        return {}
    finally:
        pdf.close()


def fill_stamped(path: Path, text: str) -> tuple[str, list[tuple[int, int]]]:
    """Page 1's text with the values stamped into its blank header slots, and their spans."""
    slots = blank_slots(text)
    if not slots:
        return text, []
    values = read_stamps(path, {s.kind for s in slots})
    return fill(text, values) if values else (text, [])
