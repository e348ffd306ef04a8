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
        memory_limit: int = typer.Option(1024, "--memory-limit", min=64,
                                         help="Address space (MB) each worker may map beyond what it maps at "
                                              "start; not resident memory, not the whole run."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
        full: bool = typer.Option(False, "--full",
                                  help="Read every file again, even those unchanged since the last run.")) -> None:
    """Read every document under INPUTS and write the tables (Parquet and CSV) into --out. Into a
    folder that holds an earlier run, only new and changed files are read (--full reads all)."""
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

    from pipeline.outset import OutputBusy
    try:
        if show_bar:
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task("documents", total=None)
                summary = run_batch(inputs, out, jobs, limits,
                                    lambda n, total, _: bar.update(task, completed=n, total=total), on_error, full)
        else:
            summary = run_batch(inputs, out, jobs, limits, None, on_error, full)
    except (OutputBusy, NotADirectoryError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1)
    if not quiet:
        reused = f" (unchanged, kept: {summary.reused})" if summary.reused else ""
        typer.echo(f"documents: {summary.documents}{reused}  failed: {summary.failed}  skipped: {summary.skipped}")
        if summary.published:
            typer.echo("rows: " + ", ".join(f"{k} {v}" for k, v in summary.rows.items()))
            typer.echo(f"tables written to {out}/")
    if not summary.published:
        why = "no document could be read" if summary.failed else "no input documents found"
        _err(f"error: {why} (inputs: {', '.join(map(str, inputs))}); the tables in {out}/ were left as they were")
        raise typer.Exit(1)


@app.command()
def text(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A document.")) -> None:
    """Print the normalized text that the extractors see."""
    from pipeline import ingest
    from pipeline.api import normalized
    from pipeline.models import StageError

    try:
        raw = ingest.read(file)
    except StageError as exc:
        _err(f"error: {file}: [{exc.stage}] {exc.message}")
        raise typer.Exit(1)
    for p in raw.problems:
        _err(f"{p.severity}: {file}: [{p.stage}] {p.message}")
    typer.echo(normalized(raw).text)


@app.command()
def show(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A document."),
         commitments: bool = typer.Option(False, "--commitments",
                                          help="Print the plan's targets, deadlines and assignees as a table.")) -> None:
    """Print every record extracted from one document, as JSON (or its commitments as a table)."""
    from pipeline.api import analyze_file
    from pipeline.models import StageError

    try:
        a = analyze_file(file)
    except StageError as exc:
        _err(f"error: {file}: [{exc.stage}] {exc.message}")
        raise typer.Exit(1)
    if commitments:
        from rich.console import Console

        from pipeline.commitments import assignment_rows, commitment_rows, render

        console = Console(width=160)
        console.print(render(commitment_rows(a.found, a.doc.text), f"{file.name}: targets and deadlines"))
        console.print(render(assignment_rows(a.found), f"{file.name}: who does what", "assignments"))
        return
    typer.echo(json.dumps(a.tables(), ensure_ascii=False, indent=1, default=str))


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


GRAPH_FORMATS = {"html": "html", "graphml": "graphml", "dot": "dot"}     # format → file extension


@app.command("graph")
def graph_cmd(fmt: str = typer.Option("html", "--format", "-f", help="graphml, dot or html."),
              out: Path = typer.Option(None, "--out", "-o",
                                       help="Output file (default: citation-graph.<format>; - for standard output)."),
              tables: Path = TABLES_OPT) -> None:
    """Export the citation graph (GraphML, Graphviz DOT, or a self-contained HTML page) to a file."""
    from pipeline import graph

    if fmt not in GRAPH_FORMATS:
        _err("error: --format must be graphml, dot or html")
        raise typer.Exit(2)
    _need_tables(tables)
    text = graph.export(*graph.model(tables), fmt)
    if str(out) == "-":
        typer.echo(text, nl=False)
        return
    out = out or Path(f"citation-graph.{GRAPH_FORMATS[fmt]}")
    out.write_text(text, encoding="utf-8")
    typer.echo(f"graph written to {out}")


def _need_documents(tables: Path) -> None:
    from pipeline.sql import DB_NAME

    if not any((tables / n).exists() for n in (DB_NAME, "documents.parquet", "documents.csv")):
        _err(f"error: no tables in {tables}/ (run `vanban run --out {tables}` first)")
        raise typer.Exit(1)


@app.command("query")
def query_cmd(sql_text: str = typer.Argument(..., metavar="SQL", help="A DuckDB query on the tables and views."),
              fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json or markdown."),
              tables: Path = TABLES_OPT) -> None:
    """Run SQL on the run's database (vanban.duckdb: the tables and the commitments, implements
    and quality views) and print the result."""
    import duckdb

    from pipeline import sql

    if fmt not in sql.FORMATS:
        _err(f"error: --format must be one of {', '.join(sql.FORMATS)}")
        raise typer.Exit(2)
    _need_documents(tables)
    try:
        columns, rows = sql.query(tables, sql_text)
    except duckdb.Error as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1)
    typer.echo(sql.render(columns, rows, fmt), nl=False)


@app.command("report")
def report_cmd(out: Path = typer.Option(Path("report.html"), "--out", "-o", help="The page to write."),
               as_of: str = typer.Option(None, "--as-of", help="Day the deadlines ahead start from (default: today)."),
               tables: Path = TABLES_OPT) -> None:
    """Write one self-contained HTML page about the archive: counts, data quality, deadlines ahead,
    targets by issuer, and the citation graph with search and filters."""
    import datetime as dt

    from pipeline import report

    _need_documents(tables)
    try:
        day = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        _err("error: --as-of must be a date such as 2026-01-31")
        raise typer.Exit(2)
    out.write_text(report.build(tables, day), encoding="utf-8")
    typer.echo(f"report written to {out}")


@app.command("export")
def export_cmd(out: Path = typer.Option(..., "--out", "-o", help="The workbook to write (.xlsx)."),
               fmt: str = typer.Option("xlsx", "--format", "-f", help="xlsx."),
               tables: Path = TABLES_OPT) -> None:
    """Write the tables and views as a spreadsheet: one sheet per table, header row frozen, text kept
    as text, dates as dates."""
    from pipeline.export import to_xlsx

    if fmt != "xlsx":
        _err("error: --format must be xlsx")
        raise typer.Exit(2)
    _need_documents(tables)
    counts = to_xlsx(tables, out)
    typer.echo(f"{len(counts)} sheets written to {out}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def main() -> None:  # console-script entry point
    from pipeline.processes import without_pandas
    without_pandas()
    app()

