"""Reading article versions: the manifest, folders, CSV and JSONL tables, and their errors.

Text is decoded once and kept exactly as decoded (a UTF-8 byte-order mark is not
text and is dropped by the decoder; CRLF line endings are kept as they are). Every
problem raises a :class:`~analysis.errors.CorpusError` naming the file.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .errors import (
    ChecksumError,
    CorpusError,
    CorpusWarning,
    DecodingError,
    DuplicateIdError,
    EmptyFileError,
    ManifestError,
    MissingFileError,
    PathEscapeError,
)
from .parse import FORMATS

ROLES = ("original", "syndicated")
MANIFEST_REQUIRED = ("article_id", "story_id", "role", "outlet", "published", "path")
MANIFEST_OPTIONAL = ("format", "sha256")
TABLE_REQUIRED = ("article_id", "story_id", "outlet", "published", "text")
TABLE_OPTIONAL = ("role", "format")
TABLE_ALIASES = {"id": "article_id", "date": "published"}
SEED_MANIFEST = Path(__file__).resolve().parent.parent / "seeds" / "manifest.csv"
ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Source:
    """One article version as read: its text exactly as decoded, and where it came from."""

    article_id: str
    story_id: str
    role: str
    outlet: str
    published: str
    fmt: str
    text: str
    source: str
    sha256: str
    encoding: str
    had_bom: bool = False
    location: str = ""  # as the input names it: the manifest's path cell, or table:row


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes (read in chunks)."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def decode(data: bytes, source: str | Path) -> tuple[str, str, bool]:
    """Decode bytes as UTF-8 (BOM allowed), else cp1252 with a warning naming the source.

    Returns the text, the encoding used and whether a BOM was present.
    """
    had_bom = data.startswith(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8-sig"), "utf-8", had_bom
    except UnicodeDecodeError as utf8_error:
        where = f"byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}"
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as cp_error:
            raise DecodingError(
                source,
                f"not valid UTF-8 ({where}) and not cp1252 either "
                f"(byte 0x{data[cp_error.start]:02x} at offset {cp_error.start})",
            ) from None
        warnings.warn(
            f"{source}: not valid UTF-8 ({where}); decoded as cp1252. "
            "Check the result, or re-save the file as UTF-8.",
            CorpusWarning,
            stacklevel=3,
        )
        return text, "cp1252", False


def read_text_file(path: Path) -> tuple[str, str, bool, str]:
    """Read and decode a text file: (text, encoding, had_bom, sha256 of the bytes)."""
    if not path.exists():
        raise MissingFileError(path, "file not found")
    if path.is_dir():
        raise CorpusError(path, "is a folder, not a text file")
    data = path.read_bytes()
    text, encoding, had_bom = decode(data, path)
    if not text.strip():
        raise EmptyFileError(path, "file is empty" if not data else "file has only whitespace")
    return text, encoding, had_bom, hashlib.sha256(data).hexdigest()


def _check_row(row: Mapping[str, str], where: str, required: Iterable[str]) -> dict[str, str]:
    """Validate one manifest or table row; return it with defaults filled in."""
    clean = {key: (value or "").strip() for key, value in row.items() if key}
    if None in row:
        raise ManifestError(where, "the row has more cells than the header has columns")
    missing = [name for name in required if not clean.get(name)]
    if missing:
        raise ManifestError(where, f"empty value for {', '.join(missing)}")
    if not ID_RE.fullmatch(clean["article_id"]) or not ID_RE.fullmatch(clean["story_id"]):
        raise ManifestError(
            where,
            f"ids may use letters, digits, '.', '_' and '-' only "
            f"(article_id {clean['article_id']!r}, story_id {clean['story_id']!r})",
        )
    clean["role"] = clean.get("role", "")
    if clean["role"] and clean["role"] not in ROLES:
        raise ManifestError(where, f"role {clean['role']!r} is not one of {', '.join(ROLES)}")
    clean["format"] = clean.get("format") or "auto"
    if clean["format"] not in FORMATS:
        raise ManifestError(where, f"format {clean['format']!r} is not one of {', '.join(FORMATS)}")
    try:
        date.fromisoformat(clean["published"])
    except ValueError:
        raise ManifestError(
            where, f"published {clean['published']!r} is not a date in the form YYYY-MM-DD"
        ) from None
    return clean


def _check_columns(columns: Iterable[str], path: Path, required: Iterable[str]) -> None:
    """Raise ManifestError naming the missing columns."""
    missing = [name for name in required if name not in set(columns)]
    if missing:
        raise ManifestError(path, f"missing column(s): {', '.join(missing)}")


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV file, decoded like article files."""
    text, _, _, _ = read_text_file(path)
    reader = csv.DictReader(text.splitlines(keepends=True))
    try:
        rows = list(reader)
    except csv.Error as error:
        raise ManifestError(path, f"not a readable CSV file ({error})") from None
    columns = [TABLE_ALIASES.get(c.strip(), c.strip()) for c in reader.fieldnames or []]
    rows = [
        {TABLE_ALIASES.get(k.strip(), k.strip()) if k else k: v for k, v in r.items()} for r in rows
    ]
    if not rows:
        raise EmptyFileError(path, "has a header but no rows")
    return columns, rows


def read_manifest(path: Path) -> list[Source]:
    """Read a manifest: one row per article file, paths relative to the manifest's folder."""
    path = Path(path)
    columns, rows = _read_csv(path)
    _check_columns(columns, path, MANIFEST_REQUIRED)
    folder = path.resolve().parent
    sources = []
    for number, row in enumerate(rows, start=2):
        where = f"{path}:row {number}"
        clean = _check_row(row, where, MANIFEST_REQUIRED)
        file = (folder / clean["path"]).resolve()
        if not file.is_relative_to(folder):
            raise PathEscapeError(
                where, f"path {clean['path']!r} points outside the manifest's folder {folder}"
            )
        text, encoding, had_bom, sha = read_text_file(file)
        expected = clean.get("sha256", "").lower()
        if expected and expected != sha:
            raise ChecksumError(
                file, f"SHA-256 is {sha} but {path} records {expected}: the file has changed"
            )
        sources.append(
            Source(
                article_id=clean["article_id"],
                story_id=clean["story_id"],
                role=clean["role"],
                outlet=clean["outlet"],
                published=clean["published"],
                fmt=clean["format"],
                text=text,
                source=str(file),
                sha256=sha,
                encoding=encoding,
                had_bom=had_bom,
                location=clean["path"],
            )
        )
    _warn_unlisted(folder, {Path(s.source) for s in sources}, path)
    return sources


def _warn_unlisted(folder: Path, listed: set[Path], manifest: Path) -> None:
    """Warn about .txt files in the manifest's folder that it does not list."""
    unlisted = sorted(p.name for p in folder.glob("*.txt") if p.resolve() not in listed)
    if unlisted:
        warnings.warn(
            f"{manifest}: {len(unlisted)} .txt file(s) in {folder} are not in the manifest "
            f"and were not loaded: {', '.join(unlisted)}",
            CorpusWarning,
            stacklevel=3,
        )


def _table_source(row: dict[str, str], where: str, path: Path, raw_text: str) -> Source:
    """Turn one validated row of an article table into a Source."""
    if not raw_text.strip():
        raise EmptyFileError(where, "the text is empty")
    return Source(
        article_id=row["article_id"],
        story_id=row["story_id"],
        role=row["role"],
        outlet=row["outlet"],
        published=row["published"],
        fmt=row["format"],
        text=raw_text,
        source=where,
        sha256=hashlib.sha256(raw_text.encode("utf-8")).hexdigest(),
        encoding="utf-8",
        location=f"{path.name}:{where.rsplit(':', 1)[1]}",
    )


def read_table(path: Path) -> list[Source]:
    """Read a CSV or JSONL table of articles with columns id, story_id, outlet, date, text."""
    path = Path(path)
    if path.suffix.lower() == ".jsonl":
        text, _, _, _ = read_text_file(path)
        records = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ManifestError(
                    f"{path}:line {number}", f"not valid JSON ({error.msg})"
                ) from None
            if not isinstance(record, dict):
                raise ManifestError(f"{path}:line {number}", "each line must be a JSON object")
            record = {TABLE_ALIASES.get(k, k): v for k, v in record.items()}
            records.append((f"{path}:line {number}", record))
        if not records:
            raise EmptyFileError(path, "has no records")
    else:
        columns, rows = _read_csv(path)
        _check_columns(columns, path, TABLE_REQUIRED)
        records = [(f"{path}:row {n}", row) for n, row in enumerate(rows, start=2)]
    sources = []
    for where, record in records:
        raw_text = record.get("text")
        if not isinstance(raw_text, str):
            raise ManifestError(where, "'text' is missing or not a string")
        as_strings = {k: "" if v is None else str(v) for k, v in record.items() if k != "text"}
        clean = _check_row(as_strings, where, TABLE_REQUIRED[:-1])
        sources.append(_table_source(clean, where, path, raw_text))
    return sources


def check_unique(sources: list[Source]) -> None:
    """Raise DuplicateIdError for repeated article ids; warn about repeated texts."""
    seen: dict[str, Source] = {}
    texts: dict[str, Source] = {}
    for source in sources:
        if source.article_id in seen:
            raise DuplicateIdError(
                source.source,
                f"article id {source.article_id!r} is already used by "
                f"{seen[source.article_id].source}",
            )
        seen[source.article_id] = source
        if source.sha256 in texts:
            warnings.warn(
                f"{source.source}: same text as {texts[source.sha256].source} "
                f"({texts[source.sha256].article_id}); both are loaded",
                CorpusWarning,
                stacklevel=2,
            )
        texts.setdefault(source.sha256, source)
    originals: dict[str, Source] = {}
    for source in sources:
        if source.role == "original":
            if source.story_id in originals:
                raise ManifestError(
                    source.source,
                    f"story {source.story_id!r} has two originals: "
                    f"{originals[source.story_id].article_id} and {source.article_id}",
                )
            originals[source.story_id] = source


def assign_roles(sources: list[Source]) -> list[Source]:
    """Fill in missing roles: the earliest-published version of a story without an original
    becomes the original (ties: the first listed), the others syndicated. Warns when it does.
    """
    stories: dict[str, list[Source]] = {}
    for source in sources:
        stories.setdefault(source.story_id, []).append(source)
    chosen: set[str] = set()
    for story_id, versions in stories.items():
        if any(v.role == "original" for v in versions) or all(v.role for v in versions):
            continue
        unassigned = [v for v in versions if not v.role]
        first = min(unassigned, key=lambda v: v.published)
        chosen.add(first.article_id)
        warnings.warn(
            f"{first.source}: story {story_id!r} has no role column or value; "
            f"{first.article_id} (earliest published) is taken as the original",
            CorpusWarning,
            stacklevel=3,
        )
    return [
        v if v.role else replace(v, role="original" if v.article_id in chosen else "syndicated")
        for v in sources
    ]


def read_sources(path: Path | str | None = None) -> list[Source]:
    """Read articles from a manifest, a folder holding ``manifest.csv``, or a CSV/JSONL table.

    With no path, read the seed story. A CSV file is a manifest if it has a ``path``
    column and an article table if it has a ``text`` column.
    """
    path = Path(path) if path is not None else SEED_MANIFEST
    if not path.exists():
        raise MissingFileError(path, "file or folder not found")
    if path.is_dir():
        manifest = path / "manifest.csv"
        if not manifest.exists():
            raise MissingFileError(
                manifest, "a folder of articles needs a manifest.csv describing its files"
            )
        path = manifest
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        sources = read_table(path)
    elif suffix == ".csv":
        columns, _ = _read_csv(path)
        if "path" in columns:
            sources = read_manifest(path)
        elif "text" in columns:
            sources = read_table(path)
        else:
            raise ManifestError(
                path, "a CSV needs a 'path' column (a manifest) or a 'text' column (articles)"
            )
    else:
        raise ManifestError(path, "expected a folder, a manifest .csv, or a .csv/.jsonl table")
    check_unique(sources)
    return assign_roles(sources)
