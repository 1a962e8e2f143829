"""The library's word lists: one reader for the data files in ``analysis/data``.

Every module that reads a package data file goes through :func:`data_lines` (text files,
one entry a line) or :func:`data_rows` (CSV files). Both skip blank lines and ``#``
comment lines, so each file documents itself in its header.
"""

from __future__ import annotations

from .files import data_lines, data_rows, data_text

__all__ = ["data_lines", "data_rows", "data_text"]
