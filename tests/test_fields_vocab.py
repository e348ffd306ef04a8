"""Each vocabulary entry added for the document fields, run through the real extractors with a
positive and a negative example."""
import pytest

from pipeline.casing import sentence_case
from pipeline.vocab import BODY_OPENERS, NAME_PREFIXES, POSITIONS, PROPER_PHRASES, TOP_ORGANS, TYPE_WORDS
from tests.conftest import analyze_text

HEAD = "SỞ Y TẾ\nSố: 5/KH-SYT\n\nKẾ HOẠCH\nKhám sức khỏe\n\nNội dung.\n"
NEW_POSTS = ["CHỦ NHIỆM", "TỔNG BIÊN TẬP", "TRƯỞNG TIỂU BAN", "VIỆN TRƯỞNG", "CHÁNH THANH TRA", "TRƯỞNG KHOA",
             "TỔ TRƯỞNG", "ỦY VIÊN", "TRƯỞNG BAN TỔ CHỨC", "THỦ TƯỚNG", "BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG", "TRƯỞNG ĐOÀN"]


def _signers(text):
    _, found = analyze_text(text)
    return [(s.signer_name, s.signer_title, s.signing_authority) for s in found["signers"]]


@pytest.mark.parametrize("post", NEW_POSTS)
def test_post_signs_without_a_prefix(post):
    assert _signers(HEAD + f"Nơi nhận:\n- Lưu: VT.\n{post}\nNguyễn Văn An\n") == [
        ("Nguyễn Văn An", POSITIONS[post].value, None)]


@pytest.mark.parametrize("post", NEW_POSTS)
def test_post_under_kt_and_its_deputy(post):
    assert _signers(HEAD + f"KT. {post}\nPHÓ {post}\nNguyễn Văn An\n") == [
        ("Nguyễn Văn An", "Phó " + POSITIONS[post].value, "KT. " + POSITIONS[post].value)]


@pytest.mark.parametrize("post", NEW_POSTS)
def test_post_words_in_a_sentence_open_no_signature(post):
    doc, found = analyze_text(HEAD + f"Giao {post.lower()} chỉ đạo thực hiện.\nNguyễn Văn An phụ trách.\n")
    assert doc.signature is None and found["signers"] == []


@pytest.mark.parametrize("word", ["PHỤ LỤC", "BIỂU MẪU", "MỤC LỤC"])
def test_not_a_name(word):
    assert _signers(HEAD + f"KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n{word.title()}\n") == [(None, "Phó Giám đốc", "KT. Giám đốc")]


NEW_TYPES = ["chương trình phối hợp", "dự toán kinh phí", "dự toán"]


@pytest.mark.parametrize("key", NEW_TYPES)
def test_type_word_heads_a_document(key):
    _, found = analyze_text(f"SỞ Y TẾ\nSố: 5/SYT\n\n{key.upper()}\nNăm 2025\n")
    assert [f.value for f in found["fields"] if f.field == "doc_type"] == [TYPE_WORDS[key].value]


@pytest.mark.parametrize("key", NEW_TYPES)
def test_type_word_in_a_sentence_is_no_type_line(key):
    _, found = analyze_text(f"SỞ Y TẾ\nSố: 5/SYT\n\nLập {key} năm 2025 theo quy định.\n")
    assert [f.value for f in found["fields"] if f.field == "doc_type"] == []


def test_xet_opens_the_body_after_a_subject_line():
    entry = BODY_OPENERS["Xét"]
    text = f"SỞ Y TẾ\nSố: 5/SYT\nV/v công nhận đơn vị\n{entry.example}\n"
    _, found = analyze_text(text)
    assert [f.value for f in found["fields"] if f.field == "title"] == ["công nhận đơn vị"]


def test_xet_inside_a_subject_line_is_kept():
    _, found = analyze_text("SỞ Y TẾ\nSố: 5/SYT\nV/v xét công nhận\nđơn vị đạt chuẩn\n")
    assert [f.value for f in found["fields"] if f.field == "title"] == ["xét công nhận đơn vị đạt chuẩn"]


@pytest.mark.parametrize("phrase", sorted(PROPER_PHRASES))
def test_proper_phrase_keeps_its_capitals(phrase):
    assert sentence_case(f"TUYÊN TRUYỀN VỀ {phrase.upper()} NĂM 2025") == f"Tuyên truyền về {phrase} năm 2025"


def test_words_of_no_proper_phrase_go_lower_case():
    assert sentence_case("TUYÊN TRUYỀN VỀ CHÍNH SÁCH NĂM 2025") == "Tuyên truyền về chính sách năm 2025"


@pytest.mark.parametrize("organ", sorted(TOP_ORGANS))
def test_top_organ_has_no_organisation_parent(organ):
    _, found = analyze_text(f"{organ}\n*\nSố 9-KL/TW\nĐẢNG CỘNG SẢN VIỆT NAM\n\nKẾT LUẬN\nVề công tác\n")
    assert [f.value for f in found["fields"] if f.field == "parent_body"] == []


def test_lower_organ_has_the_organisation_parent():
    _, found = analyze_text("BAN TUYÊN GIÁO TRUNG ƯƠNG\n*\nSố 9-HD/BTGTW\nĐẢNG CỘNG SẢN VIỆT NAM\n\nHƯỚNG DẪN\nVề công tác\n")
    assert [f.value for f in found["fields"] if f.field == "parent_body"] == ["Đảng Cộng sản Việt Nam"]


def test_level_compound_is_no_place():
    assert sentence_case("HỖ TRỢ NHÀ Ở XÃ HỘI TẠI XÃ PHÚ AN") == "Hỗ trợ nhà ở xã hội tại xã Phú An"
    assert sentence_case("BÌNH ỔN GIÁ THỊ TRƯỜNG TẠI THỊ TRẤN CÁI BÈ") == "Bình ổn giá thị trường tại thị trấn Cái Bè"


def test_syllable_acronym_is_a_word_in_capitals():
    assert sentence_case("THỦ TỤC LĨNH VỰC TƯ PHÁP VÀ ĐẦU TƯ") == "Thủ tục lĩnh vực tư pháp và đầu tư"
    assert sentence_case("CHỈ ĐẠO CỦA UBND TỈNH") == "Chỉ đạo của UBND tỉnh"      # a real acronym stays


@pytest.mark.parametrize("prefix", sorted(NAME_PREFIXES))
def test_name_prefix_is_kept_out_of_the_name(prefix):
    assert _signers(HEAD + f"KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n{prefix} Trần Văn An\n") == [
        ("Trần Văn An", "Phó Giám đốc", "KT. Giám đốc")]


@pytest.mark.parametrize("prefix", sorted(NAME_PREFIXES))
def test_name_prefix_alone_is_no_name(prefix):
    assert _signers(HEAD + f"KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n{prefix}\n") == [(None, "Phó Giám đốc", "KT. Giám đốc")]
