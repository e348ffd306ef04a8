"""The commitment extractors stay fast on a hostile 100 KB line (each pattern alone is checked
in test_regex_speed.py)."""
import time


def test_extractors_are_fast_on_a_hostile_line():
    from tests.plans import plan

    t0 = time.perf_counter()
    plan("III. TỔ CHỨC THỰC HIỆN\n- " + ("Ban Tổ chức thành lập 02 chi đoàn, " * 2_800)[:100_000], None)
    assert time.perf_counter() - t0 < 5
