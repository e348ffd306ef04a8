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
        time_limit: int = typer.Option(60, "--time-limit", min=1, help="Seconds allowed per document."),
        memory_limit: int = typer.Option(1024, "--memory-limit", min=64, help="MB allowed per document."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary.")) -> None:
    """Read every document under INPUTS and write the tables (Parquet and CSV) into --out."""
    from pipeline.run import Limits
    from pipeline.run import run as run_batch

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
def show(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A document.")) -> None:
    """Print every record extracted from one document, as JSON."""
    from pipeline.models import StageError
    from pipeline.run import analyze, to_rows

    try:
        a = analyze(file, file.name)
    except StageError as exc:
        _err(f"error: {file}: [{exc.stage}] {exc.message}")
        raise typer.Exit(1)
    typer.echo(json.dumps(to_rows(a), ensure_ascii=False, indent=1, default=str))


def main() -> None:  # console-script entry point
    app()

