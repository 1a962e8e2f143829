"""Showing tables in notebooks and reports: full text, wrapped, always HTML-escaped."""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML
from pandas.io.formats.style import Styler


def wide_text(table: pd.DataFrame, width: str = "32em") -> Styler:
    """A styled table whose text cells wrap instead of being cut, escaped as HTML.

    Article text may contain ``<script>`` or markup: it is shown as text, never run.
    """
    return (
        table.style.format(escape="html", na_rep="")
        .set_properties(
            **{
                "white-space": "pre-wrap",
                "text-align": "left",
                "min-width": "8em",
                "max-width": width,
                "vertical-align": "top",
            }
        )
        .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
    )


def record(table: pd.DataFrame, key: str = "article_id") -> Styler:
    """One column per row of ``table`` (fields as rows): easier to read for a few wide rows."""
    return wide_text(table.set_index(key).T.astype(object).where(lambda t: t.notna(), ""))


def note(text: str) -> HTML:
    """A sentence for the reader, shown as an escaped paragraph (not as a quoted string)."""
    return HTML(f"<p><strong>{html.escape(text)}</strong></p>")
