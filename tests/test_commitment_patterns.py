"""Every pattern of the commitment extractors stays linear on a hostile 100 KB line."""
import time

import pytest
import regex

from extractors import assignments, deadlines, numerals, periods, structure, targets

PATTERNS = [(mod.__name__ + "." + name, obj) for mod in (targets, deadlines, assignments, numerals, periods, structure)
            for name, obj in vars(mod).items() if isinstance(obj, regex.Pattern)]
HOSTILE = [
    "1" * 100_000,
    "ngày 1/" * 15_000,
    "từ 01 đến " * 10_000,
    ("Ban Tổ chức, " * 8_000)[:100_000],
    ("mỗi huyện, thị, " * 7_000)[:100_000],
    ("a " * 50_000),
    ("trước Quý I/" * 9_000),
    ("“" + "x " * 50_000),
    ("- Đ/c Nguyễn Văn " * 6_000)[:100_000],
    ("(" * 50_000) + ":",
]


@pytest.mark.parametrize("name,rx", PATTERNS)
def test_pattern_is_fast_on_hostile_lines(name, rx):
    for line in HOSTILE:
        t0 = time.perf_counter()
        for _ in rx.finditer(line):
            pass
        assert time.perf_counter() - t0 < 0.5, (name, line[:30])


def test_extractors_are_fast_on_a_hostile_line():
    from tests.plans import plan

    t0 = time.perf_counter()
    plan("III. TỔ CHỨC THỰC HIỆN\n- " + ("Ban Tổ chức thành lập 02 chi đoàn, " * 2_800)[:100_000], None)
    assert time.perf_counter() - t0 < 5
