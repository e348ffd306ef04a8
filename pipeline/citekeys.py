"""Citation identity: `cited_key`, one key per cited document, and its join across documents.

Shared by the citations extractor (keys within a document) and the citation graph (the same keys
joined across the archive), so neither imports the other. The scheme:
- with a symbol: the symbol upper-cased, plus `@<year>` of the cited date when known, else
  `@K<term>` when the issuer names a term (`25-NQ/TW@2013`, `25-NQ/TW@K10`), since Party numbering
  restarts every term. A mention with neither takes the one qualifier its symbol has among the
  rows joined; a term key maps to the year key of the same symbol when one mention gives both.
- without a symbol: type and number, `Chỉ thị 3`, `Nghị định 98/2014`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex

from pipeline.symbols import SYMBOL, parse

TERM_END = regex.compile(r"(?i:khóa|khoá)[ ]{1,2}([IVXL]{1,6}|\d{1,2})$")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
# How strong a relation is: an edge takes the strongest of its mentions'.
RELATION_RANK = {"implements": 3, "based_on": 2, "mentions": 1}


def _term_number(term: Optional[str]) -> Optional[int]:
    if not term:
        return None
    if term.isdigit():
        return int(term)
    vals = [ROMAN[c] for c in term]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


@lru_cache(maxsize=4096)
def symbol_key(symbol: str) -> str:
    """Comparable form of a symbol: upper case, ASCII hyphens, no spaces (`25-nq/tw` → `25-NQ/TW`)."""
    m = SYMBOL.fullmatch(symbol.strip())
    return (parse(m).canonical if m else "".join(symbol.split())).upper()


@lru_cache(maxsize=4096)
def qualifier(date: Optional[str], issuer: Optional[str]) -> Optional[str]:
    """`2013` from a cited date, else `K10` from `… khóa X` in the issuer, else None (cached: the
    graph asks it three times for each citation row, of a few distinct values)."""
    if date:
        return date[:4]
    m = TERM_END.search(issuer or "")
    return f"K{_term_number(m.group(1))}" if m else None


@dataclass
class KeyJoin:
    """What `join_keys` learns from a first pass over citation rows: the qualifiers seen per symbol
    and which term ('K12') a dated citation pins to its year."""

    quals: dict[str, set] = field(default_factory=dict)
    alias: dict[tuple, str] = field(default_factory=dict)

    def learn(self, r: dict) -> None:
        if r.get("cited_symbol"):
            s = symbol_key(r["cited_symbol"])
            q = qualifier(r.get("cited_date"), r.get("cited_issuer"))
            term = qualifier(None, r.get("cited_issuer"))
            if q:
                self.quals.setdefault(s, set()).add(q)
            if r.get("cited_date") and term:
                self.alias[(s, term)] = q

    def settle(self) -> None:
        for s, qs in self.quals.items():
            self.quals[s] = {self.alias.get((s, q), q) for q in qs}

    def key(self, r: dict) -> Optional[str]:
        """The final cited_key of a row (after every row was learnt and the join settled)."""
        if not r.get("cited_symbol"):
            if r.get("cited_number"):
                return f"{r.get('cited_type') or ''} {r['cited_number'].lstrip('0') or '0'}".strip()
            return None
        s = symbol_key(r["cited_symbol"])
        q = qualifier(r.get("cited_date"), r.get("cited_issuer"))
        q = self.alias.get((s, q), q)
        if q is None and len(self.quals.get(s, ())) == 1:
            q = next(iter(self.quals[s]))
        return f"{s}@{q}" if q else s


def join_keys(rows: list[dict]) -> dict[int, str]:
    """Index → final cited_key for citation rows (dicts with cited_symbol, cited_date, cited_issuer,
    cited_type, cited_number). See the module docstring for the scheme."""
    join = KeyJoin()
    for r in rows:
        join.learn(r)
    join.settle()
    keys = {i: join.key(r) for i, r in enumerate(rows)}
    return {i: k for i, k in keys.items() if k is not None}
