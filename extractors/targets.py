"""Targets (chỉ tiêu): a number or percentage committed to, with the noun phrase it counts.

A number is a target when a commitment word stands right before it (a comparator `ít nhất`, a verb
of achievement `thành lập`, `kết nạp`, `đạt`, …), when it opens its sentence or label
('- 100% cơ sở Đoàn có …', '+ Cấp Phường: 07 Chi đoàn'), or when it continues a list of targets
('600 đoàn viên, 1.000 hội viên'). Not targets: conditions ('doanh nghiệp có từ 500 lao động trở
lên'), names in quotes ('Sinh viên 5 tốt'), references ('Nghị quyết 25', 'cụm 8'), durations
('6 tháng'), dates and symbols (the numeral pattern refuses them).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Optional

import regex

from extractors import periods, structure
from extractors.numerals import NUMBER, number_starts, value_of
from extractors.vocab import COMPARATORS, NUMBER_NAMERS, TARGET_CUES, TIME_NOUNS, TYPE_WORDS
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


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


# What may stand right before a target, read backwards from the number: an optional comparator,
# optional fillers, then a cue word. Example: 'kết nạp mới ít nhất |100'.
# The patterns that end at the number are matched backwards from it (REVERSE, `match`): one try
# instead of a search from every start of the window. For _TAIL this gives the same comparator and
# the same presence of cue and 'từ' as a forward search (the cue itself may differ: 'kết nạp mới'
# forwards, 'kết nạp' + filler 'mới' backwards; only its presence is read).
_COMP = _alt(COMPARATORS)
_TAIL = regex.compile(
    rf"(?:(?<![\p{{L}}])(?P<cue>{_alt(TARGET_CUES)})(?:[ ](?:mới|thêm|được|các|tổng số))?[ ]{{1,3}})?"
    rf"(?:(?<![\p{{L}}])(?P<comp>{_COMP})[ ]{{1,3}})?(?P<from>từ[ ]{{1,3}})?$", regex.IGNORECASE | regex.REVERSE)
# A reference or rank word right before the number. Example: 'Nghị quyết 25', 'cụm 8', 'số 03'.
_NAMED = regex.compile(rf"(?<![\p{{L}}])(?:{_alt(NUMBER_NAMERS | set(TYPE_WORDS))})[ ]{{1,3}}$",
                       regex.IGNORECASE | regex.REVERSE)
# 'doanh nghiệp có (từ|trên) 500 lao động': a condition on the noun before 'có' ('trong đó có' is not).
_CONDITION_BEFORE = regex.compile(r"(?<!đó[ ]{1,2})(?<![\p{L}])có[ ]{1,3}(?:từ|trên|dưới|khoảng)?[ ]{0,3}$",
                                  regex.REVERSE)
_CONDITION_AFTER = regex.compile(r"^[ ]{0,3}trở[ ]{1,3}(?:lên|xuống)")
_CONTINUES = regex.compile(r"(?:,|;|(?<![\p{L}])(?:và|hoặc))[ ]{0,3}$")
# 'từ 01 đến 02', 'từ 100 lao động đến dưới 500' (the unit may sit after the first number too)
_RANGE = regex.compile(r"^(?:[ ]{1,3}\p{L}+){0,4}?[ ]{1,3}(?:đến|tới|[-–])[ ]{1,3}(?:dưới[ ]{1,3}|trên[ ]{1,3})?")
_RATIO_OF = regex.compile(r"(?:tỉ|tỷ)[ ]lệ[ ]{1,3}(?P<of>[^,;:()]{1,80}?)[ ]{1,3}(?:trong|tại|của|ở|có|đạt)(?![\p{L}])",
                          regex.IGNORECASE)
_EACH = regex.compile(r"(?<![\p{L}])[Mm]ỗi[ ]{1,3}(?P<who>[^,;:()]{1,40}?(?:,[ ]{0,2}[^,;:()]{1,20}?){0,3})"
                      r"(?=[ ]{1,3}(?:" + _alt(TARGET_CUES) + r"|đảm bảo|phải|cần|có|ít nhất|tối thiểu)(?![\p{L}]))")
_PER = regex.compile(r"^/[ ]{0,2}(?P<per>[^()\n;.]{1,60}?)[ ]{0,2}(?=[(;.]|$)")
_QUOTES = regex.compile(r"[“\"«][^”\"»\n]{0,200}[”\"»]")
_PCT_OF = regex.compile(r"^(?:trong[ ]tổng[ ]số|trong[ ]số|tổng[ ]số|các|những|số)[ ]{1,3}")
_STOP = frozenset({"trong", "tại", "cho", "của", "là", "và", "hoặc", "có", "được", "để", "nhằm", "về", "thuộc",
                   "từ", "đến", "theo", "với", "đã", "mới", "trở", "ở", "trên", "dưới", "đạt", "phải", "sẽ",
                   "khi", "nơi", "gắn", "thông", "đủ", "tham", "mỗi", "cùng", "vào", "bằng", "như"})
_MAX_UNIT_WORDS = 8         # syllables: 'đơn vị kinh tế tư nhân' is six
# The counted noun phrase: words up to punctuation or a function word (a whole word, as written).
_WORD_CHARS = r"[\p{L}\d&\-–]"
_WORDS = regex.compile(rf"(?:[ ]{{1,3}}(?!(?:{_alt(_STOP)})(?!{_WORD_CHARS}))(?P<w>\p{{L}}{_WORD_CHARS}*+)){{0,{_MAX_UNIT_WORDS}}}")
_COORD = regex.compile(r",[ ]{1,2}(?P<w>\p{Lu}[\p{L}]*)(?=[ ]{1,3}(?:" + _alt(_STOP) + r")(?![\p{L}])|[,;.:()]|$)")
_WINDOW = 160
_TEXT_CHARS = 300            # the `text` column: the sentence, cut around the number when very long
_SOME = regex.compile(r"một[ ]{1,2}số(?![\p{L}])", regex.IGNORECASE)       # 'một số' is 'some', not 'one'
_WORD_NUMERAL_NOT = frozenset({"năm", "tư", "không", "mốt", "lăm", "mươi", "trăm", "nghìn", "ngàn", "triệu"})


def noun_phrase(after: str) -> tuple[Optional[str], int]:
    """The counted noun phrase at the start of `after` (the text right after the number) and its length."""
    m = _WORDS.match(after)
    words, pos = m.captures("w"), m.end()
    if not words:
        return None, 0
    c = _COORD.match(after, pos)          # 'cán bộ Đoàn, Hội trong …' keeps ', Hội'
    if c:
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


def _scope(sent: str, rel: int, after_unit: str, labels: list[str]) -> Optional[str]:
    m = _PER.match(after_unit)
    if m:
        return "mỗi " + m.group("per").strip()
    if "ỗi" in sent:          # _EACH opens with 'mỗi': most sentences need no scan
        each = [e for e in _EACH.finditer(sent, max(0, rel - _WINDOW), rel + _WINDOW) if e.start() < rel]
        if each:
            return "mỗi " + each[-1].group("who").strip()
    return next((lab for lab in labels if _names_unit(lab)), None)


def _period(in_sentence: Optional[str], labels: list[str]) -> Optional[str]:
    return in_sentence or next((lab for lab in labels if _is_period(lab)), None)


def _in_any(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


def targets_in_line(doc: SegmentedDoc, line_start: int, line_text: str, starts: list[int],
                    labels_of: dict[Optional[int], list[str]]) -> list[Target]:
    """The targets of one line. `starts`: where a number may start in it (numerals.number_starts);
    `labels_of`: section index → structure.labels_above, filled as sections are met."""
    out: list[Target] = []
    skip, body = structure.strip_marker(line_text)
    lab, after_label = structure.label_at(body)
    lead = skip + after_label
    masked: Optional[list[tuple[int, int]]] = None     # quotes, programmes, ranges: read once a number needs them
    prev = {}          # sentence start → (end, comparator) of the last target in it
    spans: list[tuple[int, int]] = []
    sentence_period = {}     # sentence start → its period phrase, read once
    # most numbers fail a check that needs neither the masks nor the sentences: those come first
    for m in structure.matches_at(NUMBER, line_text, starts, lead):
        at = m.start()
        words = m.group("words")
        if words and (words.lower() in _WORD_NUMERAL_NOT or _SOME.match(line_text, at)):
            continue
        # a third of the numbers; as on `before` below: a namer ends right before the number, and a
        # sentence never starts inside it (read in place: no letter stands right before `lead`)
        if _NAMED.match(line_text, max(lead, at - _WINDOW), at):
            continue
        if masked is None:
            quoted = "“" in line_text or '"' in line_text or "«" in line_text     # most lines: no _QUOTES scan
            masked = [q.span() for q in _QUOTES.finditer(line_text)] if quoted else []
            masked += periods.programme_spans(line_text)
            spans = structure.sentences(line_text, 0, len(line_text))
        if _in_any(at, masked):
            continue
        s0, s1 = structure.containing(spans, at)
        s0 = max(s0, lead)
        # only a short window before the number matters (keeps the scan linear on long lines)
        before, after = line_text[max(s0, at - _WINDOW):at], line_text[m.end():min(s1, m.end() + _WINDOW)]
        value = value_of(m)
        if value is None:
            continue
        value_max, unit_after, comparator = None, after, None
        tail = _TAIL.match(before)
        r = _RANGE.match(after) if tail and tail.group("from") else None
        m2 = NUMBER.match(after, r.end()) if r else None
        if m2 and value_of(m2) is not None:      # 'từ 01 đến 02 mô hình': one target, the second number is its max
            value_max, unit_after, comparator = value_of(m2), after[m2.end():], "range"
            masked.append((m.end() + m2.start(), m.end() + m2.end()))
        if _CONDITION_BEFORE.match(before):
            continue
        pct = bool(m.group("pct"))
        if pct:       # '100% các huyện' counts 'huyện'; 'được 10% trong tổng số đoàn viên' counts 'đoàn viên'
            stripped = _PCT_OF.sub("", unit_after.lstrip(" "), count=1)
            unit, n = noun_phrase(" " + stripped)
            n = n - 1 + len(unit_after) - len(stripped) if unit else 0
        else:
            unit, n = noun_phrase(unit_after)
        rest = unit_after[n:]
        if _CONDITION_AFTER.match(rest):
            continue
        if unit and unit.split()[0].lower() in TIME_NOUNS:
            continue
        if pct and not unit:
            of = _RATIO_OF.search(before)
            unit = of.group("of") if of else None
        if not unit:
            continue
        opens = not line_text[s0:at].strip()
        cued = bool(tail and (tail.group("cue") or tail.group("comp")))
        continues = s0 in prev and _CONTINUES.search(line_text[max(prev[s0][0], at - 8):at]) is not None
        if not (opens or cued or continues):
            continue
        if comparator is None:
            if tail and tail.group("comp"):
                comparator = COMPARATORS[tail.group("comp").lower()].value
            else:   # 'ít nhất 02 Chi đoàn, 02 Chi hội': a list shares its comparator
                comparator = prev[s0][1] if continues else "exact"
        if s0 not in sentence_period:
            sentence_period[s0] = periods.period_in(line_text[s0:s1])
        sent = line_text[max(s0, at - _TEXT_CHARS):min(s1, m.end() + _TEXT_CHARS)]
        rel = at - max(s0, at - _TEXT_CHARS)
        sec = structure.section_at(doc, line_start + at)
        key = sec.index if sec else None
        if key not in labels_of:
            labels_of[key] = structure.labels_above(doc, sec)
        labels = [lab, *labels_of[key]] if lab else labels_of[key]
        end = m.end() + (len(after) - len(unit_after)) + n
        out.append(Target(
            value=value, value_max=value_max, unit=unit, is_percent=pct, comparator=comparator,
            scope=_scope(sent, rel, rest, labels), period=_period(sentence_period[s0], labels),
            section=sec.path if sec else None, text=sent.strip(), start=line_start + at,
            end=line_start + end, denominator=float(m.group("den")) if m.group("den") else None))
        prev[s0] = (end, comparator)
    return out


def extract(doc: SegmentedDoc, found: Mapping[str, list]) -> list[Target]:
    out: list[Target] = []
    if not doc.body:
        return out
    starts = number_starts(doc.text, doc.body.start, doc.body.end)
    labels_of: dict[Optional[int], list[str]] = {}
    # most lines have no number: only those that have one are visited
    for ln, here in structure.lines_holding(structure.body_lines(doc), starts):
        out.extend(targets_in_line(doc, ln.start, ln.text, here, labels_of))
    return out
