"""The faster ways targets read a text give what the plain ones give: each helper against the plain
version it replaces, on inputs written for these tests."""
import itertools
import sys

import pytest
import regex

from extractors import numerals, structure, targets
from pipeline.patterns import alternation
from pipeline.vocab import NUMBER_WORDS
from tests.plans import plan


def test_folded_latin_letters_fold_only_from_letters():
    """structure._followed_word refuses a place in the case-folded text when a _FOLDED_LATIN character
    stands before it: the character of the text that folded to it must be a letter (str.isalpha), as
    the plain scan reads it ('÷' stands between 'ö' and 'ø', and U+0345 folds to a Greek letter). The
    space it wants after the word folds from a space only (no letter stands there)."""
    latin = regex.compile(structure._FOLDED_LATIN)
    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    assert [c for c in chars if len(c.casefold()) == 1 and latin.match(c.casefold()) and not c.isalpha()] == []
    assert [c for c in chars if c.casefold() == " "] == [" "]


NEXT = {w: numerals._NEXT_WORD for w in targets._WORD_NUMERAL_NOT}


def _plain_followed_starts(text, lo, hi):
    """starts_of(whole=True, followed=NEXT) read plainly: every place of each numeral word in the
    folded text, kept when no letter stands right before or after it in the text, and a word of NEXT
    only where its pattern follows it in the folded text."""
    folded = text[lo:hi].casefold()
    if len(folded) != hi - lo:
        return list(range(lo, hi))
    out = []
    for w in NUMBER_WORDS:
        for i in range(len(folded)):
            at = lo + i
            if folded.startswith(w, i) and not (text[at - 1:at].isalpha() or text[at + len(w):at + len(w) + 1].isalpha()) \
                    and (w not in NEXT or regex.match(NEXT[w], folded[i + len(w):])):
                out.append(at)
    return sorted(out)


# numeral words in several cases, inside longer words, next to letters of other scripts, digits and marks
PIECES = ["ba", "BA", "Ba", "n", "năm", "NĂM", "chín", "h", " ", "-", "2", "\u0345", "ß", "α", "÷", "Đ", "ư", "mươi", "\n"]


def test_followed_word_starts_equal_the_plain_scan():
    for n in range(1, 4):
        for combo in itertools.product(PIECES, repeat=n):
            text = "".join(combo)
            for lo, hi in ((0, len(text)), (1, len(text)), (0, max(len(text) - 1, 0))):
                structure._casefolded.cache_clear()
                assert structure.starts_of(text, NUMBER_WORDS, lo, hi, whole=True, followed=NEXT) == \
                    _plain_followed_starts(text, lo, hi), (text, lo, hi)


@pytest.mark.parametrize("text", [
    "Kết nạp ba đoàn viên, ban chấp hành chính thức có chín ủy viên; NĂM MƯƠI hội viên; năm 2025.",
    "hai mươi lăm lớp (Ba) – một trăm; bốn/năm; tư vấn; không; Mười Tám; nghìn, ngàn, triệu; sáu bảy tám",
    "αba baα ba\u0345 ßba ba÷ 3ba ba3 αnăm năm\u0345 ÷năm mươi Năm  năm",
])
def test_followed_word_starts_equal_the_plain_scan_on_sentences(text):
    assert structure.starts_of(text, NUMBER_WORDS, whole=True, followed=NEXT) == _plain_followed_starts(text, 0, len(text))


NESTED = """I. MỤC TIÊU
1. Cấp Quận: thành lập 02 chi đoàn.
a) Quý I: kết nạp 10 đoàn viên.
- Cấp Phường: 05 câu lạc bộ.
+ Đối với cơ sở Đoàn 10 phường: 03 đội hình.
2. Tuyên truyền
- Phấn đấu 100% chi đoàn có sổ tay.
II. NHIỆM VỤ
1. Ban Tổ chức: tham mưu 04 hội nghị.
"""


def test_section_labels_and_headings_read_once_equal_the_plain_walk():
    doc, _ = plan(NESTED)
    line = targets._Line(doc, 0, "", None, {}, {})
    # innermost sections first, so that their ancestors are read through them
    for sec in [None, *reversed(doc.sections), *doc.sections]:
        assert line._labels_and_headings(sec) == (structure.labels_above(doc, sec),
                                                  [s.heading for s in structure.lineage(doc, sec)])


@pytest.mark.parametrize("text", [
    "- Phấn đấu đến năm 2030, 100% chi đoàn có sổ tay.",
    "- PHẤN ĐẤU kết nạp 50 đoàn viên; chỉ tiêu đề ra là 70%.",
    "- Tổ chức 05 lớp tập huấn; kết nạp 20 hội viên (mục tiêu: 30).",
    "- Tổ chức 05 lớp tập huấn; kết nạp 20 hội viên.",
    "Mục tiêu tăng trưởng: 8%",
])
def test_a_line_without_a_goal_ending_has_no_window_with_one(text):
    """_goal's windows of a line hold a goal word's last syllable only if the line holds one."""
    line = targets._Line(None, 0, text, None, {}, {})
    for s0, c0, at in itertools.combinations_with_replacement(range(len(text) + 1), 3):
        near = f"{text[s0:min(at, s0 + targets._GOAL_OPENING)]} {text[c0:at]}".lower()
        if any(e in near for e in targets._GOAL_ENDS):
            assert line.may_hold_goal(), (s0, c0, at)
            return
    assert not line.may_hold_goal()


# numeral words that count nothing alone, the words that may follow them, and what else may stand there
GROUP_PIECES = ["năm", "NĂM", "Tư", "không", "mươi", "lăm", "ba", " ", "  ", "n", "-", "1", ",", "\n", "ß"]


def test_grouped_word_starts_count_what_the_plain_ones_count():
    """numerals.word_starts with `grouped` drops only starts of a word alone, which
    _counting_starts would drop: the same starts count."""
    for n in range(1, 5):
        for combo in itertools.product(GROUP_PIECES, repeat=n):
            text = "".join(combo)
            structure._casefolded.cache_clear()
            counted = [s for s in numerals.word_starts(text) if targets._counting_word(text, s)]
            grouped = numerals.word_starts(text, grouped=targets._WORD_NUMERAL_NOT)
            assert [s for s in grouped if targets._counting_word(text, s)] == counted, text


# digits and what stands around numbers, every combination up to a length
DIGIT_PIECES = ["1", "25", "1.000", ",5", "/3", "%", " %", " ", "-", "–", "\n", "a", "số ", ".", "/", "x"]


def test_counting_digit_starts_equal_the_plain_test():
    """_COUNTING_DIGITS (the test after a number made in the pattern) keeps the numbers that
    digit_numbers gives and a percentage or an _UNIT_OPENERS character ends or follows."""
    for n in range(1, 5):
        for combo in itertools.product(DIGIT_PIECES, repeat=n):
            text = "".join(combo)
            plain = [m.start() for m in numerals.digit_numbers(text)
                     if text[m.end():m.end() + 1] in targets._UNIT_OPENERS or m.group("pct")]
            assert [m.start() for m in numerals.digit_numbers(text, pattern=targets._COUNTING_DIGITS)] == plain, text


SUFFIX_WORDS = ["định", "nghị định", "quyết định", "quy định", "số", "kỳ", "nhiệm kỳ", "ba"]


def test_suffix_trie_matches_what_the_alternation_matches_backwards():
    """A REVERSE pattern of the suffix trie gives the match of alternation(): the same span, the
    longest word first, then a shorter one when a check before the longer one fails."""
    texts = [f"{pre}{w}{sp}" for w in [*SUFFIX_WORDS, "ịnh", "NGHỊ ĐỊNH", "Quy Định", "xba"]
             for pre in ("", " ", "a", "nghị ", "xquy ") for sp in ("", " ", "   ", "    ")]
    for head in (r"(?<![\p{L}])", r"(?<=[ ]|^)", ""):
        plain = regex.compile(rf"{head}(?:{alternation(SUFFIX_WORDS)})[ ]{{1,3}}$", regex.IGNORECASE | regex.REVERSE)
        trie = regex.compile(rf"{head}{structure.suffix_trie_alternation(SUFFIX_WORDS)}[ ]{{1,3}}$",
                             regex.IGNORECASE | regex.REVERSE)
        for text in texts:
            a, b = plain.match(text), trie.match(text)
            assert (a and a.span()) == (b and b.span()), (text, head)


def test_named_equals_its_alternation():
    """targets._NAMED, built with a suffix trie, matches where the alternation of its words matches:
    every word in three cases, after a letter or not, before up to four spaces, from two bounds."""
    plain = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(targets._NAMED_WORDS)})[ ]{{1,3}}$",
                          regex.IGNORECASE | regex.REVERSE)
    for word in sorted(targets._NAMED_WORDS):
        for form in (word, word.upper(), word.capitalize()):
            for text in (f"{form} ", f"a{form}  ", f"x {form}    ", f"{form[1:]} ", f"({form}   "):
                for lo in (0, 1, 2):
                    assert (plain.match(text, lo) is None) == (targets._NAMED.match(text, lo) is None), (text, lo)
