"""Report benchmark: render every analysis notebook for the seed story, against a floor.

The floor is the time to start, run and render the same number of empty notebooks with
the same machinery (papermill + nbconvert, same parallelism). Target (issue 7): the real
report takes ≤ 1.2× the floor.

Run: .venv/bin/python benchmarks/bench_report.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from common import machine

from analysis.__main__ import NOTEBOOKS, report_command
from analysis.report import render_notebooks

REPEAT = 3


def empty_notebooks(folder: Path, n: int) -> list[Path]:
    """``n`` notebooks with only a parameters cell."""
    paths = []
    for k in range(n):
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell('story_id = "x"\nmanifest = None')
        cell.metadata["tags"] = ["parameters"]
        nb.cells = [cell]
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        path = folder / f"{k:02d}_empty.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    count = len(list(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")))
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        empties = empty_notebooks(folder, count)
        floor = [timed(lambda: render_notebooks(empties, folder / "floor", {"story_id": "x"}))
                 for _ in range(REPEAT)]  # fmt: skip
        real = [timed(lambda: report_command(folder / "real", None, None)) for _ in range(REPEAT)]
    f, r = statistics.median(floor), statistics.median(real)
    print(
        f"{count} notebooks: floor (empty notebooks) {f:.2f} s, report {r:.2f} s, ratio {r / f:.2f}"
    )


if __name__ == "__main__":
    main()
