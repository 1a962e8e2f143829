"""Helpers shared by the figure modules."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import ParamSpec

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.category import StrCategoryFormatter
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, Formatter, FuncFormatter

P = ParamSpec("P")
UNESCAPED_DOLLAR = re.compile(r"(?<!\\)\$")


def literal(text: str) -> str:
    """``text`` escaped so that matplotlib draws it as written, never as math ("$3" stays "$3").

    Matplotlib reads a string with two unescaped dollar signs as mathtext ("Gas cost $3, up
    from $2.85" fails to parse; "$\\frac{5}{2}$" is drawn as a fraction); an escaped ``\\$``
    is drawn as a dollar sign.
    """
    return UNESCAPED_DOLLAR.sub(r"\\$", text)


def literal_labels(formatter: Formatter) -> FuncFormatter:
    """A tick formatter giving ``formatter``'s labels through :func:`literal`."""
    return FuncFormatter(lambda value, position: literal(str(formatter(value, position))))


def draws_text_as_written(plot: Callable[P, Figure]) -> Callable[P, Figure]:
    """Decorate a figure function so that every text of its figure is drawn as written.

    The figures show article text (sentences, speakers, terms, outlets); none of it is math.
    Every text artist of the figure, and every tick label given as text (the formatters of
    ``set_xticks(..., labels)`` and of categorical axes), goes through :func:`literal`.
    """

    @functools.wraps(plot)
    def drawn(*args: P.args, **kwargs: P.kwargs) -> Figure:
        fig = plot(*args, **kwargs)
        for text in fig.findobj(Text):
            text.set_text(literal(text.get_text()))
        for ax in fig.axes:
            for axis in (ax.xaxis, ax.yaxis):
                formatter = axis.get_major_formatter()
                if isinstance(formatter, FixedFormatter | FuncFormatter | StrCategoryFormatter):
                    axis.set_major_formatter(literal_labels(formatter))
        return fig

    return drawn


@draws_text_as_written
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
