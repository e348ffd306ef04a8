"""The `vanban` command line."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn archives of Vietnamese administrative documents into tables.")


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


@app.command()
def run(inputs: List[Path] = typer.Argument(None, help="Files or folders (default: data/raw)."),
        out: Path = typer.Option(Path("data/structured"), "--out", "-o", help="Folder for the tables."),
        jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Documents processed in parallel processes."),
        executor: str = typer.Option("local", "--executor", help="local (this machine) or dask (a Dask cluster)."),
        workers: int = typer.Option(None, "--workers", min=1, help="dask: workers of the local cluster started "
                                                                   "when there is no --address (default: one per core)."),
        address: str = typer.Option(None, "--address", help="dask: a running scheduler, tcp://HOST:8786."),
        shard_size: int = typer.Option(500, "--shard-size", min=1, help="dask: documents per task."),
        resume: bool = typer.Option(False, "--resume", help="dask: run only the shards an interrupted run "
                                                            "left undone."),
        time_limit: int = typer.Option(60, "--time-limit", min=1, help="Seconds allowed per document."),
        memory_limit: int = typer.Option(1024, "--memory-limit", min=64, help="MB allowed per document."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary.")) -> None:
    """Read every document under INPUTS and write the tables (Parquet and CSV) into --out."""
    from pipeline.processes import start_forkserver
    start_forkserver()            # the workers' modules load while this process loads the writer's
    from pipeline.run import Limits
    from pipeline import executors

    try:
        run_batch = executors.make(executor, workers, address, shard_size, resume)
    except (executors.MissingEngine, ValueError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2)
    limits = Limits(time_limit, memory_limit)
    inputs = inputs or [Path("data/raw")]
    show_bar = sys.stderr.isatty() and not quiet

    def on_error(row: dict) -> None:
        page = f" (page {row['page']})" if row.get("page") else ""
        _err(f"{row['severity']}: {row['source_path']}{page}: [{row['stage']}] {row['message']}")

    if show_bar:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("documents", total=None)
            summary = run_batch(inputs, out, jobs, limits,
                                lambda n, total, _: bar.update(task, completed=n, total=total), on_error)
    else:
        summary = run_batch(inputs, out, jobs, limits, None, on_error)
    if not quiet:
        typer.echo(f"documents: {summary.documents}  failed: {summary.failed}  skipped: {summary.skipped}")
        typer.echo("rows: " + ", ".join(f"{k} {v}" for k, v in summary.rows.items()))
        typer.echo(f"tables written to {out}/")
    if summary.documents == 0:
        _err("no document could be read" if summary.failed else "no input documents found")
        raise typer.Exit(1)


@app.command()
def text(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A document.")) -> None:
    """Print the normalized text that the extractors see."""
    from pipeline import ingest
    from pipeline.models import StageError
    from pipeline.normalize import normalize

    try:
        raw = ingest.read(file)
    except StageError as exc:
        _err(f"error: {file}: [{exc.stage}] {exc.message}")
        raise typer.Exit(1)
    for p in raw.problems:
        _err(f"{p.severity}: {file}: [{p.stage}] {p.message}")
    typer.echo(normalize(raw.text, wrapped=raw.source_format == "pdf").text)


@app.command()
def show(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A document."),
         commitments: bool = typer.Option(False, "--commitments",
                                          help="Print the plan's targets, deadlines and assignees as a table.")) -> None:
    """Print every record extracted from one document, as JSON (or its commitments as a table)."""
    from pipeline.models import StageError
    from pipeline.run import analyze, to_rows

    try:
        a = analyze(file, file.name)
    except StageError as exc:
        _err(f"error: {file}: [{exc.stage}] {exc.message}")
        raise typer.Exit(1)
    if commitments:
        from rich.console import Console

        from pipeline.commitments import commitment_rows, render

        Console(width=160).print(render(commitment_rows(a.found, a.doc.text), file.name))
        return
    typer.echo(json.dumps(to_rows(a), ensure_ascii=False, indent=1, default=str))


TABLES_OPT = typer.Option(Path("data/structured"), "--tables", "-t", help="Folder written by `vanban run`.")


def _need_tables(tables: Path) -> None:
    if not (tables / "citations.parquet").exists() and not (tables / "citations.csv").exists():
        _err(f"error: no citations table in {tables}/ (run `vanban run --out {tables}` first)")
        raise typer.Exit(1)


@app.command("cites")
def cites_cmd(doc: str = typer.Argument(..., help="doc_id, source path or file stem."),
              tables: Path = TABLES_OPT) -> None:
    """What a document implements, is based on and mentions."""
    from pipeline import graph

    _need_tables(tables)
    found = graph.cites(tables, doc)
    if found is None:
        _err(f"error: no document {doc!r} in {tables}/")
        raise typer.Exit(1)
    d, edges = found
    typer.echo(f"{d.get('so_hieu') or '(no number)'}  {d.get('doc_type') or ''}  {d['source_path']}")
    for e in edges:
        what = " ".join(str(e[k]) for k in ("cited_type", "cited_symbol", "cited_number") if e.get(k)
                        and not (k == "cited_number" and e.get("cited_symbol")))
        extra = [f"ngày {e['cited_date']}" if e.get("cited_date") else "", e.get("cited_issuer") or "",
                 f"×{e['count']}", f"in archive: {e['cited_path']}" if e.get("cited_path") else ""]
        typer.echo(f"  {e['relation']:<10} {what}  [{e['cited_key']}]  " + "  ".join(x for x in extra if x))
    if not edges:
        typer.echo("  (cites nothing)")


@app.command("cited-by")
def cited_by_cmd(symbol: str = typer.Argument(..., help="A symbol (25-NQ/TW) or a cited_key (25-NQ/TW@2013)."),
                 tables: Path = TABLES_OPT) -> None:
    """Which documents cite a document, with the sentence of each mention as evidence."""
    from pipeline import graph

    _need_tables(tables)
    found = graph.cited_by(tables, symbol)
    if not found:
        typer.echo(f"no document cites {symbol}")
        raise typer.Exit(1)
    for key, rows in found.items():
        typer.echo(f"{key}: cited by {len({r['doc_id'] for r in rows})} document(s)")
        seen = set()
        for r in sorted(rows, key=lambda r: (r.get("source_path") or "", r["start"])):
            if (r["doc_id"], r["evidence"]) in seen:
                continue
            seen.add((r["doc_id"], r["evidence"]))
            typer.echo(f"  {r.get('source_path')} ({r.get('so_hieu') or 'no number'}) {r['relation']}: "
                       f"“{r['evidence']}”")


@app.command("graph")
def graph_cmd(fmt: str = typer.Option("html", "--format", "-f", help="graphml, dot or html."),
              out: Path = typer.Option(None, "--out", "-o", help="Output file (default: standard output)."),
              tables: Path = TABLES_OPT) -> None:
    """Export the citation graph (GraphML, Graphviz DOT, or a self-contained HTML page)."""
    from pipeline import graph

    if fmt not in ("graphml", "dot", "html"):
        _err("error: --format must be graphml, dot or html")
        raise typer.Exit(2)
    _need_tables(tables)
    text = graph.export(*graph.model(tables), fmt)
    if out:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"graph written to {out}")
    else:
        typer.echo(text, nl=False)


def main() -> None:  # console-script entry point
    from pipeline.processes import without_pandas
    without_pandas()
    app()

