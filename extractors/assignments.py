"""Assignments (phân công): who does what, from the parts of a document that assign work.

Each body line is read once and gives rows by the first of these cases that applies (see `_line_rows`):
1. table row: a task table read by its column headers ('Nội dung | Cơ quan chủ trì | Cơ quan phối
   hợp | Thời gian hoàn thành' then 'Tập huấn | Sở Nội vụ | Sở Tư pháp, Sở Tài chính | Quý IV/2025'
   → Sở Nội vụ lead; Sở Tư pháp, Sở Tài chính support);
2. role label: '- Cơ quan chủ trì: Sở Khoa học và Công nghệ.' (lead), '- Cơ quan phối hợp: Các sở,
   ngành; UBND các xã, phường.' (support), the task being the heading above;
3. person: '- Đ/c Phạm Văn Linh' with the position lines after it, 'Ông Hoàng Văn An – Trưởng đoàn:
   phụ trách chung' → `member` rows with person_name and position;
4. hand-over: 'Giao Sở Tài chính, Sở Nội vụ chủ trì …', 'Ban Thường vụ đề nghị các đơn vị …',
   'Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh phối hợp …' → a row for each unit handed the work;
5. subject: 'Sở Tài chính chủ trì, phối hợp với các sở, ngành …' → its subject (and, after a lead,
   the partners it names as support) — in the parts that assign work (TỔ CHỨC THỰC HIỆN …), and
   anywhere for a numbered item ('3. Bộ Xây dựng chỉ đạo …') or a verb that assigns ('chủ trì',
   'có trách nhiệm' …);
6. unit heading or label: the lines under '2. Bộ Nông nghiệp và Môi trường:' or after
   '+ Cấp Quận:' are that unit's duties.
A list of units ('Sở Tài chính, Sở Nội vụ và UBND các xã') gives a row per unit (split_units). The role
comes from the first verbs of the duty (chủ trì / thường trực / tham mưu → lead, phối hợp → support).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Iterator, Mapping, Optional

import regex

from extractors import structure
from pipeline.patterns import alternation
from pipeline.vocab import (ASSIGN_HEADINGS, CLAUSE_OPENERS, DUTY_VERBS, GIVE_VERBS, LEVEL_NOUNS, MEMBERSHIP,
                              MORE_DUTY_VERBS, NOT_IN_NAMES, PERSON_TITLES, PLURAL_UNIT_NOUNS, ROLE_CUES,
                              ROLE_LABELS, TABLE_COLUMNS, UNIT_ABBREVIATIONS, DUTY_OF)
from pipeline.models import Line, SegmentedDoc, Section


@dataclass
class Assignment:
    assignee: str
    role: str
    task: Optional[str]
    deadline: Optional[str]
    section: Optional[str]
    person_name: Optional[str]
    position: Optional[str]
    start: int
    end: int


HEADING_KINDS = {"roman", "arabic", "decimal", "letter"}
_NUMBERED = {"arabic", "decimal", "letter"}
_ASSIGN_HEADINGS = tuple(ASSIGN_HEADINGS)       # for str.startswith


# A verb that hands work to the unit after it, at the start of a duty or after its giver.
# 'Giao Ban Tuyên giáo …', '… Tỉnh đoàn giao Ban Tổ chức – Kiểm tra tham mưu …', 'Đề nghị Ủy ban MTTQ …'
_GIVE = regex.compile(rf"(?:^|(?<=[ ,;]))(?:{alternation(GIVE_VERBS, '[ ]')})[ ]{{1,3}}", regex.IGNORECASE)
# A person in a list of duties: title, name (2-6 capitalised words), position after a dash, duty after
# a colon. '- Đ/c Nguyễn Thanh Duy - UVBTV, Trưởng Ban Phong trào', 'Ông Hoàng Văn An – Trưởng đoàn: phụ trách chung'
_PERSON = regex.compile(
    rf"""^(?:{alternation(PERSON_TITLES, '[ ]')})[ ]{{1,3}}
    (?P<name>\p{{Lu}}\p{{Ll}}*(?:[ ]\p{{Lu}}\p{{Ll}}*){{1,5}})               # Hoàng Văn An
    (?:[ ]{{0,6}}[-–][ ]{{0,3}}(?P<pos>[^\n:]{{1,200}}?))?                  # – Trưởng đoàn
    (?:[ ]{{0,3}}:[ ]{{0,3}}(?P<duty>[^\n]{{1,2000}}?)|[ .;]{{0,3}})$        # : phụ trách chung""",
    regex.VERBOSE)
_TITLES = frozenset(t.casefold() for t in PERSON_TITLES)
_PERSON_FIRST = tuple(PERSON_TITLES)     # every _PERSON match starts with one (most lines that open with 'Đ' do not)
# 'phối hợp với Sở Tư pháp …', 'phối hợp chặt chẽ với các sở, ngành …': the partners of a lead unit
_PARTNERS = regex.compile(r"phối[ ]hợp(?:[ ]chặt[ ]chẽ)?[ ]với[ ]{1,3}", regex.IGNORECASE)
# A line that addresses the text to its recipients: 'Kính gửi:', 'THỦ TƯỚNG CHÍNH PHỦ điện:'.
_ADDRESS = regex.compile(r"^[ ]{0,12}(?:Kính[ ]gửi|\p{Lu}[^\n:]{0,60}[ ]điện)[ ]{0,2}:", regex.IGNORECASE)
_ADDRESS_REACH = 12 + 1 + 60 + 5 + 2 + 1      # an _ADDRESS match's colon stands within its reach
_ARTICLE_REACH = 12 + 4                         # an _ARTICLE match's 'Điều' stands within its reach
# A title that names the unit whose duties follow: 'Nhiệm vụ của Đoàn Chủ tịch'.
_DUTY_OF = regex.compile(rf"^(?:{alternation(DUTY_OF, '[ ]')})[ ]{{1,3}}", regex.IGNORECASE)
# An article of a regulation, its title after it: 'Điều 13: Nhiệm vụ của Đoàn Chủ tịch'.
_ARTICLE = regex.compile(r"^[ ]{0,12}Điều[ ]{1,3}\d{1,3}[ ]{0,2}[.:][ ]{0,3}")
_CLOSING = regex.compile(r"^[ ]{0,12}Trên[ ]đây", regex.IGNORECASE)    # the closing formula ends the duties
_WORDS = regex.compile(r"\S+")
# The words around generic unit nouns: 'các | cơ quan, đơn vị | có liên quan'
_GENERIC_TAIL = regex.compile(r"^(?:các|những)[ ]{1,3}|[ ]{1,3}(?:có[ ])?(?:liên[ ]quan|khác)[ .]{0,2}$")
_GENERIC_NOUNS = frozenset({"tổ chức", "cá nhân", "cơ quan chức năng"})
_LIST_SPLIT = regex.compile(r"[ ]{0,2}(?:[,;][ ]{0,3}(?:và[ ]{1,3})?|[ ]và[ ])[ ]{0,3}")
_ASSIGN_WINDOW = 16         # 'Sở Tài chính, trên cơ sở đề xuất của các cơ quan, đơn vị, địa phương, chủ trì …'
_MARKER_REACH = 12           # Markdown bold near a line's start wraps its marker
_LEAD_WINDOW = 8             # role verbs count among the first words of a duty
_POSITION_WORDS = 30
_MAX_UNIT_WORDS = 36         # a list of units: 'Sở Tư pháp và các sở, ban, ngành Thành phố, Đài …, cơ quan báo chí và Ủy ban nhân dân xã, phường'
_LIST_WORDS = 16             # a role label's clause without a verb is a list of units up to this length
_WORDS_AHEAD = 8             # words of a subject read at a time (most end within the first few)
_TOPIC_WORDS = 12           # a heading of more words without a colon is a duty
_HEADING_DUTY_WORDS = 4      # 'Các khoa | tham gia khảo sát' names units; a longer clause is a sentence
_LABEL_WORDS = 16            # a unit's label may hold a person's post: 'Đồng chí Trưởng Ban … - Trưởng Tiểu ban:'
_SAME_UNIT_NOISE = frozenset({"các", "những", "mỗi", "đối", "với", "và"})
_TOKEN = regex.compile(r"[\w/]+")
_ABBREVIATION = regex.compile(rf"(?<![\w&])(?:{alternation(UNIT_ABBREVIATIONS, '[ ]')})(?![\w&])")
_ROLE_CUES = tuple((cue, e.value) for cue, e in ROLE_CUES.items())
_VERBS = DUTY_VERBS | MORE_DUTY_VERBS
_BARE_HEADS = frozenset(h for h in structure.UNIT_HEAD_WORDS if " " not in h)   # 'Sở' alone names no unit
_GENERIC_PAIRS = frozenset(n for n in PLURAL_UNIT_NOUNS if " " in n)     # 'cơ quan', 'đơn vị', 'địa phương'
_VERB_FIRST = frozenset(v.split()[0] for v in _VERBS)
# Verbs that assign work wherever they stand; other duty verbs only in the parts that assign work.
_ASSIGNING = frozenset({"chủ trì", "có trách nhiệm", "chịu trách nhiệm", "tham mưu", "theo chức năng",
                        "được giao", "được phân công", "khẩn trương", "chủ động"})
# Words that name a body with the verb after them: 'Ban chỉ đạo', 'Ban tổ chức', 'Tổ công tác'.
_NAMING = frozenset({"ban", "tiểu ban", "tổ", "hội đồng", "nhóm"})
_HEADER_WORDS = 10          # 'Cơ quan, đơn vị chủ trì thực hiện' is 7
_UNIT_COLUMN_KEYS = tuple(k for k, e in TABLE_COLUMNS.items() if e.value in ("lead", "support", "execute"))
_EMPTY_CELLS = frozenset({"", "-", "x", "–"})


# ---------------------------------------------------------------- names of units
def _verb_len(words: list[str], i: int) -> int:
    """How many words (1-3) of a duty verb start at words[i], or 0. 'theo chức năng' → 3."""
    if not words[i][:1].islower() or words[i].strip(",;.:") not in _VERB_FIRST:   # most words: no verb's first
        return 0
    for n in (3, 2, 1):
        inner = words[i:i + n - 1]          # a verb of several words has no punctuation inside
        if i + n <= len(words) and not any(w[-1] in ",;.:" for w in inner) \
                and " ".join(w.strip(",;.:") for w in words[i:i + n]) in _VERBS:
            return n
    return 0




def unit_phrase(text: str, at_end: bool = False) -> Optional[tuple[str, str]]:
    """(the unit or list of units at the start of `text`, the duty after it), or None: the subject
    ends before its first duty verb. 'Sở Tài chính chủ trì, phối hợp …' → ('Sở Tài chính', 'chủ trì, …');
    'Các Bộ: Quốc phòng, Công an chủ động …' → ('Các Bộ: Quốc phòng, Công an', 'chủ động …').
    With `at_end`, a phrase that ends with the text is one too ('phối hợp với Sở Tư pháp.')."""
    head = structure.UNIT_START.match(text) if _may_open(text) else None
    if not head:
        return None
    head_end = head.end()
    found = _words_of(text)
    words: list[str] = []
    starts: list[int] = []

    def end_of(k: int) -> int:
        """Where word k ends (words are found in the text only for a cut)."""
        while len(starts) <= k:
            n = len(starts)
            starts.append(text.find(words[n], starts[-1] + len(words[n - 1]) if n else 0))
        return starts[k] + len(words[k])

    def cut(i: int) -> tuple[str, str]:
        end = end_of(i)
        return text[:end_of(i - 1)].rstrip(",;:."), text[end - len(words[i]):]

    for i in range(1, _MAX_UNIT_WORDS + 1):
        if len(words) < i + 3:           # words are read as far as the verbs of several words need
            words += islice(found, _WORDS_AHEAD)
        if i >= len(words):
            break
        prev, word = words[i - 1], words[i]
        if prev.endswith((".", ";")) or word.startswith("("):    # 'Sở Nội vụ (Cơ quan Thường trực …)'
            return cut(i)
        if prev.endswith(":"):
            if head_end >= end_of(i - 1) - 1 and word[:1].isupper():   # 'Các Bộ: Quốc phòng, Công an': a list follows
                continue
            return cut(i)
        if prev.endswith(",") and word.strip(",;.") in CLAUSE_OPENERS:
            return cut(i)                           # 'Sở Tài chính, trên cơ sở …'
        if word.strip(",;.") in NOT_IN_NAMES:        # 'Bộ Chính trị, Ban Bí thư cơ bản nhất trí với …': no subject
            return None
        if _verb_len(words, i) and prev.casefold() not in _NAMING:
            return cut(i)
    if at_end and len(words) <= _MAX_UNIT_WORDS:
        return text.rstrip(" ,;:."), ""
    return None


# str.split() breaks words at these separators too; _WORDS (\S+) does not
_SPLIT_ONLY = ("\x1c", "\x1d", "\x1e", "\x1f")


def _words_of(text: str) -> Iterator[str]:
    """The words of the text, as _WORDS finds them, split off a few at a time (a line may be long)."""
    if any(c in text for c in _SPLIT_ONLY):
        yield from (m.group() for m in _WORDS.finditer(text))
        return
    rest = text
    while rest:
        words = rest.split(None, _WORDS_AHEAD)
        rest = words.pop() if len(words) > _WORDS_AHEAD else ""
        yield from words


def subject(text: str) -> Optional[str]:
    """The unit at the start of `text`, up to its first duty verb. 'Ban Tuyên giáo Tỉnh Đoàn là …' → 'Ban Tuyên giáo Tỉnh Đoàn'."""
    found = unit_phrase(text)
    return found[0] if found else None


def split_units(name: str) -> list[str]:
    """A list of units as its units: a comma, semicolon or 'và' starts a new one only before a unit's
    first word with a capital ('UBND') or 'các'. 'Sở Tài chính, Sở Nội vụ và UBND các xã' → three;
    'Sở Văn hóa, Thể thao và Du lịch', 'Các sở, ban, ngành' → one."""
    name = name.strip(" ,;:.")
    if "," not in name and ";" not in name and " và " not in name:     # most names: one unit
        return [name] if name.casefold() not in _BARE_HEADS else []
    if ":" in name:                 # 'Các Bộ: Quốc phòng, Công an': the list shares its head
        return [name]
    out: list[str] = []
    pos = 0
    for m in _LIST_SPLIT.finditer(name):
        rest = name[m.end():]
        piece = name[pos:m.start()].strip()
        if not _starts_unit(piece, rest):
            continue
        if len(piece.split()) >= 2 or not out and ":" in piece:
            out.append(piece)
            pos = m.end()
    out.append(name[pos:].strip(" ,;."))
    return [u for u in out if u and u.casefold() not in _BARE_HEADS]


def _starts_unit(before: str, rest: str) -> bool:
    """After a separator, `rest` starts another unit: a name of its own ('UBND các xã', 'các sở'),
    or a generic unit noun after a proper name ('Đài Phát thanh Thành phố, cơ quan báo chí')."""
    if rest[:1].isupper() or rest[:4].casefold() == "các ":
        return _named(rest)
    return (rest.split(None, 2)[:2] and " ".join(rest.split(None, 2)[:2]).strip(",;.") in _GENERIC_PAIRS
            and before[:1].isupper() and not before.casefold().startswith(("các", "những")) and _named(before))


def _named(text: str) -> bool:
    """`text` starts with a unit's own name: a head word followed by a capital ('Sở Tư pháp'), a
    level ('Công an tỉnh'), or a head of two words or an acronym ('Ủy ban nhân dân', 'UBND các xã');
    'Đoàn trực thuộc' is a qualifier of the list before it."""
    m = structure.UNIT_START.match(text)
    if not m:
        return False
    head = m.group()
    nxt = text[m.end():].split(None, 1)
    word = nxt[0].strip(",;.") if nxt else ""
    return (not word or word[:1].isupper() or word in LEVEL_NOUNS or " " in head.strip()
            or head.isupper() or head.casefold().startswith(("các", "những")))


def role_of(task: str) -> str:
    head = " ".join(task.split(None, _LEAD_WINDOW)[:_LEAD_WINDOW]).casefold()     # only the head folded
    hits = [role for cue, role in _ROLE_CUES if cue in head]
    return "lead" if "lead" in hits else "support" if hits else "execute"


def _first_word(text: str) -> str:
    words = text.split(None, 1)
    return words[0].strip(",;:.*").casefold() if words else ""


# The first words of every unit head, hand-over verb and person title: a line that opens with none
# of them matches none of UNIT_START, _GIVE or _PERSON (tests/test_assignments_shapes.py checks it).
_OPENERS = frozenset(_first_word(w) for w in (*structure.UNIT_HEAD_WORDS, *GIVE_VERBS, *PERSON_TITLES))


def _may_open(text: str) -> bool:
    return _first_word(text) in _OPENERS


_ROLE_LABEL_KEYS = sorted(ROLE_LABELS, key=len, reverse=True)
_ROLE_LABEL_FIRST = frozenset(_first_word(k) for k in (*ROLE_LABELS, *GIVE_VERBS))


@lru_cache(maxsize=4096)        # labels repeat ('Thời gian:', 'Nội dung:')
def _label_role(lab: str) -> Optional[str]:
    """The role a label gives the units after it ('Đơn vị chủ trì tham mưu thực hiện' → lead), 'give'
    for a hand-over verb ('Đề nghị'), or None."""
    plain = lab.replace("*", "").strip().casefold()
    if _first_word(plain) not in _ROLE_LABEL_FIRST:       # most labels: a topic
        return None
    if plain in GIVE_VERBS:
        return "give"
    # a label of a unit noun and a role may say more ('Đơn vị chủ trì tham mưu thực hiện'); a bare
    # verb may not ('Phối hợp tổ chức các sân chơi:' is a duty)
    return next((ROLE_LABELS[k].value for k in _ROLE_LABEL_KEYS
                 if plain == k or len(k.split()) >= 3 and plain.startswith(k)), None)


def _topic(heading: str) -> bool:
    """A heading that names a topic or a unit ('2. Bộ Nông nghiệp và Môi trường:', '1. Tỉnh Đoàn'), not
    a duty ('a) Chỉ đạo cơ quan dự báo theo dõi chặt chẽ diễn biến mưa lũ.')."""
    text = heading.rstrip(" *")
    return text.endswith(":") or not text.endswith((".", ";")) and len(text.split()) < _TOPIC_WORDS


def _assigning(duty: str) -> bool:
    head = " ".join(duty.split(None, _ASSIGN_WINDOW)[:_ASSIGN_WINDOW]).casefold()
    return any(v in head for v in _ASSIGNING)


# ---------------------------------------------------------------- where a line stands
def _zones(doc: SegmentedDoc) -> list[int]:
    """The parts that assign work as sorted bounds of disjoint spans [start, end + 1, start, end + 1, …]:
    an offset is in one when bisect_right(bounds, offset) is odd."""
    bounds: list[int] = []
    for sec in doc.sections:        # in order of start; most are bullets: the kind is tested first
        if sec.kind in HEADING_KINDS and sec.heading.casefold().strip(" :.*").startswith(_ASSIGN_HEADINGS):
            if bounds and sec.start <= bounds[-1]:      # inside or right after the one before
                bounds[-1] = max(bounds[-1], sec.end + 1)
            else:
                bounds += [sec.start, sec.end + 1]
    return bounds


@lru_cache(maxsize=4096)        # labels and headings repeat ('Nhiệm vụ:', 'Ban Tổ chức:'): each read once
def _label_unit(lab: str) -> Optional[str]:
    """The unit a 'Label:' names, or None: not a clause ('Văn phòng Chính phủ đề nghị:'), not a
    person's title alone ('Đồng chí: ……')."""
    duty_of = _DUTY_OF.match(lab)       # 'Nhiệm vụ của Đoàn Thư ký'
    if duty_of:
        lab = lab[duty_of.end():]
    give = _GIVE.match(lab)             # '2. Giao Sở Nội vụ (Cơ quan Thường trực …):'
    if give:
        found = unit_phrase(lab[give.end():], at_end=True)
        return found[0] if found else None
    name = structure.unit_name(lab)
    if name is None or name.casefold() in _TITLES:
        return None
    found = unit_phrase(name, at_end=True)
    if not found or name.endswith(".") or _asks(found[1]) or len(found[1].split()) > _HEADING_DUTY_WORDS:
        return None                 # a sentence, a request: no unit's own heading
    return name


def _asks(duty: str) -> bool:
    """A hand-over verb among the first words of a duty ('trân trọng đề nghị')."""
    words = duty.casefold().split(None, 4)[:4]
    return any(" ".join(words[k:k + n]) in GIVE_VERBS for k in range(len(words)) for n in (1, 2))


def _section_unit(doc: SegmentedDoc, sec: Section) -> Optional[str]:
    """The unit the section's heading or bullet label names, or None."""
    lab = structure.label_at(sec.heading, _LABEL_WORDS)[0]
    return _label_unit(lab) if lab else (
        _label_unit(_heading_text(doc, sec)) if sec.kind in HEADING_KINDS else None)


def _heading_text(doc: SegmentedDoc, sec: Section) -> str:
    """The heading with the line it runs on to: a short line with no marker after a heading with no
    final punctuation ('4. Đề nghị Ủy ban Mặt trận' / 'Tổ quốc Việt Nam thành phố và các Đoàn thể')."""
    head = sec.heading.rstrip()
    if head.endswith((".", ":", ";")):
        return head
    nl = doc.text.find("\n", sec.heading_end + 1)
    nxt = doc.text[sec.heading_end + 1:nl if nl >= 0 else len(doc.text)].strip()
    if nxt[:1].isupper() and len(nxt.split()) <= _TOPIC_WORDS and structure.strip_marker(nxt)[0] == 0:
        return f"{head} {nxt}"
    return head


def _context_unit(doc: SegmentedDoc, at: Optional[Section], own: Optional[int],
                  above: dict[int, Optional[str]]) -> Optional[str]:
    """The nearest heading or bullet label above the line (in section `at`) that names a unit.
    `above` (section index → the unit of it or of its nearest ancestor that names one) is filled
    as sections are met, so that each heading is read once per document."""
    if at is not None and at.index == own and at.kind not in HEADING_KINDS:
        at = doc.sections[at.parent] if at.parent is not None else None   # a bullet's own label is read by the caller
    if at is None or at.index in above:         # most lines: a section already read
        return above[at.index] if at is not None else None
    unread = []
    while at is not None and at.index not in above:
        unread.append(at)
        at = doc.sections[at.parent] if at.parent is not None else None
    name = above[at.index] if at is not None else None
    for sec in reversed(unread):        # outermost first: a section's own unit wins over its ancestors'
        name = above[sec.index] = _section_unit(doc, sec) or name
    return name


def _heading_task(doc: SegmentedDoc, sec: Optional[Section], own: Optional[int]) -> Optional[str]:
    """The task a role label belongs to: the heading of the item it stands under."""
    if sec is not None and sec.index == own:
        sec = doc.sections[sec.parent] if sec.parent is not None else None
    if sec is None:
        return None
    return structure.strip_marker(sec.heading)[1].strip(" *:.") or None


@dataclass
class _Doc:
    """What the cases share while one document is read."""
    doc: SegmentedDoc
    lines: list[Line]
    tail: list[Line]            # the body and what follows it: a task table may stand in an appendix
    zones: list[int]
    dated: list
    due_starts: list[int]
    names: dict = field(default_factory=dict)      # same-unit key → the spelling met first
    spelled: dict = field(default_factory=dict)    # a spelling met → the one kept for its unit
    above: dict = field(default_factory=dict)      # see _context_unit
    article: Optional[str] = None                   # the unit the current 'Điều N: Nhiệm vụ của …' names
    last_section: tuple = (-1, None)                # see section

    def section(self, start: int) -> Optional[Section]:
        """structure.section_at(start), the last one kept: a line and its rows ask for the same."""
        if self.last_section[0] != start:
            self.last_section = (start, structure.section_at(self.doc, start))
        return self.last_section[1]

    def due(self, start: int, end: int) -> Optional[str]:
        """The first due date in [start, end)."""
        j = bisect.bisect_left(self.due_starts, start)
        return self.dated[j].due if j < len(self.dated) and self.dated[j].start < end else None

    def row(self, who: str, role: str, task: Optional[str], start: int, end: int,
            person: Optional[str] = None, position: Optional[str] = None) -> Assignment:
        if who not in self.spelled:
            self.spelled[who] = self.names.setdefault(_same_unit_key(who), who)
        sec = self.section(start)
        # positional: a dataclass __init__ takes them about twice as fast as keywords (a row per line)
        return Assignment(self.spelled[who], role, (task or "").strip() or None,          # assignee, role, task,
                          self.due(start, end), sec.path if sec else None,                # deadline, section,
                          person, position, start, end)                                   # person_name … end


@lru_cache(maxsize=4096)        # a unit's name recurs across the documents of an archive
def _same_unit_key(name: str) -> frozenset:
    """The words of a unit's name, abbreviations spelled out: 'UBND các xã' and 'Ủy ban nhân dân các xã'
    are one unit."""
    folded = name.casefold().replace("–", "-").replace("uỷ", "ủy")
    folded = _ABBREVIATION.sub(lambda m: UNIT_ABBREVIATIONS[m.group()].value, folded)
    return frozenset(t for t in _TOKEN.findall(folded) if t not in _SAME_UNIT_NOISE)


# ---------------------------------------------------------------- case 1: task tables
def _columns(cells: list[str]) -> Optional[list[Optional[str]]]:
    """The kind of each column of a header row ('lead', 'support', 'execute', 'task', 'time' or None),
    or None for a row that is no task table's header: it needs a unit column and a task column."""
    if not any(key in " ".join(cells).casefold() for key in _UNIT_COLUMN_KEYS):    # most rows: data
        return None
    if any(len(cell.split()) > _HEADER_WORDS for cell in cells):       # a header's cells are names
        return None
    kinds = []
    for cell in cells:
        text = cell.casefold().replace("*", "")
        kinds.append(next((e.value for key, e in TABLE_COLUMNS.items() if key in text), None))
    if "task" in kinds and any(k in ("lead", "support", "execute") for k in kinds):
        return kinds
    return None


def _table_rows(d: _Doc) -> tuple[list[Assignment], list[tuple[int, int]]]:
    """The rows of task tables, and the spans of their table rows (whose lines are read here only)."""
    out: list[Assignment] = []
    spans: list[tuple[int, int]] = []
    kinds: Optional[list[Optional[str]]] = None
    last_end = 0
    text = d.doc.text
    if not d.tail or text.find("|", d.tail[0].start) < 0:     # most documents: no table (one scan, not a line loop)
        return out, spans
    for cells, start, end in structure.table_rows(d.tail):
        if kinds is not None and text[last_end:start].strip(" \n|-:"):    # text between (not a rule line): another table
            kinds = None
        last_end = end
        header = _columns(cells)
        if header:
            kinds = header
            spans.append((start, end))
            continue
        if kinds is None:           # another table's row: its lines are read as lines
            continue
        spans.append((start, end))
        if len(cells) != len(kinds):     # a group row ('I. NÂNG CAO NHẬN THỨC')
            continue
        task = " ".join(c for c, k in zip(cells, kinds) if k == "task") or None
        for cell, kind in zip(cells, kinds):
            if kind not in ("lead", "support", "execute"):
                continue
            for part in regex.split(r"[;\n]", cell.replace("*", "")):
                for who in split_units(part.strip(" .,")):
                    if who.casefold() not in _EMPTY_CELLS and not (kind == "support" and _unnamed(who)):
                        out.append(d.row(who, kind, task, start, end))
    return out, spans


# ---------------------------------------------------------------- cases 2-6: one line
def _role_label_rows(d: _Doc, role: str, value: str, task: Optional[str], start: int, end: int) -> list[Assignment]:
    """'Cơ quan chủ trì: Sở Tư pháp' → lead; 'Cơ quan thực hiện: Sở Nội vụ chủ trì; Sở Tư pháp phối hợp'
    → a clause each, its role from its verb."""
    out = []
    for clause in value.split(";"):
        clause = clause.strip(" .")
        found = unit_phrase(clause)
        if found and found[1]:
            units, duty = found
        elif len(clause.split()) <= _LIST_WORDS:
            units, duty = clause, ""
        else:               # a sentence, not a list: no unit read from it
            continue
        own = role_of(duty) if duty else role
        if role != "execute" and own == "execute":
            own = role
        out += [d.row(who, own, task, start, end) for who in split_units(units) if who]
    return out


def _member_rows(d: _Doc, i: int, lab: Optional[str], rest: str, group: Optional[str]) -> tuple[list[Assignment], int]:
    """Member rows for lines[i] if it names a person (its label and the text after it given), and
    how many lines they used: the position may stand on the lines after the name."""
    m = _PERSON.match(rest.strip())
    if not m:
        return [], 0
    membership = lab if lab and lab.casefold() in MEMBERSHIP else None
    position = [m.group("pos").strip(" .;")] if m.group("pos") else []
    used = 1
    if m.group("duty") is None:        # the position and membership on the lines below
        for k in range(i + 1, len(d.lines)):     # (islice would walk the lines before it too)
            ln = d.lines[k]
            _, nxt = structure.strip_marker(ln.text)
            nxt = nxt.strip(" .;")
            if not nxt:
                used += 1
                continue
            sec = structure.section_at(d.doc, ln.start)
            if (nxt.startswith(_PERSON_FIRST) and _PERSON.match(nxt) or structure.label_of(nxt) or subject(nxt)
                    or len(nxt.split()) > _POSITION_WORDS or (sec and sec.start == ln.start and sec.kind in HEADING_KINDS)):
                break
            if nxt.casefold() in MEMBERSHIP:
                membership = nxt
            else:
                position.append(nxt)
            used += 1
    task = m.group("duty") or " ".join(x for x in (membership or "Thành viên", group) if x)
    ln = d.lines[i]
    return [d.row(m.group("name"), "member", task, ln.start, d.lines[i + used - 1].end,
                  person=m.group("name"), position="; ".join(position) or None)], used


def _unit_rows(d: _Doc, units: str, duty: str, start: int, end: int, task: str,
               role: Optional[str] = None) -> list[Assignment]:
    """A row per unit of the list, and, after a lead, a support row per partner it names (but not
    'các cơ quan, đơn vị liên quan': partners left unnamed)."""
    role = role or role_of(duty)
    out = [d.row(who, role, task, start, end) for who in split_units(units)]
    if role == "lead":
        m = _PARTNERS.search(duty)
        found = unit_phrase(duty[m.end():], at_end=True) if m else None
        if found:
            out += [d.row(who, "support", task, start, end) for who in split_units(found[0]) if not _unnamed(who)]
    return out


def _unnamed(name: str) -> bool:
    """Units named only by generic nouns: 'các cơ quan, đơn vị có liên quan', 'các đơn vị liên quan'."""
    words = _GENERIC_TAIL.sub("", name.casefold())
    return all(p in PLURAL_UNIT_NOUNS or p in _GENERIC_NOUNS for p in _LIST_SPLIT.split(words) if p)


def _handed(text: str, give: regex.Match) -> Optional[tuple[str, str]]:
    """The units a hand-over names and the duty after them. 'Giao Sở Tài chính chủ trì …'."""
    return unit_phrase(text[give.end():])


def _is_article(line: str) -> bool:
    return line.find("Điều", 0, _ARTICLE_REACH) >= 0 and _ARTICLE.match(line) is not None


def _without_markers(line: str) -> str:
    """The line without its numbering or bullet marker, Markdown bold around it ('**3. **Sở Tài chính',
    '*- Đơn vị chủ trì: *Sở Tư pháp') and a bullet after a number."""
    if line.find("*", 0, _MARKER_REACH) >= 0:
        line = line[:_MARKER_REACH].replace("*", "") + line[_MARKER_REACH:]
    article = _ARTICLE.match(line) if _is_article(line) else None
    text = line[article.end():] if article else structure.strip_marker(line)[1]   # 'Điều 3. Văn phòng …'
    return structure.strip_marker(text)[1] if text[:1] in "-+•" and text[:1] else text


def _line_rows(d: _Doc, i: int) -> tuple[list[Assignment], int]:
    """The rows of body line i, and how many lines they used."""
    ln = d.lines[i]
    in_zone = bisect.bisect_right(d.zones, ln.start) % 2 == 1
    sec = d.section(ln.start)
    own = sec.index if sec and sec.start == ln.start else None
    context = _context_unit(d.doc, sec, own, d.above) or d.article
    text = _without_markers(ln.text)
    if not text.strip():
        return [], 1
    if (own is None and sec is not None and sec.kind in HEADING_KINDS and ln.start == sec.heading_end + 1
            and _heading_text(d.doc, sec) != sec.heading.rstrip()):
        return [], 1            # the rest of a heading that runs on (read with it)
    # outside the parts that assign work and any unit's heading, only a line that opens with a
    # unit, a hand-over or a person, or holds a label, can give a row (most lines of a long text)
    if not (in_zone or context or ":" in text[:structure.LABEL_REACH] or _may_open(text)):
        return [], 1
    lab, after = structure.label_at(text, _LABEL_WORDS)
    task = text[after:]
    role = _label_role(lab) if lab else None
    # 2. role label: '- Cơ quan chủ trì: Sở Tư pháp', '6. Đề nghị: Hội Nông dân tỉnh, …'; the list
    # may run on to the next line
    if role:
        value, used = task, 1
        nxt = d.lines[i + 1] if i + 1 < len(d.lines) else None
        if nxt is not None and nxt.text.strip() and not value.rstrip().endswith((".", ";")) \
                and structure.strip_marker(nxt.text)[0] == 0 and structure.label_of(nxt.text) is None:
            value, used = f"{value.rstrip()} {nxt.text.strip()}", 2
        value, end = value.replace("*", ""), d.lines[i + used - 1].end
        if role == "give":
            found = unit_phrase(value, at_end=True)
            return (_unit_rows(d, found[0], found[1], ln.start, end, value) if found else []), used
        return _role_label_rows(d, role, value, _heading_task(d.doc, sec, own), ln.start, end), used
    # 3. person: '- Đ/c Phạm Văn Linh', 'Ông Hoàng Văn An – Trưởng đoàn: phụ trách chung'
    for cand, cand_lab in ((text, None), (task, lab)):
        if cand.lstrip().startswith(_PERSON_FIRST):
            rows, used = _member_rows(d, i, cand_lab, cand, context)
            if rows and (in_zone or context or rows[0].position):
                return rows, used
    if own is not None and sec.kind in HEADING_KINDS and (not lab or not task.strip()) and _topic(text):
        return [], 1            # a topic heading: its lines below carry the duties
    if not task.strip():
        return [], 1
    # 4. hand-over: 'Giao Sở Tài chính …', 'Đề nghị Ủy ban MTTQ tỉnh …'
    give = _GIVE.match(task)
    if give:
        found = _handed(task, give)
        if found:
            return _unit_rows(d, found[0], found[1], ln.start, ln.end, task[give.end():]), 1
    # 5. subject: 'Sở Tài chính chủ trì …', '3. Bộ Xây dựng chỉ đạo …'
    found = unit_phrase(text)
    if found and (lab is None or len(found[0]) > len(lab)) and not found[1].startswith("được"):
        who, duty = found           # 'Các Bộ: Quốc phòng, Công an chủ động …'; not 'Các cơ quan được giao …'
        task = text
        give = _GIVE.match(duty)
        if give and (in_zone or own is not None):       # 'Ban Thường vụ đề nghị các đơn vị …': the units asked
            asked = _handed(duty, give)
            if asked:
                return _unit_rows(d, asked[0], asked[1], ln.start, ln.end, duty[give.end():]), 1
        elif in_zone or _assigning(duty) or (own is not None and sec.kind in _NUMBERED) or _is_article(ln.text):
            if in_zone and who.casefold().startswith("mỗi") and context:
                who = context       # 'Mỗi cơ sở Đoàn phường …' under '2.2. Đối với cơ sở Đoàn 10 phường'
                return [d.row(who, role_of(duty), task, ln.start, ln.end)], 1
            return _unit_rows(d, who, duty, ln.start, ln.end, task), 1
    # 6. unit label or heading: '+ Cấp Quận: thành lập …', the lines under '2. Bộ Nông nghiệp …:'
    labelled = _label_unit(lab) if lab else None
    who = labelled or context
    if who is None:
        return [], 1
    # a heading names its audience as a whole ('2. Các huyện, thị, thành Đoàn, Đoàn khối Doanh nghiệp tỉnh')
    return [d.row(who, role_of(task), task, ln.start, ln.end)], 1


def _START(ln: Line) -> int:
    return ln.start


def _is_address(line: str) -> bool:
    """Whether _ADDRESS matches the line. Its colon is the line's first (none stands before it), and
    'gửi' or 'điện' before it: the pattern, slow on a label's long run of letters, is tried only then."""
    colon = line.find(":", 0, _ADDRESS_REACH)
    if colon < 0:
        return False
    head = line[:colon].casefold()
    return ("gửi" in head or "điện" in head) and _ADDRESS.match(line) is not None


def _after_address(lines: list[Line], i: int) -> int:
    """The line after the recipients that an address line ('Kính gửi:', 'THỦ TƯỚNG CHÍNH PHỦ điện:')
    lists: its dash items and their run-on lines. They receive the text, they are not assigned work."""
    prev = lines[i].text
    i += 1
    while i < len(lines):
        text = lines[i].text.strip()
        if text and not (text.startswith(("-", "+", "•")) or not prev.rstrip().endswith((".", ";", ":"))
                         and structure.strip_marker(text)[0] == 0):
            break
        if text:
            prev = text
        i += 1
    return i


def extract(doc: SegmentedDoc, found: Mapping[str, list]) -> list[Assignment]:
    lines = structure.body_lines(doc)
    # the deadlines extractor ran first (registry): the first due of each assigned line
    dated = sorted((dl for dl in found.get("deadlines", []) if dl.due), key=lambda dl: dl.start)
    tail = doc.lines[bisect.bisect_left(doc.lines, lines[0].start, key=_START):] if lines else []
    d = _Doc(doc, lines, tail, _zones(doc), dated, [dl.start for dl in dated])
    table, spans = _table_rows(d)
    out: list[Assignment] = []
    k = 0           # the next table row span
    i = 0
    while i < len(lines):
        ln = lines[i]
        text = ln.text
        if spans:
            while k < len(spans) and spans[k][1] < ln.start:
                k += 1
            if k < len(spans) and spans[k][0] <= ln.start <= spans[k][1]:
                i += 1                  # a table's line: read with its row
                continue
        if not text.strip():     # two lines in five are blank
            i += 1
            continue
        # the closing formula ('Trên đây …') ends the duties (most lines open with another letter)
        if text.lstrip(" ")[:1] in "tT" and _CLOSING.match(text):
            break
        article = _ARTICLE.match(text) if _is_article(text) else None
        if article:
            d.article = _label_unit(text[article.end():].strip(" :.*"))
            if d.article:
                i += 1          # a title of duties: its items below carry them
                continue
        if _is_address(text):
            i = _after_address(lines, i)
            continue
        rows, used = _line_rows(d, i)
        out += rows
        i += used
    return sorted(out + table, key=lambda a: a.start) if table else out
