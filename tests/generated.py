"""Input files the robustness tests generate: a plan's text, and PDFs written by hand."""
from __future__ import annotations

import unicodedata
import zlib

PLAN = ("BCH ĐOÀN TỈNH AN GIANG\n***\nSố: 12-KH/TĐTN\nLong Xuyên, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
        "Tổ chức các hoạt động tháng thanh niên năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
        "- Phát huy vai trò xung kích của đoàn viên.\n- Đạt 90% đoàn viên tham gia.\nII. NỘI DUNG\n"
        "1. Tổ chức ra quân.\n\nTM. BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn An\n")
HEADER = {"so_hieu": "12-KH/TĐTN", "doc_type": "Kế hoạch", "issue_date": "2024-03-05"}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes as Vietnamese offices wrote them: the tone as a combining mark after
    the (possibly precomposed) vowel."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tone = next(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            out += unicodedata.normalize("NFC", parts.replace(tone, "")).encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf(pages: list[list[str]], extra_stream: bytes | None = None) -> bytes:
    """A PDF with a text layer (Helvetica, WinAnsi: ASCII lines), one content stream per page;
    `extra_stream` (Flate-compressed bytes) is added to the first page's contents."""
    n = len(pages)
    font = 3 + 2 * n
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(n))}] /Count {n} >>"]
    streams = {}
    for i, lines in enumerate(pages):
        contents = f"{4 + 2 * i} 0 R"
        if i == 0 and extra_stream is not None:
            contents = f"[{contents} {font + 1} 0 R]"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {contents} "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> >>")
        ops = "".join(f"BT /F1 11 Tf 56 {790 - 14 * k} Td ({_escape(line)}) Tj ET\n" for k, line in enumerate(lines))
        streams[len(objects)] = zlib.compress(ops.encode("latin-1"))
        objects.append(None)
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    if extra_stream is not None:
        streams[len(objects)] = extra_stream
        objects.append(None)
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objects):
        offsets.append(len(out))
        if obj is None:
            data = streams[i]
            out += f"{i + 1} 0 obj\n<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode()
            out += data + b"\nendstream\nendobj\n"
        else:
            out += f"{i + 1} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


ASCII_PLAN = ["DOAN TNCS HO CHI MINH", "BCH TINH DOAN AN GIANG", "So: 12-KH/TDTN",
              "KE HOACH", "To chuc cac hoat dong thang thanh nien nam 2024",
              "I. MUC DICH, YEU CAU", "1. Phat huy vai tro xung kich cua doan vien trong cac phong trao."]

def gazette(pages: int) -> bytes:
    """A gazette compilation: the plan, then one line per page, the lines alike but for their
    numbers (so they look like a running header: each page's only line)."""
    lines = [[f"Cong bao so {n}: van ban so {n}/QD-UBND ngay {n % 28 + 1}/{n % 12 + 1}/2024."]
             for n in range(2, pages + 1)]
    return pdf([ASCII_PLAN, *lines])


def big_plan(size: int) -> bytes:
    """One plan of about `size` bytes of UTF-8: the header, then numbered sections and bullets
    with targets, deadlines and citations, each with its own numbers."""
    head, body = PLAN.split("I. MỤC ĐÍCH", 1)
    chunks, total, n = [head.encode("utf-8")], 0, 0
    while total < size:
        n += 1
        chunk = (f"{n}. Nhiệm vụ thứ {n} của năm 2024\n"
                 f"- Phấn đấu kết nạp {n % 900 + 100} đoàn viên mới, đạt {n % 60 + 40}% chỉ tiêu được giao.\n"
                 f"- Thực hiện Kế hoạch số {n % 500 + 1}-KH/TĐTN ngày {n % 28 + 1}/{n % 12 + 1}/2023 của "
                 f"Ban Thường vụ Tỉnh Đoàn; hoàn thành trước ngày {n % 28 + 1}/{n % 12 + 1}/2024.\n"
                 f"- Giao Huyện Đoàn, Thành Đoàn chủ trì, phối hợp với các cơ sở Đoàn thực hiện.\n").encode("utf-8")
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks) + ("TM. BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn An\n").encode("utf-8")


def flate_bomb(inflated: int) -> bytes:
    """Flate-compressed zeros (about 230 : 1 at the fastest level), for a content stream."""
    import zlib

    packer, block, out = zlib.compressobj(1), bytes(1 << 24), []
    for _ in range(inflated >> 24):
        out.append(packer.compress(block))
    out.append(packer.flush())
    return b"".join(out)
