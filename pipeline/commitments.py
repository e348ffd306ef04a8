"""The `commitments` view of one document: target → scope → period / deadline → assignee, one line
each, then the deadlines that carry no target (schedule entries, reporting dates); and who is
assigned what (a Chỉ thị's units, a task table's rows, a plan's named people), with role and deadline."""
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


TASK_CHARS = 90


def assignment_rows(found: Mapping[str, list]) -> list[dict]:
    """Plain rows for the view: each (assignee, task), in the document's order."""
    rows = []
    for a in found.get("assignments", []):
        who = a.assignee if not a.person_name else f"{a.person_name} ({a.position or a.assignee})"
        task = (a.task or "").strip()
        rows.append({"assignee": who, "role": a.role, "task": task[:TASK_CHARS] + ("…" if len(task) > TASK_CHARS else ""),
                     "deadline": a.deadline, "section": a.section})
    return rows


COLUMNS = {"targets": [("target", "target"), ("scope", "scope"), ("period / deadline", "when"),
                       ("assignee", "assignee"), ("section", "section")],
           "assignments": [("assignee", "assignee"), ("role", "role"), ("task", "task"),
                           ("deadline", "deadline"), ("section", "section")]}


def render(rows: list[dict], title: str, kind: str = "targets") -> Table:
    table = Table(title=title, show_lines=False)
    for header, _ in COLUMNS[kind]:
        table.add_column(header, overflow="fold")
    for r in rows:
        table.add_row(*(r[key] or "" for _, key in COLUMNS[kind]))
    return table
