"""Execute analysis notebooks with papermill and render them to self-contained, offline HTML.

For every notebook, :func:`render_notebooks` writes

* ``<out_dir>/executed/<stem>.ipynb`` - the executed notebook (papermill output);
* ``<out_dir>/<stem>.html`` - reader version: outputs and markdown only, no code, no
  parameters cells;
* ``<out_dir>/code/<stem>.html`` - the same with code cells;

plus ``<out_dir>/provenance.json``.  Each HTML page carries a provenance block (package
version, git commit, input SHA-256s, parameters, UTC run time).  The pages never load
anything from outside the file: see :func:`analysis.report.offline_html.external_references`.
"""

from __future__ import annotations

import json
import os
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat
import papermill
from jupyter_client.kernelspec import KernelSpecManager
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from papermill.exceptions import PapermillExecutionError
from papermill.iorw import papermill_io

from ..atomic import write_text
from ..errors import ReportError
from .offline_html import external_references
from .run_record import display_path, provenance, provenance_html

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE_NAME = "offline_lab"
"""nbconvert template (extends ``lab``) with every CDN-loading block removed."""

HIDDEN_TAGS = frozenset({"parameters", "injected-parameters"})
"""Cells with these tags are dropped from the reader version."""


@dataclass(frozen=True)
class _Job:
    """Everything a worker needs to execute and render one notebook."""

    notebook: Path
    out_dir: Path
    parameters: dict[str, object]
    kernel_name: str
    cwd: Path
    provenance: dict[str, object]


@dataclass(frozen=True)
class _Outcome:
    """Result of one job: written HTML pages, or an error message."""

    notebook: Path
    executed: Path
    html_paths: tuple[Path, ...] = ()
    error: str | None = None


def _html_targets(out_dir: Path, stem: str) -> tuple[Path, Path]:
    """Paths of the reader and the code version of a notebook's HTML."""
    return out_dir / f"{stem}.html", out_dir / "code" / f"{stem}.html"


def _notebook_language(notebook: Path, kernel_name: str) -> str | None:
    """Language for papermill when the notebook metadata does not name one."""
    meta = nbformat.read(notebook, as_version=4).metadata
    if meta.get("kernelspec", {}).get("language") or meta.get("language_info", {}).get("name"):
        return None
    return KernelSpecManager().get_kernel_spec(kernel_name).language


def _code_cells(notebook: Path) -> int:
    """Number of code cells of a notebook: the estimate of its running time."""
    cells = nbformat.read(notebook, as_version=4).cells
    return sum(cell.cell_type == "code" for cell in cells)


_EXPORTERS = threading.local()


def _exporter(*, code: bool) -> HTMLExporter:
    """This thread's exporter for the reader (``code=False``) or the code version.

    Built once per worker thread and reused, so the offline template is compiled once per
    thread rather than once per page (an exporter is not shared between threads).
    ``optimistic_validation`` validates the notebook once after all preprocessors rather
    than after each one.
    """
    cache = _EXPORTERS.__dict__
    if code not in cache:
        exporter = HTMLExporter(
            template_name=TEMPLATE_NAME,
            extra_template_basedirs=[str(TEMPLATES_DIR)],
            embed_images=True,
            exclude_input=not code,
            exclude_input_prompt=not code,
            exclude_output_prompt=not code,
            optimistic_validation=True,
        )
        if not code:
            exporter.register_preprocessor(
                TagRemovePreprocessor(remove_cell_tags=set(HIDDEN_TAGS)), enabled=True
            )
        cache[code] = exporter
    return cache[code]


def _export_html(
    executed: Path,
    source_dir: Path,
    provenance_html: str,
    *,
    code: bool,
    nb: nbformat.NotebookNode | None = None,
) -> str:
    """Render an executed notebook with the offline template (reader version if not code).

    ``nb`` is the executed notebook if already read (the exporter works on a copy, so one
    notebook node can be rendered twice); otherwise it is read from ``executed``.
    """
    if nb is None:
        nb = nbformat.read(executed, as_version=4)
    resources = {
        "metadata": {"name": executed.stem, "path": str(source_dir)},
        "provenance_html": provenance_html,
    }
    body, _ = _exporter(code=code).from_notebook_node(nb, resources=resources)
    return body


@contextmanager
def _restore_papermill_local_cwd() -> Iterator[None]:
    """Undo papermill's global local-file-handler cwd, which concurrent runs may leave set."""
    handler = papermill_io.get_handler("local")
    saved = handler.cwd(None)
    handler.cwd(saved)
    try:
        yield
    finally:
        handler.cwd(saved)


def _run_job(job: _Job) -> _Outcome:
    """Worker: execute one notebook with papermill and write both HTML versions."""
    stem = job.notebook.stem
    executed = job.out_dir / "executed" / f"{stem}.ipynb"
    targets = _html_targets(job.out_dir, stem)
    for target in targets:  # never leave a stale page from an earlier run behind
        target.unlink(missing_ok=True)
    try:
        executed_nb = papermill.execute_notebook(
            str(job.notebook),
            str(executed),
            parameters=job.parameters,
            kernel_name=job.kernel_name,
            language=_notebook_language(job.notebook, job.kernel_name),
            progress_bar=False,
            # Written once when done (or failed), not after every cell: rewriting a notebook
            # of a megabyte of embedded figures some 90 times cost about a second.
            request_save_on_cell_execute=False,
            # Kernel working directory via nbclient, not papermill's process-wide chdir(cwd),
            # which would race between worker threads.
            resources={"metadata": {"path": str(job.cwd)}},
        )
    except PapermillExecutionError as exc:
        return _Outcome(
            job.notebook, executed, error=f"{exc.ename}: {exc.evalue} (cell In [{exc.exec_count}])"
        )
    except Exception as exc:  # reported to the parent as text
        return _Outcome(job.notebook, executed, error=f"{type(exc).__name__}: {exc}")

    prov_html = provenance_html(job.provenance, display_path(job.notebook, job.cwd))
    try:
        nb = executed_nb
        pages = [
            _export_html(executed, job.notebook.parent, prov_html, code=False, nb=nb),
            _export_html(executed, job.notebook.parent, prov_html, code=True, nb=nb),
        ]
    except Exception as exc:  # reported to the parent as text
        return _Outcome(
            job.notebook, executed, error=f"rendering failed: {type(exc).__name__}: {exc}"
        )
    external = sorted({url for page in pages for url in external_references(page)})
    if external:
        return _Outcome(
            job.notebook,
            executed,
            error="HTML would load external resources: " + ", ".join(external),
        )
    for target, page in zip(targets, pages, strict=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text(target, page)
    return _Outcome(job.notebook, executed, html_paths=targets)


def _checked_paths(notebooks: Sequence[Path], workers: int | None) -> list[Path]:
    """The notebooks as absolute paths; errors for a missing one, repeated names, no workers."""
    nb_paths = [Path(nb).resolve() for nb in notebooks]
    missing = [str(nb) for nb in nb_paths if not nb.is_file()]
    if missing:
        raise FileNotFoundError(f"notebook(s) not found: {', '.join(missing)}")
    clashes = sorted(stem for stem, n in Counter(nb.stem for nb in nb_paths).items() if n > 1)
    if clashes:
        raise ValueError(f"notebook names must be unique, repeated: {', '.join(clashes)}")
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    return nb_paths


def _run_all(jobs: list[_Job], workers: int | None) -> dict[Path, _Outcome]:
    """Run the jobs in parallel threads; every job gets an outcome, failed or not."""
    outcomes: dict[Path, _Outcome] = {}
    if not jobs:
        return outcomes
    n_workers = workers or min(len(jobs), os.cpu_count() or 1)
    # Longest first (LPT scheduling), so that a long notebook does not start last and
    # run alone at the end; a notebook's length is estimated by its code cells.
    jobs = sorted(jobs, key=lambda job: _code_cells(job.notebook), reverse=True)
    # Threads suffice: the work happens in the kernel processes; nbclient runs one event
    # loop per thread.
    with _restore_papermill_local_cwd(), ThreadPoolExecutor(max_workers=n_workers) as pool:
        futures = {pool.submit(_run_job, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                outcomes[job.notebook] = future.result()
            except Exception as exc:  # reported with the other failures
                executed = job.out_dir / "executed" / f"{job.notebook.stem}.ipynb"
                outcomes[job.notebook] = _Outcome(
                    job.notebook, executed, error=f"{type(exc).__name__}: {exc}"
                )
    return outcomes


def _write_provenance(
    out: Path, prov: Mapping[str, object], ordered: list[_Outcome], base: Path
) -> None:
    """``out/provenance.json``: the run's provenance and every notebook's pages or error."""
    record = dict(prov)
    record["notebooks"] = [
        {
            "notebook": display_path(o.notebook, base),
            "executed": display_path(o.executed, out),
            "html": [display_path(p, out) for p in o.html_paths],
            "error": o.error,
        }
        for o in ordered
    ]
    write_text(out / "provenance.json", json.dumps(record, indent=2, ensure_ascii=False) + "\n")


def _raise_failures(ordered: list[_Outcome], base: Path, written: list[Path]) -> None:
    """ReportError naming every failed notebook (with its executed copy), if any failed."""
    failures = {o.notebook: o for o in ordered if o.error is not None}
    if not failures:
        return
    lines = [
        f"  - {display_path(nb, base)}: {o.error}\n"
        f"    (executed notebook: {display_path(o.executed, base)})"
        for nb, o in failures.items()
    ]
    raise ReportError(
        f"{len(failures)} of {len(ordered)} notebook(s) failed:\n" + "\n".join(lines),
        {nb: o.error for nb, o in failures.items()},
        written,
    )


def render_notebooks(
    notebooks: Sequence[Path],
    out_dir: Path,
    parameters: Mapping[str, object],
    inputs: Sequence[Path] = (),
    workers: int | None = None,
    kernel_name: str = "python3",
    cwd: Path | None = None,
) -> list[Path]:
    """Execute ``notebooks`` in parallel with papermill and render them to offline HTML.

    Each notebook runs in a fresh ``kernel_name`` kernel whose working directory is ``cwd``
    (default: the current directory), with ``parameters`` injected after its cell tagged
    ``parameters``.  Writes ``out_dir/executed/<stem>.ipynb``, ``out_dir/<stem>.html``
    (reader version), ``out_dir/code/<stem>.html`` and ``out_dir/provenance.json``.
    ``inputs`` are hashed into the provenance.  Returns the HTML paths, reader then code
    version for each notebook, in the given order.  Raises :class:`ReportError` naming every
    failed notebook once all notebooks have finished.
    """
    base = (Path(cwd) if cwd is not None else Path.cwd()).resolve()
    nb_paths = _checked_paths(notebooks, workers)
    out = Path(out_dir).resolve()
    prov = provenance(parameters, inputs, base)
    (out / "executed").mkdir(parents=True, exist_ok=True)
    (out / "code").mkdir(parents=True, exist_ok=True)
    jobs = [_Job(nb, out, dict(parameters), kernel_name, base, prov) for nb in nb_paths]
    outcomes = _run_all(jobs, workers)
    ordered = [outcomes[nb] for nb in nb_paths]
    written = [path for outcome in ordered for path in outcome.html_paths]
    _write_provenance(out, prov, ordered, base)
    _raise_failures(ordered, base, written)
    return written
