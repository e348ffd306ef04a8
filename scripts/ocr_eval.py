"""Word accuracy of Tesseract settings on scanned PDFs with gold files (the README OCR figure).

    python scripts/ocr_eval.py --gold ../shared/eval/gold/dev PDF... [--dpi 200 300] [--psm 3 4 6]

The reference words are those a person reads on the page and the gold file records: number,
title, place, signer, cited symbols, recipients and assignees (each field's best-matching variant).
Accuracy is the share of those words found in the page text (case-folded, NFC); the mean word
confidence and the seconds per page are printed beside it. Pages are rendered once per resolution.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
import tempfile
import time
import unicodedata
from collections import Counter

import regex

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from pipeline.ingest.ocr import lines_from_tsv, page_image, tesseract_tsv  # noqa: E402

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[/-][\p{L}\p{N}]+){0,4}")


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text or "").casefold())


def reference(gold: dict) -> list[list[list[str]]]:
    """Per field: its variants, each a list of words."""
    doc = gold["document"]
    fields = [doc.get(k) for k in ("so_hieu", "title", "place", "signer_name")]
    fields += [c.get("symbol") for c in gold.get("citations") or []]
    fields += [[r["recipient"], *r.get("accept", [])] for r in gold.get("recipients") or []]
    fields += [[r["assignee"], *r.get("accept", [])] for r in gold.get("assignments") or []]
    out = []
    for value in fields:
        variants = [words(v) for v in (value if isinstance(value, list) else [value]) if v]
        if any(variants):
            out.append([v for v in variants if v])
    return out


def accuracy(ref: list[list[list[str]]], text: str) -> tuple[int, int]:
    have = Counter(words(text))
    found = total = 0
    for variants in ref:
        best = max(variants, key=lambda v: sum(min(n, have[w]) for w, n in Counter(v).items()) / len(v))
        found += sum(min(n, have[w]) for w, n in Counter(best).items())
        total += len(best)
    return found, total


def main(argv=None) -> int:
    import pypdfium2 as pdfium

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdfs", nargs="+", type=pathlib.Path)
    ap.add_argument("--gold", required=True, type=pathlib.Path)
    ap.add_argument("--dpi", nargs="+", type=int, default=[200, 300])
    ap.add_argument("--psm", nargs="+", type=int, default=[3, 4, 6])
    ap.add_argument("--gray", action="store_true", help="also read the grey rendering (default: red channel only)")
    a = ap.parse_args(argv)
    totals: dict[tuple, list[float]] = {}
    for pdf_path in a.pdfs:
        ref = reference(json.loads((a.gold / f"{pdf_path.stem}.json").read_text(encoding="utf-8")))
        pdf = pdfium.PdfDocument(str(pdf_path))
        for dpi, channel in [(d, c) for d in a.dpi for c in (["red", "gray"] if a.gray else ["red"])]:
            with tempfile.TemporaryDirectory() as tmp:
                pngs = []
                for n in range(len(pdf)):
                    png = pathlib.Path(tmp) / f"{n}.png"
                    image = page_image(pdf[n], dpi)
                    if channel == "gray":
                        image = pdf[n].render(scale=dpi / 72).to_pil().convert("L")
                    image.save(png)
                    pngs.append(png)
                for psm in a.psm:
                    t0, texts, confs = time.perf_counter(), [], []
                    for n, png in enumerate(pngs):
                        text, conf = lines_from_tsv(tesseract_tsv(png, psm), first_page=n == 0)
                        texts.append(text)
                        confs.append(conf)
                    secs = (time.perf_counter() - t0) / len(pngs)
                    found, total = accuracy(ref, "\n".join(texts))
                    row = totals.setdefault((dpi, channel, psm), [0, 0, 0.0, 0.0, 0])
                    row[0] += found
                    row[1] += total
                    row[2] += secs * len(pngs)
                    row[3] += sum(confs)
                    row[4] += len(pngs)
                    print(f"{pdf_path.stem[:30]:30s} dpi {dpi} {channel} psm {psm}: {found}/{total} words "
                          f"{found / max(total, 1):.3f}, conf {sum(confs) / len(confs):.2f}, {secs:.1f} s/page",
                          flush=True)
        pdf.close()
    print("overall")
    for (dpi, channel, psm), (found, total, secs, conf, pages) in sorted(totals.items()):
        print(f"dpi {dpi} {channel} psm {psm}: word accuracy {found / max(total, 1):.3f} ({found}/{total}), "
              f"conf {conf / pages:.2f}, {secs / pages:.1f} s/page over {pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
