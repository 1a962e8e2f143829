"""Report benchmark: render every analysis notebook for the seed story, against a floor.

The floor is the time to start, run and render the same number of empty notebooks with
the same machinery (papermill + nbconvert, same parallelism). Target (issue 7): the real
report takes ≤ 1.2× the floor.

A second reference, "table + figure", runs the same number of notebooks that each only
import pandas and matplotlib, show one small table and draw one small figure: the least
any notebook that shows a table and a plot in a fresh kernel costs.

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

REPEAT = 5


TABLE_AND_FIGURE = """\
import matplotlib.pyplot as plt
import pandas as pd

table = pd.DataFrame({"version": ["a", "b"], "words": [1000, 800]})
display(table)
table.plot.bar(x="version", y="words");
"""


def empty_notebooks(folder: Path, n: int, code: str | None = None) -> list[Path]:
    """``n`` notebooks with only a parameters cell (and a cell with ``code``, if given)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell('story_id = "x"\nmanifest = None')
        cell.metadata["tags"] = ["parameters"]
        nb.cells = [cell] + ([nbformat.v4.new_code_cell(code)] if code else [])
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
        empties = empty_notebooks(folder / "empty", count)
        minimal = empty_notebooks(folder / "minimal", count, TABLE_AND_FIGURE)
        times: dict[str, list[float]] = {"floor": [], "table + figure": [], "report": []}
        for _ in range(REPEAT):  # interleaved, so that drifts in machine load hit all three
            times["floor"].append(
                timed(lambda: render_notebooks(empties, folder / "floor", {"story_id": "x"}))
            )
            times["table + figure"].append(
                timed(lambda: render_notebooks(minimal, folder / "min", {"story_id": "x"}))
            )
            times["report"].append(timed(lambda: report_command(folder / "real", None, None)))
    floor = statistics.median(times["floor"])
    print(f"{count} notebooks, median of {REPEAT} runs, ratio to the floor (empty notebooks):")
    for name, runs in times.items():
        median = statistics.median(runs)
        spread = ", ".join(f"{t:.2f}" for t in runs)
        print(f"  {name:15s} {median:6.2f} s  ×{median / floor:.2f}  (runs: {spread})")


if __name__ == "__main__":
    main()
