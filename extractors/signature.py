"""Signature block: one signer per group of authority lines (`TM. Ban Thường vụ Tỉnh Đoàn`,
stacked `TM. …` / `KT. …`), post (`Bí thư`) and name (`Lê Hồng Thắm`); joint documents have
several groups side by side. The first signer fills `documents`; the issuing body falls back to
the collective it signs for."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex

from pipeline.casing import broken_phrase, mostly_capitals, position_case, proper_case
from pipeline.vocab import NOT_NAME_WORDS, SURNAMES
from pipeline.models import FieldValue, Line, SegmentedDoc, Signer
from pipeline.patterns import BARE_PREFIX, SIGN_PREFIX, SIGNED, fold_marks, is_position, known_position, match_name

_TM = regex.compile(r"^(?:TM|T/M)\b[. ]{0,3}")
_PREFIX = regex.compile(r"^(?:TM|T/M|KT|K/T|TL|T/L|TUQ|Q)\b[. ]{0,3}")
POST_WORDS = 8      # an unknown post printed under an authority line is at most this long


@dataclass
class _Group:
    authority: list[Line] = field(default_factory=list)
    title: Optional[Line] = None
    name: Optional[Line] = None

    @property
    def lines(self) -> list[Line]:
        return [*self.authority, *(ln for ln in (self.title, self.name) if ln is not None)]


_VOWEL = regex.compile(r"[aeiouyAEIOUY]")


def _is_name(text: str) -> bool:
    """A personal name: not a post, no post words (but among the given names of a name that opens
    with a family name: 'Nguyễn Anh Chức'), and every word a syllable (with a vowel: not 'BCN')."""
    m = match_name(text)
    words = m.group(1).split() if m else []
    given = words[1:] if words and words[0].lower() in SURNAMES else []
    return bool(m) and not is_position(text) \
        and not any(w.lower() in NOT_NAME_WORDS for w in words if w not in given) \
        and all(_VOWEL.search(fold_marks(w)) for w in words)


def _is_post(text: str, group: Optional[_Group]) -> bool:
    """A known post, or a line in capitals right under an authority line ('PHÓ CHỦ NHIỆM THƯỜNG
    TRỰC'; the post comes before the name, and a line that runs the authority on is moved back to
    it when a known post follows)."""
    if is_position(text):
        return True
    return bool(group and group.authority and group.title is None and group.name is None
                and mostly_capitals(text) and len(text.split()) <= POST_WORDS)


def _groups(lines: list[Line]) -> list[_Group]:
    """Authority, post and name lines gathered into signers, in reading order: an authority or
    post line after a complete signer opens the next one; a bare name after it does not (page
    text under the signature: 'Thủ Tục Hành Chính'). A recipient's line ('KT VB (Bộ TP);') is
    no authority."""
    groups: list[_Group] = []
    cur: Optional[_Group] = None
    pending: Optional[Line] = None       # a prefix alone on its line: 'TL.' / 'CỤC TRƯỞNG'
    for ln in lines:
        text = ln.text.strip()
        if not text or SIGNED.match(text):
            continue
        if BARE_PREFIX.match(text):
            pending = ln
            continue
        if pending is not None:
            ln, pending = Line(pending.start, ln.end, f"{pending.text.strip()} {text}"), None
            text = ln.text
        if cur is not None and cur.name is None and _wrapped(cur, ln):
            continue
        if SIGN_PREFIX.match(text) and not text.endswith(";"):
            if cur is None or cur.title or cur.name:
                cur = _Group()
                groups.append(cur)
            cur.authority.append(ln)
        elif _is_post(text, cur):
            if cur is not None and cur.title is not None and cur.name is None and is_position(text) \
                    and not is_position(cur.title.text):
                cur.authority.append(cur.title)    # 'KT. TRƯỞNG BAN NGHIỆP VỤ' / 'THUẾ HQ' / 'PHÓ TRƯỞNG BAN'
            elif cur is None or cur.title or cur.name:
                cur = _Group()
                groups.append(cur)
            cur.title = ln
        elif _is_name(text) and (not text.isupper() or (cur is not None and cur.title is not None)):
            # a name in capitals only under a post ('Ý KIẾN LÃNH ĐẠO' is no name)
            if cur is None:
                cur = _Group()
                groups.append(cur)
            if cur.name is None:
                cur.name = ln
    return _merge_split(groups)


def _wrapped(group: _Group, ln: Line) -> bool:
    """Join a line that continues the group's last authority or post line, broken in its cell
    ('TM. ỦY BAN' / 'NHÂN DÂN', 'KT. BỘ TRƯỞNG,' / 'CHỦ NHIỆM', 'PHÓ CHÁNH VĂN' / 'PHÒNG')."""
    last = group.title if group.title is not None else (group.authority[-1] if group.authority else None)
    text = ln.text.strip()
    if last is None or SIGN_PREFIX.match(text) or not mostly_capitals(text):
        return False
    before = last.text.rstrip()
    joined_by_mark = before.endswith((",", " VÀ", "&"))
    if not (joined_by_mark or (not is_position(text) and broken_phrase(before, text))):
        return False        # a post of its own ('TM. SỞ NỘI VỤ' / 'TRƯỞNG BAN') is the next line's
    joined = Line(last.start, ln.end, f"{before} {text}")
    if group.title is not None:
        group.title = joined
    else:
        group.authority[-1] = joined
    return True


def _merge_split(groups: list[_Group]) -> list[_Group]:
    """A converted Word table can put the authority line in one column and the post and name
    under another: one authority without a name and one name without an authority are one signer."""
    heads = [g for g in groups if g.authority and g.name is None and g.title is None]
    tails = [g for g in groups if g.name is not None and not g.authority]
    if len(heads) != 1 or len(tails) != 1:
        return groups
    head, tail = heads[0], tails[0]
    head.title, head.name = tail.title, tail.name
    return [g for g in groups if g is not tail]


def authority_case(text: str) -> str:
    """'KT. BỘ TRƯỞNG, CHỦ NHIỆM' → 'KT. Bộ trưởng, Chủ nhiệm'; 'TM. ỦY BAN NHÂN DÂN' → 'TM. Ủy ban nhân dân'."""
    text = " ".join(text.split())
    m = _PREFIX.match(text)
    if not m or not mostly_capitals(text):
        return proper_case(text)
    prefix, rest = text[:m.end()].strip(), text[m.end():]
    posts = [p.strip() for p in rest.split(",")]
    if all(is_position(p) for p in posts):
        return f"{prefix} " + ", ".join(_post_value(p) for p in posts)
    return f"{prefix} {proper_case(rest)}"


def _post_value(text: str) -> str:
    """A post in the vocabulary's spelling, also when OCR garbled its marks ('PHÓ TÔNG BIÊN TẬP')."""
    return position_case(known_position(text) or text)


def _name_value(text: str) -> str:
    m = match_name(text)
    value = text[m.start(1):m.end(1)]
    return " ".join(w.capitalize() for w in value.split()) if value.isupper() else value


def extract_signers(doc: SegmentedDoc, found) -> list[Signer]:
    if not doc.signature:
        return []
    out = []
    for n, g in enumerate(_groups(doc.signature.lines), 1):
        lines = g.lines
        complete = g.name is not None and (g.authority or g.title is not None)
        spans = {}
        if g.authority:
            spans["signing_authority"] = (g.authority[0].start, g.authority[-1].end)
            spans["first_authority"] = (g.authority[0].start, g.authority[0].end)
        if g.title is not None:
            spans["signer_title"] = (g.title.start, g.title.end)
        if g.name is not None:
            m = match_name(g.name.text)
            spans["signer_name"] = (g.name.start + m.start(1), g.name.start + m.end(1))
        out.append(Signer(
            order=n,
            signer_name=_name_value(g.name.text) if g.name is not None else None,
            signer_title=_post_value(g.title.text.strip()) if g.title is not None else None,
            signing_authority=" ".join(authority_case(a.text) for a in g.authority) or None,
            start=min(ln.start for ln in lines), end=max(ln.end for ln in lines),
            confidence=0.9 if complete else 0.6, spans=spans))
    return out


def extract(doc: SegmentedDoc, found) -> list[FieldValue]:
    """The first signer's fields (with the lines they come from), and the body it signs for (TM.)."""
    signers = found.get("signers") or []
    if not signers:
        return []
    first = signers[0]
    out = [FieldValue(name, getattr(first, name), *first.spans[name], first.confidence, "signature")
           for name in ("signing_authority", "signer_title", "signer_name") if name in first.spans]
    if "first_authority" in first.spans:
        start, end = first.spans["first_authority"]
        line = doc.text[start:end].strip()
        tm = _TM.match(line)
        if tm:
            out.append(FieldValue("signed_for_body", proper_case(line[tm.end():]), start, end, 0.7, "signature TM."))
    return out
