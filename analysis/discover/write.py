"""Writing discovery's outputs atomically: manifest.csv and the texts, stories.csv,
partial_carriers.csv (each written to a temporary name, then renamed)."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

MANIFEST_COLUMNS = (
    "article_id", "story_id", "role", "outlet", "published", "format", "path", "sha256",
)
STORIES_COLUMNS = (
    "article_id", "source_id", "story_id", "role", "outlet", "published",
    "version_in_original", "original_in_version", "shared_passages", "linked_by",
)
CARRIER_COLUMNS = (
    "article_id", "source_id", "story_id", "outlet", "published",
    "story_in_carrier", "carrier_in_story", "shared_passages", "linked_to",
)
ARTICLES_DIR = "articles"


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def atomic_write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict]) -> Path:
    """A CSV with ``columns`` (cells missing from a row are empty), written atomically."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return atomic_write_bytes(path, buffer.getvalue().encode("utf-8"))


def write_article(out: Path, article_id: str, text: str) -> tuple[str, str]:
    """Write one article's text exactly as read; return (relative path, SHA-256)."""
    relative = f"{ARTICLES_DIR}/{article_id}.txt"
    data = text.encode("utf-8")
    atomic_write_bytes(out / relative, data)
    return relative, hashlib.sha256(data).hexdigest()
