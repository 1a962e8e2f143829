"""Helpers shared by the figure modules."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure


def empty(message: str, title: str = "") -> Figure:
    """A small figure that says why there is nothing to draw (instead of failing)."""
    fig, ax = plt.subplots(figsize=(8, 1.2), layout="constrained")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555")
    ax.axis("off")
    if title:
        ax.set_title(title)
    return fig
