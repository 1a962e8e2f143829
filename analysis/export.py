"""Writing tables as CSV files, safe to open in a spreadsheet.

A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is prefixed with a single quote (``'``), so that spreadsheet programs show it as text
instead of running it as a formula (CSV/formula injection). The README's data
dictionary documents the columns of every table.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .atomic import output_problem, write_text
from .errors import OutputError

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: object) -> object:
    """The value, with a leading ``'`` if it is a string a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def guard_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose text cells cannot start a spreadsheet formula."""
    guarded = table.copy()
    for column in guarded.columns:
        if guarded[column].dtype == object or pd.api.types.is_string_dtype(guarded[column]):
            guarded[column] = guarded[column].map(guard_cell)
    return guarded


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write each table to ``out_dir/<name>.csv`` (UTF-8, formula-guarded); return the paths.

    Each file is written under a temporary name and renamed into place. OutputError
    (naming the folder) if it is read-only, not ours or full.
    """
    out_dir = Path(out_dir)
    written = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, table in tables.items():
            path = out_dir / f"{name}.csv"
            write_text(path, guard_formulas(table).to_csv(index=False))
            written.append(path)
    except OSError as error:
        problem = output_problem(error)
        if problem is None or isinstance(error, OutputError):
            raise
        raise OutputError(out_dir, f"cannot be written ({problem.strerror})") from None
    return written
