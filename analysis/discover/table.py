"""Reading a corpus to discover stories in: a CSV, JSONL or Parquet table or a text folder.

Rows come in batches (``iter_batches``) so that no process holds the whole corpus.
Problems name the row: a duplicate id or a bad timestamp is a CorpusError; a row with
no text is skipped with a CorpusWarning.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from ..corpus import ID_RE
from ..errors import CorpusError, CorpusWarning, DuplicateIdError, ManifestError

BATCH_SIZE = 500
TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")


@dataclass(frozen=True)
class Columns:
    """Which input column holds each field (``headline`` and ``outlet`` are optional)."""

    id: str = "id"
    text: str = "text"
    outlet: str = "outlet"
    published: str = "published"
    headline: str = ""


@dataclass(frozen=True)
class Record:
    """One input article: its safe id, the input's id, text and metadata, and its row."""

    article_id: str
    source_id: str
    text: str
    outlet: str
    published: str
    when: datetime
    headline: str
    where: str


def safe_id(value: str) -> str:
    """``value`` if it is a valid article id, else a safe id made from it (prefix ``id-``)."""
    if ID_RE.fullmatch(value):
        return value
    return "id-" + (re.sub(r"[^A-Za-z0-9._-]+", "-", value).strip("-._") or "blank")


def parse_timestamp(value: str, where: str) -> datetime:
    """An ISO 8601 timestamp or date as an aware UTC datetime; CorpusError naming the row."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ManifestError(
            where, f"published {value!r} is not an ISO 8601 timestamp or date"
        ) from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def _raw_rows(path: Path, batch_size: int) -> Iterator[list[tuple[str, dict]]]:
    """Batches of (where, row) from a table or a folder of text files."""
    suffix = path.suffix.lower()
    if path.is_dir():
        yield from _folder_rows(path, batch_size)
    elif suffix == ".csv":
        reader = pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=batch_size)
        start = 2
        for chunk in reader:
            yield [(f"{path}:row {start + i}", r) for i, r in enumerate(chunk.to_dict("records"))]
            start += len(chunk)
    elif suffix == ".jsonl":
        yield from _jsonl_rows(path, batch_size)
    elif suffix == ".parquet":
        import pyarrow.parquet as pq

        start = 1
        for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size):
            rows = batch.to_pylist()
            yield [(f"{path}:row {start + i}", r) for i, r in enumerate(rows)]
            start += len(rows)
    else:
        raise CorpusError(path, f"not a folder or a {', '.join(TABLE_SUFFIXES)} table")


def _jsonl_rows(path: Path, batch_size: int) -> Iterator[list[tuple[str, dict]]]:
    batch: list[tuple[str, dict]] = []
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                batch.append((f"{path}:line {number}", json.loads(line)))
            except json.JSONDecodeError as error:
                raise CorpusError(f"{path}:line {number}", f"not JSON ({error.msg})") from None
            if len(batch) == batch_size:
                yield batch
                batch = []
    if batch:
        yield batch


def _folder_rows(folder: Path, batch_size: int) -> Iterator[list[tuple[str, dict]]]:
    """Text files as rows: id = file stem, published = modification time (UTC)."""
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".md"))
    for start in range(0, len(files), batch_size):
        yield [
            (
                str(p),
                {
                    "id": p.stem,
                    "text": p.read_text(encoding="utf-8-sig"),
                    "published": datetime.fromtimestamp(p.stat().st_mtime, UTC).isoformat(),
                },
            )
            for p in files[start : start + batch_size]
        ]


def _cell(row: dict, column: str) -> str:
    value = row.get(column, "") if column else ""
    return "" if value is None else str(value)


def _check_columns(row: dict, columns: Columns, where: str) -> None:
    for name in (columns.id, columns.text, columns.published):
        if name not in row:
            raise ManifestError(where, f"no column {name!r} (columns: {', '.join(map(str, row))})")


def iter_batches(
    path: Path | str, columns: Columns | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[list[Record]]:
    """The corpus's articles in batches of Records, checked row by row."""
    path = Path(path)
    if not path.exists():
        raise CorpusError(path, "does not exist")
    is_folder = path.is_dir()
    used = Columns() if is_folder or columns is None else columns
    seen: dict[str, str] = {}
    for batch in _raw_rows(path, batch_size):
        records = []
        for where, row in batch:
            _check_columns(row, used, where)
            record = _record(row, used, where, seen)
            if record is not None:
                records.append(record)
        yield records


def _record(row: dict, columns: Columns, where: str, seen: dict[str, str]) -> Record | None:
    source_id = _cell(row, columns.id).strip()
    if not source_id:
        raise ManifestError(where, f"empty id in column {columns.id!r}")
    article_id = safe_id(source_id)
    if article_id in seen:
        raise DuplicateIdError(where, f"id {source_id!r} is also used at {seen[article_id]}")
    seen[article_id] = where
    text = _cell(row, columns.text)
    if not text.strip():
        message = f"{where}: id {source_id!r} has no text; skipped"
        warnings.warn(message, CorpusWarning, stacklevel=4)
        return None
    published = _cell(row, columns.published).strip()
    return Record(
        article_id=article_id,
        source_id=source_id,
        text=text,
        outlet=_cell(row, columns.outlet).strip(),
        published=published,
        when=parse_timestamp(published, where),
        headline=_cell(row, columns.headline).strip(),
        where=where,
    )
