"""Figures drawn from tables. Each function takes a table and returns a matplotlib Figure."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from .common import draws_text_as_written, set_title

ROLE_COLOURS = {"original": "#1f4e79", "syndicated": "#c55a11"}


@draws_text_as_written
def lengths(versions: pd.DataFrame) -> Figure:
    """Bars of paragraphs, sentences and words for each version (from overview.versions)."""
    measures = ["n_paragraphs", "n_sentences", "n_words"]
    fig, axes = plt.subplots(1, len(measures), figsize=(10, 3), layout="constrained")
    colours = [ROLE_COLOURS.get(role, "grey") for role in versions["role"]]
    for ax, measure in zip(axes, measures, strict=True):
        ax.bar(versions["article_id"], versions[measure], color=colours)
        set_title(ax, measure.removeprefix("n_"))
        ax.tick_params(axis="x", labelrotation=15)
        for x, value in enumerate(versions[measure]):
            ax.annotate(f"{value:,}", (x, value), ha="center", va="bottom", fontsize=9)
        ax.margins(y=0.15)
    fig.suptitle("Length of each version (body only)")
    return fig


@draws_text_as_written
def paragraph_profile(paragraphs: pd.DataFrame, order: list[str]) -> Figure:
    """Words per paragraph in reading order, one panel per version (overview.paragraph_lengths)."""
    fig, axes = plt.subplots(
        len(order),
        1,
        figsize=(10, 1.8 * len(order) + 0.5),
        sharex=True,
        squeeze=False,
        layout="constrained",
    )
    for ax, article_id in zip(axes[:, 0], order, strict=True):
        rows = paragraphs[paragraphs["article_id"] == article_id]
        ax.bar(rows["paragraph_index"], rows["n_words"], color="#7f7f7f")
        ax.set_ylabel("words")
        set_title(ax, article_id, loc="left", fontsize=10)
    axes[-1, 0].set_xlabel("paragraph")
    fig.suptitle("Words per paragraph")
    return fig
