"""Damaged but readable text, and files a careful reader accepts: control characters, NULs, empty
documents, a renamed OOXML main part, junk before `%PDF`. Every input is generated here."""
import io
import zipfile

import pyarrow.parquet as pq
import pytest
import regex
from typer.testing import CliRunner

from pipeline import ingest
from pipeline.cli import app
from pipeline.models import StageError
from pipeline.tables import SCHEMAS
from tests.conftest import fields_of
from tests.generated import ASCII_PLAN, HEADER, PLAN, pdf, to_cp1258

runner = CliRunner()
FORBIDDEN = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def header_of(path) -> dict:
    fields = fields_of(ingest.read(path).text)
    return {k: fields[k] for k in HEADER}


def run_tables(src, out) -> dict[str, list[dict]]:
    result = runner.invoke(app, ["run", str(src), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return {name: pq.read_table(out / f"{name}.parquet").to_pylist() for name in SCHEMAS}


def lines_split(text: str, sep: str) -> str:
    return text.replace("\n", sep)


@pytest.mark.parametrize("sep", ["\v", "\f", "\u2028", "\u2029", "\x85", "\r"])
def test_line_separators_become_line_breaks(tmp_path, sep):
    path = tmp_path / "plan.txt"
    path.write_text(lines_split(PLAN, sep), encoding="utf-8")
    raw = ingest.read(path)
    assert raw.text == PLAN and raw.problems == []
    assert header_of(path) == HEADER


def test_c0_noise_and_a_dos_eof_mark_in_cp1258(tmp_path):
    noisy = PLAN.replace("Số:", "\x07Số:").replace("KẾ HOẠCH", "KẾ\x1b HOẠCH\x08").replace("II.", "\x7fII.")
    path = tmp_path / "plan.txt"
    path.write_bytes(to_cp1258(noisy) + b"\x1a")
    raw = ingest.read(path)
    assert raw.encoding == "cp1258" and not FORBIDDEN.search(raw.text)
    assert [p.message for p in raw.problems] == [
        "5 control character(s) removed (U+0007 ×1, U+0008 ×1, U+001A ×1, U+001B ×1, U+007F ×1)"]
    assert header_of(path) == HEADER


def test_no_table_cell_holds_a_control_character(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "vt.txt").write_text(lines_split(PLAN, "\v").replace("Mục đích", "Mục\x01 đích\u2028"), encoding="utf-8")
    (src / "bell\x07name.txt").write_bytes(PLAN.replace("1. Tổ", "1.\x9b Tổ").encode("utf-8"))
    tables = run_tables(src, tmp_path / "out")
    assert len(tables["documents"]) == 2 and tables["sections"], tables["errors"]
    for name, rows in tables.items():
        for row in rows:
            for col, value in row.items():
                assert not (isinstance(value, str) and FORBIDDEN.search(value)), (name, col, value)
    assert {r["source_path"] for r in tables["documents"]} == {"vt.txt", "bell\ufffdname.txt"}
    warnings = {r["source_path"]: r["message"] for r in tables["errors"]}
    assert warnings == {"vt.txt": "1 control character(s) removed (U+0001 ×1)",
                        "bell\ufffdname.txt": "1 control character(s) removed (U+009B ×1)"}


def test_every_control_character_is_seen_among_common_unprintable_ones():
    clean = "Đoàn viên\tSố:\u00a012/KH\nKẾ HOẠCH\u200b\n"
    assert not ingest.may_hold_controls(clean.replace("\u200b", ""))
    assert ingest.may_hold_controls(clean)        # another unprintable character: CONTROLS decides
    controls = [chr(c) for c in range(0x3000) if FORBIDDEN.match(chr(c))]
    assert len(controls) == 9 + 21 + 33 + 2      # C0 but tab and line feed, DEL and C1, U+2028/2029
    for char in controls:
        assert ingest.may_hold_controls(clean.replace("\u200b", char)), hex(ord(char))


def test_stray_nuls_in_utf8_are_dropped_with_a_warning(tmp_path):
    path = tmp_path / "plan.txt"
    data = PLAN.encode("utf-8")
    path.write_bytes(b"\x00" * 3 + data[:40] + b"\x00" * 20 + data[40:] + b"\x00")
    raw = ingest.read(path)
    assert raw.encoding == "utf-8" and raw.text == PLAN
    assert [p.message for p in raw.problems] == ["24 control character(s) removed (U+0000 ×24)"]
    assert header_of(path) == HEADER


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_still_text(tmp_path, encoding):
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.encode(encoding))
    raw = ingest.read(path)
    assert raw.encoding == "utf-16" and raw.text == PLAN and raw.problems == []


def test_binary_content_is_still_refused(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(1, 256)) * 40)
    with pytest.raises(StageError, match="binary content"):
        ingest.read(path)


@pytest.mark.parametrize("data", [b" \n\t\r\n  ", "\u3000\u00a0\u200b\ufeff\n".encode("utf-8"),
                                  b"\x00\x00\x00\x00", "  \n".encode("utf-16")])
def test_a_blank_document_is_an_error_never_a_document(tmp_path, data):
    src = tmp_path / "in"
    src.mkdir()
    (src / "blank.txt").write_bytes(data)
    (src / "plan.txt").write_text(PLAN, encoding="utf-8")
    tables = run_tables(src, tmp_path / "out")
    assert [r["source_path"] for r in tables["documents"]] == ["plan.txt"]
    errors = [(r["source_path"], r["severity"]) for r in tables["errors"]]
    assert ("blank.txt", "error") in errors
    assert not [r for r in tables["sections"] if r["doc_id"] != tables["documents"][0]["doc_id"]]


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    for line in PLAN.split("\n"):
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _renamed(data: bytes, name: str, rels: bool = True) -> bytes:
    """The package with its main part at `name`; `rels=False` also drops `_rels/.rels`."""
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                dst.writestr(name, body)
            elif info.filename == "word/_rels/document.xml.rels":
                dst.writestr(f"word/_rels/{name.rsplit('/', 1)[1]}.rels", body)
            elif info.filename == "_rels/.rels":
                if rels:
                    dst.writestr(info.filename, body.replace(b"word/document.xml", name.encode()))
            elif info.filename == "[Content_Types].xml":
                dst.writestr(info.filename, body.replace(b"/word/document.xml", f"/{name}".encode()))
            else:
                dst.writestr(info.filename, body)
    return out.getvalue()


def test_the_main_part_is_found_from_the_package(tmp_path):
    data = _docx_bytes()
    with zipfile.ZipFile(io.BytesIO(_renamed(data, "word/document2.xml"))) as zf:
        from pipeline.ingest.docx import main_part
        assert main_part(zf, set(zf.namelist())) == "word/document2.xml"                 # from _rels/.rels
    with zipfile.ZipFile(io.BytesIO(_renamed(data, "word/body.xml", rels=False))) as zf:
        assert main_part(zf, set(zf.namelist())) == "word/body.xml"                      # from the content types
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert main_part(zf, set(zf.namelist())) == "word/document.xml"
    path = tmp_path / "plan.docx"
    path.write_bytes(_renamed(data, "word/document2.xml"))
    assert header_of(path) == HEADER


def test_a_main_part_the_package_names_but_lacks_is_refused(tmp_path):
    path = tmp_path / "plan.docx"
    data = _renamed(_docx_bytes(), "word/document2.xml")
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != "word/document2.xml":
                dst.writestr(info, src.read(info))
    path.write_bytes(out.getvalue())
    with pytest.raises(StageError, match="main part word/document2.xml is missing"):
        ingest.read(path)


def test_junk_before_the_pdf_header(tmp_path):
    path = tmp_path / "saved.pdf"
    junk = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: 1234\r\n\r\n"
    path.write_bytes(junk + pdf([ASCII_PLAN]))
    raw = ingest.read(path)
    assert raw.source_format == "pdf" and "So: 12-KH/TDTN" in raw.text
    path.write_bytes(b"x" * 1100 + pdf([ASCII_PLAN]))        # past the first 1,024 bytes: not a PDF
    with pytest.raises(StageError, match="not a PDF"):
        ingest.read(path)


def test_messages_lose_their_control_characters(tmp_path):
    from pipeline.tables import write_table
    write_table(tmp_path, "errors", [{"source_path": "a.pdf", "message": "pdfium: bad\x07 object\x00\u2028 at 12"}])
    assert pq.read_table(tmp_path / "errors.parquet").column("message").to_pylist() == ["pdfium: bad object at 12"]
