"""Every notebook is committed clean, stays thin, and runs from a clean kernel."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import nbformat
import papermill
import pytest
from conftest import ROOT, STORY_ID, manifest_row, write_manifest

NOTEBOOKS = sorted((ROOT / "notebooks").rglob("*.ipynb"))
NOTEBOOKS = [nb for nb in NOTEBOOKS if ".ipynb_checkpoints" not in nb.parts]
IDS = [str(nb.relative_to(ROOT / "notebooks")) for nb in NOTEBOOKS]
LOGIC = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.For, ast.While)


def code_cells(path: Path) -> list[str]:
    notebook = nbformat.read(path, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


def execute(path: Path, tmp_path: Path, **parameters: object) -> nbformat.NotebookNode:
    """Run a notebook in a fresh python3 kernel, as the reports do."""
    out = tmp_path / path.name
    papermill.execute_notebook(
        str(path),
        str(out),
        parameters=parameters,
        kernel_name="python3",
        cwd=str(path.parent),
        progress_bar=False,
    )
    return nbformat.read(out, as_version=4)


def test_there_are_notebooks() -> None:
    assert "00_overview.ipynb" in [nb.name for nb in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_without_outputs_and_with_python3(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["metadata"]["kernelspec"]["name"] == "python3"
    for cell in raw["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_thin(path: Path) -> None:
    """No functions, classes, lambdas or loops: the analysis lives in the library."""
    sources = code_cells(path)
    assert any(
        "parameters" in cell.metadata.get("tags", [])
        for cell in nbformat.read(path, as_version=4).cells
    ), "needs a papermill parameters cell"
    for source in sources:
        tree = ast.parse(source)
        for node in ast.walk(tree):
            assert not isinstance(node, LOGIC), (
                f"{type(node).__name__} in a notebook cell:\n{source}"
            )
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = (
                    [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
                )
                assert all(n.split(".")[0] == "analysis" for n in names), source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_on_the_seed_story(path: Path, tmp_path: Path) -> None:
    executed = execute(path, tmp_path, story_id=STORY_ID)
    errors = [
        o
        for c in executed.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "error"
    ]
    assert errors == []
    assert (
        any(
            o.output_type == "display_data" and "image/png" in o.data
            for c in executed.cells
            if c.cell_type == "code"
            for o in c.outputs
        )
        or "lessons" in path.parts
    )


def test_overview_shows_both_versions(tmp_path: Path) -> None:
    executed = execute(ROOT / "notebooks" / "00_overview.ipynb", tmp_path, story_id=STORY_ID)
    html = "".join(
        o.data.get("text/html", "")
        for c in executed.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type in ("execute_result", "display_data")
    )
    for expected in (
        "nyt-2020-01-10",
        "print-2020-01-11",
        "The Associated Press",
        "Karen DeYoung",
        "A Section on 01/11/2020",
        "Instead, the State Department said",
    ):
        assert expected in html, expected


def test_overview_runs_on_a_one_version_story(tmp_path: Path) -> None:
    (tmp_path / "solo.txt").write_text(
        "A Headline Here\nBAGHDAD — Officials said <script>alert(1)</script> nothing. More.\n",
        encoding="utf-8",
    )
    manifest = write_manifest(tmp_path, [manifest_row("solo", "solo.txt", role="original")])
    executed = execute(
        ROOT / "notebooks" / "00_overview.ipynb",
        tmp_path,
        story_id="story-1",
        manifest=str(manifest),
    )
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "Comparisons are not available" in html
    assert (
        "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    )


EDGE_STORIES = {
    "identical": (
        "WASHINGTON — The minister said on Friday that talks would resume. “We are ready,” "
        "he said.\nOfficials did not comment.\n",
    )
    * 2,
    "disjoint": (
        "Rain fell across the region overnight.\n",
        "Farmers welcomed a storm after months of drought, officials said.\n",
    ),
    "tiny": ("Yes.\n", "No.\n"),
}


@pytest.mark.parametrize("case", sorted(EDGE_STORIES))
def test_every_notebook_runs_on_edge_case_stories(case: str, tmp_path: Path) -> None:
    """Identical versions, versions with nothing in common, one-word versions: no crash."""
    original, version = EDGE_STORIES[case]
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(version, encoding="utf-8")
    manifest = write_manifest(
        tmp_path, [manifest_row("a", "a.txt", role="original"), manifest_row("b", "b.txt")]
    )
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        execute(path, tmp_path, story_id="story-1", manifest=str(manifest))
