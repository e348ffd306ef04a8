"""Links between the records of two extractors, as a step of its own after both ran.

Deadlines → assignee: a deadline belongs to the assignment whose span holds it — the assignments
extractor reads the sentence's subject ('Bộ Công Thương chủ trì … trước ngày 30/9/2024'), the unit
heading above ('2. Sở Tài chính: a) …') and the task table's row, and spans the line it read it
from. The innermost such assignment wins, and among equal spans the lead over the support.
Only the records in `found` are read: neither extractor depends on the other's run order.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import Mapping

from extractors.deadlines import Deadline

ROLE_RANK = {"lead": 0, "execute": 1, "support": 2}      # 'member' rows name people of a group, not owners


def deadline_assignees(doc, found: Mapping[str, list]) -> list[Deadline]:
    """The deadlines found, each with the assignee of the assignment around it (copies: the scan is shared)."""
    owners = sorted((a for a in found.get("assignments", []) if a.role in ROLE_RANK and a.assignee),
                    key=lambda a: a.start)
    starts = [a.start for a in owners]
    out = []
    for dl in found.get("deadlines", []):
        # assignments that start before the deadline; most are lines, so only a few end after it
        around = [a for a in owners[:bisect_right(starts, dl.start)] if dl.start < a.end]
        best = min(around, key=lambda a: (a.end - a.start, ROLE_RANK[a.role]), default=None)
        out.append(replace(dl, assignee=best.assignee) if best else dl)
    return out
