"""Figures of the framing comparison: terms, frames, attribution, actors, context and tone."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..framing.attribution import CUE_CLASSES
from ..framing.frames import DIMENSIONS
from .common import draws_text_as_written, empty, set_title

VERSION_COLOURS = ["#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000"]
SIDE_COLOURS = {"only_original": "#d62728", "only_version": "#2ca02c"}
POSITION_MARK = {"headline": "H", "lede": "L", "later": ""}


def _grouped_bars(
    ax: plt.Axes, categories: list[str], series: dict[str, list[float]], horizontal: bool = False
) -> None:
    """Bars of several series side by side for each category."""
    n = max(1, len(series))
    width = 0.8 / n
    positions = np.arange(len(categories))
    for k, (name, values) in enumerate(series.items()):
        offset = positions - 0.4 + width * (k + 0.5)
        colour = VERSION_COLOURS[k % len(VERSION_COLOURS)]
        if horizontal:
            ax.barh(offset, values, height=width, label=name, color=colour)
        else:
            ax.bar(offset, values, width=width, label=name, color=colour)
    if horizontal:
        ax.set_yticks(positions, categories)
        ax.invert_yaxis()
    else:
        ax.set_xticks(positions, categories)
    ax.legend(frameon=False)


@draws_text_as_written
def term_counts(table: pd.DataFrame) -> Figure:
    """Each term's count in each version, side by side (framing.term_counts)."""
    terms = list(dict.fromkeys(table["term"]))
    articles = list(dict.fromkeys(table["article_id"]))
    counts = table.set_index(["term", "article_id"])["n"]
    fig, ax = plt.subplots(figsize=(max(6, 1.4 * len(terms)), 3.8), layout="constrained")
    _grouped_bars(ax, terms, {a: [int(counts[(t, a)]) for t in terms] for a in articles})
    ax.set_ylabel("occurrences (inflections grouped)")
    set_title(ax, "Terms compared")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return fig


@draws_text_as_written
def frame_profile(profile: pd.DataFrame) -> Figure:
    """Share of frame terms per dimension in each version (framing.frame_profile)."""
    dims = [d for d in DIMENSIONS if d != "other"]
    articles = list(dict.fromkeys(profile["article_id"]))
    share = profile.set_index(["dimension", "article_id"])["share"]
    fig, ax = plt.subplots(figsize=(9, 6.5), layout="constrained")
    _grouped_bars(
        ax,
        [DIMENSIONS[d] for d in dims],
        {a: [100 * float(share[(d, a)]) for d in dims] for a in articles},
        horizontal=True,
    )
    ax.set_xlabel("% of the version's frame terms")
    set_title(ax, "Frame profile (Media Frames Corpus dimensions)")
    return fig


@draws_text_as_written
def frame_shift(shift: pd.DataFrame, version_article_id: str | None = None) -> Figure:
    """Change in each dimension's share, version minus original, in points (framing.frame_shift)."""
    version_article_id = version_article_id or shift["version_article_id"].iloc[0]
    rows = shift[
        (shift["version_article_id"] == version_article_id) & (shift["dimension"] != "other")
    ]
    rows = rows.sort_values("difference")
    fig, ax = plt.subplots(figsize=(8, 5.5), layout="constrained")
    colours = [
        SIDE_COLOURS["only_original" if d < 0 else "only_version"] for d in rows["difference"]
    ]
    ax.barh(rows["label"], rows["difference"], color=colours)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(
        f"percentage points  (← more in {rows['original_article_id'].iloc[0]} · "
        f"more in {version_article_id} →)"
    )
    set_title(ax, "Frame shift")
    return fig


@draws_text_as_written
def frame_map(paragraph_frames: pd.DataFrame) -> Figure:
    """Frame terms per paragraph and dimension, one panel per version (framing.frames)."""
    dims = [d for d in DIMENSIONS if d != "other"]
    articles = list(dict.fromkeys(paragraph_frames["article_id"]))
    height = max(len(paragraph_frames[paragraph_frames["article_id"] == a]) for a in articles)
    fig, axes = plt.subplots(
        1, len(articles), figsize=(6 * len(articles), 0.28 * height + 3), layout="constrained"
    )
    axes = np.atleast_1d(axes)
    vmax = max(1, int(paragraph_frames[dims].to_numpy().max()))
    for ax, article_id in zip(axes, articles, strict=True):
        rows = paragraph_frames[paragraph_frames["article_id"] == article_id]
        image = ax.imshow(rows[dims].to_numpy(), aspect="auto", cmap="Blues", vmin=0, vmax=vmax)
        ax.set_xticks(range(len(dims)), [DIMENSIONS[d] for d in dims], rotation=70, ha="right")
        labels = ["headline" if i == 0 else f"¶{i}" for i in rows["paragraph_index"]]
        ax.set_yticks(range(len(rows)), labels, fontsize=7)
        set_title(ax, article_id)
    fig.colorbar(image, ax=axes, shrink=0.6, label="frame terms")
    fig.suptitle("Where each frame appears (paragraph by paragraph)")
    return fig


@draws_text_as_written
def attribution_classes(table: pd.DataFrame) -> Figure:
    """Attributions per cue-verb class in each version (framing.attribution_classes)."""
    articles = list(dict.fromkeys(table["article_id"]))
    counts = table.set_index(["cue_class", "article_id"])["n"]
    fig, ax = plt.subplots(figsize=(8, 3.8), layout="constrained")
    _grouped_bars(
        ax,
        list(CUE_CLASSES),
        {a: [int(counts.get((c, a), 0)) for c in CUE_CLASSES] for a in articles},
    )
    ax.set_ylabel("attributions")
    set_title(ax, "Attribution verbs by class")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return fig


@draws_text_as_written
def actor_prominence(actors: pd.DataFrame, top: int = 12) -> Figure:
    """Mentions of the most mentioned actors in each version; H/L marks a first mention in the
    headline or lede (actors.actor_rows)."""
    if actors.empty:
        return empty("No people, institutions or countries were found in either version.")
    articles = list(dict.fromkeys(actors["article_id"]))
    order = list(dict.fromkeys(actors["actor_id"]))[:top]
    chosen = actors[actors["actor_id"].isin(order)]
    names = chosen.drop_duplicates("actor_id").set_index("actor_id")["actor"]
    mentions = chosen.set_index(["actor_id", "article_id"])["n_mentions"]
    first = chosen.set_index(["actor_id", "article_id"])["first_position"]
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(order) + 1.5), layout="constrained")
    _grouped_bars(
        ax,
        [names[a] for a in order],
        {v: [int(mentions[(a, v)]) for a in order] for v in articles},
        horizontal=True,
    )
    width = 0.8 / len(articles)
    for k, v in enumerate(articles):
        for y, a in enumerate(order):
            mark = POSITION_MARK.get(first[(a, v)], "")
            if mark:
                ax.annotate(
                    mark,
                    (int(mentions[(a, v)]), y - 0.4 + width * (k + 0.5)),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=7,
                )
    ax.set_xlabel(
        "mentions (names, descriptions and adjectives)  ·  H/L: first named in headline/lede"
    )
    set_title(ax, "Actors and their prominence")
    return fig


@draws_text_as_written
def context_frames(summary: pd.DataFrame, version_article_id: str | None = None) -> Figure:
    """Frames of what only one version tells: units per dimension and side (context_summary)."""
    if summary.empty:
        return empty("Neither version has sentences or passages the other lacks.")
    version_article_id = version_article_id or summary["version_article_id"].iloc[0]
    rows = summary[
        (summary["version_article_id"] == version_article_id) & (summary["facet"] == "frame")
    ]
    if rows.empty:
        return empty("The sentences only one version has carry no frame terms.")
    dims = [d for d in DIMENSIONS if d in set(rows["value"])]
    units = rows.set_index(["value", "side"])["n_units"]
    fig, ax = plt.subplots(figsize=(9, 0.4 * len(dims) + 1.5), layout="constrained")
    labels = {
        "only_original": "only in the original",
        "only_version": f"only in {version_article_id}",
    }
    series = {labels[s]: [int(units.get((d, s), 0)) for d in dims] for s in labels}
    _grouped_bars(ax, [DIMENSIONS[d] for d in dims], series, horizontal=True)
    for bars, side in zip(ax.containers, labels, strict=True):
        for bar in bars:
            bar.set_color(SIDE_COLOURS[side])
    ax.legend(frameon=False)
    ax.set_xlabel("sentences and passages carrying the frame")
    set_title(ax, "Context added or omitted, by frame")
    return fig


@draws_text_as_written
def tone(tone_table: pd.DataFrame) -> Figure:
    """VADER compound score of each sentence, in reading order, one line per version."""
    fig, ax = plt.subplots(figsize=(10, 3.6), layout="constrained")
    for k, (article_id, rows) in enumerate(tone_table.groupby("article_id", sort=False)):
        colour = VERSION_COLOURS[k % len(VERSION_COLOURS)]
        ax.plot(
            range(len(rows)),
            rows["compound"],
            marker="o",
            markersize=3,
            color=colour,
            label=article_id,
            linewidth=1,
        )
    ax.axhline(0, color="black", linewidth=0.8)
    for threshold in (-0.05, 0.05):
        ax.axhline(threshold, color="grey", linewidth=0.6, linestyle=":")
    ax.set_xlabel("sentence (headline first, if any)")
    ax.set_ylabel("VADER compound")
    ax.set_ylim(-1, 1)
    ax.legend(frameon=False)
    set_title(ax, "Tone, sentence by sentence (a secondary signal)")
    return fig
