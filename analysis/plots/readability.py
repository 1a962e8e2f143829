"""Readability figures (notebook 02), drawn from the tables of :mod:`analysis.readability`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..readability import METRIC_LABELS, METRICS
from .common import draws_text_as_written, set_title

# Original first (as the readability tables order the versions), then other versions.
VERSION_COLOURS = ["#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#7f7f7f"]
PARAGRAPH_METRICS = (
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "words_per_sentence",
    "syllables_per_word",
    "pct_difficult",
)


def _order(table: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(table["article_id"]))


def _colour(i: int) -> str:
    return VERSION_COLOURS[i % len(VERSION_COLOURS)]


@draws_text_as_written
def metric_intervals(readability: pd.DataFrame) -> Figure:
    """Each metric per version with its 95% interval.

    Filled markers: as published; hollow: house style normalised.
    """
    rows = readability[readability["level"] == "article"]
    order = _order(rows)
    # Each (version, variant, metric)'s first row, looked up once rather than filtered 36 times.
    intervals: dict[tuple[str, str, str], np.ndarray] = {}
    keys = zip(rows["article_id"], rows["variant"], rows["metric"], strict=True)
    for key, values in zip(keys, rows[["value", "ci_low", "ci_high"]].to_numpy(), strict=True):
        intervals.setdefault(key, values)
    fig, axes = plt.subplots(3, 3, figsize=(11, 7.5), layout="constrained")
    for ax, metric in zip(axes.ravel(), METRICS, strict=True):
        for i, aid in enumerate(order):
            for offset, variant in ((-0.12, "original"), (0.12, "normalised")):
                if (aid, variant, metric) not in intervals:
                    continue
                value, low, high = intervals[(aid, variant, metric)]
                colour = _colour(i)
                ax.errorbar(
                    i + offset,
                    value,
                    yerr=[[value - low], [high - value]],
                    fmt="o",
                    color=colour,
                    markerfacecolor=colour if variant == "original" else "white",
                    capsize=3,
                )
        set_title(ax, METRIC_LABELS[metric], fontsize=10)
        ax.set_xticks(range(len(order)), order, fontsize=8)
        ax.set_xlim(-0.6, len(order) - 0.4)
    fig.suptitle(
        "Readability of each version with 95% intervals (filled: as published; hollow: "
        "house style normalised)"
    )
    return fig


@draws_text_as_written
def difference_intervals(differences: pd.DataFrame) -> Figure:
    """Version − original for each metric, with 95% intervals, as published and style-normalised."""
    fig, ax = plt.subplots(figsize=(9, 5), layout="constrained")
    if differences.empty:
        ax.text(0.5, 0.5, "A comparison needs two versions of the story.", ha="center")
        ax.set_axis_off()
        return fig
    metrics = [m for m in METRICS if m != "flesch_reading_ease"]
    pairs = list(
        dict.fromkeys(
            zip(differences["original_article_id"], differences["version_article_id"], strict=True)
        )
    )
    styles = {"original": ("o", "as published"), "normalised": ("s", "house style normalised")}
    step = 0.8 / (len(pairs) * 2)
    k = 0
    for p, (original_id, version_id) in enumerate(pairs):
        for variant, (marker, label) in styles.items():
            rows = differences[
                (differences["original_article_id"] == original_id)
                & (differences["version_article_id"] == version_id)
                & (differences["variant"] == variant)
            ].set_index("metric")
            rows = rows.reindex(metrics)
            y = np.arange(len(metrics)) - 0.4 + step * (k + 0.5)
            ax.errorbar(
                rows["difference"],
                y,
                xerr=[rows["difference"] - rows["ci_low"], rows["ci_high"] - rows["difference"]],
                fmt=marker,
                color=_colour(p + 1),
                markerfacecolor="white" if variant == "normalised" else _colour(p + 1),
                capsize=3,
                label=f"{version_id} − {original_id}, {label}",
            )
            k += 1
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(range(len(metrics)), [METRIC_LABELS[m] for m in metrics])
    ax.invert_yaxis()
    ax.set_xlabel("version − original on each grade-level scale (right of 0: harder to read)")
    fig.legend(loc="outside lower center", fontsize=8, ncols=2)
    set_title(ax, "Differences between versions with 95% intervals (resampling sentences)")
    return fig


@draws_text_as_written
def paragraph_distributions(
    readability: pd.DataFrame, metrics: tuple[str, ...] = PARAGRAPH_METRICS
) -> Figure:
    """Box plots (with every paragraph as a dot) of per-paragraph scores, one panel per metric."""
    rows = readability[
        (readability["level"] == "paragraph") & (readability["variant"] == "original")
    ]
    order = _order(rows)
    fig, axes = plt.subplots(1, len(metrics), figsize=(3 * len(metrics), 4), layout="constrained")
    rng = np.random.default_rng(0)  # horizontal jitter of the dots only
    scores = {key: group.dropna() for key, group in rows.groupby(["article_id", "metric"])["value"]}
    none = pd.Series(dtype=float)
    for ax, metric in zip(np.atleast_1d(axes), metrics, strict=True):
        data = [scores.get((aid, metric), none) for aid in order]
        ax.boxplot(data, showfliers=False, widths=0.5)
        for i, values in enumerate(data):
            jitter = rng.uniform(-0.12, 0.12, len(values))
            ax.scatter(i + 1 + jitter, values, s=12, color=_colour(i), alpha=0.7, zorder=3)
        ax.set_xticks(range(1, len(order) + 1), order, fontsize=8, rotation=15)
        set_title(ax, METRIC_LABELS[metric].split(" (")[0], fontsize=10)
    fig.suptitle("Per-paragraph scores (as published; each dot is one paragraph)")
    return fig


@draws_text_as_written
def sentence_lengths(components: pd.DataFrame) -> Figure:
    """Histogram of words per sentence for each version (as published), with the means marked."""
    rows = components[(components["level"] == "sentence") & (components["variant"] == "original")]
    order = _order(rows)
    fig, axes = plt.subplots(
        len(order),
        1,
        figsize=(9, 1.9 * len(order) + 0.6),
        sharex=True,
        squeeze=False,
        layout="constrained",
    )
    top = max(int(rows["words"].max()) if len(rows) else 1, 1)
    bins = np.arange(0, top + 6, 5)
    for i, (ax, aid) in enumerate(zip(axes[:, 0], order, strict=True)):
        words = rows.loc[rows["article_id"] == aid, "words"]
        ax.hist(words, bins=bins, color=_colour(i), edgecolor="white")
        ax.axvline(words.mean(), color="black", linestyle="--", linewidth=1)
        ax.annotate(
            f"mean {words.mean():.1f}",
            (words.mean(), 0.95),
            xycoords=("data", "axes fraction"),
            ha="left",
            va="top",
            fontsize=9,
            xytext=(3, 0),
            textcoords="offset points",
        )
        ax.set_ylabel("sentences")
        set_title(ax, aid, loc="left", fontsize=10)
    axes[-1, 0].set_xlabel("words per sentence")
    fig.suptitle("Sentence lengths (body only, the project's own segmentation)")
    return fig
