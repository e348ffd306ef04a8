"""Data flows one way: ingest → normalize → segment → extract → tables.

Checked on the import statements of every module (module level and inside functions):
- readers (`pipeline/ingest`) import no later stage and no extractor;
- `normalize` and `segment` import no extractor (shared patterns and vocabularies live in
  `pipeline/patterns.py` and `pipeline/vocab.py`);
- an extractor imports no pipeline stage, and no private name of another module;
- the graph, tables and the analyst side import no extractor (citation identity is `pipeline/citekeys.py`).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STAGES = {"pipeline.ingest", "pipeline.normalize", "pipeline.segment", "pipeline.extract", "pipeline.run",
          "pipeline.api", "pipeline.tables"}


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every import in a file."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.append((node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out.extend((a.name, []) for a in node.names)
    return out


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _violations(path: Path) -> list[str]:
    me = module_name(path)
    bad = []
    for mod, names in imports(path):
        packages = ("pipeline", "extractors", "pipeline.ingest")     # `from pipeline import segment`
        targets = [mod, *(f"{mod}.{n}" for n in names if mod in packages)]
        if me.startswith("pipeline.ingest"):
            bad += [t for t in targets if t.startswith("extractors")
                    or (t in STAGES - {"pipeline.ingest"} and not t.startswith("pipeline.ingest"))]
        if me in ("pipeline.normalize", "pipeline.segment") or me.startswith("pipeline.graph") \
                or me in ("pipeline.tables", "pipeline.sql", "pipeline.report", "pipeline.export"):
            bad += [t for t in targets if t.startswith("extractors")]
        if me.startswith("extractors") and me != "extractors.registry":
            bad += [t for t in targets if t in STAGES or t.startswith("pipeline.ingest")]
        if mod.split(".")[0] in ("pipeline", "extractors") and mod != me:
            bad += [f"{mod}.{n}" for n in names if n.startswith("_") and n != "__future__"]
    return [f"{me} imports {b}" for b in bad]


@pytest.mark.parametrize("path", _files("pipeline") + _files("extractors"), ids=module_name)
def test_imports_go_one_way(path):
    assert _violations(path) == []


def test_the_check_sees_a_backward_import(tmp_path, monkeypatch):
    """The checker itself: a reader that imports the segmenter is reported."""
    fake = ROOT / "pipeline" / "ingest" / "_layers_probe.py"
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: "from pipeline.segment import TYPE_LINE\n"
                        if self == fake else Path.read_bytes(self).decode())
    assert _violations(fake) == ["pipeline.ingest._layers_probe imports pipeline.segment"]
