"""Targets (chỉ tiêu): a number or percentage committed to, with the noun phrase it counts.

A number is a target when a commitment word stands right before it (a comparator `ít nhất`, a verb
of achievement `thành lập`, `kết nạp`, `đạt`, …), when a goal word opens its clause ('Phấn đấu đến
năm 2030, …', 'chỉ tiêu đề ra là …'), when it opens its sentence or label ('- 100% cơ sở Đoàn có …',
'Đến năm 2025, 100% …', '+ Cấp Phường: 07 Chi đoàn'), or when it continues a list of targets
('600 đoàn viên, 1.000 hội viên'). Not targets: conditions ('doanh nghiệp có từ 500 lao động trở
lên'), names in quotes ('Sinh viên 5 tốt'), references ('Nghị quyết 25', 'cụm 8'), durations
('6 tháng'), dates and symbols (the numeral pattern refuses them), reported results ('đã tổ chức
09 cuộc', 'ước đạt 47,5 nghìn tỷ đồng'; in a report, any number not stated as a goal).
`kind` is `limit` for a ceiling or a condition set by a rule ('không quá 03 tác phẩm', 'khi có ít
nhất 2/3 số đại biểu', a bound in a Quy chế, a fee); only `target` rows are commitments.
`scope`: a per-unit scope ('mỗi huyện', '02 hoạt động/huyện'), else the territory or level the
sentence states ('trên địa bàn tỉnh', 'toàn quốc', 'cấp xã'), else a unit label above the number.
"""
from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Optional

import regex

from extractors import numerals, periods, structure
from extractors.numerals import NUMBER, value_of
from pipeline.patterns import alternation
from pipeline.vocab import (COMPARATORS, CONDITION_WORDS, CURRENCY, DOC_TYPES, FORWARD_HEADINGS, GOAL_WORDS,
                              LEVEL_NOUNS, LIMIT_WORDS, LIST_NOUNS, NUMBER_NAMERS, QUANTITY_LABELS,
                              REPORT_TYPES, RESULT_HEADINGS, RESULT_WORDS, RULE_TYPES, SCOPE_HEADS, TARGET_CUES,
                              TIME_NOUNS, TYPE_WORDS)
from pipeline.models import SegmentedDoc


@dataclass
class Target:
    value: float
    value_max: Optional[float]
    unit: Optional[str]
    is_percent: bool
    comparator: str
    scope: Optional[str]
    period: Optional[str]
    section: Optional[str]
    text: str
    start: int
    end: int
    denominator: Optional[float] = None     # '2/3 xã, phường' → value 2, denominator 3
    kind: str = "target"                     # 'target' (a commitment) or 'limit' (a ceiling or condition)


# What may stand right before a target, read backwards from the number: an optional comparator,
# optional fillers, then a cue word. Example: 'kết nạp mới ít nhất |100'.
# The patterns that end at the number are matched backwards from it (REVERSE, `match`): one try
# instead of a search from every start of the window. For _TAIL this gives the same comparator and
# the same presence of cue and 'từ' as a forward search (the cue itself may differ: 'kết nạp mới'
# forwards, 'kết nạp' + filler 'mới' backwards; only its presence is read).
_COMP = alternation(COMPARATORS)
_TAIL = regex.compile(
    rf"(?:(?<![\p{{L}}])(?P<cue>{alternation(TARGET_CUES)})(?:[ ](?:mới|thêm|được|các|tổng số))?[ ]{{1,3}})?"
    rf"(?:(?<![\p{{L}}])(?P<comp>{_COMP})[ ]{{1,3}})?(?P<from>từ[ ]{{1,3}})?$", regex.IGNORECASE | regex.REVERSE)
# A reference or rank word right before the number. Example: 'Nghị quyết 25', 'cụm 8', 'số 03'.
# (its words as a suffix trie: the pattern is read backwards from the number, and only whether it
# matches is read)
_NAMED_WORDS = NUMBER_NAMERS | set(TYPE_WORDS)
_NAMED = regex.compile(
    rf"(?<![\p{{L}}]){structure.suffix_trie_alternation(structure.lower_words(_NAMED_WORDS))}[ ]{{1,3}}$",
    regex.IGNORECASE | regex.REVERSE)
# 'doanh nghiệp có (từ|trên) 500 lao động': a condition on the noun before 'có' ('trong đó có',
# 'và có 100% đoàn viên …' and a 'có' that opens its clause are not).
_CONDITION_BEFORE = regex.compile(r"(?<=\p{L}[ ]{1,3})(?<!(?:đó|và)[ ]{1,2})(?<![\p{L}])có[ ]{1,3}"
                                  r"(?:từ|trên|dưới|khoảng)?[ ]{0,3}$", regex.REVERSE)
_CONDITION_REACH = 14       # _CONDITION_BEFORE's 'có' starts this close to the number: 'có  khoảng  |500'
_CONDITION_AFTER = regex.compile(r"^[ ]{0,3}trở[ ]{1,3}(?:lên|xuống)")
_CONTINUES = regex.compile(r"(?:,|;|(?<![\p{L}])(?:và|hoặc))[ ]{0,3}$")
# 'từ 01 đến 02', 'từ 100 lao động đến dưới 500' (the unit may sit after the first number too)
_RANGE = regex.compile(r"^(?:[ ]{1,3}\p{L}+){0,4}?[ ]{1,3}(?:đến|tới|[-–])[ ]{1,3}(?:dưới[ ]{1,3}|trên[ ]{1,3})?")
_RATIO_OF = regex.compile(r"(?:tỉ|tỷ)[ ]lệ[ ]{1,3}(?P<of>[^;:()]{1,80}?)[ ]{1,3}"
                          r"(?:trong|tại|của|ở|có|đạt|lên|xuống|còn|là|chưa)(?![\p{L}])",
                          regex.IGNORECASE)
_EACH = regex.compile(r"(?<![\p{L}])[Mm]ỗi[ ]{1,3}(?P<who>[^,;:()]{1,40}?(?:,[ ]{0,2}[^,;:()]{1,20}?){0,3})"
                      r"(?=[ ]{1,3}(?:" + alternation(TARGET_CUES) + r"|đảm bảo|phải|cần|có|ít nhất|tối thiểu)(?![\p{L}]))")
_PER = regex.compile(r"^/[ ]{0,2}(?P<per>[^()\n;.]{1,60}?)[ ]{0,2}(?=[(;.]|$)")
_QUOTES = regex.compile(r"[“\"«][^”\"»\n]{0,200}[”\"»]")
_PCT_OF = regex.compile(r"^(?:trong[ ]tổng[ ]số|trong[ ]số|tổng[ ]số|các|những|số)[ ]{1,3}")
_STOP = frozenset({"trong", "tại", "cho", "của", "là", "và", "hoặc", "có", "được", "để", "nhằm", "về", "thuộc",
                   "từ", "đến", "theo", "với", "đã", "mới", "trở", "ở", "trên", "dưới", "đạt", "phải", "sẽ",
                   "khi", "nơi", "gắn", "thông", "đủ", "tham", "mỗi", "cùng", "vào", "bằng", "như"})
_MAX_UNIT_WORDS = 8         # syllables: 'đơn vị kinh tế tư nhân' is six
# The counted noun phrase: words up to punctuation or a function word (a whole word, as written).
_WORD_CHARS = r"[\p{L}\d&\-–]"
_WORDS = regex.compile(rf"(?:[ ]{{1,3}}(?!(?:{alternation(_STOP)})(?!{_WORD_CHARS}))(?P<w>\p{{L}}{_WORD_CHARS}*+)){{0,{_MAX_UNIT_WORDS}}}")
_COORD = regex.compile(r",[ ]{1,2}(?P<w>\p{Lu}[\p{L}]*)(?=[ ]{1,3}(?:" + alternation(_STOP) + r")(?![\p{L}])|[,;.:()]|$)")
# A further item of a list of short nouns: a level or unit noun ('xã, phường, thị trấn'), else one or
# two lower-case words ('cán bộ, công chức'); not a function word, not a number ('100% A, 80% B').
_LIST_ITEM = regex.compile(
    rf",[ ]{{1,2}}(?!(?:{alternation(_STOP)})(?![\p{{L}}]))"
    rf"(?P<w>(?:{alternation(LEVEL_NOUNS | set(LIST_NOUNS))})(?![\p{{L}}])"
    r"|\p{Ll}+(?:[ ]\p{Ll}+)?(?![\p{L}\d]))")
_WINDOW = 160
_TEXT_CHARS = 300            # the `text` column: the sentence, cut around the number when very long
# 'một số' is 'some', 'một phần' is 'partly', 'một cách' is 'in a … way': not 'one'
_SOME = regex.compile(r"một[ ]{1,2}(?:số|phần|cách)(?![\p{L}])", regex.IGNORECASE)
_WORD_NUMERAL_NOT = frozenset({"năm", "tư", "không", "mốt", "lăm", "mươi", "trăm", "nghìn", "ngàn", "triệu"})


def noun_phrase(after: str) -> tuple[Optional[str], int]:
    """The counted noun phrase at the start of `after` (the text right after the number) and its length."""
    m = _WORDS.match(after)
    words, pos = m.captures("w"), m.end()
    if not words:
        return None, 0
    short = len(words) <= 4       # a list of short items: 'các Sở, ngành', 'cán bộ, công chức'
    for _ in range(3):
        c = _COORD.match(after, pos) or (_LIST_ITEM.match(after, pos) if short else None)
        if not c:
            break
        words[-1] += ","
        words.append(c.group("w"))
        pos = c.end()
    return " ".join(words), pos


# A document repeats its labels for every target under them: each is classified once.
@lru_cache(maxsize=4096)
def _is_period(label: str) -> bool:
    return periods.PERIOD.fullmatch(label) is not None


@lru_cache(maxsize=4096)
def _names_unit(label: str) -> bool:
    return not _is_period(label) and structure.unit_name(label) is not None


# Bare digits at a line start that are a quantity, not a row or item number:
# '30% DNNVV', '15 tiết mục' (not '1 Ban hành kế hoạch').
_QUANTITY_START = regex.compile(r"[ ]{0,3}\d[\d.,]{0,12}(?:[ ]?%|[ ]{1,2}\p{Ll})")
_LETTER = regex.compile(r"[a-z](?![\p{L}\d])")      # a formula's 'x a' (Vietnamese 'ý kiến' is a noun)
_YEAR_PAIR = regex.compile(r"(?:19|20)\d{2}")
_BULLETS = r"[\s*_~•·+\-–—]"          # bullets, dashes and emphasis (an OCR renders some bullets as '_~')
# Text before a number that still lets it open its sentence: markers, bullets, emphasis, then a
# period phrase with its comma. Example: '**1. **', '_~ ', 'Đến năm 2025, '.
_OPENING = regex.compile(
    rf"^(?:{_BULLETS}|\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}[.)]){{0,12}}"
    rf"(?:(?:{periods.PERIOD.pattern})[ ]{{0,2}}[,:]?[ ]{{0,3}})?$", regex.IGNORECASE)
# 'từ 01 đến 02 mô hình' after 'từ'; a bare '1,0 - 1,5%' or '10 – 15 lớp' without it.
_DASH_RANGE = regex.compile(r"^[ ]{0,3}[-–][ ]{0,3}")
# Where a clause opens, read back from the number: '; ', '(' or ': '. Example: '… đạt 51,79% (chỉ tiêu …'.
_CLAUSE_MARKS = regex.compile(r"[;(]|:[ ]")
# ('chương trình mục tiêu quốc gia' names a programme: no goal)
# ('sự cần thiết, mục tiêu, nội dung' lists nouns: no goal either)
_GOAL = regex.compile(rf"(?<![\p{{L}}])(?<!trình[ ])(?:{alternation(GOAL_WORDS)})(?![\p{{L}}]|[ ]{{0,2}},)",
                      regex.IGNORECASE)
_QUANTITY_LABEL = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(QUANTITY_LABELS)})(?![\p{{L}}])[^:;.]{{0,60}}:[ ]{{0,3}}$",
                                regex.IGNORECASE)
_RESULT = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(RESULT_WORDS)})(?![\p{{L}}])", regex.IGNORECASE)
# after the number: 'tăng 14% so với cùng kỳ', '40 xã, phường đã được công bố …'
_RESULT_AFTER = regex.compile(r"^[ ]{0,3}(?:so[ ]với[ ]cùng[ ]kỳ|đã)(?![\p{L}])", regex.IGNORECASE)
_CONDITION = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(CONDITION_WORDS)})(?![\p{{L}}])", regex.IGNORECASE)
# a ceiling right before the number (read backwards from it): 'không quá 03 tác phẩm'
_LIMIT = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(LIMIT_WORDS)})[ ]{{1,3}}(?:từ[ ]{{1,3}})?$",
                       regex.IGNORECASE | regex.REVERSE)
_THEN = regex.compile(r"(?<![\p{L}])thì(?![\p{L}])", regex.IGNORECASE)
_CURRENCY = regex.compile(rf"^(?:{alternation(CURRENCY)})(?![\p{{L}}])", regex.IGNORECASE)
_FORWARD = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(FORWARD_HEADINGS)})(?![\p{{L}}])", regex.IGNORECASE)
_BACKWARD = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(RESULT_HEADINGS)})(?![\p{{L}}])", regex.IGNORECASE)
# The territory or level a target holds in. Example: 'trên địa bàn tỉnh', 'toàn quốc', 'cấp xã'.
_SCOPE = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(SCOPE_HEADS)})(?:[ ](?:{alternation(LEVEL_NOUNS)}))?(?![\p{{L}}])",
                       regex.IGNORECASE)
# The subject a bare percentage is of, read back from the number: the verb or comparator before it
# is cut, then goal and period words that open the clause. Example: 'Phấn đấu đến hết năm 2026, mức
# độ hài lòng của người dân đạt tối thiểu 90%' → 'mức độ hài lòng của người dân'.
_SUBJECT_VERB = regex.compile(
    rf"(?:[ ]{{1,3}}(?:đạt|là|lên|xuống|còn|ở[ ]mức|bằng|chiếm|khoảng|{_COMP}|từ))+[ ]{{0,3}}$"
    r"|[ ]{0,3}$", regex.IGNORECASE)
_SUBJECT_OPENER = regex.compile(
    rf"^(?:(?:{alternation(GOAL_WORDS)}|thi[ ]đua|trong[ ]đó|cụ[ ]thể|t[ỷỉ][ ]lệ|{periods.PERIOD.pattern})"
    r"[ ]{0,2}[,:]?(?:[ ]{1,3}|$)){0,4}", regex.IGNORECASE)
_MAX_HEADING_WORDS = 14
_GOAL_NOUN = regex.compile(r"^(?:chỉ[ ]tiêu|mục[ ]tiêu)(?![\p{L}])", regex.IGNORECASE)
_MAX_SUBJECT_WORDS = 24     # 'mức độ hài lòng về giải quyết thủ tục hành chính lĩnh vực đất đai, …'
# A rate stated after a count: 'trong đó có 78 quyết định công bố đúng hạn, đạt tỷ lệ 56,9%' → the
# rate is of 'quyết định công bố đúng hạn' (the words after the last number).
# Matched backwards from the end (REVERSE): one try, and the words stop at the last number.
_RATE_OF_COUNT = regex.compile(r"(?P<of>\p{L}[^;()\d]{0,80})[ ,]{1,3}(?:đạt[ ]{1,3})?(?:tỷ|tỉ)[ ]lệ"
                               r"(?:[ ]{1,3}\d[\d.,]{0,8}[ ]?%)?[ ]{0,3}$", regex.IGNORECASE | regex.REVERSE)


def _clause_start(text: str, lo: int, at: int) -> int:
    """Where the clause holding text[at] opens, not before lo. A parenthesis closed before the
    number opens none ('Tỷ lệ người dân có tài khoản (VNeID) đạt 80%')."""
    last = None
    for m in _CLAUSE_MARKS.finditer(text, lo, at):
        if m.group() != "(" or text.find(")", m.end(), at) < 0:
            last = m
    return last.end() if last else lo


def _subject(text: str, lo: int, at: int, label: Optional[str]) -> Optional[str]:
    """What a bare percentage at `at` is of: 'tỷ lệ X đạt', else the clause's subject; before a goal
    noun ('(chỉ tiêu đề ra là 70%)') the clause before it; right after a label, the label."""
    c0 = _clause_start(text, lo, at)
    of = _RATIO_OF.search(text, c0, at) or _RATE_OF_COUNT.search(text, c0, at)
    if of:
        return of.group("of").strip()
    clause = text[c0:at].strip(" ")
    # '(chỉ tiêu … 70%)', '(4/15 sở, chỉ tiêu … 20%)' restate what the clause before counts
    if _GOAL_NOUN.match(clause.rsplit(",", 1)[-1].strip()) and c0 > lo:
        return _subject(text, lo, c0 - 1, None)
    clause = clause[:_SUBJECT_VERB.search(clause).start()]
    clause = clause[_SUBJECT_OPENER.match(clause).end():].strip(" ,:-–")
    if not clause and label:
        clause = label[_SUBJECT_OPENER.match(label).end():].strip(" ,:-–")
    words = clause.split()
    if not words or not clause[0].isalpha() or len(words) > _MAX_SUBJECT_WORDS:
        return None
    return clause


@lru_cache(maxsize=4096)
def _heading_tells(heading: str) -> Optional[str]:
    """'back' over results ('Kết quả thực hiện …', 'Tồn tại, hạn chế'), 'forward' over tasks to come
    ('Nhiệm vụ, giải pháp', 'Giải pháp khắc phục:'), else None. A heading that is a whole first
    sentence of an item ('c) Đối với …: Tỉnh đã …') tells by its label only."""
    head = structure.label_of(heading) or heading
    if len(head.split()) > _MAX_HEADING_WORDS or head.rstrip().endswith("."):     # a sentence, not a heading
        return None
    if _BACKWARD.search(head):
        return "back"
    return "forward" if _FORWARD.search(head) else None


_CODE_SEP = regex.compile(r"[/\-]")      # between the codes of a symbol: '228/BC-SNV'


def _doc_type(found: Mapping[str, list]) -> Optional[str]:
    """The document's type: its type line, else the code in its symbol ('228/BC-SNV' → Báo cáo)."""
    fields = {f.field: f.value for f in found.get("fields", []) if f.value}
    if fields.get("doc_type"):
        return fields["doc_type"]
    codes = _CODE_SEP.split(fields.get("so_hieu") or "")
    return next((DOC_TYPES[c].value for c in codes if c in DOC_TYPES), None)


@dataclass(frozen=True)
class _Above:
    """What the section, its headings and labels above a number tell (read once per section and line
    label: a document repeats them for every target under them)."""
    path: Optional[str]
    tells: Optional[str]        # 'back' or 'forward': the nearest label or heading that tells (_heading_tells)
    unit: Optional[str]         # the nearest label that names a unit ('Cấp Quận')
    period: Optional[str]       # a label that is a period ('Quý I'), else one stated in a heading

    @classmethod
    def of(cls, sec, labels: list[str], headings: list[str], label: Optional[str]) -> "_Above":
        if label:
            labels = [label, *labels]
        return cls(path=sec.path if sec else None,
                   tells=next(filter(None, map(_heading_tells, [label, *headings] if label else headings)), None),
                   unit=next((lab for lab in labels if _names_unit(lab)), None),
                   period=(next((lab for lab in labels if _is_period(lab)), None)
                           or next(filter(None, map(_heading_period, headings)), None)))


class _SpanSet:
    """The union of spans [a, b), as sorted bounds of disjoint spans [a0, b0, a1, b1, …]: an offset is
    in it when bisect_right(bounds, offset) is odd. A long line (a reference list of several
    thousand characters) holds hundreds of quotes and thousands of numbers: each is one bisect."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.bounds: list[int] = []
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        if a >= b:          # an empty span holds nothing
            return
        lo, hi = bisect.bisect_left(self.bounds, a), bisect.bisect_right(self.bounds, b)
        if lo % 2:          # a falls in (or right at the end of) a span: it grows that one
            lo -= 1
            a = self.bounds[lo]
        if hi % 2:          # b falls in (or right at the start of) a span: it grows that one
            b = self.bounds[hi]
            hi += 1
        self.bounds[lo:hi] = [a, b]

    def __contains__(self, offset: int) -> bool:
        return bisect.bisect_right(self.bounds, offset) % 2 == 1


@dataclass
class _Line:
    """One line being read, with what its numbers share (read once, when a number needs it).
    `text` may open with the end of the line before it when that line runs on ('Có ≥' / '30% …') and
    end with the start of the next when the line ends on a number ('2045: 100%' / 'DNNVV …')."""
    doc: SegmentedDoc
    start: int                  # offset of text[0] in the document (negative shift when carried)
    text: str
    doc_type: Optional[str]
    sections: dict              # section index → (its labels, its headings), shared by the document's lines
    above_of: dict              # (section index, line label) → _Above, shared too
    lead: int = 0
    label: Optional[str] = None
    masked: Optional[_SpanSet] = None
    spans: list = field(default_factory=list)
    prev: dict = field(default_factory=dict)          # sentence start → (end, comparator) of its last target
    periods: dict = field(default_factory=dict)       # sentence start → its period phrase
    goal_ends: Optional[bool] = None                  # see may_hold_goal

    def __post_init__(self):
        skip, body = structure.strip_marker(self.text)
        indent = len(self.text) - len(self.text.lstrip())
        if self.text[:skip].strip().isdigit() and _QUANTITY_START.match(self.text, indent):
            skip, body = indent, self.text[indent:]         # '30% DNNVV …': a number, not a numbering
        self.label, after_label = structure.label_at(body)
        self.lead = skip + after_label

    def masks(self) -> _SpanSet:
        if self.masked is None:      # quotes, programmes, ranges: read once a number needs them
            t = self.text
            quoted = "“" in t or '"' in t or "«" in t     # most lines: no _QUOTES scan
            self.masked = _SpanSet([q.span() for q in _QUOTES.finditer(t)] if quoted else [])
            for a, b in periods.programme_spans(t):
                self.masked.add(a, b)
            self.spans = structure.sentences(t, 0, len(t))
        return self.masked

    def may_hold_goal(self) -> bool:
        """Whether the line holds the last syllable of a goal word (read once: _goal's windows of the
        line hold none when the line holds none; a syllable has no space, so none spans their join)."""
        if self.goal_ends is None:
            lowered = self.text.lower()
            self.goal_ends = any(e in lowered for e in _GOAL_ENDS)
        return self.goal_ends

    def above(self, at: int) -> _Above:
        sec = structure.section_at(self.doc, self.start + at)
        index = sec.index if sec else None
        key = (index, self.label)
        if key not in self.above_of:
            self.above_of[key] = _Above.of(sec, *self._labels_and_headings(sec), self.label)
        return self.above_of[key]

    def _labels_and_headings(self, sec) -> tuple[list[str], list[str]]:
        """structure.labels_above(sec) and the headings of its lineage, innermost first: each section
        read once per document, its ancestors' from their own entries."""
        index = sec.index if sec else None
        if index not in self.sections:
            parent = self.doc.sections[sec.parent] if sec and sec.parent is not None else None
            labels, headings = self._labels_and_headings(parent) if parent else ([], [])
            if sec:
                lab = structure.section_label(sec)
                labels, headings = ([lab, *labels] if lab else labels), [sec.heading, *headings]
            self.sections[index] = (labels, headings)
        return self.sections[index]


def _counting_starts(text: str, lo: int, hi: int) -> list[int]:
    """Where a number that may count something starts in text[lo:hi]: where NUMBER matches, and not
    - as a word that counts nothing: 'năm' (five or year), 'tư', 'không' alone, 'một số' (some);
    - as a bare number with nothing after it that could be its noun or range: '[31]', '(1962)', '2005,';
    - right after a reference word: 'số 03' (_not_a_quantity would drop both; a reference word, the
      spaces after it and a number never span lines, and a line's end is left to its line).
    Most numbers are none of these (dates, symbols, 'đầu tư', references): their lines are not read.
    (A match reads no further than its line, which a carried or continued line only extends.)"""
    words = [s for s in numerals.word_starts(text, lo, hi, _WORD_NUMERAL_NOT) if _counting_word(text, s)]
    digits = [m.start() for m in numerals.digit_numbers(text, lo, hi, _COUNTING_DIGITS)
              if not _named(text, lo, m.start())]
    return sorted(words + digits) if words else digits


# What may follow a number that counts something when it is no percentage: a space before its noun,
# a dash before a range's second number ('1,0 - 1,5', '10–15 lớp'), or its line's end (the noun may
# open the next line: see _continued).
_UNIT_OPENERS = (" ", "-", "–", "\n")
# The digit NUMBER matches (numerals.DIGIT_NUMBER) that may count something: a percentage (a '%' ends
# it), or one an _UNIT_OPENERS character follows. The match is atomic: the one DIGIT_NUMBER gives,
# then tested, in C (a match that fails it is skipped, as no other match may start inside it).
_COUNTING_DIGITS = regex.compile(
    rf"(?>{numerals.DIGIT_NUMBER.pattern})(?:(?<=%)|(?=[{''.join(map(regex.escape, _UNIT_OPENERS))}]))",
    regex.IGNORECASE)


def _counting_word(text: str, s: int) -> bool:
    m = NUMBER.match(text, s)
    words = m.group("words") if m else None      # None at a digit: starts_of gives every offset of a text it cannot fold
    return m is not None and not (words and (words.lower() in _WORD_NUMERAL_NOT or _SOME.match(text, s)))


def _named(text: str, lo: int, at: int) -> bool:
    """A reference or rank word right before the number at `at`, within text[lo:at] ('Nghị quyết 25',
    'số 03'): it ends right before the number, then a space, and a sentence never starts inside it."""
    return text[at - 1:at] == " " and _NAMED.match(text, max(lo, at - _WINDOW), at) is not None


def _not_a_quantity(ln: _Line, m: regex.Match) -> bool:
    """Numbers that count nothing (besides the numbers _counting_starts drops): a reference or rank
    ('Nghị quyết 25', 'số 03'), a number in quotes or in a programme's period ('giai đoạn 2011 - 2020')."""
    at = m.start()
    return _named(ln.text, ln.lead, at) or at in ln.masks()


def _article(m: regex.Match, tail) -> bool:
    """'một' (one) is the article 'a' unless a comparator or a verb commits to it: 'Chi phí cho một
    vận động viên' is no target, 'thành lập ít nhất một câu lạc bộ' is."""
    if not m.group("words") or m.group("words").lower() != "một":
        return False
    return not (tail and (tail.group("comp") or tail.group("cue") and tail.group("cue").lower() not in _WEAK_CUES))


_WEAK_CUES = frozenset({"cho", "được", "có", "trong đó", "trong đó có"})     # prepositions among TARGET_CUES


def _range_end(m: regex.Match, after: str, tail) -> Optional[regex.Match]:
    """The upper end of a range: 'từ 01 đến 02 mô hình', '1,0 - 1,5%/năm'; not a pair of years."""
    if tail and tail.group("from"):
        r = _RANGE.match(after)
    else:
        dash = "-" in after[:4] or "–" in after[:4]      # most numbers: no dash after them
        r = _DASH_RANGE.match(after) if dash and not m.group("pct") else None
    m2 = NUMBER.match(after, r.end()) if r else None
    if not m2 or value_of(m2) is None:
        return None
    if _YEAR_PAIR.fullmatch(m.group()) and _YEAR_PAIR.fullmatch(m2.group()):    # '2026 - 2030'
        return None
    return m2


def _unit(ln: _Line, pct: bool, at: int, unit_after: str, s0: int) -> tuple[Optional[str], int]:
    """The counted noun phrase and its length in unit_after. '100% các huyện' counts 'huyện';
    'được 10% trong tổng số đoàn viên' counts 'đoàn viên'; a bare '60%' counts the subject before it."""
    if not pct:
        return noun_phrase(unit_after)
    stripped = _PCT_OF.sub("", unit_after.lstrip(" "), count=1)
    unit, n = noun_phrase(" " + stripped)
    if unit and not _RESULT_AFTER.match(unit_after):
        return unit, n - 1 + len(unit_after) - len(stripped)
    lo = max(s0, at - _WINDOW)
    return _subject(ln.text, lo, at, ln.label if lo <= ln.lead else None), 0


_JUNK = regex.compile(rf"{_BULLETS}{{0,12}}")


def _lead_junk(text: str, s0: int) -> int:
    """Length of the bullets and emphasis that open a sentence ('- **')."""
    return _JUNK.match(text, s0).end() - s0


def _cue_holds(ln: _Line, cue: str, s0: int) -> bool:
    """'trong đó (có)' breaks down a target before it in the sentence: alone it commits to nothing
    ('Hồ sơ gồm 02 bộ (trong đó có 01 bộ gốc)')."""
    return not cue.lower().startswith("trong đó") or s0 in ln.prev


def _opens(ln: _Line, s0: int, at: int) -> bool:
    """The number opens its sentence: '- 100% …', '**1. **100% …', 'Đến năm 2025, 100% …' (not a
    line that a wrapped line before it runs into: 'chính quyền địa phương' / '02 cấp')."""
    return _OPENING.match(ln.text[s0:at]) is not None


def _counts_nothing(unit: Optional[str], rest: str) -> bool:
    """No noun, or one that makes the number no quantity: a condition ('500 lao động trở lên'), a
    duration ('6 tháng, kể từ'), a goal word ('2030 phấn đấu …'), a formula ('0,006 x a')."""
    # (cheap tests first: most nouns are none of these)
    return (not unit or "trở" in rest[:6] and _CONDITION_AFTER.match(rest) is not None
            or unit.split()[0].rstrip(",").lower() in TIME_NOUNS or _GOAL.match(unit) is not None
            or "a" <= unit[0] <= "z" and _LETTER.match(unit) is not None)


# the last syllable of every goal word: a text without one of them holds no goal word (derived
# from the vocabulary, so a new entry cannot escape this prefilter)
_GOAL_ENDS = frozenset(w.split()[-1] for w in GOAL_WORDS)
_GOAL_OPENING = 24          # a goal word that opens the sentence stands in its first characters


def _goal(ln: _Line, s0: int, c0: int, at: int) -> bool:
    """A goal word in the number's clause ('chỉ tiêu đề ra là 70%'), opening its sentence ('Phấn đấu
    đến năm 2030, …'), or in its line's label ('Mục tiêu tăng trưởng: 8%')."""
    text = ln.text
    if not ln.label:
        if not ln.may_hold_goal():
            return False
        near = f"{text[s0:min(at, s0 + _GOAL_OPENING)]} {text[c0:at]}".lower()      # windows: linear on long lines
        if not any(e in near for e in _GOAL_ENDS):
            return False
    return (_GOAL.search(text, c0, at) is not None or _GOAL.match(text, s0 + _lead_junk(text, s0)) is not None
            or bool(ln.label and _GOAL.search(ln.label)))


def _committed(ln: _Line, tail, s0: int, near: int, at: int) -> bool:
    """A cue or comparator right before the number ('kết nạp 80', 'ở mức 60%', 'không quá 5'), the
    number opening its sentence ('- 100% …', 'Đến năm 2025, 100% …'), or a quantity label before it
    ('số lượng tiết mục: 15 tiết mục')."""
    if tail and (tail.group("comp") or tail.group("cue") and _cue_holds(ln, tail.group("cue"), s0)):
        return True
    return _opens(ln, s0, at) or (":" in ln.text[near:at] and _QUANTITY_LABEL.search(ln.text, near, at) is not None)


def _reported(ln: _Line, clause: str, folded: str, rest: str, goal: bool, above: _Above) -> bool:
    """A result reported, not a commitment: a result word before it in its clause ('đã tổ chức',
    'ước đạt', 'so với cùng kỳ') and after any goal word there; a number under a heading over results
    ('I. Kết quả thực hiện năm 2024') not stated as a goal; in a report, any number not stated as a
    goal nor under a heading of tasks to come. `folded`: the clause case-folded."""
    results = _found(_RESULT, _RESULT_WORDS, clause, folded)
    result = results[-1] if results else None
    if result:      # after any goal word: '(chỉ tiêu tối thiểu 98%, hiện đạt 97,28%)'
        goals = _found(_GOAL, _GOAL_WORDS, clause, folded)
        if not goals or result.start() > goals[-1].end():
            return True
    if goal:
        return False
    if result or _RESULT_AFTER.match(rest):
        return True
    # the nearest heading that tells decides ('Kết quả …', 'Thực trạng' over results); in a report a
    # number is a result unless a heading says tasks to come
    return (above.tells or ("back" if ln.doc_type in REPORT_TYPES else "forward")) == "back"


def _kind(ln: _Line, clause: str, folded: str, before: str, tail, unit: Optional[str], goal: bool) -> str:
    """'limit' for a ceiling set by a rule ('không quá 03 tác phẩm'), a bound in a conditional clause
    ('khi có ít nhất 2/3 số đại biểu') or in a rule-setting document, a fee ('1.000 đồng/trẻ')."""
    verb = bool(tail and tail.group("cue")) or goal
    conds = _found(_CONDITION, _CONDITION_WORDS, clause, folded)
    if conds and not _THEN.search(clause, conds[-1].end()):     # inside the condition, not after its 'thì'
        return "limit"
    if not verb and _LIMIT.match(before):
        return "limit"
    if ln.doc_type in RULE_TYPES and tail and tail.group("comp"):
        return "limit"
    if unit and not verb and _CURRENCY.match(unit):
        return "limit"
    return "target"


def _scope(sent: str, rel: int, after_unit: str, above: _Above) -> Optional[str]:
    """Per unit ('mỗi huyện', '/huyện'), else the territory or level the sentence states (the one
    nearest after the number, else before it), else a unit label above."""
    m = _PER.match(after_unit)
    if m:
        return "mỗi " + m.group("per").strip()
    if "ỗi" in sent:          # _EACH opens with 'mỗi': most sentences need no scan
        each = [e for e in _EACH.finditer(sent, max(0, rel - _WINDOW), rel + _WINDOW) if e.start() < rel]
        if each:
            return "mỗi " + each[-1].group("who").strip()
    places = _found(_SCOPE, _SCOPE_WORDS, sent, sent.casefold())
    if places:
        return next((p for p in places if p.start() >= rel), places[-1]).group()
    return above.unit


@lru_cache(maxsize=4096)
def _heading_period(heading: str) -> Optional[str]:
    return periods.period_in(heading)


def _found(pattern: regex.Pattern, words: frozenset[str], text: str, folded: str) -> list[regex.Match]:
    """pattern.finditer(text) for a pattern that opens with one of the vocabulary `words`: none when the
    case-folded text holds none of them. Most texts hold none, and regex would try the alternation
    at every character."""
    for w in words:
        if w in folded:
            return list(pattern.finditer(text))
    return []


def _folded(words) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


_SCOPE_WORDS, _RESULT_WORDS = _folded(SCOPE_HEADS), _folded(RESULT_WORDS)
_GOAL_WORDS, _CONDITION_WORDS = _folded(GOAL_WORDS), _folded(CONDITION_WORDS)


def targets_in_line(ln: _Line, starts: list[int]) -> list[Target]:
    """The targets of one line. `starts`: where a number that may count starts in ln.text (_counting_starts)."""
    out: list[Target] = []
    for m in structure.matches_at(NUMBER, ln.text, starts, ln.lead):
        t = _target(ln, m)
        if t is not None:
            out.append(t)
    return out


def _target(ln: _Line, m: regex.Match) -> Optional[Target]:
    """The target a number states, or None; each case a named check, cheapest first."""
    text, at = ln.text, m.start()
    if _not_a_quantity(ln, m):
        return None
    value = value_of(m)
    if value is None:
        return None
    s0, s1 = structure.containing(ln.spans, at)
    s0 = max(s0, ln.lead)
    # only a short window before the number matters (keeps the scan linear on long lines)
    before, after = text[max(s0, at - _WINDOW):at], text[m.end():min(s1, m.end() + _WINDOW)]
    tail = _TAIL.match(before)
    if _article(m, tail):
        return None
    value_max, unit_after, comparator, pct = None, after, None, bool(m.group("pct"))
    m2 = _range_end(m, after, tail)
    if m2:      # 'từ 01 đến 02 mô hình': one target, the second number is its max
        value_max, unit_after, comparator = value_of(m2), after[m2.end():], "range"
        pct = pct or bool(m2.group("pct"))
        ln.masked.add(m.end() + m2.start(), m.end() + m2.end())
    # 'doanh nghiệp có từ 500 lao động' ('có' stands in the last characters: most windows need no match)
    if "có" in before[-_CONDITION_REACH:] and _CONDITION_BEFORE.match(before):
        return None
    unit, n = _unit(ln, pct, at, unit_after, s0)
    rest = unit_after[n:]
    if _counts_nothing(unit, rest):
        return None
    near = max(s0, at - _WINDOW)       # as `before`: a window, so a long line stays linear
    c0 = _clause_start(text, near, at)
    clause = text[c0:at]
    goal = _goal(ln, s0, c0, at)
    continues = s0 in ln.prev and _CONTINUES.search(text[max(ln.prev[s0][0], at - 8):at]) is not None
    if not (continues or goal or _committed(ln, tail, s0, near, at)):
        return None
    above = ln.above(at)
    folded = clause.casefold()         # read by _reported and _kind
    if _reported(ln, clause, folded, rest, goal, above):
        return None
    if comparator is None:
        if tail and tail.group("comp"):
            comparator = COMPARATORS[tail.group("comp").lower()].value
        else:   # 'ít nhất 02 Chi đoàn, 02 Chi hội': a list shares its comparator
            comparator = ln.prev[s0][1] if continues else "exact"
    if s0 not in ln.periods:
        ln.periods[s0] = periods.period_in(text[s0:s1])
    cut = max(s0, at - _TEXT_CHARS)
    sent = text[cut:min(s1, m.end() + _TEXT_CHARS)]
    end = m.end() + (len(after) - len(unit_after)) + n
    ln.prev[s0] = (end, comparator)
    # positional: a dataclass __init__ takes them about three times as fast as keywords (a row per target)
    return Target(
        value, value_max, unit, pct, comparator,                                       # value … comparator
        _scope(sent, at - cut, rest, above), ln.periods[s0] or above.period,           # scope, period,
        above.path, sent.strip(), ln.start + at, ln.start + max(end, m.end()),          # section, text, start, end,
        float(m.group("den")) if m.group("den") else None,                              # denominator,
        _kind(ln, clause, folded, before, tail, unit, goal))                            # kind


# A line runs on into the next when it ends without a stop and the next opens with a digit or a
# lower-case word (a PDF's wrapped line). Example: 'a) Đến hết năm 2025: Có ≥' / '30% DNNVV …'.
_STOPS = ".;:!?…)]"
# A line that ends on a number whose noun is on the next line: 'đ) Đến hết năm 2045: 100%' / 'DNNVV, HTX …'.
# (a letter stands shortly before it: a line that is a bare number is a page number). Tried on the
# line's last characters only, and only when it ends on a digit or '%'.
_ENDS_ON_NUMBER = regex.compile(r"\p{L}[^\p{L}\n]{1,12}(?<=\d)[ ]?%?$")
_LAST_OF_NUMBER = frozenset("0123456789%")
_CARRY = 200       # characters of the neighbour line that are carried (a window, as _WINDOW)


_LINE_START = operator.attrgetter("start")


def _joined(lines, k: int) -> bool:
    """Lines k and k + 1 are adjacent in the text (one line break between them)."""
    return 0 <= k and k + 1 < len(lines) and lines[k].end + 1 == lines[k + 1].start


def _carried(lines, k: int, opens: set[int]) -> str:
    """The end of the line before line k when line k continues it, else ''. A line that opens a
    section or item of its own ('1. Tỷ lệ …' under a heading) continues nothing."""
    if not _joined(lines, k - 1) or lines[k].start in opens \
            or not lines[k].text[:1].islower() and not _QUANTITY_START.match(lines[k].text):
        return ""
    prev = lines[k - 1].text
    last = prev.rstrip()[-1:]
    return prev[-_CARRY:] if last and last not in _STOPS else ""


def _continued(lines, k: int) -> str:
    """The start of the line after line k when line k ends on a number that it counts, else ''."""
    line = lines[k].text.rstrip()
    if line[-1:] not in _LAST_OF_NUMBER or not _joined(lines, k) or not _ENDS_ON_NUMBER.search(line[-24:]):
        return ""
    nxt = lines[k + 1].text
    return nxt[:_CARRY] if nxt.strip() and not structure.strip_marker(nxt)[0] else ""


def extract(doc: SegmentedDoc, found: Mapping[str, list]) -> list[Target]:
    out: list[Target] = []
    if not doc.body:
        return out
    starts = _counting_starts(doc.text, doc.body.start, doc.body.end)
    sections: dict = {}
    above_of: dict = {}
    doc_type = _doc_type(found)
    lines = structure.body_lines(doc)
    opens = set(doc.section_starts)
    # most lines have no number: only those that have one are visited (each found by a bisect)
    for ln, here in structure.lines_holding(lines, starts):
        k = bisect.bisect_left(lines, ln.start, key=_LINE_START)
        carry, nxt = _carried(lines, k, opens), _continued(lines, k)
        shift = len(carry) + 1 if carry else 0
        text = (f"{carry} {ln.text}" if carry else ln.text) + (f" {nxt}" if nxt else "")
        line = _Line(doc, ln.start - shift, text, doc_type, sections, above_of)
        out.extend(targets_in_line(line, [s + shift for s in here]))
    return out
