import pytest

from pipeline.symbols import find_symbols

CASES = [
    ("Số:  95 -KH/TĐTN-BTCKT", "95-KH/TĐTN-BTCKT"),
    ("Nghị quyết số 25-NQ/TW, ngày 03/6/2013", "25-NQ/TW"),
    ("Kết luận số 19 – KL/TU, ngày 12/11/2019", "19-KL/TU"),
    ("Số: 298 KH/TWĐTN", "298-KH/TWĐTN"),
    ("Nghị quyết số 03-NQ-TWĐTN-BTC ngày 05/3/2014", "03-NQ/TWĐTN-BTC"),
    ("Kế hoạch số 20/KH-UBND ngày 26/3/2012", "20/KH-UBND"),
    ("Quy chế phối hợp số 1348/QCPH-UBND-TĐTN", "1348/QCPH-UBND-TĐTN"),
    ("Nghị định số 98/2014/NĐ-CP ngày 24/10/2014", "98/2014/NĐ-CP"),
    ("Luật số 72/2025/QH15", "72/2025/QH15"),
    ("Tờ trình số 01/TTr-CT05 ngày 07/5/2026", "01/TTr-CT05"),
    ("18/KH/TĐTN-CTĐTTN", "18-KH/TĐTN-CTĐTTN"),
    ("Số:  144 /2002/QĐ/BTC", "144/2002/QĐ/BTC"),
]


@pytest.mark.parametrize("text, canonical", CASES)
def test_symbol(text, canonical):
    assert [s.canonical for _, s in find_symbols(text)] == [canonical]


@pytest.mark.parametrize("text", [
    "Lưu: VP, BCNLD. (D/2024/BCNLD/KH)",   # archive code
    "chỉ đạo 2/3 xã, phường", "21/25 đảng bộ", "ngày 05/3/2014", "giai đoạn 2019-2022",
])
def test_not_a_symbol(text):
    assert list(find_symbols(text)) == []


def test_codes_equal_the_dash_substitution():
    """symbols._codes (str methods) against the substitution it replaces, on every short mix of codes,
    dashes and spaces."""
    import itertools

    import regex

    from pipeline.symbols import _codes

    dashes = regex.compile(r"[ ]{0,2}[-–—][ ]{0,2}")
    for n in range(1, 6):
        for combo in itertools.product(["KH", "Đ", " ", "-", "–", "—", "/"], repeat=n):
            text = "".join(combo)
            assert _codes(text) == dashes.sub("-", text).replace(" ", ""), text
