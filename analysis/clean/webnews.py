"""Loading the web-news scrapes (columns id, publisher, scrape_time, text) as a corpus.

The table reader (``analysis.corpus.read_table``) wants article_id, story_id, outlet,
published and text; the scrapes have none of the last four names. This maps them:
``publisher`` is the outlet, ``scrape_time`` the time published (its date part until the
reader accepts full timestamps), and every article of a file belongs to one story
named after the file, unless ``stories`` (e.g. the gold stories) says otherwise.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
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
    story_default = _UNSAFE_RE.sub("-", path.stem)  # see _default_story
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
                    published=row["scrape_time"],
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


def gold_stories(path: Path) -> dict[str, str]:
    """Article id -> story id from a gold-stories JSON ({"stories": {title: [ids]}})."""
    stories = json.loads(Path(path).read_text(encoding="utf-8"))["stories"]
    return {
        aid: _UNSAFE_RE.sub("-", title).strip("-") for title, ids in stories.items() for aid in ids
    }


def _default_story(source: Source) -> str:
    return _UNSAFE_RE.sub("-", Path(source.source.rsplit(":", 1)[0]).stem)


def write_table(sources: list[Source], out: Path, only_listed: bool = False) -> int:
    """Write ``sources`` as an article table the loader reads; return the rows written."""
    columns = ["article_id", "story_id", "outlet", "published", "text"]
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        rows = [s for s in sources if not only_listed or s.story_id != _default_story(s)]
        for s in rows:
            writer.writerow([s.article_id, s.story_id, s.outlet, s.published, s.text])
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.clean.webnews SCRAPE.csv --out TABLE.csv [--gold GOLD.json]``."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis.clean.webnews", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "scrape", type=Path, help="a web-news CSV (id, publisher, scrape_time, text)"
    )
    parser.add_argument("--out", type=Path, required=True, help="the article table to write")
    parser.add_argument(
        "--gold", type=Path, help="gold stories JSON: keep only its stories' members"
    )
    args = parser.parse_args(argv)
    stories = gold_stories(args.gold) if args.gold else None
    n = write_table(read_web_news(args.scrape, stories), args.out, only_listed=stories is not None)
    print(f"{args.out}: {n} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
