// The citation graph widget: filters (type, relation, issuer, year) choose the edges and nodes
// drawn, the search marks and centres the nodes whose number, title or issuer contains the text;
// a small force simulation lays out what is drawn and stops when it has settled.
(function(){
const NS="http://www.w3.org/2000/svg",$=id=>document.getElementById(id);
const svg=$("gw-svg"),view=$("gw-view"),fold=s=>(s||"").normalize("NFC").toLocaleLowerCase("vi");
const byId={};GRAPH.nodes.forEach(n=>{byId[n.id]=n;n.vx=n.vy=0;n.key=fold([n.label,n.title,n.issuer,n.path].join(" "));});
const E=GRAPH.edges.filter(e=>byId[e.source]&&byId[e.target]);
const F={type:"",relation:"",issuer:"",year:""};
function fill(sel,values){[...new Set(values.filter(Boolean))].sort().forEach(v=>{const o=document.createElement("option");o.value=o.textContent=v;sel.appendChild(o);});}
fill($("gw-type"),GRAPH.nodes.map(n=>n.type));fill($("gw-relation"),E.map(e=>e.relation));
fill($("gw-issuer"),GRAPH.nodes.map(n=>n.issuer));fill($("gw-year"),GRAPH.nodes.map(n=>n.year));
function el(t,a,p){const x=document.createElementNS(NS,t);for(const k in a)x.setAttribute(k,a[k]);(p||view).appendChild(x);return x;}
E.forEach(e=>e.el=el("line",{class:"edge "+e.relation}));
GRAPH.nodes.forEach((n,i)=>{
  const a=2*Math.PI*i/Math.max(1,GRAPH.nodes.length);n.x=500+300*Math.cos(a);n.y=350+250*Math.sin(a);
  n.g=el("g",{class:"node "+n.kind});n.w=Math.max(40,n.label.length*6.4+12);
  if(n.kind==="archive")el("rect",{x:-n.w/2,y:-11,width:n.w,height:22,rx:4},n.g);else el("ellipse",{rx:n.w/2,ry:12},n.g);
  el("text",{"text-anchor":"middle",y:4},n.g).textContent=n.label;
  el("title",{},n.g).textContent=[n.label,n.type,n.date,n.issuer,n.title,n.path].filter(Boolean).join("\n");
  n.g.addEventListener("mousedown",ev=>{drag=n;ev.stopPropagation();});
  n.g.addEventListener("click",()=>select(n));
});
let shown=[],shownE=[];
function matches(n){return(!F.type||n.type===F.type)&&(!F.issuer||n.issuer===F.issuer)&&(!F.year||n.year===F.year);}
function apply(){
  const any=F.type||F.issuer||F.year;
  shownE=E.filter(e=>(!F.relation||e.relation===F.relation)&&(!any||matches(byId[e.source])||matches(byId[e.target])));
  const vis=new Set();shownE.forEach(e=>{vis.add(e.source);vis.add(e.target);});
  if(!F.relation)GRAPH.nodes.forEach(n=>{if(any?matches(n):true)vis.add(n.id);});
  shown=GRAPH.nodes.filter(n=>vis.has(n.id));
  GRAPH.nodes.forEach(n=>n.g.style.display=vis.has(n.id)?"":"none");
  E.forEach(e=>e.el.style.display=shownE.includes(e)?"":"none");
  $("gw-status").textContent=shown.length+" documents, "+shownE.length+" citations shown";
  search();heat=1;run();
}
function search(){
  const q=fold($("gw-q").value.trim());
  const hits=q?shown.filter(n=>n.key.includes(q)):[];
  GRAPH.nodes.forEach(n=>{n.g.classList.toggle("hit",hits.includes(n));n.g.classList.toggle("dim",!!q&&!hits.includes(n));});
  E.forEach(e=>e.el.classList.toggle("dim",!!q));
  if(q){$("gw-status").textContent=hits.length+" found: "+hits.slice(0,5).map(n=>n.label).join(", ");
    if(hits.length)centre(hits[0]);}
  return hits.length;
}
function centre(n){ox=(svg.clientWidth||1000)/2-n.x;oy=(svg.clientHeight||700)/2-n.y;move();}
function select(n){
  const near=new Set([n.id]);shownE.forEach(e=>{if(e.source===n.id)near.add(e.target);if(e.target===n.id)near.add(e.source);});
  GRAPH.nodes.forEach(m=>m.g.classList.toggle("dim",!near.has(m.id)));
  E.forEach(e=>e.el.classList.toggle("dim",e.source!==n.id&&e.target!==n.id));
  const out=shownE.filter(e=>e.source===n.id).map(e=>e.relation+" → "+byId[e.target].label);
  const inn=shownE.filter(e=>e.target===n.id).map(e=>byId[e.source].label+" "+e.relation);
  $("gw-info").textContent=n.label+(n.type?" ("+n.type+")":"")+(n.date?" "+n.date:"")+(n.issuer?" — "+n.issuer:"")+
    (out.length?" | cites: "+out.join(", "):"")+(inn.length?" | cited by: "+inn.join(", "):"");
}
let drag=null,pan=null,ox=0,oy=0,heat=1,running=false;
function move(){view.setAttribute("transform","translate("+ox+","+oy+")");}
function pt(ev){const r=svg.getBoundingClientRect();return[ev.clientX-r.left-ox,ev.clientY-r.top-oy];}
svg.addEventListener("mousedown",ev=>{pan=[ev.clientX-ox,ev.clientY-oy];});
window.addEventListener("mousemove",ev=>{
  if(drag){[drag.x,drag.y]=pt(ev);drag.vx=drag.vy=0;heat=Math.max(heat,.3);run();}
  else if(pan){ox=ev.clientX-pan[0];oy=ev.clientY-pan[1];move();}});
window.addEventListener("mouseup",()=>{drag=null;pan=null;});
svg.addEventListener("dblclick",()=>{GRAPH.nodes.forEach(m=>m.g.classList.remove("dim"));E.forEach(e=>e.el.classList.remove("dim"));});
function tick(){
  const N=shown,W=svg.clientWidth||1000,H=svg.clientHeight||700;
  for(let i=0;i<N.length;i++)for(let j=i+1;j<N.length;j++){
    const a=N[i],b=N[j],dx=a.x-b.x,dy=a.y-b.y,d2=dx*dx+dy*dy+0.01,f=9000/d2*heat,d=Math.sqrt(d2);
    a.vx+=dx/d*f;a.vy+=dy/d*f;b.vx-=dx/d*f;b.vy-=dy/d*f;}
  shownE.forEach(e=>{const a=byId[e.source],b=byId[e.target],dx=b.x-a.x,dy=b.y-a.y,d=Math.sqrt(dx*dx+dy*dy)+0.01,
    f=(d-140)*0.02*heat;a.vx+=dx/d*f;a.vy+=dy/d*f;b.vx-=dx/d*f;b.vy-=dy/d*f;});
  N.forEach(n=>{n.vx+=(W/2-n.x)*0.002*heat;n.vy+=(H/2-n.y)*0.002*heat;
    if(n!==drag){n.x+=Math.max(-20,Math.min(20,n.vx));n.y+=Math.max(-20,Math.min(20,n.vy));}n.vx*=0.6;n.vy*=0.6;
    n.g.setAttribute("transform","translate("+n.x+","+n.y+")");});
  shownE.forEach(e=>{const a=byId[e.source],b=byId[e.target],dx=b.x-a.x,dy=b.y-a.y,d=Math.sqrt(dx*dx+dy*dy)||1,
    r=Math.min(b.w/2,14/Math.abs(dy/d||1e-3)),s=Math.min(r,d/2);
    e.el.setAttribute("x1",a.x);e.el.setAttribute("y1",a.y);e.el.setAttribute("x2",b.x-dx/d*s);e.el.setAttribute("y2",b.y-dy/d*s);});
  heat*=0.98;
  if(heat>0.02||drag)requestAnimationFrame(tick);else running=false;
}
function run(){if(!running){running=true;requestAnimationFrame(tick);}}
["type","relation","issuer","year"].forEach(k=>$("gw-"+k).addEventListener("change",ev=>{F[k]=ev.target.value;apply();}));
$("gw-q").addEventListener("input",search);
window.graphSearch=q=>{$("gw-q").value=q;return search();};
apply();
})();
