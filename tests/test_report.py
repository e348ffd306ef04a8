"""`vanban report` and the graph page: self-contained, and working in a real headless Chromium
(loads without a script error, the search finds a node, the filters act; a screenshot is taken).
The browser tests skip when Chromium or playwright is not installed."""
import datetime as dt
import shutil

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline import report
from pipeline.cli import app

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_report_sections(sample_tables):
    page = report.build(sample_tables, dt.date(2024, 1, 1))
    for part in ("By type", "Fields found", "Deadlines ahead", "Targets by issuing body", "Citation graph"):
        assert part in page
    assert "<!--" not in page and "/*GRAPH" not in page          # every placeholder filled
    ahead = [d for d in pq.read_table(sample_tables / "deadlines.parquet").to_pylist()
             if d["due_end"] and d["due_end"] >= dt.date(2024, 1, 1)]
    assert f"5 documents · {len(ahead)} deadlines from 2024-01-01 on" in page and len(ahead) > 5
    assert "<script src" not in page and "<link" not in page and "@import" not in page


def test_report_and_graph_commands_write_files(sample_tables, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["report", "--tables", str(sample_tables), "--out", "r.html", "--as-of", "2024-06-01"])
    assert res.exit_code == 0 and (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    res = runner.invoke(app, ["graph", "--tables", str(sample_tables)])     # a file by default, not the terminal
    assert res.exit_code == 0 and res.output == "graph written to citation-graph.html\n"
    assert (tmp_path / "citation-graph.html").exists()
    res = runner.invoke(app, ["report", "--tables", str(tmp_path / "none")])
    assert res.exit_code == 1 and "vanban run" in res.output


@pytest.fixture
def browser_page(tmp_path):
    if not CHROMIUM:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run"], viewport={"width": 1280, "height": 1000})
        page = ctx.new_page()
        page.problems, page.requests = [], []
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
        page.on("request", lambda r: page.requests.append(r.url))
        yield page
        ctx.close()


@pytest.mark.parametrize("kind", ["report", "graph"])
def test_page_in_headless_chromium(browser_page, sample_tables, tmp_path, kind):
    path = tmp_path / f"{kind}.html"
    args = ["--as-of", "2024-01-01"] if kind == "report" else ["--format", "html"]
    assert runner.invoke(app, [kind, "--tables", str(sample_tables), "--out", str(path), *args]).exit_code == 0
    page = browser_page
    page.goto(path.as_uri())
    page.wait_for_timeout(300)
    labels = page.locator("#gw-svg .node text").all_text_contents()
    assert "95-KH/TĐTN-BTCKT" in labels and not any(x.endswith(".txt") for x in labels)   # numbers, not files

    page.fill("#gw-q", "76-kh")                      # case-folded search
    assert page.inner_text("#gw-status").startswith("1 found: 76-KH/TĐTN-VP")
    assert page.locator("#gw-svg .node.hit text").all_text_contents() == ["76-KH/TĐTN-VP"]

    page.fill("#gw-q", "")
    page.select_option("#gw-relation", "based_on")
    shown = page.inner_text("#gw-status")
    page.select_option("#gw-relation", "")
    assert shown != page.inner_text("#gw-status") and "citations shown" in shown
    page.select_option("#gw-year", "2014")
    assert page.locator("#gw-svg .node:visible").count() < len(labels)

    shot = tmp_path / f"{kind}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert page.problems == []
    assert all(u.startswith(("file:", "data:", "about:")) for u in page.requests)      # no network
