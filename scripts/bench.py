"""Benchmark `vanban run` on a generated archive: documents/s, PDF pages/s and peak memory.

    python scripts/bench.py [--docs 2000] [--pdfs 300] [--jobs 2] [--repeat 1] [--keep DIR]
                            [--executor dask] [--shard-size 500]

The archive is the bundled seeds replicated with perturbations (numbers, dates, a decomposed
passage, look-alike letters, shuffled bullets) so every file has different bytes; the PDFs are the
seed PDFs from ../shared/fixtures/seeds (skipped when absent) with a distinct trailer comment.
Peak memory is the largest sum of resident memory over the whole process tree, sampled every 20 ms,
and the CPU time is the tree's (each process's own, as last sampled).
With --repeat N each run is timed N times and the median is printed with the range, since the speed
of a shared machine varies from one minute to the next. With --executor dask the same archive is
also run on a Dask LocalCluster of --jobs workers (started by the run, so counted in its time), and
the lines of both executors are printed; for dask, the memory per worker is the tree's peak less
the driver's (the `vanban` process itself), divided by the workers.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))
SEED_PDFS = sorted((ROOT.parent / "shared" / "fixtures" / "seeds").glob("0*.pdf"))


def perturb(text: str, rng: random.Random) -> str:
    text = re.sub(r"\d{1,4}(?=\s?-\s?KH/)", lambda m: str(rng.randint(1, 999)), text, count=1)
    text = re.sub(r"ngày (\d{1,2}) tháng", lambda m: f"ngày {rng.randint(1, 28):02d} tháng", text, count=1)
    lines = text.split("\n")
    bullets = [i for i, ln in enumerate(lines) if ln.startswith("- ")]
    if len(bullets) > 3:
        i, j = rng.sample(bullets, 2)
        lines[i], lines[j] = lines[j], lines[i]
    if rng.random() < 0.3:
        k = rng.randrange(len(lines))
        lines[k] = unicodedata.normalize("NFD", lines[k])
    if rng.random() < 0.2:
        lines = [ln.replace("Đoàn", "\u00d0oàn") for ln in lines]
    return "\n".join(lines) + f"\n<!-- {rng.random()} -->\n"


def make_archive(dest: Path, docs: int, pdfs: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    for n in range(docs):
        sub = dest / "txt" / f"{n // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"plan_{n:05d}.txt").write_text(perturb(texts[n % len(texts)], rng), encoding="utf-8")
    pages = 0
    if SEED_PDFS and pdfs:
        import pypdfium2 as pdfium

        counts = {p: len(pdfium.PdfDocument(str(p))) for p in SEED_PDFS}
        (dest / "pdf").mkdir(parents=True, exist_ok=True)
        for n in range(pdfs):
            src = SEED_PDFS[n % len(SEED_PDFS)]
            (dest / "pdf" / f"plan_{n:05d}.pdf").write_bytes(src.read_bytes() + f"\n% copy {n}\n".encode())
            pages += counts[src]
    return pages


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _tree(pid: int) -> dict[int, float]:
    """pid and all its descendants, with the CPU seconds each has used so far."""
    parents: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                parents.setdefault(int(fields[1]), []).append(int(entry))
                cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            except (OSError, IndexError, ValueError):
                continue
    tree, stack = {}, [pid]
    while stack:
        p = stack.pop()
        tree[p] = cpu.get(p, 0.0)
        stack.extend(parents.get(p, []))
    return tree


@dataclass
class Timing:
    secs: float
    peak: int          # resident bytes of the process tree at its largest
    own: int           # of the `vanban` process alone
    cpu: float         # CPU seconds of the whole tree (each process as last sampled)


def _tree_rss(pid: int) -> int:
    """Resident bytes of pid and all its descendants (what tests sample)."""
    return sum(_rss(p) for p in _tree(pid))


def timed_run(inputs: list[Path], out: Path, jobs: int, *options: str) -> Timing:
    vanban = Path(sys.executable).parent / "vanban"
    cmd = [str(vanban), "run", *map(str, inputs), "--out", str(out), "--jobs", str(jobs), "--quiet", *options]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    peak = own = 0
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def sample():
        nonlocal peak, own
        while not stop.is_set():
            tree = _tree(proc.pid)
            peak = max(peak, sum(_rss(p) for p in tree))
            own = max(own, _rss(proc.pid))
            cpu.update(tree)
            time.sleep(0.02)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    code = proc.wait()
    stop.set()
    thread.join()
    if code != 0:
        sys.exit(f"vanban run failed with exit code {code}")
    return Timing(time.perf_counter() - start, peak, own, sum(cpu.values()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="text documents to generate")
    ap.add_argument("--pdfs", type=int, default=300, help="PDF documents to generate")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1, help="time each run this many times")
    ap.add_argument("--keep", type=Path, help="keep the archive and the tables in this folder")
    ap.add_argument("--executor", choices=["local", "dask"], default="local",
                    help="dask: also run on a Dask LocalCluster of --jobs workers, next to the local runner")
    ap.add_argument("--shard-size", type=int, default=500, help="dask: documents per task")
    a = ap.parse_args()
    work = a.keep or Path(tempfile.mkdtemp(prefix="vanban-bench-"))
    archive = work / "archive"
    shutil.rmtree(archive, ignore_errors=True)
    pages = make_archive(archive, a.docs, a.pdfs)
    executors = {"local": []}
    if a.executor == "dask":
        executors["dask"] = ["--executor", "dask", "--workers", str(a.jobs), "--shard-size", str(a.shard_size)]

    def timed(inputs: list[Path], out: Path, executor: list[str], count: int, unit: str) -> str:
        runs = [timed_run(inputs, out, a.jobs, *executor) for _ in range(a.repeat)]
        times = sorted(r.secs for r in runs)
        med = statistics.median(times)
        spread = f" (range {count / times[-1]:.0f}–{count / times[0]:.0f}, {a.repeat} runs)" if a.repeat > 1 else ""
        peak, own = max(r.peak for r in runs), max(r.own for r in runs)
        per_worker = f", {(peak - own) / a.jobs / 2**20:.0f} MB per worker" if executor else ""
        cpu = statistics.median(r.cpu for r in runs) / count * 1000
        return (f"{med:.1f} s = {count / med:.0f}{spread} {unit}/s, {cpu:.1f} ms CPU per {unit[:-1]} "
                f"(whole tree), peak memory {peak / 2**20:.0f} MB{per_worker}")

    for name, executor in executors.items():
        where = f"jobs={a.jobs}" if name == "local" else f"dask, {a.jobs} workers, shards of {a.shard_size}"
        line = timed([archive / "txt"], work / f"out-txt-{name}", executor, a.docs, "documents")
        print(f"text: {a.docs} documents in {line} ({where})")
        if pages:
            line = timed([archive / "pdf"], work / f"out-pdf-{name}", executor, pages, "pages")
            print(f"pdf:  {a.pdfs} documents, {pages} pages in {line} ({where})")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
