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
        table.style.format(escape="html", na_rep="", precision=3)
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


_REDLINE_CSS = """<style>
.redline{font-family:Georgia,serif;line-height:1.55;max-width:52em}
.redline .pair{margin:.5em 0;padding:.3em .5em;border-left:4px solid #ccc}
.redline .pair.substance{border-left-color:#c0392b}.redline .pair.style{border-left-color:#7fa7cc}
.redline .ids{font-family:monospace;font-size:.8em;color:#666}
.redline del{color:#a61b1b;background:#fde2e2}
.redline ins{color:#17632a;background:#dff5e3;text-decoration:none}
.redline del.style,.redline ins.style{color:#555;background:#e8eef6}
.redline .typo{border-bottom:1px dotted #7fa7cc}
.redline .added{background:#eefaf0}.redline .deleted{background:#fdf0f0}
</style>"""


def redline(ops: pd.DataFrame, limit: int | None = None, only_changed: bool = True) -> HTML:
    """Track changes, one block per aligned group (wording.redline output), escaped.

    Deletions are struck through, insertions highlighted; house-style edits are grey-blue,
    substantive ones red and green; typography and punctuation changes are shown as the
    version writes them, dotted-underlined (hover to see the original).
    """
    blocks = []
    keys = ["version_article_id", "original_sentence_id", "version_sentence_id"]
    for (_, o_ids, v_ids), group in ops.groupby(keys, sort=False):
        kinds = {
            "substance" if s else "style" for s in group.loc[group["op"] != "equal", "substantive"]
        }
        if only_changed and not kinds:
            continue
        kind = "substance" if "substance" in kinds else "style"
        pieces = []
        for row in group.itertuples(index=False):
            cls = "substance" if row.substantive else "style"
            old, new = html.escape(row.old_text), html.escape(row.new_text)
            title = html.escape(row.category + (f" ({row.rule_id})" if row.rule_id else ""))
            pieces.append(" " if row.space_before and pieces else "")
            if row.op == "equal":
                pieces.append(old)
            elif row.category in ("typography", "punctuation") and old and new:
                pieces.append(f'<span class="typo" title="{title}: {old} → {new}">{new}</span>')
            else:
                if old:
                    pieces.append(f'<del class="{cls}" title="{title}">{old}</del>')
                if new:
                    space = " " if old else ""
                    pieces.append(f'{space}<ins class="{cls}" title="{title}">{new}</ins>')
        extra = " added" if not o_ids else (" deleted" if not v_ids else "")
        ids = html.escape(f"{o_ids or '—'} → {v_ids or '—'}")
        blocks.append(
            f'<div class="pair {kind}{extra}"><div class="ids">{ids}</div>{"".join(pieces)}</div>'
        )
        if limit is not None and len(blocks) >= limit:
            break
    return HTML(_REDLINE_CSS + '<div class="redline">' + "\n".join(blocks) + "</div>")
