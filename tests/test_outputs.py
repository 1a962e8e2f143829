"""Faults done for real: killed, concurrent, failed, read-only and full-disk runs.

The report must leave its output folder as the previous complete report (or nothing),
never a mix; an unwritable or full folder is a clear error (exit 2), no traceback.
Mounts happen in a private mount namespace (``unshare -m``), so nothing leaks.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT

from analysis.atomic import locked, staged, write_text
from analysis.errors import OutputError

RUNNER = (
    "import sys; from pathlib import Path; import analysis.__main__ as cli; "
    "cli.NOTEBOOKS = Path(sys.argv[1]); sys.exit(cli.main(sys.argv[2:]))"
)


def _notebooks(folder: Path, body: str) -> Path:
    """A notebook folder with one notebook whose cell runs ``body``."""
    folder.mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('story_id = "x"\nmanifest = None\nbundle = None')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(body)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, folder / "00_probe.ipynb")
    return folder


def _previous_report(out: Path) -> dict[str, str]:
    """A complete earlier report in ``out``; returns its files and contents."""
    out.mkdir(parents=True)
    (out / "index.html").write_text("previous index", encoding="utf-8")
    (out / "00_probe.html").write_text("previous page", encoding="utf-8")
    return _contents(out)


def _contents(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _start(notebooks: Path, out: Path, *prefix: str) -> subprocess.Popen:
    argv = [*prefix, sys.executable, "-c", RUNNER, str(notebooks), "report", "--out", str(out)]
    return subprocess.Popen(
        argv,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _wait_for_staging(out: Path, run: subprocess.Popen, timeout: float = 60) -> None:
    """Wait until the run has its staging folder (it holds the lock by then)."""
    deadline = time.monotonic() + timeout
    while not list(out.parent.glob(f".{out.name}.staging-*")):
        assert run.poll() is None, run.communicate()
        assert time.monotonic() < deadline, "the run never started staging"
        time.sleep(0.05)


def _leftovers(out: Path) -> list[Path]:
    return list(out.parent.glob(f".{out.name}.staging-*"))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killed_report_leaves_the_previous_complete_report(tmp_path: Path, sig: int) -> None:
    out = tmp_path / "out"
    before = _previous_report(out)
    run = _start(_notebooks(tmp_path / "nb", "import time\ntime.sleep(6)"), out)
    _wait_for_staging(out, run)
    time.sleep(1.0)  # the kernel is running the notebook
    if sig == signal.SIGKILL:
        os.killpg(run.pid, sig)  # the run and its kernel, as an OOM killer or a power cut would
    else:
        run.send_signal(sig)
    try:
        run.wait(timeout=60)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    os.killpg(run.pid, signal.SIGKILL) if sig == signal.SIGTERM and _alive_group(run.pid) else None
    assert _contents(out) == before
    if sig == signal.SIGTERM:
        assert not _leftovers(out), "a terminated run removes its staging folder"


def _alive_group(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_failed_report_leaves_the_previous_complete_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = _previous_report(out)
    run = _start(_notebooks(tmp_path / "nb", 'raise ValueError("boom")'), out)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 1 and "boom" in err
    assert _contents(out) == before and not _leftovers(out)


def test_second_run_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _start(
        _notebooks(tmp_path / "nb", "import time\ntime.sleep(3)\nprint('FIRST-RUN-OUTPUT')"), out
    )
    try:
        _wait_for_staging(out, first)
        second = _start(_notebooks(tmp_path / "nb2", "print('SECOND-RUN-OUTPUT')"), out)
        _, err = second.communicate(timeout=120)
        assert second.returncode == 2, err
        assert "another run is writing to this folder" in err and "Traceback" not in err
        assert first.wait(timeout=120) == 0, first.communicate()
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    page = (out / "executed" / "00_probe.ipynb").read_text(encoding="utf-8")
    assert "FIRST-RUN-OUTPUT" in page and "SECOND-RUN-OUTPUT" not in page


def test_staged_folder_is_replaced_whole_or_not_at_all(tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = _previous_report(out)
    with pytest.raises(RuntimeError), locked(out), staged(out) as staging:
        write_text(staging / "index.html", "half a report")
        raise RuntimeError("a page failed")
    assert _contents(out) == before and not _leftovers(out)
    with locked(out), staged(out) as staging:
        write_text(staging / "index.html", "new report")
    assert _contents(out) == {"index.html": "new report"}


def _can_mount(tmp_path: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {probe}"],
        capture_output=True,
    )
    return done.returncode == 0


def _in_mount(mount: Path, options: str, argv: list[str]) -> subprocess.CompletedProcess:
    """Run ``argv`` with a tmpfs (``options``) mounted on ``mount``, in its own namespace."""
    mount.mkdir(parents=True, exist_ok=True)
    script = 'mount -t tmpfs -o "$1" tmpfs "$2" && shift 2 && exec "$@"'
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "sh", options, str(mount), *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("options", "problem"), [("ro,size=1m", "Read-only"), ("size=200k", "No space left")]
)
@pytest.mark.parametrize("command", ["export", "report"])
def test_unwritable_or_full_folder_is_a_clear_error(
    tmp_path: Path, options: str, problem: str, command: str
) -> None:
    if not _can_mount(tmp_path):
        pytest.skip("cannot mount a tmpfs here (needs root or a user namespace)")
    mount = tmp_path / "disk"
    out = mount / "out"
    if command == "export":
        argv = [sys.executable, "-m", "analysis", "export", "--out", str(out)]
    else:
        notebooks = _notebooks(tmp_path / "nb", "print('a page')")
        argv = [sys.executable, "-c", RUNNER, str(notebooks), "report", "--out", str(out)]
    done = _in_mount(mount, options, argv)
    assert done.returncode == 2, done.stderr
    assert str(mount) in done.stderr and problem in done.stderr
    assert "Traceback" not in done.stderr


def test_output_error_names_the_folder(tmp_path: Path) -> None:
    error = OutputError(tmp_path, "cannot be written (Read-only file system)")
    assert str(error) == f"{tmp_path}: cannot be written (Read-only file system)"
