"""No input crashes a stage, and offsets always map back into the source."""
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import extract_all
from pipeline.normalize import normalize
from pipeline.segment import segment

# Text made of the pieces real documents are made of, plus arbitrary characters.
PIECES = st.sampled_from([
    "KẾ HOẠCH", "Số: 95 -KH/TĐTN-BTCKT", "Rạch Giá, ngày 28 tháng 5 năm 2014", "***", "Nơi nhận:",
    "- Ban Bí thư TW Đoàn (b/c);", "TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Hồng Thắm", "I/ MỤC ĐÍCH", "1.1- Ban",
    "a) Cấp", "+ Cấp Phường", "**02**", "*", "·", "\u00d0oàn", "ngày 05/3/2014", "25-NQ/TW", "\n", "\n\n", " ",
    "tháng", "V/v", "uỷ", "\u0301", "\r\n", "\t",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.booleans())
def test_stages_never_crash(text, wrapped):
    norm = normalize(text, wrapped=wrapped)
    src = [norm.source_offset(i) for i in range(len(norm.text) + 1)]
    assert src[-1] == len(text)
    assert all(0 <= s <= len(text) for s in src)
    assert src == sorted(src)                            # order is kept
    doc = segment(norm, "x", "x.txt")
    found = extract_all(doc)
    for records in found.values():
        for r in records:
            start, end = getattr(r, "start", None), getattr(r, "end", None)
            if start is not None:
                assert 0 <= start <= end <= len(norm.text)
