"""The notebook's cells run against the tables that `vanban run` writes."""
import json

from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import RAW, ROOT


def test_notebook_cells_run(tmp_path, monkeypatch):
    out = tmp_path / "data" / "structured"
    assert CliRunner().invoke(app, ["run", str(RAW), "--out", str(out), "-q"]).exit_code == 0
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    nb = json.loads((ROOT / "notebooks" / "explore_tables.ipynb").read_text(encoding="utf-8"))
    scope: dict = {}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            exec("".join(cell["source"]), scope)    # noqa: S102 - our own notebook
    assert len(scope["docs"]) == 5
