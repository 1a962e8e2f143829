"""Compare versions of a news story: loading, segmentation and every comparison.

Quick start::

    import analysis
    corpus = analysis.load()              # the seed story
    corpus["sentences"].head()
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from . import (
    actors,
    align,
    display,
    distinctive,
    framing,
    lessons,
    normalize,
    offline,
    overview,
    plots,
    quotes,
    readability,
    syllables,
    wording,
)
from .corpus import SEED_MANIFEST, read_sources
from .errors import (
    ChecksumError,
    CorpusError,
    CorpusWarning,
    DecodingError,
    DuplicateIdError,
    EmptyFileError,
    ManifestError,
    MissingFileError,
    NeedsTwoVersionsError,
    OfflineError,
    ParseError,
    PathEscapeError,
)
from .tables import TABLE_NAMES, Article, Corpus, load

try:
    __version__ = version("news-version-analysis")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

offline.prepare()

__all__ = [
    "SEED_MANIFEST",
    "TABLE_NAMES",
    "Article",
    "ChecksumError",
    "Corpus",
    "CorpusError",
    "CorpusWarning",
    "DecodingError",
    "DuplicateIdError",
    "EmptyFileError",
    "ManifestError",
    "MissingFileError",
    "NeedsTwoVersionsError",
    "OfflineError",
    "ParseError",
    "PathEscapeError",
    "actors",
    "align",
    "display",
    "distinctive",
    "framing",
    "lessons",
    "load",
    "normalize",
    "overview",
    "plots",
    "quotes",
    "read_sources",
    "readability",
    "syllables",
    "wording",
]
