"""Loading the web-news scrapes (columns id, publisher, scrape_time, text) as a corpus.

The table reader (``analysis.corpus.read_table``) wants article_id, story_id, outlet,
published and text; the scrapes have none of the last four names. This maps them:
``publisher`` is the outlet, ``scrape_time`` the time published (its date part until the
reader accepts full timestamps), and every article of a file belongs to one story
named after the file, unless ``stories`` (e.g. the gold stories) says otherwise.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Mapping
from pathlib import Path

from ..corpus import Source, assign_roles
from ..errors import CorpusError
from ..settings import read_settings
from ..tables import Corpus

WEB_COLUMNS = ("id", "publisher", "scrape_time", "text")
_UNSAFE_RE = re.compile(r"[^A-Za-z0-9._-]+")


def read_web_news(path: Path, stories: Mapping[str, str] | None = None) -> list[Source]:
    """The articles of one scrape, as Sources; a missing column or empty text names the row."""
    path = Path(path)
    story_default = _UNSAFE_RE.sub("-", path.stem)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in WEB_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise CorpusError(
                path, f"missing column(s) {', '.join(missing)}; expected {', '.join(WEB_COLUMNS)}"
            )
        sources = []
        for line, row in enumerate(reader, start=2):
            if not row["text"].strip():
                raise CorpusError(f"{path}:{line}", f"article {row['id']!r} has no text")
            story = (stories or {}).get(row["id"], story_default)
            sources.append(
                Source(
                    article_id=_UNSAFE_RE.sub("-", row["id"]),
                    story_id=story,
                    role="",
                    outlet=row["publisher"],
                    published=row["scrape_time"][:10],
                    fmt="auto",
                    text=row["text"],
                    source=f"{path}:{line}",
                    sha256=hashlib.sha256(row["text"].encode("utf-8")).hexdigest(),
                    encoding="utf-8",
                    location=f"{path.name}:{line}",
                )
            )
    return sources


def load_web_news(
    path: str | Path,
    stories: Mapping[str, str] | None = None,
    settings: str | Path | None = None,
) -> Corpus:
    """A corpus of one scrape, cleaned (roles: the earliest of each story is the original)."""
    settings_file = None if settings is None else read_settings(Path(settings))
    sources = assign_roles(read_web_news(Path(path), stories))
    return Corpus.from_sources(sources, settings_file)
