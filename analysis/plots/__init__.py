"""Figures drawn from tables, one module per analysis. Each function returns a matplotlib Figure.

- :mod:`analysis.plots.framing`: terms, frames, attribution classes, actors, tone (04).
- :mod:`analysis.plots.overview`: lengths and paragraph profiles (notebook 00).
- :mod:`analysis.plots.quotes`: share of voice, voice by side, match status (03).
- :mod:`analysis.plots.readability`: intervals, distributions, sentence lengths (02).
- :mod:`analysis.plots.story`: every figure of the notebooks for a story, by name.
- :mod:`analysis.plots.versions`: every version at once: ranking, paragraphs, quotations (05).
- :mod:`analysis.plots.wording`: alignment diagram, edit categories, distinctive words (01).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_submodules
from .overview import lengths, paragraph_profile

# The figure modules are imported on first use (PEP 562), like the analysis modules.
_SUBMODULES = frozenset(
    {"framing", "overview", "quotes", "readability", "story", "versions", "wording"}
)

if TYPE_CHECKING:
    from . import framing, overview, quotes, readability, story, versions, wording


__getattr__, __dir__ = lazy_submodules(__name__, _SUBMODULES, globals())


__all__ = [
    "framing",
    "lengths",
    "overview",
    "paragraph_profile",
    "quotes",
    "readability",
    "story",
    "versions",
    "wording",
]
