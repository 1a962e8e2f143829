"""Figures across all versions of a story (the tables of :mod:`analysis.versions`).

Each figure grows with the number of versions (a row or column per version at a fixed
size), so its labels stay readable and apart from 2 to 30 versions and more. Versions are
ordered by similarity to the original: the version that changed least comes first.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .common import draws_text_as_written, empty, set_title

ROW_INCHES = 0.26
"""Height of one row (a version, a paragraph, a quotation) in inches: room for 8-pt labels."""

PARAGRAPH_STATUSES = ("kept", "edited", "moved", "partly cut", "cut")
QUOTE_STATUSES = ("kept", "edited", "re-attributed", "dropped")
SENTENCE_LABELS = ("unchanged", "edited", "moved", "deleted")
STATUS_COLOURS = {
    "kept": "#d9d9d9",
    "unchanged": "#d9d9d9",
    "edited": "#9ecae1",
    "moved": "#fdae6b",
    "re-attributed": "#fdae6b",
    "partly cut": "#fb6a4a",
    "cut": "#a50f15",
    "deleted": "#a50f15",
    "dropped": "#a50f15",
}


def version_order(summary: pd.DataFrame) -> list[str]:
    """Version ids from the least changed to the most (the reverse of the summary's rank)."""
    return summary.sort_values("rank", ascending=False)["version_article_id"].tolist()


def _status_grid(
    table: pd.DataFrame, row: str, statuses: tuple[str, ...], order: list[str]
) -> pd.DataFrame:
    """Rows × versions of status codes (index into ``statuses``; NaN where absent)."""
    codes = table.assign(code=table["status"].map({s: k for k, s in enumerate(statuses)}))
    grid = codes.pivot_table(index=row, columns="version_article_id", values="code", aggfunc="max")
    return grid.reindex(columns=[v for v in order if v in grid.columns])


def _heatmap(
    grid: pd.DataFrame, statuses: tuple[str, ...], row_labels: list[str], title: str
) -> Figure:
    """A status grid as coloured cells, one row per item and one column per version."""
    n_rows, n_cols = grid.shape
    width = max(6.0, 2.5 + 0.32 * n_cols + 0.055 * max(len(s) for s in row_labels))
    fig, ax = plt.subplots(
        figsize=(width, ROW_INCHES * n_rows + 2.2), layout="constrained"
    )
    cmap = ListedColormap([STATUS_COLOURS[s] for s in statuses]).with_extremes(bad="white")
    norm = BoundaryNorm(np.arange(len(statuses) + 1) - 0.5, cmap.N)
    ax.pcolormesh(np.ma.masked_invalid(grid.to_numpy(dtype=float)), cmap=cmap, norm=norm,
                  edgecolors="white", linewidth=0.5)  # fmt: skip
    ax.set_xticks(np.arange(n_cols) + 0.5, grid.columns.tolist(), rotation=90, fontsize=8)
    ax.set_yticks(np.arange(n_rows) + 0.5, row_labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("version (least changed first)")
    ax.legend(
        handles=[Patch(color=STATUS_COLOURS[s], label=s) for s in statuses],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        fontsize=8,
        frameon=False,
    )
    set_title(ax, title)
    return fig


@draws_text_as_written
def version_ranking(summary: pd.DataFrame) -> Figure:
    """How much each version changed: the share of the original's words it does not carry."""
    if summary.empty:
        return empty("No version to compare with the original.", "How much each version changed")
    ordered = summary.sort_values("rank", ascending=False)
    pairs = zip(ordered["version_article_id"], ordered["outlet"], strict=True)
    labels = [f"{v} ({o})" if o and o != v else v for v, o in pairs]
    width = max(7.0, 5.5 + 0.07 * max(len(label) for label in labels))
    fig, ax = plt.subplots(figsize=(width, ROW_INCHES * len(ordered) + 1.6), layout="constrained")
    ax.barh(range(len(ordered)), ordered["changed_share"] * 100, color="#6a51a3")
    ax.set_yticks(range(len(ordered)), labels, fontsize=8)
    ax.set_xlabel("% of the original's words not carried, after house style")
    ax.set_xlim(0, max(5.0, float(ordered["changed_share"].max()) * 110))
    set_title(ax, "How much each version changed")
    return fig


@draws_text_as_written
def paragraph_heatmap(matrix: pd.DataFrame, summary: pd.DataFrame) -> Figure:
    """Each paragraph of the original × each version: kept, edited, moved, partly cut, cut."""
    if matrix.empty:
        return empty("The original has no paragraphs to follow.", "Paragraphs across versions")
    grid = _status_grid(matrix, "paragraph_index", PARAGRAPH_STATUSES, version_order(summary))
    first = matrix.drop_duplicates("paragraph_index").set_index("paragraph_index")["text"]
    labels = [f"¶{i}  {str(first[i])[:40]}…" for i in grid.index]
    return _heatmap(grid, PARAGRAPH_STATUSES, labels, "What each version did with each paragraph")


@draws_text_as_written
def quote_heatmap(matrix: pd.DataFrame, summary: pd.DataFrame) -> Figure:
    """Each quotation of the original × each version: kept, edited, re-attributed, dropped."""
    original = matrix[matrix["status"] != "added"]
    if original.empty:
        return empty("The original has no quotations in quote marks.", "Quotations across versions")
    grid = _status_grid(original, "quote_id", QUOTE_STATUSES, version_order(summary))
    first = original.drop_duplicates("quote_id").set_index("quote_id")
    labels = [f"{first.loc[q, 'speaker'] or '?'}: “{str(first.loc[q, 'quote'])[:34]}…”"
              for q in grid.index]  # fmt: skip
    return _heatmap(grid, QUOTE_STATUSES, labels, "What each version did with each quotation")


@draws_text_as_written
def alignment_overview(
    sentences: pd.DataFrame, summary: pd.DataFrame, added: pd.DataFrame
) -> Figure:
    """One strip per version along the original's sentences: unchanged, edited, moved, cut.

    ``sentences``: the ``sentence_matrix`` table; ``added``: ``added_material`` (the count of
    sentences each version added is written beside its strip).
    """
    if sentences.empty:
        return empty("No sentence of the original to follow.", "Alignment of every version")
    order = sorted(sentences["original_sentence_id"].unique())
    table = sentences.rename(columns={"label": "status"})
    grid = _status_grid(table, "original_sentence_id", SENTENCE_LABELS, version_order(summary))
    strips = grid.reindex(order).T
    n_added = added.groupby("version_article_id").size()
    labels = [f"{v}  (+{int(n_added.get(v, 0))} added)" for v in strips.index]
    fig = _heatmap(strips, SENTENCE_LABELS, labels, "Every version along the original's sentences")
    ax = fig.axes[0]
    step = max(1, len(order) // 20)
    ticks = range(0, len(order), step)
    ax.set_xticks(np.array(ticks) + 0.5, [str(k + 1) for k in ticks], rotation=0, fontsize=8)
    ax.set_xlabel("sentence of the original")
    return fig
