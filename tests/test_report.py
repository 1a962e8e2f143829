"""Tests for analysis.report: notebook execution, offline HTML rendering and provenance."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.report import ReportError, external_references, provenance, render_notebooks

KERNELSPEC = {"name": "python3", "language": "python", "display_name": "Python 3"}
STORY_ID = "story-<42>&"  # needs HTML escaping wherever it shows up
PRINT_MARKER = "# CODE-MARKER-print"
PLOT_MARKER = "# CODE-MARKER-plot"


def _write_notebook(path: Path, cells: list, *, kernelspec: bool = True) -> Path:
    """Write a v4 notebook with the given cells."""
    nb = new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC} if kernelspec else {})
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Render one notebook (markdown, parameters, print, matplotlib) once for all tests."""
    root = tmp_path_factory.mktemp("project")
    (root / "data").mkdir()
    data = root / "data" / "input.csv"
    data.write_text("version,text\n1,hello\n", encoding="utf-8")
    notebook = _write_notebook(
        root / "story.ipynb",
        [
            new_markdown_cell("# Story versions\n\nSee [the source](https://example.com/a)."),
            new_code_cell('story_id = "x"', metadata={"tags": ["parameters"]}),
            new_code_cell(
                f"{PRINT_MARKER}\nimport os\n"
                'print(f"story is {story_id}")\nprint("cwd is", os.getcwd())'
            ),
            new_code_cell(
                f"{PLOT_MARKER}\nimport matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()"
            ),
        ],
    )
    out = root / "out"
    paths = render_notebooks(
        [notebook], out, {"story_id": STORY_ID}, inputs=[data], workers=1, cwd=root
    )
    return {
        "root": root,
        "out": out,
        "paths": paths,
        "data": data,
        "reader": (out / "story.html").read_text(encoding="utf-8"),
        "code": (out / "code" / "story.html").read_text(encoding="utf-8"),
    }


def test_writes_both_html_versions_and_executed_notebook(rendered: dict) -> None:
    out = rendered["out"]
    assert rendered["paths"] == [out / "story.html", out / "code" / "story.html"]
    assert all(path.is_file() for path in rendered["paths"])
    executed = nbformat.read(out / "executed" / "story.ipynb", as_version=4)
    tags = [tag for cell in executed.cells for tag in cell.metadata.get("tags", [])]
    assert "injected-parameters" in tags


def test_reader_version_hides_code_but_shows_outputs(rendered: dict) -> None:
    reader = rendered["reader"]
    assert PRINT_MARKER not in reader
    assert PLOT_MARKER not in reader
    assert 'story_id = "x"' not in reader  # parameters cell hidden
    assert "injected-parameters" not in reader.lower()
    assert 'class="jp-CodeMirrorEditor' not in reader  # no code input areas at all
    assert "story is story-&lt;42&gt;&amp;" in reader  # printed output, injected value
    assert f"cwd is {rendered['root']}" in reader  # kernel runs in cwd
    assert "Story versions</h1>" in reader or "Story versions<a" in reader  # markdown heading
    assert STORY_ID not in reader  # never inserted unescaped


def test_code_version_shows_code(rendered: dict) -> None:
    code = rendered["code"]
    assert PRINT_MARKER in code
    assert PLOT_MARKER in code
    assert code.count('class="jp-CodeMirrorEditor') == 4  # parameters cells included
    assert "story is story-&lt;42&gt;&amp;" in code
    assert STORY_ID not in code


def test_html_is_self_contained(rendered: dict) -> None:
    for page in (rendered["reader"], rendered["code"]):
        assert external_references(page) == []
        assert "data:image/png;base64," in page
        assert "cdnjs" not in page
        assert "require.min.js" not in page
        assert "MathJax.Hub" not in page
        assert '<a href="https://example.com/a"' in page  # author links are fine


def test_provenance_block_and_json(rendered: dict) -> None:
    digest = hashlib.sha256(rendered["data"].read_bytes()).hexdigest()
    for page in (rendered["reader"], rendered["code"]):
        assert 'id="provenance"' in page
        assert digest in page
        assert "data/input.csv" in page
        assert "news-version-analysis" in page
        assert '"story-&lt;42&gt;&amp;"' in page  # parameters (JSON), escaped
    record = json.loads((rendered["out"] / "provenance.json").read_text(encoding="utf-8"))
    assert record["inputs"] == [{"path": "data/input.csv", "sha256": digest}]
    assert record["parameters"] == {"story_id": STORY_ID}
    assert record["git_commit"] == "unknown"  # tmp dir is not a git repository
    assert record["run_utc"].endswith("+00:00")
    assert record["notebooks"][0]["error"] is None


def test_failing_notebook_raises_after_others_finish(tmp_path: Path) -> None:
    bad = _write_notebook(
        tmp_path / "bad_story.ipynb",
        [
            new_code_cell('story_id = "x"', metadata={"tags": ["parameters"]}),
            new_code_cell('raise ValueError("boom")'),
        ],
    )
    good = _write_notebook(  # no kernelspec metadata: language comes from the kernelspec
        tmp_path / "fine.ipynb", [new_code_cell('print("fine")')], kernelspec=False
    )
    out = tmp_path / "out"
    with pytest.raises(ReportError) as info:
        render_notebooks([bad, good], out, {"story_id": "y"}, workers=2, cwd=tmp_path)
    message = str(info.value)
    assert "bad_story.ipynb" in message
    assert "ValueError: boom" in message
    assert "fine.ipynb" not in message
    assert set(info.value.failures) == {bad.resolve()}
    assert (out / "fine.html").is_file()
    assert (out / "code" / "fine.html").is_file()
    assert info.value.html_paths == [out.resolve() / "fine.html", out.resolve() / "code/fine.html"]
    assert not (out / "bad_story.html").exists()
    assert (out / "executed" / "bad_story.ipynb").is_file()
    record = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    errors = {item["notebook"]: item["error"] for item in record["notebooks"]}
    assert "boom" in errors["bad_story.ipynb"]
    assert errors["fine.ipynb"] is None


def test_external_references_detects_automatic_loads() -> None:
    page = """<!DOCTYPE html><html><head>
    <script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js"></script>
    <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
    <link rel="icon" href="//cdn.example.org/favicon.ico">
    <link rel="canonical" href="https://example.com/canonical">
    <style>
      @import "https://cdn.example.org/theme.css";
      body { background: url('https://cdn.example.org/bg.png'); }
      .ok { background: url(data:image/png;base64,AAAA); mask: url(#clip); }
    </style>
    <script type="module">const m = await import("https://cdn.example.org/mod.mjs");</script>
    </head><body>
    <img src="http://example.org/chart.png">
    <img src="data:image/png;base64,iVBORw0KGgo=">
    <img srcset="data:image/png;base64,AAA,BBB 1x, https://cdn.example.org/hi.png 2x">
    <div style="background-image: url(&quot;https://cdn.example.org/div.png&quot;)"></div>
    <iframe src="https://example.org/embed"></iframe>
    <a href="https://example.com/just-a-link">a link is not a load</a>
    <svg><use href="#marker"/></svg>
    </body></html>"""
    assert external_references(page) == [
        "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js",
        "https://fonts.googleapis.com/css?family=Roboto",
        "//cdn.example.org/favicon.ico",
        "https://cdn.example.org/bg.png",
        "https://cdn.example.org/theme.css",
        "https://cdn.example.org/mod.mjs",
        "http://example.org/chart.png",
        "https://cdn.example.org/hi.png",
        "https://cdn.example.org/div.png",
        "https://example.org/embed",
    ]


def test_external_references_clean_page() -> None:
    page = '<html><body><p>x</p><img src="data:image/png;base64,AA=="><a href="http://e.x">e</a>'
    assert external_references(page) == []


def test_provenance_git_commit_and_dirty_flag(tmp_path: Path) -> None:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    git("init", "-q")
    data = tmp_path / "input.txt"
    data.write_text("hello\n", encoding="utf-8")
    git("add", "input.txt")
    git("commit", "-q", "-m", "init")
    head = git("rev-parse", "HEAD")

    info = provenance({"story_id": "s1"}, [data], tmp_path)
    assert info["git_commit"] == head
    assert info["inputs"] == [
        {"path": "input.txt", "sha256": hashlib.sha256(b"hello\n").hexdigest()}
    ]
    assert info["parameters"] == {"story_id": "s1"}
    assert info["version"] == "unknown" or isinstance(info["version"], str)

    data.write_text("changed\n", encoding="utf-8")
    assert provenance({}, [], tmp_path)["git_commit"] == f"{head}-dirty"


def test_cli_report_fails_with_the_notebooks_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import analysis.__main__ as cli

    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('story_id = "x"\nmanifest = None')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell('raise ValueError("boom in notebook")')]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, folder / "00_fails.ipynb")
    monkeypatch.setattr(cli, "NOTEBOOKS", folder)
    assert cli.main(["report", "--out", str(tmp_path / "out")]) == 1
    error = capsys.readouterr().err
    assert "00_fails.ipynb" in error and "ValueError: boom in notebook" in error
