"""Signature lines as OCR prints them: the closed vocabulary of posts matched without marks and
spaces, a rank before a name misspelt, the closing zone found by such a line."""
import pytest

from pipeline.patterns import known_position
from tests.conftest import fields_of

OPENING = "KẾ HOẠCH\nTổ chức hội thi\n\nNội dung kế hoạch.\n"


@pytest.mark.parametrize("line, expected", [
    ("BÍ THƯ", "BÍ THƯ"),                            # as printed
    ("Phó Chủ tịch", "PHÓ CHỦ TỊCH"),
    ("BíTHƯ", "BÍ THƯ"),                             # a space lost, a mark in lower case
    ("GIÁM ĐÓC", "GIÁM ĐỐC"),                        # a mark swapped
    ("PHÓ TÔNG BIÊN TẬP", "PHÓ TỔNG BIÊN TẬP"),      # the deputy of a post, a mark lost
    ("PHOCHU TICH", "PHÓ CHỦ TỊCH"),
    ("THU TRUONG", "THU TRUONG"),                    # two posts fold alike: a post, kept as printed
    # not posts: a body, a post with more words, a name, a sentence
    ("BAN THƯỜNG VỤ", None),
    ("Bí thư Đoàn trường", None),
    ("Trần Văn Bình", None),
    ("GIÁM ĐỐC SỞ NỘI VỤ TỈNH LÂM ĐỒNG VÀ CÁC ĐƠN VỊ TRỰC THUỘC CÓ LIÊN QUAN THỰC HIỆN", None),
])
def test_known_position(line, expected):
    assert known_position(line) == expected


SIGNATURES = [
    # the post as OCR printed it takes the vocabulary's spelling
    ("TM. BAN THƯỜNG VỤ QUẬN ĐOÀN\nBíTHƯ\n\nTrần Thị Lan\n",
     {"signing_authority": "TM. Ban Thường vụ Quận Đoàn", "signer_title": "Bí thư", "signer_name": "Trần Thị Lan"}),
    ("T/M BAN BIÊN TẬP\nPHÓ TÔNG BIÊN TẬP\n\nLê Văn Nam\n",
     {"signer_title": "Phó Tổng Biên tập", "signer_name": "Lê Văn Nam"}),
    # a post with no prefix, its mark misread, over a rank misread: the closing zone is still found
    ("Kính trình./. Nơi nhận:\n- Như trên;\n- Lưu VT.\nGIÁM ĐÓC\nThiêu tướng Phạm Quốc Huy\n",
     {"signing_authority": None, "signer_title": "Giám đốc", "signer_name": "Phạm Quốc Huy"}),
    # a line that only looks like a post once folded, with no name under it, is no signature
    ("Trân trọng./.\nBAN THUONG VU\n",
     {"signer_title": None, "signer_name": None}),
]


@pytest.mark.parametrize("block, expected", SIGNATURES)
def test_signature_as_ocr_prints_it(block, expected):
    got = fields_of(OPENING + block)
    assert {k: got[k] for k in expected} == expected
