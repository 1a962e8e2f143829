"""What the web clean-up set aside, for the overview: counts by kind, and sentences saying so."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from .classify import KINDS


def set_aside_by_kind(
    tables: Mapping[str, pd.DataFrame], article_ids: Sequence[str]
) -> pd.DataFrame:
    """Rows: set-aside kinds; columns: the articles; cells: paragraphs set aside (0 if none).

    Empty when nothing was cleaned (no ``set_aside`` table).
    """
    if "set_aside" not in tables:
        return pd.DataFrame(columns=["part", *article_ids])
    table = tables["set_aside"][tables["set_aside"]["article_id"].isin(article_ids)]
    counts = table.groupby(["part", "article_id"]).size().unstack(fill_value=0)
    kinds = [k for k in KINDS if k in counts.index]
    counts = counts.reindex(index=kinds, columns=list(article_ids), fill_value=0)
    return counts.rename_axis(index="part", columns=None).reset_index()


def set_aside_findings(tables: Mapping[str, pd.DataFrame], article_ids: Sequence[str]) -> list[str]:
    """One sentence per cleaned article: what was set aside, and whether it is an article."""
    if "cleanup" not in tables:
        return []
    cleanup = tables["cleanup"].set_index("article_id")
    sentences = []
    for aid in article_ids:
        if aid not in cleanup.index:
            continue
        row = cleanup.loc[aid]
        verdict = (
            ""
            if row["is_article"]
            else f" It is not an article ({row['not_article_reason']}) and is not compared."
        )
        kinds = f" ({row['set_aside_by_kind']})" if row["n_set_aside"] else ""
        sentences.append(
            f"{aid}: {row['n_set_aside']} paragraphs set aside as page furniture{kinds}.{verdict}"
        )
    return sentences
