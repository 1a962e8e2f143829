"""Compare versions of a news story: loading, segmentation and every comparison.

Quick start::

    import analysis
    corpus = analysis.load()              # the seed story
    corpus["sentences"].head()
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

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
from .lazy import lazy_submodules
from .report.bundle import StaleBundleWarning, open_story
from .tables import TABLE_NAMES, Article, Corpus, load

try:
    __version__ = version("news-version-analysis")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

# The analysis modules are imported on first use (PEP 562): ``import analysis`` stays
# cheap, and ``analysis.quotes.story_tables(...)`` works as if they had been imported.
_SUBMODULES = frozenset(
    {
        "actors",
        "align",
        "display",
        "distinctive",
        "framing",
        "lessons",
        "normalize",
        "overview",
        "plots",
        "quotes",
        "readability",
        "syllables",
        "versions",
        "wording",
    }
)

if TYPE_CHECKING:  # for type checkers and IDEs, which do not run __getattr__
    from . import (
        actors,
        align,
        display,
        distinctive,
        framing,
        lessons,
        normalize,
        overview,
        plots,
        quotes,
        readability,
        syllables,
        versions,
        wording,
    )


__getattr__, __dir__ = lazy_submodules(__name__, _SUBMODULES, globals())


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
    "StaleBundleWarning",
    "actors",
    "align",
    "display",
    "distinctive",
    "framing",
    "lessons",
    "load",
    "normalize",
    "open_story",
    "overview",
    "plots",
    "quotes",
    "read_sources",
    "readability",
    "syllables",
    "versions",
    "wording",
]
