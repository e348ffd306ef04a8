"""Số hiệu (number and symbol) grammar, shared by the header and citation extractors.

Forms, each with an example:
- legal, with a year: `98/2014/NĐ-CP`, `72/2025/QH15`, older `144/2002/QĐ/BTC`
- Party and Đoàn, number-TYPE/ISSUER[-DEPT]: `25-NQ/TW`, `95-KH/TĐTN-BTCKT`; tolerated noise:
  `95 -KH/TĐTN-BTCKT`, `19 – KL/TU`, `298 KH/TWĐTN`, `18/KH/TĐTN-CTĐTTN`, `03-NQ-TWĐTN-BTC`
- State, number/TYPE-ISSUER[-…]: `20/KH-UBND`, `1348/QCPH-UBND-TĐTN`, `01/TTr-CT05`
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

CODE = r"\p{Lu}[\p{Lu}\p{Ll}\d&]{0,9}"        # KH, CTr, QyĐ, TTg, CT05, GD&ĐT
_CODES = rf"{CODE}(?:[ ]?[-–—][ ]?{CODE}){{0,4}}"
_LEGAL_CODES = rf"{CODE}(?:[ ]?[-–—/][ ]?{CODE}){{0,4}}"      # older: '144/2002/QĐ/BTC'

SYMBOL = regex.compile(
    r"(?<![\p{L}\d/.])(?P<num>\d{1,5})"
    r"(?:"
    rf"[ ]{{0,2}}/[ ]{{0,2}}(?P<year>(?:19|20)\d{{2}})[ ]{{0,2}}[/-][ ]{{0,2}}(?P<lcode>{_LEGAL_CODES})"
    rf"|(?:[ ]{{0,2}}[-–—][ ]{{0,2}}|[ ]{{1,2}}|[ ]{{0,2}}/[ ]{{0,2}}(?={CODE}[ ]{{0,2}}/))"
    rf"(?P<ptype>{CODE})[ ]{{0,2}}(?:/|-(?=[ ]?\p{{Lu}}{{2}}[\p{{Lu}}\p{{Ll}}]{{0,8}}ĐTN|TW\b|TU\b))[ ]{{0,2}}(?P<pissuer>{_CODES})"
    rf"|[ ]{{0,2}}/[ ]{{0,2}}(?P<scode>{CODE}(?:[ ]?[-–—][ ]?{CODE}){{1,5}})"
    r")(?![\p{L}\d])"
)
_DASHES = regex.compile(r"[ ]{0,2}[-–—][ ]{0,2}")


@dataclass(frozen=True)
class Symbol:
    number: str
    type_code: Optional[str]
    issuer: Optional[str]
    year: Optional[str]
    canonical: str
    system: str          # legal | party | state


def _codes(s: str) -> str:
    return _DASHES.sub("-", s).replace(" ", "")


def parse(m: "regex.Match") -> Symbol:
    """Canonical form of a SYMBOL match: no spaces, ASCII hyphens, `/` before the issuer."""
    num = m.group("num")
    if m.group("year"):
        codes = _codes(m.group("lcode"))
        type_code = codes.split("-")[0] if "-" in codes else None
        return Symbol(num, type_code, codes, m.group("year"), f"{num}/{m.group('year')}/{codes}", "legal")
    if m.group("ptype"):
        issuer = _codes(m.group("pissuer"))
        return Symbol(num, m.group("ptype"), issuer, None, f"{num}-{m.group('ptype')}/{issuer}", "party")
    codes = _codes(m.group("scode"))
    type_code, _, issuer = codes.partition("-")
    return Symbol(num, type_code, issuer, None, f"{num}/{codes}", "state")


def find_symbols(text: str, start: int = 0, end: Optional[int] = None):
    """Yield (match, Symbol) for each document number in text[start:end]."""
    for m in SYMBOL.finditer(text, start, len(text) if end is None else end):
        yield m, parse(m)
