"""The provenance of a report run: version, git commit, input checksums, parameters, time."""

from __future__ import annotations

import html
import json
import subprocess
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from ..corpus import file_sha256

DISTRIBUTION = "news-version-analysis"
"""Name of the project distribution whose version is recorded in the provenance."""



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


def display_path(path: Path, base: Path) -> str:
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
            {"path": display_path(Path(p), base), "sha256": file_sha256(Path(p))} for p in inputs
        ],
    }


def provenance_html(prov: Mapping[str, object], notebook: str) -> str:
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
