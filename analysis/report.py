"""Execute analysis notebooks with papermill and render them to self-contained, offline HTML.

For every notebook, :func:`render_notebooks` writes

* ``<out_dir>/executed/<stem>.ipynb`` - the executed notebook (papermill output);
* ``<out_dir>/<stem>.html`` - reader version: outputs and markdown only, no code, no
  parameters cells;
* ``<out_dir>/code/<stem>.html`` - the same with code cells;

plus ``<out_dir>/provenance.json``.  Each HTML page carries a provenance block (package
version, git commit, input SHA-256s, parameters, UTC run time).  The pages never load
anything from outside the file: see :func:`external_references`.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path

import nbformat
import papermill
from jupyter_client.kernelspec import KernelSpecManager
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from papermill.exceptions import PapermillExecutionError
from papermill.iorw import papermill_io

from .corpus import file_sha256
from .errors import ReportError

__all__ = [
    "DISTRIBUTION",
    "ReportError",
    "external_references",
    "provenance",
    "render_notebooks",
]

DISTRIBUTION = "news-version-analysis"
"""Name of the project distribution whose version is recorded in the provenance."""

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "offline_lab"
"""nbconvert template (extends ``lab``) with every CDN-loading block removed."""

HIDDEN_TAGS = frozenset({"parameters", "injected-parameters"})
"""Cells with these tags are dropped from the reader version."""


# --------------------------------------------------------------------------- provenance


def _package_version() -> str:
    """Installed version of the project distribution, or ``"unknown"``."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def _git(cwd: Path, *args: str) -> str | None:
    """Stdout of ``git <args>`` run in ``cwd``; ``None`` if git fails or is missing."""
    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


def _git_commit(cwd: Path) -> str:
    """``HEAD`` commit of the repository at ``cwd`` (``-dirty`` if modified) or ``unknown``."""
    head = _git(cwd, "rev-parse", "HEAD")
    if not head or not head.strip():
        return "unknown"
    status = _git(cwd, "status", "--porcelain")
    dirty = status is None or bool(status.strip())
    return head.strip() + ("-dirty" if dirty else "")


def _display_path(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` when it lies below it, else absolute (POSIX style)."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(base.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def _json_safe(value: object) -> object:
    """Round-trip ``value`` through JSON, stringifying anything JSON cannot represent."""
    return json.loads(json.dumps(value, default=str))


def provenance(
    parameters: Mapping[str, object],
    inputs: Sequence[Path] = (),
    cwd: Path | None = None,
) -> dict[str, object]:
    """Describe a run: package version, git commit of ``cwd``, input hashes, parameters, time.

    Input paths are reported relative to ``cwd`` where possible.  A missing input raises
    :class:`FileNotFoundError`.
    """
    base = Path(cwd) if cwd is not None else Path.cwd()
    return {
        "package": DISTRIBUTION,
        "version": _package_version(),
        "git_commit": _git_commit(base),
        "run_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": _json_safe(dict(parameters)),
        "inputs": [
            {"path": _display_path(Path(p), base), "sha256": file_sha256(Path(p))} for p in inputs
        ],
    }


def _provenance_html(prov: Mapping[str, object], notebook: str) -> str:
    """Small collapsible provenance block; every inserted value is HTML-escaped."""
    esc = html.escape

    def code(value: object) -> str:
        return f"<code>{esc(str(value))}</code>"

    params = prov.get("parameters")
    params = params if isinstance(params, Mapping) else {}
    param_rows = "".join(
        f"<tr><td>{code(key)}</td><td>{code(json.dumps(val, ensure_ascii=False))}</td></tr>"
        for key, val in params.items()
    )
    inputs = prov.get("inputs")
    inputs = inputs if isinstance(inputs, list) else []
    input_rows = "".join(
        f"<tr><td>{code(item['path'])}</td><td>{code(item['sha256'])}</td></tr>" for item in inputs
    )
    summary = (
        f"Provenance: {esc(str(prov.get('package')))} {esc(str(prov.get('version')))}"
        f" &middot; commit {esc(str(prov.get('git_commit'))[:12])}"
        f" &middot; run {esc(str(prov.get('run_utc')))}"
    )
    return (
        '<aside class="nva-provenance" id="provenance" aria-label="Provenance">'
        f"<details><summary>{summary}</summary><dl>"
        f"<dt>Notebook</dt><dd>{code(notebook)}</dd>"
        f"<dt>Package</dt><dd>{code(prov.get('package'))} {code(prov.get('version'))}</dd>"
        f"<dt>Git commit</dt><dd>{code(prov.get('git_commit'))}</dd>"
        f"<dt>Run (UTC)</dt><dd>{code(prov.get('run_utc'))}</dd>"
        f"<dt>Parameters</dt><dd>{f'<table>{param_rows}</table>' if param_rows else 'none'}</dd>"
        "<dt>Inputs (SHA-256)</dt>"
        f"<dd>{f'<table>{input_rows}</table>' if input_rows else 'none'}</dd>"
        "</dl></details></aside>"
    )


# ------------------------------------------------------------------- external references

_INLINE_SCHEMES = ("data:", "blob:", "about:", "javascript:")

# Attributes whose URL the browser fetches without user action, per (lower-case) tag.
_URL_ATTRS: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),  # SVG
    "feimage": ("href", "xlink:href"),  # SVG
    "use": ("href", "xlink:href"),  # SVG
}
_NAVIGATION_RELS = frozenset(
    {
        "alternate",
        "author",
        "bookmark",
        "canonical",
        "external",
        "help",
        "license",
        "me",
        "next",
        "nofollow",
        "noopener",
        "noreferrer",
        "prev",
        "search",
        "tag",
    }
)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_JS_IMPORT = re.compile(
    r"""(?:\bimport\s*\(\s*|\bimport\s+|\bfrom\s*)(["'`])((?:https?:)?//[^"'`]+)\1"""
)
_META_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)


def _is_external(url: str) -> bool:
    """Tell whether ``url`` leaves the document (anything but data:, blob:, #fragment...)."""
    url = url.strip()
    return bool(url) and not url.startswith("#") and not url.lower().startswith(_INLINE_SCHEMES)


def _srcset_urls(srcset: str) -> list[str]:
    """URLs of an ``srcset`` attribute (data: URLs may contain commas, so no plain split)."""
    urls: list[str] = []
    pos, end = 0, len(srcset)
    while pos < end:
        while pos < end and (srcset[pos].isspace() or srcset[pos] == ","):
            pos += 1
        start = pos
        while pos < end and not srcset[pos].isspace():
            pos += 1
        url = srcset[start:pos].rstrip(",")
        if url:
            urls.append(url)
        if srcset[start:pos].endswith(","):
            continue
        while pos < end and srcset[pos] != ",":  # skip descriptors such as "2x"
            pos += 1
    return urls


def _css_urls(css: str) -> list[str]:
    """URLs referenced by ``url(...)`` and ``@import "..."`` in a piece of CSS."""
    found = [next(g for g in m.groups() if g is not None) for m in _CSS_URL.finditer(css)]
    found += [next(g for g in m.groups() if g is not None) for m in _CSS_IMPORT.finditer(css)]
    return found


class _ReferenceCollector(HTMLParser):
    """Collects candidate URLs of automatically loaded resources, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._raw_tag: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in _URL_ATTRS.get(tag, ()):
            if name in values:
                raw = values[name]
                self.urls.extend(_srcset_urls(raw) if name == "srcset" else [raw])
        if tag == "link" and "href" in values:
            rels = set(values.get("rel", "").lower().split())
            if not rels or not rels <= _NAVIGATION_RELS:
                self.urls.append(values["href"])
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = _META_REFRESH_URL.search(values.get("content", ""))
            if match:
                self.urls.append(match.group(1))
        if "background" in values:  # legacy <body background=...>, <td background=...>
            self.urls.append(values["background"])
        if "style" in values:
            self.urls.extend(_css_urls(values["style"]))
        self._raw_tag = tag if tag in ("style", "script") else None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._raw_tag = None

    def handle_endtag(self, tag: str) -> None:
        self._raw_tag = None

    def handle_data(self, data: str) -> None:
        if self._raw_tag == "style":
            self.urls.extend(_css_urls(data))
        elif self._raw_tag == "script":
            self.urls.extend(m.group(2) for m in _JS_IMPORT.finditer(data))


def external_references(html_text: str) -> list[str]:
    """Return every reference in ``html_text`` that a browser would load from outside the file.

    Covers ``<script src>``, ``<link href>`` (stylesheets, icons, preloads; not purely
    navigational rels), ``<img>``/``<source>`` ``src``/``srcset``, ``<iframe>``/``<embed>``/
    ``<object>``/media sources, SVG ``<image>``/``<use>`` hrefs, meta refresh, CSS ``url()`` and
    ``@import`` in ``<style>`` and ``style=""``, and ES-module imports of absolute URLs in inline
    scripts.  ``http(s)://`` and protocol-relative ``//`` URLs are reported, and so are relative
    paths (they also point outside a self-contained file); ``data:``/``blob:`` URLs and
    ``#fragment`` references are not.  Plain ``<a href>`` links are not loads and are ignored.
    Result is de-duplicated, in document order.
    """
    collector = _ReferenceCollector()
    collector.feed(html_text)
    collector.close()
    seen: dict[str, None] = {}
    for url in collector.urls:
        if _is_external(url):
            seen.setdefault(url.strip(), None)
    return list(seen)


# ------------------------------------------------------------------------------ rendering


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

    prov_html = _provenance_html(job.provenance, _display_path(job.notebook, job.cwd))
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
        target.write_text(page, encoding="utf-8")
    return _Outcome(job.notebook, executed, html_paths=targets)


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
    nb_paths = [Path(nb).resolve() for nb in notebooks]
    missing = [str(nb) for nb in nb_paths if not nb.is_file()]
    if missing:
        raise FileNotFoundError(f"notebook(s) not found: {', '.join(missing)}")
    clashes = sorted(stem for stem, n in Counter(nb.stem for nb in nb_paths).items() if n > 1)
    if clashes:
        raise ValueError(f"notebook names must be unique, repeated: {', '.join(clashes)}")
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")

    out = Path(out_dir).resolve()
    prov = provenance(parameters, inputs, base)
    (out / "executed").mkdir(parents=True, exist_ok=True)
    (out / "code").mkdir(parents=True, exist_ok=True)

    outcomes: dict[Path, _Outcome] = {}
    if nb_paths:
        n_workers = workers or min(len(nb_paths), os.cpu_count() or 1)
        jobs = [_Job(nb, out, dict(parameters), kernel_name, base, prov) for nb in nb_paths]
        # Longest first (LPT scheduling), so that a long notebook does not start last and
        # run alone at the end; a notebook's length is estimated by its code cells.
        jobs.sort(key=lambda job: _code_cells(job.notebook), reverse=True)
        # Threads suffice: the work happens in the kernel processes; nbclient runs one event
        # loop per thread.
        with _restore_papermill_local_cwd(), ThreadPoolExecutor(max_workers=n_workers) as pool:
            futures = {pool.submit(_run_job, job): job for job in jobs}
            for future in as_completed(futures):
                job = futures[future]
                try:
                    outcomes[job.notebook] = future.result()
                except Exception as exc:  # reported with the other failures
                    executed = out / "executed" / f"{job.notebook.stem}.ipynb"
                    outcomes[job.notebook] = _Outcome(
                        job.notebook, executed, error=f"{type(exc).__name__}: {exc}"
                    )

    ordered = [outcomes[nb] for nb in nb_paths]
    written = [path for outcome in ordered for path in outcome.html_paths]
    record = dict(prov)
    record["notebooks"] = [
        {
            "notebook": _display_path(o.notebook, base),
            "executed": _display_path(o.executed, out),
            "html": [_display_path(p, out) for p in o.html_paths],
            "error": o.error,
        }
        for o in ordered
    ]
    (out / "provenance.json").write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )

    failures = {o.notebook: o.error for o in ordered if o.error is not None}
    if failures:
        lines = [
            f"  - {_display_path(nb, base)}: {error}\n"
            f"    (executed notebook: {_display_path(outcomes[nb].executed, base)})"
            for nb, error in failures.items()
        ]
        raise ReportError(
            f"{len(failures)} of {len(nb_paths)} notebook(s) failed:\n" + "\n".join(lines),
            failures,
            written,
        )
    return written


# ---------------------------------------------------------------------------------- index

_INDEX_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60em;
margin:2em auto;padding:0 1em;line-height:1.5;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;
text-align:left;vertical-align:top}th{background:#f3f3f3}code{font-size:.9em}
"""


def write_index(
    out_dir: Path,
    pages: Sequence[Path],
    corpus: object,
    story_id: str,
    skipped: Sequence[Path] = (),
    findings: Sequence[tuple[str, str]] | None = None,
) -> Path:
    """Write ``out_dir/index.html``: key findings, the versions, and links to every page.

    ``pages`` is what :func:`render_notebooks` returned (reader then code version per
    notebook); ``skipped`` lists notebooks not run (e.g. comparisons of a one-version
    story). The findings are generated from the tables (``findings``: the result of
    :func:`analysis.registry.key_findings` for this corpus and story, if already
    computed); all text is HTML-escaped.
    """
    from .overview import versions
    from .registry import key_findings

    out = Path(out_dir)
    esc = html.escape
    table = versions(corpus, story_id)  # type: ignore[arg-type]
    columns = [
        "article_id",
        "role",
        "outlet",
        "published",
        "n_paragraphs",
        "n_sentences",
        "n_words",
    ]
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{esc(str(row[c]))}</td>" for c in columns) + "</tr>"
        for _, row in table.iterrows()
    )
    if findings is None:
        findings = key_findings(corpus, story_id)  # type: ignore[arg-type]
    findings_html = "".join(
        f"<li><strong>{esc(section)}</strong>: {esc(sentence)}</li>"
        for section, sentence in findings
    )
    readers = [p for p in pages if p.parent.name != "code"]
    links = "".join(
        f'<li><a href="{esc(p.name)}">{esc(p.stem)}</a> '
        f'(<a href="code/{esc(p.name)}">with code</a>)</li>'
        for p in readers
    )
    links += "".join(
        f"<li>{esc(p.stem)}: not run, the story has a single version and this section "
        "compares versions</li>"
        for p in skipped
    )
    headline = table["headline"].dropna()
    prov = provenance({"story_id": story_id}, (), Path.cwd())
    title = f"Versions of a story: {story_id}"
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{esc(title)}</title><style>{_INDEX_CSS}</style></head><body>"
        f"<h1>{esc(title)}</h1>"
        + (f"<p><em>{esc(str(headline.iloc[0]))}</em></p>" if len(headline) else "")
        + f"<h2>Key findings</h2><ul>{findings_html}</ul>"
        + f"<h2>Versions</h2><table><tr>{head}</tr>{rows}</table>"
        + f"<h2>Sections</h2><ul>{links}</ul>"
        + "<p>Provenance (package version, git commit, input checksums, parameters, run time) "
        "is at the top of every section and in <code>provenance.json</code>. "
        f"Index written {esc(str(prov['run_utc']))} by {esc(str(prov['package']))} "
        f"{esc(str(prov['version']))}, commit {esc(str(prov['git_commit']))}.</p>"
        "</body></html>"
    )
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
