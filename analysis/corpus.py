"""Reading article versions: the manifest, folders, CSV and JSONL tables, and their errors.

Files are decoded by :mod:`analysis.decoding` (BOMs, UTF-16/32, cp1252 fallback) and the
text is kept exactly as decoded (CRLF and CR line endings included). CSV is read with the
csv module's own newline handling; JSONL is split on ``\\n`` only. A column given twice
is an error. ``published`` is ISO 8601 (a date or a full timestamp, kept as given). Every
problem raises a :class:`~analysis.errors.CorpusError` naming the file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from .decoding import read_text_file
from .errors import (
    ChecksumError,
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
ISO_8601_RE = re.compile(  # extended form only: 20200111 and 2020-W02-6 are refused
    r"\d{4}-\d{2}-\d{2}"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)


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
    source_id: str = ""  # the input's own id where it was not a safe id (article_id is then made)


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes (read in chunks)."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


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
    published_at(clean["published"], where)
    return clean


def _check_columns(columns: Iterable[str], path: Path, required: Iterable[str]) -> None:
    """Raise ManifestError naming the missing columns."""
    missing = [name for name in required if name not in set(columns)]
    if missing:
        raise ManifestError(path, f"missing column(s): {', '.join(missing)}")


def _unique_columns(names: Iterable[str], where: str | Path) -> list[str]:
    """Column names with aliases resolved; a name given twice is a ManifestError."""
    columns = [TABLE_ALIASES.get(name.strip(), name.strip()) for name in names]
    repeated = sorted({c for c in columns if c and columns.count(c) > 1})
    if repeated:
        raise ManifestError(
            where,
            f"column(s) {', '.join(repeated)} given twice (aliases: "
            f"{', '.join(f'{k} = {v}' for k, v in TABLE_ALIASES.items())}); keep one of each",
        )
    return columns


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]], str]:
    """Header, rows and encoding of a CSV file, decoded like article files.

    The csv module does its own newline handling, so quoted cells may hold line breaks,
    U+2028 or U+0085.
    """
    text, encoding, _, _ = read_text_file(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
        columns = _unique_columns(header, path)
        rows = [dict(zip(columns, cells, strict=False)) | _overflow(columns, cells)
                for cells in reader if cells]  # fmt: skip
    except csv.Error as error:
        raise ManifestError(path, f"not a readable CSV file ({error})") from None
    if not rows:
        raise EmptyFileError(path, "has a header but no rows")
    return columns, rows, encoding


def _overflow(columns: list[str], cells: list[str]) -> dict:
    """The cells beyond the header under the key None (as csv.DictReader does)."""
    return {None: cells[len(columns) :]} if len(cells) > len(columns) else {}


def read_manifest(path: Path) -> list[Source]:
    """Read a manifest: one row per article file, paths relative to the manifest's folder."""
    path = Path(path)
    columns, rows, _ = _read_csv(path)
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


def _table_source(
    row: dict[str, str], where: str, path: Path, raw_text: str, encoding: str
) -> Source:
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
        encoding=encoding,
        location=f"{path.name}:{where.rsplit(':', 1)[1]}",
    )


def _unique_keys(pairs: list[tuple[str, object]], where: str) -> dict[str, object]:
    """A JSON object's pairs as a dict; a key given twice (aliases included) is an error."""
    keys = _unique_columns([key for key, _ in pairs], where)
    return dict(zip(keys, (value for _, value in pairs), strict=True))


def check_no_surrogates(record: Mapping[str, object], where: str) -> None:
    """Raise DecodingError if a key or string value holds a lone surrogate (e.g. ``"\\ud800"``)."""
    for key, value in record.items():
        for item in (key, value):
            if not isinstance(item, str):
                continue
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as error:
                raise DecodingError(
                    where,
                    f"field {key.encode('utf-8', 'backslashreplace').decode()!r} holds a lone "
                    f"surrogate U+{ord(item[error.start]):04X} at position {error.start}: "
                    "not a character; fix the escape in the input",
                ) from None


def _jsonl_records(path: Path) -> tuple[list[tuple[str, dict]], str]:
    """The records and encoding of a JSONL file: lines split on ``\\n`` only, as JSON Lines says."""
    text, encoding, _, _ = read_text_file(path)
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:line {number}"
        try:
            record = json.loads(line, object_pairs_hook=lambda p, w=where: _unique_keys(p, w))
        except json.JSONDecodeError as error:
            raise ManifestError(where, f"not valid JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise ManifestError(where, "each line must be a JSON object")
        check_no_surrogates(record, where)
        records.append((where, record))
    if not records:
        raise EmptyFileError(path, "has no records")
    return records, encoding


def read_table(path: Path) -> list[Source]:
    """Read a CSV or JSONL table of articles with columns id, story_id, outlet, date, text.

    Without an id column, ids are made from the outlet; an id that is not a safe id is
    made safe, and the input's id kept in ``source_id`` (see :func:`safe_article_ids`).
    """
    path = Path(path)
    if path.suffix.lower() == ".jsonl":
        records, encoding = _jsonl_records(path)
    else:
        columns, rows, encoding = _read_csv(path)
        _check_columns(columns, path, TABLE_REQUIRED[1:])
        records = [(f"{path}:row {n}", row) for n, row in enumerate(rows, start=2)]
    sources = []
    for (where, record), (article_id, source_id) in zip(
        records, safe_article_ids(records, path), strict=True
    ):
        raw_text = record.get("text")
        if not isinstance(raw_text, str):
            raise ManifestError(where, "'text' is missing or not a string")
        as_strings = {k: "" if v is None else str(v) for k, v in record.items() if k != "text"}
        clean = _check_row(as_strings | {"article_id": article_id}, where, TABLE_REQUIRED[:-1])
        sources.append(
            replace(_table_source(clean, where, path, raw_text, encoding), source_id=source_id)
        )
    return sources


def safe_id(value: str) -> str:
    """``value`` as an id: runs of other characters become '-' ("centurylink.net/news" ->
    "centurylink.net-news"); "article" if nothing is left."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", value).strip("-._") or "article"


def safe_article_ids(records: list[tuple[str, Mapping]], path: Path) -> list[tuple[str, str]]:
    """(article_id, source_id) for each record: the id as given where it is safe (source_id
    empty); else made safe from it, or from the outlet where there is none, unique within the
    table. Warns once, naming the table and the first few mappings.
    """
    given = [str(record.get("article_id") or "").strip() for _, record in records]
    used = {value for value in given if ID_RE.fullmatch(value)}
    ids, made = [], []
    for (where, record), value in zip(records, given, strict=True):
        if ID_RE.fullmatch(value):
            ids.append((value, ""))
            continue
        base = safe_id(value or str(record.get("outlet") or ""))
        new, n = base, 1
        while new in used:
            n += 1
            new = f"{base}-{n}"
        used.add(new)
        ids.append((new, value))
        made.append(f"{where.rsplit(':', 1)[1]}: {value or '(no id)'!r} -> {new!r}")
    if made:
        warnings.warn(
            f"{path}: {len(made)} article id(s) missing or not safe ids (letters, digits, '.', "
            f"'_', '-') were made (the input's id is kept in source_id): {'; '.join(made[:5])}"
            + ("; …" if len(made) > 5 else ""),
            CorpusWarning,
            stacklevel=3,
        )
    return ids


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


def published_at(value: str, where: str | Path) -> datetime:
    """``published`` as an aware datetime: ISO 8601 only (YYYY-MM-DD, or a timestamp such as
    ``2018-07-16T05:47:09-04:00``); a date alone is the start of that day, and a timestamp
    without an offset is taken as UTC. Anything else is a ManifestError naming ``where``.
    """
    problem = "is not an ISO 8601 date or timestamp (YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][±hh:mm])"
    if not ISO_8601_RE.fullmatch(value):
        raise ManifestError(where, f"published {value!r} {problem}")
    try:
        moment = datetime.fromisoformat(value.replace(",", "."))
    except ValueError as error:
        raise ManifestError(where, f"published {value!r} {problem}: {error}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def assign_roles(sources: list[Source]) -> list[Source]:
    """Fill in missing roles: the earliest-published version of a story without an original
    becomes the original, the others syndicated. Versions are compared by full timestamp
    (:func:`published_at`); ties go to the first listed. Warns when it does, naming ties.
    """
    stories: dict[str, list[Source]] = {}
    for source in sources:
        stories.setdefault(source.story_id, []).append(source)
    chosen: set[str] = set()
    for story_id, versions in stories.items():
        if any(v.role == "original" for v in versions) or all(v.role for v in versions):
            continue
        unassigned = [v for v in versions if not v.role]
        moments = {v.article_id: published_at(v.published, v.source) for v in unassigned}
        first = min(unassigned, key=lambda v: moments[v.article_id])
        tied = [
            v.article_id for v in unassigned if moments[v.article_id] == moments[first.article_id]
        ]
        chosen.add(first.article_id)
        ties = (
            f"; tied at {first.published} with {', '.join(tied[1:])} (the first listed is taken)"
            if len(tied) > 1
            else ""
        )
        warnings.warn(
            f"{first.source}: story {story_id!r} has no role column or value; "
            f"{first.article_id} (earliest published) is taken as the original{ties}",
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
        columns, _, _ = _read_csv(path)
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
