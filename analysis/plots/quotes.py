"""Figures of quotations (notebook 03). Each function takes a table and returns a Figure."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from .common import draws_text_as_written, empty, set_title

SIDE_COLOURS = ["#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6"]
OTHER_COLOUR = "#a6a6a6"
STATUS_COLOURS = {
    "kept": "#548235",
    "edited": "#bf9000",
    "re-attributed": "#7030a0",
    "only in original": "#1f4e79",
    "only in syndicated": "#c55a11",
}


def side_colours(sides: list[str]) -> dict[str, str]:
    """One colour per side, grey for ``other`` and ``not set`` (a story without sides)."""
    unnamed = ("other", "not set")
    named = [s for s in dict.fromkeys(sides) if s not in unnamed]
    colours = {side: SIDE_COLOURS[i % len(SIDE_COLOURS)] for i, side in enumerate(named)}
    for side in unnamed:
        if side in sides:
            colours[side] = OTHER_COLOUR
    return colours


@draws_text_as_written
def share_of_voice(share: pd.DataFrame) -> Figure:
    """Quoted words per speaker, one panel per version, bars coloured by side.

    ``share``: the table of ``analysis.quotes.share_of_voice``.
    """
    quoted = share[share["quoted_words"] > 0]
    versions = list(dict.fromkeys(share["article_id"])) or ["(no quotations)"]
    speakers = (
        quoted.groupby("speaker_name")["quoted_words"].sum().sort_values().index.tolist()
        if len(quoted)
        else []
    )
    colours = side_colours(quoted["side"].tolist())
    height = max(2.5, 0.35 * len(speakers) + 1.2)
    fig, axes = plt.subplots(
        1, len(versions), figsize=(5 * len(versions), height), sharey=True, squeeze=False,
        layout="constrained",
    )  # fmt: skip
    for ax, article_id in zip(axes[0], versions, strict=True):
        rows = quoted[quoted["article_id"] == article_id].set_index("speaker_name")
        values = [int(rows["quoted_words"].get(s, 0)) for s in speakers]
        sides = [rows["side"].get(s, "other") for s in speakers]
        ax.barh(speakers, values, color=[colours.get(str(side), OTHER_COLOUR) for side in sides])
        for y, value in enumerate(values):
            if value:
                ax.annotate(str(value), (value, y), xytext=(3, 0), textcoords="offset points",
                            va="center", fontsize=8)  # fmt: skip
        set_title(ax, article_id, fontsize=10)
        ax.set_xlabel("quoted words")
        ax.margins(x=0.15)
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in colours.values()]
    if speakers:
        fig.legend(handles, list(colours), loc="outside lower center", ncol=len(colours),
                   fontsize=8, frameon=False)  # fmt: skip
    fig.suptitle("Share of voice: words in quote marks per speaker")
    return fig


@draws_text_as_written
def voice_by_side(wide: pd.DataFrame) -> Figure:
    """Quoted words per side, grouped by version (``analysis.quotes.voice_by_side``)."""
    fig, ax = plt.subplots(figsize=(7, 3), layout="constrained")
    sides = wide.index.tolist()
    colours = side_colours(sides)
    n = max(len(sides), 1)
    width = 0.8 / n
    for k, side in enumerate(sides):
        xs = [i + (k - (n - 1) / 2) * width for i in range(wide.shape[1])]
        ax.bar(xs, wide.loc[side].tolist(), width=width, color=colours[side], label=side)
    ax.set_xticks(range(wide.shape[1]), wide.columns.tolist())
    ax.set_ylabel("quoted words")
    ax.legend(fontsize=8, frameon=False)
    set_title(ax, "Quoted words by side")
    return fig


@draws_text_as_written
def match_status(matches: pd.DataFrame) -> Figure:
    """How many quotations were kept, edited, re-attributed, cut or added, per version."""
    if matches.empty:
        return empty(
            "No version has a quotation in quote marks: there is nothing to match.",
            "What happened to each quotation",
        )
    fig, ax = plt.subplots(figsize=(7, 2.8), layout="constrained")
    counts = matches.groupby(["version_article_id", "status"]).size().unstack(fill_value=0)
    order = [s for s in STATUS_COLOURS if s in counts.columns]
    left = [0] * len(counts)
    for status in order:
        values = counts[status].tolist()
        ax.barh(
            counts.index.tolist(), values, left=left, color=STATUS_COLOURS[status], label=status
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_xlabel("quotations")
    ax.legend(fontsize=8, frameon=False, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.3))
    set_title(ax, "What happened to each quotation")
    return fig
