"""Figures drawn from tables, one module per analysis. Each function returns a matplotlib Figure.

- :mod:`analysis.plots.framing`: terms, frames, attribution classes, actors, tone (04).
- :mod:`analysis.plots.overview`: lengths and paragraph profiles (notebook 00).
- :mod:`analysis.plots.quotes`: share of voice, voice by side, match status (03).
- :mod:`analysis.plots.readability`: intervals, distributions, sentence lengths (02).
- :mod:`analysis.plots.wording`: alignment diagram, edit categories, distinctive words (01).
"""

from __future__ import annotations

from . import framing, overview, quotes, readability, wording
from .overview import lengths, paragraph_profile

__all__ = [
    "framing",
    "lengths",
    "overview",
    "paragraph_profile",
    "quotes",
    "readability",
    "wording",
]
