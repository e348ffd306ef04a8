"""Assignments (phân công): who does what, from the parts of a plan that assign work.

Sources, each line of the body being one duty:
- lines under a heading or label that names a unit, anywhere ('1.1- Ban Tổ chức - Kiểm tra Tỉnh Đoàn',
  '2.2. Đối với cơ sở Đoàn 10 phường:', '+ Cấp Quận: thành lập …');
- inside TỔ CHỨC THỰC HIỆN / PHÂN CÔNG, a line whose subject is a unit ('Ban Tuyên giáo Tỉnh Đoàn
  thường xuyên …') or that hands work to one ('Giao Văn phòng Tỉnh đoàn phối hợp …');
- members of a working group ('- Đ/c Phạm Văn Linh' with the position lines after it) as `member` rows.
The role comes from the first verbs of the duty (chủ trì / thường trực / tham mưu → lead, phối hợp → support).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import islice
from typing import Mapping, Optional

import regex

from extractors import deadlines, structure
from extractors.vocab import ASSIGN_HEADINGS, DUTY_VERBS, MEMBERSHIP, ROLE_CUES
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
_ASSIGN_HEADINGS = tuple(ASSIGN_HEADINGS)       # for str.startswith
# 'Giao Ban Tuyên giáo …', '… Tỉnh đoàn giao Ban Tổ chức – Kiểm tra tham mưu …'
_GIVE = regex.compile(r"(?:^|(?<=[ ,;]))[Gg]iao[ ]{1,3}(?:cho[ ]{1,3})?")
# '- Đ/c Nguyễn Thanh Duy - UVBTV, Trưởng Ban Phong trào', 'Trưởng ban: Đồng chí Huỳnh Văn Phẩm - Phó Bí thư'
_MEMBER = regex.compile(
    r"^(?:Đ/c|Đ/C|Đồng[ ]chí)[ ]{1,3}(?P<name>\p{Lu}\p{Ll}*(?:[ ]\p{Lu}\p{Ll}*){1,5})"
    r"(?:[ ]{0,6}[-–][ ]{0,3}(?P<pos>[^\n]{1,200}?))?[ .;]{0,3}$")
_MEMBER_FIRST = "Đ"          # every _MEMBER match starts with it: most lines need no try
_CLOSING = regex.compile(r"^[ ]{0,12}Trên[ ]đây", regex.IGNORECASE)    # the closing formula ends the duties
_WORDS = regex.compile(r"\S+")
_LEAD_WINDOW = 8             # role verbs count among the first words of a duty
_POSITION_WORDS = 30
_SAME_UNIT_NOISE = frozenset({"các", "những", "mỗi", "đối", "với"})
_TOKEN = regex.compile(r"[\w/]+")
_ROLE_CUES = tuple((cue, e.value) for cue, e in ROLE_CUES.items())


def _zones(doc: SegmentedDoc) -> list[int]:
    """The parts that assign work as sorted bounds of disjoint spans [start, end + 1, start, end + 1, …]:
    an offset is in one when bisect_right(bounds, offset) is odd."""
    bounds: list[int] = []
    for sec in doc.sections:        # in order of start; most are bullets: the kind is tested first
        if sec.kind in HEADING_KINDS and sec.heading.casefold().strip(" :.").startswith(_ASSIGN_HEADINGS):
            if bounds and sec.start <= bounds[-1]:      # inside or right after the one before
                bounds[-1] = max(bounds[-1], sec.end + 1)
            else:
                bounds += [sec.start, sec.end + 1]
    return bounds


def subject(text: str) -> Optional[str]:
    """The unit at the start of `text`, up to its first duty verb. 'Ban Tuyên giáo Tỉnh Đoàn là …' → 'Ban Tuyên giáo Tỉnh Đoàn'."""
    if not structure.UNIT_START.match(text):
        return None
    words = [w.group() for w in islice(_WORDS.finditer(text), structure.MAX_UNIT_WORDS + 2)]   # all it reads
    for i in range(1, min(len(words), structure.MAX_UNIT_WORDS + 1)):
        one, two = words[i].strip(",;."), " ".join(words[i:i + 2]).strip(",;.")
        if (one in DUTY_VERBS or two in DUTY_VERBS) and one[:1].islower():
            return " ".join(words[:i]).rstrip(",;:")
        if words[i - 1].endswith((":", ";", ".")):
            return " ".join(words[:i]).rstrip(",;:.")
    return None


def role_of(task: str) -> str:
    head = " ".join(task.split(None, _LEAD_WINDOW)[:_LEAD_WINDOW]).casefold()     # only the head folded
    hits = [role for cue, role in _ROLE_CUES if cue in head]
    return "lead" if "lead" in hits else "support" if hits else "execute"


def _section_unit(sec: Section) -> Optional[str]:
    """The unit the section's heading or bullet label names, or None."""
    lab = structure.label_of(sec.heading)
    return structure.unit_name(lab) if lab else (
        structure.unit_name(sec.heading) if sec.kind in HEADING_KINDS else None)


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
        name = above[sec.index] = _section_unit(sec) or name
    return name


def _members(doc: SegmentedDoc, lines: list[Line], i: int, lab: Optional[str], rest: str,
             group: Optional[str]) -> tuple[Optional[Assignment], int]:
    """A member row for lines[i] (its label and the text after it given) if it names a person,
    and how many lines it used."""
    m = _MEMBER.match(rest.strip())
    if not m:
        return None, 0
    membership = lab if lab and lab.casefold() in MEMBERSHIP else None
    position = [m.group("pos").strip(" .;")] if m.group("pos") else []
    used = 1
    for ln in islice(lines, i + 1, None):
        _, nxt = structure.strip_marker(ln.text)
        nxt = nxt.strip(" .;")
        if not nxt:
            used += 1
            continue
        sec = structure.section_at(doc, ln.start)
        if (_MEMBER.match(nxt) or structure.label_of(nxt) or subject(nxt) or len(nxt.split()) > _POSITION_WORDS
                or (sec and sec.start == ln.start and sec.kind in HEADING_KINDS)):
            break
        if nxt.casefold() in MEMBERSHIP:
            membership = nxt
        else:
            position.append(nxt)
        used += 1
    sec = structure.section_at(doc, lines[i].start)
    task = " ".join(x for x in (membership or "Thành viên", group) if x)
    return Assignment(assignee=m.group("name"), role="member", task=task, deadline=None,
                      section=sec.path if sec else None, person_name=m.group("name"),
                      position="; ".join(position) or None, start=lines[i].start,
                      end=lines[i + used - 1].end), used


def _same_unit_key(name: str) -> frozenset:
    return frozenset(t for t in _TOKEN.findall(name.casefold().replace("–", "-"))
                     if t not in _SAME_UNIT_NOISE)


def extract(doc: SegmentedDoc, found: Mapping[str, list]) -> list[Assignment]:
    lines = structure.body_lines(doc)
    zones = _zones(doc)
    year = structure.doc_year(doc, found)
    names: dict[frozenset, str] = {}        # one spelling per unit: the first one met
    spelled: dict[str, str] = {}            # a spelling met → the one kept for its unit
    above: dict[int, Optional[str]] = {}     # see _context_unit
    out: list[Assignment] = []
    dated = [d for d in deadlines.in_body(doc, year) if d.due]
    due_starts = [d.start for d in dated]       # ascending (the scan reads lines, and each line, in order)
    i = 0
    while i < len(lines):
        ln = lines[i]
        i += 1          # the next line (a member row may use more)
        if not ln.text.strip():     # two lines in five are blank
            continue
        # the closing formula ('Trên đây …') ends the duties; a cheap look at its first letter first
        if ln.text.lstrip(" ")[:1] in "tT" and _CLOSING.match(ln.text):
            break
        in_zone = bisect.bisect_right(zones, ln.start) % 2 == 1
        sec = structure.section_at(doc, ln.start)
        own = sec.index if sec and sec.start == ln.start else None
        context = _context_unit(doc, sec, own, above)
        # outside the parts that assign work and any unit's heading, only a 'Label:' or a 'giao' can
        # name one (a line in three has neither: its marker need not be read)
        if not (in_zone or context) and ":" not in ln.text and "iao" not in ln.text:
            continue
        _, text = structure.strip_marker(ln.text)
        if not text.strip():
            continue
        lab, after = structure.label_at(text)
        task = text[after:]
        member, used = (_members(doc, lines, i - 1, lab, task, context)
                        if (in_zone or context) and task.lstrip().startswith(_MEMBER_FIRST) else (None, 0))
        if member:
            out.append(member)
            i += used - 1
            continue
        if own is not None and sec.kind in HEADING_KINDS and (not lab or not task.strip()):
            continue            # a heading: its lines below carry the duties
        if not task.strip():
            continue
        give = _GIVE.search(task) if "iao" in task else None      # a cheap look before the search
        who = None
        if give and (in_zone or give.start() == 0):
            who = subject(task[give.end():])
            if who:
                task = task[give.end():]
        if who is None and in_zone:
            who = subject(task)
            if who and who.casefold().startswith("mỗi") and context:
                who = context       # 'Mỗi cơ sở Đoàn phường …' under '2.2. Đối với cơ sở Đoàn 10 phường'
        labelled = structure.unit_name(lab) if lab else None     # '+ Cấp Quận: thành lập …'
        who = who or labelled or context
        if who is None or not (in_zone or context or give or labelled):
            continue
        if who not in spelled:
            spelled[who] = names.setdefault(_same_unit_key(who), who)
        who = spelled[who]
        j = bisect.bisect_left(due_starts, ln.start)     # the line's first due
        due = dated[j].due if j < len(dated) and dated[j].start < ln.end else None
        duty = task[len(who):] if task.startswith(who) else task      # the role is in the verbs after the subject
        out.append(Assignment(assignee=who, role=role_of(duty), task=task.strip(), deadline=due,
                              section=sec.path if sec else None, person_name=None, position=None,
                              start=ln.start, end=ln.end))
    return out
