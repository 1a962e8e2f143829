"""Every story's tables (``registry.compute``) as one set of corpus tables, on Dask.

One task per story: the worker reads the manifest's rows of that story only, computes
its tables and returns them with a ``story_id`` column. Tables of the same name are
concatenated and written as Parquet and CSV (atomically). A story that cannot be
compared (one version) is recorded in ``stories_compared``, not an error.
"""

from __future__ import annotations

import csv
import warnings
from collections import defaultdict
from pathlib import Path

import pandas as pd

from .discover.write import atomic_write_bytes
from .engine import connect, run

STATUS_TABLE = "stories_compared"


def story_ids_of(manifest: Path) -> list[str]:
    """The story ids of a manifest, in order of first appearance."""
    with Path(manifest).open(encoding="utf-8-sig", newline="") as rows:
        return list(dict.fromkeys(row["story_id"] for row in csv.DictReader(rows)))


def story_task(story_ids: list[str], manifest: str) -> list[tuple[str, dict, dict]]:
    """(story_id, tables, skipped) for each story of a batch: one Dask task."""
    from .registry import compute
    from .tables import load

    out = []
    for story_id in story_ids:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load(manifest, story=story_id)
            results = compute(corpus, story_id)
        tables = {**corpus.tables, **results.flat()}
        out.append((story_id, tables, dict(results.skipped)))
    return out


def _keyed(table: pd.DataFrame, story_id: str) -> pd.DataFrame:
    keyed = table.copy()
    if "story_id" in keyed.columns:
        keyed = keyed.drop(columns="story_id")
    keyed.insert(0, "story_id", story_id)
    return keyed


def _write(name: str, table: pd.DataFrame, out: Path) -> list[Path]:
    import io

    csv_bytes = table.to_csv(index=False).encode("utf-8")
    buffer = io.BytesIO()
    table.astype({c: "string" for c in table.columns if table[c].dtype == object}).to_parquet(
        buffer, index=False
    )
    return [
        atomic_write_bytes(out / f"{name}.csv", csv_bytes),
        atomic_write_bytes(out / f"{name}.parquet", buffer.getvalue()),
    ]


def compare_all(
    manifest: Path | str, out: Path | str, scheduler: str | None = None, batch_size: int = 4
) -> list[Path]:
    """Compute and write every story's tables; return the files written."""
    manifest, out = Path(manifest).resolve(), Path(out)
    ids = story_ids_of(manifest)
    batches = [ids[i : i + batch_size] for i in range(0, len(ids), batch_size)]
    with connect(scheduler) as client:
        results = run(client, story_task, batches, str(manifest), label="stories")
    parts: dict[str, list[pd.DataFrame]] = defaultdict(list)
    status = []
    for story_id, tables, skipped in (item for batch in results for item in batch):
        for name, table in tables.items():
            parts[name].append(_keyed(table, story_id))
        status.append({
            "story_id": story_id,
            "compared": not skipped,
            "not_computed": "; ".join(f"{k}: {v}" for k, v in sorted(skipped.items())),
        })
    written = []
    for name, frames in parts.items():
        written += _write(name, pd.concat(frames, ignore_index=True), out)
    written += _write(STATUS_TABLE, pd.DataFrame(status, columns=["story_id", "compared",
                                                                  "not_computed"]), out)
    return written
