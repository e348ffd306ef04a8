"""`vanban report`: one self-contained HTML page about an archive (no network: styles, script and
data inline) — counts by type, issuer and year; how often each field was found; the deadlines
ahead on a timeline; targets by issuer; the citation graph with search and filters.

Every figure comes from a query on the run's database (`pipeline.sql`), so the page and
`vanban query` agree.
"""
from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import Any, Optional

from pipeline import sql
from pipeline.graph.exports import model, template, widget

TOP = 15              # rows of each "by …" table
UPCOMING = 60         # deadlines listed under the timeline

QUERIES = {
    "by_type": "SELECT coalesce(doc_type, '(none)'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1",
    "by_issuer": "SELECT coalesce(issuing_body, '(none)'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1",
    "by_year": "SELECT coalesce(CAST(year(issue_date) AS VARCHAR), '(no date)'), count(*) FROM documents "
               "GROUP BY 1 ORDER BY 1",
    "problems": "SELECT stage, severity, count(*), count(DISTINCT source_path) FROM errors "
                "GROUP BY 1, 2 ORDER BY 3 DESC",
    # dated deadlines whose interval has not ended on the reference day; recurring ones have no interval
    "upcoming": "SELECT due_start, due_end, due, task, assignee, so_hieu, source_path FROM deadlines "
                "WHERE due_end >= ? ORDER BY due_start, due_end, source_path, start",
    # percentages and counts apart: a sum across them (or across units) means nothing
    "targets": """SELECT coalesce(d.issuing_body, '(none)') AS issuer, count(DISTINCT t.doc_id), count(*),
                         count(*) FILTER (WHERE t.is_percent), count(*) FILTER (WHERE NOT t.is_percent),
                         list(DISTINCT lower(t.unit) ORDER BY lower(t.unit)) FILTER (WHERE t.is_percent)
                  FROM targets t JOIN documents d USING (doc_id) GROUP BY 1 ORDER BY 3 DESC, 1""",
}


def _table(headers: list[str], rows: list[tuple], bar: Optional[int] = None) -> str:
    """An HTML table; with `bar`, that column's numbers also drawn as bars."""
    top = max((r[bar] for r in rows), default=0) if bar is not None else 0
    out = ["<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in headers) + "</tr>"]
    for r in rows:
        cells = []
        for i, v in enumerate(r):
            text = escape("" if v is None else str(v))
            if i == bar and top:
                text = f'<span class="bar" style="width:{100 * v / top:.0f}px"></span> {text}'
            cells.append(f"<td>{text}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join(out + ["</table>"]) if rows else "<p class=none>None.</p>"


def _some(values: Optional[list], n: int = 6) -> str:
    """The first few of a list, and how many more."""
    values = [v for v in values or [] if v]
    return "; ".join(values[:n]) + (f" … (+{len(values) - n})" if len(values) > n else "")


def _field_quality(con: Any) -> list[tuple]:
    total = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    rows = []
    for f in sql.DOCUMENT_FIELDS:
        found = con.execute(f"SELECT count({f}) FROM documents").fetchone()[0]
        rows.append((f, found, total - found, f"{100 * found / total:.0f}%" if total else "–"))
    return rows


def _timeline(rows: list[tuple], as_of: dt.date) -> str:
    """An SVG line from the reference day to the last deadline, one mark per deadline interval."""
    if not rows:
        return "<p class=none>No dated deadline ahead.</p>"
    last = max(r[1] for r in rows)
    span = max(1, (last - as_of).days)
    width, left = 900, 20

    def x(d: dt.date) -> float:
        return left + width * max(0, (d - as_of).days) / span

    marks = []
    for i, (start, end, due, task, who, so_hieu, path) in enumerate(rows):
        y = 30 + (i % 6) * 9
        tip = escape(f"{due}: {task or ''} — {who or ''} ({so_hieu or path})")
        marks.append(f'<rect x="{x(start):.1f}" y="{y}" width="{max(2.0, x(end) - x(start)):.1f}" height="6">'
                     f"<title>{tip}</title></rect>")
    ticks = []
    for year in range(as_of.year, last.year + 1):
        d = max(as_of, dt.date(year, 1, 1))
        ticks.append(f'<line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="18" y2="90"/>'
                     f'<text x="{x(d) + 3:.1f}" y="14">{d.isoformat() if d == as_of else year}</text>')
    return (f'<svg class="timeline" viewBox="0 0 {width + 2 * left} 95" role="img">'
            + "".join(ticks) + "".join(marks) + "</svg>")


def build(tables: Path, as_of: Optional[dt.date] = None) -> str:
    """The page for the run in `tables`, deadlines counted from `as_of` (default: today)."""
    as_of = as_of or dt.date.today()
    con = sql.connect(tables)
    try:
        q = {k: con.execute(v, [as_of] if "?" in v else []).fetchall() for k, v in QUERIES.items()}
        quality = _field_quality(con)
        n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()
    css, graph = widget(*model(tables))
    upcoming = q["upcoming"]
    sections = {
        "SUMMARY": f"{n_docs} documents · {len(upcoming)} deadlines from {as_of.isoformat()} on",
        "BY_TYPE": _table(["type", "documents"], q["by_type"][:TOP], bar=1),
        "BY_ISSUER": _table(["issuing body", "documents"], q["by_issuer"][:TOP], bar=1),
        "BY_YEAR": _table(["year", "documents"], q["by_year"], bar=1),
        "QUALITY": _table(["field", "found", "not found", "found %"], quality, bar=1),
        "PROBLEMS": _table(["stage", "severity", "rows", "files"], q["problems"]),
        "TIMELINE": _timeline(upcoming, as_of),
        "UPCOMING": _table(["from", "to", "due", "task", "assignee", "document", "file"],
                           [(s, e, due, (t or "")[:120], *rest) for s, e, due, t, *rest in upcoming[:UPCOMING]]),
        "TARGETS": _table(["issuing body", "documents", "targets", "percentage targets", "count targets",
                           "what the percentages are of"], [(*r[:5], _some(r[5])) for r in q["targets"][:TOP]], bar=2),
    }
    page = template("report.html").replace("/*GRAPH_CSS*/", css).replace("<!--GRAPH-->", graph)
    for key, html in sections.items():
        page = page.replace(f"<!--{key}-->", html)
    return page
