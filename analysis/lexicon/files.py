"""Reading the package data files (``analysis/data/NAME``)."""

from __future__ import annotations

import csv
import io
from importlib import resources


def data_text(name: str) -> str:
    """The text of ``analysis/data/NAME``; a missing file raises FileNotFoundError naming it."""
    path = resources.files("analysis").joinpath(f"data/{name}")
    if not path.is_file():
        raise FileNotFoundError(f"analysis/data/{name}: no such package data file")
    return path.read_text("utf-8")


def data_lines(name: str) -> list[str]:
    """The lines of ``analysis/data/NAME`` without blank and ``#`` comment lines (as written)."""
    lines = data_text(name).splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of the CSV file ``analysis/data/NAME`` (header first; comment lines skipped).

    A row with more cells than the header raises ValueError naming the file and the row.
    """
    rows = list(csv.DictReader(io.StringIO("\n".join(data_lines(name)))))
    for number, row in enumerate(rows, start=1):
        if None in row:
            raise ValueError(f"analysis/data/{name}: row {number} has more cells than the header")
    return rows
