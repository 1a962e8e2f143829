"""Rendered reports in headless Chromium: self-contained, offline, and safe with hostile text.

Chromium comes from Debian's chromium package (.ci/run installs it). Every request the
page makes is recorded; anything but the page itself and data: URLs is aborted and
fails the test. Without Chromium the tests are skipped with the reason shown.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from conftest import manifest_row, write_manifest

from analysis.__main__ import NOTEBOOKS as NOTEBOOK_DIR
from analysis.__main__ import report_command
from analysis.report import external_references

CHROMIUM = next(
    (
        path
        for name in ("chromium", "chromium-browser", "google-chrome")
        if (path := shutil.which(name))
    ),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium on this machine (apt-get install chromium); browser tests skipped",
)
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
HOSTILE = (
    "<b>Breaking</b> <script>alert('headline')</script>\n"
    "WASHINGTON — The minister said <script>alert('xss')</script> that talks would resume.\n"
    "Critics posted <img src=x onerror=alert('img')> and **bold claims** online.\n"
    "# Not a heading, just a line that starts with a hash sign.\n"
    '=HYPERLINK("http://evil.example") appeared in a <a href="http://evil.example">link</a>.\n'
    'Math like $x^2$ and <iframe src="http://evil.example"></iframe> stays text.\n'
)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def open_offline(browser, path: Path) -> dict:
    """Open a page with every non-local request aborted; return what happened."""
    page = browser.new_page()
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url in (path.as_uri(),) or route.request.url.startswith("data:")
            else route.abort()
        ),
    )
    page.goto(path.as_uri(), wait_until="load")
    state = page.evaluate(
        """() => ({
            headings: Array.from(document.querySelectorAll('h1, h2')).map(h => h.innerText),
            tables: document.querySelectorAll('table').length,
            images: document.images.length,
            broken: Array.from(document.images)
                .filter(i => !(i.complete && i.naturalWidth > 0)).length,
            scripts: Array.from(document.querySelectorAll('script[src]')).map(s => s.src),
            text: document.body.innerText,
        })"""
    )
    page.close()
    external = [url for url in requests if url != path.as_uri() and not url.startswith("data:")]
    return {**state, "external": external, "dialogs": dialogs}


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return report_command(tmp_path_factory.mktemp("report"), None, None)


def test_seed_report_has_every_page(seed_report: list[Path]) -> None:
    names = {(p.parent.name, p.name) for p in seed_report}
    notebooks = sorted(Path(__file__).parent.parent.glob("notebooks/[0-9][0-9]_*.ipynb"))
    for notebook in notebooks:
        assert (seed_report[0].parent.name, f"{notebook.stem}.html") in names
        assert ("code", f"{notebook.stem}.html") in names
    assert seed_report[0].name == "index.html"


def test_notebooks_used_the_shared_tables(seed_report: list[Path]) -> None:
    """The report computes the tables once; no notebook recomputed them (no stale bundle)."""
    executed = sorted((seed_report[0].parent / "executed").glob("*.ipynb"))
    assert len(executed) == len(list(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb")))
    for path in executed:
        notebook = nbformat.read(path, as_version=4)
        parameters = notebook.metadata["papermill"]["parameters"]
        assert parameters["bundle"].endswith("bundle.pickle"), path
        assert not Path(parameters["bundle"]).exists(), "the report keeps no pickle"
        streams = [
            o.get("text", "")
            for c in notebook.cells
            if c.cell_type == "code"
            for o in c.outputs
            if o.output_type == "stream"
        ]
        assert not any("StaleBundleWarning" in text for text in streams), path


def test_pages_render_offline_with_no_external_request(browser, seed_report: list[Path]) -> None:
    for path in seed_report:
        state = open_offline(browser, path)
        assert state["external"] == [], path
        assert state["scripts"] == [] and state["dialogs"] == [], path
        assert state["headings"], f"{path} shows no heading"
        assert state["broken"] == 0, f"{path} has images that did not load"
        if path.name != "index.html":
            assert state["tables"] > 0 and state["images"] > 0, path
        assert external_references(path.read_text(encoding="utf-8")) == []


def test_index_leads_with_key_findings(browser, seed_report: list[Path]) -> None:
    state = open_offline(browser, seed_report[0])
    assert state["headings"][:3] == [
        "Versions of a story: iraq-troops-2020-01",
        "Key findings",
        "Versions",
    ]
    assert "keeps" in state["text"] and "verbatim" in state["text"]


def test_hostile_story_renders_as_text(browser, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HOSTILE.replace("resume", "restart"), encoding="utf-8")
    manifest = write_manifest(
        tmp_path,
        [manifest_row("hostile-a", "a.txt", role="original", format="nyt-web"),
         manifest_row("hostile-b", "b.txt", format="nyt-web")],
    )  # fmt: skip
    pages = report_command(tmp_path / "report", "story-1", manifest)
    for path in pages:
        state = open_offline(browser, path)
        assert state["dialogs"] == [], f"{path}: article text ran as script"
        assert state["external"] == [], f"{path}: {state['external']}"
        assert state["broken"] == 0
    overview = open_offline(browser, tmp_path / "report" / "00_overview.html")
    assert "<script>alert('xss')</script>" in overview["text"]
    assert "<img src=x onerror=alert('img')>" in overview["text"]
    assert "**bold claims**" in overview["text"]
