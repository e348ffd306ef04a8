"""The `commitments` view of one plan: target → scope → period / deadline → assignee, one line each,
then the deadlines that carry no target (schedule entries, reporting dates)."""
from __future__ import annotations

from typing import Mapping

from rich.table import Table


def _line_of(text: str, offset: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    return lo, len(text) if hi < 0 else hi


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _quantity(t) -> str:
    q = _fmt(t.value) + ("" if t.value_max is None else f"–{_fmt(t.value_max)}")
    q += "%" if t.is_percent else ("" if t.denominator is None else f"/{_fmt(t.denominator)}")
    sign = {"at_least": "≥ ", "at_most": "≤ "}.get(t.comparator, "")
    return f"{sign}{q} {t.unit or ''}".strip()


def commitment_rows(found: Mapping[str, list], text: str) -> list[dict]:
    """Plain rows for the view: targets with the deadline and assignee of their line, then the other deadlines."""
    deadlines, assignments = found.get("deadlines", []), found.get("assignments", [])
    rows, used = [], set()
    for t in found.get("targets", []):
        if t.kind == "limit":       # a ceiling or condition, not a commitment
            continue
        lo, hi = _line_of(text, t.start)
        dls = [d for d in deadlines if lo <= d.start < hi]
        used.update(id(d) for d in dls)
        who = [a for a in assignments if a.start <= t.start < a.end and a.role != "member"]
        rows.append({"target": _quantity(t), "scope": t.scope, "when": ", ".join(
            x for x in [t.period, *(d.due for d in dls if d.due)] if x) or None,
            "assignee": who[0].assignee if who else None, "section": t.section})
    for d in deadlines:
        if id(d) not in used and d.due:
            span = f"{d.due_start} – {d.due}" if d.due_start else d.due     # a range: start – end
            rows.append({"target": d.task[:60], "scope": None, "when": span + (
                f" ({d.recurrence})" if d.recurrence != "none" else ""), "assignee": d.assignee, "section": d.section})
    return rows


def render(rows: list[dict], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("target", "scope", "period / deadline", "assignee", "section"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(r[k] or "" for k in ("target", "scope", "when", "assignee", "section")))
    return table
