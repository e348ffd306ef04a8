"""Links between the records of two extractors, as a step of its own after both ran.

Deadlines → assignee: a deadline belongs to the assignment whose span holds it — the assignments
extractor reads the sentence's subject ('Bộ Công Thương chủ trì … trước ngày 30/9/2024'), the unit
heading above ('2. Sở Tài chính: a) …') and the task table's row, and spans the line it read it
from. The innermost such assignment wins, and among equal spans the lead over the support.
Only the records in `found` are read: neither extractor depends on the other's run order.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from extractors.deadlines import Deadline

ROLE_RANK = {"lead": 0, "execute": 1, "support": 2}      # 'member' rows name people of a group, not owners


def deadline_assignees(doc, found: Mapping[str, list]) -> list[Deadline]:
    """The deadlines found, each with the assignee of the assignment around it (copies: the scan is
    shared). One sweep over both sorted by start, keeping only the assignments still open, so a
    long plan costs n log n, not deadlines × assignments."""
    owners = sorted((a for a in found.get("assignments", []) if a.role in ROLE_RANK and a.assignee),
                    key=lambda a: a.start)
    deadlines = found.get("deadlines", [])
    out: list = list(deadlines)
    open_: list = []
    i = 0
    for k in sorted(range(len(deadlines)), key=lambda k: deadlines[k].start):
        at = deadlines[k].start
        while i < len(owners) and owners[i].start <= at:
            open_.append(owners[i])
            i += 1
        open_ = [a for a in open_ if a.end > at]
        if open_:
            best = min(open_, key=lambda a: (a.end - a.start, ROLE_RANK[a.role]))
            out[k] = replace(deadlines[k], assignee=best.assignee)
    return out
