"""The figures of the notebooks: they draw with matplotlib's constrained layout, keep their
labels apart, and the cheaper drawing (explicit title height, collections, lookups built once)
shows the same things."""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable, Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import nbformat
import numpy as np
import pandas as pd
import pytest
from conftest import ROOT, STORY_ID, make_corpus
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.container import ErrorbarContainer
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.transforms import Bbox

import analysis
from analysis import plots
from analysis.plots.common import literal, set_title
from analysis.plots.story import story_figures
from analysis.readability import METRICS


@pytest.fixture(scope="module")
def builders(corpus: analysis.Corpus) -> dict[str, Callable[[], Figure]]:
    """Each figure of notebooks 00–04 for the seed story, with the notebooks' arguments."""
    figures = plots.story.story_figures(corpus, STORY_ID)
    return {key.split(" ", 1)[1]: build for key, build in figures.items()}


def test_story_figures_are_the_figures_the_notebooks_draw(corpus: analysis.Corpus) -> None:
    """Each listed figure is drawn by its notebook, and each notebook's figures are listed."""
    listed = plots.story.story_figures(corpus, STORY_ID)
    drawn_in_notebooks = set()
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        source = "\n".join(
            c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"
        )
        for call in re.findall(r"analysis\.plots\.(?:\w+\.)?(\w+)\(", source):
            drawn_in_notebooks.add(f"{path.name[:2]} {call}")
    assert set(listed) == drawn_in_notebooks


@pytest.fixture
def drawn(builders: dict[str, Callable[[], Figure]]) -> Iterator[Callable[[str], Figure]]:
    """Build a figure and write it as the notebooks show it (a PNG cropped to its content)."""
    made: list[Figure] = []

    def draw(name: str) -> Figure:
        fig = builders[name]()
        fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")
        made.append(fig)
        return fig

    yield draw
    for fig in made:
        plt.close(fig)


NAMES = [
    "lengths",
    "paragraph_profile",
    "alignment_diagram",
    "edit_categories",
    "distinctive_words",
    "metric_intervals",
    "difference_intervals",
    "paragraph_distributions",
    "sentence_lengths",
    "match_status",
    "share_of_voice",
    "voice_by_side",
    "term_counts",
    "attribution_classes",
    "frame_profile",
    "frame_shift",
    "frame_map",
    "context_frames",
    "actor_prominence",
    "tone",
    "version_ranking",
    "paragraph_heatmap",
    "alignment_overview",
    "quote_heatmap",
]


def _subplots(fig: Figure) -> list[plt.Axes]:
    return [ax for ax in fig.axes if ax.get_subplotspec() is not None]


def _overlap(a: Bbox, b: Bbox, tolerance: float = 0.5) -> bool:
    """Whether two boxes (in pixels) overlap by more than ``tolerance`` pixels both ways."""
    return (
        min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance
        and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance
    )


def test_every_notebook_figure_is_built_here(builders: dict[str, Callable[[], Figure]]) -> None:
    assert sorted(builders) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_figures_draw_with_constrained_layout_and_keep_labels_apart(
    drawn: Callable[[str], Figure], name: str
) -> None:
    fig = drawn(name)
    assert isinstance(fig, Figure)
    assert isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine), name
    renderer = fig.canvas.get_renderer()
    boxes = [ax.get_tightbbox(renderer) for ax in _subplots(fig)]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not _overlap(a, b), name
    suptitles = [t for t in fig.texts if fig.get_suptitle() and t.get_text() == fig.get_suptitle()]
    for artist in [*suptitles, *fig.legends]:
        box = artist.get_window_extent(renderer)
        assert not any(_overlap(box, b) for b in boxes), name


@pytest.mark.parametrize("loc", ["center", "left"])
def test_set_title_puts_the_title_where_matplotlib_would(loc: str) -> None:
    boxes = []
    for explicit in (False, True):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot([0, 1], [0, 2000])
        title = (set_title if explicit else plt.Axes.set_title)(ax, "A title", loc=loc)
        fig.draw_without_rendering()
        boxes.append(title.get_window_extent().bounds)
        plt.close(fig)
    assert boxes[0] == pytest.approx(boxes[1])


def test_alignment_diagram_draws_a_dot_per_sentence_and_a_line_per_aligned_pair(
    corpus: analysis.Corpus, drawn: Callable[[str], Figure]
) -> None:
    alignment = analysis.wording.story_tables(corpus, STORY_ID)["alignment"]
    version = alignment["version_article_id"].iloc[0]
    rows = alignment[alignment["version_article_id"] == version]
    sentences = corpus["sentences"]
    counts = sentences.groupby("article_id").size()
    ax = drawn("alignment_diagram").axes[0]
    dots = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert [len(c.get_offsets()) for c in dots] == [
        counts[rows["original_article_id"].iloc[0]],
        counts[version],
    ]
    (lines,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    linked = rows.dropna(subset=["original_sentence_id", "version_sentence_id"])
    assert len(lines.get_segments()) == len(linked)
    colours = {tuple(np.round(c, 3)) for c in lines.get_colors()}
    expected = {
        tuple(np.round(matplotlib.colors.to_rgba(plots.wording.LABEL_COLOURS[label], 0.8), 3))
        for label in linked["label"]
    }
    assert colours == expected
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == counts[rows["original_article_id"].iloc[0]] + counts[version] + 2


def test_metric_intervals_show_each_versions_value_and_interval(
    corpus: analysis.Corpus, drawn: Callable[[str], Figure]
) -> None:
    table = analysis.readability.story_tables(corpus, STORY_ID)["readability"]
    rows = table[table["level"] == "article"]
    order = list(dict.fromkeys(rows["article_id"]))
    fig = drawn("metric_intervals")
    for ax, metric in zip(fig.axes, METRICS, strict=True):
        shown = []
        for bars in ax.containers:
            assert isinstance(bars, ErrorbarContainer)
            (x,), (y,) = bars.lines[0].get_xdata(), bars.lines[0].get_ydata()
            ((_, low), (_, high)) = bars.lines[2][0].get_segments()[0]
            shown.append((round(x, 2), y, low, high))
        expected = []
        for i, aid in enumerate(order):
            for offset, variant in ((-0.12, "original"), (0.12, "normalised")):
                match = rows[
                    (rows["article_id"] == aid)
                    & (rows["variant"] == variant)
                    & (rows["metric"] == metric)
                ]
                if len(match):
                    value, low, high = match[["value", "ci_low", "ci_high"]].iloc[0]
                    expected.append((round(i + offset, 2), value, low, high))
        assert expected
        assert np.array(shown) == pytest.approx(np.array(expected)), metric


def test_paragraph_distributions_show_every_paragraph_of_each_version(
    corpus: analysis.Corpus, drawn: Callable[[str], Figure]
) -> None:
    table = analysis.readability.story_tables(corpus, STORY_ID)["readability"]
    rows = table[(table["level"] == "paragraph") & (table["variant"] == "original")]
    order = list(dict.fromkeys(rows["article_id"]))
    fig = drawn("paragraph_distributions")
    metrics = plots.readability.PARAGRAPH_METRICS
    for ax, metric in zip(fig.axes, metrics, strict=True):
        dots = [c for c in ax.collections if isinstance(c, PathCollection)]
        assert len(dots) == len(order)
        for i, (aid, collection) in enumerate(zip(order, dots, strict=True)):
            xy = np.ma.getdata(collection.get_offsets())
            values = rows.loc[(rows["article_id"] == aid) & (rows["metric"] == metric), "value"]
            assert len(values.dropna())
            assert np.sort(xy[:, 1]) == pytest.approx(np.sort(values.dropna().to_numpy()))
            assert np.all(np.abs(xy[:, 0] - (i + 1)) <= 0.12)


def test_figures_for_empty_tables_still_draw() -> None:
    figures = [
        plots.quotes.share_of_voice(
            pd.DataFrame(columns=["article_id", "speaker_name", "side", "quoted_words"])
        ),
        plots.readability.difference_intervals(pd.DataFrame()),
        plots.framing.actor_prominence(pd.DataFrame()),
    ]
    for fig in figures:
        assert isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine)
        fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")
        plt.close(fig)


def test_article_text_is_drawn_as_written_never_as_math() -> None:
    """"Gas cost $3, up … from $2.85" made matplotlib parse math (ParseException in 01)."""
    from matplotlib import cbook
    from matplotlib.text import Text

    first = (
        "Gas prices\n\nGas cost $3, up 5% from $2.85 a year ago, officials said. "
        "The ratio was $\\frac{5}{2}$ in the report.\n\nDrivers complained."
    )
    second = first.replace("5%", "6%") + " A new $4 tax looms."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        builders = story_figures(make_corpus(first, second), "s")
    drawn = []
    for name, build in builders.items():
        fig = build()
        fig.savefig(io.BytesIO(), format="png")  # raised ValueError (ParseException) before
        texts = [t.get_text() for t in fig.findobj(Text)]
        drawn += texts
        math = [t for t in fig.findobj(Text) if cbook.is_math_text(t.get_text())]
        assert not math, f"{name}: drawn as math: {[t.get_text() for t in math]}"
        plt.close(fig)
    assert any("$3" in t and "$2.85" in t for t in drawn), "the sentence is drawn"
    assert literal("$\\frac{5}{2}$") == "\\$\\frac{5}{2}\\$" and literal("\\$1") == "\\$1"


def test_a_story_without_quotations_gets_a_sentence_not_an_empty_chart() -> None:
    """A red 'No artists with labels found' warning sat above an empty chart in reader pages."""
    from matplotlib.text import Text

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plots.quotes.match_status(
            pd.DataFrame(columns=["version_article_id", "status"])
        )
        fig.savefig(io.BytesIO(), format="png")
    texts = " ".join(t.get_text() for t in fig.findobj(Text))
    assert "nothing to match" in texts
    plt.close(fig)
