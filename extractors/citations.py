"""Citations: every mention of another document, as a `citations` row.

A mention is a document number (`symbols.SYMBOL`: `25-NQ/TW`, `20/KH-UBND`, `98/2014/NĐ-CP`, noisy
forms included, joined across a hyphenated line break) or a type word with a bare number (`Chỉ thị số
03`, `Nghị quyết 25`, `Nghị định 98/2014`). Around it: the type word before it (it wins over the
symbol's type code; `Văn bản`, and a công văn for a State number after a bare `số`), the date after
it (`, ngày 24/3/2021`, `ngày 15 tháng 3 năm 2024`), the issuer after `của` read to the end of its
noun phrase (`Bộ Giáo dục và Đào tạo`, with its term, `khóa XII`), and the relation cue earlier in
its sentence (vocab.RELATION_CUES): `implements` only in the title or an opening sentence of the
body (`Thực hiện …` before its first section). Not mentions: the document's own number (its
`so_hieu`, or a number alone in its header) and forms to fill (`Mẫu báo cáo số 05`).

Short forms resolve to a full citation of the same document in the text, as a legal citator does:
a bare number to the nearest full mention of the same type and number (before it, else after);
a truncated symbol (`03 NQ/TWĐTN`) to the full one it abbreviates (`03-NQ/TWĐTN-BTC`).

`cited_key` — one identity per cited document (`pipeline/citekeys.py`, shared with the graph):
- with a symbol: the symbol upper-cased, plus `@<year>` of the cited date when known, else
  `@K<term>` when the issuer names a term (`25-NQ/TW@2013`, `25-NQ/TW@K10`), since Party numbering
  restarts every term. A mention with neither takes the one qualifier its symbol has in the same
  document; `join_keys` does the same across documents (a bare `25-NQ/TW` joins `25-NQ/TW@2013`
  when that is its only qualified form) and maps a term key to the year key of the same symbol
  when one mention gives both.
- without a symbol: type and number, `Chỉ thị 3`, `Nghị định 98/2014`.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import compress
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Mapping, Optional

import regex

from extractors.dates import NUMDATE, WORDDATE, iso
from extractors.structure import doc_ascii_digits, matches_at
from pipeline.patterns import alternation, trie_alternation
from pipeline.citekeys import join_keys, symbol_key
from pipeline.symbols import SYMBOL, Symbol, parse
from pipeline.vocab import (CITATION_TYPE_WORDS, CONG_VAN, DOC_TYPES, FORM_WORDS, ISSUER_STOP_WORDS, ISSUER_WORDS,
                              RELATION_CUES, TYPE_WORDS)
from pipeline.models import SegmentedDoc


@dataclass
class Citation:
    cited_type: Optional[str]
    cited_number: Optional[str]
    cited_symbol: Optional[str]
    cited_date: Optional[str]
    cited_issuer: Optional[str]
    relation: str
    cited_key: Optional[str]
    mention: str
    start: int
    end: int
    evidence: str                 # the sentence the mention stands in


# Full type words in any case; abbreviations (`NQ`, `CT`) only in upper case, as written.
_TYPE_WORDS = {**TYPE_WORDS, **CITATION_TYPE_WORDS}
_ABBR = {k for k in _TYPE_WORDS if k.upper() in DOC_TYPES}
TYPE_WORD = (rf"(?<!\p{{L}})(?:(?i:{alternation(set(_TYPE_WORDS) - _ABBR)})|{alternation(k.upper() for k in _ABBR)})"
             r"(?!\p{L})")
_WRAP = r"[ ]?\n[ ]?"        # a line break inside a phrase: a wrapped line of a PDF or a Markdown paragraph
_SO = rf"[sS]ố(?:[ ]{{0,2}}:?[ ]{{0,2}}|{_WRAP})"
# The type word right before a symbol: `Nghị quyết số `, `Chỉ thị `, `Luật Thanh niên số ` (a name
# only after a capitalized type word and before `số`, and not containing another type word, so the
# nearest type word wins; `hướng dẫn tại số` is a verb, not a Hướng dẫn).
# Patterns that end at a given position are matched backwards (REVERSE, `match`): one try at that
# position instead of a search from every start in the window.
TYPE_BEFORE = regex.compile(
    rf"(?:(?P<tw>{TYPE_WORD})[ ]{{1,3}}(?:{_SO})?"
    rf"|(?=\p{{Lu}})(?P<tw>{TYPE_WORD})(?:[ ]{{1,2}}(?!{TYPE_WORD})\p{{L}}{{1,12}}){{1,6}}[ ]{{1,2}}{_SO})\Z",
    regex.REVERSE)
LOOKBACK = 90
# A bare number with its type word: `Chỉ thị số 03`, `Nghị quyết 25`, `Nghị định 98/2014`. Numbers
# are found first (they are rarer than letters), then the type word right before them.
TYPE_BEFORE_BARE = regex.compile(rf"(?P<tw>{TYPE_WORD})[ ]{{1,3}}(?P<so>{_SO})?\Z", regex.REVERSE)
BARE = regex.compile(
    r"(?<![\d\p{L}/.,-])(?P<num>\d{1,5})"
    r"(?:[ ]?/[ ]?(?P<year>(?:19|20)\d{2}))?(?![\d\p{L}/%]|[.,]\d|[ ]{0,2}[-–—/][ ]{0,2}\p{Lu})"
    # a period or count after the number is a quantity: `Báo cáo 6 tháng`, `Kế hoạch 5 năm`
    r"(?![ ]{1,2}(?:tháng|năm|quý|tuần|ngày|giờ|lần|đợt|bước|giai đoạn)(?!\p{L}))")
DATE_LEAD = regex.compile(
    rf"(?:[ ]{{0,2}}|{_WRAP})[,(]?[ ]{{0,2}}(?:(?:được[ ]{{1,2}})?ban hành[ ]{{1,2}})?ngày(?:[ ]{{1,3}}|{_WRAP})")
DATE_LEAD_REACH = 3 + 1 + 2 + len("được") + 2 + len("ban hành") + 2 + len("ngày")   # its 'ngày' ends within
_IW_LOWER = trie_alternation(ISSUER_WORDS)       # tried at each word of a name: a trie, not an alternation
_ISTOP = rf"(?!{trie_alternation(ISSUER_STOP_WORDS)}(?!\p{{L}}))"
# A word of an issuer's name: a capitalized word with the lower-case syllable that completes it ('Giáo
# dục', 'Y tế', 'Nông nghiệp'), or a lower-case word of a body's name ('Ủy ban nhân dân tỉnh').
_IWORD = (rf"(?:(?!Về(?!\p{{L}})|{TYPE_WORD})\p{{Lu}}[\p{{L}}\d&]{{0,15}}(?:\.(?=[ ]\p{{Lu}}))?"
          rf"(?:[ ]{_ISTOP}\p{{Ll}}{{1,7}}(?!\p{{L}}))?"
          rf"|{_ISTOP}(?:{_IW_LOWER})(?!\p{{L}}))")
# Between two words of the name: a space or hyphen, a line break before a lower-case word, or `và`
# before a capitalized one ('Bộ Giáo dục và Đào tạo', 'Bộ Lao động - Thương binh và Xã hội').
_ISEP = rf"(?:[ ]{{1,2}}|[ ]?-[ ]?|{_WRAP}(?=\p{{Ll}})|(?:[ ]{{1,2}}|{_WRAP})và[ ]{{1,2}}(?=\p{{Lu}}))"
ISSUER_REACH = 2 + 1 + 3 + len("của")        # an ISSUER match's 'của' ends within its first characters
ISSUER = regex.compile(
    rf"[ ]{{0,2}},?(?:[ ]{{0,2}}|{_WRAP})của(?:[ ]{{1,2}}|{_WRAP})(?P<iss>{_IWORD}(?:{_ISEP}{_IWORD}){{0,11}})"
    r"(?:[ ]{1,2}(?i:khóa|khoá)[ ]{1,2}(?P<term>[IVXL]{1,6}|\d{1,2})(?!\p{L}))?")
# The rest of a symbol cut by a hyphenated line break: '217/2025/NĐ-' + newline + 'CP'
# (upper case: 'Triển khai' on the next line is no part of it)
SYMBOL_WRAP = regex.compile(rf"-{_WRAP}(?P<rest>[\p{{Lu}}\d]{{1,12}}(?:-[\p{{Lu}}\d]{{1,12}}){{0,2}})(?![\p{{L}}\d])")
# `số` right before a number without a type word: 'tại số 123/UBND-VX'
BARE_SO = regex.compile(rf"(?<!\p{{L}})(?P<so>{_SO})\Z", regex.REVERSE)
# A form to fill before a type word: 'Mẫu báo cáo số 05'
FORM_BEFORE = regex.compile(rf"(?<!\p{{L}})(?i:{alternation(FORM_WORDS)})[ ]{{1,2}}\Z", regex.REVERSE)
_CUES = {e.key: e.value for e in RELATION_CUES.values()}
CUE = regex.compile(rf"(?<!\p{{L}})(?i:{alternation(_CUES)})(?!\p{{L}})", regex.REVERSE)
# Sentence ends: a line break, or `.!?` after a lower-case letter, digit or closing mark (not `TP.`).
SENTENCE_END = regex.compile(r"\n|(?<=[\p{Ll}\d”\")])[.!?][ ]")
SENTENCE_END_BACK = regex.compile(SENTENCE_END.pattern, regex.REVERSE)
_MARKS = (". ", "! ", "? ")     # what SENTENCE_END's second branch matches, before its look-behind
EVIDENCE_MAX = 400
SENTENCE_MAX = 600     # how far a sentence (and a relation cue) is looked for: keeps long lines linear
YEAR = regex.compile(r"(?:19|20)\d\d")
LEGAL_YEAR = regex.compile(r"\d+/(\d{4})/")
# Where a document number may start: a digit not right after a letter, digit, '/' or '.' (the
# look-behind SYMBOL opens with; BARE's is stricter). Both are tried only there (SYMBOL through matches_at),
# one scan for the two instead of a look-behind tried at every character by each. The match takes
# the digits that follow too: what comes after them tells whether a symbol may start there.
NUMBER_RUN = regex.compile(r"\d(?<![\p{L}\d/.]\d)\d*+")
# The same in a text whose digits are all ASCII (structure.doc_ascii_digits), scanned for fast.
NUMBER_RUN_ASCII = regex.compile(r"[0-9](?<![\p{L}\d/.][0-9])\d*+")
# The number that opens a document's own symbol ('05' of '05-KH/TĐTN'): compiled once, as regex.match
# with a pattern string looks it up in regex's cache at every call (as costly as the match)
LEADING_NUMBER = regex.compile(r"\d+")
AROUND_NUMBER = 3         # characters before and after a number that the two tests below read


@lru_cache(maxsize=4096)
def _may_open_symbol(digits: int, after: str) -> bool:
    """Whether SYMBOL may match at a number of so many digits followed by `after` (the text's next
    characters): whether it could match some text that opens so (regex's partial match), whatever
    the digits are. Most numbers (dates, counts, list labels) are ruled out here at the cost of a
    cached call instead of a SYMBOL match each."""
    return SYMBOL.match("0" * digits + after, partial=True) is not None


@lru_cache(maxsize=8192)
def _may_follow_type_word(before: str) -> bool:
    """Whether the characters before a number may end a type word and its `số` (TYPE_BEFORE_BARE
    could match some text that ends so: a partial match, backwards). Rules out most numbers."""
    return TYPE_BEFORE_BARE.match(before, partial=True) is not None


def _type_name(word: str) -> str:
    entry = _TYPE_WORDS.get(word.lower()) or _TYPE_WORDS.get(" ".join(word.lower().split()))
    return entry.value if entry else word


def _sentence(doc: SegmentedDoc, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end] (at most SENTENCE_MAX either side); a title counts as
    one sentence across its lines."""
    text = doc.text
    if doc.title and doc.title.start <= start < doc.title.end:
        return doc.title.start, doc.title.end
    lo, hi = max(0, start - SENTENCE_MAX), min(len(text), end + SENTENCE_MAX)
    back = _end_before(text, lo, start)
    ahead = _end_after(text, end, hi)
    s0 = back if back >= 0 else lo
    if ahead < 0:
        return s0, hi
    return s0, ahead if text[ahead] == "\n" else ahead + 1


# SENTENCE_END found with str.find: its line breaks and marks are looked for first, and the pattern
# tried only at a mark (the pattern, a look-behind or a line break, would be tried at every character).
def _end_after(text: str, lo: int, hi: int) -> int:
    """Where SENTENCE_END.search(text, lo, hi) starts, or -1."""
    first = text.find("\n", lo, hi)
    first = hi if first < 0 else first
    for mark in _MARKS:
        at = text.find(mark, lo, first)
        while at >= 0 and not SENTENCE_END.match(text, at, hi):
            at = text.find(mark, at + 1, first)
        if at >= 0:
            first = at
    return first if first < hi else -1


def _end_before(text: str, lo: int, hi: int) -> int:
    """Where SENTENCE_END_BACK.search(text, lo, hi) ends (the match nearest to hi), or -1."""
    last = text.rfind("\n", lo, hi) + 1 or -1
    for mark in _MARKS:
        at = text.rfind(mark, max(lo, last - 1), hi)       # a mark's match ends after the line break's
        while at >= 0 and not SENTENCE_END_BACK.match(text, lo, at + 2):
            at = text.rfind(mark, max(lo, last - 1), at + 1)
        if at >= 0:
            last = at + 2
    return last


def _relation(text: str, sent_start: int, start: int, opening: bool) -> str:
    """The nearest strong cue before the mention in its sentence; a `mentions` cue only right before it.
    `implements` only in an opening sentence and with no `mentions` cue between ('Thực hiện Kết luận
    số 75-KL/TW …' implements; '… theo quy định tại khoản 4 Điều 23 Nghị định 32/2024/NĐ-CP' mentions)."""
    between = False
    for n, cue in enumerate(CUE.finditer(text, max(sent_start, start - SENTENCE_MAX), start)):
        rel = _CUES[cue.group().lower()]
        if rel == "mentions":
            if n == 0 and not text[cue.end():start].strip():
                return rel
            between = True
        elif rel == "implements" and (between or not opening):
            return "mentions"
        else:
            return rel
    return "mentions"


_IMPLEMENTS = alternation(k for k, v in _CUES.items() if v == "implements")
# An opening sentence: 'Thực hiện Kết luận số 75-KL/TW …', '- Triển khai Kế hoạch số 12/KH-UBND …'
OPENING = regex.compile(rf"[ *_\-+•]{{0,6}}(?i:{_IMPLEMENTS})(?!\p{{L}})")


def _opening(doc: SegmentedDoc, sent_start: int) -> bool:
    """Whether the sentence states what the document implements: the title, or a sentence of the
    body before its first section that opens with an `implements` cue."""
    if doc.title and doc.title.start <= sent_start < doc.title.end:
        return True
    # without sections the body is all preamble; an unsegmented text, all of it
    first = doc.sections[0].start if doc.sections else (doc.body.end if doc.body else len(doc.text))
    return sent_start < first and OPENING.match(doc.text, sent_start) is not None


def _date_at(text: str, pos: int) -> tuple[Optional[str], int]:
    # most mentions have no date after them: DATE_LEAD is tried only when its 'ngày' is in reach
    lead = DATE_LEAD.match(text, pos) if text.find("ngày", pos, pos + DATE_LEAD_REACH) >= 0 else None
    if lead:
        m = NUMDATE.match(text, lead.end()) or WORDDATE.match(text, lead.end())
        if m:
            return iso(m.group("d"), m.group("m"), m.group("y")), m.end()
    return None, pos


def _issuer_at(text: str, pos: int) -> tuple[Optional[str], int]:
    m = ISSUER.match(text, pos) if text.find("của", pos, pos + ISSUER_REACH) >= 0 else None
    if not m:
        return None, pos
    iss = m.group("iss") + (f" khóa {m.group('term')}" if m.group("term") else "")
    return iss, m.end()


def _tail(text: str, pos: int) -> tuple[Optional[str], Optional[str], int]:
    """Date and issuer after a mention, in either order: (date, issuer, end)."""
    date, pos = _date_at(text, pos)
    issuer, pos = _issuer_at(text, pos)
    if date is None and issuer:
        date, pos = _date_at(text, pos)
    return date, issuer, pos


def _own(found: Mapping[str, list]) -> dict:
    fields = {f.field: f for f in found.get("fields", []) if f.value}
    so = fields.get("so_hieu")
    return {"key": symbol_key(so.value) if so else None, "span": (so.start, so.end) if so else None,
            "number": LEADING_NUMBER.match(so.value).group().lstrip("0") if so and so.value[:1].isdigit() else None,
            "type": fields["doc_type"].value if "doc_type" in fields else None,
            "date": fields["issue_date"].value if "issue_date" in fields else None}


def _record(doc, start, end, cited_type, number, sym: Optional[str], date, issuer) -> Citation:
    """A mention; relation, key and evidence are filled once all mentions are known."""
    return Citation(cited_type, number, sym, date, issuer, "", None, doc.text[start:end], start, end, "")


def _finish(doc: SegmentedDoc, c: Citation, key: Optional[str], date, issuer) -> Citation:
    """The mention completed, in place: it is this extraction's own record (dataclasses.replace
    would cost as much as the rest of this)."""
    text = doc.text
    s0, s1 = _sentence(doc, c.start, c.end)
    lo = max(s0, min(c.start - EVIDENCE_MAX // 2, s1 - EVIDENCE_MAX))
    c.cited_key, c.cited_date, c.cited_issuer = key, c.cited_date or date, c.cited_issuer or issuer
    c.relation = _relation(text, s0, c.start, _opening(doc, s0))
    c.evidence = " ".join(text[lo:min(s1, lo + EVIDENCE_MAX)].split())
    return c


def _symbol_mentions(doc: SegmentedDoc, own: dict, numbers: list[int]) -> list[tuple[Citation, Symbol]]:
    text, out = doc.text, []
    for m in matches_at(SYMBOL, text, numbers):
        sym, sym_end = _symbol_at(text, m)
        if own["span"] and m.start() < own["span"][1] and own["span"][0] < sym_end:
            continue
        tb = TYPE_BEFORE.match(text, max(0, m.start() - LOOKBACK), m.start())
        if not tb and doc.header and doc.header.start <= m.start() < doc.header.end:
            continue        # a number alone in the header is the document's own ('Số: 20/KH-UBND')
        known = DOC_TYPES.get(sym.type_code or "")
        if tb:
            if FORM_BEFORE.match(text, max(0, tb.start() - LOOKBACK), tb.start()):
                continue    # 'Mẫu báo cáo số 05/BC': a form to fill
            ctype = _type_name(tb.group("tw"))
        elif known:
            ctype = known.value
        elif sym.system == "state" and BARE_SO.match(text, max(0, m.start() - LOOKBACK), m.start()):
            ctype = CONG_VAN     # 'tại số 123/UBND-VX'
        else:
            continue        # an unknown code with no type word is an archive code, not a document
        date, issuer, end = _tail(text, sym_end)
        if symbol_key(sym.canonical) == own["key"] and (date is None or own["date"] in (None, date)):
            continue        # the document's own number (a different date would be an earlier namesake)
        start = tb.start() if tb else m.start()
        out.append((_record(doc, start, end, ctype, sym.number, sym.canonical, date, issuer), sym))
    return out


def _symbol_at(text: str, m) -> tuple[Symbol, int]:
    """The symbol of a SYMBOL match and where it ends, joined across a hyphenated line break
    ('217/2025/NĐ-' + newline + 'CP' → 217/2025/NĐ-CP)."""
    wrap = SYMBOL_WRAP.match(text, m.end()) if text.startswith("-", m.end()) else None     # (it opens with '-')
    joined = SYMBOL.fullmatch(f"{m.group()}-{wrap.group('rest')}") if wrap else None
    return (parse(joined), wrap.end()) if joined else (parse(m), m.end())


def _expand_truncated(found: list[tuple[Citation, Symbol]]) -> list[Citation]:
    """`03-NQ/TWĐTN` → `03-NQ/TWĐTN-BTC` when the longer one is cited in the same text."""
    issuers: dict[tuple, dict[str, Symbol]] = {}
    for _, s in found:
        issuers.setdefault((s.number, s.type_code), {})[s.issuer or ""] = s
    out = []
    for c, sym in found:
        group = issuers[(sym.number, sym.type_code)]
        longer = [s for i, s in group.items() if sym.issuer and i.startswith(sym.issuer + "-")]
        out.append(replace(c, cited_symbol=max(longer, key=lambda s: len(s.issuer)).canonical) if longer else c)
    return out


def _bare_mentions(doc: SegmentedDoc, full: list[Citation], own: dict, numbers: list[int]):
    text, out = doc.text, []
    starts = [c.start for c in full]          # `full` is in text order and its spans do not overlap
    # (type, number, year of a legal symbol or None) → the full citations, in text order
    by_number: dict[tuple, list[Citation]] = {}
    for c in full:
        year = LEGAL_YEAR.match(c.cited_symbol)
        for y in {None, year and year.group(1)}:
            by_number.setdefault((c.cited_type, c.cited_number.lstrip("0"), y), []).append(c)
    # The type word before a number is looked for first (most numbers have none: they are ruled
    # out together, with one cached call each), then BARE. A number that BARE, matched at an earlier
    # one, would cover is the year of '12 / 2020', which has no type word right before it: none
    # needs skipping (as structure.matches_at would).
    typed = compress(numbers, map(_may_follow_type_word, [text[max(0, s - AROUND_NUMBER):s] for s in numbers]))
    for s in typed:
        i = bisect_right(starts, s) - 1
        if i >= 0 and full[i].end > s:
            continue        # inside a full citation
        tb = TYPE_BEFORE_BARE.match(text, max(0, s - LOOKBACK), s)
        m = tb and BARE.match(text, s)
        if not m:
            continue
        if FORM_BEFORE.match(text, max(0, tb.start() - LOOKBACK), tb.start()):
            continue        # 'Mẫu báo cáo số 05': a form to fill
        num, year, tw = m.group("num"), m.group("year"), tb.group("tw")
        if not tb.group("so") and (not tw[0].isupper() or (not year and YEAR.fullmatch(num))):
            continue        # `kế hoạch 2024`: a bare number needs `số` or a capitalized type word
        ctype = _type_name(tw)
        if ctype == own["type"] and num.lstrip("0") == own["number"] and not year:
            continue
        date, issuer, end = _tail(text, m.end())
        cands = by_number.get((ctype, num.lstrip("0"), year), [])
        sym = None
        if cands:      # the nearest full citation before it, else the first after it
            ref = cands[max(0, bisect_right(cands, m.start(), key=lambda c: c.start) - 1)]
            sym, date, issuer = ref.cited_symbol, date or ref.cited_date, issuer or ref.cited_issuer
        number = f"{num}/{year}" if year and not sym else num
        out.append(_record(doc, tb.start(), end, ctype, number, sym, date, issuer))
    return out


def extract(doc: SegmentedDoc, found: Mapping[str, list]) -> list[Citation]:
    own = _own(found)
    text = doc.text
    runs = [m.span() for m in (NUMBER_RUN_ASCII if doc_ascii_digits(doc) else NUMBER_RUN).finditer(text)]
    numbers = [start for start, _ in runs]
    symbol_starts = [start for start, end in runs if _may_open_symbol(end - start, text[end:end + AROUND_NUMBER])]
    full = _expand_truncated(_symbol_mentions(doc, own, symbol_starts))
    cites = sorted(full + _bare_mentions(doc, full, own, numbers), key=lambda c: c.start)
    keys = join_keys([vars(c) for c in cites])
    # a qualified key is one document: a mention without its date or issuer takes them from another
    dates: dict[str, str] = {}
    issuers: dict[str, str] = {}
    for i, c in enumerate(cites):
        if "@" in (keys.get(i) or ""):
            if c.cited_date:
                dates.setdefault(keys[i], c.cited_date)
            if c.cited_issuer:
                issuers.setdefault(keys[i], c.cited_issuer)
    return [_finish(doc, c, keys.get(i), dates.get(keys.get(i)), issuers.get(keys.get(i)))
            for i, c in enumerate(cites)]
