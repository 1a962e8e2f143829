"""Shared fixtures: the seed corpus, paths, and a helper to write small corpora."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import analysis

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
NYT_ID = "nyt-2020-01-10"
PRINT_ID = "print-2020-01-11"
STORY_ID = "iraq-troops-2020-01"
MANIFEST_HEADER = ["article_id", "story_id", "role", "outlet", "published", "format", "path"]


@pytest.fixture(scope="session")
def corpus() -> analysis.Corpus:
    """The seed story, loaded once."""
    return analysis.load()


@pytest.fixture(scope="session")
def nyt(corpus: analysis.Corpus) -> analysis.Article:
    return corpus.article(NYT_ID)


@pytest.fixture(scope="session")
def printed(corpus: analysis.Corpus) -> analysis.Article:
    return corpus.article(PRINT_ID)


def write_manifest(folder: Path, rows: list[dict[str, str]], name: str = "manifest.csv") -> Path:
    """Write a manifest with the standard header (missing cells empty)."""
    path = folder / name
    header = list(dict.fromkeys(MANIFEST_HEADER + [k for row in rows for k in row]))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def manifest_row(article_id: str, path: str, **overrides: str) -> dict[str, str]:
    """A valid manifest row for one file."""
    row = {
        "article_id": article_id,
        "story_id": "story-1",
        "role": "syndicated",
        "outlet": "Test Gazette",
        "published": "2020-01-11",
        "format": "auto",
        "path": path,
    }
    row.update(overrides)
    return row


def make_corpus(*texts: str, fmt: str = "plain") -> analysis.Corpus:
    """A story "s" whose first text is the original ("v0") and the others versions ("v1", …)."""
    from analysis.corpus import Source

    sources = [
        Source(f"v{k}", "s", "original" if k == 0 else "syndicated", "Outlet", "2020-01-01", fmt,
               text, f"constructed-{k}", str(k), "utf-8")
        for k, text in enumerate(texts)
    ]  # fmt: skip
    return analysis.Corpus.from_sources(sources)
