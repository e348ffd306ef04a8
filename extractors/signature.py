"""Signature block: signing_authority (`TM. Ban Thường vụ Tỉnh Đoàn`), signer_title (`Bí thư`),
signer_name (`Lê Hồng Thắm`); the issuing body falls back to the collective signed for."""
from __future__ import annotations

import regex

from extractors.casing import position_case, proper_case
from extractors.vocab import NOT_NAME_WORDS, POSITIONS
from pipeline.models import FieldValue, SegmentedDoc
from pipeline.segment import SIGN_PREFIX

# '(Đã ký)', 'Đã ký', '(ký, đóng dấu)', '(Ký tên, đóng dấu)', '[daky]'
SIGNED = regex.compile(r"^[ (\[]{0,3}(?:đã[ ]{1,2}ký|ký[ ,]{1,2}(?:tên|đóng dấu|ghi rõ)|daky|ký)[^\n]{0,30}$",
                       regex.IGNORECASE)
# A personal name: 2–6 capitalised syllables, no digits ('Hoàng Thị Thanh Thúy', 'NGUYỄN VĂN A').
NAME = regex.compile(r"^[ ]{0,60}(?:(?:Đ/c|Ông|Bà)[ ]{1,2})?(\p{Lu}[\p{Ll}\p{Lu}]{0,7}(?:[ ]{1,2}\p{Lu}[\p{Ll}\p{Lu}]{0,7}){1,5})[ ]{0,20}$")
_POSITIONS = {k for k in POSITIONS}
_TM = regex.compile(r"^(?:TM|T/M)\b[. ]{0,3}")


def _is_position(text: str) -> bool:
    return " ".join(text.split()).upper() in _POSITIONS


def extract(doc: SegmentedDoc, found) -> list[FieldValue]:
    if not doc.signature:
        return []
    lines = [ln for ln in doc.signature.lines if ln.text.strip()]
    authority, title, name = [], None, None
    for ln in lines:
        text = ln.text.strip()
        if SIGNED.match(text):
            continue
        if SIGN_PREFIX.match(ln.text) and title is None:
            authority.append(ln)
        elif title is None and text.isupper() and (_is_position(text) or authority):
            title = ln
        elif NAME.match(ln.text) and not _is_position(text) \
                and not any(w.lower() in NOT_NAME_WORDS for w in text.split()):
            name = ln
    out: list[FieldValue] = []
    if authority:
        value = " ".join(proper_case(a.text.strip()) for a in authority)
        out.append(FieldValue("signing_authority", value, authority[0].start, authority[-1].end, 0.9, "signature"))
        tm = _TM.match(authority[0].text.strip())
        if tm:
            body = proper_case(authority[0].text.strip()[tm.end():])
            out.append(FieldValue("signed_for_body", body, authority[0].start, authority[0].end, 0.7, "signature TM."))
    if title is not None:
        out.append(FieldValue("signer_title", position_case(title.text.strip()), title.start, title.end, 0.9,
                              "signature"))
    if name is not None:
        m = NAME.match(name.text)
        value = m.group(1)
        if value.isupper():
            value = " ".join(w.capitalize() for w in value.split())
        out.append(FieldValue("signer_name", value, name.start + m.start(1), name.start + m.end(1), 0.9, "signature"))
    return out
