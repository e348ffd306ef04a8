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
    # targets as Party and State documents phrase them
    ("Phấn đấu đến năm 2025, tỷ lệ " * 4_000)[:100_000],
    ("**1. **" * 15_000)[:100_000],
    ("xã, đạt tỷ lệ 5% (chỉ tiêu " * 4_000)[:100_000],
    "từ ngày 1/1 - " * 7_000,
    "đến ngày bầu cử " * 6_000,
    "16 giờ thứ " * 9_000,
    "Thời gian: " * 9_000,
    "của Bộ Giáo dục và " * 5_000,
    "số 1/UBND-\n" * 9_000,
    "tháng 1 - tháng " * 6_000,
    ("Ông Nguyễn Văn An - " * 5_000)[:100_000],     # assignments._PERSON: a name and a post, no colon
    "|---" * 25_000,                                  # structure._RULE_ROW
    "| a " * 25_000,
    ("Các Bộ: Sở " * 10_000)[:100_000],             # structure.UNIT_START, assignments.unit_phrase
    ("phối hợp với " * 8_000)[:100_000],
    # Markdown and layout (pipeline/ingest/markdown.py, layout.py)
    "| " * 50_000,
    "**a " * 25_000,
    "\\*" * 50_000,
    "[a](" * 25_000,
    "![a](b" * 16_000,
    "_a " * 33_000,
    "CỘNG HÒA XÃ " * 8_000,
    "a   " * 25_000,
    "- 1 " * 25_000,
    "ngày …. tháng …. " * 5_000,           # dotted blanks of a draft's date line
    ("Lai Châu, ngày\n" * 7_000)[:100_000],
    "PHỤ LỤC I " * 9_000,
    ("Nghị quyết này được thông qua ngày 1 tháng " * 2_500)[:100_000],    # dates.ADOPTION_DATE
    "Nơi nhận: TM. BAN " * 5_000,
    "a   b\t" * 15_000,                   # column gaps
    "1105KH-" * 12_000,
    # blank slots of a signed header (pipeline/ingest/stamps.py)
    ("Số:     " * 12_000)[:100_000],
    (", ngày     tháng    " * 5_000)[:100_000],
    "Số -" + "A" * 100_000,
    # line-break-led searches and emphasis run on over single breaks (normalize, layout, segment)
    "**a\n" * 25_000,
    "\n ·" * 33_000,
    "\n - 1 -" * 14_000,
    "\n   GIÁM" * 11_000,
]


def _patterns():
    found = []
    for pkg in (pipeline, extractors):
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, regex.Pattern):
                    found.append((f"{info.name}.{name}", value))
                elif isinstance(value, dict):        # a table of patterns (stamps.SLOTS)
                    found += [(f"{info.name}.{name}[{k}]", v) for k, v in value.items() if isinstance(v, regex.Pattern)]
    return found


@pytest.mark.parametrize("name, pattern", _patterns(), ids=lambda v: v if isinstance(v, str) else "")
def test_pattern_is_linear(name, pattern):
    lines = [ln.encode("utf-8") for ln in ADVERSARIAL] if isinstance(pattern.pattern, bytes) else ADVERSARIAL
    for line in lines:
        t = time.perf_counter()
        for _ in pattern.finditer(line):
            pass
        assert time.perf_counter() - t < 1.0, (name, line[:20])
