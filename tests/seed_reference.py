"""Fingerprints of the seed story's exported tables, to show a refactor kept every result.

``python tests/seed_reference.py EXPORT_DIR > tests/data/seed_tables_reference.json`` records
the fingerprints of an export (``python -m analysis export --out EXPORT_DIR``). The reference
in ``tests/data`` was recorded at commit 5e0c174, the last commit before the reshape; the
pair keys that the reshape renamed are mapped to their new names first.

A fingerprint is the table's row count, its columns, and the SHA-256 of each column's values
as CSV text, with numbers rounded to 9 significant digits (so that a refactor that adds
floating-point noise in the 15th digit still matches). Columns added later are ignored.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

RENAMED = {
    "quote_matches": {"original_id": "original_article_id", "version_id": "version_article_id"},
    "readability_differences": {
        "original_id": "original_article_id",
        "article_id": "version_article_id",
    },
    "readability_style": {"original_id": "original_article_id", "article_id": "version_article_id"},
}
"""Pair-key columns renamed by the reshape, per table: old name -> new name."""


def _column_digest(values: pd.Series) -> str:
    if pd.api.types.is_float_dtype(values):
        text = "\n".join("" if pd.isna(v) else f"{v:.9g}" for v in values)
    else:
        text = "\n".join("" if pd.isna(v) else str(v) for v in values)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(table: pd.DataFrame) -> dict[str, object]:
    """Rows, columns and one digest per column of a table read back from its CSV."""
    return {
        "rows": len(table),
        "columns": {str(c): _column_digest(table[c]) for c in table.columns},
    }


def fingerprints(folder: Path, renamed: bool = True) -> dict[str, dict[str, object]]:
    """The fingerprint of every CSV in an export folder (pair keys renamed if ``renamed``)."""
    found = {}
    for path in sorted(folder.glob("*.csv")):
        table = pd.read_csv(path, keep_default_na=False, na_values=[""])
        if renamed:
            table = table.rename(columns=RENAMED.get(path.stem, {}))
        found[path.stem] = fingerprint(table)
    return found


if __name__ == "__main__":
    json.dump(fingerprints(Path(sys.argv[1])), sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
