"""The faster ways the extractors and the segmenter read a text give what the plain ones give:
each helper against the plain version it replaces, on inputs written for these tests."""
import itertools
import sys

import pytest
import regex

from extractors import assignments, citations, deadlines, structure
from pipeline import segment
from pipeline.patterns import alternation, trie_alternation
from pipeline.normalize import normalize

# ---------------------------------------------------------------- digits of other scripts
ALL_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_other_digits_stand_in_the_checked_ranges():
    """Every character `\\d` matches is an ASCII digit or one that ascii_digits_only looks for."""
    others = [c for c in regex.findall(r"\d", ALL_CHARS) if not "0" <= c <= "9"]
    assert others and all(not structure.ascii_digits_only(c) for c in others)


@pytest.mark.parametrize("text, ascii_only", [
    ("Kế hoạch số 12/KH-UBND ngày 05/3/2025 – “Tháng thanh niên” …", True),     # marks, dashes, quotes
    ("Nghị quyết số ٣/NQ-CP", False),          # Arabic-Indic digit
    ("Quý ۲ năm 2025", False),                 # Persian digit
    ("Số ３/KH", False),                        # fullwidth digit
    ("Đơn giá 20.000 ₫", False),               # outside the ranges but no digit: read plainly, same answer
    ("", True),
])
def test_ascii_digits_only(text, ascii_only):
    assert structure.ascii_digits_only(text) == ascii_only


def test_ascii_digits_only_within_bounds():
    text = "٣ Kế hoạch 12 ٣"
    assert structure.ascii_digits_only(text, 2, len(text) - 2)
    assert not structure.ascii_digits_only(text, 0, 5)


@pytest.mark.parametrize("text", [
    "KẾ HOẠCH\nTổ chức Ngày hội ngày 15/3/2026; báo cáo trước ngày 20 tháng 4 năm 2026.\n",
    "KẾ HOẠCH\nTổ chức Ngày hội ngày ١٥/٣/2026; báo cáo trước ngày 20/4/2026.\n",     # Arabic-Indic digits
    "KẾ HOẠCH\nBáo cáo trước ngày 20/4/2026.\n- Số ３/KH ngày 5/1/2026\n",                # a fullwidth digit
])
def test_a_documents_ascii_digits_read_once_equal_plain(text):
    """The document's answer, asked once, is the plain one on its text; the date starts a scan finds
    with it are those found by looking again in the range."""
    from pipeline.api import analyze_text
    doc = analyze_text(text).doc
    assert structure.doc_ascii_digits(doc) == structure.ascii_digits_only(doc.text) == doc.ascii_digits
    for lo, hi in ((0, len(doc.text)), (9, len(doc.text) - 3)):
        assert (deadlines.DATES.starts(doc.text, lo, hi, structure.doc_ascii_digits(doc))
                == deadlines.DATES.starts(doc.text, lo, hi))


# Short texts of digits and what stands around numbers, every combination up to a length
NUMBER_PIECES = ["1", "23", "2025", "a", "Đ", "/", ".", "-", " ", "g", "H", "giờ", "tháng ", "THÁNG ", "ngày ", "\n", ","]


def _texts(pieces, length):
    for n in range(1, length + 1):
        for combo in itertools.product(pieces, repeat=n):
            yield "".join(combo)


def test_ascii_number_runs_equal_plain_runs():
    for text in _texts(NUMBER_PIECES, 4):
        plain = [m.span() for m in citations.NUMBER_RUN.finditer(text)]
        assert [m.span() for m in citations.NUMBER_RUN_ASCII.finditer(text)] == plain, text


@pytest.mark.parametrize("scan", [deadlines.DATES, deadlines.WEEKDAYS_SCAN], ids=["dates", "weekdays"])
def test_ascii_digit_starts_equal_plain_starts(scan):
    for text in _texts(NUMBER_PIECES, 4):
        plain = [m.start() for m in scan.digits.finditer(text)]
        assert [m.start() for m in scan.ascii_digits.finditer(text)] == plain, text


def test_dates_in_a_text_with_other_digits_read_plainly():
    """A text with a digit of another script is scanned with `\\d`: the same dates as plain matching."""
    text = "Trước ngày 15/3/2025 nộp báo cáo số ٣; họp lúc 8g00 ngày 2/4/2025."
    assert [m.span() for m in deadlines.DATES.matches(text)] == [m.span() for m in deadlines.DATES.pattern.finditer(text)]


# ---------------------------------------------------------------- citations
SENTENCE_PIECES = ["a", "B", "1", ".", "!", "?", " ", "\n", "”", ")", "Đ"]


def _plain_end_after(text, lo, hi):
    m = citations.SENTENCE_END.search(text, lo, hi)
    return m.start() if m else -1


def _plain_end_before(text, lo, hi):
    m = citations.SENTENCE_END_BACK.search(text, lo, hi)
    return m.end() if m else -1


def test_sentence_ends_equal_plain_search():
    for text in _texts(SENTENCE_PIECES, 5):
        for lo in range(len(text) + 1):
            for hi in range(lo, len(text) + 1):
                assert citations._end_after(text, lo, hi) == _plain_end_after(text, lo, hi), (text, lo, hi)
                assert citations._end_before(text, lo, hi) == _plain_end_before(text, lo, hi), (text, lo, hi)


@pytest.mark.parametrize("text", [
    "Thực hiện Nghị quyết số 03-NQ/TW. Ban Thường vụ triển khai",
    "theo Kế hoạch số 15-KH/TU! Các đơn vị\nthực hiện",
    "TP. Hồ Chí Minh ban hành Chỉ thị số 05/CT-UBND? Có",
])
def test_sentence_of_a_mention(text):
    """_sentence gives the span the plain searches give."""
    doc = segment.segment(normalize(text))
    start = text.index("số") + 3
    end = start + 5
    lo, hi = max(0, start - citations.SENTENCE_MAX), min(len(doc.text), end + citations.SENTENCE_MAX)
    back, ahead = citations.SENTENCE_END_BACK.search(doc.text, lo, start), citations.SENTENCE_END.search(doc.text, end, hi)
    want = (back.end() if back else lo,
            hi if not ahead else ahead.start() if ahead.group() == "\n" else ahead.start() + 1)
    if not (doc.title and doc.title.start <= start < doc.title.end):
        assert citations._sentence(doc, start, end) == want


TAIL_PIECES = ["", " ", ",", "(", "\n", "được ", "ban hành ", "ngày ", "15/3/2024", "15 tháng 3 năm 2024", "của ",
               "Bộ Tài chính", "x"]


def test_date_and_issuer_after_a_mention_equal_plain_matching():
    """DATE_LEAD and ISSUER are tried only when their word is in reach: the same answers as trying them."""
    for text in _texts(TAIL_PIECES, 4):
        lead = citations.DATE_LEAD.match(text, 0)
        m = lead and (citations.NUMDATE.match(text, lead.end()) or citations.WORDDATE.match(text, lead.end()))
        want_date = (citations.iso(m.group("d"), m.group("m"), m.group("y")), m.end()) if m else (None, 0)
        assert citations._date_at(text, 0) == want_date, text
        iss = citations.ISSUER.match(text, 0)
        assert (citations._issuer_at(text, 0)[0] is None) == (iss is None), text


# ---------------------------------------------------------------- assignments
@pytest.mark.parametrize("text", [
    "Sở Tài chính chủ trì, phối hợp với các sở",
    "  Ban   Tổ\tchức \u00a0 Tỉnh Đoàn ",
    "a\x1cb c\x1f d",                       # separators str.split() breaks at and \S+ does not
    "", "   ", "x" * 30 + " " + "y",
    " ".join(f"w{i}" for i in range(40)),
])
def test_words_equal_plain_words(text):
    assert list(assignments._words_of(text)) == assignments._WORDS.findall(text)


@pytest.mark.parametrize("text, at_end, expected", [
    # cut at the verb however long the line: the rest of it keeps its own spacing
    ("Sở Tài chính chủ trì " + " ".join(["các hoạt động"] * 200), False,
     ("Sở Tài chính", "chủ trì " + " ".join(["các hoạt động"] * 200))),
    ("Ban  Tổ chức:   Sở Nội vụ;\tphối hợp", False, ("Ban  Tổ chức", "Sở Nội vụ;\tphối hợp")),
    ("Các Bộ: Quốc phòng, Công an chủ động", False, ("Các Bộ: Quốc phòng, Công an", "chủ động")),
    ("Sở Nội vụ (Cơ quan Thường trực) tham mưu", False, ("Sở Nội vụ", "(Cơ quan Thường trực) tham mưu")),
    ("Sở Tư pháp và Sở Nội vụ.", True, ("Sở Tư pháp và Sở Nội vụ", "")),
    ("Bộ Chính trị, Ban Bí thư cơ bản nhất trí", False, None),
    ("phối hợp với Sở Tư pháp.", True, None),
])
def test_unit_phrase_cuts_where_its_words_say(text, at_end, expected):
    """unit_phrase reads its words with str.split and finds a cut's offsets in the text."""
    assert assignments.unit_phrase(text, at_end=at_end) == expected


# ---------------------------------------------------------------- segment
def _plain_caps(text):
    words = text.split()
    if len(words) < 2:
        return False
    letters = [c for w in words if "/" not in w and not any(map(str.isdigit, w)) for c in filter(str.isalpha, w)]
    return bool(letters) and all(map(str.isupper, letters))


CAPS_PIECES = ["KẾ", "hoạch", " ", "03-NQ/TW", "2024", "²", "中", "ª", "ⓐ", "Ǆ", "ǅ", "-", ","]


def test_caps_equals_plain_version():
    for text in _texts(CAPS_PIECES, 4):
        assert segment._caps(text) == _plain_caps(text), text


# ---------------------------------------------------------------- tries
TRIE_WORDS = ["ban", "ban tổ chức", "ban tổ", "bộ", "bộ máy", "báo cáo", "sở", "sở tư pháp", "a.b", "(x)", "ủy ban", "uỷ ban"]
TRIE_TEXTS = ["ban", "Ban Tổ chức", "BAN TỔ  chức", "ban tổ", "ban tổx", "bộ máy", "Bộ Máy nhà", "báo cáo", "sở tư",
              "Sở Tư pháp tỉnh", "a.b", "axb", "(x)", "Ủy ban", "UỶ BAN", "", "b", "bộmáy"]


@pytest.mark.parametrize("flags, space", [(0, r"\ "), (regex.IGNORECASE, r"\ "), (regex.IGNORECASE, r"[ ]{1,2}")])
def test_trie_matches_what_the_alternation_matches(flags, space):
    """The trie of words is tried as alternation() tries them, whatever follows (a letter or not,
    another word), so the same match and backtracking: here before a check that fails after a
    longer word and before 'chức' that only a shorter one leaves to match."""
    for tail in (r"(?![\p{L}])", r"[ ]chức", ""):
        plain = regex.compile(f"^(?:{alternation(TRIE_WORDS, space)}){tail}", flags)
        trie = regex.compile(f"^{trie_alternation(TRIE_WORDS, space)}{tail}", flags)
        for text in TRIE_TEXTS:
            a, b = plain.match(text), trie.match(text)
            assert (a and a.span()) == (b and b.span()), (text, tail)


def test_unit_start_equals_its_alternation():
    """structure.UNIT_START, built with tries, gives what the alternations of its words give."""
    from pipeline.vocab import NOT_UNIT_STARTS, PLURAL_UNIT_NOUNS, UNIT_HEADS, UNIT_NAMES
    plain = regex.compile(
        rf"""^(?:
            (?:các|những|mỗi)[ ]{{1,3}}(?:{alternation(PLURAL_UNIT_NOUNS)})
          | (?:(?:các|những|mỗi)[ ]{{1,3}})?(?!(?:{alternation(NOT_UNIT_STARTS)})(?!\p{{L}}))
            (?:{alternation(UNIT_HEADS | set(UNIT_NAMES))})
        )(?![\p{{L}}])""", regex.IGNORECASE | regex.VERBOSE)
    words = sorted(UNIT_HEADS | set(UNIT_NAMES) | set(NOT_UNIT_STARTS) | set(PLURAL_UNIT_NOUNS))
    for word in words:
        for before in ("", "các ", "CÁC  ", "Mỗi "):
            for after in ("", " Tài chính", ",", "x", " chủ trì", "-A"):
                for text in (before + word + after, before + word.upper() + after, before + word.title() + after):
                    a, b = plain.match(text), structure.UNIT_START.match(text)
                    assert (a and a.span()) == (b and b.span()), text
