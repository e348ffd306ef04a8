"""The citation graph: archive-wide tables built from the written `citations` and `documents`, the
queries behind `vanban cites` / `vanban cited-by`, and exports (GraphML, DOT, self-contained HTML).

Keys are joined across documents (`extractors.citations.KeyJoin`), so a bare `25-NQ/TW` in one
document meets `25-NQ/TW@2013` of another when that is the only dated form. The tables are built in
passes over the written citations, so memory grows with the cited keys, not with the archive.
"""
from __future__ import annotations

import csv
import json
import math
from collections import Counter
from pathlib import Path, PurePath
from typing import Callable, Iterable, Iterator, Optional
from xml.sax.saxutils import escape, quoteattr

import pyarrow.parquet as pq

from extractors.citations import RELATION_RANK, KeyJoin, join_keys, symbol_key
from pipeline.tables import write_table


def read_rows(tables: Path, name: str, columns: Optional[list[str]] = None) -> list[dict]:
    """A written table as dicts (Parquet, else CSV with empty cells as None), all its columns or
    only `columns`."""
    if (tables / f"{name}.parquet").exists():
        return pq.read_table(tables / f"{name}.parquet", columns=columns).to_pylist()
    if (tables / f"{name}.csv").exists():
        with (tables / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            return [{k: (v if v != "" else None) for k, v in r.items() if columns is None or k in columns}
                    for r in csv.DictReader(f)]
    return []


def with_keys(citations: list[dict]) -> list[dict]:
    """Citation rows with `cited_key` joined across the whole archive."""
    keys = join_keys(citations)
    return [{**r, "cited_key": keys.get(i, r.get("cited_key"))} for i, r in enumerate(citations)]


def _archive_doc(symbol: Optional[str], key: str, by_symbol: dict[str, list[dict]]) -> Optional[str]:
    """doc_id of the archive document with this number (and the key's year, when both are known)."""
    if not symbol:
        return None
    year = key.rpartition("@")[2] if "@" in key and key.rpartition("@")[2].isdigit() else None
    docs = [d for d in by_symbol.get(symbol_key(symbol), [])
            if not (year and d.get("issue_date")) or d["issue_date"][:4] == year]
    return docs[0]["doc_id"] if len(docs) == 1 else None


_DESCRIBED = ("cited_type", "cited_number", "cited_symbol", "cited_date", "cited_issuer")


class _Cited:
    """One cited document as the archive's citations describe it: the counts of each value they
    give (the most common stands for it) and how many documents cite it."""

    def __init__(self) -> None:
        self.values = {f: Counter() for f in _DESCRIBED}
        self.cited_by, self._last_doc = 0, None

    def add(self, r: dict) -> None:
        for f, counts in self.values.items():
            if r.get(f):
                counts[r[f]] += 1
        if r["doc_id"] != self._last_doc:      # a document's rows come together
            self.cited_by, self._last_doc = self.cited_by + 1, r["doc_id"]

    def most_common(self, f: str) -> Optional[str]:
        return self.values[f].most_common(1)[0][0] if self.values[f] else None


Citations = Callable[[], Iterable[dict]]     # reads the citation rows anew on each call


def build(citations: Citations, documents: list[dict]) -> tuple[Iterator[dict], list[dict]]:
    """(citation_edges, cited_documents) rows. `citations` gives the rows in table order, a
    document's rows together; it is read three times (the key join, each key's description, the
    edges document by document), so memory holds one entry per cited key, not per citation."""
    join = KeyJoin()
    for r in citations():
        join.learn(r)
    join.settle()

    def key_of(r: dict) -> Optional[str]:
        key = join.key(r)
        return r.get("cited_key") if key is None else key

    described: dict[str, _Cited] = {}
    for r in citations():
        key = key_of(r)
        if key:
            if key not in described:
                described[key] = _Cited()
            described[key].add(r)
    by_symbol: dict[str, list[dict]] = {}
    for d in documents:
        if d.get("so_hieu") and d["so_hieu"][:1].isdigit():
            by_symbol.setdefault(symbol_key(d["so_hieu"]), []).append(d)
    archive_id = {key: _archive_doc(c.most_common("cited_symbol"), key, by_symbol) for key, c in described.items()}
    cited = [{"cited_key": key, **{f: c.most_common(f) for f in _DESCRIBED}, "cited_by": c.cited_by,
              "doc_id": archive_id[key]} for key, c in described.items()]
    return _edges(citations, key_of, archive_id), sorted(cited, key=lambda c: (-c["cited_by"], c["cited_key"]))


def _edges(citations: Citations, key_of: Callable[[dict], Optional[str]],
           archive_id: dict[str, Optional[str]]) -> Iterator[dict]:
    """One edge per (document, cited key), a document's edges as soon as its rows end."""
    edges: dict[str, dict] = {}
    doc = None
    for r in citations():
        if r["doc_id"] != doc:
            yield from edges.values()
            edges, doc = {}, r["doc_id"]
        key = key_of(r)
        if not key:
            continue
        e = edges.setdefault(key, {
            "doc_id": r["doc_id"], "cited_key": key, "relation": r["relation"], "count": 0,
            "first_start": r["start"], "cited_doc_id": archive_id[key]})
        e["count"] += 1
        e["first_start"] = min(e["first_start"], r["start"])
        if RELATION_RANK.get(r["relation"], 0) > RELATION_RANK.get(e["relation"], 0):
            e["relation"] = r["relation"]     # the strongest relation stands for the pair
    yield from edges.values()


CITATION_COLUMNS = ["doc_id", "cited_type", "cited_number", "cited_symbol", "cited_date", "cited_issuer",
                    "relation", "cited_key", "start"]


def build_tables(out_dir: Path) -> dict[str, int]:
    """Post-pass of `vanban run`: writes citation_edges and cited_documents."""
    path = out_dir / "citations.parquet"

    def citations() -> Iterator[dict]:
        # batch by batch, only the columns the graph needs: the mentions' text would cost memory
        if path.exists():
            for batch in pq.ParquetFile(path).iter_batches(batch_size=4096, columns=CITATION_COLUMNS):
                yield from batch.to_pylist()

    edges, cited = build(citations, read_rows(out_dir, "documents", ["doc_id", "so_hieu", "issue_date"]))
    return {"citation_edges": write_table(out_dir, "citation_edges", edges),
            "cited_documents": write_table(out_dir, "cited_documents", cited)}


# ---------------------------------------------------------------- queries
def find_document(documents: list[dict], ref: str) -> Optional[dict]:
    """A document by doc_id, source path, or file stem."""
    for d in documents:
        path = d.get("source_path") or ""
        if ref in (d["doc_id"], path, PurePath(path).name, PurePath(path).stem) \
                or PurePath(ref).as_posix().endswith("/" + path):
            return d
    return None


def cites(tables: Path, ref: str) -> Optional[tuple[dict, list[dict]]]:
    """(document, its edges joined with the cited documents), strongest relation first."""
    docs = read_rows(tables, "documents")
    doc = find_document(docs, ref)
    if doc is None:
        return None
    cited = {c["cited_key"]: c for c in read_rows(tables, "cited_documents")}
    paths = {d["doc_id"]: d.get("source_path") for d in docs}
    out = [{**cited.get(e["cited_key"], {}), **e, "cited_path": paths.get(e.get("cited_doc_id"))}
           for e in read_rows(tables, "citation_edges") if e["doc_id"] == doc["doc_id"]]
    return doc, sorted(out, key=lambda e: (-RELATION_RANK.get(e["relation"], 0), e["first_start"]))


def cited_by(tables: Path, query: str) -> dict[str, list[dict]]:
    """cited_key → the citation rows (with their document's path and number) citing the document
    named by `query` (a symbol in any spelling, or a key such as `25-NQ/TW@2013`, `Chỉ thị 3`)."""
    docs = {d["doc_id"]: d for d in read_rows(tables, "documents")}
    by_symbol = query[:1].isdigit() and "@" not in query     # every key of that symbol
    want = symbol_key(query) if by_symbol else query
    out: dict[str, list[dict]] = {}
    for r in with_keys(read_rows(tables, "citations")):
        key = r.get("cited_key") or ""
        if (symbol_key(r["cited_symbol"]) if by_symbol and r.get("cited_symbol") else key) == want:
            d = docs.get(r["doc_id"], {})
            out.setdefault(key, []).append({**r, "source_path": d.get("source_path"), "so_hieu": d.get("so_hieu")})
    return out


# ---------------------------------------------------------------- exports
def model(tables: Path) -> tuple[list[dict], list[dict]]:
    """(nodes, edges): archive documents and cited documents outside the archive; citing → cited."""
    docs = read_rows(tables, "documents")
    nodes = [{"id": d["doc_id"], "label": d.get("so_hieu") or PurePath(d.get("source_path") or "").stem,
              "kind": "archive", "type": d.get("doc_type"), "date": d.get("issue_date"),
              "title": d.get("title"), "path": d.get("source_path")} for d in docs]
    for c in read_rows(tables, "cited_documents"):
        if not c.get("doc_id"):
            nodes.append({"id": c["cited_key"], "label": c["cited_key"], "kind": "cited", "type": c.get("cited_type"),
                          "date": c.get("cited_date"), "title": c.get("cited_issuer"), "path": None})
    edges = [{"source": e["doc_id"], "target": e.get("cited_doc_id") or e["cited_key"], "relation": e["relation"],
              "count": e["count"]} for e in read_rows(tables, "citation_edges")]
    return nodes, edges


NODE_ATTRS = ("label", "kind", "type", "date", "title", "path")


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


def to_html(nodes: list[dict], edges: list[dict]) -> str:
    """One self-contained page: inline SVG laid out by a small force simulation (no network)."""
    # starting positions on a circle; the page's script relaxes them
    for i, n in enumerate(nodes):
        a = 2 * math.pi * i / max(1, len(nodes))
        n["x"], n["y"] = 500 + 300 * math.cos(a), 400 + 300 * math.sin(a)
    data = json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False).replace("</", "<\\/")
    return HTML_PAGE.replace("/*DATA*/null", data).replace("{{N}}", str(len(nodes))).replace(
        "{{E}}", str(len(edges)))


HTML_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Citation graph</title>
<style>
body{font-family:Helvetica,Arial,sans-serif;margin:0;background:#fafafa}
header{padding:8px 14px;background:#24323f;color:#fff;font-size:14px}
svg{width:100vw;height:calc(100vh - 90px);display:block;cursor:grab}
.archive rect{fill:#dbe9f7;stroke:#2a6fb0}.cited ellipse{fill:#fff4d6;stroke:#b0862a}
.node text{font-size:11px;pointer-events:none}.node{cursor:pointer}
.edge{stroke:#777;fill:none;marker-end:url(#arrow)}.implements{stroke:#2a8f4a}.based_on{stroke:#a33;stroke-width:2}
.mentions{stroke-dasharray:4 3}.dim{opacity:.12}
#info{padding:6px 14px;font-size:13px;min-height:20px;background:#fff;border-top:1px solid #ddd}
</style></head><body>
<header>Citation graph — {{N}} documents, {{E}} citations. Boxes: documents in the archive; ellipses: cited
documents outside it. Green: implements, red: based on, dashed: mentions. Drag nodes; click one to highlight.</header>
<svg id="g"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7"
orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#777"/></marker></defs><g id="view"></g></svg>
<div id="info">Click a node.</div>
<script>
const G=/*DATA*/null, NS="http://www.w3.org/2000/svg", view=document.getElementById("view");
const byId={}; G.nodes.forEach(n=>{byId[n.id]=n;n.vx=0;n.vy=0;});
const E=G.edges.filter(e=>byId[e.source]&&byId[e.target]);
function el(t,a,p){const x=document.createElementNS(NS,t);for(const k in a)x.setAttribute(k,a[k]);(p||view).appendChild(x);return x;}
E.forEach(e=>e.el=el("line",{class:"edge "+e.relation}));
G.nodes.forEach(n=>{
  n.g=el("g",{class:"node "+n.kind});
  const w=Math.max(40,n.label.length*6.4+12);
  if(n.kind==="archive")el("rect",{x:-w/2,y:-11,width:w,height:22,rx:4},n.g);else el("ellipse",{rx:w/2,ry:12},n.g);
  el("text",{"text-anchor":"middle",y:4},n.g).textContent=n.label;n.w=w;
  el("title",{},n.g).textContent=[n.label,n.type,n.date,n.title,n.path].filter(Boolean).join("\\n");
  n.g.addEventListener("mousedown",ev=>{drag=n;ev.stopPropagation();});
  n.g.addEventListener("click",()=>select(n));
});
function select(n){
  const near=new Set([n.id]);E.forEach(e=>{if(e.source===n.id)near.add(e.target);if(e.target===n.id)near.add(e.source);});
  G.nodes.forEach(m=>m.g.classList.toggle("dim",!near.has(m.id)));
  E.forEach(e=>e.el.classList.toggle("dim",e.source!==n.id&&e.target!==n.id));
  const out=E.filter(e=>e.source===n.id).map(e=>e.relation+" → "+byId[e.target].label);
  const inn=E.filter(e=>e.target===n.id).map(e=>byId[e.source].label+" "+e.relation);
  document.getElementById("info").textContent=n.label+(n.type?" ("+n.type+")":"")+
    (out.length?" | cites: "+out.join(", "):"")+(inn.length?" | cited by: "+inn.join(", "):"");
}
let drag=null,pan=null,ox=0,oy=0;const svg=document.getElementById("g");
function pt(ev){const r=svg.getBoundingClientRect();return[ev.clientX-r.left-ox,ev.clientY-r.top-oy];}
svg.addEventListener("mousedown",ev=>{pan=[ev.clientX-ox,ev.clientY-oy];});
window.addEventListener("mousemove",ev=>{
  if(drag){[drag.x,drag.y]=pt(ev);drag.vx=drag.vy=0;heat=Math.max(heat,.3);}
  else if(pan){ox=ev.clientX-pan[0];oy=ev.clientY-pan[1];view.setAttribute("transform","translate("+ox+","+oy+")");}
});
window.addEventListener("mouseup",()=>{drag=null;pan=null;});
svg.addEventListener("dblclick",()=>{G.nodes.forEach(m=>m.g.classList.remove("dim"));E.forEach(e=>e.el.classList.remove("dim"));});
let heat=1;
function tick(){
  const N=G.nodes,W=svg.clientWidth||1000,H=svg.clientHeight||800;
  for(let i=0;i<N.length;i++)for(let j=i+1;j<N.length;j++){
    const a=N[i],b=N[j];let dx=a.x-b.x,dy=a.y-b.y,d2=dx*dx+dy*dy+0.01;const f=9000/d2*heat,d=Math.sqrt(d2);
    a.vx+=dx/d*f;a.vy+=dy/d*f;b.vx-=dx/d*f;b.vy-=dy/d*f;}
  E.forEach(e=>{const a=byId[e.source],b=byId[e.target];const dx=b.x-a.x,dy=b.y-a.y,d=Math.sqrt(dx*dx+dy*dy)+0.01;
    const f=(d-140)*0.02*heat;a.vx+=dx/d*f;a.vy+=dy/d*f;b.vx-=dx/d*f;b.vy-=dy/d*f;});
  N.forEach(n=>{n.vx+=(W/2-n.x)*0.002*heat;n.vy+=(H/2-n.y)*0.002*heat;
    if(n!==drag){n.x+=Math.max(-20,Math.min(20,n.vx));n.y+=Math.max(-20,Math.min(20,n.vy));}n.vx*=0.6;n.vy*=0.6;
    n.g.setAttribute("transform","translate("+n.x+","+n.y+")");});
  E.forEach(e=>{const a=byId[e.source],b=byId[e.target];const dx=b.x-a.x,dy=b.y-a.y,d=Math.sqrt(dx*dx+dy*dy)||1;
    const r=Math.min(b.w/2,14/Math.abs(dy/d||1e-3)),s=Math.min(r,d/2);
    e.el.setAttribute("x1",a.x);e.el.setAttribute("y1",a.y);e.el.setAttribute("x2",b.x-dx/d*s);e.el.setAttribute("y2",b.y-dy/d*s);});
  heat=Math.max(0.02,heat*0.995);requestAnimationFrame(tick);
}
tick();
</script></body></html>
"""


def export(nodes: list[dict], edges: list[dict], fmt: str) -> str:
    return {"graphml": to_graphml, "dot": to_dot, "html": to_html}[fmt](nodes, edges)
