"""Số hiệu (number and symbol) grammar, shared by the header and citation extractors.

Forms, each with an example:
- legal, with a year: `98/2014/NĐ-CP`, `72/2025/QH15`, older `144/2002/QĐ/BTC`
- Party and Đoàn, number-TYPE/ISSUER[-DEPT]: `25-NQ/TW`, `95-KH/TĐTN-BTCKT`; tolerated noise:
  `95 -KH/TĐTN-BTCKT`, `19 – KL/TU`, `298 KH/TWĐTN`, `18/KH/TĐTN-CTĐTTN`, `03-NQ-TWĐTN-BTC`
- State, number/TYPE-ISSUER[-…]: `20/KH-UBND`, `1348/QCPH-UBND-TĐTN`, `01/TTr-CT05`
- Party with a dash for the slash: `15-KH-HU` → `15-KH/HU` (a Party issuer code after the dash)
- the number glued to a known type code: `1105KH-ĐKT` → `1105-KH/ĐKT`
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

CODE = r"\p{Lu}[\p{Lu}\p{Ll}\d&]{0,9}"        # KH, CTr, QyĐ, TTg, CT05, GD&ĐT
_CODES = rf"{CODE}(?:[ ]?[-–—][ ]?{CODE}){{0,4}}"
_LEGAL_CODES = rf"{CODE}(?:[ ]?[-–—/][ ]?{CODE}){{0,4}}"      # older: '144/2002/QĐ/BTC'
# Party issuer codes that may follow the type after a dash instead of a slash: Đoàn '…ĐTN',
# Tỉnh/Huyện/Quận/Thị/Đảng ủy, Trung ương, and the committees' organs ('BTCTW', 'VPTU').
_PARTY_ISSUER = r"(?:\p{Lu}{0,8}(?:ĐTN|TW|TU|HU|QU|ĐU|ĐUK)|ThU|TXU|CB)(?![\p{L}\d])"
# Type codes a number may be glued to ('1105KH-ĐKT'): the common ones only.
_GLUED_TYPES = "|".join(sorted(("KH", "QĐ", "NQ", "CT", "KL", "HD", "TB", "BC", "CV", "TTr", "CTr", "ĐA", "QC"),
                               key=len, reverse=True))

SYMBOL = regex.compile(
    r"(?<![\p{L}\d/.])(?P<num>\d{1,5})"
    r"(?:"
    rf"[ ]{{0,2}}/[ ]{{0,2}}(?P<year>(?:19|20)\d{{2}})[ ]{{0,2}}[/-][ ]{{0,2}}(?P<lcode>{_LEGAL_CODES})"
    rf"|(?:[ ]{{0,2}}[-–—][ ]{{0,2}}|[ ]{{1,2}}|[ ]{{0,2}}/[ ]{{0,2}}(?={CODE}[ ]{{0,2}}/))"
    rf"(?P<ptype>{CODE})[ ]{{0,2}}(?:/|-(?=[ ]?\p{{Lu}}{{2}}[\p{{Lu}}\p{{Ll}}]{{0,8}}ĐTN|[ ]?{_PARTY_ISSUER}))[ ]{{0,2}}(?P<pissuer>{_CODES})"
    rf"|(?P<gtype>{_GLUED_TYPES})[ ]{{0,2}}[-/][ ]{{0,2}}(?P<gissuer>{_CODES})"
    rf"|[ ]{{0,2}}/[ ]{{0,2}}(?P<scode>{CODE}(?:[ ]?[-–—][ ]?{CODE}){{1,5}})"
    r")(?![\p{L}\d])"
)


@dataclass(frozen=True)
class Symbol:
    number: str
    type_code: Optional[str]
    issuer: Optional[str]
    year: Optional[str]
    canonical: str
    system: str          # legal | party | state


def _codes(s: str) -> str:
    """The codes without spaces, their dashes ASCII hyphens ('KH – UBND' → 'KH-UBND'), with str
    methods (a regex substitution per symbol cost as much as the rest of parsing it)."""
    return s.replace(" ", "").replace("–", "-").replace("—", "-")


def parse(m: "regex.Match") -> Symbol:
    """Canonical form of a SYMBOL match: no spaces, ASCII hyphens, `/` before the issuer."""
    num = m.group("num")
    if m.group("year"):
        codes = _codes(m.group("lcode"))
        type_code = codes.split("-")[0] if "-" in codes else None
        return Symbol(num, type_code, codes, m.group("year"), f"{num}/{m.group('year')}/{codes}", "legal")
    ptype = m.group("ptype") or m.group("gtype")
    if ptype:
        issuer = _codes(m.group("pissuer") or m.group("gissuer"))
        return Symbol(num, ptype, issuer, None, f"{num}-{ptype}/{issuer}", "party")
    codes = _codes(m.group("scode"))
    type_code, _, issuer = codes.partition("-")
    return Symbol(num, type_code, issuer, None, f"{num}/{codes}", "state")


def find_symbols(text: str, start: int = 0, end: Optional[int] = None):
    """Yield (match, Symbol) for each document number in text[start:end]."""
    for m in SYMBOL.finditer(text, start, len(text) if end is None else end):
        yield m, parse(m)
