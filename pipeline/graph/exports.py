"""Exports of the citation graph: GraphML, Graphviz DOT, and a self-contained HTML page whose
template lives in `pipeline/templates/` (the page also goes into `vanban report`)."""
from __future__ import annotations

import json
from pathlib import Path, PurePath
from xml.sax.saxutils import escape, quoteattr

from pipeline.output import read_rows

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _label(d: dict) -> str:
    """A document's number as its label; without one, its type and date (the file name, which
    says nothing to a reader, only as a last resort)."""
    if d.get("so_hieu"):
        return d["so_hieu"]
    named = " ".join(str(x) for x in (d.get("doc_type"), d.get("issue_date")) if x)
    return named or PurePath(d.get("source_path") or "").stem


def model(tables: Path) -> tuple[list[dict], list[dict]]:
    """(nodes, edges): archive documents and cited documents outside the archive; citing → cited."""
    nodes = [{"id": d["doc_id"], "label": _label(d), "kind": "archive", "type": d.get("doc_type"),
              "date": d.get("issue_date"), "issuer": d.get("issuing_body"), "title": d.get("title"),
              "path": d.get("source_path")} for d in read_rows(tables, "documents")]
    for c in read_rows(tables, "cited_documents"):
        if not c.get("doc_id"):
            label = c.get("cited_symbol") or c["cited_key"].partition("@")[0]
            nodes.append({"id": c["cited_key"], "label": label, "kind": "cited", "type": c.get("cited_type"),
                          "date": c.get("cited_date"), "issuer": c.get("cited_issuer"), "title": None, "path": None})
    for n in nodes:
        n["year"] = (n["date"] or "")[:4] or None
    edges = [{"source": e["doc_id"], "target": e.get("cited_doc_id") or e["cited_key"], "relation": e["relation"],
              "count": e["count"]} for e in read_rows(tables, "citation_edges")]
    return nodes, edges


NODE_ATTRS = ("label", "kind", "type", "date", "issuer", "title", "path")


def to_graphml(nodes: list[dict], edges: list[dict]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    out += [f'  <key id="{a}" for="node" attr.name="{a}" attr.type="string"/>' for a in NODE_ATTRS]
    out += ['  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
            '  <key id="count" for="edge" attr.name="count" attr.type="int"/>',
            '  <graph id="citations" edgedefault="directed">']
    for n in nodes:
        data = "".join(f'<data key="{a}">{escape(str(n[a]))}</data>' for a in NODE_ATTRS if n.get(a))
        out.append(f"    <node id={quoteattr(n['id'])}>{data}</node>")
    for e in edges:
        out.append(f"    <edge source={quoteattr(e['source'])} target={quoteattr(e['target'])}>"
                   f'<data key="relation">{e["relation"]}</data><data key="count">{e["count"]}</data></edge>')
    out += ["  </graph>", "</graphml>"]
    return "\n".join(out) + "\n"


EDGE_STYLE = {"implements": "solid", "based_on": "bold", "mentions": "dashed"}


def to_dot(nodes: list[dict], edges: list[dict]) -> str:
    def q(s: str) -> str:     # a JSON string (kept in UTF-8) is a valid DOT quoted string
        return json.dumps(s, ensure_ascii=False)

    out = ["digraph citations {", "  rankdir=LR;", "  node [fontname=Helvetica, fontsize=10];"]
    for n in nodes:
        shape = "box" if n["kind"] == "archive" else "ellipse"
        out.append(f"  {q(n['id'])} [label={q(n['label'])}, shape={shape}];")
    for e in edges:
        out.append(f"  {q(e['source'])} -> {q(e['target'])} [label={q(e['relation'])}, "
                   f"style={EDGE_STYLE.get(e['relation'], 'solid')}];")
    out.append("}")
    return "\n".join(out) + "\n"


def template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def as_script_json(data: object) -> str:
    """JSON that can sit inside a <script> element."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def widget(nodes: list[dict], edges: list[dict]) -> tuple[str, str]:
    """(CSS, HTML) of the interactive graph, data and script inline."""
    html = template("graph_widget.html").replace("/*GRAPH_JS*/", template("graph.js")).replace(
        "/*GRAPH_DATA*/null", as_script_json({"nodes": nodes, "edges": edges}))
    return template("graph.css"), html


def to_html(nodes: list[dict], edges: list[dict]) -> str:
    """One self-contained page (no network): the graph with search and filters."""
    css, html = widget(nodes, edges)
    return template("graph.html").replace("/*GRAPH_CSS*/", css).replace("/*GRAPH_WIDGET*/", html).replace(
        "/*COUNTS*/", f"{len(nodes)} documents, {len(edges)} citations")


def export(nodes: list[dict], edges: list[dict], fmt: str) -> str:
    return {"graphml": to_graphml, "dot": to_dot, "html": to_html}[fmt](nodes, edges)
