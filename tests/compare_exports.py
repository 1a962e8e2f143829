"""Compare two export folders table by table (not a test: a script for the reshape check).

Usage: ``python tests/compare_exports.py REFERENCE NEW``, where each folder was written by
``python -m analysis export --out FOLDER`` (e.g. REFERENCE at the commit before a reshape).
Every CSV must be equal, apart from pair-key columns renamed to ``original_article_id`` /
``version_article_id`` (:data:`RENAMED`). Prints each table that differs, with a few
differing rows, and exits 1 if any does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

RENAMED = {
    "readability_differences": {
        "original_id": "original_article_id",
        "article_id": "version_article_id",
    },
    "readability_style": {"original_id": "original_article_id", "article_id": "version_article_id"},
    "quote_matches": {"original_id": "original_article_id", "version_id": "version_article_id"},
}
"""Old column name → new, per table: the pair keys that got one name."""


def difference(reference: Path, new: Path) -> str:
    """ "" if the two CSVs hold the same table (after the renames), else what differs."""
    if not reference.exists() or not new.exists():
        return "missing in " + ("the reference" if not reference.exists() else "the new export")
    old = pd.read_csv(reference, keep_default_na=False, dtype=str)
    now = pd.read_csv(new, keep_default_na=False, dtype=str)
    renamed = RENAMED.get(reference.stem, {})
    old = old.rename(columns={k: v for k, v in renamed.items() if v in now.columns})
    if list(old.columns) != list(now.columns):
        return f"columns {list(old.columns)} became {list(now.columns)}"
    if old.shape != now.shape:
        return f"shape {old.shape} became {now.shape}"
    rows = (old != now).any(axis=1)
    if not rows.any():
        return ""
    first = rows.to_numpy().nonzero()[0][0]
    cells = [
        f"  {column}: {old.at[first, column]!r} -> {now.at[first, column]!r}"
        for column in old.columns
        if old.at[first, column] != now.at[first, column]
    ]
    return f"{int(rows.sum())} rows differ; row {first}:\n" + "\n".join(cells)


def main(argv: list[str]) -> int:
    reference, new = Path(argv[0]), Path(argv[1])
    names = sorted({p.name for folder in (reference, new) for p in folder.glob("*.csv")})
    found = {name: difference(reference / name, new / name) for name in names}
    for name, problem in found.items():
        if problem:
            print(f"{name}: {problem}")
    print(f"{sum(map(bool, found.values()))} of {len(names)} tables differ")
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
