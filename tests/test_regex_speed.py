"""Every compiled pattern of the pipeline finishes fast on long adversarial lines."""
import importlib
import pkgutil
import time

import pytest
import regex

import extractors
import pipeline

ADVERSARIAL = [
    "a" * 100_000,
    " " * 100_000,
    "1-" * 50_000,
    "1/" * 50_000,
    "Nghị quyết số 1-" * 6_000,
    "Số: 9 -KH/T-" * 8_000,
    "Đoàn, " * 16_000,
    "ĐOÀN TNCS " * 10_000,
    "- " * 50_000,
    "*a" * 50_000,
    "ngày 1 tháng " * 7_500,
    ("x" * 60 + "\n") * 1_600,
    "ngày 1/" * 15_000,
    "từ 01 đến " * 10_000,
    ("mỗi huyện, thị, " * 7_000)[:100_000],
    "trước Quý I/" * 9_000,
    "“" + "x " * 50_000,
    ("- Đ/c Nguyễn Văn " * 6_000)[:100_000],
    "(" * 50_000 + ":",
    "ngày …. tháng …. " * 5_000,           # dotted blanks of a draft's date line
    ("Lai Châu, ngày\n" * 7_000)[:100_000],
    "PHỤ LỤC I " * 9_000,
    "Nơi nhận: TM. BAN " * 5_000,
    "a   b\t" * 15_000,                   # column gaps
    "1105KH-" * 12_000,
]


def _patterns():
    found = []
    for pkg in (pipeline, extractors):
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, regex.Pattern):
                    found.append((f"{info.name}.{name}", value))
    return found


@pytest.mark.parametrize("name, pattern", _patterns(), ids=lambda v: v if isinstance(v, str) else "")
def test_pattern_is_linear(name, pattern):
    lines = [ln.encode("utf-8") for ln in ADVERSARIAL] if isinstance(pattern.pattern, bytes) else ADVERSARIAL
    for line in lines:
        t = time.perf_counter()
        for _ in pattern.finditer(line):
            pass
        assert time.perf_counter() - t < 1.0, (name, line[:20])
