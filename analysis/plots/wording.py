"""Figures of the wording comparison: alignment diagram, edit categories, distinctive words."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from .common import draws_text_as_written, set_title

LABEL_COLOURS = {
    "unchanged": "#9e9e9e",
    "edited": "#1f77b4",
    "moved": "#9467bd",
    "deleted": "#d62728",
    "added": "#2ca02c",
}
KIND_COLOURS = {"style": "#7fa7cc", "substance": "#c0392b"}


def _snippet(text: str, width: int = 46) -> str:
    return textwrap.shorten(text, width=width, placeholder=" …")


@draws_text_as_written
def alignment_diagram(
    alignment: pd.DataFrame, sentences: pd.DataFrame, version_article_id: str | None = None
) -> Figure:
    """The two versions as columns of sentences, lines joining aligned ones, coloured by label.

    ``version_article_id``: which version to draw (default: the first one).
    """
    version_article_id = version_article_id or alignment["version_article_id"].iloc[0]
    rows = alignment[alignment["version_article_id"] == version_article_id]
    original_id = rows["original_article_id"].iloc[0]
    texts = sentences.set_index("sentence_id")["text"]
    left = sentences[sentences["article_id"] == original_id]["sentence_id"].tolist()
    right = sentences[sentences["article_id"] == version_article_id]["sentence_id"].tolist()
    y_left = {sid: k for k, sid in enumerate(left)}
    y_right = {sid: k for k, sid in enumerate(right)}
    label_of_left = dict(zip(rows["original_sentence_id"], rows["label"], strict=True))
    label_of_right = dict(zip(rows["version_sentence_id"], rows["label"], strict=True))
    height = max(len(left), len(right))
    fig, ax = plt.subplots(figsize=(12, 0.28 * height + 1.5), layout="constrained")
    for x, ids, labels, missing, align, dx in (
        (0, left, label_of_left, "deleted", "right", -0.03),
        (1, right, label_of_right, "added", "left", 0.03),
    ):
        colours = [LABEL_COLOURS[labels.get(sid, missing)] for sid in ids]
        # One collection per column rather than one per dot: the same dots, far fewer artists.
        ax.scatter([x] * len(ids), range(len(ids)), s=40, c=colours, zorder=3)
        for y, sid in enumerate(ids):
            text = f"{sid.split(':')[-1]}  {_snippet(texts[sid])}"
            ax.text(x + dx, y, text, ha=align, va="center", fontsize=7.5)
    linked = rows.dropna(subset=["original_sentence_id", "version_sentence_id"])
    # One collection for all the links rather than one line each.
    ax.add_collection(
        LineCollection(
            [
                [(0, y_left[a]), (1, y_right[b])]
                for a, b in zip(
                    linked["original_sentence_id"], linked["version_sentence_id"], strict=True
                )
            ],
            colors=[LABEL_COLOURS[label] for label in linked["label"]],
            linewidths=1.2 + 1.5 * linked["similarity"].to_numpy(dtype=float),
            alpha=0.8,
            capstyle="projecting",  # as ax.plot's lines
        ),
        autolim=False,
    )
    for label, colour in LABEL_COLOURS.items():
        ax.plot([], [], color=colour, linewidth=3, label=label)
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, 1.0 + 1.2 / (0.28 * height + 1.5)),
        ncol=5,
        frameon=False,
    )
    ax.set_xlim(-1.6, 2.6)
    ax.set_ylim(height - 0.5, -0.5)
    ax.axis("off")
    ax.text(0, -1.2, original_id, ha="center", fontweight="bold")
    ax.text(1, -1.2, version_article_id, ha="center", fontweight="bold")
    return fig


@draws_text_as_written
def edit_categories(counts: pd.DataFrame) -> Figure:
    """Edits per category (wording.category_counts), house style and substance in two colours."""
    fig, ax = plt.subplots(figsize=(8, 0.35 * max(1, len(counts)) + 1), layout="constrained")
    colours = [KIND_COLOURS["substance" if s else "style"] for s in counts["substantive"]]
    labels = counts["category"].str.replace("_", " ")
    if counts["version_article_id"].nunique() > 1:
        labels = counts["version_article_id"] + ": " + labels
    ax.barh(labels, counts["n_edits"], color=colours)
    ax.invert_yaxis()
    for y, value in enumerate(counts["n_edits"]):
        ax.annotate(str(value), (value, y), xytext=(3, 0), textcoords="offset points", va="center")
    ax.set_xlabel("edits")
    for kind, colour in KIND_COLOURS.items():
        ax.barh([], [], color=colour, label="house style" if kind == "style" else "substance")
    ax.legend(loc="lower right")
    set_title(ax, "What kind of edits were made")
    return fig


@draws_text_as_written
def distinctive_words(table: pd.DataFrame, top: int = 12) -> Figure:
    """Top Fightin' Words z-scores each way, before and after style normalisation."""
    variants = ["original", "normalised"]
    fig, axes = plt.subplots(1, 2, figsize=(12, 0.3 * 2 * top + 1.5), layout="constrained")
    for ax, variant in zip(axes, variants, strict=True):
        rows = table[table["variant"] == variant].sort_values("z")
        chosen = pd.concat([rows.head(top), rows.tail(top)]).drop_duplicates("word")
        colours = ["#1f4e79" if z < 0 else "#c55a11" for z in chosen["z"]]
        ax.barh(chosen["word"], chosen["z"], color=colours)
        ax.axvline(0, color="black", linewidth=0.8)
        for threshold in (-1.96, 1.96):
            ax.axvline(threshold, color="grey", linewidth=0.8, linestyle=":")
        set_title(ax, "as written" if variant == "original" else "after house-style normalisation")
        ax.set_xlabel("z-score  (← original · version →)")
        ax.tick_params(axis="y", labelsize=8)
    fig.suptitle("Distinctive words (log-odds ratio, informative Dirichlet prior)")
    return fig
