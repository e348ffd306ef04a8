"""Dev score per document family (Markdown, PDF text, PDF scan, Word), for the README table.

    python scripts/score_families.py --gold ../shared/eval/gold/dev --tables OUT [--scorer PATH]

The family of a document comes from its output row: the file extension, and for a PDF whether
any page was read by OCR (`text_source = ocr`). Each family is scored by the shared scorer
(`score.py`, by default the one beside the gold folder's parent) on its own gold files.
"""
from __future__ import annotations

import argparse
import importlib.util
import pathlib
import shutil
import sys
import tempfile

FAMILIES = ("Markdown", "PDF text", "PDF scan", "Word", "Text")   # in the order printed
SUFFIXES = {".md": "Markdown", ".markdown": "Markdown", ".docx": "Word", ".doc": "Word", ".htm": "Word",
            ".html": "Word", ".rtf": "Word", ".txt": "Text"}


def family(row: dict) -> str:
    suffix = pathlib.PurePath(str(row.get("source_path") or "")).suffix.lower()
    if suffix == ".pdf":
        return "PDF scan" if str(row.get("text_source")) == "ocr" else "PDF text"
    return SUFFIXES.get(suffix, "Text")


def _load_scorer(path: pathlib.Path):
    spec = importlib.util.spec_from_file_location("vanban_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, type=pathlib.Path)
    ap.add_argument("--tables", required=True, type=pathlib.Path)
    ap.add_argument("--scorer", type=pathlib.Path, help="score.py (default: GOLD/../../score.py)")
    a = ap.parse_args(argv)
    scorer = _load_scorer(a.scorer or a.gold.resolve().parent.parent / "score.py")
    fam_of = {pathlib.PurePath(str(r.get("source_path") or "")).stem: family(r)
              for r in scorer.read_table(a.tables, "documents")}
    groups: dict[str, list[pathlib.Path]] = {}
    for gp in sorted(a.gold.glob("*.json")):
        groups.setdefault(fam_of.get(gp.stem, "not read"), []).append(gp)
    print(f"{'family':10s} {'docs':>4s} {'score':>6s} {'doc fields':>10s}")
    for name in [*FAMILIES, "not read"]:
        if name not in groups:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            for gp in groups[name]:
                shutil.copy(gp, tmp)
            res = scorer.score(pathlib.Path(tmp), a.tables)
        fields = [v for k, v in res.items() if k.startswith("doc.")]
        print(f"{name:10s} {len(groups[name]):4d} {res['score']:6.3f} {sum(fields) / len(fields):10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
