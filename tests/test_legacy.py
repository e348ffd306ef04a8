import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.ingest.legacy import (Detection, convert, detect, docx_run_encoding, is_upper_font, repair,
                                    repair_pdf_text)

# Every TCVN3 letter (cp1252 reading of its byte) and the Unicode letter it stands for.
TCVN3_ALPHABET = [
    ("¡¢£¤¥¦§", "ĂÂÊÔƠƯĐ"), ("¨©ª«¬\xad®", "ăâêôơưđ"),
    ("µ¶·¸¹", "àảãáạ"), ("»¼½¾Æ", "ằẳẵắặ"), ("ÇÈÉÊË", "ầẩẫấậ"), ("ÌÎÏÐÑ", "èẻẽéẹ"), ("ÒÓÔÕÖ", "ềểễếệ"),
    ("×ØÜÝÞ", "ìỉĩíị"), ("ßáâãä", "òỏõóọ"), ("åæçèé", "ồổỗốộ"), ("êëìíî", "ờởỡớợ"), ("ïñòóô", "ùủũúụ"),
    ("õö÷øù", "ừửữứự"), ("úûüýþ", "ỳỷỹýỵ"),
]

# Every VNI letter: base + mark(s) as read through cp1252.
VNI_ALPHABET = [
    ("ñ Ñ", "đ Đ"), ("ô Ô ö Ö", "ơ Ơ ư Ư"),
    ("aù aø aû aõ aï", "á à ả ã ạ"), ("aâ aá aà aå aã aä", "â ấ ầ ẩ ẫ ậ"), ("aê aé aè aú aü aë", "ă ắ ằ ẳ ẵ ặ"),
    ("AÙ AØ AÛ AÕ AÏ", "Á À Ả Ã Ạ"), ("AÂ AÁ AÀ AÅ AÃ AÄ", "Â Ấ Ầ Ẩ Ẫ Ậ"), ("AÊ AÉ AÈ AÚ AÜ AË", "Ă Ắ Ằ Ẳ Ẵ Ặ"),
    ("eù eø eû eõ eï", "é è ẻ ẽ ẹ"), ("eâ eá eà eå eã eä", "ê ế ề ể ễ ệ"),
    ("EÙ EØ EÛ EÕ EÏ", "É È Ẻ Ẽ Ẹ"), ("EÂ EÁ EÀ EÅ EÃ EÄ", "Ê Ế Ề Ể Ễ Ệ"),
    ("í ì æ ó ò", "í ì ỉ ĩ ị"), ("Í Ì Æ Ó Ò", "Í Ì Ỉ Ĩ Ị"),
    ("où oø oû oõ oï", "ó ò ỏ õ ọ"), ("oâ oá oà oå oã oä", "ô ố ồ ổ ỗ ộ"), ("ôù ôø ôû ôõ ôï", "ớ ờ ở ỡ ợ"),
    ("OÙ OØ OÛ OÕ OÏ", "Ó Ò Ỏ Õ Ọ"), ("OÂ OÁ OÀ OÅ OÃ OÄ", "Ô Ố Ồ Ổ Ỗ Ộ"), ("ÔÙ ÔØ ÔÛ ÔÕ ÔÏ", "Ớ Ờ Ở Ỡ Ợ"),
    ("uù uø uû uõ uï", "ú ù ủ ũ ụ"), ("öù öø öû öõ öï", "ứ ừ ử ữ ự"),
    ("UÙ UØ UÛ UÕ UÏ", "Ú Ù Ủ Ũ Ụ"), ("ÖÙ ÖØ ÖÛ ÖÕ ÖÏ", "Ứ Ừ Ử Ữ Ự"),
    ("yù yø yû yõ yï", "ý ỳ ỷ ỹ ỵ"), ("YÙ YØ YÛ YÕ YÏ", "Ý Ỳ Ỷ Ỹ Ỵ"),
]

PHRASES = [  # reference §5 table
    ("Uû ban nh©n d©n", "Uyû ban nhaân daân", "Uỷ ban nhân dân"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("§oµn Thanh niªn Céng s¶n Hå ChÝ Minh", "Ñoaøn Thanh nieân Coäng saûn Hoà Chí Minh",
     "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ("KÕ ho¹ch / Tæ chøc thùc hiÖn", "Keá hoaïch / Toå chöùc thöïc hieän", "Kế hoạch / Tổ chức thực hiện"),
    ("BÝ th\xad", "Bí thö", "Bí thư"),
]

NOT_LEGACY = [
    "Straße über Äpfel", "¿Qué año? Niño", "café déjà vu", "Où est-il ? Là où il est, où ?",
    "Größe, Übung, Öl und Maß", "El niño pequeño comió piñata en España", "Noël à l'hôtel, garçon, naïve",
    "The quick brown fox jumps over the lazy dog.", "Microsoft® Word © 2003 · page 1",
    "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nSố:  95 -KH/TĐTN-BTCKT",
    "Tôi có ý kiến về việc này.", "UỶ BAN NHÂN DÂN TỈNH CÀ MAU",
]


@pytest.mark.parametrize("legacy, expected", TCVN3_ALPHABET)
def test_tcvn3_every_letter(legacy, expected):
    assert convert(legacy, "tcvn3") == expected


@pytest.mark.parametrize("legacy, expected", VNI_ALPHABET)
def test_vni_every_letter(legacy, expected):
    assert convert(legacy, "vni") == expected


def test_tables_agree_with_viparse():
    pytest.importorskip("viparse")
    from viparse.normalize.tcvn3 import _ENTRIES as tcvn3
    from viparse.normalize.vni import _ENTRIES as vni
    assert all(convert("x" + src, "tcvn3") == "x" + dst for src, dst in tcvn3)  # `·` only after a letter
    assert all(convert(src, "vni") == dst for src, dst in vni if src[0] != "i")  # VNI ì í are single bytes


@pytest.mark.parametrize("tcvn3, vni, expected", PHRASES)
def test_phrases(tcvn3, vni, expected):
    assert convert(tcvn3, "tcvn3") == expected
    assert convert(vni, "vni") == expected


def test_output_is_nfc_and_keeps_whitespace():
    src = "  Céng hoµ\t\tx· héi\r\n\n  chñ   nghÜa \u00a0ViÖt Nam  \n"
    out = convert(src, "tcvn3")
    assert out == "  Cộng hoà\t\txã hội\r\n\n  chủ   nghĩa \u00a0Việt Nam  \n"
    assert unicodedata.is_normalized("NFC", out)
    assert repair(src)[0] == out


def test_upper_font():
    assert convert("céng hoµ x· héi", "tcvn3", upper=True) == "CỘNG HOÀ XÃ HỘI"
    assert is_upper_font(".VnTimeH") and is_upper_font(".VnArialH") and is_upper_font(".VnTimeH Tur")
    assert not is_upper_font(".VnTime") and not is_upper_font("Arial") and not is_upper_font(None)


def test_middle_dot_collision():
    # After a letter `·` is TCVN3 ã; standing alone it is a bullet or a separator and stays.
    assert convert("x· héi · ®· ký", "tcvn3") == "xã hội · đã ký"
    assert convert("· Néi dung", "tcvn3") == "· Nội dung"
    assert repair("§· ký · Hµ Néi")[0] == "Đã ký · Hà Nội"


def test_vni_mark_that_fits_no_base_is_left():
    assert convert("iâ ñi", "vni") == "iâ đi"


@pytest.mark.parametrize("text", NOT_LEGACY)
def test_not_flagged(text):
    det = detect(text)
    assert det.encoding is None and det.method == "content"
    assert repair(text) == (text, det)


@pytest.mark.parametrize("tcvn3, vni, expected", PHRASES[:5])
def test_detect_by_content(tcvn3, vni, expected):
    assert detect(tcvn3).encoding == "tcvn3"
    assert detect(vni).encoding == "vni"
    assert repair(tcvn3)[0] == expected and repair(vni)[0] == expected


def test_detect_by_font():
    assert detect("anything", ".VnTimeH") == Detection("tcvn3", 0.99, "font")
    assert detect("anything", "VNI-Times").encoding == "vni"
    assert detect("Céng hoµ x· héi", "Times New Roman") == detect("Céng hoµ x· héi")


def test_docx_run_encoding():
    assert docx_run_encoding(".VnTime") == docx_run_encoding(".VnArialH") == "tcvn3"
    assert docx_run_encoding("ABCDEF+.VnTime") == docx_run_encoding("FBHPEL+VnTimeHBold") == "tcvn3"
    assert docx_run_encoding("VNI-Times") == docx_run_encoding("VNI-Helve") == "vni"
    assert docx_run_encoding("Times New Roman") is docx_run_encoding(None) is docx_run_encoding("VNITimes") is None


def test_mixed_lines_and_stretches():
    text = ("Cộng hoà xã hội chủ nghĩa Việt Nam\n"
            "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n"
            "Hà Nội, ngày 5 tháng 3 năm 2004\n"
            "Nguyễn Văn A: Tæ chøc thùc hiÖn kÕ ho¹ch\n"
            "Tôi có\n")
    out, det = repair(text)
    assert det.encoding == "tcvn3"
    assert out == ("Cộng hoà xã hội chủ nghĩa Việt Nam\n"
                   "Cộng hoà xã hội chủ nghĩa Việt Nam\n"
                   "Hà Nội, ngày 5 tháng 3 năm 2004\n"
                   "Nguyễn Văn A: Tổ chức thực hiện kế hoạch\n"
                   "Tôi có\n")


def test_mixed_encodings_by_line():
    out, _ = repair("Céng hoµ x· héi chñ nghÜa ViÖt Nam\nÑoäc laäp - Töï do - Haïnh phuùc\n")
    assert out == "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n"


def test_abbreviations():
    assert repair("Sè 144/2002/Q§-BTC cña Bé Tµi chÝnh")[0] == "Số 144/2002/QĐ-BTC của Bộ Tài chính"


def test_pdf_glyphs():
    text, det = repair_pdf_text("Thñ t\u2212íng ChÝnh phñ, Trung \u2212¬ng, x\u2219 héi, 5 \u2212 3", ["ABCDEF+.VnTime"])
    assert text == "Thủ tướng Chính phủ, Trung ương, xã hội, 5 \u2212 3" and det.method == "font"
    assert repair_pdf_text("a \u2212 b, Straße", [])[0] == "a \u2212 b, Straße"


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F), max_size=200))
def test_repair_never_crashes_and_keeps_line_count(text):
    out, det = repair(text)
    assert out.count("\n") == text.count("\n")
    assert 0.0 <= det.confidence <= 1.0
