"""Helpers shared by the figure modules."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text


def empty(message: str, title: str = "") -> Figure:
    """A small figure that says why there is nothing to draw (instead of failing)."""
    fig, ax = plt.subplots(figsize=(8, 1.2), layout="constrained")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555")
    ax.axis("off")
    if title:
        set_title(ax, title)
    return fig


def set_title(ax: Axes, text: str, **kwargs: object) -> Text:
    """``ax.set_title`` at the height it has anyway, given explicitly (``y=1``).

    Left to place its title itself, an Axes measures its whole y axis at every draw in case an
    offset text there (such as ``1e6``) runs into the title, and its x axis if that had labels
    on top; these figures have neither, and the measuring took about a tenth of the time of
    writing each one as a PNG. The picture is the same.
    """
    return ax.set_title(text, y=1.0, **kwargs)
